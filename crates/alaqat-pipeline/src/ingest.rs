//! The ingest loop of `alaqat ingest` and `POST /api/ingest`: read → detect language → extract →
//! store, streaming, in batches.
//!
//! Reading streams documents one at a time; they are extracted and collected into batches of
//! [`BATCH_SIZE`], each stored in one transaction. A batch that fails is retried document by
//! document, so one bad document cannot lose the others. A document the store already has is
//! not extracted again (it counts as unchanged). Failures to read or store a document are
//! collected in the returned [`Summary`]; only a store that cannot be written at all stops the
//! run. A progress line shows on stderr when it is a terminal, unless `quiet`.
//!
//! After each stored batch the newly stored documents are added to the search index, when one
//! is given. The store is the truth: if the index cannot be written (another process holds it,
//! or the run is killed before the index commits, which it does every few thousand documents),
//! `alaqat check`, `alaqat search` and `alaqat serve` index what is missing.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use alaqat_model::{Document, Extraction};
use alaqat_read::{Item, ReadOptions};
use alaqat_search::{IndexDoc, SearchIndex};
use alaqat_store::{PutOutcome, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::{chain, Error};
use crate::pool::{self, Extracted, Ordered};

/// Documents per transaction.
pub const BATCH_SIZE: usize = 256;

/// Documents indexed between two commits of the search index. Each commit writes and syncs a
/// segment that must later be merged, too much work for 256 documents. A kill loses at
/// most this many index entries, never stored documents: `check`, `search` and `serve`
/// index them from the store.
const INDEX_COMMIT_EVERY: usize = 4096;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents newly stored.
    pub ingested: u64,
    /// Documents the store already had.
    pub unchanged: u64,
    /// `source: reason` for each input that failed.
    pub failures: Vec<String>,
}

/// Ingests every path (`-` is JSON Lines on stdin) into `store`, and into `index` when given,
/// extracting on `jobs` threads.
///
/// Returns an error only when the store cannot be used; document failures are in the summary.
pub fn ingest(
    store: &mut dyn Store,
    index: Option<&mut SearchIndex>,
    paths: &[PathBuf],
    opts: &ReadOptions,
    jobs: usize,
    quiet: bool,
) -> Result<Summary, Error> {
    let progress = progress_bar(quiet);
    let summary = with_extractors(jobs, |pool| {
        let mut run = Run::new(store, index, pool);
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
        run.finish()
    });
    progress.finish_and_clear();
    summary
}

/// Ingests JSON Lines from `reader` (named `name` in failures) into `store` and `index`: the
/// server's `POST /api/ingest`. Same batching and failure rules as [`ingest`], no progress bar.
pub fn ingest_jsonl(
    store: &mut dyn Store,
    index: Option<&mut SearchIndex>,
    reader: impl io::BufRead,
    name: &str,
    opts: &ReadOptions,
    jobs: usize,
) -> Result<Summary, Error> {
    with_extractors(jobs, |pool| {
        let mut run = Run::new(store, index, pool);
        alaqat_read::read_jsonl(reader, name, opts, &mut |item: Item| run.accept(item));
        run.finish()
    })
}

/// Documents sent to an extraction thread at a time.
const CHUNK: usize = 32;

/// The extraction threads: documents in, extracted documents back in input order.
type Extractors = Ordered<Document, Extracted>;

/// Runs `f` with `jobs` extraction threads.
fn with_extractors<T>(jobs: usize, f: impl FnOnce(&mut Extractors) -> T) -> T {
    pool::with_pool(jobs, pool::extract, f)
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

struct Run<'s, 'p> {
    store: &'s mut dyn Store,
    extractors: &'p mut Extractors,
    /// Documents waiting to be sent to the extractors.
    chunk: Vec<Document>,
    /// The search index; dropped (with a warning) at its first failure.
    index: Option<&'s mut SearchIndex>,
    /// Documents added to the index since its last commit.
    staged: usize,
    batch: Vec<(Document, Extraction)>,
    summary: Summary,
    /// Set when the store became unusable; everything after is skipped.
    fatal: Option<Error>,
}

impl<'s, 'p> Run<'s, 'p> {
    fn new(
        store: &'s mut dyn Store,
        index: Option<&'s mut SearchIndex>,
        extractors: &'p mut Extractors,
    ) -> Run<'s, 'p> {
        Run {
            store,
            extractors,
            chunk: Vec::with_capacity(CHUNK),
            index,
            staged: 0,
            batch: Vec::with_capacity(BATCH_SIZE),
            summary: Summary::default(),
            fatal: None,
        }
    }

    /// Stores what is still being extracted, commits the index, and returns the summary (or
    /// the error that made the store unusable).
    fn finish(mut self) -> Result<Summary, Error> {
        self.send_chunk();
        while self.fatal.is_none() {
            match self.extractors.take(true) {
                Some(extracted) => self.collect(extracted),
                None => break,
            }
        }
        self.flush();
        self.finish_index();
        match self.fatal {
            Some(error) => Err(error),
            None => Ok(self.summary),
        }
    }

    fn progress_message(&self) -> String {
        let s = &self.summary;
        format!("ingested {}, unchanged {}, failed {}", s.ingested, s.unchanged, s.failures.len())
    }

    fn accept(&mut self, item: Item) {
        if self.fatal.is_some() {
            return;
        }
        let doc = match item {
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
                self.fatal = Some(Error::Store { doing: "cannot read the store".into(), source: error });
                return;
            }
        }
        self.chunk.push(doc);
        if self.chunk.len() >= CHUNK {
            self.send_chunk();
        }
        while self.fatal.is_none() {
            match self.extractors.take(false) {
                Some(extracted) => self.collect(extracted),
                None => break,
            }
        }
    }

    fn send_chunk(&mut self) {
        if !self.chunk.is_empty() && !self.extractors.send(std::mem::take(&mut self.chunk)) {
            self.fatal = Some(Error::ExtractionThread);
        }
    }

    /// Adds extracted documents to the batch, storing it whenever it is full.
    fn collect(&mut self, extracted: Vec<Extracted>) {
        for one in extracted {
            match one {
                Ok(pair) => self.batch.push(pair),
                Err(failure) => self.summary.failures.push(failure),
            }
            if self.batch.len() >= BATCH_SIZE {
                self.flush();
            }
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
                            self.summary.failures.push(format!("{}: {}", one[0].0.source, chain(&error)));
                        }
                        Err(error) => {
                            let doing = format!(
                                "the store cannot be written; nothing after the last stored batch was kept: \
                                 cannot store {}",
                                one[0].0.source
                            );
                            self.fatal = Some(Error::Store { doing, source: error });
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
        self.staged += entries.len();
        let mut result = index.stage(&entries);
        if result.is_ok() && self.staged >= INDEX_COMMIT_EVERY {
            self.staged = 0;
            result = index.commit();
        }
        if let Err(error) = result {
            warn_index(error);
            self.index = None;
        }
    }

    /// Lets the index finish its merges and releases its lock.
    fn finish_index(&mut self) {
        if let Some(index) = self.index.take() {
            if let Err(error) = index.commit().and_then(|()| index.wait_merges()) {
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
    eprintln!("warning: {}; the documents are stored and `alaqat search` will index them", chain(&error));
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
