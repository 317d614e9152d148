//! `--store postgres://…`: several ingest processes at once into one PostgreSQL store, then
//! the read commands over it. Runs when `ALAQAT_TEST_POSTGRES` names a database (`.ci/run`
//! starts one); each test uses a fresh schema of its own.

use std::process::Stdio;

use crate::backend::Schema;
use crate::{alaqat, stderr, write, GOOD_AR, GOOD_AR_2, GOOD_EN};

#[test]
fn two_ingest_processes_at_once_store_each_document_once() {
    let Some(schema) = Schema::create() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input, "a.txt", GOOD_AR);
    write(&input, "b.txt", GOOD_AR_2);
    write(&input, "c.txt", GOOD_EN);

    // Two analysts' machines: each its own --data (search index), one shared store.
    let children: Vec<_> = ["d1", "d2"]
        .iter()
        .map(|data| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("alaqat"))
                .env_remove("ALAQAT_DATA")
                .env_remove("ALAQAT_STORE")
                .args(["--quiet", "ingest", "--store", &schema.url, "--data"])
                .arg(tmp.path().join(data))
                .arg(&input)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "ingest failed: {}", stderr(&out));
    }

    let data = tmp.path().join("d1");
    let out = alaqat(&data).args(["stats", "--store", &schema.url]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stats = String::from_utf8(out.stdout).unwrap();
    assert!(stats.contains("documents    3\n"), "{stats}");
    assert!(stats.contains("store        postgres://"), "{stats}");

    let out = alaqat(&data).args(["export", "--format", "json", "--store", &schema.url]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names = crate::source_names(&export);
    names.sort();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);

    // Search over the store, with the index of the other --data.
    let out = alaqat(&tmp.path().join("d2")).args(["search", "--store", &schema.url, "الكازاخستاني"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a.txt"));
}

#[test]
fn an_unreachable_or_malformed_store_url_is_one_error_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    // Nothing listens on port 1 of the loopback.
    let out = alaqat(tmp.path()).args(["stats", "--store", "postgres://alaqat:secret@127.0.0.1:1/x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: cannot connect to the PostgreSQL store postgres://alaqat:***@127.0.0.1:1/x"),
        "{err}"
    );
    assert!(!err.contains("secret"), "the password is never printed: {err}");
    assert!(err.contains("\nhint: "), "{err}");

    let out = alaqat(tmp.path()).env("ALAQAT_STORE", "mysql://db/x").arg("export").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: --store mysql://db/x is not a PostgreSQL URL\nhint: "),
        "{}",
        stderr(&out)
    );
}
