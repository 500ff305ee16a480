//! The report: the one result model shared by the command line's `--json`,
//! the wasm API and the front end. Every field is documented here; the
//! serialized shape is pinned by snapshot tests (`tests/report_schema.rs`).
//!
//! **Offsets are UTF-16 code units** (what JavaScript strings index), never
//! bytes: `start`/`end` of a segment index the document's `text`; ranges in
//! a diff or discrepancy index the segment's own `text`.

use crate::options::Options;
use crate::roles::Role;
use serde::{Deserialize, Serialize};

/// The result of comparing two or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// Version of article-compare that made the report.
    pub version: String,
    /// The options the comparison ran with (defaults filled in).
    pub options: Options,
    /// The documents, in the order given, with their segments.
    pub documents: Vec<DocumentReport>,
    /// Pairs of segments of different documents that say the same thing,
    /// `a` in the earlier document; in the order of `a`, then of `b`.
    pub matches: Vec<Match>,
    /// Sets of matching segments, at most one per document (see [`Group`]).
    pub groups: Vec<Group>,
    /// Runs of consecutive matched segments shared by two documents.
    pub passages: Vec<Passage>,
    /// `overlap[i][j]`: the share (0–1) of document `i`'s content text (title
    /// and body, in UTF-16 units) that matches something in document `j`;
    /// `overlap[i][i]` is 1 when document `i` has content, else 0.
    pub overlap: Vec<Vec<f64>>,
    /// Things the user should know that did not stop the comparison.
    pub warnings: Vec<Warning>,
    /// The semantic model that informed matching (its name and version, as
    /// `minilm-signs-128/1`), or `null` when segments were matched on their
    /// words alone.
    #[serde(default)]
    pub semantic_model: Option<String>,
}

/// One document of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentReport {
    /// The name given with the document.
    pub name: String,
    /// Length of the document's text in UTF-16 code units.
    pub length: usize,
    /// The document's segments in text order; together they cover every
    /// non-whitespace character of the text exactly once.
    pub segments: Vec<SegmentReport>,
    /// How much of the document is shared and how much is its own.
    pub stats: DocumentStats,
    /// Where the text came from (a web page, a Word document…), when the
    /// document was read from a file; absent for text given as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
}

/// How a document's text was read from what the user gave: the file's
/// format, its character encoding, the extraction used, what it found and
/// what it left out, so the user can check that nothing important was lost.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SourceInfo {
    /// The file's format: `text`, `markdown`, `html` or `docx`.
    pub format: String,
    /// The character encoding the bytes were decoded from (`utf-8`,
    /// `utf-16le`, `utf-16be`, `windows-1252`, …), as detected or declared.
    pub encoding: String,
    /// How the text was taken out: `plain` (as it is), `markdown` (markup
    /// stripped), `readability` (the article found in a web page by scoring
    /// its blocks), `html_text` (all the page's visible text, when no
    /// article stood out), `docx` (the main document's paragraphs).
    pub extraction: String,
    /// The headline the source declares or the extraction found; it is also
    /// the first line of the text.
    pub title: Option<String>,
    /// The author line found, also a line of the text after the title.
    pub byline: Option<String>,
    /// The publication date found (as the source gives it), also a line of
    /// the text after the byline.
    pub date: Option<String>,
    /// What the extraction left out.
    pub dropped: Dropped,
    /// The web address the page was read from, after any redirects, when
    /// the command line fetched it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Text of the source that is not in the extracted text: page chrome of a
/// web page (navigation, teasers, comments, footers), footnotes and
/// comments of a Word document, images and raw HTML of Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Dropped {
    /// Number of blocks left out (paragraphs, list items, link lists…).
    pub blocks: usize,
    /// Their length in characters (Unicode scalar values).
    pub characters: usize,
}

/// A sentence-level piece of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentReport {
    /// Offset of the first character in the document text (UTF-16 units).
    pub start: usize,
    /// Offset just past the last character (UTF-16 units).
    pub end: usize,
    /// The segment's text: exactly the document text from `start` to `end`.
    pub text: String,
    /// What the segment is to its document.
    pub role: Role,
    /// Index into [`Report::groups`] of the group the segment belongs to, or
    /// `null` when it matches nothing (unique, or not compared: meta,
    /// boilerplate).
    pub group: Option<usize>,
}

