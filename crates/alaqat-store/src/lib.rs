//! The storage of alaqat: documents with their extractions (entities, mentions, dates, events,
//! claims, commitments, flags, diagnostics), and the entities known across documents.
//!
//! [`Store`] is the one interface the CLI and the HTTP server use; [`SqliteStore`] is the
//! embedded implementation, `PgStore` (feature `postgres`, on by default) the server one for
//! many analysts and ingest processes at once (its module docs say how it differs). The store
//! is the sole owner of the on-disk format: nothing else opens the database.
//!
//! # On-disk layout
//!
//! A store is one directory, created on first use, holding one SQLite database
//! ([`DATABASE_FILE`], `alaqat.sqlite3`) in WAL mode, so while the store is open (or after a
//! crash) `alaqat.sqlite3-wal` and `alaqat.sqlite3-shm` sit next to it. Copy or back up the
//! directory only while no alaqat process has it open, or all three files together.
//!
//! - `documents` holds each document once, keyed by its content-hash id, with its original
//!   text byte-for-byte (compressed: one zstd frame in `text_zstd`; stores written before
//!   schema version 2 keep it in `text`), the time it was ingested and `seq`, its position in
//!   insertion order.
//! - `events` holds one row per coded event, pointing at its document and indexed by document
//!   and by dyad: what reads look events up by (version 3 dropped the code and date indexes,
//!   which no query used).
//! - Everything else an extraction holds (mentions, date expressions, claims, commitments,
//!   flags, diagnostics and the ids of the entities it lists) is one JSON value per document,
//!   `documents.details` (schema version 2; a zstd frame of it as written by ingests, its
//!   shape in `details.rs`), with the counts of its items in columns for [`Store::stats`].
//!   Nothing queries those items one by one, and a row per item (version 1) made the store
//!   almost five times the size of its texts and an ingest three times slower than
//!   extraction. Reading a document back returns every item in the order it was stored.
//! - `entities` holds every entity once across documents.
//! - Offsets are stored as given: UTF-8 byte offsets into the document's text. Conversion to
//!   Unicode code points for the export happens at the edge, not here.
//!
//! # Writes
//!
//! [`Store::put_batch`] stores a batch in one transaction: after a crash or `kill -9` either
//! the whole batch is there or none of it, and re-running the ingest skips what is stored
//! ([`PutOutcome::Unchanged`]), so it never duplicates. Other processes may read meanwhile.
//!
//! # Schema versions
//!
//! The database records its schema version in the `meta` table. Opening applies the pending
//! migrations (an ordered list of SQL scripts, all in one transaction) to reach
//! [`SCHEMA_VERSION`]; older stores are upgraded in place and cannot then be opened by older
//! alaqat. A store whose version is newer than this build knows is refused with
//! [`Error::SchemaTooNew`] rather than misread. Released migrations are never edited.
//!
//! # Example
//!
//! ```
//! use alaqat_model::{Document, Extraction, Format, Lang};
//! use alaqat_store::{PutOutcome, SqliteStore, Store};
//!
//! # fn main() -> alaqat_store::Result<()> {
//! let mut store = SqliteStore::open_in_memory()?;
//! let document = Document {
//!     id: "3f2a".into(),
//!     source: "seed.txt".into(),
//!     url: None,
//!     title: None,
//!     published: None,
//!     lang: Lang::Ar,
//!     encoding: "utf-8".into(),
//!     format: Format::Txt,
//!     text: "استقبل الرئيس وزير الخارجية".into(),
//! };
//! let batch = vec![(document, Extraction::default())];
//! assert_eq!(store.put_batch(&batch)?, vec![PutOutcome::Inserted]);
//! assert_eq!(store.put_batch(&batch)?, vec![PutOutcome::Unchanged]);
//!
//! let stored = store.document("3f2a")?.expect("just stored");
//! assert_eq!(stored.document, batch[0].0);
//! assert_eq!(store.stats()?.documents, 1);
//! # Ok(())
//! # }
//! ```

