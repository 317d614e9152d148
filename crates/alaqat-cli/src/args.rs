//! The command line: every subcommand's arguments (clap derive), and the parsers of
//! countries and dyads they share.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{bench, demo, query, search};

const AFTER_HELP: &str = "\
Exit codes:
  0  everything succeeded
  1  fatal error (store unusable, output not writable, ...)
  2  bad command line
  3  some documents failed (named on stderr); the others were processed";

/// Turns Arabic-first news about relations between countries into coded events (CAMEO),
/// entities, dates, claims and commitments, each traced to its sentence.
#[derive(Debug, Parser)]
#[command(name = "alaqat", version, after_help = AFTER_HELP)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options accepted by every subcommand.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// The store directory (created on first ingest).
    #[arg(long, global = true, env = "ALAQAT_DATA", default_value = "./alaqat-data", value_name = "DIR")]
    pub(crate) data: PathBuf,
    /// A PostgreSQL store instead of the embedded one, for several analysts and ingest
    /// processes at once: postgres://USER:PASSWORD@HOST:PORT/DATABASE (tables are created on
    /// first use). Every command that uses a store takes it, but demo, which makes its own
    /// embedded one; the search index stays in --data, one per process that writes it.
    #[arg(long, global = true, env = "ALAQAT_STORE", hide_env_values = true, value_name = "URL")]
    pub(crate) store: Option<String>,
    /// Write the data a command produces (export, annotate, demo, stats) to FILE instead of stdout.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// No progress bar and no summary line (failures are still reported).
    #[arg(long, short = 'q', global = true)]
    pub(crate) quiet: bool,
    /// The date commitments are judged against (pending, fulfilled, overdue): YYYY-MM-DD,
    /// default today (UTC).
    #[arg(long, global = true, value_name = "DATE", value_parser = alaqat_export::parse_date)]
    pub(crate) as_of: Option<alaqat_model::Date>,
    /// Leave out of the office-holder lexicon everyone named in FILE (one name per line), so
    /// that people must be recognized from context: the gazetteer ablation (README.md, "People").
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) ablate_persons: Option<PathBuf>,
}

