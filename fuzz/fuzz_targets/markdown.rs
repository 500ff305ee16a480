//! `formats::extract` of any bytes named `x.md` (the markdown reader; a zip
//! with a Word document's main part is read as one whatever its name).
#![no_main]

use article_compare::formats::extract;
use fuzz_checks::check_extracted;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_extracted(data, extract(data, Some("x.md")), &["markdown", "docx"]);
});
