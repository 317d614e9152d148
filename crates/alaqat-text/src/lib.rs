//! The Arabic-first text layer of alaqat: here is raw text, give me match keys, tokens and
//! sentences with offsets into the original.
//!
//! - [`normalize()`] folds text into a *match key* (diacritics, tatweel, alef and hamza forms,
//!   alef maqsura, taa marbuta, Persian letters, Arabic-Indic digits, `عبد العزيز` → `عبدالعزيز`,
//!   Latin case, whitespace runs) and keeps a map from every key byte back to the original.
//! - [`tokenize()`] splits the original text into words, numbers and punctuation; Arabic
//!   proclitics (و ف ب ل ك ال) stay inside the token and are recovered by [`proclitic_splits`],
//!   so names such as `البانيا` are never broken.
//! - [`sentences()`] splits Arabic and English prose into sentences.
//! - [`detect_lang()`] tells Arabic, English and mixed text apart by script.
//! - [`CharIndex`] converts byte offsets into Unicode code point offsets for exports.
//! - [`KeyHasher`] hashes keys the same on every run (FNV-1a), for lexicon tables and MinHash.
//!
//! Nothing here does IO, reads a clock or allocates per character on the hot path.
//!
//! ```
//! use alaqat_text::{normalize, tokenize};
//! let text = "زار الأمير عبد العزيز كازاخستانَ";
//! let key = normalize(text);
//! assert_eq!(key.as_str(), "زار الامير عبدالعزيز كازاخستان");
//! let found = key.as_str().find("عبدالعزيز").unwrap();
//! let span = key.to_original(found, found + "عبدالعزيز".len());
//! assert_eq!(span.slice(text), Some("عبد العزيز"));
//! assert_eq!(tokenize(text).len(), 5);
//! ```

mod hash;
mod lang;
mod normalize;
mod offsets;
mod sentences;
mod tokenize;

pub use hash::KeyHasher;
pub use lang::{detect_lang, is_arabic_letter, ScriptCounts};
pub use normalize::{fold_char, normalize, normalize_into, normalize_word, Fold, Normalized};
pub use offsets::CharIndex;
pub use sentences::sentences;
pub use tokenize::{proclitic_splits, tokenize, Token, TokenKind};
