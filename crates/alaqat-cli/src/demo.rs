//! `alaqat demo`: ingests the demo corpus shipped in the repository into a fresh store and
//! prints what was found.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use alaqat_model::{EntityKind, Event};
use alaqat_store::{SqliteStore, Store};
use anyhow::{bail, Context};

use crate::output::Output;

/// The demo corpus of this checkout.
pub(crate) const DEFAULT_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/corpus");

/// The demo's own store, wiped on every run (ALAQAT_DATA is never used by the demo).
pub(crate) const DEFAULT_DATA: &str = "./alaqat-demo-data";

pub(crate) fn run(corpus: &Path, data: &Path, output: Option<&Path>, quiet: bool) -> anyhow::Result<ExitCode> {
    if !corpus.is_dir() {
        bail!("demo corpus {} is not a directory; pass --corpus DIR", corpus.display());
    }
    // Resolve `crates/alaqat-cli/../../demo/corpus` so sources read as plain paths.
    let corpus = &std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_owned());
    wipe(data)?;
    let mut store =
        SqliteStore::open(data).with_context(|| format!("cannot create the demo store in {}", data.display()))?;
    let mut index = alaqat_pipeline::open_index_for_ingest(data);
    let summary = alaqat_pipeline::ingest(
        &mut store,
        index.as_mut(),
        &[corpus.to_owned()],
        &alaqat_read::ReadOptions::default(),
        crate::commands::cores(),
        quiet,
    )?;
    let code = crate::commands::report_ingest(&summary, quiet);
    let mut out = Output::open(output)?;
    let name = out.name();
    report(&store, data, &mut out).with_context(|| format!("cannot write the demo report to {name}"))?;
    out.finish()?;
    Ok(code)
}

/// Removes a previous demo store; refuses to remove a directory that holds anything else.
fn wipe(data: &Path) -> anyhow::Result<()> {
    if !data.exists() {
        return Ok(());
    }
    let is_store = data.join(alaqat_store::DATABASE_FILE).is_file();
    let is_empty = data.read_dir().map(|mut entries| entries.next().is_none()).unwrap_or(false);
    if !is_store && !is_empty {
        bail!("refusing to wipe {}: it is not empty and holds no alaqat store; pass another --data", data.display());
    }
    std::fs::remove_dir_all(data).with_context(|| format!("cannot remove the previous demo store {}", data.display()))
}

#[derive(Default)]
struct Tally {
    documents: u64,
    by_lang: BTreeMap<&'static str, u64>,
    by_format: BTreeMap<&'static str, u64>,
    mentions: HashMap<String, u64>,
    roots: BTreeMap<String, u64>,
    dyads: HashMap<(String, String), u64>,
    examples: Vec<(Event, String, String)>,
    events: u64,
}

fn report(store: &SqliteStore, data: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut tally = Tally::default();
    store.for_each_document(&mut |stored| {
        let (doc, extraction) = (&stored.document, &stored.extraction);
        tally.documents += 1;
        *tally.by_lang.entry(doc.lang.code()).or_default() += 1;
        *tally.by_format.entry(doc.format.name()).or_default() += 1;
        for mention in &extraction.mentions {
            *tally.mentions.entry(mention.entity.clone()).or_default() += 1;
        }
        for event in &extraction.events {
            tally.events += 1;
            *tally.roots.entry(event.code.chars().take(2).collect()).or_default() += 1;
            let side = |a: &alaqat_model::Actor| a.country.clone().unwrap_or_else(|| a.code.clone());
            let mut pair = [side(&event.source), side(&event.target)];
            pair.sort();
            let [a, b] = pair;
            *tally.dyads.entry((a, b)).or_default() += 1;
            let fits = event.modality == alaqat_model::Modality::Asserted && event.evidence.slice(&doc.text).is_some();
            if fits && tally.examples.len() < 3 && tally.examples.iter().all(|(_, _, source)| *source != doc.source) {
                let evidence = event.evidence.slice(&doc.text).unwrap_or_default();
                let evidence = evidence.split_whitespace().collect::<Vec<_>>().join(" ");
                tally.examples.push((event.clone(), evidence, doc.source.clone()));
            }
        }
        Ok(())
    })?;
    let entities = store.entities()?;

    writeln!(out, "alaqat demo: store in {}", data.display())?;
    writeln!(out, "\ndocuments: {}", tally.documents)?;
    writeln!(out, "  by language: {}", join_counts(&tally.by_lang))?;
    writeln!(out, "  by format:   {}", join_counts(&tally.by_format))?;

    let mut by_kind: BTreeMap<&str, u64> = BTreeMap::new();
    for entity in &entities {
        *by_kind.entry(entity.kind.map_or("unknown", EntityKind::name)).or_default() += 1;
    }
    writeln!(out, "\nentities: {}", entities.len())?;
    if !by_kind.is_empty() {
        writeln!(out, "  by type: {}", join_counts(&by_kind))?;
    }
    let mut people: Vec<_> = entities.iter().filter(|e| e.kind == Some(EntityKind::Person)).collect();
    people.sort_by_key(|e| (std::cmp::Reverse(tally.mentions.get(&e.id).copied().unwrap_or(0)), e.id.clone()));
    if !people.is_empty() {
        writeln!(out, "  top people:")?;
    }
    for person in people.iter().take(10) {
        let name = person.name_en.as_deref().or(person.name_ar.as_deref()).unwrap_or(&person.id);
        writeln!(
            out,
            "    {name} ({}){}  {} mentions",
            person.country.as_deref().unwrap_or("?"),
            person.role.as_deref().map(|role| format!(", {role}")).unwrap_or_default(),
            tally.mentions.get(&person.id).copied().unwrap_or(0)
        )?;
    }

    writeln!(out, "\nevents: {}", tally.events)?;
    for (root, count) in &tally.roots {
        let name = alaqat_model::cameo::CameoCode::get(root).map_or_else(|| "?".to_owned(), |c| c.name.to_lowercase());
        writeln!(out, "  {root} {name:<34} {count}")?;
    }
    let mut dyads: Vec<_> = tally.dyads.into_iter().collect();
    dyads.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if !dyads.is_empty() {
        writeln!(out, "\ndyads with most events:")?;
    }
    for ((a, b), count) in dyads.iter().take(5) {
        writeln!(out, "  {a}–{b}  {count}")?;
    }
    if !tally.examples.is_empty() {
        writeln!(out, "\nexample events:")?;
    }
    for (event, evidence, source) in &tally.examples {
        let date = event.date.map_or_else(|| "undated".to_owned(), |d| d.value_string());
        writeln!(out, "  {} {} → {}  {date}  ({source})", event.code, event.source.code, event.target.code)?;
        writeln!(out, "    «{evidence}»")?;
    }
    if tally.events == 0 {
        writeln!(out, "  (no events coded yet)")?;
    }
    writeln!(out, "\nnext: alaqat export --data {} --format json --output export.json", data.display())?;
    Ok(())
}

fn join_counts(counts: &BTreeMap<&str, u64>) -> String {
    counts.iter().map(|(key, count)| format!("{key} {count}")).collect::<Vec<_>>().join(", ")
}
