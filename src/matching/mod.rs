//! Matching: which segments of different documents say the same thing.
//!
//! Identical texts (after normalisation) are merged first, so that a
//! sentence repeated a thousand times is scored once. Candidate pairs come
//! from an index of rare words ([`candidates`]), are scored by weighted word
//! overlap and word order ([`score`]), and every segment then keeps only its
//! strongest counterparts in each other document. Nothing here depends on
//! the order in which the documents were given.

pub mod candidates;
pub mod features;
pub mod score;
pub mod weights;

use crate::report::MatchKind;
use crate::roles::Role;
use candidates::{candidate_pairs, Probe};
use features::{SegmentFeatures, Vocabulary};
use score::{classify, overlap, Bag, Thresholds};
use std::collections::HashMap;
use weights::Weights;

/// A kept counterpart must score at least this share of the segment's best
/// match in the same document: a weak echo of a fact is dropped when the
/// sentence that really carries it is there.
const RELATIVE_TO_BEST: f32 = 0.5;
/// Most counterparts a segment keeps in one other document (a sentence
/// split in two, or merged from several, needs more than one).
const MAX_PER_DOCUMENT: usize = 3;

/// A match between two segments, by their index in the feature list, with
/// `a` in the earlier document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentMatch {
    /// Index of the first segment.
    pub a: usize,
    /// Index of the second segment.
    pub b: usize,
    /// How they relate.
    pub kind: MatchKind,
    /// How strongly, 0 to 1.
    pub score: f32,
}

/// Which roles may match which: article text with article text, captions
/// with captions; chrome and publication details with nothing.
fn compatible(a: Role, b: Role) -> bool {
    (a.is_content() && b.is_content()) || (a == Role::Caption && b == Role::Caption)
}

fn matchable(role: Role) -> bool {
    role.is_content() || role == Role::Caption
}

/// Distinct normalised texts and the segments that have them.
struct Text {
    keys: Vec<u32>,
    members: Vec<usize>,
    bag: Bag,
    content_stems: Vec<u32>,
}

/// Finds the matches among `segments` (all documents' segments, ordered by
/// document then position).
pub fn find_matches(segments: &[SegmentFeatures], vocabulary: &Vocabulary, strictness: f64) -> Vec<SegmentMatch> {
    let thresholds = Thresholds::new(strictness);
    let participants: Vec<&SegmentFeatures> =
        segments.iter().filter(|s| matchable(s.role) && !s.words.is_empty()).collect();
    let weights = Weights::new(vocabulary, &participants);
    let texts = distinct_texts(segments, vocabulary, &weights);

    let mut frequency = vec![0u32; vocabulary.stem_count()];
    for t in &texts {
        for &s in &t.content_stems {
            frequency[s as usize] += 1;
        }
    }
    let probes: Vec<Probe> = texts.iter().map(|t| Probe { content_stems: &t.content_stems }).collect();
    let is_content = |stem: u32| frequency[stem as usize] > 0;

    let mut found: Vec<SegmentMatch> = Vec::new();
    for text in &texts {
        link_members(segments, text, text, MatchKind::Verbatim, 1.0, &mut found);
    }
    for (i, j) in candidate_pairs(&probes, &weights, &frequency) {
        let (x, y) = (&texts[i as usize], &texts[j as usize]);
        let o = overlap(&x.bag, &y.bag, &weights, is_content);
        if let Some((kind, score)) = classify(&o, &x.keys, &y.keys, &thresholds) {
            link_members(segments, x, y, kind, score, &mut found);
        }
    }
    keep_strongest(segments, found)
}

