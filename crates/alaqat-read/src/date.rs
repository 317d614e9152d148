//! Publication dates from metadata strings.

use alaqat_model::{Date, Precision, TimeSpan};

/// Parses a publication date as found in metadata and returns it with its precision.
///
/// Accepted forms:
/// - RFC 3339 / ISO 8601 date-times (`2024-09-05T10:00:00+03:00`, `…Z`, without offset, with a
///   space instead of `T`): the calendar date *in the offset given*, precision day;
/// - `2024-09-05` (day), `2024-09` (month), `2024` (year);
/// - RFC 822 / 2822 as in RSS `pubDate` (`Thu, 18 Dec 2025 09:30:00 +0300`): day;
/// - `2025/12/18`, `2025.12.18`, and day-first `18/12/2025`, `18-12-2025`, `18.12.2025` (the
///   convention of Arabic and European sources; month-first only when day-first is impossible,
///   as in `12/18/2025`);
/// - `18 December 2025`, `December 18, 2025`, `Dec 18 2025`, `December 2025` (month), with an
///   optional weekday and time, and the same with Arabic month names (`18 ديسمبر 2025`,
///   `18 كانون الأول 2025`) and Arabic-Indic digits.
///
/// Returns `None` for anything else (including impossible dates such as `2025-02-30`).
///
/// ```
/// use alaqat_model::Precision;
/// let span = alaqat_read::parse_published("2024-09").unwrap();
/// assert_eq!(span.precision, Precision::Month);
/// assert_eq!(span.end.to_string(), "2024-09-30");
/// ```
pub fn parse_published(s: &str) -> Option<TimeSpan> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let ascii_digits: String = s.chars().map(ascii_digit).collect();
    let s = ascii_digits.as_str();
    if let Some(span) = parse_numeric(s) {
        return Some(span);
    }
    if let Ok(pieces) = jiff::fmt::temporal::Pieces::parse(s) {
        return Some(TimeSpan::day(pieces.date()));
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        return Some(TimeSpan::day(zoned.date()));
    }
    parse_words(s)
}

/// Maps Arabic-Indic and Persian digits to ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// `2024`, `2024-09`, `2024/09`, `2024-09-05`, `2024/09/05`, `2024.09.05`, `05/09/2024`.
fn parse_numeric(s: &str) -> Option<TimeSpan> {
    if !s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.')) {
        return None;
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let num = |p: &str| -> Option<i16> {
        if p.is_empty() || p.len() > 4 {
            return None;
        }
        p.parse().ok()
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => year_span(num(y)?),
        [y, m] if y.len() == 4 && m.len() <= 2 => month_span(num(y)?, i8::try_from(num(m)?).ok()?),
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => day_span(num(y)?, num(m)?, num(d)?),
        [d, m, y] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let (d, m, y) = (num(d)?, num(m)?, num(y)?);
            day_span(y, m, d).or_else(|| day_span(y, d, m))
        }
        _ => None,
    }
}

/// Forms with month names; every token must be understood.
fn parse_words(s: &str) -> Option<TimeSpan> {
    let mut day: Option<i16> = None;
    let mut month: Option<i16> = None;
    let mut year: Option<i16> = None;
    let cleaned = s.replace(['،', ','], " ");
    let tokens: Vec<&str> = cleaned.split_whitespace().collect();
    let mut idx = 0;
    while idx < tokens.len() {
        let token = tokens[idx].trim_matches(|c: char| matches!(c, '.' | '-' | '/'));
        // Two-word Levantine month names (كانون الثاني, تشرين الأول).
        if let Some(next) = tokens.get(idx + 1) {
            if let Some(m) = arabic_two_word_month(token, next) {
                if month.replace(m).is_some() {
                    return None;
                }
                idx += 2;
                continue;
            }
        }
        idx += 1;
        if token.is_empty() || is_ignorable(token) {
            continue;
        }
        if let Some(m) = month_number(token) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &token[digits.len()..];
        if !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th")
        {
            let value: i16 = digits.parse().ok()?;
            if digits.len() == 4 && suffix.is_empty() && year.is_none() {
                year = Some(value);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(value);
            } else {
                return None;
            }
            continue;
        }
        return None;
    }
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => day_span(y, m, d),
        (None, Some(m), Some(y)) => month_span(y, i8::try_from(m).ok()?),
        _ => None,
    }
}

/// Weekdays, times, zones and little words that may surround a date.
fn is_ignorable(token: &str) -> bool {
    if token.contains(':') {
        return true;
    }
    let lower = token.to_lowercase();
    const WORDS: &[&str] = &[
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "at",
        "on",
        "the",
        "of",
        "am",
        "pm",
        "gmt",
        "utc",
        "ut",
        "z",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الاربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
        "الاحد",
        "م",
        "مـ",
        "ص",
        "مساء",
        "صباحا",
        "صباحاً",
        "مساءً",
        "يوم",
        "في",
        "بتوقيت",
        "غرينتش",
    ];
    WORDS.contains(&lower.as_str())
        || (lower.starts_with(['+', '-']) && lower.len() == 5 && lower[1..].bytes().all(|b| b.is_ascii_digit()))
}

