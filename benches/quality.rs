//! Quality benchmark (not a test): measures segmentation, matching and
//! boilerplate detection on the development data, per data set.
//!
//!     cargo bench --bench quality -- PATH/TO/shared/data [PATH/TO/shared/tools]
//!
//! Prints, each with and without the semantic signal where it applies:
//! - sentence splitting on `sbd/news_en.json` and on the project's own
//!   boundary cases `tests/fixtures/sbd/boundary_cases.json` (exact cases,
//!   boundary F1);
//! - alignment on every labelled article set in `articles/` (the reworded
//!   sets first, then the near-copy `dev/` set), scored by the data's own
//!   `score_alignment.py`: link precision/recall/F1, recall by kind,
//!   unique-sentence F1, boilerplate precision/recall; and link
//!   precision/recall/F1 on the pairs of articles where one is the set's
//!   AI summary or its content-farm rewrite;
//! - discrepancies on every labelled set: recall over the gold discrepancies
//!   whose two sentences the report links and over all of them, recall per
//!   type, and precision (the share of matches carrying a discrepancy whose
//!   sentences have a gold discrepancy);
//! - groups on every labelled set: the share of pairs of one group's
//!   members (from different articles) that are gold links, the share of
//!   gold links whose two sentences share a group, and the same share for
//!   members joined only through others (no match between them);
//! - false links per pair of unrelated articles: every article of one set
//!   against every article of another (different events share no fact);
//! - passage detection as the PAN text-alignment task scores it (plagdet,
//!   precision, recall, granularity), on cases pasted from one Readability
//!   test article into another, as they are or obfuscated (see
//!   `support/passages.rs`);
//! - MSRP training pairs: accuracy and F1 of the engine's decision (linked
//!   and verbatim, edited or paraphrase), and the 10-fold cross-validated
//!   figures that `scripts/fit-match-model.py` recorded when it fitted the
//!   models on these same pairs;
//! - STS news pairs: Spearman correlation of the match score (0 when
//!   nothing matches) with the human similarity score;
//! - native time and peak heap of `compare` on the dev set.

use article_compare::report::SegmentRef;
use article_compare::{compare_with_embeddings, segment::segment, Document, Embeddings, MatchKind, Options, Report};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "support/heap.rs"]
mod heap;
#[path = "support/passages.rs"]
mod passages;

#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;

/// The two ways the engine runs: with the semantic signal (the app, the
/// command line) and on words alone (the widget before its table loads).
const SIGNALS: [(&str, bool); 2] = [("semantic", true), ("lexical", false)];

fn embeddings(semantic: bool) -> Option<&'static Embeddings> {
    semantic.then(Embeddings::bundled)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let Some(data) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench quality -- PATH/TO/shared/data [PATH/TO/shared/tools]");
        std::process::exit(2);
    };
    let tools = args.get(1).map(PathBuf::from).unwrap_or_else(|| data.join("../tools"));
    sentence_splitting(&data.join("sbd/news_en.json"));
    sentence_splitting(&PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sbd/boundary_cases.json")));
    let sets = article_sets(&data.join("articles"));
    let reports = reports_of(&sets);
    alignment(&sets, &reports, &tools.join("score_alignment.py"));
    discrepancy_scores(&sets, &reports);
    group_scores(&sets, &reports);
    unrelated_pairs(&sets);
    passages::passage_detection(&data.join("html/readability/ground-truth.json"), &SIGNALS, &compare);
    paraphrase(&data.join("msrp/msr_paraphrase_train.txt"));
    similarity(&data.join("sts"));
    timing(&sets);
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
            failures.push(case["id"].as_str().or(case["text"].as_str()).unwrap_or("?").to_string());
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

/// A labelled article set: its folder, its articles in file order and their texts.
struct ArticleSet {
    name: String,
    dir: PathBuf,
    files: Vec<PathBuf>,
    documents: Vec<Document>,
}

/// Every folder of `articles/` with a `gold.json`, the reworded sets first
/// (in name order), the near-copy `dev` set last.
fn article_sets(dir: &Path) -> Vec<ArticleSet> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("articles: {} not found, skipped", dir.display());
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("gold.json").is_file()).collect();
    dirs.sort_by_key(|d| (d.ends_with("dev"), d.clone()));
    dirs.into_iter()
        .map(|dir| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("a set folder lists")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "txt")
                        && p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s.bytes().all(|b| b.is_ascii_digit()))
                })
                .collect();
            files.sort();
            let documents = files
                .iter()
                .map(|f| {
                    let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                    Document::new(f.file_name().unwrap().to_string_lossy(), text)
                })
                .collect();
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            ArticleSet { name, dir, files, documents }
        })
        .collect()
}

