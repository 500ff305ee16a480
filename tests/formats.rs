//! The format readers on the project's own fixtures (`tests/fixtures/formats/`):
//! hand-written news pages with their chrome, Markdown, a Word document
//! built here, UTF-16 and Windows-1252 text, and the files that are refused
//! (PDF, PNG, empty). Also: the extracted title, byline and date become
//! `title` and `meta` segments, the report carries each document's source,
//! and no input, however mangled, makes the readers panic.

use article_compare::formats::{extract, Extracted};
use article_compare::{compare, segment_text, Document, ErrorKind, Options, Role};

#[path = "support/docx.rs"]
mod support;
use support::docx;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Extracted {
    extract(&fixture(name), Some(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn roles(text: &str) -> Vec<(String, Role)> {
    segment_text(text, &Options::default()).into_iter().map(|s| (s.text, s.role)).collect()
}

#[test]
fn a_news_page_gives_its_article_without_the_chrome() {
    let e = read("harbour-fire.html");
    let s = &e.source;
    assert_eq!((s.format.as_str(), s.encoding.as_str(), s.extraction.as_str()), ("html", "utf-8", "readability"));
    let title = "Fire sweeps through Rotterdam container terminal, injuring more than a dozen workers";
    assert_eq!(s.title.as_deref(), Some(title));
    assert_eq!(s.byline.as_deref(), Some("Annelies Brouwer, Thomas Keane"));
    assert_eq!(s.date.as_deref(), Some("2025-03-09T14:32:00+01:00"));
    let lines: Vec<&str> = e.text.lines().collect();
    assert_eq!(lines[..4], [title, "By Annelies Brouwer, Thomas Keane", "Published 9 March 2025", ""]);
    assert!(lines[4].starts_with("ROTTERDAM, Netherlands (NWS) — A fire swept"), "{}", e.text);
    for kept in ["Verhallen told reporters", "Investigation", "lithium-ion", "Keane reported from London."] {
        assert!(e.text.contains(kept), "{kept} is missing from:\n{}", e.text);
    }
    for chrome in [
        "cookies",
        "Europe\n",
        "Netherlands\n",
        "Advertisement",
        "Read more",
        "Most read",
        "Related stories",
        "Container fires:",
        "Comments",
        "harbourwatcher",
        "scandal",
        "morning briefing",
        "Privacy",
        "©",
        "dataLayer",
        "Facebook",
    ] {
        assert!(!e.text.contains(chrome), "chrome {chrome:?} in:\n{}", e.text);
    }
    assert!(s.dropped.blocks >= 15 && s.dropped.characters > 500, "{:?}", s.dropped);
}

#[test]
fn the_title_byline_and_date_become_title_and_meta_segments() {
    let e = read("harbour-fire.html");
    let segments = roles(&e.text);
    assert_eq!(segments[0].1, Role::Title, "{segments:?}");
    assert_eq!(segments[1], ("By Annelies Brouwer, Thomas Keane".into(), Role::Meta));
    assert_eq!(segments[2], ("Published 9 March 2025".into(), Role::Meta));
    assert_eq!(segments[3].1, Role::Body);
}

#[test]
fn an_old_table_layout_page_in_windows_1252() {
    let e = read("rail-strike.html");
    assert_eq!((e.source.encoding.as_str(), e.source.extraction.as_str()), ("windows-1252", "readability"));
    assert_eq!(e.source.title.as_deref(), Some("Rail strike ends after four days"));
    assert_eq!(e.source.byline.as_deref(), Some("Ana Ruiz"));
    assert!(e.text.contains("“It was not an easy decision, but our members have been heard,” said Marta Olsen, the union’s regional secretary."), "{}", e.text);
    assert!(e.text.contains("Train drivers voted on Thursday") && e.text.contains("extra evening services next week."));
    for chrome in ["Front page", "Obituaries", "More local news", "Council approves", "Copyright", "Tags:"] {
        assert!(!e.text.contains(chrome), "chrome {chrome:?} in:\n{}", e.text);
    }
}

#[test]
fn markdown_loses_its_markup_and_keeps_its_text() {
    let e = read("harbour-fire.md");
    assert_eq!((e.source.format.as_str(), e.source.extraction.as_str()), ("markdown", "markdown"));
    assert_eq!(e.source.title.as_deref(), Some("Huge fire rips through Rotterdam container terminal"));
    assert_eq!(e.source.byline.as_deref(), Some("Pieter Haalboom"));
    assert_eq!(e.source.date.as_deref(), Some("2025-03-09"));
    let expected = "Huge fire rips through Rotterdam container terminal\nBy Pieter Haalboom\nPublished 9 March 2025\n\n\
        A fire swept through stacks of shipping containers at a terminal in the Dutch port of Rotterdam early on Sunday, injuring more than a dozen dockworkers, officials said.\n\
        What we know\n\
        The blaze broke out shortly before 4am at the Eemhaven terminal.\n\
        A total of 17 workers were treated for burns and smoke inhalation.\n\
        The terminal will stay closed until at least Wednesday.\n\
        “This was a very difficult fire,” said Ruud Verhallen, a spokesman for the regional fire service.\n\
        Damage\tCount\nContainers\t230\nVessels waiting\t40\n\
        Readings published by the municipality:\nPM10  38 µg/m³\nNO2   21 µg/m³";
    assert_eq!(e.text, expected);
    assert_eq!(e.source.dropped.blocks, 2, "the image and the HTML block");
}

#[test]
fn a_word_document_in_reading_order() {
    let e = extract(&docx(), Some("draft.docx")).unwrap();
    assert_eq!((e.source.format.as_str(), e.source.extraction.as_str()), ("docx", "docx"));
    assert_eq!(
        e.text,
        "Fire sweeps through Rotterdam container terminal\n\nBy Annelies Brouwer\n\
         A fire swept through stacks of shipping containers at a terminal in the port of Rotterdam early Sunday, injuring more than a dozen dockworkers, officials said.\n\
         Damage\nContainers\t230\n\
         The terminal will remain closed until at least Wednesday, the port authority said."
    );
    assert_eq!((e.source.dropped.blocks, e.source.dropped.characters), (1, "Figures from the fire service.".len()));
    let segments = roles(&e.text);
    assert_eq!(segments[0].1, Role::Title);
    assert_eq!(segments[1].1, Role::Meta);
}

#[test]
fn utf16_and_windows_1252_text_is_decoded() {
    let e = read("residents-utf16le.txt");
    assert_eq!((e.source.format.as_str(), e.source.encoding.as_str()), ("text", "utf-16le"));
    assert!(e.text.contains("Gemeente Rotterdam: “Er is geen gevaar meer.” Temperatures reached 12 °C."));
    assert!(!e.text.contains('\r') && !e.text.starts_with('\u{feff}'));
    let e = read("cafe-windows-1252.txt");
    assert_eq!(e.source.encoding, "windows-1252");
    assert!(
        e.text.contains("more than €2,000")
            && e.text.contains("“We had to close the terrace at noon,” said Zoë Müller")
    );
}

#[test]
fn pdf_png_and_empty_files_are_refused_with_reasons() {
    for (name, kind, words) in [
        ("report.pdf", ErrorKind::UnsupportedFormat, "is a PDF"),
        ("photo.png", ErrorKind::UnsupportedFormat, "is an image (PNG)"),
        ("empty.txt", ErrorKind::EmptyFile, "is empty"),
    ] {
        let err = extract(&fixture(name), Some(name)).unwrap_err();
        assert_eq!(err.kind, kind, "{name}");
        assert!(err.message.starts_with(&format!("{name}: {words}")), "{}", err.message);
    }
    assert_eq!(ErrorKind::UnsupportedFormat.as_str(), "unsupported_format");
    assert_eq!(ErrorKind::EmptyFile.as_str(), "empty_file");
}

#[test]
fn the_report_carries_each_documents_source() {
    let docs: Vec<Document> = [
        ("harbour-fire.html", fixture("harbour-fire.html")),
        ("draft.docx", docx()),
        ("cafe.txt", fixture("cafe-windows-1252.txt")),
    ]
    .into_iter()
    .map(|(name, bytes)| {
        let e = extract(&bytes, Some(name)).unwrap();
        Document::new(name, e.text).with_source(e.source)
    })
    .collect();
    let report = compare(&docs, &Options::default()).unwrap();
    let formats: Vec<&str> = report.documents.iter().map(|d| d.source.as_ref().unwrap().format.as_str()).collect();
    assert_eq!(formats, ["html", "docx", "text"]);
    assert!(!report.matches.is_empty(), "the web page and the draft share sentences");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["documents"][0]["source"]["extraction"], "readability");
    assert_eq!(json["documents"][2]["source"]["encoding"], "windows-1252");
    // Text given as text has no source, and the key is left out.
    let plain =
        compare(&[Document::new("a", "One sentence here."), Document::new("b", "Another one.")], &Options::default())
            .unwrap();
    assert!(serde_json::to_value(&plain).unwrap()["documents"][0].get("source").is_none());
}

#[test]
fn a_document_with_a_source_round_trips_through_json() {
    let e = read("harbour-fire.md");
    let doc = Document::new("md", e.text).with_source(e.source);
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
    let plain: Document = serde_json::from_str(r#"{"name": "a", "text": "b"}"#).unwrap();
    assert_eq!(plain.source, None);
}

/// Truncated, bit-flipped and spliced versions of every fixture: each one
/// gives text or an error, never a panic.
#[test]
fn mangled_inputs_never_panic() {
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    let originals = [
        "harbour-fire.html",
        "rail-strike.html",
        "harbour-fire.md",
        "residents-utf16le.txt",
        "cafe-windows-1252.txt",
        "report.pdf",
        "photo.png",
    ]
    .map(fixture)
    .into_iter()
    .chain([docx()]);
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for bytes in originals {
        for cut in [1, 2, 3, 7, bytes.len() / 3, bytes.len() / 2, bytes.len().saturating_sub(1)] {
            inputs.push(bytes[..cut.min(bytes.len())].to_vec());
        }
        for _ in 0..20 {
            let mut flipped = bytes.clone();
            for _ in 0..4 {
                let at = next() as usize % flipped.len();
                flipped[at] = next() as u8;
            }
            inputs.push(flipped);
        }
    }
    inputs.push(b"<".repeat(10_000));
    inputs.push(b"<table><tr><td>".repeat(2_000));
    inputs.push(b"<a href=#>".repeat(5_000));
    inputs.push([b"<p>".repeat(3_000), b"<b><i><u>".repeat(3_000)].concat());
    inputs.push(b"PK\x03\x04".repeat(1_000));
    inputs.push([b"\xff\xfe".as_slice(), &[0xd8, 0x00].repeat(100)].concat());
    for (i, bytes) in inputs.iter().enumerate() {
        for name in [None, Some("x.html"), Some("x.md"), Some("x.docx"), Some("x.txt")] {
            if let Ok(e) = extract(bytes, name) {
                assert!(!e.text.trim().is_empty(), "input {i} as {name:?} gave empty text");
            }
        }
    }
}
