//! Reassembling stored documents and entities from their rows.

use alaqat_model::{
    Actor, Claim, ClaimValue, Commitment, DateMention, Document, Entity, Event, Extraction, Mention, TimeSpan,
};
use rusqlite::{Connection, Row, Statement};

use crate::codec;
use crate::error::{Error, Result};
use crate::StoredDocument;

/// The columns of `documents` read by [`read_document_row`], in order (a macro so that queries
/// are assembled at compile time with `concat!`).
macro_rules! document_columns {
    () => {
        "id, seq, source, url, title, \
         published_start, published_end, published_precision, published_inferred, \
         lang, encoding, format, text, ingested_at, \
         inferred_published_start, inferred_published_end, inferred_published_precision, \
         inferred_published_inferred"
    };
}
pub(crate) use document_columns;

/// The columns of `entities` read by [`read_entity_row`], in order.
macro_rules! entity_columns {
    () => {
        "id, kind, name_ar, name_en, country, role, sector, variants"
    };
}
pub(crate) use entity_columns;

/// A `documents` row: the document, its sequence number, ingestion time and inferred date.
pub(crate) struct DocumentRow {
    pub(crate) document: Document,
    pub(crate) seq: u64,
    pub(crate) ingested_at: String,
    pub(crate) inferred_published: Option<TimeSpan>,
}

/// Reads a row selected with `document_columns!()`.
pub(crate) fn read_document_row(row: &Row<'_>) -> Result<DocumentRow> {
    let id: String = row.get(0)?;
    let seq: i64 = row.get(1)?;
    let seq = u64::try_from(seq).map_err(|_| Error::corrupt(format!("document {id}: negative seq {seq}")))?;
    let published = codec::read_time_span(&id, "published", row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?)?;
    let lang: String = row.get(9)?;
    let format: String = row.get(11)?;
    let inferred_published =
        codec::read_time_span(&id, "inferred_published", row.get(14)?, row.get(15)?, row.get(16)?, row.get(17)?)?;
    let document = Document {
        source: row.get(2)?,
        url: row.get(3)?,
        title: row.get(4)?,
        published,
        lang: codec::read_lang(&id, &lang)?,
        encoding: row.get(10)?,
        format: codec::read_format(&id, &format)?,
        text: row.get(12)?,
        id,
    };
    Ok(DocumentRow { document, seq, ingested_at: row.get(13)?, inferred_published })
}

/// Reads a row selected with `entity_columns!()`.
pub(crate) fn read_entity_row(row: &Row<'_>) -> Result<Entity> {
    let id: String = row.get(0)?;
    let kind: Option<String> = row.get(1)?;
    let kind = kind.map(|kind| codec::read_entity_kind(&id, &kind)).transpose()?;
    let variants: String = row.get(7)?;
    let variants = codec::read_json(&format!("entity {id}"), "variants", &variants)?;
    Ok(Entity {
        kind,
        name_ar: row.get(2)?,
        name_en: row.get(3)?,
        country: row.get(4)?,
        role: row.get(5)?,
        sector: row.get(6)?,
        variants,
        id,
    })
}

/// The prepared statements that read one document's extraction, prepared once per call so
/// that iterating a large store does not re-parse SQL per document.
pub(crate) struct Reader<'c> {
    entities: Statement<'c>,
    mentions: Statement<'c>,
    dates: Statement<'c>,
    events: Statement<'c>,
    claims: Statement<'c>,
    commitments: Statement<'c>,
    flags: Statement<'c>,
    diagnostics: Statement<'c>,
}

