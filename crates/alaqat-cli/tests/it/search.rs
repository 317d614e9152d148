//! `alaqat search`: Arabic-aware matching, filters, and the index kept in step with the store.

use serde_json::Value;

use crate::{alaqat, stderr};

// Texts written for these tests.
const ABD: &str = "استقبل الأمير عبدالعزيز بن سلمان وزير الطاقة السعودي في الرياض يوم 3 مارس 2025 نظيره الكازاخستاني لبحث التعاون في مجال النفط.";
const KAZ: &str = "أعلنت وزارة الطاقة أن وفداً من رجال الأعمال سيتوجه إلى كازاخستان الشهر المقبل لبحث فرص الاستثمار.";
const QAT: &str = "استقبل أمير قطر في الدوحة يوم 5 مايو 2025 الرئيس التركي، وبحث الجانبان التعاون في مجال الطاقة.";
const EN: &str = "Kazakhstan and Saudi Arabia signed an energy agreement in Astana on Sunday.";

/// A store in a temporary directory holding the four texts above, ingested as JSON Lines.
fn store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let line = |id: &str, lang: &str, published: &str, text: &str| {
        serde_json::json!({"id": id, "lang": lang, "published": published, "text": text}).to_string()
    };
    let input = [
        line("abd", "ar", "2025-03-04", ABD),
        line("kaz", "ar", "2025-04-10", KAZ),
        line("qat", "ar", "2025-05-06", QAT),
        line("en", "en", "2025-06-01", EN),
    ]
    .join("\n");
    let out = alaqat(&data).args(["ingest", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(data.join("search").is_dir(), "ingest writes the search index next to the store");
    (dir, data)
}

/// Runs `alaqat search ARGS --format json`; returns the sources of the hits (without repeats)
/// and the hits.
fn search(data: &std::path::Path, args: &[&str]) -> (Vec<String>, Vec<Value>) {
    let out = alaqat(data).arg("search").args(args).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let mut sources: Vec<String> = Vec::new();
    for hit in &hits {
        let source = hit["source"].as_str().unwrap().to_owned();
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    sources.sort_unstable();
    (sources, hits)
}

#[test]
fn abd_al_aziz_written_apart_finds_it_written_together() {
    let (_dir, data) = store();
    let (sources, hits) = search(&data, &["عبد العزيز"]);
    assert_eq!(sources, ["abd"]);
    let hit = &hits[0];
    let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
    let (a, b) =
        (hit["highlights"][0][0].as_u64().unwrap() as usize, hit["highlights"][0][1].as_u64().unwrap() as usize);
    assert_eq!(snippet[a..b].iter().collect::<String>(), "عبدالعزيز");
    // Offsets are code points into the document text.
    let start = hit["snippet_start"].as_u64().unwrap() as usize;
    let expected: String = ABD.chars().skip(start).take(snippet.len()).collect();
    assert_eq!(snippet.iter().collect::<String>(), expected);
}

#[test]
fn a_country_adjective_finds_a_document_that_only_names_the_country() {
    let (_dir, data) = store();
    let (sources, _) = search(&data, &["الكازاخستانية"]);
    assert!(sources.contains(&"kaz".to_owned()), "{sources:?}");
    assert!(!sources.contains(&"qat".to_owned()), "{sources:?}");
}

#[test]
fn dyad_and_language_filters_exclude_what_they_should() {
    let (_dir, data) = store();
    let (all, _) = search(&data, &["الطاقة"]);
    assert_eq!(all, ["abd", "kaz", "qat"]);
    let (sau_kaz, _) = search(&data, &["الطاقة", "--dyad", "SAU,KAZ"]);
    assert_eq!(sau_kaz, ["abd"]);
    let (kazakh, _) = search(&data, &["Kazakhstan"]);
    assert_eq!(kazakh, ["abd", "en", "kaz"]);
    let (english, _) = search(&data, &["Kazakhstan", "--lang", "en"]);
    assert_eq!(english, ["en"]);
    let (later, _) = search(&data, &["الطاقة", "--from", "2025-05-01"]);
    assert_eq!(later, ["qat"]);
}

#[test]
fn no_result_is_not_an_error() {
    let (_dir, data) = store();
    let out = alaqat(&data).args(["search", "الطاقة", "--dyad", "QAT,KAZ"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("0 results"), "{}", stderr(&out));
}

#[test]
fn the_table_marks_matched_words() {
    let (_dir, data) = store();
    let out = alaqat(&data).args(["search", "بالرياض"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("abd  document  2025-03-04\n"), "{table}");
    assert!(table.contains("⟦الرياض⟧"), "{table}");
}

#[test]
fn a_lost_index_is_rebuilt_from_the_store() {
    let (_dir, data) = store();
    std::fs::remove_dir_all(data.join("search")).unwrap();
    let out = alaqat(&data).args(["search", "كازاخستان"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 documents added"), "{}", stderr(&out));
    let (sources, _) = search(&data, &["كازاخستان"]);
    assert_eq!(sources, ["abd", "en", "kaz"]);
}
