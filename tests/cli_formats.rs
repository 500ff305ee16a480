//! The command line on every format it reads: `extract` prints the text
//! that is compared, `segment` and `compare` read web pages, Word documents,
//! Markdown and legacy encodings (also from standard input, by sniffing),
//! and a file that cannot be compared is refused with its name, the reason
//! and exit status 1.

use std::process::Output;

#[path = "support/docx.rs"]
mod support;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::{run_with_input as run, Temp};

fn success(output: &Output) -> String {
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {err}");
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn failure(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn extract_prints_title_meta_lines_then_the_body() {
    let out = success(&run(&["extract", &fixture("harbour-fire.html")], b""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Fire sweeps through Rotterdam container terminal, injuring more than a dozen workers");
    assert_eq!(lines[1..4], ["By Annelies Brouwer, Thomas Keane", "Published 9 March 2025", ""]);
    assert!(lines[4].starts_with("ROTTERDAM, Netherlands (NWS)"));
    assert_eq!(lines.last(), Some(&"Keane reported from London."));
    assert!(!out.contains("harbourwatcher") && !out.contains("Most read"), "{out}");
}

#[test]
fn extract_body_leaves_the_head_lines_out() {
    let full = success(&run(&["extract", &fixture("harbour-fire.html")], b""));
    let body = success(&run(&["extract", "--body", &fixture("harbour-fire.html")], b""));
    assert!(body.starts_with("ROTTERDAM, Netherlands (NWS)"), "{body}");
    assert!(full.ends_with(&body) && full.len() > body.len());
    // A text without head lines is all body.
    let plain = success(&run(&["extract", &fixture("cafe-windows-1252.txt")], b""));
    assert_eq!(success(&run(&["extract", &fixture("cafe-windows-1252.txt"), "--body"], b"")), plain);
}

#[test]
fn extract_json_gives_one_line_per_input_and_names_failures() {
    let page = fixture("harbour-fire.html");
    let missing = fixture("no-such-page.html");
    let output = run(&["extract", "--json", &page, &missing, &fixture("harbour-fire.md")], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-page.html: no such file"), "{stderr}");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["input"], page.as_str());
    assert_eq!(lines[0]["byline"], "Annelies Brouwer, Thomas Keane");
    let body = success(&run(&["extract", "--body", &page], b""));
    assert_eq!(lines[0]["text"].as_str().map(|t| t.to_string() + "\n"), Some(body));
    assert_eq!(lines[1]["input"], missing.as_str());
    assert!(lines[1]["error"].as_str().unwrap().ends_with("no-such-page.html: no such file"));
    assert_eq!(lines[2]["title"], "Huge fire rips through Rotterdam container terminal");
}

#[test]
fn standard_input_is_sniffed() {
    let page = std::fs::read(fixture("harbour-fire.html")).unwrap();
    let from_file = success(&run(&["extract", &fixture("harbour-fire.html")], b""));
    assert_eq!(success(&run(&["extract", "-"], &page)), from_file);
    let utf16 = std::fs::read(fixture("residents-utf16le.txt")).unwrap();
    assert!(success(&run(&["extract", "-"], &utf16)).contains("“Er is geen gevaar meer.”"));
}

#[test]
fn extract_reads_every_format() {
    let docx = Temp::file("draft.docx", &support::docx());
    let cases = [
        (fixture("rail-strike.html"), "“It was not an easy decision"),
        (fixture("harbour-fire.md"), "Damage\tCount"),
        (docx.arg().to_string(), "Containers\t230"),
        (fixture("cafe-windows-1252.txt"), "Zoë Müller"),
        (fixture("residents-utf16le.txt"), "12 °C"),
    ];
    for (path, expected) in cases {
        let out = success(&run(&["extract", &path], b""));
        assert!(out.contains(expected), "{path}: {out}");
    }
}

#[test]
fn segment_shows_the_title_and_meta_segments_of_a_page() {
    let out = success(&run(&["segment", &fixture("harbour-fire.html")], b""));
    let segments: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let roles: Vec<&str> = segments.iter().take(4).map(|s| s["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["title", "meta", "meta", "body"], "{out}");
}

#[test]
fn compare_reads_a_page_a_word_document_and_text_and_reports_their_sources() {
    let docx = Temp::file("draft.docx", &support::docx());
    let out = success(&run(
        &["compare", &fixture("harbour-fire.html"), docx.arg(), &fixture("cafe-windows-1252.txt"), "--json"],
        b"",
    ));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sources: Vec<(&str, &str)> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["source"]["format"].as_str().unwrap(), d["source"]["encoding"].as_str().unwrap()))
        .collect();
    assert_eq!(sources, [("html", "utf-8"), ("docx", "utf-8"), ("text", "windows-1252")]);
    assert!(report["documents"][0]["source"]["dropped"]["blocks"].as_u64().unwrap() > 0);
    assert!(!report["matches"].as_array().unwrap().is_empty());
}

#[test]
fn refused_files_are_named_with_the_reason_and_exit_status_1() {
    for (name, reason) in [("report.pdf", "is a PDF"), ("photo.png", "is an image (PNG)"), ("empty.txt", "is empty")] {
        let path = fixture(name);
        let message = failure(&run(&["extract", &path], b""));
        assert!(message.contains(&path) && message.contains(reason), "{message}");
        let message = failure(&run(&["compare", &fixture("harbour-fire.html"), &path], b""));
        assert!(message.contains(&path) && message.contains(reason), "{message}");
    }
    let message = failure(&run(&["extract", "-"], b""));
    assert!(message.contains("standard input: is empty"), "{message}");
    let zip = Temp::file("bundle.zip", b"PK\x03\x04\x14\0\0\0\0\0");
    assert!(failure(&run(&["extract", zip.arg()], b"")).contains("ZIP archive"));
}

#[test]
fn extract_needs_one_file_or_json() {
    let output = run(&["extract"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("extract needs a FILE"));
    let several = run(&["extract", &fixture("harbour-fire.html"), &fixture("harbour-fire.md")], b"");
    assert_eq!(several.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&several.stderr).contains("several with --json"));
}
