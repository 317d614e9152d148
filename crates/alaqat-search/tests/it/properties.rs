//! Property: every snippet is a piece of the document text at `snippet_start`, and every
//! highlight lies inside the snippet.

use alaqat_model::Lang;
use alaqat_search::{HitKind, SearchQuery};
use proptest::prelude::*;

use crate::{doc, event, extraction, index_of};

/// Words with clitics, marks, tatweel, digits, Latin and punctuation, written for this test.
const WORDS: &[&str] = &[
    "وبالرياضِ",
    "الرياض",
    "عبد",
    "العزيز",
    "عبدالعزيز",
    "كازاخستان",
    "الكازاخستانية",
    "أستانا",
    "وزيرُ",
    "الخارجيـــة",
    "زيارتها",
    "١٩٩٤",
    "2024",
    "Kazakh",
    "ministers'",
    "talks",
    "،",
    ".",
    "«",
    "»",
    "\n",
    "  ",
    "ﻻ",
    "\u{200F}",
    "الطاقة",
    "لل",
    "و",
    "ب",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..120).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn snippets_slice_the_text_and_highlights_slice_the_snippet(
        text in text(),
        query in prop::sample::select(WORDS),
        cut in 0usize..1000,
    ) {
        // One evidence sentence: a piece of the text starting at a char boundary.
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let start = starts[cut % starts.len()];
        let sentence = &text[start..];
        let document = doc("d", &text, Lang::Ar, None);
        let events = vec![event("e1", &text, sentence, "SAU", "KAZ", None)];
        let index = index_of(&[(document, extraction(events))]);
        let found = index.search(&SearchQuery::new(query)).unwrap();
        for hit in &found.hits {
            let len = hit.snippet.chars().count();
            let piece: String = text.chars().skip(hit.snippet_start).take(len).collect();
            prop_assert_eq!(&piece, &hit.snippet, "kind {:?}", hit.kind);
            for &(a, b) in &hit.highlights {
                prop_assert!(a < b && b <= len, "highlight {}..{} outside a snippet of {}", a, b, len);
            }
            if let HitKind::Evidence { events } = &hit.kind {
                prop_assert_eq!(events, &vec!["e1".to_owned()]);
            }
        }
    }
}
