//! Corpus-level features: fused events, filled dates, conflicts, commitment status, timelines,
//! event filters and the CSV and Parquet exports of fused events.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{alaqat, export, stderr, write};

// Fixture texts, written for these tests.
/// A meeting reported with its date (in the dateline)…
const MEETING_DATED: &str = "الرياض، 12 مارس 2024 — استقبل وزير الخارجية السعودي الأمير فيصل بن فرحان في الرياض نظيره الكازاخستاني مراد نورتليو، وبحث الجانبان سبل تطوير العلاقات الثنائية.\nوأكد الجانبان أهمية التنسيق في القضايا الإقليمية.\n";
/// …and the same meeting without a date, worded differently.
const MEETING_UNDATED: &str = "بحث وزير الخارجية السعودي الأمير فيصل بن فرحان مع نظيره الكازاخستاني مراد نورتليو خلال استقباله في الرياض آفاق التعاون بين البلدين.\nوتناول اللقاء عدداً من الملفات الاقتصادية.\n";
/// Two documents that disagree on the year relations were established.
const RELATIONS_1994: &str = "أقامت المملكة العربية السعودية وجمهورية كازاخستان علاقات دبلوماسية في عام 1994، وشهدت العلاقات نمواً مطرداً منذ ذلك الحين.\n";
const RELATIONS_1992: &str =
    "ترتبط السعودية وكازاخستان بعلاقات دبلوماسية منذ عام 1992، وتتعاون الدولتان في مجالات الطاقة والاستثمار.\n";
/// A commitment due in the first quarter of 2026.
const COMMITMENT_Q1: &str = "أستانا، 3 نوفمبر 2025 — اتفقت السعودية وكازاخستان على إنشاء مجلس أعمال مشترك خلال الربع الأول من عام 2026، حسبما أعلنت وزارة الخارجية الكازاخستانية.\n";

const FIXTURES: [(&str, &str); 5] = [
    ("meeting_dated.txt", MEETING_DATED),
    ("meeting_undated.txt", MEETING_UNDATED),
    ("relations_1994.txt", RELATIONS_1994),
    ("relations_1992.txt", RELATIONS_1992),
    ("commitment_q1.txt", COMMITMENT_Q1),
];

/// A store with the fixtures ingested: (tempdir guard, store directory).
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in FIXTURES {
        write(&input, name, text);
    }
    let data = dir.path().join("store");
    let out = alaqat(&data).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (dir, data)
}

fn run(data: &Path, args: &[&str]) -> String {
    let out = alaqat(data).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "alaqat {args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn json(data: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(data, args)).expect("JSON")
}

fn doc<'a>(export: &'a Value, name: &str) -> &'a Value {
    export["documents"].as_array().unwrap().iter().find(|d| d["source"].as_str().unwrap().ends_with(name)).unwrap()
}

/// The events of a document with the given code between SAU and KAZ.
fn visits(doc: &Value) -> Vec<&Value> {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["code"] == "042" && e["source"]["country"] == "KAZ" && e["target"]["country"] == "SAU")
        .collect()
}

