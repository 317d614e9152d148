//! Hostile input: every case is generated here (no big files committed), runs in a child thread
//! with a deadline (a hang fails the test instead of stalling CI), and must end in documents
//! and/or one named error per bad input, never a panic. Memory is bounded in the CLI's
//! `tests/it/hostile.rs`, which runs the heavy cases in the `alaqat` binary under `ulimit -v`.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use alaqat_read::{decode, read_bytes, read_jsonl, Document, Format, Item, ReadOptions};

/// The deadline of one case (debug build, two shared cores: generous, but a hang still fails).
const DEADLINE: Duration = Duration::from_secs(60);

const GOOD: &str = "وقعت الحكومتان اتفاقية للتعاون في مجال الطاقة المتجددة.";

/// Runs `case` in a thread with the default 2 MiB stack (the stack of `alaqat extract`'s
/// workers) and fails the test when it has not finished within `deadline`.
fn within<T: Send + 'static>(name: &str, deadline: Duration, case: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(case());
        })
        .unwrap();
    match rx.recv_timeout(deadline) {
        Ok(value) => {
            eprintln!("hostile case {name}: {:.2?}", started.elapsed());
            value
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("hostile case {name} still running after {deadline:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("hostile case {name} panicked"),
    }
}

/// Everything `read_bytes` reports: documents and error messages.
fn read(bytes: &[u8], name: &str, format: Option<Format>) -> (Vec<Document>, Vec<String>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    read_bytes(bytes, name, format, &ReadOptions::default(), &mut |item| match item {
        Item::Doc(doc) => docs.push(doc),
        Item::Failed(error) => errors.push(error.to_string()),
    });
    (docs, errors)
}

/// An RSS feed whose DTD defines ten levels of entities, each ten times the one before: fully
/// expanded, `&lol9;` is 10⁹ `lol`s (3 GB).
fn billion_laughs(entity_in: &str) -> String {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 { "lol".to_owned() } else { format!("lol{}", level - 1) };
        dtd.push_str(&format!("<!ENTITY lol{level} \"{}\">\n", format!("&{previous};").repeat(10)));
    }
    dtd.push_str("]>\n");
    let bad = match entity_in {
        "title" => "<item><title>&lol9;</title><description>نص الخبر</description></item>".to_owned(),
        _ => "<item><title>t</title><description>&lol9;</description></item>".to_owned(),
    };
    format!(
        "<?xml version=\"1.0\"?>\n{dtd}<rss version=\"2.0\"><channel><title>t</title>\n{bad}\n\
         <item><title>good</title><link>https://example.org/good</link><description>{GOOD}</description></item>\n\
         </channel></rss>"
    )
}

#[test]
fn billion_laughs_in_a_feed_is_not_expanded() {
    for place in ["description", "title"] {
        let feed = billion_laughs(place);
        let (docs, errors) = within("billion laughs", DEADLINE, move || read(feed.as_bytes(), "lol.xml", None));
        assert!(docs.iter().any(|d| d.text == GOOD), "the good entry is lost; errors: {errors:?}");
        for doc in &docs {
            assert!(doc.text.len() < 10_000, "an entity was expanded: {} bytes", doc.text.len());
            // feed-rs leaves an entity it does not know as written.
            assert!(doc.text == GOOD || doc.text.contains("&lol9;") || doc.text == "نص الخبر", "{:?}", doc.text);
            assert!(doc.title.as_deref().is_none_or(|t| t.len() < 10_000), "an entity was expanded in a title");
        }
        // The entry that uses the entity fails with a reason naming it, or is kept unexpanded.
        assert!(docs.len() + errors.len() >= 2, "{docs:?} {errors:?}");
        for error in &errors {
            assert!(error.starts_with("lol.xml"), "{error}");
        }
    }
}

