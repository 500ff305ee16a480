//! The pipeline: segment and label each document, match across documents,
//! then derive groups, passages, diffs, discrepancies and shares into one
//! [`Report`].

use crate::budget::reported_matches;
use crate::diff::{report_diff, word_ops, Side};
use crate::discrepancy::{discrepancies, Segment};
use crate::error::{Error, ErrorKind};
use crate::groups;
use crate::limits;
use crate::matching::features::{words_in, Capitals, SegmentFeatures, Vocabulary, Word};
use crate::matching::{find_matches, SegmentMatch, SemanticInput};
use crate::options::Options;
use crate::passages::{passages, Pair};
use crate::progress::{Progress, Reporter, Stage};
use crate::report::{
    DocumentReport, Match, Passage, Report, SegmentRef, SegmentReport, SegmentRun, SegmentSpan, SourceInfo, Warning,
};
use crate::roles::{self, LinesRead, Role};
use crate::segment::{segment as split, Segmentation};
use crate::semantic::Embeddings;
use crate::sort_key::collect_in_buckets;
use crate::stats::{document_stats, overlap_matrix};
use crate::text::hash::FastMap;
use crate::text::language::Language;
use crate::text::utf16::Utf16Cursor;
use serde::{Deserialize, Serialize};

/// A document to compare: a name and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// What the user calls it (an outlet, a file name).
    pub name: String,
    /// The article's text.
    pub text: String,
    /// How the text was read from a file, when it was; the report carries
    /// it unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
}

impl Document {
    /// A document named `name` with `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into(), source: None }
    }

    /// The same document, recording how its text was read from a file.
    pub fn with_source(mut self, source: SourceInfo) -> Self {
        self.source = Some(source);
        self
    }
}

/// A document cut into segments, each with a role (their words are in
/// [`ReadSoFar::words`]).
struct Analysed<'a> {
    text: &'a str,
    segmentation: Segmentation,
    roles: Vec<Role>,
}

/// What reading one comparison's documents has found so far: every
/// segment's words, and where each distinct text was first read. Articles
/// about one event share the wire's sentences, menus and notices: a copy
/// takes the first reading's words, moved to where it stands, and a
/// repeated line's look ([`LinesRead`]).
#[derive(Default)]
struct ReadSoFar<'a> {
    /// Each segment's words, all documents' in order.
    words: Vec<Vec<Word>>,
    /// Per segment (an index in `words`): the first segment with its text
    /// and capitals rule, itself if it is that first.
    first: Vec<usize>,
    /// Per segment: where it starts in its document (bytes), and the
    /// capitals rule it was read by.
    read_at: Vec<(usize, Capitals)>,
    /// The first segment read with each text.
    by_text: FastMap<&'a str, usize>,
    lines: LinesRead<'a>,
}

fn analyse<'a>(
    text: &'a str,
    segmentation: Segmentation,
    capitals: Capitals,
    options: &Options,
    vocabulary: &mut Vocabulary,
    read: &mut ReadSoFar<'a>,
) -> Analysed<'a> {
    let (mut scratch, mut buffer) = (String::new(), Vec::new());
    let first_segment = read.words.len();
    for s in &segmentation.segments {
        let here = read.words.len();
        let first = *read.by_text.entry(&text[s.start..s.end]).or_insert(here);
        let copy_of = Some(first).filter(|&f| f < here && read.read_at[f].1 == capitals);
        let words = match copy_of {
            Some(f) => read.words[f].iter().map(|w| w.moved(read.read_at[f].0 as u32, s.start as u32)).collect(),
            None => {
                // Read into one buffer, kept at the exact size: a vector
                // grown word by word holds up to twice its words, for
                // every segment.
                buffer.clear();
                words_in(text, s.start, s.end, capitals, vocabulary, &mut buffer, &mut scratch);
                buffer.clone()
            }
        };
        read.words.push(words);
        read.first.push(copy_of.unwrap_or(here));
        read.read_at.push((s.start, capitals));
    }
    // Roles judge a line's topic by its content words: neither function
    // words nor the shortest ones.
    let content: Vec<Vec<u32>> = read.words[first_segment..]
        .iter()
        .map(|ws| {
            ws.iter()
                .filter(|w| {
                    !vocabulary.keys[w.key as usize].stop
                        && vocabulary.key_text[w.key as usize].chars().nth(2).is_some()
                })
                .map(|w| vocabulary.keys[w.key as usize].stem)
                .collect()
        })
        .collect();
    let mut roles = roles::assign(text, &segmentation, &content, &mut read.lines);
    if !options.detect_boilerplate {
        for role in roles.iter_mut().filter(|r| **r == Role::Boilerplate) {
            *role = Role::Body;
        }
    }
    Analysed { text, segmentation, roles }
}

