//! Match-key normalization with an offset map back to the original text.

use alaqat_model::Span;
use unicode_normalization::char::decompose_compatible;

/// What normalization does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Kept as it is.
    Keep,
    /// Removed (diacritics, tatweel, zero-width and bidi controls).
    Drop,
    /// Replaced by another character.
    To(char),
    /// Whitespace: runs collapse into one ASCII space.
    Space,
    /// Needs compatibility decomposition (Arabic presentation forms, fullwidth forms) or
    /// lowercasing; handled by [`normalize_into`].
    Expand,
}

/// The folding table. Every mapping is listed here and nowhere else:
///
/// | from | to | why |
/// |---|---|---|
/// | U+064B–U+065F (tanween, harakat, shadda, sukun, maddah and hamza marks), U+0670 superscript alef, U+06D6–U+06ED Quranic marks | dropped | vocalization is optional in news |
/// | U+0640 tatweel | dropped | typographic stretching |
/// | U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+00AD | dropped | zero-width and bidi controls must not split names |
/// | أ إ آ ٱ ٲ ٳ ٵ | ا | hamza and wasla on alef are spelled inconsistently |
/// | ى (alef maqsura), ی (Persian yeh), ئ, ې | ي | final yeh/alef maqsura confusion; Persian keyboards |
/// | ة (taa marbuta), ۀ, ە | ه | taa marbuta is often written as heh |
/// | ؤ | و | hamza on waw |
/// | ک (keheh), ڪ | ك | Persian and Urdu kaf |
/// | ٠–٩, ۰–۹ | 0–9 | Arabic-Indic and Persian digits |
/// | ٫ (U+066B) | . | Arabic decimal separator |
/// | ٬ (U+066C), ، (U+060C) | , | thousands separator, Arabic comma |
/// | ؛ | ; | Arabic semicolon |
/// | ؟ | ? | Arabic question mark |
/// | ٪ | % | Arabic percent sign |
/// | – — ‐ ‑ ‒ − | - | dashes in ranges such as 25–28 |
/// | « » “ ” „ ″ | " | quotation marks |
/// | ‘ ’ ‚ ′ | ' | apostrophes |
/// | any whitespace run | one space | line breaks and NBSP between words |
/// | uppercase letters | lowercase | Latin case |
/// | presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC), fullwidth forms | NFKC | legacy encodings |
///
/// Spacing variants: `عبد` followed by a space and `ال` is joined (`عبد العزيز` → `عبدالعزيز`),
/// which [`normalize_into`] does because it needs context.
pub fn fold_char(c: char) -> Fold {
    // ASCII and the Arabic block are nearly every character of a news text: they are looked up
    // in a table of what `fold_slow` says, instead of walking its ranges one by one.
    static TABLE: std::sync::LazyLock<[Fold; 0x700]> = std::sync::LazyLock::new(|| {
        let mut table = [Fold::Keep; 0x700];
        for (code, slot) in (0u32..).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32(code) {
                *slot = fold_slow(c);
            }
        }
        table
    });
    match TABLE.get(c as usize) {
        Some(&fold) => fold,
        None => fold_slow(c),
    }
}

/// The folding table itself (see [`fold_char`]).
fn fold_slow(c: char) -> Fold {
    match c {
        'a'..='z' | '0'..='9' | '.' | ',' | '-' | '/' | ':' | '(' | ')' | '"' | '\'' => Fold::Keep,
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        ' ' => Fold::Space,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => Fold::Drop,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{061C}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Fold::To('ا'),
        'ى' | 'ی' | 'ئ' | 'ې' | 'ۍ' => Fold::To('ي'),
        'ة' | 'ۀ' | 'ە' | 'ۃ' => Fold::To('ه'),
        'ؤ' => Fold::To('و'),
        'ک' | 'ڪ' => Fold::To('ك'),
        '٠'..='٩' => Fold::To(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::To(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '٫' => Fold::To('.'),
        '٬' | '،' => Fold::To(','),
        '؛' => Fold::To(';'),
        '؟' => Fold::To('?'),
        '٪' => Fold::To('%'),
        '–' | '—' | '‐' | '‑' | '‒' | '−' => Fold::To('-'),
        '«' | '»' | '“' | '”' | '„' | '″' => Fold::To('"'),
        '‘' | '’' | '‚' | '′' => Fold::To('\''),
        // Every other character of the Arabic block is kept; matching it here spares the slow
        // Unicode property lookups below on the hot path.
        '\u{0600}'..='\u{06FF}' => Fold::Keep,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' | '\u{FF01}'..='\u{FF5E}' => Fold::Expand,
        c if c.is_whitespace() => Fold::Space,
        c if c.is_uppercase() => Fold::Expand,
        _ => Fold::Keep,
    }
}

/// A match key and the map from its bytes back to the original text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    key: String,
    /// `origin[i]` is the original byte offset of the character that produced key byte `i`;
    /// one extra entry holds the original length.
    origin: Vec<u32>,
    /// `ends[i]` is the original end of that character, extended over the marks and controls
    /// dropped right after it (so a word's span keeps its diacritics but never a trailing space).
    ends: Vec<u32>,
}

impl Normalized {
    /// The match key.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// Maps a byte range of the key back to the original text. The range grows to cover
    /// characters that normalization dropped inside it and the marks on its last letter.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        let len = self.key.len();
        let start = start.min(len);
        let end = end.clamp(start, len);
        let o_start = self.origin[start] as usize;
        let o_end = if end == start { o_start } else { self.ends[end - 1] as usize };
        Span::new(o_start, o_end.max(o_start))
    }

    /// The original byte offset of key byte `pos`.
    pub fn origin_of(&self, pos: usize) -> usize {
        self.origin[pos.min(self.key.len())] as usize
    }

    /// Empties the buffers for reuse.
    pub fn clear(&mut self) {
        self.key.clear();
        self.origin.clear();
        self.ends.clear();
    }
}

