//! Markdown (CommonMark with tables, strikethrough and YAML front matter,
//! parsed by `pulldown-cmark`) to the text a reader sees: headings,
//! paragraphs, list items, quotes and table rows each on a line of their
//! own, code blocks kept line by line, markup gone (no `**`, no link URLs).
//! Images and raw HTML are left out and counted as dropped. Front matter
//! gives the title, author and date when it has them.

use super::Article;
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// The article in Markdown `source`.
pub(crate) fn extract(source: &str) -> Article {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut article = Article::default();
    let mut line = String::new();
    let mut in_metadata = false;
    let mut in_code = false;
    let mut image_depth = 0usize;
    let mut first_heading: Option<(usize, String)> = None;
    let mut in_heading = false;
    for event in Parser::new_ext(source, options) {
        if image_depth > 0 {
            // An image's alt text is a description, not the article's text.
            match event {
                Event::Start(Tag::Image { .. }) => image_depth += 1,
                Event::End(TagEnd::Image) => image_depth -= 1,
                Event::Text(t) | Event::Code(t) => article.dropped.characters += t.chars().count(),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => front_matter(&t, &mut article),
            Event::Start(Tag::CodeBlock(_)) => {
                end_line(&mut line, &mut article.blocks);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code => {
                // A code block is kept as it reads, one line per line.
                for code_line in t.lines() {
                    line.push_str(code_line);
                    end_line(&mut line, &mut article.blocks);
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                end_line(&mut line, &mut article.blocks);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_heading && first_heading.is_none() && !line.trim().is_empty() {
                    first_heading = Some((article.blocks.len(), line.trim().to_string()));
                }
                in_heading = false;
                end_line(&mut line, &mut article.blocks);
            }
            Event::Start(Tag::Image { .. }) => {
                image_depth = 1;
                article.dropped.blocks += 1;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                article.dropped.characters += html.chars().count();
                if html.trim_start().starts_with('<') && !html.trim_start().starts_with("</") {
                    article.dropped.blocks += 1;
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => line.push_str(&t),
            Event::SoftBreak => line.push(' '),
            Event::HardBreak => end_line(&mut line, &mut article.blocks),
            Event::End(TagEnd::TableCell) => line.push('\t'),
            Event::TaskListMarker(done) => line.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableRow | Tag::TableHead | Tag::BlockQuote(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead | TagEnd::BlockQuote(_),
            )
            | Event::Rule => end_line(&mut line, &mut article.blocks),
            _ => {}
        }
    }
    end_line(&mut line, &mut article.blocks);
    // A document that opens with a heading is titled by it, unless the front
    // matter named the title already.
    if let Some((0, heading)) = first_heading {
        if article.title.is_none() || article.title.as_deref() == Some(heading.as_str()) {
            article.blocks.remove(0);
            article.title = Some(heading);
        }
    }
    article
}

fn end_line(line: &mut String, blocks: &mut Vec<String>) {
    let text = line.trim();
    if !text.is_empty() {
        blocks.push(text.to_string());
    }
    line.clear();
}

/// `title:`, `author:` and `date:` of YAML front matter (plain scalars,
/// quoted or not); other keys are ignored.
fn front_matter(yaml: &str, article: &mut Article) {
    for entry in yaml.lines() {
        let Some((key, value)) = entry.split_once(':') else { continue };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        let field = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut article.title,
            "author" | "authors" | "byline" => &mut article.byline,
            "date" | "published" => &mut article.date,
            _ => continue,
        };
        field.get_or_insert_with(|| value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_and_blocks_become_lines() {
        let a = extract(
            "# Fire at the port\n\nFirefighters **contained** the blaze, [officials](https://x.test/a) said\n\
             on *Tuesday*.\n\n## What happened\n\n- one\n- two `code`\n\n> A quote.\n\n![a ship](ship.png)\n\n\
             | a | b |\n|---|---|\n| 1 | 2 |\n\n```\nfn main() {}\nlet x = 1;\n```\n<div>raw</div>\n",
        );
        assert_eq!(a.title.as_deref(), Some("Fire at the port"));
        assert_eq!(
            a.blocks,
            [
                "Firefighters contained the blaze, officials said on Tuesday.",
                "What happened",
                "one",
                "two code",
                "A quote.",
                "a\tb",
                "1\t2",
                "fn main() {}",
                "let x = 1;",
            ]
        );
        assert_eq!(a.dropped.blocks, 2, "the image and the HTML block");
    }

    #[test]
    fn front_matter_gives_title_byline_and_date() {
        let a = extract("---\ntitle: \"Rail strike ends\"\nauthor: Ana Ruiz\ndate: 2024-05-02\ntags: [x]\n---\n\n# Rail strike ends\n\nTrains run again.\n");
        assert_eq!(a.title.as_deref(), Some("Rail strike ends"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.date.as_deref(), Some("2024-05-02"));
        assert_eq!(a.blocks, ["Trains run again."]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = ">".repeat(100_000) + " text\n" + &"- ".repeat(50_000) + "item\n" + &"[".repeat(50_000);
        let a = extract(&deep);
        assert!(a.blocks.iter().any(|b| b.contains("text")));
    }
}
