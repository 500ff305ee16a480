//! The sentence encoder's tokeniser: BERT's uncased basic tokenisation
//! (clean the text, set Chinese/Japanese/Korean ideographs apart, strip
//! accents, lower-case, split off punctuation) followed by WordPiece's
//! greedy longest-match-first split into the vocabulary's pieces.
//!
//! It follows the reference tokeniser (`tokenizers`' `BertNormalizer`,
//! `BertPreTokenizer` and `WordPiece`, as all-MiniLM-L6-v2 configures them),
//! with one deliberate difference: accents are stripped with the
//! compatibility decomposition the comparison keys already use (NFKD)
//! rather than the canonical one (NFD), so ligatures, full-width letters and
//! superscripts (`ﬁ`, `Ｐ`, `²`) become their plain letters instead of rare
//! pieces or `[UNK]`, and every combining mark goes (the reference keeps the
//! spacing vowel signs of Indic scripts). `tests/wordpiece.rs` checks the
//! rest against the reference's output.

use crate::text::hash::FastMap;
use crate::text::unicode::{fold, is_combining_mark, is_format, is_unicode_punctuation, Folded};

/// Words longer than this (in characters) are one unknown piece, as in the
/// reference.
const MAX_WORD_CHARS: usize = 100;

/// The pieces of the words a tokeniser has split, by word (lower-cased and
/// folded).
#[derive(Default)]
pub struct KnownWords(FastMap<String, Vec<u32>>);

/// A WordPiece vocabulary: piece text to id (continuations keep their `##`).
pub struct Vocabulary {
    ids: FastMap<Box<str>, u32>,
    unknown: u32,
}

impl Vocabulary {
    /// The vocabulary of `pieces`, one per id in order; `None` when it has
    /// no `[UNK]` piece.
    pub fn new<'a>(pieces: impl Iterator<Item = &'a str>) -> Option<Self> {
        let ids: FastMap<Box<str>, u32> = pieces.enumerate().map(|(i, p)| (Box::from(p), i as u32)).collect();
        let unknown = *ids.get("[UNK]")?;
        Some(Vocabulary { ids, unknown })
    }

    /// Appends the piece ids of `text` to `out`. `known` remembers the
    /// pieces of words already split (news repeats its words: splitting
    /// each once is most of the saving).
    pub fn tokenize(&self, text: &str, out: &mut Vec<u32>, known: &mut KnownWords) {
        let mut word = String::new();
        let mut scratch = String::new();
        let mut flush = |word: &mut String, out: &mut Vec<u32>| {
            if !word.is_empty() {
                match known.0.get(word.as_str()) {
                    Some(pieces) => out.extend_from_slice(pieces),
                    None => {
                        let start = out.len();
                        self.word_pieces(word, out, &mut scratch);
                        known.0.insert(word.clone(), out[start..].to_vec());
                    }
                }
                word.clear();
            }
        };
        for c in text.chars() {
            // Most characters are plain letters and digits: none of the
            // cases below but the last.
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
                continue;
            }
            if c == '\0' || c == '\u{FFFD}' || is_control(c) {
                continue;
            }
            if is_whitespace(c) {
                flush(&mut word, out);
                continue;
            }
            if is_ideograph(c) || c.is_ascii_punctuation() || is_unicode_punctuation(c) {
                flush(&mut word, out);
                word.push(c);
                flush(&mut word, out);
                continue;
            }
            if let Some(jamo) = hangul_jamo(c) {
                word.extend(jamo.into_iter().flatten());
                continue;
            }
            match fold(c) {
                Some(Folded::Char(f)) => push_lower(&mut word, f),
                Some(Folded::Text(f)) => f.chars().for_each(|f| push_lower(&mut word, f)),
                None if is_combining_mark(c) => {}
                None => push_lower(&mut word, c),
            }
        }
        flush(&mut word, out);
    }

    /// Greedy longest-match-first split of one word.
    fn word_pieces(&self, word: &str, out: &mut Vec<u32>, scratch: &mut String) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unknown);
            return;
        }
        let first = out.len();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let found = loop {
                scratch.clear();
                if start > 0 {
                    scratch.push_str("##");
                }
                scratch.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(scratch.as_str()) {
                    break Some(id);
                }
                match word[start..end].char_indices().next_back() {
                    Some((last, _)) if last > 0 => end = start + last,
                    _ => break None,
                }
            };
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    // A word with a part no piece covers is one unknown piece.
                    out.truncate(first);
                    out.push(self.unknown);
                    return;
                }
            }
        }
    }
}

