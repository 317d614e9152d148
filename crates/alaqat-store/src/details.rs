//! What no query filters on, kept as one JSON value per document (`documents.details`, schema
//! version 2 of both backends): the ids of the entities the extraction lists, its mentions,
//! date expressions, claims, commitments, flags and diagnostics. Events stay rows of their own,
//! with indexes, because listings filter on them.
//!
//! One value instead of a row per item (thirty-odd mentions, thirty-odd entity links, a dozen
//! dates per article) is what keeps the store near the size of its texts and an ingest near
//! the speed of extraction: each row cost an insert into a table and one or two indexes.
//!
//! The value is an object of arrays of arrays, written and read only here (the migrations
//! build the same shape in SQL from the version 1 rows):
//!
//! ```json
//! {"entities": ["KAZ", "per:tokayev"],
//!  "mentions": [["KAZ", 0, 10]],                                     // entity, start, end
//!  "dates": [[12, 24, "2024-05-02", "2024-05-02", "day", false, false]],
//!                    // start, end, value start, value end, precision, inferred, relative
//!  "claims": [["trade_volume", ["KAZ", "SAU"], <claim value>, 30, 90]],
//!  "commitments": [["…", ["KAZ", "SAU"], "2026-01-01", "2026-03-31", "quarter", false, 30, 90]],
//!  "flags": ["…"], "diagnostics": ["…"]}
//! ```
//!
//! Offsets are UTF-8 byte offsets into the document's text, as everywhere in the store; a
//! claim value is the model's `ClaimValue` as serde writes it (as version 1's `claims.value`).

use alaqat_model::{Claim, ClaimValue, Commitment, DateMention, Extraction, Mention};
use serde::{Deserialize, Serialize};

use crate::codec;
use crate::error::{Error, Result};

/// A date expression: start, end, value start, value end, precision, inferred, relative.
type DateItem<S> = (i64, i64, S, S, S, bool, bool);
/// A commitment: what, parties, due start, due end, due precision, due inferred, start, end.
type CommitmentItem<S, P> = (S, P, Option<S>, Option<S>, Option<S>, Option<bool>, i64, i64);

/// The value as read back.
#[derive(Default, Deserialize)]
struct Details {
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    mentions: Vec<(String, i64, i64)>,
    #[serde(default)]
    dates: Vec<DateItem<String>>,
    #[serde(default)]
    claims: Vec<(String, Vec<String>, ClaimValue, i64, i64)>,
    #[serde(default)]
    commitments: Vec<CommitmentItem<String, Vec<String>>>,
    #[serde(default)]
    flags: Vec<String>,
    #[serde(default)]
    diagnostics: Vec<String>,
}

