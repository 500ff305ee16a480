//! The semantic signal: how close two sentences are in meaning when their
//! words differ ("refused to hand over the medicine" and "declined to
//! supply the drug").
//!
//! It comes from a static word-piece table distilled from the sentence
//! encoder all-MiniLM-L6-v2 (Apache-2.0) by `scripts/distill-embeddings.py`:
//! each vocabulary piece was run through the encoder once, and the table
//! holds the result, reduced to 128 dimensions and weighted so that
//! frequent pieces count less. A sentence's vector is then the mean of its
//! pieces' rows, with no neural network at run time: a table lookup per
//! word. `model/minilm-static.json` is the table's card (source, licence,
//! layout, checksum).
//!
//! Two measures come out of it: the cosine of two sentences' vectors, and
//! a soft cover — how much of one sentence's content has a close word in
//! the other, word by word — which sees a short sentence inside a long one.

mod wordpiece;

use crate::error::{Error, ErrorKind};
use crate::text::lexicon::is_stop_word;
use wordpiece::{KnownWords, Vocabulary};

const MAGIC: &[u8; 4] = b"ACSE";
const FORMAT_VERSION: u32 = 1;

/// A static word-piece embedding table and its tokeniser.
pub struct Embeddings {
    vocabulary: Vocabulary,
    dims: usize,
    scales: Vec<f32>,
    rows: Vec<i8>,
    /// Per piece: a content piece (a word or part of one, not a function
    /// word, punctuation or a special token), and its weight in the soft
    /// cover (grows with the piece's rarity).
    content_weight: Vec<f32>,
    /// Per piece: the signs of its row's first 128 dimensions, one bit each.
    /// Two pieces' cosine is estimated from how many signs differ (as with
    /// random-hyperplane hashing): a popcount instead of 128 products, for
    /// the soft cover's many comparisons.
    signs: Vec<[u64; 2]>,
    /// The cosine estimated from the number of differing signs (0 to 128).
    cosine_of: [f32; 129],
}

impl std::fmt::Debug for Embeddings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embeddings").field("pieces", &self.scales.len()).field("dims", &self.dims).finish()
    }
}

fn malformed(what: &str) -> Error {
    Error::new(ErrorKind::UnsupportedFormat, format!("the embedding table is not one article-compare can read: {what}"))
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
    /// Reads a table in the layout `scripts/distill-embeddings.py` writes
    /// (`model/minilm-static.bin`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        if bytes.get(..4) != Some(MAGIC) {
            return Err(malformed("it does not start as one"));
        }
        let version = read_u32(bytes, 4)?;
        if version != FORMAT_VERSION {
            return Err(malformed(&format!("format version {version}, this build reads {FORMAT_VERSION}")));
        }
        let (size, dims, first_ranked, vocab_bytes) = (
            read_u32(bytes, 8)? as usize,
            read_u32(bytes, 12)? as usize,
            read_u32(bytes, 16)?,
            read_u32(bytes, 20)? as usize,
        );
        let vocab_start: usize = 24;
        let scales_start = vocab_start.checked_add(vocab_bytes).ok_or_else(|| malformed("its sizes overflow"))?;
        let rows_start = size
            .checked_mul(4)
            .and_then(|n| n.checked_add(scales_start))
            .ok_or_else(|| malformed("its sizes overflow"))?;
        let end = size
            .checked_mul(dims)
            .and_then(|n| n.checked_add(rows_start))
            .ok_or_else(|| malformed("its sizes overflow"))?;
        if end != bytes.len() || dims == 0 {
            return Err(malformed("its length does not match its header"));
        }
        let text = std::str::from_utf8(&bytes[vocab_start..scales_start])
            .map_err(|_| malformed("its vocabulary is not UTF-8"))?;
        let pieces: Vec<&str> = text.split_terminator('\n').collect();
        if pieces.len() != size {
            return Err(malformed("its vocabulary does not match its header"));
        }
        let vocabulary =
            Vocabulary::new(pieces.iter().copied()).ok_or_else(|| malformed("its vocabulary has no [UNK]"))?;
        let scales = bytes[scales_start..rows_start]
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let rows: Vec<i8> = bytes[rows_start..].iter().map(|&b| b as i8).collect();
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
        let signs = rows
            .chunks_exact(dims)
            .map(|row: &[i8]| {
                let mut bits = [0u64; 2];
                for (d, &q) in row.iter().take(128).enumerate() {
                    if q > 0 {
                        bits[d / 64] |= 1 << (d % 64);
                    }
                }
                bits
            })
            .collect();
        let signed = dims.min(128) as f32;
        let cosine_of = std::array::from_fn(|differ| (std::f32::consts::PI * differ as f32 / signed).cos());
        Ok(Embeddings { vocabulary, dims, scales, rows, content_weight, signs, cosine_of })
    }

    /// The table distilled by `scripts/distill-embeddings.py`, built into
    /// the library (about 4 MB).
    #[cfg(feature = "bundled-embeddings")]
    pub fn bundled() -> &'static Embeddings {
        static TABLE: std::sync::OnceLock<Embeddings> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            Embeddings::from_bytes(include_bytes!("../../model/minilm-static.bin"))
                .expect("the bundled table is checked by tests")
        })
    }

    /// The table's name and version, as reports record it.
    pub fn name(&self) -> String {
        format!("minilm-static-{}/{FORMAT_VERSION}", self.dims)
    }

    /// The vector and content pieces of `text`.
    pub(crate) fn encode(&self, text: &str, scratch: &mut EncodeScratch) -> Encoded {
        let EncodeScratch { pieces, known } = scratch;
        pieces.clear();
        self.vocabulary.tokenize(text, pieces, known);
        let mut mean = vec![0f32; self.dims];
        let unknown = self.vocabulary.unknown();
        for &id in pieces.iter().filter(|&&id| id != unknown) {
            let scale = self.scales[id as usize];
            for (m, &q) in mean.iter_mut().zip(self.row(id)) {
                *m += scale * q as f32;
            }
        }
        normalise(&mut mean);
        let mut content: Vec<u32> =
            pieces.iter().copied().filter(|&id| self.content_weight[id as usize] > 0.0).collect();
        content.sort_unstable();
        content.dedup();
        Encoded { mean, content }
    }

    fn row(&self, id: u32) -> &[i8] {
        &self.rows[id as usize * self.dims..(id as usize + 1) * self.dims]
    }
}

