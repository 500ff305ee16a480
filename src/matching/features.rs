//! What the matcher knows of each segment: its words in order, each with an
//! interned comparison key (see [`crate::text::normalize`]) and stem.

use crate::roles::Role;
use crate::segment::numbers_list_item;
use crate::text::hash::FastMap;
use crate::text::language::Language;
use crate::text::lexicon::{calendar_form, is_negation, is_stop_word, month_of, qualifier, Qualifier, WEEKDAYS};
use crate::text::normalize::{name_skeleton, word_key};
use crate::text::synonyms::concept;
use crate::text::tokenize::{is_unspaced_script, tokenize, TokenClass};

/// Facts about a word key that every use of it shares.
#[derive(Debug, Clone)]
pub struct KeyInfo {
    /// Interned stem of the key (shared by synonyms, see
    /// [`crate::text::synonyms`]).
    pub stem: u32,
    /// A function word or reporting verb.
    pub stop: bool,
    /// A word that negates (`not`, `never`, `didn't`).
    pub negation: bool,
    /// Starts with a digit.
    pub number: bool,
    /// A day of the week or a month, by name (a month also abbreviated:
    /// `Nov.`): what the date checks look for in every word of every match.
    pub calendar: Option<Calendar>,
    /// A word of certainty (`may`, `allegedly`, `mostly`): what the
    /// certainty check looks for in every word of every match.
    pub qualifier: Option<Qualifier>,
}

/// What a calendar word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Weekday,
    Month,
}

/// Interned keys and stems of all documents of one comparison.
#[derive(Debug, Default)]
pub struct Vocabulary {
    key_ids: FastMap<String, u32>,
    /// Key id of each word as written (`NO_KEY` for words with no key):
    /// most words recur, and looking them up is far cheaper than
    /// normalising them again.
    by_surface: FastMap<String, u32>,
    stem_ids: FastMap<String, u32>,
    /// Per key id.
    pub keys: Vec<KeyInfo>,
    /// Key text per key id (for discrepancy checks).
    pub key_text: Vec<String>,
    /// Per key id: seen capitalised inside a sentence (a name).
    name: Vec<bool>,
    /// Per key id, once canonical: names spelled in two or more ways that
    /// [`Vocabulary::canonicalize`] made one key.
    pub merged: Vec<bool>,
    /// The languages besides English of the documents compared, whose
    /// function words are stop words too.
    languages: Vec<Language>,
}

impl Vocabulary {
    /// A vocabulary for documents in `languages`: the function words of
    /// each weigh as little as English ones.
    pub fn for_languages(languages: &[Language]) -> Vocabulary {
        let mut others = Vec::new();
        for &language in languages {
            if language != Language::English && !others.contains(&language) {
                others.push(language);
            }
        }
        Vocabulary { languages: others, ..Vocabulary::default() }
    }

    /// Renumbers keys and stems in the order of their text, so that ids —
    /// and everything ordered or summed by id — do not depend on the order
    /// in which the documents were given. Returns the new id of each old
    /// key id.
    pub fn canonicalize(&mut self) -> Vec<u32> {
        let texts: Vec<&str> = self.key_text.iter().map(String::as_str).collect();
        let alias = self.name_aliases(&texts);
        let mut stem_text = vec![""; self.stem_ids.len()];
        for (text, &id) in &self.stem_ids {
            stem_text[id as usize] = text;
        }
        let mut stem_order: Vec<u32> = (0..stem_text.len() as u32).collect();
        sort_by_text(&stem_text, &mut stem_order);
        let mut new_stem = vec![0u32; stem_order.len()];
        for (new, &old) in stem_order.iter().enumerate() {
            new_stem[old as usize] = new as u32;
        }
        let mut key_order: Vec<u32> = (0..self.keys.len() as u32).filter(|&k| alias[k as usize] == k).collect();
        sort_by_text(&texts, &mut key_order);
        let mut new_key = vec![0u32; self.keys.len()];
        for (new, &old) in key_order.iter().enumerate() {
            new_key[old as usize] = new as u32;
        }
        self.merged = vec![false; key_order.len()];
        for old in 0..self.keys.len() {
            new_key[old] = new_key[alias[old] as usize];
            if alias[old] as usize != old {
                self.merged[new_key[old] as usize] = true;
            }
        }
        let keys: Vec<KeyInfo> = key_order
            .iter()
            .map(|&old| {
                let mut info = self.keys[old as usize].clone();
                info.stem = new_stem[info.stem as usize];
                info
            })
            .collect();
        let key_text: Vec<String> =
            key_order.iter().map(|&old| std::mem::take(&mut self.key_text[old as usize])).collect();
        for id in self.key_ids.values_mut() {
            *id = new_key[*id as usize];
        }
        for id in self.by_surface.values_mut().filter(|id| **id != NO_KEY) {
            *id = new_key[*id as usize];
        }
        for id in self.stem_ids.values_mut() {
            *id = new_stem[*id as usize];
        }
        self.name = key_order.iter().map(|&old| self.name[old as usize]).collect();
        self.keys = keys;
        self.key_text = key_text;
        new_key
    }

