//! Ingestion for alaqat: turns files, directories and JSON Lines streams into
//! [`Document`]s with their original text, encoding, title, URL and publication date.
//!
//! # Overview
//!
//! - [`read_path`] reads a file or a whole directory (recursively, sorted by path, hidden
//!   entries skipped) and calls a sink once per [`Item`]: a document or a [`ReadError`].
//!   Nothing is collected: a huge directory or JSON Lines file streams through.
//! - [`read_jsonl`] reads JSON Lines from any reader (`alaqat ingest -`).
//! - [`read_bytes`] reads bytes already in memory (a request body, a fuzzer's input).
//! - [`decode`] turns bytes into text and names the encoding (UTF-8 with or without BOM,
//!   UTF-16 with BOM, detected legacy encodings such as Windows-1256).
//! - [`parse_published`] reads publication dates as metadata writes them.
//!
//! Formats: plain text (`.txt`, `.text`, `.md`), HTML (`.html`, `.htm`; main text by
//! Readability), JSON Lines (`.jsonl`, `.ndjson`, `.json`), feeds (`.xml`, `.rss`, `.atom`,
//! `.feed`; RSS 2.0 and Atom, one document per entry). Other files are sniffed.
//!
//! # Invariants
//!
//! - For plain text and JSON Lines, [`Document::text`] is the decoded input with only a leading
//!   byte order mark removed: every offset the pipeline reports points into it. HTML and feed
//!   documents hold the extracted text, one paragraph per line.
//! - [`Document::id`] is a content hash of the text (first 16 bytes of SHA-256, hex), so the
//!   same text read twice has the same id.
//! - Bad input never stops a batch: each bad file, line or feed entry gives exactly one
//!   [`ReadError`] naming it and the reason, and reading goes on. Nothing here panics on input.
//!
//! # Example
//!
//! ```
//! use alaqat_read::{read_jsonl, Item, ReadOptions};
//!
//! let input = "{\"id\":\"a1\",\"published\":\"2024-09\",\"text\":\"وقّع البلدان مذكرة تفاهم.\"}\n\
//!              {\"id\":\"a2\",\"text\":42}\n";
//! let mut docs = Vec::new();
//! let mut errors = Vec::new();
//! read_jsonl(input.as_bytes(), "stdin", &ReadOptions::default(), &mut |item| match item {
//!     Item::Doc(doc) => docs.push(doc),
//!     Item::Failed(error) => errors.push(error.to_string()),
//! });
//! assert_eq!(docs[0].source, "a1");
//! assert_eq!(docs[0].published.unwrap().value_string(), "2024-09");
//! assert_eq!(errors, ["stdin#2: line 2: \"text\" is not a string"]);
//! ```

mod date;
mod decode;
mod error;
mod feed;
mod html;
mod jsonl;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use alaqat_model::Lang;
pub use alaqat_model::{Document, Format};
use sha2::{Digest, Sha256};

pub use crate::date::parse_published;
pub use crate::decode::decode;
pub use crate::error::{DecodeError, ReadError, ReadErrorKind};

/// One input that became a document, or failed with a reason.
#[derive(Debug)]
pub enum Item {
    /// A document read successfully.
    Doc(Document),
    /// An input (file, line, feed entry) that could not be read.
    Failed(ReadError),
}

/// Limits that keep one bad input from exhausting memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest file read, in bytes (default 64 MiB); larger files fail with
    /// [`ReadErrorKind::TooLarge`]. JSON Lines files are streamed, so for them this limits each
    /// line instead ([`ReadErrorKind::LineTooLarge`]).
    pub max_bytes: u64,
    /// The longest document text, in characters (default 2 000 000); longer ones fail with
    /// [`ReadErrorKind::TooLong`].
    pub max_doc_chars: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { max_bytes: 64 * 1024 * 1024, max_doc_chars: 2_000_000 }
    }
}

/// Reads one path: a file or, recursively, a directory.
///
/// A file's format comes from its extension (`.txt`/`.text`/`.md` text, `.html`/`.htm` HTML,
/// `.jsonl`/`.ndjson`/`.json` JSON Lines, `.xml`/`.rss`/`.atom`/`.feed` feed); other files are
/// sniffed: `<rss`, `<feed` or `<?xml` → feed, `<html` or `<!doctype html` → HTML, a first line
/// starting with `{` → JSON Lines, else text. A directory is walked depth-first in path order
/// (deterministic), skipping hidden files and directories (names starting with `.`) and
/// anything that is not a regular file; symbolic links are followed.
///
/// `sink` is called once per document or failure as soon as it is ready. A path that cannot be
/// read gives one [`ReadErrorKind::Unreadable`].
pub fn read_path(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            sink(Item::Failed(ReadError::new(display(path), ReadErrorKind::Unreadable(error))));
            return;
        }
    };
    if !metadata.is_dir() {
        read_file(path, metadata.len(), opts, sink);
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let name = error.path().map_or_else(|| display(path), display);
                let reason = error.io_error().map_or_else(|| error.to_string(), ToString::to_string);
                sink(Item::Failed(ReadError::new(name, ReadErrorKind::DirEntry(reason))));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        match entry.metadata() {
            Ok(metadata) => read_file(entry.path(), metadata.len(), opts, sink),
            Err(error) => {
                let reason = error.io_error().map_or_else(|| error.to_string(), ToString::to_string);
                sink(Item::Failed(ReadError::new(display(entry.path()), ReadErrorKind::DirEntry(reason))));
            }
        }
    }
}

