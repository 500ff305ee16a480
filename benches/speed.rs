//! Native speed benchmark (not a test): the whole `compare` and each of its
//! stages, serialisation, the tokenising floor and peak heap, on the inputs
//! of `bench/generate.mjs`:
//!
//!     node bench/generate.mjs /tmp/ac-bench
//!     cargo bench --bench speed -- /tmp/ac-bench [--runs 5] [--words-only]
//!
//! Stages are timed from the progress reports `compare_with_progress` makes
//! as each stage starts. With the semantic signal (the library's built-in
//! table) unless `--words-only`. The floor is one pass that only tokenises every
//! document: the least any comparer must do.

use article_compare::count_words;
use article_compare::{compare_with_embeddings, Document, Embeddings, Options, Progress, Stage};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "support/heap.rs"]
mod heap;

#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;

const STAGES: [Stage; 6] =
    [Stage::Reading, Stage::Indexing, Stage::Scoring, Stage::Grouping, Stage::Diffing, Stage::Reporting];

fn read_input(dir: &Path) -> Vec<Document> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("input folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            Document::new(f.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(f).expect("UTF-8 input"))
        })
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// One run: total ms, ms per stage, ms to serialise, peak heap bytes.
fn run(documents: &[Document], embeddings: Option<&Embeddings>) -> (f64, [f64; 6], f64, usize) {
    let base = heap::start();
    let start = Instant::now();
    let mut starts: Vec<(Stage, Instant)> = Vec::new();
    let mut on_progress = |p: Progress| {
        if starts.last().is_none_or(|(s, _)| *s != p.stage) {
            starts.push((p.stage, Instant::now()));
        }
    };
    let report =
        compare_with_embeddings(documents, &Options::default(), embeddings, &mut on_progress).expect("compares");
    let end = Instant::now();
    let mut stages = [0.0; 6];
    for (i, (stage, at)) in starts.iter().enumerate() {
        let until = starts.get(i + 1).map_or(end, |s| s.1);
        if let Some(k) = STAGES.iter().position(|s| s == stage) {
            stages[k] += (until - *at).as_secs_f64() * 1000.0;
        }
    }
    let total = (end - start).as_secs_f64() * 1000.0;
    let serialise_start = Instant::now();
    let json = serde_json::to_string(&report).expect("serialises");
    let serialise = serialise_start.elapsed().as_secs_f64() * 1000.0;
    std::hint::black_box(json.len());
    (total, stages, serialise, heap::peak_since(base))
}

fn size_of(name: &str) -> f64 {
    let n = name.trim_start_matches("pair-").trim_start_matches("set-");
    let scale = match n.chars().last() {
        Some('k') => 1e3,
        Some('m') => 1e6,
        _ => 1.0,
    };
    n.trim_end_matches(['k', 'm']).parse::<f64>().unwrap_or(0.0) * scale
}

fn exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| p.0.ln()).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1.ln()).collect();
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let num: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let den: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    num / den
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--") && Path::new(a).is_dir()) else {
        eprintln!("usage: node bench/generate.mjs DIR && cargo bench --bench speed -- DIR [--runs N] [--words-only]");
        std::process::exit(2);
    };
    let runs: usize =
        args.iter().position(|a| a == "--runs").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(5);
    let mut inputs: Vec<String> = std::fs::read_dir(dir)
        .expect("input folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("pair-") || n.starts_with("set-") || n.starts_with("worst-"))
        .collect();
    let family = |n: &str| ["pair-", "set-", "worst-"].iter().position(|f| n.starts_with(f));
    inputs.sort_by(|a, b| (family(a), size_of(a), a).partial_cmp(&(family(b), size_of(b), b)).unwrap());

    let embeddings = (!args.iter().any(|a| a == "--words-only")).then(Embeddings::bundled);
    let signal = if embeddings.is_some() { "with the semantic signal" } else { "words only" };
    println!("native, {signal}, {runs} runs, median (ms)\n");
    println!("| input | bytes | compare | reading | indexing | scoring | grouping | diffing | reporting | JSON | floor | ×floor | peak heap |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let (mut by_size, mut by_n) = (Vec::new(), Vec::new());
    for name in &inputs {
        let documents = read_input(&Path::new(dir).join(name));
        let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
        let results: Vec<_> = (0..runs).map(|_| run(&documents, embeddings)).collect();
        let total = median(results.iter().map(|r| r.0).collect());
        let stage = |k: usize| median(results.iter().map(|r| r.1[k]).collect());
        let json = median(results.iter().map(|r| r.2).collect());
        let peak = results.iter().map(|r| r.3).max().unwrap_or(0);
        let floor = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(documents.iter().map(|d| count_words(&d.text)).sum::<usize>());
                    t.elapsed().as_secs_f64() * 1000.0
                })
                .collect(),
        );
        println!(
            "| {name} | {bytes} | {total:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {json:.1} | {floor:.1} | {:.0}× | {:.0} MB |",
            stage(0),
            stage(1),
            stage(2),
            stage(3),
            stage(4),
            stage(5),
            total / floor.max(1e-6),
            peak as f64 / 1e6
        );
        if name.starts_with("pair-") && bytes >= 100_000 {
            by_size.push((bytes as f64, total));
        }
        if name.starts_with("set-") && size_of(name) >= 10.0 {
            by_n.push((size_of(name), total));
        }
    }
    if by_size.len() > 1 {
        println!("\ngrowth exponent in size (pairs of 100 KB to 10 MB): {:.2}", exponent(&by_size));
    }
    if by_n.len() > 1 {
        println!("growth exponent in the number of articles (10 to 200): {:.2}", exponent(&by_n));
    }
}
