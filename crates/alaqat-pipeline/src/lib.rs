//! alaqat-pipeline: documents from inputs into a store and its search index, for the CLI and the
//! server alike.
//!
//! - [`stores`]: where the store is (`--data DIR` or `--store postgres://…`) and opening it;
//! - [`pool`]: the ordered worker pool (`--jobs` threads, results back in input order, a panic
//!   in extraction costing one document) and extraction of one document;
//! - [`ingest`]: read → skip stored ids → extract → store in batches → index, streaming;
//! - [`index`]: the search index next to an embedded store, opened and reconciled with it.

pub mod error;
pub mod index;
pub mod ingest;
pub mod pool;
pub mod stores;

pub use error::{chain, Error};
pub use index::{open_index, open_index_for_ingest, reconcile, reconcile_with, store_texts, Reconciled, SEARCH_DIR};
pub use ingest::{ingest, ingest_jsonl, Summary, BATCH_SIZE};
pub use stores::StoreAt;
