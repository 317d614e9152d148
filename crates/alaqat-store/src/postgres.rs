//! [`PgStore`]: the server store, one PostgreSQL schema shared by many analysts and ingest
//! processes at once.
//!
//! The tables are those of the SQLite store (see the crate docs), in the schema the connection's
//! `search_path` selects (`public` unless the URL says otherwise, e.g.
//! `?options=-c%20search_path%3Dnews`), plus `documents.normalized`, the text's match keys, and
//! `documents.search`, their full-text vector with a GIN index, for [`PgStore::search_text`].
//! The original text is BYTEA because PostgreSQL's TEXT cannot hold U+0000.
//!
//! # Several writers
//!
//! Documents are keyed by their content-hash id (PRIMARY KEY, inserted with `ON CONFLICT DO
//! NOTHING`), so two processes ingesting the same document never store it twice. A write
//! transaction also takes `LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE`, which makes
//! writers take turns (as SQLite's write lock does) while readers go on: so `seq` follows commit
//! order (a reader paging by `seq` never skips a batch that committed late) and merging an
//! entity's variants never loses a concurrent writer's. Extraction, the costly part of an
//! ingest, runs in each process in parallel; only the commits are serialized.
//!
//! # Migrations
//!
//! `schema_migrations` lists the versions applied. Opening applies the missing scripts in one
//! transaction under an advisory lock (so processes that start together migrate once) and
//! refuses a schema newer than this build with [`Error::SchemaTooNew`].

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use alaqat_model::{Actor, Document, Entity, Event, Extraction};
use postgres::error::SqlState;
use postgres::types::{FromSql, ToSql};
use postgres::{Client, GenericClient, NoTls, Row, Statement, Transaction};

use crate::codec;
use crate::details;
use crate::error::{Error, Result};
use crate::read::{document_columns, entity_columns, DocumentRow};
use crate::{Parts, PutOutcome, Stats, Store, StoreCheck, StoredDocument, ROW_CHECKS};

/// The schema version of the PostgreSQL store this build writes: the number of its migrations.
#[allow(clippy::cast_possible_truncation)] // There will never be 2^32 migrations.
pub const PG_SCHEMA_VERSION: u32 = PG_MIGRATIONS.len() as u32;

/// PostgreSQL schema migrations in order; released entries are frozen.
const PG_MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/v1.sql"),
    include_str!("migrations/postgres/v2.sql"),
    include_str!("migrations/postgres/v3.sql"),
];

/// How long connecting may take when the URL sets no `connect_timeout`.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Documents fetched per round trip when streaming, with their extractions.
const CHUNK: usize = 128;

/// True when `store` names a PostgreSQL store (`postgres://…` or `postgresql://…`).
pub fn is_postgres_url(store: &str) -> bool {
    let lower = store.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `url` with the password (if any) replaced by `***`, for messages.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        // libpq's `key=value` form.
        let words = url.split_whitespace().map(|word| match word.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") => "password=***",
            _ => word,
        });
        return words.collect::<Vec<_>>().join(" ");
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else { return url.to_owned() };
    match rest[..at].find(':') {
        Some(colon) => format!("{}{}:***{}", &url[..scheme_end], &rest[..colon], &rest[at..]),
        None => url.to_owned(),
    }
}

/// A document found by [`PgStore::search_text`].
#[derive(Clone, Debug, PartialEq)]
pub struct TextHit {
    /// The document's id.
    pub id: String,
    /// Its position in insertion order.
    pub seq: u64,
    /// Where it came from.
    pub source: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// PostgreSQL's `ts_rank`: higher is better.
    pub rank: f32,
}

/// The PostgreSQL store. See the module docs.
///
/// A `PgStore` owns one connection (no TLS: use it on the loopback or a trusted network); it
/// is `Send` but not `Sync`. Open one per thread or process; any number may share a database.
pub struct PgStore {
    client: RefCell<Client>,
    /// Prepared statements of this connection, by their SQL.
    statements: RefCell<HashMap<&'static str, Statement>>,
    /// True inside the read-only transaction of an outer read (nested reads join it).
    reading: Cell<bool>,
    /// Numbers the cursors of `for_each_document`, so that nested streams do not collide.
    cursors: Cell<u64>,
    url: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("url", &self.url).finish_non_exhaustive()
    }
}

