//! The public JSON shapes of alaqat (SPEC.md, "Export contract", read by
//! `shared/eval/score.py`) and their conversion from the domain types; the API serves them too.
//!
//! These DTOs are the contract: fields may be added, none removed or renamed without updating
//! the scorer. They are built by hand from `alaqat_model` types, so a change in the model
//! cannot silently change the export. All offsets are converted here, once, from the UTF-8
//! byte offsets used inside the pipeline to Unicode code points of the document text (one
//! `CharIndex` per document); every `text` field is the covered slice of the original text.
//!
//! In a corpus (an [`Analysis`]) each event carries its `fused` id (and a date filled from the
//! fused event when its own is missing or vaguer) and each commitment its `status` as of the
//! analysis's date.

use alaqat_corpus::{CommitmentStatus, Conflict, FusedEvent};
use alaqat_model::{
    Actor, ClaimValue, Commitment, DateMention, Document, Entity, Event, Extraction, Mention, Span, TimeSpan,
};
use alaqat_store::StoredDocument;
use alaqat_text::CharIndex;
use serde::Serialize;

use crate::analysis::Analysis;

/// True when `document` with `extraction` is the document `analysed` was read from, with the
/// same events and commitments (what an analysis's results are indexed by).
pub fn same_items(analysed: &StoredDocument, document: &Document, extraction: &Extraction) -> bool {
    let (a, s) = (&analysed.extraction, extraction);
    analysed.document.id == document.id
        && a.events.len() == s.events.len()
        && a.events.iter().zip(&s.events).all(|(x, y)| x.id == y.id)
        && a.commitments.len() == s.commitments.len()
}

/// Claims of different documents that cannot all be true.
#[derive(Serialize)]
pub struct ConflictOut<'a> {
    kind: &'a str,
    parties: &'a [String],
    values: Vec<ConflictValueOut<'a>>,
}

#[derive(Serialize)]
struct ConflictValueOut<'a> {
    value: &'a str,
    /// The `source` of each document stating the value.
    documents: Vec<&'a str>,
}

impl<'a> ConflictOut<'a> {
    pub fn new(conflict: &'a Conflict, analysis: &'a Analysis) -> ConflictOut<'a> {
        ConflictOut {
            kind: &conflict.kind,
            parties: &conflict.parties,
            values: conflict
                .values
                .iter()
                .map(|v| {
                    let mut documents: Vec<&str> = v.documents.iter().map(|&d| analysis.source(d)).collect();
                    documents.dedup();
                    ConflictValueOut { value: &v.value, documents }
                })
                .collect(),
        }
    }
}

/// One real-world event fused from the events of one or more documents.
#[derive(Serialize)]
pub struct FusedOut<'a> {
    id: &'a str,
    code: &'a str,
    plover: &'a str,
    goldstein: f32,
    quad: u8,
    source: ActorOut<'a>,
    target: ActorOut<'a>,
    date: Option<DateOut>,
    place: Option<&'a str>,
    modality: &'static str,
    /// Distinct documents reporting it.
    sources: usize,
    members: Vec<MemberOut<'a>>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    /// The document's `source`.
    document: &'a str,
    /// The event's id within that document.
    event: &'a str,
}

impl<'a> FusedOut<'a> {
    pub fn new(fused: &'a FusedEvent, analysis: &'a Analysis) -> FusedOut<'a> {
        FusedOut {
            id: &fused.id,
            code: &fused.code,
            plover: &fused.plover,
            goldstein: fused.goldstein,
            quad: fused.quad,
            source: ActorOut::from(&fused.source),
            target: ActorOut::from(&fused.target),
            date: fused.date.as_ref().map(DateOut::new),
            place: fused.place.as_deref(),
            modality: fused.modality.name(),
            sources: Analysis::distinct_documents(fused),
            members: fused
                .members
                .iter()
                .filter_map(|&(d, e)| {
                    let stored = analysis.stored.get(d)?;
                    let event = stored.extraction.events.get(e)?;
                    Some(MemberOut { document: &stored.document.source, event: &event.id })
                })
                .collect(),
        }
    }
}

