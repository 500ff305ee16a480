//! # article-compare
//!
//! Compares two or more news articles sentence by sentence: which passages
//! they share — verbatim, lightly edited, paraphrased or in part, even when
//! moved — which are unique to one of them, and where a shared passage
//! changed a figure, a quotation, a name or a negation.
//!
//! ```
//! use article_compare::{compare, Document, Options, MatchKind};
//!
//! let wire = Document::new("Wire", "Firefighters contained the blaze on Tuesday, the port authority said.");
//! let daily = Document::new("Daily", "The blaze was contained on Tuesday, the port authority said.");
//! let report = compare(&[wire, daily], &Options::default()).unwrap();
//! assert_eq!(report.matches[0].kind, MatchKind::Edited);
//! ```
//!
//! ## How it works
//! Each stage is a module of its own, pure Rust with no platform code:
//!
//! 1. [`segment`] cuts each text into sentence-level segments (headlines,
//!    bylines and datelines included) with their offsets.
//! 2. [`roles`] labels each segment `title`, `body`, `meta`, `caption` or
//!    `boilerplate` (page chrome, which is neither matched nor counted).
//! 3. [`matching`] finds, across all pairs of documents, the segments that
//!    share content: logistic models fitted on labelled news coverage
//!    (`model/match-model.json`) read word overlap (weighted by how rare a
//!    word is in the documents and in English), shared phrases, figures,
//!    names, the [`semantic`] signal and each pair's standing in its
//!    documents; an index of words keeps the cost near-linear.
//! 4. [`groups`] and [`passages`] gather the versions of a sentence across
//!    documents and the runs of consecutive sentences, and find moved runs.
//! 5. [`diff`] gives the word-level difference of each match (with
//!    `similar`) and [`discrepancy`] the differences that change the facts.
//! 6. [`report`] is the result model shared by the command line, the wasm
//!    API and the front end. **Its offsets are UTF-16 code units.**
//!
//! [`compare`] uses the semantic sketch built into the library (feature
//! `bundled-embeddings`, on by default); [`compare_with_embeddings`] takes
//! one read with [`Embeddings::from_bytes`], or none (words alone). Built
//! without the feature `semantic` (on by default), the library matches on
//! words alone and leaves the signal's code out.
#![deny(missing_docs)]

mod budget;
mod compare;
mod diff;
mod discrepancy;
mod disjoint;
mod error;
#[cfg(feature = "fit")]
pub mod fit;
#[cfg(feature = "formats")]
pub mod formats;
mod groups;
mod lcs;
pub mod limits;
mod matching;
mod options;
mod passages;
mod progress;
pub mod report;
#[cfg(feature = "html-report")]
mod report_page;
mod roles;
pub mod segment;
mod semantic;
mod sort_key;
mod stats;
mod text;

pub use budget::{MATCHES_PER_SEGMENT, MATCH_BUDGET};
pub use compare::{compare, compare_with_embeddings, compare_with_progress, segment as segment_text, Document};
pub use diff::word_diff;
pub use error::{Error, ErrorKind};
pub use options::Options;
pub use progress::{Progress, Stage};
pub use report::{DiffTag, DiscrepancyKind, MatchKind, Report, SourceInfo};
#[cfg(feature = "html-report")]
pub use report_page::report_page;
pub use roles::Role;
pub use semantic::Embeddings;
pub use text::tokenize::count_words;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The version of this crate, as reports record it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
