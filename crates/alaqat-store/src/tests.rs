//! Unit tests of the migration loop, through an internal hook that takes the migration list.

use rusqlite::Connection;

use crate::error::Error;
use crate::sqlite::{migrate, stored_version, TEST_MIGRATIONS};
use crate::{SqliteStore, Store, SCHEMA_VERSION};

fn table_exists(conn: &Connection, name: &str) -> bool {
    conn.prepare("SELECT 1 FROM sqlite_schema WHERE name = ?1").unwrap().exists([name]).unwrap()
}

#[test]
fn an_empty_database_migrates_to_the_latest_version() {
    let mut conn = Connection::open_in_memory().unwrap();
    assert_eq!(stored_version(&conn).unwrap(), 0);
    assert_eq!(migrate(&mut conn, TEST_MIGRATIONS).unwrap(), SCHEMA_VERSION);
    assert_eq!(stored_version(&conn).unwrap(), SCHEMA_VERSION);
    // Migrating again is a no-op.
    assert_eq!(migrate(&mut conn, TEST_MIGRATIONS).unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_current_database_gets_the_next_migrations() {
    let tmp = tempfile::tempdir().unwrap();
    let alaqat_model_doc = alaqat_model::Document {
        id: "d1".to_owned(),
        source: "s".to_owned(),
        url: None,
        title: None,
        published: None,
        lang: alaqat_model::Lang::Ar,
        encoding: "utf-8".to_owned(),
        format: alaqat_model::Format::Txt,
        text: "نص قصير".to_owned(),
    };
    {
        let mut store = SqliteStore::open(tmp.path()).unwrap();
        store.put_batch(&[(alaqat_model_doc.clone(), Default::default())]).unwrap();
    }

    // A fake next version that adds a column and a table.
    let next = SCHEMA_VERSION + 1;
    let fake: Vec<&str> = TEST_MIGRATIONS
        .iter()
        .copied()
        .chain(["ALTER TABLE documents ADD COLUMN fake TEXT; CREATE TABLE fake_next (x INTEGER);"])
        .collect();
    let mut conn = Connection::open(tmp.path().join(crate::DATABASE_FILE)).unwrap();
    assert_eq!(migrate(&mut conn, &fake).unwrap(), next);
    assert_eq!(stored_version(&conn).unwrap(), next);
    assert!(table_exists(&conn, "fake_next"));
    let packed: Vec<u8> = conn.query_row("SELECT text_zstd FROM documents WHERE id = 'd1'", [], |r| r.get(0)).unwrap();
    let text = crate::codec::decompress("d1", "text", &packed).unwrap();
    assert_eq!(text, alaqat_model_doc.text, "data survives the migration");
    drop(conn);

    // This build does not know that version, so it refuses the migrated store.
    let error = SqliteStore::open(tmp.path()).unwrap_err();
    assert!(
        matches!(error, Error::SchemaTooNew { found, supported } if found == next && supported == SCHEMA_VERSION),
        "{error:?}"
    );
}

#[test]
fn a_failing_migration_changes_nothing() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn, TEST_MIGRATIONS).unwrap();
    let broken: Vec<&str> = TEST_MIGRATIONS
        .iter()
        .copied()
        .chain([
            "CREATE TABLE good_next (x INTEGER);",
            "CREATE TABLE broken_after (x INTEGER); SELECT nope FROM nowhere;",
        ])
        .collect();
    let error = migrate(&mut conn, &broken).unwrap_err();
    assert!(matches!(error, Error::Sqlite(_)), "{error:?}");
    // All pending migrations run in one transaction: the good one is rolled back with the broken one.
    assert_eq!(stored_version(&conn).unwrap(), SCHEMA_VERSION);
    assert!(!table_exists(&conn, "good_next"));
    assert!(!table_exists(&conn, "broken_after"));
}

#[test]
fn migrations_skip_what_is_applied() {
    let mut conn = Connection::open_in_memory().unwrap();
    let fake: Vec<&str> = TEST_MIGRATIONS.iter().copied().chain(["CREATE TABLE fake_next (x INTEGER);"]).collect();
    assert_eq!(migrate(&mut conn, &fake[..1]).unwrap(), 1);
    assert!(!table_exists(&conn, "fake_next"));
    // Re-running v1's CREATE TABLEs would fail, so success shows they were skipped.
    assert_eq!(migrate(&mut conn, &fake).unwrap(), SCHEMA_VERSION + 1);
    assert!(table_exists(&conn, "fake_next"));
}

#[test]
fn a_garbled_schema_version_is_corruption() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn, TEST_MIGRATIONS).unwrap();
    conn.execute("UPDATE meta SET value = 'one' WHERE key = 'schema_version'", []).unwrap();
    let error = stored_version(&conn).unwrap_err();
    assert_eq!(error.to_string(), "store is corrupt: schema_version \"one\" is not a number");
}

#[test]
fn unknown_values_on_disk_are_corruption_not_panics() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let doc = alaqat_model::Document {
        id: "d".to_owned(),
        source: "s".to_owned(),
        url: None,
        title: None,
        published: Some(alaqat_model::TimeSpan::day(alaqat_model::Date::constant(2024, 1, 2))),
        lang: alaqat_model::Lang::Ar,
        encoding: "utf-8".to_owned(),
        format: alaqat_model::Format::Txt,
        text: "t".to_owned(),
    };
    store.put_batch(&[(doc, Default::default())]).unwrap();
    let corruptions = [
        "UPDATE documents SET lang = 'xx'",
        "UPDATE documents SET published_start = 'tomorrow'",
        "UPDATE documents SET published_precision = NULL",
    ];
    for sql in corruptions {
        let tx = store.conn_for_tests().unchecked_transaction().unwrap();
        tx.execute(sql, []).unwrap();
        let error = store.document("d").unwrap_err();
        assert!(matches!(error, Error::Corrupt { .. }), "{sql}: {error:?}");
        drop(tx); // Rolls the corruption back for the next case.
    }
}
