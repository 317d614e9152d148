//! JSON Lines: one document per line, read as a stream.

use std::io::{self, BufRead};

use alaqat_model::{Format, Lang};
use serde_json::{Map, Value};

use crate::date::parse_published;
use crate::error::{ReadError, ReadErrorKind};
use crate::{make_document, Item, ReadOptions};

/// Reads JSON Lines from `reader`, one line at a time; a line may be at most
/// `opts.max_bytes` long.
pub(crate) fn read_lines(
    mut reader: impl BufRead,
    source_name: &str,
    mut encoding: &'static str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item),
) {
    let limit = usize::try_from(opts.max_bytes).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    let mut line_no: u64 = 0;
    loop {
        buf.clear();
        let outcome = match read_line_bounded(&mut reader, &mut buf, limit) {
            Ok(outcome) => outcome,
            Err(error) => {
                let name = format!("{source_name}#{}", line_no + 1);
                sink(Item::Failed(ReadError::new(name, ReadErrorKind::Unreadable(error))));
                return;
            }
        };
        if outcome == LineRead::Eof {
            return;
        }
        line_no += 1;
        let name = || format!("{source_name}#{line_no}");
        if outcome == LineRead::TooLong {
            let kind = ReadErrorKind::LineTooLarge { line: line_no, limit: opts.max_bytes };
            sink(Item::Failed(ReadError::new(name(), kind)));
            continue;
        }
        let mut line = buf.as_slice();
        if line_no == 1 {
            if let Some(rest) = line.strip_prefix(b"\xEF\xBB\xBF") {
                line = rest;
                encoding = "utf-8-bom";
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = match parse_line(line, name(), encoding, opts) {
            Ok(doc) => Item::Doc(doc),
            Err(reason) => Item::Failed(ReadError::new(name(), ReadErrorKind::BadLine { line: line_no, reason })),
        };
        sink(item);
    }
}

fn parse_line(
    line: &[u8],
    fallback_source: String,
    encoding: &str,
    opts: &ReadOptions,
) -> Result<alaqat_model::Document, String> {
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(error) => {
            return Err(format!(
                "invalid encoding: JSON Lines must be UTF-8 (invalid byte at column {})",
                char_column(line, error.valid_up_to())
            ))
        }
    };
    let value: Value = serde_json::from_str(line).map_err(|error| json_reason(line, &error))?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".to_owned());
    };
    let text = match object.get("text") {
        Some(Value::String(text)) => text.clone(),
        Some(_) => return Err(r#""text" is not a string"#.to_owned()),
        None => return Err(r#"missing "text""#.to_owned()),
    };
    let id = scalar(&object, "id");
    let url = scalar(&object, "url");
    let source = id.or_else(|| url.clone()).unwrap_or(fallback_source);
    let mut doc = make_document(text, source, Format::Jsonl, encoding, opts).map_err(|kind| kind.to_string())?;
    doc.url = url;
    doc.title = scalar(&object, "title");
    doc.lang = scalar(&object, "lang").and_then(|code| Lang::parse(&code)).unwrap_or(Lang::Unknown);
    // An unparsable `published` is not an error: the document is kept without a date and the
    // pipeline may infer one from the text later.
    doc.published = scalar(&object, "published").as_deref().and_then(parse_published);
    Ok(doc)
}

/// A non-empty string or number field as a string.
fn scalar(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `invalid JSON: expected `,` or `}` at column 17` (the line is implied by the source; the
/// column counts characters, not bytes, so it matches what an editor shows for Arabic text).
fn json_reason(line: &str, error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(pos) => &message[..pos],
        None => message.as_str(),
    };
    // serde_json counts 1-based byte columns.
    let column = char_column(line.as_bytes(), error.column().saturating_sub(1));
    format!("invalid JSON: {message} at column {column}")
}

/// The 1-based character column of byte offset `byte` in `line`.
fn char_column(line: &[u8], byte: usize) -> usize {
    let prefix = &line[..byte.min(line.len())];
    String::from_utf8_lossy(prefix).chars().count() + 1
}

#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    Eof,
    Line,
    TooLong,
}

/// Reads up to and including the next `\n` into `buf` (without the line ending), keeping at
/// most `limit` bytes; a longer line is consumed and reported as [`LineRead::TooLong`].
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<LineRead> {
    let mut seen_any = false;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        seen_any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let take = newline.map_or(available.len(), |pos| pos + 1);
        if !too_long {
            if buf.len() + take > limit.saturating_add(2) {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        reader.consume(take);
        if newline.is_some() {
            break;
        }
    }
    if !seen_any {
        return Ok(LineRead::Eof);
    }
    if too_long {
        return Ok(LineRead::TooLong);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(LineRead::Line)
}
