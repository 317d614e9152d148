//! Fused events as GDELT-like rows, written as CSV (`export --format csv`, and `--format csv`
//! of `events` and `timeline`) or Parquet (`export --format parquet`).
//!
//! Columns, in order ([`COLUMNS`]): GDELT 2.0 event fields where we have them, then ours.
//!
//! - `GLOBALEVENTID`: the fused event id (a string, not GDELT's integer).
//! - `SQLDATE`: `YYYYMMDD` of the first day of the fused date; empty when undated.
//! - `Actor1Code`/`Actor2Code`: CAMEO actor codes (`KAZGOV`); `Actor1Name`/`Actor2Name`: the
//!   acting person's or body's English name (Arabic when no English one is known), else the
//!   country's or organization's English name; `Actor1CountryCode`/`Actor2CountryCode`: ISO
//!   3166-1 alpha-3 or `IGO…` (GDELT uses CAMEO country codes, which are alpha-3 based).
//! - `IsRootEvent`: GDELT marks events in the lede; ours is 1 when the best member's evidence
//!   starts in the first two sentences of its document, else 0.
//! - `EventCode`, `EventBaseCode` (first three digits), `EventRootCode` (first two),
//!   `QuadClass`, `GoldsteinScale`.
//! - `NumMentions`: member events; `NumSources` and `NumArticles`: distinct documents.
//! - `ActionGeo_FullName` (`Riyadh, Saudi Arabia`), `ActionGeo_CountryCode` (alpha-3, where
//!   GDELT has FIPS 10-4), `ActionGeo_Lat`, `ActionGeo_Long`: from the place in the lexicon
//!   (`crates/alaqat-extract/data/places.tsv`); empty when there is no place or no coordinates.
//! - `SOURCEURL`: the best member's document URL, else its source.
//! - Ours: `DatePrecision` (`day` … `decade`), `Modality`, `EvidenceText` (the best member's
//!   evidence sentence).
//!
//! CSV starts with a UTF-8 byte order mark so that spreadsheet programs (Excel) read the
//! Arabic text as UTF-8; CSV readers that do not expect one see it in the first header name.
//! Parquet is zstd-compressed, one row group per 64 Ki rows; empty values are nulls.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use alaqat_corpus::FusedEvent;
use alaqat_model::Actor;
use anyhow::Context;
use arrow_array::builder::{Float32Builder, Float64Builder, Int32Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};

use alaqat_export::{country_name, Analysis};

/// Column names, in order.
pub(crate) const COLUMNS: [&str; 25] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
    "DatePrecision",
    "Modality",
    "EvidenceText",
];

/// One fused event as a row.
pub(crate) struct Row<'a> {
    id: &'a str,
    sqldate: Option<i32>,
    actor1: ActorCols<'a>,
    actor2: ActorCols<'a>,
    is_root: i32,
    code: &'a str,
    quad: i32,
    goldstein: f32,
    mentions: i32,
    sources: i32,
    geo: Option<Geo>,
    url: &'a str,
    precision: Option<&'static str>,
    modality: &'static str,
    evidence: &'a str,
}

struct ActorCols<'a> {
    code: &'a str,
    name: Option<String>,
    country: &'a str,
}

struct Geo {
    name: String,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
}

