//! Helpers shared by the modules: running extraction, slicing spans, finding items, and the
//! reviewer-readable rendering used by the snapshots.

use std::fmt::Write as _;

use alaqat_extract::extract_text;
use alaqat_model::{Claim, ClaimValue, Date, Event, Extraction, Money, Span, TimeSpan};
use alaqat_text::CharIndex;

/// Extracts from `text` with no publication date.
pub(crate) fn run(text: &str) -> Extraction {
    extract_text(text, None)
}

/// Extracts from `text` published on the day `published` (`"2025-12-18"`).
pub(crate) fn run_on(text: &str, published: &str) -> Extraction {
    extract_text(text, Some(TimeSpan::day(day(published))))
}

/// A date from `YYYY-MM-DD`.
pub(crate) fn day(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("bad fixture date {s:?}: {e}"))
}

/// The text a span covers; panics with a `help:` when the span is off the text or off char
/// boundaries.
pub(crate) fn slice(text: &str, span: Span) -> &str {
    span.slice(text).unwrap_or_else(|| {
        panic!(
            "span {span:?} is outside the text ({} bytes) or not on char boundaries\n\
             help: spans come from alaqat_text offsets mapped back in src/scan.rs",
            text.len()
        )
    })
}

/// A time span rendered as `start..end precision`.
pub(crate) fn show_span(v: &TimeSpan) -> String {
    let inferred = if v.inferred { " inferred" } else { "" };
    format!("{}..{} {}{inferred}", v.start, v.end, v.precision.name())
}

/// `(text, value)` for every date mention, for assertion messages.
pub(crate) fn date_texts<'t>(text: &'t str, x: &Extraction) -> Vec<(&'t str, String)> {
    x.dates.iter().map(|d| (slice(text, d.span), show_span(&d.value))).collect()
}

/// The date mention whose text is exactly `needle`.
pub(crate) fn date_of(text: &str, x: &Extraction, needle: &str) -> TimeSpan {
    x.dates.iter().find(|d| slice(text, d.span) == needle).map(|d| d.value).unwrap_or_else(|| {
        panic!(
            "no date mention covering exactly {needle:?}; dates: {:?}\n\
             help: date patterns live in src/dates.rs, month and weekday names in data/months.tsv, data/weekdays.tsv",
            date_texts(text, x)
        )
    })
}

/// Asserts a date value: first and last day and precision name.
pub(crate) fn assert_date(v: &TimeSpan, start: &str, end: &str, precision: &str) {
    assert_eq!(
        (v.start, v.end, v.precision.name()),
        (day(start), day(end), precision),
        "help: date resolution lives in src/dates.rs"
    );
}

/// `(entity, text)` for every mention.
pub(crate) fn mention_texts<'t>(text: &'t str, x: &Extraction) -> Vec<(String, &'t str)> {
    x.mentions.iter().map(|m| (m.entity.clone(), slice(text, m.span))).collect()
}

/// The texts of the mentions of `entity`.
pub(crate) fn mentions_of<'t>(text: &'t str, x: &Extraction, entity: &str) -> Vec<&'t str> {
    x.mentions.iter().filter(|m| m.entity == entity).map(|m| slice(text, m.span)).collect()
}

/// Asserts that `entity` is mentioned exactly as `expected` (in text order).
pub(crate) fn assert_mentions(text: &str, x: &Extraction, entity: &str, expected: &[&str], help: &str) {
    assert_eq!(
        mentions_of(text, x, entity),
        expected,
        "mentions of {entity}; all mentions: {:?}\nhelp: {help}",
        mention_texts(text, x)
    );
}

/// Ids of the person entities.
pub(crate) fn person_ids(x: &Extraction) -> Vec<&str> {
    x.entities.iter().filter(|e| e.id.starts_with("per:")).map(|e| e.id.as_str()).collect()
}

/// The events with CAMEO `code`.
pub(crate) fn events_with<'x>(x: &'x Extraction, code: &str) -> Vec<&'x Event> {
    x.events.iter().filter(|e| e.code == code).collect()
}

/// Events as readable lines, for assertion messages.
pub(crate) fn event_lines(text: &str, x: &Extraction) -> Vec<String> {
    x.events.iter().map(|e| event_line(text, e)).collect()
}

/// The one event with `code` from country `source` to country `target`.
pub(crate) fn the_event<'x>(text: &str, x: &'x Extraction, code: &str, source: &str, target: &str) -> &'x Event {
    let found: Vec<&Event> = x
        .events
        .iter()
        .filter(|e| e.code == code && e.source.country() == Some(source) && e.target.country() == Some(target))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {code} {source}→{target}; events: {:#?}\n\
         help: triggers are in data/triggers.tsv, actor rules in src/events.rs",
        event_lines(text, x)
    );
    found[0]
}

