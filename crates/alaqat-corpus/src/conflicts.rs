//! Contradictions between claims of different documents.

use crate::{Conflict, ConflictValue, Doc};
use alaqat_model::{ClaimValue, Date, Money};
use std::collections::BTreeMap;

/// Parses a claim date value: `1994`, `1994-04`, `1994-04-20` or `start/end` into an inclusive
/// range of days.
pub(crate) fn parse_date_value(value: &str) -> Option<(Date, Date)> {
    let value = value.trim();
    if let Some((a, b)) = value.split_once('/') {
        let (a, _) = parse_date_value(a)?;
        let (_, b) = parse_date_value(b)?;
        return (a <= b).then_some((a, b));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str| s.parse::<i16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
        [y, m] if y.len() == 4 => {
            let start = Date::new(num(y)?, i8::try_from(num(m)?).ok()?, 1).ok()?;
            Some((start, start.last_of_month()))
        }
        [y, m, d] if y.len() == 4 => {
            let day = Date::new(num(y)?, i8::try_from(num(m)?).ok()?, i8::try_from(num(d)?).ok()?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// A range of amounts with open or closed ends.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Interval {
    lo: f64,
    lo_open: bool,
    hi: f64,
    hi_open: bool,
}

impl Interval {
    fn of(m: &Money) -> Interval {
        let a = m.amount;
        match m.comparator.trim() {
            ">" => Interval { lo: a, lo_open: true, hi: f64::INFINITY, hi_open: true },
            ">=" | "≥" => Interval { lo: a, lo_open: false, hi: f64::INFINITY, hi_open: true },
            "<" => Interval { lo: f64::NEG_INFINITY, lo_open: true, hi: a, hi_open: true },
            "<=" | "≤" => Interval { lo: f64::NEG_INFINITY, lo_open: true, hi: a, hi_open: false },
            "~" => Interval { lo: a - (a * 0.1).abs(), lo_open: false, hi: a + (a * 0.1).abs(), hi_open: false },
            // "=" and anything unknown: the stated amount, up to floating point noise.
            _ => {
                let eps = a.abs() * 1e-9;
                Interval { lo: a - eps, lo_open: false, hi: a + eps, hi_open: false }
            }
        }
    }

    fn overlaps(&self, o: &Interval) -> bool {
        let (lo, lo_open) = if self.lo > o.lo || (self.lo == o.lo && self.lo_open) {
            (self.lo, self.lo_open)
        } else {
            (o.lo, o.lo_open)
        };
        let (hi, hi_open) = if self.hi < o.hi || (self.hi == o.hi && self.hi_open) {
            (self.hi, self.hi_open)
        } else {
            (o.hi, o.hi_open)
        };
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }

    fn width(&self) -> f64 {
        self.hi - self.lo
    }
}

/// Whether two money values can both be true: different years or currencies never conflict.
pub(crate) fn money_compatible(a: &Money, b: &Money) -> bool {
    a.year != b.year || a.currency != b.currency || Interval::of(a).overlaps(&Interval::of(b))
}

fn money_string(m: &Money) -> String {
    let cmp = if m.comparator.is_empty() { "=" } else { m.comparator.as_str() };
    let amount = if m.amount.fract() == 0.0 && m.amount.abs() < 1e18 {
        format!("{}", m.amount as i64)
    } else {
        format!("{}", m.amount)
    };
    match m.year {
        Some(y) => format!("{cmp}{amount} {} {y}", m.currency),
        None => format!("{cmp}{amount} {}", m.currency),
    }
}

/// One distinct stated value and the documents stating it.
struct Stated<'a> {
    text: String,
    value: &'a ClaimValue,
    docs: Vec<usize>,
}

/// Narrower values sort first (they represent their groups).
fn narrowness(v: &ClaimValue) -> f64 {
    match v {
        ClaimValue::Date(s) => parse_date_value(s).map_or(f64::MAX, |(a, b)| (b - a).get_days() as f64),
        ClaimValue::Money(m) => Interval::of(m).width(),
    }
}

/// Whether two values can both be true. Dates: when one range contains the other (unparsable
/// dates only when equal). Money: see [`money_compatible`]. A date and an amount never meet.
pub(crate) fn compatible(a: &ClaimValue, b: &ClaimValue) -> bool {
    match (a, b) {
        (ClaimValue::Date(x), ClaimValue::Date(y)) => match (parse_date_value(x), parse_date_value(y)) {
            (Some((xs, xe)), Some((ys, ye))) => (xs <= ys && ye <= xe) || (ys <= xs && xe <= ye),
            _ => x.trim() == y.trim(),
        },
        (ClaimValue::Money(x), ClaimValue::Money(y)) => money_compatible(x, y),
        _ => true,
    }
}

/// Splits the values into groups of mutually compatible values. Values are taken narrowest
/// first; each joins every existing group all of whose members it is compatible with (a coarse
/// value such as `1994` may support several precise ones), or starts a new group.
fn group<'a>(mut values: Vec<Stated<'a>>) -> Vec<Vec<Stated<'a>>> {
    values.sort_by(|a, b| narrowness(a.value).total_cmp(&narrowness(b.value)).then_with(|| a.text.cmp(&b.text)));
    let mut groups: Vec<Vec<Stated<'a>>> = Vec::new();
    for v in values {
        let fits: Vec<usize> =
            (0..groups.len()).filter(|&g| groups[g].iter().all(|m| compatible(m.value, v.value))).collect();
        if fits.is_empty() {
            groups.push(vec![v]);
        } else {
            for &g in &fits {
                groups[g].push(Stated { text: v.text.clone(), value: v.value, docs: v.docs.clone() });
            }
        }
    }
    groups
}

