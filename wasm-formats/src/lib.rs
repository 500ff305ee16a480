//! WebAssembly bindings of article-compare's format readers: `extract`
//! turns the bytes of a dropped or pasted file (a saved web page, a Word
//! document, Markdown, text in any encoding) into the text to compare.
//!
//! A module of its own, separate from the compare module, because the
//! readers (an HTML parser, a zip inflater, encoding tables) weigh more
//! than the comparison: the app loads it only when a file that is not plain
//! UTF-8 text arrives.
//!
//! Refusals never panic across the boundary: they are thrown as a JS
//! `Error` whose `name` is `ArticleCompareError`, whose `kind` is a stable
//! name (`unsupported_format`, `empty_file`, `too_large`, `invalid_input`)
//! and whose message names the file and says what to do.

#[path = "../../wasm/src/js.rs"]
mod js;

use article_compare::formats::{self, MAX_INPUT_BYTES};
use article_compare::{Error, ErrorKind, Report, SourceInfo};
use js::to_plain;
use js_sys::Uint8Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Logs Rust panics to the console with their message, once per instance.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The version of article-compare.
#[wasm_bindgen]
pub fn version() -> String {
    article_compare::VERSION.to_string()
}

/// The largest file `extract` reads, in bytes: check `file.size` against
/// it before reading a file into memory.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> f64 {
    MAX_INPUT_BYTES as f64
}

/// What `extract` returns.
#[derive(Serialize)]
struct Extracted<'a> {
    text: &'a str,
    source: &'a SourceInfo,
}

/// Reads a file's bytes (`Uint8Array`) named `name` (its file name, which
/// helps to tell the format; may be empty for a paste) and returns
/// `{text, source}`: the text to compare and how it was read
/// (`{format, encoding, extraction, title, byline, date, dropped: {blocks,
/// characters}}`, the report's `source`).
#[wasm_bindgen]
pub fn extract(bytes: JsValue, name: JsValue) -> Result<JsValue, JsValue> {
    let bytes = bytes
        .dyn_into::<Uint8Array>()
        .map_err(|_| to_js(Error::new(ErrorKind::InvalidInput, "bytes must be a Uint8Array").with_field("bytes")))?;
    let name = if name.is_undefined() || name.is_null() {
        String::new()
    } else {
        name.as_string()
            .ok_or_else(|| to_js(Error::new(ErrorKind::InvalidInput, "name must be a string").with_field("name")))?
    };
    // Refused before the bytes are copied into the module's memory.
    formats::check_size(u64::from(bytes.length()), Some(display(&name))).map_err(to_js)?;
    let extracted = formats::extract(&bytes.to_vec(), Some(display(&name))).map_err(to_js)?;
    to_plain(&Extracted { text: &extracted.text, source: &extracted.source })
}

/// The report as a self-contained web page, the one the command line's
/// `--html` writes: `report_json` is the report as `JSON.stringify` gives
/// it, `texts` the articles' texts in the report's order (they tell where
/// paragraphs break). The same report gives the same bytes here and there.
#[wasm_bindgen(js_name = reportPage)]
pub fn report_page(
    report_json: &str,
    #[wasm_bindgen(unchecked_param_type = "string[]")] texts: JsValue,
) -> Result<String, JsValue> {
    let invalid = |message: String, field: &str| to_js(Error::new(ErrorKind::InvalidInput, message).with_field(field));
    let report: Report =
        serde_json::from_str(report_json).map_err(|e| invalid(format!("not a report: {e}"), "report"))?;
    let texts: Vec<String> = texts
        .dyn_into::<js_sys::Array>()
        .ok()
        .and_then(|array| array.iter().map(|t| t.as_string()).collect())
        .ok_or_else(|| invalid("texts must be an array of strings".into(), "texts"))?;
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(article_compare::report_page(&report, &texts))
}

/// The name used in messages: the file name, or "the pasted text".
fn display(name: &str) -> &str {
    if name.trim().is_empty() {
        "the pasted text"
    } else {
        name
    }
}

fn to_js(error: Error) -> JsValue {
    js::error_to_js(&error)
}
