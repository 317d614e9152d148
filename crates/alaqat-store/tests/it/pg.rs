//! What only the PostgreSQL store has or does differently: full-text search over the
//! normalized text, connection errors, schema versions, U+0000 outside the text.

use alaqat_model::Extraction;
use alaqat_store::{Error, PgStore, Store, PG_SCHEMA_VERSION};

use crate::backend::Fixture;
use crate::document;

fn ids(hits: &[alaqat_store::TextHit]) -> Vec<&str> {
    hits.iter().map(|hit| hit.id.as_str()).collect()
}

#[test]
fn search_text_matches_arabic_spelling_variants() {
    let Some(fx) = Fixture::postgres() else { return };
    let mut store = PgStore::connect(fx.url()).unwrap();
    let mut titled = document("b", "وقّعت الحكومة اتفاقية للتعاون الاقتصادي مع الأمم المتحدة في نيويورك");
    titled.title = Some("اتفاقية".to_owned());
    store
        .put_batch(&[
            (document("a", "استقبل الملك سلمان بن عبدالعزيز وزير خارجية كازاخستان في جدة"), Extraction::default()),
            (titled, Extraction::default()),
            (document("c", "زار الرئيس مدينة أستانا عاصمة كازاخستان"), Extraction::default()),
        ])
        .unwrap();

    // `عبد العزيز` with a space finds the joined spelling.
    assert_eq!(ids(&store.search_text("عبد العزيز", 10).unwrap()), ["a"]);
    // Taa marbuta written as heh, alef without hamza.
    assert_eq!(ids(&store.search_text("مدينه استانا", 10).unwrap()), ["c"]);
    // Diacritics in the text (shadda) or the query do not matter; every word must match.
    assert_eq!(ids(&store.search_text("وقعت الامم المتحده", 10).unwrap()), ["b"]);
    assert_eq!(ids(&store.search_text("وَقَّعَتْ", 10).unwrap()), ["b"]);
    assert!(store.search_text("الرياض", 10).unwrap().is_empty());
    assert!(store.search_text("عبدالعزيز الرياض", 10).unwrap().is_empty());
    assert!(store.search_text("  ", 10).unwrap().is_empty());

    let mut both = ids(&store.search_text("كازاخستان", 10).unwrap()).into_iter().map(str::to_owned).collect::<Vec<_>>();
    both.sort();
    assert_eq!(both, ["a", "c"]);
    assert_eq!(store.search_text("كازاخستان", 1).unwrap().len(), 1, "limit");

    let hit = &store.search_text("الأمم", 10).unwrap()[0];
    assert_eq!((hit.id.as_str(), hit.seq, hit.source.as_str()), ("b", 2, "corpus/b.txt"));
    assert_eq!(hit.title.as_deref(), Some("اتفاقية"));
    assert!(hit.rank > 0.0);
}

#[test]
fn a_nul_outside_the_text_fails_that_document_only() {
    let Some(fx) = Fixture::postgres() else { return };
    let mut store = fx.open();
    let mut bad = document("bad", "نص\0بعد");
    bad.title = Some("عنوان\0".to_owned());
    let good = document("good", "نص\0فيه صفر");
    let error = store.put_batch(&[(good.clone(), Extraction::default()), (bad, Extraction::default())]).unwrap_err();
    assert!(matches!(&error, Error::Unsupported { doc_id, .. } if doc_id == "bad"), "{error:?}");
    assert!(error.to_string().starts_with("document bad: "), "{error}");
    assert_eq!(store.stats().unwrap().documents, 0, "the batch is rolled back");
    // A NUL in the text itself is kept, byte for byte.
    store.put_batch(&[(good.clone(), Extraction::default())]).unwrap();
    assert_eq!(store.document("good").unwrap().unwrap().document, good);
}

#[test]
fn a_newer_schema_is_refused() {
    let Some(fx) = Fixture::postgres() else { return };
    drop(fx.open());
    fx.execute("INSERT INTO schema_migrations (version) VALUES (7)");
    let error = PgStore::connect(fx.url()).unwrap_err();
    assert!(matches!(error, Error::SchemaTooNew { found: 7, supported: PG_SCHEMA_VERSION }), "{error:?}");
}

