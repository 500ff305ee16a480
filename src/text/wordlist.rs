//! Short word lists looked up for many words. Each is written as one
//! string (a list of `&str`, or a `match`, costs the widget more bytes) and
//! read into sorted numbers, one per word, at its first lookup: splitting
//! the string at every lookup cost thousands of instructions a word (telling
//! a document's language was 9% of comparing 200 articles), and a scan of
//! the numbers still 3%.

use std::sync::OnceLock;

/// A word of up to 16 bytes as one number: its bytes in order from the
/// lowest, zeros after. Words hold no zero byte, so no two share a number.
type Packed = u128;

/// Words separated by single spaces, none longer than 16 bytes.
pub struct WordList {
    words: &'static str,
    packed: OnceLock<Vec<Packed>>,
}

impl WordList {
    pub const fn new(words: &'static str) -> WordList {
        WordList { words, packed: OnceLock::new() }
    }

    /// Whether `word` is listed, ASCII letters compared in either case
    /// (others as written).
    pub fn contains(&self, word: &str) -> bool {
        let list = self.packed.get_or_init(|| {
            // Each word put in its place: a sort of `u128`s would cost the
            // widget a kilobyte for lists of a few dozen words.
            let mut list: Vec<Packed> = Vec::new();
            for word in self.words.split(' ').filter_map(packed) {
                if let Err(at) = list.binary_search(&word) {
                    list.insert(at, word);
                }
            }
            list
        });
        packed(word).is_some_and(|word| list.binary_search(&word).is_ok())
    }

    /// The listed words, as written.
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.words.split(' ')
    }
}

/// `word` as one number, ASCII letters lower-cased; `None` when it is
/// longer than any listed word can be.
fn packed(word: &str) -> Option<Packed> {
    (word.len() <= 16)
        .then(|| word.bytes().rev().fold(0, |packed, b| packed << 8 | Packed::from(b.to_ascii_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_only_in_the_list_that_holds_it() {
        let list = WordList::new("au aux für reportedly predominantly");
        for word in list.words() {
            assert!(list.contains(word), "{word}");
            assert!(list.contains(&word.to_ascii_uppercase()), "{word} in capitals");
        }
        // Prefixes, extensions and the empty word are other words.
        for word in ["a", "auxx", "fü", "FÜR", "reported", "predominantlyy", "", "internationalisation"] {
            assert!(!list.contains(word), "{word}");
        }
        assert!(list.words().all(|w| w.len() <= 16 && !w.is_empty()), "every listed word can be found");
    }
}
