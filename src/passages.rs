//! Passages: runs of consecutive matched segments of one document whose
//! counterparts are consecutive in another; and which of them moved.
//!
//! Between two documents, each segment is first paired with at most one
//! counterpart (best score first). Pairs chain into a passage while both
//! sides advance together, each by its next content segment or the one
//! after when that one is paired with nothing: a copied passage with one
//! sentence rewritten beyond recognition, dropped or added stays one
//! passage. Either side may also skip up to four segments paired with
//! nothing that link to the step's ends on the other side: the other
//! sources of a sentence merged there (or split from one). Segments that
//! are not content (a caption, an "Advertisement" line) may sit in between.
//! The heaviest chain of passages in the same order in both documents stays
//! in place; every other passage was moved.

use crate::sort_key::collect_in_buckets;
use std::collections::HashSet;

/// Segments a run may skip on one side when each is another source of a
/// sentence merged on the other side: as many as a segment keeps
/// counterparts in one document.
const MAX_MERGED: usize = 4;

/// A matched pair between two documents, by segment index in each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// Segment in the first document.
    pub a: usize,
    /// Segment in the second document.
    pub b: usize,
    /// Match score, used to choose one counterpart per segment.
    pub score: f32,
}

/// A passage between two documents, by inclusive segment ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First and last segment in the first document.
    pub a: (usize, usize),
    /// First and last segment in the second document.
    pub b: (usize, usize),
    /// Number of pairs in the run.
    pub length: usize,
    /// Not in the longest chain that keeps the documents' order.
    pub moved: bool,
}

/// Finds the passages of `pairs`. `next_content_a(i)` gives the next content
/// segment after `i` in the first document (likewise for `b`).
pub fn passages(
    pairs: &[Pair],
    next_content_a: impl Fn(usize) -> Option<usize>,
    next_content_b: impl Fn(usize) -> Option<usize>,
) -> Vec<Run> {
    let one_to_one = one_to_one(pairs);
    let paired_a: HashSet<usize> = one_to_one.iter().map(|&(a, _)| a).collect();
    let paired_b: HashSet<usize> = one_to_one.iter().map(|&(_, b)| b).collect();
    let linked: HashSet<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
    let mut runs: Vec<Run> = Vec::new();
    // `to` follows `from` when the content segments between are paired with
    // nothing (else they belong to another passage) and are one at most, or
    // each a source of a sentence merged on the other side (`merged`).
    let follows = |next: &dyn Fn(usize) -> Option<usize>,
                   paired: &HashSet<usize>,
                   from: usize,
                   to: usize,
                   merged: &dyn Fn(usize) -> bool| {
        let (mut skipped, mut all_merged) = (0, true);
        let mut at = next(from);
        while let Some(i) = at {
            if i == to {
                return skipped <= 1 || all_merged;
            }
            if i > to || paired.contains(&i) || skipped == MAX_MERGED {
                return false;
            }
            skipped += 1;
            all_merged &= merged(i);
            at = next(i);
        }
        false
    };
    for &(a, b) in &one_to_one {
        if let Some(run) = runs.last_mut() {
            let (last_a, last_b) = (run.a.1, run.b.1);
            // A segment skipped on one side that links to either end of the
            // step on the other is a source of a merged sentence there.
            let merged_a = |i: usize| linked.contains(&(i, last_b)) || linked.contains(&(i, b));
            let merged_b = |i: usize| linked.contains(&(last_a, i)) || linked.contains(&(a, i));
            if follows(&next_content_a, &paired_a, last_a, a, &merged_a)
                && follows(&next_content_b, &paired_b, last_b, b, &merged_b)
            {
                run.a.1 = a;
                run.b.1 = b;
                run.length += 1;
                continue;
            }
        }
        runs.push(Run { a: (a, a), b: (b, b), length: 1, moved: false });
    }
    mark_moved(&mut runs);
    runs
}

