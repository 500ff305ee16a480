//! Passage detection measured as the PAN text-alignment task measures it
//! (Potthast et al., "An Evaluation Framework for Plagiarism Detection",
//! 2010): character-level precision and recall, granularity, plagdet.
//!
//! The PAN corpora cannot be fetched here, so the cases are built the way
//! PAN built its synthetic ones: a run of consecutive paragraphs of one
//! real article (the source) is pasted, as it is or obfuscated at random,
//! between two paragraphs of another (the suspicious document). The
//! articles are the bodies of Mozilla Readability's 130 test pages
//! (`html/readability/ground-truth.json`); a fixed seed makes the same
//! cases every run. Obfuscation as PAN's "random obfuscation": words
//! deleted, replaced by or joined with words of the suspicious document,
//! and neighbours swapped, at a low and a high rate. Pairs of articles
//! with nothing pasted count too: whatever is detected there lowers
//! precision.
//!
//! Detections are the report's passages, each the characters from its
//! first segment's start to its last segment's end on both sides.

use article_compare::{Document, Report};
use std::path::Path;

/// Cases per obfuscation.
const CASES: usize = 100;
/// Pairs of articles with nothing pasted: chance links between unrelated
/// texts are rare, and show only in many pairs (two unrelated Chinese
/// articles linked through their common characters in 2 of 600).
const UNRELATED: usize = 600;
const SEED: u64 = 0x5EED_2013;

/// Rates of each word operation per word: delete, replace, insert after,
/// swap with the next.
const OBFUSCATIONS: [(&str, f64); 3] = [("none", 0.0), ("random, low", 0.05), ("random, high", 0.12)];

/// A SplitMix64 stream: the same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p && p > 0.0
    }
}

/// A half-open range of UTF-16 units on each side: the suspicious document
/// (doc 0 of the comparison) and the source (doc 1).
#[derive(Clone, Copy)]
struct Span {
    pair: usize,
    plagiarised: (usize, usize),
    source: (usize, usize),
}

