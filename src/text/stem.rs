//! A light English stemmer: strips inflections and a few derivational
//! suffixes so that `exchanges`/`exchange`, `negotiations`/`negotiate` and
//! `immediately`/`immediate` count as the same word when scoring similarity.
//! Consistency matters more here than linguistic accuracy: both sides of a
//! comparison go through the same function. Words that are not lower-case
//! ASCII are returned unchanged.

/// Words that look inflected but are not.
const KEEP: &[&str] = &[
    "news",
    "series",
    "species",
    "means",
    "always",
    "whereas",
    "perhaps",
    "lens",
    "this",
    "thus",
    "yes",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "during",
    "thing",
    "king",
    "ring",
    "bring",
    "sing",
    "wing",
    "spring",
    "string",
    "swing",
    "sting",
    "nothing",
    "something",
    "anything",
    "everything",
    "morning",
    "evening",
    "ceiling",
    "building",
    "red",
    "bed",
    "need",
    "seed",
    "feed",
    "speed",
    "hundred",
    "sled",
];

/// The stem of a word key (see [`super::normalize::word_key`]).
pub fn stem(key: &str) -> &str {
    if key.len() <= 3 || !key.bytes().all(|b| b.is_ascii_lowercase()) || KEEP.contains(&key) {
        return key;
    }
    let mut w = strip_plural(key);
    w = strip_inflection(w);
    w = strip_derivation(w);
    if w.len() > 3 {
        if let Some(s) = w.strip_suffix('y') {
            w = s;
        }
    }
    while w.len() > 3 && w.ends_with('e') {
        w = &w[..w.len() - 1];
    }
    w
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| b"aeiouy".contains(&b))
}

fn strip_plural(w: &str) -> &str {
    if let Some(s) = w.strip_suffix("ies") {
        if s.len() >= 2 {
            // `countries` → `countr`, as `country` loses its `y` below.
            return s;
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w;
    }
    if let Some(s) = w.strip_suffix('s') {
        if s.len() >= 3 {
            return s;
        }
    }
    w
}

fn strip_inflection(w: &str) -> &str {
    if let Some(s) = w.strip_suffix("ied") {
        if s.len() >= 2 {
            return s;
        }
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 3 && has_vowel(s) {
                return undouble(s);
            }
        }
    }
    w
}

/// `stopp` → `stop`, but `install`, `pass` and `buzz` keep their pair.
fn undouble(s: &str) -> &str {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !b"lsz".contains(&b[n - 1]) && !b"aeiou".contains(&b[n - 1]) {
        return &s[..n - 1];
    }
    s
}

fn strip_derivation(w: &str) -> &str {
    // Ordered longest first; `ation` keeps its `at` so that `negotiation`
    // meets `negotiate` (which loses its final `e`).
    const SUFFIXES: &[(&str, usize)] = &[
        ("ization", 0),
        ("fulness", 0),
        ("iveness", 0),
        ("ousness", 0),
        ("ation", 2),
        ("ement", 0),
        ("ment", 0),
        ("ness", 0),
        ("ical", 0),
        ("ful", 0),
        ("ly", 0),
        ("al", 0),
        ("ive", 0),
        ("ion", 0),
    ];
    for &(suffix, keep) in SUFFIXES {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 && has_vowel(s) {
                return &w[..s.len() + keep];
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["exchange", "exchanges", "exchanged", "exchanging"][..],
            &["prisoner", "prisoners"],
            &["negotiation", "negotiations", "negotiate", "negotiated"],
            &["immediate", "immediately"],
            &["country", "countries"],
            &["stop", "stopped", "stopping"],
            &["agree", "agreed", "agreement", "agreements"],
            &["consultation", "consultations"],
            &["elect", "elected", "election"],
            &["offense", "offensive"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn short_foreign_and_exceptional_words_are_left_alone() {
        assert_eq!(stem("was"), "was");
        assert_eq!(stem("news"), "news");
        assert_eq!(stem("straße"), "straße");
        assert_eq!(stem("1200"), "1200");
    }

    #[test]
    fn different_words_keep_different_stems() {
        for (a, b) in [("install", "instal"), ("nation", "not"), ("capture", "captain"), ("news", "new")] {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }
}
