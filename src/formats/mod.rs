//! Reading the files people drop or paste: plain text in any encoding,
//! Markdown, saved web pages (the article found and the page chrome left
//! out), Word documents. One entry point, [`extract`], sniffs the format
//! from the content and the file name and returns the text to compare with
//! a [`SourceInfo`] saying how it was read. Files that hold no text to
//! compare (PDFs, images, archives, programs, empty files, files over
//! [`MAX_INPUT_BYTES`]) are refused with a message naming the file.
//!
//! The extracted text is laid out for the segmenter: the title on the first
//! line, then the byline and the date, a blank line, then one paragraph
//! (heading, list item, table row) per line. So the title and the
//! publication details become `title` and `meta` segments.
//!
//! ```
//! use article_compare::formats::extract;
//! let page = b"<html><head><title>Port fire | Daily</title></head><body><p>Firefighters \
//!     contained the blaze on Tuesday, officials said.</p></body></html>";
//! let extracted = extract(page, Some("fire.html")).unwrap();
//! assert_eq!(extracted.source.format, "html");
//! assert!(extracted.text.ends_with("Firefighters contained the blaze on Tuesday, officials said."));
//! ```

mod docx;
mod encoding;
mod html;
mod markdown;

use crate::error::{Error, ErrorKind};
use crate::report::{Dropped, SourceInfo};

/// The largest file read, in bytes (50 MB): far more than any article, and
/// small enough that reading it cannot exhaust a browser tab's memory.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// The text of a file, ready to compare, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text: title, byline and date lines first when the source has
    /// them, then a blank line and one paragraph per line; `\n` line ends.
    pub text: String,
    /// The format, encoding and extraction used, and what was left out.
    pub source: SourceInfo,
    /// Where the body starts in `text` (bytes): after the head lines.
    body_start: usize,
}

impl Extracted {
    /// The article body alone: `text` without the title, byline and date
    /// lines (what extraction benchmarks and most pipelines call the article).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// What an extraction found, before it is laid out as text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// Paragraphs, headings, list items and table rows, in reading order.
    pub blocks: Vec<String>,
    pub dropped: Dropped,
    /// The extraction used, when the format has more than one.
    pub method: &'static str,
}

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    Docx,
}

/// Reads `bytes` as a document to compare. `file_name` (a path or a name
/// with its extension; `None` for pasted or piped input) helps to tell the
/// format and names the file in error messages; the content decides when
/// they disagree on something that matters (a PDF named `.txt` is still a
/// PDF).
///
/// Errors: [`ErrorKind::TooLarge`] over [`MAX_INPUT_BYTES`],
/// [`ErrorKind::EmptyFile`] when there is no text,
/// [`ErrorKind::UnsupportedFormat`] for PDFs, images, archives, programs,
/// other binary files, unreadable Word documents and pages nested too
/// deeply to be real.
pub fn extract(bytes: &[u8], file_name: Option<&str>) -> Result<Extracted, Error> {
    extract_as(bytes, file_name, file_name.and_then(extension), Served::default())
}

/// Reads a resource fetched from the web: `bytes` as served from `address`
/// with the response's `content_type` header (`text/html; charset=…`). The
/// header's media type decides the format and its charset the encoding,
/// ahead of the page's own declaration, as browsers do (a byte order mark
/// still wins). What is neither a web page nor text is refused: by what it
/// is when its bytes tell (a PDF, an image), else by the type the server
/// gives. The errors name the address.
pub fn extract_served(bytes: &[u8], address: &str, content_type: Option<&str>) -> Result<Extracted, Error> {
    let (media, charset) = content_type.map(media_type).unwrap_or_default();
    let format = match media.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/plain" => Some(Format::Text),
        "text/markdown" => Some(Format::Markdown),
        // No type, or none that helps: the content decides.
        "" | "application/octet-stream" => None,
        other => {
            let why = refusal(bytes, None).unwrap_or_else(|| format!("is not a web page (the server sends {other})"));
            return Err(Error::new(ErrorKind::UnsupportedFormat, format!("{address}: {why}")));
        }
    };
    let charset = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    // An address's path may end as a file name does (`/story.html`); its
    // query and fragment do not count.
    let path = address.split(['?', '#']).next().unwrap_or(address);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let extension = if format.is_some() { None } else { extension(path) };
    extract_as(bytes, Some(address), extension, Served { format, charset })
}

/// A Content-Type header's media type (lower case) and charset parameter.
fn media_type(header: &str) -> (String, Option<String>) {
    let mut parts = header.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_string())
    });
    (media, charset)
}

