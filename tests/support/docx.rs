//! Word documents the tests build: the project writes its own DOCX (a zip of
//! a few XML parts) rather than committing one made by Word. Included by the
//! integration tests and by the DOCX reader's unit tests.

#![allow(dead_code)] // each includer uses its own part

use std::io::Write;

/// A paragraph of `runs`, with the paragraph style `style` unless it is empty.
pub fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() { String::new() } else { format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#) };
    format!("<w:p>{style}{runs}</w:p>")
}

/// A run of `text`.
pub fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// A DOCX with `body` (the XML inside `<w:body>`) and, if given, the
/// footnotes (the XML inside `<w:footnotes>`).
pub fn build(body: &str, footnotes: Option<&str>) -> Vec<u8> {
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>"#)),
    ];
    if let Some(notes) = footnotes {
        parts.push((
            "word/footnotes.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes {ns}>{notes}</w:footnotes>"#),
        ));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (path, text) in parts {
        zip.start_file(path, options).expect("in-memory zip");
        zip.write_all(text.as_bytes()).expect("in-memory zip");
    }
    zip.finish().expect("in-memory zip");
    out.into_inner()
}

/// A small Word document: a title, a byline paragraph, body paragraphs with
/// a tracked insertion and deletion, a table and a footnote.
pub fn docx() -> Vec<u8> {
    let body = [
        p("Title", &r("Fire sweeps through Rotterdam container terminal")),
        p("", &r("By Annelies Brouwer")),
        p("", &(r("A fire swept through stacks of shipping containers at a terminal in the port of Rotterdam early ")
            + "<w:ins w:author=\"ed\"><w:r><w:t>Sunday</w:t></w:r></w:ins><w:del w:author=\"ed\"><w:r><w:delText>Saturday</w:delText></w:r></w:del>"
            + &r(", injuring more than a dozen dockworkers, officials said.")
            + r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#)),
        p("Heading1", &r("Damage")),
        "<w:tbl><w:tr><w:tc>".to_string() + &p("", &r("Containers")) + "</w:tc><w:tc>" + &p("", &r("230")) + "</w:tc></w:tr></w:tbl>",
        p("", &r("The terminal will remain closed until at least Wednesday, the port authority said.")),
    ]
    .concat();
    build(
        &body,
        Some(r#"<w:footnote w:id="1"><w:p><w:r><w:t>Figures from the fire service.</w:t></w:r></w:p></w:footnote>"#),
    )
}