/// Per signal (as [`SIGNALS`] lists them), the report of each set: made
/// once, read by every measure of the sets.
fn reports_of(sets: &[ArticleSet]) -> Vec<Vec<Report>> {
    SIGNALS.iter().map(|&(_, semantic)| sets.iter().map(|set| compare(&set.documents, semantic)).collect()).collect()
}

fn compare(documents: &[Document], semantic: bool) -> Report {
    compare_with_embeddings(documents, &Options::default(), embeddings(semantic), &mut |_| {})
        .expect("the documents compare")
}

/// The articles of a reworded set that were written for it: the AI summary
/// (`03.txt`) and the content-farm rewrite (`04.txt`), as the data's README
/// names them. The near-copy set has none.
const GENERATED: [&str; 2] = ["03.txt", "04.txt"];

/// Runs `score_alignment.py` on a report already written to `report`.
fn score(scorer: &Path, gold: &Path, report: &Path, files: &[PathBuf]) -> Result<serde_json::Value, String> {
    let o = std::process::Command::new("python3")
        .arg(scorer)
        .arg(gold)
        .arg(report)
        .args(files)
        .arg("--json")
        .output()
        .map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).into_owned());
    }
    serde_json::from_slice(&o.stdout).map_err(|e| e.to_string())
}

/// The gold and the report cut to the pairs of articles where one is the
/// summary or the rewrite (the pairs the issue's "F1 on the pairs with the
/// summary and the rewrite" counts), written beside `report`; `None` for a
/// set without them.
fn generated_pairs_only(set: &ArticleSet, report: &Report, out: &Path) -> Option<(PathBuf, PathBuf)> {
    let generated: Vec<usize> = set
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.file_name().and_then(|n| n.to_str()).is_some_and(|n| GENERATED.contains(&n)))
        .map(|(i, _)| i)
        .collect();
    if generated.is_empty() {
        return None;
    }
    // The gold names an article by the first three characters of its file.
    let ids: Vec<String> = GENERATED.iter().map(|n| n[..3].to_string()).collect();
    let raw = std::fs::read_to_string(set.dir.join("gold.json")).expect("gold.json reads");
    let mut gold: serde_json::Value = serde_json::from_str(&raw).expect("gold.json is JSON");
    for field in ["links", "borderline_links"] {
        if let Some(links) = gold[field].as_array_mut() {
            links.retain(|l| ["a", "b"].iter().any(|side| ids.iter().any(|id| l[side].as_str() == Some(id))));
        }
    }
    let mut cut = report.clone();
    cut.matches.retain(|m| generated.contains(&m.a.doc) || generated.contains(&m.b.doc));
    let (gold_path, report_path) = (out.with_extension("generated-gold.json"), out.with_extension("generated.json"));
    std::fs::write(&gold_path, gold.to_string()).expect("temp dir is writable");
    std::fs::write(&report_path, serde_json::to_string(&cut).unwrap()).expect("temp dir is writable");
    Some((gold_path, report_path))
}

