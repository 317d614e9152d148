use crate::{claim, date_claim, document, money, Fixture};
use alaqat_corpus::{analyze, ConflictValue};
use alaqat_model::{ClaimValue, Date, Extraction};

fn as_of() -> Date {
    "2026-01-01".parse().unwrap()
}

fn with_claims(claims: Vec<alaqat_model::Claim>) -> Extraction {
    Extraction { claims, ..Extraction::default() }
}

fn fixture(claims: Vec<Vec<alaqat_model::Claim>>) -> Fixture {
    let mut fx = Fixture::new();
    for (i, c) in claims.into_iter().enumerate() {
        fx.add(document(&format!("d{i}"), None, "نص"), with_claims(c));
    }
    fx
}

/// The gold example: 1994 and 1994-04-20 agree with each other, 1992 contradicts both.
#[test]
fn relations_established_1994_against_1992() {
    let fx = fixture(vec![vec![date_claim("1994")], vec![date_claim("1994-04-20")], vec![date_claim("1992")]]);
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.conflicts.len(), 1);
    let c = &corpus.conflicts[0];
    assert_eq!(c.kind, "relations_established");
    assert_eq!(c.parties, vec!["KAZ", "SAU"]);
    assert_eq!(
        c.values,
        vec![
            ConflictValue { value: "1994-04-20".into(), documents: vec![0, 1] },
            ConflictValue { value: "1992".into(), documents: vec![2] },
        ]
    );
}

#[test]
fn compatible_precisions_are_no_conflict() {
    let fx = fixture(vec![
        vec![date_claim("1994")],
        vec![date_claim("1994-04")],
        vec![date_claim("1994-04-20")],
        vec![date_claim("1994-04-20")],
    ]);
    assert!(analyze(&fx.docs(), as_of()).conflicts.is_empty());
}

#[test]
fn a_coarse_value_supports_every_group_it_contains() {
    let fx = fixture(vec![vec![date_claim("1994")], vec![date_claim("1994-04-20")], vec![date_claim("1994-05")]]);
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.conflicts.len(), 1);
    let values = &corpus.conflicts[0].values;
    assert_eq!(values.len(), 2);
    assert!(values.iter().all(|v| v.documents.contains(&0)));
    let all: std::collections::BTreeSet<usize> = values.iter().flat_map(|v| v.documents.iter().copied()).collect();
    assert_eq!(all.len(), 3, "every document that made a claim is listed");
}

#[test]
fn different_parties_or_kinds_never_conflict() {
    let other = claim("relations_established", &["SAU", "UZB"], ClaimValue::Date("1992".into()));
    let kind = claim("embassy_opened", &["KAZ", "SAU"], ClaimValue::Date("1992".into()));
    let fx = fixture(vec![vec![date_claim("1994")], vec![other, kind]]);
    assert!(analyze(&fx.docs(), as_of()).conflicts.is_empty());
}

#[test]
fn parties_are_compared_sorted() {
    let reversed = claim("relations_established", &["KAZ", "SAU"], ClaimValue::Date("1992".into()));
    let fx = fixture(vec![vec![date_claim("1994")], vec![reversed]]);
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.conflicts.len(), 1);
    assert_eq!(corpus.conflicts[0].parties, vec!["KAZ", "SAU"]);
}

#[test]
fn trade_volumes_conflict_only_when_ranges_cannot_meet() {
    let trade = |v: ClaimValue| claim("trade_volume", &["ARE", "KAZ"], v);
    // More than 500 million against exactly 300 million, same year and currency.
    let fx = fixture(vec![vec![trade(money(2024, 5e8, ">"))], vec![trade(money(2024, 3e8, "="))]]);
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.conflicts.len(), 1);
    let values: Vec<&str> = corpus.conflicts[0].values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, vec!["=300000000 USD 2024", ">500000000 USD 2024"]);

    // About a billion (±10%) and 1.05 billion agree; other years never meet.
    let fx = fixture(vec![
        vec![trade(money(2024, 1e9, "~"))],
        vec![trade(money(2024, 1.05e9, "="))],
        vec![trade(money(2023, 3e8, "="))],
        vec![trade(money(2024, 6e8, ">"))],
    ]);
    assert!(analyze(&fx.docs(), as_of()).conflicts.is_empty());
}

#[test]
fn one_document_repeating_a_value_counts_once() {
    let fx =
        fixture(vec![vec![date_claim("1992"), date_claim("1992")], vec![date_claim("1994")], vec![date_claim("1994")]]);
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.conflicts[0].values[0], ConflictValue { value: "1994".into(), documents: vec![1, 2] });
    assert_eq!(corpus.conflicts[0].values[1], ConflictValue { value: "1992".into(), documents: vec![0] });
}
