//! Character encodings: bytes to text the way browsers do it. A byte order
//! mark wins; then valid UTF-8; then UTF-16 recognised by its zero bytes;
//! then the encoding a web page declares; then `chardetng`'s guess among the
//! legacy encodings (Windows-1252 for Western European text). Line ends
//! become `\n` whatever the operating system that wrote the file.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from bytes, with the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, line ends normalised to `\n`, without a byte order mark.
    pub text: String,
    /// The encoding's WHATWG name in lower case (`utf-8`, `windows-1252`).
    pub encoding: String,
}

/// The encoding of `bytes`' byte order mark, and the mark's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// UTF-16 without a byte order mark: in text that is mostly ASCII, every
/// other byte is zero. Returns the byte order when the first kilobytes look
/// like that.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Zero bytes, or many control characters, in the first kilobytes mark a
/// binary file (an image, an archive, a program renamed `.txt`). Only for
/// bytes that are not UTF-16.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    !head.is_empty() && control * 20 > head.len()
}

/// Text decoded as UTF-16 from bytes that were never text (a binary file
/// that happens to start with a UTF-16 byte order mark): a NUL, or many
/// controls, replacement characters for lone surrogates and private-use
/// characters, which random code units give one time in eight and real
/// text next to never.
pub(crate) fn decoded_looks_binary(text: &str) -> bool {
    let mut chars = 0;
    let mut odd = 0;
    for c in text.chars().take(4096) {
        if c == '\0' {
            return true;
        }
        chars += 1;
        let control = c < ' ' && !matches!(c, '\n' | '\t' | '\x0c');
        odd += (control || c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c)) as usize;
    }
    odd * 20 > chars
}

/// Decodes `bytes`. `declared` is the encoding the content names for itself
/// (a web page's `<meta charset>`), used only when the bytes have no byte
/// order mark and are not valid UTF-8.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Decoded {
    let (encoding, body) = match bom(bytes) {
        Some((encoding, length)) => (encoding, &bytes[length..]),
        None => match utf16_without_bom(bytes) {
            Some(encoding) => (encoding, bytes),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
            None => (declared.filter(|e| *e != UTF_8).unwrap_or_else(|| guess(bytes)), bytes),
        },
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    Decoded { text: normalize_line_ends(&text), encoding: encoding.name().to_ascii_lowercase() }
}

/// The most likely legacy encoding of bytes that are not UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// `\r\n` and lone `\r` become `\n`.
pub(crate) fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode_utf16(text: &str, little_endian: bool, with_bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = with_bom.then_some(0xfeff_u16).into_iter().chain(text.encode_utf16());
        for unit in units {
            out.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Zürich, 3 °C\r\nnext".as_bytes(), None);
        assert_eq!((plain.text.as_str(), plain.encoding.as_str()), ("Zürich, 3 °C\nnext", "utf-8"));
        let marked = decode("\u{feff}Zürich".as_bytes(), None);
        assert_eq!((marked.text.as_str(), marked.encoding.as_str()), ("Zürich", "utf-8"));
    }

    #[test]
    fn utf16_both_byte_orders_with_and_without_bom() {
        for le in [true, false] {
            for with_bom in [true, false] {
                let d = decode(&encode_utf16("Café “quoted”\r\nline two", le, with_bom), None);
                assert_eq!(d.text, "Café “quoted”\nline two", "le={le} bom={with_bom}");
                assert_eq!(d.encoding, if le { "utf-16le" } else { "utf-16be" });
            }
        }
    }

    #[test]
    fn legacy_western_text_is_windows_1252() {
        let d = decode(b"Caf\xe9 au lait co\xfbte 3 \x80 \x93cher\x94.\rFin", None);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Café au lait coûte 3 € “cher”.\nFin");
    }

    #[test]
    fn a_declared_encoding_is_used_for_non_utf8_bytes_only() {
        let koi8 = encoding_rs::Encoding::for_label(b"koi8-r");
        assert_eq!(decode(b"\xf0\xd2\xc9\xd7\xc5\xd4", koi8).text, "Привет");
        assert_eq!(decode("Привет".as_bytes(), koi8).text, "Привет");
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary(b"plain text\r\n\twith tabs"));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn binary_behind_a_utf16_mark_is_recognised() {
        // Bytes of no text, from a fixed sequence (a linear congruential generator).
        let mut state = 7u32;
        let noise: Vec<u8> = std::iter::repeat_with(|| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .take(3000)
        .collect();
        for bom in [&b"\xff\xfe"[..], b"\xfe\xff"] {
            assert!(decoded_looks_binary(&decode(&[bom, &noise].concat(), None).text));
            assert!(decoded_looks_binary(&decode(&[bom, b"\0\0garbage"].concat(), None).text));
        }
        for le in [true, false] {
            let text = decode(&encode_utf16("Café “quoted”\r\n\tline two, 東京", le, true), None).text;
            assert!(!decoded_looks_binary(&text), "{text}");
        }
    }
}
