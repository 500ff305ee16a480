//! Command-line arguments: what to do, on which files, with which options.

use article_compare::Options;

/// The usage text, printed by `--help` and after a usage error.
pub const USAGE: &str = "\
article-compare — compare news articles sentence by sentence

Usage:
  article-compare compare FILE FILE [FILE…] [--json | --text] [options]
  article-compare segment FILE [--no-boilerplate]
  article-compare extract FILE
  article-compare --help | --version

FILE is a path, or - for standard input (once): plain text in any encoding
(UTF-8, UTF-16, Windows-1252…), Markdown, a saved web page (.html: the
article is extracted, page chrome left out) or a Word document (.docx).
The format is told from the content and the file name. `extract` prints
the text that is compared: title, byline and date lines, a blank line, then
one paragraph per line. PDFs, images, archives and files over 50 MB are
refused with the reason.

Options:
  --json               print the full report as JSON (default when piped)
  --text               print a readable summary (default on a terminal)
  --strictness VALUE   0 (loose) to 1 (strict), or loose | normal | strict;
                       default 0.5
  --no-boilerplate     do not detect page chrome (for clean texts, drafts)
  --no-diffs           skip word diffs and discrepancies (faster)
  --words-only         match on words alone, without the semantic signal
                       (as the embeddable widget does)

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error.";

/// How to print a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The report as JSON.
    Json,
    /// A readable summary.
    Text,
}

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Compare files, with the semantic signal unless `words_only`.
    Compare { files: Vec<String>, format: Option<Format>, options: Options, words_only: bool },
    /// Print the segments of a file, one JSON object per line.
    Segment { file: String, options: Options },
    /// Print the text extracted from a file.
    Extract { file: String },
    /// Print the usage.
    Help,
    /// Print the version.
    Version,
}

/// Parses the arguments after the program name. The error is a sentence
/// for the user.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut iter = args.iter();
    let Some(command) = iter.next() else { return Ok(Command::Help) };
    match command.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "compare" | "segment" | "extract" => {}
        other => return Err(format!("unknown command '{other}'")),
    }
    let mut files = Vec::new();
    let mut format = None;
    let mut options = Options::default();
    let mut words_only = false;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => format = Some(Format::Json),
            "--text" => format = Some(Format::Text),
            "--no-boilerplate" => options.detect_boilerplate = false,
            "--no-diffs" => options.word_diffs = false,
            "--words-only" => words_only = true,
            "--strictness" => {
                let value = iter.next().ok_or("--strictness needs a value")?;
                options.strictness =
                    Options::strictness_from_name(value).or_else(|| value.parse().ok()).ok_or_else(|| {
                        format!("--strictness: '{value}' is not a number from 0 to 1 nor loose, normal or strict")
                    })?;
                options.validate().map_err(|e| format!("--strictness: {}", e.message))?;
            }
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file => files.push(file.to_string()),
        }
    }
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err("standard input (-) can be read only once".into());
    }
    if command == "segment" || command == "extract" {
        return match files.as_slice() {
            [file] if command == "segment" => Ok(Command::Segment { file: file.clone(), options }),
            [file] => Ok(Command::Extract { file: file.clone() }),
            [] => Err(format!("{command} needs a FILE")),
            _ => Err(format!("{command} takes one FILE")),
        };
    }
    if files.len() < 2 {
        return Err(format!("compare needs at least two files, got {}", files.len()));
    }
    Ok(Command::Compare { files, format, options, words_only })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn compare_with_options() {
        let cmd = parse(&args("compare a.txt b.md - --json --strictness strict --no-diffs --words-only")).unwrap();
        assert_eq!(
            cmd,
            Command::Compare {
                files: args("a.txt b.md -"),
                format: Some(Format::Json),
                options: Options { strictness: 0.8, word_diffs: false, ..Options::default() },
                words_only: true,
            }
        );
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(parse(&args("compare a.txt")).unwrap_err().contains("at least two"));
        assert!(parse(&args("compare a b --strictness 3")).unwrap_err().contains("strictness"));
        assert!(parse(&args("compare a b --strictness")).unwrap_err().contains("needs a value"));
        assert!(parse(&args("compare - - ")).unwrap_err().contains("only once"));
        assert!(parse(&args("frobnicate")).unwrap_err().contains("unknown command"));
        assert!(parse(&args("compare a b --bogus")).unwrap_err().contains("unknown option"));
        assert!(parse(&args("segment")).unwrap_err().contains("needs a FILE"));
        assert!(parse(&args("extract")).unwrap_err().contains("extract needs a FILE"));
        assert!(parse(&args("extract a b")).unwrap_err().contains("one FILE"));
        assert_eq!(parse(&args("extract page.html")).unwrap(), Command::Extract { file: "page.html".into() });
    }

    #[test]
    fn help_and_version() {
        assert_eq!(parse(&[]).unwrap(), Command::Help);
        assert_eq!(parse(&args("--version")).unwrap(), Command::Version);
    }
}
