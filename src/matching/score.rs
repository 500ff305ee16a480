//! Scoring one candidate pair: how much of each text the other carries
//! (weighted by how informative the shared words are), whether the shared
//! words come in the same order, and what kind of match that makes.

use super::weights::Weights;
use crate::report::MatchKind;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// A text's stems with how much each counts (occurrences, attribution
/// words counting less), sorted by stem, and their total weight.
#[derive(Debug, Clone)]
pub struct Bag {
    /// `(stem, amount)`, sorted by stem.
    pub stems: Vec<(u32, f32)>,
    /// Sum of amount × weight.
    pub total: f32,
    /// The same sum over content stems only.
    pub content_total: f32,
}

impl Bag {
    /// The bag of `items`: `(stem, amount)` pairs in any order, repeats
    /// adding up.
    pub fn new(items: &mut [(u32, f32)], weights: &Weights) -> Self {
        items.sort_unstable_by_key(|&(s, _)| s);
        let mut out: Vec<(u32, f32)> = Vec::new();
        for &(s, amount) in items.iter() {
            match out.last_mut() {
                Some((last, n)) if *last == s => *n += amount,
                _ => out.push((s, amount)),
            }
        }
        let total = out.iter().map(|&(s, n)| weights.of(s) * n).sum();
        let content_total = out.iter().filter(|(s, _)| weights.is_content(*s)).map(|&(s, n)| weights.of(s) * n).sum();
        Bag { stems: out, total, content_total }
    }

    /// The bag of two texts read as one.
    pub fn merged(a: &Bag, b: &Bag, weights: &Weights) -> Self {
        let mut items: Vec<(u32, f32)> = a.stems.iter().chain(&b.stems).copied().collect();
        Bag::new(&mut items, weights)
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
    /// Distinct shared content stems (not function words or negations).
    pub shared_content: usize,
    /// Weighted Dice over content stems only: what the two are about,
    /// whatever their grammar.
    pub content_dice: f32,
}

/// Measures the overlap of two bags.
pub fn overlap(a: &Bag, b: &Bag, weights: &Weights) -> Overlap {
    let (mut i, mut j) = (0, 0);
    let mut shared = 0.0;
    let mut shared_content_weight = 0.0;
    let mut shared_content = 0;
    while i < a.stems.len() && j < b.stems.len() {
        let (sa, na) = a.stems[i];
        let (sb, nb) = b.stems[j];
        match sa.cmp(&sb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = weights.of(sa) * na.min(nb);
                shared += w;
                if weights.is_content(sa) {
                    shared_content += 1;
                    shared_content_weight += w;
                }
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
        content_dice: ratio(2.0 * shared_content_weight, a.content_total + b.content_total),
    }
}

/// Number of words the two key sequences have in common, in order.
pub fn words_in_order(a: &[u32], b: &[u32]) -> usize {
    alignment(a, b).0
}

/// The longest in-order alignment of two sequences: how many items it
/// pairs, and in how many unbroken runs.
fn alignment(a: &[u32], b: &[u32]) -> (usize, usize, usize) {
    let mut matched = 0;
    let mut runs = 0;
    let mut gap = 0;
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        match op {
            DiffOp::Equal { len, .. } => {
                matched += len;
                runs += 1;
            }
            DiffOp::Delete { old_len, .. } => gap = gap.max(old_len),
            DiffOp::Insert { new_len, .. } => gap = gap.max(new_len),
            DiffOp::Replace { old_len, new_len, .. } => gap = gap.max(old_len.max(new_len)),
        }
    }
    (matched, runs, gap)
}

/// What a text brings to the scoring of a pair.
pub struct TextView<'a> {
    /// Word keys in order.
    pub keys: &'a [u32],
    /// Stems in order (one per key).
    pub stems: &'a [u32],
    /// Stems with counts and weights.
    pub bag: &'a Bag,
    /// The same with attribution words counting less
    /// (see [`super::attribution`]): what the text claims.
    pub claim: &'a Bag,
    /// Keys of its figures (numbers other than years), sorted.
    pub figures: &'a [u32],
}

/// Everything the decision looks at, measured on one pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairFeatures {
    /// Weighted word overlap.
    pub overlap: Overlap,
    /// Weighted overlap of what the two claim, attributions discounted: a
    /// shared source does not make two statements the same.
    pub claims: Overlap,
    /// Share of stems in the same order (longest common subsequence over the
    /// mean length).
    pub order: f32,
    /// Dice coefficient of the two texts' stem bigrams: shared phrasing.
    pub bigrams: f32,
    /// METEOR-style fluency: the harmonic mean of in-order precision and
    /// recall (weighted towards the smaller side), penalised when the
    /// shared words come in many broken runs.
    pub fluency: f32,
    /// Figures that only one text gives.
    pub figure_difference: usize,
    /// Both texts give figures and none agree.
    pub figures_conflict: bool,
    /// Length of the shorter text over the longer, in words.
    pub length_ratio: f32,
    /// Most words in one stretch that only one side has: an added clause.
    pub largest_gap: usize,
}