/// One exported document with its extraction.
#[derive(Serialize)]
pub struct DocumentOut<'a> {
    id: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<DateOut>,
    lang: &'static str,
    encoding: &'a str,
    format: &'static str,
    flags: &'a [String],
    mentions: Vec<MentionOut<'a>>,
    dates: Vec<DateMentionOut<'a>>,
    events: Vec<EventOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    commitments: Vec<CommitmentOut<'a>>,
}

impl<'a> DocumentOut<'a> {
    /// A document on its own, without corpus reasoning (`fused` null, commitments pending).
    #[cfg(test)]
    pub fn from_parts(doc: &'a Document, extraction: &'a Extraction) -> DocumentOut<'a> {
        DocumentOut::in_corpus(doc, extraction, None)
    }

    /// Document `corpus.1` of an analysed store: events carry their fused ids (and dates filled
    /// from the fused event), commitments their status.
    pub fn in_corpus(
        doc: &'a Document,
        extraction: &'a Extraction,
        corpus: Option<(&'a Analysis, usize)>,
    ) -> DocumentOut<'a> {
        let text = Text { text: &doc.text, index: CharIndex::new(&doc.text) };
        let published = match doc.published {
            Some(published) => Some(DateOut::with_inferred(&published, published.inferred)),
            None => extraction.inferred_published.map(|inferred| DateOut::with_inferred(&inferred, true)),
        };
        let fused_of = |e: usize| -> Option<&'a FusedEvent> {
            let (analysis, d) = corpus?;
            let f = *analysis.corpus.event_fused.get(d)?.get(e)?;
            analysis.corpus.fused.get(f)
        };
        let status_of = |c: usize| -> Option<(CommitmentStatus, Option<&'a FusedEvent>)> {
            let (analysis, d) = corpus?;
            Some(analysis.corpus.commitment(d, c))
        };
        DocumentOut {
            id: &doc.id,
            source: &doc.source,
            url: doc.url.as_deref(),
            title: doc.title.as_deref(),
            published,
            lang: doc.lang.code(),
            encoding: &doc.encoding,
            format: doc.format.name(),
            flags: &extraction.flags,
            mentions: extraction.mentions.iter().map(|m| MentionOut::new(m, &text)).collect(),
            dates: extraction.dates.iter().map(|d| DateMentionOut::new(d, &text)).collect(),
            events: extraction.events.iter().enumerate().map(|(i, e)| EventOut::new(e, &text, fused_of(i))).collect(),
            claims: extraction
                .claims
                .iter()
                .map(|c| ClaimOut {
                    kind: &c.kind,
                    parties: &c.parties,
                    value: &c.value,
                    evidence: text.quote(c.evidence),
                })
                .collect(),
            commitments: extraction
                .commitments
                .iter()
                .enumerate()
                .map(|(i, c)| CommitmentOut::new(c, &text, status_of(i)))
                .collect(),
        }
    }
}

/// A document's text with its byte → code point index.
struct Text<'a> {
    text: &'a str,
    index: CharIndex<'a>,
}

impl<'a> Text<'a> {
    fn range(&self, span: Span) -> RangeOut {
        RangeOut { start: self.index.char_of(span.start), end: self.index.char_of(span.end) }
    }

    fn quote(&self, span: Span) -> QuoteOut<'a> {
        // A span off char boundaries is a bug upstream; export what the code points cover.
        let range = self.range(span);
        let text = span.slice(self.text).unwrap_or_else(|| {
            let start = self.index.byte_of(range.start);
            let end = self.index.byte_of(range.end).max(start);
            &self.text[start..end]
        });
        QuoteOut { start: range.start, end: range.end, text }
    }
}

/// `{start, end}` in code points.
#[derive(Serialize)]
struct RangeOut {
    start: usize,
    end: usize,
}

/// `{start, end, text}` in code points, with the text covered.
#[derive(Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// `{start, end, precision}` (plus `inferred` for publication dates). The API serves it too.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DateOut {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
    /// `day`, `week`, `month`, `quarter`, `year` ...
    precision: &'static str,
    /// Whether the date was inferred rather than given by metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    inferred: Option<bool>,
}

impl DateOut {
    pub fn new(span: &TimeSpan) -> DateOut {
        DateOut {
            start: span.start.to_string(),
            end: span.end.to_string(),
            precision: span.precision.name(),
            inferred: None,
        }
    }