impl<'a> Row<'a> {
    pub(crate) fn new(fused: &'a FusedEvent, analysis: &'a Analysis) -> Row<'a> {
        let (d, e) = fused.best;
        let stored = analysis.stored.get(d);
        let document = stored.map(|s| &s.document);
        let is_root = stored
            .and_then(|s| {
                let event = s.extraction.events.get(e)?;
                let sentences = alaqat_text::sentences(&s.document.text);
                let lede_end = sentences.get(1).or(sentences.first()).map_or(0, |span| span.end);
                Some(event.evidence.start < lede_end)
            })
            .unwrap_or(false);
        let date = fused.date;
        Row {
            id: &fused.id,
            sqldate: date.map(|d| {
                let s = d.start;
                i32::from(s.year()) * 10_000 + i32::from(s.month()) * 100 + i32::from(s.day())
            }),
            actor1: ActorCols::new(&fused.source, analysis),
            actor2: ActorCols::new(&fused.target, analysis),
            is_root: i32::from(is_root),
            code: &fused.code,
            quad: i32::from(fused.quad),
            goldstein: fused.goldstein,
            mentions: count(fused.members.len()),
            sources: count(Analysis::distinct_documents(fused)),
            geo: fused.place.as_deref().and_then(|place| Geo::find(place, analysis)),
            url: document.map_or("", |doc| doc.url.as_deref().unwrap_or(&doc.source)),
            precision: date.map(|d| d.precision.name()),
            modality: fused.modality.name(),
            evidence: analysis.evidence(fused),
        }
    }

    fn base_code(&self) -> &'a str {
        self.code.get(..3).unwrap_or(self.code)
    }

    fn root_code(&self) -> &'a str {
        self.code.get(..2).unwrap_or(self.code)
    }

    /// The row as CSV fields, in [`COLUMNS`] order.
    fn fields(&self) -> [String; 25] {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let geo = self.geo.as_ref();
        [
            self.id.to_owned(),
            opt(self.sqldate.map(|d| d.to_string())),
            self.actor1.code.to_owned(),
            opt(self.actor1.name.clone()),
            self.actor1.country.to_owned(),
            self.actor2.code.to_owned(),
            opt(self.actor2.name.clone()),
            self.actor2.country.to_owned(),
            self.is_root.to_string(),
            self.code.to_owned(),
            self.base_code().to_owned(),
            self.root_code().to_owned(),
            self.quad.to_string(),
            self.goldstein.to_string(),
            self.mentions.to_string(),
            self.sources.to_string(),
            self.sources.to_string(),
            opt(geo.map(|g| g.name.clone())),
            opt(geo.and_then(|g| g.country.clone())),
            opt(geo.and_then(|g| g.lat).map(|v| v.to_string())),
            opt(geo.and_then(|g| g.lon).map(|v| v.to_string())),
            self.url.to_owned(),
            self.precision.unwrap_or_default().to_owned(),
            self.modality.to_owned(),
            self.evidence.to_owned(),
        ]
    }
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl<'a> ActorCols<'a> {
    fn new(actor: &'a Actor, analysis: &Analysis) -> ActorCols<'a> {
        let entity_name = actor.entity.as_deref().and_then(|id| analysis.entity(id)).and_then(|entity| {
            entity.name_en.as_deref().filter(|n| !n.is_empty()).or(entity.name_ar.as_deref()).map(str::to_owned)
        });
        let country = actor.country.as_deref().unwrap_or("");
        let name = entity_name.or_else(|| country_name(country).map(str::to_owned));
        ActorCols { code: &actor.code, name, country }
    }
}

impl Geo {
    /// The place of an event: a lexicon place id (`plc:riyadh`), else a stored entity's name.
    fn find(place: &str, analysis: &Analysis) -> Option<Geo> {
        let lexicon = alaqat_extract::Lexicon::builtin();
        let key = place.strip_prefix("plc:").unwrap_or(place);
        let row = lexicon
            .places
            .iter()
            .find(|p| p.id == key && p.same_as.is_none())
            .or_else(|| lexicon.places.iter().find(|p| p.id == key || p.same_as.as_deref() == Some(key)));
        if let Some(row) = row {
            let country = Some(row.iso3.clone()).filter(|c| !c.is_empty());
            let name = match country.as_deref().and_then(country_name) {
                Some(country) => format!("{}, {country}", row.en),
                None => row.en.clone(),
            };
            return Some(Geo { name, country, lat: row.lat, lon: row.lon });
        }
        let entity = analysis.entity(place);
        let name =
            entity.and_then(|e| e.name_en.clone().or_else(|| e.name_ar.clone())).unwrap_or_else(|| place.to_owned());
        let country = entity.and_then(|e| e.country.clone());
        Some(Geo { name, country, lat: None, lon: None })
    }
}

/// Writes the rows as CSV with a header, after a UTF-8 byte order mark.
pub(crate) fn write_csv<'a>(rows: impl Iterator<Item = Row<'a>>, out: &mut dyn Write) -> anyhow::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    // Each row is built as it is written: an export never holds them all.
    for row in rows {
        writer.write_record(row.fields())?;
    }
    writer.flush()?;
    Ok(())
}

