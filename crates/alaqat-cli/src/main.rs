//! `alaqat`: the command line of alaqat. Ingests news into the embedded store, exports the
//! coded record (JSON, GDELT-like CSV and Parquet), lists fused events, dyad timelines,
//! contradictions and commitments, annotates documents for lexicon maintainers and runs the demo.
//!
//! This is the only crate that uses `anyhow`, prints to the terminal and chooses exit codes:
//!
//! - 0: everything succeeded;
//! - 1: fatal error (the store cannot be opened or written, an output cannot be written ...);
//! - 2: bad command line (from clap);
//! - 3: some documents failed to read or store; the others were processed.
//!
//! A broken pipe on standard output (`alaqat export | head`) ends the program with 0.

mod analysis;
mod annotate;
mod bench;
mod check;
mod codes;
mod demo;
mod export;
mod gdelt;
mod ingest;
mod output;
mod pool;
mod query;
mod search;
mod serve;
mod stats;
mod stores;
mod stream;

use std::io::{self, ErrorKind};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::stores::{NoStore, NotAStoreUrl};

/// Exit code when some documents failed and the others were processed.
const EXIT_SOME_FAILED: u8 = 3;
/// `alaqat check` found what it could not repair (or, with `--dry-run`, anything to repair).
const EXIT_INCONSISTENT: u8 = 4;

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
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options accepted by every subcommand.
#[derive(Debug, Args)]
struct GlobalArgs {
    /// The store directory (created on first ingest).
    #[arg(long, global = true, env = "ALAQAT_DATA", default_value = "./alaqat-data", value_name = "DIR")]
    data: PathBuf,
    /// A PostgreSQL store instead of the embedded one, for several analysts and ingest
    /// processes at once: postgres://USER:PASSWORD@HOST:PORT/DATABASE (tables are created on
    /// first use). Every command that uses a store takes it, but demo, which makes its own
    /// embedded one; the search index stays in --data, one per process that writes it.
    #[arg(long, global = true, env = "ALAQAT_STORE", hide_env_values = true, value_name = "URL")]
    store: Option<String>,
    /// Write the data a command produces (export, annotate, demo, stats) to FILE instead of stdout.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    /// No progress bar and no summary line (failures are still reported).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    /// The date commitments are judged against (pending, fulfilled, overdue): YYYY-MM-DD,
    /// default today (UTC).
    #[arg(long, global = true, value_name = "DATE", value_parser = analysis::parse_date)]
    as_of: Option<alaqat_model::Date>,
    /// Leave out of the office-holder lexicon everyone named in FILE (one name per line), so
    /// that people must be recognized from context: the gazetteer ablation (README.md, "People").
    #[arg(long, global = true, value_name = "FILE")]
    ablate_persons: Option<PathBuf>,
}

impl GlobalArgs {
    /// Where the store is: `--store URL`, else `--data DIR`.
    fn store_at(&self) -> anyhow::Result<stores::StoreAt> {
        stores::StoreAt::new(&self.data, self.store.as_deref())
    }
}

#[derive(Debug, Subcommand)]
enum Command {
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
    /// Measure extraction throughput on one core against a decode+tokenize baseline.
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Only report what would be repaired; change nothing.
    #[arg(long)]
    dry_run: bool,
}