/// Best-first one-to-one pairing, returned in order of the first document.
fn one_to_one(pairs: &[Pair]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<&Pair> = pairs.iter().collect();
    sorted.sort_unstable_by(|x, y| y.score.total_cmp(&x.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for p in sorted {
        if !used_a.contains(&p.a) && !used_b.contains(&p.b) {
            used_a.insert(p.a);
            used_b.insert(p.b);
            chosen.push((p.a, p.b));
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Marks as moved the runs outside the heaviest chain (by length) that is
/// increasing in both documents. Runs are sorted by their position in the
/// first document; the chain is found in O(n log n) with a Fenwick tree of
/// best chain weights over positions in the second document.
fn mark_moved(runs: &mut [Run]) {
    let n = runs.len();
    if n < 2 {
        return;
    }
    // Ordered by position in the second document, ties in order: laid out
    // by position, which carries no sort into the widget.
    let positions = runs.iter().map(|r| r.b.0 + 1).max().unwrap_or(0);
    let (ranks, _) = collect_in_buckets(|| 0..n, positions, |&i| runs[i].b.0);
    let mut rank_of = vec![0; n];
    for (r, &i) in ranks.iter().enumerate() {
        rank_of[i] = r + 1;
    }
    // tree[k]: (best weight, run index) over a range of ranks ending at k.
    let mut tree: Vec<(usize, Option<usize>)> = vec![(0, None); n + 1];
    let mut previous: Vec<Option<usize>> = vec![None; n];
    let mut best_end: (usize, Option<usize>) = (0, None);
    for i in 0..n {
        let mut k = rank_of[i] - 1;
        let mut best: (usize, Option<usize>) = (0, None);
        while k > 0 {
            if tree[k].0 > best.0 {
                best = tree[k];
            }
            k &= k - 1;
        }
        previous[i] = best.1;
        let weight = best.0 + runs[i].length;
        let mut k = rank_of[i];
        while k <= n {
            if weight > tree[k].0 {
                tree[k] = (weight, Some(i));
            }
            k += k & k.wrapping_neg();
        }
        if weight > best_end.0 {
            best_end = (weight, Some(i));
        }
    }
    let mut in_chain = vec![false; n];
    let mut cursor = best_end.1;
    while let Some(i) = cursor {
        in_chain[i] = true;
        cursor = previous[i];
    }
    for (run, keep) in runs.iter_mut().zip(in_chain) {
        run.moved = !keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: usize, b: usize) -> Pair {
        Pair { a, b, score: 1.0 }
    }

    fn next(i: usize) -> Option<usize> {
        Some(i + 1)
    }

    #[test]
    fn consecutive_pairs_form_runs_and_a_moved_run_is_found() {
        // a: 0 1 2 | 3 4 | 5 6 7   b: 0 1 2 | 6 7 | 3 4 5
        let pairs: Vec<Pair> =
            [(0, 0), (1, 1), (2, 2), (3, 6), (4, 7), (5, 3), (6, 4), (7, 5)].iter().map(|&(a, b)| pair(a, b)).collect();
        let runs = passages(&pairs, next, next);
        assert_eq!(runs.len(), 3);
        assert_eq!((runs[0].a, runs[0].b, runs[0].moved), ((0, 2), (0, 2), false));
        assert_eq!((runs[1].a, runs[1].b, runs[1].moved), ((3, 4), (6, 7), true));
        assert_eq!((runs[2].a, runs[2].b, runs[2].moved), ((5, 7), (3, 5), false));
    }

    #[test]
    fn one_rewritten_sentence_does_not_split_a_passage() {
        // Segments 2 and 5 of both documents match nothing (rewritten): the
        // run goes on over each. From 6, the first document skips three
        // segments (7–9) to reach 10: a new passage.
        let pairs: Vec<Pair> =
            [(0, 0), (1, 1), (3, 3), (4, 4), (6, 6), (10, 8)].iter().map(|&(a, b)| pair(a, b)).collect();
        let runs = passages(&pairs, next, next);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!((runs[0].a, runs[0].b, runs[0].length), ((0, 6), (0, 6), 5));
        assert_eq!((runs[1].a, runs[1].b), ((10, 10), (8, 8)));
    }

    #[test]
    fn a_sentence_merged_from_several_does_not_split_a_passage() {
        // a 1 merges b 1–3 (linked to all three, paired with b 1): the run
        // skips b 2–3 on to 2–4. Two segments that link to neither end of
        // the step are a gap it does not bridge (a 4–5 against b 8–9 after 6–6).
        let linked = [(0, 0), (1, 1), (1, 2), (1, 3), (2, 4), (3, 5), (4, 6), (5, 9)];
        let mut pairs: Vec<Pair> = linked.iter().map(|&(a, b)| pair(a, b)).collect();
        pairs[2].score = 0.9;
        pairs[3].score = 0.9;
        let runs = passages(&pairs, next, next);
        let spans: Vec<((usize, usize), (usize, usize))> = runs.iter().map(|r| (r.a, r.b)).collect();
        assert_eq!(spans, vec![((0, 4), (0, 6)), ((5, 5), (9, 9))]);
    }

    #[test]
    fn a_gap_is_not_bridged_over_a_sentence_paired_elsewhere() {
        // b 1 is a's 3, moved up: 0–0 and 2–2 are two passages.
        let runs = passages(&[pair(0, 0), pair(2, 2), pair(3, 1)], next, next);
        assert_eq!(runs.len(), 3, "{runs:?}");
        assert!(runs[2].moved);
    }

    #[test]
    fn non_content_segments_may_sit_inside_a_run() {
        // Segment 2 of the second document is an "Advertisement" line.
        let skip_two = |i: usize| if i + 1 == 2 { Some(3) } else { Some(i + 1) };
        let runs = passages(&[pair(0, 1), pair(1, 3)], next, skip_two);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].b, (1, 3));
    }

    #[test]
    fn each_segment_keeps_one_counterpart() {
        let pairs = [Pair { a: 0, b: 0, score: 0.9 }, Pair { a: 0, b: 1, score: 0.5 }, Pair { a: 1, b: 1, score: 0.8 }];
        let runs = passages(&pairs, next, next);
        assert_eq!(runs.len(), 1);
        assert_eq!((runs[0].a, runs[0].b), ((0, 1), (0, 1)));
    }
}
