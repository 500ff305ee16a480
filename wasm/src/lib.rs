//! WebAssembly bindings of article-compare: the core's `compare` and
//! `segment` for JavaScript, taking and returning plain objects.
//!
//! Bad input never panics across the boundary: it is rejected with a JS
//! `Error` whose `name` is `ArticleCompareError`, whose `kind` is a stable
//! name (`invalid_input`, `invalid_option`, `too_few_documents`,
//! `too_large`) and whose `field` names the input at fault
//! (`articles[1].text`, `options.strictness`).

mod handover;
mod js;

use article_compare::report::SourceInfo;
use article_compare::{Document, Embeddings, Error, ErrorKind, Options, Progress};
use js::to_plain;
use js_sys::Reflect;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Talc rather than Rust's default dlmalloc: smaller in the widget, as fast
// (see wasm/Cargo.toml). Memory grows as it asks; `reserve_memory` still
// grows it in one step, and freed memory stays with the allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// Page code can hand over objects whose reading runs code of its own
// (getters, proxies). An exception thrown there must come back as an error,
// never unwind through the wasm: unwinding skips the wasm's own clean-up
// (its stack pointer above all), and after about 1,300 such exceptions an
// instance broke for good. So every read of a caller's object goes through
// an import that catches (these, and js_sys's `Reflect`).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

// The API's types come from the report model: www/widget/report.d.ts is
// generated from src/report.rs (scripts/report-types.mjs).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type { DiffOp, Options, Report, SegmentSpan, SourceInfo } from '../widget/report.js';
export type { DiffOp, Options, Report, SegmentSpan, SourceInfo };
/** An article to compare; `source` as the formats module's `extract` returns it. */
export interface Article { name?: string; text: string; source?: SourceInfo }
/** Progress of a comparison: `done` from 0 to 1, and the stage. */
export type Stage = 'reading' | 'indexing' | 'scoring' | 'grouping' | 'diffing' | 'reporting';
"#;

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
    article_compare::count_words(text) as u32
}

/// The semantic signal's sketch, once loaded: it lives as long as the page.
static EMBEDDINGS: OnceLock<Embeddings> = OnceLock::new();

/// The loaded sketch, if this build reads one (feature `semantic`: the
/// app's build; the widget's, built for size, matches on words alone).
fn embeddings() -> Option<&'static Embeddings> {
    if cfg!(feature = "semantic") {
        EMBEDDINGS.get()
    } else {
        None
    }
}

/// Loads the semantic signal's sketch (`minilm-signs.bin`, built next to
/// this module) from its bytes; comparisons after it use it, and before it
/// match on words alone. Loading it again changes nothing. Rejects bytes
/// that are not such a sketch with an `ArticleCompareError` of kind
/// `unsupported_format`, and any sketch in a build without the semantic
/// signal (the widget's) with one of kind `unsupported`.
#[wasm_bindgen(js_name = loadEmbeddings)]
pub fn load_embeddings(bytes: &[u8]) -> Result<(), JsValue> {
    if !cfg!(feature = "semantic") {
        return Err(js::js_error("unsupported", "this build of article-compare matches on words alone", None));
    }
    if EMBEDDINGS.get().is_none() {
        let sketch = Embeddings::from_bytes(bytes).map_err(to_js)?;
        let _ = EMBEDDINGS.set(sketch);
    }
    Ok(())
}

/// The name of the loaded semantic sketch (`minilm-signs-128/1`), or `null`.
#[wasm_bindgen(js_name = semanticModel, unchecked_return_type = "string | null")]
pub fn semantic_model() -> JsValue {
    embeddings().map_or(JsValue::NULL, |e| JsValue::from_str(&e.name()))
}

/// Compares two or more articles, given as `[{name, text, source?}]` (the
/// `source` that the formats module's `extract` returns, if any), with options
/// `{strictness, detect_boilerplate, word_diffs, include_diffs, focus}`
/// (all optional). Returns the report as a plain object; offsets in it are
/// UTF-16 code units.
///
/// `on_progress`, if a function, is called as `on_progress(done, stage)`
/// while the comparison runs: `done` from 0 to 1, `stage` one of
/// `reading`, `indexing`, `scoring`, `grouping`, `diffing`, `reporting`
/// (each stage as it starts, then at most once per percent). With the
/// semantic sketch loaded ([`load_embeddings`]) the report's
/// `semantic_model` names it.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Article[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options>")] options: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "(done: number, stage: Stage) => void")] on_progress: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (options, on_progress) = (options.unwrap_or(JsValue::UNDEFINED), on_progress.unwrap_or(JsValue::UNDEFINED));
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
    let report = article_compare::compare_with_embeddings(&documents, &options, embeddings(), &mut report_progress)
        .map_err(to_js)?;
    handover::report_to_js(&report, documents.iter().map(|d| d.text.as_str()))
}

