//! Plain text files, format detection and directory walking.

use alaqat_model::Format;

use crate::{read_all, write};

const ARABIC: &str = "استقبل وزير الخارجية نظيره الزائر في العاصمة،\n  وبحث الجانبان سبل تعزيز التعاون التجاري.  \n";

#[test]
fn text_file_keeps_the_text_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", ARABIC);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    assert_eq!(doc.text, ARABIC);
    assert_eq!(doc.format, Format::Txt);
    assert_eq!(doc.encoding, "utf-8");
    assert_eq!(doc.source, path.display().to_string());
    assert_eq!(doc.id.len(), 32);
    assert!(doc.id.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
}

#[test]
fn same_text_gives_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARABIC);
    write(dir.path(), "b.md", ARABIC);
    let (docs, _) = read_all(dir.path());
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, docs[1].id);
    assert_ne!(docs[0].source, docs[1].source);
}

#[test]
fn directory_is_sorted_recursive_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "النص الثاني");
    write(dir.path(), "a.txt", "النص الأول");
    write(dir.path(), "sub/c.txt", "النص الثالث");
    write(dir.path(), ".hidden.txt", "مخفي");
    write(dir.path(), ".git/d.txt", "مخفي أيضا");
    let (docs, errors) = read_all(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["النص الأول", "النص الثاني", "النص الثالث"]);
}

#[test]
fn unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "1.dat", "<!DOCTYPE html><html><body><p>فقرة في صفحة.</p></body></html>");
    write(dir.path(), "2.dat", "{\"text\":\"سطر أول\"}\n{\"text\":\"سطر ثان\"}\n");
    write(
        dir.path(),
        "3.dat",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><description>خبر قصير</description></item></channel></rss>",
    );
    write(dir.path(), "4.dat", "نص بلا امتداد معروف");
    let (docs, errors) = read_all(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    let formats: Vec<Format> = docs.iter().map(|d| d.format).collect();
    assert_eq!(formats, [Format::Html, Format::Jsonl, Format::Jsonl, Format::Feed, Format::Txt]);
    assert_eq!(docs[4].text, "نص بلا امتداد معروف");
}

#[test]
fn large_single_line_text_file_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB on one line, no newline: must be read in linear time as one document.
    let unit = "تعاون اقتصادي ";
    let text = unit.repeat(50_000_000 / unit.len());
    let path = write(dir.path(), "big.txt", &text);
    let opts = alaqat_read::ReadOptions { max_doc_chars: 100_000_000, ..Default::default() };
    let start = std::time::Instant::now();
    let (docs, errors) = crate::read_all_with(&path, &opts);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text.len(), text.len());
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}
