use article_compare::{roles::assign, segment::segment};
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let seg = segment(&text);
        let roles = assign(&text, &seg);
        println!("=== {path}");
        for (s, r) in seg.segments.iter().zip(roles) {
            let t = &text[s.start..s.end];
            println!("{:>12} | {}", format!("{r:?}"), t.chars().take(100).collect::<String>());
        }
    }
}
