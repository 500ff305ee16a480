use article_compare::{compare, Document, Options};
fn main() {
    let raw = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for (i, line) in raw.trim_start_matches('\u{feff}').lines().skip(1).enumerate() {
        let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        eprintln!("ITEM\t{i}\t{}", f[0]);
        let r = compare(&[Document::new("1", f[3]), Document::new("2", f[4])], &Options::default()).unwrap();
        let kinds: Vec<String> = r.matches.iter().map(|m| format!("{:?}", m.kind)).collect();
        eprintln!("KINDS\t{}", kinds.join(","));
    }
}
