//! The one error type of the library: a kind to branch on, a message a
//! person can act on, and the input field at fault when there is one.

use serde::Serialize;
use std::fmt;

/// What went wrong, as a stable, machine-readable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer than two documents were given.
    TooFewDocuments,
    /// An option has a value outside its range.
    InvalidOption,
    /// A document or argument is malformed (a missing name, a wrong type).
    InvalidInput,
    /// The input exceeds a documented limit.
    TooLarge,
    /// A file is of a kind that cannot be compared (a PDF, an image, an
    /// archive, a program) or cannot be read as its kind (a broken DOCX).
    UnsupportedFormat,
    /// A file has no text at all (zero bytes, or only whitespace).
    EmptyFile,
}

impl ErrorKind {
    /// The kind's name as it appears in JSON and in JavaScript errors.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::TooFewDocuments => "too_few_documents",
            ErrorKind::InvalidOption => "invalid_option",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::EmptyFile => "empty_file",
        }
    }
}

/// An error from [`compare`](crate::compare()) or its inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A sentence saying what went wrong and what to do about it.
    pub message: String,
    /// The input field at fault (`options.strictness`, `documents[2].text`).
    pub field: Option<String>,
}

impl Error {
    /// An error of `kind` with `message` and no field.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), field: None }
    }

    /// The same error, naming the input field at fault.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