impl PgStore {
    /// Connects to the PostgreSQL database at `url` (`postgres://USER:PASSWORD@HOST:PORT/DB`,
    /// or libpq's `key=value` form), creating the tables on first use and migrating an older
    /// schema to [`PG_SCHEMA_VERSION`].
    ///
    /// Fails with [`Error::InvalidUrl`] for a URL that does not parse, [`Error::Connect`] when
    /// the server cannot be reached or refuses the login, and [`Error::SchemaTooNew`] when a
    /// newer alaqat wrote the schema.
    pub fn connect(url: &str) -> Result<PgStore> {
        let redacted = redact_url(url);
        let mut config = postgres::Config::from_str(url.trim())
            .map_err(|source| Error::InvalidUrl { url: redacted.clone(), source })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("alaqat");
        }
        let mut client = config.connect(NoTls).map_err(|source| Error::Connect { url: redacted.clone(), source })?;
        migrate(&mut client, PG_MIGRATIONS)?;
        Ok(PgStore {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            reading: Cell::new(false),
            cursors: Cell::new(0),
            url: redacted,
        })
    }

    /// The URL connected to, with the password replaced by `***`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Full-text search over the documents' normalized text: the query is normalized the same
    /// way (`alaqat_text::normalize`: diacritics dropped, alef, yeh and taa marbuta folded,
    /// `عبد العزيز` joined to `عبدالعزيز`), and a document matches when it holds every word of
    /// it. Best first (`ts_rank`), then in insertion order; at most `limit` hits.
    pub fn search_text(&self, query: &str, limit: usize) -> Result<Vec<TextHit>> {
        let key = search_key(query);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self.query(
            "SELECT id, seq, source, title, ts_rank(search, q) \
             FROM documents, plainto_tsquery('simple', $1) AS q \
             WHERE search @@ q ORDER BY 5 DESC, seq LIMIT $2",
            &[&key, &limit],
        )?;
        rows.iter()
            .map(|row| {
                Ok(TextHit {
                    id: get(row, 0)?,
                    seq: read_seq(row, 1)?,
                    source: get(row, 2)?,
                    title: get(row, 3)?,
                    rank: get(row, 4)?,
                })
            })
            .collect()
    }

    /// Runs one cached statement outside any write transaction.
    fn query(&self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        let mut client = self.client.borrow_mut();
        let statement = prepared(&mut self.statements.borrow_mut(), &mut *client, sql)?;
        Ok(client.query(&statement, params)?)
    }

    /// Runs `f` inside one read-only REPEATABLE READ transaction, so that a document and its
    /// items, or a whole stream, come from one snapshot. Nested reads join the outer one.
    fn read<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if self.reading.get() {
            return f();
        }
        self.client.borrow_mut().batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
        self.reading.set(true);
        let result = f();
        self.reading.set(false);
        let end = self.client.borrow_mut().batch_execute(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let value = result?;
        end?;
        Ok(value)
    }

    /// Reads the extractions of `rows` (two queries for all of them: their entities, their
    /// events) and pairs them up.
    fn stored_documents(&self, rows: Vec<DocumentRow>, parts: Parts) -> Result<Vec<StoredDocument>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut documents = Vec::with_capacity(rows.len());
        let mut entity_ids = Vec::with_capacity(rows.len());
        for row in rows {
            let mut extraction = Extraction { inferred_published: row.inferred_published, ..Extraction::default() };
            entity_ids.push(details::decode(&row.document.id, &row.details, &mut extraction)?);
            documents.push(StoredDocument {
                document: row.document,
                extraction,
                ingested_at: row.ingested_at,
                seq: row.seq,
            });
        }
        if parts == Parts::WithoutEntities {
            entity_ids.iter_mut().for_each(Vec::clear);
        }
        let mut wanted: Vec<&str> = entity_ids.iter().flatten().map(String::as_str).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut entities = HashMap::with_capacity(wanted.len());
        // Nothing to ask for without entity records (or a chunk of documents without entities).
        let rows = if wanted.is_empty() {
            Vec::new()
        } else {
            self.query(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = ANY($1)"), &[&wanted])?
        };
        for row in rows {
            let entity = entity_row(&row, 0)?;
            entities.insert(entity.id.clone(), entity);
        }
        for (stored, ids) in documents.iter_mut().zip(entity_ids) {
            for id in ids {
                let entity = entities.get(&id).cloned().ok_or_else(|| {
                    Error::corrupt(format!("document {}: entity {id} is not stored", stored.document.id))
                })?;
                stored.extraction.entities.push(entity);
            }
        }
        let ids: Vec<&str> = documents.iter().map(|d| d.document.id.as_str()).collect();
        let positions: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut events: Vec<Vec<Event>> = vec![Vec::new(); documents.len()];
        for row in self.query(
            "SELECT doc_id, id, code, plover, goldstein, quad, \
             source_code, source_country, source_entity, target_code, target_country, target_entity, \
             date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
             evidence_start, evidence_end, trigger_start, trigger_end \
             FROM events WHERE doc_id = ANY($1) ORDER BY ord",
            &[&ids],
        )? {
            let doc_id: String = get(&row, 0)?;
            let at = positions
                .get(doc_id.as_str())
                .copied()
                .ok_or_else(|| Error::corrupt(format!("event of unexpected document {doc_id}")))?;
            events[at].push(event_row(&doc_id, &row)?);
        }
        for (stored, events) in documents.iter_mut().zip(events) {
            stored.extraction.events = events;
        }
        Ok(documents)
    }
}

