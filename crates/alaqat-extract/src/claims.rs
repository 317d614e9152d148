//! Claims: typed facts a source states and another may contradict — when diplomatic relations
//! were established, who recognized whom when, the trade volume of a dyad in a year.

use alaqat_model::{Claim, ClaimValue, Event, Money};
use alaqat_text::TokenKind;

use crate::dates::DateHit;
use crate::entities::{Kind, Mention};
use crate::events::Dyad;
use crate::lexicon::{Entry, Group, COMPARATORS};
use crate::scan::Scan;

/// Phrases that name diplomatic relations (normalized key words, matched as a token sequence).
const RELATIONS: [&[&str]; 4] =
    [&["علاقات", "دبلوماسيه"], &["العلاقات", "الدبلوماسيه"], &["بعلاقات", "دبلوماسيه"], &["diplomatic", "relations"]];
/// Phrases that name the volume of trade.
const TRADE: [&[&str]; 6] = [
    &["التبادل", "التجاري"],
    &["حجم", "التجاره"],
    &["التجاره", "البينيه"],
    &["trade", "volume"],
    &["bilateral", "trade"],
    &["trade", "between"],
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
        let here: Vec<&DateHit> = dates.iter().filter(|d| d.t0 >= sent.t0 && d.t0 < sent.t1 && !d.relative).collect();
        let parties = || parties(mentions, sent.t0, sent.t1, dyad);
        if has(&RELATIONS) {
            // The earliest date stated: "since 1992", "in April 1994", "dating back to 1994".
            if let (Some(d), Some(p)) = (here.iter().min_by_key(|d| d.value.start), parties()) {
                claims.push(Claim {
                    kind: "relations_established".into(),
                    parties: p,
                    value: ClaimValue::Date(d.value.value_string()),
                    evidence: sent.o,
                });
            }
        }
        if has(&TRADE) {
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
    for e in events.iter().filter(|e| e.code == "054" && e.date.is_some()) {
        let word = scan.slice(e.trigger);
        if !(word.contains("اعترف")
            || word.contains("الاعتراف")
            || word.contains("اعتراف")
            || word.to_lowercase().contains("recogni"))
        {
            continue;
        }
        if let Some(d) = e.date {
            claims.push(Claim {
                kind: "recognition".into(),
                parties: vec![e.source.country.clone(), e.target.country.clone()],
                value: ClaimValue::Date(d.value_string()),
                evidence: e.evidence,
            });
        }
    }
    claims
}

/// The two countries a sentence names, else the document's dyad completed by the one it names.
fn parties(mentions: &[Mention], t0: usize, t1: usize, dyad: &Dyad) -> Option<Vec<String>> {
    let mut found: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| {
        m.t0 >= t0 && m.t0 < t1 && matches!(m.kind, Kind::Country | Kind::Adjective | Kind::Capital | Kind::Person)
    }) {
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

/// `[comparator] NUMBER [scale] CURRENCY`, with the year from a date in the sentence.
fn amount(scan: &Scan<'_>, t0: usize, t1: usize, dates: &[&DateHit]) -> Option<Money> {
    for t in t0..t1 {
        if scan.toks[t].kind != TokenKind::Number || dates.iter().any(|d| d.t0 <= t && t < d.t1) {
            continue;
        }
        let Ok(mut value) = scan.word(t).replace(',', "").parse::<f64>() else { continue };
        let mut j = t + 1;
        let entries_at = |j: usize| scan.hit_at(j, Group::Number).map(|h| (h, scan.entries(h)));
        if let Some((h, es)) = entries_at(j) {
            if let Some(scale) = es.iter().find_map(|e| if let Entry::Scale(s) = e { Some(*s) } else { None }) {
                value *= scale;
                j = h.t1;
            }
        }
        let Some(currency) = entries_at(j)
            .and_then(|(_, es)| es.iter().find_map(|e| if let Entry::Currency(c) = e { Some(*c) } else { None }))
        else {
            continue;
        };
        // A comparator just before the number: أكثر من، نحو، more than.
        let comparator = scan
            .hits
            .iter()
            .filter(|h| h.group == Group::Number && h.t1 == t)
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
