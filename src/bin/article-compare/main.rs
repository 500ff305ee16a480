//! The `article-compare` command: the core library on files, for batch
//! jobs and pipelines.

mod args;
mod fetch;
mod input;
mod text_output;

use args::{Command, Format, HtmlOutput, Input};
use article_compare::{compare_with_embeddings, report_page, segment_text, Document, Embeddings, Report};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Exit status when an input cannot be read or compared.
const INPUT_ERROR: u8 = 1;
/// Exit status for a usage error.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    // `args_os`: a file name that is not UTF-8 is still a file name.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let command = match args::parse(&argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("article-compare: {}\nusage: {}\n(article-compare --help for more)", e.message, e.synopsis);
            return ExitCode::from(USAGE_ERROR);
        }
    };
    match run(command) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::SomeInputsUnread) => ExitCode::from(INPUT_ERROR),
        Err(message) => {
            eprintln!("article-compare: {message}");
            ExitCode::from(INPUT_ERROR)
        }
    }
}

/// How a run that printed its result went.
enum Outcome {
    Done,
    /// Some inputs of a comparison could not be read (each was named on
    /// standard error); the others were compared.
    SomeInputsUnread,
}

fn run(command: Command) -> Result<Outcome, String> {
    let mut outcome = Outcome::Done;
    let mut stdout = std::io::stdout().lock();
    let written = match command {
        Command::Help => writeln!(stdout, "{}", args::USAGE),
        Command::Version => writeln!(stdout, "article-compare {}", article_compare::VERSION),
        Command::Segment { file, options, timeout } => {
            let text = input::read(&file, timeout)?.text;
            let mut out = String::new();
            for s in segment_text(&text, &options) {
                out.push_str(&serde_json::to_string(&s).map_err(|e| e.to_string())?);
                out.push('\n');
            }
            stdout.write_all(out.as_bytes())
        }
        Command::Extract { files, json: false, body_only, timeout } => {
            let extracted = input::read(&files[0], timeout)?;
            let mut text = if body_only { extracted.body() } else { extracted.text.as_str() }.to_string();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            stdout.write_all(text.as_bytes())
        }
        Command::Extract { files, json: true, timeout, .. } => {
            // One line per input as soon as it is read, so a long batch
            // streams; an input that fails gets a line with its error. The
            // head lines have fields of their own: `text` is the body.
            let mut written = Ok(());
            for file in &files {
                let input = given_name(file);
                let line = match input::read(file, timeout) {
                    Ok(e) => serde_json::to_string(&ExtractLine::Read {
                        input,
                        url: e.source.url.as_deref(),
                        title: e.source.title.as_deref(),
                        byline: e.source.byline.as_deref(),
                        date: e.source.date.as_deref(),
                        text: e.body(),
                    }),
                    Err(error) => {
                        eprintln!("article-compare: {error}");
                        outcome = Outcome::SomeInputsUnread;
                        serde_json::to_string(&ExtractLine::Failed { input, error: &error })
                    }
                }
                .map_err(|e| e.to_string())?;
                written = writeln!(stdout, "{line}");
                if written.is_err() {
                    break;
                }
            }
            written
        }
        Command::Compare { files, format, html, options, words_only, timeout } => {
            // Checked before anything is read: the page would replace the
            // article, or a long comparison would be lost for a typo.
            if let Some(HtmlOutput::File(page)) = &html {
                if files.iter().any(|f| matches!(f, Input::File(input) if same_file(input, page))) {
                    return Err(format!(
                        "--html {}: is one of the inputs, and the page would be written over it (name another file)",
                        page.display()
                    ));
                }
                page_destination(page)?;
            }
            // Every input is read, and every one that fails is named: in a
            // batch of addresses one dead link must not lose the others.
            let mut documents = Vec::new();
            for f in &files {
                match input::read(f, timeout) {
                    Ok(extracted) => {
                        documents.push(Document::new(display_name(f), extracted.text).with_source(extracted.source))
                    }
                    Err(message) => {
                        eprintln!("article-compare: {message}");
                        outcome = Outcome::SomeInputsUnread;
                    }
                }
            }
            if documents.len() < 2 && matches!(outcome, Outcome::SomeInputsUnread) {
                return Err(format!("{} of {} inputs could be read: nothing to compare", documents.len(), files.len()));
            }
            let embeddings = (!words_only).then(Embeddings::bundled);
            let report =
                compare_with_embeddings(&documents, &options, embeddings, &mut |_| {}).map_err(|e| e.to_string())?;
            let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
            let rendered = match (&html, format) {
                (Some(HtmlOutput::Stdout), _) => report_page(&report, &texts),
                // The page goes to a file: standard output gets the report only if asked.
                (Some(HtmlOutput::File(path)), format) => {
                    std::fs::write(path, report_page(&report, &texts))
                        .map_err(|e| format!("{}: cannot write the page: {e}", path.display()))?;
                    format.map_or(Ok(String::new()), |f| formatted(&report, f))?
                }
                (None, format) => formatted(
                    &report,
                    format.unwrap_or(if std::io::stdout().is_terminal() { Format::Text } else { Format::Json }),
                )?,
            };
            stdout.write_all(rendered.as_bytes())
        }
    };
    match written {
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(outcome),
        other => other.map(|()| outcome).map_err(|e| format!("cannot write output: {e}")),
    }
}

/// Refuses a page path that cannot be written: a directory, or a file in
/// a folder that does not exist.
fn page_destination(page: &std::path::Path) -> Result<(), String> {
    let folder = page.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    if page.is_dir() {
        Err(format!("--html {}: is a folder; name a file to write the page to", page.display()))
    } else if !folder.is_dir() {
        Err(format!("--html {}: the folder {} does not exist", page.display(), folder.display()))
    } else {
        Ok(())
    }
}

/// Whether two paths name one file: the same path, or the same file once
/// links and `..` are resolved.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// One input of `extract --json`, fields in reading order.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum ExtractLine<'a> {
    Read {
        input: String,
        /// The address the page came from, after redirects.
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        title: Option<&'a str>,
        byline: Option<&'a str>,
        date: Option<&'a str>,
        /// The article body, one paragraph per line.
        text: &'a str,
    },
    /// An input that could not be read, and why.
    Failed { input: String, error: &'a str },
}

/// `report` as JSON or as a readable summary.
fn formatted(report: &Report, format: Format) -> Result<String, String> {
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(report).map_err(|e| e.to_string())? + "\n",
        Format::Text => text_output::render(report),
    })
}

/// An input as the user gave it: its path (U+FFFD for bytes that are not
/// UTF-8), its web address, or "-".
fn given_name(input: &Input) -> String {
    match input {
        Input::Stdin => "-".into(),
        Input::Web(address) => address.clone(),
        Input::File(path) => path.display().to_string(),
    }
}

/// A document's name: its file name (shown with U+FFFD for bytes that are
/// not UTF-8), its web address, or "stdin".
fn display_name(input: &Input) -> String {
    match input {
        Input::Stdin => "stdin".into(),
        Input::Web(address) => address.clone(),
        Input::File(path) => {
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
        }
    }
}
