//! `alaqat extract`: JSON Lines in, coded documents as JSON Lines out, streaming.
//!
//! One output line per input line, in input order: the export contract's document object for a
//! good line, `{"source": "stdin#N", "error": "…"}` for a bad one (a line that cannot be read,
//! or a document whose extraction failed). Memory is bounded: this thread reads lines and hands
//! batches of [`BATCH`] to the ordered worker pool (`pool.rs`), writing their results as they
//! come back in order.

use std::io::{BufRead, Write};

use alaqat_read::{Item, ReadOptions};
use anyhow::Context;

use alaqat_export::DocumentOut;
use alaqat_pipeline::pool::{self, Ordered};

/// Lines per unit of work: large enough to amortize channel traffic, small enough to keep the
/// reorder buffer and latency small.
const BATCH: usize = 64;

/// What the stream did.
#[derive(Debug, Default)]
pub(crate) struct StreamSummary {
    pub(crate) documents: u64,
    pub(crate) errors: u64,
}

/// One input line's output line, and whether it is a document (or an error record).
type Line = (Vec<u8>, bool);

/// Extracts every JSON line of `input` to `output` with `jobs` worker threads.
pub(crate) fn run(
    input: impl BufRead,
    output: &mut dyn Write,
    name: &str,
    opts: &ReadOptions,
    jobs: usize,
) -> anyhow::Result<StreamSummary> {
    pool::with_pool(jobs, code_line, |lines| {
        let mut writer = Writer { output, total: StreamSummary::default(), result: Ok(()) };
        let mut batch = Vec::with_capacity(BATCH);
        alaqat_read::read_jsonl(input, name, opts, &mut |item| {
            // After a write error (a broken pipe) nothing more is wanted.
            if writer.result.is_err() {
                return;
            }
            batch.push(item);
            if batch.len() >= BATCH {
                writer.send(lines, std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                writer.drain(lines, false);
            }
        });
        if writer.result.is_ok() && !batch.is_empty() {
            writer.send(lines, batch);
        }
        writer.drain(lines, true);
        writer.result?;
        writer.output.flush().context("cannot write the output")?;
        Ok(writer.total)
    })
}

struct Writer<'o> {
    output: &'o mut dyn Write,
    total: StreamSummary,
    result: anyhow::Result<()>,
}

impl Writer<'_> {
    fn send(&mut self, lines: &mut Ordered<Item, Line>, batch: Vec<Item>) {
        if !lines.send(batch) && self.result.is_ok() {
            self.result = Err(anyhow::anyhow!("an extraction thread failed"));
        }
    }

    /// Writes the batches that are back, in order; with `wait`, every batch still out.
    fn drain(&mut self, lines: &mut Ordered<Item, Line>, wait: bool) {
        while let Some(done) = lines.take(wait) {
            for (bytes, document) in done {
                if document {
                    self.total.documents += 1;
                } else {
                    self.total.errors += 1;
                }
                if self.result.is_ok() {
                    self.result = self.output.write_all(&bytes).context("cannot write the output");
                }
            }
        }
    }
}

/// Extracts one input item into its output line.
fn code_line(item: Item) -> Line {
    let mut bytes = Vec::new();
    let document = match item {
        Item::Doc(doc) => {
            let source = doc.source.clone();
            match pool::extract(doc) {
                Ok((doc, extraction)) => {
                    let out = DocumentOut::in_corpus(&doc, &extraction, None);
                    match serde_json::to_writer(&mut bytes, &out) {
                        Ok(()) => true,
                        Err(error) => {
                            bytes.clear();
                            write_error(&mut bytes, &source, &format!("cannot encode the result: {error}"));
                            false
                        }
                    }
                }
                Err(_) => {
                    write_error(&mut bytes, &source, pool::EXTRACTION_FAILED);
                    false
                }
            }
        }
        Item::Failed(error) => {
            write_error(&mut bytes, &error.source_name, &error.kind.to_string());
            false
        }
    };
    bytes.push(b'\n');
    (bytes, document)
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