const CHECK_HELP: &str = "\
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
struct BenchArgs {
    /// Articles to generate from the demo corpus.
    #[arg(long, default_value_t = 20_000)]
    articles: usize,
    /// Seed of the corpus generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Timed rounds per stage; the best is reported.
    #[arg(long, default_value_t = 1)]
    rounds: usize,
    /// Also time extraction split over N threads (scaling across cores).
    #[arg(long, short = 'j', default_value_t = 1, value_name = "N")]
    jobs: usize,
    /// The corpus whose sentences are recombined.
    #[arg(long, value_name = "DIR", default_value = demo::DEFAULT_CORPUS)]
    corpus: PathBuf,
    /// Do not measure: write the generated articles as JSON Lines (`{"id","text"}`, ids
    /// `bench-0`…) to stdout or `--output`, the input of `ingest -`, `extract` and load tests.
    #[arg(long)]
    write_corpus: bool,
    /// Do not generate: time searches over the index of the store in --data (a store built
    /// with `bench --write-corpus … | alaqat ingest -`, say, of a million articles).
    #[arg(long, conflicts_with = "write_corpus")]
    search_only: bool,
    /// Build an archive of --articles generated articles in DIR (new or empty; kept
    /// afterwards) with `ingest --jobs N`, and measure it: ingest articles/s and per
    /// CPU-second, bytes on disk per article, `timeline` and `events --dyad` latencies, the
    /// API's `/api/events?dyad=`, search, and the peak memory of `serve` and `export`.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["write_corpus", "search_only"])]
    archive: Option<PathBuf>,
    /// With --archive: how many of the archive's dyads reads are timed over, spread from the
    /// densest to the sparsest.
    #[arg(long, default_value_t = 20, value_name = "N")]
    dyads: usize,
    /// Smallest generated article, in bytes.
    #[arg(long, default_value_t = bench::ARTICLE_BYTES.0, value_name = "N")]
    min_bytes: usize,
    /// Largest generated article, in bytes (the last sentence may run past it).
    #[arg(long, default_value_t = bench::ARTICLE_BYTES.1, value_name = "N")]
    max_bytes: usize,
}