/// Groups segments with identical word keys; orders the groups by their
/// keys so that numbering does not depend on document order.
fn distinct_texts(segments: &[SegmentFeatures], vocabulary: &Vocabulary, weights: &Weights) -> Vec<Text> {
    let mut by_keys: HashMap<Vec<u32>, Vec<usize>> = HashMap::new();
    for (i, s) in segments.iter().enumerate() {
        if matchable(s.role) && !s.words.is_empty() {
            by_keys.entry(s.words.iter().map(|w| w.key).collect()).or_default().push(i);
        }
    }
    let mut groups: Vec<(Vec<u32>, Vec<usize>)> = by_keys.into_iter().collect();
    groups.sort_unstable();
    let mut stems = Vec::new();
    groups
        .into_iter()
        .map(|(keys, members)| {
            stems.clear();
            stems.extend(keys.iter().map(|&k| vocabulary.keys[k as usize].stem));
            let bag = Bag::new(&mut stems, weights);
            let mut content_stems: Vec<u32> = keys
                .iter()
                .filter(|&&k| !vocabulary.keys[k as usize].stop)
                .map(|&k| vocabulary.keys[k as usize].stem)
                .collect();
            content_stems.sort_unstable();
            content_stems.dedup();
            Text { keys, members, bag, content_stems }
        })
        .collect()
}

/// Records the match of texts `x` and `y` between their member segments in
/// different documents. When a text occurs several times in a document,
/// occurrences are paired by rank rather than all with all, so that a
/// sentence repeated a thousand times does not make a million matches.
fn link_members(segments: &[SegmentFeatures], x: &Text, y: &Text, kind: MatchKind, score: f32, out: &mut Vec<SegmentMatch>) {
    let per_doc = |members: &[usize]| {
        let mut docs: Vec<(usize, Vec<usize>)> = Vec::new();
        for &m in members {
            match docs.last_mut() {
                Some((d, list)) if *d == segments[m].doc => list.push(m),
                _ => docs.push((segments[m].doc, vec![m])),
            }
        }
        docs
    };
    let (xs, ys) = (per_doc(&x.members), per_doc(&y.members));
    for (dx, mx) in &xs {
        for (dy, my) in &ys {
            if dx == dy || (std::ptr::eq(x, y) && dx > dy) {
                continue;
            }
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            for (r, &a) in mx.iter().enumerate() {
                pairs.push((a, my[r * my.len() / mx.len()]));
            }
            for (r, &b) in my.iter().enumerate() {
                pairs.push((mx[r * mx.len() / my.len()], b));
            }
            pairs.sort_unstable();
            pairs.dedup();
            for (a, b) in pairs {
                if compatible(segments[a].role, segments[b].role) {
                    let (a, b) = if a < b { (a, b) } else { (b, a) };
                    out.push(SegmentMatch { a, b, kind, score });
                }
            }
        }
    }
}

/// Keeps a match only if, on both sides, it is among the segment's
/// strongest counterparts in the other document.
fn keep_strongest(segments: &[SegmentFeatures], mut found: Vec<SegmentMatch>) -> Vec<SegmentMatch> {
    found.sort_unstable_by(|m, n| (m.a, m.b).cmp(&(n.a, n.b)).then(n.score.total_cmp(&m.score)));
    found.dedup_by(|m, n| m.a == n.a && m.b == n.b);
    // Per (segment, other document): the scores of its matches, best first.
    let mut sides: HashMap<(usize, usize), Vec<(f32, usize)>> = HashMap::new();
    for m in &found {
        sides.entry((m.a, segments[m.b].doc)).or_default().push((m.score, m.b));
        sides.entry((m.b, segments[m.a].doc)).or_default().push((m.score, m.a));
    }
    for list in sides.values_mut() {
        list.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    }
    let kept = |segment: usize, other: usize| {
        let list = &sides[&(segment, segments[other].doc)];
        let best = list[0].0;
        list.iter()
            .take(MAX_PER_DOCUMENT)
            .any(|&(score, o)| o == other && score >= best * RELATIVE_TO_BEST)
    };
    found.retain(|m| kept(m.a, m.b) && kept(m.b, m.a));
    found
}