mod codec;
mod details;
mod error;
#[cfg(feature = "postgres")]
mod postgres;
mod read;
mod sqlite;
mod write;

#[cfg(test)]
mod tests;

use alaqat_model::{Document, Entity, Extraction};
use serde::{Deserialize, Serialize};

pub use crate::error::{Error, Result};
#[cfg(feature = "postgres")]
pub use crate::postgres::{is_postgres_url, redact_url, PgStore, TextHit, PG_SCHEMA_VERSION};
pub use crate::sqlite::{SqliteStore, DATABASE_FILE, SCHEMA_VERSION};

/// What [`Store::put_batch`] did with one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PutOutcome {
    /// The document was new and is now stored with its extraction.
    Inserted,
    /// A document with the same id (the same content) was already stored, earlier or in the
    /// same batch; nothing was written for it, not even its extraction.
    Unchanged,
}

/// How much of each document a read of many documents fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parts {
    /// The document and its whole extraction.
    Whole,
    /// Without `Extraction::entities`, the records of the entities a document mentions (its
    /// mentions keep their entity ids). Reads that take entities from [`Store::entities`] once
    /// (corpus reasoning, the exports) skip a lookup and a copy per entity and document: at
    /// 5,000 generated articles those copies were an export's largest allocation.
    WithoutEntities,
}

/// A document as stored: the document, its extraction, and when it was ingested.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// The document, with its original text byte-for-byte.
    pub document: Document,
    /// Its extraction. `entities` are the entities as currently stored, so they include what
    /// other documents have added to them since (merged names, more variants).
    pub extraction: Extraction,
    /// When the batch that stored it was committed, RFC 3339 in UTC (`2025-01-31T08:15:00Z`).
    pub ingested_at: String,
    /// Its position in insertion order, from 1; increasing, and stable for the store's life.
    /// Pass the last one seen to [`Store::documents_page`] to get the next page.
    pub seq: u64,
}

/// How much a store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Distinct entities across documents.
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Date expressions.
    pub dates: u64,
    /// Coded events.
    pub events: u64,
    /// Claims.
    pub claims: u64,
    /// Commitments.
    pub commitments: u64,
}

/// What [`Store::check`] found in the store's own tables, and what it repaired.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StoreCheck {
    /// Problems the database engine reports about its own files (SQLite's `integrity_check`;
    /// PostgreSQL guards its own and reports nothing here). alaqat cannot repair these.
    pub integrity: Vec<String>,
    /// Rows that must not exist, by kind: each [`ROW_CHECKS`] entry that found some, with
    /// how many.
    pub bad_rows: Vec<(String, u64)>,
    /// True when the bad rows were deleted (the check ran with `repair`).
    pub repaired: bool,
}

impl StoreCheck {
    /// True when nothing is wrong, or everything wrong was repaired.
    pub fn is_consistent(&self) -> bool {
        self.integrity.is_empty() && (self.bad_rows.is_empty() || self.repaired)
    }
}

/// The rows [`Store::check`] looks for, as `(what, FROM … WHERE …)`: counted with
/// `SELECT COUNT(*)` and repaired with `DELETE`, in the SQL both backends speak. A batch is
/// written in one transaction and foreign keys guard the tables, so none should ever exist; a
/// store edited by hand, restored from a partial copy or damaged on disk may have them.
pub const ROW_CHECKS: &[(&str, &str)] = &[
    ("events of a missing document", "FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"),
    (
        "repeated events (same document, same event id)",
        "FROM events WHERE ord NOT IN (SELECT MIN(ord) FROM events GROUP BY doc_id, id)",
    ),
];

/// The `WHERE` condition of [`Store::dyad_documents`], in the SQL both backends speak (the two
/// countries are the first and second parameters).
macro_rules! dyad_condition {
    ($a:literal, $b:literal) => {
        concat!(
            "id IN (SELECT doc_id FROM events WHERE (source_country = ",
            $a,
            " AND target_country = ",
            $b,
            ") OR (source_country = ",
            $b,
            " AND target_country = ",
            $a,
            "))"
        )
    };
}
pub(crate) use dyad_condition;

