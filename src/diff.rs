//! Word-level diff of two matched segments, with `similar`. Words compare
//! by their normalised key, so a spelling variant (finalise/finalize) or a
//! change of quote style is not shown as a change; punctuation between
//! words is carried inside the ranges of the words around it.

use crate::error::Error;
use crate::lcs::SuffixLcs;
use crate::limits::check_input;
use crate::matching::features::{words_of, Vocabulary, Word};
use crate::report::{DiffOp, DiffTag};
use crate::text::hash::FastMap;
use crate::text::normalize::word_key;
use crate::text::utf16::Utf16Cursor;
use similar::algorithms::{myers, Capture, Compact, DiffHook, Replace};

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
            (self.words[from].start as usize - self.start, self.words[to - 1].end() as usize - self.start)
        } else if from < self.words.len() {
            let at = self.words[from].start as usize - self.start;
            (at, at)
        } else {
            let at = self.words.last().map_or(0, |w| w.end() as usize - self.start);
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
    key_ops(&a.keys(), &b.keys())
}

/// The diff a report carries for a match whose sides are `a` and `b`, given
/// their diff `ops`. Names the comparison made one key because their
/// transliterations agree (`Gritsenko`, `Hrytsenko`) are compared by their
/// own spelling here, as [`word_diff`] compares them: whether they are
/// names depends on every document, and the diff must be the same when
/// made again from the two sentences alone.
pub fn report_diff(
    ops: &[WordOp],
    (a, a_text): (&Side, &str),
    (b, b_text): (&Side, &str),
    vocabulary: &Vocabulary,
) -> Vec<DiffOp> {
    let merged = |side: &Side| side.words.iter().any(|w| vocabulary.merged[w.key as usize]);
    if !merged(a) && !merged(b) {
        return to_report(ops, a, b, a_text, b_text);
    }
    // Each spelling of a merged name gets a key of its own, above the
    // comparison's (as many as the two sentences have words at most).
    let mut own: FastMap<String, u32> = FastMap::default();
    let mut scratch = String::new();
    let mut keys = |side: &Side| -> Vec<u32> {
        let mut keys = side.keys();
        for (key, w) in keys.iter_mut().zip(side.words).filter(|(_, w)| vocabulary.merged[w.key as usize]) {
            word_key(&side.text[w.start as usize..w.end() as usize], &mut scratch);
            let next = u32::MAX - own.len() as u32;
            *key = *own.entry(std::mem::take(&mut scratch)).or_insert(next);
        }
        keys
    };
    let (ka, kb) = (keys(a), keys(b));
    to_report(&key_ops(&ka, &kb), a, b, a_text, b_text)
}

fn key_ops(ka: &[u32], kb: &[u32]) -> Vec<WordOp> {
    if ka == kb {
        // Verbatim matches, the most common kind, need no diff.
        return vec![WordOp { tag: DiffTag::Equal, a: (0, ka.len()), b: (0, kb.len()) }];
    }
    key_diff(ka, kb)
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

/// Largest table (cells) for [`lcs_walk`]; longer middles go to Myers. The
/// bit table takes a machine word per 64 cells, so a whole segment fits
/// (2,000 bytes: up to a thousand words a side); Myers is left for pairs
/// of punctuation runs, which count a word per mark.
const MAX_TABLE: usize = 1 << 20;

/// One step of an in-order alignment of two sequences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next items of both sides are paired.
    Pair,
    /// The next item of the first side is left out.
    SkipA,
    /// The next item of the second side is left out.
    SkipB,
}

