//! Full-text search of alaqat: here are documents and their extractions, index them; here is
//! what a user typed, give me the documents and evidence sentences that say it, with the
//! matched words highlighted.
//!
//! - [`analyze`] is the one analyzer of indexing and querying (registered in the index as
//!   [`ANALYZER`]): the text layer's normalization (so `عبد العزيز` and `عبدالعزيز` are one word),
//!   Arabic clitic-aware light stemming, English plurals, and a `cc:ISO3` term on every word that
//!   names a country through the extraction lexicon (names, adjectives, capitals), so
//!   `الكازاخستانية` finds `كازاخستان`.
//! - [`SearchIndex`] keeps one entry per document (title and text) and one per event evidence
//!   sentence in a tantivy index in a directory (`<data>/search` for the CLI), with filters by
//!   dyad, date range and language. It is derived data: the store is the truth, and
//!   [`SearchIndex::ids`] lets the caller reconcile the two. It stores no texts: a search reads
//!   its hits' texts through the caller ([`Texts`]) to cut snippets.
//!
//! ```
//! use alaqat_model::{Document, Extraction, Format, Lang};
//! use alaqat_search::{SearchIndex, IndexDoc, SearchQuery};
//! let document = Document {
//!     id: "d1".into(), source: "a.txt".into(), url: None, title: None, published: None,
//!     lang: Lang::Ar, encoding: "utf-8".into(), format: Format::Txt,
//!     text: "وصل الأمير عبد العزيز إلى كازاخستان.".into(),
//! };
//! let extraction = Extraction::default();
//! let mut index = SearchIndex::in_ram()?;
//! index.add(&[IndexDoc { document: &document, extraction: &extraction }])?;
//! // The index keeps no texts: the caller gives them (here from memory, in alaqat the store's).
//! let mut texts = |ids: &[&str]| Ok(ids.iter().map(|&id| (id == "d1").then(|| document.text.clone())).collect());
//! let found = index.search(&SearchQuery::new("عبدالعزيز الكازاخستانية"), &mut texts)?;
//! assert_eq!(found.total, 1);
//! assert_eq!(found.hits[0].snippet, "وصل الأمير عبد العزيز إلى كازاخستان.");
//! assert_eq!(found.hits[0].highlights, [(11, 21), (26, 35)]);
//! # Ok::<(), alaqat_search::Error>(())
//! ```

mod analyzer;
mod countries;
mod index;
mod query;
mod snippet;
mod stem;

use std::path::PathBuf;

pub use analyzer::{analyze, Word, ANALYZER};
pub use index::{BoxError, Hit, HitKind, IndexDoc, SearchIndex, SearchQuery, SearchResults, Texts, FORMAT_VERSION};

/// What went wrong with the search index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index directory could not be created, read or cleared.
    #[error("cannot use the search index directory {}", path.display())]
    Io {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The index files could not be opened.
    #[error("cannot open the search index in {}", path.display())]
    Open {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: tantivy::TantivyError,
    },
    /// Another process is writing the index.
    #[error("the search index is being written by another process")]
    Busy,
    /// Writing or committing failed.
    #[error("cannot write the search index")]
    Write(#[source] tantivy::TantivyError),
    /// Reading or searching failed.
    #[error("cannot read the search index")]
    Read(#[source] tantivy::TantivyError),
    /// The texts of the hits could not be read.
    #[error("cannot read the texts of the hits")]
    Texts(#[source] BoxError),
}
