//! Segmentation: a document's text cut into sentence-level segments.
//!
//! Every line break ends a segment (headlines, bylines, datelines, time
//! stamps are segments of their own) except in hard-wrapped text, which is
//! joined back into sentences first ([`lines`]); inside a line, sentences
//! end after `. ! ? …` when a new one starts ([`sentences`]). Together the
//! segments cover every non-whitespace character of the text exactly once,
//! and never cut a grapheme cluster.

mod abbreviations;
pub mod lines;
mod sentences;

use crate::text::tokenize::{cluster_end, is_cluster_extender};
use lines::logical_lines;
pub use lines::Line;
pub(crate) use sentences::numbers_list_item;

/// The longest segment, in bytes. Text with no sentence end for longer than
/// this (a log line, a table dump) is cut at a space near the limit, so that
/// no later stage works on one unbounded piece.
pub const MAX_SEGMENT_BYTES: usize = 2000;

/// A segment: a byte range of the text, trimmed, and the line it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of its line in [`Segmentation::lines`].
    pub line: usize,
}

/// The lines of a text and the segments of each line, in text order.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Lines, with hard-wrapped lines joined.
    pub lines: Vec<Line>,
    /// Segments of all lines.
    pub segments: Vec<Segment>,
}

/// Cuts `text` into segments, with **byte** offsets (the engine's own
/// unit; [`crate::segment_text`] gives the same segments in UTF-16 code
/// units, as the report and the front end use them).
pub fn segment(text: &str) -> Segmentation {
    let lines = logical_lines(text);
    let mut segments = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let body = &text[line.start..line.end];
        let mut from = 0;
        for end in sentences::boundaries(body).into_iter().chain([body.len()]) {
            push_trimmed(text, line.start + from, line.start + end, index, &mut segments);
            from = end;
        }
    }
    Segmentation { lines, segments }
}

/// Pushes the trimmed range `start..end` (cut further if over the limit).
fn push_trimmed(text: &str, start: usize, end: usize, line: usize, out: &mut Vec<Segment>) {
    let to = start + text[start..end].trim_end().len();
    let mut from = segment_start(text, start, to);
    if from >= to {
        return;
    }
    while to - from > MAX_SEGMENT_BYTES {
        let cut = cut_point(text, from, from + MAX_SEGMENT_BYTES);
        out.push(Segment { start: from, end: cut, line });
        from = segment_start(text, cut, to);
        if from >= to {
            return;
        }
    }
    out.push(Segment { start: from, end: to, line });
}

/// Where a segment of `text[from..to]` starts: past its leading spaces,
/// but on the space before a mark that combines with it, so that the
/// segment starts on a grapheme boundary. After a line break or other
/// control character a new cluster begins anyway. Spaces alone give `to`.
fn segment_start(text: &str, from: usize, to: usize) -> usize {
    let start = from + (text[from..to].len() - text[from..to].trim_start().len());
    if start < to && text[start..].starts_with(is_cluster_extender) {
        if let Some((i, prev)) = text[..start].char_indices().next_back() {
            if !prev.is_control() {
                return i;
            }
        }
    }
    start
}

/// Where to cut a too-long run that starts at `from`, at or before `limit`:
/// after the last clause punctuation or space, else at a grapheme boundary.
fn cut_point(text: &str, from: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[from..limit];
    let half = window.len() / 2;
    let at_clause = window.rmatch_indices([',', ';', ':']).map(|(i, _)| i + 1).find(|&i| i > half);
    let at_space = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c.is_whitespace() && i > half && !text[from + i + c.len_utf8()..].starts_with(is_cluster_extender)
        })
        .map(|(i, _)| i);
    if let Some(i) = at_clause.filter(|&i| window[i..].starts_with(char::is_whitespace)).or(at_space) {
        return from + window[..i].trim_end().len();
    }
    // No space: the last grapheme cluster boundary before the limit (at
    // least one cluster, however long).
    let mut cut = from;
    while let Some(c) = text[cut..].chars().next() {
        let end = cluster_end(text, cut, c);
        if end > limit && cut > from {
            break;
        }
        cut = end;
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text).segments.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn headlines_bylines_and_sentences() {
        let text =
            " Zelenskyy says Ukraine is working on a prisoner exchange\n\nBy Samya Kullab, The Associated Press\n\n\
                    KYIV, Ukraine (AP) — Ukraine is working on it, Zelenskyy said. Moscow did not comment.\n4h ago";
        assert_eq!(
            texts(text),
            vec![
                "Zelenskyy says Ukraine is working on a prisoner exchange",
                "By Samya Kullab, The Associated Press",
                "KYIV, Ukraine (AP) — Ukraine is working on it, Zelenskyy said.",
                "Moscow did not comment.",
                "4h ago",
            ]
        );
    }

    #[test]
    fn segments_know_their_line() {
        let seg = segment("One. Two.\nThree.");
        assert_eq!(seg.segments.iter().map(|s| s.line).collect::<Vec<_>>(), vec![0, 0, 1]);
        assert_eq!(seg.lines.len(), 2);
    }

    #[test]
    fn a_mark_after_a_space_stays_with_it() {
        let text = "  \u{301}abc";
        let seg = segment(text).segments;
        assert_eq!(seg.len(), 1);
        assert_eq!(&text[seg[0].start..seg[0].end], " \u{301}abc");
    }

    #[test]
    fn overlong_runs_are_cut_at_spaces() {
        let text = "word ".repeat(2000);
        let segs = segment(&text).segments;
        assert!(segs.len() >= 5);
        for s in &segs {
            assert!(s.end - s.start <= MAX_SEGMENT_BYTES);
            assert!(text[s.start..s.end].starts_with("word") && text[s.start..s.end].ends_with("word"));
        }
        let blob = "x".repeat(5000);
        let segs = segment(&blob).segments;
        assert_eq!(segs.iter().map(|s| s.end - s.start).sum::<usize>(), 5000);
        // Cut before a space that a joiner binds to the next mark: the rest
        // starts with the space, not inside its cluster.
        let text = format!("{} \u{200d}  ", "x".repeat(3997));
        let segs = segment(&text).segments;
        assert_eq!(segs.iter().map(|s| s.start).collect::<Vec<_>>(), vec![0, 2000, 3997]);
        let flags = "🇺🇦".repeat(300);
        for s in segment(&flags).segments {
            assert_eq!((s.end - s.start) % "🇺🇦".len(), 0, "cut between the two letters of a flag");
        }
    }

    #[test]
    fn empty_and_blank_texts_have_no_segments() {
        assert!(segment("").segments.is_empty());
        assert!(segment(" \n\t\r\n ").segments.is_empty());
    }
}
