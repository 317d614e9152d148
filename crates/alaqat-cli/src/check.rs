//! `alaqat check`: is the store sound and the search index in step with it? Repairs what can be
//! repaired (rows that must not exist, the index) and says what it did; what it cannot repair
//! (database damage, a document whose text no longer matches its id, a span outside its text)
//! makes it fail.
//!
//! An ingest killed at any point leaves the store at its last committed batch and the index at
//! its last commit, possibly behind the store; `check` (like `search` and `serve`) brings the
//! index up to date, and a rerun of the ingest adds the rest.

use std::io::Write;
use std::path::Path;

use alaqat_model::{Extraction, Span};
use alaqat_store::{Store, StoreCheck, StoredDocument};
use anyhow::Context;

use alaqat_pipeline::{Reconciled, SEARCH_DIR};

/// Problems of single documents listed in full; beyond this, only counted.
const LISTED: usize = 20;

/// What `alaqat check` found.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) documents: u64,
    pub(crate) store: StoreCheck,
    /// `document id: problem` for documents that are not sound (first [`LISTED`]).
    pub(crate) bad_documents: Vec<String>,
    pub(crate) bad_document_count: usize,
    /// What the index needed; `None` when there is no index to check (PostgreSQL without
    /// `--data`, or `--no-index`).
    pub(crate) index: Option<Reconciled>,
    /// The index could not be read and was built again from the store.
    pub(crate) index_rebuilt: Option<String>,
}

impl Report {
    /// True when, after the repairs, the store and index are consistent.
    pub(crate) fn is_consistent(&self) -> bool {
        self.store.is_consistent() && self.bad_document_count == 0
    }

    /// True when anything had to be (or, without repair, would have to be) changed.
    pub(crate) fn needed_repair(&self) -> bool {
        let index = self.index.is_some_and(|i| i.added + i.removed + i.reindexed > 0);
        !self.store.bad_rows.is_empty() || index || self.index_rebuilt.is_some()
    }

    pub(crate) fn write(&self, repair: bool, out: &mut dyn Write) -> std::io::Result<()> {
        let verb = if repair { "repaired" } else { "to repair (run without --dry-run)" };
        writeln!(out, "store: {} documents", self.documents)?;
        if self.store.integrity.is_empty() {
            writeln!(out, "  database integrity: ok")?;
        }
        for line in &self.store.integrity {
            writeln!(out, "  database damage: {line}")?;
        }
        if self.store.bad_rows.is_empty() {
            writeln!(out, "  orphan and duplicate rows: none")?;
        }
        for (what, count) in &self.store.bad_rows {
            writeln!(out, "  {verb}: {count} {what}")?;
        }
        if self.bad_document_count == 0 {
            writeln!(out, "  documents: ids match their text, every span slices its text")?;
        } else {
            writeln!(out, "  unsound documents: {}", self.bad_document_count)?;
            for line in &self.bad_documents {
                writeln!(out, "    {line}")?;
            }
            if self.bad_document_count > self.bad_documents.len() {
                writeln!(out, "    … and {} more", self.bad_document_count - self.bad_documents.len())?;
            }
        }
        match (&self.index, &self.index_rebuilt) {
            (None, _) => writeln!(out, "search index: not checked")?,
            (Some(index), rebuilt) => {
                if let Some(why) = rebuilt {
                    writeln!(out, "search index: unreadable ({why}); {verb}: rebuilt from the store")?;
                }
                if rebuilt.is_some() && !repair {
                    // Nothing was compared: the index could not be read.
                } else if index.added + index.removed + index.reindexed == 0 {
                    writeln!(out, "search index: in step with the store")?;
                } else {
                    writeln!(
                        out,
                        "search index {verb}: {} documents added, {} removed, {} indexed again",
                        index.added, index.removed, index.reindexed
                    )?;
                }
            }
        }
        writeln!(out, "{}", if self.is_consistent() { "ok" } else { "NOT CONSISTENT" })
    }
}

/// Checks (and with `repair`, repairs) `store` and, when `data` is given, the search index in
/// `data/search`.
pub(crate) fn run(store: &mut dyn Store, data: Option<&Path>, repair: bool) -> anyhow::Result<Report> {
    let mut report = Report { store: store.check(repair).context("cannot check the store")?, ..Report::default() };
    store
        .for_each_document(&mut |stored| {
            report.documents += 1;
            if let Some(problem) = document_problem(&stored) {
                report.bad_document_count += 1;
                if report.bad_documents.len() < LISTED {
                    report.bad_documents.push(format!("{}: {problem}", stored.document.id));
                }
            }
            Ok(())
        })
        .context("cannot read the stored documents")?;
    if let Some(data) = data {
        let (reconciled, rebuilt) = check_index(&*store, data, repair)?;
        report.index = Some(reconciled);
        report.index_rebuilt = rebuilt;
    }
    Ok(report)
}

/// Reconciles the index with the store (without `repair`, only counts what that would do).
/// An index that cannot be opened or read is emptied and rebuilt from the store.
fn check_index(store: &dyn Store, data: &Path, repair: bool) -> anyhow::Result<(Reconciled, Option<String>)> {
    let dir = data.join(SEARCH_DIR);
    let attempt = alaqat_pipeline::open_index(data)
        .and_then(|mut index| alaqat_pipeline::reconcile_with(store, &mut index, repair));
    let error = match attempt {
        Ok(reconciled) => return Ok((reconciled, None)),
        Err(error) => error,
    };
    // Only an index that cannot be opened or read is rebuilt: a failed write (a full disk)
    // or another writer is reported, and the index is left as it is.
    let index_error = match &error {
        alaqat_pipeline::Error::Index { source, .. } => Some(source),
        _ => None,
    };
    if !matches!(index_error, Some(alaqat_search::Error::Open { .. } | alaqat_search::Error::Read(_))) {
        return Err(error.into());
    }
    let why = alaqat_pipeline::chain(&error);
    if !repair {
        return Ok((Reconciled::default(), Some(why)));
    }
    std::fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", dir.display()))?;
    let mut index = alaqat_pipeline::open_index(data)?;
    Ok((alaqat_pipeline::reconcile(store, &mut index)?, Some(why)))
}

/// Why a stored document is not sound, if it is not: its id must be the hash of its text (so
/// equal texts are one document), and every span of its extraction must slice its text.
fn document_problem(stored: &StoredDocument) -> Option<String> {
    let document = &stored.document;
    let expected = alaqat_read::content_id(&document.text);
    if document.id != expected {
        return Some(format!("its text hashes to {expected}, not to its id"));
    }
    spans(&stored.extraction)
        .find(|(_, span)| span.start > span.end || span.slice(&document.text).is_none())
        .map(|(what, span)| format!("{what} span {}..{} does not slice its text", span.start, span.end))
}

/// Every span of an extraction, named.
fn spans(x: &Extraction) -> impl Iterator<Item = (&'static str, Span)> + '_ {
    let mentions = x.mentions.iter().map(|m| ("mention", m.span));
    let dates = x.dates.iter().map(|d| ("date", d.span));
    let events = x.events.iter().flat_map(|e| [("event evidence", e.evidence), ("event trigger", e.trigger)]);
    let claims = x.claims.iter().map(|c| ("claim evidence", c.evidence));
    let commitments = x.commitments.iter().map(|c| ("commitment evidence", c.evidence));
    mentions.chain(dates).chain(events).chain(claims).chain(commitments)
}
