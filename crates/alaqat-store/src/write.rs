//! Writing documents and extractions inside a caller-owned transaction.

use alaqat_model::{Document, Entity, Extraction};
use rusqlite::{params, Connection, OptionalExtension, Statement};

use crate::codec;
use crate::details;
use crate::error::{Error, Result};
use crate::read::{self, entity_columns};
use crate::PutOutcome;

/// The prepared statements of one write transaction, prepared once per batch.
pub(crate) struct Writer<'c> {
    document_exists: Statement<'c>,
    next_seq: Statement<'c>,
    insert_document: Statement<'c>,
    update_extraction: Statement<'c>,
    entity_get: Statement<'c>,
    entity_put: Statement<'c>,
    event: Statement<'c>,
    clear_events: Statement<'c>,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>> {
        Ok(Writer {
            document_exists: conn.prepare("SELECT 1 FROM documents WHERE id = ?1")?,
            next_seq: conn.prepare("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents")?,
            insert_document: conn.prepare(
                "INSERT INTO documents (id, seq, source, url, title, \
                 published_start, published_end, published_precision, published_inferred, \
                 lang, encoding, format, text, ingested_at, \
                 inferred_published_start, inferred_published_end, \
                 inferred_published_precision, inferred_published_inferred, details, text_zstd, \
                 mention_count, date_count, claim_count, commitment_count) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, ?21, ?22, ?23)",
            )?,
            update_extraction: conn.prepare(
                "UPDATE documents SET inferred_published_start = ?2, inferred_published_end = ?3, \
                 inferred_published_precision = ?4, inferred_published_inferred = ?5, details = ?6, \
                 mention_count = ?7, date_count = ?8, claim_count = ?9, commitment_count = ?10 WHERE id = ?1",
            )?,
            entity_get: conn.prepare(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = ?1"))?,
            entity_put: conn.prepare(
                "INSERT INTO entities (id, kind, name_ar, name_en, country, role, sector, variants) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_ar = excluded.name_ar, \
                 name_en = excluded.name_en, country = excluded.country, role = excluded.role, \
                 sector = excluded.sector, variants = excluded.variants",
            )?,
            event: conn.prepare(
                "INSERT INTO events (doc_id, id, code, plover, goldstein, quad, \
                 source_code, source_country, source_entity, target_code, target_country, target_entity, \
                 date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
                 evidence_start, evidence_end, trigger_start, trigger_end) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?,
            clear_events: conn.prepare("DELETE FROM events WHERE doc_id = ?1")?,
        })
    }

    /// True when a document with this id is stored (or was stored earlier in this transaction).
    pub(crate) fn exists(&mut self, doc_id: &str) -> Result<bool> {
        Ok(self.document_exists.exists([doc_id])?)
    }

    /// Stores one document with its extraction unless its id is already stored.
    pub(crate) fn put(
        &mut self,
        document: &Document,
        extraction: &Extraction,
        ingested_at: &str,
    ) -> Result<PutOutcome> {
        if self.exists(&document.id)? {
            return Ok(PutOutcome::Unchanged);
        }
        let seq: i64 = self.next_seq.query_row([], |row| row.get(0))?;
        let (p_start, p_end, p_precision, p_inferred) = codec::time_span(document.published.as_ref());
        let (i_start, i_end, i_precision, i_inferred) = codec::time_span(extraction.inferred_published.as_ref());
        let counts = details::counts(extraction);
        self.insert_document.execute(params![
            document.id,
            seq,
            document.source,
            document.url,
            document.title,
            p_start,
            p_end,
            p_precision,
            p_inferred,
            document.lang.code(),
            document.encoding,
            document.format.name(),
            ingested_at,
            i_start,
            i_end,
            i_precision,
            i_inferred,
            codec::compress(&document.id, &details::encode(&document.id, extraction)?)?,
            codec::compress(&document.id, &document.text)?,
            counts[0],
            counts[1],
            counts[2],
            counts[3],
        ])?;
        self.insert_extraction(&document.id, extraction)?;
        Ok(PutOutcome::Inserted)
    }

    /// Replaces the extraction of a stored document.
    pub(crate) fn replace(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        if !self.exists(doc_id)? {
            return Err(Error::UnknownDocument { id: doc_id.to_owned() });
        }
        self.clear_events.execute([doc_id])?;
        let (start, end, precision, inferred) = codec::time_span(extraction.inferred_published.as_ref());
        let details = codec::compress(doc_id, &details::encode(doc_id, extraction)?)?;
        let [mentions, dates, claims, commitments] = details::counts(extraction);
        self.update_extraction.execute(params![
            doc_id,
            start,
            end,
            precision,
            inferred,
            details,
            mentions,
            dates,
            claims,
            commitments
        ])?;
        self.insert_extraction(doc_id, extraction)
    }

    /// The rows of an extraction: its entities (upserted) and its events. The rest is the
    /// document's `details`.
    fn insert_extraction(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        for entity in &extraction.entities {
            self.upsert_entity(entity)?;
        }
        for event in &extraction.events {
            let (evidence_start, evidence_end) = codec::span(doc_id, "event evidence", event.evidence)?;
            let (trigger_start, trigger_end) = codec::span(doc_id, "event trigger", event.trigger)?;
            let (date_start, date_end, date_precision, date_inferred) = codec::time_span(event.date.as_ref());
            self.event.execute(params![
                doc_id,
                event.id,
                event.code,
                event.plover,
                f64::from(event.goldstein),
                event.quad,
                event.source.code,
                codec::actor_country(&event.source),
                event.source.entity,
                event.target.code,
                codec::actor_country(&event.target),
                event.target.entity,
                date_start,
                date_end,
                date_precision,
                date_inferred,
                event.place,
                event.modality.name(),
                f64::from(event.confidence),
                evidence_start,
                evidence_end,
                trigger_start,
                trigger_end,
            ])?;
        }
        Ok(())
    }

    /// Inserts an entity or merges it into the stored one ([`crate::merge_entity`]).
    fn upsert_entity(&mut self, entity: &Entity) -> Result<()> {
        let stored =
            self.entity_get.query_row([&entity.id], |row| Ok(read::read_entity_row(row))).optional()?.transpose()?;
        let Some(merged) = crate::merge_entity(stored, entity) else { return Ok(()) };
        self.entity_put.execute(params![
            merged.id,
            merged.kind.map(|k| k.name()),
            merged.name_ar,
            merged.name_en,
            merged.country,
            merged.role,
            merged.sector,
            codec::json("entity variants", &merged.variants)?,
        ])?;
        Ok(())
    }
}
