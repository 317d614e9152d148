//! The export: the public JSON shapes of alaqat (SPEC.md, "Export contract", read by
//! `shared/eval/score.py`) and their conversion from the domain types.
//!
//! These DTOs are the contract: fields may be added, none removed or renamed without updating
//! the scorer. They are built by hand from `alaqat_model` types, so a change in the model
//! cannot silently change the export. All offsets are converted here, once, from the UTF-8
//! byte offsets used inside the pipeline to Unicode code points of the document text (one
//! `CharIndex` per document); every `text` field is the covered slice of the original text.
//!
//! `write_json` streams: the documents array is written one document at a time as the store
//! yields them, so memory stays flat with the size of the store.

use std::io::Write;

use alaqat_model::{
    Actor, ClaimValue, Commitment, DateMention, Document, Entity, Event, Extraction, Mention, Span, TimeSpan,
};
use alaqat_store::{Store, StoredDocument};
use alaqat_text::CharIndex;
use std::collections::HashMap;

use anyhow::Context;
use serde::Serialize;

use crate::output::Output;

/// Writes `{"documents":[…],"entities":[…],"conflicts":[]}`, one document per line.
pub(crate) fn write_json(store: &dyn Store, out: &mut Output) -> anyhow::Result<()> {
    let name = out.name();
    out.write_all(b"{\"documents\":[").with_context(|| format!("cannot write {name}"))?;
    // People linked across documents get one id in every document and one entity record.
    let entities = store.entities().context("cannot read entities from the store")?;
    let links = alaqat_extract::link_people(&entities);
    let entities = merge_linked(entities, &links);
    let mut first = true;
    stream_documents(store, &links, &mut |line| {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        out.write_all(line)
    })
    .with_context(|| format!("cannot export to {name}"))?;
    let entities: Vec<EntityOut<'_>> = entities.iter().map(EntityOut::from).collect();
    let conflicts: [ConflictOut; 0] = [];
    let tail = serde_json::to_vec(&Tail { entities, conflicts }).context("cannot encode entities")?;
    // `tail` is `{"entities":[…],"conflicts":[]}`: splice it into the open object.
    out.write_all(b"\n],")
        .and_then(|()| out.write_all(&tail[1..]))
        .and_then(|()| out.write_all(b"\n"))
        .with_context(|| format!("cannot write {name}"))?;
    Ok(())
}

/// Writes one document object per line (JSON Lines); entities are in the `json` export.
pub(crate) fn write_jsonl(store: &dyn Store, out: &mut Output) -> anyhow::Result<()> {
    let name = out.name();
    let entities = store.entities().context("cannot read entities from the store")?;
    let links = alaqat_extract::link_people(&entities);
    stream_documents(store, &links, &mut |line| {
        out.write_all(line)?;
        out.write_all(b"\n")
    })
    .with_context(|| format!("cannot export to {name}"))
}

/// Calls `write` with each stored document encoded as compact JSON.
fn stream_documents(
    store: &dyn Store,
    links: &HashMap<String, String>,
    write: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut buffer = Vec::with_capacity(64 * 1024);
    let result = store.for_each_document(&mut |mut stored| {
        relink(&mut stored.extraction, links);
        buffer.clear();
        serde_json::to_writer(&mut buffer, &DocumentOut::new(&stored)).map_err(alaqat_store::Error::consumer)?;
        write(&buffer).map_err(alaqat_store::Error::consumer)
    });
    match result {
        Ok(()) => Ok(()),
        // Keep the writer's own error (a broken pipe, a full disk) at the top of the chain.
        Err(error) => match error.into_consumer() {
            Ok(own) => Err(anyhow::Error::from_boxed(own)),
            Err(error) => Err(anyhow::Error::new(error).context("cannot read documents from the store")),
        },
    }
}

/// Replaces linked person ids by their canonical id.
fn relink(extraction: &mut Extraction, links: &HashMap<String, String>) {
    if links.is_empty() {
        return;
    }
    let canonical = |id: &mut String| {
        if let Some(to) = links.get(id.as_str()) {
            id.clone_from(to);
        }
    };
    extraction.mentions.iter_mut().for_each(|m| canonical(&mut m.entity));
    for event in &mut extraction.events {
        for actor in [&mut event.source, &mut event.target] {
            if let Some(id) = actor.entity.as_mut() {
                canonical(id);
            }
        }
    }
}

