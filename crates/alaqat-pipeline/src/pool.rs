//! The ordered worker pool of `ingest`, `extract` and the server's ingest: the calling thread
//! reads, sends chunks of work to `jobs` threads and takes the results back in input order.
//! It never gets more than `2 × jobs` chunks ahead, so memory stays bounded whatever the input
//! and the number of threads.

use std::collections::BTreeMap;
use std::sync::{mpsc, Mutex};

use alaqat_model::{Document, Extraction, Lang};

/// Work in flight on `jobs` threads, handed back in the order it was sent.
pub struct Ordered<I, O> {
    work: mpsc::SyncSender<(u64, Vec<I>)>,
    done: mpsc::Receiver<(u64, Vec<O>)>,
    /// Chunks sent, and the number of the next chunk to hand back.
    sent: u64,
    next: u64,
    finished: BTreeMap<u64, Vec<O>>,
    in_flight: u64,
}

/// Runs `f` with `jobs` threads (at least one) applying `work` to every item sent; the threads
/// stop when `f` returns.
pub fn with_pool<I: Send, O: Send, T>(
    jobs: usize,
    work: impl Fn(I) -> O + Sync,
    f: impl FnOnce(&mut Ordered<I, O>) -> T,
) -> T {
    let jobs = jobs.max(1);
    let in_flight = 2 * jobs as u64;
    // The work channel holds every chunk in flight, so sending never blocks; results come back
    // on an unbounded channel that `in_flight` bounds all the same.
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Vec<I>)>(2 * jobs);
    let (done_tx, done) = mpsc::channel();
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (done_tx, work_rx, work) = (done_tx.clone(), &work_rx, &work);
            scope.spawn(move || loop {
                // The lock is held only while receiving.
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((n, items)) = next else { return };
                let out: Vec<O> = items.into_iter().map(work).collect();
                if done_tx.send((n, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let mut pool = Ordered { work: work_tx, done, sent: 0, next: 0, finished: BTreeMap::new(), in_flight };
        let result = f(&mut pool);
        // Dropping the sender ends the workers' loops; the scope joins them.
        drop(pool);
        result
    })
}

impl<I, O> Ordered<I, O> {
    /// Sends a chunk; false when the workers are gone.
    pub fn send(&mut self, items: Vec<I>) -> bool {
        let sent = self.work.send((self.sent, items)).is_ok();
        self.sent += 1;
        sent
    }

    /// The next chunk in input order, if one is ready; with `wait`, waits for it while chunks
    /// are out. Also waits (whatever `wait` says) while too many chunks are out.
    pub fn take(&mut self, wait: bool) -> Option<Vec<O>> {
        loop {
            if let Some(chunk) = self.finished.remove(&self.next) {
                self.next += 1;
                return Some(chunk);
            }
            let out = self.sent - self.next;
            if out == 0 {
                return None;
            }
            let received =
                if wait || out >= self.in_flight { self.done.recv().ok() } else { self.done.try_recv().ok() };
            let (n, chunk) = received?;
            self.finished.insert(n, chunk);
        }
    }
}

/// Why a document has no extraction when extraction panicked.
pub const EXTRACTION_FAILED: &str = "extraction failed (an internal error; please report it)";

/// One extracted document, or why it could not be: extraction never fails by design, but a
/// panic in it must cost one document, not the run (nor leave a chunk missing forever).
pub type Extracted = Result<(Document, Extraction), String>;

/// Detects the language when unknown and extracts, catching a panic as the document's failure.
pub fn extract(mut doc: Document) -> Extracted {
    let run = std::panic::AssertUnwindSafe(|| {
        if doc.lang == Lang::Unknown {
            doc.lang = alaqat_text::detect_lang(&doc.text);
        }
        alaqat_extract::extract(&doc)
    });
    match std::panic::catch_unwind(run) {
        Ok(extraction) => Ok((doc, extraction)),
        Err(_) => Err(format!("{}: {EXTRACTION_FAILED}", doc.source)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        for jobs in [1, 3] {
            let got = with_pool(
                jobs,
                |n: u64| {
                    // Later items finish first.
                    std::thread::sleep(std::time::Duration::from_micros(200 * (50 - n % 50)));
                    n * 2
                },
                |pool| {
                    let mut out = Vec::new();
                    for chunk in (0..200u64).collect::<Vec<_>>().chunks(7) {
                        assert!(pool.send(chunk.to_vec()));
                        while let Some(done) = pool.take(false) {
                            out.extend(done);
                        }
                    }
                    while let Some(done) = pool.take(true) {
                        out.extend(done);
                    }
                    out
                },
            );
            assert_eq!(got, (0..200u64).map(|n| n * 2).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }
}
