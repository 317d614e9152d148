//! `alaqat bench --archive DIR`: builds an archive of generated articles as a user would
//! (the corpus as JSON Lines, then `ingest` into an embedded store with its search index) and
//! measures what it costs and how fast it answers: ingest throughput, bytes on disk per
//! article, dyad timelines and event lists (in this process, as `alaqat timeline` and `events
//! --dyad` run them, and through the HTTP API of a `serve` child process), search, and the
//! peak memory of `serve` and `export`.
//!
//! Dyads are chosen by rank among the store's dyads (`Store::dyad_counts`), evenly from the
//! densest to the sparsest, so the percentiles cover both ends of a real archive.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alaqat_store::Store;
use anyhow::{bail, Context};

use super::{cpu_seconds, Generator};
use crate::output::Output;
use crate::query::ListFormat;
use alaqat_export::EventFilter;

/// How the archive benchmark runs.
pub(crate) struct ArchiveOptions {
    /// A directory that does not exist or is empty: it receives `corpus.jsonl` and `store/`.
    pub(crate) dir: PathBuf,
    pub(crate) articles: usize,
    pub(crate) recipe: super::Recipe,
    /// Extraction threads of the ingest.
    pub(crate) jobs: usize,
    /// How many dyads the read latencies are measured over.
    pub(crate) dyads: usize,
}

/// Latencies in milliseconds: percentiles of what was measured.
struct Percentiles(Vec<f64>);

impl Percentiles {
    fn of(mut samples: Vec<f64>) -> Percentiles {
        samples.sort_by(f64::total_cmp);
        Percentiles(samples)
    }

    fn at(&self, p: f64) -> f64 {
        let n = self.0.len();
        if n == 0 {
            return f64::NAN;
        }
        self.0[((n - 1) as f64 * p).round() as usize]
    }
}

impl std::fmt::Display for Percentiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p50 {:>9.1} ms  p99 {:>9.1} ms  max {:>9.1} ms  ({} runs)",
            self.at(0.5),
            self.at(0.99),
            self.at(1.0),
            self.0.len()
        )
    }
}

