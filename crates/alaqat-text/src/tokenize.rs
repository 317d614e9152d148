//! Tokens with byte and code point spans, and Arabic proclitic recovery.

use alaqat_model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with their marks), in any script.
    Word,
    /// Digits, possibly with decimal or thousands separators inside (`3.5`, `1,200`, `٣٫٥`).
    Number,
    /// Any other visible character, one per token.
    Punct,
}

/// A token of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Byte range in the original text.
    pub span: Span,
    /// Code point range in the original text.
    pub chars: Span,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        _ if c.is_ascii() => false,
        // The Arabic block first, by table: the Unicode property lookup is slow for it.
        '\u{0620}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' => true,
        '\u{06EA}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        '\u{200C}' | '\u{200D}' => true,
        _ => c.is_alphabetic() || is_mark(c),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '٠'..='٩' | '۰'..='۹')
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Splits `text` into words, numbers and punctuation; whitespace separates and is dropped.
/// Every token's span slices the original text exactly.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    let mut char_pos = 0usize;
    while let Some((start, c)) = chars.next() {
        let start_char = char_pos;
        char_pos += 1;
        let kind = if is_word_char(c) {
            TokenKind::Word
        } else if is_digit(c) {
            TokenKind::Number
        } else if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}') {
            continue;
        } else {
            TokenKind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(pos, next)) = chars.peek() {
                let continues = match kind {
                    TokenKind::Word => is_word_char(next),
                    _ => {
                        is_digit(next)
                            || (is_number_separator(next)
                                && text[pos + next.len_utf8()..].chars().next().is_some_and(is_digit))
                    }
                };
                if !continues {
                    break;
                }
                chars.next();
                char_pos += 1;
                end = pos + next.len_utf8();
            }
        }
        tokens.push(Token { kind, span: Span::new(start, end), chars: Span::new(start_char, char_pos) });
    }
    tokens
}

/// The ways an Arabic word key (already normalized) can start with proclitics: returns the byte
/// lengths of possible prefixes, shortest first, each leaving a stem of at least two letters.
/// The grammar is: an optional conjunction (و ف), then an optional preposition (ب ك ل) or the
/// future particle (س, only before a verb and so only without the article), then an optional
/// article (ال; ل + ال is written لل).
///
/// The word itself is always a reading too (an empty prefix, not returned), so names that begin
/// with these letters (`البانيا`, `بكين`, `لندن`) are never broken: the caller tries the
/// whole word first.
pub fn proclitic_splits(key: &str) -> Vec<usize> {
    // Search asks this of every word: only the first five letters decide and a stem needs two
    // more, so seven letters are read, into an array, not a vector.
    let mut chars = ['\0'; 7];
    let mut total = 0;
    for (slot, c) in chars.iter_mut().zip(key.chars()) {
        *slot = c;
        total += 1;
    }
    let chars = &chars[..total];
    let bytes_of = |n_chars: usize| chars[..n_chars].iter().map(|c| c.len_utf8()).sum::<usize>();
    let mut out = Vec::new();
    let mut i = 0;
    let push = |n: usize, out: &mut Vec<usize>| {
        if n > 0 && total >= n + 2 {
            let b = bytes_of(n);
            if !out.contains(&b) {
                out.push(b);
            }
        }
    };
    if matches!(chars.first(), Some('و' | 'ف')) {
        i = 1;
        push(i, &mut out);
    }
    // ل + ال is spelled لل.
    if chars.get(i) == Some(&'ل') && chars.get(i + 1) == Some(&'ل') {
        push(i + 2, &mut out);
        push(i + 1, &mut out);
    }
    if matches!(chars.get(i), Some('ب' | 'ك' | 'ل')) {
        i += 1;
        push(i, &mut out);
    }
    if chars.get(i) == Some(&'ا') && chars.get(i + 1) == Some(&'ل') {
        push(i + 2, &mut out);
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_numbers_punctuation() {
        assert_eq!(words("في 25-28 سبتمبر، زار"), ["في", "25", "-", "28", "سبتمبر", "،", "زار"]);
        assert_eq!(words("بلغ 1.2 مليار و٣٫٥"), ["بلغ", "1.2", "مليار", "و", "٣٫٥"]);
        assert_eq!(words("مُحَمَّد بن سلمان."), ["مُحَمَّد", "بن", "سلمان", "."]);
    }

    #[test]
    fn keeps_clitics_inside_tokens() {
        assert_eq!(words("وبالرياض والبانيا"), ["وبالرياض", "والبانيا"]);
    }

    #[test]
    fn recovers_proclitics() {
        fn split(k: &str) -> Vec<&str> {
            proclitic_splits(k).into_iter().map(|b| &k[b..]).collect()
        }
        assert_eq!(split("وبالرياض"), ["بالرياض", "الرياض", "رياض"]);
        assert_eq!(split("للسعوديه"), ["لسعوديه", "سعوديه"]);
        assert_eq!(split("لكازاخستان"), ["كازاخستان"]);
        assert_eq!(split("البانيا"), ["بانيا"]);
        assert_eq!(split("في"), Vec::<&str>::new());
    }

    #[test]
    fn char_spans_count_code_points() {
        let text = "زار أستانا";
        let t = tokenize(text);
        assert_eq!(t[1].chars, Span::new(4, 10));
    }
}
