//! The invariants of a segmentation and of a report, shared by the property
//! tests (`tests/properties.rs`) and the fuzz targets (`fuzz/src/lib.rs`),
//! which both include this file. Each check returns the first broken
//! invariant as a message.

#![allow(dead_code)] // each includer uses its own part

use article_compare::report::{Match, SegmentRef, SegmentReport, SegmentSpan};
use article_compare::{segment_text, word_diff, Document, MatchKind, Report};
use std::collections::BTreeSet;
use unicode_segmentation::UnicodeSegmentation;

/// Returns the formatted message from the function unless `condition` holds.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// `ensure!` for two values that must be equal; the message says both.
macro_rules! ensure_eq {
    ($left:expr, $right:expr $(,)?) => {
        ensure_eq!($left, $right, "{}", stringify!($left))
    };
    ($left:expr, $right:expr, $($message:tt)+) => {
        if $left != $right {
            return Err(format!("{}: {:?} != {:?}", format!($($message)+), $left, $right));
        }
    };
}

/// A text seen as JavaScript sees it: UTF-16 units, with the offsets where a
/// character and where an extended grapheme cluster starts.
pub struct Utf16Text {
    units: Vec<u16>,
    char_boundary: Vec<bool>,
    grapheme_boundary: Vec<bool>,
}

