//! Scoring one candidate pair: how much of each text the other carries
//! (weighted by how informative the shared words are), whether the shared
//! words come in the same order, and what kind of match that makes.

use super::attribution::ATTRIBUTION_SHARE;
use super::model::{KIND, PAIR};
use super::weights::Weights;
use crate::diff::{key_diff, lcs_walk, Step};
use similar::DiffOp;

/// A text's stems, sorted, each with how much it counts in two readings:
/// as written (occurrences), and as a claim (attribution words counting
/// [`ATTRIBUTION_SHARE`]); and the total weights of both.
#[derive(Debug, Clone)]
pub struct Bag {
    /// `(stem, occurrences, of which in attribution)`, sorted by stem: 8
    /// bytes each (every text keeps its bag while candidates are scored).
    stems: Vec<(u32, u16, u16)>,
    /// Total weight, as written and as a claim.
    pub totals: [Totals; 2],
}

/// The weight of a bag: all of it, and that of its content stems.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// Sum of amount × weight.
    pub total: f32,
    /// The same sum over content stems only.
    pub content: f32,
}

impl Bag {
    /// The bag of a text's `words`: `(stem, in attribution)` in any order.
    pub fn new(words: impl Iterator<Item = (u32, bool)>, weights: &Weights) -> Self {
        let mut items: Vec<(u32, u16, u16)> = words.map(|(s, attributed)| (s, 1, u16::from(attributed))).collect();
        items.sort_unstable();
        items.dedup_by(|(s, n, a), (kept, kept_n, kept_a)| {
            let repeat = s == kept;
            if repeat {
                *kept_n = kept_n.saturating_add(*n);
                *kept_a = kept_a.saturating_add(*a);
            }
            repeat
        });
        // Every text keeps its bag while candidates are scored: copied at
        // its exact size into memory of its own (shrunk in place, the room
        // given back stays a hole between bags, which wasm does not reuse).
        let stems = items.to_vec();
        let mut totals = [Totals::default(); 2];
        for &item in &stems {
            let s = item.0;
            let w = weights.of(s);
            for (t, amount) in totals.iter_mut().zip(amounts(item)) {
                t.total += w * amount;
                if weights.is_content(s) {
                    t.content += w * amount;
                }
            }
        }
        Bag { stems, totals }
    }
}

/// How much a bag's item counts as written and as a claim.
fn amounts((_, occurrences, attributed): (u32, u16, u16)) -> [f32; 2] {
    let plain = occurrences - attributed;
    [f32::from(occurrences), f32::from(plain) + f32::from(attributed) * ATTRIBUTION_SHARE]
}

/// The smaller of two scores, none of them NaN: a comparison, where
/// `f32::min` is a call of `fminf` in the wasm, and these are taken for
/// every scored pair.
#[inline]
pub(crate) fn lesser(a: f32, b: f32) -> f32 {
    if a < b {
        a
    } else {
        b
    }
}

/// The larger of two scores, none of them NaN (see [`lesser`]).
#[inline]
pub(crate) fn greater(a: f32, b: f32) -> f32 {
    if a < b {
        b
    } else {
        a
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
    /// Shared occurrences, unweighted (an upper bound on how many words an
    /// in-order alignment can pair).
    pub shared_count: f32,
}

/// Measures the overlap of two bags as written and as claims, in one pass.
pub fn overlaps(a: &Bag, b: &Bag, weights: &Weights) -> (Overlap, Overlap) {
    let (mut i, mut j) = (0, 0);
    let mut shared = [0.0f32; 2];
    let mut shared_content_weight = [0.0f32; 2];
    let mut shared_content = 0;
    let mut shared_count = 0.0;
    while i < a.stems.len() && j < b.stems.len() {
        let (sa, sb) = (a.stems[i].0, b.stems[j].0);
        match sa.cmp(&sb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = weights.of(sa);
                let ([na, ca], [nb, cb]) = (amounts(a.stems[i]), amounts(b.stems[j]));
                let both = [lesser(na, nb), lesser(ca, cb)];
                shared_count += both[0];
                let content = weights.is_content(sa);
                shared_content += usize::from(content);
                for lane in 0..2 {
                    shared[lane] += w * both[lane];
                    if content {
                        shared_content_weight[lane] += w * both[lane];
                    }
                }
                i += 1;
                j += 1;
            }
        }
    }
    let ratio = |x: f32, total: f32| {
        if total > 0.0 {
            lesser(x / total, 1.0)
        } else {
            0.0
        }
    };
    let lane = |k: usize| {
        let (ta, tb) = (a.totals[k], b.totals[k]);
        Overlap {
            shared: shared[k],
            cover_a: ratio(shared[k], ta.total),
            cover_b: ratio(shared[k], tb.total),
            dice: ratio(2.0 * shared[k], ta.total + tb.total),
            shared_content,
            content_dice: ratio(2.0 * shared_content_weight[k], ta.content + tb.content),
            shared_count,
        }
    };
    (lane(0), lane(1))
}

