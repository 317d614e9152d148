//! Dates: absolute Gregorian and Hijri dates, ranges, months, years, quarters, and weekdays and
//! اليوم/أمس/غدا resolved against the publication date (never the clock).

use alaqat_model::{Date, Precision, Span, TimeSpan};
use alaqat_text::TokenKind;
use icu_calendar::cal::Hijri;

use crate::lexicon::{Entry, Group};
use crate::scan::Scan;

/// A date expression in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DateHit {
    pub t0: usize,
    pub t1: usize,
    pub o: Span,
    pub value: TimeSpan,
    pub relative: bool,
}

/// Finds every date expression; weekdays and relative words need `published` at day precision.
pub(crate) fn find(scan: &Scan<'_>, published: Option<&TimeSpan>) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut t = 0;
    while t < scan.toks.len() {
        if let Some(hit) = at(scan, t, published) {
            t = hit.t1;
            out.push(hit);
            // "في عامي 1997 و1998", "in 1998 and 2000": the second year is a date of its own.
            if hit.value.precision == Precision::Year && matches!(scan.word(t), "و" | "and") {
                if let Some(y) =
                    number(scan, t + 1).and_then(|y| i16::try_from(y).ok()).filter(|y| (1900..=2100).contains(y))
                {
                    if let Some(value) = year_value(y, y) {
                        out.push(DateHit { t0: t + 1, t1: t + 2, o: span(scan, t + 1, t + 2), value, relative: false });
                        t += 2;
                    }
                }
            }
        } else {
            t += 1;
        }
    }
    out
}

fn span(scan: &Scan<'_>, t0: usize, t1: usize) -> Span {
    Span::new(scan.toks[t0].o.start, scan.toks[t1 - 1].o.end)
}

fn number(scan: &Scan<'_>, t: usize) -> Option<u32> {
    let tok = scan.toks.get(t)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    scan.word(t).parse().ok()
}

fn month_at(scan: &Scan<'_>, t: usize) -> Option<(u8, bool, usize)> {
    let hit = scan.hit_at(t, Group::Time)?;
    if hit.prefix > 1 {
        return None;
    }
    let (month, hijri) = scan.entries(hit).iter().find_map(|e| match e {
        Entry::Month { month, hijri } => Some((*month, *hijri)),
        _ => None,
    })?;
    let mut end = hit.t1;
    // "Dec." and the paired names of agency style: أيلول/سبتمبر, شباط (فبراير).
    if scan.word(end) == "." && scan.word(t).is_ascii() {
        end += 1;
    }
    if matches!(scan.word(end), "/" | "(") {
        if let Some(h) = scan.hit_at(end + 1, Group::Time) {
            if scan.entries(h).iter().any(|e| matches!(e, Entry::Month { .. })) {
                end = h.t1;
                if scan.word(end) == ")" {
                    end += 1;
                }
            }
        }
    }
    Some((month, hijri, end))
}

fn is_word(scan: &Scan<'_>, t: usize, words: &[&str]) -> bool {
    words.contains(&scan.word(t))
}

/// A year after a month or a year word: skips من / عام / سنة / "," and reads a year number,
/// with an optional Hijri marker (هـ).
fn year_after(scan: &Scan<'_>, mut t: usize) -> Option<(i16, bool, usize)> {
    for _ in 0..3 {
        if is_word(scan, t, &["من", "عام", "سنه", "العام", "لعام", "of", ","]) {
            t += 1;
        }
    }
    let y = number(scan, t)?;
    let mut end = t + 1;
    let hijri_marker = is_word(scan, end, &["ه", "هجري", "هجريه", "ah"]);
    // 2023م: the Gregorian marker.
    if hijri_marker || is_word(scan, end, &["م", "ميلادي", "ميلاديه"]) {
        end += 1;
    }
    let year = i16::try_from(y).ok()?;
    let plausible = (1800..=2100).contains(&year) || (1300..=1500).contains(&year);
    plausible.then_some((year, hijri_marker, end))
}

