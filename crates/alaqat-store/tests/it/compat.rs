//! Golden stores of released schema versions open and read correctly after migration.

use alaqat_model::{Date, Lang, Precision, Span};
use alaqat_store::{SqliteStore, Store, DATABASE_FILE, SCHEMA_VERSION};

/// Builds the database of a golden dump (`tests/compat/v{N}/store.sql`) in a fresh directory.
fn golden(sql: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(tmp.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch(sql).unwrap();
    tmp
}

#[test]
fn v1_store_opens_and_reads() {
    let tmp = golden(include_str!("../compat/v1/store.sql"));
    let store = SqliteStore::open(tmp.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);

    let stored = store.document("v1doc").unwrap().expect("golden document");
    assert_eq!(stored.seq, 1);
    assert_eq!(stored.ingested_at, "2025-01-31T08:15:00Z");
    assert_eq!(stored.document.lang, Lang::Ar);
    assert_eq!(stored.document.text, "زار الوزير أستانا في 2024.");
    // Stored before texts were compressed: the plain column.
    assert_eq!(store.texts(&["v1doc"]).unwrap(), [Some(stored.document.text.clone())]);
    let published = stored.document.published.expect("golden published date");
    assert_eq!(published.start, Date::new(2024, 5, 1).unwrap());
    assert_eq!(published.precision, Precision::Month);

    let extraction = &stored.extraction;
    assert_eq!(extraction.entities.len(), 1);
    assert_eq!(extraction.entities[0].variants, ["أستانا", "استانا"]);
    assert_eq!(extraction.mentions[0].span, Span::new(20, 32));
    assert_eq!(extraction.events[0].code, "042");
    assert_eq!(extraction.claims.len(), 1);
    assert_eq!(extraction.flags, ["outdated_place_name"]);
    assert_eq!(store.stats().unwrap().events, 1);
    // Every item version 1 kept in a table of its own comes back from `details` (version 2).
    assert_eq!(extraction.entities[0].id, "plc:astana");
    assert_eq!(extraction.mentions.len(), 1);
    assert_eq!(extraction.mentions[0].entity, "plc:astana");
    assert_eq!(extraction.dates.len(), 1);
    let date = &extraction.dates[0];
    assert_eq!(
        (date.span, date.value.precision, date.value.inferred, date.relative),
        (Span::new(38, 42), Precision::Year, false, false)
    );
    assert_eq!((date.value.start, date.value.end), (Date::new(2024, 1, 1).unwrap(), Date::new(2024, 12, 31).unwrap()));
    let claim = &extraction.claims[0];
    assert_eq!(
        (claim.kind.as_str(), &claim.parties[..], claim.evidence),
        ("relations_established", &["KAZ".to_owned(), "SAU".to_owned()][..], Span::new(0, 43))
    );
    assert_eq!(claim.value, alaqat_model::ClaimValue::Date("1994".into()));
    assert_eq!(extraction.commitments.len(), 1);
    let commitment = &extraction.commitments[0];
    assert_eq!(
        (commitment.what.as_str(), &commitment.parties[..], commitment.due),
        ("زيارة", &["SAU".to_owned()][..], None)
    );
    assert_eq!(extraction.diagnostics, ["golden"]);
    let stats = store.stats().unwrap();
    assert_eq!((stats.mentions, stats.dates, stats.claims, stats.commitments), (1, 1, 1, 1));
}

/// The schema of `(type, name, sql)` rows, sorted.
fn schema(path: &std::path::Path) -> Vec<(String, String, Option<String>)> {
    let conn = rusqlite::Connection::open(path.join(DATABASE_FILE)).unwrap();
    let mut statement = conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").unwrap();
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn migrated_golden_schema_equals_a_fresh_store() {
    let golden = golden(include_str!("../compat/v1/store.sql"));
    drop(SqliteStore::open(golden.path()).unwrap());
    let fresh = tempfile::tempdir().unwrap();
    drop(SqliteStore::open(fresh.path()).unwrap());
    assert_eq!(
        schema(golden.path()),
        schema(fresh.path()),
        "help: released migrations are frozen; change the schema by appending to MIGRATIONS \
         in src/sqlite.rs and add tests/compat/v{{N}}/"
    );
}
