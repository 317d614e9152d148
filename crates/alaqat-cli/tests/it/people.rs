//! People found from context alone: the gazetteer ablation. Every person the demo gold names is
//! left out of the office-holder lexicon (`--ablate-persons`), the demo corpus is ingested, and
//! each gold person counts as found when the mentions overlapping theirs name, by majority, the
//! right country: the scorer's rule (`shared/eval/score.py`, persons).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::{alaqat, export, stderr, write};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Office-holder ids of people the demo gold names, which the ablation must have removed.
const ABLATED_KEYS: &[&str] = &["tokayev", "nazarbayev", "mbs", "king_salman", "erdogan", "xi_jinping", "putin"];

/// People of the gold found with the right country, and how many the gold has.
fn found(gold: &Value, json: &Value) -> (usize, usize, Vec<String>) {
    let docs: HashMap<String, &Value> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            let name = d["source"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
            let id = d["id"].as_str().unwrap_or("").to_string();
            [(name, d), (id, d)]
        })
        .collect();
    let entities: HashMap<&str, &Value> =
        json["entities"].as_array().unwrap().iter().map(|e| (e["id"].as_str().unwrap(), e)).collect();
    let persons = gold["persons"].as_array().unwrap();
    let mut hits = 0;
    let mut missed = Vec::new();
    for per in persons {
        let mut countries: Vec<Option<&str>> = Vec::new();
        for m in per["mentions"].as_array().unwrap() {
            let Some(doc) = m["doc"].as_str().and_then(|d| docs.get(d)) else { continue };
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let hit = doc["mentions"].as_array().unwrap().iter().find(|pm| {
                let entity = entities.get(pm["entity"].as_str().unwrap_or(""));
                entity.is_some_and(|x| x["type"] == "person")
                    && pm["start"].as_u64().unwrap() < e
                    && s < pm["end"].as_u64().unwrap()
            });
            if let Some(pm) = hit {
                countries.push(entities[pm["entity"].as_str().unwrap()]["country"].as_str());
            }
        }
        let majority = countries.iter().max_by_key(|c| countries.iter().filter(|x| x == c).count()).copied().flatten();
        if majority.is_some() && majority == per["country"].as_str() {
            hits += 1;
        } else {
            missed.push(format!("{} ({})", per["key"].as_str().unwrap_or(""), per["country"]));
        }
    }
    (hits, persons.len(), missed)
}

#[test]
fn demo_people_are_found_from_context_without_the_gazetteer() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join("eval/gold/demo.json")).unwrap()).unwrap();
    let names: Vec<&str> = gold["persons"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["mentions"].as_array().unwrap().iter().filter_map(|m| m["text"].as_str()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let list = write(dir.path(), "gold-people.txt", names.join("\n"));
    let data = dir.path().join("store");
    let out = alaqat(&data)
        .arg("--ablate-persons")
        .arg(&list)
        .arg("ingest")
        .arg(Path::new(ROOT).join("demo/corpus"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = export(&data);
    // The lexicon really was ablated: no gold person's mention links to an office-holder id.
    let lexicon_ids: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["mentions"].as_array().unwrap())
        .filter_map(|m| m["entity"].as_str())
        .filter(|id| id.strip_prefix("per:").is_some_and(|k| ABLATED_KEYS.contains(&k)))
        .collect();
    assert!(lexicon_ids.is_empty(), "ablated people still linked: {lexicon_ids:?}");
    let (hits, total, missed) = found(&gold, &json);
    println!("gazetteer ablation: {hits}/{total} demo people found with the right country; missed: {missed:?}");
    // Issue 13's bar is 90%; measured 166/179 (93%) with the scorer on 2026-12-06.
    assert!(hits * 100 >= total * 90, "{hits}/{total} found without the gazetteer; missed: {missed:?}");
}
