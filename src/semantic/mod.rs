//! The semantic signal: how close two sentences are in meaning when their
//! words differ ("refused to hand over the medicine" and "declined to
//! supply the drug").
//!
//! It comes from a static word-piece sketch distilled from the sentence
//! encoder all-MiniLM-L6-v2 (Apache-2.0) by `scripts/distill-embeddings.py`:
//! each vocabulary piece was run through the encoder once, and the sketch
//! keeps the signs of its first 128 principal coordinates, one bit each.
//! Two pieces' closeness is the cosine those signs estimate (as in
//! random-hyperplane hashing): a popcount, with no neural network at run
//! time. `model/minilm-signs.json` is the sketch's card (source, licence,
//! layout, checksum).
//!
//! What comes out of it is a soft cover: how much of one sentence's content
//! has a close word in the other, word by word — which sees a short
//! sentence inside a long one, and a paraphrase's synonyms. Each piece
//! counts by its rarity in English and in the sentences compared
//! ([`PieceWeights`]), so that the event's own words, which every sentence
//! about it has, do not make two sentences alike.

mod wordpiece;

use crate::error::{Error, ErrorKind};
use crate::matching::weights::SMOOTHING;
use crate::text::lexicon::is_stop_word;
use wordpiece::{KnownWords, Vocabulary};

const MAGIC: &[u8; 4] = b"ACSS";
const FORMAT_VERSION: u32 = 1;

/// A word-piece sketch and its tokeniser.
pub struct Embeddings {
    vocabulary: Vocabulary,
    bits: usize,
    /// Per piece, `bits / 64` words: bit `d` is the sign of its principal
    /// coordinate `d`.
    signs: Vec<u64>,
    /// Per piece: its weight in the soft cover if it is a content piece (a
    /// word or part of one, not a function word, punctuation or a special
    /// token: grows with the piece's rarity in English), else 0.
    content_weight: Vec<f32>,
    /// Two pieces' closeness by the number of their differing signs (0 to
    /// `bits`): the cosine those estimate, negative as 0. (Clamped here
    /// once: `f32::max` is a call in the wasm, and this is read for every
    /// piece of every scored pair.)
    closeness_of: Vec<f32>,
}

impl std::fmt::Debug for Embeddings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embeddings").field("pieces", &self.content_weight.len()).field("bits", &self.bits).finish()
    }
}

fn malformed(what: &str) -> Error {
    Error::new(ErrorKind::UnsupportedFormat, format!("the semantic sketch is not one article-compare can read: {what}"))
        .with_field("embeddings")
}

fn read_u32(bytes: &[u8], at: usize) -> Result<u32, Error> {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| malformed("it is cut short"))
}

