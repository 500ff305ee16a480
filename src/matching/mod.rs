//! Matching: which segments of different documents share content.
//!
//! Identical texts (after normalisation) are merged first, so that a
//! sentence repeated a thousand times is scored once. Candidate pairs come
//! from an index of content words ([`candidates`]). Each is measured
//! ([`score`]: weighted word overlap and word order, shared phrases and
//! figures, and with the semantic signal the closeness of the two sentences'
//! meanings) and judged by a learned model ([`model`]) in two steps: the
//! pair on its own, then the pair in its documents' context ([`context`]:
//! is it each side's best counterpart, do its neighbours match too, are
//! both in their articles' leads). A linked pair is `verbatim` when the
//! texts are identical, `edited` or `paraphrase` when each says what the
//! other says, else `partial`. Every segment keeps at most a few
//! counterparts per document; a subheading only its identical copies; an
//! identical text too short to link on its words links inside a shared run.
//! Nothing here depends on the order in which the documents were given.

pub mod attribution;
pub mod candidates;
pub mod context;
pub mod features;
pub mod model;
pub mod score;
pub mod weights;

use crate::disjoint::root;
use crate::report::MatchKind;
use crate::roles::Role;
use crate::semantic::{CoverScratch, Embeddings};
use crate::sort_key::{collect_in_buckets, descending_key, side_key, side_segment};
use crate::{limits, Error, Stage};
use attribution::attribution_mask;
use candidates::{candidate_pairs, Probe};
use context::{context_inputs, Scored, CLIP};
use features::{SegmentFeatures, Vocabulary};
use model::{Model, CONTEXT};
#[cfg(feature = "fit")]
use score::with_alignment;
use score::{
    align, aligned_inputs, greater, kind_inputs, model_inputs, pair_features, Alignment, Bag, Semantic, TextView,
    Thresholds,
};
use std::collections::{HashMap, HashSet};
use weights::Weights;

/// Content words an identical text needs to match verbatim.
const MIN_IDENTICAL_CONTENT: usize = 2;

/// Whether `segment` has at least `n` (at most 8) distinct content stems,
/// counted without a list per segment (the 10 MB pair has 100,000).
fn has_content(segment: &SegmentFeatures, vocabulary: &Vocabulary, n: usize) -> bool {
    // A fixed array: a const-generic count cost the widget 0.7 KB gzipped.
    let mut seen = [0u32; 8];
    debug_assert!((1..=seen.len()).contains(&n));
    let mut distinct = 0;
    for key in segment.words.iter().map(|w| &vocabulary.keys[w.key as usize]).filter(|k| !k.stop) {
        if !seen[..distinct].contains(&key.stem) {
            seen[distinct] = key.stem;
            distinct += 1;
            if distinct >= n {
                return true;
            }
        }
    }
    false
}

/// Most counterparts a segment keeps in one other document: a sentence a
/// rewrite merged from four keeps all four.
const MAX_PER_DOCUMENT: usize = 4;

/// Distinct matchable texts of the longest articles the models were fitted on
/// (the labelled sets' articles hold up to about 60).
const FITTED_LENGTH: f32 = 64.0;

/// Log-odds a link between documents of `a` and `b` distinct matchable texts
/// loses for their length. A sentence has about one counterpart in another
/// document, so the prior odds that a given pair of sentences is linked fall
/// as the longer document grows; the models learned the prior of
/// news-length articles, and would find chance look-alikes between two
/// unrelated long texts in proportion to their length (a story of 800
/// sentences echoes a word of almost anything). Nothing changes up to
/// [`FITTED_LENGTH`].
fn length_prior(a: usize, b: usize) -> f32 {
    (a.max(b) as f32 / FITTED_LENGTH).ln().max(0.0)
}

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
    /// How likely the two share content, 0 to 1.
    pub score: f32,
}

/// Whether `found` is in the order of `(a, b)`, as matching leaves it: the
/// report's budget and the groups rely on it.
pub(crate) fn in_pair_order(found: &[SegmentMatch]) -> bool {
    found.windows(2).all(|w| (w[0].a, w[0].b) <= (w[1].a, w[1].b))
}

/// Which roles may match which: article text with article text, captions
/// with captions; chrome and publication details with nothing.
fn compatible(a: Role, b: Role) -> bool {
    (a.is_content() && b.is_content()) || (a == Role::Caption && b == Role::Caption)
}

fn matchable(role: Role) -> bool {
    role.is_content() || role == Role::Caption
}

/// Which segments are subheadings: title lines after their document's
/// first body sentence (`The Staged Shooting`, `Reactions`). They name a
/// section and state nothing another article could share: they match only
/// their identical copies, never as a partial link to a sentence that
/// happens to use their words.
fn subheadings(segments: &[SegmentFeatures]) -> Vec<bool> {
    let mut body_in: Option<usize> = None;
    segments
        .iter()
        .map(|s| {
            if s.role == Role::Body {
                body_in = Some(s.doc);
            }
            s.role == Role::Title && body_in == Some(s.doc)
        })
        .collect()
}

/// The semantic signal of one comparison: the table, and each segment's
/// encoding (by segment index).
pub(crate) struct SemanticInput<'e> {
    /// The sketch.
    pub embeddings: &'e Embeddings,
    /// Each segment's distinct content pieces, sorted.
    pub content: Vec<Vec<u32>>,
}

impl SemanticInput<'_> {
    /// The member whose encoding a text is compared by. Its copies have the
    /// same words but may differ in spelling or punctuation, and so in
    /// encoding: the least one is taken, so that which document comes first
    /// changes nothing.
    fn representative(&self, text: &Text) -> usize {
        *text.members.iter().min_by(|&&a, &&b| self.content[a].cmp(&self.content[b])).expect("a text has a member")
    }
}

/// Distinct normalised texts and the segments that have them.
struct Text {
    /// No content word but figures (`12.`, `22 1.`: list and page
    /// numbers, footnote marks): it states nothing another text could
    /// share, and matches only its identical copies.
    only_figures: bool,
    figures: Vec<u32>,
    members: Vec<usize>,
    bag: Bag,
    content_stems: Vec<u32>,
    bigrams: Vec<u64>,
    names: Vec<u32>,
}

impl Text {
    fn view(&self) -> TextView<'_> {
        TextView {
            bag: &self.bag,
            figures: &self.figures,
            content_stems: &self.content_stems,
            bigrams: &self.bigrams,
            names: &self.names,
        }
    }
}

