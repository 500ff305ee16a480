//! Text primitives shared by every stage: tokens, comparison keys, stems,
//! word lists and UTF-16 offsets.

pub mod hash;
pub mod language;
pub mod lexicon;
pub mod normalize;
pub mod stem;
pub mod synonyms;
pub mod tokenize;
pub mod unicode;
pub mod utf16;
pub mod wordlist;