/// The value as written, borrowing from the extraction.
#[derive(Serialize)]
struct DetailsOut<'a> {
    entities: Vec<&'a str>,
    mentions: Vec<(&'a str, i64, i64)>,
    dates: Vec<DateItem<&'a str>>,
    claims: Vec<(&'a str, &'a [String], &'a ClaimValue, i64, i64)>,
    commitments: Vec<CommitmentItem<&'a str, &'a [String]>>,
    flags: &'a [String],
    diagnostics: &'a [String],
}

/// The details of `extraction` (a document `doc_id`'s) as the column's JSON text. Fails only
/// on an offset too large for the store ([`Error::OutOfRange`]).
pub(crate) fn encode(doc_id: &str, extraction: &Extraction) -> Result<String> {
    // Dates are written as text once, here, and borrowed by the value below.
    let date_texts: Vec<(String, String)> =
        extraction.dates.iter().map(|d| (d.value.start.to_string(), d.value.end.to_string())).collect();
    // The due dates' columns, as version 1 stored them (`codec::time_span`).
    let dues: Vec<codec::TimeSpanColumns> =
        extraction.commitments.iter().map(|c| codec::time_span(c.due.as_ref())).collect();
    let mut out = DetailsOut {
        entities: Vec::with_capacity(extraction.entities.len()),
        mentions: Vec::with_capacity(extraction.mentions.len()),
        dates: Vec::with_capacity(extraction.dates.len()),
        claims: Vec::with_capacity(extraction.claims.len()),
        commitments: Vec::with_capacity(extraction.commitments.len()),
        flags: &extraction.flags,
        diagnostics: &extraction.diagnostics,
    };
    // Each entity once, where it first appears (as version 1's unique entity links had it).
    for entity in &extraction.entities {
        if !out.entities.contains(&entity.id.as_str()) {
            out.entities.push(&entity.id);
        }
    }
    for mention in &extraction.mentions {
        let (start, end) = codec::span(doc_id, "mention span", mention.span)?;
        out.mentions.push((&mention.entity, start, end));
    }
    for (date, (value_start, value_end)) in extraction.dates.iter().zip(&date_texts) {
        let (start, end) = codec::span(doc_id, "date span", date.span)?;
        out.dates.push((
            start,
            end,
            value_start,
            value_end,
            date.value.precision.name(),
            date.value.inferred,
            date.relative,
        ));
    }
    for claim in &extraction.claims {
        let (start, end) = codec::span(doc_id, "claim evidence", claim.evidence)?;
        out.claims.push((&claim.kind, &claim.parties, &claim.value, start, end));
    }
    for (commitment, (due_start, due_end, due_precision, due_inferred)) in extraction.commitments.iter().zip(&dues) {
        let (start, end) = codec::span(doc_id, "commitment evidence", commitment.evidence)?;
        out.commitments.push((
            &commitment.what,
            &commitment.parties,
            due_start.as_deref(),
            due_end.as_deref(),
            *due_precision,
            *due_inferred,
            start,
            end,
        ));
    }
    codec::json("document details", &out)
}

/// How many mentions, date expressions, claims and commitments `extraction` has: the count
/// columns next to `details`, which the stores sum for their statistics.
pub(crate) fn counts(extraction: &Extraction) -> [i64; 4] {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    [
        count(extraction.mentions.len()),
        count(extraction.dates.len()),
        count(extraction.claims.len()),
        count(extraction.commitments.len()),
    ]
}

/// Reads the column `text` of document `doc_id` into `extraction` (mentions, dates, claims,
/// commitments, flags, diagnostics) and returns the ids of its entities, in order. Never
/// trusts the disk: anything malformed is [`Error::Corrupt`] naming the document.
pub(crate) fn decode(doc_id: &str, text: &str, extraction: &mut Extraction) -> Result<Vec<String>> {
    let details: Details = codec::read_json(&format!("document {doc_id}"), "details", text)?;
    extraction.mentions = details
        .mentions
        .into_iter()
        .map(|(entity, start, end)| Ok(Mention { entity, span: codec::read_span(doc_id, "mention span", start, end)? }))
        .collect::<Result<_>>()?;
    extraction.dates = details
        .dates
        .into_iter()
        .map(|(start, end, value_start, value_end, precision, inferred, relative)| {
            let value = codec::read_time_span(
                doc_id,
                "date value",
                Some(value_start),
                Some(value_end),
                Some(precision),
                Some(inferred),
            )?
            .ok_or_else(|| Error::corrupt(format!("document {doc_id}: a date has no value")))?;
            Ok(DateMention { span: codec::read_span(doc_id, "date span", start, end)?, value, relative })
        })
        .collect::<Result<_>>()?;
    extraction.claims = details
        .claims
        .into_iter()
        .map(|(kind, parties, value, start, end)| {
            Ok(Claim { kind, parties, value, evidence: codec::read_span(doc_id, "claim evidence", start, end)? })
        })
        .collect::<Result<_>>()?;
    extraction.commitments = details
        .commitments
        .into_iter()
        .map(|(what, parties, due_start, due_end, due_precision, due_inferred, start, end)| {
            Ok(Commitment {
                what,
                parties,
                due: codec::read_time_span(doc_id, "commitment due", due_start, due_end, due_precision, due_inferred)?,
                evidence: codec::read_span(doc_id, "commitment evidence", start, end)?,
            })
        })
        .collect::<Result<_>>()?;
    extraction.flags = details.flags;
    extraction.diagnostics = details.diagnostics;
    Ok(details.entities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alaqat_model::{Date, Money, Precision, Span, TimeSpan};

    #[test]
    fn details_round_trip_and_bad_values_name_the_document() {
        let due = TimeSpan {
            start: Date::new(2026, 1, 1).unwrap(),
            end: Date::new(2026, 3, 31).unwrap(),
            precision: Precision::Quarter,
            inferred: false,
        };
        let extraction = Extraction {
            mentions: vec![Mention { entity: "KAZ".into(), span: Span::new(0, 10) }],
            dates: vec![DateMention { span: Span::new(12, 24), value: TimeSpan::day(due.start), relative: true }],
            claims: vec![
                Claim {
                    kind: "trade_volume".into(),
                    parties: vec!["KAZ".into(), "SAU".into()],
                    value: ClaimValue::Money(Money {
                        year: Some(2024),
                        amount: 5e8,
                        currency: "USD".into(),
                        comparator: ">".into(),
                    }),
                    evidence: Span::new(30, 90),
                },
                Claim {
                    kind: "relations_established".into(),
                    parties: vec!["KAZ".into(), "SAU".into()],
                    value: ClaimValue::Date("1994-04".into()),
                    evidence: Span::new(91, 120),
                },
            ],
            commitments: vec![
                Commitment {
                    what: "مجلس أعمال".into(), parties: vec![], due: Some(due), evidence: Span::new(1, 2)
                },
                Commitment { what: "x".into(), parties: vec!["QAT".into()], due: None, evidence: Span::new(3, 4) },
            ],
            flags: vec!["no_dateline".into()],
            diagnostics: vec!["a \"quoted\" note".into()],
            ..Extraction::default()
        };
        let text = encode("d1", &extraction).unwrap();
        let mut back = Extraction::default();
        assert!(decode("d1", &text, &mut back).unwrap().is_empty());
        assert_eq!(back, extraction);

        // An entity listed twice is kept once, where it first appears.
        let kaz = alaqat_model::Entity { id: "KAZ".into(), ..alaqat_model::Entity::default() };
        let qat = alaqat_model::Entity { id: "QAT".into(), ..alaqat_model::Entity::default() };
        let twice = Extraction { entities: vec![kaz.clone(), qat, kaz], ..Extraction::default() };
        let text = encode("d4", &twice).unwrap();
        assert_eq!(decode("d4", &text, &mut Extraction::default()).unwrap(), ["KAZ", "QAT"]);

        // The column default, as a document stored before version 2 without items may have.
        let mut empty = Extraction::default();
        assert!(decode("d2", "{}", &mut empty).unwrap().is_empty());
        for bad in
            ["", "null", r#"{"mentions": [["KAZ", -1, 2]]}"#, r#"{"dates": [[0, 1, "x", "y", "day", false, false]]}"#]
        {
            let Err(error) = decode("d3", bad, &mut Extraction::default()) else { panic!("{bad} was read") };
            assert!(error.to_string().contains("d3"), "{bad}: {error}");
        }
    }
}
