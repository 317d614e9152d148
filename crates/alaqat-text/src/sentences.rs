//! Sentence splitting for Arabic and English news prose.

use alaqat_model::Span;

/// Abbreviations after which a period does not end an English sentence (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "prof", "sen", "rep", "gov", "h.e", "hon",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "د",
];

/// Splits `text` into sentences, returned as byte spans trimmed of surrounding whitespace.
///
/// A sentence ends at `.` `!` `?` `؟` `…` (with any closing quotes or brackets after it) or
/// at a line break; a period between digits (`3.5`), after a single capital letter (initials)
/// or after a known abbreviation (`Dr.`, `د.`) does not end one.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        let end_here = match c {
            '\n' | '\r' | '\u{2029}' => Some(pos),
            '!' | '?' | '؟' | '…' => Some(pos + c.len_utf8()),
            '.' => {
                if period_ends_sentence(text, pos) {
                    Some(pos + 1)
                } else {
                    None
                }
            }
            _ => None,
        };
        let Some(mut end) = end_here else { continue };
        if c != '\n' && c != '\r' && c != '\u{2029}' {
            // Take closing quotes, brackets and repeated terminal punctuation along.
            while let Some(&(p, n)) = iter.peek() {
                if matches!(n, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '.' | '!' | '?' | '؟' | '…' | '«') {
                    end = p + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
        let _ = bytes;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn period_ends_sentence(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let after = &text[pos + 1..];
    let prev = before.chars().next_back();
    let next = after.chars().next();
    // 3.5 and 1.200
    if prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, '٠'..='٩'))
        && next.is_some_and(|c| c.is_ascii_digit() || matches!(c, '٠'..='٩'))
    {
        return false;
    }
    // example.com, U.S.A: no space after the period and a letter follows.
    if next.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    // The separator may be several bytes long (NBSP): step over the whole character.
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single capital (initials: "J. Smith") or the Arabic abbreviation د.
        if c.is_uppercase() || c == 'د' {
            return false;
        }
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() || !trimmed.chars().any(|c| c.is_alphanumeric()) {
        // A line of punctuation only joins nothing; drop it.
        return;
    }
    let s = start + trimmed_start;
    out.push(Span::new(s, s + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_arabic_and_english() {
        assert_eq!(split("زار الرئيس الرياض. وبحث التعاون؟ نعم!"), ["زار الرئيس الرياض.", "وبحث التعاون؟", "نعم!"]);
        assert_eq!(
            split("Dr. Smith met Mr. J. Doe in the U.S. capital. Talks went well."),
            ["Dr. Smith met Mr. J. Doe in the U.S. capital.", "Talks went well."]
        );
    }

    #[test]
    fn a_multibyte_space_before_a_period_is_a_char_boundary() {
        // Found by the extraction property test: NBSP (2 bytes) before an abbreviation check.
        assert_eq!(split("ab\u{a0}x. Cd"), ["ab\u{a0}x.", "Cd"]);
        assert_eq!(split("\u{a0}."), Vec::<&str>::new());
    }

    #[test]
    fn keeps_numbers_and_splits_lines() {
        assert_eq!(split("بلغ 3.5 مليار دولار\nعنوان آخر"), ["بلغ 3.5 مليار دولار", "عنوان آخر"]);
        assert_eq!(split("قال: «نعم.» ثم غادر"), ["قال: «نعم.»", "ثم غادر"]);
    }
}
