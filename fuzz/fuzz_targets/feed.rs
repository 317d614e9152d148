//! RSS and Atom feeds: feed-rs, the per-entry fallback for broken XML, entry HTML and dates.
#![no_main]

use alaqat_read::{read_bytes, Format, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut items = 0;
    read_bytes(bytes, "fuzz.xml", Some(Format::Feed), &ReadOptions::default(), &mut |item| {
        items += 1;
        if let Item::Doc(doc) = item {
            assert!(!doc.text.trim().is_empty());
            if let Some(published) = doc.published {
                assert!(published.start <= published.end);
            }
        }
    });
    assert!(items >= 1, "a feed gives at least one item (a document or an error)");
});