/// The Arrow schema of the rows.
pub(crate) fn schema() -> Schema {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let int = |name: &str, nullable: bool| Field::new(name, DataType::Int32, nullable);
    Schema::new(vec![
        text("GLOBALEVENTID", false),
        int("SQLDATE", true),
        text("Actor1Code", false),
        text("Actor1Name", true),
        text("Actor1CountryCode", false),
        text("Actor2Code", false),
        text("Actor2Name", true),
        text("Actor2CountryCode", false),
        int("IsRootEvent", false),
        text("EventCode", false),
        text("EventBaseCode", false),
        text("EventRootCode", false),
        int("QuadClass", false),
        Field::new("GoldsteinScale", DataType::Float32, false),
        int("NumMentions", false),
        int("NumSources", false),
        int("NumArticles", false),
        text("ActionGeo_FullName", true),
        text("ActionGeo_CountryCode", true),
        Field::new("ActionGeo_Lat", DataType::Float64, true),
        Field::new("ActionGeo_Long", DataType::Float64, true),
        text("SOURCEURL", false),
        text("DatePrecision", true),
        text("Modality", false),
        text("EvidenceText", false),
    ])
}

fn strings<'r, 'a: 'r>(rows: &'r [Row<'a>], f: impl Fn(&'r Row<'a>) -> Option<&'r str>) -> ArrayRef {
    let mut b = StringBuilder::new();
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn ints<'r, 'a: 'r>(rows: &'r [Row<'a>], f: impl Fn(&'r Row<'a>) -> Option<i32>) -> ArrayRef {
    let mut b = Int32Builder::new();
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

fn floats<'r, 'a: 'r>(rows: &'r [Row<'a>], f: impl Fn(&'r Row<'a>) -> Option<f64>) -> ArrayRef {
    let mut b = Float64Builder::new();
    rows.iter().for_each(|r| b.append_option(f(r)));
    Arc::new(b.finish())
}

/// The rows as one Arrow record batch.
fn record_batch(rows: &[Row<'_>]) -> anyhow::Result<RecordBatch> {
    let mut goldstein = Float32Builder::new();
    rows.iter().for_each(|r| goldstein.append_value(r.goldstein));
    let columns: Vec<ArrayRef> = vec![
        strings(rows, |r| Some(r.id)),
        ints(rows, |r| r.sqldate),
        strings(rows, |r| Some(r.actor1.code)),
        strings(rows, |r| r.actor1.name.as_deref()),
        strings(rows, |r| Some(r.actor1.country)),
        strings(rows, |r| Some(r.actor2.code)),
        strings(rows, |r| r.actor2.name.as_deref()),
        strings(rows, |r| Some(r.actor2.country)),
        ints(rows, |r| Some(r.is_root)),
        strings(rows, |r| Some(r.code)),
        strings(rows, |r| Some(r.base_code())),
        strings(rows, |r| Some(r.root_code())),
        ints(rows, |r| Some(r.quad)),
        Arc::new(goldstein.finish()),
        ints(rows, |r| Some(r.mentions)),
        ints(rows, |r| Some(r.sources)),
        ints(rows, |r| Some(r.sources)),
        strings(rows, |r| r.geo.as_ref().map(|g| g.name.as_str())),
        strings(rows, |r| r.geo.as_ref().and_then(|g| g.country.as_deref())),
        floats(rows, |r| r.geo.as_ref().and_then(|g| g.lat)),
        floats(rows, |r| r.geo.as_ref().and_then(|g| g.lon)),
        strings(rows, |r| Some(r.url)),
        strings(rows, |r| r.precision),
        strings(rows, |r| Some(r.modality)),
        strings(rows, |r| Some(r.evidence)),
    ];
    RecordBatch::try_new(Arc::new(schema()), columns).context("cannot build the Parquet columns")
}

/// Rows per Parquet row group (and per Arrow batch).
const ROW_GROUP: usize = 64 * 1024;

/// Writes the rows to a Parquet file at `path` (created or truncated).
pub(crate) fn write_parquet<'a>(mut rows: impl Iterator<Item = Row<'a>>, path: &Path) -> anyhow::Result<()> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::{Compression, ZstdLevel};
    use parquet::file::properties::WriterProperties;

    let name = path.display();
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {name}"))?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP))
        .build();
    let mut writer = ArrowWriter::try_new(file, Arc::new(schema()), Some(properties))
        .with_context(|| format!("cannot write {name}"))?;
    // One row group's rows at a time.
    let mut chunk = Vec::with_capacity(ROW_GROUP);
    loop {
        chunk.clear();
        chunk.extend(rows.by_ref().take(ROW_GROUP));
        if chunk.is_empty() {
            break;
        }
        writer.write(&record_batch(&chunk)?).with_context(|| format!("cannot write {name}"))?;
    }
    writer.close().with_context(|| format!("cannot write {name}"))?;
    Ok(())
}
