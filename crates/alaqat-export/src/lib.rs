//! alaqat-export: what the CLI and the server both read of an archive, and the shapes they
//! give it.
//!
//! - [`analysis`]: the corpus loader — every stored document (or one dyad's) with person ids
//!   linked across documents, the merged entities, and `alaqat_corpus`'s reasoning over them as
//!   of a date;
//! - [`contract`]: the public JSON shapes (SPEC.md, "Export contract") built from the model and
//!   an analysis, with offsets in code points;
//! - [`filter`]: which fused events a listing shows.
//!
//! The shapes live here, not in the binary, so that the export, the listings and the server's
//! API build them one way; the loader does not depend on them.

pub mod analysis;
pub mod contract;
pub mod filter;

pub use analysis::{
    country_name, load, load_dyad, load_with, merge_linked, parse_date, relink, resolve_country, today, Analysis, Error,
};
pub use contract::{same_items, ActorOut, ConflictOut, DateOut, DocumentOut, EntityOut, FusedOut};
pub use filter::{planned, EventFilter};
