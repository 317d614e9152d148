//! Bytes to text: byte order marks, UTF-8, UTF-16, and detected legacy encodings.

use encoding_rs::Encoding;

use crate::error::DecodeError;

/// How many leading bytes are inspected for NUL and control characters.
const SNIFF_LEN: usize = 8 * 1024;

/// Legacy encodings we accept from detection: the single-byte families used for Arabic and
/// European-language news. East Asian multi-byte encodings are left out because chardetng's
/// guesses for them on short or corrupt Arabic input are not trustworthy here.
const ACCEPTED_LEGACY: &[&str] = &[
    "windows-1256",
    "ISO-8859-6",
    "windows-1252",
    "windows-1250",
    "windows-1251",
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1257",
    "windows-1258",
    "ISO-8859-2",
    "ISO-8859-4",
    "ISO-8859-5",
    "ISO-8859-7",
    "ISO-8859-8",
    "ISO-8859-13",
    "ISO-8859-15",
    "KOI8-R",
    "KOI8-U",
    "IBM866",
];

/// Decodes bytes to text and names the encoding that was used.
///
/// - UTF-8 with a byte order mark → the BOM is removed, encoding `utf-8-bom`.
/// - UTF-16 LE / BE with a BOM → `utf-16le` / `utf-16be`.
/// - Valid UTF-8 → returned unchanged, `utf-8`.
/// - Otherwise, when the bytes are not mostly valid UTF-8 with a few broken sequences, the
///   encoding is detected with chardetng; only confident guesses among the single-byte legacy
///   encodings (Windows-1256, ISO-8859-6, Windows-125x, ISO-8859-x, KOI8) are accepted, and the
///   lowercase WHATWG name is returned (`windows-1256`).
///
/// # Errors
///
/// [`DecodeError::Binary`] for a NUL character anywhere, or more than 10% control characters
/// in the first 8 KiB; [`DecodeError::InvalidEncoding`] for broken UTF-8 / UTF-16 or
/// bytes that are no plausible legacy encoding.
///
/// ```
/// let (text, encoding) = alaqat_read::decode("\u{feff}سلام".as_bytes()).unwrap();
/// assert_eq!((text.as_str(), encoding), ("سلام", "utf-8-bom"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    decode_with_hint(bytes, None)
}

