//! Matching: which segments of different documents say the same thing.
//!
//! Identical texts (after normalisation) are merged first, so that a
//! sentence repeated a thousand times is scored once. Candidate pairs come
//! from an index of rare words ([`candidates`]), are scored by weighted word
//! overlap and word order ([`score`]), and every segment then keeps only its
//! strongest counterparts in each other document. Nothing here depends on
//! the order in which the documents were given.

pub mod attribution;
pub mod candidates;
pub mod features;
pub mod score;
pub mod splits;
pub mod weights;

use crate::report::MatchKind;
use crate::roles::Role;
use crate::text::hash::{FastMap, FastSet};
use crate::Stage;
use attribution::{attribution_mask, ATTRIBUTION_SHARE};
use candidates::{candidate_pairs, Probe};
use features::{SegmentFeatures, Vocabulary};
use score::{classify, equivalence, pair_features, Bag, PairFeatures, TextView, Thresholds};
use splits::{merged_counterparts, SplitInput};
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
    stems: Vec<u32>,
    figures: Vec<u32>,
    members: Vec<usize>,
    bag: Bag,
    content_stems: Vec<u32>,
}

impl Text {
    fn view(&self) -> TextView<'_> {
        TextView { keys: &self.keys, stems: &self.stems, bag: &self.bag, figures: &self.figures }
    }
}

/// How a pair of segments was judged, before the choice of kind.
#[derive(Clone, Copy)]
enum Evidence {
    /// Identical word keys.
    Identical,
    /// Scored: index into the candidate list.
    Scored(usize),
}

/// Finds the matches among `segments` (all documents' segments, ordered by
/// document then position).
/// `progress` hears each stage's share of the work done (0 to 1).
pub fn find_matches(
    segments: &[SegmentFeatures],
    vocabulary: &Vocabulary,
    strictness: f64,
    progress: &mut dyn FnMut(Stage, f64),
) -> Vec<SegmentMatch> {
    progress(Stage::Indexing, 0.0);
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
    let documents = segments.last().map_or(0, |s| s.doc + 1);
    let probes: Vec<Probe> = texts
        .iter()
        .map(|t| {
            let mut docs: Vec<usize> = t.members.iter().map(|&m| segments[m].doc).collect();
            docs.dedup();
            Probe {
                content_stems: &t.content_stems,
                settled: docs.len() == documents,
                only_in: if docs.len() == 1 { Some(docs[0]) } else { None },
            }
        })
        .collect();

    let mut links: Vec<(usize, usize, Evidence)> = Vec::new();
    for text in &texts {
        member_pairs(segments, text, text, usize::MAX, |a, b| links.push((a, b, Evidence::Identical)));
    }
    // Every candidate is kept as a link, scored or not: a pair too weak to
    // match may still be half of a split sentence.
    let mut scored: Vec<Option<(PairFeatures, f32)>> = Vec::new();
    let candidates = candidate_pairs(&probes, &weights, &frequency);
    progress(Stage::Scoring, 0.0);
    for (n, &(i, j)) in candidates.iter().enumerate() {
        if n % 4096 == 0 {
            progress(Stage::Scoring, 0.9 * n as f64 / candidates.len() as f64);
        }
        let (x, y) = (&texts[i as usize], &texts[j as usize]);
        let evaluation = pair_features(&x.view(), &y.view(), &weights, &thresholds).map(|f| (f, equivalence(&f)));
        let k = scored.len();
        scored.push(evaluation);
        member_pairs(segments, x, y, MAX_PER_DOCUMENT, |a, b| links.push((a, b, Evidence::Scored(k))));
    }

    // The strongest equivalence each segment has in each other document: a
    // paraphrase must be its counterpart's best, both ways.
    let logit = |e: Evidence| match e {
        Evidence::Identical => f32::INFINITY,
        Evidence::Scored(k) => scored[k].map_or(f32::NEG_INFINITY, |(_, l)| l),
    };
    let slot = |segment: usize, doc: usize| segment * documents + doc;
    let mut best = vec![f32::NEG_INFINITY; segments.len() * documents];
    for &(a, b, e) in &links {
        for (s, other) in [(a, b), (b, a)] {
            let i = slot(s, segments[other].doc);
            best[i] = best[i].max(logit(e));
        }
    }
    let mut found: Vec<SegmentMatch> = links
        .iter()
        .filter_map(|&(a, b, e)| {
            let (kind, score) = match e {
                Evidence::Identical => (MatchKind::Verbatim, 1.0),
                Evidence::Scored(k) => {
                    let (f, l) = scored[k]?;
                    let mutual_best = l >= best[slot(a, segments[b].doc)] && l >= best[slot(b, segments[a].doc)];
                    classify(&f, l, mutual_best, &thresholds)?
                }
            };
            Some(SegmentMatch { a, b, kind, score })
        })
        .collect();
    let splits = split_matches(segments, &texts, &links, &found, &weights, &thresholds);
    found.extend(splits);
    let kept = keep_strongest(segments, found);
    progress(Stage::Scoring, 1.0);
    kept
}

