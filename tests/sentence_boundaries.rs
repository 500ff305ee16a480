//! Sentence boundaries beyond news text: the project's own cases
//! (`tests/fixtures/sbd/boundary_cases.json`) for inline lists, spaced
//! ellipses, abbreviations before figures, missing spaces after a full stop,
//! addresses, quotes and brackets, a time before a title, and the
//! conventions of articles in other European languages (ordinals such as
//! `am 14. März`, `„…“` and `« … »`, `z. B.`). Each case must split
//! exactly as written.

use article_compare::{segment_text, Options};

#[test]
fn boundary_cases_split_as_expected() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sbd/boundary_cases.json");
    let cases: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("cases")).expect("JSON");
    let cases = cases.as_array().expect("a list");
    assert!(cases.len() >= 54, "the case file lost cases");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let text = case["text"].as_str().expect("text");
            let got: Vec<String> =
                segment_text(text, &Options::default()).into_iter().map(|s| s.text.trim().to_string()).collect();
            let expected: Vec<String> = case["expected"]
                .as_array()
                .expect("expected")
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            (got != expected)
                .then(|| format!("[{}] {text:?}\n  got      {got:?}\n  expected {expected:?}", case["class"]))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases split wrongly:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