/// A segment as `segment` returns it, before any comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentSpan {
    /// Offset of the first character in the text (UTF-16 units).
    pub start: usize,
    /// Offset just past the last character (UTF-16 units).
    pub end: usize,
    /// The segment's text: exactly the text from `start` to `end`.
    pub text: String,
    /// What the segment is to its document.
    pub role: Role,
}

/// Shares of a document's content (title and body segments), measured in
/// UTF-16 units of segment text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentStats {
    /// Number of segments of each role and in all.
    pub segments: usize,
    /// Title and body segments.
    pub content_segments: usize,
    /// Content segments that match a segment of another document.
    pub shared_segments: usize,
    /// Content segments that match nothing: what only this document says.
    pub unique_segments: usize,
    /// Segments recognised as page chrome.
    pub boilerplate_segments: usize,
    /// Length of all content segments.
    pub content_length: usize,
    /// Length of the shared content segments.
    pub shared_length: usize,
    /// Length of the unique content segments.
    pub unique_length: usize,
    /// `shared_length / content_length` (0 when there is no content).
    pub shared_share: f64,
    /// `unique_length / content_length` (0 when there is no content).
    pub unique_share: f64,
}

/// A segment, named by its document's and its own index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentRef {
    /// Index into [`Report::documents`].
    pub doc: usize,
    /// Index into that document's `segments`.
    pub segment: usize,
}

/// How two matching segments relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchKind {
    /// The same words, up to case, punctuation, quote and dash styles and
    /// spelling variants (organisation/organization, Zelenskyy/Zelenskiy).
    Verbatim,
    /// The same sentence with some words changed, added or removed.
    Edited,
    /// The same content, reworded.
    Paraphrase,
    /// One carries only part of the other: a clause of it, one of its facts,
    /// or half of a sentence the other splits in two.
    Partial,
}

/// Two segments of different documents that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Match {
    /// The segment in the document that comes first in the input.
    pub a: SegmentRef,
    /// The segment in the later document.
    pub b: SegmentRef,
    /// How they relate.
    pub kind: MatchKind,
    /// How strongly they correspond, from 0 to 1 (1 for verbatim).
    pub score: f64,
    /// Word-level difference from `a` to `b`: empty when word diffs are off
    /// or left out of the report (`include_diffs`), when `word_diff` on the
    /// two segments' texts gives it.
    pub diff: Vec<DiffOp>,
    /// Differences inside the match that change what is said.
    pub discrepancies: Vec<Discrepancy>,
}

/// What a diff operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiffTag {
    /// The same words on both sides (spelling variants included).
    Equal,
    /// Words only in `a`.
    Delete,
    /// Words only in `b`.
    Insert,
    /// Words of `a` replaced by words of `b`.
    Replace,
}

/// One operation of a word-level diff. Ranges are UTF-16 offsets into each
/// segment's own `text`, `[start, end)`; an empty range marks the place
/// where the other side's words would go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffOp {
    /// What the operation does.
    pub op: DiffTag,
    /// Range in segment `a`.
    pub a: [usize; 2],
    /// Range in segment `b`.
    pub b: [usize; 2],
}

/// What kind of fact differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiscrepancyKind {
    /// A figure differs (`14` vs `17`, `one` vs `two`, `Saturday` vs
    /// `Sunday`, `June 5` vs `June 7`), is hedged on one side only (`about
    /// 3,400` vs `3,400`), or is given on one side and left vague on the
    /// other (`41 buses` vs `dozens of buses`).
    Number,
    /// A quotation is worded differently, or quoted on one side and
    /// reported in the writer's words on the other.
    Quote,
    /// A named person, place or organisation differs in the same place of
    /// the sentence, or one side names what the other only describes
    /// (`Harbor View Medical Center` vs `a local medical center`).
    Name,
    /// The same words are attributed to someone else, or to someone on one
    /// side only (an empty span on the side that tells them as its own), or
    /// said through another medium (`on X` vs `on Telegram`, `in a
    /// statement` vs `in an interview`; English words only).
    Attribution,
    /// One side negates what the other affirms.
    Negation,
    /// One side makes the claim more or less surely or widely: a modal of
    /// possibility against one of expectation (`could` vs `will`), a part
    /// against the whole (`primarily` vs `purely`), or a hedge or a part on
    /// one side only (`the suspected gunman` vs `the gunman`; an empty span
    /// on the side without it when nothing stands in its place). English
    /// words only.
    Certainty,
    /// The same word spelled differently: a transliteration, a British or
    /// American spelling, a misspelt name; or one name in two forms
    /// (`Institute for Child Health`, `Institute of Child Health`).
    Spelling,
}

