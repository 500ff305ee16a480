//! Splits text into words, numbers and punctuation marks with their byte
//! ranges. Whitespace separates tokens and belongs to none.

use super::unicode::is_combining_mark;
use unicode_segmentation::GraphemeCursor;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// Letters (with inner apostrophes and acronym dots: `don't`, `U.S.`).
    Word,
    /// Starts with a digit: `1,200`, `3.5`, `17.11.2025`, `3:34`, `10km`.
    Number,
    /// Any other single visible character: punctuation, quotes, symbols.
    Punct,
}

/// A token of a text: its byte range and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What the token is made of.
    pub class: TokenClass,
}

impl Token {
    /// The token's text within `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// True for characters that make up words: letters, digits and the marks
/// that combine with them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Characters that never start a grapheme cluster of their own: they extend
/// the character before them (marks, joiners, variation selectors, emoji
/// modifiers and tags).
pub fn is_cluster_extender(c: char) -> bool {
    is_combining_mark(c)
        || matches!(c,
            '\u{200C}' | '\u{200D}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// The end of the extended grapheme cluster (UAX #29) that starts with the
/// character `first` at byte `start`: marks, conjoining jamo, flags, emoji
/// joined by ZWJ.
pub fn cluster_end(text: &str, start: usize, first: char) -> usize {
    let after = start + first.len_utf8();
    // Most text is one character per cluster: decide those without the cursor.
    if first.is_ascii() && first != '\r' && text[after..].chars().next().is_none_or(|c| c.is_ascii()) {
        return after;
    }
    let mut cursor = GraphemeCursor::new(start, text.len(), true);
    match cursor.next_boundary(text, 0) {
        Ok(Some(end)) => end,
        _ => after,
    }
}

/// Scripts written without spaces between words: each character is a token
/// of its own, so that matching still has units to count.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FFFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Tokenizes `text`, calling `emit` for each token in order.
pub fn tokenize(text: &str, mut emit: impl FnMut(Token)) {
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_unspaced_script(c) {
            emit(Token { start, end: start + c.len_utf8(), class: TokenClass::Word });
            continue;
        }
        if !is_word_char(c) {
            let end = cluster_end(text, start, c);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            emit(Token { start, end, class: TokenClass::Punct });
            continue;
        }
        let class = if c.is_ascii_digit() { TokenClass::Number } else { TokenClass::Word };
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if is_word_char(next) && !is_unspaced_script(next) {
                chars.next();
                end = i + next.len_utf8();
                continue;
            }
            // An inner joiner stays in the token only when a word character
            // follows it: `don't`, `U.S.`, `1,200`, `3:34`, `17.11.2025`.
            let after = text[i + next.len_utf8()..].chars().next();
            let joins = match class {
                TokenClass::Number => {
                    let joiner =
                        matches!(next, '.' | ',' | ':' | '/') || (next == '-' && is_iso_date_part(&text[start..end]));
                    joiner && after.is_some_and(|a| a.is_ascii_digit())
                }
                _ => {
                    (is_apostrophe(next) && after.is_some_and(char::is_alphabetic))
                        || (next == '.' && is_acronym_dot(&text[start..end], after))
                }
            };
            if !joins {
                break;
            }
            chars.next();
            end = i + next.len_utf8();
            // `l'enquête`, `qu'il`, `dell'anno`: the elided article or
            // pronoun is a word of its own, as `la`, `que` and `della` are.
            if is_apostrophe(next) && is_elided(&text[start..i], after) {
                break;
            }
        }
        // `U.S.`: the final dot of a dotted acronym belongs to it.
        if class == TokenClass::Word && text[start..end].contains('.') && text[end..].starts_with('.') {
            end += 1;
            chars.next();
        }
        emit(Token { start, end, class });
    }
}

/// French and Italian words that lose their vowel before one that starts
/// with a vowel, written with an apostrophe: `l'`, `d'`, `qu'`, `dell'`.
const ELIDED: [&str; 24] = [
    "all", "c", "coll", "d", "dall", "dell", "j", "jusqu", "l", "lorsqu", "m", "n", "nell", "presqu", "puisqu", "qu",
    "quell", "quest", "quoiqu", "s", "sull", "t", "un", "v",
];

/// True when `word`, followed by an apostrophe and `after`, is an elided
/// word. A capital on both sides is a name (`D'Arcy`, `L'Oréal`), kept whole.
fn is_elided(word: &str, after: Option<char>) -> bool {
    let name = word.starts_with(|c: char| c.is_uppercase()) && after.is_some_and(char::is_uppercase);
    !name && ELIDED.iter().any(|e| word.eq_ignore_ascii_case(e))
}

/// `2025` or `2025-11` so far: a hyphen continues an ISO date (`2025-11-16`),
/// not a range (`10-12`).
fn is_iso_date_part(so_far: &str) -> bool {
    let parts: Vec<&str> = so_far.split('-').collect();
    parts[0].len() == 4 && parts.len() <= 2 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// A dot continues a dotted acronym (`U.S.`, `a.m.`, `e.g.`) when single
/// letters alternate with dots.
fn is_acronym_dot(so_far: &str, after: Option<char>) -> bool {
    let last_segment = so_far.rsplit('.').next().unwrap_or(so_far);
    last_segment.chars().count() == 1
        && after.is_some_and(char::is_alphabetic)
        && so_far.split('.').all(|part| part.chars().count() == 1)
}

/// Number of words and numbers in `text`: one pass that only tokenises,
/// the least any comparison must do (benchmarks measure against it).
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    tokenize(text, |t| n += usize::from(t.class != TokenClass::Punct));
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, |t| out.push(t));
        out
    }

    fn texts(text: &str) -> Vec<(&str, TokenClass)> {
        tokens(text).iter().map(|t| (t.text(text), t.class)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenClass::*;
        assert_eq!(
            texts("Ukraine’s 1,200 POWs, 3.5% on 17.11.2025 at 3:34 — don't. 2025-11-16"),
            vec![
                ("Ukraine’s", Word),
                ("1,200", Number),
                ("POWs", Word),
                (",", Punct),
                ("3.5", Number),
                ("%", Punct),
                ("on", Word),
                ("17.11.2025", Number),
                ("at", Word),
                ("3:34", Number),
                ("—", Punct),
                ("don't", Word),
                (".", Punct),
                ("2025-11-16", Number),
            ]
        );
    }

    #[test]
    fn acronyms_keep_their_dots_but_sentences_end() {
        assert_eq!(
            texts("the U.S.-drafted plan at 9 a.m. Friday. End."),
            vec![
                ("the", TokenClass::Word),
                ("U.S.", TokenClass::Word),
                ("-", TokenClass::Punct),
                ("drafted", TokenClass::Word),
                ("plan", TokenClass::Word),
                ("at", TokenClass::Word),
                ("9", TokenClass::Number),
                ("a.m.", TokenClass::Word),
                ("Friday", TokenClass::Word),
                (".", TokenClass::Punct),
                ("End", TokenClass::Word),
                (".", TokenClass::Punct),
            ]
        );
    }

    #[test]
    fn hyphens_and_trailing_separators_split() {
        let got: Vec<&str> = texts("prisoner-exchange 1,200. 5, x'").into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["prisoner", "-", "exchange", "1,200", ".", "5", ",", "x", "'"]);
    }

    #[test]
    fn elided_articles_and_pronouns_are_words_of_their_own() {
        let got: Vec<&str> =
            texts("L'enquête qu’il n'a pas lue, dell'anno; D'Arcy, L'Oréal, don't").into_iter().map(|t| t.0).collect();
        assert_eq!(
            got,
            vec![
                "L'", "enquête", "qu’", "il", "n'", "a", "pas", "lue", ",", "dell'", "anno", ";", "D'Arcy", ",",
                "L'Oréal", ",", "don't"
            ]
        );
    }

    #[test]
    fn words_are_counted_without_punctuation() {
        assert_eq!(count_words("Ukraine’s 1,200 POWs — don't! 日本"), 6);
    }

    #[test]
    fn ideographs_are_tokens_of_their_own() {
        let got: Vec<&str> = texts("日本語です").into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["日", "本", "語", "で", "す"]);
    }

    #[test]
    fn emoji_sequences_and_flags_are_single_tokens() {
        let got: Vec<&str> = texts("a 👨‍👩‍👧 🇺🇦🇵🇱 👍🏽! b").into_iter().map(|t| t.0).collect();
        assert_eq!(got, vec!["a", "👨‍👩‍👧", "🇺🇦", "🇵🇱", "👍🏽", "!", "b"]);
    }
}
