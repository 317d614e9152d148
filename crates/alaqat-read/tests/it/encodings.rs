//! Encodings: UTF-8 with BOM, UTF-16 LE/BE with BOM, Windows-1256.

use crate::{read_all, write};

const ARABIC: &str = "أعلنت الحكومة عن اتفاق جديد لتطوير الموانئ وتوسيع خطوط الشحن بين البلدين خلال العام المقبل.";

#[test]
fn utf8_bom_is_stripped_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.txt", [&b"\xEF\xBB\xBF"[..], ARABIC.as_bytes()].concat());
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text, ARABIC);
    assert_eq!(docs[0].encoding, "utf-8-bom");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        let pair = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn utf16_le_and_be_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "le.txt", utf16(ARABIC, false));
    write(dir.path(), "be.txt", utf16(ARABIC, true));
    let (docs, errors) = read_all(dir.path());
    assert!(errors.is_empty(), "{errors:?}");
    // Sorted by path: be.txt, le.txt.
    assert_eq!(docs[0].encoding, "utf-16be");
    assert_eq!(docs[1].encoding, "utf-16le");
    assert!(docs.iter().all(|d| d.text == ARABIC));
}

#[test]
fn windows_1256_arabic_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        format!("{ARABIC}\nوأكد الوزير أن المحادثات كانت مثمرة وأن الزيارة المقبلة ستشهد توقيع عدة مذكرات تفاهم.\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!unmappable);
    let path = write(dir.path(), "legacy.txt", &*bytes);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].encoding, "windows-1256");
    assert_eq!(docs[0].text, text);
}

#[test]
fn windows_1256_html_uses_the_declared_charset() {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<html><head><meta charset=\"windows-1256\"><title>عنوان</title></head><body><article><p>{ARABIC}</p></article></body></html>"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
    let path = write(dir.path(), "legacy.html", &*bytes);
    let (docs, errors) = read_all(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].encoding, "windows-1256");
    assert_eq!(docs[0].text, ARABIC);
    assert_eq!(docs[0].title.as_deref(), Some("عنوان"));
}