impl Utf16Text {
    pub fn new(text: &str) -> Self {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut unit_of_byte = vec![usize::MAX; text.len() + 1];
        let mut char_boundary = vec![false; units.len() + 1];
        let mut unit = 0;
        for (byte, c) in text.char_indices() {
            unit_of_byte[byte] = unit;
            char_boundary[unit] = true;
            unit += c.len_utf16();
        }
        unit_of_byte[text.len()] = unit;
        char_boundary[unit] = true;
        let mut grapheme_boundary = vec![false; units.len() + 1];
        for (byte, _) in text.grapheme_indices(true) {
            grapheme_boundary[unit_of_byte[byte]] = true;
        }
        grapheme_boundary[units.len()] = true;
        Utf16Text { units, char_boundary, grapheme_boundary }
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// The text of `[start, end)`, or `None` if the range is out of bounds or
    /// cuts a surrogate pair.
    pub fn slice(&self, start: usize, end: usize) -> Option<String> {
        if start > end || end > self.len() || !self.char_boundary[start] || !self.char_boundary[end] {
            return None;
        }
        String::from_utf16(&self.units[start..end]).ok()
    }
}

/// Debug-printable context for a failing offset.
fn around(text: &Utf16Text, at: usize) -> String {
    let from = at.saturating_sub(8);
    let to = (at + 8).min(text.len());
    format!(
        "{:?} | {:?}",
        String::from_utf16_lossy(&text.units[from..at]),
        String::from_utf16_lossy(&text.units[at..to])
    )
}

/// The first broken invariant, as a message.
pub type Checked = Result<(), String>;

/// Every invariant of a segmentation of `text`.
pub fn check_segments(text: &str, segments: &[SegmentSpan]) -> Checked {
    let t = Utf16Text::new(text);
    let mut previous_end = 0;
    for (i, s) in segments.iter().enumerate() {
        ensure!(s.start < s.end, "segment {} is empty or reversed: {:?}", i, s);
        ensure!(s.end <= t.len(), "segment {} ends at {} past the text's {} units", i, s.end, t.len());
        ensure!(
            s.start >= previous_end,
            "segment {} starts at {} before the previous end {}",
            i,
            s.start,
            previous_end
        );
        previous_end = s.end;
        ensure!(t.char_boundary[s.start], "segment {} starts inside a surrogate pair: {:?}", i, s);
        ensure!(t.char_boundary[s.end], "segment {} ends inside a surrogate pair: {:?}", i, s);
        ensure_eq!(t.slice(s.start, s.end), Some(s.text.clone()), "segment {}'s text is not its slice", i);
        ensure!(
            t.grapheme_boundary[s.start],
            "segment {} starts inside a grapheme cluster at {}: {}",
            i,
            s.start,
            around(&t, s.start)
        );
        ensure!(
            t.grapheme_boundary[s.end],
            "segment {} ends inside a grapheme cluster at {}: {}",
            i,
            s.end,
            around(&t, s.end)
        );
    }

    // Segments are sorted and disjoint, so "in exactly one" is "in one".
    let mut next = segments.iter().peekable();
    let mut unit = 0;
    for c in text.chars() {
        let width = c.len_utf16();
        while next.peek().is_some_and(|s| s.end <= unit) {
            next.next();
        }
        if !c.is_whitespace() {
            let covered = next.peek().is_some_and(|s| s.start <= unit && unit + width <= s.end);
            ensure!(covered, "{:?} at unit {} is in no segment: {}", c, unit, around(&t, unit));
        }
        unit += width;
    }
    Ok(())
}

pub fn spans(segments: &[SegmentReport]) -> Vec<SegmentSpan> {
    segments.iter().map(|s| SegmentSpan { start: s.start, end: s.end, text: s.text.clone(), role: s.role }).collect()
}

fn segment_of(report: &Report, r: SegmentRef) -> Result<&SegmentReport, String> {
    report
        .documents
        .get(r.doc)
        .and_then(|d| d.segments.get(r.segment))
        .ok_or_else(|| format!("{r:?} is not a segment of the report"))
}

fn check_match(report: &Report, m: &Match) -> Checked {
    let (sa, sb) = (segment_of(report, m.a)?, segment_of(report, m.b)?);
    ensure!(m.a.doc < m.b.doc, "match {:?}–{:?}: a must be in the earlier document", m.a, m.b);
    ensure!((0.0..=1.0).contains(&m.score), "match {:?}–{:?}: score {} outside [0, 1]", m.a, m.b, m.score);
    let (ta, tb) = (Utf16Text::new(&sa.text), Utf16Text::new(&sb.text));
    let (mut a_end, mut b_end) = (0, 0);
    for op in &m.diff {
        ensure!(op.a[0] >= a_end && op.b[0] >= b_end, "diff ops out of order in {:?}", m);
        ensure!(ta.slice(op.a[0], op.a[1]).is_some(), "diff range {:?} is not a range of {:?}", op.a, sa.text);
        ensure!(tb.slice(op.b[0], op.b[1]).is_some(), "diff range {:?} is not a range of {:?}", op.b, sb.text);
        (a_end, b_end) = (op.a[1], op.b[1]);
    }
    // The diff a reader asks for later is the one the report would carry.
    let carried = report.options.word_diffs && report.options.include_diffs;
    let expected = if carried { word_diff(&sa.text, &sb.text).map_err(|e| e.to_string())? } else { Vec::new() };
    ensure_eq!(m.diff, expected, "diff of {:?} against {:?}", sa.text, sb.text);
    for d in &m.discrepancies {
        ensure_eq!(ta.slice(d.a.start, d.a.end), Some(d.a.text.clone()), "{:?} in {:?}", d, sa.text);
        ensure_eq!(tb.slice(d.b.start, d.b.end), Some(d.b.text.clone()), "{:?} in {:?}", d, sb.text);
    }
    Ok(())
}

/// Every invariant of a report on `documents`, given the segmentation
/// (checked on its own by `check_segments`).
pub fn check_report(documents: &[Document], report: &Report) -> Checked {
    ensure_eq!(report.documents.len(), documents.len());
    for (doc, d) in documents.iter().zip(&report.documents) {
        ensure_eq!(&d.name, &doc.name);
        ensure_eq!(d.length, doc.text.encode_utf16().count(), "length of {}", d.name);
        let expected = segment_text(&doc.text, &report.options);
        ensure_eq!(spans(&d.segments), expected, "{}'s segments differ from segment_text", d.name);
    }

    let ends = |m: &Match| (m.a.doc, m.a.segment, m.b.doc, m.b.segment);
    ensure!(report.matches.windows(2).all(|w| ends(&w[0]) < ends(&w[1])), "matches out of order or repeated");
    for m in &report.matches {
        ensure!(m.a.doc < m.b.doc, "match {:?}–{:?} starts in the later document", m.a, m.b);
        check_match(report, m)?;
        let (ga, gb) = (segment_of(report, m.a)?.group, segment_of(report, m.b)?.group);
        ensure!(ga.is_some() && gb.is_some(), "match {:?}–{:?} has an end in no group", m.a, m.b);
        // Equivalent matches connect groups; a partial one only where an
        // end has nothing better (see report::Group).
        ensure!(
            m.kind == MatchKind::Partial || ga == gb,
            "{:?} match {:?}–{:?} has its ends in groups {:?} and {:?}",
            m.kind,
            m.a,
            m.b,
            ga,
            gb
        );
    }

    let matched: BTreeSet<SegmentRef> = report.matches.iter().flat_map(|m| [m.a, m.b]).collect();
    for (g, group) in report.groups.iter().enumerate() {
        ensure!(!group.members.is_empty(), "group {} is empty", g);
        ensure!(group.members.windows(2).all(|w| w[0] < w[1]), "group {}'s members are not in order: {:?}", g, group);
        let mut docs: Vec<usize> = group.members.iter().map(|m| m.doc).collect();
        docs.dedup();
        ensure_eq!(&group.documents, &docs, "group {} lists the wrong documents", g);
        for &member in &group.members {
            ensure_eq!(
                segment_of(report, member)?.group,
                Some(g),
                "member {:?} of group {} does not point back",
                member,
                g
            );
            ensure!(matched.contains(&member), "member {:?} of group {} is in no match", member, g);
        }
        // One document's sentence alone: its matches were all partial, to
        // sentences already grouped with another of its document's (see
        // report::Group).
        if docs.len() == 1 {
            let member = group.members[0];
            let own = report.matches.iter().filter(|m| m.a == member || m.b == member);
            ensure!(group.members.len() == 1, "group {} has members from one document only: {:?}", g, group);
            ensure!(
                own.clone().all(|m| m.kind == MatchKind::Partial),
                "group {} is alone despite an equivalent match",
                g
            );
        }
        // Two sentences of one document share a group only as versions of a
        // common sentence: each through an equivalent match in the group.
        for doc in &docs {
            let mine: Vec<SegmentRef> = group.members.iter().copied().filter(|m| m.doc == *doc).collect();
            if mine.len() > 1 {
                for &member in &mine {
                    let equivalent = report.matches.iter().any(|m| {
                        m.kind != MatchKind::Partial
                            && (m.a == member || m.b == member)
                            && group.members.contains(&m.a)
                            && group.members.contains(&m.b)
                    });
                    ensure!(
                        equivalent,
                        "group {} holds {:?} with another of its document's through partial matches only",
                        g,
                        member
                    );
                }
            }
        }
    }
    for (doc, d) in report.documents.iter().enumerate() {
        for (segment, s) in d.segments.iter().enumerate() {
            if let Some(g) = s.group {
                let r = SegmentRef { doc, segment };
                let listed = report.groups.get(g).is_some_and(|group| group.members.contains(&r));
                ensure!(listed, "{:?} points to group {}, which does not list it", r, g);
            }
        }
    }

    for p in &report.passages {
        ensure!(p.a.doc < p.b.doc, "passage {:?}", p);
        for run in [p.a, p.b] {
            ensure!(run.first <= run.last && run.last < report.documents[run.doc].segments.len(), "passage {:?}", p);
        }
    }

    let n = documents.len();
    ensure_eq!(report.overlap.len(), n, "overlap has {} rows for {} documents", report.overlap.len(), n);
    for (i, row) in report.overlap.iter().enumerate() {
        ensure_eq!(row.len(), n, "overlap row {} has {} columns", i, row.len());
        for (j, &v) in row.iter().enumerate() {
            ensure!((0.0..=1.0).contains(&v), "overlap[{}][{}] = {}", i, j, v);
        }
    }
    Ok(())
}

/// A match as a fact about named documents, independent of their order.
pub type MatchKey = ((String, usize), (String, usize), String, i64);

pub fn match_keys(report: &Report, original_index: impl Fn(usize) -> usize) -> Vec<MatchKey> {
    let mut keys: Vec<MatchKey> = report
        .matches
        .iter()
        .map(|m| {
            let end = |r: SegmentRef| {
                let doc = &report.documents[r.doc];
                (original_index(r.doc), (doc.name.clone(), doc.segments[r.segment].start))
            };
            let (mut a, mut b) = (end(m.a), end(m.b));
            if a.0 > b.0 {
                std::mem::swap(&mut a, &mut b);
            }
            (a.1, b.1, format!("{:?}", m.kind), (m.score * 1000.0).round() as i64)
        })
        .collect();
    keys.sort();
    keys
}

/// Where a report read back from `json` differs from the original, shown as
/// the first place where their serializations differ.
pub fn round_trip_difference(json: &str, back: &Report) -> String {
    let again = serde_json::to_string(back).unwrap();
    let at = json.bytes().zip(again.bytes()).position(|(a, b)| a != b).unwrap_or(json.len().min(again.len()));
    let from = json[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let context = |s: &str| s.get(from..).unwrap_or("").chars().take(100).collect::<String>();
    format!("the report changed in a JSON round trip:\n  sent: …{}\n  read: …{}", context(json), context(&again))
}
