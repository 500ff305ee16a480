//! Document context: how a candidate pair stands among the other candidates
//! of the same two documents. A pair that is each side's best counterpart,
//! or whose neighbouring sentences match each other too (a copied or
//! reworded passage), is likelier a real link than a look-alike that a
//! better pair outranks; so is a pair of two articles' leads, which restate
//! the same core facts in other words. The context model weighs this (see
//! [`super::model`]).

use super::model::CONTEXT;
use super::score::{greater, lesser};
use crate::sort_key::{side_key, side_score, side_segment, sort_into_buckets};

/// Pair log-odds are clipped to this magnitude: beyond it, certainty adds
/// nothing and would swamp the other features.
pub const CLIP: f32 = 8.0;
/// Ranks are counted up to this.
const RANK_CAP: usize = 5;
/// A document's lead: its first segments that take part in matching (the
/// headline and the first four sentences). News writing puts the core facts
/// there, and every outlet retells them: two leads share facts in other
/// words far more often than two sentences further down.
const LEAD: u32 = 5;

/// A scored link between segments `a` and `b` (global indices), with the
/// pair model's log-odds.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// First segment.
    pub a: usize,
    /// Second segment.
    pub b: usize,
    /// The pair model's log-odds, clipped to ±[`CLIP`].
    pub logit: f32,
}

