//! Reading the files to compare: a clear message for every way a file can
//! fail to be text.

use std::io::Read;
use std::path::Path;

/// Reads `path` (or standard input for `-`) as UTF-8 text. The error names
/// the file and says what is wrong with it.
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?;
        buf
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(format!("{path}: is a directory, not a file"));
        }
        std::fs::read(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file"),
            std::io::ErrorKind::PermissionDenied => format!("{path}: permission denied"),
            _ => format!("{path}: {e}"),
        })?
    };
    decode(path, bytes)
}

fn decode(path: &str, bytes: Vec<u8>) -> Result<String, String> {
    if looks_binary(&bytes) {
        return Err(format!("{path}: looks like a binary file, not text"));
    }
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        format!("{path}: is not valid UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again", e.utf8_error().valid_up_to())
    })
}

/// NUL bytes or many control characters in the first few kilobytes mark a
/// binary file (an image, an archive, an executable renamed .txt).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    !head.is_empty() && control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_decodes_and_bad_bytes_are_named() {
        assert_eq!(decode("a.txt", "\u{feff}Hello".as_bytes().to_vec()).unwrap(), "Hello");
        assert!(decode("a.png", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()).unwrap_err().contains("binary"));
        let err = decode("latin1.txt", b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(err.contains("not valid UTF-8") && err.contains("offset 3"), "{err}");
    }
}
