//! Bad input: each failure names the document and the reason, exits 3, and neither the good
//! siblings of the same batch nor previously stored documents are lost.

use std::path::{Path, PathBuf};

use crate::{alaqat, export, source_names, stderr, write, GOOD_AR, GOOD_AR_2, GOOD_EN};

/// A store holding one earlier document (`earlier.txt`) and an input directory holding
/// `good.txt` next to the bad files.
struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    input: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let earlier = dir.path().join("earlier");
    std::fs::create_dir(&earlier).unwrap();
    write(&earlier, "earlier.txt", GOOD_AR_2);
    let out = alaqat(&data).arg("ingest").arg(&earlier).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    write(&input, "good.txt", GOOD_AR);
    Setup { _dir: dir, data, input }
}

/// Ingests `paths`, expects exit 3 and a failure line `failed: {name}: {reason}…` for each
/// `(name, reason)`, then checks that `stored` (plus the earlier and good documents) are stored.
fn check(setup: &Setup, paths: &[&Path], failures: &[(String, &str)], stored: &[&str]) {
    let out = alaqat(&setup.data).arg("ingest").args(paths).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains(&format!("failed {}", failures.len())), "{err}");
    for (name, reason) in failures {
        let line = format!("  failed: {name}: {reason}");
        assert!(err.lines().any(|l| l.starts_with(&line)), "no line starting with {line:?} in:\n{err}");
    }
    let names = source_names(&export(&setup.data));
    for want in ["earlier.txt", "good.txt"].iter().chain(stored) {
        assert!(names.iter().any(|n| n == want), "{want} not stored: {names:?}");
    }
}

fn bad_file(name: &str, bytes: &[u8], reason: &str) {
    let s = setup();
    let bad = write(&s.input, name, bytes);
    check(&s, &[&s.input], &[(bad.display().to_string(), reason)], &[]);
}

#[test]
fn empty_file() {
    bad_file("empty.txt", b"", "empty file");
}

#[test]
fn binary_file() {
    bad_file("photo.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x02\0\0", "binary file");
}

#[test]
fn invalid_utf8() {
    let mut bytes = "اتفق الجانبان على مواصلة التنسيق".as_bytes().to_vec();
    bytes.insert(7, 0xC3);
    bad_file("broken.txt", &bytes, "invalid encoding: invalid UTF-8");
}

#[test]
fn truncated_html_keeps_its_text_and_empty_html_fails() {
    let s = setup();
    write(
        &s.input,
        "cut.html",
        "<html><head><title>زيارة</title></head><body><article><p>وصل رئيس الوزراء إلى العاصمة في زيارة رسمية تستغرق يومين</p><p>ويرافقه وفد وزا",
    );
    let empty = write(&s.input, "empty.html", "<html><head><title>t</title><script>x=1</script></head><body><im");
    check(&s, &[&s.input], &[(empty.display().to_string(), "no text found in HTML")], &["cut.html"]);
}

#[test]
fn huge_single_line_file_is_rejected_with_its_size() {
    // 50 MB on one line: under the 64 MiB file limit, over the 2 000 000 character document limit.
    let s = setup();
    let line = "تعاون ".repeat(50 * 1024 * 1024 / "تعاون ".len());
    let bad = write(&s.input, "huge.txt", line);
    check(&s, &[&s.input], &[(bad.display().to_string(), "document too long (")], &[]);
}

#[test]
fn malformed_json_line_among_good_ones() {
    let s = setup();
    let lines = [
        serde_json::json!({"id": "https://example.org/a/first", "text": "رحب البلدان بتوسيع التبادل التجاري"})
            .to_string(),
        "{\"id\": \"second\", \"text\": \"نص بلا نهاية".to_owned(),
        serde_json::json!({"id": "https://example.org/a/third", "text": GOOD_EN}).to_string(),
    ];
    let bad = write(&s.input, "news.jsonl", lines.join("\n") + "\n");
    check(&s, &[&s.input], &[(format!("{}#2", bad.display()), "line 2: invalid JSON")], &["first", "third"]);
}

#[test]
fn feed_with_a_broken_entry() {
    let s = setup();
    let rss = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title>
<item><title>أ</title><link>https://example.org/feed/one</link><description>افتتح البلدان قنصلية جديدة</description></item>
<item><title>ب</title><description>خبر <b>غير مكتمل</description></item>
<item><title>ج</title><link>https://example.org/feed/three</link><description>بحث الوزيران ملف المياه المشتركة</description></item>
</channel></rss>"#;
    let bad = write(&s.input, "feed.xml", rss);
    check(&s, &[&s.input], &[(format!("{}#entry 2", bad.display()), "invalid entry")], &["one", "three"]);
}

#[test]
fn unreadable_path() {
    let s = setup();
    let missing = s.input.join("no-such-file.txt");
    check(&s, &[&s.input, &missing], &[(missing.display().to_string(), "cannot read")], &[]);
}
