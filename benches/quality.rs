//! Quality benchmark (not a test): measures segmentation, matching and
//! boilerplate detection on the development data, and the time and memory
//! of `compare` on it.
//!
//!     cargo bench --bench quality -- PATH/TO/shared/data [PATH/TO/shared/tools]
//!
//! Prints: sentence splitting on `sbd/news_en.json` (exact cases, boundary
//! F1); alignment on `articles/dev/` scored by the data's own
//! `score_alignment.py` (link precision/recall/F1, unique and boilerplate
//! detection); accuracy and F1 on the MSRP training pairs; native time and
//! peak heap of `compare` on the dev set.

use article_compare::{compare, segment::segment, Document, MatchKind, Options};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "support/heap.rs"]
mod heap;

#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench quality -- PATH/TO/shared/data [PATH/TO/shared/tools]");
        std::process::exit(2);
    };
    let tools = args.get(1).map(PathBuf::from).unwrap_or_else(|| data.join("../tools"));
    sentence_splitting(&data.join("sbd/news_en.json"));
    alignment(&data.join("articles/dev"), &tools.join("score_alignment.py"));
    paraphrase(&data.join("msrp/msr_paraphrase_train.txt"));
}

fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sentence_splitting(path: &Path) {
    let Ok(raw) = std::fs::read_to_string(path) else {
        println!("sentence splitting: {} not found, skipped", path.display());
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(&raw).expect("sbd file is JSON");
    let cases = cases.as_array().expect("a list of cases");
    let (mut exact, mut tp, mut fp, mut fn_) = (0, 0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for case in cases {
        let text = case["text"].as_str().unwrap_or_default();
        let got: Vec<String> = segment(text).segments.iter().map(|s| normalise_space(&text[s.start..s.end])).collect();
        let expected: Vec<String> =
            case["expected"].as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(normalise_space).collect();
        if got == expected {
            exact += 1;
        } else {
            failures.push(case["id"].as_str().unwrap_or("?").to_string());
        }
        // Boundaries as offsets in the concatenated sentences.
        let ends = |list: &[String]| {
            let mut acc = 0;
            list.iter()
                .map(|s| {
                    acc += s.len() + 1;
                    acc
                })
                .collect::<std::collections::HashSet<_>>()
        };
        let (g, e) = (ends(&got), ends(&expected));
        tp += g.intersection(&e).count();
        fp += g.difference(&e).count();
        fn_ += e.difference(&g).count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "sentence splitting ({}): {exact}/{} cases exact, boundary F1 {:.3}",
        path.display(),
        cases.len(),
        2.0 * p * r / (p + r)
    );
    if !failures.is_empty() {
        println!("  failed: {}", failures.join(", "));
    }
}

fn alignment(dir: &Path, scorer: &Path) {
    let files: Vec<PathBuf> = ["001.txt", "002.txt", "003.txt"].iter().map(|f| dir.join(f)).collect();
    let Ok(texts) = files.iter().map(std::fs::read_to_string).collect::<Result<Vec<_>, _>>() else {
        println!("alignment: {} not found, skipped", dir.display());
        return;
    };
    let documents: Vec<Document> = files
        .iter()
        .zip(&texts)
        .map(|(f, t)| Document::new(f.file_name().unwrap().to_string_lossy(), t.clone()))
        .collect();
    let options = Options::default();
    let mut times = Vec::new();
    let mut report = None;
    for _ in 0..20 {
        let before = heap::start();
        let start = Instant::now();
        report = Some(compare(&documents, &options).expect("dev set compares"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if times.len() == 20 {
            println!(
                "compare on the dev set (3 documents, {} KB): median {:.2} ms, peak heap {:.1} MB (native)",
                texts.iter().map(String::len).sum::<usize>() / 1024,
                median(&mut times),
                heap::peak_since(before) as f64 / 1e6
            );
        }
    }
    let out = std::env::temp_dir().join("article-compare-dev-report.json");
    std::fs::write(&out, serde_json::to_string(&report.unwrap()).unwrap()).expect("temp dir is writable");
    let scored = std::process::Command::new("python3")
        .arg(scorer)
        .arg(dir.join("gold.json"))
        .arg(&out)
        .args(&files)
        .arg("--json")
        .output();
    match scored {
        Ok(o) if o.status.success() => {
            println!("alignment (score_alignment.py): {}", String::from_utf8_lossy(&o.stdout).trim())
        }
        _ => println!("alignment: could not run {} (report written to {})", scorer.display(), out.display()),
    }
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn paraphrase(path: &Path) {
    let Ok(raw) = std::fs::read_to_string(path) else {
        println!("paraphrase: {} not found, skipped", path.display());
        return;
    };
    let (mut tp, mut fp, mut tn, mut fn_) = (0, 0, 0, 0);
    let options = Options::default();
    let start = Instant::now();
    for line in raw.trim_start_matches('\u{feff}').lines().skip(1) {
        let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if fields.len() < 5 {
            continue;
        }
        let gold = fields[0] == "1";
        let report =
            compare(&[Document::new("1", fields[3]), Document::new("2", fields[4])], &options).expect("pair compares");
        let predicted = report
            .matches
            .iter()
            .any(|m| matches!(m.kind, MatchKind::Verbatim | MatchKind::Edited | MatchKind::Paraphrase));
        match (gold, predicted) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fn_ += 1,
        }
    }
    let n = (tp + fp + tn + fn_) as f64;
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "paraphrase (MSRP train, {n} pairs): accuracy {:.3}, F1 {:.3} (precision {:.3}, recall {:.3}) in {:.1} s",
        (tp + tn) as f64 / n,
        2.0 * p * r / (p + r),
        p,
        r,
        start.elapsed().as_secs_f64()
    );
}