/// What a capital inside a sentence marks in a document in `language`.
fn capitals(language: Language) -> Capitals {
    if language.capitalises_nouns() {
        Capitals::Nouns
    } else {
        Capitals::Names
    }
}

/// The segments of `text` with their roles and UTF-16 offsets.
pub fn segment(text: &str, options: &Options) -> Vec<SegmentSpan> {
    let language = Language::of(text);
    let mut vocabulary = Vocabulary::for_languages(&[language]);
    segment_reports(&analyse(
        text,
        split(text),
        capitals(language),
        options,
        &mut vocabulary,
        &mut ReadSoFar::default(),
    ))
    .into_iter()
    .map(|s| SegmentSpan { start: s.start, end: s.end, text: s.text, role: s.role })
    .collect()
}

fn segment_reports(doc: &Analysed) -> Vec<SegmentReport> {
    let mut cursor = Utf16Cursor::new(doc.text);
    doc.segmentation
        .segments
        .iter()
        .zip(&doc.roles)
        .map(|(s, &role)| SegmentReport {
            start: cursor.utf16_offset(s.start),
            end: cursor.utf16_offset(s.end),
            text: doc.text[s.start..s.end].to_string(),
            role,
            group: None,
        })
        .collect()
}

/// Compares two or more documents, with the built-in semantic signal when
/// the library has one (feature `bundled-embeddings`, on by default).
///
/// Errors: [`ErrorKind::TooFewDocuments`] under two documents,
/// [`ErrorKind::InvalidOption`] for an option out of range, and
/// [`ErrorKind::TooLarge`] beyond the [`limits`] (documents, bytes of text,
/// segments, pairs of sentences to weigh).
///
/// ```
/// use article_compare::{compare, Document, Options};
/// let report = compare(
///     &[
///         Document::new("Wire", "Fire hits Rotterdam port. At least 14 people were injured, officials said."),
///         Document::new("Daily", "At least 17 people were injured, officials said. The port reopened on Monday."),
///     ],
///     &Options::default(),
/// )
/// .unwrap();
/// assert_eq!(report.matches.len(), 1);
/// assert_eq!(report.matches[0].discrepancies[0].a.text, "14");
/// ```
pub fn compare(documents: &[Document], options: &Options) -> Result<Report, Error> {
    compare_with_progress(documents, options, &mut |_| {})
}

/// Compares two or more documents, reporting progress to `on_progress`
/// (at most once per percent) for a progress bar.
pub fn compare_with_progress(
    documents: &[Document],
    options: &Options,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Report, Error> {
    compare_with_embeddings(documents, options, bundled_embeddings(), on_progress)
}

#[cfg(feature = "bundled-embeddings")]
fn bundled_embeddings() -> Option<&'static Embeddings> {
    Some(Embeddings::bundled())
}

#[cfg(not(feature = "bundled-embeddings"))]
fn bundled_embeddings() -> Option<&'static Embeddings> {
    None
}

