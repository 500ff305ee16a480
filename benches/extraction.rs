//! Extraction benchmark (not a test): runs the format reader over Mozilla
//! Readability's 130 real test pages and prints the time per page and, when
//! python3 is present, the article-extraction benchmark's scores from the
//! data's own `extract_eval.py`.
//!
//!     cargo bench --bench extraction -- PATH/TO/shared/data [PATH/TO/shared/tools]
//!
//! Prints: native milliseconds per page (median, p95, max) of
//! `formats::extract`, then 4-gram F1, precision and recall twice: for the
//! text as `article-compare extract` prints it (title, byline and date lines
//! included) and for the body alone (`extract --body`, what the gold holds), with
//! how often the title, byline and date were found.

use article_compare::formats::extract;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench` to harness-less benches; skip flags.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench extraction -- PATH/TO/shared/data [PATH/TO/shared/tools]");
        std::process::exit(2);
    };
    let tools = args.get(1).map(PathBuf::from).unwrap_or_else(|| data.join("../tools"));
    let pages = data.join("html/readability/test-pages");
    let mut ids: Vec<String> = match std::fs::read_dir(&pages) {
        Ok(dir) => dir.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
        Err(e) => {
            eprintln!("{}: {e}", pages.display());
            std::process::exit(1);
        }
    };
    ids.sort();

    let mut times = Vec::with_capacity(ids.len());
    let mut filled = [0usize; 3];
    let (mut full, mut body) = (String::new(), String::new());
    for id in &ids {
        let path = pages.join(id).join("source.html");
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let start = Instant::now();
        let result = extract(&bytes, Some("source.html"));
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        let (text, body_text, title, byline, date) = match result {
            Ok(e) => {
                let body = e.body().to_string();
                (e.text, body, e.source.title, e.source.byline, e.source.date)
            }
            Err(e) => {
                eprintln!("{id}: {e}");
                (String::new(), String::new(), None, None, None)
            }
        };
        for (count, field) in filled.iter_mut().zip([&title, &byline, &date]) {
            *count += usize::from(field.is_some());
        }
        for (out, text) in [(&mut full, text.as_str()), (&mut body, body_text.as_str())] {
            let record = serde_json::json!({
                "path": path.to_string_lossy(), "text": text, "ms": ms, "title": title, "byline": byline, "date": date,
            });
            out.push_str(&record.to_string());
            out.push('\n');
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    if times.is_empty() {
        eprintln!("no pages under {}", pages.display());
        std::process::exit(1);
    }
    println!(
        "native formats::extract on {} pages: median {:.2} ms, p95 {:.2} ms, max {:.2} ms per page",
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    let share = |n: usize| n as f64 / times.len() as f64;
    println!(
        "found on: title {:.2}, byline {:.2}, date {:.2} of the pages",
        share(filled[0]),
        share(filled[1]),
        share(filled[2])
    );

    let script = tools.join("extract_eval.py");
    if !script.exists() || Command::new("python3").arg("--version").output().is_err() {
        println!("(python3 or {} not found: no scores)", script.display());
        return;
    }
    for (name, jsonl) in [("full text", &full), ("body only", &body)] {
        let file = std::env::temp_dir().join(format!("article-compare-extraction-{}.jsonl", std::process::id()));
        if let Err(e) = std::fs::File::create(&file).and_then(|mut f| f.write_all(jsonl.as_bytes())) {
            eprintln!("{}: {e}", file.display());
            return;
        }
        println!("\n{name}:");
        score(&script, &data, &file);
        let _ = std::fs::remove_file(&file);
    }
}

/// Scores predictions with the benchmark's script (its `--batch-cmd`
/// reads one JSON object per page).
fn score(script: &Path, data: &Path, predictions: &Path) {
    let output = Command::new("python3")
        .arg(script)
        .args(["--dataset", "readability", "--no-save", "--name", "article-compare", "--batch-cmd"])
        .arg(format!("cat {}", predictions.display()))
        .env("EXTRACT_DATA", data.join("html"))
        .output();
    match output {
        Ok(o) => {
            print!("{}", String::from_utf8_lossy(&o.stdout));
            if !o.status.success() {
                eprint!("{}", String::from_utf8_lossy(&o.stderr));
            }
        }
        Err(e) => eprintln!("python3: {e}"),
    }
}
