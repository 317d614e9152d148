//! `alaqat bench`: extraction throughput on one core over a deterministic corpus recombined from
//! the demo articles, next to a baseline measured in the same run (decode and tokenize the same
//! bytes), so that the ratio means something on any machine.
//!
//! The corpus: every sentence of the demo articles, shuffled and concatenated by a seeded
//! generator (SplitMix64) into articles of 1–8 KB, each recast with its own countries, people
//! and numbers (`recast.rs`); one in twenty is a copy of a recent one.

mod archive;
mod recast;

pub(crate) use archive::{run as run_archive, ArchiveOptions};

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use crate::output::Output;

/// How the benchmark runs.
pub(crate) struct BenchOptions {
    pub(crate) articles: usize,
    pub(crate) rounds: usize,
    /// Threads of the extra parallel extraction stage (1: no such stage).
    pub(crate) jobs: usize,
    pub(crate) recipe: Recipe,
}

/// How the corpus is generated.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Recipe {
    pub(crate) seed: u64,
    /// Article sizes (smallest, largest) in bytes.
    pub(crate) bytes: (usize, usize),
    /// The demo sentences unchanged, not recast (see `recast.rs`): the corpus of builds before
    /// the recasting, for comparisons with their figures.
    pub(crate) verbatim: bool,
}

impl Recipe {
    /// Words for the benchmark's first line.
    fn describe(&self) -> String {
        format!("seed {}{}", self.seed, if self.verbatim { ", verbatim" } else { ", recast" })
    }
}

/// A tiny deterministic generator: the corpus must be the same on every machine and run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Article sizes of the benchmark: 1–8 KB, like news articles.
pub(crate) const ARTICLE_BYTES: (usize, usize) = (1024, 8 * 1024);

/// Builds `n` articles (as UTF-8 bytes, the way they arrive) from the sentences of `corpus`,
/// each at least `bytes.0` and about `bytes.1` at most (a sentence may run past it).
pub(crate) fn generate(corpus: &Path, n: usize, recipe: Recipe) -> anyhow::Result<Vec<Vec<u8>>> {
    let mut generator = Generator::new(corpus, recipe)?;
    Ok((0..n).map(|_| generator.article().into_bytes()).collect())
}

/// The article generator: a seeded walk over the sentences of a corpus, one article at a
/// time, so that a corpus of any size can be streamed (`--write-corpus`).
pub(crate) struct Generator {
    sentences: Vec<String>,
    rng: SplitMix64,
    bytes: (usize, usize),
    /// Hashes of the articles so far: 8 bytes each, 8 MB for a million articles.
    seen: std::collections::HashSet<u64>,
    /// None: the demo sentences verbatim (`--verbatim`).
    recaster: Option<recast::Recaster>,
    /// The last articles, for copies of them.
    recent: std::collections::VecDeque<Plan>,
}

impl Generator {
    pub(crate) fn new(corpus: &Path, recipe: Recipe) -> anyhow::Result<Generator> {
        let mut sentences: Vec<String> = Vec::new();
        let mut sink = |item: alaqat_read::Item| {
            if let alaqat_read::Item::Doc(doc) = item {
                for span in alaqat_text::sentences(&doc.text) {
                    if let Some(s) = span.slice(&doc.text) {
                        sentences.push(s.to_string());
                    }
                }
            }
        };
        alaqat_read::read_path(corpus, &alaqat_read::ReadOptions::default(), &mut sink);
        anyhow::ensure!(!sentences.is_empty(), "no sentences in {}", corpus.display());
        let recaster =
            (!recipe.verbatim).then(|| recast::Recaster::new(alaqat_extract::Lexicon::builtin(), &sentences));
        Ok(Generator {
            sentences,
            rng: SplitMix64(recipe.seed),
            bytes: recipe.bytes,
            seen: std::collections::HashSet::new(),
            recaster,
            recent: std::collections::VecDeque::with_capacity(RECENT),
        })
    }

