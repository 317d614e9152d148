//! [`SqliteStore`]: the embedded store, one SQLite database in one directory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use alaqat_model::{Document, Entity, Extraction};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Error, Result};
use crate::read::{self, entity_columns, sqlite_document_columns, Reader};
use crate::write::Writer;
use crate::{Parts, PutOutcome, Stats, Store, StoreCheck, StoredDocument, ROW_CHECKS};

/// The name of the database file inside the store directory.
pub const DATABASE_FILE: &str = "alaqat.sqlite3";

/// The schema version this build writes: the number of migrations it knows.
#[allow(clippy::cast_possible_truncation)] // There will never be 2^32 migrations.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Schema migrations in order: applying `MIGRATIONS[n]` takes a store from version `n` to
/// `n + 1`. Released entries are frozen; change the schema by appending a script.
const MIGRATIONS: &[&str] =
    &[include_str!("migrations/v1.sql"), include_str!("migrations/v2.sql"), include_str!("migrations/v3.sql")];

/// How long a statement waits for another process's lock before failing with "database is
/// locked". Generous, because a concurrent ingest holds the write lock for a whole batch.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The embedded store: a SQLite database in WAL mode. See the crate docs for the layout.
///
/// A `SqliteStore` owns one connection; it is `Send` but not `Sync`. Several processes (or
/// several `SqliteStore`s) may open the same directory: readers see committed batches only,
/// writers take turns.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: Option<PathBuf>,
}

