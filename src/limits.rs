//! The largest comparison accepted. Beyond these a comparison is refused at
//! once with [`ErrorKind::TooLarge`] and a message that says what to do,
//! rather than running the browser tab out of memory: the wasm build's peak
//! memory grows with the text (about 20 bytes per byte of text) and with
//! the number of sentences.

use crate::error::{Error, ErrorKind};

/// Most documents in one comparison.
pub const MAX_DOCUMENTS: usize = 500;

/// Most bytes of text (UTF-8) in all documents together.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

/// Most segments (sentences and lines) in all documents together.
pub const MAX_SEGMENTS: usize = 1_000_000;

/// Most pairs of sentences weighed in one comparison: pairs of identical
/// sentences and candidate pairs. Documents that copy one another pair
/// every shared sentence across every pair of documents (500 copies of a
/// 37-sentence article make 4.6 million, and take 685 MB of the wasm
/// build's memory at its peak; 500 pages of 60 KB that share most of their
/// text, 90 million).
pub const MAX_LINKS: usize = 8_000_000;

/// Refuses more than [`MAX_DOCUMENTS`] documents: a binding checks the
/// count before it reads the documents themselves.
pub fn check_document_count(count: usize) -> Result<(), Error> {
    if count > MAX_DOCUMENTS {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "{} documents were given and at most {} can be compared at once: compare them in smaller sets",
                thousands(count),
                thousands(MAX_DOCUMENTS)
            ),
        )
        .with_field("documents"));
    }
    Ok(())
}

/// Refuses more than [`MAX_DOCUMENTS`] documents or more than
/// [`MAX_TOTAL_BYTES`] of text in all.
pub(crate) fn check_input(text_lengths: &[usize]) -> Result<(), Error> {
    check_document_count(text_lengths.len())?;
    let total: usize = text_lengths.iter().sum();
    if total > MAX_TOTAL_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "the documents hold {} of text together and at most {} can be compared at once: compare fewer or shorter documents",
                megabytes(total),
                megabytes(MAX_TOTAL_BYTES)
            ),
        )
        .with_field("documents"));
    }
    Ok(())
}

/// Refuses a comparison whose first documents already hold more than
/// [`MAX_SEGMENTS`] segments; `doc` is the one that went over.
pub(crate) fn check_segments(segments: usize, doc: usize) -> Result<(), Error> {
    if segments <= MAX_SEGMENTS {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::TooLarge,
        format!(
            "the documents hold more than {} sentences and lines together, which is more than can be compared at once: compare fewer or shorter documents",
            thousands(MAX_SEGMENTS)
        ),
    )
    .with_field(format!("documents[{doc}].text")))
}

/// Refuses a comparison that would weigh more than [`MAX_LINKS`] pairs of
/// sentences: `links` is how many it will weigh at least.
pub(crate) fn check_links(links: usize) -> Result<(), Error> {
    if links <= MAX_LINKS {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::TooLarge,
        format!(
            "the documents share so many sentences with one another ({} or more pairs of sentences to weigh, at most {} at once) that comparing them all together would run out of memory: compare them in smaller sets",
            thousands(links),
            thousands(MAX_LINKS)
        ),
    )
    .with_field("documents"))
}

/// `n` with its thousands grouped: "1,000,000".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `bytes` in megabytes of 2^20 bytes, as the limits are set: "32 MB", "32.5 MB".
fn megabytes(bytes: usize) -> String {
    // In tenths, rounded half up, in integers: float formatting would bring
    // its tables into the widget's wasm for this one message.
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        tenth => format!("{}.{tenth} MB", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_over_the_limit_are_refused_with_what_to_do() {
        assert!(check_input(&vec![10; MAX_DOCUMENTS]).is_ok());
        let e = check_input(&vec![10; MAX_DOCUMENTS + 1]).unwrap_err();
        assert_eq!((e.kind, e.field.as_deref()), (ErrorKind::TooLarge, Some("documents")));
        assert_eq!(
            e.message,
            "501 documents were given and at most 500 can be compared at once: compare them in smaller sets"
        );
    }

    #[test]
    fn text_over_the_limit_is_refused_with_its_size() {
        assert!(check_input(&[MAX_TOTAL_BYTES / 2, MAX_TOTAL_BYTES / 2]).is_ok());
        let e = check_input(&[MAX_TOTAL_BYTES / 2, MAX_TOTAL_BYTES / 2 + 512 * 1024]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert_eq!(
            e.message,
            "the documents hold 32.5 MB of text together and at most 32 MB can be compared at once: compare fewer or shorter documents"
        );
    }

    #[test]
    fn too_many_pairs_of_sentences_are_refused_with_what_to_do() {
        assert!(check_links(MAX_LINKS).is_ok());
        let e = check_links(90_000_000).unwrap_err();
        assert_eq!((e.kind, e.field.as_deref()), (ErrorKind::TooLarge, Some("documents")));
        assert!(e
            .message
            .starts_with("the documents share so many sentences with one another (90,000,000 or more pairs"));
        assert!(e.message.ends_with("compare them in smaller sets"));
    }

    #[test]
    fn megabytes_are_shown_to_a_tenth() {
        let mb = 1024 * 1024;
        assert_eq!(megabytes(50 * mb), "50 MB");
        assert_eq!(megabytes(3 * mb / 2), "1.5 MB");
        assert_eq!(megabytes(10 * mb - 1), "10 MB");
        assert_eq!(megabytes(mb / 10 * 7), "0.7 MB");
    }

    #[test]
    fn segments_over_the_limit_name_the_document_that_went_over() {
        assert!(check_segments(MAX_SEGMENTS, 3).is_ok());
        let e = check_segments(MAX_SEGMENTS + 1, 3).unwrap_err();
        assert_eq!((e.kind, e.field.as_deref()), (ErrorKind::TooLarge, Some("documents[3].text")));
        assert!(e.message.starts_with("the documents hold more than 1,000,000 sentences"), "{}", e.message);
    }
}
