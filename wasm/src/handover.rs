//! The report handed to JavaScript. Built with serde field by field, a
//! report of 200 articles took a sixth of the comparison's time: a boundary
//! crossing for every field of its hundreds of thousands of segments, match
//! references, diff operations and passages. Those arrays cross as one
//! column of numbers instead, and `js/assemble.js` builds from it the same
//! objects, field for field and in serde's order; the rest of the report
//! (options, statistics, warnings, discrepancies) still goes through serde.

use crate::js::to_plain;
use article_compare::report::DiffOp;
use article_compare::{DiffTag, MatchKind, Report, Role};
use js_sys::{Array, Float64Array, JsString, Uint32Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/assemble.js")]
extern "C" {
    // Not caught, unlike the reads of the caller's objects in lib.rs: it
    // reads only values the wasm made, so no getter or proxy of the
    // page's runs in it.
    #[wasm_bindgen(js_name = assembleReport)]
    fn assemble_report(parts: &JsValue, numbers: &Uint32Array, scores: &Float64Array, texts: &Array) -> JsValue;
}

/// `report` as a plain object, as [`to_plain`] would make it. `texts` are
/// the documents' texts, which the segments' texts are cut from.
pub fn report_to_js<'t>(report: &Report, texts: impl Iterator<Item = &'t str>) -> Result<JsValue, JsValue> {
    let mut columns = Columns::default();
    for d in &report.documents {
        columns.count(d.segments.len());
        for s in &d.segments {
            let role = columns.roles.id(s.role);
            columns.push(&[s.start, s.end, role, s.group.map_or(0, |g| g + 1)]);
        }
    }
    columns.count(report.matches.len());
    let mut discrepancies = Vec::new();
    for m in &report.matches {
        let kind = columns.kinds.id(m.kind);
        let listed = !m.discrepancies.is_empty();
        columns.push(&[m.a.doc, m.a.segment, m.b.doc, m.b.segment, kind, m.diff.len(), usize::from(listed)]);
        columns.diff_ops(&m.diff);
        if listed {
            discrepancies.push(&m.discrepancies);
        }
    }
    columns.count(report.groups.len());
    for g in &report.groups {
        columns.count(g.members.len());
        for r in &g.members {
            columns.push(&[r.doc, r.segment]);
        }
        columns.count(g.documents.len());
        columns.push(&g.documents);
    }
    columns.count(report.passages.len());
    for p in &report.passages {
        let (a, b) = (p.a, p.b);
        columns.push(&[a.doc, a.first, a.last, b.doc, b.first, b.last, p.length, usize::from(p.moved)]);
    }
    // The rest of the report, in its fields' order, each document without
    // its segments.
    let documents: Vec<_> = report.documents.iter().map(|d| (&d.name, d.length, &d.stats, &d.source)).collect();
    let rest = (&report.version, &report.options, documents, &report.overlap, &report.warnings, &report.semantic_model);
    let scores: Vec<f64> = report.matches.iter().map(|m| m.score).collect();
    let names = (&columns.roles.0, &columns.kinds.0, &columns.tags.0);
    let texts: Array = texts.map(JsString::from).collect();
    Ok(assemble_report(
        &to_plain(&(rest, names, discrepancies))?,
        &Uint32Array::from(columns.numbers.as_slice()),
        &Float64Array::from(scores.as_slice()),
        &texts,
    ))
}

/// The numbers of the report's large arrays, in the order `assemble.js`
/// reads them, and the names of the enums' values they give by index.
#[derive(Default)]
struct Columns {
    numbers: Vec<u32>,
    roles: Names<Role>,
    kinds: Names<MatchKind>,
    tags: Names<DiffTag>,
}

impl Columns {
    /// Offsets, indices and counts, all under 2^32 (the core's limits).
    fn push(&mut self, values: &[usize]) {
        self.numbers.extend(values.iter().map(|&v| v as u32));
    }

    fn count(&mut self, n: usize) {
        self.push(&[n]);
    }

    fn diff_ops(&mut self, ops: &[DiffOp]) {
        for op in ops {
            let tag = self.tags.id(op.op);
            self.push(&[tag, op.a[0], op.a[1], op.b[0], op.b[1]]);
        }
    }
}

/// The values of an enum met so far, each numbered by its first place:
/// serde names them for JS once, not once per use.
struct Names<T>(Vec<T>);

impl<T> Default for Names<T> {
    fn default() -> Self {
        Names(Vec::new())
    }
}

impl<T: PartialEq + Copy> Names<T> {
    fn id(&mut self, value: T) -> usize {
        match self.0.iter().position(|&v| v == value) {
            Some(i) => i,
            None => {
                self.0.push(value);
                self.0.len() - 1
            }
        }
    }
}