/// [`Store::dyad_counts`] in the SQL both backends speak.
const DYAD_COUNTS_SQL: &str = "SELECT \
     CASE WHEN source_country < target_country THEN source_country ELSE target_country END, \
     CASE WHEN source_country < target_country THEN target_country ELSE source_country END, \
     COUNT(*) FROM events \
     WHERE source_country <> '' AND target_country <> '' AND source_country <> target_country \
     GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2";

/// [`Stats`] in the SQL both backends speak: the counts of `details` items are columns.
const STATS_SQL: &str = "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities), \
     COALESCE(SUM(mention_count), 0), COALESCE(SUM(date_count), 0), (SELECT COUNT(*) FROM events), \
     COALESCE(SUM(claim_count), 0), COALESCE(SUM(commitment_count), 0) FROM documents";

/// What storing `given` makes of the entity `stored` under the same id: a field given (`Some`)
/// replaces the stored value, a field not given keeps it, and variants are the union in
/// first-seen order. `None` when that changes nothing (a country or a known person seen again:
/// most entities of a batch), so that writers skip the write. Both backends upsert with it.
fn merge_entity(stored: Option<Entity>, given: &Entity) -> Option<Entity> {
    let Some(stored) = stored else { return Some(given.clone()) };
    let mut variants = stored.variants.clone();
    for variant in &given.variants {
        if !variants.contains(variant) {
            variants.push(variant.clone());
        }
    }
    let merged = Entity {
        id: given.id.clone(),
        kind: given.kind.or(stored.kind),
        name_ar: given.name_ar.clone().or_else(|| stored.name_ar.clone()),
        name_en: given.name_en.clone().or_else(|| stored.name_en.clone()),
        country: given.country.clone().or_else(|| stored.country.clone()),
        role: given.role.clone().or_else(|| stored.role.clone()),
        sector: given.sector.clone().or_else(|| stored.sector.clone()),
        variants,
    };
    (merged != stored).then_some(merged)
}

/// The storage interface of alaqat, implemented by [`SqliteStore`] and `PgStore`.
///
/// Reads take `&self` and see committed data only; writes take `&mut self` and are atomic.
/// Methods that return many documents come in three shapes: all at once ([`Store::documents`],
/// for small stores and tests), streamed ([`Store::for_each_document`], for exports of any
/// size in constant memory) and paged ([`Store::documents_page`], for the server and for
/// re-extraction, which must write between reads).
pub trait Store: Send {
    /// Stores a batch atomically, stamped with `ingested_at`: either every document of the
    /// batch is stored or, on error, none is and the store is as before.
    ///
    /// Returns one outcome per input, in order. A document whose id is already stored is
    /// [`PutOutcome::Unchanged`] and nothing is written for it. The entities of each inserted
    /// extraction are upserted by id: a field the new entity gives replaces the stored one, a
    /// field it leaves `None` keeps the stored value, and `variants` become the union.
    fn put_batch_at(
        &mut self,
        batch: &[(Document, Extraction)],
        ingested_at: jiff::Timestamp,
    ) -> Result<Vec<PutOutcome>>;

    /// [`Store::put_batch_at`] stamped with the current time (to the second).
    fn put_batch(&mut self, batch: &[(Document, Extraction)]) -> Result<Vec<PutOutcome>> {
        let now = jiff::Timestamp::now();
        // Whole seconds are enough to say when something was ingested; `seq` orders documents.
        let now = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
        self.put_batch_at(batch, now)
    }

    /// True when a document with this id is stored. Cheap: lets an ingest skip extracting
    /// documents it already has.
    fn has_document(&self, id: &str) -> Result<bool>;

    /// The stored document with this id, with its extraction.
    fn document(&self, id: &str) -> Result<Option<StoredDocument>>;

    /// The texts of these documents, in the order asked (`None` for an id not stored), without
    /// their extractions: a search cuts its snippets from them (the search index keeps none).
    fn texts(&self, ids: &[&str]) -> Result<Vec<Option<String>>>;

