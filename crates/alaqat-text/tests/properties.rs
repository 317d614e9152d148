//! Properties of the text layer: idempotent normalization, exact spans, no panics.

use alaqat_text::{normalize, proclitic_splits, sentences, tokenize, CharIndex};
use proptest::prelude::*;

/// Arabic-heavy strings with the characters normalization cares about.
fn arabic_like() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآٱىةؤئءـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۴٫٬،؛؟ \n\t.-–«»\u{200C}\u{200B}\u{202B}\u{FEFB}\u{FE8D}ﷺیکAZaz09\u{FE72}\u{FE70}\u{00A0}\u{FE8D}\u{FEDF}"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn normalization_is_idempotent(s in arabic_like()) {
        let once = normalize(&s);
        let twice = normalize(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str(), "help: a fold in alaqat-text/src/normalize.rs maps to a character that folds again");
    }

    #[test]
    fn normalization_is_idempotent_on_any_string(s in any::<String>()) {
        let once = normalize(&s);
        let twice = normalize(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
    }

    #[test]
    fn key_ranges_map_to_original_slices(s in arabic_like(), a in 0usize..100, b in 0usize..100) {
        let key = normalize(&s);
        let k = key.as_str();
        let (mut a, mut b) = (a.min(k.len()), b.min(k.len()));
        if a > b { std::mem::swap(&mut a, &mut b); }
        while !k.is_char_boundary(a) { a -= 1; }
        while !k.is_char_boundary(b) { b += 1; }
        let span = key.to_original(a, b);
        let slice = span.slice(&s);
        prop_assert!(slice.is_some(), "help: to_original returned a span off char boundaries");
        // The original slice normalizes to the key range (modulo edge spaces the key keeps, and
        // whole expansions such as ﷺ when the range ends inside one).
        let back = normalize(slice.unwrap_or_default());
        prop_assert!(back.as_str().contains(k[a..b].trim()), "help: the offset map in normalize.rs is off: {:?} vs {:?}", back.as_str(), &k[a..b]);
        if !s.contains('ﷺ') && !s.contains('\u{FEFB}') {
            prop_assert_eq!(back.as_str(), k[a..b].trim(), "help: the offset map in normalize.rs is off");
        }
    }

    #[test]
    fn tokens_slice_the_original(s in any::<String>()) {
        let idx = CharIndex::new(&s);
        let mut last = 0;
        for t in tokenize(&s) {
            prop_assert!(t.span.slice(&s).is_some());
            prop_assert!(t.span.start >= last);
            last = t.span.end;
            prop_assert_eq!(idx.char_of(t.span.start), t.chars.start);
            prop_assert_eq!(idx.char_of(t.span.end), t.chars.end);
            prop_assert_eq!(s[..t.span.start].chars().count(), t.chars.start);
        }
    }

    #[test]
    fn arabic_tokens_slice_the_original(s in arabic_like()) {
        for t in tokenize(&s) {
            let slice = t.span.slice(&s);
            prop_assert!(slice.is_some());
            prop_assert!(!slice.unwrap_or_default().trim().is_empty());
            let key = normalize(slice.unwrap_or_default());
            for b in proclitic_splits(key.as_str()) {
                prop_assert!(key.as_str().is_char_boundary(b));
            }
        }
    }

    #[test]
    fn sentences_slice_the_original_in_order(s in any::<String>()) {
        let mut last = 0;
        for span in sentences(&s) {
            let slice = span.slice(&s);
            prop_assert!(slice.is_some());
            prop_assert!(span.start >= last);
            prop_assert_eq!(slice.unwrap_or_default().trim(), slice.unwrap_or_default());
            last = span.end;
        }
    }

    #[test]
    fn char_index_round_trips(s in any::<String>()) {
        let idx = CharIndex::new(&s);
        for (n, (byte, _)) in s.char_indices().enumerate() {
            prop_assert_eq!(idx.char_of(byte), n);
            prop_assert_eq!(idx.byte_of(n), byte);
        }
    }
}