/// The match keys of a query, as stored in `documents.normalized`.
fn search_key(text: &str) -> String {
    alaqat_text::normalize_word(text).replace('\0', " ")
}

/// The statement for `sql`, prepared once per connection.
fn prepared(
    cache: &mut HashMap<&'static str, Statement>,
    conn: &mut impl GenericClient,
    sql: &'static str,
) -> Result<Statement> {
    if let Some(statement) = cache.get(sql) {
        return Ok(statement.clone());
    }
    let statement = conn.prepare(sql)?;
    cache.insert(sql, statement.clone());
    Ok(statement)
}

/// A column value; a value of an unexpected type is corruption, not a panic.
fn get<'a, T: FromSql<'a>>(row: &'a Row, index: usize) -> Result<T> {
    row.try_get(index).map_err(|error| {
        let name = row.columns().get(index).map_or("?", |c| c.name());
        Error::corrupt(format!("column {name} (#{index}) cannot be read: {error}"))
    })
}

fn read_seq(row: &Row, index: usize) -> Result<u64> {
    let seq: i64 = get(row, index)?;
    u64::try_from(seq).map_err(|_| Error::corrupt(format!("negative seq {seq}")))
}

/// A document's text from its `BYTEA` column (TEXT cannot hold U+0000).
fn utf8_text(id: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| Error::corrupt(format!("document {id}: text is not valid UTF-8")))
}

/// Reads a row selected with `document_columns!()`.
fn document_row(row: &Row) -> Result<DocumentRow> {
    let id: String = get(row, 0)?;
    let seq = read_seq(row, 1)?;
    let published = codec::read_time_span(&id, "published", get(row, 5)?, get(row, 6)?, get(row, 7)?, get(row, 8)?)?;
    let lang: String = get(row, 9)?;
    let format: String = get(row, 11)?;
    let text = utf8_text(&id, get(row, 12)?)?;
    let inferred_published =
        codec::read_time_span(&id, "inferred_published", get(row, 14)?, get(row, 15)?, get(row, 16)?, get(row, 17)?)?;
    let document = Document {
        source: get(row, 2)?,
        url: get(row, 3)?,
        title: get(row, 4)?,
        published,
        lang: codec::read_lang(&id, &lang)?,
        encoding: get(row, 10)?,
        format: codec::read_format(&id, &format)?,
        text,
        id,
    };
    Ok(DocumentRow { document, seq, ingested_at: get(row, 13)?, inferred_published, details: get(row, 18)? })
}

