//! Reassembling stored documents and entities from their rows.

use alaqat_model::{Actor, Document, Entity, Event, Extraction, TimeSpan};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row, Statement};

use crate::codec;
use crate::details;
use crate::error::{Error, Result};
use crate::{Parts, StoredDocument};

/// The columns of `documents` read by [`read_document_row`], in order (a macro so that queries
/// are assembled at compile time with `concat!`).
macro_rules! document_columns {
    () => {
        "id, seq, source, url, title, \
         published_start, published_end, published_precision, published_inferred, \
         lang, encoding, format, text, ingested_at, \
         inferred_published_start, inferred_published_end, inferred_published_precision, \
         inferred_published_inferred, details"
    };
}
pub(crate) use document_columns;

/// [`document_columns`] and the embedded store's compressed text, read by [`read_document_row`].
macro_rules! sqlite_document_columns {
    () => {
        concat!($crate::read::document_columns!(), ", text_zstd")
    };
}
pub(crate) use sqlite_document_columns;

/// The columns of `entities` read by [`read_entity_row`], in order.
macro_rules! entity_columns {
    () => {
        "id, kind, name_ar, name_en, country, role, sector, variants"
    };
}
pub(crate) use entity_columns;

/// A `documents` row: the document, its sequence number, ingestion time, inferred date and
/// the details of its extraction (`details.rs`).
pub(crate) struct DocumentRow {
    pub(crate) document: Document,
    pub(crate) seq: u64,
    pub(crate) ingested_at: String,
    pub(crate) inferred_published: Option<TimeSpan>,
    pub(crate) details: String,
}

/// Reads a row selected with `sqlite_document_columns!()`.
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
        text: read_text(row, &id, 12, 19)?,
        id,
    };
    let details = match row.get_ref(18)? {
        ValueRef::Blob(packed) => codec::decompress(&document.id, "details", packed)?,
        _ => row.get(18)?,
    };
    Ok(DocumentRow { document, seq, ingested_at: row.get(13)?, inferred_published, details })
}

/// A document's text from its plain column `plain` or, when set, its compressed one `packed`
/// (stores written before schema version 2 have only the plain one).
pub(crate) fn read_text(row: &Row<'_>, id: &str, plain: usize, packed: usize) -> Result<String> {
    match row.get_ref(packed)? {
        ValueRef::Blob(frame) => codec::decompress(id, "text", frame),
        _ => Ok(row.get(plain)?),
    }
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
    entity: Statement<'c>,
    events: Statement<'c>,
    parts: Parts,
}

impl<'c> Reader<'c> {
    pub(crate) fn new(conn: &'c Connection, parts: Parts) -> Result<Reader<'c>> {
        Ok(Reader {
            parts,
            entity: conn.prepare(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = ?1"))?,
            events: conn.prepare(
                "SELECT id, code, plover, goldstein, quad, \
                 source_code, source_country, source_entity, target_code, target_country, target_entity, \
                 date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
                 evidence_start, evidence_end, trigger_start, trigger_end \
                 FROM events WHERE doc_id = ?1 ORDER BY ord",
            )?,
        })
    }

    /// Reassembles a stored document from its `documents` row.
    pub(crate) fn stored_document(&mut self, row: DocumentRow) -> Result<StoredDocument> {
        let doc_id = row.document.id.as_str();
        let mut extraction = Extraction { inferred_published: row.inferred_published, ..Extraction::default() };
        let ids = details::decode(doc_id, &row.details, &mut extraction)?;
        if self.parts == Parts::Whole {
            for id in ids {
                let entity = self.entity.query_row([&id], |row| Ok(read_entity_row(row))).optional()?.transpose()?;
                let entity =
                    entity.ok_or_else(|| Error::corrupt(format!("document {doc_id}: entity {id} is not stored")))?;
                extraction.entities.push(entity);
            }
        }
        let mut rows = self.events.query([doc_id])?;
        while let Some(row) = rows.next()? {
            extraction.events.push(read_event_row(doc_id, row)?);
        }
        Ok(StoredDocument { document: row.document, extraction, ingested_at: row.ingested_at, seq: row.seq })
    }
}

/// Reads an `events` row selected as in [`Reader`].
fn read_event_row(doc_id: &str, row: &Row<'_>) -> Result<Event> {
    let modality: String = row.get(16)?;
    Ok(Event {
        id: row.get(0)?,
        code: row.get(1)?,
        plover: row.get(2)?,
        goldstein: codec::read_f32(row.get(3)?),
        quad: codec::read_u8(doc_id, "event quad", row.get(4)?)?,
        source: Actor { code: row.get(5)?, country: codec::read_country(row.get(6)?), entity: row.get(7)? },
        target: Actor { code: row.get(8)?, country: codec::read_country(row.get(9)?), entity: row.get(10)? },
        date: codec::read_time_span(doc_id, "event date", row.get(11)?, row.get(12)?, row.get(13)?, row.get(14)?)?,
        place: row.get(15)?,
        modality: codec::read_modality(doc_id, &modality)?,
        confidence: codec::read_f32(row.get(17)?),
        evidence: codec::read_span(doc_id, "event evidence", row.get(18)?, row.get(19)?)?,
        trigger: codec::read_span(doc_id, "event trigger", row.get(20)?, row.get(21)?)?,
    })
}
