//! Command-line arguments: what to do, on which files, with which options.

use crate::fetch::{is_address, DEFAULT_TIMEOUT};
use article_compare::Options;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::Duration;

/// The usage text, printed by `--help` and after a usage error.
pub const USAGE: &str = "\
article-compare — compare news articles sentence by sentence

Usage:
  article-compare compare FILE FILE [FILE…] [--json | --text] [--html FILE] [options]
  article-compare segment FILE [--no-boilerplate]
  article-compare extract FILE [--body]
  article-compare extract FILE [FILE…] --json
  article-compare --help | --version

FILE is a path, a web address (http:// or https://: the page is fetched
and its article extracted), or - for standard input (once): plain text in
any encoding (UTF-8, UTF-16, Windows-1252…), Markdown, a saved web page
(.html: the article is extracted, page chrome left out) or a Word document
(.docx). The format is told from the content, the file name and, for an
address, what the server says. `extract` prints the text that is
compared: title, byline and date lines, a blank line, then one paragraph
per line; with --body, the article body alone; with --json, one JSON
object per input and line (input, title, byline, date, text: the body;
error for an input that cannot be read). PDFs, images, archives and inputs over 50 MB are refused with the
reason. When some inputs of `compare` cannot be read, each is named and
the others are still compared (if at least two), with exit status 1.

Options:
  --json               print the full report as JSON (default when piped)
  --text               print a readable summary (default on a terminal)
  --html FILE          write the report as a self-contained web page (the
                       app's export) to FILE, or to standard output for -;
                       with a FILE, standard output gets the report only
                       if --json or --text asks for it
  --strictness VALUE   0 (loose) to 1 (strict), or loose | normal | strict;
                       default 0.5
  --no-boilerplate     do not detect page chrome (for clean texts, drafts)
  --no-diffs           skip word diffs and discrepancies (faster)
  --words-only         match on words alone, without the semantic signal
                       (as the embeddable widget does)
  --body               extract: print the article body alone, without the
                       title, byline and date lines
  --timeout SECONDS    how long fetching one web address may take; default 30

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.";

/// How to print a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report as JSON.
    Json,
    /// A readable summary.
    Text,
}

/// Where `--html` writes the report page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlOutput {
    /// Standard output (`--html -`).
    Stdout,
    /// A file.
    File(PathBuf),
}

/// An input: a file, a web address, or standard input (`-`). File names
/// need not be UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
    /// A web address (`http://`, `https://`).
    Web(String),
}

impl Input {
    fn from(arg: &OsStr) -> Input {
        match arg.to_str() {
            Some("-") => Input::Stdin,
            Some(address) if is_address(address) => Input::Web(address.to_string()),
            _ => Input::File(PathBuf::from(arg)),
        }
    }
}

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Compare files, with the semantic signal unless `words_only`; the
    /// report as a web page to `html` when given.
    Compare {
        files: Vec<Input>,
        format: Option<Format>,
        html: Option<HtmlOutput>,
        options: Options,
        words_only: bool,
        timeout: Duration,
    },
    /// Print the segments of a file, one JSON object per line.
    Segment { file: Input, options: Options, timeout: Duration },
    /// Print the text extracted from files: one as text (the body alone if
    /// `body_only`), or each as a JSON line with the body and head fields.
    Extract { files: Vec<Input>, json: bool, body_only: bool, timeout: Duration },
    /// Print the usage.
    Help,
    /// Print the version.
    Version,
}

/// A usage error: what is wrong, and the command's synopsis to show with it.
#[derive(Debug, PartialEq)]
pub struct UsageError {
    /// What is wrong, as a sentence.
    pub message: String,
    /// The synopsis line of the command it concerns (or of all commands).
    pub synopsis: &'static str,
}

const SYNOPSIS_COMPARE: &str = "article-compare compare FILE FILE [FILE…] [--json | --text] [--html FILE] [options]";
const SYNOPSIS_SEGMENT: &str = "article-compare segment FILE [--no-boilerplate]";
const SYNOPSIS_EXTRACT: &str = "article-compare extract FILE [--body] | extract FILE [FILE…] --json";
const SYNOPSIS_ALL: &str = "article-compare compare | segment | extract … (or --help)";

/// The flags each command takes; `--strictness` and `--timeout` also take
/// a value.
fn takes(command: &str, flag: &str) -> bool {
    flag == "--timeout"
        || match command {
            "compare" => {
                matches!(
                    flag,
                    "--json"
                        | "--text"
                        | "--html"
                        | "--strictness"
                        | "--no-boilerplate"
                        | "--no-diffs"
                        | "--words-only"
                )
            }
            "segment" => flag == "--no-boilerplate",
            "extract" => matches!(flag, "--json" | "--body"),
            _ => false,
        }
}

