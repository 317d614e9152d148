//! Errors of the reader: one [`ReadError`] per input that could not become a document.

use std::io;

/// Why bytes could not be decoded to text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// NUL bytes or too many control characters: not a text file.
    #[error("binary file")]
    Binary,
    /// Not valid in any encoding we accept.
    #[error("invalid encoding: {reason}")]
    InvalidEncoding {
        /// What was wrong, e.g. `invalid UTF-8 at byte 17`.
        reason: String,
    },
}

/// One input (a file, a JSON line, a feed entry) that failed, and why.
///
/// Displays as `{source_name}: {kind}`, e.g. `news.jsonl#3: line 3: invalid JSON: …`.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {kind}")]
pub struct ReadError {
    /// The path, `path#line` for a JSON line, or `path#entry N` for a feed entry.
    pub source_name: String,
    /// The reason.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// An error for `source_name`.
    pub fn new(source_name: impl Into<String>, kind: ReadErrorKind) -> ReadError {
        ReadError { source_name: source_name.into(), kind }
    }
}

/// The reason an input failed. Messages are lowercase and name the cause; the cause is part of
/// the message (not a `source()`), so printing the chain does not repeat it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The path could not be opened or read (not found, permission denied ...).
    #[error("cannot read: {0}")]
    Unreadable(io::Error),
    /// A directory entry could not be listed or inspected.
    #[error("cannot read directory entry: {0}")]
    DirEntry(String),
    /// The file has zero bytes.
    #[error("empty file")]
    Empty,
    /// The text is empty or whitespace only.
    #[error("no text")]
    NoText,
    /// The HTML page has no text outside markup.
    #[error("no text found in HTML")]
    NoHtmlText,
    /// The feed entry has no content, description or summary with text.
    #[error("no text in feed entry")]
    NoEntryText,
    /// The bytes could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The file is larger than [`crate::ReadOptions::max_bytes`].
    #[error("file too large ({size} bytes, limit {limit})")]
    TooLarge {
        /// Size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A JSON line is longer than [`crate::ReadOptions::max_bytes`].
    #[error("line {line}: line too large (more than {limit} bytes)")]
    LineTooLarge {
        /// 1-based line number.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The document text is longer than [`crate::ReadOptions::max_doc_chars`].
    #[error("document too long ({chars} characters, limit {limit})")]
    TooLong {
        /// Length in characters.
        chars: usize,
        /// The limit in characters.
        limit: usize,
    },
    /// The text holds a NUL character (an escaped `\u0000` in JSON): no text has one, and
    /// stores downstream cannot keep it.
    #[error("NUL character in the text at byte {byte}")]
    NulCharacter {
        /// Byte offset of the first NUL in the text.
        byte: usize,
    },
    /// HTML (a page or a feed entry) nested deeper than the reader follows.
    #[error("html nested too deeply (more than {limit} levels)")]
    TooDeep {
        /// The deepest nesting read.
        limit: usize,
    },
    /// A JSON line failed; `reason` says why (`invalid JSON: …`, `missing "text"` …).
    #[error("line {line}: {reason}")]
    BadLine {
        /// 1-based line number.
        line: u64,
        /// What is wrong with the line.
        reason: String,
    },
    /// The feed could not be parsed at all and no entry could be recovered.
    #[error("invalid feed: {0}")]
    BadFeed(String),
    /// One feed entry could not be parsed.
    #[error("invalid entry: {0}")]
    BadEntry(String),
}
