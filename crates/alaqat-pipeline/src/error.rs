//! What stops a pipeline step: a store or an index that cannot be used. A document that cannot
//! be read, extracted or stored is not an error here but a failure in the ingest's summary.

use std::path::PathBuf;

/// Why a store or its search index could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `--store` was given something other than a PostgreSQL URL (shown without its password).
    #[error("--store {0} is not a PostgreSQL URL")]
    NotAStoreUrl(String),
    /// The store directory holds no store yet.
    #[error("no store in {}", .0.display())]
    NoStore(PathBuf),
    /// The store could not be opened; its own error says why.
    #[error(transparent)]
    Open(alaqat_store::Error),
    /// A store operation failed: what was being done, and why.
    #[error("{doing}")]
    Store {
        /// What was being done.
        doing: String,
        /// Why it failed.
        #[source]
        source: alaqat_store::Error,
    },
    /// A search index operation failed: what was being done, and why.
    #[error("{doing}")]
    Index {
        /// What was being done.
        doing: String,
        /// Why it failed.
        #[source]
        source: alaqat_search::Error,
    },
    /// An extraction thread is gone.
    #[error("an extraction thread failed")]
    ExtractionThread,
}

impl Error {
    /// `map_err` for a store operation described by `doing`.
    pub(crate) fn store(doing: impl Into<String>) -> impl FnOnce(alaqat_store::Error) -> Error {
        let doing = doing.into();
        move |source| Error::Store { doing, source }
    }

    /// `map_err` for an index operation described by `doing`.
    pub(crate) fn index(doing: impl Into<String>) -> impl FnOnce(alaqat_search::Error) -> Error {
        let doing = doing.into();
        move |source| Error::Index { doing, source }
    }
}

/// An error with its causes, `: `-separated (what `anyhow` prints for `{:#}`), for warnings
/// and per-document failures.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        out.push_str(": ");
        out.push_str(&next.to_string());
        cause = next.source();
    }
    out
}