impl SqliteStore {
    /// Opens the store in `dir`, creating the directory and the database on first use and
    /// migrating an older schema to [`SCHEMA_VERSION`].
    ///
    /// Fails with [`Error::SchemaTooNew`] when a newer alaqat wrote the store, and with
    /// [`Error::Open`] when the file is not a SQLite database.
    pub fn open(dir: &Path) -> Result<SqliteStore> {
        std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir { path: dir.to_owned(), source })?;
        let path = dir.join(DATABASE_FILE);
        let open_error = |source| Error::Open { path: path.clone(), source };
        let mut conn = Connection::open(&path).map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        // WAL lets readers (export, the server) run while an ingest writes. The pragma answers
        // with the mode it got; a file system without shared memory support keeps the rollback
        // journal, which is slower but equally safe, so that is not an error.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)).map_err(open_error)?;
        configure(&conn).map_err(open_error)?;
        migrate(&mut conn, MIGRATIONS)?;
        Ok(SqliteStore { conn, path: Some(path) })
    }

    /// Opens a fresh store that lives in memory only, for tests and examples.
    pub fn open_in_memory() -> Result<SqliteStore> {
        let path = PathBuf::from(":memory:");
        let open_error = |source| Error::Open { path: path.clone(), source };
        let mut conn = Connection::open_in_memory().map_err(open_error)?;
        configure(&conn).map_err(open_error)?;
        migrate(&mut conn, MIGRATIONS)?;
        Ok(SqliteStore { conn, path: None })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` inside one read transaction so that it sees a single consistent snapshot even
    /// while another process commits. Inside an already open transaction it just runs `f`.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(&self.conn);
        }
        let tx = self.conn.unchecked_transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

impl Store for SqliteStore {
    fn put_batch_at(
        &mut self,
        batch: &[(Document, Extraction)],
        ingested_at: jiff::Timestamp,
    ) -> Result<Vec<PutOutcome>> {
        let ingested_at = ingested_at.to_string();
        // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades from
        // read to write can fail with "database is locked" without waiting.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = {
            let mut writer = Writer::new(&tx)?;
            batch
                .iter()
                .map(|(document, extraction)| writer.put(document, extraction, &ingested_at))
                .collect::<Result<Vec<_>>>()?
        };
        tx.commit()?;
        Ok(outcomes)
    }

    fn has_document(&self, id: &str) -> Result<bool> {
        let mut statement = self.conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(statement.exists([id])?)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.read(|conn| {
            let row = conn
                .query_row(
                    concat!("SELECT ", sqlite_document_columns!(), " FROM documents WHERE id = ?1"),
                    [id],
                    |row| Ok(read::read_document_row(row)),
                )
                .optional()?
                .transpose()?;
            match row {
                Some(row) => Ok(Some(Reader::new(conn, Parts::Whole)?.stored_document(row)?)),
                None => Ok(None),
            }
        })
    }

    fn texts(&self, ids: &[&str]) -> Result<Vec<Option<String>>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached("SELECT text, text_zstd FROM documents WHERE id = ?1")?;
            ids.iter()
                .map(|&id| {
                    let mut rows = statement.query([id])?;
                    let Some(row) = rows.next()? else { return Ok(None) };
                    Ok(Some(read::read_text(row, id, 0, 1)?))
                })
                .collect()
        })
    }

    fn document_ids(&self) -> Result<Vec<String>> {
        self.read(|conn| {
            let mut statement = conn.prepare("SELECT id FROM documents ORDER BY seq")?;
            let ids = statement.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })
    }

    fn for_each_document_with(&self, parts: Parts, f: &mut dyn FnMut(StoredDocument) -> Result<()>) -> Result<()> {
        self.read(|conn| {
            let mut reader = Reader::new(conn, parts)?;
            let mut statement =
                conn.prepare(concat!("SELECT ", sqlite_document_columns!(), " FROM documents ORDER BY seq"))?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                f(reader.stored_document(read::read_document_row(row)?)?)?;
            }
            Ok(())
        })
    }

    fn documents_page(&self, after_seq: u64, limit: usize) -> Result<Vec<StoredDocument>> {
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql =
            concat!("SELECT ", sqlite_document_columns!(), " FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        self.read(|conn| read_documents(conn, sql, params![after, limit], Parts::Whole))
    }

    fn dyad_documents(&self, a: &str, b: &str, parts: Parts) -> Result<Vec<StoredDocument>> {
        let sql = concat!(
            "SELECT ",
            sqlite_document_columns!(),
            " FROM documents WHERE ",
            crate::dyad_condition!("?1", "?2"),
            " ORDER BY seq"
        );
        self.read(|conn| read_documents(conn, sql, params![a, b], parts))
    }

    fn dyad_counts(&self) -> Result<Vec<(String, String, u64)>> {
        let mut statement = self.conn.prepare(crate::DYAD_COUNTS_SQL)?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get::<_, i64>(2)?)))?;
        let mut dyads = Vec::new();
        for row in rows {
            let (a, b, n) = row?;
            dyads.push((a, b, u64::try_from(n).unwrap_or(0)));
        }
        Ok(dyads)
    }

    fn entities(&self) -> Result<Vec<Entity>> {
        let mut statement = self.conn.prepare(concat!("SELECT ", entity_columns!(), " FROM entities ORDER BY id"))?;
        let mut rows = statement.query([])?;
        let mut entities = Vec::new();
        while let Some(row) = rows.next()? {
            entities.push(read::read_entity_row(row)?);
        }
        Ok(entities)
    }

    fn entity(&self, id: &str) -> Result<Option<Entity>> {
        self.conn
            .query_row(concat!("SELECT ", entity_columns!(), " FROM entities WHERE id = ?1"), [id], |row| {
                Ok(read::read_entity_row(row))
            })
            .optional()?
            .transpose()
    }

    fn replace_extractions(&mut self, batch: &[(&str, &Extraction)]) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut writer = Writer::new(&tx)?;
            for (doc_id, extraction) in batch {
                writer.replace(doc_id, extraction)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn stats(&self) -> Result<Stats> {
        self.read(|conn| {
            let counts = conn.query_row(crate::STATS_SQL, [], |row| {
                Ok([
                    row.get::<_, i64>(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ])
            })?;
            // Counts are never negative.
            let [documents, entities, mentions, dates, events, claims, commitments] =
                counts.map(|n| u64::try_from(n).unwrap_or(0));
            Ok(Stats { documents, entities, mentions, dates, events, claims, commitments })
        })
    }

    fn document_count(&self) -> Result<u64> {
        let count: i64 = self.conn.query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn last_seq(&self) -> Result<u64> {
        let seq: i64 = self.conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM documents", [], |row| row.get(0))?;
        Ok(u64::try_from(seq).unwrap_or(0))
    }

    fn check(&mut self, repair: bool) -> Result<StoreCheck> {
        let mut integrity = {
            let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
            let lines = statement.query_map([], |row| row.get::<_, String>(0))?;
            lines.collect::<rusqlite::Result<Vec<_>>>()?
        };
        integrity.retain(|line| line != "ok");
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut bad_rows = Vec::new();
        for (what, rows) in ROW_CHECKS {
            let count: i64 = tx.query_row(&format!("SELECT COUNT(*) {rows}"), [], |row| row.get(0))?;
            if count > 0 {
                bad_rows.push(((*what).to_owned(), u64::try_from(count).unwrap_or(0)));
                if repair {
                    tx.execute(&format!("DELETE {rows}"), [])?;
                }
            }
        }
        tx.commit()?;
        Ok(StoreCheck { integrity, repaired: repair && !bad_rows.is_empty(), bad_rows })
    }

    fn schema_version(&self) -> Result<u32> {
        stored_version(&self.conn)
    }
}

/// Per-connection settings (they are not stored in the database file).
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // NORMAL in WAL mode never corrupts the store; a power cut may lose the last batches,
    // which the next ingest then adds again.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // 64 MiB of page cache instead of 2: a batch touches pages all over the child tables'
    // indexes, and with the default cache an ingest spent its time spilling and rereading them.
    conn.pragma_update(None, "cache_size", -65536)?;
    Ok(())
}

/// Brings the schema from its stored version to the end of `migrations` and returns the
/// version reached. All pending scripts and the version bump run in one transaction, so a
/// failed or interrupted upgrade leaves the store at its old version.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<u32> {
    let supported = u32::try_from(migrations.len()).unwrap_or(u32::MAX);
    // A plain read first, so that opening an up-to-date store never waits for a writer.
    let found = stored_version(conn)?;
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    if found == supported {
        return Ok(found);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated between the read above and taking the lock.
    let found = stored_version(&tx)?;
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    for (version, script) in (1..).zip(migrations).skip(found as usize) {
        tx.execute_batch(script)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [version.to_string()],
        )?;
    }
    tx.commit()?;
    Ok(supported)
}

/// The schema version recorded in the database: 0 for an empty database.
pub(crate) fn stored_version(conn: &Connection) -> Result<u32> {
    let has_meta = conn.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")?.exists([])?;
    if !has_meta {
        let has_tables = conn.prepare("SELECT 1 FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")?.exists([])?;
        return if has_tables {
            Err(Error::corrupt("database has tables but no meta table (not an alaqat store?)"))
        } else {
            Ok(0)
        };
    }
    let value: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |row| row.get(0)).optional()?;
    let value = value.ok_or_else(|| Error::corrupt("meta table has no schema_version"))?;
    value.parse().map_err(|_| Error::corrupt(format!("schema_version {value:?} is not a number")))
}

#[cfg(test)]
pub(crate) const TEST_MIGRATIONS: &[&str] = MIGRATIONS;

#[cfg(test)]
impl SqliteStore {
    /// The connection, for tests that need to damage the database.
    pub(crate) fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }
}

/// The documents `sql` (selecting `sqlite_document_columns!()`) returns, reassembled.
fn read_documents(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    parts: Parts,
) -> Result<Vec<StoredDocument>> {
    let mut reader = Reader::new(conn, parts)?;
    let mut statement = conn.prepare(sql)?;
    let mut rows = statement.query(params)?;
    let mut documents = Vec::new();
    while let Some(row) = rows.next()? {
        documents.push(reader.stored_document(read::read_document_row(row)?)?);
    }
    Ok(documents)
}