/// Parses the arguments after the program name (as the system gives them:
/// file names need not be UTF-8).
pub fn parse(args: &[OsString]) -> Result<Command, UsageError> {
    let error = |message: String, synopsis| UsageError { message, synopsis };
    let mut iter = args.iter();
    let Some(command) = iter.next() else { return Ok(Command::Help) };
    let command = match command.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some(c @ ("compare" | "segment" | "extract")) => c,
        _ => return Err(error(format!("unknown command '{}'", command.to_string_lossy()), SYNOPSIS_ALL)),
    };
    let synopsis = match command {
        "compare" => SYNOPSIS_COMPARE,
        "segment" => SYNOPSIS_SEGMENT,
        _ => SYNOPSIS_EXTRACT,
    };
    let mut files = Vec::new();
    let mut format = None;
    let mut options = Options::default();
    let mut words_only = false;
    let mut timeout = DEFAULT_TIMEOUT;
    let mut html = None;
    let mut body_only = false;
    let mut only_files = false;
    while let Some(arg) = iter.next() {
        let text = arg.to_str();
        if only_files || text.is_none_or(|t| !t.starts_with("--") && !matches!(t, "-h")) {
            files.push(Input::from(arg));
            continue;
        }
        let text = text.expect("checked above");
        if text == "--" {
            only_files = true;
            continue;
        }
        if matches!(text, "-h" | "--help") {
            return Ok(Command::Help);
        }
        // `--strictness=0.7` and `--strictness 0.7`
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_string())),
            None => (text, None),
        };
        if !takes(command, flag) {
            let known = ["compare", "segment", "extract"].iter().any(|c| takes(c, flag));
            let message = if known {
                format!("'{flag}' does not apply to {command}")
            } else {
                format!("unknown option '{flag}'")
            };
            return Err(error(message, synopsis));
        }
        let takes_value = matches!(flag, "--strictness" | "--timeout" | "--html");
        if !takes_value && inline.is_some() {
            return Err(error(format!("'{flag}' takes no value"), synopsis));
        }
        let raw = if takes_value {
            match inline {
                Some(v) => OsString::from(v),
                None => iter.next().cloned().ok_or_else(|| error(format!("{flag} needs a value"), synopsis))?,
            }
        } else {
            OsString::new()
        };
        let value = raw.to_string_lossy().into_owned();
        match flag {
            "--json" => format = Some(Format::Json),
            "--text" => format = Some(Format::Text),
            "--no-boilerplate" => options.detect_boilerplate = false,
            "--no-diffs" => options.word_diffs = false,
            "--words-only" => words_only = true,
            "--body" => body_only = true,
            // A file name need not be UTF-8.
            "--html" if raw == "-" => html = Some(HtmlOutput::Stdout),
            "--html" => html = Some(HtmlOutput::File(PathBuf::from(raw))),
            "--timeout" => {
                let seconds = value.parse::<f64>().ok().filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0);
                timeout = seconds.map(Duration::from_secs_f64).ok_or_else(|| {
                    error(format!("--timeout: '{value}' is not a number of seconds from 0 to 3600"), synopsis)
                })?;
            }
            _ => {
                options.strictness =
                    Options::strictness_from_name(&value).or_else(|| value.parse().ok()).ok_or_else(|| {
                        error(
                            format!("--strictness: '{value}' is not a number from 0 to 1 nor loose, normal or strict"),
                            synopsis,
                        )
                    })?;
                options.validate().map_err(|e| error(format!("--strictness: {}", e.message), synopsis))?;
            }
        }
    }
    if files.iter().filter(|f| **f == Input::Stdin).count() > 1 {
        return Err(error("standard input (-) can be read only once".into(), synopsis));
    }
    if command == "extract" {
        let json = format == Some(Format::Json);
        return match files.len() {
            0 => Err(error("extract needs a FILE".into(), synopsis)),
            1 => Ok(Command::Extract { files, json, body_only, timeout }),
            _ if json => Ok(Command::Extract { files, json, body_only, timeout }),
            _ => Err(error("extract takes one FILE, or several with --json".into(), synopsis)),
        };
    }
    if command == "segment" {
        let mut files = files.into_iter();
        return match (files.next(), files.next()) {
            (Some(file), None) => Ok(Command::Segment { file, options, timeout }),
            (None, _) => Err(error("segment needs a FILE".into(), synopsis)),
            _ => Err(error("segment takes one FILE".into(), synopsis)),
        };
    }
    if files.len() < 2 {
        return Err(error(format!("compare needs at least two files, got {}", files.len()), synopsis));
    }
    if html == Some(HtmlOutput::Stdout) && format.is_some() {
        return Err(error(
            "--html - prints the page on standard output: it takes no --json or --text".into(),
            synopsis,
        ));
    }
    Ok(Command::Compare { files, format, html, options, words_only, timeout })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<OsString> {
        s.split_whitespace().map(OsString::from).collect()
    }

    fn files(s: &str) -> Vec<Input> {
        args(s).iter().map(|a| Input::from(a)).collect()
    }

    fn message(s: &str) -> String {
        parse(&args(s)).unwrap_err().message
    }

    #[test]
    fn compare_with_options() {
        let cmd = parse(&args("compare a.txt b.md - --json --strictness strict --no-diffs --words-only")).unwrap();
        assert_eq!(
            cmd,
            Command::Compare {
                files: files("a.txt b.md -"),
                format: Some(Format::Json),
                options: Options::default().with_strictness(0.8).with_word_diffs(false),
                html: None,
                words_only: true,
                timeout: DEFAULT_TIMEOUT,
            }
        );
        let Command::Compare { options, .. } = parse(&args("compare a b --strictness=0.3")).unwrap() else { panic!() };
        assert_eq!(options.strictness, 0.3);
    }

    #[test]
    fn a_double_dash_ends_the_options() {
        let cmd = parse(&args("compare --json -- --notes.txt -")).unwrap();
        let Command::Compare { files: got, format, .. } = cmd else { panic!() };
        assert_eq!((got, format), (files("--notes.txt -"), Some(Format::Json)));
    }

    #[cfg(unix)]
    #[test]
    fn file_names_need_not_be_utf8() {
        use std::os::unix::ffi::OsStringExt;
        let odd = OsString::from_vec(b"caf\xe9.txt".to_vec());
        let cmd = parse(&[OsString::from("compare"), odd.clone(), OsString::from("b.txt")]).unwrap();
        let Command::Compare { files, .. } = cmd else { panic!() };
        assert_eq!(files[0], Input::File(PathBuf::from(odd)));
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(message("compare a.txt").contains("at least two"));
        assert!(message("compare a b --strictness 3").contains("strictness"));
        assert!(message("compare a b --strictness").contains("needs a value"));
        assert!(message("compare - - ").contains("only once"));
        assert!(message("frobnicate").contains("unknown command"));
        assert!(message("compare a b --bogus").contains("unknown option"));
        assert!(message("compare a b --json=yes").contains("takes no value"));
        assert_eq!(message("extract page.html --strictness 0.5"), "'--strictness' does not apply to extract");
        assert_eq!(message("segment a.txt --json"), "'--json' does not apply to segment");
        assert!(message("segment").contains("needs a FILE"));
        assert!(message("extract").contains("extract needs a FILE"));
        assert!(message("extract a b").contains("several with --json"));
        assert!(message("segment a b").contains("one FILE"));
        assert_eq!(
            parse(&args("extract page.html")).unwrap(),
            Command::Extract { files: files("page.html"), json: false, body_only: false, timeout: DEFAULT_TIMEOUT }
        );
        assert_eq!(
            parse(&args("extract a.html b.html --json --body")).unwrap(),
            Command::Extract { files: files("a.html b.html"), json: true, body_only: true, timeout: DEFAULT_TIMEOUT }
        );
        assert_eq!(message("extract page.html --text"), "'--text' does not apply to extract");
        assert_eq!(parse(&args("extract page.html --text")).unwrap_err().synopsis, SYNOPSIS_EXTRACT);
        assert_eq!(message("compare a b --body"), "'--body' does not apply to compare");
    }

    #[test]
    fn html_goes_to_a_file_or_standard_output() {
        let html = |s: &str| match parse(&args(s)) {
            Ok(Command::Compare { html, format, .. }) => Ok((html, format)),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e.message),
        };
        assert_eq!(html("compare a b --html out.html"), Ok((Some(HtmlOutput::File("out.html".into())), None)));
        assert_eq!(html("compare a b --html=- "), Ok((Some(HtmlOutput::Stdout), None)));
        let both = html("compare a b --html out.html --json");
        assert_eq!(both, Ok((Some(HtmlOutput::File("out.html".into())), Some(Format::Json))));
        assert!(html("compare a b --html - --text").unwrap_err().contains("takes no --json or --text"));
        assert!(html("compare a b --html").unwrap_err().contains("--html needs a value"));
        assert_eq!(message("extract a --html x"), "'--html' does not apply to extract");
    }

    #[test]
    fn web_addresses_and_a_timeout() {
        let cmd = parse(&args("compare https://example.com/a notes.txt --timeout 2.5")).unwrap();
        let Command::Compare { files: got, timeout, .. } = cmd else { panic!() };
        assert_eq!(got, vec![Input::Web("https://example.com/a".into()), Input::File("notes.txt".into())]);
        assert_eq!(timeout, Duration::from_millis(2500));
        let Command::Extract { timeout, .. } = parse(&args("extract http://example.com --timeout=1")).unwrap() else {
            panic!()
        };
        assert_eq!(timeout, Duration::from_secs(1));
        assert!(message("extract http://example.com --timeout 0").contains("not a number of seconds"));
        assert!(message("extract http://example.com --timeout").contains("needs a value"));
    }

    #[test]
    fn help_and_version() {
        assert_eq!(parse(&[]).unwrap(), Command::Help);
        assert_eq!(parse(&args("--version")).unwrap(), Command::Version);
        assert_eq!(parse(&args("compare a b --help")).unwrap(), Command::Help);
    }
}