/// Number of words the two key sequences have in common, in order.
pub fn words_in_order(a: &[u32], b: &[u32]) -> usize {
    alignment(a, b).0
}

/// Walks an alignment pair by pair, counting matched pairs, their unbroken
/// runs, and the longest stretch that only one side has.
#[derive(Default)]
struct Walk {
    matched: usize,
    runs: usize,
    gap: usize,
    in_run: bool,
    gap_a: usize,
    gap_b: usize,
}

impl Walk {
    fn pair(&mut self) {
        self.runs += usize::from(!self.in_run);
        self.in_run = true;
        self.matched += 1;
        self.close_gap();
    }

    fn skip_a(&mut self) {
        self.in_run = false;
        self.gap_a += 1;
    }

    fn skip_b(&mut self) {
        self.in_run = false;
        self.gap_b += 1;
    }

    fn close_gap(&mut self) {
        self.gap = self.gap.max(self.gap_a.max(self.gap_b));
        self.gap_a = 0;
        self.gap_b = 0;
    }
}

/// The longest in-order alignment of two sequences: how many items it
/// pairs, in how many unbroken runs, and the longest stretch only one side
/// has. Sentence-sized middles go through [`lcs_walk`]'s table (cheaper
/// than the general diff's set-up many times over); very long middles use
/// `similar`.
fn alignment(a: &[u32], b: &[u32]) -> (usize, usize, usize) {
    let mut walk = Walk::default();
    // Where either side may give way, `b` does: the fitted models learnt
    // the runs and gaps of this walk.
    let walked = lcs_walk(a, b, Step::SkipB, |step| match step {
        Step::Pair => walk.pair(),
        Step::SkipA => walk.skip_a(),
        Step::SkipB => walk.skip_b(),
    });
    if !walked {
        return alignment_by_diff(a, b);
    }
    walk.close_gap();
    (walk.matched, walk.runs, walk.gap)
}

fn alignment_by_diff(a: &[u32], b: &[u32]) -> (usize, usize, usize) {
    let mut matched = 0;
    let mut runs = 0;
    let mut gap = 0;
    for op in key_diff(a, b) {
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
    /// Stems with their amounts as written and as a claim.
    pub bag: &'a Bag,
    /// Keys of its figures (numbers other than years), sorted.
    pub figures: &'a [u32],
    /// Its distinct content stems, sorted.
    pub content_stems: &'a [u32],
    /// Pairs of consecutive content stems (function words skipped), as
    /// `first << 32 | second`, sorted and distinct: shared phrases.
    pub bigrams: &'a [u64],
    /// Stems of its names (words capitalised inside the sentence), sorted.
    pub names: &'a [u32],
}

/// How the words of two texts line up in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alignment {
    /// Share of stems in the same order (longest common subsequence over the
    /// mean length).
    pub order: f32,
    /// METEOR-style fluency: the harmonic mean of in-order precision and
    /// recall (weighted towards the smaller side), penalised when the
    /// shared words come in many broken runs.
    pub fluency: f32,
    /// Most words in one stretch that only one side has: an added clause.
    pub largest_gap: usize,
}