impl GlobalArgs {
    /// Where the store is: `--store URL`, else `--data DIR`.
    pub(crate) fn store_at(&self) -> anyhow::Result<alaqat_pipeline::StoreAt> {
        Ok(alaqat_pipeline::StoreAt::new(&self.data, self.store.as_deref())?)
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Read files, directories or JSON Lines on stdin (`-`), extract, and store.
    #[command(after_help = AFTER_HELP)]
    Ingest(IngestArgs),
    /// Write the whole store: JSON (SPEC.md, "Export contract"), or fused events as GDELT-like
    /// CSV or Parquet.
    Export(ExportArgs),
    /// List fused events (one per real-world event, joined across documents), filtered.
    Events(EventsArgs),
    /// The dated fused events between two countries, in date order.
    Timeline(TimelineArgs),
    /// Claims that contradict each other across documents.
    Conflicts(TableArgs),
    /// Commitments (promised or expected, by when) with their status as of --as-of.
    Commitments(TableArgs),
    /// Full-text search of documents and event evidence, Arabic-aware, matched words marked.
    Search(search::SearchArgs),
    /// Extract JSON Lines from stdin to coded documents as JSON Lines on stdout, streaming
    /// (no store): one output line per input line, in order; a bad line gives an error record.
    Extract(ExtractArgs),
    /// Show what extraction recognizes in a file: inline-marked text, events and claims.
    #[command(after_help = AFTER_HELP)]
    Annotate(AnnotateArgs),
    /// Ingest the demo corpus into a fresh store and summarize what was found.
    #[command(after_help = AFTER_HELP)]
    Demo(DemoArgs),
    /// Serve the JSON API and the dashboard over the store (127.0.0.1:8080 by default).
    Serve(ServeArgs),
    /// Print how much the store holds.
    Stats,
    /// Print what the trigger lexicon covers of CAMEO: per root, the codes it can emit in Arabic,
    /// in English, and in both.
    Codes,
    /// Check that the store is sound and the search index in step with it; repair what can be.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Measure extraction throughput on one core against a decode+tokenize baseline; with
    /// --archive, build an archive and measure its ingest, size, reads and memory.
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Only report what would be repaired; change nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

pub(crate) const CHECK_HELP: &str = "\
Checks: the database's own integrity (SQLite), rows pointing at a missing document or entity,
events stored twice, every document's id against the hash of its text, every span of every
extraction against its text, and the search index in <data>/search against the store
(documents missing, removed, or indexed twice). Repairs: deletes the bad rows, brings the index
up to date (rebuilding it if it cannot be read). Run it after a crash or a kill; a rerun of the
interrupted ingest then adds what it had not stored.

Exit codes:
  0  consistent (after the repairs it reports); with --dry-run: nothing to repair
  1  fatal error (store cannot be opened, index held by another process, ...)
  4  not consistent: damage it cannot repair (listed); with --dry-run: repairs needed";

#[derive(Debug, Args)]
pub(crate) struct BenchArgs {
    /// Articles to generate from the demo corpus.
    #[arg(long, default_value_t = 20_000)]
    pub(crate) articles: usize,
    /// Seed of the corpus generator.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Timed rounds per stage; the best is reported.
    #[arg(long, default_value_t = 1)]
    pub(crate) rounds: usize,
    /// Also time extraction split over N threads (scaling across cores).
    #[arg(long, short = 'j', default_value_t = 1, value_name = "N")]
    pub(crate) jobs: usize,
    /// The corpus whose sentences are recombined.
    #[arg(long, value_name = "DIR", default_value = demo::DEFAULT_CORPUS)]
    pub(crate) corpus: PathBuf,
    /// Do not measure: write the generated articles as JSON Lines (`{"id","text"}`, ids
    /// `bench-0`…) to stdout or `--output`, the input of `ingest -`, `extract` and load tests.
    #[arg(long)]
    pub(crate) write_corpus: bool,
    /// Do not generate: time searches over the index of the store in --data (a store built
    /// with `bench --write-corpus … | alaqat ingest -`, say, of a million articles).
    #[arg(long, conflicts_with = "write_corpus")]
    pub(crate) search_only: bool,
    /// Build an archive of --articles generated articles in DIR (new or empty; kept
    /// afterwards) with `ingest --jobs N`, and measure it: ingest articles/s and per
    /// CPU-second, bytes on disk per article, `timeline` and `events --dyad` latencies, the
    /// API's `/api/events?dyad=`, search, and the peak memory of `serve` and `export`.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["write_corpus", "search_only"])]
    pub(crate) archive: Option<PathBuf>,
    /// With --archive: how many of the archive's dyads reads are timed over, spread from the
    /// densest to the sparsest.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub(crate) dyads: usize,
    /// Recombine the demo sentences unchanged, without recasting each article's countries,
    /// capitals, known people and numbers: the corpus of builds before the recasting.
    #[arg(long)]
    pub(crate) verbatim: bool,
    /// Smallest generated article, in bytes.
    #[arg(long, default_value_t = bench::ARTICLE_BYTES.0, value_name = "N")]
    pub(crate) min_bytes: usize,
    /// Largest generated article, in bytes (the last sentence may run past it).
    #[arg(long, default_value_t = bench::ARTICLE_BYTES.1, value_name = "N")]
    pub(crate) max_bytes: usize,
}

#[derive(Debug, Args)]
pub(crate) struct IngestArgs {
    /// Files or directories to read; `-` reads JSON Lines from stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Extraction threads (default: the available cores). Documents are stored in input order
    /// whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<usize>,
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

#[derive(Debug, Args)]
pub(crate) struct LimitArgs {
    /// Longest document accepted, in characters; longer ones fail with "document too long".
    #[arg(long, default_value_t = alaqat_read::ReadOptions::default().max_doc_chars, value_name = "CHARS")]
    pub(crate) max_doc_chars: usize,
}

impl LimitArgs {
    pub(crate) fn read_options(&self) -> alaqat_read::ReadOptions {
        alaqat_read::ReadOptions { max_doc_chars: self.max_doc_chars, ..alaqat_read::ReadOptions::default() }
    }
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub(crate) format: ExportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// One object: documents, entities, conflicts, fused events, duplicates.
    Json,
    /// One document object per line.
    Jsonl,
    /// Fused events with GDELT-like columns, UTF-8 with a byte order mark.
    Csv,
    /// Fused events with GDELT-like columns, to the --output file.
    Parquet,
}

/// A country as ISO alpha-3 (`SAU`), English name (`Saudi Arabia`) or Arabic name
/// (`السعودية`); organizations as `GCC` or `IGOGCC`.
pub(crate) fn country_arg(text: &str) -> Result<String, String> {
    alaqat_export::resolve_country(text).ok_or_else(|| {
        format!("`{text}` is not a known country: give an ISO alpha-3 code (SAU), an English or Arabic name")
    })
}

/// Two countries separated by a comma.
pub(crate) fn dyad_arg(text: &str) -> Result<(String, String), String> {
    let (a, b) = text.split_once(',').ok_or_else(|| format!("`{text}` is not a dyad: write A,B (SAU,KAZ)"))?;
    Ok((country_arg(a)?, country_arg(b)?))
}

pub(crate) const COUNTRY_HELP: &str = "\
Countries are ISO 3166-1 alpha-3 codes (SAU, KAZ), English names (\"Saudi Arabia\") or Arabic
names and adjectives (السعودية, الكازاخستاني); organizations are GCC or IGOGCC.";

#[derive(Debug, Args)]
#[command(after_help = COUNTRY_HELP)]
pub(crate) struct EventsArgs {
    /// Only events between these two countries, either direction: A,B.
    #[arg(long, value_name = "A,B", value_parser = dyad_arg)]
    pub(crate) dyad: Option<(String, String)>,
    /// Only events whose source or target actor code starts with CODE (KAZ, KAZGOV).
    #[arg(long, value_name = "CODE")]
    pub(crate) actor: Option<String>,
    /// Only events whose CAMEO code starts with CODE (04, 042).
    #[arg(long, value_name = "CODE")]
    pub(crate) code: Option<String>,
    /// Only dated events ending on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = alaqat_export::parse_date)]
    pub(crate) from: Option<alaqat_model::Date>,
    /// Only dated events starting on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = alaqat_export::parse_date)]
    pub(crate) to: Option<alaqat_model::Date>,
    /// Only events with this modality.
    #[arg(long, value_enum)]
    pub(crate) modality: Option<ModalityArg>,
    /// Only events in which this entity acts, as source or target (per:tokayev).
    #[arg(long, value_name = "ID")]
    pub(crate) entity: Option<String>,
    #[arg(long, value_enum, default_value_t = query::ListFormat::Table)]
    pub(crate) format: query::ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ModalityArg {
    Asserted,
    Negated,
    Proposed,
    Expected,
    Background,
}

impl From<ModalityArg> for alaqat_model::Modality {
    fn from(m: ModalityArg) -> alaqat_model::Modality {
        use alaqat_model::Modality;
        match m {
            ModalityArg::Asserted => Modality::Asserted,
            ModalityArg::Negated => Modality::Negated,
            ModalityArg::Proposed => Modality::Proposed,
            ModalityArg::Expected => Modality::Expected,
            ModalityArg::Background => Modality::Background,
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = COUNTRY_HELP)]
pub(crate) struct TimelineArgs {
    /// One country of the dyad.
    #[arg(value_name = "A", value_parser = country_arg)]
    pub(crate) a: String,
    /// The other.
    #[arg(value_name = "B", value_parser = country_arg)]
    pub(crate) b: String,
    /// Also list undated events and planned ones (modality expected or proposed, or dated after
    /// the report that gives them was published); by default the timeline is what happened.
    #[arg(long)]
    pub(crate) all: bool,
    #[arg(long, value_enum, default_value_t = query::ListFormat::Table)]
    pub(crate) format: query::ListFormat,
}

#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    #[arg(long, value_enum, default_value_t = query::TableFormat::Table)]
    pub(crate) format: query::TableFormat,
}

#[derive(Debug, Args)]
pub(crate) struct AnnotateArgs {
    /// A file (text, HTML, JSON Lines, feed) or directory; needs no store.
    #[arg(value_name = "FILE")]
    pub(crate) path: PathBuf,
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// The corpus to ingest.
    #[arg(long, value_name = "DIR", default_value = demo::DEFAULT_CORPUS)]
    pub(crate) corpus: PathBuf,
    /// Where the dashboard listens once the corpus is in (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub(crate) addr: std::net::SocketAddr,
    /// Stop after the summary instead of serving the dashboard.
    #[arg(long)]
    pub(crate) no_serve: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// Worker threads (default: the available cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<usize>,
    #[command(flatten)]
    pub(crate) limits: LimitArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on (port 0 picks a free port). Keep the loopback default unless a
    /// proxy in front of it handles TLS and access.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub(crate) addr: std::net::SocketAddr,
    /// Bearer token that POST /api/ingest requires; without one the server is read-only.
    #[arg(long, env = "ALAQAT_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    pub(crate) token: Option<String>,
    /// Browser origin allowed to call the API (CORS), e.g. https://analysis.example.org;
    /// repeatable. None by default: no CORS headers.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub(crate) cors_origins: Vec<String>,
    /// How often to look for documents that other processes stored (another server over the
    /// same PostgreSQL store, `alaqat ingest`), in seconds; 0 never looks. What this server
    /// ingests itself is served without waiting for it.
    #[arg(long, default_value_t = alaqat_serve::DEFAULT_POLL_SECONDS, value_name = "SECONDS")]
    pub(crate) poll: u64,
}