impl Embeddings {
    /// Reads a sketch in the layout `scripts/distill-embeddings.py` writes
    /// (`model/minilm-signs.bin`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        if bytes.get(..4) != Some(MAGIC) {
            return Err(malformed("it does not start as one"));
        }
        let version = read_u32(bytes, 4)?;
        if version != FORMAT_VERSION {
            return Err(malformed(&format!("format version {version}, this build reads {FORMAT_VERSION}")));
        }
        let (size, bits, first_ranked, vocab_bytes) = (
            read_u32(bytes, 8)? as usize,
            read_u32(bytes, 12)? as usize,
            read_u32(bytes, 16)?,
            read_u32(bytes, 20)? as usize,
        );
        if !matches!(bits, 64 | 128) {
            return Err(malformed(&format!("{bits} bits per piece, where this build reads 64 or 128")));
        }
        let vocab_start: usize = 24;
        let signs_start = vocab_start.checked_add(vocab_bytes).ok_or_else(|| malformed("its sizes overflow"))?;
        let end = size
            .checked_mul(bits / 8)
            .and_then(|n| n.checked_add(signs_start))
            .ok_or_else(|| malformed("its sizes overflow"))?;
        if end != bytes.len() {
            return Err(malformed("its length does not match its header"));
        }
        let text = std::str::from_utf8(&bytes[vocab_start..signs_start])
            .map_err(|_| malformed("its vocabulary is not UTF-8"))?;
        let pieces: Vec<&str> = text.split_terminator('\n').collect();
        if pieces.len() != size {
            return Err(malformed("its vocabulary does not match its header"));
        }
        let vocabulary =
            Vocabulary::new(pieces.iter().copied()).ok_or_else(|| malformed("its vocabulary has no [UNK]"))?;
        let signs = bytes[signs_start..]
            .chunks_exact(8)
            .map(|w| u64::from_le_bytes(w.try_into().expect("chunks of 8")))
            .collect();
        let content_weight = pieces
            .iter()
            .enumerate()
            .map(|(id, piece)| {
                let word = piece.trim_start_matches("##");
                let content =
                    id as u32 >= first_ranked && word.chars().any(char::is_alphanumeric) && !is_stop_word(word);
                // Vocabularies are ordered by frequency: log rank grows like
                // a piece's information (Zipf).
                if content {
                    ((id as u32 - first_ranked + 2) as f32).ln()
                } else {
                    0.0
                }
            })
            .collect();
        let closeness_of =
            (0..=bits).map(|differ| (std::f32::consts::PI * differ as f32 / bits as f32).cos().max(0.0)).collect();
        Ok(Embeddings { vocabulary, bits, signs, content_weight, closeness_of })
    }

    /// The sketch distilled by `scripts/distill-embeddings.py`, built into
    /// the library (about 700 KB).
    #[cfg(feature = "bundled-embeddings")]
    pub fn bundled() -> &'static Embeddings {
        static TABLE: std::sync::OnceLock<Embeddings> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            Embeddings::from_bytes(include_bytes!("../../model/minilm-signs.bin"))
                .expect("the bundled sketch is checked by tests")
        })
    }

    /// The sketch's name and version, as reports record it.
    pub fn name(&self) -> String {
        format!("minilm-signs-{}/{FORMAT_VERSION}", self.bits)
    }

    /// The distinct content pieces of `text`, sorted.
    pub(crate) fn content_pieces(&self, text: &str, scratch: &mut EncodeScratch) -> Vec<u32> {
        let EncodeScratch { pieces, known } = scratch;
        pieces.clear();
        self.vocabulary.tokenize(text, pieces, known);
        let mut content: Vec<u32> =
            pieces.iter().copied().filter(|&id| self.content_weight[id as usize] > 0.0).collect();
        content.sort_unstable();
        content.dedup();
        content
    }

    /// The weight of each piece in the soft covers of a comparison whose
    /// distinct texts have the content pieces `texts` (each distinct).
    /// Only the pieces of `texts` get one (the covers read no other).
    pub(crate) fn weights_in(&self, texts: &[Vec<u32>]) -> PieceWeights {
        // Each piece's count of texts first, in place of its weight.
        let mut weights = vec![0.0f32; self.content_weight.len()];
        for &p in texts.iter().flatten() {
            weights[p as usize] += 1.0;
        }
        let total = texts.iter().filter(|t| !t.is_empty()).count() as f32;
        for (weight, &prior) in weights.iter_mut().zip(&self.content_weight).filter(|(n, _)| **n > 0.0) {
            *weight = prior * (1.0 + (total + SMOOTHING) / (*weight + SMOOTHING)).ln();
        }
        PieceWeights(weights)
    }

    /// The soft covers of `a` by `b` and of `b` by `a` (content pieces,
    /// sorted). Each content piece of one text counts with its weight times
    /// its closeness (the cosine its signs estimate, negative as 0) to the
    /// closest piece of the other; a text all of whose pieces the other has
    /// is covered 1. Both come from one pass over the pairs of pieces.
    pub(crate) fn soft_covers(
        &self,
        a: &[u32],
        b: &[u32],
        weights: &PieceWeights,
        scratch: &mut CoverScratch,
    ) -> (f32, f32) {
        if a.is_empty() || b.is_empty() {
            return (0.0, 0.0);
        }
        // The width as a constant, so that the loop over pairs of pieces
        // compiles to straight popcounts (it is the matcher's hottest loop).
        if self.bits == 64 {
            self.covers::<1>(a, b, &weights.0, scratch)
        } else {
            self.covers::<2>(a, b, &weights.0, scratch)
        }
    }

    fn covers<const WORDS: usize>(
        &self,
        a: &[u32],
        b: &[u32],
        weight: &[f32],
        scratch: &mut CoverScratch,
    ) -> (f32, f32) {
        let signs = |id: u32| &self.signs[id as usize * WORDS..][..WORDS];
        // `b`'s signs side by side, and the fewest differing signs per piece
        // of `b` (to anything in `a`), turned into cosines at the end.
        let CoverScratch { signs_b, fewest_b } = scratch;
        signs_b.clear();
        signs_b.extend(b.iter().flat_map(|&q| signs(q)));
        fewest_b.clear();
        fewest_b.resize(b.len(), u32::MAX);
        let closeness = |differ: u32| self.closeness_of[differ as usize];
        let (mut covered_a, mut total_a) = (0.0, 0.0);
        for &p in a {
            let mut sp = [0u64; WORDS];
            sp.copy_from_slice(signs(p));
            let mut fewest = u32::MAX;
            for (fewest_q, sq) in fewest_b.iter_mut().zip(signs_b.chunks_exact(WORDS)) {
                let differ: u32 = (0..WORDS).map(|w| (sp[w] ^ sq[w]).count_ones()).sum();
                fewest = fewest.min(differ);
                *fewest_q = (*fewest_q).min(differ);
            }
            let w = weight[p as usize];
            covered_a += w * closeness(fewest);
            total_a += w;
        }
        let (mut covered_b, mut total_b) = (0.0, 0.0);
        for (&q, &fewest) in b.iter().zip(fewest_b.iter()) {
            let w = weight[q as usize];
            covered_b += w * closeness(fewest);
            total_b += w;
        }
        (covered_a / total_a, covered_b / total_b)
    }
}

