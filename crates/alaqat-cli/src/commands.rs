//! One function per subcommand: what `main` dispatches to once the command line is parsed.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;

use crate::args::{
    AnnotateArgs, BenchArgs, CheckArgs, Cli, DemoArgs, EventsArgs, ExportArgs, ExportFormat, ExtractArgs, GlobalArgs,
    IngestArgs, ServeArgs, TableArgs, TimelineArgs,
};
use crate::{
    annotate, bench, check, codes, demo, export, gdelt, output, query, stats, stream, EXIT_INCONSISTENT,
    EXIT_SOME_FAILED,
};

/// `alaqat ingest`.
pub(crate) fn ingest(global: GlobalArgs, args: IngestArgs) -> anyhow::Result<ExitCode> {
    if global.output.is_some() {
        Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, "ingest writes no data; --output is not used")
            .exit();
    }
    let mut store = global.store_at()?.open(true)?;
    let mut index = alaqat_pipeline::open_index_for_ingest(&global.data);
    let summary = alaqat_pipeline::ingest(
        &mut *store,
        index.as_mut(),
        &args.paths,
        &args.limits.read_options(),
        args.jobs.unwrap_or_else(cores),
        global.quiet,
    )?;
    Ok(report_ingest(&summary, global.quiet))
}

/// Prints an ingest's summary line (unless quiet) and every failure on stderr; the exit code is
/// 0 when nothing failed, 3 otherwise.
pub(crate) fn report_ingest(summary: &alaqat_pipeline::Summary, quiet: bool) -> ExitCode {
    if !quiet || !summary.failures.is_empty() {
        eprintln!("ingested {}, unchanged {}, failed {}", summary.ingested, summary.unchanged, summary.failures.len());
    }
    for failure in &summary.failures {
        eprintln!("  failed: {failure}");
    }
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SOME_FAILED)
    }
}