/// Asserts there is no event with `code` at all.
pub(crate) fn assert_no_event(text: &str, x: &Extraction, code: &str) {
    assert!(
        events_with(x, code).is_empty(),
        "unexpected {code} event; events: {:#?}\nhelp: triggers are in data/triggers.tsv (role `block` stops a word \
         that contains one), actor rules in src/events.rs",
        event_lines(text, x)
    );
}

/// The claims of `kind`.
pub(crate) fn claims_of<'x>(x: &'x Extraction, kind: &str) -> Vec<&'x Claim> {
    x.claims.iter().filter(|c| c.kind == kind).collect()
}

/// The one claim of `kind`.
pub(crate) fn the_claim<'x>(x: &'x Extraction, kind: &str) -> &'x Claim {
    let found = claims_of(x, kind);
    assert_eq!(
        found.len(),
        1,
        "expected one {kind} claim; claims: {:#?}\nhelp: claim rules are in src/claims.rs",
        x.claims
    );
    found[0]
}

/// A claim's money value.
pub(crate) fn money(c: &Claim) -> &Money {
    match &c.value {
        ClaimValue::Money(m) => m,
        ClaimValue::Date(d) => panic!("claim {} has a date {d:?}, not money\nhelp: src/claims.rs", c.kind),
    }
}

// ---------------------------------------------------------------------------------------
// Rendering

fn event_line(text: &str, e: &Event) -> String {
    let date = e.date.as_ref().map_or("-".to_string(), |d| {
        let precision = d.precision.name();
        if d.start == d.end {
            format!("{} {precision}", d.start)
        } else {
            format!("{}..{} {precision}", d.start, d.end)
        }
    });
    let place = e.place.as_deref().map(|p| format!(" at {p}")).unwrap_or_default();
    let source = e.source.entity.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
    let target = e.target.entity.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
    format!(
        "{} {} {}{source}→{}{target} {date} {}{place}  trigger «{}»",
        e.id,
        e.code,
        e.source.code,
        e.target.code,
        e.modality.name(),
        slice(text, e.trigger)
    )
}

fn claim_value(c: &Claim) -> String {
    match &c.value {
        ClaimValue::Date(d) => d.clone(),
        ClaimValue::Money(m) => {
            let year = m.year.map(|y| format!(" in {y}")).unwrap_or_default();
            format!("{} {} {}{year}", m.comparator, m.amount, m.currency)
        }
    }
}

/// One line per item, offsets in Unicode code points:
///
/// ```text
/// mention  KAZ  [120..138]  كازاخستان
/// date  1994-09-25..1994-09-28 day  [..]  25-28 سبتمبر 1994
/// event  e1 042 KAZGOV→SAU 1994-09-25..1994-09-28 day asserted  trigger «زيارة»  [..]
/// claim  relations_established KAZ,SAU 1994-04-20  [..]
/// ```
pub(crate) fn render(text: &str, x: &Extraction) -> String {
    let chars = CharIndex::new(text);
    let at = |s: Span| format!("[{}..{}]", chars.char_of(s.start), chars.char_of(s.end));
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let published = x.inferred_published.as_ref().map_or("-".to_string(), show_span);
    let _ = writeln!(out, "inferred_published  {published}");
    for e in &x.entities {
        let kind = e.kind.map_or("?", |k| k.name());
        let country = e.country.as_deref().unwrap_or("-");
        let role = e.role.as_deref().map(|r| format!("  ({r})")).unwrap_or_default();
        let name = e.name_ar.as_deref().or(e.name_en.as_deref()).unwrap_or("");
        let _ = writeln!(out, "entity  {}  {kind} {country}  {name}{role}", e.id);
    }
    for m in &x.mentions {
        let _ = writeln!(out, "mention  {}  {}  {}", m.entity, at(m.span), one_line(slice(text, m.span)));
    }
    for d in &x.dates {
        let relative = if d.relative { " relative" } else { "" };
        let _ =
            writeln!(out, "date  {}{relative}  {}  {}", show_span(&d.value), at(d.span), one_line(slice(text, d.span)));
    }
    for e in &x.events {
        let _ = writeln!(out, "event  {}  evidence {}", event_line(text, e), at(e.evidence));
    }
    for c in &x.claims {
        let _ =
            writeln!(out, "claim  {} {} {}  evidence {}", c.kind, c.parties.join(","), claim_value(c), at(c.evidence));
    }
    out
}
