//! JSON Lines: streaming, bounded lines, BOMs, UTF-16, bad lines. Each non-blank line gives
//! exactly one item; nothing panics.
#![no_main]

use alaqat_read::{read_bytes, read_jsonl, Format, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // A small line limit, so the too-long path is reached too.
    let opts = ReadOptions { max_bytes: 256, max_doc_chars: 200 };
    let mut items = 0usize;
    read_jsonl(bytes, "fuzz", &opts, &mut |item| {
        items += 1;
        if let Item::Doc(doc) = item {
            assert!(!doc.text.trim().is_empty() && doc.text.chars().count() <= opts.max_doc_chars);
        }
    });
    let lines = bytes.split(|&b| b == b'\n').count();
    assert!(items <= lines, "{items} items from {lines} lines");
    // The whole-file path (UTF-16 detection, sniffing).
    read_bytes(bytes, "fuzz.jsonl", Some(Format::Jsonl), &ReadOptions::default(), &mut |_| {});
    read_bytes(bytes, "fuzz", None, &ReadOptions::default(), &mut |_| {});
});
