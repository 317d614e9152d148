//! Writing documents and extractions inside a caller-owned transaction.

use alaqat_model::{Document, Entity, Extraction};
use rusqlite::{params, Connection, OptionalExtension, Statement};

use crate::codec;
use crate::error::{Error, Result};
use crate::PutOutcome;

/// The prepared statements of one write transaction, prepared once per batch.
pub(crate) struct Writer<'c> {
    document_exists: Statement<'c>,
    next_seq: Statement<'c>,
    insert_document: Statement<'c>,
    update_inferred: Statement<'c>,
    entity_get: Statement<'c>,
    entity_put: Statement<'c>,
    document_entity: Statement<'c>,
    mention: Statement<'c>,
    date: Statement<'c>,
    event: Statement<'c>,
    claim: Statement<'c>,
    commitment: Statement<'c>,
    flag: Statement<'c>,
    diagnostic: Statement<'c>,
    clear: Vec<Statement<'c>>,
}

/// Tables holding one document's extraction, cleared by [`Writer::replace`].
const EXTRACTION_TABLES: [&str; 8] = [
    "DELETE FROM document_entities WHERE doc_id = ?1",
    "DELETE FROM mentions WHERE doc_id = ?1",
    "DELETE FROM date_mentions WHERE doc_id = ?1",
    "DELETE FROM events WHERE doc_id = ?1",
    "DELETE FROM claims WHERE doc_id = ?1",
    "DELETE FROM commitments WHERE doc_id = ?1",
    "DELETE FROM flags WHERE doc_id = ?1",
    "DELETE FROM diagnostics WHERE doc_id = ?1",
];

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
                 inferred_published_precision, inferred_published_inferred) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?,
            update_inferred: conn.prepare(
                "UPDATE documents SET inferred_published_start = ?2, inferred_published_end = ?3, \
                 inferred_published_precision = ?4, inferred_published_inferred = ?5 WHERE id = ?1",
            )?,
            entity_get: conn.prepare(
                "SELECT kind, name_ar, name_en, country, role, sector, variants \
                 FROM entities WHERE id = ?1",
            )?,
            entity_put: conn.prepare(
                "INSERT INTO entities (id, kind, name_ar, name_en, country, role, sector, variants) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_ar = excluded.name_ar, \
                 name_en = excluded.name_en, country = excluded.country, role = excluded.role, \
                 sector = excluded.sector, variants = excluded.variants",
            )?,
            document_entity: conn
                .prepare("INSERT OR IGNORE INTO document_entities (doc_id, entity_id) VALUES (?1, ?2)")?,
            mention: conn
                .prepare("INSERT INTO mentions (doc_id, entity_id, \"start\", \"end\") VALUES (?1, ?2, ?3, ?4)")?,
            date: conn.prepare(
                "INSERT INTO date_mentions (doc_id, \"start\", \"end\", value_start, value_end, \
                 precision, value_inferred, relative) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            event: conn.prepare(
                "INSERT INTO events (doc_id, id, code, plover, goldstein, quad, \
                 source_code, source_country, source_entity, target_code, target_country, target_entity, \
                 date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
                 evidence_start, evidence_end, trigger_start, trigger_end) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?,
            claim: conn.prepare(
                "INSERT INTO claims (doc_id, kind, parties, value, evidence_start, evidence_end) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            commitment: conn.prepare(
                "INSERT INTO commitments (doc_id, what, parties, due_start, due_end, due_precision, \
                 due_inferred, evidence_start, evidence_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            flag: conn.prepare("INSERT INTO flags (doc_id, flag) VALUES (?1, ?2)")?,
            diagnostic: conn.prepare("INSERT INTO diagnostics (doc_id, message) VALUES (?1, ?2)")?,
            clear: EXTRACTION_TABLES.iter().map(|sql| conn.prepare(sql)).collect::<rusqlite::Result<_>>()?,
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
            document.text,
            ingested_at,
            i_start,
            i_end,
            i_precision,
            i_inferred,
        ])?;
        self.insert_extraction(&document.id, extraction)?;
        Ok(PutOutcome::Inserted)
    }

    /// Replaces the extraction of a stored document.
    pub(crate) fn replace(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        if !self.exists(doc_id)? {
            return Err(Error::UnknownDocument { id: doc_id.to_owned() });
        }
        for statement in &mut self.clear {
            statement.execute([doc_id])?;
        }
        let (start, end, precision, inferred) = codec::time_span(extraction.inferred_published.as_ref());
        self.update_inferred.execute(params![doc_id, start, end, precision, inferred])?;
        self.insert_extraction(doc_id, extraction)
    }

    fn insert_extraction(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        for entity in &extraction.entities {
            self.upsert_entity(entity)?;
            self.document_entity.execute(params![doc_id, entity.id])?;
        }
        for mention in &extraction.mentions {
            let (start, end) = codec::span(doc_id, "mention span", mention.span)?;
            self.mention.execute(params![doc_id, mention.entity, start, end])?;
        }
        for date in &extraction.dates {
            let (start, end) = codec::span(doc_id, "date span", date.span)?;
            self.date.execute(params![
                doc_id,
                start,
                end,
                date.value.start.to_string(),
                date.value.end.to_string(),
                date.value.precision.name(),
                date.value.inferred,
                date.relative,
            ])?;
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
        for claim in &extraction.claims {
            let (start, end) = codec::span(doc_id, "claim evidence", claim.evidence)?;
            self.claim.execute(params![
                doc_id,
                claim.kind,
                codec::json("claim parties", &claim.parties)?,
                codec::json("claim value", &claim.value)?,
                start,
                end,
            ])?;
        }
        for commitment in &extraction.commitments {
            let (start, end) = codec::span(doc_id, "commitment evidence", commitment.evidence)?;
            let (due_start, due_end, due_precision, due_inferred) = codec::time_span(commitment.due.as_ref());
            self.commitment.execute(params![
                doc_id,
                commitment.what,
                codec::json("commitment parties", &commitment.parties)?,
                due_start,
                due_end,
                due_precision,
                due_inferred,
                start,
                end,
            ])?;
        }
        for flag in &extraction.flags {
            self.flag.execute(params![doc_id, flag])?;
        }
        for message in &extraction.diagnostics {
            self.diagnostic.execute(params![doc_id, message])?;
        }
        Ok(())
    }

    /// Inserts an entity or merges it into the stored one: a field given (`Some`) replaces the
    /// stored value, a field not given keeps it, and variants are the union in first-seen order.
    fn upsert_entity(&mut self, entity: &Entity) -> Result<()> {
        let stored = self
            .entity_get
            .query_row([&entity.id], |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })
            .optional()?;
        let merged = match stored {
            None => entity.clone(),
            Some((kind, name_ar, name_en, country, role, sector, variants)) => {
                let owner = format!("entity {}", entity.id);
                let mut all: Vec<String> = codec::read_json(&owner, "variants", &variants)?;
                for variant in &entity.variants {
                    if !all.contains(variant) {
                        all.push(variant.clone());
                    }
                }
                let kind = match (entity.kind, kind) {
                    (Some(kind), _) => Some(kind),
                    (None, Some(stored)) => Some(codec::read_entity_kind(&entity.id, &stored)?),
                    (None, None) => None,
                };
                Entity {
                    id: entity.id.clone(),
                    kind,
                    name_ar: entity.name_ar.clone().or(name_ar),
                    name_en: entity.name_en.clone().or(name_en),
                    country: entity.country.clone().or(country),
                    role: entity.role.clone().or(role),
                    sector: entity.sector.clone().or(sector),
                    variants: all,
                }
            }
        };
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