#[test]
fn reports_of_one_meeting_share_a_fused_event_and_its_date() {
    let (_dir, data) = store();
    let json = export(&data);
    let dated = visits(doc(&json, "meeting_dated.txt"));
    let undated = visits(doc(&json, "meeting_undated.txt"));
    assert!(!dated.is_empty() && !undated.is_empty(), "{dated:?} {undated:?}");
    let fused = dated[0]["fused"].as_str().expect("fused id");
    let same = undated.iter().find(|e| e["fused"] == fused).expect("the undated report's visit shares the fused id");
    assert_eq!(same["date"], serde_json::json!({"start": "2024-03-12", "end": "2024-03-12", "precision": "day"}));
    assert_eq!(same["date_filled"], true);
    assert!(dated[0].get("date_filled").is_none(), "own date is not marked filled");

    let record = json["fused_events"].as_array().unwrap().iter().find(|f| f["id"] == fused).unwrap();
    assert_eq!(record["sources"], 2);
    assert_eq!(record["code"], "042");
    let members: Vec<&str> =
        record["members"].as_array().unwrap().iter().map(|m| m["document"].as_str().unwrap()).collect();
    assert!(members.iter().any(|m| m.ends_with("meeting_dated.txt")), "{members:?}");
    assert!(members.iter().any(|m| m.ends_with("meeting_undated.txt")), "{members:?}");
    assert!(json["duplicates"].is_array());
    // Every event of every document names an existing fused event.
    let ids: Vec<&Value> = json["fused_events"].as_array().unwrap().iter().map(|f| &f["id"]).collect();
    for d in json["documents"].as_array().unwrap() {
        for e in d["events"].as_array().unwrap() {
            assert!(ids.contains(&&e["fused"]), "{e}");
        }
    }
}

#[test]
fn contradicting_claims_are_a_conflict_naming_their_documents() {
    let (_dir, data) = store();
    let json = export(&data);
    let conflicts = json["conflicts"].as_array().unwrap();
    let conflict = conflicts.iter().find(|c| c["kind"] == "relations_established").expect("a conflict");
    assert_eq!(conflict["parties"], serde_json::json!(["KAZ", "SAU"]));
    let mut values: Vec<(String, Vec<String>)> = conflict["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let docs = v["documents"].as_array().unwrap();
            let names = docs.iter().map(|d| d.as_str().unwrap().rsplit('/').next().unwrap().to_owned()).collect();
            (v["value"].as_str().unwrap().to_owned(), names)
        })
        .collect();
    values.sort();
    assert_eq!(
        values,
        vec![
            ("1992".to_owned(), vec!["relations_1992.txt".to_owned()]),
            ("1994".to_owned(), vec!["relations_1994.txt".to_owned()])
        ]
    );

    let listed = json_of_conflicts(&data);
    assert_eq!(listed, json["conflicts"]);
    let table = run(&data, &["conflicts"]);
    assert!(table.starts_with("KIND"), "{table}");
    assert!(table.contains("relations_established") && table.contains("1992") && table.contains("1994"), "{table}");
}

fn json_of_conflicts(data: &Path) -> Value {
    json(data, &["conflicts", "--format", "json"])
}

