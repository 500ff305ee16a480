//! How informative each word is in the documents being compared. A stem
//! found in few of the compared segments says more than one found in many:
//! the event's ubiquitous names ("Ukraine", "Russia") weigh less than the
//! figures and names that identify one fact. Function words weigh little
//! whatever their frequency, so that two sentences do not match on "the".
//!
//! Rarity inside two or three short documents says little on its own (in
//! two one-line documents every word is "rare"), so it is tempered by a
//! background prior: how common the word is in English at large, from the
//! frequency-ordered vocabulary of the sentence encoder
//! (`model/common-words.txt`). "Subscribe", "sense" or "thank" then weigh
//! less than "brincidofovir" wherever they occur.

use super::features::{SegmentFeatures, Vocabulary};
use crate::text::hash::FastMap;
use std::sync::OnceLock;

/// Weight of a function word relative to a content word of the same
/// frequency: small, but function words still tell a reworded sentence from
/// a different one.
const STOP_WEIGHT: f32 = 0.12;
/// Figures identify facts; they count a little more than words.
const NUMBER_WEIGHT: f32 = 1.3;
/// Pseudo-count that flattens frequencies measured on few segments: when two
/// one-sentence documents are compared, every shared word would otherwise
/// look common.
const SMOOTHING: f32 = 10.0;

/// The most frequent English words, most frequent first
/// (`scripts/distill-embeddings.py` takes them from the encoder's vocabulary).
const COMMON_WORDS: &str = include_str!("../../model/common-words.txt");

/// Weight factor of a word from its frequency rank in English (0 for the
/// most frequent): grows like the log of the rank (Zipf's law makes that
/// the word's information), from [`LEAST_BACKGROUND`] to 1 for the rarest
/// words of the encoder's vocabulary and those outside it.
fn background(rank: Option<usize>) -> f32 {
    match rank {
        Some(r) => ((r as f32 + 2.0).ln() / RANKED_WORDS.ln()).clamp(LEAST_BACKGROUND, 1.0),
        None => 1.0,
    }
}

/// About how many words the encoder's vocabulary ranks (its size): the
/// rank at which a word counts as rare.
const RANKED_WORDS: f32 = 30_000.0;

/// Weight factor of the most common words, relative to rare ones.
const LEAST_BACKGROUND: f32 = 0.25;

/// The rank of each common word.
fn common_ranks() -> &'static FastMap<&'static str, usize> {
    static RANKS: OnceLock<FastMap<&'static str, usize>> = OnceLock::new();
    RANKS.get_or_init(|| COMMON_WORDS.lines().enumerate().map(|(i, w)| (w, i)).collect())
}

/// A weight per stem id.
#[derive(Debug, Clone)]
pub struct Weights {
    per_stem: Vec<f32>,
    content: Vec<bool>,
}

impl Weights {
    /// Computes the weights from the segments that take part in matching.
    pub fn new(vocabulary: &Vocabulary, segments: &[&SegmentFeatures]) -> Self {
        let stems = vocabulary.stem_count();
        let mut document_frequency = vec![0u32; stems];
        let mut last_seen = vec![u32::MAX; stems];
        let mut prior = vec![0.0f32; stems];
        let mut content = vec![false; stems];
        let ranks = common_ranks();
        for (key, text) in vocabulary.keys.iter().zip(&vocabulary.key_text) {
            content[key.stem as usize] = !key.stop && !key.negation;
            let p = if key.stop {
                STOP_WEIGHT
            } else if key.number {
                NUMBER_WEIGHT
            } else {
                background(ranks.get(text.as_str()).copied())
            };
            // A stem is as common as its most common spelling.
            let slot = &mut prior[key.stem as usize];
            *slot = if *slot == 0.0 { p } else { slot.min(p) };
        }
        for (i, segment) in segments.iter().enumerate() {
            for word in &segment.words {
                let stem = vocabulary.keys[word.key as usize].stem as usize;
                if last_seen[stem] != i as u32 {
                    last_seen[stem] = i as u32;
                    document_frequency[stem] += 1;
                }
            }
        }
        let total = segments.len() as f32;
        let per_stem = document_frequency
            .iter()
            .zip(&prior)
            .map(|(&df, &p)| p * (1.0 + (total + SMOOTHING) / (df as f32 + SMOOTHING)).ln())
            .collect();
        Weights { per_stem, content }
    }

    /// Whether a stem carries content: neither a function word nor a
    /// negation.
    pub fn is_content(&self, stem: u32) -> bool {
        self.content[stem as usize]
    }

    /// The weight of a stem.
    pub fn of(&self, stem: u32) -> f32 {
        self.per_stem[stem as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::features::words_of;
    use crate::roles::Role;

    fn features(texts: &[&str], vocab: &mut Vocabulary) -> Vec<SegmentFeatures> {
        let mut scratch = String::new();
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut words = Vec::new();
                words_of(t, 0, t.len(), vocab, &mut words, &mut scratch);
                SegmentFeatures { doc: i % 2, index: i, role: Role::Body, words }
            })
            .collect()
    }

    #[test]
    fn rare_words_outweigh_ubiquitous_ones_and_function_words() {
        let mut vocab = Vocabulary::default();
        let segs = features(
            &[
                "Ukraine said the drones fell.",
                "Ukraine shot down 57 drones.",
                "Ukraine hopes for talks.",
                "Ukraine and Umerov met.",
            ],
            &mut vocab,
        );
        let refs: Vec<&SegmentFeatures> = segs.iter().collect();
        let w = Weights::new(&vocab, &refs);
        let weight_of = |seg: usize, word: usize| w.of(vocab.keys[segs[seg].words[word].key as usize].stem);
        let ukraine = weight_of(0, 0);
        let the = weight_of(0, 2);
        let umerov = weight_of(3, 2);
        let fifty_seven = weight_of(1, 3);
        assert!(umerov > ukraine && ukraine > the, "{umerov} {ukraine} {the}");
        assert!(fifty_seven > umerov);
    }

    #[test]
    fn common_english_words_weigh_less_than_rare_ones_of_the_same_frequency() {
        let mut vocab = Vocabulary::default();
        let segs = features(&["Thank you for subscribing.", "Brincidofovir trial opens."], &mut vocab);
        let refs: Vec<&SegmentFeatures> = segs.iter().collect();
        let w = Weights::new(&vocab, &refs);
        let weight_of = |seg: usize, word: usize| w.of(vocab.keys[segs[seg].words[word].key as usize].stem);
        let (thank, brincidofovir) = (weight_of(0, 0), weight_of(1, 0));
        assert!(brincidofovir > 1.25 * thank, "{brincidofovir} {thank}");
        assert!(background(Some(0)) < background(Some(1000)) && background(Some(1000)) < background(None));
    }
}
