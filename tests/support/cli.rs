//! Running the `article-compare` binary in tests (included by
//! `tests/cli.rs` and `tests/cli_formats.rs`): temporary files to give it,
//! and a run with a given standard input.

#![allow(dead_code)] // each includer uses its own part

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A file or directory under the system's temporary directory, with a name
/// unique to this process and call, removed when dropped.
pub struct Temp {
    pub path: PathBuf,
}

impl Temp {
    pub fn path_for(tag: &str) -> PathBuf {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        std::env::temp_dir().join(format!("article-compare-cli-{}-{n}-{tag}", std::process::id()))
    }

    pub fn file(tag: &str, contents: &[u8]) -> Self {
        let path = Self::path_for(tag);
        std::fs::write(&path, contents).unwrap();
        Temp { path }
    }

    pub fn dir(tag: &str) -> Self {
        let path = Self::path_for(tag);
        std::fs::create_dir(&path).unwrap();
        Temp { path }
    }

    pub fn arg(&self) -> &str {
        self.path.to_str().expect("temporary paths are UTF-8 here")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = if self.path.is_dir() { std::fs::remove_dir(&self.path) } else { std::fs::remove_file(&self.path) };
    }
}

/// Runs the binary with `args` and `stdin` as its standard input; stdout and
/// stderr are pipes, so stdout is never a terminal.
pub fn run_with_input(args: &[&str], stdin: &[u8]) -> Output {
    spawn(Command::new(env!("CARGO_BIN_EXE_article-compare")).args(args), stdin)
}

/// Runs the binary with `args` in the folder `dir`, with nothing on its standard input.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    spawn(Command::new(env!("CARGO_BIN_EXE_article-compare")).args(args).current_dir(dir), b"")
}

fn spawn(command: &mut Command, stdin: &[u8]) -> Output {
    let mut child =
        command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary runs");
    let written = child.stdin.take().unwrap().write_all(stdin);
    // A run that fails before reading its input closes the pipe early.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing stdin: {e}");
    }
    child.wait_with_output().unwrap()
}