/// A figure: a plain number (`1200`, `3.5`), not a year, a date or a time,
/// which name when rather than how many.
fn is_figure(key: &str) -> bool {
    let plain = key.bytes().all(|b| b.is_ascii_digit() || b == b'.') && key.matches('.').count() <= 1;
    let year = key.len() == 4 && key.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
    plain && !year
}

/// Groups segments with identical word keys; orders the groups by their
/// keys so that numbering does not depend on document order.
fn distinct_texts(segments: &[SegmentFeatures], vocabulary: &Vocabulary, weights: &Weights) -> Vec<Text> {
    let mut by_keys: FastMap<Vec<u32>, Vec<usize>> = FastMap::default();
    for (i, s) in segments.iter().enumerate() {
        if matchable(s.role) && !s.words.is_empty() {
            by_keys.entry(s.words.iter().map(|w| w.key).collect()).or_default().push(i);
        }
    }
    let mut groups: Vec<(Vec<u32>, Vec<usize>)> = by_keys.into_iter().collect();
    groups.sort_unstable();
    groups
        .into_iter()
        .map(|(keys, members)| {
            let sequence: Vec<u32> = keys.iter().map(|&k| vocabulary.keys[k as usize].stem).collect();
            // Copies of a text may differ in punctuation, and so in what reads
            // as attribution: a word is attribution if it is in any copy, so
            // that the result does not depend on which copy comes first.
            let mut attribution = vec![false; keys.len()];
            for &m in &members {
                for (flag, a) in attribution.iter_mut().zip(attribution_mask(&segments[m].words, vocabulary)) {
                    *flag |= a;
                }
            }
            let mut items: Vec<(u32, f32, f32)> = sequence
                .iter()
                .zip(&attribution)
                .map(|(&s, &attributed)| (s, 1.0, if attributed { ATTRIBUTION_SHARE } else { 1.0 }))
                .collect();
            let bag = Bag::new(&mut items, weights);
            let mut content_stems: Vec<u32> = keys
                .iter()
                .filter(|&&k| !vocabulary.keys[k as usize].stop)
                .map(|&k| vocabulary.keys[k as usize].stem)
                .collect();
            content_stems.sort_unstable();
            content_stems.dedup();
            let mut figures: Vec<u32> = keys
                .iter()
                .copied()
                .filter(|&k| vocabulary.keys[k as usize].number && is_figure(&vocabulary.key_text[k as usize]))
                .collect();
            figures.sort_unstable();
            figures.dedup();
            Text { keys, stems: sequence, figures, members, bag, content_stems }
        })
        .collect()
}