    pub(crate) fn article(&mut self) -> String {
        let (min, max) = self.bytes;
        let target = (min + self.rng.below(max.saturating_sub(min).max(1))).max(1);
        if self.recaster.is_none() {
            return self.verbatim(target);
        }
        let n = self.sentences.len();
        // One in twenty is another outlet's copy of a recent article: a sentence dropped, one
        // added, the same countries, people and numbers (news archives hold many such).
        let copy = !self.recent.is_empty() && self.rng.below(20) == 0;
        let mut plan = if copy {
            let mut plan = self.recent[self.rng.below(self.recent.len())].clone();
            if plan.sentences.len() > 2 {
                plan.sentences.remove(self.rng.below(plan.sentences.len()));
            }
            let at = self.rng.below(plan.sentences.len() + 1);
            plan.sentences.insert(at, (self.rng.below(n), self.rng.below(4) == 0));
            plan
        } else {
            Plan { sentences: Vec::new(), casting: recast::Casting::default(), seed: self.rng.next() }
        };
        let mut text = String::with_capacity(target + 512);
        for &(sentence, newline) in &plan.sentences {
            self.render(&mut plan.casting, plan.seed, sentence, newline, &mut text);
        }
        // Distinct texts only: equal texts are one document to the store (ids are content
        // hashes), and short articles from a few hundred sentences do repeat.
        while (!copy && text.len() < target) || !self.seen.insert(hash(&text)) {
            let next = (self.rng.below(n), self.rng.below(4) == 0);
            self.render(&mut plan.casting, plan.seed, next.0, next.1, &mut text);
            plan.sentences.push(next);
        }
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(plan);
        text
    }

    /// Appends sentence `i` recast: its numbers and new states are drawn from `seed` and `i`
    /// alone, so that a copy of the article recasts it the same way.
    fn render(&self, casting: &mut recast::Casting, seed: u64, i: usize, newline: bool, text: &mut String) {
        if let Some(recaster) = &self.recaster {
            let mut rng = SplitMix64(seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
            recaster.recast(&self.sentences[i], casting, &mut rng, text);
        }
        text.push(if newline { '\n' } else { ' ' });
    }

    /// An article of demo sentences unchanged (`--verbatim`): the corpus of earlier builds.
    fn verbatim(&mut self, target: usize) -> String {
        let mut text = String::with_capacity(target + 512);
        while text.len() < target || !self.seen.insert(hash(&text)) {
            text.push_str(&self.sentences[self.rng.below(self.sentences.len())]);
            text.push(if self.rng.below(4) == 0 { '\n' } else { ' ' });
        }
        text
    }
}

/// How many recent articles a copy may be made of.
const RECENT: usize = 64;

/// The sentences of a recast article (index in the pool, newline after it), how its states are
/// cast, and the seed of its numbers: what a copy of it needs.
#[derive(Clone)]
struct Plan {
    sentences: Vec<(usize, bool)>,
    casting: recast::Casting,
    seed: u64,
}

/// SipHash with fixed keys: the same on every run and machine.
fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Writes `n` generated articles as JSON Lines, one `{"id":"bench-N","text":…}` each, without
/// holding them.
pub(crate) fn write_corpus(generator: &mut Generator, n: usize, out: &mut impl Write) -> anyhow::Result<()> {
    for i in 0..n {
        write_line(i, &generator.article(), out)?;
    }
    Ok(())
}

fn write_line(i: usize, text: &str, out: &mut impl Write) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, &serde_json::json!({ "id": format!("bench-{i}"), "text": text }))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes `articles` as JSON Lines, like [`write_corpus`].
fn write_jsonl(articles: &[Vec<u8>], out: &mut impl Write) -> anyhow::Result<()> {
    for (i, a) in articles.iter().enumerate() {
        write_line(i, &String::from_utf8_lossy(a), out)?;
    }
    Ok(())
}

struct Measure {
    name: String,
    seconds: f64,
}

