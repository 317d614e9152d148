//! RSS 2.0 and Atom feeds: one document per entry, with a tolerant per-entry fallback.

use alaqat_model::{Date, Format, Precision, TimeSpan};
use chrono::{Datelike, NaiveDate, Timelike};
use feed_rs::model::Entry;

use crate::date::parse_published;
use crate::error::{ReadError, ReadErrorKind};
use crate::{html, make_document, Item, ReadOptions};

/// Reads every entry of a decoded feed. When feed-rs rejects the whole feed (malformed XML),
/// the entries are cut out of the text one by one and parsed separately inside a copy of the
/// feed's root element, so one broken entry costs only itself.
pub(crate) fn read_feed(xml: &str, source_name: &str, encoding: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let xml = utf8_declaration(xml);
    match parse(&xml) {
        Ok(feed) => {
            if feed.entries.is_empty() {
                sink(Item::Failed(ReadError::new(source_name, ReadErrorKind::BadFeed("no entries".into()))));
            }
            for (idx, entry) in feed.entries.iter().enumerate() {
                sink(entry_item(entry, idx + 1, source_name, encoding, opts));
            }
        }
        Err(error) => read_entries_one_by_one(&xml, &error, source_name, encoding, opts, sink),
    }
}

fn read_entries_one_by_one(
    xml: &str,
    feed_error: &str,
    source_name: &str,
    encoding: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item),
) {
    let atom = find_tag(xml, "feed", 0).is_some() && find_tag(xml, "rss", 0).is_none();
    let (root_name, entry_name) = if atom { ("feed", "entry") } else { ("rss", "item") };
    let chunks = entry_chunks(xml, entry_name);
    if chunks.is_empty() {
        let kind = ReadErrorKind::BadFeed(feed_error.to_owned());
        sink(Item::Failed(ReadError::new(source_name, kind)));
        return;
    }
    let root_open = find_tag(xml, root_name, 0)
        .and_then(|start| xml[start..].find('>').map(|end| &xml[start..=start + end]))
        .filter(|tag| !tag.ends_with("/>"));
    let (open, close) = match (atom, root_open) {
        (true, Some(tag)) => (format!("{tag}<title>t</title><id>t</id>"), "</feed>"),
        (true, None) => {
            (r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>t</id>"#.to_owned(), "</feed>")
        }
        (false, Some(tag)) => (format!("{tag}<channel><title>t</title>"), "</channel></rss>"),
        (false, None) => (r#"<rss version="2.0"><channel><title>t</title>"#.to_owned(), "</channel></rss>"),
    };
    for (idx, chunk) in chunks.iter().enumerate() {
        let number = idx + 1;
        let wrapped = format!("{open}{chunk}{close}");
        let item = match parse(&wrapped) {
            Ok(feed) => match feed.entries.first() {
                Some(entry) => entry_item(entry, number, source_name, encoding, opts),
                None => entry_error(source_name, number, ReadErrorKind::BadEntry("empty entry".into())),
            },
            Err(error) => entry_error(source_name, number, ReadErrorKind::BadEntry(error)),
        };
        sink(item);
    }
}

fn entry_error(source_name: &str, number: usize, kind: ReadErrorKind) -> Item {
    Item::Failed(ReadError::new(format!("{source_name}#entry {number}"), kind))
}

fn entry_item(entry: &Entry, number: usize, source_name: &str, encoding: &str, opts: &ReadOptions) -> Item {
    let body = entry
        .content
        .as_ref()
        .and_then(|content| content.body.as_deref())
        .filter(|body| !body.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|summary| summary.content.as_str()))
        .unwrap_or("");
    let text = match html::fragment_text(body) {
        Ok(text) => text,
        Err(limit) => return entry_error(source_name, number, ReadErrorKind::TooDeep { limit }),
    };
    if text.is_empty() {
        return entry_error(source_name, number, ReadErrorKind::NoEntryText);
    }
    let link = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|link| link.href.trim().to_owned())
        .filter(|href| !href.is_empty());
    let title = entry
        .title
        .as_ref()
        .and_then(|title| html::fragment_text(&title.content).ok())
        .filter(|title| !title.is_empty());
    let published = entry.published.or(entry.updated).and_then(from_chrono);
    let source = link.clone().unwrap_or_else(|| format!("{source_name}#{number}"));
    match make_document(text, source, Format::Feed, encoding, opts) {
        Ok(mut doc) => {
            doc.url = link;
            doc.title = title;
            doc.published = published;
            Item::Doc(doc)
        }
        Err(kind) => entry_error(source_name, number, kind),
    }
}

