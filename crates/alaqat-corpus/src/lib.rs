//! alaqat-corpus: reasoning over many documents at once. Pure: no IO, no clock (the "as of"
//! date is a parameter).
//!
//! [`analyze`] takes every document with its [`Extraction`] and finds
//!
//! - **near-duplicates** ([`near_duplicates`]): MinHash over 5-word shingles of the normalized
//!   text, LSH banding for candidates, confirmed by the exact Jaccard similarity of the shingle
//!   sets against [`DUPLICATE_THRESHOLD`], grouped transitively;
//! - **fused events** ([`FusedEvent`]): events of different documents with the same CAMEO root,
//!   the same countries (in the same direction unless the code is mutual, like 040, 046, 057,
//!   06x), a compatible modality and overlapping dates are one real-world event. An undated event
//!   joins a dated one when they share a person acting (`Actor.entity`) or come from
//!   near-duplicate documents (the two texts themselves, never through a third, so that the
//!   events of one fusion key fuse from their own documents alone), and that dated event is the
//!   only such candidate; the fused event carries the most precise member date;
//! - **conflicts** ([`Conflict`]): claims of the same kind and parties whose values cannot all be
//!   true (dates that do not contain one another, amounts whose ranges cannot overlap);
//! - **commitment status** ([`CommitmentStatus`]) as of a date: fulfilled by a later asserted
//!   meeting, visit or signing between the parties inside the due range, overdue once the due
//!   range has passed, pending otherwise.
//!
//! [`timeline`] then lists the fused events of a dyad in date order.
//!
//! ```
//! use alaqat_corpus::{analyze, near_duplicates, timeline, Doc, DUPLICATE_THRESHOLD};
//! use alaqat_model::{Actor, Date, Document, Event, Extraction, Format, Lang, Modality, Span, TimeSpan};
//!
//! fn document(id: &str, text: &str) -> Document {
//!     Document {
//!         id: id.into(), source: format!("{id}.txt"), url: None, title: None, published: None,
//!         lang: Lang::Ar, encoding: "utf-8".into(), format: Format::Txt, text: text.into(),
//!     }
//! }
//! fn meeting(date: Option<TimeSpan>) -> Event {
//!     let actor = |country: &str, person: &str| Actor {
//!         code: format!("{country}GOV"), country: Some(country.into()), entity: Some(person.into()),
//!     };
//!     Event {
//!         id: "e1".into(), code: "040".into(), plover: "CONSULT".into(), goldstein: 1.0, quad: 1,
//!         source: actor("SAU", "per:abdulaziz_bin_saud"), target: actor("KAZ", "per:sadenov"),
//!         date, place: Some("plc:riyadh".into()), modality: Modality::Asserted, confidence: 0.8,
//!         evidence: Span::new(0, 10), trigger: Span::new(0, 4),
//!     }
//! }
//! let (a, b) = (document("a", "التقى وزير الداخلية السعودي نظيره الكازاخي في الرياض"),
//!               document("b", "بحث وزيرا داخلية السعودية وكازاخستان التعاون الأمني"));
//! let dated = Extraction {
//!     events: vec![meeting(Some(TimeSpan::day(Date::new(2025, 12, 18).unwrap())))],
//!     ..Extraction::default()
//! };
//! let undated = Extraction { events: vec![meeting(None)], ..Extraction::default() };
//! let docs = [Doc { document: &a, extraction: &dated }, Doc { document: &b, extraction: &undated }];
//!
//! let corpus = analyze(&docs, Date::new(2026, 1, 1).unwrap());
//! assert_eq!(corpus.fused.len(), 1);
//! assert_eq!(corpus.fused[0].members, vec![(0, 0), (1, 0)]);
//! assert_eq!(corpus.fused[0].date.unwrap().value_string(), "2025-12-18");
//! assert_eq!(corpus.event_fused, vec![vec![0], vec![0]]);
//! assert_eq!(timeline(&corpus, "KAZ", "SAU").len(), 1);
//! assert!(near_duplicates(&[&a.text, &b.text], DUPLICATE_THRESHOLD).is_empty());
//! ```