fn alignment(sets: &[ArticleSet], reports: &[Vec<Report>], scorer: &Path) {
    println!("\nalignment per labelled set (score_alignment.py; the reworded sets are the job, dev is near-copies):");
    for ((label, _), reports) in SIGNALS.iter().zip(reports) {
        let mut f1s = Vec::new();
        let mut generated = Vec::new();
        for (set, report) in sets.iter().zip(reports) {
            let out = std::env::temp_dir().join(format!("article-compare-{}-{label}.json", set.name));
            std::fs::write(&out, serde_json::to_string(report).unwrap()).expect("temp dir is writable");
            let Ok(o) = score(scorer, &set.dir.join("gold.json"), &out, &set.files) else {
                println!(
                    "  {label:8} {:32} could not run {} (report in {})",
                    set.name,
                    scorer.display(),
                    out.display()
                );
                continue;
            };
            if set.name != "dev" {
                f1s.push(o["f1"].as_f64().unwrap_or(0.0));
            }
            let number = |o: &serde_json::Value, k: &str| o[k].as_f64().unwrap_or(0.0);
            println!(
                "  {label:8} {:32} link P {:.3} R {:.3} F1 {:.3} | unique F1 {:.3} | boilerplate P {:.2} R {:.2} | recall by kind {}",
                set.name,
                number(&o, "precision"),
                number(&o, "recall"),
                number(&o, "f1"),
                number(&o, "unique_f1"),
                number(&o, "boilerplate_p"),
                number(&o, "boilerplate_r"),
                o["recall_by_kind"]
            );
            if let Some((gold, cut)) = generated_pairs_only(set, report, &out) {
                if let Ok(g) = score(scorer, &gold, &cut, &set.files) {
                    generated.push((set.name.clone(), number(&g, "precision"), number(&g, "recall"), number(&g, "f1")));
                }
            }
        }
        if !f1s.is_empty() {
            println!(
                "  {label:8} mean link F1 of the {} reworded sets: {:.3}",
                f1s.len(),
                f1s.iter().sum::<f64>() / f1s.len() as f64
            );
        }
        for (name, p, r, f1) in &generated {
            println!("  {label:8} {name:32} pairs with the summary or the rewrite: link P {p:.3} R {r:.3} F1 {f1:.3}");
        }
    }
}

/// For each system segment, the gold segments it stands for (as
/// `score_alignment.py` maps them: every gold segment it overlaps by at
/// least half of the gold segment's length, or the one it overlaps most).
fn gold_segments_of(
    report: &article_compare::report::DocumentReport,
    text: &str,
    gold: &[serde_json::Value],
) -> Vec<Vec<u64>> {
    // Report offsets are UTF-16 units, the gold's code points.
    let mut to_char = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        to_char.extend(std::iter::repeat_n(i, c.len_utf16()));
    }
    to_char.push(text.chars().count());
    report
        .segments
        .iter()
        .map(|s| {
            let (a, b) = (to_char[s.start.min(to_char.len() - 1)], to_char[s.end.min(to_char.len() - 1)]);
            let (mut best, mut best_overlap, mut covered) = (None, 0i64, Vec::new());
            for g in gold {
                let (gs, ge) = (g["start"].as_i64().unwrap_or(0), g["end"].as_i64().unwrap_or(0));
                let overlap = (b as i64).min(ge) - (a as i64).max(gs);
                if overlap <= 0 {
                    continue;
                }
                let i = g["i"].as_u64().unwrap_or(0);
                if overlap > best_overlap {
                    (best, best_overlap) = (Some(i), overlap);
                }
                if overlap * 2 >= ge - gs {
                    covered.push(i);
                }
            }
            covered.extend(best.filter(|b| !covered.contains(b)));
            covered
        })
        .collect()
}

/// A segment of the gold: its article id (the file name's first three
/// characters) and index.
type GoldKey = (String, u64);

/// A pair of gold segments, the smaller first.
type GoldPair = (GoldKey, GoldKey);

/// A set's gold labels as a report's segments stand for them.
struct Gold {
    labels: serde_json::Value,
    /// Per document of the report, the gold article id.
    id_of: Vec<String>,
    /// Per document and segment of the report, the gold segments it stands for.
    maps: Vec<Vec<Vec<u64>>>,
}

