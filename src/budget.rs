//! Which matches a report lists. Many near-identical articles would list
//! every sentence against every copy: a quadratic report nobody can read.
//! Beyond a budget, each segment keeps its strongest matches; groups and
//! shares still count them all.

use crate::matching::features::SegmentFeatures;
use crate::matching::{in_pair_order, SegmentMatch};
use crate::sort_key::strongest_first;

/// Matches listed in a report at most; beyond, each segment keeps its
/// strongest (see [`MATCHES_PER_SEGMENT`]). Many near-identical articles
/// would otherwise list every sentence against every copy: a quadratic
/// report nobody can read.
pub const MATCH_BUDGET: usize = 20_000;
/// Matches each segment keeps when the budget is exceeded (one per other
/// document at most), besides all matches with the focus document.
pub const MATCHES_PER_SEGMENT: usize = 6;

/// The matches to list, and how many were left out. `found` comes in the
/// order of `(a, b)`, as matching leaves it.
pub fn reported_matches(
    found: &[SegmentMatch],
    features: &[SegmentFeatures],
    focus: Option<usize>,
) -> (Vec<SegmentMatch>, usize) {
    if found.len() <= MATCH_BUDGET {
        return (found.to_vec(), 0);
    }
    // Strongest first, then in the order of the segments.
    debug_assert!(in_pair_order(found));
    let order = strongest_first(&found.iter().map(|m| m.score).collect::<Vec<_>>());
    let mut kept_per_segment = vec![0usize; features.len()];
    let mut seen_docs: crate::text::hash::FastSet<(usize, usize)> = Default::default();
    let mut keep = vec![false; found.len()];
    for i in order {
        let i = i as usize;
        let m = &found[i];
        let (da, db) = (features[m.a].doc, features[m.b].doc);
        if focus.is_some_and(|f| f == da || f == db) {
            keep[i] = true;
            continue;
        }
        let room = |s: usize, other_doc: usize, kept: &[usize]| {
            kept[s] < MATCHES_PER_SEGMENT && !seen_docs.contains(&(s, other_doc))
        };
        if room(m.a, db, &kept_per_segment) && room(m.b, da, &kept_per_segment) {
            keep[i] = true;
            kept_per_segment[m.a] += 1;
            kept_per_segment[m.b] += 1;
            seen_docs.insert((m.a, db));
            seen_docs.insert((m.b, da));
        }
    }
    let reported: Vec<SegmentMatch> = found.iter().zip(&keep).filter(|(_, k)| **k).map(|(m, _)| *m).collect();
    let left_out = found.len() - reported.len();
    (reported, left_out)
}