/// Like [`decode`], but a charset declared by the document itself (HTML `<meta charset>`, the
/// XML declaration) is preferred over detection when the bytes are not UTF-8.
pub(crate) fn decode_with_hint(bytes: &[u8], declared: Option<&str>) -> Result<(String, &'static str), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        check_binary_bytes(rest)?;
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_owned(), "utf-8-bom")),
            Err(error) => Err(DecodeError::InvalidEncoding {
                reason: format!("invalid UTF-8 at byte {} after a UTF-8 byte order mark", error.valid_up_to() + 3),
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, encoding_rs::UTF_16LE, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, encoding_rs::UTF_16BE, "utf-16be");
    }
    check_binary_bytes(bytes)?;
    let first_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_owned(), "utf-8")),
        Err(error) => error.valid_up_to(),
    };
    if looks_like_broken_utf8(bytes) {
        return Err(DecodeError::InvalidEncoding { reason: format!("invalid UTF-8 at byte {first_error}") });
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes())) {
        if ACCEPTED_LEGACY.contains(&encoding.name()) {
            if let Some(text) = decode_legacy(bytes, encoding) {
                return Ok((text, lower_name(encoding)));
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (encoding, confident) = detector.guess_assess(None, false);
    if !confident || !ACCEPTED_LEGACY.contains(&encoding.name()) {
        return Err(DecodeError::InvalidEncoding {
            reason: format!("invalid UTF-8 at byte {first_error} and no confident legacy encoding detected"),
        });
    }
    match decode_legacy(bytes, encoding) {
        Some(text) => Ok((text, lower_name(encoding))),
        None => Err(DecodeError::InvalidEncoding {
            reason: format!("invalid UTF-8 at byte {first_error}, and not valid {}", lower_name(encoding)),
        }),
    }
}

fn decode_utf16(
    rest: &[u8],
    encoding: &'static Encoding,
    name: &'static str,
) -> Result<(String, &'static str), DecodeError> {
    if rest.len() % 2 != 0 {
        return Err(DecodeError::InvalidEncoding { reason: format!("{name} with an odd number of bytes") });
    }
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(rest) else {
        return Err(DecodeError::InvalidEncoding { reason: format!("invalid {name} (unpaired surrogate)") });
    };
    let text = text.into_owned();
    check_binary_chars(&text)?;
    Ok((text, name))
}

/// Decodes with a single-byte legacy encoding, refusing results with unmapped bytes or control
/// characters that real text does not contain.
fn decode_legacy(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    let implausible = text
        .chars()
        .any(|c| ('\u{80}'..='\u{9F}').contains(&c) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')));
    (!implausible).then(|| text.into_owned())
}

/// True when the bytes hold more well-formed multi-byte UTF-8 characters than broken sequences:
/// UTF-8 text with some corruption, which a legacy decoding would turn into mojibake.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > invalid
}

fn check_binary_bytes(bytes: &[u8]) -> Result<(), DecodeError> {
    // A NUL anywhere, not only in the sniffed head: no text has one, and stores and exports
    // downstream (PostgreSQL text, C strings) cannot hold it. `contains` is a memchr.
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    if too_many_controls(controls, head.len()) {
        return Err(DecodeError::Binary);
    }
    Ok(())
}

fn check_binary_chars(text: &str) -> Result<(), DecodeError> {
    // As in `check_binary_bytes`: a NUL anywhere.
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    if too_many_controls(controls, total) {
        return Err(DecodeError::Binary);
    }
    Ok(())
}

/// More than 10% control characters (and at least a few) is not text.
fn too_many_controls(controls: usize, total: usize) -> bool {
    controls >= 4 && controls * 10 > total
}

/// The WHATWG name in lower case, as a static string (`windows-1256`, `iso-8859-6`).
fn lower_name(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "ISO-8859-2" => "iso-8859-2",
        "ISO-8859-4" => "iso-8859-4",
        "ISO-8859-5" => "iso-8859-5",
        "ISO-8859-6" => "iso-8859-6",
        "ISO-8859-7" => "iso-8859-7",
        "ISO-8859-8" => "iso-8859-8",
        "ISO-8859-13" => "iso-8859-13",
        "ISO-8859-15" => "iso-8859-15",
        "KOI8-R" => "koi8-r",
        "KOI8-U" => "koi8-u",
        "IBM866" => "ibm866",
        // The remaining accepted names (windows-125x) are already lower case.
        name => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        assert_eq!(decode(b"abc").unwrap(), ("abc".to_owned(), "utf-8"));
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), ("abc".to_owned(), "utf-8-bom"));
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary));
    }

    #[test]
    fn nul_past_the_sniffed_head_is_binary() {
        let mut bytes = "نص ".repeat(10_000).into_bytes();
        bytes.push(0);
        assert_eq!(decode(&bytes), Err(DecodeError::Binary));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("نص ".repeat(10_000).encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16), Err(DecodeError::Binary));
    }

    #[test]
    fn controls_are_binary() {
        assert_eq!(decode(b"\x01\x02\x03\x04\x05abc"), Err(DecodeError::Binary));
    }

    #[test]
    fn odd_utf16_is_invalid() {
        let error = decode(b"\xFF\xFEa\0b").unwrap_err();
        assert!(error.to_string().contains("odd number of bytes"), "{error}");
    }

    #[test]
    fn broken_utf8_arabic_is_not_guessed_as_legacy() {
        let mut bytes = "وصل الوفد إلى العاصمة صباح اليوم".as_bytes().to_vec();
        bytes.insert(6, 0xFF);
        let error = decode(&bytes).unwrap_err();
        assert!(error.to_string().starts_with("invalid encoding: invalid UTF-8 at byte 6"), "{error}");
    }
}
