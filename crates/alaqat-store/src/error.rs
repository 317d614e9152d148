//! The error type of the store.

use std::error::Error as StdError;
use std::path::PathBuf;

/// What can go wrong while storing or reading.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store directory could not be created.
    #[error("cannot create store directory {}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The database file could not be opened or configured.
    #[error("cannot open store database {}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// A database operation failed (locked for too long, disk full, I/O error ...).
    #[error("store database operation failed")]
    Sqlite(#[source] rusqlite::Error),
    /// A value could not be encoded as JSON for storage.
    #[error("cannot encode {what} as JSON")]
    Json {
        /// What was being encoded.
        what: &'static str,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// The store was written by a newer alaqat whose schema this one does not know.
    #[error("store schema version {found} is newer than this alaqat ({supported}); upgrade alaqat")]
    SchemaTooNew {
        /// The version recorded in the store.
        found: u32,
        /// The latest version this build knows.
        supported: u32,
    },
    /// Data read from disk does not have the shape the schema promises.
    #[error("store is corrupt: {what}")]
    Corrupt {
        /// What was found, and where.
        what: String,
    },
    /// A value to be stored does not fit the database (an offset beyond `i64::MAX`).
    #[error("document {doc_id}: {what} is out of range")]
    OutOfRange {
        /// The document being stored.
        doc_id: String,
        /// Which value.
        what: &'static str,
    },
    /// No document has this id.
    #[error("no document with id {id}")]
    UnknownDocument {
        /// The id asked for.
        id: String,
    },
    /// A value of this document cannot be stored by this backend (a NUL character outside the
    /// document text, which PostgreSQL's TEXT cannot hold). The other documents are unaffected.
    #[error("document {doc_id}: {what}")]
    Unsupported {
        /// The document being stored.
        doc_id: String,
        /// What cannot be stored, and why.
        what: &'static str,
    },
    /// A document's text or details could not be compressed (out of memory, in practice).
    #[error("document {doc_id}: cannot compress what is stored of it")]
    Compress {
        /// The document being stored.
        doc_id: String,
        /// What zstd said.
        #[source]
        source: std::io::Error,
    },
    /// The PostgreSQL URL could not be parsed.
    #[cfg(feature = "postgres")]
    #[error("invalid PostgreSQL URL {url}")]
    InvalidUrl {
        /// The URL, with its password replaced by `***`.
        url: String,
        /// Why.
        #[source]
        source: postgres::Error,
    },
    /// The PostgreSQL server could not be reached, refused the login, or the database does not
    /// exist.
    #[cfg(feature = "postgres")]
    #[error("cannot connect to the PostgreSQL store {url}")]
    Connect {
        /// The URL, with its password replaced by `***`.
        url: String,
        /// Why.
        #[source]
        source: postgres::Error,
    },
    /// A PostgreSQL operation failed (connection lost, server shut down, permission denied ...).
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL store operation failed")]
    Postgres(#[source] postgres::Error),
    /// The callback given to `Store::for_each_document` failed; iteration stopped.
    #[error("document consumer failed")]
    Consumer(#[source] Box<dyn StdError + Send + Sync>),
}

impl Error {
    /// Wraps an error of the caller's own (e.g. writing an export) so that it can be returned
    /// from a `for_each_document` callback. Get it back with [`Error::into_consumer`].
    pub fn consumer(error: impl Into<Box<dyn StdError + Send + Sync>>) -> Error {
        Error::Consumer(error.into())
    }

    /// The caller's error if this is [`Error::Consumer`], else the store error itself.
    pub fn into_consumer(self) -> std::result::Result<Box<dyn StdError + Send + Sync>, Error> {
        match self {
            Error::Consumer(error) => Ok(error),
            other => Err(other),
        }
    }

    pub(crate) fn corrupt(what: impl Into<String>) -> Error {
        Error::Corrupt { what: what.into() }
    }
}

impl From<rusqlite::Error> for Error {
    /// Type mismatches can only come from reading rows whose values do not match the schema,
    /// so they are reported as corruption; everything else is a database failure.
    fn from(error: rusqlite::Error) -> Error {
        match error {
            rusqlite::Error::InvalidColumnType(index, name, ty) => {
                Error::corrupt(format!("column {name} (#{index}) holds a value of type {ty}"))
            }
            rusqlite::Error::FromSqlConversionFailure(index, ty, cause) => {
                Error::corrupt(format!("column #{index} of type {ty} cannot be read: {cause}"))
            }
            rusqlite::Error::IntegralValueOutOfRange(index, value) => {
                Error::corrupt(format!("column #{index} holds out-of-range integer {value}"))
            }
            rusqlite::Error::Utf8Error(index, cause) => {
                Error::corrupt(format!("column #{index} holds invalid UTF-8: {cause}"))
            }
            other => Error::Sqlite(other),
        }
    }
}

#[cfg(feature = "postgres")]
impl From<postgres::Error> for Error {
    fn from(error: postgres::Error) -> Error {
        Error::Postgres(error)
    }
}

/// The result of store operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;