    fn with_inferred(span: &TimeSpan, inferred: bool) -> DateOut {
        DateOut { inferred: Some(inferred), ..DateOut::new(span) }
    }

    /// `inferred: true` when it was, nothing otherwise (the API's document list).
    pub fn marked_if_inferred(span: &TimeSpan, inferred: bool) -> DateOut {
        DateOut { inferred: inferred.then_some(true), ..DateOut::new(span) }
    }
}

#[derive(Serialize)]
struct MentionOut<'a> {
    entity: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> MentionOut<'a> {
    fn new(mention: &'a Mention, text: &Text<'a>) -> MentionOut<'a> {
        let quote = text.quote(mention.span);
        MentionOut { entity: &mention.entity, start: quote.start, end: quote.end, text: quote.text }
    }
}

#[derive(Serialize)]
struct DateMentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    value: DateOut,
    relative: bool,
}

impl<'a> DateMentionOut<'a> {
    fn new(date: &DateMention, text: &Text<'a>) -> DateMentionOut<'a> {
        let quote = text.quote(date.span);
        DateMentionOut {
            start: quote.start,
            end: quote.end,
            text: quote.text,
            value: DateOut::new(&date.value),
            relative: date.relative,
        }
    }
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    code: &'a str,
    plover: &'a str,
    goldstein: f32,
    quad: u8,
    source: ActorOut<'a>,
    target: ActorOut<'a>,
    date: Option<DateOut>,
    place: Option<&'a str>,
    modality: &'static str,
    confidence: f32,
    evidence: QuoteOut<'a>,
    trigger: RangeOut,
    /// The fused event id across documents (`null` outside a corpus).
    fused: Option<&'a str>,
    /// True when `date` comes from the fused event because this document's own date was
    /// missing or vaguer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    date_filled: bool,
}

impl<'a> EventOut<'a> {
    fn new(event: &'a Event, text: &Text<'a>, fused: Option<&'a FusedEvent>) -> EventOut<'a> {
        let filled = fused.and_then(|f| f.date).filter(|fused_date| match event.date {
            None => true,
            Some(own) => fused_date.precision < own.precision,
        });
        let date = filled.or(event.date);
        EventOut {
            id: &event.id,
            code: &event.code,
            plover: &event.plover,
            goldstein: event.goldstein,
            quad: event.quad,
            source: ActorOut::from(&event.source),
            target: ActorOut::from(&event.target),
            date: date.as_ref().map(DateOut::new),
            place: event.place.as_deref(),
            modality: event.modality.name(),
            confidence: event.confidence,
            evidence: text.quote(event.evidence),
            trigger: text.range(event.trigger),
            fused: fused.map(|f| f.id.as_str()),
            date_filled: filled.is_some(),
        }
    }
}

#[derive(Serialize)]
pub struct ActorOut<'a> {
    /// CAMEO actor code: country (`---` when unknown) and role.
    actor: &'a str,
    /// `null` when the text does not give the actor's country.
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
}

impl<'a> From<&'a Actor> for ActorOut<'a> {
    fn from(actor: &'a Actor) -> ActorOut<'a> {
        ActorOut { actor: &actor.code, country: actor.country.as_deref(), entity: actor.entity.as_deref() }
    }
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    kind: &'a str,
    parties: &'a [String],
    /// A date string (`1994-04-20`) or `{year, amount, currency, comparator}`.
    value: &'a ClaimValue,
    evidence: QuoteOut<'a>,
}

#[derive(Serialize)]
struct CommitmentOut<'a> {
    what: &'a str,
    parties: &'a [String],
    due: Option<DateOut>,
    /// `pending`, `fulfilled` or `overdue` as of `--as-of` (`pending` outside a corpus).
    status: &'static str,
    /// The fused event that fulfils it.
    #[serde(skip_serializing_if = "Option::is_none")]
    fulfilled_by: Option<&'a str>,
    evidence: QuoteOut<'a>,
}