#[derive(Debug, Args)]
struct IngestArgs {
    /// Files or directories to read; `-` reads JSON Lines from stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Extraction threads (default: the available cores). Documents are stored in input order
    /// whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Args)]
struct LimitArgs {
    /// Longest document accepted, in characters; longer ones fail with "document too long".
    #[arg(long, default_value_t = alaqat_read::ReadOptions::default().max_doc_chars, value_name = "CHARS")]
    max_doc_chars: usize,
}

impl LimitArgs {
    fn read_options(&self) -> alaqat_read::ReadOptions {
        alaqat_read::ReadOptions { max_doc_chars: self.max_doc_chars, ..alaqat_read::ReadOptions::default() }
    }
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
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
fn country_arg(text: &str) -> Result<String, String> {
    analysis::resolve_country(text).ok_or_else(|| {
        format!("`{text}` is not a known country: give an ISO alpha-3 code (SAU), an English or Arabic name")
    })
}

/// Two countries separated by a comma.
fn dyad_arg(text: &str) -> Result<(String, String), String> {
    let (a, b) = text.split_once(',').ok_or_else(|| format!("`{text}` is not a dyad: write A,B (SAU,KAZ)"))?;
    Ok((country_arg(a)?, country_arg(b)?))
}

const COUNTRY_HELP: &str = "\
Countries are ISO 3166-1 alpha-3 codes (SAU, KAZ), English names (\"Saudi Arabia\") or Arabic
names and adjectives (السعودية, الكازاخستاني); organizations are GCC or IGOGCC.";

#[derive(Debug, Args)]
#[command(after_help = COUNTRY_HELP)]
struct EventsArgs {
    /// Only events between these two countries, either direction: A,B.
    #[arg(long, value_name = "A,B", value_parser = dyad_arg)]
    dyad: Option<(String, String)>,
    /// Only events whose source or target actor code starts with CODE (KAZ, KAZGOV).
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Only events whose CAMEO code starts with CODE (04, 042).
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Only dated events ending on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = analysis::parse_date)]
    from: Option<alaqat_model::Date>,
    /// Only dated events starting on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = analysis::parse_date)]
    to: Option<alaqat_model::Date>,
    /// Only events with this modality.
    #[arg(long, value_enum)]
    modality: Option<ModalityArg>,
    /// Only events in which this entity acts, as source or target (per:tokayev).
    #[arg(long, value_name = "ID")]
    entity: Option<String>,
    #[arg(long, value_enum, default_value_t = query::ListFormat::Table)]
    format: query::ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ModalityArg {
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
struct TimelineArgs {
    /// One country of the dyad.
    #[arg(value_name = "A", value_parser = country_arg)]
    a: String,
    /// The other.
    #[arg(value_name = "B", value_parser = country_arg)]
    b: String,
    /// Also list undated events and planned ones (modality expected or proposed, or dated after
    /// the report that gives them was published); by default the timeline is what happened.
    #[arg(long)]
    all: bool,
    #[arg(long, value_enum, default_value_t = query::ListFormat::Table)]
    format: query::ListFormat,
}

#[derive(Debug, Args)]
struct TableArgs {
    #[arg(long, value_enum, default_value_t = query::TableFormat::Table)]
    format: query::TableFormat,
}

#[derive(Debug, Args)]
struct AnnotateArgs {
    /// A file (text, HTML, JSON Lines, feed) or directory; needs no store.
    #[arg(value_name = "FILE")]
    path: PathBuf,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Args)]
struct DemoArgs {
    /// The corpus to ingest.
    #[arg(long, value_name = "DIR", default_value = demo::DEFAULT_CORPUS)]
    corpus: PathBuf,
    /// Where the dashboard listens once the corpus is in (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    addr: std::net::SocketAddr,
    /// Stop after the summary instead of serving the dashboard.
    #[arg(long)]
    no_serve: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Worker threads (default: the available cores).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free port). Keep the loopback default unless a
    /// proxy in front of it handles TLS and access.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    addr: std::net::SocketAddr,
    /// Bearer token that POST /api/ingest requires; without one the server is read-only.
    #[arg(long, env = "ALAQAT_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    token: Option<String>,
    /// Browser origin allowed to call the API (CORS), e.g. https://analysis.example.org;
    /// repeatable. None by default: no CORS headers.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// How often to look for documents that other processes stored (another server over the
    /// same PostgreSQL store, `alaqat ingest`), in seconds; 0 never looks. What this server
    /// ingests itself is served without waiting for it.
    #[arg(long, default_value_t = serve::DEFAULT_POLL_SECONDS, value_name = "SECONDS")]
    poll: u64,
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    // The demo wipes its store, so it uses --data only when it was given on the command line,
    // never ALAQAT_DATA or the default.
    let data_given = subcommand_matches(&matches).value_source("data") == Some(ValueSource::CommandLine)
        || matches.value_source("data") == Some(ValueSource::CommandLine);
    match run(cli, data_given) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            for hint in hints(&error) {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

fn subcommand_matches(matches: &clap::ArgMatches) -> &clap::ArgMatches {
    matches.subcommand().map_or(matches, |(_, sub)| sub)
}

fn run(cli: Cli, data_given: bool) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    if let Some(path) = &global.ablate_persons {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let names = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        if !alaqat_extract::Lexicon::ablate_persons(names.map(str::to_string).collect()) {
            bail!("--ablate-persons came after the lexicon was compiled; it was not applied");
        }
    }
    match cli.command {
        Command::Ingest(args) => {
            if global.output.is_some() {
                Cli::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, "ingest writes no data; --output is not used")
                    .exit();
            }
            let mut store = global.store_at()?.open(true)?;
            let mut index = search::open_index_for_ingest(&global.data);
            let summary = ingest::ingest(
                &mut *store,
                index.as_mut(),
                &args.paths,
                &args.limits.read_options(),
                args.jobs.unwrap_or_else(cores),
                global.quiet,
            )?;
            summary.report(global.quiet);
            Ok(summary.exit_code())
        }
        Command::Export(args) => {
            if args.format == ExportFormat::Parquet && global.output.is_none() {
                Cli::command()
                    .error(clap::error::ErrorKind::MissingRequiredArgument, "--format parquet needs --output FILE")
                    .exit();
            }
            let analysis = load(&global)?;
            if let (ExportFormat::Parquet, Some(path)) = (args.format, global.output.as_deref()) {
                let rows: Vec<gdelt::Row<'_>> =
                    analysis.corpus.fused.iter().map(|f| gdelt::Row::new(f, &analysis)).collect();
                gdelt::write_parquet(&rows, path)?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut out = output::Output::open(global.output.as_deref())?;
            match args.format {
                ExportFormat::Json => export::write_json(&analysis, &mut out)?,
                ExportFormat::Jsonl => export::write_jsonl(&analysis, &mut out)?,
                ExportFormat::Csv | ExportFormat::Parquet => {
                    let rows: Vec<gdelt::Row<'_>> =
                        analysis.corpus.fused.iter().map(|f| gdelt::Row::new(f, &analysis)).collect();
                    let name = out.name();
                    gdelt::write_csv(&rows, &mut out).with_context(|| format!("cannot write {name}"))?;
                }
            }
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Events(args) => {
            let analysis = match &args.dyad {
                Some((a, b)) => load_dyad(&global, a, b)?,
                None => load(&global)?,
            };
            let filter = query::EventFilter {
                dyad: args.dyad,
                actor: args.actor,
                code: args.code,
                from: args.from,
                to: args.to,
                modality: args.modality.map(Into::into),
                entity: args.entity,
            }
            .normalized();
            let mut out = output::Output::open(global.output.as_deref())?;
            let n = query::events(&analysis, &filter, args.format, &mut out)?;
            out.finish()?;
            note(&global, n, "events");
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline(args) => {
            let analysis = load_dyad(&global, &args.a, &args.b)?;
            let mut out = output::Output::open(global.output.as_deref())?;
            let (n, hidden) = query::timeline(&analysis, &args.a, &args.b, args.all, args.format, &mut out)?;
            out.finish()?;
            let mut what = format!("events between {} and {}", args.a, args.b);
            if hidden > 0 {
                what.push_str(&format!(" ({hidden} undated or planned not shown; --all lists them)"));
            }
            note(&global, n, &what);
            Ok(ExitCode::SUCCESS)
        }
        Command::Conflicts(args) => {
            let analysis = load(&global)?;
            let mut out = output::Output::open(global.output.as_deref())?;
            let n = query::conflicts(&analysis, args.format, &mut out)?;
            out.finish()?;
            note(&global, n, "conflicts");
            Ok(ExitCode::SUCCESS)
        }
        Command::Commitments(args) => {
            let analysis = load(&global)?;
            let mut out = output::Output::open(global.output.as_deref())?;
            let n = query::commitments(&analysis, args.format, &mut out)?;
            out.finish()?;
            note(&global, n, "commitments");
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract(args) => {
            let jobs = args.jobs.unwrap_or_else(cores);
            let mut out = output::Output::open(global.output.as_deref())?;
            let input = io::BufReader::with_capacity(256 * 1024, io::stdin());
            let summary = stream::run(input, &mut out, "stdin", &args.limits.read_options(), jobs)?;
            out.finish()?;
            if !global.quiet {
                eprintln!("extracted {}, failed {}", summary.documents, summary.errors);
            }
            Ok(if summary.errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SOME_FAILED) })
        }
        Command::Search(args) => search::run(&global, args),
        Command::Annotate(args) => {
            let mut out = output::Output::open(global.output.as_deref())?;
            let failed = annotate::annotate(&args.path, &args.limits.read_options(), &mut out)?;
            out.finish()?;
            for failure in &failed {
                eprintln!("  failed: {failure}");
            }
            Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SOME_FAILED) })
        }
        Command::Demo(args) => {
            let data = if data_given { global.data } else { PathBuf::from(demo::DEFAULT_DATA) };
            let code = demo::run(&args.corpus, &data, global.output.as_deref(), global.quiet)?;
            if args.no_serve {
                return Ok(code);
            }
            let options = serve::ServeOptions {
                store: stores::StoreAt::Dir(data.clone()),
                data,
                addr: args.addr,
                token: None,
                as_of: global.as_of,
                cors_origins: Vec::new(),
                poll: std::time::Duration::from_secs(serve::DEFAULT_POLL_SECONDS),
            };
            serve::run(options, &mut |addr| announce(addr))?;
            Ok(code)
        }
        Command::Serve(args) => {
            let options = serve::ServeOptions {
                store: global.store_at()?,
                data: global.data,
                addr: args.addr,
                token: args.token,
                as_of: global.as_of,
                cors_origins: args.cors_origins,
                poll: std::time::Duration::from_secs(args.poll),
            };
            serve::run(options, &mut |addr| announce(addr))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(args) => {
            let mut out = output::Output::open(global.output.as_deref())?;
            if args.search_only {
                use std::io::Write as _;
                let index = search::open_index(&global.data)?;
                let documents = index.ids().map(|ids| ids.len()).unwrap_or(0);
                let latency = bench::search_latency(&index, 1000)?;
                writeln!(out, "search over {documents} documents in {}: {latency}", global.data.display())?;
            } else if let Some(dir) = args.archive {
                let options = bench::ArchiveOptions {
                    dir,
                    articles: args.articles,
                    seed: args.seed,
                    bytes: (args.min_bytes, args.max_bytes),
                    jobs: args.jobs,
                    dyads: args.dyads,
                };
                bench::run_archive(&args.corpus, &options, &mut out)?;
            } else if args.write_corpus {
                let mut generator = bench::Generator::new(&args.corpus, args.seed, (args.min_bytes, args.max_bytes))?;
                bench::write_corpus(&mut generator, args.articles, &mut out)?;
            } else {
                let options = bench::BenchOptions {
                    articles: args.articles,
                    seed: args.seed,
                    rounds: args.rounds,
                    jobs: args.jobs,
                    bytes: (args.min_bytes, args.max_bytes),
                };
                bench::run(&args.corpus, &options, &mut out)?;
            }
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => {
            let mut store = global.store_at()?.open(false)?;
            // The index lives beside an embedded store; with PostgreSQL, only when --data has one.
            let index = global.data.join(search::SEARCH_DIR);
            let index = (global.store.is_none() || index.is_dir()).then_some(global.data.as_path());
            let repair = !args.dry_run;
            let report = check::run(&mut *store, index, repair)?;
            let mut out = output::Output::open(global.output.as_deref())?;
            report.write(repair, &mut out)?;
            out.finish()?;
            let bad = !report.is_consistent() || (args.dry_run && report.needed_repair());
            Ok(if bad { ExitCode::from(EXIT_INCONSISTENT) } else { ExitCode::SUCCESS })
        }
        Command::Codes => {
            let mut out = output::Output::open(global.output.as_deref())?;
            codes::write(&mut out)?;
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats => {
            let at = global.store_at()?;
            let store = at.open(false)?;
            let mut out = output::Output::open(global.output.as_deref())?;
            stats::write(&*store, &at.name(), &mut out)?;
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Opens the existing store of `--data` and analyses it as of `--as-of` (default today, UTC).
fn load(global: &GlobalArgs) -> anyhow::Result<analysis::Analysis> {
    let store = global.store_at()?.open(false)?;
    analysis::load(&*store, global.as_of.unwrap_or_else(analysis::today))
}

/// [`load`] of only what the dyad `a`–`b`'s events need (`analysis::load_dyad`).
fn load_dyad(global: &GlobalArgs, a: &str, b: &str) -> anyhow::Result<analysis::Analysis> {
    let store = global.store_at()?.open(false)?;
    analysis::load_dyad(&*store, a, b)
}

/// Prints where the dashboard is, on stdout (flushed: scripts wait for this line).
fn announce(addr: std::net::SocketAddr) {
    use std::io::Write;
    let mut stdout = io::stdout().lock();
    // If stdout is gone there is nobody to tell; the server runs anyway.
    let _ = writeln!(stdout, "dashboard: http://{addr}/");
    let _ = stdout.flush();
    eprintln!("serving the API and the dashboard on http://{addr}/ (Ctrl-C stops)");
}

/// The count a listing printed, on stderr (unless quiet).
fn note(global: &GlobalArgs, n: usize, what: &str) {
    if !global.quiet {
        eprintln!("{n} {what}");
    }
}

/// The default number of worker threads: the cores this process may use.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn hints(error: &anyhow::Error) -> Vec<String> {
    let mut hints = Vec::new();
    for cause in error.chain() {
        if let Some(NoStore(dir)) = cause.downcast_ref::<NoStore>() {
            hints.push(format!("run `alaqat ingest --data {} PATH...` first, or pass --data DIR", dir.display()));
        }
        match cause.downcast_ref::<alaqat_store::Error>() {
            Some(alaqat_store::Error::SchemaTooNew { .. }) => {
                hints.push("this store was written by a newer alaqat; upgrade alaqat or use another --data".into());
            }
            Some(alaqat_store::Error::InvalidUrl { .. }) => {
                hints.push("write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE".into());
            }
            Some(alaqat_store::Error::Connect { .. }) => hints.push(
                "is the server running and reachable, do the user, password and database exist? \
                 (unset ALAQAT_STORE and omit --store to use the embedded store in --data)"
                    .into(),
            ),
            _ => {}
        }
        if cause.downcast_ref::<NotAStoreUrl>().is_some() {
            hints.push(
                "--store (or ALAQAT_STORE) takes postgres://USER:PASSWORD@HOST:PORT/DATABASE; \
                 the embedded store is chosen with --data DIR"
                    .into(),
            );
        }
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            if io.kind() == ErrorKind::PermissionDenied {
                hints.push("check the permissions of the store directory and the output file".into());
            }
        }
    }
    hints
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == ErrorKind::BrokenPipe))
}
