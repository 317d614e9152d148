//! Country synonyms: the names, adjectives and capitals of the extraction lexicon, so that a
//! word standing for a country also yields the term `cc:ISO3`.
//!
//! This is a lookup, not a stemmer: `الكازاخستانية` reaches Kazakhstan because the lexicon lists
//! it as Kazakhstan's adjective, and `عمان` yields both Oman and Jordan (Amman) because the
//! lexicon says so.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use alaqat_extract::Lexicon;
use alaqat_text::{proclitic_splits, tokenize, KeyHasher, TokenKind};

/// The prefix of country synonym terms.
pub(crate) const PREFIX: &str = "cc:";

/// Every country name, adjective and capital of the lexicon, keyed by its first word.
pub(crate) struct Countries {
    /// Asked for every reading of every word indexed: hashed with the cheap fixed hasher.
    by_first: HashMap<String, Vec<Name>, BuildHasherDefault<KeyHasher>>,
}

/// A name of one or more words (match keys) and the countries it stands for.
struct Name {
    rest: Vec<String>,
    codes: Vec<String>,
    /// Written in capitals in the lexicon (UAE, KSA): matches only text in capitals.
    acronym: bool,
}

/// A country name found in a run of words.
pub(crate) struct Found {
    /// How many words it covers, from the word it was looked up at.
    pub(crate) words: usize,
    /// The countries it stands for.
    pub(crate) codes: Vec<String>,
}

impl Countries {
    /// The synonyms of the built-in lexicon, compiled once.
    pub(crate) fn builtin() -> &'static Countries {
        static COUNTRIES: OnceLock<Countries> = OnceLock::new();
        COUNTRIES.get_or_init(|| Countries::compile(Lexicon::builtin()))
    }

    fn compile(lexicon: &Lexicon) -> Countries {
        let mut by_first: HashMap<String, Vec<Name>, BuildHasherDefault<KeyHasher>> = HashMap::default();
        for form in lexicon.country_forms() {
            // Names with punctuation inside (U.S.) are left out: their words alone (u, s) mean
            // too little.
            let tokens = tokenize(form.key);
            if tokens.iter().any(|t| t.kind == TokenKind::Punct) {
                continue;
            }
            let mut words = tokens.iter().map(|t| t.text(form.key).to_owned());
            let Some(first) = words.next() else { continue };
            let rest: Vec<String> = words.collect();
            let names = by_first.entry(first).or_default();
            match names.iter_mut().find(|n| n.rest == rest && n.acronym == form.acronym) {
                Some(name) if !name.codes.iter().any(|c| c == form.iso3) => name.codes.push(form.iso3.to_owned()),
                Some(_) => {}
                None => names.push(Name { rest, codes: vec![form.iso3.to_owned()], acronym: form.acronym }),
            }
        }
        for name in by_first.values_mut().flatten() {
            name.codes.sort_unstable();
        }
        Countries { by_first }
    }

    /// The longest country name starting at `words[0]`, if any. `words` are the match keys of
    /// consecutive words, each with whether the original was written in capitals. The first
    /// word may carry proclitics (`وبالرياض`); the words after it are compared as they are.
    pub(crate) fn find(&self, words: &[(&str, bool)]) -> Option<Found> {
        let (first, capitals) = *words.first()?;
        let mut best: Option<Found> = None;
        // Every word of the text is looked up, under each of its readings in turn: the order
        // does not matter (the longest name wins, names of one length pool their countries).
        let mut consider = |reading: &str| {
            for name in self.by_first.get(reading).into_iter().flatten() {
                if name.acronym && !capitals {
                    continue;
                }
                let len = 1 + name.rest.len();
                let fits =
                    words.len() >= len && name.rest.iter().zip(&words[1..]).all(|(want, (have, _))| want == have);
                if !fits {
                    continue;
                }
                match best.as_mut() {
                    Some(b) if b.words > len => {}
                    Some(b) if b.words == len => {
                        b.codes.extend(name.codes.iter().cloned());
                        b.codes.sort_unstable();
                        b.codes.dedup();
                    }
                    _ => best = Some(Found { words: len, codes: name.codes.clone() }),
                }
            }
        };
        consider(first);
        if first.chars().next().is_some_and(alaqat_text::is_arabic_letter) {
            // Only conjunctions and prepositions come off: the lexicon spells the article where
            // a name takes one (السعودية, للسعودية), and a name without it must not match a word
            // with it (المالية, financial, is not ماليه, Malé).
            for at in proclitic_splits(first) {
                if !first[..at].ends_with("ال") && !first[..at].ends_with("لل") {
                    consider(&first[at..]);
                }
            }
        } else {
            consider(&crate::stem::english_stem(first));
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        let key = alaqat_text::normalize_word(text);
        let words: Vec<(&str, bool)> = key.split(' ').map(|w| (w, false)).collect();
        Countries::builtin().find(&words).map(|f| f.codes).unwrap_or_default()
    }

    #[test]
    fn names_adjectives_and_capitals_reach_their_country() {
        assert_eq!(codes("كازاخستان"), ["KAZ"]);
        assert_eq!(codes("الكازاخستانية"), ["KAZ"]);
        assert_eq!(codes("والكازاخستانيين"), ["KAZ"]);
        assert_eq!(codes("بأستانا"), ["KAZ"]);
        assert_eq!(codes("للسعودية"), ["SAU"]);
        assert_eq!(codes("المملكة العربية السعودية"), ["SAU"]);
        assert_eq!(codes("Kazakhstani"), ["KAZ"]);
        assert_eq!(codes("Kazakhs"), ["KAZ"]);
        assert_eq!(codes("Saudi Arabia"), ["SAU"]);
    }

    #[test]
    fn a_multi_word_name_covers_all_its_words() {
        let key = alaqat_text::normalize_word("الإمارات العربية المتحدة اليوم");
        let words: Vec<(&str, bool)> = key.split(' ').map(|w| (w, false)).collect();
        let found = Countries::builtin().find(&words).unwrap();
        assert_eq!((found.words, found.codes), (3, vec!["ARE".to_owned()]));
    }

    #[test]
    fn acronyms_need_capitals_and_plain_words_stay_plain() {
        assert!(codes("us").is_empty());
        assert_eq!(Countries::builtin().find(&[("uae", true)]).unwrap().codes, ["ARE"]);
        assert!(codes("وزير").is_empty());
        assert!(codes("المملكة").is_empty());
        // The article does not come off: المالية (financial) is not ماليه (Malé).
        assert!(codes("المالية").is_empty());
        assert_eq!(codes("وللسعودية"), ["SAU"]);
    }
}
