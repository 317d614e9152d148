//! Bad input: one clear error naming the document and the reason; the rest is still read.

use alaqat_read::ReadOptions;

use crate::{read_all, read_all_with, write};

const GOOD: &str = "وقعت الحكومتان اتفاقية للتعاون في مجال الطاقة المتجددة.";

/// A directory with one good file and the bad one; returns the error messages after checking
/// that the good sibling was read.
fn with_good_sibling(bad_name: &str, bad: &[u8]) -> (String, Vec<String>) {
    with_good_sibling_opts(bad_name, bad, &ReadOptions::default())
}

fn with_good_sibling_opts(bad_name: &str, bad: &[u8], opts: &ReadOptions) -> (String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let bad_path = write(dir.path(), bad_name, bad);
    let (docs, errors) = read_all_with(dir.path(), opts);
    assert!(docs.iter().any(|d| d.text == GOOD), "good sibling lost; errors: {errors:?}");
    (bad_path.display().to_string(), errors)
}

fn assert_one_error(errors: &[String], expected: &str) {
    assert_eq!(errors, [expected.to_owned()]);
}

#[test]
fn empty_file() {
    let (name, errors) = with_good_sibling("empty.txt", b"");
    assert_one_error(&errors, &format!("{name}: empty file"));
}

#[test]
fn whitespace_only_file() {
    let (name, errors) = with_good_sibling("blank.txt", b" \n\t \r\n");
    assert_one_error(&errors, &format!("{name}: no text"));
}

#[test]
fn binary_file() {
    let (name, errors) = with_good_sibling("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    assert_one_error(&errors, &format!("{name}: binary file"));
}

#[test]
fn invalid_utf8() {
    let mut bytes = "تعاون مشترك بين الجانبين".as_bytes().to_vec();
    bytes.insert(10, 0xC3);
    let (name, errors) = with_good_sibling("broken.txt", &bytes);
    assert_one_error(&errors, &format!("{name}: invalid encoding: invalid UTF-8 at byte 10"));
}

#[test]
fn invalid_utf16() {
    // A lone high surrogate.
    let (name, errors) = with_good_sibling("broken16.txt", b"\xFF\xFE\x3D\xD8a\x00");
    assert_one_error(&errors, &format!("{name}: invalid encoding: invalid utf-16le (unpaired surrogate)"));
}

#[test]
fn truncated_html_keeps_the_text_there_is() {
    let html = "<html><head><title>خبر</title></head><body><article><p>بدأت المحادثات صباح اليوم في أجواء ودية</p><p>وتناولت الملفات الإقل";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cut.html", html);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(docs[0].text.starts_with("بدأت المحادثات صباح اليوم في أجواء ودية"), "{}", docs[0].text);
    assert!(docs[0].text.ends_with("الإقل"), "{}", docs[0].text);
}

#[test]
fn html_without_text() {
    let (name, errors) = with_good_sibling(
        "nothing.html",
        b"<html><head><title>t</title><script>var a=1;</script></head><body><img src=x></bo",
    );
    assert_one_error(&errors, &format!("{name}: no text found in HTML"));
}

#[test]
fn file_over_max_bytes() {
    let opts = ReadOptions { max_bytes: 1000, ..ReadOptions::default() };
    let big = "ا".repeat(600);
    let (name, errors) = with_good_sibling_opts("big.txt", big.as_bytes(), &opts);
    assert_one_error(&errors, &format!("{name}: file too large (1200 bytes, limit 1000)"));
}

#[test]
fn document_over_max_chars() {
    let opts = ReadOptions { max_doc_chars: 100, ..ReadOptions::default() };
    let long = "ب".repeat(101);
    let (name, errors) = with_good_sibling_opts("long.txt", long.as_bytes(), &opts);
    assert_one_error(&errors, &format!("{name}: document too long (101 characters, limit 100)"));
}

#[test]
fn malformed_json_lines_among_good_ones() {
    let input = concat!(
        "{\"text\":\"السطر الأول سليم\"}\n",
        "{\"text\":\"السطر الثاني\" \"id\":2}\n",
        "{\"id\":\"x\"}\n",
        "{\"text\":5}\n",
        "[1,2]\n",
        "{\"text\":\"   \"}\n",
        "{\"text\":\"السطر الأخير سليم\"}\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "mixed.jsonl", input);
    let (docs, errors) = read_all(&path);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["السطر الأول سليم", "السطر الأخير سليم"]);
    let p = path.display();
    assert_eq!(
        errors,
        [
            format!("{p}#2: line 2: invalid JSON: expected `,` or `}}` at column 24"),
            format!("{p}#3: line 3: missing \"text\""),
            format!("{p}#4: line 4: \"text\" is not a string"),
            format!("{p}#5: line 5: not a JSON object"),
            format!("{p}#6: line 6: no text"),
        ]
    );
}

#[test]
fn invalid_utf8_json_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bytes.jsonl", b"{\"text\":\"\xFF\"}\n{\"text\":\"ok\"}\n");
    let (docs, errors) = read_all(&path);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        errors,
        [format!(
            "{}#1: line 1: invalid encoding: JSON Lines must be UTF-8 (invalid byte at column 10)",
            path.display()
        )]
    );
}