/// One entity record per linked person: the canonical one, with the others' spellings.
fn merge_linked(entities: Vec<Entity>, links: &HashMap<String, String>) -> Vec<Entity> {
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut absorbed: Vec<Entity> = Vec::new();
    for entity in entities {
        if links.contains_key(&entity.id) {
            absorbed.push(entity);
        } else {
            merged.push(entity);
        }
    }
    for entity in absorbed {
        if let Some(target) = merged.iter_mut().find(|e| links.get(&entity.id) == Some(&e.id)) {
            for variant in entity.variants {
                if !target.variants.contains(&variant) {
                    target.variants.push(variant);
                }
            }
            if target.role.is_none() {
                target.role = entity.role;
            }
        }
    }
    merged
}

#[derive(Serialize)]
struct Tail<'a> {
    entities: Vec<EntityOut<'a>>,
    conflicts: [ConflictOut; 0],
}

/// A contradiction between claims of different documents (corpus reasoning, not yet built).
#[derive(Serialize)]
struct ConflictOut {}

/// One exported document with its extraction.
#[derive(Serialize)]
pub(crate) struct DocumentOut<'a> {
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
    pub(crate) fn new(stored: &'a StoredDocument) -> DocumentOut<'a> {
        DocumentOut::from_parts(&stored.document, &stored.extraction)
    }

    pub(crate) fn from_parts(doc: &'a Document, extraction: &'a Extraction) -> DocumentOut<'a> {
        let text = Text { text: &doc.text, index: CharIndex::new(&doc.text) };
        let published = match doc.published {
            Some(published) => Some(DateOut::with_inferred(&published, published.inferred)),
            None => extraction.inferred_published.map(|inferred| DateOut::with_inferred(&inferred, true)),
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
            events: extraction.events.iter().map(|e| EventOut::new(e, &text)).collect(),
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
            commitments: extraction.commitments.iter().map(|c| CommitmentOut::new(c, &text)).collect(),
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

/// `{start, end, precision}` (plus `inferred` for publication dates).
#[derive(Serialize)]
struct DateOut {
    start: String,
    end: String,
    precision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    inferred: Option<bool>,
}

impl DateOut {
    fn new(span: &TimeSpan) -> DateOut {
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
    /// The fused event id across documents; `null` until corpus reasoning lands.
    fused: Option<&'a str>,
}

impl<'a> EventOut<'a> {
    fn new(event: &'a Event, text: &Text<'a>) -> EventOut<'a> {
        EventOut {
            id: &event.id,
            code: &event.code,
            plover: &event.plover,
            goldstein: event.goldstein,
            quad: event.quad,
            source: ActorOut::from(&event.source),
            target: ActorOut::from(&event.target),
            date: event.date.as_ref().map(DateOut::new),
            place: event.place.as_deref(),
            modality: event.modality.name(),
            confidence: event.confidence,
            evidence: text.quote(event.evidence),
            trigger: text.range(event.trigger),
            fused: None,
        }
    }
}

#[derive(Serialize)]
struct ActorOut<'a> {
    actor: &'a str,
    country: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
}

impl<'a> From<&'a Actor> for ActorOut<'a> {
    fn from(actor: &'a Actor) -> ActorOut<'a> {
        ActorOut { actor: &actor.code, country: &actor.country, entity: actor.entity.as_deref() }
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
    /// `pending` until commitment tracking lands.
    status: &'static str,
    evidence: QuoteOut<'a>,
}

impl<'a> CommitmentOut<'a> {
    fn new(commitment: &'a Commitment, text: &Text<'a>) -> CommitmentOut<'a> {
        CommitmentOut {
            what: &commitment.what,
            parties: &commitment.parties,
            due: commitment.due.as_ref().map(DateOut::new),
            status: "pending",
            evidence: text.quote(commitment.evidence),
        }
    }
}

#[derive(Serialize)]
struct EntityOut<'a> {
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
                source: Actor { code: "SAUGOV".into(), country: "SAU".into(), entity: None },
                target: Actor { code: "KAZGOV".into(), country: "KAZ".into(), entity: Some("per:x".into()) },
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
