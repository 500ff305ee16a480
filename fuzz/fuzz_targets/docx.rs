//! `formats::extract` of a Word document named `x.docx`. An input starting
//! with `PK` is read as the file itself (the zip reader); any other input is
//! cut at 0xFF bytes into `word/document.xml`, `word/footnotes.xml`,
//! `word/endnotes.xml`, `word/comments.xml` and `_rels/.rels`, stored
//! uncompressed in a zip made here, so that mutations reach the XML
//! readers instead of failing the zip's checksums.
#![no_main]

use article_compare::formats::extract;
use fuzz_checks::check_extracted;
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const PARTS: [&str; 5] =
    ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml", "_rels/.rels"];

fn wrap(data: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (path, part) in PARTS.iter().zip(data.splitn(PARTS.len(), |&b| b == 0xFF)) {
        zip.start_file(*path, options).expect("in-memory zip");
        zip.write_all(part).expect("in-memory zip");
    }
    zip.finish().expect("in-memory zip");
    out.into_inner()
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check_extracted(data, extract(data, Some("x.docx")), &["docx"]);
    } else {
        let file = wrap(data);
        check_extracted(&file, extract(&file, Some("x.docx")), &["docx"]);
    }
});