/// Compares two or more documents with the semantic signal of
/// `embeddings`, or with words alone when it is `None` or the library is
/// built without the feature `semantic` (a paraphrase that shares few
/// words with its source is then found less often), reporting progress to
/// `on_progress`.
pub fn compare_with_embeddings(
    documents: &[Document],
    options: &Options,
    embeddings: Option<&Embeddings>,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<Report, Error> {
    let mut progress = Reporter::new(on_progress);
    // Without the feature, the signal's code is left out of the build.
    let embeddings = embeddings.filter(|_| cfg!(feature = "semantic"));
    let mut prepared = prepare(documents, options, embeddings, &mut progress)?;
    // Matching frees it once candidates are scored.
    let semantic = prepared.semantic.take();
    let Prepared { analysed, features, vocabulary, .. } = &prepared;
    let found =
        find_matches(features, documents.len(), vocabulary, semantic, options.strictness, &mut |stage, done| {
            progress.report(stage, done)
        })?;
    progress.report(Stage::Grouping, 0.0);
    let mut segments: Vec<Vec<SegmentReport>> = analysed.iter().map(segment_reports).collect();
    let groups = groups::assign(&found, features, &mut segments);
    let overlap = overlap(&found, features, &segments);
    let (reported, left_out) = reported_matches(&found, features, options.focus);
    progress.report(Stage::Diffing, 0.0);
    let mut matches = Vec::with_capacity(reported.len());
    let mut readings = Readings::of(&reported, features.len());
    for (i, m) in reported.iter().enumerate() {
        matches.push(report_match(m, features, analysed, &segments, vocabulary, options, &mut readings));
        progress.report(Stage::Diffing, (i + 1) as f64 / reported.len() as f64);
    }
    drop(readings);
    progress.report(Stage::Reporting, 0.0);
    let passages = find_passages(&matches, &segments);

    let mut warnings = warnings(documents, &segments);
    if left_out > 0 {
        warnings.push(Warning {
            kind: "matches_left_out".into(),
            doc: None,
            message: format!(
                "{left_out} of {} matches are not listed (each sentence keeps its strongest ones); groups and shares count them all",
                found.len()
            ),
        });
    }
    let documents = documents
        .iter()
        .zip(segments)
        .map(|(d, segments)| DocumentReport {
            name: d.name.clone(),
            length: d.text.encode_utf16().count(),
            stats: document_stats(&segments),
            segments,
            source: d.source.clone(),
        })
        .collect();
    progress.report(Stage::Reporting, 1.0);
    Ok(Report {
        version: crate::VERSION.to_string(),
        options: options.clone(),
        documents,
        matches,
        groups,
        passages,
        overlap,
        warnings,
        semantic_model: embeddings.map(|e| e.name().to_string()),
    })
}

/// Documents read for matching: segmented, labelled, their words interned,
/// and encoded for the semantic signal when there is one.
pub(crate) struct Prepared<'a> {
    analysed: Vec<Analysed<'a>>,
    pub(crate) features: Vec<SegmentFeatures>,
    pub(crate) vocabulary: Vocabulary,
    pub(crate) semantic: Option<SemanticInput<'a>>,
}

impl Prepared<'_> {
    /// Each document's segments as byte ranges of its text.
    #[cfg(feature = "fit")]
    pub(crate) fn byte_spans(&self) -> Vec<Vec<(usize, usize)>> {
        self.analysed.iter().map(|a| a.segmentation.segments.iter().map(|s| (s.start, s.end)).collect()).collect()
    }
}

/// Checks the input and options, then reads every document.
pub(crate) fn prepare<'a>(
    documents: &'a [Document],
    options: &Options,
    embeddings: Option<&'a Embeddings>,
    progress: &mut Reporter,
) -> Result<Prepared<'a>, Error> {
    options.validate()?;
    if documents.len() < 2 {
        return Err(Error::new(
            ErrorKind::TooFewDocuments,
            format!("a comparison needs at least two documents, got {}", documents.len()),
        )
        .with_field("documents"));
    }
    limits::check_input(&documents.iter().map(|d| d.text.len()).collect::<Vec<_>>())?;
    if let Some(focus) = options.focus.filter(|&f| f >= documents.len()) {
        return Err(Error::new(
            ErrorKind::InvalidOption,
            format!(
                "focus must name one of the {} documents (0 to {}), not {focus}",
                documents.len(),
                documents.len() - 1
            ),
        )
        .with_field("options.focus"));
    }
    progress.report(Stage::Reading, 0.0);
    let total_bytes: usize = documents.iter().map(|d| d.text.len()).sum::<usize>().max(1);
    let mut read_bytes = 0;
    // Told per document before any word is read, so that the result does
    // not depend on the documents' order.
    let languages: Vec<Language> = documents.iter().map(|d| Language::of(&d.text)).collect();
    let mut vocabulary = Vocabulary::for_languages(&languages);
    let mut analysed: Vec<Analysed> = Vec::with_capacity(documents.len());
    let mut read = ReadSoFar::default();
    let mut segment_count = 0;
    for (doc, d) in documents.iter().enumerate() {
        // Counted before the costlier reading of words and roles.
        let segmentation = split(&d.text);
        segment_count += segmentation.segments.len();
        limits::check_segments(segment_count, doc)?;
        analysed.push(analyse(&d.text, segmentation, capitals(languages[doc]), options, &mut vocabulary, &mut read));
        read_bytes += d.text.len();
        progress.report(Stage::Reading, read_bytes as f64 / total_bytes as f64);
    }
    let ReadSoFar { words, first, .. } = read;
    let mut words = words.into_iter();
    let mut features: Vec<SegmentFeatures> = Vec::with_capacity(words.len());
    for (doc, a) in analysed.iter().enumerate() {
        // Roles first: `zip` stops at them without taking the next
        // document's first words.
        for (index, (&role, words)) in a.roles.iter().zip(words.by_ref()).enumerate() {
            features.push(SegmentFeatures { doc, index, role, words });
        }
    }
    let remap = vocabulary.canonicalize();
    for f in &mut features {
        for w in &mut f.words {
            w.key = remap[w.key as usize];
        }
    }

    let semantic = embeddings.map(|embeddings| {
        let mut scratch = crate::semantic::EncodeScratch::default();
        let encoded = |f: &SegmentFeatures| f.role.is_content() || f.role == Role::Caption;
        let mut content: Vec<Vec<u32>> = Vec::with_capacity(features.len());
        for (f, &first) in features.iter().zip(&first) {
            let pieces = if !encoded(f) {
                Vec::new()
            } else if first < content.len() && encoded(&features[first]) {
                // A copy: the same text, the same pieces.
                content[first].clone()
            } else {
                let s = analysed[f.doc].segmentation.segments[f.index];
                embeddings.content_pieces(&analysed[f.doc].text[s.start..s.end], &mut scratch)
            };
            content.push(pieces);
        }
        SemanticInput { embeddings, content }
    });
    Ok(Prepared { analysed, features, vocabulary, semantic })
}

