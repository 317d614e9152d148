//! The analyzer shared by indexing and querying, registered with tantivy as [`ANALYZER`].
//!
//! 1. The text is normalized once by the text layer (`alaqat_text::normalize`: diacritics,
//!    tatweel, alef and hamza forms, alef maqsura, taa marbuta, Persian letters, Arabic-Indic
//!    digits, invisible controls, Latin case, and `عبد العزيز` → `عبدالعزيز`), keeping the map back
//!    to the original bytes.
//! 2. The key is split into words and numbers (`alaqat_text::tokenize`); punctuation goes. A
//!    lone `s` after an apostrophe (English possessive) goes too.
//! 3. Each word yields its terms at one position: Arabic words their readings
//!    (`stem::arabic_terms`: article and proclitics, suffixes), Latin words their English stem,
//!    numbers themselves.
//! 4. Words naming a country (names, adjectives, capitals, from the extraction lexicon; every
//!    word of a multi-word name) also yield `cc:ISO3` at the same position.
//!
//! Every word keeps its byte span in the original text, so highlights cover the whole written
//! word, clitics and diacritics included.

use alaqat_model::Span;
use alaqat_text::{is_arabic_letter, normalize, tokenize, TokenKind};

use crate::countries::{self, Countries};
use crate::stem;

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "alaqat";

/// Longer "words" (a run of letters without spaces) are not indexed: no one searches for them
/// and tantivy limits term length.
const MAX_WORD_BYTES: usize = 240;

/// One analyzed word: where it is and the terms it yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the original text.
    pub span: Span,
    /// Its position (the n-th word or number of the text, from 0).
    pub position: usize,
    /// Its terms, main reading first; country terms (`cc:KAZ`) last.
    pub terms: Vec<String>,
}

/// Analyzes `text` into words with their terms (see the module documentation for the rules).
///
/// ```
/// use alaqat_search::analyze;
/// let words = analyze("التقى عبد العزيز بالوفد الكازاخستاني");
/// assert_eq!(words.len(), 4);
/// assert_eq!(words[1].terms[0], "عبدالعزيز");
/// assert!(words[3].terms.contains(&"cc:KAZ".to_string()));
/// ```
pub fn analyze(text: &str) -> Vec<Word> {
    let normalized = normalize(text);
    let key = normalized.as_str();
    let mut words: Vec<Word> = Vec::new();
    // Match keys of the words and whether they were written in capitals, for country names.
    let mut keys: Vec<(&str, bool)> = Vec::new();
    for token in tokenize(key) {
        if token.kind == TokenKind::Punct {
            continue;
        }
        let word = token.text(key);
        if word.len() > MAX_WORD_BYTES {
            continue;
        }
        if word == "s" && key[..token.span.start].ends_with('\'') {
            continue;
        }
        let span = normalized.to_original(token.span.start, token.span.end);
        let mut terms = Vec::with_capacity(4);
        let arabic = word.chars().next().is_some_and(is_arabic_letter);
        match token.kind {
            TokenKind::Word if arabic => stem::arabic_terms(word, &mut terms),
            TokenKind::Word => terms.push(stem::english_stem(word)),
            _ => terms.push(word.to_owned()),
        }
        // Arabic has no capitals; asking every Arabic letter costs a table lookup each.
        let capitals = !arabic && {
            let original = span.slice(text).unwrap_or_default();
            original.chars().any(char::is_uppercase) && !original.chars().any(char::is_lowercase)
        };
        keys.push((word, capitals));
        words.push(Word { span, position: words.len(), terms });
    }
    add_country_terms(&mut words, &keys);
    words
}

/// Adds `cc:ISO3` to every word of every country name.
fn add_country_terms(words: &mut [Word], keys: &[(&str, bool)]) {
    let countries = Countries::builtin();
    for i in 0..keys.len() {
        let Some(found) = countries.find(&keys[i..]) else { continue };
        for word in &mut words[i..i + found.words] {
            for code in &found.codes {
                let term = format!("{}{code}", countries::PREFIX);
                if !word.terms.contains(&term) {
                    word.terms.push(term);
                }
            }
        }
    }
}

/// The analyzer as a tantivy tokenizer: one token per term, the terms of a word at its position.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tokenizer;

