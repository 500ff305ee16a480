//! The learned decision "do these two segments share content?": two
//! logistic models whose coefficients `scripts/fit-match-model.py` fits on
//! the development data and writes to `model/match-model.json`, which the
//! library includes. The file also records what the fit was measured to do
//! (cross-validated, per held-out article set) and the checksums of the data
//! it was fitted on.
//!
//! The *pair* model reads one pair of segments ([`PAIR_FEATURES`]); the
//! *context* model reads the pair model's verdict together with how the pair
//! stands among the other candidates of the same two documents
//! ([`CONTEXT_FEATURES`]): whether it is each side's best, and whether the
//! neighbouring sentences match too. Of the pairs it links, the *kind*
//! model ([`KIND_FEATURES`]) tells those that say the same thing (edited or
//! paraphrased) from those that share only part of it. There is one set of
//! models for use with the semantic signal and one for without it.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The pair model's features, in the order [`Model::pair_logit`] takes them.
pub const PAIR_FEATURES: &[&str] = &[
    "cover_min",
    "cover_max",
    "dice",
    "shared_weight",
    "shared_content",
    "jaccard",
    "bigrams",
    "figures_shared",
    "figures_conflict",
    "length_ratio",
    "name_share",
    "cosine",
    "soft_min",
    "soft_max",
];

/// The context model's features, in the order [`Model::context_logit`] takes them.
/// Of the two sides, `best_gap` is the smaller distance (in log-odds) to
/// that side's best candidate, `best_rank` the better rank among them.
pub const CONTEXT_FEATURES: &[&str] = &["pair", "best_gap", "worst_gap", "best_rank", "worst_rank", "neighbour"];

/// The kind model's features, in the order [`Model::kind_logit`] takes them.
pub const KIND_FEATURES: &[&str] = &[
    "claims_cover_min",
    "claims_cover_max",
    "claims_dice",
    "content_dice",
    "figure_difference",
    "gap",
    "order",
    "length_ratio",
    "cosine",
    "soft_min",
];

/// Number of pair features.
pub const PAIR: usize = 14;
/// Number of context features.
pub const CONTEXT: usize = 6;
/// Number of kind features.
pub const KIND: usize = 10;

/// One logistic model as the file gives it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logistic {
    /// The log-odds at all-zero features.
    pub intercept: f32,
    /// A coefficient per feature name.
    pub weights: BTreeMap<String, f32>,
}

impl Logistic {
    fn ordered<const N: usize>(&self, names: &[&str]) -> Result<(f32, [f32; N]), String> {
        let mut out = [0.0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = *self.weights.get(*name).ok_or_else(|| format!("no weight for {name}"))?;
        }
        if let Some(extra) = self.weights.keys().find(|k| !names.contains(&k.as_str())) {
            return Err(format!("unknown feature {extra}"));
        }
        Ok((self.intercept, out))
    }
}

/// The models for one set of signals.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Variant {
    pair: Logistic,
    context: Logistic,
    /// Context log-odds at or above which a pair is linked at the default
    /// strictness.
    threshold: f32,
    kind: Logistic,
    /// Kind log-odds at or above which a linked pair is equivalent at the
    /// default strictness.
    kind_threshold: f32,
}

#[derive(Debug, Clone, Deserialize)]
struct File {
    semantic: Variant,
    lexical: Variant,
}

/// A fitted variant, with its coefficients in feature order.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    pair: (f32, [f32; PAIR]),
    context: (f32, [f32; CONTEXT]),
    kind: (f32, [f32; KIND]),
    /// Log-odds threshold of a link at the default strictness.
    pub threshold: f32,
    /// Log-odds threshold of an equivalent pair at the default strictness.
    pub kind_threshold: f32,
}

impl Model {
    /// The pair model's log-odds.
    pub fn pair_logit(&self, features: &[f32; PAIR]) -> f32 {
        self.pair.0 + self.pair.1.iter().zip(features).map(|(w, x)| w * x).sum::<f32>()
    }

    /// The context model's log-odds.
    pub fn context_logit(&self, features: &[f32; CONTEXT]) -> f32 {
        self.context.0 + self.context.1.iter().zip(features).map(|(w, x)| w * x).sum::<f32>()
    }

    /// The kind model's log-odds that a linked pair says the same thing.
    pub fn kind_logit(&self, features: &[f32; KIND]) -> f32 {
        self.kind.0 + self.kind.1.iter().zip(features).map(|(w, x)| w * x).sum::<f32>()
    }

    /// The fitted models, from `json` (the layout of `model/match-model.json`).
    pub fn parse(json: &str, semantic: bool) -> Result<Model, String> {
        let file: File = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let v = if semantic { file.semantic } else { file.lexical };
        Ok(Model {
            pair: v.pair.ordered(PAIR_FEATURES)?,
            context: v.context.ordered(CONTEXT_FEATURES)?,
            kind: v.kind.ordered(KIND_FEATURES)?,
            threshold: v.threshold,
            kind_threshold: v.kind_threshold,
        })
    }

    /// The models the library ships, with or without the semantic signal.
    pub fn shipped(semantic: bool) -> &'static Model {
        static MODELS: OnceLock<[Model; 2]> = OnceLock::new();
        let models = MODELS.get_or_init(|| {
            let parse = |s| {
                Model::parse(SHIPPED, s).unwrap_or_else(|e| panic!("model/match-model.json: {e} (checked by tests)"))
            };
            [parse(false), parse(true)]
        });
        &models[usize::from(semantic)]
    }
}

/// `model/match-model.json`, as fitted.
pub const SHIPPED: &str = include_str!("../../model/match-model.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_models_read_and_name_every_feature() {
        for semantic in [false, true] {
            Model::parse(SHIPPED, semantic).unwrap();
        }
        assert_eq!(PAIR_FEATURES.len(), PAIR);
        assert_eq!(CONTEXT_FEATURES.len(), CONTEXT);
        assert_eq!(KIND_FEATURES.len(), KIND);
    }

    #[test]
    fn a_missing_or_unknown_feature_is_an_error() {
        let json = |pair: &str| {
            format!(
                r#"{{"semantic": {{"pair": {pair}, "context": {empty}, "threshold": 0, "kind": {empty}, "kind_threshold": 0}},
                    "lexical": {{"pair": {pair}, "context": {empty}, "threshold": 0, "kind": {empty}, "kind_threshold": 0}}}}"#,
                empty = r#"{"intercept": 0, "weights": {}}"#
            )
        };
        let err = Model::parse(&json(r#"{"intercept": 0, "weights": {}}"#), true).unwrap_err();
        assert!(err.contains("no weight for cover_min"), "{err}");
        let mut weights: Vec<String> = PAIR_FEATURES.iter().map(|f| format!("\"{f}\": 1")).collect();
        weights.push("\"typo\": 1".into());
        let err = Model::parse(&json(&format!(r#"{{"intercept": 0, "weights": {{{}}}}}"#, weights.join(","))), true)
            .unwrap_err();
        assert!(err.contains("unknown feature typo"), "{err}");
    }
}
