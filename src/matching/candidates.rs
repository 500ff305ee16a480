//! Candidate pairs: which texts are worth scoring against each other,
//! found without comparing every text with every other one.
//!
//! Each text is indexed under its rarest content stems only (its *prefix*:
//! the rarest stems that make up most of its weight); each text then probes
//! the index with all of its stems. This is prefix filtering: if another
//! text shares a good part of a text's weight, it must share one of the
//! text's prefix stems, so no pair worth scoring is missed — and a short
//! text (whose prefix is nearly all of it) meets every longer text that
//! contains its words, as a headline meets the lede that expands it. Stems
//! shared by too many texts are not probed: they cannot tell passages apart
//! and would make the cost quadratic. The best few candidates of each text
//! by shared weight are kept, so the cost grows with the total text, not
//! with its square.
//!
//! When the texts are few (a handful of articles), every content stem goes
//! into the index and more candidates are kept: a rewrite that shares one
//! fact with a sentence may share only one informative word with it, and
//! scoring every such pair costs little at that size.

use super::weights::Weights;
use crate::sort_key::collect_in_buckets;

/// Share of a text's weight its prefix must hold: a text sharing more than
/// the rest (here 30%) of another's weight is sure to meet it.
const PREFIX_WEIGHT: f32 = 0.7;
/// A stem whose index entry lists more texts than this is not probed.
const MAX_POSTINGS: usize = 150;
/// Candidates kept per text.
const MAX_CANDIDATES: usize = 16;
/// Candidates kept per text when the index is exhaustive.
const MAX_CANDIDATES_EXHAUSTIVE: usize = 64;

/// In the index, a text in more than one document.
const ANY_DOCUMENT: u32 = u32::MAX;

/// What the candidate search needs to know of a text.
pub struct Probe<'a> {
    /// Distinct content stems (function words left out).
    pub content_stems: &'a [u32],
    /// The text occurs word for word in every document: it has its match
    /// everywhere, so it need not look for more (others may still find it).
    pub settled: bool,
    /// The one document the text occurs in, if only one: two texts of the
    /// same document are never candidates (matches are across documents).
    pub only_in: Option<usize>,
}

/// Pairs `(i, j)` with `i < j` of texts worth scoring, sorted; with
/// `exhaustive`, every pair that shares a content stem (short of the most
/// common ones), up to [`MAX_CANDIDATES_EXHAUSTIVE`] per text.
pub fn candidate_pairs(texts: &[Probe], weights: &Weights, frequency: &[u32], exhaustive: bool) -> Vec<(u32, u32)> {
    let (prefix_weight, max_candidates) =
        if exhaustive { (f32::INFINITY, MAX_CANDIDATES_EXHAUSTIVE) } else { (PREFIX_WEIGHT, MAX_CANDIDATES) };
    // The index: (stem, text) for each stem among a text's rarest, those
    // that make up its prefix weight, laid out stem by stem in text order
    // (one block: a list per stem would be an allocation per stem, tens of
    // thousands on a long text).
    let mut index: Vec<(u32, u32)> = Vec::new();
    let mut by_rarity: Vec<u32> = Vec::new();
    for (t, text) in texts.iter().enumerate() {
        by_rarity.clear();
        by_rarity.extend_from_slice(text.content_stems);
        by_rarity.sort_unstable_by_key(|&s| (frequency[s as usize], s));
        let total: f32 = by_rarity.iter().map(|&s| weights.of(s)).sum();
        let mut held = 0.0;
        for &s in &by_rarity {
            index.push((s, t as u32));
            held += weights.of(s);
            if held >= prefix_weight * total {
                break;
            }
        }
    }
    // The block takes the unsorted index and frees it once laid out.
    let (mut index, list_starts) = {
        let unsorted = index;
        collect_in_buckets(|| unsorted.iter().copied(), frequency.len(), |&(s, _)| s as usize)
    };
    // Laid out, an entry's stem is its list's: its place holds the text's
    // only document instead, read below for every visit of the entry,
    // rather than from the texts at random.
    for entry in &mut index {
        entry.0 = texts[entry.1 as usize].only_in.map_or(ANY_DOCUMENT, |d| d as u32);
    }

    let mut pairs = Vec::new();
    let mut score = vec![0f32; texts.len()];
    let mut touched: Vec<u32> = Vec::new();
    for (t, text) in texts.iter().enumerate().filter(|(_, text)| !text.settled) {
        let only_in = text.only_in.map_or(ANY_DOCUMENT, |d| d as u32);
        for &s in text.content_stems {
            let list = &index[list_starts[s as usize]..list_starts[s as usize + 1]];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            let w = weights.of(s);
            for &(other_only_in, other) in list {
                let same_document = only_in != ANY_DOCUMENT && other_only_in == only_in;
                if other as usize == t || same_document {
                    continue;
                }
                if score[other as usize] == 0.0 {
                    touched.push(other);
                }
                score[other as usize] += w;
            }
        }
        if touched.len() > max_candidates {
            touched.select_nth_unstable_by(max_candidates, |a, b| score[*b as usize].total_cmp(&score[*a as usize]));
            for &other in &touched[max_candidates..] {
                score[other as usize] = 0.0;
            }
            touched.truncate(max_candidates);
        }
        for &other in &touched {
            score[other as usize] = 0.0;
            let (a, b) = if (t as u32) < other { (t as u32, other) } else { (other, t as u32) };
            pairs.push((a, b));
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::features::{words_of, SegmentFeatures, Vocabulary};
    use crate::roles::Role;

    #[test]
    fn texts_sharing_rare_words_meet_and_unrelated_ones_do_not() {
        let texts = [
            "Umerov held consultations in Istanbul on prisoner exchanges.",
            "Talks in Istanbul on prisoner exchanges were held by Umerov.",
            "A solar power plant was among the damaged sites.",
            "Zelenskyy says Ukraine working on prisoner exchange",
            "Ukraine is working to resume prisoner exchanges, Zelenskyy said, a day after his security chief spoke.",
        ];
        let mut vocab = Vocabulary::default();
        let mut scratch = String::new();
        let segs: Vec<SegmentFeatures> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut words = Vec::new();
                words_of(t, 0, t.len(), &mut vocab, &mut words, &mut scratch);
                SegmentFeatures { doc: i, index: 0, role: Role::Body, words }
            })
            .collect();
        let refs: Vec<&SegmentFeatures> = segs.iter().collect();
        let weights = Weights::new(&vocab, &refs);
        let mut frequency = vec![0u32; vocab.stem_count()];
        let stems: Vec<Vec<u32>> = segs
            .iter()
            .map(|s| {
                let mut v: Vec<u32> = s
                    .words
                    .iter()
                    .filter(|w| !vocab.keys[w.key as usize].stop)
                    .map(|w| vocab.keys[w.key as usize].stem)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        for v in &stems {
            for &s in v {
                frequency[s as usize] += 1;
            }
        }
        let probes: Vec<Probe> =
            stems.iter().map(|v| Probe { content_stems: v, settled: false, only_in: None }).collect();
        for exhaustive in [false, true] {
            let pairs = candidate_pairs(&probes, &weights, &frequency, exhaustive);
            assert!(pairs.contains(&(0, 1)));
            assert!(pairs.contains(&(3, 4)), "a headline meets the lede that expands it");
            assert!(!pairs.iter().any(|&(a, b)| a == 2 || b == 2), "{pairs:?}");
        }
    }
}