/// The tokens of one text, computed up front.
pub(crate) struct TokenStream {
    tokens: Vec<tantivy::tokenizer::Token>,
    next: usize,
}

impl tantivy::tokenizer::Tokenizer for Tokenizer {
    type TokenStream<'a> = TokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TokenStream {
        let mut tokens = Vec::new();
        for word in analyze(text) {
            for term in word.terms {
                tokens.push(tantivy::tokenizer::Token {
                    offset_from: word.span.start,
                    offset_to: word.span.end,
                    position: word.position,
                    text: term,
                    position_length: 1,
                });
            }
        }
        TokenStream { tokens, next: 0 }
    }
}

impl tantivy::tokenizer::TokenStream for TokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms_of(text: &str) -> Vec<Vec<String>> {
        analyze(text).into_iter().map(|w| w.terms).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        analyze(text).into_iter().map(|w| w.span.slice(text).unwrap()).collect()
    }

    #[test]
    fn abd_names_are_one_word_however_spaced() {
        assert_eq!(terms_of("عبد العزيز"), terms_of("عبدالعزيز"));
        assert_eq!(terms_of("وعبد الله"), terms_of("وعبدالله"));
        assert_eq!(words("قال عبد العزيز"), ["قال", "عبد العزيز"]);
    }

    #[test]
    fn spelling_variants_analyze_alike() {
        assert_eq!(terms_of("وزارة الخارجية"), terms_of("وزاره الخارجيه"));
        assert_eq!(terms_of("أستانا"), terms_of("استانا"));
        assert_eq!(terms_of("مُحَمَّد"), terms_of("محمد"));
        assert_eq!(terms_of("كـــازاخستان"), terms_of("كازاخستان"));
        assert_eq!(terms_of("عام ١٩٩٤"), terms_of("عام 1994"));
        assert_eq!(terms_of("تو\u{200C}كاييف"), terms_of("توكاييف"));
    }

    #[test]
    fn words_keep_their_clitics_and_marks_in_the_original() {
        let text = "وبالرِّياضِ، اجتمعا.";
        assert_eq!(words(text), ["وبالرِّياضِ", "اجتمعا"]);
        assert_eq!(analyze(text)[0].terms[0], "رياض");
        assert_eq!(analyze(text)[1].position, 1);
    }

    #[test]
    fn adjectives_and_capitals_yield_their_country() {
        let cc = |text: &str| -> Vec<String> {
            analyze(text).into_iter().flat_map(|w| w.terms).filter(|t| t.starts_with("cc:")).collect()
        };
        assert_eq!(cc("الكازاخستانية"), ["cc:KAZ"]);
        assert_eq!(cc("كازاخستان"), ["cc:KAZ"]);
        assert_eq!(cc("في أستانا"), ["cc:KAZ"]);
        assert_eq!(cc("وفد سعودي"), ["cc:SAU"]);
        assert_eq!(cc("المملكة العربية السعودية"), ["cc:SAU", "cc:SAU", "cc:SAU"]);
        assert_eq!(cc("the Kazakh delegation"), ["cc:KAZ"]);
        assert_eq!(cc("Kazakhstani officials"), ["cc:KAZ"]);
        assert_eq!(cc("the UAE"), ["cc:ARE"]);
        assert!(cc("let us talk").is_empty());
        assert!(cc("وزير المالية").is_empty());
    }

    #[test]
    fn english_words_fold_case_plurals_and_possessives() {
        assert_eq!(terms_of("Ministers' talks"), terms_of("minister talk"));
        assert_eq!(words("Kazakhstan's minister"), ["Kazakhstan", "minister"]);
        assert_eq!(analyze("Kazakhstan's minister")[1].position, 1);
    }

    #[test]
    fn tantivy_tokens_share_the_word_position() {
        use tantivy::tokenizer::{TokenStream as _, Tokenizer as _};
        let mut tokenizer = Tokenizer;
        let mut stream = tokenizer.token_stream("الوفد الكازاخستاني");
        let mut tokens = Vec::new();
        while let Some(token) = stream.next() {
            tokens.push((token.position, token.text.clone()));
        }
        assert_eq!(tokens[0], (0, "وفد".to_owned()));
        assert!(tokens.contains(&(1, "cc:KAZ".to_owned())));
        assert!(tokens.iter().filter(|(p, _)| *p == 1).count() >= 2);
    }
}
