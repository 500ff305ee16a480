//! Word documents (`.docx`, Office Open XML): the main document's text in
//! reading order, read with `zip` and `quick-xml`. Paragraphs become lines,
//! a paragraph styled Title (or a first Heading 1) becomes the title, table
//! rows become lines with cells separated by tabs, tracked changes are
//! resolved to the accepted text (insertions kept, deletions left out), and
//! footnotes, endnotes and comments are left out and counted as dropped.
//!
//! The XML is read as a stream (no tree, so no recursion on deep nesting),
//! and every part is read through a size cap, so a zip bomb is refused.

use super::{too_large, Article};
use crate::error::{Error, ErrorKind};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The most decompressed bytes read from a document's parts, in all.
pub(crate) const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;

/// The text of the DOCX in `bytes`. `name` names the file in messages.
pub(crate) fn extract(bytes: &[u8], name: &str) -> Result<Article, Error> {
    extract_within(bytes, name, MAX_UNZIPPED_BYTES)
}

/// [`extract`], reading at most `budget` decompressed bytes.
fn extract_within(bytes: &[u8], name: &str, mut budget: u64) -> Result<Article, Error> {
    let broken = |why: String| {
        Error::new(ErrorKind::UnsupportedFormat, format!("{name}: is not a readable Word document ({why})"))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(e.to_string()))?;
    let main = main_part(&mut zip, &mut budget, name)?;
    let xml = read_part(&mut zip, &main, &mut budget, name)?.ok_or_else(|| broken(format!("it has no {main}")))?;
    let mut article = document(&xml);
    for (part, element) in
        [("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"), ("word/comments.xml", "comment")]
    {
        if let Some(xml) = read_part(&mut zip, part, &mut budget, name)? {
            let (blocks, characters) = notes(&xml, element);
            article.dropped.blocks += blocks;
            article.dropped.characters += characters;
        }
    }
    Ok(article)
}

/// Whether a zip archive is a Word document: it has the main document part.
pub(crate) fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|zip| zip.file_names().any(|n| n == "word/document.xml"))
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The main document part, as the package's relationships name it (almost
/// always `word/document.xml`).
fn main_part(zip: &mut Zip, budget: &mut u64, name: &str) -> Result<String, Error> {
    let fallback = "word/document.xml".to_string();
    let Some(rels) = read_part(zip, "_rels/.rels", budget, name)? else { return Ok(fallback) };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let is_main = attribute(&e, b"Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let Some(target) = attribute(&e, b"Target").filter(|_| is_main) {
                    return Ok(target.trim_start_matches('/').to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(fallback),
            _ => {}
        }
    }
}

/// The part at `path` as text, or `None` when the archive has no such part.
fn read_part(zip: &mut Zip, path: &str, budget: &mut u64, name: &str) -> Result<Option<String>, Error> {
    let mut file = match zip.by_name(path) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat,
                format!("{name}: cannot read {path} in the Word document ({e})"),
            ))
        }
    };
    let mut bytes = Vec::new();
    // Read one byte past the budget to tell "exactly at the cap" from "over".
    let read = (&mut file).take(*budget + 1).read_to_end(&mut bytes);
    if bytes.len() as u64 > *budget {
        return Err(too_large(name, &format!("it unpacks to more than {} MB of text", MAX_UNZIPPED_BYTES / 1_000_000)));
    }
    read.map_err(|e| Error::new(ErrorKind::UnsupportedFormat, format!("{name}: cannot unpack {path} ({e})")))?;
    *budget -= bytes.len() as u64;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

fn attribute(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// `&amp;`, `&#8220;` and the other references XML allows.
fn reference(r: &BytesRef) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.decode().ok()?;
    quick_xml::escape::resolve_xml_entity(&name).map(str::to_string)
}

/// Reads `word/document.xml`.
fn document(xml: &str) -> Article {
    let mut article = Article::default();
    let mut reader = Reader::from_str(xml);
    let mut line = String::new();
    let mut in_text = false;
    // Depth inside content that is not part of the accepted text: deleted
    // or moved-away runs, the duplicate fallback of a drawing, field codes.
    let mut skipped = 0usize;
    let mut style = String::new();
    let mut first_paragraph = true;
    let mut in_cell = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    b"del" | b"moveFrom" | b"Fallback" | b"instrText" | b"delText" => skipped += 1,
                    _ if skipped > 0 => {}
                    b"t" => in_text = true,
                    b"p" => {
                        // A paragraph inside another (a text box) ends the outer line.
                        end_paragraph(&mut line, &mut article, &mut style, &mut first_paragraph, in_cell > 0);
                    }
                    b"tc" => in_cell += 1,
                    b"tr" => end_line(&mut line, &mut article.blocks),
                    _ => {}
                }
            }
            Event::Empty(e) if skipped == 0 => match e.local_name().as_ref() {
                b"tab" => line.push('\t'),
                b"br" | b"cr" if !line.ends_with([' ', '\t']) => line.push(' '),
                b"noBreakHyphen" => line.push('-'),
                b"pStyle" => style = attribute(&e, b"val").unwrap_or_default(),
                _ => {}
            },
            Event::Text(t) if in_text && skipped == 0 => line.push_str(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) if in_text && skipped == 0 => line.push_str(&reference(&r).unwrap_or_default()),
            Event::End(e) => match e.local_name().as_ref() {
                b"del" | b"moveFrom" | b"Fallback" | b"instrText" | b"delText" => skipped = skipped.saturating_sub(1),
                _ if skipped > 0 => {}
                b"t" => in_text = false,
                b"p" => end_paragraph(&mut line, &mut article, &mut style, &mut first_paragraph, in_cell > 0),
                b"tc" => {
                    in_cell = in_cell.saturating_sub(1);
                    let trimmed = line.trim_end().len();
                    line.truncate(trimmed);
                    line.push('\t');
                }
                b"tr" => end_line(&mut line, &mut article.blocks),
                _ => {}
            },
            _ => {}
        }
    }
    end_line(&mut line, &mut article.blocks);
    article
}