impl Gold {
    fn of(set: &ArticleSet, report: &Report) -> Option<Gold> {
        let raw = std::fs::read_to_string(set.dir.join("gold.json")).ok()?;
        let labels: serde_json::Value = serde_json::from_str(&raw).expect("gold.json is JSON");
        let id_of =
            set.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().chars().take(3).collect()).collect();
        let articles = labels["articles"].as_array().cloned().unwrap_or_default();
        let maps = report
            .documents
            .iter()
            .zip(&set.documents)
            .zip(&set.files)
            .map(|((d, doc), file)| {
                let name = file.file_name().unwrap().to_string_lossy();
                let segments = articles
                    .iter()
                    .find(|a| a["file"].as_str() == Some(&name))
                    .and_then(|a| a["segments"].as_array().cloned())
                    .unwrap_or_default();
                gold_segments_of(d, &doc.text, &segments)
            })
            .collect();
        Some(Gold { labels, id_of, maps })
    }

    /// The gold pairs two reported segments stand for.
    fn pairs(&self, a: &SegmentRef, b: &SegmentRef) -> Vec<GoldPair> {
        let mut out = Vec::new();
        for &x in &self.maps[a.doc][a.segment] {
            for &y in &self.maps[b.doc][b.segment] {
                out.push(ordered((self.id_of[a.doc].clone(), x), (self.id_of[b.doc].clone(), y)));
            }
        }
        out
    }

    /// The pairs a list of the gold (`links`, `borderline_links`,
    /// `discrepancies`) names.
    fn listed(&self, list: &str) -> std::collections::HashSet<GoldPair> {
        self.labels[list].as_array().into_iter().flatten().map(listed_pair).collect()
    }
}

fn ordered(p: GoldKey, q: GoldKey) -> GoldPair {
    if p <= q {
        (p, q)
    } else {
        (q, p)
    }
}

/// The pair of segments one entry of a gold list names.
fn listed_pair(entry: &serde_json::Value) -> GoldPair {
    let side = |article: &str, index: &str| {
        (entry[article].as_str().unwrap_or("").to_string(), entry[index].as_u64().unwrap_or(0))
    };
    ordered(side("a", "ai"), side("b", "bi"))
}

fn discrepancy_scores(sets: &[ArticleSet], reports: &[Vec<Report>]) {
    println!("\ndiscrepancies per labelled set (gold: differing figures, quotes, names, attributions, claims inside linked pairs):");
    for ((label, _), reports) in SIGNALS.iter().zip(reports) {
        for (set, report) in sets.iter().zip(reports) {
            let Some(gold) = Gold::of(set, report) else { continue };
            let mut linked = std::collections::HashMap::<GoldPair, bool>::new();
            for m in &report.matches {
                for pair in gold.pairs(&m.a, &m.b) {
                    *linked.entry(pair).or_default() |= !m.discrepancies.is_empty();
                }
            }
            let entries = gold.labels["discrepancies"].as_array().cloned().unwrap_or_default();
            let gold_pairs = gold.listed("discrepancies");
            let (mut on_linked, mut found) = (0, 0);
            let mut by_type = std::collections::BTreeMap::<String, (usize, usize)>::new();
            for d in &entries {
                let Some(&flagged) = linked.get(&listed_pair(d)) else { continue };
                on_linked += 1;
                found += flagged as usize;
                for t in d["types"].as_array().into_iter().flatten().filter_map(|t| t.as_str()) {
                    let e = by_type.entry(t.to_string()).or_default();
                    e.0 += flagged as usize;
                    e.1 += 1;
                }
            }
            let flagged: Vec<&article_compare::report::Match> =
                report.matches.iter().filter(|m| !m.discrepancies.is_empty()).collect();
            let right =
                flagged.iter().filter(|m| gold.pairs(&m.a, &m.b).iter().any(|p| gold_pairs.contains(p))).count();
            let types: Vec<String> = by_type.iter().map(|(t, (f, n))| format!("{t} {f}/{n}")).collect();
            println!(
                "  {label:8} {:32} recall {:.2} of linked ({found}/{on_linked}), {:.2} of all {} | precision {:.2} ({right}/{}) | by type (linked): {}",
                set.name,
                ratio(found, on_linked),
                ratio(found, entries.len()),
                entries.len(),
                ratio(right, flagged.len()),
                flagged.len(),
                types.join(", ")
            );
        }
    }
}