    /// For each key, the key it is spelled as: names whose transliterations
    /// agree ([`name_skeleton`]) all take the alphabetically first spelling.
    /// `texts` holds each key's text.
    fn name_aliases(&self, texts: &[&str]) -> Vec<u32> {
        let mut alias: Vec<u32> = (0..self.keys.len() as u32).collect();
        let mut by_skeleton: FastMap<String, u32> = FastMap::default();
        let mut names: Vec<u32> = (0..self.keys.len() as u32).filter(|&k| self.name[k as usize]).collect();
        sort_by_text(texts, &mut names);
        for k in names {
            if let Some(skeleton) = name_skeleton(texts[k as usize]) {
                alias[k as usize] = *by_skeleton.entry(skeleton).or_insert(k);
            }
        }
        alias
    }

    /// Whether the key was seen capitalised inside a sentence: a name.
    pub fn is_name(&self, key: u32) -> bool {
        self.name[key as usize]
    }

    /// Number of distinct stems.
    pub fn stem_count(&self) -> usize {
        self.stem_ids.len()
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.key_ids.get(key) {
            return id;
        }
        let negation = is_negation(key);
        // All negations are one concept: "did not comment" and "no comment"
        // share it.
        let stem_text = if negation { "not" } else { concept(key) };
        let next_stem = self.stem_ids.len() as u32;
        let stem_id = *self.stem_ids.entry(stem_text.to_string()).or_insert(next_stem);
        let id = self.keys.len() as u32;
        let dated = calendar_form(key);
        self.keys.push(KeyInfo {
            stem: stem_id,
            stop: (is_stop_word(key) || self.languages.iter().any(|l| l.is_stop_word(key))) && !negation,
            negation,
            number: key.starts_with(|c: char| c.is_ascii_digit()),
            calendar: if WEEKDAYS.contains(&dated) {
                Some(Calendar::Weekday)
            } else if month_of(dated).is_some() {
                Some(Calendar::Month)
            } else {
                None
            },
            qualifier: qualifier(key),
        });
        self.key_text.push(key.to_string());
        self.name.push(false);
        self.key_ids.insert(key.to_string(), id);
        id
    }
}

/// A word of a segment: 12 bytes (a 10 MB text has over a million words,
/// all kept while the comparison runs).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Interned comparison key.
    pub key: u32,
    /// Byte offset in the document text.
    pub start: u32,
    /// Byte offset just past the word, and the two flags in the top bits
    /// (texts are far shorter than 2^30 bytes: [`crate::limits`]).
    end_and_flags: u32,
}

const CAPITALIZED: u32 = 1 << 31;
const CLAUSE_START: u32 = 1 << 30;

impl Word {
    pub fn new(key: u32, start: u32, end: u32, capitalized: bool, clause_start: bool) -> Word {
        debug_assert!(end < CLAUSE_START, "text offsets under 2^30");
        let flags = if capitalized { CAPITALIZED } else { 0 } | if clause_start { CLAUSE_START } else { 0 };
        Word { key, start, end_and_flags: end | flags }
    }

    /// Byte offset just past the word.
    pub fn end(&self) -> u32 {
        self.end_and_flags & !(CAPITALIZED | CLAUSE_START)
    }

    /// Written with a capital letter (a name, or a sentence's first word),
    /// in a language whose capitals mark names ([`Capitals::Names`]).
    pub fn capitalized(&self) -> bool {
        self.end_and_flags & CAPITALIZED != 0
    }

    /// Starts a clause: first word, or punctuation (`, ; : — ( “`) before it.
    pub fn clause_start(&self) -> bool {
        self.end_and_flags & CLAUSE_START != 0
    }

