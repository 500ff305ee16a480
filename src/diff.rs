//! Word-level diff of two matched segments, with `similar`. Words compare
//! by their normalised key, so a spelling variant (finalise/finalize) or a
//! change of quote style is not shown as a change; punctuation between
//! words is carried inside the ranges of the words around it.

use crate::matching::features::Word;
use crate::report::{DiffOp, DiffTag};
use crate::text::utf16::Utf16Cursor;
use similar::algorithms::{myers, Capture, Compact, Replace};

/// One side of a diff: a segment's words and where the segment starts.
pub struct Side<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Byte offset of the segment in the text.
    pub start: usize,
    /// The segment's words (byte offsets into the document text).
    pub words: &'a [Word],
}

impl Side<'_> {
    fn keys(&self) -> Vec<u32> {
        self.words.iter().map(|w| w.key).collect()
    }

    /// Byte range (relative to the segment) of words `from..to`; for an
    /// empty range, the position where words would be inserted.
    fn byte_range(&self, from: usize, to: usize) -> (usize, usize) {
        if from < to {
            (self.words[from].start as usize - self.start, self.words[to - 1].end as usize - self.start)
        } else if from < self.words.len() {
            let at = self.words[from].start as usize - self.start;
            (at, at)
        } else {
            let at = self.words.last().map_or(0, |w| w.end as usize - self.start);
            (at, at)
        }
    }
}

/// A diff operation over word indices, before conversion to UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordOp {
    /// What the operation does.
    pub tag: DiffTag,
    /// Word range in `a`.
    pub a: (usize, usize),
    /// Word range in `b`.
    pub b: (usize, usize),
}

/// The word-level diff of `a` and `b`, over word indices.
pub fn word_ops(a: &Side, b: &Side) -> Vec<WordOp> {
    let (ka, kb) = (a.keys(), b.keys());
    if ka == kb {
        // Verbatim matches, the most common kind, need no diff.
        return vec![WordOp { tag: DiffTag::Equal, a: (0, ka.len()), b: (0, kb.len()) }];
    }
    key_diff(&ka, &kb)
        .into_iter()
        .map(|op| {
            let (tag, ra, rb) = op.as_tag_tuple();
            let tag = match tag {
                similar::DiffTag::Equal => DiffTag::Equal,
                similar::DiffTag::Delete => DiffTag::Delete,
                similar::DiffTag::Insert => DiffTag::Insert,
                similar::DiffTag::Replace => DiffTag::Replace,
            };
            WordOp { tag, a: (ra.start, ra.end), b: (rb.start, rb.end) }
        })
        .collect()
}

/// The Myers diff of two word-key sequences, compacted and with
/// replacements, as `similar::capture_diff_slices` gives it. Every diff in
/// the crate goes through here: the generic entry points dispatch on the
/// algorithm at run time and so bring all six of `similar`'s algorithms
/// into the binary, about 60 KB gzipped of the widget's wasm.
pub fn key_diff(a: &[u32], b: &[u32]) -> Vec<similar::DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), a, b);
    let Ok(()) = myers::diff(&mut hook, a, 0..a.len(), b, 0..b.len());
    hook.into_inner().into_inner().into_ops()
}

/// Converts word ops into the report's UTF-16 ranges within each segment.
pub fn to_report(ops: &[WordOp], a: &Side, b: &Side, a_text: &str, b_text: &str) -> Vec<DiffOp> {
    let mut cursor_a = Utf16Cursor::new(a_text);
    let mut cursor_b = Utf16Cursor::new(b_text);
    ops.iter()
        .map(|op| {
            let (a0, a1) = a.byte_range(op.a.0, op.a.1);
            let (b0, b1) = b.byte_range(op.b.0, op.b.1);
            DiffOp {
                op: op.tag,
                a: [cursor_a.utf16_offset(a0), cursor_a.utf16_offset(a1)],
                b: [cursor_b.utf16_offset(b0), cursor_b.utf16_offset(b1)],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::features::{words_of, Vocabulary};

    fn side<'a>(text: &'a str, words: &'a [Word]) -> Side<'a> {
        Side { text, start: 0, words }
    }

    #[test]
    fn ranges_are_utf16_and_variants_are_equal() {
        let mut vocab = Vocabulary::default();
        let mut scratch = String::new();
        let a_text = "“We finalise 176 drones,” Zelenskyy wrote.";
        let b_text = "\"We finalize 177 drones,\" Zelenskiy said.";
        let (mut wa, mut wb) = (Vec::new(), Vec::new());
        words_of(a_text, 0, a_text.len(), &mut vocab, &mut wa, &mut scratch);
        words_of(b_text, 0, b_text.len(), &mut vocab, &mut wb, &mut scratch);
        let (a, b) = (side(a_text, &wa), side(b_text, &wb));
        let ops = to_report(&word_ops(&a, &b), &a, &b, a_text, b_text);
        let a16: Vec<u16> = a_text.encode_utf16().collect();
        let b16: Vec<u16> = b_text.encode_utf16().collect();
        let show = |v: &[u16], r: [usize; 2]| String::from_utf16(&v[r[0]..r[1]]).unwrap();
        let described: Vec<(DiffTag, String, String)> =
            ops.iter().map(|o| (o.op, show(&a16, o.a), show(&b16, o.b))).collect();
        assert_eq!(
            described,
            vec![
                (DiffTag::Equal, "We finalise".into(), "We finalize".into()),
                (DiffTag::Replace, "176".into(), "177".into()),
                (DiffTag::Equal, "drones,” Zelenskyy".into(), "drones,\" Zelenskiy".into()),
                (DiffTag::Replace, "wrote".into(), "said".into()),
            ]
        );
    }
}
