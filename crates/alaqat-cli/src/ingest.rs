//! `alaqat ingest`: read → detect language → extract → store, streaming, in batches.
//!
//! Reading streams documents one at a time; they are extracted and collected into batches of
//! [`BATCH_SIZE`], each stored in one transaction. A batch that fails is retried document by
//! document, so one bad document cannot lose the others. A document the store already has is
//! not extracted again (it counts as unchanged). Failures to read or store a document are
//! collected and reported at the end; only a store that cannot be written at all stops the run.
//!
//! After each stored batch the newly stored documents are added to the search index, when one
//! is given. The store is the truth: if the index cannot be written (another process holds it,
//! or the run is killed between the two commits), `alaqat search` reconciles it later.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alaqat_model::{Document, Extraction, Lang};
use alaqat_read::{Item, ReadOptions};
use alaqat_search::{IndexDoc, SearchIndex};
use alaqat_store::{PutOutcome, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Documents per transaction.
pub(crate) const BATCH_SIZE: usize = 256;

/// What an ingest did.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Documents newly stored.
    pub(crate) ingested: u64,
    /// Documents the store already had.
    pub(crate) unchanged: u64,
    /// `source: reason` for each input that failed.
    pub(crate) failures: Vec<String>,
}

impl Summary {
    /// Prints the summary line (unless quiet) and every failure, on stderr.
    pub(crate) fn report(&self, quiet: bool) {
        if !quiet || !self.failures.is_empty() {
            eprintln!("ingested {}, unchanged {}, failed {}", self.ingested, self.unchanged, self.failures.len());
        }
        for failure in &self.failures {
            eprintln!("  failed: {failure}");
        }
    }

    /// 0 when nothing failed, 3 otherwise.
    pub(crate) fn exit_code(&self) -> ExitCode {
        if self.failures.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(crate::EXIT_SOME_FAILED)
        }
    }
}

/// Ingests every path (`-` is JSON Lines on stdin) into `store`, and into `index` when given.
///
/// Returns an error only when the store cannot be used; document failures are in the summary.
pub(crate) fn ingest(
    store: &mut dyn Store,
    index: Option<&mut SearchIndex>,
    paths: &[PathBuf],
    opts: &ReadOptions,
    quiet: bool,
) -> anyhow::Result<Summary> {
    let progress = progress_bar(quiet);
    let mut run = Run { store, index, batch: Vec::with_capacity(BATCH_SIZE), summary: Summary::default(), fatal: None };
    for path in paths {
        let mut sink = |item: Item| {
            run.accept(item);
            progress.set_message(run.progress_message());
            progress.tick();
        };
        if path == Path::new("-") {
            alaqat_read::read_jsonl(io::stdin().lock(), "stdin", opts, &mut sink);
        } else {
            alaqat_read::read_path(path, opts, &mut sink);
        }
        if run.fatal.is_some() {
            break;
        }
    }
    run.flush();
    run.finish_index();
    progress.finish_and_clear();
    match run.fatal {
        Some(error) => Err(error),
        None => Ok(run.summary),
    }
}