fn time(name: &str, rounds: usize, mut f: impl FnMut() -> usize + Send) -> (Measure, usize) {
    let mut best = f64::INFINITY;
    let mut check = 0;
    for _ in 0..rounds.max(1) {
        // Each round on a fresh thread: the allocator gives it its own arena, so one stage does
        // not pay for the heap the previous stages (and the 100 MB corpus) left fragmented —
        // measured 10% at 5,000 articles and more at 20,000.
        let (seconds, n) = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let start = Instant::now();
                    let n = f();
                    (start.elapsed().as_secs_f64(), n)
                })
                .join()
                .unwrap_or((f64::INFINITY, 0))
        });
        best = best.min(seconds);
        check = n;
    }
    (Measure { name: name.to_owned(), seconds: best }, check)
}

/// Decodes every article and runs `f` on its text; the sum of what `f` returns.
fn over(articles: &[Vec<u8>], f: impl Fn(&str) -> usize) -> usize {
    articles.iter().filter_map(|a| alaqat_read::decode(a).ok()).map(|(text, _)| f(&text)).sum()
}

/// Queries the search stage cycles through: names, countries, adjectives, verbs, English.
const QUERIES: &[&str] = &[
    "كازاخستان",
    "الكازاخستانية",
    "عبد العزيز",
    "توكاييف",
    "زيارة رسمية",
    "مذكرة تفاهم",
    "الرياض",
    "التعاون الاقتصادي",
    "\"وزير الخارجية\"",
    "Uzbekistan",
    "foreign minister",
    "agreement signed",
];