/// Least memory a comparison takes per byte of text (measured with this
/// reservation switched off: 8.3 for two 10 MB texts on words alone, 9.4
/// with the semantic signal; 13.5 for two 1 MB texts). Reserving
/// a little more than the least is cheaper than reserving less: the large
/// arrays then fit in the reserved block, where memory grown piecemeal past
/// it ends higher (11 gave 249 MiB on a 10 MB pair that needed 11.6).
#[cfg(target_arch = "wasm32")]
const MEMORY_PER_TEXT_BYTE: usize = 10;

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
#[wasm_bindgen(unchecked_return_type = "SegmentSpan[]")]
pub fn segment(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options>")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let text = text.as_string().ok_or_else(|| invalid("text must be a string", "text"))?;
    let options = options_from(&options)?;
    to_plain(&article_compare::segment_text(&text, &options))
}

/// The word-level diff from segment text `a` to segment text `b`:
/// `[{op, a: [start, end], b: [start, end]}]`, ranges in UTF-16 code units
/// of each text. It is the `diff` a match between the two segments carries
/// in a report, for a report made with `include_diffs: false`.
#[wasm_bindgen(js_name = wordDiff, unchecked_return_type = "DiffOp[]")]
pub fn word_diff(
    #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let a = a.as_string().ok_or_else(|| invalid("a must be a string", "a"))?;
    let b = b.as_string().ok_or_else(|| invalid("b must be a string", "b"))?;
    to_plain(&article_compare::word_diff(&a, &b).map_err(to_js)?)
}

fn documents(articles: &JsValue) -> Result<Vec<Document>, JsValue> {
    let not_array = || invalid("articles must be an array of {name, text} objects", "articles");
    if !is_array(articles).map_err(|e| unreadable(&e, "articles"))? {
        return Err(not_array());
    }
    let length = read(articles, "length", "articles")?.as_f64().ok_or_else(not_array)?;
    // Checked before reading them: a proxy may claim any length.
    article_compare::limits::check_document_count(length as usize).map_err(to_js)?;
    (0..length as u32)
        .map(|i| {
            let at = format!("articles[{i}]");
            let article = Reflect::get_u32(articles, i).map_err(|e| unreadable(&e, &at))?;
            if !article.is_object() {
                return Err(invalid("each article must be an object {name, text}", &at));
            }
            let text = read(&article, "text", &format!("{at}.text"))?
                .as_string()
                .ok_or_else(|| invalid("the article's text must be a string", &format!("{at}.text")))?;
            let name = read(&article, "name", &format!("{at}.name"))?;
            let name = if name.is_undefined() || name.is_null() {
                String::new()
            } else {
                name.as_string().ok_or_else(|| invalid("the article's name must be a string", &format!("{at}.name")))?
            };
            let name = if name.trim().is_empty() { format!("Article {}", i + 1) } else { name };
            let document = Document::new(name, text);
            // How the app read the article from a file (formats' `extract`),
            // carried unchanged into the report.
            let source = read(&article, "source", &format!("{at}.source"))?;
            if source.is_undefined() || source.is_null() {
                return Ok(document);
            }
            let source = plain_data(&source, &format!("{at}.source"))?;
            let source = source_info(&source).filter(|_| source.is_object()).ok_or_else(|| {
                invalid("the article's source is not what extract() returns", &format!("{at}.source"))
            })?;
            Ok(document.with_source(source))
        })
        .collect()
}

