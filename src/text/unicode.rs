//! Unicode folding for comparison keys and the combining-mark test, from
//! tables that `build.rs` derives from the `unicode-normalization` crate.

mod tables {
    include!(concat!(env!("OUT_DIR"), "/unicode_tables.rs"));
}

/// The compatibility decomposition (NFKD) of `c` without combining marks,
/// lower-cased — `é` → `e`, `ﬁ` → `fi`, `Ｐ` → `p`, `²` → `2` — when it
/// differs from `c`'s plain lower case.
pub fn fold(c: char) -> Option<Folded> {
    if c.is_ascii() {
        return None;
    }
    let cp = c as u32;
    // The run that starts at or before `c`, if `c` falls inside it.
    let i = match tables::FOLD_STARTS.binary_search(&cp) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let offset_in_run = cp - tables::FOLD_STARTS[i];
    if offset_in_run >= tables::FOLD_LENGTHS[i] {
        return None;
    }
    let value = tables::FOLD_VALUES[i];
    if value & tables::LONG == 0 {
        return char::from_u32(value + offset_in_run).map(Folded::Char);
    }
    let (offset, len) = ((value & 0xFF_FFFF) as usize, ((value & !tables::LONG) >> 24) as usize);
    tables::FOLD_STRINGS.get(offset..offset + len).map(Folded::Text)
}

/// What a character folds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// One character (most accented letters).
    Char(char),
    /// Several (ligatures, `½` → `1⁄2`).
    Text(&'static str),
}

/// True for combining marks (Unicode general category M).
pub fn is_combining_mark(c: char) -> bool {
    !c.is_ascii() && in_ranges(&tables::MARKS, c)
}

/// True for punctuation outside ASCII (general category P: quotation
/// marks, dashes, ellipses, `¿`, `·`…); symbols such as `€` or `©` are not.
pub fn is_unicode_punctuation(c: char) -> bool {
    !c.is_ascii() && in_ranges(&tables::PUNCTUATION, c)
}

/// True for invisible format characters (general category Cf: soft
/// hyphens, zero-width spaces and joiners, direction marks, byte order marks).
pub fn is_format(c: char) -> bool {
    !c.is_ascii() && in_ranges(&tables::FORMAT, c)
}

/// Whether `c` falls in one of `ranges`, given as sorted start/end pairs:
/// an odd insertion point falls inside a range.
fn in_ranges(ranges: &[u32], c: char) -> bool {
    match ranges.binary_search(&(c as u32)) {
        Ok(_) => true,
        Err(i) => i % 2 == 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_ligatures_and_width() {
        assert_eq!(fold('é'), Some(Folded::Char('e')));
        assert_eq!(fold('Ü'), Some(Folded::Char('u')));
        assert_eq!(fold('ﬁ'), Some(Folded::Text("fi")));
        assert_eq!(fold('Ｐ'), Some(Folded::Char('p')));
        assert_eq!(fold('Ｚ'), Some(Folded::Char('z')));
        assert_eq!(fold('𝐀'), Some(Folded::Char('a')), "mathematical bold");
        assert_eq!(fold('²'), Some(Folded::Char('2')));
        assert_eq!(fold('ё'), Some(Folded::Char('е')));
        assert_eq!(fold('a'), None);
        assert_eq!(fold('ß'), None, "no decomposition: handled by the key");
        assert_eq!(fold('한'), None, "Hangul syllables stay whole");
    }

    #[test]
    fn punctuation_and_format_characters() {
        for c in ['“', '—', '…', '¿', '·', '«'] {
            assert!(is_unicode_punctuation(c), "{c}");
        }
        for c in ['€', '©', 'é', '.', '한'] {
            assert!(!is_unicode_punctuation(c), "{c}");
        }
        assert!(is_format('\u{AD}') && is_format('\u{200B}') && is_format('\u{FEFF}'));
        assert!(!is_format(' ') && !is_format('a'));
    }

    #[test]
    fn marks() {
        assert!(is_combining_mark('\u{301}'));
        assert!(is_combining_mark('\u{94D}'));
        assert!(is_combining_mark('\u{36F}') && is_combining_mark('\u{300}'), "range ends");
        assert!(!is_combining_mark('a'));
        assert!(!is_combining_mark('é'));
    }
}
