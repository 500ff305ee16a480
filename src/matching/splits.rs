//! Split and merged sentences: one outlet says in one sentence what another
//! says in two. Neither half alone carries enough of the long sentence to
//! count as a match, but together they do; each half is then a partial
//! match of it.

use super::score::{overlap, Bag};
use super::weights::Weights;

/// How much more of the long sentence the two halves must carry together
/// than the better half alone: the merge must explain something.
const MERGE_GAIN: f32 = 0.15;

/// What the split detector needs to know of each segment.
pub struct SplitInput<'a> {
    /// Document of each segment.
    pub doc: &'a [usize],
    /// Bag of each segment's text, if it takes part in matching.
    pub bag: &'a [Option<&'a Bag>],
    /// For each segment, the next segment of its document that takes part in
    /// matching.
    pub next: &'a [Option<usize>],
}

/// Finds pairs `(x, [y1, y2])` where `y1` and `y2` are consecutive segments
/// of another document that together cover `x` (at least `cover` of its
/// weight), among the given candidate pairs (which must include both
/// halves). Returns the covering share with each pair.
pub fn merged_counterparts(
    input: &SplitInput,
    candidates: &[(usize, usize)],
    weights: &Weights,
    cover: f32,
) -> Vec<(usize, usize, usize, f32)> {
    // Candidate counterparts of each segment, per side, sorted.
    let mut by_segment: Vec<(usize, usize)> = Vec::with_capacity(candidates.len() * 2);
    for &(a, b) in candidates {
        by_segment.push((a, b));
        by_segment.push((b, a));
    }
    by_segment.sort_unstable();
    by_segment.dedup();
    let mut out = Vec::new();
    for window in by_segment.windows(2) {
        let ((x, y1), (x2, y2)) = (window[0], window[1]);
        if x != x2 || input.doc[y1] != input.doc[y2] || input.next[y1] != Some(y2) {
            continue;
        }
        let (Some(bx), Some(b1), Some(b2)) = (input.bag[x], input.bag[y1], input.bag[y2]) else { continue };
        let merged = Bag::merged(b1, b2, weights);
        let together = overlap(bx, &merged, weights);
        let (alone1, alone2) = (overlap(bx, b1, weights), overlap(bx, b2, weights));
        let better_half = alone1.cover_a.max(alone2.cover_a);
        if together.cover_a >= cover
            && together.cover_a >= better_half + MERGE_GAIN
            && alone1.shared_content >= 2
            && alone2.shared_content >= 2
        {
            out.push((x, y1, y2, together.cover_a));
        }
    }
    out
}