fn ratio(x: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        x as f64 / n as f64
    }
}

/// Groups against the gold: a group says its members tell the same thing,
/// so every two of its members from different articles should be a gold
/// link. Members joined only through others (no match between them) show
/// whether groups chain.
fn group_scores(sets: &[ArticleSet], reports: &[Vec<Report>]) {
    println!(
        "\ngroups per labelled set (pairs of members of one group from different articles, against the gold links):"
    );
    for ((label, _), reports) in SIGNALS.iter().zip(reports) {
        for (set, report) in sets.iter().zip(reports) {
            let Some(gold) = Gold::of(set, report) else { continue };
            let (links, borderline) = (gold.listed("links"), gold.listed("borderline_links"));
            let matched: std::collections::HashSet<(usize, usize, usize, usize)> = report
                .matches
                .iter()
                .flat_map(|m| {
                    [(m.a.doc, m.a.segment, m.b.doc, m.b.segment), (m.b.doc, m.b.segment, m.a.doc, m.a.segment)]
                })
                .collect();
            let (mut pairs, mut right, mut chained, mut chained_right) = (0, 0, 0, 0);
            let mut grouped = std::collections::HashSet::new();
            for group in &report.groups {
                for (i, x) in group.members.iter().enumerate() {
                    for y in group.members[i + 1..].iter().filter(|y| y.doc != x.doc) {
                        let stands_for = gold.pairs(x, y);
                        grouped.extend(stands_for.iter().cloned());
                        let linked = stands_for.iter().any(|p| links.contains(p));
                        if !linked && stands_for.iter().any(|p| borderline.contains(p)) {
                            continue;
                        }
                        pairs += 1;
                        right += linked as usize;
                        if !matched.contains(&(x.doc, x.segment, y.doc, y.segment)) {
                            chained += 1;
                            chained_right += linked as usize;
                        }
                    }
                }
            }
            let inside = links.iter().filter(|l| grouped.contains(*l)).count();
            println!(
                "  {label:8} {:32} {pairs} pairs, {:.3} gold links | {:.3} of the gold links inside one group | joined through others: {chained} pairs, {:.3} gold links",
                set.name,
                ratio(right, pairs),
                ratio(inside, links.len()),
                ratio(chained_right, chained)
            );
        }
    }
}

fn unrelated_pairs(sets: &[ArticleSet]) {
    for (label, semantic) in SIGNALS {
        let (mut pairs, mut links) = (0usize, 0usize);
        let mut examples = Vec::new();
        for (i, x) in sets.iter().enumerate() {
            for y in &sets[i + 1..] {
                for a in &x.documents {
                    for b in &y.documents {
                        let report = compare(&[a.clone(), b.clone()], semantic);
                        pairs += 1;
                        links += report.matches.len();
                        for m in report.matches.iter().take(2) {
                            if examples.len() < 3 {
                                let text = |r: &article_compare::report::SegmentRef| {
                                    report.documents[r.doc].segments[r.segment]
                                        .text
                                        .chars()
                                        .take(60)
                                        .collect::<String>()
                                };
                                examples.push(format!("{:?} “{}” ~ “{}”", m.kind, text(&m.a), text(&m.b)));
                            }
                        }
                    }
                }
            }
        }
        println!(
            "\nfalse links between unrelated articles ({label}): {links} in {pairs} pairs of articles of different events, {:.3} per pair",
            links as f64 / pairs.max(1) as f64
        );
        for e in examples {
            println!("  e.g. {e}");
        }
    }
}

