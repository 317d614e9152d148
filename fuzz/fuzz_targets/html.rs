//! HTML pages: decoding, charset sniffing, Readability main text, metadata and dates. Any
//! bytes give one document or one named error, never a panic.
#![no_main]

use alaqat_read::{read_bytes, Format, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut items = 0;
    read_bytes(bytes, "fuzz.html", Some(Format::Html), &ReadOptions::default(), &mut |item| {
        items += 1;
        if let Item::Doc(doc) = item {
            assert!(!doc.text.trim().is_empty());
            if let Some(published) = doc.published {
                assert!(published.start <= published.end);
            }
        }
    });
    assert_eq!(items, 1, "one HTML file gives exactly one item");
});