/// The conjoining jamo of a Hangul syllable (its canonical decomposition,
/// which the reference's NFD makes and the vocabulary is made of).
fn hangul_jamo(c: char) -> Option<[Option<char>; 3]> {
    let s = (c as u32).checked_sub(0xAC00).filter(|&s| s < 11_172)?;
    let (lead, vowel, tail) = (s / 588, s % 588 / 28, s % 28);
    Some([
        char::from_u32(0x1100 + lead),
        char::from_u32(0x1161 + vowel),
        if tail == 0 { None } else { char::from_u32(0x11A7 + tail) },
    ])
}

fn push_lower(word: &mut String, c: char) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
    } else {
        word.extend(c.to_lowercase());
    }
}

/// BERT's whitespace: space, tab, line breaks and the space separators.
fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
        || (!c.is_ascii() && c.is_whitespace() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
}

/// Control and format characters, which the reference drops (tab and line
/// breaks are whitespace instead).
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_format(c)
}

/// The CJK ideograph blocks the reference sets apart as words of their own
/// (not Hangul, kana or Thai).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        let pieces =
            ["[PAD]", "[UNK]", "the", "un", "##aff", "##able", "caf", "##e", ",", "’", "中", "1", "##2", "fi", "##sh"];
        Vocabulary::new(pieces.into_iter()).unwrap()
    }

    fn pieces(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let (vocabulary, mut known) = (vocabulary(), KnownWords::default());
        vocabulary.tokenize(text, &mut out, &mut known);
        // Known words give the same pieces the second time.
        let mut again = Vec::new();
        vocabulary.tokenize(text, &mut again, &mut known);
        assert_eq!(out, again);
        out
    }

    #[test]
    fn greedy_longest_match_with_continuations() {
        assert_eq!(pieces("unaffable"), [3, 4, 5]);
        assert_eq!(pieces("The unaffable"), [2, 3, 4, 5]);
    }

    #[test]
    fn accents_case_and_punctuation() {
        assert_eq!(pieces("CAFÉ,’the"), [6, 7, 8, 9, 2]);
        assert_eq!(pieces("ﬁsh"), [13, 14], "compatibility forms fold");
    }

    #[test]
    fn ideographs_stand_alone_and_unknown_words_are_one_piece() {
        assert_eq!(pieces("the中the"), [2, 10, 2]);
        assert_eq!(pieces("unxyz the"), [1, 2]);
        assert_eq!(pieces("12"), [11, 12]);
        assert_eq!(pieces(&"un".repeat(60)), [1], "over 100 characters");
    }

    #[test]
    fn hangul_syllables_become_their_jamo() {
        assert_eq!(hangul_jamo('한'), Some([Some('\u{1112}'), Some('\u{1161}'), Some('\u{11AB}')]));
        assert_eq!(hangul_jamo('서'), Some([Some('\u{1109}'), Some('\u{1165}'), None]));
        assert_eq!(hangul_jamo('a'), None);
    }

    #[test]
    fn control_and_format_characters_vanish() {
        assert_eq!(pieces("un\u{AD}affable\u{200B}"), [3, 4, 5]);
        assert_eq!(pieces("\u{0}the\u{FFFD}"), [2]);
    }
}
