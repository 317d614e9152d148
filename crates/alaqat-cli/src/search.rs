//! `alaqat search`: full-text search over the stored documents and their event evidence, in
//! the index next to the store (`<data>/search`), which this module keeps in step with it.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use alaqat_model::Lang;
use alaqat_search::{Hit, HitKind, IndexDoc, SearchIndex, SearchQuery};
use alaqat_store::Store;
use anyhow::Context;
use serde::Serialize;

use crate::args::GlobalArgs;
use crate::query::TableFormat;

/// The index's directory inside the store directory.
pub(crate) const SEARCH_DIR: &str = "search";

/// Documents read from the store and indexed at a time while reconciling.
const RECONCILE_BATCH: usize = 256;

#[derive(Debug, clap::Args)]
#[command(after_help = SEARCH_HELP)]
pub(crate) struct SearchArgs {
    /// Words to find (every one must occur); "quoted words" must occur together.
    #[arg(value_name = "QUERY")]
    query: String,
    /// Only documents and evidence with an event between these two countries: A,B.
    #[arg(long, value_name = "A,B", value_parser = crate::args::dyad_arg)]
    dyad: Option<(String, String)>,
    /// Only what is dated (publication, or the event for evidence) ending on or after DATE.
    #[arg(long, value_name = "DATE", value_parser = crate::analysis::parse_date)]
    from: Option<alaqat_model::Date>,
    /// Only what is dated starting on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = crate::analysis::parse_date)]
    to: Option<alaqat_model::Date>,
    /// Only documents in this language.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// At most this many hits, best first.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
}

const SEARCH_HELP: &str = "\
Arabic words match whatever their spelling (hamza and alef forms, ة/ه, ى/ي, diacritics,
tatweel, عبد العزيز/عبدالعزيز) and their clitics and suffixes (و ف ب ك ل ال, ة ات ون ين ها هم
ي ...); English words match regardless of case and plural. A country's name, adjective or
capital matches the others, in both languages: الكازاخستانية finds كازاخستان, Astana, Kazakh.

Countries are ISO 3166-1 alpha-3 codes (SAU, KAZ), English names (\"Saudi Arabia\") or Arabic
names and adjectives (السعودية, الكازاخستاني).";

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    Ar,
    En,
    Mixed,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Ar => Lang::Ar,
            LangArg::En => Lang::En,
            LangArg::Mixed => Lang::Mixed,
        }
    }
}

