//! Tests of the `article-compare` binary as a user runs it: `compare` with
//! `--json`, `--text` and the piped default, `segment`, `-` for standard
//! input, `--strictness`, text that is not UTF-8, and every error with its
//! exit status and message (missing file, directory, image, binary file,
//! usage errors), plus `--help` and `--version`.

use article_compare::{segment_text, Options, Report};
use std::process::Output;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/articles/harbour-fire/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::{run_in, run_with_input, Temp};

fn run(args: &[&str]) -> Output {
    run_with_input(args, b"")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts a successful run and parses its stdout as a report.
fn report_of(output: &Output) -> Report {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(output));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not a report ({e}): {}", stdout(output)))
}

/// Asserts a failed run with `code`, nothing on stdout, and a message on
/// stderr; returns the message.
fn failure(output: &Output, code: i32) -> String {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(code), "stderr: {message}");
    assert!(output.stdout.is_empty(), "a failed run printed: {}", stdout(output));
    assert!(message.starts_with("article-compare: "), "{message}");
    message
}

// ---------------------------------------------------------------------------
// compare
// ---------------------------------------------------------------------------

#[test]
fn compare_json_prints_a_report_of_both_documents() {
    let report = report_of(&run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--json"]));
    let names: Vec<&str> = report.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["wire.txt", "rewrite.txt"]);
    assert!(!report.matches.is_empty(), "the rewrite shares sentences with the wire copy");
    assert_eq!(report.overlap.len(), 2);
}

#[test]
fn compare_html_writes_the_report_page_to_a_file_or_standard_output() {
    let page = Temp::path_for("report.html");
    let output = run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--html", page.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert!(output.stdout.is_empty(), "the page went to the file; nothing asked for more");
    let written = std::fs::read_to_string(&page).unwrap();
    std::fs::remove_file(&page).unwrap();
    assert!(written.starts_with("<!doctype html>") && written.contains("<bdi>rewrite.txt</bdi>"));
    assert!(written.contains("content=\"default-src 'none'"));
    let printed = run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--html=-"]);
    assert_eq!(stdout(&printed), written, "the same page on standard output");
}

#[test]
fn compare_html_never_writes_over_an_input() {
    let original = std::fs::read(fixture("wire.txt")).unwrap();
    let article = Temp::file("wire.txt", &original);
    let mut pages = vec![article.path.clone()];
    // The same file by another name.
    #[cfg(unix)]
    let _link = {
        let link = Temp { path: Temp::path_for("link.html") };
        std::os::unix::fs::symlink(&article.path, &link.path).unwrap();
        pages.push(link.path.clone());
        link
    };
    for page in &pages {
        let output = run(&["compare", article.arg(), &fixture("rewrite.txt"), "--html", page.to_str().unwrap()]);
        let message = failure(&output, 1);
        assert!(message.contains("is one of the inputs"), "{message}");
        assert_eq!(std::fs::read(&article.path).unwrap(), original, "the article is as it was");
    }
}