/// Walks a longest common subsequence of `a` and `b` from the start,
/// calling `step` for each step: the common start and end are paired
/// directly, the middle (short in sentences that match) through a table of
/// longest common subsequences. Where leaving out an item of either side
/// keeps a longest one, `first` (`SkipA` or `SkipB`) says which. Returns
/// false, having called nothing, when the middle is too long for the table.
pub fn lcs_walk(a: &[u32], b: &[u32], first: Step, mut step: impl FnMut(Step)) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if ma.len() * mb.len() > MAX_TABLE {
        return false;
    }
    (0..prefix).for_each(|_| step(Step::Pair));
    let lcs = SuffixLcs::new(ma, mb);
    let (mut i, mut j) = (0, 0);
    while i < ma.len() && j < mb.len() {
        if ma[i] == mb[j] {
            step(Step::Pair);
            i += 1;
            j += 1;
        } else {
            let (without_a, without_b) = (lcs.get(i + 1, j), lcs.get(i, j + 1));
            if without_a > without_b || (without_a == without_b && first == Step::SkipA) {
                step(Step::SkipA);
                i += 1;
            } else {
                step(Step::SkipB);
                j += 1;
            }
        }
    }
    (i..ma.len()).for_each(|_| step(Step::SkipA));
    (j..mb.len()).for_each(|_| step(Step::SkipB));
    (0..suffix).for_each(|_| step(Step::Pair));
    true
}

/// The diff of two word-key sequences, compacted and with replacements,
/// through `similar`'s hooks. Sentence-sized pairs are aligned by
/// [`lcs_walk`]: matched sentences are often mostly different (partial
/// matches), where Myers explores most of its edit graph, several times
/// over; it was the costliest step of the report, and the table takes 10%
/// of the instructions off a whole comparison. Both find a longest common
/// subsequence; where there are several they may pick another. Longer pairs
/// go to `similar`'s Myers, called directly: the generic entry points
/// dispatch on the algorithm at run time and so bring all six of
/// `similar`'s algorithms into the binary, about 60 KB gzipped of the
/// widget's wasm. Its raw search, not the default one: the default first
/// reduces both sequences through a hash table and bounds the search
/// Git-style, which brings a second copy of the search and 8.8 KB gzipped
/// into the widget; the bound is not needed, as a segment holds at most
/// [`crate::segment::MAX_SEGMENT_BYTES`] of text, and the raw search finds
/// a shortest edit script.
pub fn key_diff(a: &[u32], b: &[u32]) -> Vec<similar::DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), a, b);
    let mut runs = Runs::default();
    // Deletions before insertions, as `similar`'s own diffs have them.
    if lcs_walk(a, b, Step::SkipA, |step| runs.step(step, &mut hook)) {
        runs.flush(&mut hook);
        let Ok(()) = hook.finish();
    } else {
        let Ok(()) = myers::diff_deadline_raw(&mut hook, a, 0..a.len(), b, 0..b.len(), None);
    }
    hook.into_inner().into_inner().into_ops()
}

/// Turns the steps of [`lcs_walk`] into runs for a diff hook: paired items
/// as one `equal`, each stretch between them as one `delete` and one
/// `insert`.
#[derive(Default)]
struct Runs {
    /// Where the pending run starts in each sequence.
    at: (usize, usize),
    /// The pending run: paired items, or items left out of each side.
    paired: usize,
    skipped: (usize, usize),
}

impl Runs {
    fn step(&mut self, step: Step, hook: &mut impl DiffHook<Error = std::convert::Infallible>) {
        match step {
            Step::Pair => {
                if self.skipped != (0, 0) {
                    self.flush(hook);
                }
                self.paired += 1;
            }
            Step::SkipA | Step::SkipB => {
                if self.paired > 0 {
                    self.flush(hook);
                }
                if step == Step::SkipA {
                    self.skipped.0 += 1;
                } else {
                    self.skipped.1 += 1;
                }
            }
        }
    }

