//! Unicode folding for comparison keys and the combining-mark test, from
//! tables that `build.rs` derives from the `unicode-normalization` crate.

use std::sync::OnceLock;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/unicode_tables.rs"));
}

/// The fold table: runs of characters, sorted, built once from the compact
/// form `build.rs` writes (see `fold_runs` there).
struct FoldRun {
    start: u32,
    len: u32,
    /// Shifted left one bit: the fold of `start` (low bit clear), or a
    /// string's offset and length in `FOLD_STRINGS` (`offset << 7 | len`,
    /// low bit set).
    value: u32,
}

fn fold_runs() -> &'static [FoldRun] {
    static RUNS: OnceLock<Vec<FoldRun>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let mut bytes = include_bytes!(concat!(env!("OUT_DIR"), "/fold_runs.bin")).as_slice();
        let mut varint = || {
            let mut n = 0;
            for shift in (0..).step_by(7) {
                let (&byte, rest) = bytes.split_first().expect("fold_runs.bin is whole (build.rs writes it)");
                bytes = rest;
                n |= u32::from(byte & 0x7F) << shift;
                if byte < 0x80 {
                    break;
                }
            }
            n
        };
        let count = varint() as usize;
        let mut runs: Vec<FoldRun> = (0..count).map(|_| FoldRun { start: 0, len: varint() + 1, value: 0 }).collect();
        let mut end = 0;
        for run in &mut runs {
            run.start = end + varint();
            end = run.start + run.len;
        }
        for run in &mut runs {
            run.value = varint();
        }
        runs
    })
}

/// The compatibility decomposition (NFKD) of `c` without combining marks,
/// lower-cased — `é` → `e`, `ﬁ` → `fi`, `Ｐ` → `p`, `²` → `2` — when it
/// differs from `c`'s plain lower case.
pub fn fold(c: char) -> Option<Folded> {
    if c.is_ascii() {
        return None;
    }
    let cp = c as u32;
    let runs = fold_runs();
    // The run that starts at or before `c`, if `c` falls inside it.
    let i = runs.partition_point(|r| r.start <= cp).checked_sub(1)?;
    let run = &runs[i];
    let offset_in_run = cp - run.start;
    if offset_in_run >= run.len {
        return None;
    }
    if run.value & 1 == 0 {
        return char::from_u32((run.value >> 1) + offset_in_run).map(Folded::Char);
    }
    let (offset, len) = ((run.value >> 8) as usize, (run.value >> 1 & 0x7F) as usize);
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
    fn fold_runs_are_sorted_and_apart() {
        let runs = fold_runs();
        assert!(runs.len() > 4000, "{} runs", runs.len());
        assert!(runs.windows(2).all(|w| w[0].start + w[0].len <= w[1].start));
        assert!(runs.iter().all(|r| r.value & 1 == 1 || char::from_u32((r.value >> 1) + r.len - 1).is_some()));
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
