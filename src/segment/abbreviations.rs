//! Words after which a full stop usually does not end a sentence, and the
//! words that tell that one did.

use crate::text::lexicon::MONTH_NAMES;
use crate::text::normalize::lowercase;

/// Titles and other words that always precede a name or number (in English
/// and, for articles from elsewhere, `Nr.`, `bzw.`, `Sra.`): a full stop
/// after them never ends a sentence.
const PREFIXES: &[&str] = &[
    "adm", "atty", "brig", "bzw", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "ft", "gen", "gov", "hon", "insp",
    "lt", "maj", "messrs", "mmes", "mr", "mrs", "ms", "msgr", "mt", "nr", "pres", "prof", "pvt", "rep", "rev", "sen",
    "sgt", "sig", "sr", "sra", "srta", "st", "supt", "vgl", "vs",
];

/// Month abbreviations: not an ending before a day number (`Nov. 15`).
const MONTHS: &[&str] = &["apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar", "nov", "oct", "sep", "sept"];

/// Abbreviations that may also end a sentence (`… Acme Inc. The firm …`,
/// `… 1,4 Mio. Die Stadt …`).
const AMBIGUOUS: &[&str] = &[
    "abs", "al", "approx", "assn", "ave", "blvd", "bros", "ca", "cf", "co", "corp", "dept", "est", "etc", "evtl",
    "fig", "ggf", "inc", "inkl", "jh", "jr", "ltd", "mio", "mrd", "no", "nos", "op", "pp", "univ", "usw", "vol",
];

/// Capitalised words that typically open a sentence (a few German ones
/// among them). After an ambiguous abbreviation, only these make the full
/// stop a sentence end.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "das",
    "der",
    "die",
    "each",
    "er",
    "es",
    "every",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "ich",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "my",
    "neither",
    "no",
    "none",
    "nor",
    "on",
    "or",
    "our",
    "several",
    "she",
    "sie",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "wir",
    "with",
    "yet",
    "you",
];

/// Verbs of saying: `“Why?” Smith asked` does not end at the question mark.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "argued",
    "asked",
    "asks",
    "cried",
    "explained",
    "insisted",
    "noted",
    "posted",
    "recalled",
    "replied",
    "replies",
    "said",
    "says",
    "shouted",
    "told",
    "tweeted",
    "warned",
    "writes",
    "wrote",
];

/// Words that follow a time of day without starting a sentence (`9 a.m. Monday`).
const TIME_FOLLOWERS: &[&str] =
    &["friday", "local", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

fn contains(list: &[&str], word: &str) -> bool {
    let lower = lowercase(word);
    list.binary_search(&lower.as_str()).is_ok()
}

/// Words that open a sentence telling when (`At 7 a.m. Dr. Lang …`).
const TIME_OPENERS: &[&str] =
    &["about", "after", "around", "at", "before", "by", "from", "shortly", "since", "till", "until"];

/// German words before an ordinal number (`am 14. März`, `im 19.
/// Jahrhundert`): written with a full stop that ends nothing.
const ORDINAL_LEADS: &[&str] =
    &["ab", "am", "beim", "bis", "das", "dem", "den", "der", "des", "die", "im", "seit", "vom", "zum", "zur"];

/// German month names (`14. März`), Austrian ones among them.
const GERMAN_MONTHS: &[&str] = &[
    "april",
    "august",
    "dezember",
    "feber",
    "februar",
    "januar",
    "juli",
    "juni",
    "jänner",
    "mai",
    "märz",
    "november",
    "oktober",
    "september",
];

/// What a word before a full stop is.
#[derive(Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// Never ends a sentence.
    Prefix,
    /// Ends a sentence unless a number follows.
    Month,
    /// Ends a sentence only before a typical sentence opener.
    Ambiguous,
}

/// Classifies `word` (without its full stop).
pub fn classify(word: &str) -> Option<Abbreviation> {
    if contains(PREFIXES, word) {
        Some(Abbreviation::Prefix)
    } else if contains(MONTHS, word) {
        Some(Abbreviation::Month)
    } else if contains(AMBIGUOUS, word) {
        Some(Abbreviation::Ambiguous)
    } else {
        None
    }
}

/// True when `word` (as written) usually opens a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    contains(SENTENCE_STARTERS, word)
}

/// True when `word` is a verb of saying.
pub fn is_speech_verb(word: &str) -> bool {
    contains(SPEECH_VERBS, word)
}

/// True when `word` can open a sentence that first says when something happened.
pub fn is_time_opener(word: &str) -> bool {
    contains(TIME_OPENERS, word)
}

/// True when `word` comes before an ordinal number in German.
pub fn is_ordinal_lead(word: &str) -> bool {
    contains(ORDINAL_LEADS, word)
}

/// Whether `word` names a month in German: only there, or in English as
/// well (an ordinal before those needs a year after them: `3. April 2026`).
pub fn month_name(word: &str) -> Option<MonthName> {
    if !contains(GERMAN_MONTHS, word) {
        None
    } else if MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(word)) {
        Some(MonthName::Shared)
    } else {
        Some(MonthName::German)
    }
}

/// See [`month_name`].
#[derive(Debug, PartialEq, Eq)]
pub enum MonthName {
    German,
    Shared,
}

/// True when `word` commonly follows a time such as `9 a.m.` in mid-sentence.
pub fn is_time_follower(word: &str) -> bool {
    contains(TIME_FOLLOWERS, word) || (word.len() <= 4 && word.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case() {
        for list in [
            PREFIXES,
            MONTHS,
            AMBIGUOUS,
            SENTENCE_STARTERS,
            SPEECH_VERBS,
            TIME_FOLLOWERS,
            TIME_OPENERS,
            ORDINAL_LEADS,
            GERMAN_MONTHS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
        }
    }

    #[test]
    fn german_month_names_are_told_from_those_english_shares() {
        assert_eq!(month_name("März"), Some(MonthName::German));
        assert_eq!(month_name("April"), Some(MonthName::Shared));
        assert_eq!(month_name("March"), None);
    }

    #[test]
    fn classification() {
        assert_eq!(classify("Mr"), Some(Abbreviation::Prefix));
        assert_eq!(classify("Nov"), Some(Abbreviation::Month));
        assert_eq!(classify("Inc"), Some(Abbreviation::Ambiguous));
        assert_eq!(classify("Kyiv"), None);
        assert!(is_sentence_starter("The") && !is_sentence_starter("Security"));
        assert!(is_time_follower("EST") && is_time_follower("Monday") && !is_time_follower("Officials"));
    }
}