#[test]
fn a_schema_with_foreign_tables_is_not_taken_over() {
    let Some(fx) = Fixture::postgres() else { return };
    fx.execute("CREATE TABLE something (x INTEGER)");
    let error = PgStore::connect(fx.url()).unwrap_err();
    assert!(matches!(error, Error::Corrupt { .. }), "{error:?}");
}

#[test]
fn processes_opening_a_fresh_schema_together_migrate_it_once() {
    let Some(fx) = Fixture::postgres() else { return };
    let versions: Vec<u32> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..4).map(|_| scope.spawn(|| PgStore::connect(fx.url()).unwrap().schema_version().unwrap())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(versions, [PG_SCHEMA_VERSION; 4]);
    let mut client = postgres::Client::connect(fx.url(), postgres::NoTls).unwrap();
    let applied: i64 = client.query_one("SELECT COUNT(*) FROM schema_migrations", &[]).unwrap().get(0);
    assert_eq!(applied, i64::from(PG_SCHEMA_VERSION));
    let normalized: String = {
        let mut store = PgStore::connect(fx.url()).unwrap();
        store.put_batch(&[(document("d", "عبد العزيز"), Extraction::default())]).unwrap();
        client.query_one("SELECT normalized FROM documents WHERE id = 'd'", &[]).unwrap().get(0)
    };
    assert_eq!(normalized, "عبدالعزيز", "the pre-normalized column holds the match keys");
}

#[test]
fn a_bad_url_and_an_unreachable_server_are_clear_errors() {
    let error = PgStore::connect("postgres://alaqat:secret@127.0.0.1:notaport/db").unwrap_err();
    assert!(matches!(error, Error::InvalidUrl { .. }), "{error:?}");
    assert_eq!(error.to_string(), "invalid PostgreSQL URL postgres://alaqat:***@127.0.0.1:notaport/db");

    // Port 1 on the loopback: nothing listens there.
    let error = PgStore::connect("postgres://alaqat:secret@127.0.0.1:1/db?connect_timeout=5").unwrap_err();
    assert!(matches!(error, Error::Connect { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "cannot connect to the PostgreSQL store postgres://alaqat:***@127.0.0.1:1/db?connect_timeout=5"
    );
    assert!(std::error::Error::source(&error).is_some());
}

/// A version 1 store with one item of every kind (`tests/compat/v1/postgres.sql`): opening it
/// migrates, and every item comes back from `documents.details`.
#[test]
fn a_version_1_store_keeps_every_item_through_the_migration() {
    let Some(fx) = Fixture::postgres() else { return };
    fx.execute(include_str!("../../src/migrations/postgres/v1.sql"));
    fx.execute(include_str!("../compat/v1/postgres.sql"));
    let store = PgStore::connect(fx.url()).unwrap();
    assert_eq!(store.schema_version().unwrap(), PG_SCHEMA_VERSION);
    let x = store.document("v1doc").unwrap().expect("the golden document").extraction;
    assert_eq!(x.entities.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["plc:astana"]);
    assert_eq!(x.entities[0].variants, ["أستانا", "استانا"]);
    assert_eq!((x.mentions[0].entity.as_str(), x.mentions[0].span), ("plc:astana", alaqat_model::Span::new(20, 32)));
    assert_eq!((x.dates.len(), x.dates[0].relative, x.dates[0].value.inferred), (1, true, false));
    assert_eq!(x.events.len(), 1);
    let values: Vec<String> = x.claims.iter().map(|c| serde_json::to_string(&c.value).unwrap()).collect();
    assert_eq!(values, [r#""1994""#, r#"{"year":2024,"amount":500000000.0,"currency":"USD","comparator":">"}"#]);
    let dues: Vec<Option<(String, bool)>> =
        x.commitments.iter().map(|c| c.due.map(|d| (d.end.to_string(), d.inferred))).collect();
    assert_eq!(dues, [Some(("2026-03-31".to_owned(), true)), None]);
    assert_eq!((x.flags, x.diagnostics), (vec!["outdated_place_name".to_owned()], vec!["golden".to_owned()]));
    let stats = store.stats().unwrap();
    assert_eq!((stats.mentions, stats.dates, stats.events, stats.claims, stats.commitments), (1, 1, 1, 2, 2));
}