fn options_from(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let invalid_option =
        |message: String, field: String| to_js(Error::new(ErrorKind::InvalidOption, message).with_field(field));
    if !options.is_object() {
        return Err(invalid_option("options must be an object".into(), "options".into()));
    }
    // Read by hand, as the source is, and a misspelt field refused: serde's
    // reading would bring float formatting (for its error messages) into
    // the widget's wasm, about 5 KB gzipped.
    let keys = Reflect::own_keys(options).map_err(|e| unreadable(&e, "options"))?;
    let mut parsed = Options::default();
    for key in keys.iter() {
        // Symbols are no options.
        let Some(key) = key.as_string() else { continue };
        let field = format!("options.{key}");
        let value = read(options, &key, &field)?;
        if value.is_undefined() && Options::FIELDS.contains(&key.as_str()) {
            continue;
        }
        let wrong = |what: &str| invalid_option(format!("{key} must be {what}"), field.clone());
        parsed = match key.as_str() {
            "strictness" => parsed.with_strictness(value.as_f64().ok_or_else(|| wrong("a number"))?),
            "detect_boilerplate" => {
                parsed.with_boilerplate_detection(value.as_bool().ok_or_else(|| wrong("true or false"))?)
            }
            "word_diffs" => parsed.with_word_diffs(value.as_bool().ok_or_else(|| wrong("true or false"))?),
            "include_diffs" => parsed.with_diffs_included(value.as_bool().ok_or_else(|| wrong("true or false"))?),
            "focus" if value.is_null() => parsed.with_focus(None),
            "focus" => parsed.with_focus(Some(count(&value).ok_or_else(|| wrong("an article's index or null"))?)),
            _ => {
                let message = format!("unknown option '{key}' (known: {})", Options::FIELDS.join(", "));
                return Err(invalid_option(message, field));
            }
        };
    }
    parsed.validate().map_err(to_js)?;
    Ok(parsed)
}

/// `value` as a count or an index: a whole number from 0 up, exact as a
/// JS number.
fn count(value: &JsValue) -> Option<usize> {
    let n = value.as_f64()?;
    (n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0).then_some(n as usize)
}

/// How the formats module's `extract` read an article (its `source`), read
/// field by field from a plain data copy; `None` for anything else.
fn source_info(source: &JsValue) -> Option<SourceInfo> {
    let string = |value: JsValue| value.as_string();
    let text = |value: JsValue| if value.is_null() { Some(None) } else { value.as_string().map(Some) };
    let mut info = SourceInfo::default();
    for key in Reflect::own_keys(source).ok()?.iter() {
        let value = Reflect::get(source, &key).ok()?;
        if value.is_undefined() {
            continue;
        }
        match key.as_string()?.as_str() {
            "format" => info.format = string(value)?,
            "encoding" => info.encoding = string(value)?,
            "extraction" => info.extraction = string(value)?,
            "title" => info.title = text(value)?,
            "byline" => info.byline = text(value)?,
            "date" => info.date = text(value)?,
            "url" => info.url = text(value)?,
            "dropped" => {
                for key in Reflect::own_keys(&value).ok()?.iter() {
                    let n = count(&Reflect::get(&value, &key).ok()?)?;
                    match key.as_string()?.as_str() {
                        "blocks" => info.dropped.blocks = n,
                        "characters" => info.dropped.characters = n,
                        _ => return None,
                    }
                }
            }
            _ => return None,
        }
    }
    Some(info)
}

/// Property `key` of the caller's `object`; `field` names it in the error
/// if reading it throws.
fn read(object: &JsValue, key: &str, field: &str) -> Result<JsValue, JsValue> {
    Reflect::get(object, &JsValue::from_str(key)).map_err(|e| unreadable(&e, field))
}

/// A copy of `value` as plain data (through JSON), which no code of the
/// caller's runs when it is read.
fn plain_data(value: &JsValue, field: &str) -> Result<JsValue, JsValue> {
    let json = js_sys::JSON::stringify(value).map_err(|e| unreadable(&e, field))?;
    // A function or a symbol has no JSON (stringify gives undefined): no data.
    let Some(json) = json.as_string() else { return Ok(JsValue::UNDEFINED) };
    js_sys::JSON::parse(&json).map_err(|e| unreadable(&e, field))
}

/// The error for an input whose reading threw `exception`.
fn unreadable(exception: &JsValue, field: &str) -> JsValue {
    // Read through Reflect too: even the exception may be a proxy.
    let message = if exception.is_object() {
        Reflect::get(exception, &JsValue::from_str("message")).ok().and_then(|m| m.as_string())
    } else {
        exception.as_string()
    };
    let reason = message.unwrap_or_else(|| "an exception".into());
    invalid(&format!("reading it threw: {reason}"), field)
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
