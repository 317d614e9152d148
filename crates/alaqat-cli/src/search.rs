//! `alaqat search`: full-text search over the stored documents and their event evidence, in
//! the index next to the store (`<data>/search`), which this module keeps in step with it.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use alaqat_model::Lang;
use alaqat_pipeline::{open_index, reconcile, store_texts};
use alaqat_search::{Hit, HitKind, SearchQuery};
use anyhow::Context;
use serde::Serialize;

use crate::args::GlobalArgs;
use crate::query::TableFormat;

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
    #[arg(long, value_name = "DATE", value_parser = alaqat_export::parse_date)]
    from: Option<alaqat_model::Date>,
    /// Only what is dated starting on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = alaqat_export::parse_date)]
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
}
