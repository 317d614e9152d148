//! Domain vocabulary of alaqat: the plain data types that flow through the pipeline
//! (read → text → extract → corpus → store → serve).
//!
//! Nothing here does IO or reads a clock. Offsets inside the pipeline are UTF-8 byte offsets
//! into a document's decoded original text ([`Span`]); the export converts them to Unicode code
//! points once, at the edge.
//!
//! ```
//! use alaqat_model::{Span, Lang};
//! let text = "زار الرئيس الرياض";
//! let span = Span::new(0, "زار".len());
//! assert_eq!(span.slice(text), Some("زار"));
//! assert_eq!(Lang::Ar.code(), "ar");
//! ```

use serde::{Deserialize, Serialize};

pub mod cameo;

pub use jiff::civil::Date;

/// A half-open byte range `[start, end)` into a document's original decoded text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers, or `None` when it is out of range or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// The language of a document, decided from its script mix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// English.
    En,
    /// Substantial Arabic and Latin text together.
    Mixed,
    /// Too little text to tell.
    #[default]
    #[serde(rename = "und")]
    Unknown,
}

impl Lang {
    /// The code used in exports and on disk: `ar`, `en`, `mixed`, `und`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Mixed => "mixed",
            Lang::Unknown => "und",
        }
    }

    /// Parses a code as written in JSON Lines input (`ar`, `ara`, `arabic`, `en` ...).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Some(Lang::Ar),
            "en" | "eng" | "english" => Some(Lang::En),
            "mixed" => Some(Lang::Mixed),
            "und" | "" => Some(Lang::Unknown),
            other if other.starts_with("ar-") => Some(Lang::Ar),
            other if other.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day or a range of days.
    Day,
    /// A week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
    /// A decade or a span of years.
    Decade,
}

impl Precision {
    /// The name used in exports.
    pub const fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// A date or date range with its precision: `2024` is 2024-01-01..2024-12-31 at year precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeSpan {
    /// First day (inclusive).
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// How precisely the text gave it.
    pub precision: Precision,
    /// True when it was inferred rather than read (e.g. a publication date guessed from the text).
    #[serde(default)]
    pub inferred: bool,
}

impl TimeSpan {
    /// One day.
    pub fn day(date: Date) -> TimeSpan {
        TimeSpan { start: date, end: date, precision: Precision::Day, inferred: false }
    }

    /// True when the two ranges share a day.
    pub fn overlaps(&self, other: &TimeSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// True when `other` lies inside this range.
    pub fn contains(&self, other: &TimeSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The shortest faithful textual value: `2024`, `2024-09`, `2024-09-25` or `start/end`.
    pub fn value_string(&self) -> String {
        let (s, e) = (self.start, self.end);
        match self.precision {
            Precision::Year
                if s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31 && s.year() == e.year() =>
            {
                format!("{:04}", s.year())
            }
            Precision::Month if s.day() == 1 && s.year() == e.year() && s.month() == e.month() => {
                format!("{:04}-{:02}", s.year(), s.month())
            }
            _ if s == e => s.to_string(),
            _ => format!("{s}/{e}"),
        }
    }
}

/// Where a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain text file.
    Txt,
    /// An HTML page (main text extracted).
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// One entry of an RSS or Atom feed.
    Feed,
}

impl Format {
    /// The name used on disk and in exports.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
        }
    }
}

/// A decoded input document, ready for extraction. `text` is the original text that every
/// offset points into; it is never rewritten after decoding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content-hash identity (hex), the same for the same text wherever it came from.
    pub id: String,
    /// The JSON Lines id if given, else the URL, else the file path (with `#n` for the n-th
    /// entry of a multi-document file).
    pub source: String,
    /// The page URL, when known.
    pub url: Option<String>,
    /// The title, when known.
    pub title: Option<String>,
    /// Publication date from metadata (or inferred from the text, then marked so).
    pub published: Option<TimeSpan>,
    /// The language, given by the input or detected.
    pub lang: Lang,
    /// The detected or declared encoding of the input bytes, e.g. `utf-8`, `utf-16le`, `windows-1256`.
    pub encoding: String,
    /// The input format.
    pub format: Format,
    /// The decoded original text.
    pub text: String,
}

/// The kind of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A state.
    Country,
    /// An international or domestic organization.
    Organization,
    /// A city or other place.
    Place,
}

impl EntityKind {
    /// The name used in exports.
    pub const fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A real-world entity. Ids are stable across documents: the same person found in two
/// documents gets the same id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id, e.g. `per:tokayev`, `cty:KAZ`, `igo:GCC`, `plc:riyadh`.
    pub id: String,
    /// What it is.
    pub kind: Option<EntityKind>,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// ISO alpha-3 country (or `IGO…` code) it belongs to.
    pub country: Option<String>,
    /// Role or office, free text (`وزير الداخلية`, `Minister of Interior`).
    pub role: Option<String>,
    /// CAMEO sector code (`GOV`, `MIL`, `DIP` ...).
    pub sector: Option<String>,
    /// Spellings seen.
    pub variants: Vec<String>,
}

/// A mention of an entity in a document's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity id.
    pub entity: String,
    /// Where it is.
    pub span: Span,
}