#[test]
fn commitment_status_depends_on_the_as_of_date() {
    let (_dir, data) = store();
    let status = |as_of: &str| -> Value {
        let out = alaqat(&data).args(["--as-of", as_of, "export"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let commitments = doc(&json, "commitment_q1.txt")["commitments"].as_array().unwrap().clone();
        assert_eq!(commitments.len(), 1, "{commitments:?}");
        commitments[0]["status"].clone()
    };
    assert_eq!(status("2026-03-31"), "pending");
    assert_eq!(status("2026-04-01"), "overdue");

    // The per-command option, JSON and table.
    let listed = json(&data, &["commitments", "--as-of", "2026-02-01", "--format", "json"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["status"], "pending");
    assert_eq!(listed[0]["parties"], serde_json::json!(["KAZ", "SAU"]));
    assert_eq!(listed[0]["due"]["precision"], "quarter");
    assert!(listed[0]["document"].as_str().unwrap().ends_with("commitment_q1.txt"));
    let table = run(&data, &["commitments", "--as-of", "2027-01-01"]);
    assert!(table.starts_with("WHAT"), "{table}");
    assert!(table.contains("overdue") && table.contains("2026-01-01/2026-03-31 (quarter)"), "{table}");

    let bad = alaqat(&data).args(["commitments", "--as-of", "next week"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn timeline_lists_the_dyad_in_date_order_in_every_format() {
    let (_dir, data) = store();
    let events = json(&data, &["timeline", "SAU", "Kazakhstan", "--format", "json"]);
    let events = events.as_array().unwrap();
    assert!(!events.is_empty());
    let starts: Vec<&str> = events.iter().map(|e| e["date"]["start"].as_str().expect("dated")).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    for e in events {
        let countries = [e["source"]["country"].as_str().unwrap(), e["target"]["country"].as_str().unwrap()];
        assert!(countries == ["SAU", "KAZ"] || countries == ["KAZ", "SAU"], "{e}");
        assert!(e["description"].is_string() && e["evidence"]["text"].is_string(), "{e}");
    }
    let visit = events.iter().find(|e| e["code"] == "042").expect("the visit");
    assert_eq!(visit["description"], "Make a visit");
    assert_eq!(visit["sources"], 2);

    // Arabic names and either order give the same dyad.
    assert_eq!(json(&data, &["timeline", "كازاخستان", "السعودية", "--format", "json"]).as_array().unwrap(), events);

    let table = run(&data, &["timeline", "SAU", "KAZ"]);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("DATE"), "{table}");
    let row = table.lines().find(|l| l.contains(" 042 ") && l.contains("KAZGOV → SAUGOV")).expect("the visit row");
    assert!(row.starts_with("2024-03-12 (day)"), "{row}");
    assert!(row.contains("Make a visit") && row.contains("+1.9"), "{row}");
    assert!(row.contains("الرياض"), "{row}");

    let csv = run(&data, &["timeline", "SAU", "KAZ", "--format", "csv"]);
    assert_eq!(csv.lines().count(), events.len() + 1, "{csv}");

    let bad = alaqat(&data).args(["timeline", "SAU", "Atlantis"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("Atlantis"), "{}", stderr(&bad));
}

#[test]
fn events_filters_combine() {
    let (_dir, data) = store();
    let all = json(&data, &["events", "--format", "json"]);
    let all = all.as_array().unwrap();
    assert!(!all.is_empty());
    let filtered = |args: &[&str]| -> Vec<Value> {
        let mut full = vec!["events", "--format", "json"];
        full.extend_from_slice(args);
        json(&data, &full).as_array().unwrap().clone()
    };
    let visits = filtered(&["--dyad", "KAZ,SAU", "--code", "042"]);
    assert!(!visits.is_empty());
    assert!(visits.iter().all(|e| e["code"] == "042"));
    let kazgov = filtered(&["--actor", "kazgov"]);
    assert!(!kazgov.is_empty());
    for e in &kazgov {
        let codes = [e["source"]["actor"].as_str().unwrap(), e["target"]["actor"].as_str().unwrap()];
        assert!(codes.iter().any(|c| c.starts_with("KAZGOV")), "{e}");
    }
    assert!(filtered(&["--code", "04", "--from", "2024-03-12", "--to", "2024-03-12"]).iter().all(|e| e["code"]
        .as_str()
        .unwrap()
        .starts_with("04")
        && e["date"]["start"] == "2024-03-12"));
    assert!(filtered(&["--from", "2025-01-01", "--code", "04"]).is_empty());
    assert!(filtered(&["--modality", "negated"]).is_empty());
    assert_eq!(
        filtered(&["--modality", "asserted"]).len()
            + filtered(&["--modality", "expected"]).len()
            + filtered(&["--modality", "proposed"]).len()
            + filtered(&["--modality", "negated"]).len()
            + filtered(&["--modality", "background"]).len(),
        all.len()
    );

    let acts = |e: &Value, id: &str| e["source"]["entity"] == id || e["target"]["entity"] == id;
    let person = all.iter().find_map(|e| e["source"]["entity"].as_str().filter(|id| id.starts_with("per:"))).unwrap();
    let theirs = filtered(&["--entity", person]);
    assert!(!theirs.is_empty() && theirs.iter().all(|e| acts(e, person)), "{person}");
    assert_eq!(theirs.len(), all.iter().filter(|e| acts(e, person)).count());

    // The dyad filter reads only the dyad's documents (`Store::dyad_documents`), and must list
    // exactly what filtering every event of the store gives.
    let between = |e: &Value| {
        let countries = [e["source"]["country"].as_str(), e["target"]["country"].as_str()];
        countries == [Some("SAU"), Some("KAZ")] || countries == [Some("KAZ"), Some("SAU")]
    };
    let expected: Vec<Value> = all.iter().filter(|e| between(e)).cloned().collect();
    assert!(expected.len() > 5);
    assert_eq!(filtered(&["--dyad", "SAU,KAZ"]), expected);

    let table = run(&data, &["events", "--dyad", "SAU,KAZ"]);
    assert!(table.starts_with("DATE"), "{table}");
    assert_eq!(table.lines().count(), filtered(&["--dyad", "SAU,KAZ"]).len() + 1, "{table}");
}

#[test]
fn csv_export_has_gdelt_columns_and_a_bom() {
    let (_dir, data) = store();
    let csv = run(&data, &["export", "--format", "csv"]);
    let csv = csv.strip_prefix('\u{feff}').expect("UTF-8 byte order mark");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..3], ["GLOBALEVENTID", "SQLDATE", "Actor1Code"]);
    for column in ["IsRootEvent", "EventRootCode", "NumSources", "ActionGeo_Lat", "SOURCEURL", "EvidenceText"] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json = export(&data);
    assert_eq!(rows.len(), json["fused_events"].as_array().unwrap().len());
    let visit = rows
        .iter()
        .find(|r| {
            &r[col("EventCode")] == "042" && &r[col("Actor1CountryCode")] == "KAZ" && &r[col("NumSources")] == "2"
        })
        .expect("the fused visit");
    assert_eq!(&visit[col("SQLDATE")], "20240312");
    assert_eq!(&visit[col("EventBaseCode")], "042");
    assert_eq!(&visit[col("EventRootCode")], "04");
    assert_eq!(&visit[col("QuadClass")], "1");
    assert_eq!(&visit[col("NumMentions")], "2");
    assert_eq!(&visit[col("NumArticles")], "2");
    assert_eq!(&visit[col("DatePrecision")], "day");
    assert_eq!(&visit[col("IsRootEvent")], "1");
    assert!(!visit[col("Actor1Name")].is_empty() && !visit[col("Actor2Name")].is_empty(), "{visit:?}");
    assert!(visit[col("ActionGeo_FullName")].starts_with("Riyadh"), "{visit:?}");
    assert!(!visit[col("ActionGeo_Lat")].is_empty());
    assert!(visit[col("EvidenceText")].contains("نورتليو"));
}

#[test]
fn parquet_export_reads_back() {
    use arrow_array::{Array, Int32Array, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let (dir, data) = store();
    let path = dir.path().join("events.parquet");
    let out = alaqat(&data).args(["export", "--format", "parquet", "--output"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fused = export(&data)["fused_events"].as_array().unwrap().len();

    let reader =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap().build().unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), fused);
    let batch = &batches[0];
    let strings =
        |name: &str| batch.column_by_name(name).unwrap().as_any().downcast_ref::<StringArray>().unwrap().clone();
    let codes = strings("EventCode");
    let roots = strings("EventRootCode");
    for i in 0..codes.len() {
        assert_eq!(&codes.value(i)[..2], roots.value(i));
    }
    let dates = batch.column_by_name("SQLDATE").unwrap().as_any().downcast_ref::<Int32Array>().unwrap();
    assert!((0..dates.len()).any(|i| !dates.is_null(i) && dates.value(i) == 20_240_312));
    assert!(strings("EvidenceText").iter().flatten().any(|t| t.contains("نورتليو")));

    let no_output = alaqat(&data).args(["export", "--format", "parquet"]).output().unwrap();
    assert_eq!(no_output.status.code(), Some(2), "{}", stderr(&no_output));
}

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");

#[test]
fn seeds_timeline_runs_from_the_1990s_to_the_december_2025_meeting() {
    let seeds = Path::new(SEEDS);
    if !seeds.is_dir() {
        println!("note: {SEEDS} is absent; skipping the seeds timeline test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let out = alaqat(&data).arg("ingest").arg(seeds).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let events = json(&data, &["timeline", "SAU", "KAZ", "--format", "json"]);
    let events = events.as_array().unwrap();
    let starts: Vec<&str> = events.iter().map(|e| e["date"]["start"].as_str().unwrap()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    assert!(starts.first().unwrap().starts_with("199"), "{starts:?}");
    assert_eq!(*starts.last().unwrap(), "2025-12-18", "{starts:?}");
    let meeting = events.iter().find(|e| e["date"]["start"] == "2025-12-18" && e["code"] == "042").expect("the visit");
    assert_eq!(meeting["source"]["country"], "KAZ");

    let table = run(&data, &["timeline", "Saudi Arabia", "كازاخستان"]);
    let last = table.lines().last().unwrap();
    assert!(last.starts_with("2025-12-18 (day)"), "{table}");
}

/// Conflict fixtures written for this test: a rupture, an air strike, a protest by people of no
/// stated country, and a ceasefire.
const CONFLICT: [(&str, &str); 4] = [
    ("rupture.txt", "الجزائر، 24 أغسطس 2021 — قطعت الجزائر علاقاتها الدبلوماسية مع المغرب، وأدانت ما وصفته بالأعمال العدائية المغربية.\n"),
    ("strike.txt", "BEIRUT, November 26, 2024 -- Israel launched air strikes on Lebanon on Tuesday, hours before a ceasefire.\n"),
    ("protest.txt", "طهران، 2 يناير 2016 — اقتحم محتجون السفارة السعودية وأضرموا النار في مبناها.\n"),
    ("truce.txt", "بيروت، 27 نوفمبر 2024 — أعلنت إسرائيل ولبنان وقف إطلاق النار بينهما.\n"),
];

#[test]
fn conflict_reaches_the_gdelt_columns_and_unknown_countries_are_null() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in CONFLICT {
        write(&input, name, text);
    }
    let data = dir.path().join("store");
    let out = alaqat(&data).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let csv = run(&data, &["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |code: &str, a1: &str| {
        rows.iter()
            .find(|r| r[col("EventCode")].starts_with(code) && &r[col("Actor1CountryCode")] == a1)
            .unwrap_or_else(|| {
                panic!(
                    "no {code} by {a1}: {:?}",
                    rows.iter()
                        .map(|r| (r[col("EventCode")].to_owned(), r[col("Actor1CountryCode")].to_owned()))
                        .collect::<Vec<_>>()
                )
            })
    };
    let rupture = row("161", "DZA");
    assert_eq!((&rupture[col("QuadClass")], &rupture[col("GoldsteinScale")]), ("4", "-4"));
    assert_eq!(&rupture[col("Actor2CountryCode")], "MAR");
    assert_eq!(&rupture[col("EventRootCode")], "16");
    let strike = row("19", "ISR");
    assert_eq!(&strike[col("QuadClass")], "4");
    assert_eq!(&strike[col("GoldsteinScale")], "-10");
    assert_eq!(&row("11", "DZA")[col("QuadClass")], "3");
    assert_eq!(&row("087", "ISR")[col("QuadClass")], "2");

    // The protesters' country is not given: the actor keeps its role, the country is null.
    let export = export(&data);
    let protest = doc(&export, "protest.txt");
    let storming = protest["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "145")
        .unwrap_or_else(|| panic!("{:#}", protest["events"]));
    assert_eq!(storming["source"]["actor"], "---CVL");
    assert!(storming["source"]["country"].is_null(), "{storming:#}");
    assert_eq!(storming["target"]["country"], "SAU");

    // The dyad timeline carries the conflict, in date order.
    let timeline = json(&data, &["timeline", "DZA", "MAR", "--format", "json"]);
    let codes: Vec<&str> = timeline.as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"161"), "{codes:?}");
}