/// Runs `alaqat search`: reconciles the index with the store, searches, prints the hits.
pub(crate) fn run(global: &GlobalArgs, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = global.store_at()?.open(false)?;
    let mut index = open_index(&global.data)?;
    let repaired = reconcile(&*store, &mut index)?;
    if !global.quiet && repaired.added + repaired.removed + repaired.reindexed > 0 {
        eprintln!(
            "search index brought up to date: {} documents added, {} removed, {} indexed again",
            repaired.added, repaired.removed, repaired.reindexed
        );
    }
    let query = SearchQuery {
        text: args.query,
        dyad: args.dyad,
        from: args.from,
        to: args.to,
        lang: args.lang.map(Into::into),
        limit: args.limit,
        offset: 0,
    };
    let results = index.search(&query, &mut store_texts(&*store)).context("cannot search")?;
    let mut out = crate::output::Output::open(global.output.as_deref())?;
    match args.format {
        TableFormat::Table => {
            let bold = global.output.is_none() && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            write_table(&results.hits, bold, &mut out)?;
        }
        TableFormat::Json => {
            let hits: Vec<HitOut<'_>> = results.hits.iter().map(HitOut::new).collect();
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
    }
    out.finish()?;
    if !global.quiet || results.total == 0 {
        if results.total > results.hits.len() {
            eprintln!("{} results ({} shown; --limit shows more)", results.total, results.hits.len());
        } else {
            eprintln!("{} results", results.total);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The store's texts, as a search reads its hits' texts (the index keeps none).
pub(crate) fn store_texts(
    store: &dyn Store,
) -> impl FnMut(&[&str]) -> Result<Vec<Option<String>>, alaqat_search::BoxError> + '_ {
    |ids| store.texts(ids).map_err(Into::into)
}

/// Opens (creating it if needed) the search index of the store in `data`.
pub(crate) fn open_index(data: &Path) -> anyhow::Result<SearchIndex> {
    let dir = data.join(SEARCH_DIR);
    SearchIndex::open(&dir).with_context(|| format!("cannot use the search index in {}", dir.display()))
}

/// The search index for an ingest into the store in `data`, or `None` with a warning when it
/// cannot be opened: documents are stored all the same, and `alaqat search` indexes them later.
pub(crate) fn open_index_for_ingest(data: &Path) -> Option<SearchIndex> {
    match open_index(data) {
        Ok(index) => Some(index),
        Err(error) => {
            eprintln!("warning: {error:#}; the documents are stored and `alaqat search` will index them");
            None
        }
    }
}

/// What [`reconcile`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Reconciled {
    /// Stored documents the index lacked, now indexed.
    pub(crate) added: usize,
    /// Indexed documents the store does not have, now removed.
    pub(crate) removed: usize,
    /// Stored documents indexed wrongly (more than one document entry, or evidence without
    /// the document), now indexed again.
    pub(crate) reindexed: usize,
}

/// Brings the index in step with the store: indexes stored documents it lacks (an ingest
/// interrupted between the store's commit and the index's, or an index rebuilt after a format
/// change) or holds wrongly, and removes documents the store does not have. Cheap when they
/// agree: one id list from each.
pub(crate) fn reconcile(store: &dyn Store, index: &mut SearchIndex) -> anyhow::Result<Reconciled> {
    // Ingest indexes only documents it stored, and nothing but `check` deletes from the store,
    // so equal counts mean the index is complete: a millisecond instead of comparing every id
    // (seconds at a million documents). `check` always compares the ids.
    index.refresh().context("cannot read the search index")?;
    let stored = store.document_count().context("cannot count the stored documents")?;
    if index.document_count().context("cannot count the indexed documents")? == stored {
        return Ok(Reconciled::default());
    }
    compare_ids(store, index, true)
}

/// [`reconcile`], or with `apply` false only counting what it would change.
pub(crate) fn reconcile_with(store: &dyn Store, index: &mut SearchIndex, apply: bool) -> anyhow::Result<Reconciled> {
    // Another process may have committed to the index since this handle last looked.
    index.refresh().context("cannot read the search index")?;
    compare_ids(store, index, apply)
}

/// [`reconcile_with`] on a handle just refreshed.
fn compare_ids(store: &dyn Store, index: &mut SearchIndex, apply: bool) -> anyhow::Result<Reconciled> {
    let stored = store.document_ids().context("cannot list the stored documents")?;
    let indexed = index.ids().context("cannot list the indexed documents")?;
    let entries = index.document_entry_counts().context("cannot list the indexed documents")?;
    let stored_set: HashSet<&str> = stored.iter().map(String::as_str).collect();
    let orphans: Vec<&str> = indexed.iter().map(String::as_str).filter(|id| !stored_set.contains(id)).collect();
    // Adding replaces whatever the index holds for the id, so one pass fixes both cases.
    let (mut added, mut reindexed) = (0, 0);
    let mut to_index = Vec::new();
    for id in &stored {
        match entries.get(id) {
            Some(1) => continue,
            None if !indexed.contains(id) => added += 1,
            _ => reindexed += 1,
        }
        to_index.push(id);
    }
    let reconciled = Reconciled { added, removed: orphans.len(), reindexed };
    if !apply {
        return Ok(reconciled);
    }
    index.remove(&orphans).context("cannot update the search index")?;
    for chunk in to_index.chunks(RECONCILE_BATCH) {
        let mut documents = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(document) = store.document(id).with_context(|| format!("cannot read document {id}"))? {
                documents.push(document);
            }
        }
        let entries: Vec<IndexDoc<'_>> =
            documents.iter().map(|d| IndexDoc { document: &d.document, extraction: &d.extraction }).collect();
        index.add(&entries).context("cannot update the search index")?;
    }
    if !to_index.is_empty() {
        index.wait_merges().context("cannot update the search index")?;
    }
    Ok(reconciled)
}

/// One block per hit: source, kind and date, then the snippet with the matched words marked.
fn write_table(hits: &[Hit], bold: bool, out: &mut dyn Write) -> io::Result<()> {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("⟦", "⟧") };
    for hit in hits {
        let kind = match &hit.kind {
            HitKind::Document => "document".to_owned(),
            HitKind::Evidence { events } => format!("evidence of {}", events.join(", ")),
        };
        let date = hit.date.as_deref().unwrap_or("undated");
        writeln!(out, "{}  {kind}  {date}", hit.source)?;
        writeln!(out, "    {}", marked(&hit.snippet, &hit.highlights, open, close))?;
    }
    Ok(())
}