/// The context model's inputs for each link, handed to `emit` with the
/// link's index, in order (not collected: on large inputs memory peaks
/// here, and the matcher keeps only the few links that pass). `doc[s]` is
/// the document of segment `s`; `previous[s]`/`next[s]` the neighbouring
/// segment of the same document that takes part in matching. A link that
/// is not `wanted` still counts in the others' inputs, but its own are not
/// measured (`emit` gets `None`): the matcher needs none for identical
/// texts, most links of a comparison of many articles.
pub fn context_inputs(
    links: &[Scored],
    doc: &[usize],
    previous: &[Option<usize>],
    next: &[Option<usize>],
    wanted: impl Fn(usize) -> bool,
    mut emit: impl FnMut(usize, Option<[f32; CONTEXT]>),
) {
    // Each link seen from each side: (segment, other document, log-odds
    // from the highest) packed in one integer, the link and which side it
    // is (`index << 1 | side`), and the other segment, sorted so that a
    // segment's links into one document are together, best first. One sort
    // of integers, no map of lists: comparisons with hundreds of articles
    // have millions of links. Sorted segment by segment (the key begins
    // with it), which also tells where each segment's links are. All the
    // steps below read the sides alone, in order: a lookup in the links at
    // random would miss the cache for each of millions.
    debug_assert!(links.len() < 1 << 31);
    let both_sides = || {
        links.iter().enumerate().flat_map(|(i, l)| {
            [
                (side_key(l.a, doc[l.b], l.logit), (i as u32) << 1, l.b as u32),
                (side_key(l.b, doc[l.a], l.logit), (i as u32) << 1 | 1, l.a as u32),
            ]
        })
    };
    let (sides, starts) = sort_into_buckets(both_sides, doc.len(), |&(key, ..)| side_segment(key), |&side| side);
    // Per link and side: the gap to that side's best, and the rank (links
    // strictly better).
    let mut standing = vec![[(0.0f32, 0.0f32); 2]; links.len()];
    for group in sides.chunk_by(|x, y| x.0 >> 32 == y.0 >> 32) {
        let best = side_score(group[0].0);
        let mut better = 0;
        for (n, &(key, link, _)) in group.iter().enumerate() {
            let logit = side_score(key);
            if n > 0 && logit < side_score(group[n - 1].0) {
                better = n;
            }
            standing[(link >> 1) as usize][(link & 1) as usize] = (logit - best, better.min(RANK_CAP) as f32);
        }
    }
    // The best log-odds of a link between `x` and `y`: the first link to `y`
    // among `x`'s links into `y`'s document, which come best first.
    let pair = |x: Option<usize>, y: Option<usize>| {
        let (x, y) = (x?, y?);
        let into = side_key(x, doc[y], 0.0) >> 32;
        let of_x = &sides[starts[x]..starts[x + 1]];
        let from = of_x.partition_point(|&(key, ..)| key >> 32 < into);
        of_x[from..]
            .iter()
            .take_while(|&&(key, ..)| key >> 32 == into)
            .find(|&&(.., other)| other as usize == y)
            .map(|&(key, ..)| side_score(key))
    };
    // Each segment's place among its document's segments that take part in
    // matching (`previous` points back to an earlier one).
    let mut place = vec![0u32; doc.len()];
    for s in 0..doc.len() {
        place[s] = previous[s].map_or(0, |p| place[p] + 1);
    }
    // A document all lead (a brief, a sentence compared alone) has no
    // opening to tell from the rest.
    let mut longer_than_lead = vec![false; doc.iter().max().map_or(0, |&d| d + 1)];
    for (s, &p) in place.iter().enumerate() {
        longer_than_lead[doc[s]] |= p >= LEAD;
    }
    let in_lead = |s: usize| place[s] < LEAD && longer_than_lead[doc[s]];
    for (i, (l, &[(gap_a, rank_a), (gap_b, rank_b)])) in links.iter().zip(&standing).enumerate() {
        if !wanted(i) {
            emit(i, None);
            continue;
        }
        // Symmetric in the two sides, so that the order of the documents
        // changes nothing.
        let neighbour =
            [pair(previous[l.a], previous[l.b]), pair(next[l.a], next[l.b])].into_iter().flatten().fold(-CLIP, greater);
        emit(
            i,
            Some([
                l.logit,
                greater(gap_a, gap_b),
                lesser(gap_a, gap_b),
                lesser(rank_a, rank_b),
                greater(rank_a, rank_b),
                neighbour,
                f32::from(u8::from(in_lead(l.a) && in_lead(l.b))),
            ]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_counterparts_and_matching_neighbours() {
        // Documents: segments 0–2 in doc 0, 3–5 in doc 1.
        let doc = [0, 0, 0, 1, 1, 1];
        let previous = [None, Some(0), Some(1), None, Some(3), Some(4)];
        let next = [Some(1), Some(2), None, Some(4), Some(5), None];
        let links =
            [Scored { a: 0, b: 3, logit: 3.0 }, Scored { a: 1, b: 4, logit: 1.0 }, Scored { a: 1, b: 5, logit: 2.0 }];
        let mut inputs = Vec::new();
        context_inputs(
            &links,
            &doc,
            &previous,
            &next,
            |_| true,
            |i, x| {
                assert_eq!(i, inputs.len(), "in order");
                inputs.push(x.expect("every link is wanted"));
            },
        );
        // 1–4 is outranked by 1–5 for segment 1, is segment 4's best, and
        // its neighbour 0–3 matches.
        assert_eq!(inputs[1], [1.0, 0.0, -1.0, 0.0, 1.0, 3.0, 0.0]);
        // 1–5 is segment 1's best; its neighbours 0–4 and 2–(none) do not match.
        assert_eq!(inputs[2], [2.0, 0.0, 0.0, 0.0, 0.0, -CLIP, 0.0]);
        assert_eq!(inputs[0][5], 1.0, "0–3's next neighbour 1–4");
    }

    #[test]
    fn links_not_wanted_count_for_the_others_but_get_no_inputs() {
        let doc = [0, 0, 1, 1];
        let previous = [None, Some(0), None, Some(2)];
        let next = [Some(1), None, Some(3), None];
        let links =
            [Scored { a: 0, b: 2, logit: 3.0 }, Scored { a: 1, b: 3, logit: 1.0 }, Scored { a: 1, b: 2, logit: 2.0 }];
        let measure = |wanted: &dyn Fn(usize) -> bool| {
            let mut inputs = Vec::new();
            context_inputs(&links, &doc, &previous, &next, wanted, |_, x| inputs.push(x));
            inputs
        };
        let all = measure(&|_| true);
        let some = measure(&|i| i == 1);
        assert_eq!(some, [None, all[1], None]);
        // 1–3 is outranked by 1–2 and its neighbour 0–2 matches: both
        // unwanted, both counted.
        assert_eq!(all[1], Some([1.0, 0.0, -1.0, 0.0, 1.0, 3.0, 0.0]));
    }

    #[test]
    fn a_pair_of_leads_is_told_by_the_places_of_both_segments() {
        // Document 0: segments 0–6, document 1: segments 7–13, each chained
        // to the one before; segment 3 of document 1 (10) takes no part.
        let doc = [[0; 7], [1; 7]].concat();
        let mut previous: Vec<Option<usize>> = (0..14).map(|s| (s % 7 > 0).then(|| s - 1)).collect();
        (previous[10], previous[11]) = (None, Some(9));
        let next = vec![None; 14];
        let links = [
            Scored { a: 4, b: 11, logit: 1.0 }, // places 4 and 3: both in the lead
            Scored { a: 5, b: 7, logit: 1.0 },  // place 5: past the lead
            Scored { a: 0, b: 13, logit: 1.0 }, // places 0 and 5
        ];
        let lead = |doc: &[usize], previous: &[Option<usize>]| {
            let mut lead = Vec::new();
            context_inputs(&links, doc, previous, &next, |_| true, |_, x| lead.push(x.expect("wanted")[6]));
            lead
        };
        assert_eq!(lead(&doc, &previous), [1.0, 0.0, 0.0]);
        // Document 1 cut to four segments (its others in a third document):
        // all of it is lead, which tells nothing.
        let short: Vec<usize> = doc.iter().enumerate().map(|(s, &d)| d + usize::from(s >= 11)).collect();
        let mut cut = previous.clone();
        cut[11] = None;
        assert_eq!(lead(&short, &cut), [0.0, 0.0, 0.0]);
    }
}