/// What a server said of a resource, when it was fetched.
#[derive(Default)]
struct Served {
    format: Option<Format>,
    charset: Option<&'static encoding_rs::Encoding>,
}

fn extract_as(
    bytes: &[u8],
    file_name: Option<&str>,
    extension: Option<String>,
    served: Served,
) -> Result<Extracted, Error> {
    check_size(bytes.len() as u64, file_name)?;
    let name = file_name.filter(|n| !n.is_empty()).unwrap_or("the input");
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::EmptyFile, format!("{name}: is empty")));
    }
    if let Some(refusal) = refusal(bytes, extension.as_deref()) {
        return Err(Error::new(ErrorKind::UnsupportedFormat, format!("{name}: {refusal}")));
    }
    let (format, article, encoding) = if bytes.starts_with(b"PK\x03\x04") || extension.as_deref() == Some("docx") {
        (Format::Docx, docx::extract(bytes, name)?, "utf-8".to_string())
    } else {
        let is_utf16 = encoding::bom(bytes).is_some() || encoding::utf16_without_bom(bytes).is_some();
        let binary = || Error::new(ErrorKind::UnsupportedFormat, format!("{name}: looks like a binary file, not text"));
        if !is_utf16 && encoding::looks_binary(bytes) {
            return Err(binary());
        }
        let declared = served.charset.or_else(|| html::declared_encoding(bytes));
        let decoded = encoding::decode(bytes, declared);
        // A byte order mark skipped the check on bytes: the text has its own.
        if is_utf16 && encoding::decoded_looks_binary(&decoded.text) {
            return Err(binary());
        }
        let format = served.format.unwrap_or_else(|| match extension.as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml" | "xht") => Format::Html,
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn") => Format::Markdown,
            Some("txt" | "text") => Format::Text,
            _ if html::looks_like_html(&decoded.text) => Format::Html,
            _ if looks_like_markdown(&decoded.text) => Format::Markdown,
            _ => Format::Text,
        });
        if decoded.text.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyFile, format!("{name}: has no text, only white space")));
        }
        let article = match format {
            Format::Html => html::extract(&decoded.text, name)?,
            Format::Markdown => markdown::extract(&decoded.text),
            _ => Article { blocks: vec![decoded.text.clone()], ..Article::default() },
        };
        (format, article, decoded.encoding)
    };
    let (text, body_start) = if format == Format::Text { (article.blocks.concat(), 0) } else { render(&article) };
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::EmptyFile, format!("{name}: has no text to compare")));
    }
    let (format_name, extraction) = match format {
        Format::Text => ("text", "plain"),
        Format::Markdown => ("markdown", "markdown"),
        Format::Html => ("html", article.method),
        Format::Docx => ("docx", "docx"),
    };
    let source = SourceInfo {
        format: format_name.into(),
        encoding,
        extraction: extraction.into(),
        title: article.title,
        byline: article.byline,
        date: article.date,
        dropped: article.dropped,
        url: None,
    };
    Ok(Extracted { text, source, body_start })
}

/// Refuses a file of `length` bytes over [`MAX_INPUT_BYTES`] (as
/// [`extract`] does), so that a caller can check a file's size before
/// reading it.
pub fn check_size(length: u64, file_name: Option<&str>) -> Result<(), Error> {
    if length > MAX_INPUT_BYTES as u64 {
        let name = file_name.filter(|n| !n.is_empty()).unwrap_or("the input");
        return Err(too_large(name, &format!("it is {}", megabytes(length))));
    }
    Ok(())
}