/// Reads JSON Lines from any reader (for `alaqat ingest -`); `source_name` names the input in
/// sources (`{source_name}#{line}` when a line has neither `id` nor `url`) and in errors.
///
/// Each non-empty line is an object with a required non-empty string `text` and optional `id`,
/// `url`, `title`, `published` (see [`parse_published`]) and `lang` (see `Lang::parse`). A bad
/// line gives one [`ReadErrorKind::BadLine`] and the next lines are still read; empty lines
/// are skipped. An unparsable `published` is not an error: the document keeps `published:
/// None` so the pipeline can infer a date. Lines must be UTF-8 (a leading BOM is allowed).
pub fn read_jsonl(reader: impl BufRead, source_name: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    jsonl::read_lines(reader, source_name, "utf-8", opts, sink);
}

/// The input kinds we know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    Feed,
}

fn kind_from_extension(path: &Path) -> Option<Kind> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" | "md" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" | "json" => Some(Kind::Jsonl),
        "xml" | "rss" | "atom" | "feed" => Some(Kind::Feed),
        _ => None,
    }
}

/// Guesses the kind from the first bytes (decoding UTF-16 when it has a BOM).
fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    let head = if head.starts_with(b"\xFF\xFE") {
        encoding_rs::UTF_16LE.decode_without_bom_handling(&head[2..]).0.into_owned()
    } else if head.starts_with(b"\xFE\xFF") {
        encoding_rs::UTF_16BE.decode_without_bom_handling(&head[2..]).0.into_owned()
    } else {
        String::from_utf8_lossy(head).into_owned()
    };
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_lowercase();
    if head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf") {
        Kind::Feed
    } else if head.starts_with("<html") || head.starts_with("<!doctype html") {
        Kind::Html
    } else if head.starts_with("<?xml") {
        if head.contains("<html") || head.contains("<!doctype html") {
            Kind::Html
        } else {
            Kind::Feed
        }
    } else if head.starts_with('{') {
        Kind::Jsonl
    } else {
        Kind::Text
    }
}

fn read_file(path: &Path, size: u64, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let name = display(path);
    let extension_kind = kind_from_extension(path);
    if extension_kind == Some(Kind::Jsonl) {
        read_jsonl_file(path, &name, size, opts, sink);
        return;
    }
    let bytes = match read_bounded(path, size, opts.max_bytes) {
        Ok(bytes) => bytes,
        Err(kind) => return sink(Item::Failed(ReadError::new(name, kind))),
    };
    read_kind(&bytes, &name, extension_kind, opts, sink);
}

/// Reads bytes already in memory as one input named `name`: as `format` when given (a feed is
/// [`Format::Feed`], JSON Lines [`Format::Jsonl`]), else sniffed as [`read_path`] does for
/// files without a known extension. `sink` is called once per document or failure, exactly as
/// for a file; `opts.max_bytes` is not checked here (the bytes are already read).
pub fn read_bytes(bytes: &[u8], name: &str, format: Option<Format>, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let kind = format.map(|format| match format {
        Format::Txt => Kind::Text,
        Format::Html => Kind::Html,
        Format::Jsonl => Kind::Jsonl,
        Format::Feed => Kind::Feed,
    });
    read_kind(bytes, name, kind, opts, sink);
}

fn read_kind(bytes: &[u8], name: &str, kind: Option<Kind>, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let fail = |kind: ReadErrorKind| Item::Failed(ReadError::new(name, kind));
    if bytes.is_empty() {
        return sink(fail(ReadErrorKind::Empty));
    }
    match kind.unwrap_or_else(|| sniff(bytes)) {
        Kind::Text => sink(text_item(bytes, name, opts)),
        Kind::Html => sink(html_item(bytes, name, opts)),
        Kind::Jsonl => jsonl_from_bytes(bytes, name, opts, sink),
        Kind::Feed => match decode::decode_with_hint(bytes, html::declared_charset(bytes).as_deref()) {
            Ok((text, encoding)) => feed::read_feed(&text, name, encoding, opts, sink),
            Err(error) => sink(fail(error.into())),
        },
    }
}

