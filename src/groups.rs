//! Groups: the sets of segments of different documents that tell the same
//! passage. A segment in no group says something no other document says.
//!
//! Groups are not the connected sets of all matches: a rewrite that merges
//! two sentences matches both, and connecting through it would put two
//! unrelated sentences of one article in one group, then chain on.
//! Equivalent links (the same sentence, edited or reworded) always join;
//! partial links join groups strongest first, and only while the joined
//! group has no two segments of one document. A partial link that would
//! break this stays a match (the inspector shows it) without merging.

use crate::disjoint::root;
use crate::matching::features::SegmentFeatures;
use crate::matching::{in_pair_order, SegmentMatch};
use crate::report::{Group, MatchKind, SegmentRef, SegmentReport};
use crate::sort_key::strongest_first;

/// Union–find over segment indices, with path halving and union by size;
/// each root keeps the sorted documents of its set.
struct DisjointSets {
    parent: Vec<usize>,
    documents: Vec<Vec<usize>>,
}

impl DisjointSets {
    fn new(doc_of: &[usize]) -> Self {
        DisjointSets { parent: (0..doc_of.len()).collect(), documents: doc_of.iter().map(|&d| vec![d]).collect() }
    }

    fn find(&mut self, x: usize) -> usize {
        root(&mut self.parent, x)
    }

    /// Joins the sets of `a` and `b`; with `disjoint`, only if they share
    /// no document.
    fn union(&mut self, a: usize, b: usize, disjoint: bool) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb || (disjoint && shares_any(&self.documents[ra], &self.documents[rb])) {
            return;
        }
        if self.documents[ra].len() < self.documents[rb].len() {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra;
        let moved = std::mem::take(&mut self.documents[rb]);
        let merged = &mut self.documents[ra];
        merged.extend(moved);
        merged.sort_unstable();
    }
}

fn shares_any(x: &[usize], y: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The groups formed by `equivalent` links (pairs of items) and `partial`
/// ones (strongest first) over items whose documents are `doc_of`: each
/// group's members in increasing order, groups ordered by their first
/// member, and for every item the index of its group (`None` for items in
/// no link). Partial links never put two items of one document in a group;
/// an item whose every link was refused for that is a group of its own (it
/// still shares content, with a segment grouped elsewhere).
pub fn group_links(
    doc_of: &[usize],
    equivalent: impl IntoIterator<Item = (usize, usize)>,
    partial: impl IntoIterator<Item = (usize, usize)>,
) -> (Vec<Vec<usize>>, Vec<Option<usize>>) {
    let n = doc_of.len();
    let mut sets = DisjointSets::new(doc_of);
    let mut linked = vec![false; n];
    let links = equivalent.into_iter().map(|l| (l, false)).chain(partial.into_iter().map(|l| (l, true)));
    for ((a, b), disjoint) in links {
        sets.union(a, b, disjoint);
        linked[a] = true;
        linked[b] = true;
    }
    let mut group_of_root: Vec<Option<usize>> = vec![None; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut membership = vec![None; n];
    for item in (0..n).filter(|&i| linked[i]) {
        let root = sets.find(item);
        let g = *group_of_root[root].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(item);
        membership[item] = Some(g);
    }
    (groups, membership)
}

/// The groups of the matches `found`, each segment's group written into
/// `segments`: equivalent matches join them, then
/// partial ones strongest first, so that a segment joins the group of its
/// best counterparts. `found` comes in the order of `(a, b)`, as matching
/// leaves it.
pub fn assign(found: &[SegmentMatch], features: &[SegmentFeatures], segments: &mut [Vec<SegmentReport>]) -> Vec<Group> {
    let equivalent = found.iter().filter(|m| m.kind != MatchKind::Partial).map(|m| (m.a, m.b));
    // Strongest first, then in the order of the segments, as the report's
    // budget orders them.
    debug_assert!(in_pair_order(found));
    let partial: Vec<&SegmentMatch> = found.iter().filter(|m| m.kind == MatchKind::Partial).collect();
    let order = strongest_first(&partial.iter().map(|m| m.score).collect::<Vec<_>>());
    let doc_of: Vec<usize> = features.iter().map(|f| f.doc).collect();
    let (groups, group_of) =
        group_links(&doc_of, equivalent, order.iter().map(|&i| (partial[i as usize].a, partial[i as usize].b)));
    for (i, f) in features.iter().enumerate() {
        segments[f.doc][f.index].group = group_of[i];
    }
    groups
        .into_iter()
        .map(|members| {
            let members: Vec<SegmentRef> =
                members.iter().map(|&i| SegmentRef { doc: features[i].doc, segment: features[i].index }).collect();
            let mut documents: Vec<usize> = members.iter().map(|m| m.doc).collect();
            documents.dedup();
            Group { members, documents }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_join_and_loners_stay_out() {
        let (groups, of) = group_links(&[0, 0, 0, 1, 1, 2, 2], [(0, 3), (3, 5)], [(1, 6)]);
        assert_eq!(groups, vec![vec![0, 3, 5], vec![1, 6]]);
        assert_eq!(of, vec![Some(0), Some(1), None, Some(0), None, Some(0), Some(1)]);
    }

    #[test]
    fn a_merged_sentence_does_not_chain_two_sentences_of_one_document() {
        // Document 0 has sentences 0 and 1; document 1's sentence 2 merges
        // both, and document 2's sentence 3 tells sentence 1 again.
        let (groups, of) = group_links(&[0, 0, 1, 2], [], [(0, 2), (1, 3), (1, 2)]);
        assert_eq!(groups, vec![vec![0, 2], vec![1, 3]]);
        assert_eq!(of, vec![Some(0), Some(1), Some(0), Some(1)]);
        // Alone against the merged sentence, sentence 1 is a group of its own.
        let (groups, _) = group_links(&[0, 0, 1], [], [(0, 2), (1, 2)]);
        assert_eq!(groups, vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn copies_of_one_sentence_in_one_document_share_its_group() {
        // Sentence 0 and its repeat 1 both match document 1's sentence 2.
        let (groups, _) = group_links(&[0, 0, 1], [(0, 2), (1, 2)], []);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn no_links_no_groups() {
        let (groups, of) = group_links(&[0, 1, 2], [], []);
        assert!(groups.is_empty());
        assert!(of.iter().all(Option::is_none));
    }
}
