//! Words that news reports use for one another ("troops"/"forces",
//! "captured"/"seized", "talks"/"negotiations"). Each set shares one stem, so
//! a paraphrase that swaps them still overlaps. The sets are few and narrow
//! on purpose: a loose thesaurus would link sentences that merely share a
//! topic.

use super::hash::FastMap;
use super::stem::stem;
use std::sync::OnceLock;

/// Sets of interchangeable words; the first word names the set and brings
/// its inflections; the other words are listed in the forms they take.
const SETS: &[&[&str]] = &[
    &["attack", "attacks", "strike", "strikes", "assault", "assaults", "raid", "raids"],
    &["official", "officials", "authority", "authorities"],
    &["blaze", "fire", "flames"],
    &["buy", "bought", "buys", "purchase", "purchased", "acquire", "acquired"],
    &["capture", "seize", "seized", "seizing", "overrun"],
    &["country", "countries", "nation", "nations"],
    &["kill", "killed", "killing", "killings", "die", "died", "dead", "death", "deaths"],
    &["exchange", "swap", "swaps", "swapped"],
    &["fall", "fell", "fallen", "falls", "drop", "dropped", "drops", "decline", "declined", "decrease", "decreased"],
    &["company", "companies", "firm", "firms"],
    &["injure", "injured", "injuries", "injury", "wound", "wounded", "wounds", "hurt"],
    &["large", "big", "bigger", "biggest", "huge"],
    &["missile", "missiles", "rocket", "rockets"],
    &["prisoner", "prisoners", "captive", "captives", "pow", "pows"],
    &["resign", "resigned", "resignation", "quit", "quits"],
    &["rise", "rose", "risen", "rises", "increase", "increased", "increases", "climb", "climbed"],
    &["troop", "troops", "soldier", "soldiers", "forces"],
    &["begin", "began", "begun", "begins", "start", "started", "starts"],
    &["negotiate", "negotiation", "negotiations", "negotiated", "talks"],
    &["warn", "warned", "warning", "warnings", "cautioned"],
];

fn table() -> &'static FastMap<String, String> {
    static TABLE: OnceLock<FastMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FastMap::default();
        for set in SETS {
            // The first word reaches its inflections through its stem; the
            // others match as written, so that the verb `forced` does not
            // join `forces`.
            let name = stem(set[0]).to_string();
            map.insert(name.clone(), name.clone());
            for word in *set {
                map.insert(word.to_string(), name.clone());
            }
        }
        map
    })
}

/// The stem a word key compares by: its set's name when it has a synonym,
/// else its own stem.
pub fn concept(key: &str) -> &str {
    let table = table();
    if let Some(name) = table.get(key) {
        return name;
    }
    let stemmed = stem(key);
    table.get(stemmed).map_or(stemmed, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::concept;

    #[test]
    fn synonyms_and_their_inflections_share_a_concept() {
        assert_eq!(concept("troops"), concept("forces"));
        assert_eq!(concept("captured"), concept("seized"));
        assert_eq!(concept("negotiations"), concept("talks"));
        assert_eq!(concept("killed"), concept("dead"));
        assert_eq!(concept("officials"), concept("authorities"));
    }

    #[test]
    fn other_words_keep_their_stem() {
        assert_eq!(concept("prisoners"), concept("prisoner"));
        assert_eq!(concept("exchanges"), "exchang");
        assert_ne!(concept("troops"), concept("trophy"));
        assert_eq!(concept("settlement"), "settl");
    }
}
