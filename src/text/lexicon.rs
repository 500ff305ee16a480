//! Small word lists the matcher needs whatever the documents: function words
//! (which carry little of what a sentence says), the reporting verbs every
//! news sentence has, negations and spelled-out numbers.

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

/// Words that turn a statement into its opposite, in English and German
/// (none of the German ones is an English word).
const NEGATIONS: &[&str] = &[
    "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "kein", "keine",
    "keinem", "keinen", "keiner", "keines", "neither", "never", "nicht", "nichts", "nie", "niemals", "niemand", "no",
    "nobody", "none", "nor", "not", "nothing", "nowhere", "shouldnt", "wasnt", "werent", "without", "wont", "wouldnt",
];

/// True for a function word or reporting verb (given as a word key).
pub fn is_stop_word(key: &str) -> bool {
    STOP_WORDS.binary_search(&key).is_ok()
}

/// True for a negation (given as a word key: `didn't` → `didnt`).
pub fn is_negation(key: &str) -> bool {
    NEGATIONS.binary_search(&key).is_ok()
}

/// The value of a spelled-out number word (`one` … `twenty`, tens, scale
/// words: [`scale_word`]; German `zwei` … `zwölf`), if `key` is one.
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
        // German (as keys: `fünf` → `funf`), but for `elf`, an English word.
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

/// Days of the week (as word keys: lower case).
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

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

/// German function words, reporting verbs and hedges, as word keys (`für`
/// → `fur`): in a comparison that holds a German article, they carry as
/// little of what a sentence says as [`STOP_WORDS`] do. Some are English
/// words too (`war`, `hat`), so only such comparisons use them.
const GERMAN_STOP_WORDS: &[&str] = &[
    "ab",
    "aber",
    "als",
    "am",
    "an",
    "angaben",
    "auch",
    "auf",
    "aus",
    "bei",
    "bereits",
    "bis",
    "da",
    "dabei",
    "damit",
    "dann",
    "das",
    "dass",
    "dem",
    "den",
    "denen",
    "der",
    "des",
    "die",
    "dies",
    "diese",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "doch",
    "dort",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "er",
    "erklarte",
    "es",
    "etwa",
    "fur",
    "gegen",
    "hat",
    "hatte",
    "hatten",
    "ich",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "im",
    "in",
    "ist",
    "jedoch",
    "jetzt",
    "kann",
    "konnte",
    "laut",
    "man",
    "mehr",
    "mit",
    "mitteilte",
    "muss",
    "nach",
    "noch",
    "nun",
    "nur",
    "oder",
    "ohne",
    "rund",
    "sagt",
    "sagte",
    "sagten",
    "schon",
    "sei",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "seit",
    "sich",
    "sie",
    "sind",
    "so",
    "soll",
    "sollen",
    "sollte",
    "sowie",
    "teilte",
    "uber",
    "um",
    "und",
    "unter",
    "vom",
    "von",
    "vor",
    "war",
    "waren",
    "was",
    "weil",
    "wenn",
    "werden",
    "wie",
    "wieder",
    "will",
    "wir",
    "wird",
    "worden",
    "wurde",
    "wurden",
    "zu",
    "zufolge",
    "zum",
    "zur",
    "zwischen",
];

/// True for a German function word, reporting verb or hedge (given as a
/// word key); see [`GERMAN_STOP_WORDS`].
pub fn is_german_stop_word(key: &str) -> bool {
    GERMAN_STOP_WORDS.binary_search(&key).is_ok()
}

/// German function words that English, French and Spanish do not use.
const GERMAN_FUNCTION_WORDS: &[&str] = &[
    "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein", "eine", "einem", "einen",
    "einer", "eines", "für", "ist", "mit", "nach", "nicht", "sich", "sind", "und", "von", "wird", "wurde", "wurden",
    "zum", "zur",
];

/// Words read to tell the language: a paragraph's worth of evidence
/// (reading a thousand added 3% to comparing five articles).
const WORDS_READ: usize = 300;

/// Whether `text` is written in German, which capitalises every noun: there
/// a capital inside a sentence is no evidence of a name. Told by function
/// words: about a fifth of a German text's words are in
/// [`GERMAN_FUNCTION_WORDS`], under a fiftieth of an English or French one's.
pub fn capitalises_nouns(text: &str) -> bool {
    let (mut words, mut german) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(WORDS_READ) {
        words += 1;
        // The list's words are at most six bytes: lower-cased in place.
        let mut lower = [0u8; 6];
        if let Some(lower) = lower.get_mut(..word.len()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            german += GERMAN_FUNCTION_WORDS.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok() as usize;
        }
    }
    words >= 20 && german * 12 >= words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_bisection() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(NEGATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(GERMAN_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(GERMAN_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        // The words that tell German are among those that then weigh little
        // (but for a negation, which always weighs).
        let key = |w: &str| w.replace('ü', "u");
        assert!(GERMAN_FUNCTION_WORDS.iter().all(|w| is_german_stop_word(&key(w)) || is_negation(w)));
    }

    #[test]
    fn german_is_told_by_its_function_words() {
        let german = "Bei einem Brand im Hafen sind am Sonntag 14 Arbeiter verletzt worden. Das Feuer brach in \
                      einer Lagerhalle aus, wie die Feuerwehr mitteilte. Die Ursache war nicht klar.";
        let english = "A fire at the port injured 14 workers on Sunday. It broke out in a warehouse, the fire \
                       service said, and Ursula von der Leyen sent her sympathy. The cause was not clear.";
        let french = "Un incendie au port a blessé 14 ouvriers dimanche. Le feu a pris dans un entrepôt, selon \
                      les pompiers, et la cause reste inconnue pour le moment.";
        assert!(capitalises_nouns(german));
        assert!(!capitalises_nouns(english) && !capitalises_nouns(french));
        assert!(!capitalises_nouns("Die Welt."), "too few words to tell");
    }

    #[test]
    fn lookups() {
        assert!(is_stop_word("the") && is_stop_word("said") && !is_stop_word("prisoner"));
        assert!(is_negation("didnt") && is_negation("never") && !is_negation("note"));
        assert_eq!(number_word("one"), Some(1.0));
        assert_eq!(number_word("forty"), Some(40.0));
        assert_eq!(number_word("million"), Some(1e6));
        assert_eq!(number_word("lone"), None);
        assert!(is_negation("nicht") && is_negation("keine"));
        assert_eq!(number_word("drei"), Some(3.0));
        assert_eq!(number_word("funf"), Some(5.0), "the key of fünf");
    }
}