/// Ends a paragraph: a line of its own, unless inside a table cell, where
/// the cell's paragraphs run together and the row makes the line.
fn end_paragraph(line: &mut String, article: &mut Article, style: &mut String, first: &mut bool, in_cell: bool) {
    if in_cell {
        if !line.is_empty() && !line.ends_with([' ', '\t']) {
            line.push(' ');
        }
        return;
    }
    let text = line.trim();
    if !text.is_empty() {
        let is_title = style == "Title" || (*first && style.starts_with("Heading1"));
        if is_title && article.title.is_none() && article.blocks.is_empty() {
            article.title = Some(text.to_string());
        } else {
            article.blocks.push(text.to_string());
        }
        *first = false;
    }
    line.clear();
    style.clear();
}

fn end_line(line: &mut String, blocks: &mut Vec<String>) {
    let text = line.trim_matches(|c: char| c.is_whitespace());
    if !text.is_empty() {
        blocks.push(text.to_string());
    }
    line.clear();
}

/// How many notes of `element` (`footnote`, `endnote`, `comment`) the part
/// has, and their length in characters. Word's separator notes (with a
/// `w:type`) are not the author's and do not count.
fn notes(xml: &str, element: &str) -> (usize, usize) {
    let mut reader = Reader::from_str(xml);
    let (mut count, mut characters) = (0, 0);
    let (mut in_note, mut in_text) = (false, false);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) if e.local_name().as_ref() == element.as_bytes() => {
                in_note = attribute(&e, b"type").is_none_or(|t| t == "normal");
                count += usize::from(in_note);
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == element.as_bytes() => in_note = false,
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"t" => in_text = in_note,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"t" => in_text = false,
            Ok(Event::Text(t)) if in_text => characters += t.decode().map_or(0, |t| t.chars().count()),
            _ => {}
        }
    }
    (count, characters)
}

#[cfg(test)]
#[path = "../../tests/support/docx.rs"]
mod built;

#[cfg(test)]
mod tests {
    use super::built::{build as docx, p, r};
    use super::*;
    use std::io::Write;

    #[test]
    fn paragraphs_titles_tables_and_tracked_changes() {
        let body = [
            p("Title", &r("Harbour fire contained")),
            p(
                "",
                &(r("Firefighters contained the blaze on ")
                    + "<w:ins><w:r><w:t>Tuesday</w:t></w:r></w:ins>"
                    + "<w:del><w:r><w:delText>Monday</w:delText></w:r></w:del>"
                    + &r(", officials said.")),
            ),
            p("Heading2", &r("Damage")),
            "<w:tbl><w:tr><w:tc>".to_string()
                + &p("", &r("Warehouses"))
                + "</w:tc><w:tc>"
                + &p("", &r("3"))
                + "</w:tc></w:tr><w:tr><w:tc>"
                + &p("", &r("Ships"))
                + "</w:tc><w:tc>"
                + &p("", &r("1"))
                + "</w:tc></w:tr></w:tbl>",
            p(
                "",
                &(r("Tom &amp; Jerry&#8217;s")
                    + "<w:r><w:tab/><w:t>tabbed</w:t></w:r>"
                    + r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#),
            ),
        ]
        .concat();
        let notes = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Source: port log.</w:t></w:r></w:p></w:footnote>"#;
        let a = extract(&docx(&body, Some(notes)), "draft.docx").unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour fire contained"));
        assert_eq!(
            a.blocks,
            [
                "Firefighters contained the blaze on Tuesday, officials said.",
                "Damage",
                "Warehouses\t3",
                "Ships\t1",
                "Tom & Jerry’s\ttabbed"
            ]
        );
        assert_eq!((a.dropped.blocks, a.dropped.characters), (1, "Source: port log.".len()));
    }

    #[test]
    fn not_a_docx_is_refused_with_the_file_name() {
        let err = extract(b"PK\x03\x04 truncated", "broken.docx").unwrap_err();
        assert_eq!(err.kind, ErrorKind::UnsupportedFormat);
        assert!(err.message.starts_with("broken.docx: "), "{}", err.message);
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        // 3 MB of spaces compress to a few kilobytes; the cap is lowered to
        // 1 MB here to keep the test fast (the real one is 200 MB).
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..3 {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap();
        let bytes = out.into_inner();
        assert!(bytes.len() < 100_000);
        let err = extract_within(&bytes, "bomb.docx", 1 << 20).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
    }
}
