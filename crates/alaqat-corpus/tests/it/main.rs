//! Integration tests of alaqat-corpus on fixtures built in code and on the demo corpus.

mod commitments;
mod conflicts;
mod dedup;
mod fusion;

use alaqat_model::{
    Actor, Claim, ClaimValue, Commitment, Date, Document, Event, Extraction, Format, Lang, Modality, Money, Precision,
    Span, TimeSpan,
};

pub(crate) fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub(crate) fn day(s: &str) -> Option<TimeSpan> {
    Some(TimeSpan::day(date(s)))
}

pub(crate) fn range(start: &str, end: &str, precision: Precision) -> Option<TimeSpan> {
    Some(TimeSpan { start: date(start), end: date(end), precision, inferred: false })
}

pub(crate) fn document(id: &str, published: Option<TimeSpan>, text: &str) -> Document {
    Document {
        id: id.into(),
        source: format!("{id}.txt"),
        url: None,
        title: None,
        published,
        lang: Lang::Ar,
        encoding: "utf-8".into(),
        format: Format::Txt,
        text: text.into(),
    }
}

pub(crate) fn actor(country: &str, entity: Option<&str>) -> Actor {
    Actor { code: format!("{country}GOV"), country: Some(country.into()), entity: entity.map(str::to_owned) }
}

pub(crate) fn event(id: &str, code: &str, source: Actor, target: Actor, date: Option<TimeSpan>) -> Event {
    Event {
        id: id.into(),
        code: code.into(),
        plover: "CONSULT".into(),
        goldstein: 1.0,
        quad: 1,
        source,
        target,
        date,
        place: None,
        modality: Modality::Asserted,
        confidence: 0.7,
        evidence: Span::new(0, 10),
        trigger: Span::new(0, 3),
    }
}

pub(crate) fn claim(kind: &str, parties: &[&str], value: ClaimValue) -> Claim {
    Claim {
        kind: kind.into(),
        parties: parties.iter().map(|p| (*p).to_owned()).collect(),
        value,
        evidence: Span::new(0, 5),
    }
}

pub(crate) fn date_claim(value: &str) -> Claim {
    claim("relations_established", &["SAU", "KAZ"], ClaimValue::Date(value.into()))
}

pub(crate) fn money(year: i16, amount: f64, comparator: &str) -> ClaimValue {
    ClaimValue::Money(Money { year: Some(year), amount, currency: "USD".into(), comparator: comparator.into() })
}

pub(crate) fn commitment(what: &str, due: Option<TimeSpan>) -> Commitment {
    Commitment { what: what.into(), parties: vec!["KAZ".into(), "SAU".into()], due, evidence: Span::new(0, 5) }
}

/// Documents and their extractions, kept together so `Doc`s can borrow them.
pub(crate) struct Fixture {
    pub(crate) documents: Vec<Document>,
    pub(crate) extractions: Vec<Extraction>,
}

impl Fixture {
    pub(crate) fn new() -> Fixture {
        Fixture { documents: Vec::new(), extractions: Vec::new() }
    }

    pub(crate) fn add(&mut self, document: Document, extraction: Extraction) -> &mut Fixture {
        self.documents.push(document);
        self.extractions.push(extraction);
        self
    }

    pub(crate) fn docs(&self) -> Vec<alaqat_corpus::Doc<'_>> {
        self.documents
            .iter()
            .zip(&self.extractions)
            .map(|(document, extraction)| alaqat_corpus::Doc { document, extraction })
            .collect()
    }
}