/// `alaqat export`.
pub(crate) fn export(global: GlobalArgs, args: ExportArgs) -> anyhow::Result<ExitCode> {
    if args.format == ExportFormat::Parquet && global.output.is_none() {
        Cli::command()
            .error(clap::error::ErrorKind::MissingRequiredArgument, "--format parquet needs --output FILE")
            .exit();
    }
    let store = global.store_at()?.open(false)?;
    let analysis = alaqat_export::load(&*store, global.as_of.unwrap_or_else(alaqat_export::today))?;
    if let (ExportFormat::Parquet, Some(path)) = (args.format, global.output.as_deref()) {
        gdelt::write_parquet(analysis.corpus.fused.iter().map(|f| gdelt::Row::new(f, &analysis)), path)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output::Output::open(global.output.as_deref())?;
    match args.format {
        ExportFormat::Json => export::write_json(&analysis, &*store, &mut out)?,
        ExportFormat::Jsonl => export::write_jsonl(&analysis, &*store, &mut out)?,
        ExportFormat::Csv | ExportFormat::Parquet => {
            let rows = analysis.corpus.fused.iter().map(|f| gdelt::Row::new(f, &analysis));
            let name = out.name();
            gdelt::write_csv(rows, &mut out).with_context(|| format!("cannot write {name}"))?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `alaqat events`.
pub(crate) fn events(global: GlobalArgs, args: EventsArgs) -> anyhow::Result<ExitCode> {
    let analysis = match &args.dyad {
        Some((a, b)) => load_dyad(&global, a, b)?,
        None => load(&global)?,
    };
    let filter = alaqat_export::EventFilter {
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

/// `alaqat timeline`.
pub(crate) fn timeline(global: GlobalArgs, args: TimelineArgs) -> anyhow::Result<ExitCode> {
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

/// `alaqat conflicts`.
pub(crate) fn conflicts(global: GlobalArgs, args: TableArgs) -> anyhow::Result<ExitCode> {
    corpus_table(global, args, query::conflicts, "conflicts")
}

/// `alaqat commitments`.
pub(crate) fn commitments(global: GlobalArgs, args: TableArgs) -> anyhow::Result<ExitCode> {
    corpus_table(global, args, query::commitments, "commitments")
}

/// A listing over the whole analysed store, then how many rows it had (`what`).
fn corpus_table(
    global: GlobalArgs,
    args: TableArgs,
    list: fn(&alaqat_export::Analysis, query::TableFormat, &mut output::Output) -> anyhow::Result<usize>,
    what: &str,
) -> anyhow::Result<ExitCode> {
    let analysis = load(&global)?;
    let mut out = output::Output::open(global.output.as_deref())?;
    let n = list(&analysis, args.format, &mut out)?;
    out.finish()?;
    note(&global, n, what);
    Ok(ExitCode::SUCCESS)
}

/// `alaqat extract`.
pub(crate) fn extract(global: GlobalArgs, args: ExtractArgs) -> anyhow::Result<ExitCode> {
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

/// `alaqat annotate`.
pub(crate) fn annotate(global: GlobalArgs, args: AnnotateArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::Output::open(global.output.as_deref())?;
    let failed = annotate::annotate(&args.path, &args.limits.read_options(), &mut out)?;
    out.finish()?;
    for failure in &failed {
        eprintln!("  failed: {failure}");
    }
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SOME_FAILED) })
}

/// `alaqat demo`.
pub(crate) fn demo(global: GlobalArgs, args: DemoArgs, data_given: bool) -> anyhow::Result<ExitCode> {
    let data = if data_given { global.data } else { PathBuf::from(demo::DEFAULT_DATA) };
    let code = demo::run(&args.corpus, &data, global.output.as_deref(), global.quiet)?;
    if args.no_serve {
        return Ok(code);
    }
    let options = alaqat_serve::ServeOptions {
        store: alaqat_pipeline::StoreAt::Dir(data.clone()),
        data,
        addr: args.addr,
        token: None,
        as_of: global.as_of,
        cors_origins: Vec::new(),
        poll: std::time::Duration::from_secs(alaqat_serve::DEFAULT_POLL_SECONDS),
    };
    alaqat_serve::run(options, &mut |addr| announce(addr))?;
    Ok(code)
}

/// `alaqat serve`.
pub(crate) fn serve(global: GlobalArgs, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let options = alaqat_serve::ServeOptions {
        store: global.store_at()?,
        data: global.data,
        addr: args.addr,
        token: args.token,
        as_of: global.as_of,
        cors_origins: args.cors_origins,
        poll: std::time::Duration::from_secs(args.poll),
    };
    alaqat_serve::run(options, &mut |addr| announce(addr))?;
    Ok(ExitCode::SUCCESS)
}

/// `alaqat bench`.
pub(crate) fn bench(global: GlobalArgs, args: BenchArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::Output::open(global.output.as_deref())?;
    let recipe = bench::Recipe { seed: args.seed, bytes: (args.min_bytes, args.max_bytes), verbatim: args.verbatim };
    if args.search_only {
        use std::io::Write as _;
        let index = alaqat_pipeline::open_index(&global.data)?;
        let store = global.store_at()?.open(false)?;
        let documents = index.ids().map(|ids| ids.len()).unwrap_or(0);
        let latency = bench::search_latency(&index, &*store, 1000)?;
        writeln!(out, "search over {documents} documents in {}: {latency}", global.data.display())?;
    } else if let Some(dir) = args.archive {
        let options =
            bench::ArchiveOptions { dir, articles: args.articles, recipe, jobs: args.jobs, dyads: args.dyads };
        bench::run_archive(&args.corpus, &options, &mut out)?;
    } else if args.write_corpus {
        let mut generator = bench::Generator::new(&args.corpus, recipe)?;
        bench::write_corpus(&mut generator, args.articles, &mut out)?;
    } else {
        let options = bench::BenchOptions { articles: args.articles, rounds: args.rounds, jobs: args.jobs, recipe };
        bench::run(&args.corpus, &options, &mut out)?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `alaqat check`.
pub(crate) fn check(global: GlobalArgs, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut store = global.store_at()?.open(false)?;
    // The index lives beside an embedded store; with PostgreSQL, only when --data has one.
    let index = global.data.join(alaqat_pipeline::SEARCH_DIR);
    let index = (global.store.is_none() || index.is_dir()).then_some(global.data.as_path());
    let repair = !args.dry_run;
    let report = check::run(&mut *store, index, repair)?;
    let mut out = output::Output::open(global.output.as_deref())?;
    report.write(repair, &mut out)?;
    out.finish()?;
    let bad = !report.is_consistent() || (args.dry_run && report.needed_repair());
    Ok(if bad { ExitCode::from(EXIT_INCONSISTENT) } else { ExitCode::SUCCESS })
}

/// `alaqat codes`.
pub(crate) fn codes(global: GlobalArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::Output::open(global.output.as_deref())?;
    codes::write(&mut out)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `alaqat stats`.
pub(crate) fn stats(global: GlobalArgs) -> anyhow::Result<ExitCode> {
    let at = global.store_at()?;
    let store = at.open(false)?;
    let mut out = output::Output::open(global.output.as_deref())?;
    stats::write(&*store, &at.name(), &mut out)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the existing store of `--data` and analyses it as of `--as-of` (default today, UTC),
/// holding what the listings read.
pub(crate) fn load(global: &GlobalArgs) -> anyhow::Result<alaqat_export::Analysis> {
    let store = global.store_at()?.open(false)?;
    Ok(alaqat_export::load(&*store, global.as_of.unwrap_or_else(alaqat_export::today))?)
}

/// [`load`] of only what the dyad `a`–`b`'s events need (`alaqat_export::load_dyad`).
pub(crate) fn load_dyad(global: &GlobalArgs, a: &str, b: &str) -> anyhow::Result<alaqat_export::Analysis> {
    let store = global.store_at()?.open(false)?;
    Ok(alaqat_export::load_dyad(&*store, a, b)?)
}

/// Prints where the dashboard is, on stdout (flushed: scripts wait for this line).
pub(crate) fn announce(addr: std::net::SocketAddr) {
    use std::io::Write;
    let mut stdout = io::stdout().lock();
    // If stdout is gone there is nobody to tell; the server runs anyway.
    let _ = writeln!(stdout, "dashboard: http://{addr}/");
    let _ = stdout.flush();
    eprintln!("serving the API and the dashboard on http://{addr}/ (Ctrl-C stops)");
}

/// The count a listing printed, on stderr (unless quiet).
pub(crate) fn note(global: &GlobalArgs, n: usize, what: &str) {
    if !global.quiet {
        eprintln!("{n} {what}");
    }
}

/// The default number of worker threads: the cores this process may use.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
