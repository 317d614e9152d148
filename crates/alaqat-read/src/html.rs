//! HTML pages: main-text extraction, title and publication date from metadata.

use alaqat_model::TimeSpan;
use dom_query::{Document as Dom, Selection};
use dom_smoothie::{Config, Readability, TextMode};

use crate::date::parse_published;

/// What an HTML page gave us.
pub(crate) struct HtmlPage {
    /// Main text, one paragraph per line; empty when the page has no text.
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<TimeSpan>,
}

/// How deep HTML may nest before we refuse it (as Blink, which stops nesting at 512).
pub(crate) const MAX_DEPTH: usize = 512;

/// Extracts the main text and the metadata of a page. A page without text gives an empty
/// `text`; a page nested deeper than [`MAX_DEPTH`] gives `Err(MAX_DEPTH)`.
pub(crate) fn extract(html: &str) -> Result<HtmlPage, usize> {
    check_depth(html)?;
    let dom = Dom::from(html);
    let title =
        meta_content(&dom, &["og:title", "twitter:title"]).or_else(|| non_empty(&dom.select("title").first().text()));
    let url = meta_content(&dom, &["og:url"])
        .or_else(|| dom.select(r#"link[rel="canonical"]"#).first().attr("href").and_then(|href| non_empty(&href)));
    let published = published(&dom);
    let mut text = readability_text(html);
    if text.is_empty() {
        text = fallback_text(&dom);
    }
    Ok(HtmlPage { text, title, url, published })
}

/// Text of an HTML fragment (a feed entry's content), paragraphs as lines; `Err(MAX_DEPTH)`
/// when it nests deeper than [`MAX_DEPTH`].
pub(crate) fn fragment_text(html: &str) -> Result<String, usize> {
    check_depth(html)?;
    let dom = Dom::fragment(html);
    let root = dom.select("html");
    let text = if root.exists() { root.formatted_text() } else { dom.formatted_text() };
    Ok(tidy_lines(&text))
}

/// Refuses markup that nests deeper than [`MAX_DEPTH`], before parsing it: html5ever checks
/// the whole stack of open elements at each start tag and Readability walks ancestors per
/// node, so 100,000 nested `<div>`s take hours (found by the hostile-input suite; 8,000 took
/// 27 s). The scan is linear and approximate in the safe direction for real pages: it follows
/// start and end tags as the parser would (an end tag closes up to its start tag, unknown ends
/// are ignored), skips comments, declarations and the raw text of `<script>`, `<style>`,
/// `<textarea>` and `<title>`, and does not count void elements or elements whose end tag is
/// optional (`<p>`, `<li>`, `<td>` ...), which would otherwise pile up on sloppy pages.
fn check_depth(html: &str) -> Result<(), usize> {
    const NOT_COUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
        "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
    ];
    const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"];
    let bytes = html.as_bytes();
    // Open elements, as lowercase names (at most MAX_DEPTH of them).
    let mut open: Vec<String> = Vec::new();
    let mut pos = 0;
    while let Some(found) = bytes[pos..].iter().position(|&b| b == b'<') {
        pos += found + 1;
        let rest = &bytes[pos..];
        if rest.starts_with(b"!--") {
            pos += find(rest, b"-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            let Some(end) = find(rest, b">") else { break };
            pos += end + 1;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
            .count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[name_start..name_start + name_len]).to_ascii_lowercase();
        // An unterminated tag runs to the end: nothing after it opens an element.
        let Some(tag_end) = find(rest, b">").map(|end| end + 1) else {
            break;
        };
        let self_closing = rest[..tag_end].ends_with(b"/>");
        pos += tag_end;
        if closing {
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let rest = &bytes[pos..];
            pos +=
                rest.windows(close.len()).position(|w| w.eq_ignore_ascii_case(close.as_bytes())).unwrap_or(rest.len());
            continue;
        }
        if self_closing || NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        if open.len() == MAX_DEPTH {
            return Err(MAX_DEPTH);
        }
        open.push(name);
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn readability_text(html: &str) -> String {
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let Ok(mut readability) = Readability::new(html, None, Some(config)) else {
        return String::new();
    };
    match readability.parse() {
        Ok(article) => tidy_lines(&article.text_content),
        Err(_) => String::new(),
    }
}

/// The text of `<article>`, `<main>` or `<body>` (the first that has text), for pages where
/// Readability finds no candidate (very short or truncated pages).
fn fallback_text(dom: &Dom) -> String {
    for selector in ["article", "main", "body"] {
        let selection = dom.select(selector);
        // Scripts and styles are not text.
        selection.select("script, style, noscript, template").remove();
        let text = tidy_lines(&selection.formatted_text());
        if !text.is_empty() {
            return text;
        }
    }
    String::new()
}

/// Trims every line, drops empty ones, joins with a single `\n`.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// The publication date: `<meta>` tags first (article:published_time, og:published_time,
/// date, pubdate, publishdate, DC.date.issued, dcterms.created, itemprop=datePublished), then
/// JSON-LD `datePublished`, then `<time datetime>` inside the article.
fn published(dom: &Dom) -> Option<TimeSpan> {
    const META_KEYS: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date.issued",
        "dcterms.created",
        "dc.date",
        "datepublished",
    ];
    for key in META_KEYS {
        if let Some(span) = meta_content(dom, &[key]).as_deref().and_then(parse_published) {
            return Some(span);
        }
    }
    for script in dom.select(r#"script[type="application/ld+json"]"#).iter() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(script.text().trim()) else {
            continue;
        };
        if let Some(span) = find_date_published(&value, 0) {
            return Some(span);
        }
    }
    for selector in ["article time[datetime]", "main time[datetime]", "time[pubdate][datetime]"] {
        if let Some(span) = dom.select(selector).first().attr("datetime").as_deref().and_then(parse_published) {
            return Some(span);
        }
    }
    None
}

/// Walks JSON-LD (objects, arrays, `@graph`) for the first parsable `datePublished`.
fn find_date_published(value: &serde_json::Value, depth: usize) -> Option<TimeSpan> {
    // Real JSON-LD is shallow; the bound keeps hostile input from recursing deeply.
    if depth > 16 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => {
            if let Some(span) = map.get("datePublished").and_then(|v| v.as_str()).and_then(parse_published) {
                return Some(span);
            }
            map.values().find_map(|v| find_date_published(v, depth + 1))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_date_published(v, depth + 1)),
        _ => None,
    }
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` equals one of
/// `keys` (ASCII case-insensitive).
fn meta_content(dom: &Dom, keys: &[&str]) -> Option<String> {
    let metas: Selection = dom.select("meta");
    for meta in metas.iter() {
        let matches = ["property", "name", "itemprop"]
            .iter()
            .any(|attr| meta.attr(attr).is_some_and(|v| keys.iter().any(|key| v.trim().eq_ignore_ascii_case(key))));
        if matches {
            if let Some(content) = meta.attr("content").and_then(|c| non_empty(&c)) {
                return Some(content);
            }
        }
    }
    None
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The charset a page or XML file declares in its first bytes (`<meta charset=…>`,
/// `content="text/html; charset=…"`, `<?xml … encoding="…"?>`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for needle in [&b"charset="[..], &b"encoding="[..]] {
        if let Some(pos) = lower.windows(needle.len()).position(|w| w == needle) {
            let rest = &lower[pos + needle.len()..];
            let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
            let label: Vec<u8> = rest
                .iter()
                .copied()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .collect();
            if !label.is_empty() {
                return String::from_utf8(label).ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets() {
        assert_eq!(declared_charset(br#"<meta charset="windows-1256">"#).as_deref(), Some("windows-1256"));
        assert_eq!(declared_charset(br#"<?xml version="1.0" encoding='UTF-8'?>"#).as_deref(), Some("utf-8"));
        assert_eq!(declared_charset(b"<p>none</p>"), None);
    }

    #[test]
    fn fragment_to_lines() {
        assert_eq!(fragment_text("<p>first &amp; one</p><p> second </p>").unwrap(), "first & one\nsecond");
        assert_eq!(fragment_text("plain text").unwrap(), "plain text");
    }

    #[test]
    fn depth_follows_the_parser() {
        let deep = |n: usize, open: &str, close: &str| format!("{}x{}", open.repeat(n), close.repeat(n));
        assert_eq!(check_depth(&deep(MAX_DEPTH, "<div>", "</div>")), Ok(()));
        assert_eq!(check_depth(&deep(MAX_DEPTH + 1, "<div>", "")), Err(MAX_DEPTH));
        assert_eq!(check_depth(&deep(MAX_DEPTH + 1, "<DIV class='a>b'>", "")), Err(MAX_DEPTH));
        // Siblings, void and optional-end elements, self-closing tags, raw text and comments.
        assert_eq!(check_depth(&"<div>a</div>".repeat(10_000)), Ok(()));
        assert_eq!(check_depth(&"<p>a<br><li>b<img src=x><td>c<x/>".repeat(10_000)), Ok(()));
        assert_eq!(check_depth(&format!("<script>{}</script>", "<div>".repeat(1000))), Ok(()));
        assert_eq!(check_depth(&format!("<!-- {} -->", "<div>".repeat(1000))), Ok(()));
        // An end tag closes the unclosed elements inside it, as in the parser.
        assert_eq!(check_depth(&"<div><span><b>a</div>".repeat(10_000)), Ok(()));
        // Text that only looks like tags, and unterminated tags (linear, not quadratic).
        assert_eq!(check_depth(&"a < b <3 </ <=".repeat(10_000)), Ok(()));
        assert_eq!(check_depth(&"<a<a<a".repeat(100_000)), Ok(()));
        assert_eq!(check_depth(&"<script>".repeat(100_000)), Ok(()));
    }
}
