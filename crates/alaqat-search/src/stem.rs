//! Light stemming of one normalized word: Arabic clitics and suffixes, English plurals.
//!
//! Words arrive as match keys of the text layer (`alaqat_text::normalize`: alef forms folded to
//! ا, ة to ه, ى to ي, diacritics and tatweel gone, Latin lowercased), so every rule here is
//! written on keys. A word yields a few *terms* (its readings); a query word matches a document
//! word when they share one. The first term is the word's main reading, used in phrases.

use alaqat_text::proclitic_splits;

/// The shortest Arabic stem a rule may leave, in letters.
pub(crate) const MIN_STEM: usize = 3;

/// The shortest stem a suffix rule may leave on a reading found by splitting off a one-letter
/// proclitic (و ف ب ك ل): such readings are guesses (`وزارة` is not و + `زارة`), so they are
/// stemmed only when a long stem remains, which keeps `وزارة` away from `زار` (visited).
const MIN_GUESSED_STEM: usize = 4;

/// Articles with the proclitics that may precede them, longest first (ل + ال is written لل).
const ARTICLES: [&str; 12] = ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"];

/// Pronoun suffixes (هما ها هم): stripped first; a ت left before them was a taa marbuta
/// (`زيارتها` → `زياره`).
const PRONOUNS: [&str; 3] = ["هما", "ها", "هم"];

/// Plural, dual and feminine endings (ة is ه in keys): at most one is stripped.
const ENDINGS: [&str; 5] = ["ات", "ون", "ين", "ان", "ه"];

/// The readings of an Arabic word key, main reading first, without duplicates:
///
/// 1. With an article (`ال`, `وال`, `فال`, `بال`, `كال`, `وبال`, `لل`, `ولل` ...) leaving at least
///    [`MIN_STEM`] letters, the main reading is the word without it; otherwise the word itself.
/// 2. The main reading stemmed by [`strip_suffixes`].
/// 3. Without an article, every split of one-letter proclitics (و ف, then ب ك ل) that
///    `alaqat_text::proclitic_splits` allows and that leaves [`MIN_STEM`] letters, and its stem
///    when that keeps [`MIN_GUESSED_STEM`] letters. The whole word stays a reading, so names that
///    begin with these letters (`بكين`, `لندن`) are never lost.
pub(crate) fn arabic_terms(key: &str, out: &mut Vec<String>) {
    let start = out.len();
    let push = |term: &str, out: &mut Vec<String>| {
        if !term.is_empty() && !out[start..].iter().any(|t| t == term) {
            out.push(term.to_owned());
        }
    };
    let article = strip_article(key);
    let main = article.unwrap_or(key);
    push(main, out);
    for stem in strip_suffixes(main, MIN_STEM) {
        push(stem.as_str(), out);
    }
    if article.is_some() {
        return;
    }
    for at in proclitic_splits(key) {
        let rest = &key[at..];
        if letters(rest) < MIN_STEM {
            continue;
        }
        push(rest, out);
        for stem in strip_suffixes(rest, MIN_GUESSED_STEM) {
            push(stem.as_str(), out);
        }
    }
}

/// The word without its article (and the proclitics before it), when at least [`MIN_STEM`]
/// letters remain.
pub(crate) fn strip_article(key: &str) -> Option<&str> {
    ARTICLES.iter().find_map(|article| key.strip_prefix(article).filter(|rest| letters(rest) >= MIN_STEM))
}

/// Strips suffixes outside in, each rule at most once and only when `min` letters remain:
/// a pronoun (هما ها هم; a ت before it was a taa marbuta and becomes ه) or else a final ا (the
/// alef of accusative tanween, `وفداً`), then one ending
/// (ات ون ين ان ه), then the nisba ي. Returns the stems (none when nothing was stripped): a
/// final ه after ت is either a taa marbuta (`ثابته`) or the pronoun on one (`زيارته`), so both
/// `ثابت` and `زيار` come out.
pub(crate) fn strip_suffixes(key: &str, min: usize) -> Vec<String> {
    // Most words end in no suffix a rule below strips first: they cost no copy.
    if !PRONOUNS.iter().chain(&ENDINGS).any(|s| key.ends_with(s)) && !key.ends_with(['ا', 'ي']) {
        return Vec::new();
    }
    let mut stem = key.to_owned();
    let mut stems = Vec::new();
    if let Some(suffix) = PRONOUNS.iter().find(|s| stem.ends_with(*s) && letters(&stem) >= min + letters(s)) {
        stem.truncate(stem.len() - suffix.len());
        if stem.ends_with('ت') {
            stem.pop();
            stem.push('ه');
        }
    } else if stem.ends_with('ا') && letters(&stem) > min {
        // The alef of accusative tanween (اجتماعاً → اجتماعا once the mark is gone).
        stem.pop();
    }
    if let Some(suffix) = ENDINGS.iter().find(|s| stem.ends_with(*s) && letters(&stem) >= min + letters(s)) {
        stem.truncate(stem.len() - suffix.len());
        if *suffix == "ه" && stem.ends_with('ت') && letters(&stem) > min {
            stems.push(stem[..stem.len() - 'ت'.len_utf8()].to_owned());
        }
    }
    if stem.ends_with('ي') && letters(&stem) > min {
        stem.pop();
    }
    if stem != key {
        stems.insert(0, stem);
    }
    stems
}

