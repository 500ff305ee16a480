//! Byte offsets (what Rust indexes) to UTF-16 code units (what JavaScript
//! strings index): every offset the report exposes goes through here.

/// Converts increasing byte offsets of one text into UTF-16 offsets in a
/// single forward pass, so converting all segment boundaries stays linear.
pub struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Cursor { text, byte: 0, unit: 0 }
    }

    /// The byte offset of UTF-16 offset `unit` (a code unit inside a
    /// surrogate pair, or past the end, rounds up to the next char or the
    /// end). Offsets before the last one asked restart from the beginning.
    /// (Only the HTML report reads text at a UTF-16 offset.)
    #[cfg(any(feature = "html-report", test))]
    pub fn byte_offset(&mut self, unit: usize) -> usize {
        if unit < self.unit {
            self.byte = 0;
            self.unit = 0;
        }
        for c in self.text[self.byte..].chars() {
            if self.unit >= unit {
                break;
            }
            self.unit += c.len_utf16();
            self.byte += c.len_utf8();
        }
        self.byte
    }

    /// The UTF-16 offset of byte offset `byte`, which must lie on a char
    /// boundary. Offsets before the last one asked restart from the beginning.
    pub fn utf16_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Number of UTF-16 code units of `s`.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_as_two_units() {
        let text = "a😀b—c";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.utf16_offset(1), 1);
        assert_eq!(cursor.utf16_offset(5), 3);
        assert_eq!(cursor.utf16_offset(6), 4);
        assert_eq!(cursor.utf16_offset(text.len()), 6);
        assert_eq!(cursor.utf16_offset(1), 1, "going back restarts");
    }

    #[test]
    fn finds_the_byte_offset_of_a_utf16_offset() {
        let text = "a😀b—c";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.byte_offset(1), 1);
        assert_eq!(cursor.byte_offset(3), 5);
        assert_eq!(cursor.byte_offset(4), 6);
        assert_eq!(cursor.byte_offset(99), text.len(), "past the end: the end");
        assert_eq!(cursor.byte_offset(2), 5, "inside a surrogate pair: the next char");
        assert_eq!(cursor.byte_offset(0), 0, "going back restarts");
    }

    #[test]
    fn length_matches_encode_utf16() {
        for s in ["", "plain", "Zelenskyy’s", "👨‍👩‍👧 family", "日本語"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count());
        }
    }
}
