use article_compare::segment::segment;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ok = 0;
    for case in data.as_array().unwrap() {
        let text = case["text"].as_str().unwrap();
        let got: Vec<String> = segment(text).segments.iter().map(|s| text[s.start..s.end].split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let exp: Vec<String> = case["expected"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        if got == exp { ok += 1 } else {
            println!("== {} {}", case["id"], case["name"]);
            for g in &got { if !exp.contains(g) { println!("  GOT {g}") } }
            for e in &exp { if !got.contains(e) { println!("  EXP {e}") } }
        }
    }
    println!("{ok}/{}", data.as_array().unwrap().len());
}