impl<'a> CommitmentOut<'a> {
    fn new(
        commitment: &'a Commitment,
        text: &Text<'a>,
        status: Option<(CommitmentStatus, Option<&'a FusedEvent>)>,
    ) -> CommitmentOut<'a> {
        let fulfilled_by = status.and_then(|(_, fused)| fused).map(|f| f.id.as_str());
        CommitmentOut {
            what: &commitment.what,
            parties: &commitment.parties,
            due: commitment.due.as_ref().map(DateOut::new),
            status: status.map_or("pending", |(status, _)| status.name()),
            fulfilled_by,
            evidence: text.quote(commitment.evidence),
        }
    }
}

/// An entity record.
#[derive(Serialize)]
pub struct EntityOut<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'static str>,
    name: NameOut<'a>,
    country: Option<&'a str>,
    role: Option<&'a str>,
    sector: Option<&'a str>,
    variants: &'a [String],
}

#[derive(Serialize)]
struct NameOut<'a> {
    ar: Option<&'a str>,
    en: Option<&'a str>,
}

impl<'a> From<&'a Entity> for EntityOut<'a> {
    fn from(entity: &'a Entity) -> EntityOut<'a> {
        EntityOut {
            id: &entity.id,
            kind: entity.kind.map(|kind| kind.name()),
            name: NameOut { ar: entity.name_ar.as_deref(), en: entity.name_en.as_deref() },
            country: entity.country.as_deref(),
            role: entity.role.as_deref(),
            sector: entity.sector.as_deref(),
            variants: &entity.variants,
        }
    }
}

#[cfg(test)]
mod tests {
    use alaqat_model::{Date, Format, Lang, Modality, Precision};

    use super::*;

    fn document(text: &str) -> Document {
        Document {
            id: "d1".into(),
            source: "dir/a.txt".into(),
            url: None,
            title: None,
            published: None,
            lang: Lang::Ar,
            encoding: "utf-8".into(),
            format: Format::Txt,
            text: text.into(),
        }
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn offsets_are_code_points_and_texts_are_slices() {
        let text = "استقبل وزير الخارجية نظيره الكازاخي في الرياض يوم الأحد.";
        let doc = document(text);
        let day = Date::new(2024, 3, 3).unwrap();
        let extraction = Extraction {
            mentions: vec![Mention { entity: "plc:riyadh".into(), span: span_of(text, "الرياض") }],
            dates: vec![DateMention {
                span: span_of(text, "يوم الأحد"), value: TimeSpan::day(day), relative: true
            }],
            events: vec![Event {
                id: "e1".into(),
                code: "043".into(),
                plover: "CONSULT".into(),
                goldstein: 2.8,
                quad: 1,
                source: Actor { code: "SAUGOV".into(), country: Some("SAU".into()), entity: None },
                target: Actor { code: "KAZGOV".into(), country: Some("KAZ".into()), entity: Some("per:x".into()) },
                date: Some(TimeSpan::day(day)),
                place: Some("plc:riyadh".into()),
                modality: Modality::Asserted,
                confidence: 0.8,
                evidence: Span::new(0, text.len()),
                trigger: span_of(text, "استقبل"),
            }],
            inferred_published: Some(TimeSpan {
                start: Date::new(2024, 3, 1).unwrap(),
                end: Date::new(2024, 3, 31).unwrap(),
                precision: Precision::Month,
                inferred: false,
            }),
            ..Extraction::default()
        };
        let value = serde_json::to_value(DocumentOut::from_parts(&doc, &extraction)).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let slice = |v: &serde_json::Value| -> String {
            let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
            chars[s..e].iter().collect()
        };
        assert_eq!(slice(&value["mentions"][0]), "الرياض");
        assert_eq!(value["mentions"][0]["text"], "الرياض");
        assert_eq!(slice(&value["dates"][0]), "يوم الأحد");
        assert_eq!(
            value["dates"][0]["value"],
            serde_json::json!({"start": "2024-03-03", "end": "2024-03-03", "precision": "day"})
        );
        assert_eq!(value["events"][0]["evidence"]["end"], chars.len());
        assert_eq!(value["events"][0]["source"], serde_json::json!({"actor": "SAUGOV", "country": "SAU"}));
        assert_eq!(value["events"][0]["target"]["entity"], "per:x");
        assert_eq!(value["events"][0]["fused"], serde_json::Value::Null);
        assert_eq!(value["published"]["inferred"], true);
        assert_eq!(value["published"]["precision"], "month");
    }
}
