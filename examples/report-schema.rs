//! Prints the report contract as JSON Schema, derived from the Rust types
//! of `src/report.rs` (and the options and roles they carry): the report
//! as the root, with `segment_text`'s `SegmentSpan` among its definitions.
//!
//!     cargo run --release --features schema --example report-schema
//!
//! `scripts/report-types.mjs` writes it to `www/widget/report.schema.json`
//! and generates `www/widget/report.d.ts` from it; `tests/wasm/contract.test.mjs`
//! checks that both are up to date and that reports satisfy the schema.

use article_compare::report::SegmentSpan;
use article_compare::Report;

fn main() {
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<SegmentSpan>();
    let schema = generator.into_root_schema_for::<Report>();
    println!("{}", serde_json::to_string_pretty(&schema).expect("a schema serializes"));
}