/// The overlap matrix, from all matches found.
fn overlap(found: &[SegmentMatch], features: &[SegmentFeatures], segments: &[Vec<SegmentReport>]) -> Vec<Vec<f64>> {
    let mut matched_in: Vec<Vec<Vec<usize>>> = segments.iter().map(|s| vec![Vec::new(); s.len()]).collect();
    for m in found {
        let (a, b) = (&features[m.a], &features[m.b]);
        matched_in[a.doc][a.index].push(b.doc);
        matched_in[b.doc][b.index].push(a.doc);
    }
    for per_doc in &mut matched_in {
        for list in per_doc.iter_mut() {
            list.sort_unstable();
            list.dedup();
        }
    }
    let segment_slices: Vec<&[SegmentReport]> = segments.iter().map(Vec::as_slice).collect();
    overlap_matrix(&segment_slices, &matched_in)
}

/// The segments of the reported matches as the discrepancy checks read
/// them, each kept from its first match to its last: what the checks read
/// of one segment alone (its figures, quotations, speaker) is read once,
/// not once per match — a sentence five articles share is in four.
struct Readings<'a> {
    /// Per segment (index into the features), its matches still to report.
    left: Vec<u32>,
    kept: Vec<Option<Box<Segment<'a>>>>,
}

impl<'a> Readings<'a> {
    fn of(matches: &[SegmentMatch], segments: usize) -> Self {
        let mut left = vec![0u32; segments];
        for m in matches {
            left[m.a] += 1;
            left[m.b] += 1;
        }
        Readings { left, kept: (0..segments).map(|_| None).collect() }
    }

