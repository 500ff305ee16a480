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
//! less than "valtredomab" wherever they occur.

use super::features::{SegmentFeatures, Vocabulary};
use crate::text::hash::FastMap;
use std::sync::OnceLock;

/// Weight of a function word relative to a content word of the same
/// frequency: small, but function words still tell a reworded sentence from
/// a different one, and a copied passage's edges from its neighbours'
/// (held out, 0.22 to 0.3 did better than 0.12, 0.18 or 0.5: QUALITY.md).
const STOP_WEIGHT: f32 = 0.25;
/// Figures identify facts; they count a little more than words.
const NUMBER_WEIGHT: f32 = 1.3;
/// Pseudo-count that flattens frequencies measured on few segments: when two
/// one-sentence documents are compared, every shared word would otherwise
/// look common.
pub(crate) const SMOOTHING: f32 = 10.0;

/// The most frequent English words by frequency class
/// (`scripts/distill-embeddings.py` takes them from the encoder's
/// vocabulary): line `k` holds the words whose frequency rank `r` has
/// `floor(16 ln(r + 2) / ln(30000)) == k`, alphabetically, each as the number
/// of letters it shares with the word before and the rest.
const COMMON_WORDS: &str = include_str!("../../model/common-words.txt");

/// Number of frequency classes in [`COMMON_WORDS`].
const CLASSES: f32 = 16.0;

/// Weight factor of a word from its frequency class: grows like the log of
/// its rank (Zipf's law makes that the word's information), from
/// [`LEAST_BACKGROUND`] to 1 for the rarest words of the encoder's
/// vocabulary and those outside it.
fn background(class: Option<u8>) -> f32 {
    class.map_or(1.0, |k| ((f32::from(k) + 0.5) / CLASSES).clamp(LEAST_BACKGROUND, 1.0))
}

/// Weight factor of the most common words, relative to rare ones.
const LEAST_BACKGROUND: f32 = 0.25;

/// The frequency class of each common word.
fn common_classes() -> &'static FastMap<String, u8> {
    static CLASSES_OF: OnceLock<FastMap<String, u8>> = OnceLock::new();
    CLASSES_OF.get_or_init(|| {
        let mut classes = FastMap::default();
        for (class, line) in COMMON_WORDS.lines().enumerate() {
            let mut word = String::new();
            for item in line.split_whitespace() {
                let shared = usize::from(item.as_bytes()[0] - b'0');
                word.truncate(shared);
                word.push_str(&item[1..]);
                classes.insert(word.clone(), class as u8);
            }
        }
        classes
    })
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
        let classes = common_classes();
        for (key, text) in vocabulary.keys.iter().zip(&vocabulary.key_text) {
            content[key.stem as usize] = !key.stop && !key.negation;
            let p = if key.stop {
                STOP_WEIGHT
            } else if key.number {
                NUMBER_WEIGHT
            } else {
                background(classes.get(text.as_str()).copied())
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
        let segs = features(&["Thank you for subscribing.", "Valtredomab trial opens."], &mut vocab);
        let refs: Vec<&SegmentFeatures> = segs.iter().collect();
        let w = Weights::new(&vocab, &refs);
        let weight_of = |seg: usize, word: usize| w.of(vocab.keys[segs[seg].words[word].key as usize].stem);
        let (thank, valtredomab) = (weight_of(0, 0), weight_of(1, 0));
        assert!(valtredomab > 1.25 * thank, "{valtredomab} {thank}");
        assert!(background(Some(0)) < background(Some(9)) && background(Some(9)) < background(None));
        let classes = common_classes();
        assert_eq!(classes.len(), 2500);
        assert!(classes.values().all(|&k| k >= classes["the"]), "the is the most frequent");
        assert!(classes.get("judge") > classes.get("court") && classes.get("court") > classes.get("said"));
    }
}