mod commitments;
mod conflicts;
mod dedup;
mod fusion;
mod hash;

use alaqat_model::{Actor, Date, Document, Extraction, Modality, TimeSpan};

/// One document as the corpus sees it.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// The document.
    pub document: &'a Document,
    /// What extraction found in it.
    pub extraction: &'a Extraction,
}

/// What corpus reasoning found. Indices refer to the input slice (`doc`) and to
/// `extraction.events` (`event`), `extraction.commitments`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corpus {
    /// Near-duplicate groups (indices of documents), only groups of two or more, each sorted.
    pub duplicates: Vec<Vec<usize>>,
    /// Fused events, sorted by date (undated last), then code.
    pub fused: Vec<FusedEvent>,
    /// `event_fused[doc][event]` = index into `fused`.
    pub event_fused: Vec<Vec<usize>>,
    /// Contradicting claims.
    pub conflicts: Vec<Conflict>,
    /// `commitment_status[doc][commitment]`.
    pub commitment_status: Vec<Vec<CommitmentStatus>>,
}

/// One real-world event, joined from the events of one or more documents.
#[derive(Clone, Debug, PartialEq)]
pub struct FusedEvent {
    /// Stable id derived from content: `F` + 12 hex digits of a hash of the CAMEO root, the
    /// countries and the earliest member's document id and event id, so it does not change when
    /// unrelated documents are added.
    pub id: String,
    /// CAMEO code (of the best member).
    pub code: String,
    /// PLOVER category.
    pub plover: String,
    /// Goldstein value.
    pub goldstein: f32,
    /// QuadClass.
    pub quad: u8,
    /// Who acts.
    pub source: Actor,
    /// Who is acted upon.
    pub target: Actor,
    /// The most precise date any member gives (members' dates are compatible: they overlap).
    pub date: Option<TimeSpan>,
    /// Where.
    pub place: Option<String>,
    /// Modality.
    pub modality: Modality,
    /// (doc, event) of every member.
    pub members: Vec<(usize, usize)>,
    /// The member whose evidence is strongest (has a date, highest confidence, earliest).
    pub best: (usize, usize),
}

/// Claims of the same kind and parties whose values cannot all be true.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Claim kind.
    pub kind: String,
    /// Parties, sorted (recognition keeps the recognizer first).
    pub parties: Vec<String>,
    /// The groups of mutually compatible values, two or more, most documents first.
    pub values: Vec<ConflictValue>,
}

/// One side of a conflict.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictValue {
    /// The group's most precise value (`1994-04-20`; amounts as `>500000000 USD 2024`).
    pub value: String,
    /// Indices of the documents stating a value of the group, sorted. A coarse value that fits
    /// several groups (`1994` next to `1994-04-20` and `1994-05-01`) lists its documents in each.
    pub documents: Vec<usize>,
}

/// Status of a commitment as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitmentStatus {
    /// Not yet due or no due date.
    Pending,
    /// A fused event fulfils it.
    Fulfilled {
        /// Index into `Corpus::fused`.
        fused: usize,
    },
    /// Due range ended and unfulfilled.
    Overdue,
}

impl Corpus {
    /// The status of commitment `c` of document `d` (pending when there is none) and the fused
    /// event that fulfils it.
    pub fn commitment(&self, d: usize, c: usize) -> (CommitmentStatus, Option<&FusedEvent>) {
        let status =
            self.commitment_status.get(d).and_then(|row| row.get(c)).copied().unwrap_or(CommitmentStatus::Pending);
        let fulfilled_by = match status {
            CommitmentStatus::Fulfilled { fused } => self.fused.get(fused),
            _ => None,
        };
        (status, fulfilled_by)
    }
}

impl CommitmentStatus {
    /// `pending`, `fulfilled` or `overdue`.
    pub fn name(&self) -> &'static str {
        match self {
            CommitmentStatus::Pending => "pending",
            CommitmentStatus::Fulfilled { .. } => "fulfilled",
            CommitmentStatus::Overdue => "overdue",
        }
    }
}