    /// Segment `i`'s reading, made by `read` on its first match.
    fn take(&mut self, i: usize, read: impl FnOnce() -> Segment<'a>) -> Box<Segment<'a>> {
        self.kept[i].take().unwrap_or_else(|| Box::new(read()))
    }

    /// Gives back what [`Readings::take`] lent, kept only while more of the
    /// segment's matches are to come.
    fn give_back(&mut self, i: usize, reading: Box<Segment<'a>>) {
        self.left[i] -= 1;
        if self.left[i] > 0 {
            self.kept[i] = Some(reading);
        }
    }
}

fn report_match<'a>(
    m: &SegmentMatch,
    features: &'a [SegmentFeatures],
    analysed: &[Analysed<'a>],
    segments: &'a [Vec<SegmentReport>],
    vocabulary: &Vocabulary,
    options: &Options,
    readings: &mut Readings<'a>,
) -> Match {
    let (fa, fb) = (&features[m.a], &features[m.b]);
    let a = SegmentRef { doc: fa.doc, segment: fa.index };
    let b = SegmentRef { doc: fb.doc, segment: fb.index };
    let (mut diff, mut found) = (Vec::new(), Vec::new());
    if options.word_diffs {
        let (sa, sb) = (side_of(fa, analysed), side_of(fb, analysed));
        let (ta, tb) = (&segments[a.doc][a.segment].text, &segments[b.doc][b.segment].text);
        let ops = word_ops(&sa, &sb);
        if options.include_diffs {
            diff = report_diff(&ops, (&sa, ta), (&sb, tb), vocabulary);
        }
        let ra = readings.take(m.a, || Segment::new(sa, ta));
        let rb = readings.take(m.b, || Segment::new(sb, tb));
        found = discrepancies(&ra, &rb, &ops, vocabulary, m.kind);
        readings.give_back(m.a, ra);
        readings.give_back(m.b, rb);
    }
    Match { a, b, kind: m.kind, score: round(m.score as f64), diff, discrepancies: found }
}

fn side_of<'a>(f: &'a SegmentFeatures, analysed: &[Analysed<'a>]) -> Side<'a> {
    let s = analysed[f.doc].segmentation.segments[f.index];
    Side { text: analysed[f.doc].text, start: s.start, words: &f.words }
}

/// Scores to three decimals: more would be noise, and it keeps reports
/// stable across platforms.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn find_passages(matches: &[Match], segments: &[Vec<SegmentReport>]) -> Vec<Passage> {
    // For each segment, the next one that counts in a passage (content, or
    // matched): chrome and captions may sit inside a run.
    let next: Vec<Vec<Option<usize>>> = segments
        .iter()
        .map(|segs| {
            let mut next = vec![None; segs.len()];
            let mut following = None;
            for i in (0..segs.len()).rev() {
                next[i] = following;
                if segs[i].role.is_content() || segs[i].group.is_some() {
                    following = Some(i);
                }
            }
            next
        })
        .collect();
    // Matches by pair of documents, each pair in one stretch, in the order
    // they come: laid out by pair, which carries no sort into the widget.
    let docs = segments.len();
    let (order, _) = collect_in_buckets(|| matches.iter(), docs * docs, |m| m.a.doc * docs + m.b.doc);
    let mut out = Vec::new();
    for same_pair in order.chunk_by(|x, y| (x.a.doc, x.b.doc) == (y.a.doc, y.b.doc)) {
        let (da, db) = (same_pair[0].a.doc, same_pair[0].b.doc);
        let pairs: Vec<Pair> =
            same_pair.iter().map(|m| Pair { a: m.a.segment, b: m.b.segment, score: m.score as f32 }).collect();
        for run in passages(&pairs, |i| next[da][i], |i| next[db][i]) {
            out.push(Passage {
                a: SegmentRun { doc: da, first: run.a.0, last: run.a.1 },
                b: SegmentRun { doc: db, first: run.b.0, last: run.b.1 },
                length: run.length,
                moved: run.moved,
            });
        }
    }
    out
}

fn warnings(documents: &[Document], segments: &[Vec<SegmentReport>]) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, (d, segs)) in documents.iter().zip(segments).enumerate() {
        if segs.is_empty() {
            out.push(Warning {
                kind: "empty_document".into(),
                doc: Some(i),
                message: format!("“{}” has no text to compare", d.name),
            });
        } else if !segs.iter().any(|s| s.role.is_content()) {
            out.push(Warning {
                kind: "no_content".into(),
                doc: Some(i),
                message: format!(
                    "“{}” has no article text: everything in it looks like page chrome or publication details",
                    d.name
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DiscrepancyKind, MatchKind};

    #[test]
    fn capitalised_german_nouns_are_not_names() {
        let kinds = |a: &str, b: &str| -> Vec<DiscrepancyKind> {
            let documents = [Document::new("a", a), Document::new("b", b)];
            let report = compare_with_embeddings(&documents, &Options::default(), None, &mut |_| {}).unwrap();
            assert!(!report.matches.is_empty());
            report.matches.iter().flat_map(|m| m.discrepancies.iter().map(|d| d.kind)).collect()
        };
        let german = "Hamburg (dpa) - Bei einem Brand im Hamburger Hafen sind am Sonntag 14 Arbeiter verletzt \
                      worden, wie die Feuerwehr mitteilte. Die Ursache des Feuers war zunächst unklar.";
        let found = kinds(german, &german.replace("einem Brand", "einem Großbrand").replace("14", "17"));
        assert_eq!(found, vec![DiscrepancyKind::Number], "a changed noun is no changed name");
        // In English, the same capitals still tell names.
        let english = "Hamburg (dpa) - At the port, Anna Berg said 14 workers were hurt on Sunday, the fire \
                       service said. The cause of the fire was not yet clear.";
        let found = kinds(english, &english.replace("Anna Berg", "Maria Lind"));
        assert!(found.contains(&DiscrepancyKind::Name), "{found:?}");
    }

    /// A word as read: key text, offsets, capitalised, clause start.
    type WordRead = (String, u32, u32, bool, bool);

    /// Each segment of document `doc` as `prepare` reads it among
    /// `documents`: its role, its words and its semantic pieces.
    fn read_among(documents: &[Document], doc: usize) -> Vec<(Role, Vec<WordRead>, Vec<u32>)> {
        let mut sink = |_: Progress| {};
        let mut reporter = Reporter::new(&mut sink);
        let p = prepare(documents, &Options::default(), Some(Embeddings::bundled()), &mut reporter).unwrap();
        let content = &p.semantic.as_ref().unwrap().content;
        p.features
            .iter()
            .zip(content)
            .filter(|(f, _)| f.doc == doc)
            .map(|(f, pieces)| {
                let words = f.words.iter().map(|w| {
                    let text = p.vocabulary.key_text[w.key as usize].clone();
                    (text, w.start, w.end(), w.capitalized(), w.clause_start())
                });
                (f.role, words.collect(), pieces.clone())
            })
            .collect()
    }

    #[test]
    fn a_copy_of_a_sentence_reads_as_the_sentence_does_alone() {
        // The later documents repeat the first's lines at other offsets,
        // the last under German capitals; a link to another story below
        // the first is the second's headline.
        let wire = "Fire hits Rotterdam port\n\nAt least 14 workers were hurt, officials said. \
                    Der Hafen blieb am Montag geschlossen.\nSkip to main content\nPort blaze";
        let rewrite = "Skip to main content\nPort blaze\n\nThe terminal, run by Delta Quay, burned for hours. \
                       At least 14 workers were hurt, officials said.";
        let local = "Skip to main content\nHafen in Flammen\n\nDer Hafen blieb am Montag geschlossen. Die \
                     Feuerwehr war mit 200 Kräften im Einsatz.\nAt least 14 workers were hurt, officials said.";
        let together = [Document::new("wire", wire), Document::new("rewrite", rewrite), Document::new("local", local)];
        let other = Document::new("other", "Nothing else.");
        for (doc, text) in [wire, rewrite, local].into_iter().enumerate() {
            let alone = [Document::new("alone", text), other.clone()];
            assert_eq!(read_among(&together, doc), read_among(&alone, 0), "{text}");
        }
    }

    #[test]
    fn german_stock_phrases_link_no_unrelated_articles() {
        let links = |a: &str, b: &str| {
            let documents = [Document::new("a", a), Document::new("b", b)];
            compare_with_embeddings(&documents, &Options::default(), None, &mut |_| {}).unwrap().matches.len()
        };
        let aid = "Die Bundesregierung hat neue Hilfen für Familien angekündigt. Nach Angaben des \
                   Ministeriums sollen rund 2,5 Millionen Haushalte profitieren. Der Minister sagte: „Wir \
                   lassen niemanden allein.“ Das Gesetz soll im 1. Quartal 2027 in Kraft treten.";
        let pensions = "Der Bundestag hat am Donnerstag über die Reform der Rente beraten. Nach Angaben des \
                        Ministeriums kostet die Reform rund 30 Milliarden Euro pro Jahr. Der Minister sagte, die \
                        Finanzierung sei gesichert. Die Abstimmung ist für den kommenden Monat geplant.";
        assert_eq!(links(aid, pensions), 0, "`Nach Angaben des Ministeriums`, `Der Minister sagte`");
        let retold = "Laut Ministerium sollen etwa 2,5 Millionen Haushalte davon profitieren. „Wir lassen \
                      niemanden allein“, sagte der Minister. In Kraft treten soll das Gesetz im 1. Quartal 2027.";
        assert_eq!(links(aid, retold), 3);
    }

    #[test]
    fn a_reading_is_kept_from_a_segments_first_match_to_its_last_only() {
        let pair = |a, b| SegmentMatch { a, b, kind: MatchKind::Partial, score: 0.5 };
        let mut readings = Readings::of(&[pair(0, 1), pair(0, 2)], 3);
        let side = || Side { text: "Text.", start: 0, words: &[] };
        let first = readings.take(0, || Segment::new(side(), "Text."));
        let address = &*first as *const Segment;
        readings.give_back(0, first);
        let again = readings.take(0, || panic!("segment 0 read twice"));
        assert_eq!(&*again as *const Segment, address);
        readings.give_back(0, again);
        assert!(readings.kept[0].is_none(), "freed after its last match");
        let only = readings.take(1, || Segment::new(side(), "Text."));
        readings.give_back(1, only);
        assert!(readings.kept[1].is_none(), "a segment of one match is not kept");
    }
}