    /// The ids of every stored document, in insertion order, without reading their texts
    /// (the search index reconciles itself with the store by them).
    fn document_ids(&self) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        self.for_each_document(&mut |stored| {
            ids.push(stored.document.id);
            Ok(())
        })?;
        Ok(ids)
    }

    /// Every stored document in insertion order. Holds them all in memory: prefer
    /// [`Store::for_each_document`] for exports.
    fn documents(&self) -> Result<Vec<StoredDocument>> {
        let mut documents = Vec::new();
        self.for_each_document(&mut |document| {
            documents.push(document);
            Ok(())
        })?;
        Ok(documents)
    }

    /// Calls `f` with every stored document in insertion order, one at a time, from one
    /// consistent snapshot (batches committed meanwhile are not seen). Stops at the first
    /// error `f` returns and returns it; wrap errors of your own with [`Error::consumer`].
    fn for_each_document(&self, f: &mut dyn FnMut(StoredDocument) -> Result<()>) -> Result<()> {
        self.for_each_document_with(Parts::Whole, f)
    }

    /// [`Store::for_each_document`], reading only `parts` of each document.
    fn for_each_document_with(&self, parts: Parts, f: &mut dyn FnMut(StoredDocument) -> Result<()>) -> Result<()>;

    /// Up to `limit` documents whose [`StoredDocument::seq`] is greater than `after_seq`, in
    /// insertion order. Start with `after_seq = 0`; an empty page means the end.
    fn documents_page(&self, after_seq: u64, limit: usize) -> Result<Vec<StoredDocument>>;

    /// The documents holding at least one event between the countries `a` and `b`, in either
    /// direction, in insertion order (`parts` of each): everything a dyad's fused events are
    /// made from, read through the `events` dyad index instead of the whole store.
    fn dyad_documents(&self, a: &str, b: &str, parts: Parts) -> Result<Vec<StoredDocument>>;

    /// The dyads of the stored events: each pair of distinct known countries `(a, b)` with
    /// `a < b`, and how many events are between them in either direction, most events first
    /// (then by the pair). One aggregate query.
    fn dyad_counts(&self) -> Result<Vec<(String, String, u64)>>;

    /// Every entity, ordered by id.
    fn entities(&self) -> Result<Vec<Entity>>;

    /// The entity with this id.
    fn entity(&self, id: &str) -> Result<Option<Entity>>;

    /// Replaces the extractions of stored documents (after lexicon or rule changes), all in
    /// one transaction. The documents themselves are untouched. Entities are upserted as in
    /// [`Store::put_batch_at`]; entities no longer mentioned anywhere stay stored.
    ///
    /// Fails with [`Error::UnknownDocument`] (and changes nothing) when an id is not stored.
    fn replace_extractions(&mut self, batch: &[(&str, &Extraction)]) -> Result<()>;

    /// [`Store::replace_extractions`] for one document.
    fn replace_extraction(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        self.replace_extractions(&[(doc_id, extraction)])
    }

    /// Counts of what is stored.
    fn stats(&self) -> Result<Stats>;

    /// How many documents are stored: [`Stats::documents`] without counting everything else.
    fn document_count(&self) -> Result<u64>;

    /// The [`StoredDocument::seq`] of the last document stored, 0 for an empty store. One
    /// index lookup: a server polls it to notice what other processes stored. Replacing
    /// extractions does not change it.
    fn last_seq(&self) -> Result<u64>;

    /// Checks the store's own consistency: the database engine's integrity check where it
    /// has one, and the [`ROW_CHECKS`]. With `repair`, deletes the rows found, in one
    /// transaction that also holds off writers, so the check sees no half-written batch.
    fn check(&mut self, repair: bool) -> Result<StoreCheck>;

    /// The schema version of the open store (after migration, so [`SCHEMA_VERSION`] for a
    /// [`SqliteStore`], `PG_SCHEMA_VERSION` for a `PgStore`).
    fn schema_version(&self) -> Result<u32>;
}