    /// The same word in a copy of its segment: the segment started at byte
    /// `from`, its copy starts at `to`.
    pub fn moved(self, from: u32, to: u32) -> Word {
        // The flags sit above any offset, and the word's offsets are at
        // least `from`: nothing borrows from them.
        Word { key: self.key, start: self.start - from + to, end_and_flags: self.end_and_flags - from + to }
    }
}

/// A segment as the matcher sees it.
#[derive(Debug, Clone)]
pub struct SegmentFeatures {
    /// Index of the document.
    pub doc: usize,
    /// Index of the segment in its document.
    pub index: usize,
    /// Its role.
    pub role: Role,
    /// Its words in order.
    pub words: Vec<Word>,
}

/// The surface cache's mark for a word with no comparison key.
const NO_KEY: u32 = u32::MAX;

/// Symbols that stand for words (`3.5%` and `3.5 percent`).
fn symbol_key(symbol: &str) -> Option<&'static str> {
    match symbol {
        "%" | "％" => Some("%"),
        "&" => Some("and"),
        _ => None,
    }
}

/// What a capital letter inside a sentence marks in a document's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capitals {
    /// Names, as in English: such words are flagged [`Word::capitalized`]
    /// and their keys [`Vocabulary::is_name`].
    Names,
    /// Every noun, as in German: no word is taken for a name by its capital.
    Nouns,
}

/// Collects the words of `text[start..end]` into `words`, capitals marking
/// names.
pub fn words_of(
    text: &str,
    start: usize,
    end: usize,
    vocabulary: &mut Vocabulary,
    words: &mut Vec<Word>,
    scratch: &mut String,
) {
    words_in(text, start, end, Capitals::Names, vocabulary, words, scratch);
}

/// [`words_of`], for a document whose capitals mark `capitals`.
pub fn words_in(
    text: &str,
    start: usize,
    end: usize,
    capitals: Capitals,
    vocabulary: &mut Vocabulary,
    words: &mut Vec<Word>,
    scratch: &mut String,
) {
    let slice = &text[start..end];
    let first = words.len();
    tokenize(slice, |token| {
        let surface = token.text(slice);
        let key = match token.class {
            // A list item's number labels the item; it is not a figure the item states.
            TokenClass::Number if slice[..token.start].trim().is_empty() && numbers_list_item(slice, token.start) => {
                return
            }
            TokenClass::Punct => match symbol_key(surface) {
                Some(k) => vocabulary.intern(k),
                None => return,
            },
            _ => match surface_key(surface, vocabulary, scratch) {
                NO_KEY => return,
                key => key,
            },
        };
        let capitalized = capitals == Capitals::Names && surface.starts_with(char::is_uppercase);
        let clause_start = words.last().is_none_or(|prev: &Word| {
            text[prev.end() as usize..start + token.start].contains([',', ';', ':', '—', '–', '(', ')', '“', '”', '"'])
        });
        words.push(Word::new(key, (start + token.start) as u32, (start + token.end) as u32, capitalized, clause_start));
    });
    key_pairs_of_characters(text, &mut words[first..], vocabulary, scratch);
    // A capital inside a sentence marks a name, but not in title case
    // (`Drug Company Reverses Course`), where every word has one.
    let inside = || words[first..].iter().skip(1).filter(|w| !vocabulary.keys[w.key as usize].stop);
    let lower = inside().filter(|w| !w.capitalized() && !vocabulary.keys[w.key as usize].number).count();
    if lower == 0 && inside().filter(|w| w.capitalized()).count() >= TITLE_CASE_WORDS {
        return;
    }
    for w in words[first..].iter().skip(1) {
        let key = w.key as usize;
        if w.capitalized() && !vocabulary.keys[key].stop {
            vocabulary.name[key] = true;
        }
    }
}

/// Keys each character of a script written without spaces (Chinese,
/// Japanese) by the pair it starts, itself and the character after it, as
/// search indexes of those scripts do; the last of a run keeps its own key.
/// One character says little: two unrelated Chinese sentences share dozens
/// of common ones, and would match on them. Pairs count what two sentences
/// share in something nearer words. Each word keeps its one character's
/// offsets, so words still do not overlap.
fn key_pairs_of_characters(text: &str, words: &mut [Word], vocabulary: &mut Vocabulary, scratch: &mut String) {
    let unspaced = |w: &Word| {
        let mut chars = text[w.start as usize..w.end() as usize].chars();
        chars.next().is_some_and(is_unspaced_script) && chars.next().is_none()
    };
    for i in 1..words.len() {
        let (before, this) = (words[i - 1], words[i]);
        if before.end() != this.start || !unspaced(&before) || !unspaced(&this) {
            continue;
        }
        let key = surface_key(&text[before.start as usize..this.end() as usize], vocabulary, scratch);
        if key != NO_KEY {
            words[i - 1].key = key;
        }
    }
}

