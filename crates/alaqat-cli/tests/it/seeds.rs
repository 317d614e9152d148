//! The reference input: the five seed articles in `shared/seeds`.

use std::path::Path;

use crate::{alaqat, export, source_names, stderr};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");

#[test]
fn seeds_ingest_export_and_reingest_unchanged() {
    let seeds = Path::new(SEEDS);
    if !seeds.is_dir() {
        println!("note: {SEEDS} is absent; skipping the seeds test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");

    let out = alaqat(&data).arg("ingest").arg(seeds).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 5, unchanged 0, failed 0"), "{}", stderr(&out));

    let json = export(&data);
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let mut names = source_names(&json);
    names.sort();
    let mut files: Vec<String> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    files.sort();
    assert_eq!(names, files);
    for doc in docs {
        assert_eq!(doc["lang"], "ar", "{}", doc["source"]);
    }
    assert!(json["entities"].is_array());
    assert!(json["conflicts"].is_array() && json["fused_events"].is_array() && json["duplicates"].is_array());
    crate::export::assert_offsets_are_code_points(&json);

    let again = alaqat(&data).arg("ingest").arg(seeds).output().unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(stderr(&again).contains("ingested 0, unchanged 5, failed 0"), "{}", stderr(&again));
}
