//! `alaqat bench`: extraction throughput on one core over a deterministic corpus recombined from
//! the demo articles, next to a baseline measured in the same run (decode and tokenize the same
//! bytes), so that the ratio means something on any machine.
//!
//! The corpus: every sentence of the demo articles, shuffled and concatenated by a seeded
//! generator (SplitMix64) into articles of 1–8 KB, each starting with a headline sentence.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use crate::output::Output;

/// How the benchmark runs.
pub(crate) struct BenchOptions {
    pub(crate) articles: usize,
    pub(crate) seed: u64,
    pub(crate) rounds: usize,
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

/// Builds `n` articles (as UTF-8 bytes, the way they arrive) from the sentences of `corpus`.
pub(crate) fn generate(corpus: &Path, n: usize, seed: u64) -> anyhow::Result<Vec<Vec<u8>>> {
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
    let mut rng = SplitMix64(seed);
    let mut articles = Vec::with_capacity(n);
    for _ in 0..n {
        let target = 1024 + rng.below(7 * 1024);
        let mut text = String::with_capacity(target + 512);
        while text.len() < target {
            text.push_str(&sentences[rng.below(sentences.len())]);
            text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
        }
        articles.push(text.into_bytes());
    }
    Ok(articles)
}

struct Measure {
    name: &'static str,
    seconds: f64,
}

fn time(name: &'static str, rounds: usize, mut f: impl FnMut() -> usize) -> (Measure, usize) {
    let mut best = f64::INFINITY;
    let mut check = 0;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        check = f();
        best = best.min(start.elapsed().as_secs_f64());
    }
    (Measure { name, seconds: best }, check)
}

/// Runs the benchmark and writes its table.
pub(crate) fn run(corpus: &Path, options: &BenchOptions, out: &mut Output) -> anyhow::Result<()> {
    let articles = generate(corpus, options.articles, options.seed).context("cannot build the benchmark corpus")?;
    let bytes: usize = articles.iter().map(Vec::len).sum();
    // Compile the lexicon before timing: it happens once per process.
    let _ = alaqat_extract::extract_text("", None);

    let (baseline, tokens) = time("decode + tokenize (baseline)", options.rounds, || {
        let mut n = 0;
        for a in &articles {
            if let Ok((text, _)) = alaqat_read::decode(a) {
                n += alaqat_text::tokenize(&text).len();
            }
        }
        n
    });
    let (normalize, _) = time("decode + normalize + tokenize", options.rounds, || {
        let mut n = 0;
        for a in &articles {
            if let Ok((text, _)) = alaqat_read::decode(a) {
                let key = alaqat_text::normalize(&text);
                n += alaqat_text::tokenize(key.as_str()).len();
            }
        }
        n
    });
    let (extraction, events) = time("decode + whole extraction", options.rounds, || {
        let mut n = 0;
        for a in &articles {
            if let Ok((text, _)) = alaqat_read::decode(a) {
                n += alaqat_extract::extract_text(&text, None).events.len();
            }
        }
        n
    });

    let mb = bytes as f64 / 1e6;
    writeln!(
        out,
        "corpus: {} articles, {:.1} MB, seed {}, from {}",
        articles.len(),
        mb,
        options.seed,
        corpus.display()
    )?;
    writeln!(out, "one core, best of {} rounds; {} tokens, {} events", options.rounds.max(1), tokens, events)?;
    writeln!(out)?;
    writeln!(out, "{:<32} {:>10} {:>14} {:>10}", "stage", "seconds", "articles/s", "MB/s")?;
    for m in [&baseline, &normalize, &extraction] {
        writeln!(
            out,
            "{:<32} {:>10.3} {:>14.0} {:>10.1}",
            m.name,
            m.seconds,
            articles.len() as f64 / m.seconds,
            mb / m.seconds
        )?;
    }
    writeln!(out)?;
    writeln!(out, "whole extraction / baseline time: {:.1}x", extraction.seconds / baseline.seconds)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_and_sized() {
        let corpus = Path::new(crate::demo::DEFAULT_CORPUS);
        let a = generate(corpus, 20, 7).expect("demo corpus");
        let b = generate(corpus, 20, 7).expect("demo corpus");
        assert_eq!(a, b, "help: the generator in bench.rs must not depend on anything but its seed");
        assert!(a.iter().all(|x| (1024..=8 * 1024 + 4096).contains(&x.len())));
        assert_ne!(a, generate(corpus, 20, 8).expect("demo corpus"));
    }
}
