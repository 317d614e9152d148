//! The other commands and the command line itself.

use crate::{alaqat, export, source_names, stderr, write, GOOD_AR, GOOD_AR_2, GOOD_EN};

#[test]
fn ingest_reads_json_lines_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = format!(
        "{}\n\n{}\n",
        serde_json::json!({"id": "wire/1", "text": GOOD_AR}),
        serde_json::json!({"text": GOOD_EN, "lang": "en"}),
    );
    let out = alaqat(&data).args(["ingest", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ingested 2, unchanged 0, failed 0"), "{}", stderr(&out));
    let json = export(&data);
    assert_eq!(source_names(&json), ["1", "stdin#3"]);
    assert_eq!(json["documents"][1]["lang"], "en");
}

#[test]
fn bad_json_line_on_stdin_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = format!("{}\n{{\"text\": 7}}\n", serde_json::json!({"id": "ok", "text": GOOD_AR}));
    let out = alaqat(&data).args(["ingest", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("  failed: stdin#2: line 2: "), "{}", stderr(&out));
    assert_eq!(source_names(&export(&data)), ["ok"]);
}

#[test]
fn export_without_a_store_is_a_fatal_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let out = alaqat(&dir.path().join("nothing")).arg("export").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: no store in "), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert!(!dir.path().join("nothing").exists(), "export must not create a store");
}

#[test]
fn unusable_store_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    std::fs::create_dir(&data).unwrap();
    write(&data, "alaqat.sqlite3", "this is not a database, just some text that is long enough to matter\n");
    let input = write(dir.path(), "a.txt", GOOD_AR);
    let out = alaqat(&data).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2_and_help_lists_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    alaqat(dir.path()).arg("ingest").assert().code(2);
    alaqat(dir.path()).args(["export", "--format", "xml"]).assert().code(2);
    let help = alaqat(dir.path()).args(["ingest", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("Exit codes:") && help.contains("3  some documents failed"), "{help}");
}

#[test]
fn export_to_a_file_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = write(dir.path(), "a.txt", GOOD_AR);
    alaqat(&data).arg("ingest").arg(&input).assert().code(0);
    let file = dir.path().join("out.json");
    alaqat(&data).args(["export", "--format", "json", "--output"]).arg(&file).assert().code(0).stdout("");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    let stats = alaqat(&data).arg("stats").output().unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(stats.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["documents", "1"]), "{stats}");
}

#[test]
fn annotate_marks_the_text_and_needs_no_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", GOOD_AR);
    let data = dir.path().join("never-created");
    let out = alaqat(&data).arg("annotate").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("== {}", input.display())), "{text}");
    assert!(text.contains("events (") && text.contains("claims ("), "{text}");
    // Removing the marks gives back the original text.
    let body = text.lines().skip(3).take_while(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    let mut plain = String::new();
    let mut rest = body.as_str();
    while let Some(open) = rest.find('⟦') {
        plain.push_str(&rest[..open]);
        let close = rest.find('⟧').unwrap();
        plain.push_str(&rest[open + '⟦'.len_utf8()..close]);
        let after = &rest[close + '⟧'.len_utf8()..];
        let label_end = after.find('}').unwrap();
        rest = &after[label_end + 1..];
    }
    plain.push_str(rest);
    assert_eq!(plain, GOOD_AR.trim_end());
    assert!(!data.exists());
}

#[test]
fn annotate_reports_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = alaqat(dir.path()).arg("annotate").arg(dir.path().join("missing.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("missing.txt: cannot read"), "{}", stderr(&out));
}

#[test]
fn demo_ingests_a_corpus_into_a_fresh_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(&corpus, "one.txt", GOOD_AR);
    write(&corpus, "two.txt", GOOD_EN);
    let data = dir.path().join("demo-store");
    for _ in 0..2 {
        // Twice: the second run wipes the first store, so everything is ingested again.
        let out = alaqat(&data).args(["demo", "--no-serve", "--corpus"]).arg(&corpus).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stderr(&out).contains("ingested 2, unchanged 0"), "{}", stderr(&out));
        let report = String::from_utf8(out.stdout).unwrap();
        assert!(report.contains("documents: 2"), "{report}");
        assert!(report.contains("by language: ar 1, en 1"), "{report}");
    }
}