fn gregorian(year: i16, month: u8, day: u8) -> Option<Date> {
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn hijri_to_gregorian(year: i16, month: u8, day: u8) -> Option<Date> {
    let date =
        icu_calendar::Date::try_new_hijri_with_calendar(i32::from(year), month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = date.to_calendar(icu_calendar::Iso);
    gregorian(i16::try_from(iso.year().extended_year()).ok()?, iso.month().ordinal, iso.day_of_month().0)
}

fn month_range(year: i16, month: u8, hijri: bool) -> Option<(Date, Date)> {
    if hijri {
        let start = hijri_to_gregorian(year, month, 1)?;
        let end = hijri_to_gregorian(year, month, 30).or_else(|| hijri_to_gregorian(year, month, 29))?;
        return Some((start, end));
    }
    let start = gregorian(year, month, 1)?;
    Some((start, start.last_of_month()))
}

fn day_value(year: i16, month: u8, d0: u8, d1: u8, hijri: bool) -> Option<TimeSpan> {
    let conv = |d| if hijri { hijri_to_gregorian(year, month, d) } else { gregorian(year, month, d) };
    let (start, end) = (conv(d0)?, conv(d1)?);
    (start <= end).then_some(TimeSpan { start, end, precision: Precision::Day, inferred: false })
}

/// A day and month without a year: the latest such date not after the publication date
/// (with a week of slack for announcements of the coming days).
fn without_year(published: &TimeSpan, month: u8, d0: u8, d1: u8, hijri: bool) -> Option<TimeSpan> {
    if hijri || published.precision != Precision::Day {
        return None;
    }
    let year = published.start.year();
    let v = day_value(year, month, d0, d1, false)?;
    if v.start > published.start.checked_add(jiff::Span::new().days(7)).ok()? {
        return day_value(year - 1, month, d0, d1, false);
    }
    Some(v)
}

/// A date written in numbers: `30.10.2021` (one token), `30/10/2021`, `2021-10-30`. Day first,
/// as Arabic and European copy writes it, unless the year comes first (ISO) or the second number
/// cannot be a month (`10/30/2021`).
fn numeric_date(scan: &Scan<'_>, t: usize) -> Option<(usize, TimeSpan)> {
    let tok = scan.toks.get(t)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    let (parts, end): (Vec<u32>, usize) = if scan.word(t).matches('.').count() == 2 {
        (scan.word(t).split('.').map(str::parse).collect::<Result<_, _>>().ok()?, t + 1)
    } else {
        let sep = scan.word(t + 1);
        if !matches!(sep, "/" | "-") || scan.word(t + 3) != sep {
            return None;
        }
        let parts = [number(scan, t)?, number(scan, t + 2)?, number(scan, t + 4)?];
        // Each part must be the whole token: "2021-10-30" and not "10-30 2021".
        (parts.to_vec(), t + 5)
    };
    let [a, b, c] = parts.as_slice() else { return None };
    let digits = |t: usize| scan.word(t).len();
    let (year, month, day) = if digits(t) == 4 && scan.word(t).is_ascii() && !scan.word(t).contains('.') {
        (*a, *b, *c)
    } else if *b > 12 {
        (*c, *a, *b)
    } else {
        (*c, *b, *a)
    };
    let year = i16::try_from(year).ok().filter(|y| (1900..=2100).contains(y))?;
    let value = day_value(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?, u8::try_from(day).ok()?, false)?;
    Some((end, value))
}

fn year_value(y0: i16, y1: i16) -> Option<TimeSpan> {
    Some(TimeSpan {
        start: gregorian(y0, 1, 1)?,
        end: gregorian(y1, 12, 31)?,
        precision: Precision::Year,
        inferred: false,
    })
}

fn at(scan: &Scan<'_>, t: usize, published: Option<&TimeSpan>) -> Option<DateHit> {
    let hit =
        |t1: usize, value: TimeSpan, relative: bool| Some(DateHit { t0: t, t1, o: span(scan, t, t1), value, relative });

    // 30.10.2021, 30/10/2021, 2021-10-30: datelines of agency copy.
    if let Some((end, value)) = numeric_date(scan, t) {
        return hit(end, value, false);
    }
    // 25-28 سبتمبر 1994, 18 ديسمبر 2025, 5 جمادى الآخرة 1447هـ
    if let Some(d0) = number(scan, t).filter(|d| (1..=31).contains(d)) {
        let (mut d1, mut j) = (d0, t + 1);
        if scan.word(j) == "-" {
            if let Some(d) = number(scan, j + 1).filter(|d| (d0..=31).contains(d)) {
                d1 = d;
                j += 2;
            }
        }
        if is_word(scan, j, &["من"]) && month_at(scan, j + 1).is_some() {
            j += 1;
        }
        if let Some((month, hijri_month, after)) = month_at(scan, j) {
            if let Some((year, _, end)) = year_after(scan, after) {
                let hijri = hijri_month || year < 1600;
                if let Some(v) = day_value(year, month, d0 as u8, d1 as u8, hijri) {
                    return hit(end, v, false);
                }
            }
            if let Some(v) = published.and_then(|p| without_year(p, month, d0 as u8, d1 as u8, hijri_month)) {
                return hit(after, v, true);
            }
        }
    }
    // السادس عشر من شهر ديسمبر عام 1991
    if let Some(day) = scan.hit_at(t, Group::Time).and_then(|h| {
        scan.entries(h).iter().find_map(|e| if let Entry::Ordinal(d) = e { Some((*d, h.t1)) } else { None })
    }) {
        let mut j = day.1;
        while is_word(scan, j, &["من", "شهر"]) {
            j += 1;
        }
        if let Some((month, hijri_month, after)) = month_at(scan, j) {
            if let Some((year, _, end)) = year_after(scan, after) {
                if let Some(v) = day_value(year, month, day.0, day.0, hijri_month || year < 1600) {
                    return hit(end, v, false);
                }
            }
        }
    }
    // September 25-28, 1994 / سبتمبر 1994 / أيلول من عام 1997
    if let Some((month, hijri_month, after)) = month_at(scan, t) {
        if let Some(d0) = number(scan, after).filter(|d| (1..=31).contains(d)) {
            let (mut d1, mut j) = (d0, after + 1);
            if scan.word(j) == "-" {
                if let Some(d) = number(scan, j + 1).filter(|d| (d0..=31).contains(d)) {
                    d1 = d;
                    j += 2;
                }
            }
            if let Some((year, _, end)) = year_after(scan, j) {
                if let Some(v) = day_value(year, month, d0 as u8, d1 as u8, hijri_month || year < 1600) {
                    return hit(end, v, false);
                }
            }
            // A dateline without a year ("TEHRAN, May 29 --") takes the publication year.
            if let Some(v) = published.and_then(|p| without_year(p, month, d0 as u8, d1 as u8, hijri_month)) {
                return hit(j, v, true);
            }
        }
        if let Some((year, _, end)) = year_after(scan, after) {
            if let Some((start, last)) = month_range(year, month, hijri_month || year < 1600) {
                return hit(end, TimeSpan { start, end: last, precision: Precision::Month, inferred: false }, false);
            }
        }
    }
    // الربع الأول من عام 2026 / the first quarter of 2026
    let w = scan.word(t);
    if matches!(w, "الربع" | "quarter") || (w == "the" && scan.word(t + 2) == "quarter") {
        let (ordinal_at, after) = if w == "the" { (t + 1, t + 3) } else { (t + 1, t + 2) };
        let q = match scan.word(ordinal_at) {
            "الاول" | "first" => Some(1),
            "الثاني" | "second" => Some(2),
            "الثالث" | "third" => Some(3),
            "الرابع" | "الاخير" | "fourth" | "last" => Some(4),
            _ => None,
        };
        let (q, after) = match (q, w) {
            (Some(q), _) => (q, after),
            _ => return None,
        };
        if let Some((year, _, end)) = year_after(scan, after) {
            let start = gregorian(year, (q - 1) * 3 + 1, 1)?;
            let last = gregorian(year, q * 3, 1)?.last_of_month();
            return hit(end, TimeSpan { start, end: last, precision: Precision::Quarter, inferred: false }, false);
        }
    }
    if let Some(rest) = w.strip_prefix('q').and_then(|d| d.parse::<u8>().ok()).filter(|q| (1..=4).contains(q)) {
        if let Some(y) = number(scan, t + 1).and_then(|y| i16::try_from(y).ok()).filter(|y| (1900..=2100).contains(y)) {
            let start = gregorian(y, (rest - 1) * 3 + 1, 1)?;
            let last = gregorian(y, rest * 3, 1)?.last_of_month();
            return hit(t + 2, TimeSpan { start, end: last, precision: Precision::Quarter, inferred: false }, false);
        }
    }
    // عام 1994, في عامي 1997 و1998, منذ عام 1992, in 1994
    if matches!(w, "عام" | "سنه" | "العام" | "عامي" | "لعام" | "منذ" | "في" | "in" | "since" | "year")
    {
        let first = if is_word(scan, t + 1, &["عام", "سنه", "عامي"]) { t + 2 } else { t + 1 };
        if let Some(y0) = number(scan, first).and_then(|y| i16::try_from(y).ok()).filter(|y| (1900..=2100).contains(y))
        {
            let end = first + 1;
            let start_tok = if matches!(w, "في" | "in" | "منذ" | "since") { t + 1 } else { t };
            let value = year_value(y0, y0)?;
            return Some(DateHit { t0: start_tok, t1: end, o: span(scan, start_tok, end), value, relative: false });
        }
    }
    // Weekdays and relative days need a publication date at day precision.
    let published = published.filter(|p| p.precision == Precision::Day)?;
    let today = published.start;
    let mut j = t;
    if is_word(scan, j, &["يوم", "on"]) {
        j += 1;
    }
    if let Some((wd, after)) = scan.hit_at(j, Group::Time).and_then(|h| {
        scan.entries(h).iter().find_map(|e| if let Entry::Weekday(d) = e { Some((*d, h.t1)) } else { None })
    }) {
        let (next, past) =
            (is_word(scan, after, &["المقبل", "القادم", "next"]), is_word(scan, after, &["الماضي", "last"]));
        let current = today.weekday().to_monday_one_offset() as i64;
        let wanted = i64::from(wd);
        let delta = if next {
            (wanted - current).rem_euclid(7).max(1)
        } else if past {
            -((current - wanted).rem_euclid(7).max(1))
        } else {
            -((current - wanted).rem_euclid(7))
        };
        let date = today.checked_add(jiff::Span::new().days(delta)).ok()?;
        let end = if next || past { after + 1 } else { after };
        return hit(end, TimeSpan::day(date), true);
    }
    let delta = match w {
        "اليوم" | "today" if !is_word(scan, t.wrapping_sub(1), &["حتي", "until", "to"]) => Some(0),
        "امس" | "yesterday" => Some(-1),
        "غدا" | "tomorrow" => Some(1),
        _ => None,
    }?;
    let date = today.checked_add(jiff::Span::new().days(delta)).ok()?;
    hit(t + 1, TimeSpan::day(date), true)
}

/// The date of a dateline: a day or month date in the first two sentences, before any event
/// ("نور سلطان، 27 أيلول/سبتمبر 2021 -", "BEIJING, May 29, 2024 --", "أبوظبي، آذار/مارس 2019 (وام)").
/// Returns the date and the first token of the dateline's date expression.
pub(crate) fn dateline(scan: &Scan<'_>, dates: &[DateHit]) -> Option<(TimeSpan, usize)> {
    let first = dates.iter().find(|d| !d.relative)?;
    let sent = scan.toks.get(first.t0)?.sent;
    let s0 = scan.sents.get(sent as usize)?.t0;
    // Only a place, a weekday or punctuation may stand before a dateline's date: "جدة، الأربعاء
    // 19 يوليو 2023", "BEIJING, May 29"; prose ("أقيمت العلاقات في ...") is not a dateline.
    let looks_like_dateline = (s0..first.t0).all(|t| {
        scan.toks[t].kind == TokenKind::Punct
            || scan.hits.iter().any(|h| {
                h.t0 <= t
                    && t < h.t1
                    && scan
                        .entries(h)
                        .iter()
                        .any(|e| matches!(e, Entry::Place(_) | Entry::Country(_) | Entry::Weekday(_)))
            })
    });
    let early = sent <= 1 && first.t0 - s0 <= 6 && looks_like_dateline;
    if !early || !matches!(first.value.precision, Precision::Day | Precision::Month) {
        return None;
    }
    // "طهران، أيار/مايو 2023 - وصل ... يوم الأحد 28 أيار/مايو 2023": the lede's day refines it.
    let lede_day = dates.iter().find(|d| {
        !d.relative
            && d.value.precision == Precision::Day
            && first.value.contains(&d.value)
            && scan.toks.get(d.t0).is_some_and(|t| t.sent <= 1)
    });
    Some((lede_day.map_or(first.value, |d| d.value), first.t0))
}

/// The publication date a text implies when metadata has none: the latest date at day
/// precision that the text states (not relative), marked inferred.
pub(crate) fn infer_published(dates: &[DateHit]) -> Option<TimeSpan> {
    let latest =
        dates.iter().filter(|d| !d.relative && d.value.precision == Precision::Day).map(|d| d.value.end).max()?;
    // A text that also speaks of years well after that date (a history written later) gets none.
    let horizon = latest.checked_add(jiff::Span::new().days(366)).ok()?;
    if dates.iter().any(|d| d.value.start > horizon) {
        return None;
    }
    Some(TimeSpan { inferred: true, ..TimeSpan::day(latest) })
}