/// How a pair of segments was judged: identical word keys, or scored (the
/// index of its scored pair). Four bytes: a comparison keeps millions.
#[derive(Clone, Copy, PartialEq)]
struct Evidence(u32);

impl Evidence {
    const IDENTICAL: Evidence = Evidence(u32::MAX);

    fn scored(pair: usize) -> Evidence {
        Evidence(pair as u32)
    }

    /// The index of its scored pair, if it was scored.
    fn pair(self) -> Option<usize> {
        (self != Self::IDENTICAL).then_some(self.0 as usize)
    }
}

/// Up to this many segments (a handful of articles), texts are indexed
/// under every content word, so that any two sentences sharing one are
/// scored; beyond (books, hundreds of articles), under their rarest words
/// only, which keeps the cost near-linear.
const EXHAUSTIVE_SEGMENTS: usize = 1000;

/// Finds the matches among `segments` (all `documents` documents' segments,
/// ordered by document then position; a document may have none), with the
/// semantic signal if given.
/// `progress` hears each stage's share of the work done (0 to 1).
pub(crate) fn find_matches(
    segments: &[SegmentFeatures],
    documents: usize,
    vocabulary: &Vocabulary,
    semantic: Option<SemanticInput>,
    strictness: f64,
    progress: &mut dyn FnMut(Stage, f64),
) -> Result<Vec<SegmentMatch>, Error> {
    progress(Stage::Indexing, 0.0);
    let thresholds = Thresholds::new(strictness);
    let model = Model::shipped(semantic.is_some());
    let threshold = model.threshold + thresholds.offset;
    // Segments as u32 (a comparison has at most `limits::MAX_SEGMENTS`):
    // 16 bytes a link, of which there may be millions.
    let mut linked: Vec<(u32, u32, Evidence, f32)> = Vec::new();
    let scored_only = |e: Evidence| e.pair().is_some();
    let each = |(a, b, e), inputs, prior| {
        match inputs {
            // Identical texts: linked, with no context to weigh.
            None => linked.push((a as u32, b as u32, e, 1.0)),
            Some(inputs) => {
                if let Some(score) = passing_score(model, threshold, &inputs, prior) {
                    linked.push((a as u32, b as u32, e, score));
                }
            }
        }
    };
    let (pairs, lengths) = judge(segments, documents, vocabulary, semantic, model, progress, scored_only, each)?;

    // Of the linked pairs, which say the same thing: the kind model's
    // verdict, and each side's likeliest equivalent in the other document
    // (a sentence has one counterpart per document; a weaker look-alike is
    // at most a partial match).
    // Judged once per pair of texts, however many copies link. The costly
    // in-order alignment is measured only for pairs that could pass: a pair
    // that cannot is partial, and cannot outdo one that passes (its log-odds
    // count as -inf below).
    let kind_threshold = model.kind_threshold + thresholds.offset;
    let mut kinds: Vec<Option<Option<(f32, Alignment)>>> = vec![None; pairs.len()];
    let mut scratch = Default::default();
    let judged: Vec<Option<(f32, Alignment)>> = linked
        .iter()
        .map(|&(_, _, e, _)| match e.pair() {
            None => Some((f32::INFINITY, Alignment { order: 1.0, fluency: 1.0, largest_gap: 0 })),
            Some(k) => *kinds[k].get_or_insert_with(|| {
                let p = &pairs[k];
                if model.kind_logit_at_most(p.kind_logit) < kind_threshold {
                    return None;
                }
                let alignment = align_segments(segments, vocabulary, p.exemplars, &mut scratch);
                Some((model.kind_logit(p.kind_logit, aligned_inputs(&alignment)), alignment))
            }),
        })
        .collect();
    // Every candidate's scores are done with.
    drop((pairs, kinds));
    let equivalence = |j: &Option<(f32, Alignment)>| j.map_or(f32::NEG_INFINITY, |(l, _)| l);
    let slot = |segment: usize, doc: usize| segment * documents + doc;
    let mut best = vec![f32::NEG_INFINITY; segments.len() * documents];
    for (&(a, b, _, _), j) in linked.iter().zip(&judged) {
        let (a, b) = (a as usize, b as usize);
        for (s, other) in [(a, b), (b, a)] {
            let i = slot(s, segments[other].doc);
            best[i] = greater(best[i], equivalence(j));
        }
    }
    let found: Vec<SegmentMatch> = linked
        .iter()
        .zip(&judged)
        .map(|(&(a, b, e, score), j)| {
            let (a, b) = (a as usize, b as usize);
            let kind = match (e.pair(), *j) {
                (None, _) => MatchKind::Verbatim,
                (_, None) => MatchKind::Partial,
                (_, Some((l, alignment))) => {
                    let mutual_best = l >= best[slot(a, segments[b].doc)] && l >= best[slot(b, segments[a].doc)];
                    if l < kind_threshold || !mutual_best {
                        MatchKind::Partial
                    } else if alignment.fluency >= thresholds.edited_fluency {
                        MatchKind::Edited
                    } else {
                        MatchKind::Paraphrase
                    }
                }
            };
            SegmentMatch { a, b, kind, score }
        })
        .collect();
    let related = related_only(segments, vocabulary, &lengths, keep_strongest(segments, documents, found));
    let kept = link_short_copies(segments, vocabulary, related);
    progress(Stage::Scoring, 1.0);
    Ok(kept)
}

/// Score of a link the models are sure of: nine to one odds.
const SURE_LINK: f32 = 0.9;

/// Content words each side of a sure link needs for it to join two
/// documents: fragments look alike by chance however sure the models are
/// (`Correct!` ~ `This is just not correct.`, `15 April 2014.` ~ `This
/// Internet-Draft will expire on 15 December 2014.`).
const SURE_CONTENT: usize = 4;

/// Pairs of sentences two documents offer (the product of their distinct
/// matchable texts) from which a link the models are not sure of may be chance:
/// two articles of ten sentences each.
const MANY_PAIRS: usize = 100;