/// Runs the benchmark and writes its table.
pub(crate) fn run(corpus: &Path, options: &BenchOptions, out: &mut Output) -> anyhow::Result<()> {
    use alaqat_extract::Stage;
    let articles = generate(corpus, options.articles, options.recipe).context("cannot build the benchmark corpus")?;
    let bytes: usize = articles.iter().map(Vec::len).sum();
    // Compile the lexicon before timing: it happens once per process.
    let _ = alaqat_extract::extract_text("", None);
    let rounds = options.rounds;

    let (baseline, tokens) =
        time("decode + tokenize (baseline)", rounds, || over(&articles, |text| alaqat_text::tokenize(text).len()));
    let (normalize, _) = time("decode + normalize + tokenize", rounds, || {
        over(&articles, |text| alaqat_text::tokenize(alaqat_text::normalize(text).as_str()).len())
    });
    // Each stage runs the pipeline through it; the table shows what every stage adds.
    let through = |name: &str, stage: Stage| {
        time(name, rounds, || over(&articles, |text| alaqat_extract::extract_through(text, None, stage)))
    };
    let (scan, _) = through("  through scan (lexicon walk)", Stage::Scan);
    let (dates, _) = through("  through dates", Stage::Dates);
    let (entities, _) = through("  through entities", Stage::Entities);
    let (events_stage, _) = through("  through events", Stage::Events);
    let (extraction, events) = time("decode + whole extraction", rounds, || {
        over(&articles, |text| alaqat_extract::extract_text(text, None).events.len())
    });

    // The same work split over threads, to show how extraction scales across cores.
    let parallel = (options.jobs > 1).then(|| {
        let chunk = articles.len().div_ceil(options.jobs).max(1);
        time(&format!("whole extraction, {} threads", options.jobs), rounds, || {
            std::thread::scope(|scope| {
                let handles: Vec<_> = articles
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || over(part, |t| alaqat_extract::extract_text(t, None).events.len())))
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
            })
        })
        .0
    });

    // Ingest into a fresh embedded store with its search index, as `alaqat ingest -` does.
    let dir = std::env::temp_dir().join(format!("alaqat-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut jsonl = Vec::with_capacity(bytes + articles.len() * 32);
    write_jsonl(&articles, &mut jsonl)?;
    // Ingest is a pipeline (reading and storing on one thread, extraction on --jobs threads,
    // tantivy's indexing on its own): its CPU time, not only its wall time, says what it costs.
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let ingested = {
        let mut store = alaqat_store::SqliteStore::open(&dir).context("cannot create the benchmark store")?;
        let mut index = alaqat_pipeline::open_index(&dir)?;
        let jobs = options.jobs;
        let summary = alaqat_pipeline::ingest_jsonl(
            &mut store,
            Some(&mut index),
            &jsonl[..],
            "bench",
            &Default::default(),
            jobs,
        )?;
        summary.ingested
    };
    let ingest = Measure {
        name: format!("ingest: store + index, {} thread(s)", options.jobs),
        seconds: started.elapsed().as_secs_f64(),
    };
    let ingest_cpu = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    drop(jsonl);

    // Search latency over the store just built.
    let index = alaqat_pipeline::open_index(&dir)?;
    let store = alaqat_store::SqliteStore::open(&dir).context("cannot open the benchmark store")?;
    let latency = search_latency(&index, &store, 200)?;
    drop((index, store));
    let _ = std::fs::remove_dir_all(&dir);

    let mb = bytes as f64 / 1e6;
    writeln!(
        out,
        "corpus: {} articles, {:.1} MB, {}, from {}",
        articles.len(),
        mb,
        options.recipe.describe(),
        corpus.display()
    )?;
    writeln!(
        out,
        "one core unless stated, best of {} rounds; {} tokens, {} events; {} documents ingested",
        rounds.max(1),
        tokens,
        events,
        ingested
    )?;
    writeln!(out)?;
    writeln!(out, "{:<36} {:>10} {:>14} {:>10}", "stage", "seconds", "articles/s", "MB/s")?;
    let rows = [&baseline, &normalize, &scan, &dates, &entities, &events_stage, &extraction];
    for m in rows.into_iter().chain(parallel.as_ref()).chain([&ingest]) {
        writeln!(
            out,
            "{:<36} {:>10.3} {:>14.0} {:>10.1}",
            m.name,
            m.seconds,
            articles.len() as f64 / m.seconds,
            mb / m.seconds
        )?;
    }
    writeln!(out)?;
    writeln!(out, "whole extraction / baseline time: {:.1}x", extraction.seconds / baseline.seconds)?;
    writeln!(
        out,
        "stage shares of whole extraction: scan {:.0}%, dates {:.0}%, entities {:.0}%, events {:.0}%, rest {:.0}%",
        100.0 * scan.seconds / extraction.seconds,
        100.0 * (dates.seconds - scan.seconds) / extraction.seconds,
        100.0 * (entities.seconds - dates.seconds) / extraction.seconds,
        100.0 * (events_stage.seconds - entities.seconds) / extraction.seconds,
        100.0 * (extraction.seconds - events_stage.seconds) / extraction.seconds,
    )?;
    if let Some(parallel) = &parallel {
        writeln!(out, "speed-up with {} threads: {:.2}x", options.jobs, extraction.seconds / parallel.seconds)?;
    }
    if let Some(cpu) = ingest_cpu {
        writeln!(
            out,
            "ingest CPU time: {cpu:.2} s over all threads, {:.0} articles per CPU-second",
            ingested as f64 / cpu
        )?;
    }
    writeln!(out, "search over {ingested} documents: {latency}")?;
    if let Some(kib) = peak_rss_kib() {
        writeln!(out, "peak RSS: {:.0} MB (the generated corpus is held in memory)", kib as f64 / 1024.0)?;
    }
    Ok(())
}

/// Search latencies of `n` queries cycling through [`QUERIES`], top 20 each.
pub(crate) struct Latency {
    p50: f64,
    p99: f64,
    max: f64,
    n: usize,
}

impl std::fmt::Display for Latency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} queries)", self.p50, self.p99, self.max, self.n)
    }
}

pub(crate) fn search_latency(
    index: &alaqat_search::SearchIndex,
    store: &dyn alaqat_store::Store,
    n: usize,
) -> anyhow::Result<Latency> {
    let mut latencies = Vec::with_capacity(n);
    for i in 0..n.max(1) {
        let query =
            alaqat_search::SearchQuery { limit: 20, ..alaqat_search::SearchQuery::new(QUERIES[i % QUERIES.len()]) };
        let started = Instant::now();
        let results = index.search(&query, &mut alaqat_pipeline::store_texts(store)).context("search failed")?;
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(results.total);
    }
    latencies.sort_by(f64::total_cmp);
    let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    Ok(Latency { p50: percentile(0.5), p99: percentile(0.99), max: percentile(1.0), n: latencies.len() })
}