/// Streams a JSON Lines file; only UTF-16 files (rare) are decoded whole first.
fn read_jsonl_file(path: &Path, name: &str, size: u64, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return sink(Item::Failed(ReadError::new(name, ReadErrorKind::Unreadable(error)))),
    };
    if size == 0 {
        return sink(Item::Failed(ReadError::new(name, ReadErrorKind::Empty)));
    }
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let is_utf16 = match reader.fill_buf() {
        Ok(head) => head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF"),
        Err(error) => return sink(Item::Failed(ReadError::new(name, ReadErrorKind::Unreadable(error)))),
    };
    if is_utf16 {
        match read_bounded(path, size, opts.max_bytes) {
            Ok(bytes) => jsonl_from_bytes(&bytes, name, opts, sink),
            Err(kind) => sink(Item::Failed(ReadError::new(name, kind))),
        }
        return;
    }
    jsonl::read_lines(reader, name, "utf-8", opts, sink);
}

fn jsonl_from_bytes(bytes: &[u8], name: &str, opts: &ReadOptions, sink: &mut dyn FnMut(Item)) {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        match decode(bytes) {
            Ok((text, encoding)) => jsonl::read_lines(text.as_bytes(), name, encoding, opts, sink),
            Err(error) => sink(Item::Failed(ReadError::new(name, error.into()))),
        }
    } else {
        jsonl::read_lines(bytes, name, "utf-8", opts, sink);
    }
}

fn text_item(bytes: &[u8], name: &str, opts: &ReadOptions) -> Item {
    let result = decode(bytes)
        .map_err(ReadErrorKind::from)
        .and_then(|(text, encoding)| make_document(text, name.to_owned(), Format::Txt, encoding, opts));
    match result {
        Ok(doc) => Item::Doc(doc),
        Err(kind) => Item::Failed(ReadError::new(name, kind)),
    }
}

fn html_item(bytes: &[u8], name: &str, opts: &ReadOptions) -> Item {
    let (markup, encoding) = match decode::decode_with_hint(bytes, html::declared_charset(bytes).as_deref()) {
        Ok(decoded) => decoded,
        Err(error) => return Item::Failed(ReadError::new(name, error.into())),
    };
    let page = match html::extract(&markup) {
        Ok(page) => page,
        Err(limit) => return Item::Failed(ReadError::new(name, ReadErrorKind::TooDeep { limit })),
    };
    if page.text.is_empty() {
        return Item::Failed(ReadError::new(name, ReadErrorKind::NoHtmlText));
    }
    match make_document(page.text, name.to_owned(), Format::Html, encoding, opts) {
        Ok(mut doc) => {
            doc.title = page.title;
            doc.url = page.url;
            doc.published = page.published;
            Item::Doc(doc)
        }
        Err(kind) => Item::Failed(ReadError::new(name, kind)),
    }
}

/// Reads a whole file, refusing more than `max_bytes` (checked before and while reading, as a
/// file may grow).
fn read_bounded(path: &Path, size: u64, max_bytes: u64) -> Result<Vec<u8>, ReadErrorKind> {
    if size > max_bytes {
        return Err(ReadErrorKind::TooLarge { size, limit: max_bytes });
    }
    let file = File::open(path).map_err(ReadErrorKind::Unreadable)?;
    let capacity = usize::try_from(size).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadErrorKind::Unreadable)?;
    let read = bytes.len() as u64;
    if read > max_bytes {
        return Err(ReadErrorKind::TooLarge { size: read, limit: max_bytes });
    }
    Ok(bytes)
}

/// Builds a document from its final text: removes a leading BOM, refuses empty or too long
/// text, and computes the content-hash id.
pub(crate) fn make_document(
    mut text: String,
    source: String,
    format: Format,
    encoding: &str,
    opts: &ReadOptions,
) -> Result<Document, ReadErrorKind> {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(ReadErrorKind::NoText);
    }
    // Decoding refuses NUL bytes; this catches the escaped ones (`\u0000` in a JSON line).
    if let Some(byte) = text.find('\0') {
        return Err(ReadErrorKind::NulCharacter { byte });
    }
    // Counting characters is only needed when the byte length could exceed the limit.
    if text.len() > opts.max_doc_chars {
        let chars = text.chars().count();
        if chars > opts.max_doc_chars {
            return Err(ReadErrorKind::TooLong { chars, limit: opts.max_doc_chars });
        }
    }
    Ok(Document {
        id: content_id(&text),
        source,
        url: None,
        title: None,
        published: None,
        lang: Lang::Unknown,
        encoding: encoding.to_owned(),
        format,
        text,
    })
}

/// A document's id: the first 16 bytes of SHA-256 over its text, as 32 lowercase hex digits,
/// so the same text is one document however often it arrives.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|byte| format!("{byte:02x}")).collect()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  <?xml version=\"1.0\"?><rss>"), Kind::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(sniff(b"{\"text\":\"x\"}\n"), Kind::Jsonl);
        assert_eq!(sniff("نص عادي".as_bytes()), Kind::Text);
    }

    #[test]
    fn id_is_a_content_hash() {
        let opts = ReadOptions::default();
        let a = make_document("نص".into(), "a".into(), Format::Txt, "utf-8", &opts).unwrap();
        let b = make_document("\u{feff}نص".into(), "b".into(), Format::Jsonl, "utf-8", &opts).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 32);
    }
}