fn month_number(token: &str) -> Option<i16> {
    let lower = token.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let english = [
        ["jan", "january"],
        ["feb", "february"],
        ["mar", "march"],
        ["apr", "april"],
        ["may", "may"],
        ["jun", "june"],
        ["jul", "july"],
        ["aug", "august"],
        ["sep", "september"],
        ["oct", "october"],
        ["nov", "november"],
        ["dec", "december"],
    ];
    if let Some(idx) = english.iter().position(|names| names.contains(&lower) || (lower == "sept" && names[0] == "sep"))
    {
        return i16::try_from(idx + 1).ok();
    }
    // MSA month names, with common spelling variants, and the single-word Levantine names.
    let arabic: [&[&str]; 12] = [
        &["يناير", "كانون2"],
        &["فبراير", "شباط"],
        &["مارس", "آذار", "اذار"],
        &["أبريل", "ابريل", "إبريل", "نيسان"],
        &["مايو", "أيار", "ايار"],
        &["يونيو", "يونيه", "حزيران"],
        &["يوليو", "يوليه", "تموز"],
        &["أغسطس", "اغسطس", "آب", "اب"],
        &["سبتمبر", "أيلول", "ايلول"],
        &["أكتوبر", "اكتوبر", "تشرين1"],
        &["نوفمبر", "تشرين2"],
        &["ديسمبر", "كانون1"],
    ];
    let month_idx = arabic.iter().position(|names| names.contains(&lower))?;
    i16::try_from(month_idx + 1).ok()
}

fn arabic_two_word_month(first: &str, second: &str) -> Option<i16> {
    match (first, second) {
        ("كانون", "الثاني") => Some(1),
        ("تشرين", "الأول" | "الاول") => Some(10),
        ("تشرين", "الثاني") => Some(11),
        ("كانون", "الأول" | "الاول") => Some(12),
        _ => None,
    }
}

fn day_span(year: i16, month: i16, day: i16) -> Option<TimeSpan> {
    let date = Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    Some(TimeSpan::day(date))
}

fn month_span(year: i16, month: i8) -> Option<TimeSpan> {
    let start = Date::new(year, month, 1).ok()?;
    Some(TimeSpan { start, end: start.last_of_month(), precision: Precision::Month, inferred: false })
}

fn year_span(year: i16) -> Option<TimeSpan> {
    let start = Date::new(year, 1, 1).ok()?;
    let end = Date::new(year, 12, 31).ok()?;
    Some(TimeSpan { start, end, precision: Precision::Year, inferred: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>, precision: Precision) {
        let got = parse_published(input);
        assert_eq!(got.map(|t| t.value_string()).as_deref(), expected, "input: {input:?}");
        if let Some(got) = got {
            assert_eq!(got.precision, precision, "input: {input:?}");
        }
    }

    #[test]
    fn iso_forms() {
        check("2024-09-05T23:30:00-05:00", Some("2024-09-05"), Precision::Day);
        check("2024-09-06T01:30:00+03:00", Some("2024-09-06"), Precision::Day);
        check("2024-09-05T10:00:00Z", Some("2024-09-05"), Precision::Day);
        check("2024-09-05 10:00:00", Some("2024-09-05"), Precision::Day);
        check("2024-09-05", Some("2024-09-05"), Precision::Day);
        check("2024-09", Some("2024-09"), Precision::Month);
        check("2024", Some("2024"), Precision::Year);
        check("2025-02-30", None, Precision::Day);
    }

    #[test]
    fn rfc2822_keeps_the_local_date() {
        check("Fri, 19 Dec 2025 01:00:00 +0300", Some("2025-12-19"), Precision::Day);
        check("Thu, 18 Dec 2025 09:30:00 GMT", Some("2025-12-18"), Precision::Day);
    }

    #[test]
    fn common_forms() {
        check("2025/12/18", Some("2025-12-18"), Precision::Day);
        check("18/12/2025", Some("2025-12-18"), Precision::Day);
        check("12/18/2025", Some("2025-12-18"), Precision::Day);
        check("18 December 2025", Some("2025-12-18"), Precision::Day);
        check("December 18, 2025", Some("2025-12-18"), Precision::Day);
        check("Dec 18th 2025", Some("2025-12-18"), Precision::Day);
        check("Thursday, December 18, 2025 at 10:15 AM", Some("2025-12-18"), Precision::Day);
        check("December 2025", Some("2025-12"), Precision::Month);
        check("١٨ ديسمبر ٢٠٢٥", Some("2025-12-18"), Precision::Day);
        check("الخميس 18 كانون الأول 2025", Some("2025-12-18"), Precision::Day);
        check("18 أيلول 2025", Some("2025-09-18"), Precision::Day);
    }

    #[test]
    fn rejects_noise() {
        for input in ["", "yesterday", "18 December", "soon 2025", "2025-13", "99999", "18 18 2025 2026"] {
            assert_eq!(parse_published(input), None, "input: {input:?}");
        }
    }
}
