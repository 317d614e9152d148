//! Claims: typed facts a source states and another may contradict — when diplomatic relations
//! were established, who recognized whom when, the trade volume of a dyad in a year.

use alaqat_model::{Claim, ClaimValue, Event, Money};
use alaqat_text::TokenKind;

use crate::dates::DateHit;
use crate::entities::{Kind, Mention};
use crate::events::Dyad;
use crate::lexicon::{Entry, Group, COMPARATORS};
use crate::scan::{in_tokens, Scan};

/// Phrases that name diplomatic relations (normalized key words, matched as a token sequence).
const RELATIONS: &[&[&str]] = &[
    &["علاقات", "دبلوماسيه"],
    &["العلاقات", "الدبلوماسيه"],
    &["بعلاقات", "دبلوماسيه"],
    &["علاقاتهما", "الدبلوماسيه"],
    &["علاقاتها", "الدبلوماسيه"],
    &["diplomatic", "relations"],
    &["diplomatic", "ties"],
];
/// Phrases that name the volume of trade.
const TRADE: &[&[&str]] = &[
    &["التبادل", "التجاري"],
    &["حجم", "التجاره"],
    &["التجاره", "البينيه"],
    &["trade", "volume"],
    &["bilateral", "trade"],
    &["trade", "between"],
    &["trade", "reached"],
];

pub(crate) fn find(
    scan: &Scan<'_>,
    mentions: &[Mention],
    dates: &[DateHit],
    events: &[Event],
    dyad: &Dyad,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sent in &scan.sents {
        let words: Vec<&str> = (sent.t0..sent.t1).map(|t| scan.word(t)).collect();
        let has = |phrases: &[&[&str]]| phrases.iter().any(|p| words.windows(p.len()).any(|w| w == *p));
        let here: Vec<&DateHit> = in_tokens(dates, sent.t0, sent.t1, |d| d.t0).iter().filter(|d| !d.relative).collect();
        let parties = || parties(mentions, sent.t0, sent.t1, dyad);
        if has(RELATIONS) {
            if let (Some(d), Some(p)) = (earliest(&here), parties()) {
                claims.push(Claim {
                    kind: "relations_established".into(),
                    parties: p,
                    value: ClaimValue::Date(d.value.value_string()),
                    evidence: sent.o,
                });
            }
        }
        if has(TRADE) {
            if let (Some(money), Some(p)) = (amount(scan, sent.t0, sent.t1, &here), parties()) {
                claims.push(Claim {
                    kind: "trade_volume".into(),
                    parties: p,
                    value: ClaimValue::Money(money),
                    evidence: sent.o,
                });
            }
        }
    }
    // A dated recognition event is also a claim about when recognition happened.
    for e in events.iter().filter(|e| e.code == "054") {
        let word = scan.slice(e.trigger);
        let recognition = ["اعترف", "الاعتراف", "اعتراف", "recogni"].iter().any(|w| word.to_lowercase().contains(w));
        if let (true, Some(d), Some(a), Some(b)) = (recognition, e.date, e.source.country(), e.target.country()) {
            claims.push(Claim {
                kind: "recognition".into(),
                parties: vec![a.to_string(), b.to_string()],
                value: ClaimValue::Date(d.value_string()),
                evidence: e.evidence,
            });
        }
    }
    claims
}

/// The earliest date a sentence states ("since 1992", "dating back to 1994"), at the finest
/// precision given for it: "in 1994, on 20 April" is 1994-04-20.
fn earliest<'d>(dates: &[&'d DateHit]) -> Option<&'d DateHit> {
    let first = dates.iter().min_by_key(|d| d.value.start)?;
    dates
        .iter()
        .filter(|d| first.value.contains(&d.value))
        .min_by_key(|d| (d.value.end - d.value.start).get_days())
        .copied()
}

/// The two countries a sentence names, else the document's dyad completed by the one it names.
fn parties(mentions: &[Mention], t0: usize, t1: usize, dyad: &Dyad) -> Option<Vec<String>> {
    let mut found: Vec<String> = Vec::new();
    for m in in_tokens(mentions, t0, t1, |m| m.t0)
        .iter()
        .filter(|m| matches!(m.kind, Kind::Country | Kind::Adjective | Kind::Capital | Kind::Person))
    {
        if let Some(c) = m.country.as_ref().filter(|c| !c.starts_with("IGO")) {
            if !found.contains(c) {
                found.push(c.clone());
            }
        }
    }
    if found.len() < 2 {
        let (a, b) = dyad.clone()?;
        match found.first() {
            Some(c) if *c == a => found.push(b),
            Some(c) if *c == b => found.push(a),
            Some(_) => return None,
            None => found = vec![a, b],
        }
    }
    found.truncate(2);
    found.sort();
    Some(found)
}

fn entry_at(scan: &Scan<'_>, t: usize, pick: impl Fn(&Entry) -> Option<f64>) -> Option<(f64, usize)> {
    let h = scan.hit_at(t, Group::Number)?;
    scan.entries(h).iter().find_map(&pick).map(|v| (v, h.t1))
}

fn currency_at(scan: &Scan<'_>, t: usize) -> Option<(u16, usize)> {
    let h = scan.hit_at(t, Group::Number)?;
    scan.entries(h).iter().find_map(|e| if let Entry::Currency(c) = e { Some((*c, h.t1)) } else { None })
}

/// `[comparator] [currency] NUMBER|number-word [scale] [currency]`, with the year from a date in
/// the sentence: أكثر من 500 مليون دولار, نحو مئة مليار دولار, more than $1.2 billion.
fn amount(scan: &Scan<'_>, t0: usize, t1: usize, dates: &[&DateHit]) -> Option<Money> {
    for t in t0..t1 {
        if dates.iter().any(|d| d.t0 <= t && t < d.t1) {
            continue;
        }
        let (mut value, mut j) = if scan.toks[t].kind == TokenKind::Number {
            let Ok(v) = scan.word(t).replace(',', "").parse::<f64>() else { continue };
            (v, t + 1)
        } else if let Some(found) = entry_at(scan, t, |e| if let Entry::Small(v) = e { Some(*v) } else { None }) {
            found
        } else {
            continue;
        };
        let mut currency = t.checked_sub(1).and_then(|p| currency_at(scan, p)).map(|(c, _)| c);
        if let Some((scale, next)) = entry_at(scan, j, |e| if let Entry::Scale(s) = e { Some(*s) } else { None }) {
            value *= scale;
            j = next;
        }
        if let Some((c, _)) = currency_at(scan, j) {
            currency = Some(c);
        }
        let Some(currency) = currency else { continue };
        // A comparator just before the amount: أكثر من، نحو، more than.
        let lead = if t > 0 && currency_at(scan, t - 1).is_some() { t - 1 } else { t };
        let comparator = scan
            .hits
            .iter()
            .filter(|h| h.group == Group::Number && h.t1 == lead)
            .find_map(|h| {
                scan.entries(h).iter().find_map(|e| {
                    if let Entry::Comparator(c) = e {
                        Some(COMPARATORS[*c as usize])
                    } else {
                        None
                    }
                })
            })
            .unwrap_or("=");
        let year = dates.iter().find(|d| d.value.start.year() == d.value.end.year()).map(|d| d.value.start.year());
        return Some(Money {
            year,
            amount: value,
            currency: scan.lex.currencies[currency as usize].clone(),
            comparator: comparator.to_string(),
        });
    }
    None
}
