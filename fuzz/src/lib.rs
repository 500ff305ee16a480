//! Invariant checks for the fuzz targets: those of the property tests
//! (`tests/support/invariants.rs`, included here), and the fuzzers' own on
//! the byte-level segmentation and the format readers. Each panics on the
//! first broken invariant, so that libFuzzer reports the input as a crash.

use article_compare::formats::Extracted;
use article_compare::segment::{Segmentation, MAX_SEGMENT_BYTES};
use article_compare::{segment_text, Document, Options, Report};
use unicode_segmentation::UnicodeSegmentation;

#[path = "../../tests/support/invariants.rs"]
mod invariants;
pub use invariants::{match_keys, MatchKey};

/// Every invariant of a segmentation of `text` in UTF-16 offsets (as
/// `segment_text` and the report give them).
pub fn check_segments(text: &str, segments: &[article_compare::report::SegmentSpan]) {
    invariants::check_segments(text, segments).unwrap_or_else(|e| panic!("{e}"));
}

/// Every invariant of a report on `documents`.
pub fn check_report(documents: &[Document], report: &Report) {
    invariants::check_report(documents, report).unwrap_or_else(|e| panic!("{e}"));
}

/// The report survives a JSON round trip unchanged.
pub fn check_json_round_trip(report: &Report) {
    let json = serde_json::to_string(report).expect("a report serializes");
    let back: Report = serde_json::from_str(&json).unwrap_or_else(|e| panic!("the report's JSON does not parse: {e}"));
    assert!(back == *report, "{}", invariants::round_trip_difference(&json, &back));
}

/// The byte-level segmentation of `segment::segment`: ordered, disjoint,
/// non-empty ranges on char boundaries, each inside its (trimmed) line,
/// covering every non-whitespace character, none longer than the limit
/// unless it is a single grapheme cluster.
pub fn check_raw_segmentation(text: &str, seg: &Segmentation) {
    let mut previous_end = 0;
    for (i, line) in seg.lines.iter().enumerate() {
        assert!(line.start < line.end && line.end <= text.len(), "line {i} {line:?} is empty or out of bounds");
        assert!(line.start >= previous_end, "line {i} {line:?} starts before the previous line ends");
        assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end), "line {i} {line:?} cuts a char");
        previous_end = line.end;
    }
    let mut previous_end = 0;
    for (i, s) in seg.segments.iter().enumerate() {
        assert!(s.start < s.end, "segment {i} is empty or reversed: {s:?}");
        assert!(s.end <= text.len(), "segment {i} ends at {} past the text's {} bytes", s.end, text.len());
        assert!(s.start >= previous_end, "segment {i} starts at {} before the previous end {previous_end}", s.start);
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "segment {i} cuts a char: {s:?}");
        let line = seg.lines.get(s.line).unwrap_or_else(|| panic!("segment {i} names line {} of {}", s.line, seg.lines.len()));
        // A segment may start at the space a combining mark sits on, just
        // before its line's first non-whitespace character.
        let line_start = text[..line.start].char_indices().next_back().map_or(0, |(b, _)| b);
        assert!(s.start >= line_start && s.end <= line.end, "segment {i} {s:?} is outside its line {line:?}");
        let body = &text[s.start..s.end];
        assert!(!body.trim().is_empty(), "segment {i} is only whitespace: {body:?}");
        if s.end - s.start > MAX_SEGMENT_BYTES {
            assert!(
                body.graphemes(true).nth(1).is_none(),
                "segment {i} has {} bytes, over the {MAX_SEGMENT_BYTES} limit, and more than one cluster",
                s.end - s.start
            );
        }
        previous_end = s.end;
    }
    let mut next = seg.segments.iter().peekable();
    for (byte, c) in text.char_indices() {
        while next.peek().is_some_and(|s| s.end <= byte) {
            next.next();
        }
        if !c.is_whitespace() {
            let covered = next.peek().is_some_and(|s| s.start <= byte && byte + c.len_utf8() <= s.end);
            assert!(covered, "{c:?} at byte {byte} is in no segment");
        }
    }
}

/// Checks a format reader's result: an extraction has text to compare, a
/// format the name or the content allows, a segmentation that keeps every
/// invariant, and a source that round-trips through JSON.
pub fn check_extracted(bytes: &[u8], result: Result<Extracted, article_compare::Error>, formats: &[&str]) {
    let extracted = match result {
        Ok(e) => e,
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message for {} bytes", bytes.len());
            return;
        }
    };
    assert!(!extracted.text.trim().is_empty(), "an extraction with no text");
    assert!(
        formats.contains(&extracted.source.format.as_str()),
        "read as {:?}, expected one of {formats:?}",
        extracted.source.format
    );
    let json = serde_json::to_string(&extracted.source).expect("a source serializes");
    let back: article_compare::SourceInfo = serde_json::from_str(&json).expect("a source's JSON parses");
    assert_eq!(back, extracted.source, "the source changed in a JSON round trip");
    if extracted.text.len() <= 64 * 1024 {
        check_segments(&extracted.text, &segment_text(&extracted.text, &Options::default()));
    }
}