/// The matches between documents joined by links the models are sure of
/// ([`SURE_LINK`], between sentences of [`SURE_CONTENT`] content words),
/// directly or through other documents, or that offer
/// fewer than [`MANY_PAIRS`] pairs of sentences (two sentences compared are
/// judged on their own); in the order given. Two unrelated texts share
/// words by chance, short sentences above all (`And you are correct.` ~
/// `This is just not correct.`), and the models, fitted on articles about
/// one event, take such a pair for a quote retold. Articles about one event
/// share a sentence the models are sure of, or each share one with a third
/// (a local paper's angle on a strike that the wire covered, beside a
/// broadsheet's). `lengths` are the documents' distinct matchable texts.
fn related_only(
    segments: &[SegmentFeatures],
    vocabulary: &Vocabulary,
    lengths: &[usize],
    found: Vec<SegmentMatch>,
) -> Vec<SegmentMatch> {
    let documents = |m: &SegmentMatch| (segments[m.a].doc, segments[m.b].doc);
    // Each document's event: the least document joined to it by sure links.
    let mut event: Vec<usize> = (0..lengths.len()).collect();
    for m in found.iter().filter(|m| m.score >= SURE_LINK) {
        let (a, b) = documents(m);
        let (ra, rb) = (root(&mut event, a), root(&mut event, b));
        // Documents already joined need no more evidence: most sure links
        // are copies between them, and words need not be counted for those.
        if ra != rb && [m.a, m.b].iter().all(|&s| has_content(&segments[s], vocabulary, SURE_CONTENT)) {
            event[ra.max(rb)] = ra.min(rb);
        }
    }
    let few_pairs = |(a, b): (usize, usize)| lengths[a] * lengths[b] < MANY_PAIRS;
    found
        .into_iter()
        .filter(|m| {
            let (a, b) = documents(m);
            few_pairs((a, b)) || root(&mut event, a) == root(&mut event, b)
        })
        .collect()
}