/// Normalizes `text` into a match key (see [`fold_char`] for every mapping).
/// Idempotent: `normalize(normalize(x)) == normalize(x)`.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// Normalizes a short string (a lexicon entry or a query) to its key only.
pub fn normalize_word(text: &str) -> String {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    let mut key = out.key;
    // Lexicon entries should not carry edge spaces.
    let trimmed = key.trim();
    if trimmed.len() != key.len() {
        key = trimmed.to_string();
    }
    key
}

/// Like [`normalize`], reusing the buffers of `out`.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    out.clear();
    out.key.reserve(text.len());
    out.origin.reserve(text.len() + 1);
    out.ends.reserve(text.len());
    let mut pending_space: Option<(usize, usize)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        match fold_char(c) {
            Fold::Drop => {
                if pending_space.is_none() {
                    if let Some(last) = out.ends.last_mut() {
                        *last = (pos + c.len_utf8()) as u32;
                    }
                }
            }
            Fold::Space => {
                if pending_space.is_none() && !out.key.is_empty() {
                    pending_space = Some((pos, c.len_utf8()));
                }
            }
            Fold::Expand => {
                let joins = ends_with_abd(&out.key) && starts_with_al(c, &mut chars.clone());
                expand(out, c, pos, &mut pending_space, joins);
            }
            fold => {
                // Whether `عبد` joins the next word matters only where a space is pending; asking
                // at every character compared the key's end for each one.
                let joins = pending_space.is_some() && ends_with_abd(&out.key) && starts_with_al(c, &mut chars.clone());
                flush_space(out, &mut pending_space, joins);
                match fold {
                    Fold::To(to) => push(out, to, pos, c.len_utf8()),
                    _ => push(out, c, pos, c.len_utf8()),
                }
            }
        }
    }
    // A trailing whitespace run is dropped, so the key never ends in a space.
    out.origin.push(text.len() as u32);
}

fn push(out: &mut Normalized, c: char, pos: usize, original_len: usize) {
    out.key.push(c);
    // One entry per key byte; `repeat_n` extends with one capacity check, not one per byte.
    let n = c.len_utf8();
    out.origin.extend(std::iter::repeat_n(pos as u32, n));
    out.ends.extend(std::iter::repeat_n((pos + original_len) as u32, n));
}

/// Writes a pending space before the next kept character, unless `عبد` joins the name after it.
fn flush_space(out: &mut Normalized, pending: &mut Option<(usize, usize)>, joins: bool) {
    if let Some((space_pos, space_len)) = pending.take() {
        if !joins {
            push(out, ' ', space_pos, space_len);
        }
    }
}

/// Compatibility decomposition and lowercasing, each result folded again. Spaces inside an
/// expansion (ﷺ, or the isolated tashkeel forms that decompose to a space and a mark) follow the
/// same rule as spaces in the text: written only before a kept character.
fn expand(out: &mut Normalized, c: char, pos: usize, pending: &mut Option<(usize, usize)>, joins: bool) {
    // The longest compatibility decomposition (U+FDFA) is 18 characters.
    let mut buf = [char::default(); 32];
    let mut n = 0;
    decompose_compatible(c, |d| {
        for l in d.to_lowercase() {
            if n < buf.len() {
                buf[n] = l;
                n += 1;
            }
        }
    });
    let len = c.len_utf8();
    let mut first_kept = true;
    for &d in &buf[..n] {
        let folded = match fold_char(d) {
            Fold::Drop | Fold::Expand => continue,
            Fold::Space => {
                if pending.is_none() && !out.key.is_empty() {
                    *pending = Some((pos, len));
                }
                continue;
            }
            Fold::Keep => d,
            Fold::To(to) => to,
        };
        flush_space(out, pending, first_kept && joins);
        first_kept = false;
        push(out, folded, pos, len);
    }
}