/// Reads the `entity_columns!()` of a row, starting at column `at`.
fn entity_row(row: &Row, at: usize) -> Result<Entity> {
    let id: String = get(row, at)?;
    let kind: Option<String> = get(row, at + 1)?;
    let kind = kind.map(|kind| codec::read_entity_kind(&id, &kind)).transpose()?;
    let variants: String = get(row, at + 7)?;
    let variants = codec::read_json(&format!("entity {id}"), "variants", &variants)?;
    Ok(Entity {
        kind,
        name_ar: get(row, at + 2)?,
        name_en: get(row, at + 3)?,
        country: get(row, at + 4)?,
        role: get(row, at + 5)?,
        sector: get(row, at + 6)?,
        variants,
        id,
    })
}

fn span(doc_id: &str, what: &str, row: &Row, at: usize) -> Result<alaqat_model::Span> {
    codec::read_span(doc_id, what, get(row, at)?, get(row, at + 1)?)
}

/// Reads an `events` row selected (after `doc_id`) as in [`PgStore::stored_documents`].
fn event_row(doc_id: &str, row: &Row) -> Result<Event> {
    let modality: String = get(row, 17)?;
    let quad: i16 = get(row, 5)?;
    Ok(Event {
        id: get(row, 1)?,
        code: get(row, 2)?,
        plover: get(row, 3)?,
        goldstein: get(row, 4)?,
        quad: codec::read_u8(doc_id, "event quad", i64::from(quad))?,
        source: Actor { code: get(row, 6)?, country: codec::read_country(get(row, 7)?), entity: get(row, 8)? },
        target: Actor { code: get(row, 9)?, country: codec::read_country(get(row, 10)?), entity: get(row, 11)? },
        date: codec::read_time_span(doc_id, "event date", get(row, 12)?, get(row, 13)?, get(row, 14)?, get(row, 15)?)?,
        place: get(row, 16)?,
        modality: codec::read_modality(doc_id, &modality)?,
        confidence: get(row, 18)?,
        evidence: span(doc_id, "event evidence", row, 19)?,
        trigger: span(doc_id, "event trigger", row, 21)?,
    })
}

impl Store for PgStore {
    fn put_batch_at(
        &mut self,
        batch: &[(Document, Extraction)],
        ingested_at: jiff::Timestamp,
    ) -> Result<Vec<PutOutcome>> {
        let ingested_at = ingested_at.to_string();
        let mut writer = Writer::begin(self.client.get_mut(), self.statements.get_mut())?;
        let outcomes = batch
            .iter()
            .map(|(document, extraction)| writer.put(document, extraction, &ingested_at))
            .collect::<Result<Vec<_>>>()?;
        writer.tx.commit()?;
        Ok(outcomes)
    }

    fn has_document(&self, id: &str) -> Result<bool> {
        let rows = self.query("SELECT 1 FROM documents WHERE id = $1", &[&id])?;
        Ok(!rows.is_empty())
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.read(|| {
            let rows = self.query(concat!("SELECT ", document_columns!(), " FROM documents WHERE id = $1"), &[&id])?;
            let rows = rows.iter().map(document_row).collect::<Result<Vec<_>>>()?;
            Ok(self.stored_documents(rows, Parts::Whole)?.pop())
        })
    }

    fn texts(&self, ids: &[&str]) -> Result<Vec<Option<String>>> {
        let rows = self.query("SELECT id, text FROM documents WHERE id = ANY($1)", &[&ids])?;
        let mut found: HashMap<String, String> = HashMap::with_capacity(rows.len());
        for row in &rows {
            let id: String = get(row, 0)?;
            let text = utf8_text(&id, get(row, 1)?)?;
            found.insert(id, text);
        }
        Ok(ids.iter().map(|id| found.remove(*id)).collect())
    }