/// Identical texts too short to link on their words ("Another one.", "He
/// declined.": fewer than [`MIN_IDENTICAL_CONTENT`] content words) link
/// where they sit in a shared run: when the segments just before them, or
/// just after them, are linked to each other. A copied passage keeps its
/// short sentences, and unrelated articles, which share no run, do not link
/// on them. A round links only pairs that are each other's one such
/// counterpart in the other document, so that the result does not depend
/// on the documents' order; what it links extends the run to the next round.
/// `found` is in the order of `(a, b)`, as [`keep_strongest`] leaves it,
/// and so is the result.
fn link_short_copies(
    segments: &[SegmentFeatures],
    vocabulary: &Vocabulary,
    mut found: Vec<SegmentMatch>,
) -> Vec<SegmentMatch> {
    let short: Vec<bool> = segments
        .iter()
        .map(|s| matchable(s.role) && !s.words.is_empty() && !has_content(s, vocabulary, MIN_IDENTICAL_CONTENT))
        .collect();
    if !short.contains(&true) {
        return found;
    }
    let (previous, next) = neighbours(segments);
    let doc = |i: usize| segments[i].doc;
    let copies = |x: usize, y: usize| {
        short[x]
            && short[y]
            && doc(x) != doc(y)
            && compatible(segments[x].role, segments[y].role)
            && segments[x].words.iter().map(|w| w.key).eq(segments[y].words.iter().map(|w| w.key))
    };
    // (short segment, other document) pairs that have a copy linked by an
    // earlier round. A scored link does not count: `[MP3]` or `It was
    // terrifying.` may have partial look-alikes anywhere, and still their
    // copy in the run.
    let mut linked_into: HashSet<(usize, usize)> = HashSet::new();
    let note = |m: &SegmentMatch, linked_into: &mut HashSet<(usize, usize)>| {
        for (x, y) in [(m.a, m.b), (m.b, m.a)] {
            linked_into.insert((x, doc(y)));
        }
    };
    let before = found.len();
    // The links of the last round, from which the next looks for neighbours
    // (at first all of them).
    let mut round = 0;
    loop {
        // Proposed pairs (earlier segment first, packed in one integer) with
        // the score of the link beside them, the highest first (as a key,
        // then as it is): the same key type as the report's budget sorts.
        let mut proposed: Vec<(u64, u32, u32)> = Vec::new();
        for m in &found[round..] {
            for (x, y) in [(previous[m.a], previous[m.b]), (next[m.a], next[m.b])] {
                let (Some(x), Some(y)) = (x, y) else { continue };
                if copies(x, y) && !linked_into.contains(&(x, doc(y))) && !linked_into.contains(&(y, doc(x))) {
                    let ends = (x.min(y) as u64) << 32 | x.max(y) as u64;
                    proposed.push((ends, descending_key(m.score), m.score.to_bits()));
                }
            }
        }
        proposed.sort_unstable();
        proposed.dedup_by_key(|p| p.0);
        let unpack = |ends: u64| ((ends >> 32) as usize, ends as u32 as usize);
        // How many counterparts each side is offered in the other document.
        let mut offers: HashMap<(usize, usize), usize> = HashMap::new();
        for &(packed, ..) in &proposed {
            let (a, b) = unpack(packed);
            *offers.entry((a, doc(b))).or_default() += 1;
            *offers.entry((b, doc(a))).or_default() += 1;
        }
        round = found.len();
        for (packed, _, score) in proposed {
            let ((a, b), score) = (unpack(packed), f32::from_bits(score));
            if offers[&(a, doc(b))] == 1 && offers[&(b, doc(a))] == 1 {
                let m = SegmentMatch { a, b, kind: MatchKind::Verbatim, score };
                note(&m, &mut linked_into);
                found.push(m);
            }
        }
        if found.len() == round {
            break;
        }
    }
    if found.len() <= before {
        return found;
    }
    // The matches before came in order: the few added are put in order and
    // merged in, where sorting them all was a twentieth of comparing 200
    // articles. Laid out by `b`, then by `a` (each pass keeps the order
    // before it): no sort, which the widget would carry.
    let ends = |m: &SegmentMatch| (m.a, m.b);
    let (old, added) = found.split_at(before);
    let (by_b, _) = collect_in_buckets(|| added.iter().copied(), segments.len(), |m| m.b);
    let (added, _) = collect_in_buckets(|| by_b.iter().copied(), segments.len(), |m| m.a);
    let mut merged = Vec::with_capacity(found.len());
    let (mut i, mut j) = (0, 0);
    while i + j < found.len() {
        if j == added.len() || (i < old.len() && ends(&old[i]) < ends(&added[j])) {
            merged.push(old[i]);
            i += 1;
        } else {
            merged.push(added[j]);
            j += 1;
        }
    }
    merged
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The score of a scored link with the context model's `inputs`, whose
/// documents' length costs `prior` log-odds ([`length_prior`]), if it passes
/// `threshold`: what [`find_matches`] links, and what the fit counts as kept.
fn passing_score(model: &Model, threshold: f32, inputs: &[f32; CONTEXT], prior: f32) -> Option<f32> {
    let logit = model.context_logit(inputs) - prior;
    (logit >= threshold).then(|| sigmoid(logit))
}

/// A scored pair of texts: what judging its kind needs, kept small (the
/// 10 MB pair scores 730,000 pairs, and memory peaks while they are). Its
/// pair log-odds are its links'.
struct ScoredPair {
    /// A member segment of each text (all members of a text have the same
    /// words).
    exemplars: (usize, usize),
    /// The kind model's log-odds but the alignment's terms
    /// ([`Model::kind_logit_unaligned`]), which are added for the pairs
    /// that link.
    kind_logit: f32,
    /// The pair model's inputs, which the fit learns from.
    #[cfg(feature = "fit")]
    inputs: [f32; model::PAIR],
    /// The kind model's inputs but the alignment's, which the fit learns from.
    #[cfg(feature = "fit")]
    kind: [f32; model::KIND],
}

/// Candidate links of one comparison, with what was measured of each.
struct Links {
    /// The distinct texts.
    texts: Vec<Text>,
    links: LinkList,
    /// The scored text pairs that [`Evidence::pair`] points to.
    pairs: Vec<ScoredPair>,
}

/// Links with `a < b` in different documents, with their pair log-odds
/// (identical texts' at the clip), as the context step reads them; and
/// each link's evidence, kept apart so that it reads them without a copy.
struct LinkList {
    scored: Vec<Scored>,
    evidence: Vec<Evidence>,
}

impl LinkList {
    fn with_capacity(room: usize) -> Self {
        LinkList { scored: Vec::with_capacity(room), evidence: Vec::with_capacity(room) }
    }

    fn push(&mut self, a: usize, b: usize, logit: f32, evidence: Evidence) {
        self.scored.push(Scored { a, b, logit });
        self.evidence.push(evidence);
    }

    fn len(&self) -> usize {
        self.scored.len()
    }

    fn shrink_to_fit(&mut self) {
        self.scored.shrink_to_fit();
        self.evidence.shrink_to_fit();
    }
}

/// The alignment of segments `a` and `b`'s stems in order.
fn align_segments(
    segments: &[SegmentFeatures],
    vocabulary: &Vocabulary,
    (a, b): (usize, usize),
    scratch: &mut [Vec<u32>; 2],
) -> Alignment {
    let [x, y] = scratch;
    for (stems, s) in [(&mut *x, a), (&mut *y, b)] {
        stems.clear();
        stems.extend(segments[s].words.iter().map(|w| vocabulary.keys[w.key as usize].stem));
    }
    align(x, y)
}

/// Scores every candidate link with the pair model, then measures each in
/// its documents' context: `each` gets every link, in order, with the
/// context model's inputs if its evidence is `wanted` and the log-odds its
/// documents' length takes ([`length_prior`]). Returns the scored pairs and
/// each document's distinct matchable texts.
#[allow(clippy::too_many_arguments)]
fn judge(
    segments: &[SegmentFeatures],
    documents: usize,
    vocabulary: &Vocabulary,
    semantic: Option<SemanticInput>,
    model: &Model,
    progress: &mut dyn FnMut(Stage, f64),
    wanted: impl Fn(Evidence) -> bool,
    mut each: impl FnMut((usize, usize, Evidence), Option<[f32; CONTEXT]>, f32),
) -> Result<(Vec<ScoredPair>, Vec<usize>), Error> {
    let Links { texts, links: LinkList { scored: links, evidence }, pairs } =
        score_links(segments, documents, vocabulary, semantic, model, progress)?;
    let lengths = distinct_lengths(segments, &texts, documents);
    // Memory peaks while the context is measured: the texts are done with.
    drop(texts);
    let (previous, next) = neighbours(segments);
    let doc: Vec<usize> = segments.iter().map(|s| s.doc).collect();
    context_inputs(
        &links,
        &doc,
        &previous,
        &next,
        |i| wanted(evidence[i]),
        |i, inputs| {
            let (a, b) = (links[i].a, links[i].b);
            each((a, b, evidence[i]), inputs, length_prior(lengths[doc[a]], lengths[doc[b]]))
        },
    );
    Ok((pairs, lengths))
}

/// Each document's distinct matchable texts: how many look-alikes it can
/// offer a sentence of another (a sentence repeated 2,000 times offers one).
fn distinct_lengths(segments: &[SegmentFeatures], texts: &[Text], documents: usize) -> Vec<usize> {
    let mut lengths = vec![0usize; documents];
    for d in texts.iter().flat_map(|t| documents_of(segments, t)) {
        lengths[d] += 1;
    }
    lengths
}

/// The documents `text` appears in, each once, in order (its members are in
/// document order).
fn documents_of<'a>(segments: &'a [SegmentFeatures], text: &'a Text) -> impl Iterator<Item = usize> + 'a {
    let mut last = None;
    text.members.iter().map(|&m| segments[m].doc).filter(move |&d| last.replace(d) != Some(d))
}

/// What the fit of the models (`scripts/fit-match-model.py`) learns from:
/// every candidate link with both models' inputs, under `model`'s pair model,
/// and whether [`find_matches`] would keep it with `model` at `strictness`
/// (its threshold, then each segment's strongest counterparts, between
/// related documents), which the fit's held-out figures count.
#[cfg(feature = "fit")]
pub(crate) fn training_rows(
    segments: &[SegmentFeatures],
    documents: usize,
    vocabulary: &Vocabulary,
    semantic: Option<SemanticInput>,
    model: &Model,
    strictness: f64,
) -> Result<Vec<crate::fit::Row>, Error> {
    let threshold = model.threshold + Thresholds::new(strictness).offset;
    let mut links = Vec::new();
    let mut passing = Vec::new();
    // The models' own inputs: the length prior is not theirs to learn, but
    // it counts in what the matcher keeps.
    let (pairs, lengths) = judge(
        segments,
        documents,
        vocabulary,
        semantic,
        model,
        &mut |_, _| {},
        |_| true,
        |link @ (a, b, e), context, prior| {
            let score = match (e.pair(), context) {
                (None, _) => Some(1.0),
                (Some(_), Some(inputs)) => passing_score(model, threshold, &inputs, prior),
                (Some(_), None) => None,
            };
            if let Some(score) = score {
                passing.push(SegmentMatch { a, b, kind: MatchKind::Partial, score });
            }
            links.extend(context.map(|context| (link, context)));
        },
    )?;
    let kept: HashSet<(usize, usize)> =
        related_only(segments, vocabulary, &lengths, keep_strongest(segments, documents, passing))
            .into_iter()
            .map(|m| (m.a, m.b))
            .collect();
    let mut scratch = Default::default();
    Ok(links
        .into_iter()
        .map(|((a, b, e), context)| {
            let scored = match e.pair() {
                None => None,
                Some(k) => {
                    let p = &pairs[k];
                    let alignment = align_segments(segments, vocabulary, p.exemplars, &mut scratch);
                    Some((p.inputs, with_alignment(p.kind, &alignment)))
                }
            };
            crate::fit::Row { a, b, scored, context, kept: kept.contains(&(a, b)) }
        })
        .collect())
}

/// Pairs identical texts, finds candidate pairs and scores each with the
/// pair model.
fn score_links(
    segments: &[SegmentFeatures],
    documents: usize,
    vocabulary: &Vocabulary,
    semantic: Option<SemanticInput>,
    model: &Model,
    progress: &mut dyn FnMut(Stage, f64),
) -> Result<Links, Error> {
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
    let probes: Vec<Probe> = texts
        .iter()
        .map(|t| {
            let docs: Vec<usize> = documents_of(segments, t).collect();
            Probe {
                content_stems: &t.content_stems,
                settled: docs.len() == documents,
                only_in: if docs.len() == 1 { Some(docs[0]) } else { None },
            }
        })
        .collect();

    let subheading = subheadings(segments);
    let candidates = candidate_pairs(&probes, &weights, &frequency, segments.len() <= EXHAUSTIVE_SEGMENTS);
    // Identical texts match verbatim, unless a word or two of no content
    // ("Updates", "Thank you") is all they are: such lines recur in
    // unrelated articles.
    let identical = || texts.iter().filter(|t| t.content_stems.len() >= MIN_IDENTICAL_CONTENT);
    // Room for the identical texts' links (counted first: a line repeated
    // in 200 articles makes 20,000) and for one link per candidate, as most
    // link one pair of segments: reserved at once, not grown by copying.
    let mut count = 0;
    for text in identical() {
        member_pairs(segments, text, text, usize::MAX, &mut |_, _| count += 1);
    }
    // Near-copies pair every shared sentence across every pair of
    // documents: refused before any link is stored if that is too many
    // (each candidate makes one link at least).
    limits::check_links(count + candidates.len())?;
    let mut links = LinkList::with_capacity(count + candidates.len());
    for text in identical() {
        member_pairs(segments, text, text, usize::MAX, &mut |a, b| links.push(a, b, CLIP, Evidence::IDENTICAL));
    }
    progress(Stage::Scoring, 0.0);
    let mut scratch = CoverScratch::default();
    // Each text's encoding, moved out of its representative member's: the
    // other members' are freed before scoring, and all once it is done.
    let meanings = semantic.map(|mut s| {
        let representatives: Vec<usize> = texts.iter().map(|t| s.representative(t)).collect();
        let content: Vec<Vec<u32>> = representatives.into_iter().map(|r| std::mem::take(&mut s.content[r])).collect();
        (s.embeddings, s.embeddings.weights_in(&content), content)
    });
    // At most one per candidate: reserved at once, not grown by doubling.
    let mut pairs = Vec::with_capacity(candidates.len());
    for (n, &(i, j)) in candidates.iter().enumerate() {
        if n % 4096 == 0 {
            progress(Stage::Scoring, 0.9 * n as f64 / candidates.len() as f64);
            // Texts with copies link each copy: counted as they come.
            limits::check_links(links.len() + candidates.len() - n)?;
        }
        let (x, y) = (&texts[i as usize], &texts[j as usize]);
        if x.only_figures || y.only_figures {
            continue;
        }
        let Some(features) = pair_features(&x.view(), &y.view(), &weights) else {
            continue;
        };
        let meaning = meanings.as_ref().map(|(embeddings, weights, content)| {
            let (a, b) = (&content[i as usize], &content[j as usize]);
            if a.is_empty() || b.is_empty() {
                // The sketch reads no content piece of one of them (Chinese,
                // Japanese, a script its vocabulary lacks, or function words
                // alone): it says nothing of the pair, which is covered as
                // far as its words are.
                return Semantic { cover_a: features.overlap.cover_a, cover_b: features.overlap.cover_b };
            }
            let (cover_a, cover_b) = embeddings.soft_covers(a, b, weights, &mut scratch);
            Semantic { cover_a, cover_b }
        });
        let inputs = model_inputs(&features, meaning);
        let logit = model.pair_logit(&inputs).clamp(-CLIP, CLIP);
        let k = pairs.len();
        let kind = kind_inputs(&features, meaning);
        pairs.push(ScoredPair {
            exemplars: (x.members[0], y.members[0]),
            kind_logit: model.kind_logit_unaligned(&kind),
            #[cfg(feature = "fit")]
            inputs,
            #[cfg(feature = "fit")]
            kind,
        });
        member_pairs(segments, x, y, MAX_PER_DOCUMENT, &mut |a, b| {
            if !subheading[a] && !subheading[b] {
                links.push(a, b, logit, Evidence::scored(k))
            }
        });
    }
    limits::check_links(links.len())?;
    // They outlive scoring: the room doubling left is given back.
    links.shrink_to_fit();
    Ok(Links { texts, links, pairs })
}

/// For each segment, the previous and the next segment of its document
/// that take part in matching.
fn neighbours(segments: &[SegmentFeatures]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut previous = vec![None; segments.len()];
    let mut next = vec![None; segments.len()];
    let mut last: Option<usize> = None;
    for (i, s) in segments.iter().enumerate().filter(|(_, s)| matchable(s.role) && !s.words.is_empty()) {
        if let Some(l) = last.filter(|&l| segments[l].doc == s.doc) {
            next[l] = Some(i);
            previous[i] = Some(l);
        }
        last = Some(i);
    }
    (previous, next)
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
    // Segments in the order of their keys, copies in document order, each
    // run of equal keys one text. (Ties broken by index rather than by a
    // stable sort, which the widget's wasm does not otherwise carry.)
    let keys_of = |i: usize| segments[i].words.iter().map(|w| w.key);
    let mut order: Vec<usize> =
        (0..segments.len()).filter(|&i| matchable(segments[i].role) && !segments[i].words.is_empty()).collect();
    order.sort_unstable_by(|&i, &j| keys_of(i).cmp(keys_of(j)).then(i.cmp(&j)));
    let (mut scratch, mut pair_scratch, mut content): (Vec<u32>, Vec<u64>, Vec<u32>) = Default::default();
    order
        .chunk_by(|&i, &j| keys_of(i).eq(keys_of(j)))
        .map(|members| {
            let keys: Vec<u32> = keys_of(members[0]).collect();
            let members = members.to_vec();
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
            let bag = Bag::new(sequence.iter().copied().zip(attribution), weights);
            let stem = |&k: &u32| vocabulary.keys[k as usize].stem;
            let stop = |&&k: &&u32| vocabulary.keys[k as usize].stop;
            let names = sorted_distinct(
                &mut scratch,
                keys.iter().filter(|&&k| vocabulary.is_name(k)).filter(|k| !stop(k)).map(stem),
            );
            let only_figures = keys.iter().filter(|k| !stop(k)).all(|&k| vocabulary.keys[k as usize].number);
            content.clear();
            content.extend(keys.iter().filter(|k| !stop(k)).map(stem));
            let content_stems = sorted_distinct(&mut scratch, content.iter().copied());
            // Pairs of consecutive content stems, function words skipped.
            let bigrams =
                sorted_distinct(&mut pair_scratch, content.windows(2).map(|w| u64::from(w[0]) << 32 | u64::from(w[1])));
            let figures = sorted_distinct(
                &mut scratch,
                keys.iter()
                    .copied()
                    .filter(|&k| vocabulary.keys[k as usize].number && is_figure(&vocabulary.key_text[k as usize])),
            );
            Text { only_figures, figures, members, bag, content_stems, bigrams, names }
        })
        .collect()
}

/// `items` sorted and deduplicated, at their exact size (every text keeps
/// its lists while candidates are scored); `scratch` is reused to sort them.
fn sorted_distinct<T: Ord + Copy>(scratch: &mut Vec<T>, items: impl Iterator<Item = T>) -> Vec<T> {
    scratch.clear();
    scratch.extend(items);
    scratch.sort_unstable();
    scratch.dedup();
    scratch.to_vec()
}

/// Calls `pair` with each pair of member segments of texts `x` and `y` in
/// different documents (earlier document first) whose roles may match.
/// When a text occurs several times in a document, occurrences are paired
/// by rank rather than all with all, so that a sentence repeated a thousand
/// times does not make a million matches; and only its first `copies`
/// occurrences in each document take part. Scored pairs take as many as a
/// segment keeps counterparts in one document: of a sentence repeated
/// 100,000 times, each of its many similar sentences elsewhere would keep
/// the first few copies anyway, and pairing all of them took minutes.
/// (`pair` is called through a pointer: one copy of this code serves the
/// counting and the two kinds of links.)
fn member_pairs<'t>(
    segments: &[SegmentFeatures],
    x: &'t Text,
    y: &'t Text,
    copies: usize,
    pair: &mut dyn FnMut(usize, usize),
) {
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
    // Each document's run of members (segments come in document order),
    // cut to its first `copies`.
    let per_doc = |members: &'t [usize]| -> Vec<(usize, &'t [usize])> {
        members
            .chunk_by(|&p, &q| segments[p].doc == segments[q].doc)
            .map(|run| (segments[run[0]].doc, &run[..run.len().min(copies)]))
            .collect()
    };
    // A text paired with itself (its copies with each other) is laid out once.
    let same = std::ptr::eq(x, y);
    let xs = per_doc(&x.members);
    let ys_apart = (!same).then(|| per_doc(&y.members));
    let ys = ys_apart.as_ref().unwrap_or(&xs);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &(dx, mx) in &xs {
        for &(dy, my) in ys {
            if dx == dy || (same && dx > dy) {
                continue;
            }
            // One copy on each side, the most common case: one pair.
            if let ([a], [b]) = (mx, my) {
                emit(*a, *b);
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
/// strongest counterparts in the other document; in the order of `(a, b)`.
fn keep_strongest(segments: &[SegmentFeatures], documents: usize, found: Vec<SegmentMatch>) -> Vec<SegmentMatch> {
    // In the order of (a, b): laid out by b, then by a, each pass keeping
    // the order items come in (no comparison sort: it was a thirtieth of
    // comparing 200 articles). Each block frees what it read once laid out.
    let by_b = {
        let unsorted = found;
        collect_in_buckets(|| unsorted.iter().copied(), segments.len(), |m| m.b).0
    };
    let (mut found, _) = collect_in_buckets(|| by_b.iter().copied(), segments.len(), |m| m.a);
    drop(by_b);
    // A pair linked twice keeps its highest score.
    found.dedup_by(|later, kept| {
        let same = later.a == kept.a && later.b == kept.b;
        if same && later.score > kept.score {
            *kept = *later;
        }
        same
    });
    // Each match from each side: (segment, other document, score from the
    // highest) packed in one integer, then the other segment and the match,
    // laid out by segment.
    let both_sides = || {
        found.iter().enumerate().flat_map(|(i, m)| {
            [
                (side_key(m.a, segments[m.b].doc, m.score), m.b as u32, i as u32),
                (side_key(m.b, segments[m.a].doc, m.score), m.a as u32, i as u32),
            ]
        })
    };
    let (mut sides, starts) = collect_in_buckets(both_sides, segments.len(), |&(key, _, _)| side_segment(key));
    let mut strong_sides = vec![0u8; found.len()];
    let mut per_document = vec![0usize; documents];
    for range in starts.windows(2) {
        let counterparts = &mut sides[range[0]..range[1]];
        // Only a segment with more counterparts in one document than it
        // keeps needs them ranked, best first (rare: a sentence repeated).
        let other_document = |&(_, other, _): &(u64, u32, u32)| segments[other as usize].doc;
        let crowded = counterparts.len() > MAX_PER_DOCUMENT && {
            counterparts.iter().for_each(|c| per_document[other_document(c)] += 1);
            let crowded = counterparts.iter().any(|c| per_document[other_document(c)] > MAX_PER_DOCUMENT);
            counterparts.iter().for_each(|c| per_document[other_document(c)] = 0);
            crowded
        };
        if crowded {
            counterparts.sort_unstable();
        }
        for group in counterparts.chunk_by(|x, y| x.0 >> 32 == y.0 >> 32) {
            for &(_, _, i) in group.iter().take(MAX_PER_DOCUMENT) {
                strong_sides[i as usize] += 1;
            }
        }
    }
    let mut strong = strong_sides.into_iter();
    found.retain(|_| strong.next() == Some(2));
    found
}

#[cfg(test)]
mod tests {
    use super::{keep_strongest, SegmentFeatures, SegmentMatch, MAX_PER_DOCUMENT};
    use crate::report::MatchKind;
    use crate::{compare, Document, Options, Role};

    #[test]
    fn a_segment_keeps_its_strongest_counterparts_in_each_document() {
        // Segment 0 in document 0; segments 1–6 in document 1, 7–8 in
        // document 2.
        let segments: Vec<SegmentFeatures> = [0, 1, 1, 1, 1, 1, 1, 2, 2]
            .into_iter()
            .enumerate()
            .map(|(index, doc)| SegmentFeatures { doc, index, role: Role::Body, words: Vec::new() })
            .collect();
        let link = |a, b, score| SegmentMatch { a, b, kind: MatchKind::Partial, score };
        // Six counterparts in document 1, in no order, one linked twice;
        // two in document 2.
        let found = vec![
            link(0, 8, 0.2),
            link(0, 3, 0.5),
            link(0, 1, 0.9),
            link(0, 6, 0.4),
            link(0, 2, 0.3),
            link(0, 5, 0.7),
            link(0, 4, 0.1),
            link(0, 3, 0.8),
            link(0, 7, 0.6),
        ];
        let kept: Vec<(usize, f32)> = keep_strongest(&segments, 3, found).iter().map(|m| (m.b, m.score)).collect();
        assert_eq!(MAX_PER_DOCUMENT, 4);
        assert_eq!(kept, vec![(1, 0.9), (3, 0.8), (5, 0.7), (6, 0.4), (7, 0.6), (8, 0.2)]);
    }

    #[test]
    fn short_sentences_link_inside_a_copied_run_only() {
        let wire =
            "The port authority closed the container terminal on Sunday after a fire broke out in a warehouse.\n\
            He declined.\n\
            Nothing more.\n\
            That was all.\n\
            Firefighters from three cities fought the blaze for six hours before it was under control.";
        let copy = "The port authority shut the container terminal on Sunday after a fire broke out in a warehouse.\n\
            He declined.\n\
            Nothing more.\n\
            That was all.\n\
            Firefighters from three cities fought the blaze for six hours before it was under control.";
        let unrelated = "The city council approved a new budget for public libraries on Tuesday evening.\n\
            He declined.\n\
            Nothing more.\n\
            That was all.\n\
            The mayor said the vote had been expected for months by everyone in the chamber.";
        // The links of the short sentences: (text, one name, the other, kind).
        let short_links = |docs: &[(&str, &str)]| {
            let docs: Vec<Document> = docs.iter().map(|(n, t)| Document::new(*n, *t)).collect();
            let report = compare(&docs, &Options::default()).expect("compares");
            let mut links: Vec<(String, String, String, MatchKind)> = report
                .matches
                .iter()
                .map(|m| (&report.documents[m.a.doc], &report.documents[m.b.doc], m))
                .map(|(x, y, m)| (x.segments[m.a.segment].text.clone(), x.name.clone(), y.name.clone(), m.kind))
                .filter(|(text, ..)| ["He declined.", "Nothing more.", "That was all."].contains(&text.as_str()))
                .map(|(text, x, y, kind)| if x < y { (text, x, y, kind) } else { (text, y, x, kind) })
                .collect();
            links.sort_by(|p, q| (&p.0, &p.1, &p.2).cmp(&(&q.0, &q.1, &q.2)));
            links
        };
        let link = |text: &str| (text.to_string(), "copy".to_string(), "wire".to_string(), MatchKind::Verbatim);
        // The middle one is reached from a short neighbour linked first.
        let linked = vec![link("He declined."), link("Nothing more."), link("That was all.")];
        assert_eq!(short_links(&[("wire", wire), ("copy", copy)]), linked, "between copies");
        assert_eq!(short_links(&[("copy", copy), ("wire", wire)]), linked, "in either order");
        assert_eq!(short_links(&[("wire", wire), ("unrelated", unrelated)]), vec![], "with no run around them");
        assert_eq!(short_links(&[("unrelated", unrelated), ("wire", wire), ("copy", copy)]), linked, "among three");
    }

    #[test]
    fn a_short_copy_in_a_run_links_despite_a_look_alike_elsewhere() {
        let wire =
            "The port authority closed the container terminal on Sunday after a fire broke out in a warehouse.\n\n\
            Firefighters from three cities fought the blaze for six hours before it was under control.\n\n\
            It was terrifying.\n\n\
            The terminal handles a third of the country's container traffic and employs 2,000 dockers.";
        // The short sentence's one content word also links it, partially,
        // to the copy's first sentence: its copy in the run is still linked,
        // and the passage is one.
        let copy = format!("Neighbours described the night of the fire as terrifying.\n\n{wire}");
        let docs = [Document::new("wire", wire), Document::new("copy", copy)];
        let report = compare(&docs, &Options::default()).expect("compares");
        let links: Vec<(usize, usize, MatchKind)> =
            report.matches.iter().map(|m| (m.a.segment, m.b.segment, m.kind)).collect();
        assert!(links.contains(&(2, 3, MatchKind::Verbatim)), "{links:?}");
        let passages: Vec<((usize, usize), (usize, usize))> =
            report.passages.iter().map(|p| ((p.a.first, p.a.last), (p.b.first, p.b.last))).collect();
        assert_eq!(passages, vec![((0, 3), (1, 4))]);
    }

    /// `n` sentences of made-up words, none shared with another call's,
    /// with `line` in the middle.
    fn filler_around(line: &str, n: usize, seed: u64) -> String {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "pa", "qui", "bre", "dro", "fla", "gne", "hu",
            "jo", "wy", "ce",
        ];
        let mut state = seed;
        let mut word = || {
            (0..4)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    SYLLABLES[(state >> 33) as usize % SYLLABLES.len()]
                })
                .collect::<String>()
        };
        let mut sentences: Vec<String> =
            (0..n).map(|_| format!("Ka{}.", (0..8).map(|_| word()).collect::<Vec<_>>().join(" "))).collect();
        sentences.insert(n / 2, line.to_string());
        sentences.join("\n\n")
    }

    #[test]
    fn chance_look_alikes_do_not_link_more_as_documents_grow() {
        // One common word shared by two unrelated sentences: weak evidence,
        // which two long texts offer by chance between many pairs.
        let look_alikes = [
            ("This process can repeat.", "I repeated my request in the clearest tone I could assume."),
            ("Let's see what Bob has been up to.", "I will see you again."),
            ("Now we need to get out of trouble.", "I can get along with him."),
        ];
        for (a, b) in look_alikes {
            for n in [10, 300] {
                let docs = [Document::new("a", filler_around(a, n, 1)), Document::new("b", filler_around(b, n, 2))];
                let report = compare(&docs, &Options::default()).expect("compares");
                assert_eq!(report.matches.len(), 0, "{a:?} ~ {b:?} among {n} other sentences");
            }
        }
    }

    #[test]
    fn the_same_characters_in_another_order_are_not_the_same_sentence() {
        let links = |a: &str, b: &str| {
            let report =
                compare(&[Document::new("a", a), Document::new("b", b)], &Options::default()).expect("compares");
            report.matches.iter().map(|m| m.kind).collect::<Vec<_>>()
        };
        let sentence = "救援人员连夜疏散了两千多名居民。";
        let reversed: String = sentence.trim_end_matches('。').chars().rev().chain(['。']).collect();
        assert_eq!(links(sentence, &reversed), []);
        assert_eq!(links(sentence, "救援人员连夜疏散了三千多名居民。"), [MatchKind::Edited]);
    }

    #[test]
    fn documents_with_no_sure_link_share_nothing() {
        let (a, b) = ("And you are correct.", "This is just not correct.");
        let links = |x: String, y: String| {
            let docs = [Document::new("a", x), Document::new("b", y)];
            let report = compare(&docs, &Options::default()).expect("compares");
            report.matches.iter().map(|m| (m.kind, m.score >= 0.9)).collect::<Vec<_>>()
        };
        // Alone, the two sentences are judged on their own: a weak link.
        assert_eq!(links(a.into(), b.into()), vec![(MatchKind::Partial, false)]);
        // Among a dozen unrelated sentences each, it is chance.
        assert_eq!(links(filler_around(a, 12, 1), filler_around(b, 12, 2)), vec![]);
        // In two texts that share a sentence for sure, it stands.
        let shared =
            "The port authority closed the container terminal on Sunday after a fire broke out in a warehouse.";
        let with_shared = |text: String| format!("{shared}\n\n{text}");
        let both = links(with_shared(filler_around(a, 12, 1)), with_shared(filler_around(b, 12, 2)));
        assert_eq!(both.iter().map(|&(kind, _)| kind).collect::<Vec<_>>(), [MatchKind::Verbatim, MatchKind::Partial]);
        assert!(both[0].1, "the shared sentence is a sure link");
    }

    #[test]
    fn a_sure_link_between_fragments_does_not_relate_documents() {
        use super::features::{words_of, SegmentFeatures, Vocabulary};
        use super::{related_only, SegmentMatch};
        let (mut vocabulary, mut scratch) = (Vocabulary::default(), String::new());
        let texts = [
            ("15 April 2014.", "This draft will expire on 15 December 2014."),
            ("And you are correct.", "This is just not correct."),
            ("The port authority closed the terminal on Sunday.", "The port authority shut the terminal on Sunday."),
        ];
        let segments: Vec<SegmentFeatures> = texts
            .iter()
            .flat_map(|&(a, b)| [(0, a), (1, b)])
            .enumerate()
            .map(|(index, (doc, text))| {
                let mut words = Vec::new();
                words_of(text, 0, text.len(), &mut vocabulary, &mut words, &mut scratch);
                SegmentFeatures { doc, index, role: Role::Body, words }
            })
            .collect();
        let link =
            |pair: usize, score: f32| SegmentMatch { a: 2 * pair, b: 2 * pair + 1, kind: MatchKind::Partial, score };
        // Two long documents: a weak link between them is chance unless a
        // sure one relates them, and a sure one between fragments does not.
        let kept = |found: Vec<SegmentMatch>| related_only(&segments, &vocabulary, &[40, 40], found).len();
        assert_eq!(kept(vec![link(0, 0.97), link(1, 0.5)]), 0);
        assert_eq!(kept(vec![link(2, 0.97), link(1, 0.5)]), 2);
    }

    #[test]
    fn a_line_of_figures_alone_matches_only_its_copies() {
        // A list or page number says nothing another text could share.
        let council =
            "The council approved the new library budget on Monday.\n\n12.\n\nThe mayor said the vote was expected.";
        let fire =
            "Firefighters fought the warehouse blaze for six hours.\n\nOfficials said 12 people were hurt.\n\n22 1.";
        let docs = [Document::new("council", council), Document::new("fire", fire)];
        assert_eq!(compare(&docs, &Options::default()).expect("compares").matches, vec![]);
    }

    #[test]
    fn a_subheading_matches_only_its_copies() {
        let summary = "Fire closes Rotterdam terminal\n\n\
            A fire broke out at a container terminal in Rotterdam on Sunday.\n\n\
            The Harbour Fire Crews\n\n\
            The port authority said the terminal would reopen on Wednesday.";
        let report = |other: &str| {
            let docs = [Document::new("summary", summary), Document::new("other", other)];
            compare(&docs, &Options::default()).expect("compares")
        };
        let subheading = |r: &crate::Report| {
            let segments = &r.documents[0].segments;
            let i = segments.iter().position(|s| s.text == "The Harbour Fire Crews").expect("a segment");
            assert_eq!(segments[i].role, Role::Title);
            r.matches.iter().filter(|m| (m.a.doc, m.a.segment) == (0, i)).count()
        };
        let sentence = "Harbour fire crews fought the blaze at the Rotterdam terminal for six hours.";
        assert_eq!(subheading(&report(sentence)), 0, "a sentence using its words");
        let copy = format!(
            "{sentence}\n\nThe Harbour Fire Crews\n\nThe port authority said the terminal would reopen on Wednesday."
        );
        assert_eq!(subheading(&report(&copy)), 1, "its copy");
    }
}
