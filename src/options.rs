//! The options of a comparison: one plain object, validated field by field.

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Serialize};

/// How to compare. Every field has a default; unknown fields are rejected.
/// Built from the default with the `with_…` methods (new fields may come):
///
/// ```
/// use article_compare::Options;
/// let options = Options::default().with_strictness(0.8).with_word_diffs(false);
/// assert!(options.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// How close two segments must be to count as sharing a passage, from
    /// 0 (loose: distant paraphrases and single shared facts count) to 1
    /// (strict: only verbatim and lightly edited sentences). Default 0.5.
    pub strictness: f64,
    /// Recognise page chrome (other stories' teasers, "Advertisement",
    /// "Top Stories"…) and leave it out of matching and of the shares.
    /// Default true; turn off for clean texts such as drafts.
    pub detect_boilerplate: bool,
    /// Compute the word-level diff and the discrepancies of every match.
    /// Default true; turning it off makes very large comparisons faster.
    pub word_diffs: bool,
    /// Carry each match's word diff in the report. Default true; off, the
    /// discrepancies are still found (with `word_diffs`) but every `diff`
    /// is left empty: the report is a quarter to a third smaller, for a
    /// reader who looks at a few matches. `word_diff` (`wordDiff` in
    /// JavaScript) gives a match's diff from its two segments' texts.
    pub include_diffs: bool,
    /// Index of the document the reader focuses on, when there are many:
    /// a report that must leave matches out (see
    /// [`MATCH_BUDGET`](crate::MATCH_BUDGET)) keeps all of this document's.
    /// Default none.
    pub focus: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { strictness: 0.5, detect_boilerplate: true, word_diffs: true, include_diffs: true, focus: None }
    }
}

impl Options {
    /// The names of the fields, as they appear in JSON.
    pub const FIELDS: &'static [&'static str] =
        &["strictness", "detect_boilerplate", "word_diffs", "include_diffs", "focus"];

    /// Checks every field's value; the error names the field.
    pub fn validate(&self) -> Result<(), Error> {
        if !self.strictness.is_finite() || !(0.0..=1.0).contains(&self.strictness) {
            return Err(Error::new(
                ErrorKind::InvalidOption,
                format!("strictness must be a number from 0 (loose) to 1 (strict), not {}", decimal(self.strictness)),
            )
            .with_field("options.strictness"));
        }
        Ok(())
    }

    /// These options with `strictness` (0 loose … 1 strict; see [`Options::validate`]).
    pub fn with_strictness(mut self, strictness: f64) -> Self {
        self.strictness = strictness;
        self
    }

    /// These options with page chrome recognised (true) or not.
    pub fn with_boilerplate_detection(mut self, detect: bool) -> Self {
        self.detect_boilerplate = detect;
        self
    }

    /// These options with word diffs and discrepancies computed (true) or not.
    pub fn with_word_diffs(mut self, word_diffs: bool) -> Self {
        self.word_diffs = word_diffs;
        self
    }

    /// These options with each match's word diff in the report (true) or
    /// left out (see [`Options::include_diffs`]).
    pub fn with_diffs_included(mut self, include: bool) -> Self {
        self.include_diffs = include;
        self
    }

    /// These options focused on document `focus` (an index into the documents).
    pub fn with_focus(mut self, focus: Option<usize>) -> Self {
        self.focus = focus;
        self
    }

    /// Named strictness levels, as the command line accepts them.
    pub fn strictness_from_name(name: &str) -> Option<f64> {
        match name {
            "loose" => Some(0.2),
            "normal" => Some(0.5),
            "strict" => Some(0.8),
            _ => None,
        }
    }
}

/// `x` to at most three decimals ("1.5", "-0.25", "2e300"), in integers:
/// float formatting would bring its tables into the widget's wasm for this
/// one message.
pub(crate) fn decimal(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "infinity"
        } else {
            "-infinity"
        }
        .into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    if x.abs() >= 1e12 {
        let exponent = x.abs().log10().floor();
        return format!("{sign}{}e{}", decimal(x.abs() / 10f64.powi(exponent as i32)), exponent as i32);
    }
    let thousandths = (x.abs() * 1000.0).round() as u64;
    let fraction = format!("{:03}", thousandths % 1000);
    match fraction.trim_end_matches('0') {
        "" => format!("{sign}{}", thousandths / 1000),
        fraction => format!("{sign}{}.{fraction}", thousandths / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert!(Options::default().validate().is_ok());
    }

    #[test]
    fn out_of_range_strictness_names_the_field() {
        for bad in [-0.1, 1.5, f64::NAN] {
            let err = Options { strictness: bad, ..Options::default() }.validate().unwrap_err();
            assert_eq!(err.kind, ErrorKind::InvalidOption);
            assert_eq!(err.field.as_deref(), Some("options.strictness"));
        }
    }

    #[test]
    fn out_of_range_strictness_is_shown_as_given() {
        for (bad, shown) in [
            (1.5, "1.5"),
            (-0.25, "-0.25"),
            (2.0, "2"),
            (f64::NAN, "NaN"),
            (2e300, "2e300"),
            (f64::NEG_INFINITY, "-infinity"),
        ] {
            let err = Options { strictness: bad, ..Options::default() }.validate().unwrap_err();
            assert!(err.message.ends_with(&format!("not {shown}")), "{}", err.message);
        }
    }

    #[test]
    fn field_names_match_the_json() {
        let json = serde_json::to_value(Options::default()).unwrap();
        let mut names: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut fields = Options::FIELDS.to_vec();
        names.sort_unstable();
        fields.sort_unstable();
        assert_eq!(names, fields);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err = serde_json::from_str::<Options>(r#"{"strictnes": 0.3}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `strictnes`"));
        let partial: Options = serde_json::from_str(r#"{"strictness": 0.3}"#).unwrap();
        assert_eq!(partial, Options { strictness: 0.3, ..Options::default() });
    }
}