impl<'c> Reader<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Reader<'c>> {
        Ok(Reader {
            // The same columns as `entity_columns!()`, qualified.
            entities: conn.prepare(
                "SELECT e.id, e.kind, e.name_ar, e.name_en, e.country, e.role, e.sector, e.variants \
                 FROM document_entities d JOIN entities e ON e.id = d.entity_id \
                 WHERE d.doc_id = ?1 ORDER BY d.ord",
            )?,
            mentions: conn
                .prepare("SELECT entity_id, \"start\", \"end\" FROM mentions WHERE doc_id = ?1 ORDER BY ord")?,
            dates: conn.prepare(
                "SELECT \"start\", \"end\", value_start, value_end, precision, value_inferred, relative \
                 FROM date_mentions WHERE doc_id = ?1 ORDER BY ord",
            )?,
            events: conn.prepare(
                "SELECT id, code, plover, goldstein, quad, \
                 source_code, source_country, source_entity, target_code, target_country, target_entity, \
                 date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
                 evidence_start, evidence_end, trigger_start, trigger_end \
                 FROM events WHERE doc_id = ?1 ORDER BY ord",
            )?,
            claims: conn.prepare(
                "SELECT kind, parties, value, evidence_start, evidence_end \
                 FROM claims WHERE doc_id = ?1 ORDER BY ord",
            )?,
            commitments: conn.prepare(
                "SELECT what, parties, due_start, due_end, due_precision, due_inferred, \
                 evidence_start, evidence_end FROM commitments WHERE doc_id = ?1 ORDER BY ord",
            )?,
            flags: conn.prepare("SELECT flag FROM flags WHERE doc_id = ?1 ORDER BY ord")?,
            diagnostics: conn.prepare("SELECT message FROM diagnostics WHERE doc_id = ?1 ORDER BY ord")?,
        })
    }

    /// Reassembles a stored document from its `documents` row.
    pub(crate) fn stored_document(&mut self, row: DocumentRow) -> Result<StoredDocument> {
        let extraction = self.extraction(&row.document.id, row.inferred_published)?;
        Ok(StoredDocument { document: row.document, extraction, ingested_at: row.ingested_at, seq: row.seq })
    }

    fn extraction(&mut self, doc_id: &str, inferred_published: Option<TimeSpan>) -> Result<Extraction> {
        let mut extraction = Extraction { inferred_published, ..Extraction::default() };

        let mut rows = self.entities.query([doc_id])?;
        while let Some(row) = rows.next()? {
            extraction.entities.push(read_entity_row(row)?);
        }

        let mut rows = self.mentions.query([doc_id])?;
        while let Some(row) = rows.next()? {
            let span = codec::read_span(doc_id, "mention span", row.get(1)?, row.get(2)?)?;
            extraction.mentions.push(Mention { entity: row.get(0)?, span });
        }

        let mut rows = self.dates.query([doc_id])?;
        while let Some(row) = rows.next()? {
            let value =
                codec::read_time_span(doc_id, "date value", row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?)?
                    .ok_or_else(|| Error::corrupt(format!("document {doc_id}: date value is NULL")))?;
            extraction.dates.push(DateMention {
                span: codec::read_span(doc_id, "date span", row.get(0)?, row.get(1)?)?,
                value,
                relative: row.get(6)?,
            });
        }

        let mut rows = self.events.query([doc_id])?;
        while let Some(row) = rows.next()? {
            let modality: String = row.get(16)?;
            extraction.events.push(Event {
                id: row.get(0)?,
                code: row.get(1)?,
                plover: row.get(2)?,
                goldstein: codec::read_f32(row.get(3)?),
                quad: codec::read_u8(doc_id, "event quad", row.get(4)?)?,
                source: Actor { code: row.get(5)?, country: codec::read_country(row.get(6)?), entity: row.get(7)? },
                target: Actor { code: row.get(8)?, country: codec::read_country(row.get(9)?), entity: row.get(10)? },
                date: codec::read_time_span(
                    doc_id,
                    "event date",
                    row.get(11)?,
                    row.get(12)?,
                    row.get(13)?,
                    row.get(14)?,
                )?,
                place: row.get(15)?,
                modality: codec::read_modality(doc_id, &modality)?,
                confidence: codec::read_f32(row.get(17)?),
                evidence: codec::read_span(doc_id, "event evidence", row.get(18)?, row.get(19)?)?,
                trigger: codec::read_span(doc_id, "event trigger", row.get(20)?, row.get(21)?)?,
            });
        }

        let owner = format!("document {doc_id}");
        let mut rows = self.claims.query([doc_id])?;
        while let Some(row) = rows.next()? {
            let parties: String = row.get(1)?;
            let value: String = row.get(2)?;
            extraction.claims.push(Claim {
                kind: row.get(0)?,
                parties: codec::read_json(&owner, "claim parties", &parties)?,
                value: codec::read_json::<ClaimValue>(&owner, "claim value", &value)?,
                evidence: codec::read_span(doc_id, "claim evidence", row.get(3)?, row.get(4)?)?,
            });
        }

        let mut rows = self.commitments.query([doc_id])?;
        while let Some(row) = rows.next()? {
            let parties: String = row.get(1)?;
            extraction.commitments.push(Commitment {
                what: row.get(0)?,
                parties: codec::read_json(&owner, "commitment parties", &parties)?,
                due: codec::read_time_span(
                    doc_id,
                    "commitment due",
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                )?,
                evidence: codec::read_span(doc_id, "commitment evidence", row.get(6)?, row.get(7)?)?,
            });
        }

        let mut rows = self.flags.query([doc_id])?;
        while let Some(row) = rows.next()? {
            extraction.flags.push(row.get(0)?);
        }

        let mut rows = self.diagnostics.query([doc_id])?;
        while let Some(row) = rows.next()? {
            extraction.diagnostics.push(row.get(0)?);
        }

        Ok(extraction)
    }
}
