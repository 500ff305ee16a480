//! Inputs on which the fuzzers (fuzz/) found a panic, each kept as a test
//! once fixed. The texts are minimal forms of what libFuzzer saved.

use article_compare::{compare, segment_text, Document, Options};

/// Reading a clock time ("10:45 pm") sliced the two bytes after the colon,
/// which can be inside a character. Found by `segment`.
#[test]
fn a_colon_before_a_multibyte_character_is_not_a_clock_time() {
    for text in ["10:€5 pm", "Updated 10:\u{FFFD}\u{FFFD} pm", "1:é pm\nFire hits port."] {
        let segments = segment_text(text, &Options::default());
        assert!(!segments.is_empty(), "{text:?}");
        compare(&[Document::new("a", text), Document::new("b", "Fire hits port.")], &Options::default()).unwrap();
    }
}
