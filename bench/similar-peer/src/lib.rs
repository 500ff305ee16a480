//! The speed benchmark's peer (`bench/node.mjs`): what a Rust/wasm tool
//! could ship instead of article-compare — a plain in-order two-level diff
//! with `similar`, the crate the core uses for its word diffs. Sentences
//! are diffed with Myers, then the words of each changed pair of sentences.
//! No fuzzy matching, no moved passages, no roles, two documents.

use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};
use wasm_bindgen::prelude::*;

/// Diffs `a` and `b` sentence by sentence, then word by word inside the
/// sentences that changed; returns the number of word-level operations, so
/// that no step can be skipped as unused.
#[wasm_bindgen]
pub fn diff(a: &str, b: &str) -> u32 {
    let (sa, sb) = (sentences(a), sentences(b));
    let mut operations = 0;
    for op in capture_diff_slices(Algorithm::Myers, &sa, &sb) {
        if let DiffOp::Replace { old_index, old_len, new_index, new_len } = op {
            for (x, y) in sa[old_index..old_index + old_len].iter().zip(&sb[new_index..new_index + new_len]) {
                operations += TextDiff::from_words(*x, *y).ops().len() as u32;
            }
        } else {
            operations += 1;
        }
    }
    operations
}

/// `text` cut after each full stop, question or exclamation mark followed by
/// white space, and at line breaks: the plain rule such a tool would use.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        let end_mark = matches!(byte, b'.' | b'?' | b'!') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace);
        if byte == b'\n' || end_mark {
            let piece = text[start..=i].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_at_stops_and_lines() {
        assert_eq!(sentences("One. Two?\nThree! Four"), ["One.", "Two?", "Three!", "Four"]);
        assert_eq!(sentences("3.5 million. Next"), ["3.5 million.", "Next"]);
    }

    #[test]
    fn a_changed_sentence_is_diffed_word_by_word() {
        assert_eq!(diff("Same. Same too.", "Same. Same too."), 1);
        // One equal sentence, then a replaced one: its words' operations.
        assert!(diff("Same. Fourteen were hurt.", "Same. Seventeen were hurt.") > 2);
    }
}