/// The key of a word as written, or [`NO_KEY`] if it has none; each
/// spelling is keyed once per comparison.
fn surface_key(surface: &str, vocabulary: &mut Vocabulary, scratch: &mut String) -> u32 {
    if let Some(&key) = vocabulary.by_surface.get(surface) {
        return key;
    }
    word_key(surface, scratch);
    let key = if scratch.is_empty() { NO_KEY } else { vocabulary.intern(scratch) };
    vocabulary.by_surface.insert(surface.to_string(), key);
    key
}

/// Sorts `ids` by `texts[id]` as `str` orders them. Each text's first eight
/// bytes, read as one big-endian number (zeros past its end), order almost
/// every pair; whole texts are compared only where those tie. One sort for
/// every caller (each `sort_unstable_by` closure is a copy of the sort in
/// the wasm), and few calls of the wasm's `memcmp`, a byte loop.
fn sort_by_text(texts: &[&str], ids: &mut [u32]) {
    let prefix = |text: &str| {
        let mut bytes = [0u8; 8];
        let n = text.len().min(8);
        bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
        u64::from_be_bytes(bytes)
    };
    let mut keyed: Vec<(u64, u32)> = ids.iter().map(|&id| (prefix(texts[id as usize]), id)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| texts[a.1 as usize].cmp(texts[b.1 as usize])));
    for (id, (_, sorted)) in ids.iter_mut().zip(keyed) {
        *id = sorted;
    }
}

/// Capitalised words after the first, none in lower case, that make a
/// segment title case: two names (`Shannon Egeland`, `Joe Biden`) are not.
const TITLE_CASE_WORDS: usize = 3;