/// Each piece's weight in the soft covers of one comparison: its rarity in
/// English (log rank) times its rarity among the comparison's distinct
/// texts, smoothed as the words' weights are ([`SMOOTHING`]). The event's
/// own words ("raccoon", "rabies", the names) are in most sentences of
/// every article and would cover any of them; the words of one fact
/// ("thumb", "puddle", "injections") are in few, and tell which fact a
/// sentence shares.
pub(crate) struct PieceWeights(Vec<f32>);

/// What computing soft covers reuses from pair to pair.
#[derive(Default)]
pub(crate) struct CoverScratch {
    signs_b: Vec<u64>,
    fewest_b: Vec<u32>,
}

/// What reading the sentences of one comparison reuses: a buffer, and the
/// pieces of the words met so far.
#[derive(Default)]
pub(crate) struct EncodeScratch {
    pieces: Vec<u32>,
    known: KnownWords,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sketch of five pieces in 64 bits, in the real layout: "drug" and
    /// "medicine" differ in 4 signs, "storm" in 40.
    fn sketch() -> Vec<u8> {
        let pieces = "[UNK]\nthe\ndrug\nmedicine\nstorm\n";
        let signs: [u64; 5] = [0, u64::MAX, 0xFFFF_0000_FFFF_0000, 0xFFFF_0000_FFFF_000F, 0x0000_00FF_00FF_FFFF];
        let mut bytes = b"ACSS".to_vec();
        for n in [1u32, 5, 64, 2, pieces.len() as u32] {
            bytes.extend(n.to_le_bytes());
        }
        bytes.extend(pieces.as_bytes());
        for w in signs {
            bytes.extend(w.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn close_words_cover_each_other_and_unrelated_ones_do_not() {
        let e = Embeddings::from_bytes(&sketch()).unwrap();
        let mut pieces = EncodeScratch::default();
        let drug = e.content_pieces("The drug", &mut pieces);
        let medicine = e.content_pieces("the MEDICINE", &mut pieces);
        let storm = e.content_pieces("storm", &mut pieces);
        assert_eq!(drug, [2], "function words are not content");
        let mut scratch = CoverScratch::default();
        let weights = e.weights_in(&[drug.clone(), medicine.clone(), storm.clone()]);
        let (drug_by_medicine, medicine_by_drug) = e.soft_covers(&drug, &medicine, &weights, &mut scratch);
        assert!(drug_by_medicine > 0.9 && medicine_by_drug > 0.9, "{drug_by_medicine} {medicine_by_drug}");
        assert!(e.soft_covers(&drug, &storm, &weights, &mut scratch).0 < 0.2);
        assert_eq!(e.soft_covers(&drug, &drug, &weights, &mut scratch), (1.0, 1.0));
    }

    #[test]
    fn a_piece_every_text_has_covers_less_than_a_rare_one() {
        let e = Embeddings::from_bytes(&sketch()).unwrap();
        let mut pieces = EncodeScratch::default();
        let (drug_and_storm, drug) =
            (e.content_pieces("drug storm", &mut pieces), e.content_pieces("drug", &mut pieces));
        let medicine = e.content_pieces("medicine", &mut pieces);
        // Thirty texts, as in a few articles, `drug` in `n` of them.
        let texts_with_drug = |n: usize| {
            let mut texts = vec![drug_and_storm.clone()];
            texts.extend((1..30).map(|i| if i < n { drug.clone() } else { medicine.clone() }));
            e.weights_in(&texts)
        };
        let mut scratch = CoverScratch::default();
        let mut by_drug = |weights| e.soft_covers(&drug_and_storm, &drug, weights, &mut scratch).0;
        let (rare, common) = (by_drug(&texts_with_drug(2)), by_drug(&texts_with_drug(30)));
        assert!(common < rare - 0.1, "{common} {rare}");
        // A text all of whose pieces the other has is covered whole however common they are.
        assert_eq!(e.soft_covers(&drug, &drug_and_storm, &texts_with_drug(30), &mut scratch).0, 1.0);
    }

    #[test]
    fn malformed_sketches_are_refused_with_a_reason() {
        let good = sketch();
        for (bytes, reason) in [
            (b"PK\x03\x04".to_vec(), "does not start"),
            (good[..good.len() - 1].to_vec(), "length does not match"),
            (good[..10].to_vec(), "cut short"),
        ] {
            let err = Embeddings::from_bytes(&bytes).unwrap_err();
            assert_eq!(err.kind, ErrorKind::UnsupportedFormat);
            assert!(err.message.contains(reason), "{}", err.message);
        }
    }

    /// `tests/fixtures/wordpiece.json`: the reference tokeniser's pieces of
    /// 300 sentences (`scripts/wordpiece-fixture.py`).
    #[cfg(feature = "bundled-embeddings")]
    #[test]
    fn pieces_are_the_reference_tokenisers() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wordpiece.json");
        let fixture: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let cases = fixture["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 300);
        let (mut pieces, mut known) = (Vec::new(), KnownWords::default());
        let mut wrong = Vec::new();
        for case in cases {
            let text = case["text"].as_str().unwrap();
            let expected: Vec<u32> =
                case["ids"].as_array().unwrap().iter().map(|id| id.as_u64().unwrap() as u32).collect();
            pieces.clear();
            Embeddings::bundled().vocabulary.tokenize(text, &mut pieces, &mut known);
            if pieces != expected {
                wrong.push(format!("{text:?}: {pieces:?} != {expected:?}"));
            }
        }
        assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    #[cfg(feature = "bundled-embeddings")]
    #[test]
    fn the_bundled_sketch_sees_synonyms() {
        let e = Embeddings::bundled();
        let mut pieces = EncodeScratch::default();
        let a = e.content_pieces("The company refused to hand over the medicine.", &mut pieces);
        let b = e.content_pieces("The firm declined to supply the drug.", &mut pieces);
        let c = e.content_pieces("Rain is expected in the mountains on Sunday.", &mut pieces);
        let mut scratch = CoverScratch::default();
        let weights = e.weights_in(&[a.clone(), b.clone(), c.clone()]);
        let (close, far) =
            (e.soft_covers(&a, &b, &weights, &mut scratch).0, e.soft_covers(&a, &c, &weights, &mut scratch).0);
        assert!(close > far + 0.2, "{close} {far}");
    }
}