/// Runs the archive benchmark over sentences of `corpus` and writes its table.
pub(crate) fn run(corpus: &Path, options: &ArchiveOptions, out: &mut Output) -> anyhow::Result<()> {
    let dir = &options.dir;
    if dir.exists()
        && std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?.next().is_some()
    {
        bail!("{} is not empty: the archive benchmark builds a new archive in an empty directory", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let corpus_file = dir.join("corpus.jsonl");
    let store_dir = dir.join("store");

    // 1. The corpus, as `bench --write-corpus` writes it (not timed).
    {
        let mut generator = Generator::new(corpus, options.recipe)?;
        let mut file = Output::open(Some(&corpus_file))?;
        super::write_corpus(&mut generator, options.articles, &mut file)?;
        file.finish()?;
    }
    let text_bytes = std::fs::metadata(&corpus_file).map(|m| m.len()).unwrap_or(0);

    // 2. Ingest, as `alaqat ingest --jobs N corpus.jsonl` does.
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let ingested = {
        let mut store = alaqat_store::SqliteStore::open(&store_dir).context("cannot create the archive store")?;
        let mut index = alaqat_pipeline::open_index(&store_dir)?;
        let file =
            std::fs::File::open(&corpus_file).with_context(|| format!("cannot open {}", corpus_file.display()))?;
        let reader = BufReader::with_capacity(1 << 20, file);
        let summary = alaqat_pipeline::ingest_jsonl(
            &mut store,
            Some(&mut index),
            reader,
            "corpus.jsonl",
            &Default::default(),
            options.jobs,
        )?;
        summary.ingested
    };
    let ingest_seconds = started.elapsed().as_secs_f64();
    let ingest_cpu = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    let index_bytes = dir_bytes(&store_dir.join(alaqat_pipeline::SEARCH_DIR));
    let store_bytes = dir_bytes(&store_dir) - index_bytes;
    // Each line is written when its phase ends: a run over 100,000 articles takes minutes.
    let n = ingested.max(1) as f64;
    let mb = |bytes: u64| bytes as f64 / 1e6;
    writeln!(
        out,
        "archive: {} articles ({} ingested), {:.1} MB of JSON Lines, {}, in {}",
        options.articles,
        ingested,
        mb(text_bytes),
        options.recipe.describe(),
        dir.display()
    )?;
    writeln!(
        out,
        "ingest, {} extraction thread(s): {:.1} s, {:.0} articles/s",
        options.jobs,
        ingest_seconds,
        n / ingest_seconds
    )?;
    if let Some(cpu) = ingest_cpu {
        writeln!(out, "ingest CPU time: {cpu:.1} s, {:.0} articles per CPU-second", n / cpu)?;
    }
    writeln!(
        out,
        "on disk: store {:.1} MB ({:.0} bytes/article, {:.2}x the JSON Lines), search index {:.1} MB ({:.0} bytes/article)",
        mb(store_bytes),
        store_bytes as f64 / n,
        store_bytes as f64 / text_bytes.max(1) as f64,
        mb(index_bytes),
        index_bytes as f64 / n
    )?;
    out.flush()?;

    // 3. Reads in this process, as the commands run them (the output is discarded).
    let store = alaqat_store::SqliteStore::open(&store_dir).context("cannot open the archive store")?;
    let all_dyads = store.dyad_counts()?;
    let dyads = spread(&all_dyads, options.dyads);
    let counts: Vec<String> = dyads.iter().map(|(a, b, n)| format!("{a}-{b} {n}")).collect();
    writeln!(out, "dyads measured ({} of {}, events each): {}", dyads.len(), all_dyads.len(), counts.join(", "))?;
    out.flush()?;
    let mut timeline = Vec::new();
    let mut events = Vec::new();
    for (a, b, _) in &dyads {
        let started = Instant::now();
        let analysis = alaqat_export::load_dyad(&store, a, b)?;
        crate::query::timeline(&analysis, a, b, false, ListFormat::Json, &mut Output::discard())?;
        timeline.push(started.elapsed().as_secs_f64() * 1000.0);

        let started = Instant::now();
        let analysis = alaqat_export::load_dyad(&store, a, b)?;
        let filter = EventFilter { dyad: Some((a.clone(), b.clone())), ..EventFilter::default() };
        crate::query::events(&analysis, &filter, ListFormat::Json, &mut Output::discard())?;
        events.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    writeln!(out, "timeline A B            {}", Percentiles::of(timeline))?;
    writeln!(out, "events --dyad A,B       {}", Percentiles::of(events))?;
    out.flush()?;
    let index = alaqat_pipeline::open_index(&store_dir)?;
    let search = super::search_latency(&index, &store, 200)?;
    drop((index, store));
    writeln!(out, "search: {search}")?;
    out.flush()?;

    // 4. `serve`: time to the first answer, the API's dyad pages, and its memory.
    let (ready, api, serve_rss) = serve(&store_dir, &dyads)?;
    writeln!(out, "GET /api/events?dyad=   {}", Percentiles::of(api))?;
    writeln!(out, "serve: first answer after {ready:.1} s, peak RSS {:.0} MB", serve_rss as f64 / 1024.0)?;
    out.flush()?;

    // 5. `export` of every document as JSON Lines, and its memory.
    let started = Instant::now();
    let child = Command::new(std::env::current_exe().context("cannot find the alaqat binary")?)
        .arg("--data")
        .arg(&store_dir)
        .args(["--quiet", "export", "--format", "jsonl", "--output", "/dev/null"])
        .stdin(Stdio::null())
        .spawn()
        .context("cannot start alaqat export")?;
    let (status, export_rss) = wait_with_peak_rss(child)?;
    if !status.success() {
        bail!("alaqat export over the archive failed: {status}");
    }
    let export_seconds = started.elapsed().as_secs_f64();

    writeln!(out, "export --format jsonl: {export_seconds:.1} s, peak RSS {:.0} MB", export_rss as f64 / 1024.0)?;
    Ok(())
}

/// Up to `n` dyads evenly spread by rank, the densest and the sparsest included.
fn spread(dyads: &[(String, String, u64)], n: usize) -> Vec<(String, String, u64)> {
    if dyads.len() <= n {
        return dyads.to_vec();
    }
    let mut ranks: Vec<usize> = (0..n).map(|i| if n == 1 { 0 } else { i * (dyads.len() - 1) / (n - 1) }).collect();
    ranks.dedup();
    ranks.into_iter().map(|i| dyads[i].clone()).collect()
}

/// Bytes of every file under `dir`.
fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&entry.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Starts `alaqat serve` over the store, waits for its address, times `GET
/// /api/events?dyad=A,B` for each dyad (three times each), and stops it. Returns the seconds
/// to its first answer, the latencies and its peak RSS in KiB.
fn serve(store_dir: &Path, dyads: &[(String, String, u64)]) -> anyhow::Result<(f64, Vec<f64>, u64)> {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().context("cannot find the alaqat binary")?)
        .arg("--data")
        .arg(store_dir)
        .args(["--quiet", "serve", "--addr", "127.0.0.1:0", "--poll", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot start alaqat serve")?;
    let result = (|| {
        let stdout = child.stdout.take().context("no stdout from alaqat serve")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).context("cannot read from alaqat serve")?;
        let addr = line
            .trim()
            .strip_prefix("dashboard: http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .with_context(|| format!("alaqat serve did not say where it listens: {line:?}"))?
            .to_owned();
        let ready = started.elapsed().as_secs_f64();
        let mut latencies = Vec::new();
        for _ in 0..3 {
            for (a, b, _) in dyads {
                let started = Instant::now();
                get(&addr, &format!("/api/events?dyad={a},{b}&limit=50"))?;
                latencies.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let rss = super::vm_hwm_kib(&child.id().to_string()).unwrap_or(0);
        Ok((ready, latencies, rss))
    })();
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// One HTTP/1.1 GET; fails unless the answer is 200.
fn get(addr: &str, path: &str) -> anyhow::Result<()> {
    let mut stream = TcpStream::connect(addr).with_context(|| format!("cannot connect to {addr}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).with_context(|| format!("no answer to GET {path}"))?;
    if !answer.starts_with(b"HTTP/1.1 200") {
        let head = String::from_utf8_lossy(&answer[..answer.len().min(200)]).into_owned();
        bail!("GET {path} did not succeed: {head}");
    }
    Ok(())
}

/// Waits for `child`, sampling its peak resident set (VmHWM) until it exits.
fn wait_with_peak_rss(mut child: Child) -> anyhow::Result<(std::process::ExitStatus, u64)> {
    let mut peak = 0;
    loop {
        // VmHWM only grows: the last sample before exit is within one interval of the peak.
        if let Some(kib) = super::vm_hwm_kib(&child.id().to_string()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            return Ok((status, peak));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_are_spread_from_the_densest_to_the_sparsest() {
        let dyads: Vec<(String, String, u64)> = (0..10).map(|i| (format!("A{i}"), format!("B{i}"), 100 - i)).collect();
        let picked: Vec<u64> = spread(&dyads, 4).into_iter().map(|d| d.2).collect();
        assert_eq!(picked, [100, 97, 94, 91]);
        assert_eq!(spread(&dyads, 20).len(), 10);
        assert_eq!(spread(&dyads, 1)[0].2, 100);
    }

    #[test]
    fn percentiles_pick_measured_values() {
        let p = Percentiles::of(vec![5.0, 1.0, 3.0]);
        assert_eq!((p.at(0.0), p.at(0.5), p.at(1.0)), (1.0, 3.0, 5.0));
        assert!(Percentiles::of(Vec::new()).at(0.5).is_nan());
    }
}
