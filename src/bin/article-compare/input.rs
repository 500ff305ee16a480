//! Reading the files to compare: any format the core reads (text in any
//! encoding, Markdown, web pages, Word documents), from a file, a web
//! address or standard input, with a clear message for every way an input
//! can fail to give text.

use crate::args::Input;
use crate::fetch;
use article_compare::formats::{self, Extracted, MAX_INPUT_BYTES};
use std::io::Read;
use std::time::Duration;

/// Reads `input` and extracts its text; a web address is fetched within
/// `timeout`. The error names the input and says what is wrong with it.
pub fn read(input: &Input, timeout: Duration) -> Result<Extracted, String> {
    let (bytes, name) = if let Input::Web(address) = input {
        return fetch::read(address, timeout);
    } else if let Input::File(p) = input {
        // Shown as the user would see it; bytes that are not UTF-8 as U+FFFD.
        let shown = p.display().to_string();
        let path = shown.as_str();
        if p.is_dir() {
            return Err(format!("{path}: is a directory, not a file"));
        }
        let file = std::fs::File::open(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file"),
            std::io::ErrorKind::PermissionDenied => format!("{path}: permission denied"),
            _ => format!("{path}: {e}"),
        })?;
        let length = file.metadata().map(|m| m.len()).unwrap_or(0);
        formats::check_size(length, Some(path)).map_err(|e| e.message)?;
        let mut buf = Vec::new();
        file.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut buf).map_err(|e| format!("{path}: {e}"))?;
        (buf, shown)
    } else {
        let mut buf = Vec::new();
        // One byte past the limit is enough to know the input is too large.
        std::io::stdin()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("standard input: {e}"))?;
        if buf.len() > MAX_INPUT_BYTES {
            return Err(format!("standard input: is too large to compare (the limit is {} MB)", MAX_INPUT_BYTES >> 20));
        }
        (buf, "standard input".to_string())
    };
    formats::extract(&bytes, Some(&name)).map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_and_directories_are_named() {
        let file = |p: &str| Input::File(p.into());
        let read = |input| read(&input, fetch::DEFAULT_TIMEOUT);
        assert_eq!(read(file("/no/such/file.txt")).unwrap_err(), "/no/such/file.txt: no such file");
        assert!(read(file("/")).unwrap_err().contains("is a directory"));
    }
}
