//! A page's headline, author and publication date, from what it declares
//! for machines (JSON-LD `NewsArticle`, Open Graph, Dublin Core and other
//! `<meta>` tags) before what it shows (the `<title>`, cleaned of the
//! site's name).

use super::dom::{Dom, Id};
use super::readability::{inner_text, word_count};
use serde_json::Value;

/// What the page says about its article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// Schema.org types of a news or blog article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "DiscussionForumPosting",
    "LiveBlogPosting",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
];

/// Reads the page's metadata.
pub(crate) fn metadata(dom: &Dom) -> Metadata {
    let all = dom.subtree(0);
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut json_ld = Metadata::default();
    for &n in &all {
        match dom.tag(n) {
            "meta" => {
                let Some(content) = dom.attr(n, "content").map(clean).filter(|c| !c.is_empty()) else { continue };
                for key in ["property", "name", "itemprop"] {
                    if let Some(k) = dom.attr(n, key) {
                        for k in k.split_whitespace() {
                            meta.push((k.to_ascii_lowercase(), content.clone()));
                        }
                    }
                }
            }
            "script"
                if json_ld.title.is_none()
                    && dom.attr(n, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(value) = serde_json::from_str::<Value>(dom.text_content(n).trim()) {
                    json_ld = from_json_ld(&value);
                }
            }
            _ => {}
        }
    }
    let first =
        |keys: &[&str]| keys.iter().find_map(|k| meta.iter().find(|(name, _)| name == k).map(|(_, v)| v.clone()));
    let title = json_ld
        .title
        .or_else(|| {
            first(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| page_title(dom, &all));
    let byline = json_ld
        .byline
        .or_else(|| first(&["dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru.author", "byl"]))
        .or_else(|| first(&["article:author"]).filter(|a| !a.starts_with("http")));
    let date = json_ld.date.or_else(|| {
        first(&[
            "article:published_time",
            "parsely-pub-date",
            "datepublished",
            "og:published_time",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
            "dcterms.date",
            "dc.date.issued",
            "sailthru.date",
            "article.published",
        ])
    });
    let date = date.or_else(|| {
        all.iter().find(|&&n| dom.attr(n, "itemprop") == Some("datePublished")).and_then(|&n| {
            dom.attr(n, "datetime").or(dom.attr(n, "content")).map(clean).or_else(|| Some(inner_text(dom, n)))
        })
    });
    Metadata { title, byline, date: date.filter(|d| !d.is_empty()) }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headline, authors and date of the first article object in JSON-LD (a
/// lone object, an array, or an `@graph`).
fn from_json_ld(value: &Value) -> Metadata {
    let objects: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => match o.get("@graph") {
            Some(Value::Array(items)) => std::iter::once(value).chain(items.iter()).collect(),
            _ => vec![value],
        },
        _ => Vec::new(),
    };
    let is_article = |v: &Value| match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    };
    let Some(article) = objects.into_iter().find(|v| is_article(v)) else { return Metadata::default() };
    let text = |key: &str| article.get(key).and_then(Value::as_str).map(clean).filter(|s| !s.is_empty());
    Metadata {
        title: text("headline").or_else(|| text("name")),
        byline: article.get("author").and_then(names),
        date: text("datePublished"),
    }
}

/// An author as JSON-LD gives it: a name, a person, or a list of either.
fn names(author: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(clean(s)),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
        _ => None,
    };
    let all: Vec<String> = match author {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let all: Vec<String> = all.into_iter().filter(|s| !s.is_empty()).collect();
    (!all.is_empty()).then(|| all.join(", "))
}

/// The `<title>`, without the site's name that pages add after a
/// separator (`Rail strike ends | The Daily`), following Readability.
fn page_title(dom: &Dom, all: &[Id]) -> Option<String> {
    let original = all.iter().find(|&&n| dom.tag(n) == "title").map(|&n| clean(&dom.text_content(n)))?;
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];
    let mut title = original.clone();
    let mut had_separator = false;
    let last_sep = SEPARATORS.iter().filter_map(|s| original.rfind(s).map(|i| (i, s.len()))).max();
    if let Some((at, _)) = last_sep {
        had_separator = true;
        title = original[..at].to_string();
        if word_count(&title) < 3 {
            let first = SEPARATORS.iter().filter_map(|s| original.find(s).map(|i| (i, s.len()))).min();
            if let Some((at, len)) = first {
                title = original[at + len..].to_string();
            }
        }
    } else if let Some(colon) = original.rfind(": ") {
        let headings = all.iter().filter(|&&n| matches!(dom.tag(n), "h1" | "h2"));
        let shown = headings.clone().any(|&n| clean(&dom.text_content(n)) == original);
        if !shown {
            title = original[colon + 2..].to_string();
            if word_count(&title) < 3 {
                title = original[original.find(": ").map_or(0, |i| i + 2)..].to_string();
            } else if word_count(&original[..original.find(':').unwrap_or(0)]) > 5 {
                title = original.clone();
            }
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        let h1s: Vec<Id> = all.iter().copied().filter(|&n| dom.tag(n) == "h1").collect();
        if let [h1] = h1s.as_slice() {
            title = clean(&dom.text_content(*h1));
        }
    }
    let title = clean(&title);
    let without_separators = SEPARATORS.iter().fold(original.clone(), |t, s| t.replace(s, " "));
    let words = word_count(&title);
    if words <= 4 && (!had_separator || words + 1 != word_count(&without_separators)) {
        return Some(original).filter(|t| !t.is_empty());
    }
    Some(title).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_comes_first() {
        let dom = Dom::parse(
            r#"<html><head><title>Ignored | Site</title><meta property="og:title" content="OG title">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Port fire contained","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}],
            "datePublished":"2024-05-02T10:00:00Z"}]}</script></head><body></body></html>"#,
        );
        let m = metadata(&dom);
        assert_eq!(m.title.as_deref(), Some("Port fire contained"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02T10:00:00Z"));
    }

    #[test]
    fn meta_tags_then_the_cleaned_title() {
        let dom = Dom::parse(
            r#"<head><title>Rail strike ends after four days | The Daily Example</title>
            <meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2024-05-02"></head>"#,
        );
        let m = metadata(&dom);
        assert_eq!(m.title.as_deref(), Some("Rail strike ends after four days"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let dom = Dom::parse(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>A fine headline for a page</title>"#,
        );
        assert_eq!(metadata(&dom).title.as_deref(), Some("A fine headline for a page"));
    }
}
