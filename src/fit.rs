//! What the learned matcher is fitted on (feature `fit`, for
//! `scripts/fit-match-model.py` through `examples/match-features.rs`): every
//! candidate link of a comparison with the inputs of both models, and each
//! segment's UTF-16 range, so that the fit can label links from a gold.

use crate::compare::{prepare, Prepared};
use crate::matching::model::{Model, CONTEXT, CONTEXT_FEATURES, KIND, KIND_FEATURES, PAIR, PAIR_FEATURES};
use crate::progress::Reporter;
use crate::report::SegmentRef;
use crate::text::utf16::Utf16Cursor;
use crate::{Document, Embeddings, Error, Options};
use serde::Serialize;
use std::collections::BTreeMap;

/// A candidate link, by global segment index.
pub(crate) struct Row {
    pub a: usize,
    pub b: usize,
    /// The pair and kind models' inputs; none for identical texts.
    pub scored: Option<([f32; PAIR], [f32; KIND])>,
    pub context: [f32; CONTEXT],
    /// The matcher keeps it (see `matching::training_rows`).
    pub kept: bool,
}

/// The candidate links of one comparison.
#[derive(Debug, Serialize)]
pub struct Dump {
    /// Per document, each segment's `[start, end)` in UTF-16 code units.
    pub segments: Vec<Vec<(usize, usize)>>,
    /// Every candidate link.
    pub links: Vec<Link>,
}

/// A candidate link with its models' inputs, by feature name.
#[derive(Debug, Serialize)]
pub struct Link {
    /// One segment.
    pub a: SegmentRef,
    /// The other, in a later document.
    pub b: SegmentRef,
    /// The two texts are identical (a verbatim match whatever the models say).
    pub identical: bool,
    /// The pair model's inputs (none for identical texts).
    pub pair: Option<BTreeMap<&'static str, f32>>,
    /// The kind model's inputs (none for identical texts).
    pub kind: Option<BTreeMap<&'static str, f32>>,
    /// The context model's inputs, computed with the pair model given.
    pub context: BTreeMap<&'static str, f32>,
    /// Whether the matcher keeps the link with the model given: it passes
    /// the threshold, is among each side's strongest counterparts in the
    /// other document, and its documents are related.
    pub kept: bool,
}

/// The candidate links of comparing `documents`, the context computed with
/// the pair model of `model_json` (the layout of `model/match-model.json`;
/// the shipped one when `None`).
pub fn candidate_links(
    documents: &[Document],
    options: &Options,
    embeddings: Option<&Embeddings>,
    model_json: Option<&str>,
) -> Result<Dump, Error> {
    let semantic = embeddings.is_some();
    let model = match model_json {
        Some(json) => Model::parse(json, semantic)
            .map_err(|e| Error::new(crate::ErrorKind::InvalidInput, format!("model: {e}")).with_field("model"))?,
        None => *Model::shipped(semantic),
    };
    let mut sink = |_| {};
    let mut progress = Reporter::new(&mut sink);
    let mut prepared = prepare(documents, options, embeddings, &mut progress)?;
    let semantic = prepared.semantic.take();
    let Prepared { features, vocabulary, .. } = &prepared;
    let rows =
        crate::matching::training_rows(features, documents.len(), vocabulary, semantic, &model, options.strictness)?;
    let segments = prepared
        .byte_spans()
        .into_iter()
        .zip(documents)
        .map(|(spans, d)| {
            let mut cursor = Utf16Cursor::new(&d.text);
            spans.into_iter().map(|(s, e)| (cursor.utf16_offset(s), cursor.utf16_offset(e))).collect()
        })
        .collect();
    let at = |i: usize| SegmentRef { doc: features[i].doc, segment: features[i].index };
    let named = |names: &[&'static str], values: &[f32]| names.iter().copied().zip(values.iter().copied()).collect();
    let links = rows
        .into_iter()
        .map(|r| Link {
            a: at(r.a),
            b: at(r.b),
            identical: r.scored.is_none(),
            pair: r.scored.map(|(p, _)| named(PAIR_FEATURES, &p)),
            kind: r.scored.map(|(_, k)| named(KIND_FEATURES, &k)),
            context: named(CONTEXT_FEATURES, &r.context),
            kept: r.kept,
        })
        .collect();
    Ok(Dump { segments, links })
}
