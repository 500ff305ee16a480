//! The pipeline: segment and label each document, match across documents,
//! then derive groups, passages, diffs, discrepancies and shares into one
//! [`Report`].

use crate::diff::{to_report, word_ops, Side};
use crate::discrepancy::{discrepancies, Segment};
use crate::error::{Error, ErrorKind};
use crate::groups::connected_groups;
use crate::matching::features::{words_of, SegmentFeatures, Vocabulary, Word};
use crate::matching::{find_matches, SegmentMatch};
use crate::options::Options;
use crate::passages::{passages, Pair};
use crate::report::{
    DocumentReport, Group, Match, Passage, Report, SegmentReport, SegmentRef, SegmentRun, SegmentSpan, SourceInfo,
    Warning,
};
use crate::roles::{self, Role};
use crate::segment::{segment as split, Segmentation};
use crate::stats::{document_stats, overlap_matrix};
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

/// A document cut into segments, each with its words and a role.
struct Analysed<'a> {
    text: &'a str,
    segmentation: Segmentation,
    words: Vec<Vec<Word>>,
    roles: Vec<Role>,
}

fn analyse<'a>(text: &'a str, options: &Options, vocabulary: &mut Vocabulary) -> Analysed<'a> {
    let segmentation = split(text);
    let mut scratch = String::new();
    let words: Vec<Vec<Word>> = segmentation
        .segments
        .iter()
        .map(|s| {
            let mut words = Vec::new();
            words_of(text, s.start, s.end, vocabulary, &mut words, &mut scratch);
            words
        })
        .collect();
    // Roles judge a line's topic by its content words: neither function
    // words nor the shortest ones.
    let content: Vec<Vec<u32>> = words
        .iter()
        .map(|ws| {
            ws.iter()
                .filter(|w| !vocabulary.keys[w.key as usize].stop && vocabulary.key_text[w.key as usize].chars().nth(2).is_some())
                .map(|w| vocabulary.keys[w.key as usize].stem)
                .collect()
        })
        .collect();
    let mut roles = roles::assign(text, &segmentation, &content);
    if !options.detect_boilerplate {
        for role in roles.iter_mut().filter(|r| **r == Role::Boilerplate) {
            *role = Role::Body;
        }
    }
    Analysed { text, segmentation, words, roles }
}

/// The segments of `text` with their roles and UTF-16 offsets.
pub fn segment(text: &str, options: &Options) -> Vec<SegmentSpan> {
    segment_reports(&analyse(text, options, &mut Vocabulary::default()))
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
            start: cursor.to_utf16(s.start),
            end: cursor.to_utf16(s.end),
            text: doc.text[s.start..s.end].to_string(),
            role,
            group: None,
        })
        .collect()
}

/// Compares two or more documents.
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
    options.validate()?;
    if documents.len() < 2 {
        return Err(Error::new(
            ErrorKind::TooFewDocuments,
            format!("a comparison needs at least two documents, got {}", documents.len()),
        )
        .with_field("documents"));
    }
    let mut vocabulary = Vocabulary::default();
    let mut analysed: Vec<Analysed> = documents.iter().map(|d| analyse(&d.text, options, &mut vocabulary)).collect();
    let mut features: Vec<SegmentFeatures> = Vec::new();
    for (doc, a) in analysed.iter_mut().enumerate() {
        for (index, (words, &role)) in std::mem::take(&mut a.words).into_iter().zip(&a.roles).enumerate() {
            features.push(SegmentFeatures { doc, index, role, words });
        }
    }
    let remap = vocabulary.canonicalize();
    for f in &mut features {
        for w in &mut f.words {
            w.key = remap[w.key as usize];
        }
    }

    let found = find_matches(&features, &vocabulary, options.strictness);
    let mut segments: Vec<Vec<SegmentReport>> = analysed.iter().map(segment_reports).collect();
    let matches: Vec<Match> = found.iter().map(|m| report_match(m, &features, &analysed, &segments, &vocabulary, options)).collect();

    let (groups, group_of) = connected_groups(features.len(), found.iter().map(|m| (m.a, m.b)));
    for (i, f) in features.iter().enumerate() {
        segments[f.doc][f.index].group = group_of[i];
    }
    let groups: Vec<Group> = groups
        .into_iter()
        .map(|members| {
            let members: Vec<SegmentRef> =
                members.iter().map(|&i| SegmentRef { doc: features[i].doc, segment: features[i].index }).collect();
            let mut documents: Vec<usize> = members.iter().map(|m| m.doc).collect();
            documents.dedup();
            Group { members, documents }
        })
        .collect();

    let passages = find_passages(&matches, &segments);
    let mut matched_in: Vec<Vec<Vec<usize>>> = segments.iter().map(|s| vec![Vec::new(); s.len()]).collect();
    for m in &matches {
        matched_in[m.a.doc][m.a.segment].push(m.b.doc);
        matched_in[m.b.doc][m.b.segment].push(m.a.doc);
    }
    for per_doc in &mut matched_in {
        for list in per_doc.iter_mut() {
            list.sort_unstable();
            list.dedup();
        }
    }
    let segment_slices: Vec<&[SegmentReport]> = segments.iter().map(Vec::as_slice).collect();
    let overlap = overlap_matrix(&segment_slices, &matched_in);

    let warnings = warnings(documents, &segments);
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
    Ok(Report {
        version: crate::VERSION.to_string(),
        options: options.clone(),
        documents,
        matches,
        groups,
        passages,
        overlap,
        warnings,
    })
}

fn report_match(
    m: &SegmentMatch,
    features: &[SegmentFeatures],
    analysed: &[Analysed],
    segments: &[Vec<SegmentReport>],
    vocabulary: &Vocabulary,
    options: &Options,
) -> Match {
    let (fa, fb) = (&features[m.a], &features[m.b]);
    let a = SegmentRef { doc: fa.doc, segment: fa.index };
    let b = SegmentRef { doc: fb.doc, segment: fb.index };
    let (mut diff, mut found) = (Vec::new(), Vec::new());
    if options.word_diffs {
        let (sa, sb) = (side_of(fa, analysed), side_of(fb, analysed));
        let (ta, tb) = (&segments[a.doc][a.segment].text, &segments[b.doc][b.segment].text);
        let ops = word_ops(&sa, &sb);
        diff = to_report(&ops, &sa, &sb, ta, tb);
        found = discrepancies(&Segment { side: sa, text: ta }, &Segment { side: sb, text: tb }, &ops, vocabulary);
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
    let n = segments.len();
    let next_content = |doc: usize| {
        move |i: usize| (i + 1..segments[doc].len()).find(|&j| segments[doc][j].role.is_content() || segments[doc][j].group.is_some())
    };
    let mut out = Vec::new();
    for da in 0..n {
        for db in da + 1..n {
            let pairs: Vec<Pair> = matches
                .iter()
                .filter(|m| m.a.doc == da && m.b.doc == db)
                .map(|m| Pair { a: m.a.segment, b: m.b.segment, score: m.score as f32 })
                .collect();
            if pairs.is_empty() {
                continue;
            }
            for run in passages(&pairs, next_content(da), next_content(db)) {
                out.push(Passage {
                    a: SegmentRun { doc: da, first: run.a.0, last: run.a.1 },
                    b: SegmentRun { doc: db, first: run.b.0, last: run.b.1 },
                    length: run.length,
                    moved: run.moved,
                });
            }
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
                message: format!("“{}” has no article text: everything in it looks like page chrome or publication details", d.name),
            });
        }
    }
    out
}
