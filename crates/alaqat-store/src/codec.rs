//! Conversions between model values and column values. Writing checks ranges and reports
//! [`Error::OutOfRange`]; reading never trusts the disk and reports [`Error::Corrupt`].

use alaqat_model::{Date, EntityKind, Format, Lang, Modality, Precision, Span, TimeSpan};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// A byte offset as a column value.
pub(crate) fn offset(doc_id: &str, what: &'static str, value: usize) -> Result<i64> {
    i64::try_from(value).map_err(|_| Error::OutOfRange { doc_id: doc_id.to_owned(), what })
}

/// A span as two column values.
pub(crate) fn span(doc_id: &str, what: &'static str, span: Span) -> Result<(i64, i64)> {
    Ok((offset(doc_id, what, span.start)?, offset(doc_id, what, span.end)?))
}

/// A span read back from two columns.
pub(crate) fn read_span(doc_id: &str, what: &str, start: i64, end: i64) -> Result<Span> {
    let convert = |value: i64| {
        usize::try_from(value)
            .map_err(|_| Error::corrupt(format!("document {doc_id}: {what} has negative offset {value}")))
    };
    Ok(Span::new(convert(start)?, convert(end)?))
}

/// The four columns of an optional [`TimeSpan`]: start, end, precision, inferred.
pub(crate) type TimeSpanColumns = (Option<String>, Option<String>, Option<&'static str>, Option<bool>);

/// An optional time span as its four columns (all NULL for `None`).
pub(crate) fn time_span(value: Option<&TimeSpan>) -> TimeSpanColumns {
    match value {
        Some(t) => (Some(t.start.to_string()), Some(t.end.to_string()), Some(t.precision.name()), Some(t.inferred)),
        None => (None, None, None, None),
    }
}

/// An optional time span read back from its four columns.
pub(crate) fn read_time_span(
    doc_id: &str,
    what: &str,
    start: Option<String>,
    end: Option<String>,
    precision: Option<String>,
    inferred: Option<bool>,
) -> Result<Option<TimeSpan>> {
    match (start, end, precision, inferred) {
        (None, None, None, None) => Ok(None),
        (Some(start), Some(end), Some(precision), Some(inferred)) => Ok(Some(TimeSpan {
            start: read_date(doc_id, what, &start)?,
            end: read_date(doc_id, what, &end)?,
            precision: read_precision(doc_id, what, &precision)?,
            inferred,
        })),
        _ => Err(Error::corrupt(format!("document {doc_id}: {what} is partly NULL"))),
    }
}

/// A date column.
pub(crate) fn read_date(doc_id: &str, what: &str, value: &str) -> Result<Date> {
    value.parse::<Date>().map_err(|_| Error::corrupt(format!("document {doc_id}: {what} {value:?} is not a date")))
}

/// A precision column.
pub(crate) fn read_precision(doc_id: &str, what: &str, value: &str) -> Result<Precision> {
    const ALL: [Precision; 7] = [
        Precision::Day,
        Precision::Week,
        Precision::Month,
        Precision::Quarter,
        Precision::Half,
        Precision::Year,
        Precision::Decade,
    ];
    ALL.into_iter().find(|p| p.name() == value).ok_or_else(|| unknown(doc_id, what, value))
}

/// A language column.
pub(crate) fn read_lang(doc_id: &str, value: &str) -> Result<Lang> {
    const ALL: [Lang; 4] = [Lang::Ar, Lang::En, Lang::Mixed, Lang::Unknown];
    ALL.into_iter().find(|l| l.code() == value).ok_or_else(|| unknown(doc_id, "lang", value))
}

/// A format column.
pub(crate) fn read_format(doc_id: &str, value: &str) -> Result<Format> {
    const ALL: [Format; 4] = [Format::Txt, Format::Html, Format::Jsonl, Format::Feed];
    ALL.into_iter().find(|f| f.name() == value).ok_or_else(|| unknown(doc_id, "format", value))
}

/// A modality column.
pub(crate) fn read_modality(doc_id: &str, value: &str) -> Result<Modality> {
    const ALL: [Modality; 5] =
        [Modality::Asserted, Modality::Negated, Modality::Proposed, Modality::Expected, Modality::Background];
    ALL.into_iter().find(|m| m.name() == value).ok_or_else(|| unknown(doc_id, "modality", value))
}

/// An entity kind column.
pub(crate) fn read_entity_kind(entity_id: &str, value: &str) -> Result<EntityKind> {
    const ALL: [EntityKind; 4] = [EntityKind::Person, EntityKind::Country, EntityKind::Organization, EntityKind::Place];
    ALL.into_iter()
        .find(|k| k.name() == value)
        .ok_or_else(|| Error::corrupt(format!("entity {entity_id}: unknown kind {value:?}")))
}

/// An actor's country column: empty when the text did not give one (the column predates
/// actors without a country and stays NOT NULL).
pub(crate) fn actor_country(actor: &alaqat_model::Actor) -> &str {
    actor.country.as_deref().unwrap_or("")
}

/// An actor's country read back: empty is unknown.
pub(crate) fn read_country(value: String) -> Option<String> {
    Some(value).filter(|v| !v.is_empty())
}

/// A value as a JSON column.
pub(crate) fn json<T: Serialize + ?Sized>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|source| Error::Json { what, source })
}