    fn document_ids(&self) -> Result<Vec<String>> {
        let rows = self.query("SELECT id FROM documents ORDER BY seq", &[])?;
        rows.iter().map(|row| get(row, 0)).collect()
    }

    fn for_each_document_with(&self, parts: Parts, f: &mut dyn FnMut(StoredDocument) -> Result<()>) -> Result<()> {
        self.read(|| {
            let n = self.cursors.get() + 1;
            self.cursors.set(n);
            // The cursor's name is our own counter, never a user value.
            let declare = format!(
                "DECLARE alaqat_docs_{n} NO SCROLL CURSOR FOR SELECT {} FROM documents ORDER BY seq",
                document_columns!()
            );
            let fetch = format!("FETCH FORWARD {CHUNK} FROM alaqat_docs_{n}");
            self.client.borrow_mut().batch_execute(&declare)?;
            loop {
                let rows = self.client.borrow_mut().query(fetch.as_str(), &[])?;
                if rows.is_empty() {
                    break;
                }
                let rows = rows.iter().map(document_row).collect::<Result<Vec<_>>>()?;
                // The borrow of the connection is released: `f` may read the store too.
                for stored in self.stored_documents(rows, parts)? {
                    f(stored)?;
                }
            }
            self.client.borrow_mut().batch_execute(&format!("CLOSE alaqat_docs_{n}"))?;
            Ok(())
        })
    }

    fn documents_page(&self, after_seq: u64, limit: usize) -> Result<Vec<StoredDocument>> {
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|| {
            let rows = self.query(
                concat!("SELECT ", document_columns!(), " FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2"),
                &[&after, &limit],
            )?;
            let rows = rows.iter().map(document_row).collect::<Result<Vec<_>>>()?;
            self.stored_documents(rows, Parts::Whole)
        })
    }

    fn dyad_documents(&self, a: &str, b: &str, parts: Parts) -> Result<Vec<StoredDocument>> {
        self.read(|| {
            let rows = self.query(
                concat!(
                    "SELECT ",
                    document_columns!(),
                    " FROM documents WHERE ",
                    crate::dyad_condition!("$1", "$2"),
                    " ORDER BY seq"
                ),
                &[&a, &b],
            )?;
            let rows = rows.iter().map(document_row).collect::<Result<Vec<_>>>()?;
            self.stored_documents(rows, parts)
        })
    }

    fn dyad_counts(&self) -> Result<Vec<(String, String, u64)>> {
        let rows = self.query(crate::DYAD_COUNTS_SQL, &[])?;
        rows.iter()
            .map(|row| {
                let n: i64 = get(row, 2)?;
                Ok((get(row, 0)?, get(row, 1)?, u64::try_from(n).unwrap_or(0)))
            })
            .collect()
    }

    fn entities(&self) -> Result<Vec<Entity>> {
        let rows = self.query(concat!("SELECT ", entity_columns!(), " FROM entities ORDER BY id"), &[])?;
        rows.iter().map(|row| entity_row(row, 0)).collect()
    }

    fn entity(&self, id: &str) -> Result<Option<Entity>> {
        let rows = self.query(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = $1"), &[&id])?;
        rows.first().map(|row| entity_row(row, 0)).transpose()
    }

    fn replace_extractions(&mut self, batch: &[(&str, &Extraction)]) -> Result<()> {
        let mut writer = Writer::begin(self.client.get_mut(), self.statements.get_mut())?;
        for (doc_id, extraction) in batch {
            writer.replace(doc_id, extraction)?;
        }
        writer.tx.commit()?;
        Ok(())
    }

    fn stats(&self) -> Result<Stats> {
        let rows = self.query(crate::STATS_SQL, &[])?;
        let row = rows.first().ok_or_else(|| Error::corrupt("no counts"))?;
        let mut counts = [0_u64; 7];
        for (i, count) in counts.iter_mut().enumerate() {
            // Counts are never negative.
            *count = u64::try_from(get::<i64>(row, i)?).unwrap_or(0);
        }
        let [documents, entities, mentions, dates, events, claims, commitments] = counts;
        Ok(Stats { documents, entities, mentions, dates, events, claims, commitments })
    }

    fn document_count(&self) -> Result<u64> {
        let rows = self.query("SELECT COUNT(*) FROM documents", &[])?;
        let row = rows.first().ok_or_else(|| Error::corrupt("no count"))?;
        Ok(u64::try_from(get::<i64>(row, 0)?).unwrap_or(0))
    }

    fn last_seq(&self) -> Result<u64> {
        let rows = self.query("SELECT COALESCE(MAX(seq), 0) FROM documents", &[])?;
        let row = rows.first().ok_or_else(|| Error::corrupt("no last seq"))?;
        read_seq(row, 0)
    }

    fn check(&mut self, repair: bool) -> Result<StoreCheck> {
        let mut writer = Writer::begin(self.client.get_mut(), self.statements.get_mut())?;
        let mut bad_rows = Vec::new();
        for (what, rows) in ROW_CHECKS {
            let found = writer.tx.query_one(format!("SELECT COUNT(*) {rows}").as_str(), &[])?;
            let count: i64 = get(&found, 0)?;
            if count > 0 {
                bad_rows.push(((*what).to_owned(), u64::try_from(count).unwrap_or(0)));
                if repair {
                    writer.tx.execute(format!("DELETE {rows}").as_str(), &[])?;
                }
            }
        }
        writer.tx.commit()?;
        // PostgreSQL checks its own pages (and reports damage in its log); nothing to add.
        Ok(StoreCheck { integrity: Vec::new(), repaired: repair && !bad_rows.is_empty(), bad_rows })
    }

    fn schema_version(&self) -> Result<u32> {
        stored_version(&mut *self.client.borrow_mut())
    }
}

