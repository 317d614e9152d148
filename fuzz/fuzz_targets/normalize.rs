//! The text layer: normalization (idempotent; every key range maps back to a slice of the text
//! on char boundaries, in order), tokens, sentences and the code point index.
#![no_main]

use alaqat_text::{normalize, proclitic_splits, sentences, tokenize, CharIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = normalize(text);
    let key = n.as_str();
    assert_eq!(normalize(key).as_str(), key, "normalization is not idempotent");
    assert!(!key.ends_with(' '), "key ends in a space");

    // Every key char boundary maps to a char boundary of the text, monotonically, and every
    // range between nearby boundaries maps to a slice of the text.
    let bounds: Vec<usize> = key.char_indices().map(|(i, _)| i).chain([key.len()]).collect();
    let mut last = 0;
    for (i, &a) in bounds.iter().enumerate() {
        let origin = n.origin_of(a);
        assert!(text.is_char_boundary(origin), "origin {origin} of key byte {a} is off a char boundary");
        assert!(origin >= last, "origins go backwards at key byte {a}");
        last = origin;
        for &b in bounds[i..].iter().take(6) {
            let span = n.to_original(a, b);
            assert!(span.start <= span.end && span.slice(text).is_some(), "key {a}..{b} maps to {span:?}");
        }
    }
    let whole = n.to_original(0, key.len());
    assert!(whole.slice(text).is_some());

    let index = CharIndex::new(text);
    let mut last = 0;
    for token in tokenize(text) {
        let slice = token.span.slice(text).expect("token span slices the text");
        assert!(token.span.start >= last, "tokens out of order");
        last = token.span.end;
        assert_eq!(index.char_of(token.span.start), token.chars.start);
        assert_eq!(index.char_of(token.span.end), token.chars.end);
        let word = normalize(slice);
        for split in proclitic_splits(word.as_str()) {
            assert!(word.as_str().is_char_boundary(split), "proclitic split off a char boundary");
        }
    }
    let mut last = 0;
    for span in sentences(text) {
        assert!(span.slice(text).is_some() && span.start >= last, "sentence {span:?}");
        last = span.end;
    }
    for (count, (byte, _)) in text.char_indices().enumerate().step_by(7) {
        assert_eq!(index.char_of(byte), count);
        assert_eq!(index.byte_of(count), byte);
    }
    let _ = alaqat_text::detect_lang(text);
});
