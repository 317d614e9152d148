//! JSON Lines: fields, sources, dates and stdin-style readers.

use alaqat_model::{Format, Lang, Precision};
use alaqat_read::{read_jsonl, Item, ReadOptions};

use crate::{read_all, write};

#[test]
fn fields_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let input = concat!(
        "{\"id\":\"doc-7\",\"url\":\"https://example.org/a\",\"title\":\"لقاء\",\"lang\":\"ar\",\"text\":\"  التقى الوفدان.\\n\"}\n",
        "\n",
        "{\"url\":\"https://example.org/b\",\"text\":\"Talks went well.\",\"lang\":\"en-GB\"}\n",
        "{\"text\":\"نص بلا معرف\",\"lang\":\"klingon\"}\r\n",
    );
    let path = write(dir.path(), "news.jsonl", input);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].source, "doc-7");
    assert_eq!(docs[0].url.as_deref(), Some("https://example.org/a"));
    assert_eq!(docs[0].title.as_deref(), Some("لقاء"));
    assert_eq!(docs[0].lang, Lang::Ar);
    // The text is kept exactly, spaces and line break included.
    assert_eq!(docs[0].text, "  التقى الوفدان.\n");
    assert_eq!(docs[0].format, Format::Jsonl);
    assert_eq!(docs[1].source, "https://example.org/b");
    assert_eq!(docs[1].lang, Lang::En);
    // Line 4 of the file (the empty line counts).
    assert_eq!(docs[2].source, format!("{}#4", path.display()));
    assert_eq!(docs[2].lang, Lang::Unknown);
}

#[test]
fn published_precision() {
    let input = concat!(
        "{\"text\":\"أ\",\"published\":\"2024-09-05T22:30:00-04:00\"}\n",
        "{\"text\":\"ب\",\"published\":\"2024-09\"}\n",
        "{\"text\":\"ج\",\"published\":\"2024\"}\n",
        "{\"text\":\"د\",\"published\":2023}\n",
        "{\"text\":\"هـ\",\"published\":\"قبل يومين\"}\n",
    );
    let mut docs = Vec::new();
    read_jsonl(input.as_bytes(), "stdin", &ReadOptions::default(), &mut |item| {
        if let Item::Doc(doc) = item {
            docs.push(doc);
        }
    });
    let got: Vec<Option<(String, Precision)>> =
        docs.iter().map(|d| d.published.map(|p| (p.value_string(), p.precision))).collect();
    assert_eq!(
        got,
        [
            Some(("2024-09-05".to_owned(), Precision::Day)),
            Some(("2024-09".to_owned(), Precision::Month)),
            Some(("2024".to_owned(), Precision::Year)),
            Some(("2023".to_owned(), Precision::Year)),
            // Unparsable: kept, without a date and without an error.
            None,
        ]
    );
}

#[test]
fn utf8_bom_on_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.ndjson", "\u{feff}{\"text\":\"نص\"}\n");
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text, "نص");
    assert_eq!(docs[0].encoding, "utf-8-bom");
}

#[test]
fn utf16_json_lines_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "{\"text\":\"مرحبا\"}\n{\"text\":\"أهلا\"}\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(dir.path(), "wide.jsonl", bytes);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["مرحبا", "أهلا"]);
    assert_eq!(docs[0].encoding, "utf-16le");
}