/// One write transaction, holding the writers' lock.
struct Writer<'c> {
    tx: Transaction<'c>,
    statements: &'c mut HashMap<&'static str, Statement>,
    /// The `seq` of the next inserted document, read once the lock is held.
    next_seq: Option<i64>,
}

const INSERT_DOCUMENT: &str = "INSERT INTO documents (id, seq, source, url, title, \
     published_start, published_end, published_precision, published_inferred, \
     lang, encoding, format, text, normalized, ingested_at, \
     inferred_published_start, inferred_published_end, \
     inferred_published_precision, inferred_published_inferred, details, \
     mention_count, date_count, claim_count, commitment_count) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
     $21, $22, $23, $24) \
     ON CONFLICT (id) DO NOTHING RETURNING seq";

impl<'c> Writer<'c> {
    fn begin(client: &'c mut Client, statements: &'c mut HashMap<&'static str, Statement>) -> Result<Writer<'c>> {
        let mut tx = client.transaction()?;
        // Conflicts with itself and with every other write, not with plain reads.
        tx.batch_execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")?;
        Ok(Writer { tx, statements, next_seq: None })
    }

    fn execute(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        let statement = prepared(self.statements, &mut self.tx, sql)?;
        Ok(self.tx.execute(&statement, params)?)
    }

    fn query(&mut self, sql: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        let statement = prepared(self.statements, &mut self.tx, sql)?;
        Ok(self.tx.query(&statement, params)?)
    }

    fn put(&mut self, document: &Document, extraction: &Extraction, ingested_at: &str) -> Result<PutOutcome> {
        let seq = match self.next_seq {
            Some(seq) => seq,
            None => {
                let rows = self.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents", &[])?;
                let row = rows.first().ok_or_else(|| Error::corrupt("no next seq"))?;
                get(row, 0)?
            }
        };
        let (p_start, p_end, p_precision, p_inferred) = codec::time_span(document.published.as_ref());
        let (i_start, i_end, i_precision, i_inferred) = codec::time_span(extraction.inferred_published.as_ref());
        let normalized = alaqat_text::normalize(&document.text).as_str().replace('\0', " ");
        let details = details::encode(&document.id, extraction)?;
        let counts = details::counts(extraction).map(|n| i32::try_from(n).unwrap_or(i32::MAX));
        let inserted = self
            .query(
                INSERT_DOCUMENT,
                &[
                    &document.id,
                    &seq,
                    &document.source,
                    &document.url,
                    &document.title,
                    &p_start,
                    &p_end,
                    &p_precision,
                    &p_inferred,
                    &document.lang.code(),
                    &document.encoding,
                    &document.format.name(),
                    &document.text.as_bytes(),
                    &normalized,
                    &ingested_at,
                    &i_start,
                    &i_end,
                    &i_precision,
                    &i_inferred,
                    &details,
                    &counts[0],
                    &counts[1],
                    &counts[2],
                    &counts[3],
                ],
            )
            .map_err(|error| unsupported(error, &document.id))?;
        if inserted.is_empty() {
            // Stored already, by an earlier batch or earlier in this one.
            self.next_seq = Some(seq);
            return Ok(PutOutcome::Unchanged);
        }
        self.next_seq = Some(seq + 1);
        self.insert_extraction(&document.id, extraction).map_err(|error| unsupported(error, &document.id))?;
        Ok(PutOutcome::Inserted)
    }

    fn replace(&mut self, doc_id: &str, extraction: &Extraction) -> Result<()> {
        if self.query("SELECT 1 FROM documents WHERE id = $1", &[&doc_id])?.is_empty() {
            return Err(Error::UnknownDocument { id: doc_id.to_owned() });
        }
        self.execute("DELETE FROM events WHERE doc_id = $1", &[&doc_id])?;
        let (start, end, precision, inferred) = codec::time_span(extraction.inferred_published.as_ref());
        let details = details::encode(doc_id, extraction)?;
        let [mentions, dates, claims, commitments] =
            details::counts(extraction).map(|n| i32::try_from(n).unwrap_or(i32::MAX));
        self.execute(
            "UPDATE documents SET inferred_published_start = $2, inferred_published_end = $3, \
             inferred_published_precision = $4, inferred_published_inferred = $5, details = $6, \
             mention_count = $7, date_count = $8, claim_count = $9, commitment_count = $10 WHERE id = $1",
            &[&doc_id, &start, &end, &precision, &inferred, &details, &mentions, &dates, &claims, &commitments],
        )
        .map_err(|error| unsupported(error, doc_id))?;
        self.insert_extraction(doc_id, extraction).map_err(|error| unsupported(error, doc_id))
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
            self.execute(
                "INSERT INTO events (doc_id, id, code, plover, goldstein, quad, \
                 source_code, source_country, source_entity, target_code, target_country, target_entity, \
                 date_start, date_end, date_precision, date_inferred, place, modality, confidence, \
                 evidence_start, evidence_end, trigger_start, trigger_end) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                 $17, $18, $19, $20, $21, $22, $23)",
                &[
                    &doc_id,
                    &event.id,
                    &event.code,
                    &event.plover,
                    &event.goldstein,
                    &i16::from(event.quad),
                    &event.source.code,
                    &codec::actor_country(&event.source),
                    &event.source.entity,
                    &event.target.code,
                    &codec::actor_country(&event.target),
                    &event.target.entity,
                    &date_start,
                    &date_end,
                    &date_precision,
                    &date_inferred,
                    &event.place,
                    &event.modality.name(),
                    &event.confidence,
                    &evidence_start,
                    &evidence_end,
                    &trigger_start,
                    &trigger_end,
                ],
            )?;
        }
        Ok(())
    }