fn bigrams(stems: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = stems.windows(2).map(|w| (w[0], w[1])).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Measures a pair.
pub fn pair_features(a: &TextView, b: &TextView, weights: &Weights) -> PairFeatures {
    let claims = overlap(a.claim, b.claim, weights);
    let overlap = overlap(a.bag, b.bag, weights);
    let (la, lb) = (a.stems.len().max(1) as f32, b.stems.len().max(1) as f32);
    let (matched, runs, gap) = alignment(a.stems, b.stems);
    let order = 2.0 * matched as f32 / (la + lb);
    let fluency = if matched == 0 {
        0.0
    } else {
        let (recall, precision) = (matched as f32 / la, matched as f32 / lb);
        let toward_a = 10.0 * precision * recall / (recall + 9.0 * precision);
        let toward_b = 10.0 * precision * recall / (precision + 9.0 * recall);
        let penalty = 0.5 * (runs as f32 / matched as f32).powi(3);
        toward_a.min(toward_b) * (1.0 - penalty)
    };
    let (ba, bb) = (bigrams(a.stems), bigrams(b.stems));
    let shared_bigrams = ba.iter().filter(|g| bb.binary_search(g).is_ok()).count();
    let bigrams = if ba.is_empty() && bb.is_empty() { 0.0 } else { 2.0 * shared_bigrams as f32 / (ba.len() + bb.len()) as f32 };
    let in_both = a.figures.iter().filter(|f| b.figures.binary_search(f).is_ok()).count();
    PairFeatures {
        overlap,
        claims,
        order,
        bigrams,
        fluency,
        figure_difference: a.figures.len() + b.figures.len() - 2 * in_both,
        figures_conflict: !a.figures.is_empty() && !b.figures.is_empty() && in_both == 0,
        length_ratio: la.min(lb) / la.max(lb),
        largest_gap: gap,
    }
}

/// "Says the same thing": a logistic model over four features of a pair,
/// fitted on the training pairs of the Microsoft Research Paraphrase Corpus
/// (news sentences judged equivalent or not; 10-fold cross-validated
/// accuracy 0.756, see `benches/quality.rs`). Both sides must be mostly
/// covered by the other, and neither may add a long stretch of its own or
/// extra figures; what fails it may still be a partial match.
struct Equivalence;

impl Equivalence {
    const BIAS: f32 = -0.095;
    const DICE: f32 = 2.008;
    const COVER_MIN: f32 = 2.876;
    const FIGURE_DIFFERENCE: f32 = -0.121;
    /// Per word of the longest one-sided stretch, counted up to eight.
    const GAP: f32 = -2.937;
    const GAP_CAP: usize = 8;

    /// The model's log-odds that the pair is equivalent.
    fn logit(f: &PairFeatures) -> f32 {
        let o = &f.claims;
        Self::BIAS
            + Self::DICE * o.dice
            + Self::COVER_MIN * o.cover_a.min(o.cover_b)
            + Self::FIGURE_DIFFERENCE * f.figure_difference as f32
            + Self::GAP * f.largest_gap.min(Self::GAP_CAP) as f32 / Self::GAP_CAP as f32
    }
}

/// The limits that decide a match, set by the strictness option.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Log-odds of equivalence at or above which a pair says the same
    /// thing (edited or paraphrased).
    pub equivalence: f32,
    /// In-order fluency at or above which an equivalent pair is the same
    /// sentence edited rather than reworded.
    pub edited_fluency: f32,
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
            equivalence: 4.0 * t,
            edited_fluency: 0.6,
            partial_cover: 0.6 + 0.3 * t,
            partial_weight: 4.0 + 3.0 * t,
        }
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Share of words in the same order above which two texts are one sentence
/// in two versions.
const SAME_SENTENCE_ORDER: f32 = 0.5;

/// The model's log-odds that a pair says the same thing.
pub fn equivalence(f: &PairFeatures) -> f32 {
    Equivalence::logit(f)
}

/// The kind and score of a scored pair, or `None` when the two do not
/// match. `logit` is its [`equivalence`]; `mutual_best` tells whether no
/// other segment of either document is a likelier equivalent of either side
/// — a sentence has one counterpart per document, so a weaker look-alike is
/// at most a partial match.
pub fn classify(f: &PairFeatures, logit: f32, mutual_best: bool, th: &Thresholds) -> Option<(MatchKind, f32)> {
    let o = &f.overlap;
    if mutual_best && logit >= th.equivalence {
        let kind = if f.fluency >= th.edited_fluency { MatchKind::Edited } else { MatchKind::Paraphrase };
        return Some((kind, sigmoid(logit)));
    }
    // Conflicting figures mean different facts, unless the two are largely
    // the same sentence in the same order: then the figure was changed.
    let figures_differ = f.figures_conflict && f.order < SAME_SENTENCE_ORDER;
    let cover_max = o.cover_a.max(o.cover_b);
    if !figures_differ && cover_max >= th.partial_cover && o.shared >= th.partial_weight && o.shared_content >= 2 {
        return Some((MatchKind::Partial, (o.dice + cover_max) / 2.0));
    }
    None
}