impl Span {
    fn length(&self) -> usize {
        (self.plagiarised.1 - self.plagiarised.0) + (self.source.1 - self.source.0)
    }
    /// Characters of `self` that `other` covers, if `other` detects it (they
    /// overlap on both sides, in the same pair of documents).
    fn overlap(&self, other: &Span) -> usize {
        let meet = |x: (usize, usize), y: (usize, usize)| x.1.min(y.1).saturating_sub(x.0.max(y.0));
        let (p, s) = (meet(self.plagiarised, other.plagiarised), meet(self.source, other.source));
        if self.pair == other.pair && p > 0 && s > 0 {
            p + s
        } else {
            0
        }
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn paragraphs(body: &str) -> Vec<String> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

fn words(p: &str) -> usize {
    p.split_whitespace().count()
}

/// `paragraphs` with PAN-style random word operations at `rate`, words
/// inserted or substituted drawn from `vocabulary`.
fn obfuscate(paragraphs: &[String], rate: f64, vocabulary: &[&str], rng: &mut Rng) -> Vec<String> {
    paragraphs
        .iter()
        .map(|p| {
            let mut out: Vec<&str> = Vec::new();
            let mut ws: Vec<&str> = p.split_whitespace().collect();
            let mut i = 0;
            while i < ws.len() {
                if rng.chance(rate) && i + 1 < ws.len() {
                    ws.swap(i, i + 1);
                }
                if rng.chance(rate) {
                    i += 1;
                    continue;
                }
                if rng.chance(rate) {
                    out.push(vocabulary[rng.below(vocabulary.len())]);
                } else {
                    out.push(ws[i]);
                }
                if rng.chance(rate) {
                    out.push(vocabulary[rng.below(vocabulary.len())]);
                }
                i += 1;
            }
            out.join(" ")
        })
        .collect()
}

/// One comparison: the suspicious text, the source text and the case
/// pasted into it, if any.
struct Trial {
    suspicious: String,
    source: String,
    case: Option<Span>,
}

fn trials(articles: &[Vec<String>], rate: f64, pasted: bool, rng: &mut Rng, first_pair: usize) -> Vec<Trial> {
    let count = if pasted { CASES } else { UNRELATED };
    let mut out = Vec::new();
    while out.len() < count {
        let host = &articles[rng.below(articles.len())];
        let from = &articles[rng.below(articles.len())];
        if std::ptr::eq(host, from) {
            continue;
        }
        let source = from.join("\n\n");
        if !pasted {
            out.push(Trial { suspicious: host.join("\n\n"), source, case: None });
            continue;
        }
        // 60 to 400 words of consecutive paragraphs, as PAN's short to
        // medium cases.
        let start = rng.below(from.len());
        let mut end = start + 1;
        while end < from.len() && from[start..end].iter().map(|p| words(p)).sum::<usize>() < 60 {
            end += 1;
        }
        let length: usize = from[start..end].iter().map(|p| words(p)).sum();
        if !(60..=400).contains(&length) {
            continue;
        }
        let vocabulary: Vec<&str> = host.iter().flat_map(|p| p.split_whitespace()).collect();
        let passage = obfuscate(&from[start..end], rate, &vocabulary, rng);
        let at = rng.below(host.len() + 1);
        let mut paragraphs: Vec<String> = host[..at].to_vec();
        paragraphs.extend(passage);
        paragraphs.extend(host[at..].iter().cloned());
        let suspicious = paragraphs.join("\n\n");
        let offset = |ps: &[String], i: usize| ps[..i].iter().map(|p| utf16_len(p) + 2).sum::<usize>();
        let inserted = end - start;
        let plagiarised = (offset(&paragraphs, at), offset(&paragraphs, at + inserted) - 2);
        let source_span = (offset(from, start), offset(from, end) - 2);
        let pair = first_pair + out.len();
        out.push(Trial { suspicious, source, case: Some(Span { pair, plagiarised, source: source_span }) });
    }
    out
}

/// The report's passages between the two documents, as spans.
fn detections(report: &Report, pair: usize) -> Vec<Span> {
    let range = |doc: usize, first: usize, last: usize| {
        let s = &report.documents[doc].segments;
        (s[first].start, s[last].end)
    };
    report
        .passages
        .iter()
        .map(|p| {
            let (a, b) = (range(p.a.doc, p.a.first, p.a.last), range(p.b.doc, p.b.first, p.b.last));
            let (plagiarised, source) = if p.a.doc == 0 { (a, b) } else { (b, a) };
            Span { pair, plagiarised, source }
        })
        .collect()
}

/// Macro-averaged precision and recall, granularity and plagdet.
fn plagdet(cases: &[Span], found: &[Span]) -> (f64, f64, f64, f64) {
    // Each case's characters (and each detection's) covered by the other
    // side, without counting a character twice: the spans of one side never
    // overlap one another within a pair, so the sums are exact for cases;
    // for detections (passages may overlap on one side) they are bounded by
    // the span's length.
    let covered = |x: &Span, others: &[Span]| others.iter().map(|o| x.overlap(o)).sum::<usize>().min(x.length());
    let recall = cases.iter().map(|s| covered(s, found) as f64 / s.length() as f64).sum::<f64>() / cases.len() as f64;
    let precision = if found.is_empty() {
        0.0
    } else {
        found.iter().map(|r| covered(r, cases) as f64 / r.length() as f64).sum::<f64>() / found.len() as f64
    };
    let detected: Vec<usize> =
        cases.iter().map(|s| found.iter().filter(|r| s.overlap(r) > 0).count()).filter(|&n| n > 0).collect();
    let granularity =
        if detected.is_empty() { 1.0 } else { detected.iter().sum::<usize>() as f64 / detected.len() as f64 };
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    (precision, recall, granularity, f1 / (1.0 + granularity).log2())
}

/// Prints PAN's measures per obfuscation and over all cases.
pub fn passage_detection(ground_truth: &Path, signals: &[(&str, bool)], compare: &dyn Fn(&[Document], bool) -> Report) {
    let Ok(raw) = std::fs::read_to_string(ground_truth) else {
        println!("\npassages: {} not found, skipped", ground_truth.display());
        return;
    };
    let pages: serde_json::Value = serde_json::from_str(&raw).expect("ground truth is JSON");
    let mut ids: Vec<&String> = pages.as_object().expect("an object of pages").keys().collect();
    ids.sort();
    let bodies: Vec<Vec<String>> =
        ids.iter().filter_map(|id| pages[id.as_str()]["articleBody"].as_str()).map(paragraphs).collect();
    // The test pages include synthetic ones, placeholder Latin copied from
    // one page to the next: real copies, which would count against
    // precision. Only articles that share no paragraph of three words or
    // more with another, and hold no placeholder text, take part.
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    for ps in &bodies {
        let distinct: std::collections::HashSet<&str> = ps.iter().map(String::as_str).collect();
        for p in distinct {
            *seen.entry(p).or_default() += 1;
        }
    }
    let original = |ps: &Vec<String>| {
        ps.iter().all(|p| words(p) < 3 || seen[p.as_str()] == 1)
            && !ps.iter().any(|p| p.to_lowercase().contains("lorem ipsum"))
    };
    let articles: Vec<Vec<String>> = bodies.iter().filter(|ps| ps.len() >= 4 && original(ps)).cloned().collect();
    let mut rng = Rng(SEED);
    let mut sets: Vec<(&str, Vec<Trial>)> = Vec::new();
    for (name, rate) in OBFUSCATIONS {
        let first = sets.iter().map(|(_, t)| t.len()).sum();
        sets.push((name, trials(&articles, rate, true, &mut rng, first)));
    }
    let first = sets.iter().map(|(_, t)| t.len()).sum();
    let unrelated = trials(&articles, 0.0, false, &mut rng, first);
    println!(
        "\npassages, PAN-style (plagdet; {} cases per obfuscation pasted from one of {} Readability articles into another, {} pairs with none):",
        CASES,
        articles.len(),
        unrelated.len()
    );
    for &(label, semantic) in signals {
        // The cases, the detections, and the links of the reports.
        let run = |trials: &[Trial], first: usize| -> (Vec<Span>, Vec<Span>, usize) {
            let (mut cases, mut found, mut links) = (Vec::new(), Vec::new(), 0);
            for (k, t) in trials.iter().enumerate() {
                let docs = [Document::new("suspicious", &t.suspicious), Document::new("source", &t.source)];
                let report = compare(&docs, semantic);
                links += report.matches.len();
                found.extend(detections(&report, first + k));
                cases.extend(t.case);
            }
            (cases, found, links)
        };
        let (_, noise, false_links) = run(&unrelated, first);
        let (mut all_cases, mut all_found) = (Vec::new(), noise.clone());
        let mut first = 0;
        for (name, trials) in &sets {
            let (cases, found, _) = run(trials, first);
            first += trials.len();
            let (p, r, g, score) = plagdet(&cases, &found);
            println!("  {label:8} {name:13} plagdet {score:.3} | precision {p:.3} recall {r:.3} granularity {g:.2}");
            all_cases.extend(cases);
            all_found.extend(found);
        }
        let (p, r, g, score) = plagdet(&all_cases, &all_found);
        println!("  {label:8} {:13} plagdet {score:.3} | precision {p:.3} recall {r:.3} granularity {g:.2}", "all");
        println!(
            "  {label:8} where nothing was pasted: {} detections, {false_links} links in {} pairs of unrelated articles, {:.3} per pair",
            noise.len(),
            unrelated.len(),
            false_links as f64 / unrelated.len().max(1) as f64
        );
    }
}