/// Ingests JSON Lines from `reader` (named `name` in failures) into `store` and `index`: the
/// server's `POST /api/ingest`. Same batching and failure rules as [`ingest`], no progress bar.
pub(crate) fn ingest_jsonl(
    store: &mut dyn Store,
    index: Option<&mut SearchIndex>,
    reader: impl io::BufRead,
    name: &str,
    opts: &ReadOptions,
) -> anyhow::Result<Summary> {
    let mut run = Run { store, index, batch: Vec::with_capacity(BATCH_SIZE), summary: Summary::default(), fatal: None };
    alaqat_read::read_jsonl(reader, name, opts, &mut |item: Item| run.accept(item));
    run.flush();
    run.finish_index();
    match run.fatal {
        Some(error) => Err(error),
        None => Ok(run.summary),
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

struct Run<'s> {
    store: &'s mut dyn Store,
    /// The search index; dropped (with a warning) at its first failure.
    index: Option<&'s mut SearchIndex>,
    batch: Vec<(Document, Extraction)>,
    summary: Summary,
    /// Set when the store became unusable; everything after is skipped.
    fatal: Option<anyhow::Error>,
}

impl Run<'_> {
    fn progress_message(&self) -> String {
        let s = &self.summary;
        format!("ingested {}, unchanged {}, failed {}", s.ingested, s.unchanged, s.failures.len())
    }

    fn accept(&mut self, item: Item) {
        if self.fatal.is_some() {
            return;
        }
        let mut doc = match item {
            Item::Doc(doc) => doc,
            Item::Failed(error) => return self.summary.failures.push(error.to_string()),
        };
        match self.store.has_document(&doc.id) {
            Ok(true) => {
                self.summary.unchanged += 1;
                return;
            }
            Ok(false) => {}
            Err(error) => {
                self.fatal = Some(anyhow::Error::new(error).context("cannot read the store"));
                return;
            }
        }
        if doc.lang == Lang::Unknown {
            doc.lang = alaqat_text::detect_lang(&doc.text);
        }
        let extraction = alaqat_extract::extract(&doc);
        self.batch.push((doc, extraction));
        if self.batch.len() >= BATCH_SIZE {
            self.flush();
        }
    }

    /// Stores the pending batch; on failure retries it document by document.
    fn flush(&mut self) {
        if self.batch.is_empty() || self.fatal.is_some() {
            return;
        }
        let batch = std::mem::take(&mut self.batch);
        match self.store.put_batch(&batch) {
            Ok(outcomes) => {
                self.count(&outcomes);
                self.index(&batch, &outcomes);
            }
            Err(_) => {
                for one in batch.chunks(1) {
                    match self.store.put_batch(one) {
                        Ok(outcomes) => {
                            self.count(&outcomes);
                            self.index(one, &outcomes);
                        }
                        Err(error) if is_document_error(&error) => {
                            self.summary.failures.push(format!("{}: {:#}", one[0].0.source, anyhow::Error::new(error)));
                        }
                        Err(error) => {
                            let error = anyhow::Error::new(error)
                                .context(format!("cannot store {}", one[0].0.source))
                                .context("the store cannot be written; nothing after the last stored batch was kept");
                            self.fatal = Some(error);
                            return;
                        }
                    }
                }
            }
        }
        self.batch = batch;
        self.batch.clear();
    }

    /// Adds the documents of `batch` that were newly stored to the search index.
    fn index(&mut self, batch: &[(Document, Extraction)], outcomes: &[PutOutcome]) {
        let Some(index) = self.index.as_deref_mut() else { return };
        let entries: Vec<IndexDoc<'_>> = batch
            .iter()
            .zip(outcomes)
            .filter(|(_, outcome)| matches!(outcome, PutOutcome::Inserted))
            .map(|((document, extraction), _)| IndexDoc { document, extraction })
            .collect();
        if let Err(error) = index.add(&entries) {
            warn_index(error);
            self.index = None;
        }
    }

    /// Lets the index finish its merges and releases its lock.
    fn finish_index(&mut self) {
        if let Some(index) = self.index.take() {
            if let Err(error) = index.wait_merges() {
                warn_index(error);
            }
        }
    }

    fn count(&mut self, outcomes: &[PutOutcome]) {
        for outcome in outcomes {
            match outcome {
                PutOutcome::Inserted => self.summary.ingested += 1,
                PutOutcome::Unchanged => self.summary.unchanged += 1,
            }
        }
    }
}

fn warn_index(error: alaqat_search::Error) {
    eprintln!("warning: {:#}; the documents are stored and `alaqat search` will index them", anyhow::Error::new(error));
}

/// Errors caused by one document's content rather than by the store itself.
fn is_document_error(error: &alaqat_store::Error) -> bool {
    matches!(
        error,
        alaqat_store::Error::OutOfRange { .. }
            | alaqat_store::Error::Json { .. }
            | alaqat_store::Error::Unsupported { .. }
    )
}