pub(crate) fn too_large(name: &str, why: &str) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!("{name}: is too large to compare ({why}; the limit is {})", megabytes(MAX_INPUT_BYTES as u64)),
    )
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// The lower-case extension of a file name or path.
fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next()?;
    let (stem, ext) = base.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Why a file cannot be compared, told from its first bytes (or, for
/// formats without a signature, its extension); `None` when it may be text.
fn refusal(bytes: &[u8], extension: Option<&str>) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let kind = if head.windows(5).any(|w| w == b"%PDF-") || extension == Some("pdf") {
        return Some(
            "is a PDF, which cannot be read yet: open it, select and copy the article's text, and paste it instead"
                .into(),
        );
    } else if starts(b"\x89PNG") {
        "an image (PNG)"
    } else if starts(b"\xff\xd8\xff") {
        "an image (JPEG)"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "an image (GIF)"
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "an image (WebP)"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "an image (TIFF)"
    } else if bytes.get(4..12).is_some_and(|b| b == b"ftypheic" || b == b"ftypavif" || b == b"ftypmif1") {
        "an image (HEIC/AVIF)"
    } else if bytes.get(4..8) == Some(b"ftyp") {
        "a video or audio file"
    } else if starts(b"ID3") || starts(b"OggS") || starts(b"fLaC") {
        "an audio file"
    } else if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Some("is an old Word (.doc) or Office file: save it as .docx or as text and try again".into());
    } else if starts(b"{\\rtf") {
        return Some("is a Rich Text (.rtf) file: save it as .docx or as text and try again".into());
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        if docx::is_docx(bytes) {
            return None;
        }
        return Some(match extension {
            Some("odt") => "is an OpenDocument text: save it as .docx or as text and try again".into(),
            Some("xlsx" | "pptx" | "ods" | "odp") => "is a spreadsheet or a presentation, not an article".into(),
            Some("epub") => "is an e-book (EPUB), which cannot be read: copy the chapter's text instead".into(),
            _ => "is a ZIP archive, not a document: unpack it and drop the files inside".into(),
        });
    } else if starts(b"\x1f\x8b")
        || starts(b"7z\xbc\xaf\x27\x1c")
        || starts(b"Rar!")
        || starts(b"\xfd7zXZ\0")
        || starts(b"BZh") && bytes.get(4..10) == Some(b"1AY&SY")
        || bytes.get(257..262) == Some(b"ustar")
    {
        "an archive (compressed or tar), not a document: unpack it and drop the files inside"
    } else if starts(b"\x7fELF")
        || starts(b"\xfe\xed\xfa")
        || starts(b"\xcf\xfa\xed\xfe")
        || starts(b"\xca\xfe\xba\xbe")
        || starts(b"\0asm")
    {
        "a program, not text"
    } else if starts(b"MZ") && encoding::looks_binary(bytes) {
        "a program (Windows), not text"
    } else if matches!(extension, Some("mht" | "mhtml")) {
        return Some("is a web archive (MHTML): save the page as “Webpage, HTML only” and try again".into());
    } else {
        return None;
    };
    Some(format!("is {kind}"))
}

/// Markdown without a `.md` name: a heading line (`# …`) together with
/// another sign of Markdown (a list, a link, emphasis, a fence), or three
/// different signs.
fn looks_like_markdown(text: &str) -> bool {
    let head: String = text.chars().take(8192).collect();
    let lines: Vec<&str> = head.lines().map(str::trim_start).collect();
    let heading = lines.iter().any(|l| {
        let hashes = l.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
    });
    let signs = [
        lines.iter().any(|l| l.starts_with("```") || l.starts_with("~~~")),
        lines.iter().any(|l| l.starts_with("- ") || l.starts_with("* ")),
        head.contains("](") && head.contains('['),
        head.contains("**") || head.contains("__"),
        lines.iter().any(|l| l.starts_with("> ")),
        lines.iter().any(|l| l.starts_with("---") && l.trim_end().bytes().all(|b| b == b'-')),
    ];
    let count = signs.iter().filter(|&&s| s).count();
    (heading && count >= 1) || count >= 3
}

/// Lays `article` out as text: title, byline, date, a blank line, then one
/// block per line. A first block that repeats the title is left out.
/// Returns the text and where its body starts.
fn render(article: &Article) -> (String, usize) {
    let mut head = Vec::new();
    if let Some(title) = article.title.as_deref().map(one_line).filter(|t| !t.is_empty()) {
        head.push(title);
    }
    if let Some(byline) = article.byline.as_deref().map(one_line).filter(|b| !b.is_empty()) {
        let has_by = byline.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "));
        head.push(if has_by { byline } else { format!("By {byline}") });
    }
    if let Some(date) = article.date.as_deref().map(one_line).filter(|d| !d.is_empty()) {
        head.push(format!("Published {}", readable_date(&date)));
    }
    let mut blocks = article.blocks.iter().map(|b| b.as_str()).peekable();
    if let (Some(title), Some(first)) = (&article.title, blocks.peek()) {
        if same_words(title, first) {
            blocks.next();
        }
    }
    let body: Vec<&str> = blocks.collect();
    let mut out = head.join("\n");
    if !out.is_empty() && !body.is_empty() {
        out.push_str("\n\n");
    }
    let body_start = out.len();
    out.push_str(&body.join("\n"));
    (out, body_start)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    words(a) == words(b)
}