    /// Inserts an entity or merges it into the stored one ([`crate::merge_entity`]). Race-free
    /// because writers hold the lock.
    fn upsert_entity(&mut self, entity: &Entity) -> Result<()> {
        let rows = self.query(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = $1"), &[&entity.id])?;
        let stored = rows.first().map(|row| entity_row(row, 0)).transpose()?;
        let Some(merged) = crate::merge_entity(stored, entity) else { return Ok(()) };
        self.execute(
            "INSERT INTO entities (id, kind, name_ar, name_en, country, role, sector, variants) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_ar = excluded.name_ar, \
             name_en = excluded.name_en, country = excluded.country, role = excluded.role, \
             sector = excluded.sector, variants = excluded.variants",
            &[
                &merged.id,
                &merged.kind.map(|k| k.name()),
                &merged.name_ar,
                &merged.name_en,
                &merged.country,
                &merged.role,
                &merged.sector,
                &codec::json("entity variants", &merged.variants)?,
            ],
        )?;
        Ok(())
    }
}

/// PostgreSQL refuses U+0000 in TEXT ("invalid byte sequence"): that is this document's
/// problem, not the store's, so it is reported as such and ingest goes on with the others.
fn unsupported(error: Error, doc_id: &str) -> Error {
    match &error {
        Error::Postgres(pg) if pg.code() == Some(&SqlState::CHARACTER_NOT_IN_REPERTOIRE) => Error::Unsupported {
            doc_id: doc_id.to_owned(),
            what: "a field other than the text holds a NUL character (U+0000), which PostgreSQL cannot store",
        },
        _ => error,
    }
}

/// Brings the schema from its stored version to the end of `migrations` and returns the
/// version reached. All pending scripts run in one transaction under an advisory lock, so a
/// failed upgrade changes nothing and processes that start together migrate once.
pub(crate) fn migrate(client: &mut Client, migrations: &[&str]) -> Result<u32> {
    let supported = u32::try_from(migrations.len()).unwrap_or(u32::MAX);
    let found = stored_version(client)?;
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    if found == supported {
        return Ok(found);
    }
    let mut tx = client.transaction()?;
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('alaqat-store migrate ' || COALESCE(current_schema(), '')))",
        &[],
    )?;
    // Another process may have migrated while we waited for the lock.
    let found = stored_version(&mut tx)?;
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    for (version, script) in (1_i32..).zip(migrations).skip(found as usize) {
        tx.batch_execute(script)?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version])?;
    }
    tx.commit()?;
    Ok(supported)
}