/// Sentence pairs from a tab-separated file with a header: the label column
/// named `label_column`, the sentences in the last two columns.
fn sentence_pairs(path: &Path, label_column: &str) -> Option<Vec<(f64, String, String)>> {
    let raw = std::fs::read_to_string(path).ok()?;
    let mut lines = raw.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next()?.trim_end_matches('\r').split('\t').collect();
    let label = header.iter().position(|h| *h == label_column)?;
    Some(
        lines
            .filter_map(|line| {
                let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
                (fields.len() == header.len()).then(|| {
                    let n = fields.len();
                    (fields[label].trim().parse().unwrap_or(0.0), fields[n - 2].to_string(), fields[n - 1].to_string())
                })
            })
            .collect(),
    )
}

fn pair_report(a: &str, b: &str, semantic: bool) -> Report {
    compare(&[Document::new("1", a), Document::new("2", b)], semantic)
}

fn paraphrase(path: &Path) {
    let Some(pairs) = sentence_pairs(path, "Quality") else {
        println!("paraphrase: {} not found, skipped", path.display());
        return;
    };
    for (label, semantic) in SIGNALS {
        let (mut tp, mut fp, mut tn, mut fn_) = (0, 0, 0, 0);
        let start = Instant::now();
        for (gold, a, b) in &pairs {
            let gold = *gold >= 0.5;
            let predicted = pair_report(a, b, semantic)
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
            "\nparaphrase (MSRP train, {n} pairs, {label}): accuracy {:.3}, F1 {:.3} (precision {:.3}, recall {:.3}) in {:.1} s \
             — the kind model was fitted on these pairs",
            (tp + tn) as f64 / n,
            2.0 * p * r / (p + r),
            p,
            r,
            start.elapsed().as_secs_f64()
        );
    }
    let fitted: serde_json::Value =
        serde_json::from_str(include_str!("../model/match-model.json")).expect("the shipped model is JSON");
    for (label, _) in SIGNALS {
        let cv = &fitted["cross_validation"][label]["msrp_train_10_fold"];
        println!(
            "  {label:8} 10-fold cross-validated (scripts/fit-match-model.py): accuracy {}, F1 {}",
            cv["accuracy"], cv["f1"]
        );
    }
}

fn similarity(dir: &Path) {
    for split in ["train", "dev"] {
        let path = dir.join(format!("sts_news_{split}.tsv"));
        let Some(pairs) = sentence_pairs(&path, "score") else {
            println!("similarity: {} not found, skipped", path.display());
            continue;
        };
        for (label, semantic) in SIGNALS {
            let (gold, predicted): (Vec<f64>, Vec<f64>) = pairs
                .iter()
                .map(|(score, a, b)| {
                    let report = pair_report(a, b, semantic);
                    (*score, report.matches.iter().map(|m| m.score).fold(0.0, f64::max))
                })
                .unzip();
            println!(
                "similarity (STS news {split}, {} pairs, {label}): Spearman {:.3}",
                pairs.len(),
                spearman(&gold, &predicted)
            );
        }
    }
}

fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        // Ties share the mean of their ranks.
        for &k in &order[i..=j] {
            ranks[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    ranks
}

fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = x.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let (vx, vy): (f64, f64) = (rx.iter().map(|a| (a - mx).powi(2)).sum(), ry.iter().map(|b| (b - my).powi(2)).sum());
    cov / (vx * vy).sqrt()
}

fn timing(sets: &[ArticleSet]) {
    let Some(dev) = sets.iter().find(|s| s.name == "dev") else { return };
    for (label, semantic) in SIGNALS {
        let mut times = Vec::new();
        let before = heap::start();
        for _ in 0..20 {
            let start = Instant::now();
            compare(&dev.documents, semantic);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "\ncompare on the dev set (3 documents, {} KB, {label}): median {:.2} ms, peak heap {:.1} MB (native)",
            dev.documents.iter().map(|d| d.text.len()).sum::<usize>() / 1024,
            times[times.len() / 2],
            heap::peak_since(before) as f64 / 1e6
        );
    }
}
