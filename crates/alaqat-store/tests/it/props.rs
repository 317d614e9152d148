//! Properties: whatever text a document holds comes back byte-for-byte.

use alaqat_model::Extraction;
use alaqat_store::{SqliteStore, Store};
use proptest::prelude::*;

use crate::document;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_unicode_text_round_trips(
        text in any::<String>(),
        title in proptest::option::of("[\\x00-\\x{10FFFF}]{0,40}"),
    ) {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let mut doc = document("p", &text);
        doc.title = title;
        store.put_batch(&[(doc.clone(), Extraction::default())]).unwrap();
        let stored = store.document("p").unwrap().unwrap();
        prop_assert_eq!(stored.document.text.as_bytes(), text.as_bytes());
        prop_assert_eq!(stored.document, doc);
    }

    #[test]
    fn text_with_nuls_and_arabic_round_trips(
        parts in proptest::collection::vec(
            prop_oneof![Just("\0".to_owned()), Just("\u{feff}".to_owned()), Just("ـ".to_owned()), "[\\p{Arabic}]{0,12}", "[ -~]{0,8}"],
            0..24,
        ),
    ) {
        let text = parts.concat();
        let mut store = SqliteStore::open_in_memory().unwrap();
        store.put_batch(&[(document("n", &text), Extraction::default())]).unwrap();
        let stored = store.document("n").unwrap().unwrap();
        prop_assert_eq!(stored.document.text.as_bytes(), text.as_bytes(), "help: text must be bound as a parameter with its length");
    }
}
