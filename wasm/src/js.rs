//! What the two wasm modules (this one and `wasm-formats`, which includes
//! this file) hand to JavaScript: results as plain objects, and errors as
//! `ArticleCompareError`s with a `kind` and the `field` at fault.

use article_compare::Error;
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object (maps as objects, as JSON would have them).
pub fn to_plain<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &format!("could not return the result: {e}"), None))
}

/// The core's `error` as a JS error, its message naming the field.
pub fn error_to_js(error: &Error) -> JsValue {
    js_error(error.kind.as_str(), &error.to_string(), error.field.as_deref())
}

/// An `Error` named `ArticleCompareError` with `kind` and `field` (null when none).
pub fn js_error(kind: &str, message: &str, field: Option<&str>) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("ArticleCompareError");
    let field = field.map_or(JsValue::NULL, JsValue::from_str);
    // Setting a property on a fresh Error object cannot fail; if it somehow
    // did, the error would still carry its message.
    let _ = Reflect::set(&error, &JsValue::from_str("kind"), &JsValue::from_str(kind));
    let _ = Reflect::set(&error, &JsValue::from_str("field"), &field);
    error.into()
}
