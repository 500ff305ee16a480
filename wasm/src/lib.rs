//! WebAssembly bindings of article-compare: the core's `compare` and
//! `segment` for JavaScript, taking and returning plain objects.
//!
//! Bad input never panics across the boundary: it is rejected with a JS
//! `Error` whose `name` is `ArticleCompareError`, whose `kind` is a stable
//! name (`invalid_input`, `invalid_option`, `too_few_documents`,
//! `too_large`) and whose `field` names the input at fault
//! (`articles[1].text`, `options.strictness`).

mod js;

use article_compare::report::SourceInfo;
use article_compare::{Document, Error, ErrorKind, Options, Progress};
use js::to_plain;
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Number of words and numbers in `text`, as the comparison counts them
/// (each ideograph of a Chinese or Japanese text is one).
#[wasm_bindgen(js_name = countWords)]
pub fn count_words(text: &str) -> u32 {
    article_compare::text::tokenize::count_words(text) as u32
}

/// Compares two or more articles, given as `[{name, text, source?}]` (the
/// `source` that the formats module's `extract` returns, if any), with options
/// `{strictness, detect_boilerplate, word_diffs}` (all optional). Returns
/// the report as a plain object; offsets in it are UTF-16 code units.
///
/// `on_progress`, if a function, is called as `on_progress(done, stage)`
/// while the comparison runs: `done` from 0 to 1, `stage` one of
/// `reading`, `indexing`, `scoring`, `grouping`, `diffing`, `reporting`
/// (each stage as it starts, then at most once per percent).
#[wasm_bindgen]
pub fn compare(articles: JsValue, options: JsValue, on_progress: JsValue) -> Result<JsValue, JsValue> {
    let documents = documents(&articles)?;
    let options = options_from(&options)?;
    reserve_memory(documents.iter().map(|d| d.text.len()).sum());
    let callback = on_progress.dyn_into::<js_sys::Function>().ok();
    let mut report_progress = |p: Progress| {
        if let Some(f) = &callback {
            let stage = serde_wasm_bindgen::to_value(&p.stage).unwrap_or(JsValue::UNDEFINED);
            // A failing callback must not stop the comparison.
            let _ = f.call2(&JsValue::NULL, &JsValue::from_f64(p.done), &stage);
        }
    };
    let report = article_compare::compare_with_progress(&documents, &options, &mut report_progress).map_err(to_js)?;
    to_plain(&report)
}

/// Least memory a comparison takes per byte of text (measured: 19 for two
/// 10 MB texts, 23 for two 1 MB texts).
const MEMORY_PER_TEXT_BYTE: usize = 16;

/// Grows the wasm memory in one step to what comparing `text_bytes` will
/// take at least. Grown piecemeal, as the allocator asks for it, V8 spent
/// most of the first comparison of two 10 MB texts growing memory (15 s
/// instead of 5). Memory already there is reused.
fn reserve_memory(text_bytes: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        const PAGE: usize = 65536;
        let wanted = text_bytes.saturating_mul(MEMORY_PER_TEXT_BYTE);
        let present = core::arch::wasm32::memory_size(0) * PAGE;
        if wanted > present {
            // Allocated and freed at once: the allocator keeps the pages. A
            // refusal is no error: the comparison then grows memory as it goes.
            let mut block = Vec::<u8>::new();
            if block.try_reserve_exact(wanted - present).is_ok() {
                std::hint::black_box(&mut block);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text_bytes;
}

/// The segments of `text` with their roles: `[{start, end, text, role}]`
/// (UTF-16 offsets).
#[wasm_bindgen]
pub fn segment(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = text.as_string().ok_or_else(|| invalid("text must be a string", "text"))?;
    let options = options_from(&options)?;
    to_plain(&article_compare::segment_text(&text, &options))
}

fn documents(articles: &JsValue) -> Result<Vec<Document>, JsValue> {
    if !Array::is_array(articles) {
        return Err(invalid("articles must be an array of {name, text} objects", "articles"));
    }
    Array::from(articles)
        .iter()
        .enumerate()
        .map(|(i, article)| {
            if !article.is_object() {
                return Err(invalid("each article must be an object {name, text}", &format!("articles[{i}]")));
            }
            let field = |name: &str| Reflect::get(&article, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            let text = field("text")
                .as_string()
                .ok_or_else(|| invalid("the article's text must be a string", &format!("articles[{i}].text")))?;
            let name = field("name");
            let name = if name.is_undefined() || name.is_null() {
                String::new()
            } else {
                name.as_string()
                    .ok_or_else(|| invalid("the article's name must be a string", &format!("articles[{i}].name")))?
            };
            let name = if name.trim().is_empty() { format!("Article {}", i + 1) } else { name };
            let document = Document::new(name, text);
            // How the app read the article from a file (formats' `extract`),
            // carried unchanged into the report.
            let source = field("source");
            if source.is_undefined() || source.is_null() {
                return Ok(document);
            }
            let source: SourceInfo = serde_wasm_bindgen::from_value(source)
                .map_err(|e| invalid(&format!("the article's source is not what extract() returns: {e}"), &format!("articles[{i}].source")))?;
            Ok(document.with_source(source))
        })
        .collect()
}

fn options_from(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(to_js(Error::new(ErrorKind::InvalidOption, "options must be an object").with_field("options")));
    }
    // serde-wasm-bindgen reads only the fields it knows; a misspelt one
    // must not be silently ignored.
    for key in js_sys::Object::keys(&js_sys::Object::from(options.clone())).iter() {
        let key = key.as_string().unwrap_or_default();
        if !Options::FIELDS.contains(&key.as_str()) {
            let known = Options::FIELDS.join(", ");
            let message = format!("unknown option '{key}' (known: {known})");
            return Err(to_js(Error::new(ErrorKind::InvalidOption, message).with_field(format!("options.{key}"))));
        }
    }
    let parsed: Options = serde_wasm_bindgen::from_value(options.clone())
        .map_err(|e| to_js(Error::new(ErrorKind::InvalidOption, e.to_string()).with_field("options")))?;
    parsed.validate().map_err(to_js)?;
    Ok(parsed)
}

fn invalid(message: &str, field: &str) -> JsValue {
    to_js(Error::new(ErrorKind::InvalidInput, message).with_field(field))
}

fn to_js(mut error: Error) -> JsValue {
    // The core calls them documents; this API takes `articles`.
    if let Some(field) = error.field.as_mut() {
        if let Some(rest) = field.strip_prefix("documents") {
            *field = format!("articles{rest}");
        }
    }
    js::error_to_js(&error)
}

