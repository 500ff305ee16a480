//! Small word lists the matcher needs whatever the documents: function words
//! (which carry little of what a sentence says), the reporting verbs every
//! news sentence has, negations, spelled-out numbers and words of certainty.

use crate::text::wordlist::WordList;

/// Function words and news boilerplate verbs, as word keys, sorted so they
/// can be searched by bisection.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "added",
    "adding",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "nearly",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one's",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "put",
    "quite",
    "rather",
    "really",
    "reported",
    "reportedly",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Words that turn a statement into its opposite, in English, German,
/// French and Spanish (none of the others' is an English word).
const NEGATIONS: &[&str] = &[
    "aucun", "aucune", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt",
    "jamais", "kein", "keine", "keinem", "keinen", "keiner", "keines", "nadie", "neither", "never", "nicht", "nichts",
    "nie", "niemals", "niemand", "ningun", "ninguna", "ninguno", "no", "nobody", "none", "nor", "not", "nothing",
    "nowhere", "nunca", "pas", "rien", "shouldnt", "wasnt", "werent", "without", "wont", "wouldnt",
];

/// True for a function word or reporting verb (given as a word key).
pub fn is_stop_word(key: &str) -> bool {
    STOP_WORDS.binary_search(&key).is_ok()
}

/// True for a negation (given as a word key: `didn't` → `didnt`).
pub fn is_negation(key: &str) -> bool {
    NEGATIONS.binary_search(&key).is_ok()
}

/// How a word qualifies the claim it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// A modal of possibility: the claim may hold.
    Possible,
    /// A modal of expectation: the claim will hold.
    Expected,
    /// The writer does not vouch for the claim: `allegedly`, `the suspected
    /// gunman`.
    Hedged,
    /// The claim holds in part: `primarily`, `mostly`.
    Partly,
    /// The claim holds in whole: `purely`, `entirely`.
    Wholly,
}

/// English qualifiers by kind.
static QUALIFIERS: [(Qualifier, WordList); 5] = [
    (Qualifier::Possible, WordList::new("may might could can")),
    (Qualifier::Expected, WordList::new("will would shall")),
    (
        Qualifier::Hedged,
        WordList::new(
            "reportedly allegedly alleged apparently purportedly purported supposedly suspected possible possibly \
             probable probably likely perhaps presumably seemingly unconfirmed rumored rumoured",
        ),
    ),
    (Qualifier::Partly, WordList::new("primarily mainly mostly largely partly partially predominantly chiefly")),
    (Qualifier::Wholly, WordList::new("purely entirely completely fully totally wholly solely exclusively")),
];

/// The qualifier an English word key is.
pub fn qualifier(key: &str) -> Option<Qualifier> {
    QUALIFIERS.iter().find(|(_, words)| words.contains(key)).map(|&(q, _)| q)
}

/// The value of a spelled-out number word (`one` … `twenty`, tens, scale
/// words: [`scale_word`]; German, French and Spanish ones up to twelve,
/// twenty and thirty), if `key` is one.
pub fn number_word(key: &str) -> Option<f64> {
    // A match on the string compares lengths first: most words are not
    // numbers, and this runs for every word of every compared match.
    let value = match key {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        // German (as keys: `fünf` → `funf`), French and Spanish, but for
        // words English has (`elf`, `six`, `sept`).
        "zwei" => 2.0,
        "drei" => 3.0,
        "vier" => 4.0,
        "funf" => 5.0,
        "sechs" => 6.0,
        "sieben" => 7.0,
        "acht" => 8.0,
        "neun" => 9.0,
        "zehn" => 10.0,
        "zwolf" => 12.0,
        "zwanzig" => 20.0,
        "dreissig" => 30.0,
        "deux" => 2.0,
        "trois" => 3.0,
        "quatre" => 4.0,
        "cinq" => 5.0,
        "huit" => 8.0,
        "neuf" => 9.0,
        "dix" => 10.0,
        "douze" => 12.0,
        "vingt" => 20.0,
        "trente" => 30.0,
        "dos" => 2.0,
        "tres" => 3.0,
        "cuatro" => 4.0,
        "cinco" => 5.0,
        "seis" => 6.0,
        "siete" => 7.0,
        "ocho" => 8.0,
        "nueve" => 9.0,
        "diez" => 10.0,
        "doce" => 12.0,
        "veinte" => 20.0,
        "treinta" => 30.0,
        _ => return scale_word(key),
    };
    Some(value)
}

/// Month names, written out (as word keys: lower case).
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1 to 12) a word key names, written out or abbreviated
/// (`nov`, `sept`).
pub fn month_of(key: &str) -> Option<usize> {
    let abbreviated = key.len() == 3 || key == "sept";
    MONTH_NAMES.iter().position(|&m| m == key || (abbreviated && m.starts_with(key))).map(|i| i + 1)
}

/// Days of the week (as word keys: lower case).
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A key with the `s` of a possessive or a plural dropped where that leaves
/// a day or a month (keys drop apostrophes: `Tuesday's` is `tuesdays`).
pub fn calendar_form(key: &str) -> &str {
    key.strip_suffix('s').filter(|k| WEEKDAYS.contains(k) || MONTH_NAMES.contains(k)).unwrap_or(key)
}

/// The factor of a scale word, which multiplies the number before it
/// (`1.5 million`, `two hundred`) and is a number of its own (`a dozen`).
pub fn scale_word(key: &str) -> Option<f64> {
    let factor = match key {
        "dozen" => 12.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    };
    Some(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_bisection() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NEGATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lookups() {
        assert!(is_stop_word("the") && is_stop_word("said") && !is_stop_word("prisoner"));
        assert!(is_negation("didnt") && is_negation("never") && !is_negation("note"));
        assert_eq!(number_word("one"), Some(1.0));
        assert_eq!(number_word("forty"), Some(40.0));
        assert_eq!(number_word("million"), Some(1e6));
        assert_eq!(number_word("lone"), None);
        assert!(is_negation("nicht") && is_negation("keine") && is_negation("jamais") && is_negation("nunca"));
        assert_eq!(number_word("drei"), Some(3.0));
        assert_eq!(number_word("funf"), Some(5.0), "the key of fünf");
    }
}