#[test]
fn demo_refuses_to_wipe_a_directory_that_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("precious");
    std::fs::create_dir(&data).unwrap();
    write(&data, "thesis.txt", "do not delete");
    let out = alaqat(&data).args(["demo", "--no-serve", "--corpus"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("refusing to wipe"), "{}", stderr(&out));
    assert!(data.join("thesis.txt").exists());
}

#[test]
fn extract_streams_one_line_per_input_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string();
    let input = format!("{}\n{{\"text\": 12}}\n{}\n", good("a", GOOD_AR), good("b", GOOD_EN));
    let out = alaqat(dir.path()).args(["extract", "--jobs", "2"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["source"], "a");
    assert_eq!(lines[0]["lang"], "ar");
    assert!(!lines[0]["events"].as_array().unwrap().is_empty(), "{}", lines[0]);
    assert_eq!(lines[1]["source"], "stdin#2");
    assert!(lines[1]["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert_eq!(lines[2]["source"], "b");
    assert_eq!(lines[2]["lang"], "en");
    assert!(!dir.path().join("alaqat.sqlite3").exists(), "extract uses no store");
}

#[test]
fn ingest_stores_in_input_order_whatever_the_number_of_extraction_threads() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [GOOD_AR, GOOD_AR_2, GOOD_EN];
    let mut input = String::new();
    for i in 0..200 {
        let text = format!("{} {i}", texts[i % 3].trim());
        input.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        input.push('\n');
        if i % 71 == 3 {
            input.push_str("{not json\n");
        }
    }
    let exports: Vec<serde_json::Value> = ["1", "3"]
        .iter()
        .map(|jobs| {
            let data = dir.path().join(format!("jobs-{jobs}"));
            let out = alaqat(&data).args(["ingest", "--jobs", jobs, "-"]).write_stdin(input.clone()).output().unwrap();
            assert_eq!(out.status.code(), Some(3), "the broken lines fail: {}", stderr(&out));
            assert!(stderr(&out).contains("ingested 200, unchanged 0, failed 3"), "{}", stderr(&out));
            export(&data)
        })
        .collect();
    let sources: Vec<String> = source_names(&exports[0]);
    assert_eq!(sources.len(), 200);
    assert_eq!(sources[0], "d0");
    assert_eq!(sources[199], "d199");
    assert!(exports[0] == exports[1], "one thread and three store the same documents in the same order");
}

#[test]
fn bench_archive_builds_an_archive_and_measures_every_read() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus");
    let args = ["bench", "--articles", "40", "--dyads", "3", "--min-bytes", "300", "--max-bytes", "900", "--corpus"];
    let out =
        alaqat(&dir.path().join("unused")).args(args).arg(&corpus).arg("--archive").arg(&archive).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(table.starts_with("archive: 40 articles (40 ingested)"), "{table}");
    assert!(table.contains("articles per CPU-second"), "{table}");
    assert!(table.contains("dyads measured (3 of "), "{table}");
    for line in ["timeline A B ", "events --dyad A,B ", "GET /api/events?dyad= "] {
        let row = table.lines().find(|l| l.starts_with(line)).unwrap_or_else(|| panic!("no {line:?} in {table}"));
        assert!(row.ends_with("runs)") && !row.contains("NaN"), "{row}");
    }
    assert!(table.contains("serve: first answer after") && table.contains("export --format jsonl:"), "{table}");
    // The archive stays, and is a store the other commands read.
    let stats = alaqat(&archive.join("store")).arg("stats").output().unwrap();
    let stats = String::from_utf8_lossy(&stats.stdout).into_owned();
    assert!(stats.lines().any(|l| l.split_whitespace().eq(["documents", "40"])), "{stats}");

    // It never builds over an existing archive.
    let again =
        alaqat(&dir.path().join("unused")).args(args).arg(&corpus).arg("--archive").arg(&archive).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("is not empty"), "{}", stderr(&again));
}