/// The snippet on one line with `open`/`close` around each highlight.
fn marked(snippet: &str, highlights: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 8);
    for (i, c) in snippet.chars().enumerate() {
        if highlights.iter().any(|&(_, b)| b == i) {
            out.push_str(close);
        }
        if highlights.iter().any(|&(a, _)| a == i) {
            out.push_str(open);
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    let n = snippet.chars().count();
    if highlights.iter().any(|&(_, b)| b == n) {
        out.push_str(close);
    }
    out
}

/// A hit in `--format json`. Offsets are Unicode code points: `snippet_start` into the
/// document's text, `highlights` into the snippet.
#[derive(Serialize)]
struct HitOut<'a> {
    document: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    kind: &'static str,
    events: Vec<&'a str>,
    lang: &'static str,
    date: Option<&'a str>,
    score: f32,
    snippet: &'a str,
    snippet_start: usize,
    highlights: &'a [(usize, usize)],
}

impl<'a> HitOut<'a> {
    fn new(hit: &'a Hit) -> HitOut<'a> {
        let (kind, events) = match &hit.kind {
            HitKind::Document => ("document", Vec::new()),
            HitKind::Evidence { events } => ("evidence", events.iter().map(String::as_str).collect()),
        };
        HitOut {
            document: &hit.document,
            source: &hit.source,
            title: hit.title.as_deref(),
            kind,
            events,
            lang: hit.lang.code(),
            date: hit.date.as_deref(),
            score: hit.score,
            snippet: &hit.snippet,
            snippet_start: hit.snippet_start,
            highlights: &hit.highlights,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights_and_flattens_lines() {
        assert_eq!(marked("زار الوفد\nأستانا", &[(4, 9), (10, 16)], "[", "]"), "زار [الوفد] [أستانا]");
        assert_eq!(marked("abc", &[], "[", "]"), "abc");
    }

    #[test]
    fn reconcile_adds_what_is_missing_and_removes_orphans() {
        use alaqat_model::{Document, Extraction, Format};
        let mut store = alaqat_store::SqliteStore::open_in_memory().unwrap();
        let doc = |id: &str, text: &str| Document {
            id: id.to_owned(),
            source: format!("{id}.txt"),
            url: None,
            title: None,
            published: None,
            lang: Lang::Ar,
            encoding: "utf-8".to_owned(),
            format: Format::Txt,
            text: text.to_owned(),
        };
        store.put_batch(&[(doc("a", "زار الوفد أستانا."), Extraction::default())]).unwrap();
        let mut index = SearchIndex::in_ram().unwrap();
        let orphan = doc("gone", "نص لم يعد في المخزن.");
        index.add(&[IndexDoc { document: &orphan, extraction: &Extraction::default() }]).unwrap();
        // One missing and one orphan: the counts agree, so only the full comparison sees it.
        assert_eq!(reconcile(&store, &mut index).unwrap(), Reconciled::default(), "the quick check trusts counts");
        let full = reconcile_with(&store, &mut index, false).unwrap();
        assert_eq!(full, Reconciled { added: 1, removed: 1, reindexed: 0 }, "a dry run counts");
        assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["gone"], "and changes nothing");
        assert_eq!(reconcile_with(&store, &mut index, true).unwrap(), full);
        assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["a"]);
        assert_eq!(reconcile_with(&store, &mut index, true).unwrap(), Reconciled::default());

        // A document stored after the index was last brought up to date: the counts differ.
        store.put_batch(&[(doc("b", "وقع الجانبان اتفاقية."), Extraction::default())]).unwrap();
        assert_eq!(reconcile(&store, &mut index).unwrap(), Reconciled { added: 1, removed: 0, reindexed: 0 });
    }
}