/// A JSON column read back.
pub(crate) fn read_json<T: DeserializeOwned>(owner: &str, what: &str, value: &str) -> Result<T> {
    serde_json::from_str(value).map_err(|error| Error::corrupt(format!("{owner}: {what} is not valid JSON: {error}")))
}

/// A small non-negative integer column.
pub(crate) fn read_u8(doc_id: &str, what: &str, value: i64) -> Result<u8> {
    u8::try_from(value).map_err(|_| Error::corrupt(format!("document {doc_id}: {what} {value} is out of range")))
}

/// A float column; SQLite stores NaN as NULL, so NULL reads back as NaN.
pub(crate) fn read_f32(value: Option<f64>) -> f32 {
    // The value was written from an f32, so narrowing it back is exact.
    #[allow(clippy::cast_possible_truncation)] // Exact: see above.
    value.map_or(f32::NAN, |v| v as f32)
}

fn unknown(doc_id: &str, what: &str, value: &str) -> Error {
    Error::corrupt(format!("document {doc_id}: unknown {what} {value:?}"))
}

/// The zstd level of what the embedded store compresses: the library's default, fast and
/// within a few percent of the higher levels on news text.
const ZSTD_LEVEL: i32 = 3;

/// Text as the embedded store compresses it (a document's text, its details): one zstd frame.
pub(crate) fn compress(doc_id: &str, text: &str) -> Result<Vec<u8>> {
    thread_local! {
        // One context per writing thread: making one per call cost as much as compressing.
        static COMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
            const { std::cell::RefCell::new(None) };
    }
    let error = |source| Error::Compress { doc_id: doc_id.to_owned(), source };
    COMPRESSOR.with_borrow_mut(|compressor| {
        let compressor = match compressor {
            Some(compressor) => compressor,
            None => compressor.insert(zstd::bulk::Compressor::new(ZSTD_LEVEL).map_err(error)?),
        };
        compressor.compress(text.as_bytes()).map_err(error)
    })
}

/// The largest frame [`decompress`] sizes its output from the frame's own header; a larger
/// claim (only a damaged frame makes one) is decoded as a stream, allocating as it goes.
const SIZED_FRAME_MAX: usize = 256 << 20;

/// A frame of [`compress`] read back into the document's `what`.
pub(crate) fn decompress(doc_id: &str, what: &str, packed: &[u8]) -> Result<String> {
    thread_local! {
        // One context per reading thread: making one per call was 4.5% of a dyad's timeline.
        static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            const { std::cell::RefCell::new(None) };
    }
    let corrupt = |why: String| Error::corrupt(format!("document {doc_id}: {what} {why}"));
    // Our frames record their size (one-shot compression does), so the output is allocated once.
    let bytes = match zstd::bulk::Decompressor::upper_bound(packed) {
        Some(size) if size <= SIZED_FRAME_MAX => DECOMPRESSOR.with_borrow_mut(|decompressor| {
            let decompressor = match decompressor {
                Some(decompressor) => decompressor,
                None => decompressor.insert(zstd::bulk::Decompressor::new()?),
            };
            decompressor.decompress(packed, size)
        }),
        _ => zstd::stream::decode_all(packed),
    };
    let bytes = bytes.map_err(|e| corrupt(format!("cannot be decompressed: {e}")))?;
    String::from_utf8(bytes).map_err(|_| corrupt("is not valid UTF-8".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_come_back_whatever_wrote_them_and_damage_is_named() {
        let text = "زار وزير الخارجية السعودي أستانا. ".repeat(200);
        let packed = compress("d1", &text).unwrap();
        assert!(zstd::bulk::Decompressor::upper_bound(&packed).is_some(), "our frames record their size");
        assert_eq!(decompress("d1", "text", &packed).unwrap(), text);
        // Twice on one thread: the kept context is reset between frames.
        assert_eq!(decompress("d1", "text", &packed).unwrap(), text);
        // A frame that records no size (a streaming encoder's) is decoded as a stream.
        let mut encoder = zstd::stream::Encoder::new(Vec::new(), 3).unwrap();
        std::io::Write::write_all(&mut encoder, text.as_bytes()).unwrap();
        let streamed = encoder.finish().unwrap();
        assert!(zstd::bulk::Decompressor::upper_bound(&streamed).is_none());
        assert_eq!(decompress("d2", "details", &streamed).unwrap(), text);
        // A cut frame is an error naming the document and the value.
        let error = decompress("d3", "text", &packed[..packed.len() / 2]).unwrap_err();
        assert!(error.to_string().contains("document d3: text cannot be decompressed"), "{error}");
        let error = decompress("d4", "text", b"not zstd").unwrap_err();
        assert!(error.to_string().contains("document d4: text cannot be decompressed"), "{error}");
    }
}
