//! The learned decision "do these two segments share content?": logistic
//! models whose coefficients `scripts/fit-match-model.py` fits on the
//! development data and writes to `model/match-model.json`, which `build.rs`
//! turns into Rust statics. The file also records what the fit was measured to do
//! (cross-validated, per held-out article set) and the checksums of the data
//! it was fitted on.
//!
//! The *pair* model reads one pair of segments ([`PAIR_FEATURES`]); the
//! *context* model reads the pair model's verdict together with how the pair
//! stands among the other candidates of the same two documents
//! ([`CONTEXT_FEATURES`]): whether it is each side's best, whether the
//! neighbouring sentences match too, and whether both open their articles.
//! Of the pairs it links, the *kind* model ([`KIND_FEATURES`]) tells those
//! that say the same thing (edited or paraphrased) from those that share
//! only part of it. There is one set of
//! models for use with the semantic signal and one for without it.

use super::score::ALIGNED_INPUTS;
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
    "soft_min",
    "soft_max",
];

/// The context model's features, in the order [`Model::context_logit`] takes them.
/// Of the two sides, `best_gap` is the smaller distance (in log-odds) to
/// that side's best candidate, `best_rank` the better rank among them;
/// `lead` is 1 when both segments are in their documents' leads.
pub const CONTEXT_FEATURES: &[&str] =
    &["pair", "best_gap", "worst_gap", "best_rank", "worst_rank", "neighbour", "lead"];

/// The kind model's features, in the order [`Model::kind_logit_unaligned`] takes them.
pub const KIND_FEATURES: &[&str] = &[
    "claims_cover_min",
    "claims_cover_max",
    "claims_dice",
    "content_dice",
    "figure_difference",
    "gap",
    "order",
    "length_ratio",
    "soft_min",
    "soft_max",
];

/// Number of pair features.
pub const PAIR: usize = 13;
/// Number of context features.
pub const CONTEXT: usize = 7;
/// Number of kind features.
pub const KIND: usize = 10;

/// One logistic model's coefficients, by feature name.
pub struct Coefficients {
    /// The log-odds at all-zero features.
    pub intercept: f32,
    /// `(feature, weight)` pairs.
    pub weights: &'static [(&'static str, f32)],
}

/// One variant's models as `model/match-model.json` gives them (turned into
/// Rust statics by `build.rs`).
pub struct Shipped {
    pair: Coefficients,
    context: Coefficients,
    threshold: f32,
    kind: Coefficients,
    kind_threshold: f32,
}

mod shipped {
    use super::{Coefficients, Shipped};
    include!(concat!(env!("OUT_DIR"), "/match_model.rs"));
}

