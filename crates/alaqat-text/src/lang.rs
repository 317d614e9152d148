//! Script counts and language detection.

use alaqat_model::Lang;

/// Letters counted per script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Arabic-script letters.
    pub arabic: usize,
    /// Latin letters.
    pub latin: usize,
    /// Letters of other scripts.
    pub other: usize,
}

impl ScriptCounts {
    /// Counts the letters of `text`.
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            if c.is_ascii_alphabetic() {
                counts.latin += 1;
            } else if c.is_ascii() {
                continue;
            } else if is_arabic_letter(c) {
                counts.arabic += 1;
            } else if c.is_alphabetic() {
                if matches!(c, '\u{00C0}'..='\u{024F}') {
                    counts.latin += 1;
                } else {
                    counts.other += 1;
                }
            }
        }
        counts
    }
}

/// True for letters of the Arabic script (base block, supplement, extended-A, presentation
/// forms), excluding digits, punctuation and diacritics.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// Arabic, English or mixed, by the share of letters in each script. A document is Arabic when
/// at least 80% of its Arabic and Latin letters are Arabic, English when at least 80% are Latin,
/// mixed otherwise; fewer than 3 letters is unknown. Quoted English phrases inside Arabic
/// prose therefore keep a document Arabic.
pub fn detect_lang(text: &str) -> Lang {
    let counts = ScriptCounts::of(text);
    let total = counts.arabic + counts.latin;
    if total < 3 {
        return Lang::Unknown;
    }
    if counts.arabic * 5 >= total * 4 {
        Lang::Ar
    } else if counts.latin * 5 >= total * 4 {
        Lang::En
    } else {
        Lang::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(detect_lang("زار الرئيس الكازاخستاني الرياض اليوم"), Lang::Ar);
        assert_eq!(detect_lang("The president visited Riyadh on Thursday."), Lang::En);
        assert_eq!(detect_lang("The president said اتفقنا على تعزيز العلاقات"), Lang::Mixed);
        assert_eq!(detect_lang("However, زار الرئيس الكازاخستاني الرياض اليوم وبحث مع نظيره سبل التعاون"), Lang::Ar);
        assert_eq!(detect_lang("12 ."), Lang::Unknown);
    }
}