#[test]
fn compare_html_refuses_a_page_it_cannot_write_before_comparing() {
    let folder = Temp::dir("pages");
    let missing = folder.path.join("no-such-folder/report.html");
    for (page, says) in [(folder.arg(), "is a folder"), (missing.to_str().unwrap(), "does not exist")] {
        let output = run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--html", page]);
        let message = failure(&output, 1);
        assert!(message.contains(says), "{message}");
        assert!(!message.contains("cannot write"), "refused before comparing: {message}");
    }
    // A bare file name is written in the current folder.
    let output =
        run_in(&folder.path, &["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--html", "report.html"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let page = folder.path.join("report.html");
    assert!(std::fs::read_to_string(&page).unwrap().starts_with("<!doctype html>"));
    std::fs::remove_file(page).unwrap();
}

#[test]
fn compare_text_prints_a_readable_summary() {
    let output = run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--text"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let text = stdout(&output);
    for heading in [
        "Compared 2 documents (strictness 0.5)",
        "Overlap (share of the row's text found in the column):",
        "Shared (",
        "Only in [1] wire.txt (",
        "Only in [2] rewrite.txt (",
        "Discrepancies (",
    ] {
        assert!(text.contains(heading), "missing {heading:?} in:\n{text}");
    }
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_err(), "--text printed JSON");
}

#[test]
fn compare_defaults_to_json_when_stdout_is_not_a_terminal() {
    let report = report_of(&run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt")]));
    assert_eq!(report.documents.len(), 2);
}

#[test]
fn compare_reads_standard_input_for_a_dash() {
    let wire = std::fs::read(fixture("wire.txt")).unwrap();
    let report = report_of(&run_with_input(&["compare", "-", &fixture("rewrite.txt"), "--json"], &wire));
    assert_eq!(report.documents[0].name, "stdin");
    assert_eq!(report.documents[0].length, String::from_utf8(wire).unwrap().encode_utf16().count());
    assert!(report.matches.iter().any(|m| m.a.doc == 0), "the piped text should match the rewrite");
}

#[test]
fn standard_input_can_be_read_only_once() {
    let message = failure(&run_with_input(&["compare", "-", "-"], b"Fire hits port."), 2);
    assert!(message.contains("only once"), "{message}");
}

#[test]
fn compare_takes_named_and_numeric_strictness() {
    for (value, expected) in [("strict", 0.8), ("loose", 0.2), ("0.3", 0.3)] {
        let args = ["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--json", "--strictness", value];
        let report = report_of(&run(&args));
        assert_eq!(report.options.strictness, expected, "--strictness {value}");
    }
    let output = run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--text", "--strictness", "strict"]);
    assert!(stdout(&output).starts_with("Compared 2 documents (strictness 0.8)"), "{}", stdout(&output));
}

// ---------------------------------------------------------------------------
// segment
// ---------------------------------------------------------------------------

#[test]
fn segment_prints_one_json_object_per_line() {
    let output = run(&["segment", &fixture("wire.txt")]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();

    let text = std::fs::read_to_string(fixture("wire.txt")).unwrap();
    let expected = segment_text(&text, &Options::default());
    assert_eq!(lines.len(), expected.len());
    for (line, segment) in lines.iter().zip(&expected) {
        let object = line.as_object().expect("each line is an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["end", "role", "start", "text"]);
        assert_eq!(line, &serde_json::to_value(segment).unwrap());
    }
    assert_eq!(lines[0]["role"], "title", "the headline comes first");
}

#[test]
fn segment_reads_standard_input_for_a_dash() {
    let output = run_with_input(
        &["segment", "-"],
        "Fire hits port.\r\nOfficials said 14 were hurt. Mr. Smith agreed.".as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let texts: Vec<String> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Fire hits port.", "Officials said 14 were hurt.", "Mr. Smith agreed."]);
}

// ---------------------------------------------------------------------------
// Inputs that cannot be read
// ---------------------------------------------------------------------------

#[test]
fn a_missing_file_is_named_with_exit_status_1() {
    let missing = Temp::path_for("missing.txt");
    let missing = missing.to_str().unwrap();
    let message = failure(&run(&["compare", missing, &fixture("wire.txt")]), 1);
    assert!(message.contains(missing) && message.contains("no such file"), "{message}");
}

#[test]
fn a_directory_is_refused_with_exit_status_1() {
    let dir = Temp::dir("folder");
    let message = failure(&run(&["compare", &fixture("wire.txt"), dir.arg()]), 1);
    assert!(message.contains(dir.arg()) && message.contains("directory"), "{message}");
}

/// The first bytes of a PNG file: a signature, then NUL bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

#[test]
fn an_image_is_refused_with_exit_status_1() {
    let png = Temp::file("image.png", PNG);
    let message = failure(&run(&["compare", &fixture("wire.txt"), png.arg()]), 1);
    assert!(message.contains(png.arg()) && message.contains("image (PNG)"), "{message}");
    // The content decides, not the file name.
    let renamed = Temp::file("image.txt", PNG);
    let message = failure(&run(&["segment", renamed.arg()]), 1);
    assert!(message.contains(renamed.arg()) && message.contains("image (PNG)"), "{message}");
}

#[test]
fn a_binary_file_is_refused_with_exit_status_1() {
    let blob = Temp::file("data.txt", b"\0\x01\x02\x03 record 17 \0\0\x07\x08 payload \0");
    let message = failure(&run(&["compare", blob.arg(), &fixture("wire.txt")]), 1);
    assert!(message.contains(blob.arg()) && message.contains("binary"), "{message}");
}

#[test]
fn text_that_is_not_utf8_is_decoded_as_windows_1252() {
    // `--help`: FILE is "plain text in any encoding (UTF-8, UTF-16,
    // Windows-1252…)", so bytes that are not UTF-8 are decoded, not refused.
    let latin1 = Temp::file("latin1.txt", b"Caf\xe9 au lait co\xfbte 3 \x80, the mayor said.");
    let output = run(&["segment", latin1.arg()]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let line: serde_json::Value = serde_json::from_str(stdout(&output).trim_end()).unwrap();
    assert_eq!(line["text"], "Café au lait coûte 3 €, the mayor said.");
}

// ---------------------------------------------------------------------------
// Usage
// ---------------------------------------------------------------------------

#[test]
fn compare_with_one_file_is_a_usage_error() {
    let message = failure(&run(&["compare", &fixture("wire.txt")]), 2);
    assert!(message.contains("at least two files"), "{message}");
    assert!(message.contains("usage: article-compare compare FILE FILE"), "the command's synopsis follows: {message}");
    assert!(message.lines().count() <= 3, "a usage error is short, not the whole help: {message}");
}

#[test]
fn a_flag_of_another_command_is_a_usage_error() {
    let message = failure(&run(&["extract", &fixture("wire.txt"), "--strictness", "0.5"]), 2);
    assert!(message.contains("'--strictness' does not apply to extract"), "{message}");
}

#[test]
fn options_take_their_value_after_an_equals_sign_and_a_double_dash_ends_them() {
    let wire = std::fs::read(fixture("wire.txt")).unwrap();
    let dashed = Temp::file("--dashed.txt", &wire);
    let name = dashed.path.file_name().unwrap().to_str().unwrap().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_article-compare"))
        .current_dir(dashed.path.parent().unwrap())
        .args(["compare", "--strictness=strict", "--json", "--", &name, &fixture("rewrite.txt")])
        .output()
        .unwrap();
    let report = report_of(&output);
    assert_eq!(report.documents[0].name, name);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_shown() {
    use std::os::unix::ffi::OsStrExt;
    let dir = Temp::dir("odd-names");
    let odd = dir.path.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::copy(fixture("wire.txt"), &odd).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_article-compare"))
        .arg("compare")
        .arg(&odd)
        .arg(fixture("rewrite.txt"))
        .arg("--json")
        .output()
        .unwrap();
    std::fs::remove_file(&odd).unwrap();
    let report = report_of(&output);
    assert_eq!(report.documents[0].name, "caf\u{FFFD}.txt");
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let message = failure(&run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--bogus"]), 2);
    assert!(message.contains("unknown option '--bogus'"), "{message}");
}

#[test]
fn strictness_out_of_range_is_a_usage_error() {
    for value in ["5", "-1", "very"] {
        let message =
            failure(&run(&["compare", &fixture("wire.txt"), &fixture("rewrite.txt"), "--strictness", value]), 2);
        assert!(message.contains("--strictness"), "--strictness {value}: {message}");
    }
}

#[test]
fn help_prints_the_usage() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("Usage:") && text.contains("article-compare compare FILE FILE"), "{text}");
    assert!(text.contains("--strictness"), "{text}");
}

#[test]
fn version_prints_the_crate_version() {
    let output = run(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), format!("article-compare {}\n", env!("CARGO_PKG_VERSION")));
}
