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

/// mimalloc, not the system allocator: extraction, indexing and corpus analysis allocate many
/// small strings and vectors, often freed on another thread than the one that made them
/// (README, "The allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod annotate;
mod args;
mod bench;
mod check;
mod codes;
mod commands;
mod demo;
mod export;
mod gdelt;
mod output;
mod query;
mod search;
mod stats;
mod stream;

use std::io::{self, ErrorKind};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use crate::args::{Cli, Command};

/// Exit code when some documents failed and the others were processed.
const EXIT_SOME_FAILED: u8 = 3;
/// `alaqat check` found what it could not repair (or, with `--dry-run`, anything to repair).
const EXIT_INCONSISTENT: u8 = 4;

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
        Command::Ingest(args) => commands::ingest(global, args),
        Command::Export(args) => commands::export(global, args),
        Command::Events(args) => commands::events(global, args),
        Command::Timeline(args) => commands::timeline(global, args),
        Command::Conflicts(args) => commands::conflicts(global, args),
        Command::Commitments(args) => commands::commitments(global, args),
        Command::Extract(args) => commands::extract(global, args),
        Command::Search(args) => search::run(&global, args),
        Command::Annotate(args) => commands::annotate(global, args),
        Command::Demo(args) => commands::demo(global, args, data_given),
        Command::Serve(args) => commands::serve(global, args),
        Command::Bench(args) => commands::bench(global, args),
        Command::Check(args) => commands::check(global, args),
        Command::Codes => commands::codes(global),
        Command::Stats => commands::stats(global),
    }
}

fn hints(error: &anyhow::Error) -> Vec<String> {
    let mut hints = Vec::new();
    for cause in error.chain() {
        let pipeline = cause.downcast_ref::<alaqat_pipeline::Error>();
        if let Some(alaqat_pipeline::Error::NoStore(dir)) = pipeline {
            hints.push(format!("run `alaqat ingest --data {} PATH...` first, or pass --data DIR", dir.display()));
        }
        // A store error is a cause of its own, or what a pipeline error wraps transparently.
        let store = match pipeline {
            Some(alaqat_pipeline::Error::Open(error)) => Some(error),
            _ => cause.downcast_ref::<alaqat_store::Error>(),
        };
        match store {
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
        if let Some(alaqat_pipeline::Error::NotAStoreUrl(_)) = pipeline {
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