/// The words of `text` alone, with the vocabulary that keys them: what the
/// tests of every step after reading start from.
#[cfg(test)]
pub(crate) fn read_alone(text: &str) -> (Vocabulary, Vec<Word>) {
    let (mut vocabulary, mut words) = (Vocabulary::default(), Vec::new());
    words_of(text, 0, text.len(), &mut vocabulary, &mut words, &mut String::new());
    (vocabulary, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_of_unspaced_scripts_are_keyed_by_pairs() {
        let keys = |text: &str| {
            let (vocabulary, words) = read_alone(text);
            let offsets: Vec<(u32, u32)> = words.iter().map(|w| (w.start, w.end())).collect();
            (words.iter().map(|w| vocabulary.key_text[w.key as usize].clone()).collect::<Vec<_>>(), offsets)
        };
        let (pairs, offsets) = keys("北京下雨");
        assert_eq!(pairs, ["北京", "京下", "下雨", "雨"]);
        assert_eq!(offsets, [(0, 3), (3, 6), (6, 9), (9, 12)], "each word keeps its own character");
        // A space or a word of another script ends a run; kana run as ideographs do.
        assert_eq!(keys("北京 下雨").0, ["北京", "京", "下雨", "雨"]);
        assert_eq!(keys("東京のGPU").0, ["東京", "京の", "の", "gpu"]);
    }

    #[test]
    fn a_list_items_number_is_not_a_word() {
        let keys = |text: &str| {
            let (vocabulary, words) = read_alone(text);
            words.iter().map(|w| vocabulary.key_text[w.key as usize].clone()).collect::<Vec<_>>()
        };
        assert_eq!(keys("3. Update the statuses"), ["update", "the", "statuses"]);
        assert_eq!(keys("12) Close it"), ["close", "it"]);
        // Figures that open a sentence, or do not end in a list's mark, stay.
        assert_eq!(keys("3.5 million left"), ["3.5", "million", "left"]);
        assert_eq!(keys("1990. That year"), ["1990", "that", "year"]);
        assert_eq!(keys("12 people left"), ["12", "people", "left"]);
    }

    #[test]
    fn texts_sort_as_str_orders_them() {
        let texts = [
            "interview",
            "intervie",
            "interviewed",
            "b",
            "",
            "a\0",
            "a",
            "ab",
            "zürich",
            "zurich",
            "8",
            "10",
            "abcdefgh",
            "abcdefgg",
            "abcdefgh\0",
            "abcdefghi",
            "\u{ff}",
            "é",
        ];
        let mut ids: Vec<u32> = (0..texts.len() as u32).rev().collect();
        sort_by_text(&texts, &mut ids);
        let mut expected: Vec<u32> = (0..texts.len() as u32).collect();
        expected.sort_by_key(|&i| texts[i as usize]);
        assert_eq!(ids, expected);
    }

    #[test]
    fn a_word_keeps_its_end_and_flags_apart() {
        let longest = (1 << 30) - 1;
        for (capitalized, clause_start) in [(false, false), (true, false), (false, true), (true, true)] {
            for end in [0, 5, longest] {
                let w = Word::new(3, 0, end, capitalized, clause_start);
                assert_eq!((w.end(), w.capitalized(), w.clause_start()), (end, capitalized, clause_start));
            }
        }
    }

    #[test]
    fn spelling_variants_share_keys_and_inflections_share_stems() {
        let mut vocab = Vocabulary::default();
        let mut scratch = String::new();
        let text = "Zelenskyy finalised exchanges. Zelenskiy finalized the exchange, 3.5 percent";
        let mut words = Vec::new();
        words_of(text, 0, text.len(), &mut vocab, &mut words, &mut scratch);
        let keys: Vec<u32> = words.iter().map(|w| w.key).collect();
        assert_eq!(keys[0], keys[3], "Zelenskyy/Zelenskiy");
        assert_eq!(keys[1], keys[4], "finalised/finalized");
        assert_ne!(keys[2], keys[6]);
        assert_eq!(vocab.keys[keys[2] as usize].stem, vocab.keys[keys[6] as usize].stem);
        assert!(vocab.keys[keys[5] as usize].stop);
        assert_eq!(&text[words[0].start as usize..words[0].end() as usize], "Zelenskyy");
        assert!(words[0].capitalized() && !words[1].capitalized());
        assert_eq!(vocab.key_text[keys[8] as usize], "%");
    }

    #[test]
    fn capitals_mark_names_only_where_the_language_says_so() {
        let text = "Die Feuerwehr kam zum Hafen von Hamburg.";
        for (capitals, names) in [(Capitals::Names, true), (Capitals::Nouns, false)] {
            let mut vocab = Vocabulary::default();
            let mut words = Vec::new();
            words_in(text, 0, text.len(), capitals, &mut vocab, &mut words, &mut String::new());
            let hafen = words[4];
            assert_eq!(vocab.key_text[hafen.key as usize], "hafen");
            assert_eq!((hafen.capitalized(), vocab.is_name(hafen.key)), (names, names), "{capitals:?}");
        }
    }

    #[test]
    fn a_headline_in_title_case_names_no_one() {
        let names = |line: &str| {
            let (vocab, words) = read_alone(line);
            let named = words.iter().filter(|w| vocab.is_name(w.key));
            named.map(|w| line[w.start as usize..w.end() as usize].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(names("Drug Company Reverses Course, Grants Dying Boy Access to Experimental Treatment"), [""; 0]);
        assert_eq!(names("Dying Boy, 7, Finally Gets Life-Saving Drug"), [""; 0], "a figure is no word in lower case");
        assert_eq!(names("The company gave Josh Hardy the drug."), ["Josh", "Hardy"]);
        assert_eq!(names("Shannon Egeland"), ["Egeland"], "a name alone is not title case");
    }

    #[test]
    fn transliterated_names_become_one_key() {
        let text = "Union leader Oleksiy Hrytsenko spoke. Union head Oleksii Gritsenko spoke. Gritsenko said.";
        let (mut vocab, words) = read_alone(text);
        let remap = vocab.canonicalize();
        let key = |i: usize| remap[words[i].key as usize];
        assert_eq!(key(2), key(7), "Oleksiy/Oleksii");
        assert_eq!(key(3), key(8), "Hrytsenko/Gritsenko");
        assert_eq!(key(8), key(10));
        assert_eq!(vocab.key_text[key(3) as usize], "gritsenko");
    }

    #[test]
    fn canonical_ids_follow_the_text_not_the_order_of_appearance() {
        let ids = |text: &str| {
            let (mut vocab, words) = read_alone(text);
            let remap = vocab.canonicalize();
            let mut pairs: Vec<(String, u32, u32)> = words
                .iter()
                .map(|w| {
                    let key = remap[w.key as usize];
                    (vocab.key_text[key as usize].clone(), key, vocab.keys[key as usize].stem)
                })
                .collect();
            pairs.sort();
            pairs.dedup();
            pairs
        };
        assert_eq!(ids("zebra apples apple"), ids("apple zebra apples"));
    }
}