    fn flush(&mut self, hook: &mut impl DiffHook<Error = std::convert::Infallible>) {
        let (i, j) = self.at;
        let (da, db) = self.skipped;
        if self.paired > 0 {
            let Ok(()) = hook.equal(i, j, self.paired);
        }
        if da > 0 {
            let Ok(()) = hook.delete(i, da, j);
        }
        if db > 0 {
            let Ok(()) = hook.insert(i + da, j, db);
        }
        self.at = (i + self.paired + da, j + self.paired + db);
        self.paired = 0;
        self.skipped = (0, 0);
    }
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

/// The word-level diff from segment text `a` to segment text `b`, as a
/// match between them carries it in a report (ranges in UTF-16 code units
/// of each text): for a report made without its diffs (see
/// [`Options::include_diffs`](crate::Options::include_diffs)), the diff of
/// the one match a reader looks at. Refuses texts over the limit of a
/// comparison ([`MAX_TOTAL_BYTES`](crate::limits::MAX_TOTAL_BYTES) together).
pub fn word_diff(a: &str, b: &str) -> Result<Vec<DiffOp>, Error> {
    check_input(&[a.len(), b.len()])?;
    // A word's key depends on its spelling alone, so the two texts read
    // apart give the keys they have inside their documents.
    let (mut vocabulary, mut scratch) = (Vocabulary::default(), String::new());
    let (mut words_a, mut words_b) = (Vec::new(), Vec::new());
    words_of(a, 0, a.len(), &mut vocabulary, &mut words_a, &mut scratch);
    words_of(b, 0, b.len(), &mut vocabulary, &mut words_b, &mut scratch);
    let (sa, sb) = (Side { text: a, start: 0, words: &words_a }, Side { text: b, start: 0, words: &words_b });
    Ok(to_report(&word_ops(&sa, &sb), &sa, &sb, a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Length of a longest common subsequence, by the textbook table.
    fn lcs_length(a: &[u32], b: &[u32]) -> usize {
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..a.len() {
            for j in 0..b.len() {
                table[i + 1][j + 1] = if a[i] == b[j] { table[i][j] + 1 } else { table[i][j + 1].max(table[i + 1][j]) };
            }
        }
        table[a.len()][b.len()]
    }

    #[test]
    fn diffs_cover_both_sides_and_pair_a_longest_common_subsequence() {
        // Short pairs go through the table, long ones through Myers.
        let mut state = 11u64;
        let mut word = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 61) as u32
        };
        for (n, m) in [(0, 5), (12, 9), (30, 30), (200, 150)] {
            let a: Vec<u32> = (0..n).map(|_| word()).collect();
            let b: Vec<u32> = (0..m).map(|_| word()).collect();
            let ops = key_diff(&a, &b);
            let (mut i, mut j, mut paired) = (0, 0, 0);
            for op in &ops {
                let (_, ra, rb) = op.as_tag_tuple();
                assert_eq!((ra.start, rb.start), (i, j), "{n}×{m}: ops in order, without gaps");
                if op.tag() == similar::DiffTag::Equal {
                    assert_eq!(a[ra.clone()], b[rb.clone()]);
                    paired += ra.len();
                }
                (i, j) = (ra.end, rb.end);
            }
            assert_eq!((i, j), (n, m));
            assert_eq!(paired, lcs_length(&a, &b), "{n}×{m}");
        }
    }

    #[test]
    fn where_either_side_may_give_way_the_walk_says_which() {
        let steps = |first: Step| {
            let mut steps = Vec::new();
            assert!(lcs_walk(&[1, 2], &[2, 1], first, |s| steps.push(s)));
            steps
        };
        assert_eq!(steps(Step::SkipA), [Step::SkipA, Step::Pair, Step::SkipB]);
        assert_eq!(steps(Step::SkipB), [Step::SkipB, Step::Pair, Step::SkipA]);
        // The report's diffs delete before they insert.
        let ops = key_diff(&[1, 2], &[2, 1]);
        assert_eq!(ops.iter().map(|op| op.tag()).collect::<Vec<_>>(), {
            use similar::DiffTag::*;
            [Delete, Equal, Insert]
        });
    }
}