/// `2024-05-02T10:00:00Z` reads as `2 May 2024`; other dates stay as given.
fn readable_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day_part = date.split(['T', ' ']).next().unwrap_or(date);
    let parts: Vec<&str> = day_part.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (4, Ok(m), Ok(d)) = (y.len(), m.parse::<usize>(), d.parse::<u32>()) {
            if y.bytes().all(|b| b.is_ascii_digit()) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return format!("{d} {} {y}", MONTHS[m - 1]);
            }
        }
    }
    date.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8], name: &str) -> Error {
        extract(bytes, Some(name)).unwrap_err()
    }

    #[test]
    fn plain_text_keeps_its_text() {
        let e = extract("First line.\r\nSecond line.\n".as_bytes(), Some("a.txt")).unwrap();
        assert_eq!(e.text, "First line.\nSecond line.\n");
        assert_eq!(
            (e.source.format.as_str(), e.source.encoding.as_str(), e.source.extraction.as_str()),
            ("text", "utf-8", "plain")
        );
        assert_eq!(e.source.dropped, Dropped::default());
    }

    #[test]
    fn refusals_name_the_file_and_the_reason() {
        let e = err(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.pdf");
        assert_eq!(e.kind, ErrorKind::UnsupportedFormat);
        assert!(e.message.starts_with("report.pdf: is a PDF") && e.message.contains("copy"), "{}", e.message);
        assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "photo.txt").message.contains("image (PNG)"));
        assert!(err(b"\x7fELF\x02\x01\x01\0", "tool").message.contains("program"));
        assert!(err(b"\x1f\x8b\x08\0\0\0", "a.gz").message.contains("archive"));
        assert!(err(b"PK\x03\x04\x14\0\0\0", "a.zip").message.contains("ZIP archive"));
        assert!(err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", "old.doc").message.contains(".docx"));
        assert!(err(b"\0\x01\x02\x03binary", "blob.bin").message.contains("binary"));
        // Behind a UTF-16 byte order mark, which skips the check on bytes.
        assert_eq!(
            err(b"\xff\xfe\0\0garbage\0\x01", "blob.dat").message,
            "blob.dat: looks like a binary file, not text"
        );
        assert_eq!(err(b"", "empty.txt").kind, ErrorKind::EmptyFile);
        assert_eq!(err(b" \r\n\t ", "blank.txt").kind, ErrorKind::EmptyFile);
        assert_eq!(extract(b"", None).unwrap_err().message, "the input: is empty");
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let e = err(&big, "huge.txt");
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.starts_with("huge.txt: ") && e.message.contains("50 MB"), "{}", e.message);
    }

    #[test]
    fn the_format_comes_from_the_name_or_the_content() {
        let md = "# Strike ends\n\nTrains run **again**, the [union](https://u.test) said.\n";
        assert_eq!(extract(md.as_bytes(), Some("notes.md")).unwrap().source.format, "markdown");
        assert_eq!(extract(md.as_bytes(), None).unwrap().source.format, "markdown");
        assert_eq!(extract(md.as_bytes(), Some("notes.txt")).unwrap().source.format, "text");
        let page = "<!DOCTYPE html><html><body><p>Trains run again, the union said.</p></body></html>";
        assert_eq!(extract(page.as_bytes(), None).unwrap().source.format, "html");
        assert_eq!(extract(page.as_bytes(), Some("page.htm")).unwrap().source.format, "html");
        let prose = "Trains run again - the union said so.\n* Not a list, a footnote mark.\n";
        assert_eq!(extract(prose.as_bytes(), None).unwrap().source.format, "text");
    }

    #[test]
    fn markdown_is_laid_out_with_its_title_first() {
        let e = extract(b"# Strike ends\n\nTrains run **again**.\n\n- one\n- two\n", Some("a.md")).unwrap();
        assert_eq!(e.text, "Strike ends\n\nTrains run again.\none\ntwo");
        assert_eq!(e.body(), "Trains run again.\none\ntwo");
        assert_eq!(e.source.title.as_deref(), Some("Strike ends"));
    }

    #[test]
    fn render_puts_title_byline_and_date_first() {
        let article = Article {
            title: Some("Fire at the port".into()),
            byline: Some("Ana Ruiz".into()),
            date: Some("2024-05-02T10:00:00Z".into()),
            blocks: vec!["Fire at the port".into(), "It burned.".into(), "It stopped.".into()],
            ..Article::default()
        };
        let (text, body_start) = render(&article);
        assert_eq!(text, "Fire at the port\nBy Ana Ruiz\nPublished 2 May 2024\n\nIt burned.\nIt stopped.");
        assert_eq!(&text[body_start..], "It burned.\nIt stopped.");
    }

    #[test]
    fn a_declared_legacy_encoding_is_used() {
        let page = b"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        let e = extract(page, Some("a.html")).unwrap();
        assert_eq!((e.text.as_str(), e.source.encoding.as_str()), ("Привет", "koi8-r"));
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("dir.v2/Report.HTML").as_deref(), Some("html"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("README"), None);
    }
}
