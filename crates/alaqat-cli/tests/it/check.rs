//! `alaqat check`: a sound store passes; a lost index is rebuilt and reported; damage it
//! cannot repair (a text that no longer matches its id) fails with exit code 4.

use crate::{alaqat, write, GOOD_AR, GOOD_AR_2, GOOD_EN};

fn ingested() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    for (name, text) in [("a.txt", GOOD_AR), ("b.txt", GOOD_AR_2), ("c.txt", GOOD_EN)] {
        let path = write(dir.path(), name, text);
        alaqat(&data).arg("ingest").arg(path).assert().success();
    }
    (dir, data)
}

fn check(data: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = alaqat(data).arg("check").args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_sound_store_passes_and_a_lost_index_is_rebuilt() {
    let (_dir, data) = ingested();
    let (code, report) = check(&data, &["--dry-run"]);
    assert_eq!(code, 0, "{report}");
    assert!(report.contains("store: 3 documents") && report.contains("in step with the store"), "{report}");

    std::fs::remove_dir_all(data.join("search")).unwrap();
    let (code, report) = check(&data, &["--dry-run"]);
    assert_eq!(code, 4, "a dry run that finds work to do says so: {report}");
    assert!(report.contains("3 documents added"), "{report}");
    let (code, report) = check(&data, &[]);
    assert_eq!(code, 0, "{report}");
    assert!(report.contains("search index repaired: 3 documents added"), "{report}");
    assert_eq!(check(&data, &["--dry-run"]).0, 0, "repaired for good");

    // An index whose files are damaged (a segment's postings gone) is rebuilt from the store.
    for entry in std::fs::read_dir(data.join("search")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "idx") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let (code, report) = check(&data, &[]);
    assert_eq!(code, 0, "{report}");
    assert!(report.contains("rebuilt from the store") && report.contains("3 documents added"), "{report}");
    assert_eq!(check(&data, &["--dry-run"]).0, 0, "rebuilt for good");
}

#[test]
fn a_text_changed_behind_the_stores_back_is_reported_not_repaired() {
    let (_dir, data) = ingested();
    let db = rusqlite::Connection::open(data.join("alaqat.sqlite3")).unwrap();
    // Texts are stored compressed (`text_zstd`); a text edited by hand is plain `text`.
    db.execute("UPDATE documents SET text = 'نص آخر', text_zstd = NULL WHERE seq = 2", []).unwrap();
    drop(db);
    let (code, report) = check(&data, &[]);
    assert_eq!(code, 4, "{report}");
    assert!(report.contains("unsound documents: 1") && report.contains("not to its id"), "{report}");
    assert!(report.ends_with("NOT CONSISTENT\n"), "{report}");
}

#[test]
fn a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = alaqat(&dir.path().join("none")).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none"), "names the store");
}
