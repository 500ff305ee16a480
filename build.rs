//! Generates the Unicode tables the comparison keys need, from the
//! `unicode-normalization` crate, so that the library (and its wasm) carries
//! only these few kilobytes instead of the crate's full normalisation data:
//!
//! - `fold_runs.bin` and `FOLD_STRINGS`: every character whose
//!   compatibility decomposition (NFKD) with combining marks removed and
//!   lower-cased differs from its plain lower case — accented letters,
//!   ligatures, full-width forms, superscripts — with that folded text;
//! - `MARKS`: the ranges of combining marks, as start/end pairs;
//! - `PUNCTUATION` and `FORMAT`: the ranges of general categories P (all
//!   punctuation) and Cf (invisible format characters), from the
//!   `unicode-general-category` crate, for the sentence encoder's tokeniser.

use std::fmt::Write as _;
use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Hangul syllables decompose algorithmically into jamo; comparing them as
/// syllables is what Korean readers expect, so they are left whole.
fn skipped(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A fold value: a single character, or (high bit set) the offset and
/// length of a longer text in the string table.
const LONG: u32 = 1 << 31;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut keys: Vec<u32> = Vec::new();
    let mut values: Vec<u32> = Vec::new();
    let mut strings = String::new();
    let mut marks: Vec<(u32, u32)> = Vec::new();
    let mut punctuation: Vec<(u32, u32)> = Vec::new();
    let mut format: Vec<(u32, u32)> = Vec::new();
    for cp in 0x80u32..=0x10FFFF {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let category = get_general_category(c);
        let is_punctuation = matches!(
            category,
            G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
        );
        if is_punctuation {
            extend_ranges(&mut punctuation, cp);
        }
        if category == G::Format {
            extend_ranges(&mut format, cp);
        }
        if is_combining_mark(c) {
            extend_ranges(&mut marks, cp);
            continue;
        }
        if skipped(c) {
            continue;
        }
        let folded: String =
            c.to_string().nfkd().filter(|&d| !is_combining_mark(d)).flat_map(char::to_lowercase).collect();
        let plain: String = c.to_lowercase().collect();
        if folded == plain || folded.is_empty() {
            continue;
        }
        let mut chars = folded.chars();
        let value = match (chars.next(), chars.next()) {
            (Some(single), None) => single as u32,
            _ => {
                let offset = strings.len() as u32;
                strings.push_str(&folded);
                LONG | (folded.len() as u32) << 24 | offset
            }
        };
        keys.push(cp);
        values.push(value);
    }
    // Runs of consecutive characters whose single-character folds are
    // consecutive too (full-width and mathematical alphabets) are stored as
    // one entry: the fold of `start + i` is `value + i`.
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    for (&key, &value) in keys.iter().zip(&values) {
        match runs.last_mut() {
            Some((start, len, first))
                if value & LONG == 0 && *first & LONG == 0 && key == *start + *len && value == *first + *len =>
            {
                *len += 1
            }
            _ => runs.push((key, 1, value)),
        }
    }
    let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("fold_runs.bin"), fold_runs(&runs)).expect("OUT_DIR is writable");
    let mut out = String::new();
    writeln!(out, "pub static FOLD_STRINGS: &str = {strings:?};").expect("writing to a String");
    for (name, ranges) in [("MARKS", &marks), ("PUNCTUATION", &punctuation), ("FORMAT", &format)] {
        let flat: Vec<u32> = ranges.iter().flat_map(|&(s, e)| [s, e]).collect();
        writeln!(out, "pub static {name}: [u32; {}] = [{}];", flat.len(), list(&flat)).expect("writing to a String");
    }
    std::fs::write(out_dir.join("unicode_tables.rs"), out).expect("OUT_DIR is writable");
    match_model();
}

/// The fold runs as LEB128 varints, column by column — the run count; each
/// length less one; each run's distance from the end of the one before;
/// each value, shifted left one bit, with a long value's string offset and
/// length (`offset << 7 | length`) marked by the low bit — which gzip packs
/// to a third of three `u32` arrays (6 KB against 18 KB in the widget's wasm).
fn fold_runs(runs: &[(u32, u32, u32)]) -> Vec<u8> {
    fn varint(out: &mut Vec<u8>, mut n: u32) {
        while n >= 0x80 {
            out.push(n as u8 | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    let mut out = Vec::new();
    varint(&mut out, runs.len() as u32);
    for &(_, len, _) in runs {
        varint(&mut out, len - 1);
    }
    let mut end = 0;
    for &(start, len, _) in runs {
        varint(&mut out, start - end);
        end = start + len;
    }
    for &(_, _, value) in runs {
        let encoded = if value & LONG == 0 {
            value << 1
        } else {
            let (offset, len) = (value & 0xFF_FFFF, (value & !LONG) >> 24);
            assert!(offset < 1 << 24 && len < 1 << 7, "fold strings fit the encoding");
            (offset << 7 | len) << 1 | 1
        };
        varint(&mut out, encoded);
    }
    out
}

/// The fitted models of `model/match-model.json` as Rust statics, so that
/// the library (and its wasm) carries numbers, not a JSON parser: for each
/// variant, each model's intercept and `(feature, weight)` pairs, and the
/// thresholds.
fn match_model() {
    println!("cargo:rerun-if-changed=model/match-model.json");
    let json = std::fs::read_to_string("model/match-model.json").expect("model/match-model.json is readable");
    let file: serde_json::Value = serde_json::from_str(&json).expect("model/match-model.json is JSON");
    let number = |v: &serde_json::Value, what: &str| {
        v.as_f64().unwrap_or_else(|| panic!("match-model.json: {what} is not a number"))
    };
    let logistic = |v: &serde_json::Value, what: &str| {
        let weights = v["weights"].as_object().unwrap_or_else(|| panic!("match-model.json: {what} has no weights"));
        let pairs: Vec<String> =
            weights.iter().map(|(k, w)| format!("({k:?}, {:?}f32)", number(w, k) as f32)).collect();
        format!(
            "Coefficients {{ intercept: {:?}f32, weights: &[{}] }}",
            number(&v["intercept"], what) as f32,
            pairs.join(", ")
        )
    };
    let mut out = String::new();
    for name in ["lexical", "semantic"] {
        let v = &file[name];
        writeln!(
            out,
            "pub static {}: Shipped = Shipped {{ pair: {}, context: {}, threshold: {:?}f32, kind: {}, kind_threshold: {:?}f32 }};",
            name.to_uppercase(),
            logistic(&v["pair"], "pair"),
            logistic(&v["context"], "context"),
            number(&v["threshold"], "threshold") as f32,
            logistic(&v["kind"], "kind"),
            number(&v["kind_threshold"], "kind_threshold") as f32,
        )
        .expect("writing to a String");
    }
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("match_model.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}

/// Adds `cp` to sorted ranges, extending the last one when `cp` follows it.
fn extend_ranges(ranges: &mut Vec<(u32, u32)>, cp: u32) {
    match ranges.last_mut() {
        Some((_, end)) if *end + 1 == cp => *end = cp,
        _ => ranges.push((cp, cp)),
    }
}