/// `<div>` nested `depth` levels deep around one paragraph.
fn deep_html(open: &str, close: &str, depth: usize) -> String {
    let mut html = String::with_capacity(depth * (open.len() + close.len()) + 200);
    html.push_str("<!doctype html><html><head><title>deep</title></head><body>");
    for _ in 0..depth {
        html.push_str(open);
    }
    html.push_str("<p>");
    html.push_str(GOOD);
    html.push_str("</p>");
    for _ in 0..depth {
        html.push_str(close);
    }
    html.push_str("</body></html>");
    html
}

#[test]
fn html_nested_100_000_levels_deep() {
    for (open, close) in [("<div>", "</div>"), ("<div>", ""), ("<span>", "</span>"), ("<b><i>", "</i></b>")] {
        let html = deep_html(open, close, 100_000);
        let name = format!("deep {open}{close}");
        let (docs, errors) = within(&name, DEADLINE, move || read(html.as_bytes(), "deep.html", Some(Format::Html)));
        assert_eq!(docs.len() + errors.len(), 1, "{name}: {errors:?}");
        match docs.first() {
            Some(doc) => assert!(doc.text.contains(GOOD), "{name}: {:?}", doc.text),
            None => assert!(errors[0].starts_with("deep.html: html nested too deeply"), "{name}: {errors:?}"),
        }
    }
}

#[test]
fn feed_with_xml_nested_deeply() {
    // feed-rs (quick-xml) refuses more than 65,535 levels; below that it must not overflow.
    for depth in [60_000, 100_000] {
        let feed = format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>deep</title><description>{GOOD}</description>\
             {}{}</item><item><title>good</title><description>{GOOD}</description></item></channel></rss>",
            "<x>".repeat(depth),
            "</x>".repeat(depth)
        );
        let (docs, errors) = within("deep XML", DEADLINE, move || read(feed.as_bytes(), "deep.xml", None));
        assert!(docs.iter().any(|d| d.title.as_deref() == Some("good")), "{depth}: {errors:?}");
        assert_eq!(docs.len() + errors.len(), 2, "{depth}: {errors:?}");
        for error in &errors {
            assert!(error.starts_with("deep.xml#entry 1: invalid entry: unable to parse XML"), "{error}");
        }
    }
}

#[test]
fn feed_entry_with_html_nested_100_000_levels_deep() {
    let content = format!("{}<p>{GOOD}</p>", "<div>".repeat(100_000));
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>t</title>\
         <item><title>deep</title><description><![CDATA[{content}]]></description></item>\
         <item><title>good</title><description>{GOOD}</description></item></channel></rss>"
    );
    let (docs, errors) = within("deep feed entry", DEADLINE, move || read(feed.as_bytes(), "deep.xml", None));
    assert!(docs.iter().any(|d| d.text == GOOD), "{errors:?}");
    assert_eq!(docs.len() + errors.len(), 2, "{errors:?}");
    for error in &errors {
        assert!(error.starts_with("deep.xml#entry 1: html nested too deeply"), "{error}");
    }
}

/// 50 MB of Arabic words on one line, without a single newline.
fn fifty_mb_line() -> String {
    let word = "تعاون ";
    word.repeat(50_000_000 / word.len())
}

