//! `compare` on 2 to 6 documents cut from the input at 0xFF bytes (never in
//! UTF-8; an input without one is compared with itself). Checked: the
//! report's invariants (as `tests/properties.rs` checks them), its JSON
//! round trip, and, for small inputs, that the matches do not depend on the
//! order of the documents.
#![no_main]

use article_compare::{compare, Document, Options};
use fuzz_checks::{check_json_round_trip, check_report, match_keys};
use libfuzzer_sys::fuzz_target;

/// Inputs up to this size are also compared in reverse order.
const ORDER_CHECK_BYTES: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let mut texts: Vec<String> = data.splitn(6, |&b| b == 0xFF).map(|t| String::from_utf8_lossy(t).into_owned()).collect();
    if texts.len() == 1 {
        texts.push(texts[0].clone());
    }
    let docs: Vec<Document> = texts.into_iter().enumerate().map(|(i, t)| Document::new(format!("doc{i}"), t)).collect();
    let report = compare(&docs, &Options::default()).expect("compare accepts any two or more documents");
    check_report(&docs, &report);
    check_json_round_trip(&report);
    if data.len() <= ORDER_CHECK_BYTES {
        let reversed: Vec<Document> = docs.iter().rev().cloned().collect();
        let last = docs.len() - 1;
        let again = compare(&reversed, &Options::default()).expect("compare accepts any two or more documents");
        assert_eq!(
            match_keys(&report, |i| i),
            match_keys(&again, |i| last - i),
            "the matches depend on the order of the documents"
        );
    }
});