#[test]
fn overlong_json_line() {
    let opts = ReadOptions { max_bytes: 100, ..ReadOptions::default() };
    let input = format!("{{\"text\":\"{}\"}}\n{{\"text\":\"قصير\"}}\n", "x".repeat(200));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "long.jsonl", input);
    let (docs, errors) = read_all_with(&path, &opts);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors, [format!("{}#1: line 1: line too large (more than 100 bytes)", path.display())]);
}

#[test]
fn feed_with_a_broken_entry() {
    let rss = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>t</title>
<item><title>أول</title><description>الخبر الأول سليم</description></item>
<item><title>ثان</title><description>خبر <b>مكسور</description></item>
<item><title>ثالث</title><link>https://example.org/3</link><description>الخبر الثالث سليم</description></item>
</channel></rss>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.xml", rss);
    let (docs, errors) = read_all(&path);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["الخبر الأول سليم", "الخبر الثالث سليم"]);
    assert_eq!(docs[0].source, format!("{}#1", path.display()));
    assert_eq!(docs[1].source, "https://example.org/3");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let prefix = format!("{}#entry 2: invalid entry: ", path.display());
    assert!(errors[0].starts_with(&prefix), "{errors:?}");
}

#[test]
fn feed_that_is_not_a_feed() {
    let (name, errors) = with_good_sibling("junk.xml", b"<?xml version=\"1.0\"?><notes><note>x</note></notes>");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{name}: invalid feed: ")), "{errors:?}");
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.txt");
    let (docs, errors) = read_all(&path);
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1);
    let prefix = format!("{}: cannot read: ", path.display());
    assert!(errors[0].starts_with(&prefix), "{errors:?}");
    assert!(errors[0].contains("No such file"), "{errors:?}");
}

#[cfg(unix)]
#[test]
fn broken_symlink_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let link = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), &link).unwrap();
    let (docs, errors) = read_all(dir.path());
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let prefix = format!("{}: cannot read directory entry: ", link.display());
    assert!(errors[0].starts_with(&prefix), "{errors:?}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD);
    let file = write(dir.path(), "locked.txt", "سري");
    let sub = dir.path().join("locked_dir");
    write(dir.path(), "locked_dir/inner.txt", "سري");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (docs, errors) = read_all(dir.path());
    // Restore so the temporary directory can be removed.
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(docs.iter().any(|d| d.text == GOOD));
    if docs.len() == 3 {
        // Running with privileges that ignore permissions (root): nothing was unreadable.
        // FIXME: this case is only exercised when the tests run as an ordinary user.
        assert!(errors.is_empty(), "{errors:?}");
        return;
    }
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{}: cannot read directory entry: ", sub.display())), "{errors:?}");
    assert!(errors[1].starts_with(&format!("{}: cannot read: ", file.display())), "{errors:?}");
}

#[test]
fn atom_feed_with_a_broken_entry() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
<entry><id>urn:1</id><title>أ</title><summary>ملخص سليم</summary></entry>
<entry><id>urn:2</id><title>ب</title><summary>ملخص <i>مكسور</summary></entry>
<entry><id>urn:3</id><title>ج</title><link href="https://example.org/3"/><summary>ملخص ثالث</summary></entry>
</feed>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.atom", atom);
    let (docs, errors) = read_all(&path);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["ملخص سليم", "ملخص ثالث"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with(&format!("{}#entry 2: invalid entry: ", path.display())), "{errors:?}");
}

#[test]
fn feed_entry_without_text() {
    let rss = r#"<rss version="2.0"><channel><title>t</title>
<item><title>فارغ</title><description>   </description></item>
<item><title>ممتلئ</title><description>نص الخبر</description></item>
</channel></rss>"#;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty-entry.rss", rss);
    let (docs, errors) = read_all(&path);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors, [format!("{}#entry 1: no text in feed entry", path.display())]);
}