/// The English stem of a lowercase word: possessive `'s` is split off by the tokenizer, so only
/// plurals are handled — `ies` and a `y` after a consonant → `i` (`countries`, `country` →
/// `countri`), `sses` → `ss`, `ches` `shes` `xes` `zes` → without `es`, a final `s` (not `ss`,
/// `us`, `is`) dropped — each only when three letters remain.
pub(crate) fn english_stem(word: &str) -> String {
    let n = word.len();
    if !word.is_ascii() || n <= 3 {
        return word.to_owned();
    }
    let cut = |k: usize, add: &str| format!("{}{add}", &word[..n - k]);
    if word.ends_with("ies") && n > 4 {
        return cut(3, "i");
    }
    if word.ends_with('y') && !matches!(word.as_bytes()[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        return cut(1, "i");
    }
    if word.ends_with("sses") || ["ches", "shes", "xes", "zes"].iter().any(|s| word.ends_with(s)) {
        return cut(2, "");
    }
    if word.ends_with('s') && !["ss", "us", "is"].iter().any(|s| word.ends_with(s)) {
        return cut(1, "");
    }
    word.to_owned()
}

/// Letters (code points) in a key.
pub(crate) fn letters(key: &str) -> usize {
    key.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        arabic_terms(&alaqat_text::normalize_word(word), &mut out);
        out
    }

    fn shares(a: &str, b: &str) -> bool {
        let (a, b) = (terms(a), terms(b));
        a.iter().any(|t| b.contains(t))
    }

    #[test]
    fn articles_and_their_proclitics_go() {
        assert_eq!(terms("الوزير")[0], "وزير");
        assert_eq!(terms("والوزير")[0], "وزير");
        assert_eq!(terms("بالرياض")[0], "رياض");
        assert_eq!(terms("وبالرياض")[0], "رياض");
        assert_eq!(terms("للتعاون")[0], "تعاون");
        assert_eq!(terms("وللتعاون")[0], "تعاون");
    }

    #[test]
    fn short_words_keep_their_letters() {
        // الله, التي and إلى would lose all but two letters.
        assert_eq!(terms("الله")[0], "الله");
        assert_eq!(terms("التي")[0], "التي");
        assert_eq!(terms("إلى")[0], "الي");
        assert_eq!(terms("بلد"), ["بلد"]);
    }

    #[test]
    fn one_letter_proclitics_are_readings_not_replacements() {
        assert_eq!(terms("وزير"), ["وزير", "زير"]);
        assert_eq!(terms("لندن"), ["لندن", "ندن"]);
        assert!(shares("وزير", "الوزير"));
        assert!(shares("وبرلين", "برلين"));
        assert!(shares("لكازاخستان", "كازاخستان"));
        // وزارة is not و + زارة: its guessed reading is not stemmed down to زار (visited).
        assert!(!terms("وزارة").contains(&"زار".to_owned()));
        assert!(!shares("وزارة", "زار"));
    }

    #[test]
    fn suffixes_meet_in_a_shared_reading() {
        assert!(shares("زيارة", "زيارتها"));
        assert!(shares("الزيارة", "بزيارته"));
        assert!(shares("الطرفين", "الطرفان"));
        assert!(shares("السعودية", "السعوديون"));
        assert!(shares("فلسطين", "الفلسطينيين"));
        assert!(shares("كازاخستان", "الكازاخستانية"));
        assert!(shares("الإمارات", "الإماراتي"));
        assert!(shares("بيانات", "البيان"));
        assert!(shares("اجتماعاً", "الاجتماع"));
        assert!(shares("هاتفياً", "الهاتفي"));
        assert!(!shares("مكة", "مك"));
    }

    #[test]
    fn variants_of_the_text_layer_meet() {
        assert_eq!(terms("الوزارة"), terms("الوزاره"));
        assert_eq!(terms("إيران"), terms("ايران"));
        assert_eq!(terms("مُحَمَّد"), terms("محمد"));
        assert_eq!(terms("مصطفى"), terms("مصطفي"));
    }

    #[test]
    fn english_plurals_fold() {
        assert_eq!(english_stem("ministers"), "minister");
        assert_eq!(english_stem("countries"), english_stem("country"));
        assert_eq!(english_stem("talks"), "talk");
        assert_eq!(english_stem("approaches"), "approach");
        assert_eq!(english_stem("kazakhs"), "kazakh");
        assert_eq!(english_stem("focus"), "focus");
        assert_eq!(english_stem("analysis"), "analysis");
        assert_eq!(english_stem("gas"), "gas");
        assert_eq!(english_stem("day"), "day");
        assert_eq!(english_stem("turkey"), "turkey");
    }
}