/// What encoding sentences of one comparison reuses: a buffer, and the
/// pieces of the words met so far.
#[derive(Default)]
pub(crate) struct EncodeScratch {
    pieces: Vec<u32>,
    known: KnownWords,
}

/// A sentence as the semantic signal sees it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Encoded {
    /// The mean of its pieces' rows, of unit length (all zero for a text
    /// with no known piece).
    pub mean: Vec<f32>,
    /// Its distinct content pieces, sorted.
    pub content: Vec<u32>,
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// The dot product; the cosine for unit vectors.
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

impl Embeddings {
    /// The soft covers of `a` by `b` and of `b` by `a` (content pieces, sorted).
    /// Each content piece of one text counts with its weight times its
    /// closeness (cosine estimated from the rows' signs, negative as 0) to the
    /// closest piece of the other; a text all of whose pieces the other has is
    /// covered 1. Both come from one pass over the pairs of pieces. Estimated
    /// cosines separated linked from unlinked sentences of the development
    /// articles as well as exact ones on 64 dimensions, at a fraction of the
    /// cost.
    /// `scratch` is reused between calls.
    pub(crate) fn soft_covers(&self, a: &[u32], b: &[u32], scratch: &mut Vec<u32>) -> (f32, f32) {
        if a.is_empty() || b.is_empty() {
            return (0.0, 0.0);
        }
        // The fewest differing signs, per piece of `b` (to anything in `a`),
        // turned into cosines at the end: closeness grows as they fall.
        scratch.clear();
        scratch.resize(b.len(), u32::MAX);
        let closeness = |differ: u32| self.cosine_of[differ as usize].max(0.0);
        let (mut covered_a, mut total_a) = (0.0, 0.0);
        for &p in a {
            let sp = self.signs[p as usize];
            let mut fewest = u32::MAX;
            for (fewest_b, &q) in scratch.iter_mut().zip(b) {
                let sq = self.signs[q as usize];
                let differ = (sp[0] ^ sq[0]).count_ones() + (sp[1] ^ sq[1]).count_ones();
                fewest = fewest.min(differ);
                *fewest_b = (*fewest_b).min(differ);
            }
            let w = self.content_weight[p as usize];
            covered_a += w * closeness(fewest);
            total_a += w;
        }
        let (mut covered_b, mut total_b) = (0.0, 0.0);
        for (&q, &fewest) in b.iter().zip(scratch.iter()) {
            let w = self.content_weight[q as usize];
            covered_b += w * closeness(fewest);
            total_b += w;
        }
        (covered_a / total_a, covered_b / total_b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of five pieces in two dimensions, in the real layout.
    fn table() -> Vec<u8> {
        let pieces = "[UNK]\nthe\ndrug\nmedicine\nstorm\n";
        let rows: [[i8; 2]; 5] = [[0, 0], [1, 1], [100, 10], [90, 20], [-10, 100]];
        let mut bytes = b"ACSE".to_vec();
        for n in [1u32, 5, 2, 2, pieces.len() as u32] {
            bytes.extend(n.to_le_bytes());
        }
        bytes.extend(pieces.as_bytes());
        for _ in 0..5 {
            bytes.extend(0.01f32.to_le_bytes());
        }
        bytes.extend(rows.iter().flatten().map(|&q| q as u8));
        bytes
    }

    #[test]
    fn close_words_cover_each_other_and_unrelated_ones_do_not() {
        let e = Embeddings::from_bytes(&table()).unwrap();
        let mut pieces = EncodeScratch::default();
        let drug = e.encode("The drug", &mut pieces);
        let medicine = e.encode("the MEDICINE", &mut pieces);
        let storm = e.encode("storm", &mut pieces);
        assert_eq!(drug.content, [2], "function words are not content");
        assert!(dot(&drug.mean, &medicine.mean) > 0.9);
        assert!(dot(&drug.mean, &storm.mean) < 0.3);
        let mut scratch = Vec::new();
        let (drug_by_medicine, medicine_by_drug) = e.soft_covers(&drug.content, &medicine.content, &mut scratch);
        assert!(drug_by_medicine > 0.9 && medicine_by_drug > 0.9);
        assert!(e.soft_covers(&drug.content, &storm.content, &mut scratch).0 < 0.2);
        assert!((e.soft_covers(&drug.content, &drug.content, &mut scratch).0 - 1.0).abs() < 1e-6);
    }

    #[test]
    fn malformed_tables_are_refused_with_a_reason() {
        let good = table();
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
    fn the_bundled_table_reads() {
        let e = Embeddings::bundled();
        let mut pieces = EncodeScratch::default();
        let a = e.encode("The company refused to hand over the medicine.", &mut pieces);
        let b = e.encode("The firm declined to supply the drug.", &mut pieces);
        let c = e.encode("Rain is expected in the mountains on Sunday.", &mut pieces);
        assert!(
            dot(&a.mean, &b.mean) > dot(&a.mean, &c.mean) + 0.2,
            "{} {}",
            dot(&a.mean, &b.mean),
            dot(&a.mean, &c.mean)
        );
    }
}