/// What the link decision looks at, measured on one pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairFeatures {
    /// Weighted word overlap.
    pub overlap: Overlap,
    /// Weighted overlap of what the two claim, attributions discounted: a
    /// shared source does not make two statements the same.
    pub claims: Overlap,
    /// Figures both texts give.
    pub figures_shared: usize,
    /// Figures that only one text gives.
    pub figure_difference: usize,
    /// Both texts give figures and none agree.
    pub figures_conflict: bool,
    /// Shared pairs of consecutive content words.
    pub bigrams: usize,
    /// Distinct content stems of each text.
    pub content: (usize, usize),
    /// Weight of the names both texts give: sharing who or where is not
    /// sharing what happened.
    pub name_weight: f32,
}

/// Least share of either text's weight that the other must carry for the
/// pair to be scored at all: below it (about 40% of the candidates of a
/// handful of articles), the development data had 1 in 25 pairs linked
/// among the candidates that shared a fact, and the models linked none.
const MIN_COVER: f32 = 0.1;

/// Measures a pair, or `None` when the two share no content word or too
/// little of either ([`MIN_COVER`]).
pub fn pair_features(a: &TextView, b: &TextView, weights: &Weights) -> Option<PairFeatures> {
    let (overlap, claims) = overlaps(a.bag, b.bag, weights);
    if overlap.shared_content == 0 || greater(overlap.cover_a, overlap.cover_b) < MIN_COVER {
        return None;
    }
    let figures_shared = a.figures.iter().filter(|f| b.figures.binary_search(f).is_ok()).count();
    Some(PairFeatures {
        overlap,
        claims,
        figures_shared,
        figure_difference: a.figures.len() + b.figures.len() - 2 * figures_shared,
        figures_conflict: !a.figures.is_empty() && !b.figures.is_empty() && figures_shared == 0,
        bigrams: sorted_intersection(a.bigrams, b.bigrams),
        content: (a.content_stems.len(), b.content_stems.len()),
        name_weight: a.names.iter().filter(|n| b.names.binary_search(n).is_ok()).map(|&n| weights.of(n)).sum(),
    })
}

fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// What the semantic signal says of a pair: how much of each one's content
/// the other covers, word by word.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Semantic {
    /// Soft cover of the first text by the second.
    pub cover_a: f32,
    /// Soft cover of the second text by the first.
    pub cover_b: f32,
}

/// The pair model's inputs (see [`PAIR_FEATURES`](super::model::PAIR_FEATURES)),
/// with the semantic ones zero when there is no semantic signal.
pub fn model_inputs(f: &PairFeatures, semantic: Option<Semantic>) -> [f32; PAIR] {
    let o = &f.overlap;
    let (ca, cb) = (f.content.0 as f32, f.content.1 as f32);
    let s = semantic.unwrap_or_default();
    [
        lesser(o.cover_a, o.cover_b),
        greater(o.cover_a, o.cover_b),
        o.dice,
        o.shared.ln_1p(),
        (o.shared_content as f32).ln_1p(),
        o.shared_content as f32 / greater(ca + cb - o.shared_content as f32, 1.0),
        (f.bigrams as f32).ln_1p(),
        f.figures_shared.min(3) as f32,
        f32::from(u8::from(f.figures_conflict)),
        lesser(ca, cb) / greater(greater(ca, cb), 1.0),
        if o.shared > 0.0 { lesser(f.name_weight / o.shared, 1.0) } else { 0.0 },
        lesser(s.cover_a, s.cover_b),
        greater(s.cover_a, s.cover_b),
    ]
}

/// The kind inputs that come from the in-order alignment (`gap`, `order`),
/// each between 0 and 1.
pub const ALIGNED_INPUTS: [usize; 2] = [5, 6];

/// The kind model's inputs (see [`KIND_FEATURES`](super::model::KIND_FEATURES))
/// before the alignment is known: its inputs ([`ALIGNED_INPUTS`]) are 0
/// here, and measured for the pairs that link ([`aligned_inputs`]).
pub fn kind_inputs(f: &PairFeatures, semantic: Option<Semantic>) -> [f32; KIND] {
    let c = &f.claims;
    let s = semantic.unwrap_or_default();
    let (ca, cb) = (f.content.0 as f32, f.content.1 as f32);
    [
        lesser(c.cover_a, c.cover_b),
        greater(c.cover_a, c.cover_b),
        c.dice,
        c.content_dice,
        f.figure_difference.min(4) as f32,
        0.0,
        0.0,
        lesser(ca, cb) / greater(greater(ca, cb), 1.0),
        lesser(s.cover_a, s.cover_b),
        greater(s.cover_a, s.cover_b),
    ]
}

