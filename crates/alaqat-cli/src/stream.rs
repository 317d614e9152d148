//! `alaqat extract`: JSON Lines in, coded documents as JSON Lines out, streaming.
//!
//! One output line per input line, in input order: the export contract's document object for a
//! good line, `{"source": "stdin#N", "error": "…"}` for a bad one. Memory is bounded: the reader
//! hands batches of [`BATCH`] lines to `jobs` workers through a bounded channel, and the writer
//! holds at most the batches in flight while it restores their order.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::mpsc;
use std::sync::Mutex;

use alaqat_model::Lang;
use alaqat_read::{Item, ReadOptions};
use anyhow::Context;

use crate::export::DocumentOut;

/// Lines per unit of work: large enough to amortize channel traffic, small enough to keep the
/// reorder buffer and latency small.
const BATCH: usize = 64;

/// What the stream did.
#[derive(Debug, Default)]
pub(crate) struct StreamSummary {
    pub(crate) documents: u64,
    pub(crate) errors: u64,
}

/// Extracts every JSON line of `input` to `output` with `jobs` worker threads.
pub(crate) fn run(
    input: impl BufRead + Send,
    output: &mut dyn Write,
    name: &str,
    opts: &ReadOptions,
    jobs: usize,
) -> anyhow::Result<StreamSummary> {
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Vec<Item>)>(jobs * 2);
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Vec<u8>, StreamSummary)>(jobs * 2);
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| -> anyhow::Result<StreamSummary> {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                // Take the next batch; the lock is held only while receiving.
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((seq, items)) = next else { return };
                let (bytes, summary) = code_batch(items);
                if done_tx.send((seq, bytes, summary)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut seq = 0u64;
            let mut open = true;
            alaqat_read::read_jsonl(input, name, opts, &mut |item| {
                if !open {
                    return;
                }
                batch.push(item);
                if batch.len() >= BATCH {
                    open = work_tx.send((seq, std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))).is_ok();
                    seq += 1;
                }
            });
            if open && !batch.is_empty() {
                // The writer may be gone (broken pipe); then nothing more is wanted.
                let _ = work_tx.send((seq, batch));
            }
        });
        let mut total = StreamSummary::default();
        let mut pending: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        for (seq, bytes, summary) in done_rx {
            total.documents += summary.documents;
            total.errors += summary.errors;
            pending.insert(seq, bytes);
            while let Some(bytes) = pending.remove(&next) {
                if result.is_ok() {
                    result = output.write_all(&bytes).context("cannot write the output");
                }
                next += 1;
            }
            if result.is_err() {
                // Stop early: dropping the receiver makes the workers and the reader finish.
                break;
            }
        }
        result?;
        output.flush().context("cannot write the output")?;
        reader.join().map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
        Ok(total)
    })
}

/// Extracts a batch into its output lines.
fn code_batch(items: Vec<Item>) -> (Vec<u8>, StreamSummary) {
    let mut bytes = Vec::new();
    let mut summary = StreamSummary::default();
    for item in items {
        match item {
            Item::Doc(mut doc) => {
                if doc.lang == Lang::Unknown {
                    doc.lang = alaqat_text::detect_lang(&doc.text);
                }
                let extraction = alaqat_extract::extract(&doc);
                let out = DocumentOut::in_corpus(&doc, &extraction, None);
                match serde_json::to_writer(&mut bytes, &out) {
                    Ok(()) => summary.documents += 1,
                    Err(error) => {
                        write_error(&mut bytes, &doc.source, &format!("cannot encode the result: {error}"));
                        summary.errors += 1;
                    }
                }
            }
            Item::Failed(error) => {
                write_error(&mut bytes, &error.source_name, &error.kind.to_string());
                summary.errors += 1;
            }
        }
        bytes.push(b'\n');
    }
    (bytes, summary)
}

fn write_error(bytes: &mut Vec<u8>, source: &str, reason: &str) {
    let record = serde_json::json!({ "source": source, "error": reason });
    // A json! value of two strings always serializes.
    let _ = serde_json::to_writer(&mut *bytes, &record);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, jobs: usize) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        run(input.as_bytes(), &mut out, "stdin", &ReadOptions::default(), jobs).unwrap();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn one_line_out_per_line_in_and_in_order_whatever_the_jobs() {
        let mut input = String::new();
        for i in 0..300 {
            if i % 97 == 5 {
                input.push_str("{broken\n");
            } else {
                input.push_str(&format!("{{\"id\":\"d{i}\",\"text\":\"زار وزير الخارجية القطري أنقرة رقم {i}.\"}}\n"));
            }
        }
        let one = lines(&input, 1);
        let four = lines(&input, 4);
        assert_eq!(one.len(), 300);
        assert_eq!(one, four);
        assert_eq!(one[0]["source"], "d0");
        assert_eq!(one[5]["source"], "stdin#6");
        assert!(one[5]["error"].as_str().unwrap().contains("line 6"), "{}", one[5]);
        assert_eq!(one[299]["source"], "d299");
        assert!(one[1]["events"].is_array());
    }
}