/// The weights of `names`, in that order, from `(name, weight)` pairs.
fn ordered<const N: usize>(intercept: f32, weights: &[(&str, f32)], names: &[&str]) -> Result<(f32, [f32; N]), String> {
    let mut out = [0.0; N];
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = weights.iter().find(|(n, _)| n == name).ok_or_else(|| format!("no weight for {name}"))?.1;
    }
    if let Some((extra, _)) = weights.iter().find(|(k, _)| !names.contains(k)) {
        return Err(format!("unknown feature {extra}"));
    }
    Ok((intercept, out))
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

    /// The kind model's log-odds that a linked pair says the same thing,
    /// but for the alignment's terms ([`ALIGNED_INPUTS`], measured later and
    /// only for pairs that link): all a scored pair keeps of its kind inputs.
    pub fn kind_logit_unaligned(&self, features: &[f32; KIND]) -> f32 {
        let terms = self.kind.1.iter().zip(features).enumerate().filter(|(i, _)| !ALIGNED_INPUTS.contains(i));
        self.kind.0 + terms.map(|(_, (w, x))| w * x).sum::<f32>()
    }

    /// The kind model's log-odds from [`Model::kind_logit_unaligned`] and
    /// the alignment's inputs, in the order of [`ALIGNED_INPUTS`].
    pub fn kind_logit(&self, unaligned: f32, aligned: [f32; 2]) -> f32 {
        unaligned + ALIGNED_INPUTS.iter().zip(aligned).map(|(&i, x)| self.kind.1[i] * x).sum::<f32>()
    }

    /// The most the kind model's log-odds can be before the alignment is
    /// known (its inputs are each between 0 and 1).
    pub fn kind_logit_at_most(&self, unaligned: f32) -> f32 {
        self.kind_logit(unaligned, ALIGNED_INPUTS.map(|i| if self.kind.1[i] > 0.0 { 1.0 } else { 0.0 }))
    }

    fn from_shipped(s: &Shipped) -> Result<Model, String> {
        Ok(Model {
            pair: ordered(s.pair.intercept, s.pair.weights, PAIR_FEATURES)?,
            context: ordered(s.context.intercept, s.context.weights, CONTEXT_FEATURES)?,
            kind: ordered(s.kind.intercept, s.kind.weights, KIND_FEATURES)?,
            threshold: s.threshold,
            kind_threshold: s.kind_threshold,
        })
    }

    /// The models the library ships, with or without the semantic signal.
    pub fn shipped(semantic: bool) -> &'static Model {
        static MODELS: OnceLock<[Model; 2]> = OnceLock::new();
        let models = MODELS.get_or_init(|| {
            let model =
                |s| Model::from_shipped(s).unwrap_or_else(|e| panic!("model/match-model.json: {e} (checked by tests)"));
            [model(&shipped::LEXICAL), model(&shipped::SEMANTIC)]
        });
        &models[usize::from(semantic)]
    }

    /// The models of `json` (the layout of `model/match-model.json`), as the
    /// fit tries them.
    #[cfg(feature = "fit")]
    pub fn parse(json: &str, semantic: bool) -> Result<Model, String> {
        let file: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let v = &file[if semantic { "semantic" } else { "lexical" }];
        let number =
            |v: &serde_json::Value, what: &str| v.as_f64().map(|x| x as f32).ok_or(format!("{what} is not a number"));
        type Named = Vec<(&'static str, f32)>;
        let logistic = |v: &serde_json::Value, what: &str| -> Result<(f32, Named), String> {
            let weights = v["weights"].as_object().ok_or(format!("{what} has no weights"))?;
            let known = PAIR_FEATURES.iter().chain(CONTEXT_FEATURES).chain(KIND_FEATURES);
            let pairs = weights
                .iter()
                .map(|(k, w)| {
                    let name = known.clone().find(|n| *n == k).ok_or(format!("unknown feature {k}"))?;
                    Ok((*name, number(w, k)?))
                })
                .collect::<Result<_, String>>()?;
            Ok((number(&v["intercept"], what)?, pairs))
        };
        let (pair, context, kind) =
            (logistic(&v["pair"], "pair")?, logistic(&v["context"], "context")?, logistic(&v["kind"], "kind")?);
        Ok(Model {
            pair: ordered(pair.0, &pair.1, PAIR_FEATURES)?,
            context: ordered(context.0, &context.1, CONTEXT_FEATURES)?,
            kind: ordered(kind.0, &kind.1, KIND_FEATURES)?,
            threshold: number(&v["threshold"], "threshold")?,
            kind_threshold: number(&v["kind_threshold"], "kind_threshold")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_models_name_every_feature() {
        for s in [&shipped::LEXICAL, &shipped::SEMANTIC] {
            Model::from_shipped(s).unwrap();
        }
        assert_eq!(PAIR_FEATURES.len(), PAIR);
        assert_eq!(CONTEXT_FEATURES.len(), CONTEXT);
        assert_eq!(KIND_FEATURES.len(), KIND);
    }

    #[test]
    fn a_missing_or_unknown_feature_is_an_error() {
        let err = ordered::<2>(0.0, &[("a", 1.0)], &["a", "b"]).unwrap_err();
        assert_eq!(err, "no weight for b");
        let err = ordered::<1>(0.0, &[("a", 1.0), ("typo", 1.0)], &["a"]).unwrap_err();
        assert_eq!(err, "unknown feature typo");
        assert_eq!(ordered::<2>(0.5, &[("b", 2.0), ("a", 1.0)], &["a", "b"]).unwrap(), (0.5, [1.0, 2.0]));
    }
}
