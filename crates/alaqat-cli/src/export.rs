//! `alaqat export --format json|jsonl`: the export contract's shapes (`alaqat_export`) written
//! out.
//!
//! Corpus reasoning needs every extraction at once, so the exports hold what it reads of the
//! store in memory (texts, events, claims, commitments; `alaqat_export::load`); the object ends
//! with `entities`, `conflicts`, `fused_events` and `duplicates`. Documents, with their
//! mentions and date expressions, are then read from the store again and encoded and written
//! one at a time.

use std::io::Write;

use alaqat_export::{relink, same_items, Analysis, ConflictOut, DocumentOut, EntityOut, FusedOut};
use alaqat_store::{Parts, Store, StoredDocument};
use anyhow::Context;
use serde::Serialize;

use crate::output::Output;

/// Writes `{"documents":[…],"entities":[…],"conflicts":[…],"fused_events":[…],"duplicates":[…]}`,
/// one document per line.
pub(crate) fn write_json(analysis: &Analysis, store: &dyn Store, out: &mut Output) -> anyhow::Result<()> {
    let name = out.name();
    out.write_all(b"{\"documents\":[").with_context(|| format!("cannot write {name}"))?;
    let mut first = true;
    write_documents(analysis, store, &mut |line| {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        out.write_all(line)
    })
    .with_context(|| format!("cannot export to {name}"))?;
    // The corpus-level lists follow, each item encoded as it is written: they grow with the
    // archive, and holding their encoding whole doubled the export's memory.
    let duplicates = analysis.corpus.duplicates.iter().map(|group| group.iter().map(|&d| analysis.source(d)));
    let written = out
        .write_all(b"\n],")
        .and_then(|()| write_array(out, "entities", analysis.entities.iter().map(EntityOut::from)))
        .and_then(|()| out.write_all(b","))
        .and_then(|()| {
            write_array(out, "conflicts", analysis.corpus.conflicts.iter().map(|c| ConflictOut::new(c, analysis)))
        })
        .and_then(|()| out.write_all(b","))
        .and_then(|()| {
            write_array(out, "fused_events", analysis.corpus.fused.iter().map(|f| FusedOut::new(f, analysis)))
        })
        .and_then(|()| out.write_all(b","))
        .and_then(|()| write_array(out, "duplicates", duplicates.map(|group| group.collect::<Vec<&str>>())))
        .and_then(|()| out.write_all(b"}\n"));
    written.with_context(|| format!("cannot write {name}"))?;
    Ok(())
}

/// Writes `"name":[item,item,…]`, each item encoded compactly as it is written.
fn write_array<T: Serialize>(out: &mut Output, name: &str, items: impl Iterator<Item = T>) -> std::io::Result<()> {
    write!(out, "\"{name}\":[")?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"]")
}

/// Writes one document object per line (JSON Lines); entities and the corpus-level lists are
/// in the `json` export.
pub(crate) fn write_jsonl(analysis: &Analysis, store: &dyn Store, out: &mut Output) -> anyhow::Result<()> {
    let name = out.name();
    write_documents(analysis, store, &mut |line| {
        out.write_all(line)?;
        out.write_all(b"\n")
    })
    .with_context(|| format!("cannot export to {name}"))
}

/// Calls `write` with each analysed document, read again from `store` whole, encoded as
/// compact JSON. Documents stored since the analysis read the store are left out; a document
/// whose events or commitments changed since (re-extracted meanwhile) is an error, since the
/// analysis's results no longer fit it.
fn write_documents(
    analysis: &Analysis,
    store: &dyn Store,
    write: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut buffer = Vec::with_capacity(64 * 1024);
    let mut d = 0;
    // Our own failure, kept here with its type (a broken pipe ends the program quietly); the
    // store only hears that iteration must stop.
    let mut failed: Option<anyhow::Error> = None;
    let mut write_one = |mut stored: StoredDocument, d: usize| -> anyhow::Result<()> {
        if !same_items(&analysis.stored[d], &stored.document, &stored.extraction) {
            anyhow::bail!("document {} changed while it was exported; export again", stored.document.id);
        }
        relink(&mut stored.extraction, &analysis.links);
        buffer.clear();
        let document = DocumentOut::in_corpus(&stored.document, &stored.extraction, Some((analysis, d)));
        serde_json::to_writer(&mut buffer, &document).context("cannot encode a document")?;
        Ok(write(&buffer)?)
    };
    let total = analysis.stored.len();
    let result = store.for_each_document_with(Parts::WithoutEntities, &mut |stored| {
        if d < total {
            write_one(stored, d).map_err(|error| {
                failed = Some(error);
                alaqat_store::Error::consumer("export stopped")
            })?;
            d += 1;
        }
        // Documents stored since the analysis come after the analysed ones: none is read.
        if d == total {
            return Err(alaqat_store::Error::consumer("every analysed document is written"));
        }
        Ok(())
    });
    if let Some(error) = failed {
        return Err(error);
    }
    match result {
        // The stop above, once every analysed document is written, is not a failure.
        Err(alaqat_store::Error::Consumer(_)) if d == total => {}
        result => result.context("cannot read documents from the store")?,
    }
    if d < total {
        anyhow::bail!("{} analysed documents are no longer stored; export again", total - d);
    }
    Ok(())
}
