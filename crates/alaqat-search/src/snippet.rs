//! Snippets and highlights from our own analysis of the stored text, so that a match inside a
//! word with clitics (`وبالرياض`) highlights the whole written word.

use std::collections::HashSet;

use alaqat_text::CharIndex;

use crate::analyzer::analyze;

/// How long a snippet is, in code points (it ends at a word boundary, so it can be a little
/// shorter, or longer when one word is).
pub(crate) const SNIPPET_CHARS: usize = 200;

/// Context kept before the first match, in code points.
const LEAD_CHARS: usize = 40;

/// A piece of a text with the matched words marked.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Snippet {
    /// The piece, exactly as in the text.
    pub(crate) text: String,
    /// Where it starts in the text, in code points.
    pub(crate) start: usize,
    /// Matched words, as code point ranges within the piece.
    pub(crate) highlights: Vec<(usize, usize)>,
}

/// The piece of `text` of about [`SNIPPET_CHARS`] code points with the most words that yield
/// one of `terms`, starting a little before the first of them; the start of the text when no
/// word matches.
pub(crate) fn snippet(text: &str, terms: &HashSet<String>) -> Snippet {
    let chars = CharIndex::new(text);
    let matched: Vec<(usize, usize)> = analyze(text)
        .into_iter()
        .filter(|w| w.terms.iter().any(|t| terms.contains(t)))
        .map(|w| (chars.char_of(w.span.start), chars.char_of(w.span.end)))
        .collect();
    let total = chars.char_of(text.len());
    // The window starting at the match that has most matches within reach.
    let best = (0..matched.len())
        .max_by_key(|&i| {
            let reach = matched[i].0 + SNIPPET_CHARS;
            let n = matched[i..].iter().take_while(|m| m.1 <= reach).count();
            // Earlier windows win ties.
            (n, std::cmp::Reverse(i))
        })
        .map(|i| matched[i]);
    let (mut start, mut end) = match best {
        Some((first_start, first_end)) => {
            // Near the end of the text, start earlier so the snippet stays full (a short text
            // is shown whole).
            let start = first_start.saturating_sub(LEAD_CHARS).min(total.saturating_sub(SNIPPET_CHARS));
            (start, (start + SNIPPET_CHARS).max(first_end))
        }
        None => (0, SNIPPET_CHARS),
    };
    end = end.min(total);
    let char_at = |i: usize| text[chars.byte_of(i)..].chars().next();
    let is_space = |i: usize| char_at(i).is_none_or(char::is_whitespace);
    // Start at a word: skip the rest of a word cut in two, unless the match itself is there.
    if start > 0 && !is_space(start - 1) {
        let limit = best.map_or(end, |b| b.0);
        let mut s = start;
        while s < limit && !is_space(s) {
            s += 1;
        }
        if s < limit {
            start = s;
        }
    }
    // End at a word: drop a word cut in two, unless a match would be cut.
    if end < total && !is_space(end) {
        let keep = matched.iter().filter(|m| m.0 < end).map(|m| m.1).max().unwrap_or(start).max(start);
        let mut e = end;
        while e > keep && !is_space(e - 1) {
            e -= 1;
        }
        end = if e > keep { e } else { keep.max(end) };
    }
    // No whitespace at either edge.
    while start < end && is_space(start) {
        start += 1;
    }
    while end > start && is_space(end - 1) {
        end -= 1;
    }
    let piece = &text[chars.byte_of(start)..chars.byte_of(end)];
    let highlights = matched
        .iter()
        .filter(|m| m.0 >= start && m.1 <= end && m.0 < m.1)
        .map(|m| (m.0 - start, m.1 - start))
        .collect();
    Snippet { text: piece.to_owned(), start, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms_for(query: &str) -> HashSet<String> {
        analyze(query).into_iter().flat_map(|w| w.terms).collect()
    }

    fn marked(text: &str, query: &str) -> String {
        let s = snippet(text, &terms_for(query));
        let chars: Vec<char> = s.text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for (a, b) in s.highlights {
            out.extend(&chars[at..a]);
            out.push('[');
            out.extend(&chars[a..b]);
            out.push(']');
            at = b;
        }
        out.extend(&chars[at..]);
        out
    }

    #[test]
    fn whole_words_with_clitics_are_marked() {
        assert_eq!(
            marked("وصل الوفد إلى الرياض ثم عاد وبالرياضِ اجتمع", "الرياض"),
            "وصل الوفد إلى [الرياض] ثم عاد [وبالرياضِ] اجتمع"
        );
        assert_eq!(marked("التقى عبد العزيز بالضيوف", "عبدالعزيز"), "التقى [عبد العزيز] بالضيوف");
        assert_eq!(marked("زار الوفد كازاخستان", "الكازاخستانية"), "زار الوفد [كازاخستان]");
    }

    #[test]
    fn a_long_text_is_cut_around_the_match_at_word_boundaries() {
        let filler = "كلمة ".repeat(100);
        let text = format!("{filler}زار الوزير أستانا اليوم {filler}");
        let s = snippet(&text, &terms_for("أستانا"));
        assert!(s.text.chars().count() <= SNIPPET_CHARS);
        assert!(s.text.starts_with("كلمة") && s.text.ends_with("كلمة"), "{}", s.text);
        let expected: String = text.chars().skip(s.start).take(s.text.chars().count()).collect();
        assert_eq!(s.text, expected);
        assert_eq!(s.highlights.len(), 1);
        let (a, b) = s.highlights[0];
        assert_eq!(s.text.chars().skip(a).take(b - a).collect::<String>(), "أستانا");
    }

    #[test]
    fn a_short_text_is_shown_whole() {
        let text = "أعلنت الوزارة أن وفداً من رجال الأعمال والمستثمرين سيتوجه قريباً إلى كازاخستان.";
        let s = snippet(text, &terms_for("كازاخستان"));
        assert_eq!((s.text.as_str(), s.start), (text, 0));
    }

    #[test]
    fn no_match_gives_the_start_of_the_text() {
        let s = snippet("نص قصير بلا مطابقة", &terms_for("أستانا"));
        assert_eq!((s.text.as_str(), s.start, s.highlights.len()), ("نص قصير بلا مطابقة", 0, 0));
    }
}
