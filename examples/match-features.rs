//! Prints the candidate links of comparing FILEs, with the learned models'
//! inputs, as JSON: what `scripts/fit-match-model.py` fits the models on.
//!
//!     cargo run --release --features fit --example match-features -- [--lexical] [--model MODEL.json] FILE FILE...
//!     cargo run --release --features fit --example match-features -- [--lexical] [--model MODEL.json] --pairs PAIRS.tsv
//!
//! `--lexical` leaves the semantic signal out; `--model` computes the
//! context inputs with that file's pair model instead of the shipped one.
//! `--pairs` reads sentence pairs from a tab-separated file with a header
//! (the MSRP and STS layouts: a `Quality` or `score` column, the two
//! sentences in the last two columns) and prints one line per pair: its
//! label and the candidate links of comparing the two sentences.

use article_compare::fit::candidate_links;
use article_compare::{Document, Embeddings, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut lexical, mut model, mut pairs, mut files) = (false, None, None, Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lexical" => lexical = true,
            "--model" => model = Some(args.next().expect("--model takes a file")),
            "--pairs" => pairs = Some(args.next().expect("--pairs takes a file")),
            _ => files.push(arg),
        }
    }
    let read = |f: &str| std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
    let model = model.map(|m| read(&m));
    let embeddings = (!lexical).then(Embeddings::bundled);
    let links = |documents: &[Document]| {
        let dump = candidate_links(documents, &Options::default(), embeddings, model.as_deref())
            .unwrap_or_else(|e| panic!("{e}"));
        serde_json::to_string(&dump).expect("the dump serialises")
    };
    let Some(pairs) = pairs else {
        let documents: Vec<Document> = files.iter().map(|f| Document::new(f.as_str(), read(f))).collect();
        println!("{}", links(&documents));
        return;
    };
    let raw = read(&pairs);
    let mut lines = raw.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().trim_end_matches('\r').split('\t').collect();
    let label = header.iter().position(|h| *h == "Quality" || *h == "score").expect("a Quality or score column");
    for line in lines {
        let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if fields.len() != header.len() {
            continue;
        }
        let (a, b) = (fields[fields.len() - 2], fields[fields.len() - 1]);
        let label: f64 = fields[label].trim().parse().expect("a numeric label");
        println!("{{\"label\": {label}, \"dump\": {}}}", links(&[Document::new("1", a), Document::new("2", b)]));
    }
}
