//! Opening stores: directory creation, reopening, and refusing what this build cannot read
//! (SQLite; `pg.rs` has the PostgreSQL side), and what holds for both backends.

use alaqat_model::Extraction;
use alaqat_store::{Error, SqliteStore, Store, DATABASE_FILE, SCHEMA_VERSION};

use crate::backend::{both_backends, Fixture, Kind};
use crate::{document, full_sample};

both_backends!(
    reopening_keeps_the_data,
    two_stores_on_one_store_see_each_others_batches,
    the_store_can_be_used_as_a_boxed_trait_object_across_threads,
);

#[test]
fn open_creates_the_directory_and_sets_the_schema_version() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested").join("store");
    let store = SqliteStore::open(&dir).unwrap();
    assert!(dir.join(DATABASE_FILE).is_file());
    assert_eq!(store.path(), Some(dir.join(DATABASE_FILE).as_path()));
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 3);
    assert_eq!(store.stats().unwrap(), Default::default());
}

#[test]
fn open_uses_wal_and_foreign_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let _store = SqliteStore::open(tmp.path()).unwrap();
    let conn = rusqlite::Connection::open(tmp.path().join(DATABASE_FILE)).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal", "help: WAL is set by SqliteStore::open");
}

fn reopening_keeps_the_data(fx: &Fixture) {
    let sample = full_sample("doc-1");
    {
        let mut store = fx.open();
        assert_eq!(store.stats().unwrap(), Default::default());
        store.put_batch(std::slice::from_ref(&sample)).unwrap();
    }
    let store = fx.open();
    let stored = store.document("doc-1").unwrap().expect("stored before reopening");
    assert_eq!((stored.document, stored.extraction), sample);
    let latest = match fx.kind {
        Kind::Sqlite => SCHEMA_VERSION,
        Kind::Postgres => latest_pg_version(),
    };
    assert_eq!(store.schema_version().unwrap(), latest);
}

#[cfg(feature = "postgres")]
fn latest_pg_version() -> u32 {
    alaqat_store::PG_SCHEMA_VERSION
}

#[cfg(not(feature = "postgres"))]
fn latest_pg_version() -> u32 {
    unreachable!("no PostgreSQL fixtures without the feature")
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut store = SqliteStore::open(tmp.path()).unwrap();
        store.put_batch(&[(document("d", "نص"), Extraction::default())]).unwrap();
    }
    let conn = rusqlite::Connection::open(tmp.path().join(DATABASE_FILE)).unwrap();
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'", []).unwrap();
    drop(conn);

    let error = SqliteStore::open(tmp.path()).unwrap_err();
    assert!(matches!(error, Error::SchemaTooNew { found: 7, supported: 3 }), "{error:?}");
    assert_eq!(error.to_string(), "store schema version 7 is newer than this alaqat (3); upgrade alaqat");
}

#[test]
fn a_file_that_is_not_a_database_is_an_open_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(DATABASE_FILE), vec![0x42; 4096]).unwrap();
    let error = SqliteStore::open(tmp.path()).unwrap_err();
    assert!(matches!(error, Error::Open { .. }), "{error:?}");
    assert!(error.to_string().starts_with("cannot open store database "), "{error}");
}

#[test]
fn a_directory_that_cannot_be_created_is_a_create_dir_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let error = SqliteStore::open(&file).unwrap_err();
    assert!(matches!(error, Error::CreateDir { .. }), "{error:?}");
    assert!(std::error::Error::source(&error).is_some());
}

#[test]
fn a_foreign_sqlite_database_is_not_taken_over() {
    let tmp = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(tmp.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch("CREATE TABLE something (x INTEGER)").unwrap();
    drop(conn);
    let error = SqliteStore::open(tmp.path()).unwrap_err();
    assert!(matches!(error, Error::Corrupt { .. }), "{error:?}");
}

fn two_stores_on_one_store_see_each_others_batches(fx: &Fixture) {
    let mut writer = fx.open();
    let reader = fx.open();
    writer.put_batch(&[(document("d", "نص"), Extraction::default())]).unwrap();
    assert!(reader.has_document("d").unwrap());
    assert_eq!(reader.document_ids().unwrap(), ["d"]);
}

fn the_store_can_be_used_as_a_boxed_trait_object_across_threads(fx: &Fixture) {
    let mut store: Box<dyn Store> = fx.open();
    store.put_batch(&[(document("d", "نص"), Extraction::default())]).unwrap();
    let count = std::thread::spawn(move || store.stats().unwrap().documents).join().unwrap();
    assert_eq!(count, 1);
}

#[test]
fn an_in_memory_store_works_too() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&[(document("d", "نص"), Extraction::default())]).unwrap();
    assert_eq!(store.path(), None);
    assert_eq!(store.document_ids().unwrap(), ["d"]);
}
