//! Where the store is — the embedded one in `--data DIR` or a PostgreSQL database named by
//! `--store URL` — and opening it, the same way for every command and for the server.

use std::path::{Path, PathBuf};

use alaqat_store::Store;

use crate::Error;

/// A store's location, checked but not opened.
#[derive(Clone, Debug)]
pub enum StoreAt {
    /// The embedded store in this directory.
    Dir(PathBuf),
    /// A PostgreSQL store (the URL with its password: never print it, print [`StoreAt::name`]).
    Postgres(String),
}

impl StoreAt {
    /// `--store URL` when given (refused unless it is a PostgreSQL URL), else `--data DIR`.
    pub fn new(data: &Path, url: Option<&str>) -> Result<StoreAt, Error> {
        match url {
            None => Ok(StoreAt::Dir(data.to_owned())),
            Some(url) if alaqat_store::is_postgres_url(url) => Ok(StoreAt::Postgres(url.to_owned())),
            Some(url) => Err(Error::NotAStoreUrl(alaqat_store::redact_url(url))),
        }
    }

    /// Opens the store. Only an ingest may create an embedded one; PostgreSQL tables are
    /// created on first connection.
    pub fn open(&self, create: bool) -> Result<Box<dyn Store>, Error> {
        Ok(match self {
            StoreAt::Dir(dir) => Box::new(open_store(dir, create)?),
            StoreAt::Postgres(url) => Box::new(alaqat_store::PgStore::connect(url).map_err(Error::Open)?),
        })
    }

    /// The directory or the URL without its password, for messages.
    pub fn name(&self) -> String {
        match self {
            StoreAt::Dir(dir) => dir.display().to_string(),
            StoreAt::Postgres(url) => alaqat_store::redact_url(url),
        }
    }
}

/// Opens the embedded store in `dir`; only an ingest may create it.
fn open_store(dir: &Path, create: bool) -> Result<alaqat_store::SqliteStore, Error> {
    if !create && !dir.join(alaqat_store::DATABASE_FILE).is_file() {
        return Err(Error::NoStore(dir.to_owned()));
    }
    alaqat_store::SqliteStore::open(dir).map_err(Error::store(format!("cannot use the store in {}", dir.display())))
}