impl DiscrepancyKind {
    /// What a reader calls it (`Figure` for [`DiscrepancyKind::Number`]), as
    /// the exported page and the command line's summary name it.
    pub fn label(self) -> &'static str {
        match self {
            DiscrepancyKind::Number => "Figure",
            DiscrepancyKind::Quote => "Quote",
            DiscrepancyKind::Name => "Name",
            DiscrepancyKind::Attribution => "Attribution",
            DiscrepancyKind::Negation => "Negation",
            DiscrepancyKind::Certainty => "Certainty",
            DiscrepancyKind::Spelling => "Spelling",
        }
    }

    /// How much the difference matters to what is said.
    pub fn severity(self) -> Severity {
        match self {
            DiscrepancyKind::Spelling => Severity::Cosmetic,
            _ => Severity::Substantive,
        }
    }
}

/// How much a discrepancy matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// It changes what is said: a figure, a quote, a name, who said it, a
    /// negation, how surely it is said. Listed first.
    Substantive,
    /// Only how a word is written; the app lets readers hide these.
    Cosmetic,
}

/// A difference inside a match that changes what is said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Discrepancy {
    /// What kind of fact differs.
    pub kind: DiscrepancyKind,
    /// Whether it changes what is said or only how a word is written.
    pub severity: Severity,
    /// The differing text in segment `a` (may be empty when `a` lacks it).
    pub a: Span,
    /// The differing text in segment `b` (may be empty when `b` lacks it).
    pub b: Span,
}

impl Discrepancy {
    /// A discrepancy of `kind` between the spans `a` and `b`.
    pub fn new(kind: DiscrepancyKind, a: Span, b: Span) -> Self {
        Discrepancy { kind, severity: kind.severity(), a, b }
    }
}

/// A piece of a segment's text. Offsets are UTF-16 units into the segment's
/// `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Offset of the first character.
    pub start: usize,
    /// Offset just past the last character.
    pub end: usize,
    /// The text between them.
    pub text: String,
}

/// Segments of different documents that tell the same passage, at most one
/// per document: matches join groups strongest first (verbatim, then edited
/// and paraphrased, then partial, each by score) as long as no document
/// would have two members. A sentence that a rewrite merged from two thus
/// joins the group of one of them, and the other sentence keeps a group of
/// its own (its matches still list the merged sentence): groups stay
/// passages a reader can number, and never chain unrelated sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Group {
    /// The member segments, by document then position.
    pub members: Vec<SegmentRef>,
    /// The documents that have a member, in order.
    pub documents: Vec<usize>,
}

/// A run of segments of one document whose matches are consecutive in
/// another: a shared passage. Segment indices are inclusive; segments that
/// are not content (captions, chrome) may sit inside the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Passage {
    /// The run in the earlier document.
    pub a: SegmentRun,
    /// The run in the later document.
    pub b: SegmentRun,
    /// Number of matched segment pairs in the passage.
    pub length: usize,
    /// The passage sits at a different relative position in the two
    /// documents (it was moved).
    pub moved: bool,
}

/// An inclusive run of segments of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SegmentRun {
    /// Index into [`Report::documents`].
    pub doc: usize,
    /// First segment of the run.
    pub first: usize,
    /// Last segment of the run.
    pub last: usize,
}

/// Something the user should know about the input or the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// A stable name for the kind of warning (`empty_document`, …).
    pub kind: String,
    /// Index of the document concerned, if one is.
    pub doc: Option<usize>,
    /// What happened, in a sentence.
    pub message: String,
}