pub(crate) fn conflicts(docs: &[Doc<'_>]) -> Vec<Conflict> {
    // (kind, parties, money year and currency or none for dates) → value text → stated.
    type GroupKey = (String, Vec<String>, Option<(Option<i16>, String)>);
    let mut by_key: BTreeMap<GroupKey, BTreeMap<String, Stated<'_>>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for claim in &doc.extraction.claims {
            let mut parties = claim.parties.clone();
            // Recognition is directed (recognizer first); other kinds are symmetric.
            if claim.kind != "recognition" {
                parties.sort();
            }
            parties.dedup();
            let (sub, text) = match &claim.value {
                ClaimValue::Date(s) => (None, s.trim().to_owned()),
                // A figure without a year cannot contradict anything.
                ClaimValue::Money(m) if m.year.is_none() => continue,
                ClaimValue::Money(m) => (Some((m.year, m.currency.clone())), money_string(m)),
            };
            let stated = by_key
                .entry((claim.kind.clone(), parties, sub))
                .or_default()
                .entry(text.clone())
                .or_insert_with(|| Stated { text, value: &claim.value, docs: Vec::new() });
            if !stated.docs.contains(&d) {
                stated.docs.push(d);
            }
        }
    }
    let mut out = Vec::new();
    for ((kind, parties, _), values) in by_key {
        let groups = group(values.into_values().collect());
        if groups.len() < 2 {
            continue;
        }
        let mut values: Vec<ConflictValue> = groups
            .into_iter()
            .map(|g| {
                let mut documents: Vec<usize> = g.iter().flat_map(|s| s.docs.iter().copied()).collect();
                documents.sort_unstable();
                documents.dedup();
                ConflictValue { value: g[0].text.clone(), documents }
            })
            .collect();
        values.sort_by(|a, b| b.documents.len().cmp(&a.documents.len()).then_with(|| a.value.cmp(&b.value)));
        out.push(Conflict { kind, parties, values });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(amount: f64, comparator: &str) -> Money {
        Money { year: Some(2024), amount, currency: "USD".into(), comparator: comparator.into() }
    }

    #[test]
    fn parses_date_values() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(parse_date_value("1994"), Some((d("1994-01-01"), d("1994-12-31"))));
        assert_eq!(parse_date_value("1994-02"), Some((d("1994-02-01"), d("1994-02-28"))));
        assert_eq!(parse_date_value("1994-04-20"), Some((d("1994-04-20"), d("1994-04-20"))));
        assert_eq!(parse_date_value("1994-04-20/1994-04-22"), Some((d("1994-04-20"), d("1994-04-22"))));
        assert_eq!(parse_date_value("April 1994"), None);
        assert_eq!(parse_date_value("1994-13"), None);
    }

    #[test]
    fn money_ranges() {
        assert!(!money_compatible(&money(5e8, ">"), &money(3e8, "=")));
        assert!(money_compatible(&money(5e8, ">"), &money(6e8, "=")));
        assert!(!money_compatible(&money(5e8, ">"), &money(5e8, "<")));
        assert!(money_compatible(&money(1e9, "~"), &money(1.05e9, "=")));
        assert!(!money_compatible(&money(1e9, "~"), &money(1.2e9, "=")));
        assert!(money_compatible(&money(1e9, "<"), &money(5e8, ">")));
        let mut other_year = money(3e8, "=");
        other_year.year = Some(2023);
        assert!(money_compatible(&money(5e8, ">"), &other_year));
        assert_eq!(money_string(&money(5e8, ">")), ">500000000 USD 2024");
    }

    #[test]
    fn date_containment() {
        let d = |s: &str| ClaimValue::Date(s.into());
        assert!(compatible(&d("1994"), &d("1994-04-20")));
        assert!(compatible(&d("1994-04"), &d("1994")));
        assert!(!compatible(&d("1994-05"), &d("1994-04-20")));
        assert!(!compatible(&d("1992"), &d("1994")));
    }
}