/// The schema version recorded in the current schema: 0 when it holds no tables.
pub(crate) fn stored_version(conn: &mut impl GenericClient) -> Result<u32> {
    let row = conn.query_one(
        "SELECT to_regclass('schema_migrations') IS NOT NULL, \
         EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema())",
        &[],
    )?;
    let (has_migrations, has_tables): (bool, bool) = (get(&row, 0)?, get(&row, 1)?);
    if !has_migrations {
        return if has_tables {
            Err(Error::corrupt("the schema has tables but no schema_migrations table (not an alaqat store?)"))
        } else {
            Ok(0)
        };
    }
    let row = conn.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?;
    let version: i32 = get(&row, 0)?;
    u32::try_from(version).map_err(|_| Error::corrupt(format!("schema version {version} is negative")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognized_and_redacted() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("PostgreSQL://h/db"));
        assert!(!is_postgres_url("./alaqat-data"));
        assert!(!is_postgres_url("sqlite://x"));
        assert_eq!(redact_url("postgres://alaqat:s3cr@t@127.0.0.1:5432/db"), "postgres://alaqat:***@127.0.0.1:5432/db");
        assert_eq!(
            redact_url("postgres://alaqat@host/db?sslmode=disable"),
            "postgres://alaqat@host/db?sslmode=disable"
        );
        assert_eq!(redact_url("postgresql://host/db"), "postgresql://host/db");
        assert_eq!(redact_url("host=x password=y user=u"), "host=x password=*** user=u");
    }

    #[test]
    fn search_keys_are_the_match_keys() {
        assert_eq!(search_key("عبد العزيز"), "عبدالعزيز");
        assert_eq!(search_key("  مدينة   الأمم "), "مدينه الامم");
    }
}
