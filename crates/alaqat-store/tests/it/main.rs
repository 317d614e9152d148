//! Integration tests of the store through its public API only, run against SQLite always and
//! PostgreSQL when `ALAQAT_TEST_POSTGRES` is set (see `backend.rs`).

mod backend;
mod check;
mod compat;
mod concurrent;
mod open;
#[cfg(feature = "postgres")]
mod pg;
mod props;
mod put;

use alaqat_model::{
    Actor, Claim, ClaimValue, Commitment, Date, DateMention, Document, Entity, EntityKind, Event, Extraction, Format,
    Lang, Mention, Modality, Money, Precision, Span, TimeSpan,
};

/// A short Arabic report written for these tests (not taken from the seeds).
const TEXT: &str = "زار رئيس كازاخستان قاسم جومارت توكاييف الرياض يوم الأربعاء 25 سبتمبر 2024، \
وأعلن الجانبان أن حجم التبادل التجاري تجاوز 500 مليون دولار في عام 2024، \
واتفقا على إنشاء مجلس أعمال مشترك قبل نهاية 2025. وتعود العلاقات بين البلدين إلى عام 1994.";

/// The span of the first occurrence of `needle` in [`TEXT`].
fn span_of(needle: &str) -> Span {
    let start = TEXT.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in TEXT"));
    Span::new(start, start + needle.len())
}

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).expect("valid test date")
}

fn year(y: i16) -> TimeSpan {
    TimeSpan { start: date(y, 1, 1), end: date(y, 12, 31), precision: Precision::Year, inferred: false }
}

/// A document with the given id and text and no extraction.
fn document(id: &str, text: &str) -> Document {
    Document {
        id: id.to_owned(),
        source: format!("corpus/{id}.txt"),
        url: None,
        title: None,
        published: None,
        lang: Lang::Ar,
        encoding: "utf-8".to_owned(),
        format: Format::Txt,
        text: text.to_owned(),
    }
}

fn tokayev() -> Entity {
    Entity {
        id: "per:tokayev".to_owned(),
        kind: Some(EntityKind::Person),
        name_ar: Some("قاسم جومارت توكاييف".to_owned()),
        name_en: Some("Kassym-Jomart Tokayev".to_owned()),
        country: Some("KAZ".to_owned()),
        role: Some("رئيس كازاخستان".to_owned()),
        sector: Some("GOV".to_owned()),
        variants: vec!["توكاييف".to_owned()],
    }
}

/// A document with an extraction that uses every field of the model.
fn full_sample(id: &str) -> (Document, Extraction) {
    let document = Document {
        id: id.to_owned(),
        source: "https://example.org/news/kaz-sau".to_owned(),
        url: Some("https://example.org/news/kaz-sau".to_owned()),
        title: Some("توكاييف في الرياض".to_owned()),
        published: Some(TimeSpan::day(date(2024, 9, 26))),
        lang: Lang::Mixed,
        encoding: "windows-1256".to_owned(),
        format: Format::Html,
        text: TEXT.to_owned(),
    };
    let riyadh = Entity {
        id: "plc:riyadh".to_owned(),
        kind: Some(EntityKind::Place),
        name_ar: Some("الرياض".to_owned()),
        country: Some("SAU".to_owned()),
        ..Entity::default()
    };
    let visit_date =
        TimeSpan { start: date(2024, 9, 25), end: date(2024, 9, 25), precision: Precision::Day, inferred: false };
    let sentence = Span::new(0, TEXT.find('،').expect("comma in TEXT"));
    let extraction = Extraction {
        entities: vec![tokayev(), riyadh],
        mentions: vec![
            Mention { entity: "per:tokayev".to_owned(), span: span_of("قاسم جومارت توكاييف") },
            Mention { entity: "plc:riyadh".to_owned(), span: span_of("الرياض") },
        ],
        dates: vec![
            DateMention { span: span_of("الأربعاء"), value: visit_date, relative: true },
            DateMention { span: span_of("25 سبتمبر 2024"), value: visit_date, relative: false },
            DateMention { span: span_of("1994"), value: year(1994), relative: false },
        ],
        events: vec![
            Event {
                id: "e1".to_owned(),
                code: "042".to_owned(),
                plover: "CONSULT".to_owned(),
                goldstein: 1.9,
                quad: 1,
                source: Actor {
                    code: "KAZGOV".to_owned(),
                    country: Some("KAZ".to_owned()),
                    entity: Some("per:tokayev".to_owned()),
                },
                target: Actor { code: "SAU".to_owned(), country: Some("SAU".to_owned()), entity: None },
                date: Some(visit_date),
                place: Some("plc:riyadh".to_owned()),
                modality: Modality::Asserted,
                confidence: 0.9,
                evidence: sentence,
                trigger: span_of("زار"),
            },
            Event {
                id: "e2".to_owned(),
                code: "043".to_owned(),
                plover: "CONSULT".to_owned(),
                goldstein: 2.8,
                quad: 1,
                // An actor whose country the text does not give reads back as none.
                source: Actor { code: "---CVL".to_owned(), country: None, entity: None },
                target: Actor { code: "KAZGOV".to_owned(), country: Some("KAZ".to_owned()), entity: None },
                date: None,
                place: None,
                modality: Modality::Expected,
                confidence: 0.55,
                evidence: sentence,
                trigger: span_of("زار"),
            },
        ],
        claims: vec![
            Claim {
                kind: "relations_established".to_owned(),
                parties: vec!["KAZ".to_owned(), "SAU".to_owned()],
                value: ClaimValue::Date("1994".to_owned()),
                evidence: span_of("وتعود العلاقات بين البلدين إلى عام 1994"),
            },
            Claim {
                kind: "trade_volume".to_owned(),
                parties: vec!["KAZ".to_owned(), "SAU".to_owned()],
                value: ClaimValue::Money(Money {
                    year: Some(2024),
                    amount: 500_000_000.0,
                    currency: "USD".to_owned(),
                    comparator: ">".to_owned(),
                }),
                evidence: span_of("حجم التبادل التجاري تجاوز 500 مليون دولار"),
            },
        ],
        commitments: vec![
            Commitment {
                what: "إنشاء مجلس أعمال مشترك".to_owned(),
                parties: vec!["KAZ".to_owned(), "SAU".to_owned()],
                due: Some(TimeSpan { inferred: true, ..year(2025) }),
                evidence: span_of("واتفقا على إنشاء مجلس أعمال مشترك قبل نهاية 2025"),
            },
            Commitment {
                what: "زيارة مقبلة".to_owned(),
                parties: vec!["SAU".to_owned()],
                due: None,
                evidence: Span::new(0, 0),
            },
        ],
        flags: vec!["code_switching".to_owned(), "date_mismatch".to_owned()],
        inferred_published: Some(TimeSpan { inferred: true, ..TimeSpan::day(date(2024, 9, 26)) }),
        diagnostics: vec!["لم يُعرف مكان الحدث e2".to_owned(), "no date for e2".to_owned()],
    };
    (document, extraction)
}

fn at(rfc3339: &str) -> jiff::Timestamp {
    rfc3339.parse().expect("valid test timestamp")
}
