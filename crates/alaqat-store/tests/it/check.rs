//! `Store::check`: a sound store passes, rows that must not exist are found and repaired; on
//! both backends.

use crate::backend::{both_backends, Fixture};
use crate::full_sample;

both_backends!(a_sound_store_passes_and_damage_is_found_then_repaired);

/// The columns of `events` besides `ord`, to copy a row.
const EVENT_COLUMNS: &str = "doc_id, id, code, plover, goldstein, quad, source_code, source_country, \
    source_entity, target_code, target_country, target_entity, date_start, date_end, date_precision, \
    date_inferred, place, modality, confidence, evidence_start, evidence_end, trigger_start, trigger_end";

fn a_sound_store_passes_and_damage_is_found_then_repaired(fx: &Fixture) {
    let mut store = fx.open();
    store.put_batch(&[full_sample("doc-1"), full_sample("doc-2")]).unwrap();
    let sound = store.check(true).unwrap();
    assert!(sound.is_consistent() && sound.bad_rows.is_empty() && !sound.repaired, "{sound:?}");
    let before = store.stats().unwrap();
    assert_eq!(store.document_count().unwrap(), 2);
    drop(store);

    // An event of each document stored twice.
    for doc in ["doc-1", "doc-2"] {
        fx.damage(&format!(
            "INSERT INTO events ({EVENT_COLUMNS}) SELECT {EVENT_COLUMNS} FROM events WHERE doc_id = '{doc}' \
             ORDER BY ord LIMIT 1"
        ));
    }

    let mut store = fx.open();
    let found = store.check(false).unwrap();
    let kinds: Vec<(&str, u64)> = found.bad_rows.iter().map(|(what, n)| (what.as_str(), *n)).collect();
    assert_eq!(kinds, [("repeated events (same document, same event id)", 2)], "{found:?}");
    assert!(!found.is_consistent() && !found.repaired);

    let repaired = store.check(true).unwrap();
    assert_eq!(repaired.bad_rows, found.bad_rows);
    assert!(repaired.repaired && repaired.is_consistent());
    assert_eq!(store.stats().unwrap(), before, "the repair removes exactly the bad rows");
    let again = store.check(false).unwrap();
    assert!(again.bad_rows.is_empty() && again.integrity.is_empty(), "{again:?}");
}