#[test]
fn a_50_mb_single_line() {
    let limit = ReadOptions::default().max_doc_chars;
    let (docs, errors) = within("50 MB text line", DEADLINE, || read(fifty_mb_line().as_bytes(), "line.txt", None));
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("line.txt: document too long ("), "{errors:?}");
    assert!(errors[0].ends_with(&format!("characters, limit {limit})")), "{errors:?}");

    // The same line as JSON Lines between two good lines: the long one fails, the others stay.
    let (docs, errors) = within("50 MB JSON line", DEADLINE, || {
        let jsonl = format!(
            "{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n",
            fifty_mb_line()
        );
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        read_jsonl(jsonl.as_bytes(), "big.jsonl", &ReadOptions::default(), &mut |item| match item {
            Item::Doc(doc) => docs.push(doc.source),
            Item::Failed(error) => errors.push(error.to_string()),
        });
        (docs, errors)
    });
    assert_eq!(docs, ["a", "b"]);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("big.jsonl#2: line 2: document too long"), "{errors:?}");

    // Over the line limit: refused while reading, without holding the line.
    let (docs, errors) = within("JSON line over max_bytes", DEADLINE, || {
        let jsonl = format!("{{\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n", fifty_mb_line());
        let opts = ReadOptions { max_bytes: 1024 * 1024, ..ReadOptions::default() };
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        read_jsonl(jsonl.as_bytes(), "big.jsonl", &opts, &mut |item| match item {
            Item::Doc(doc) => docs.push(doc.source),
            Item::Failed(error) => errors.push(error.to_string()),
        });
        (docs, errors)
    });
    assert_eq!(docs, ["b"]);
    assert_eq!(errors, ["big.jsonl#1: line 1: line too large (more than 1048576 bytes)"]);

    // And as one HTML paragraph: Readability on 50 MB of markup, then the length limit.
    let (docs, errors) = within("50 MB HTML line", DEADLINE, || {
        let html = format!("<html><body><p>{}</p></body></html>", fifty_mb_line());
        read(html.as_bytes(), "line.html", None)
    });
    assert!(docs.is_empty());
    assert!(errors.len() == 1 && errors[0].starts_with("line.html: document too long"), "{errors:?}");
}

#[test]
fn nul_bytes() {
    // At the start, and far past the first 8 KiB that binary sniffing looks at.
    for at in [0, 5, 100_000] {
        let mut bytes = GOOD.repeat(1 + at / GOOD.len() + 1).into_bytes();
        let at = (0..=at).rev().find(|&i| GOOD.is_char_boundary(i % GOOD.len())).unwrap_or(0);
        bytes.insert(at, 0);
        let (docs, errors) = within("NUL in text", DEADLINE, move || read(&bytes, "nul.txt", None));
        assert!(docs.is_empty(), "a text with a NUL byte at {at} became a document");
        assert_eq!(errors, ["nul.txt: binary file"], "NUL at {at}");
    }
    // In JSON Lines: a raw NUL is invalid JSON, an escaped one is refused by name; the good
    // lines around them are read.
    let jsonl = format!(
        "{{\"id\":\"a\",\"text\":\"{GOOD}\"}}\n{{\"id\":\"raw\",\"text\":\"x\0y\"}}\n\
         {{\"id\":\"escaped\",\"text\":\"وفد\\u0000رسمي\"}}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n"
    );
    let (docs, errors) = within("NUL in JSON Lines", DEADLINE, move || read(jsonl.as_bytes(), "nul.jsonl", None));
    let sources: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(sources, ["a", "b"], "{errors:?}");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("nul.jsonl#2: line 2: invalid JSON: control character"), "{errors:?}");
    assert_eq!(errors[1], "nul.jsonl#3: line 3: NUL character in the text at byte 6");
    // In HTML and feeds, a NUL byte is binary too; an escaped one (`&#0;`) is U+FFFD in HTML.
    let (docs, errors) = read(format!("<html><body><p>{GOOD}\0</p></body></html>").as_bytes(), "nul.html", None);
    assert!(docs.is_empty() && errors == ["nul.html: binary file"], "{docs:?} {errors:?}");
    let (docs, errors) = read(format!("<html><body><p>{GOOD}&#0;</p></body></html>").as_bytes(), "nul.html", None);
    assert!(errors.is_empty() && docs.len() == 1 && !docs[0].text.contains('\0'), "{errors:?}");
}