/// A date expression found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where it is.
    pub span: Span,
    /// What it resolves to.
    pub value: TimeSpan,
    /// True when it was resolved relative to the publication date (weekday, أمس ...).
    pub relative: bool,
}

/// One side of an event: a CAMEO actor code and the country or organization it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// CAMEO actor code: the country (`---` when the text does not give it) and the role,
    /// e.g. `KAZGOV`, `SAU`, `IGOGCC`, `ISRMIL`, `---CVL`.
    pub code: String,
    /// ISO alpha-3 country or `IGO…` code; `None` when the text does not say whose actor it is
    /// (protesters in an unnamed place).
    pub country: Option<String>,
    /// The entity id when a specific person or body acts.
    pub entity: Option<String>,
}

/// How the text presents an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// It happened.
    #[default]
    Asserted,
    /// The text says it did not happen.
    Negated,
    /// Someone proposed it.
    Proposed,
    /// It is expected or planned.
    Expected,
    /// Historical background, not news.
    Background,
}

impl Modality {
    /// The name used in exports.
    pub const fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Proposed => "proposed",
            Modality::Expected => "expected",
            Modality::Background => "background",
        }
    }
}

/// A coded event between two actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id, unique within the document.
    pub id: String,
    /// CAMEO event code (`042`).
    pub code: String,
    /// PLOVER category (`CONSULT`).
    pub plover: String,
    /// Goldstein value.
    pub goldstein: f32,
    /// GDELT QuadClass 1–4.
    pub quad: u8,
    /// Who acts.
    pub source: Actor,
    /// Who is acted upon.
    pub target: Actor,
    /// When, if the text says.
    pub date: Option<TimeSpan>,
    /// Where, if the text says (place entity id or name).
    pub place: Option<String>,
    /// Asserted, negated, expected ...
    pub modality: Modality,
    /// 0–1.
    pub confidence: f32,
    /// The sentence (or clause) that proves it.
    pub evidence: Span,
    /// The trigger words.
    pub trigger: Span,
}

impl Actor {
    /// The country, when the text gives it.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
}

impl Event {
    /// What the event's code means, when it is a CAMEO code.
    pub fn cameo(&self) -> Option<&'static cameo::CameoCode> {
        cameo::CameoCode::get(&self.code)
    }

    /// The two-digit CAMEO root (`19` for `195`).
    pub fn root(&self) -> &str {
        cameo::root_of(&self.code)
    }
}

/// A typed fact stated by a source, which other sources may contradict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `relations_established`, `recognition`, `trade_volume` ...
    pub kind: String,
    /// Country codes, sorted unless direction matters (recognition: recognizer first).
    pub parties: Vec<String>,
    /// The value.
    pub value: ClaimValue,
    /// The sentence that states it.
    pub evidence: Span,
}

/// The value of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ClaimValue {
    /// A date at some precision, written `1994`, `1994-04` or `1994-04-20`.
    Date(String),
    /// An amount of money.
    Money(Money),
}

/// An amount of money in a year, as in trade volume claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// The year the figure is for.
    pub year: Option<i16>,
    /// The amount in units of `currency`.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// `>`, `<`, `~` or `=`.
    pub comparator: String,
}

/// A forward-looking statement: something promised or expected, by when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// What is promised, in the text's words.
    pub what: String,
    /// Country codes.
    pub parties: Vec<String>,
    /// When it is due, if the text says.
    pub due: Option<TimeSpan>,
    /// The sentence that says it.
    pub evidence: Span,
}

/// Everything extraction found in one document. Extraction never fails: problems are
/// `diagnostics`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Entities mentioned in the document.
    pub entities: Vec<Entity>,
    /// Their mentions.
    pub mentions: Vec<Mention>,
    /// Date expressions.
    pub dates: Vec<DateMention>,
    /// Coded events.
    pub events: Vec<Event>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Commitments.
    pub commitments: Vec<Commitment>,
    /// Quality flags (`code_switching` ...).
    pub flags: Vec<String>,
    /// The publication date inferred from the text when metadata had none.
    pub inferred_published: Option<TimeSpan>,
    /// Notes on what could not be done.
    pub diagnostics: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_string_keeps_precision() {
        let y = TimeSpan {
            start: Date::new(1994, 1, 1).unwrap(),
            end: Date::new(1994, 12, 31).unwrap(),
            precision: Precision::Year,
            inferred: false,
        };
        assert_eq!(y.value_string(), "1994");
        let m = TimeSpan {
            start: Date::new(1992, 1, 1).unwrap(),
            end: Date::new(1992, 1, 31).unwrap(),
            precision: Precision::Month,
            inferred: false,
        };
        assert_eq!(m.value_string(), "1992-01");
        assert_eq!(TimeSpan::day(Date::new(1994, 4, 20).unwrap()).value_string(), "1994-04-20");
    }

    #[test]
    fn span_slices_on_char_boundaries_only() {
        let text = "كازاخستان";
        assert_eq!(Span::new(0, 2).slice(text), Some("ك"));
        assert_eq!(Span::new(0, 1).slice(text), None);
    }

    #[test]
    fn lang_serializes_as_code() {
        assert_eq!(serde_json::to_string(&Lang::Unknown).unwrap(), "\"und\"");
        assert_eq!(Lang::parse("ar-SA"), Some(Lang::Ar));
    }
}
