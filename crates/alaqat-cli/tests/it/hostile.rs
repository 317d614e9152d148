//! Hostile input through the binary, under a memory limit (`ulimit -v`, address space) and a
//! timeout: each bad input gives a named error on stderr and exit 3, and the good documents of
//! the same batch are stored. Every input is generated here; nothing big is committed.
//!
//! The full 1,000,000-document case is `#[ignore]`d (≈ 90 s in the debug build): run it with
//! `cargo test -p alaqat-cli --test it hostile::a_million -- --ignored`. By default 100,000
//! tiny documents stream through `alaqat extract`, and alaqat-read's suite reads 1,000,000.

use std::time::{Duration, Instant};

use assert_cmd::Command;

use crate::{export, source_names, stderr, write, GOOD_AR};

/// Address space for one run, in KiB: measured peak RSS of the debug binary on the batch below
/// is ≈ 120 MB (the 50 MB file read whole, then decoded); since the office-holder lexicon
/// (2,900 people, 11,000 name forms) the debug build needs ≈ 600 MiB of address space for the
/// tiny-document ingest (measured: fails at 576, passes at 640). 768 MiB leaves room for thread
/// stacks and allocator arenas, and fails long before a billion laughs or a quadratic copy.
const INGEST_MEMORY_KIB: u64 = 768 * 1024;
/// `alaqat extract` streams: ≈ 21 MB peak for 100,000 documents.
const EXTRACT_MEMORY_KIB: u64 = 256 * 1024;

/// `alaqat` run through `sh -c 'ulimit -v …; exec alaqat …'`, with a timeout.
fn limited(memory_kib: u64, timeout: Duration) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("alaqat");
    let mut cmd = Command::new("sh");
    cmd.env_remove("ALAQAT_DATA")
        .arg("-c")
        .arg(format!("ulimit -v {memory_kib} && exec \"$0\" \"$@\""))
        .arg(bin)
        .timeout(timeout);
    cmd
}

/// The billion laughs: ten levels of entities, ten times each.
fn billion_laughs() -> String {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 { "lol".to_owned() } else { format!("lol{}", level - 1) };
        dtd.push_str(&format!("<!ENTITY lol{level} \"{}\">\n", format!("&{previous};").repeat(10)));
    }
    format!(
        "<?xml version=\"1.0\"?>\n{dtd}]>\n<rss version=\"2.0\"><channel><title>t</title>\
         <item><title>&lol9;</title><description>&lol9;</description></item>\
         <item><title>good</title><link>https://example.org/feed-good</link>\
         <description>زار وزير الخارجية السعودي أستانا وبحث مع نظيره الكازاخستاني التعاون.</description></item>\
         </channel></rss>"
    )
}

#[test]
fn heavy_bad_inputs_fail_by_name_and_the_good_ones_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    write(&input, "good.txt", GOOD_AR);
    write(&input, "lol.xml", billion_laughs());
    let deep = format!("<html><body>{}<p>{GOOD_AR}</p></body></html>", "<div>".repeat(100_000));
    write(&input, "deep.html", deep);
    let word = "تعاون ";
    write(&input, "line.txt", word.repeat(50_000_000 / word.len()));
    let mut nul = GOOD_AR.repeat(400).into_bytes();
    nul.push(0);
    write(&input, "nul.txt", nul);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD_AR.encode_utf16().chain([0xD83D]).flat_map(u16::to_le_bytes));
    write(&input, "surrogate.txt", utf16);
    let jsonl = format!(
        "{{\"id\":\"jsonl-good\",\"text\":\"{}\"}}\n{{\"id\":\"big\",\"text\":\"{}\"}}\n",
        GOOD_AR.trim(),
        word.repeat(20_000_000 / word.len())
    );
    write(&input, "lines.jsonl", jsonl);

    let data = dir.path().join("store");
    let started = Instant::now();
    let out = limited(INGEST_MEMORY_KIB, Duration::from_secs(120))
        .arg("--data")
        .arg(&data)
        // One extraction thread: `ulimit -v` counts each thread's reserved malloc arena.
        .args(["ingest", "--jobs", "1"])
        .arg(&input)
        .output()
        .unwrap();
    eprintln!("hostile batch ingested in {:.2?}", started.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let name = |file: &str| input.join(file).display().to_string();
    for (source, reason) in [
        (name("deep.html"), "html nested too deeply (more than 512 levels)"),
        (name("line.txt"), "document too long ("),
        (name("nul.txt"), "binary file"),
        (name("surrogate.txt"), "invalid encoding: invalid utf-16le (unpaired surrogate)"),
        (format!("{}#2", name("lines.jsonl")), "line 2: document too long ("),
    ] {
        let line = format!("  failed: {source}: {reason}");
        assert!(err.lines().any(|l| l.starts_with(&line)), "no line starting with {line:?} in:\n{err}");
    }
    // The entity is never expanded: its entry fails by name, or is kept as the literal text.
    assert!(err.len() < 100_000, "stderr holds an expansion: {} bytes", err.len());

    let data_export = export(&data);
    let mut sources = source_names(&data_export);
    sources.sort();
    for good in ["feed-good", "good.txt", "jsonl-good"] {
        assert!(sources.iter().any(|s| s == good), "{good} not stored: {sources:?}\n{err}");
    }
    for doc in data_export["documents"].as_array().unwrap() {
        let title = doc["title"].as_str().unwrap_or("");
        assert!(title.len() < 10_000, "an entity was expanded into a title");
    }
}

/// `count` tiny JSON lines, distinct (so none is a duplicate of another).
fn tiny_docs(count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(count * 90);
    for i in 0..count {
        out.extend_from_slice(
            format!("{{\"id\":\"d{i}\",\"text\":\"زار الرئيس الكازاخستاني الرياض في اليوم {i}\"}}\n").as_bytes(),
        );
    }
    out
}

fn extract_tiny_docs(count: usize, timeout: Duration) {
    let started = Instant::now();
    let out = limited(EXTRACT_MEMORY_KIB, timeout)
        .args(["extract", "-j", "2"])
        .write_stdin(tiny_docs(count))
        .output()
        .unwrap();
    eprintln!("{count} tiny documents extracted in {:.2?}", started.elapsed());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let lines = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    assert_eq!(lines, count, "{err}");
    let last = out.stdout.split(|&b| b == b'\n').rfind(|l| !l.is_empty()).unwrap();
    let last: serde_json::Value = serde_json::from_slice(last).unwrap();
    assert_eq!(last["source"], format!("d{}", count - 1));
}

#[test]
fn a_hundred_thousand_tiny_documents_stream_through_extract() {
    extract_tiny_docs(100_000, Duration::from_secs(180));
}

#[test]
#[ignore = "≈ 90 s in the debug build; run with --ignored"]
fn a_million_tiny_documents_stream_through_extract() {
    extract_tiny_docs(1_000_000, Duration::from_secs(900));
}

#[test]
fn tiny_documents_are_stored_by_ingest() {
    // Ingest (extraction, SQLite, the search index) of 10,000 tiny documents from one file:
    // ≈ 0.4 ms each in the debug build.
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.jsonl", tiny_docs(10_000));
    let data = dir.path().join("store");
    let out = limited(INGEST_MEMORY_KIB, Duration::from_secs(120))
        .arg("--data")
        .arg(&data)
        .args(["ingest", "--jobs", "1", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 10000, unchanged 0, failed 0"), "{}", stderr(&out));
}