/// UTF-16 code units as bytes with a byte order mark.
fn utf16(units: &[u16], big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in units {
        bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

#[test]
fn broken_surrogates_in_utf16() {
    let good: Vec<u16> = GOOD.encode_utf16().collect();
    for big_endian in [false, true] {
        let name = if big_endian { "utf-16be" } else { "utf-16le" };
        let cases: [(&str, Vec<u16>); 4] = [
            ("lone high at the end", [good.as_slice(), &[0xD83D]].concat()),
            ("lone low in the middle", [&good[..5], &[0xDC00], &good[5..]].concat()),
            ("high then high", [&[0xD83D, 0xD83D, 0xDE00], good.as_slice()].concat()),
            ("reversed pair", [&[0xDE00, 0xD83D], good.as_slice()].concat()),
        ];
        for (case, units) in cases {
            let bytes = utf16(&units, big_endian);
            assert_eq!(
                decode(&bytes).unwrap_err().to_string(),
                format!("invalid encoding: invalid {name} (unpaired surrogate)"),
                "{case}"
            );
            for (file, format) in [("s.txt", Format::Txt), ("s.html", Format::Html), ("s.jsonl", Format::Jsonl)] {
                let (docs, errors) = read(&bytes, file, Some(format));
                assert!(docs.is_empty(), "{case} in {file}");
                assert_eq!(errors, [format!("{file}: invalid encoding: invalid {name} (unpaired surrogate)")]);
            }
        }
        // A valid pair (an emoji) is fine.
        let bytes = utf16(&[&[0xD83D, 0xDE00, 0x20], good.as_slice()].concat(), big_endian);
        let (docs, errors) = read(&bytes, "ok.txt", None);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs[0].text, format!("\u{1F600} {GOOD}"));
    }
    // Escaped lone surrogates in JSON are refused by serde_json, by name.
    let jsonl = format!("{{\"text\":\"\\ud83d{GOOD}\"}}\n{{\"id\":\"b\",\"text\":\"{GOOD}\"}}\n");
    let (docs, errors) = read(jsonl.as_bytes(), "s.jsonl", None);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1);
    // serde_json names it "unexpected end of hex escape" (the pair is cut short).
    assert!(errors[0].starts_with("s.jsonl#1: line 1: invalid JSON: unexpected end of hex escape"), "{errors:?}");
}

#[test]
fn bidi_controls_and_zero_width_characters_are_kept_in_the_text() {
    // Reading never rewrites the text: the controls stay, so offsets stay exact.
    let text = "استقبل الرئيس تو\u{200F}كا\u{200B}ييف \u{2067}الوفد\u{2069} في أستانا.";
    let (docs, errors) = read(text.as_bytes(), "bidi.txt", None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text, text);
}

/// A reader that generates `count` tiny JSON lines on the fly (no 60 MB buffer in the test).
struct TinyDocs {
    next: u64,
    count: u64,
    line: Vec<u8>,
    pos: usize,
}

impl std::io::Read for TinyDocs {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.line.len() {
            if self.next == self.count {
                return Ok(0);
            }
            self.line.clear();
            self.line.extend_from_slice(
                format!("{{\"id\":\"d{}\",\"text\":\"خبر رقم {}\"}}\n", self.next, self.next).as_bytes(),
            );
            self.next += 1;
            self.pos = 0;
        }
        let n = buf.len().min(self.line.len() - self.pos);
        buf[..n].copy_from_slice(&self.line[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn a_million_tiny_documents_in_one_json_lines_stream() {
    let count = 1_000_000;
    let (docs, errors) = within("1,000,000 tiny JSON lines", Duration::from_secs(120), move || {
        let reader =
            std::io::BufReader::with_capacity(64 * 1024, TinyDocs { next: 0, count, line: Vec::new(), pos: 0 });
        let (mut docs, mut errors) = (0u64, 0u64);
        let mut last = String::new();
        read_jsonl(reader, "tiny.jsonl", &ReadOptions::default(), &mut |item| match item {
            Item::Doc(doc) => {
                docs += 1;
                last = doc.source;
            }
            Item::Failed(_) => errors += 1,
        });
        (docs, (errors, last))
    });
    assert_eq!(docs, count);
    assert_eq!(errors, (0, format!("d{}", count - 1)));
}
