//! Dev tool: extracts the given .txt files and prints a minimal export for the scorer.
//! `cargo run -p alaqat-extract --example score_export -- FILE... > export.json`

use alaqat_text::CharIndex;
use serde_json::{json, Value};

fn main() {
    let mut docs = Vec::new();
    let mut entities = serde_json::Map::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let x = alaqat_extract::extract_text(&text, None);
        let idx = CharIndex::new(&text);
        let span = |s: alaqat_model::Span| json!({"start": idx.char_of(s.start), "end": idx.char_of(s.end), "text": &text[s.start..s.end]});
        for e in &x.entities {
            entities.insert(e.id.clone(), json!({"id": e.id, "type": e.kind.map(|k| k.name()), "country": e.country, "role": e.role, "name": {"ar": e.name_ar, "en": e.name_en}}));
        }
        let date = |d: &Option<alaqat_model::TimeSpan>| {
            d.map(|d| json!({"start": d.start.to_string(), "end": d.end.to_string(), "precision": d.precision.name()}))
        };
        docs.push(json!({
            "source": path,
            "lang": "ar",
            "published": date(&x.inferred_published),
            "mentions": x.mentions.iter().map(|m| { let mut v = span(m.span); v["entity"] = json!(m.entity); v }).collect::<Vec<Value>>(),
            "events": x.events.iter().map(|e| json!({"id": e.id, "code": e.code, "source": {"actor": e.source.code, "country": e.source.country}, "target": {"actor": e.target.code, "country": e.target.country}, "date": date(&e.date), "modality": e.modality.name(), "evidence": span(e.evidence), "trigger": span(e.trigger)})).collect::<Vec<Value>>(),
            "claims": x.claims.iter().map(|c| json!({"kind": c.kind, "parties": c.parties, "value": c.value, "evidence": span(c.evidence)})).collect::<Vec<Value>>(),
            "dates": x.dates.iter().map(|d| { let mut v = span(d.span); v["value"] = date(&Some(d.value)).unwrap_or_default(); v }).collect::<Vec<Value>>(),
        }));
    }
    let out = json!({"documents": docs, "entities": entities.into_iter().map(|(_, v)| v).collect::<Vec<Value>>(), "conflicts": []});
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}
