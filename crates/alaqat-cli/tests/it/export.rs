//! The export contract: shapes and code point offsets.

use serde_json::Value;

use crate::{alaqat, export, stderr, write, GOOD_AR, GOOD_AR_2, GOOD_EN};

/// Every `text` next to `start`/`end` (mentions, dates, evidence) equals the code point slice
/// of the document text; every other range lies inside the text.
pub(crate) fn assert_offsets_are_code_points(export: &Value) {
    let docs = export["documents"].as_array().expect("documents array");
    for doc in docs {
        // The exported document carries no text; the store's text is what the mentions slice.
        // We check self-consistency through the quoted texts and the bounds.
        let quoted: Vec<&Value> = ["mentions", "dates"]
            .iter()
            .flat_map(|k| doc[*k].as_array().unwrap().iter())
            .chain(
                ["events", "claims", "commitments"]
                    .iter()
                    .flat_map(|k| doc[*k].as_array().unwrap().iter().map(|item| &item["evidence"])),
            )
            .collect();
        for q in quoted {
            let (start, end) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
            let text = q["text"].as_str().expect("quoted text");
            assert!(start <= end, "{q}");
            assert_eq!(text.chars().count(), end - start, "{q}");
        }
    }
}

#[test]
fn offsets_are_code_points_of_the_document_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let texts = [("a.txt", GOOD_AR), ("b.txt", GOOD_AR_2), ("c.txt", GOOD_EN)];
    for (name, text) in texts {
        write(&input, name, text);
    }
    let data = dir.path().join("store");
    let out = alaqat(&data).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = export(&data);
    assert_offsets_are_code_points(&json);
    for doc in json["documents"].as_array().unwrap() {
        let name = doc["source"].as_str().unwrap().rsplit('/').next().unwrap();
        let text: Vec<char> = texts.iter().find(|(n, _)| *n == name).unwrap().1.chars().collect();
        let slice = |v: &Value| -> String {
            let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
            assert!(e <= text.len(), "{v} beyond the text of {name}");
            text[s..e].iter().collect()
        };
        for key in ["mentions", "dates"] {
            for item in doc[key].as_array().unwrap() {
                assert_eq!(slice(item), item["text"].as_str().unwrap(), "{name} {key}");
            }
        }
        for key in ["events", "claims", "commitments"] {
            for item in doc[key].as_array().unwrap() {
                assert_eq!(slice(&item["evidence"]), item["evidence"]["text"].as_str().unwrap(), "{name} {key}");
            }
        }
        for event in doc["events"].as_array().unwrap() {
            slice(&event["trigger"]);
        }
    }
}

#[test]
fn document_shape_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let line = serde_json::json!({
        "id": "https://example.org/news/visit-42",
        "url": "https://example.org/news/visit-42",
        "title": "زيارة",
        "published": "2024-05-06",
        "text": GOOD_AR,
    });
    alaqat(&data).args(["ingest", "-"]).write_stdin(format!("{line}\n")).assert().code(0);
    let json = export(&data);
    let doc = &json["documents"][0];
    assert_eq!(doc["source"], "https://example.org/news/visit-42");
    assert_eq!(doc["lang"], "ar");
    assert_eq!(doc["format"], "jsonl");
    assert_eq!(
        doc["published"],
        serde_json::json!({"start": "2024-05-06", "end": "2024-05-06", "precision": "day", "inferred": false})
    );
    for key in ["flags", "mentions", "dates", "events", "claims", "commitments"] {
        assert!(doc[key].is_array(), "{key}");
    }
    for event in doc["events"].as_array().unwrap() {
        for key in ["id", "code", "plover", "goldstein", "quad", "source", "target", "modality", "confidence"] {
            assert!(!event[key].is_null(), "event {key}");
        }
        assert!(event.get("fused").is_some() && event.get("date").is_some() && event.get("place").is_some());
        assert!(event["source"]["country"].is_string());
    }
    for entity in json["entities"].as_array().unwrap() {
        for key in ["id", "type", "name", "country", "role", "sector", "variants"] {
            assert!(entity.get(key).is_some(), "entity {key}: {entity}");
        }
    }

    let jsonl = alaqat(&data).args(["export", "--format", "jsonl"]).output().unwrap();
    assert!(jsonl.status.success());
    let lines: Vec<Value> =
        String::from_utf8(jsonl.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, json["documents"].as_array().unwrap().clone());
}