/// Parses with a fresh feed-rs parser: a parser keeps per-entry state that a failed parse
/// leaves behind (feed-rs 3.0 then panics on the next entry), so none is reused. A panic inside
/// feed-rs on hostile input is caught and reported as an error rather than ending the batch.
fn parse(xml: &str) -> Result<feed_rs::model::Feed, String> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser().parse(xml.as_bytes())));
    match outcome {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("feed parser failed on this input".to_owned()),
    }
}

/// A feed-rs parser whose timestamps carry our reading of the date: feed-rs only hands over
/// UTC instants, which would move `Fri, 19 Dec 2025 01:00 +0300` to the 18th. So the parser
/// stores the *local* calendar date at midnight plus the precision in the hour (0 day,
/// 1 month, 2 year), and [`from_chrono`] reads it back.
fn parser() -> feed_rs::parser::Parser {
    feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(|s| {
            let span = parse_published(s)?;
            let hour = match span.precision {
                Precision::Month => 1,
                Precision::Year => 2,
                _ => 0,
            };
            let start = span.start;
            let date = NaiveDate::from_ymd_opt(
                i32::from(start.year()),
                u32::try_from(start.month()).ok()?,
                u32::try_from(start.day()).ok()?,
            )?;
            Some(date.and_hms_opt(hour, 0, 0)?.and_utc())
        })
        .build()
}

fn from_chrono(value: chrono::DateTime<chrono::Utc>) -> Option<TimeSpan> {
    let date = Date::new(
        i16::try_from(value.year()).ok()?,
        i8::try_from(value.month()).ok()?,
        i8::try_from(value.day()).ok()?,
    )
    .ok()?;
    let span = match value.hour() {
        1 => TimeSpan { start: date, end: date.last_of_month(), precision: Precision::Month, inferred: false },
        2 => TimeSpan { start: date, end: date.last_of_year(), precision: Precision::Year, inferred: false },
        _ => TimeSpan::day(date),
    };
    Some(span)
}

/// The text is already decoded: an XML declaration naming another encoding would make
/// feed-rs decode it a second time, so the declaration is replaced by a UTF-8 one.
fn utf8_declaration(xml: &str) -> String {
    let trimmed = xml.trim_start();
    if trimmed.starts_with("<?xml") {
        if let Some(end) = trimmed.find("?>") {
            return format!(r#"<?xml version="1.0" encoding="UTF-8"?>{}"#, &trimmed[end + 2..]);
        }
    }
    trimmed.to_owned()
}

/// Byte offset of `<name` followed by whitespace, `>` or `/`, from `from` on.
fn find_tag(xml: &str, name: &str, from: usize) -> Option<usize> {
    let open = format!("<{name}");
    let mut pos = from;
    while let Some(found) = xml.get(pos..)?.find(&open) {
        let start = pos + found;
        let after = start + open.len();
        match xml.as_bytes().get(after) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/') => return Some(start),
            _ => pos = after,
        }
    }
    None
}

/// The `<item>…</item>` (or `<entry>…</entry>`) pieces of the text, in order. An entry that is
/// never closed ends where the next one starts (or at the end of the text).
fn entry_chunks<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let close = format!("</{name}>");
    let mut chunks = Vec::new();
    let mut pos = 0;
    while let Some(start) = find_tag(xml, name, pos) {
        let next_start = find_tag(xml, name, start + 1).unwrap_or(xml.len());
        let end = match xml[start..next_start].find(&close) {
            Some(offset) => start + offset + close.len(),
            None => next_start,
        };
        chunks.push(&xml[start..end]);
        pos = end.max(start + 1);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_survive_an_unclosed_entry() {
        let xml = "<rss><channel><item><title>a</title></item><item><title>b<item>c</item><items/></channel></rss>";
        assert_eq!(
            entry_chunks(xml, "item"),
            vec!["<item><title>a</title></item>", "<item><title>b", "<item>c</item>"]
        );
    }
}
