//! Integration tests of alaqat-read: every format, encodings, dates and bad input.

mod bad_input;
mod encodings;
mod feeds;
mod formats;
mod hostile;
mod html;
mod jsonl;
mod props;

use std::path::Path;

use alaqat_read::{read_path, Document, Item, ReadOptions};

/// Everything `read_path` reports for `path`: documents and error messages, in order.
pub(crate) fn read_all(path: &Path) -> (Vec<Document>, Vec<String>) {
    read_all_with(path, &ReadOptions::default())
}

pub(crate) fn read_all_with(path: &Path, opts: &ReadOptions) -> (Vec<Document>, Vec<String>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    read_path(path, opts, &mut |item| match item {
        Item::Doc(doc) => docs.push(doc),
        Item::Failed(error) => errors.push(error.to_string()),
    });
    (docs, errors)
}

/// Writes `bytes` to `name` inside `dir` and returns the full path.
pub(crate) fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}