/// Partial matches between a sentence and the two consecutive sentences
/// another document splits it into. A sentence that already has an
/// equivalent in that document is not split there, and a half that has an
/// equivalent of its own in the other document belongs to it instead.
fn split_matches(
    segments: &[SegmentFeatures],
    texts: &[Text],
    links: &[(usize, usize, Evidence)],
    found: &[SegmentMatch],
    weights: &Weights,
    thresholds: &Thresholds,
) -> Vec<SegmentMatch> {
    let mut has_equivalent = FastSet::default();
    for m in found.iter().filter(|m| m.kind != MatchKind::Partial) {
        has_equivalent.insert((m.a, segments[m.b].doc));
        has_equivalent.insert((m.b, segments[m.a].doc));
    }
    let mut bag: Vec<Option<&Bag>> = vec![None; segments.len()];
    let mut figures: Vec<&[u32]> = vec![&[]; segments.len()];
    for t in texts {
        for &m in &t.members {
            bag[m] = Some(&t.bag);
            figures[m] = &t.figures;
        }
    }
    let mut next = vec![None; segments.len()];
    let mut last: Option<usize> = None;
    for (i, s) in segments.iter().enumerate() {
        if bag[i].is_none() {
            continue;
        }
        if let Some(l) = last.filter(|&l| segments[l].doc == s.doc) {
            next[l] = Some(i);
        }
        last = Some(i);
    }
    let doc: Vec<usize> = segments.iter().map(|s| s.doc).collect();
    let candidates: Vec<(usize, usize)> =
        links.iter().filter(|(_, _, e)| matches!(e, Evidence::Scored(_))).map(|&(a, b, _)| (a, b)).collect();
    let input = SplitInput { doc: &doc, bag: &bag, next: &next };
    let mut out = Vec::new();
    for (x, y1, y2, cover) in merged_counterparts(&input, &candidates, weights, thresholds.partial_cover) {
        let halves_figures: Vec<u32> = figures[y1].iter().chain(figures[y2]).copied().collect();
        let conflict = !figures[x].is_empty()
            && !halves_figures.is_empty()
            && !figures[x].iter().any(|f| halves_figures.contains(f));
        if conflict || has_equivalent.contains(&(x, segments[y1].doc)) {
            continue;
        }
        for y in [y1, y2].into_iter().filter(|&y| !has_equivalent.contains(&(y, segments[x].doc))) {
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            out.push(SegmentMatch { a, b, kind: MatchKind::Partial, score: cover * SPLIT_SCORE });
        }
    }
    out
}

/// The score of each half of a split sentence, relative to how much of the
/// long sentence the two halves cover together.
const SPLIT_SCORE: f32 = 0.8;

/// Calls `pair` with each pair of member segments of texts `x` and `y` in
/// different documents (earlier document first) whose roles may match.
/// When a text occurs several times in a document, occurrences are paired
/// by rank rather than all with all, so that a sentence repeated a thousand
/// times does not make a million matches; and only its first `copies`
/// occurrences in each document take part. Scored pairs take as many as a
/// segment keeps counterparts in one document: of a sentence repeated
/// 100,000 times, each of its many similar sentences elsewhere would keep
/// the first few copies anyway, and pairing all of them took minutes.
fn member_pairs(segments: &[SegmentFeatures], x: &Text, y: &Text, copies: usize, mut pair: impl FnMut(usize, usize)) {
    let mut emit = |a: usize, b: usize| {
        if compatible(segments[a].role, segments[b].role) {
            if a < b {
                pair(a, b)
            } else {
                pair(b, a)
            }
        }
    };
    // Most texts occur once: no grouping needed.
    if let ([a], [b]) = (x.members.as_slice(), y.members.as_slice()) {
        if segments[*a].doc != segments[*b].doc {
            emit(*a, *b);
        }
        return;
    }
    let per_doc = |members: &[usize]| {
        let mut docs: Vec<(usize, Vec<usize>)> = Vec::new();
        for &m in members {
            match docs.last_mut() {
                Some((d, list)) if *d == segments[m].doc => {
                    if list.len() < copies {
                        list.push(m);
                    }
                }
                _ => docs.push((segments[m].doc, vec![m])),
            }
        }
        docs
    };
    let (xs, ys) = (per_doc(&x.members), per_doc(&y.members));
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (dx, mx) in &xs {
        for (dy, my) in &ys {
            if dx == dy || (std::ptr::eq(x, y) && dx > dy) {
                continue;
            }
            pairs.clear();
            for (r, &a) in mx.iter().enumerate() {
                pairs.push((a, my[r * my.len() / mx.len()]));
            }
            for (r, &b) in my.iter().enumerate() {
                pairs.push((mx[r * mx.len() / my.len()], b));
            }
            pairs.sort_unstable();
            pairs.dedup();
            for &(a, b) in &pairs {
                emit(a, b);
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
    let mut sides: FastMap<(usize, usize), Vec<(f32, usize)>> = FastMap::default();
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
        list.iter().take(MAX_PER_DOCUMENT).any(|&(score, o)| o == other && score >= best * RELATIVE_TO_BEST)
    };
    found.retain(|m| kept(m.a, m.b) && kept(m.b, m.a));
    found
}
