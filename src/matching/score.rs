//! Scoring one candidate pair: how much of each text the other carries
//! (weighted by how informative the shared words are), whether the shared
//! words come in the same order, and what kind of match that makes.

use super::weights::Weights;
use crate::report::MatchKind;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// A text's stems with their counts, sorted by stem, and their total weight.
#[derive(Debug, Clone)]
pub struct Bag {
    /// `(stem, count)`, sorted by stem.
    pub stems: Vec<(u32, u16)>,
    /// Sum of count × weight.
    pub total: f32,
}

impl Bag {
    /// The bag of `stems` (any order, repeats counted).
    pub fn new(stems: &mut Vec<u32>, weights: &Weights) -> Self {
        stems.sort_unstable();
        let mut out: Vec<(u32, u16)> = Vec::new();
        for &s in stems.iter() {
            match out.last_mut() {
                Some((last, n)) if *last == s => *n = n.saturating_add(1),
                _ => out.push((s, 1)),
            }
        }
        let total = out.iter().map(|&(s, n)| weights.of(s) * n as f32).sum();
        Bag { stems: out, total }
    }
}

/// How two texts overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Weight of the shared stems.
    pub shared: f32,
    /// Share of the first text's weight found in the second.
    pub cover_a: f32,
    /// Share of the second text's weight found in the first.
    pub cover_b: f32,
    /// Weighted Dice coefficient: shared weight over the mean total.
    pub dice: f32,
    /// Distinct shared stems that are not function words.
    pub shared_content: usize,
}

/// Measures the overlap of two bags; `is_content` tells content stems from
/// function words.
pub fn overlap(a: &Bag, b: &Bag, weights: &Weights, is_content: impl Fn(u32) -> bool) -> Overlap {
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0;
    let mut shared_content = 0;
    while i < a.stems.len() && j < b.stems.len() {
        let (sa, na) = a.stems[i];
        let (sb, nb) = b.stems[j];
        match sa.cmp(&sb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weights.of(sa) * na.min(nb) as f32;
                shared_content += usize::from(is_content(sa));
                i += 1;
                j += 1;
            }
        }
    }
    let ratio = |x: f32, total: f32| if total > 0.0 { (x / total).min(1.0) } else { 0.0 };
    Overlap {
        shared,
        cover_a: ratio(shared, a.total),
        cover_b: ratio(shared, b.total),
        dice: ratio(2.0 * shared, a.total + b.total),
        shared_content,
    }
}

/// Number of words the two key sequences have in common, in order.
pub fn words_in_order(a: &[u32], b: &[u32]) -> usize {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

/// The limits that decide a match, set by the strictness option.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Weighted Dice at or above which reworded text is a paraphrase.
    pub paraphrase: f32,
    /// Weighted Dice at or above which text in the same order is edited.
    pub edited: f32,
    /// Share of words in the same order that makes a close text edited.
    pub edited_order: f32,
    /// Share of the smaller text that must be found in the larger for a
    /// partial match.
    pub partial_cover: f32,
    /// Shared weight a partial match needs at least (a couple of
    /// informative words), so that one shared name does not link sentences.
    pub partial_weight: f32,
}

impl Thresholds {
    /// Limits for a strictness from 0 (loose) to 1 (strict).
    pub fn new(strictness: f64) -> Self {
        let t = (strictness as f32 - 0.5).clamp(-0.5, 0.5);
        Thresholds {
            paraphrase: 0.5 + 0.3 * t,
            edited: 0.55 + 0.2 * t,
            edited_order: 0.6,
            partial_cover: 0.6 + 0.3 * t,
            partial_weight: 4.0 + 3.0 * t,
        }
    }
}

/// The kind and score of a pair, or `None` when the two do not match.
/// `keys_a`/`keys_b` are the texts' word keys in order.
pub fn classify(o: &Overlap, keys_a: &[u32], keys_b: &[u32], th: &Thresholds) -> Option<(MatchKind, f32)> {
    if !keys_a.is_empty() && keys_a == keys_b {
        return Some((MatchKind::Verbatim, 1.0));
    }
    let cover_max = o.cover_a.max(o.cover_b);
    let could_match = o.dice >= th.paraphrase.min(th.edited) || cover_max >= th.partial_cover;
    if !could_match || o.shared_content == 0 {
        return None;
    }
    if o.dice >= th.edited {
        let in_order = words_in_order(keys_a, keys_b) as f32;
        let order = 2.0 * in_order / (keys_a.len() + keys_b.len()) as f32;
        if order >= th.edited_order {
            return Some((MatchKind::Edited, o.dice));
        }
    }
    if o.dice >= th.paraphrase {
        return Some((MatchKind::Paraphrase, o.dice));
    }
    if cover_max >= th.partial_cover && o.shared >= th.partial_weight && o.shared_content >= 2 {
        return Some((MatchKind::Partial, (o.dice + cover_max) / 2.0));
    }
    None
}
