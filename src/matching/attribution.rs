//! Attribution: the part of a sentence that says who said it ("…, the
//! port authority said", "according to the ministry", "Umerov said that …").
//! Two reports of different facts from the same source share their
//! attribution word for word; what they share matters only when it is what
//! was said. Attribution words therefore count for little when texts are
//! compared.

use super::features::{Vocabulary, Word};

/// How much an attribution word counts, relative to the same word elsewhere.
pub const ATTRIBUTION_SHARE: f32 = 0.3;

const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "announced",
    "claimed",
    "confirmed",
    "reported",
    "said",
    "say",
    "says",
    "stated",
    "told",
    "tweeted",
    "wrote",
];

/// Longest attribution clause, in words ("the regional fire service said").
const MAX_CLAUSE: usize = 8;

/// For each word of a segment, whether it belongs to an attribution.
pub fn attribution_mask(words: &[Word], vocabulary: &Vocabulary) -> Vec<bool> {
    let key = |i: usize| vocabulary.key_text[words[i].key as usize].as_str();
    let is_verb = |i: usize| SPEECH_VERBS.binary_search(&key(i)).is_ok();
    let mut mask = vec![false; words.len()];
    let n = words.len();
    // "according to X" up to the end of its clause.
    for i in 0..n.saturating_sub(1) {
        if key(i) == "according" && key(i + 1) == "to" {
            let end = (i + 2..n).find(|&j| words[j].clause_start()).unwrap_or(n);
            mask[i..end].iter_mut().for_each(|m| *m = true);
        }
    }
    // A final clause with a verb of saying: "…, the port authority said."
    if let Some(last_clause) = (1..n).rev().find(|&j| words[j].clause_start()) {
        if n - last_clause <= MAX_CLAUSE && (last_clause..n).any(is_verb) {
            mask[last_clause..].iter_mut().for_each(|m| *m = true);
        }
    }
    // An opening speaker: "Umerov said (that) …", "The ministry said on Sunday …".
    if let Some(verb) = (0..n.min(MAX_CLAUSE)).find(|&i| is_verb(i)) {
        if verb + 1 < n && (0..verb).all(|i| !words[i].clause_start() || i == 0) {
            let end = if key(verb + 1) == "that" { verb + 2 } else { verb + 1 };
            mask[..end].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::features::read_alone;

    fn marked(text: &str) -> Vec<String> {
        let (vocab, words) = read_alone(text);
        let mask = attribution_mask(&words, &vocab);
        words
            .iter()
            .zip(mask)
            .filter(|(_, m)| *m)
            .map(|(w, _)| text[w.start as usize..w.end() as usize].to_string())
            .collect()
    }

    #[test]
    fn verbs_are_sorted_for_bisection() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn trailing_opening_and_according_to() {
        assert_eq!(
            marked("Freight was unaffected, the Rail Operators' Association said."),
            ["the", "Rail", "Operators", "Association", "said"]
        );
        assert_eq!(
            marked("Services were cancelled, according to the association."),
            ["according", "to", "the", "association"]
        );
        assert_eq!(marked("Umerov said that talks would resume."), ["Umerov", "said", "that"]);
        assert!(marked("The talks would resume next week in Istanbul.").is_empty());
    }

    #[test]
    fn a_long_final_clause_is_content() {
        assert!(marked("They met, and after hours of talks that ran late into the night they said nothing.").is_empty());
    }
}