/// The kind inputs that come from `alignment`, in the order of
/// [`ALIGNED_INPUTS`].
pub fn aligned_inputs(alignment: &Alignment) -> [f32; 2] {
    [alignment.largest_gap.min(GAP_CAP) as f32 / GAP_CAP as f32, alignment.order]
}

/// The kind inputs with the alignment's filled in.
#[cfg(feature = "fit")]
pub fn with_alignment(mut inputs: [f32; KIND], alignment: &Alignment) -> [f32; KIND] {
    for (i, x) in ALIGNED_INPUTS.into_iter().zip(aligned_inputs(alignment)) {
        inputs[i] = x;
    }
    inputs
}

/// A one-sided stretch of this many words or more counts as an added clause.
const GAP_CAP: usize = 8;

/// How the stems of two texts line up in order.
pub fn align(a: &[u32], b: &[u32]) -> Alignment {
    let (la, lb) = (a.len().max(1) as f32, b.len().max(1) as f32);
    let (matched, runs, gap) = alignment(a, b);
    let fluency = if matched == 0 {
        0.0
    } else {
        let (recall, precision) = (matched as f32 / la, matched as f32 / lb);
        let toward_a = 10.0 * precision * recall / (recall + 9.0 * precision);
        let toward_b = 10.0 * precision * recall / (precision + 9.0 * recall);
        let penalty = 0.5 * (runs as f32 / matched as f32).powi(3);
        lesser(toward_a, toward_b) * (1.0 - penalty)
    };
    Alignment { order: 2.0 * matched as f32 / (la + lb), fluency, largest_gap: gap }
}

/// The limits that decide a match, set by the strictness option.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// How much the strictness moves the learned models' thresholds, in
    /// log-odds: a stricter comparison links less and calls fewer links
    /// equivalent.
    pub offset: f32,
    /// In-order fluency at or above which an equivalent pair is the same
    /// sentence edited rather than reworded.
    pub edited_fluency: f32,
}

impl Thresholds {
    /// Limits for a strictness from 0 (loose) to 1 (strict).
    pub fn new(strictness: f64) -> Self {
        let t = (strictness as f32 - 0.5).clamp(-0.5, 0.5);
        Thresholds { offset: 4.0 * t, edited_fluency: 0.6 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesser_and_greater_are_min_and_max_of_numbers() {
        let values = [f32::NEG_INFINITY, -2.5, -1.0, 0.0, 0.1, 1.0, 7.0, f32::INFINITY];
        for a in values {
            for b in values {
                assert_eq!((lesser(a, b), greater(a, b)), (a.min(b), a.max(b)), "{a}, {b}");
            }
        }
    }

    #[test]
    fn the_table_and_the_diff_agree_on_the_common_length() {
        let cases: [(&[u32], &[u32]); 5] = [
            (&[1, 2, 3, 4, 5], &[1, 2, 9, 4, 5]),
            (&[1, 2, 3], &[4, 5, 6]),
            (&[], &[1, 2]),
            (&[1, 2, 3, 4, 5, 6, 7], &[1, 2, 3, 8, 8, 8, 8, 8, 8, 4, 5]),
            (&[7, 1, 7, 2, 7, 3], &[1, 2, 3]),
        ];
        for (a, b) in cases {
            let (matched, _, _) = alignment(a, b);
            assert_eq!(matched, alignment_by_diff(a, b).0, "{a:?} {b:?}");
        }
    }

    #[test]
    fn runs_and_the_largest_one_sided_stretch() {
        // 1 2 3 | inserted 8 8 8 8 8 8 | 4 5, and 6 7 deleted at the end.
        assert_eq!(alignment(&[1, 2, 3, 4, 5, 6, 7], &[1, 2, 3, 8, 8, 8, 8, 8, 8, 4, 5]), (5, 2, 6));
        assert_eq!(alignment(&[1, 2, 3], &[1, 2, 3]), (3, 1, 0));
        assert_eq!(alignment(&[1, 2], &[3, 4, 5]), (0, 0, 3));
    }
}