/// True when the key ends in the word `عبد`, alone or after one proclitic letter.
fn ends_with_abd(key: &str) -> bool {
    let Some(before) = key.strip_suffix("عبد") else {
        return false;
    };
    let mut rest = before.chars().rev();
    match rest.next() {
        None | Some(' ') => true,
        Some('و' | 'ف' | 'ل' | 'ب' | 'ك') => matches!(rest.next(), None | Some(' ')),
        _ => false,
    }
}

/// The first character `c` contributes to a key, if any (presentation forms decomposed).
fn first_folded(c: char) -> Option<char> {
    match fold_char(c) {
        Fold::Keep => Some(c),
        Fold::To(t) => Some(t),
        Fold::Expand => {
            let mut first = None;
            decompose_compatible(c, |d| {
                if first.is_none() {
                    first = d.to_lowercase().next().and_then(|l| match fold_char(l) {
                        Fold::Keep => Some(l),
                        Fold::To(t) => Some(t),
                        _ => None,
                    });
                }
            });
            first
        }
        _ => None,
    }
}

/// True when the next two kept characters, starting with `first`, fold to `ال`.
fn starts_with_al(first: char, rest: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> bool {
    let fold = first_folded;
    if fold(first) != Some('ا') {
        return false;
    }
    for (_, c) in rest.by_ref() {
        match fold_char(c) {
            Fold::Drop => continue,
            _ => return fold(c) == Some('ل'),
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        normalize(s).as_str().to_string()
    }

    #[test]
    fn folds_arabic_letter_variants() {
        assert_eq!(key("إسلام آباد"), "اسلام اباد");
        assert_eq!(key("مُحَمَّدٌ"), "محمد");
        assert_eq!(key("كـــازاخستان"), "كازاخستان");
        assert_eq!(key("المملكة العربية"), "المملكه العربيه");
        assert_eq!(key("مصطفى"), "مصطفي");
        assert_eq!(key("ٱلرياض"), "الرياض");
        assert_eq!(key("پاکستان ایران"), "پاكستان ايران");
        assert_eq!(key("رئيس مسؤول"), "رييس مسوول");
    }

    #[test]
    fn folds_digits_and_separators() {
        assert_eq!(key("١٩٩٤"), "1994");
        assert_eq!(key("۱۴۰۳"), "1403");
        assert_eq!(key("٣٫٥"), "3.5");
        assert_eq!(key("25–28"), "25-28");
    }

    #[test]
    fn joins_abd_with_the_following_name() {
        assert_eq!(key("عبد العزيز"), "عبدالعزيز");
        assert_eq!(key("وعبد الله"), "وعبدالله");
        assert_eq!(key("عبدالعزيز"), "عبدالعزيز");
        // Not a name prefix: "slave of the" inside another word stays apart.
        assert_eq!(key("العبد الله"), "العبد الله");
    }

    #[test]
    fn drops_invisible_controls_inside_names() {
        assert_eq!(key("تو\u{200C}كاييف"), "توكاييف");
        assert_eq!(key("\u{202B}الرياض\u{202C}"), "الرياض");
    }

    #[test]
    fn collapses_whitespace_and_lowercases() {
        assert_eq!(key("  Saudi\n\n  Arabia  "), "saudi arabia");
        assert_eq!(key("نور\u{00A0}سلطان"), "نور سلطان");
    }

    #[test]
    fn isolated_tashkeel_forms_leave_no_space() {
        // Found by CI's property test: U+FE72 decomposes to a space and a mark.
        assert_eq!(key("\u{FE72}"), "");
        assert_eq!(key("ب \u{FE72}"), "ب");
        assert_eq!(key("ب \u{FE72}ت"), "ب ت");
        assert_eq!(key("\u{FDFA}"), "صلي الله عليه وسلم");
    }

    #[test]
    fn presentation_forms_decompose() {
        // U+FEFB is the lam-alef ligature.
        assert_eq!(key("\u{FEFB}"), "لا");
    }

    #[test]
    fn maps_back_to_original() {
        let text = "قال مُحَمَّد  بن سلمان";
        let n = normalize(text);
        let at = n.as_str().find("محمد بن").unwrap();
        let span = n.to_original(at, at + "محمد بن".len());
        assert_eq!(span.slice(text), Some("مُحَمَّد  بن"));
    }
}
