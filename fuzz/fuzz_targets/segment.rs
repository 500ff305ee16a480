//! `segment::segment` and `segment_text` on any text: the segments are
//! ordered, disjoint, in bounds, on char (and grapheme) boundaries and cover
//! every non-whitespace character once, in bytes and in UTF-16 units.
#![no_main]

use article_compare::{segment::segment, segment_text, Options};
use fuzz_checks::{check_raw_segmentation, check_segments};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_raw_segmentation(&text, &segment(&text));
    check_segments(&text, &segment_text(&text, &Options::default()));
});