/// CPU time (user + system) of the whole process so far, on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux this runs on (it is fixed by the kernel ABI).
    Some(ticks / 100.0)
}

/// The process's peak resident set (VmHWM), on Linux.
fn peak_rss_kib() -> Option<u64> {
    vm_hwm_kib("self")
}

/// The peak resident set (VmHWM) in KiB of process `pid` (`self` for this one), on Linux.
fn vm_hwm_kib(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipe(seed: u64, bytes: (usize, usize)) -> Recipe {
        Recipe { seed, bytes, verbatim: false }
    }

    #[test]
    fn corpus_is_deterministic_and_sized() {
        let corpus = Path::new(crate::demo::DEFAULT_CORPUS);
        let a = generate(corpus, 20, recipe(7, ARTICLE_BYTES)).expect("demo corpus");
        let b = generate(corpus, 20, recipe(7, ARTICLE_BYTES)).expect("demo corpus");
        assert_eq!(a, b, "help: the generator in bench.rs must not depend on anything but its seed");
        assert!(a.iter().all(|x| (1024..=8 * 1024 + 4096).contains(&x.len())));
        assert_ne!(a, generate(corpus, 20, recipe(8, ARTICLE_BYTES)).expect("demo corpus"));
        let small = generate(corpus, 2000, recipe(7, (200, 600))).expect("demo corpus");
        assert!(small.iter().all(|x| (200..=600 + 4096).contains(&x.len())));
        let distinct: std::collections::HashSet<_> = small.iter().collect();
        assert_eq!(distinct.len(), small.len(), "every article is a distinct document");
    }

    /// The words of each line of a text that has at least eight.
    fn long_lines(text: &[u8]) -> std::collections::HashSet<String> {
        String::from_utf8_lossy(text)
            .lines()
            .filter(|l| l.split_whitespace().count() >= 8)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn recasting_spreads_states_and_keeps_copies() {
        let corpus = Path::new(crate::demo::DEFAULT_CORPUS);
        let recast = generate(corpus, 400, recipe(3, ARTICLE_BYTES)).expect("demo corpus");
        let verbatim = generate(corpus, 400, Recipe { verbatim: true, ..recipe(3, ARTICLE_BYTES) }).expect("demo");
        // The densest dyad's share of the events between two countries (measured on these 400
        // articles: 14.0% verbatim, 2.1% recast).
        let densest = |articles: &[Vec<u8>]| {
            let mut dyads: std::collections::HashMap<(String, String), usize> = Default::default();
            for text in articles.iter().map(|a| String::from_utf8_lossy(a)) {
                for e in alaqat_extract::extract_text(&text, None).events {
                    if let (Some(a), Some(b)) = (e.source.country, e.target.country) {
                        *dyads.entry(if a < b { (a, b) } else { (b, a) }).or_default() += 1;
                    }
                }
            }
            let all: usize = dyads.values().sum();
            dyads.into_values().max().unwrap_or(0) as f64 / all.max(1) as f64
        };
        let (spread, dense) = (densest(&recast), densest(&verbatim));
        assert!(spread * 3.0 < dense, "the densest dyad has {spread:.3} of the events recast, {dense:.3} verbatim");
        // A copy shares most of its lines with an article before it; unrelated articles share
        // a line only by chance.
        let lines: Vec<_> = recast.iter().map(|a| long_lines(a)).collect();
        let copies = (1..lines.len())
            .filter(|&j| {
                (0..j).any(|i| {
                    let shared = lines[i].intersection(&lines[j]).count();
                    shared >= 2 && 2 * shared >= lines[j].len()
                })
            })
            .count();
        assert!((5..=50).contains(&copies), "{copies} of 400 articles are copies (one in twenty expected)");
    }
}