/// The default Jaccard threshold of [`near_duplicates`]: two documents are near-duplicates when
/// at least 25% of their distinct 5-word shingles (of the normalized text) are shared.
///
/// Measured on the demo corpus: a wire story and its edited reprint
/// (`sau-kaz-jeddah-summit-2023-07.txt`, `sau-kaz-jeddah-summit-reprint-2023-07.txt`) share
/// 0.435 of their shingles; two independent reports of the same meeting
/// (`sau-kaz-interior-2025-12.txt`, `sau-kaz-interior-riyadh-2025-12-18.txt`) share
/// 0.008, and no other pair of the demo corpus shares more than 0.029 (each
/// entry of the JSON Lines and feed files counted as its own document).
/// Independently written reports of one event rarely repeat five words in a row beyond names
/// and titles; reprints keep whole sentences.
pub const DUPLICATE_THRESHOLD: f64 = 0.25;

/// Runs everything: near-duplicates of the texts, fusion, conflicts, and commitment status as
/// of `as_of`.
pub fn analyze(docs: &[Doc<'_>], as_of: Date) -> Corpus {
    let texts: Vec<&str> = docs.iter().map(|d| d.document.text.as_str()).collect();
    let signatures = dedup::Signatures::new(&texts, DUPLICATE_THRESHOLD);
    let duplicates = signatures.groups();
    let (fused, event_fused) = fusion::fuse(docs, &signatures);
    let conflicts = conflicts::conflicts(docs);
    let fulfillers = commitments::Fulfillers::new(&fused);
    let commitment_status = docs
        .iter()
        .map(|d| {
            d.extraction.commitments.iter().map(|c| commitments::status(d, c, &fused, &fulfillers, as_of)).collect()
        })
        .collect();
    Corpus { duplicates, fused, event_fused, conflicts, commitment_status }
}

/// Fusion alone: [`analyze`] without near-duplicate groups, conflicts or commitment status
/// (left empty, and every commitment pending), for listings of events. The fused events are
/// those [`analyze`] finds, and those of one fusion key (CAMEO base, the two sides, modality
/// class) depend only on its events and their documents: what one dyad's documents give for
/// that dyad is what the whole corpus gives.
pub fn fuse(docs: &[Doc<'_>]) -> Corpus {
    let texts: Vec<&str> = docs.iter().map(|d| d.document.text.as_str()).collect();
    let (fused, event_fused) = fusion::fuse(docs, &dedup::Signatures::new(&texts, DUPLICATE_THRESHOLD));
    Corpus { fused, event_fused, ..Corpus::default() }
}

impl FusedEvent {
    /// True when the event is between the countries `a` and `b`, in either direction (an actor
    /// whose country the text does not give is in no dyad).
    pub fn between(&self, a: &str, b: &str) -> bool {
        let (s, t) = (self.source.country(), self.target.country());
        (s == Some(a) && t == Some(b)) || (s == Some(b) && t == Some(a))
    }
}

/// The fused events between two countries (either direction), in date order (undated last).
pub fn timeline<'c>(corpus: &'c Corpus, a: &str, b: &str) -> Vec<&'c FusedEvent> {
    let mut out: Vec<&FusedEvent> = corpus.fused.iter().filter(|f| f.between(a, b)).collect();
    out.sort_by_key(|f| (f.date.is_none(), f.date.map(|t| (t.start, t.end))));
    out
}

/// Near-duplicate detection alone (used by [`analyze`] with [`DUPLICATE_THRESHOLD`]).
///
/// Each text becomes the set of its 5-word shingles (alaqat-text normalization, split on
/// anything that is not a letter or digit; a text of fewer than five words is one shingle, a
/// text without words has none and is never a duplicate). A 128-hash MinHash signature with
/// fixed seeds, split into 64 bands of 2 rows, proposes candidate pairs; the exact Jaccard
/// similarity of the shingle sets must reach `threshold` to confirm a pair, and confirmed pairs
/// are grouped transitively. Returns only groups of two or more, each sorted, sorted by their
/// first index; every text is in at most one group, and the result does not depend on the
/// order of the texts beyond their indices.
pub fn near_duplicates(texts: &[&str], threshold: f64) -> Vec<Vec<usize>> {
    dedup::near_duplicates(texts, threshold)
}
