//! Where the store is — the embedded one in `--data DIR` or a PostgreSQL database named by
//! `--store URL` — and opening it, the same way for every command and for the server.

use std::path::{Path, PathBuf};

use alaqat_store::Store;
use anyhow::{bail, Context};

/// A store's location, checked but not opened.
#[derive(Clone, Debug)]
pub(crate) enum StoreAt {
    /// The embedded store in this directory.
    Dir(PathBuf),
    /// A PostgreSQL store (the URL with its password: never print it, print [`StoreAt::name`]).
    Postgres(String),
}

impl StoreAt {
    /// `--store URL` when given (refused unless it is a PostgreSQL URL), else `--data DIR`.
    pub(crate) fn new(data: &Path, url: Option<&str>) -> anyhow::Result<StoreAt> {
        match url {
            None => Ok(StoreAt::Dir(data.to_owned())),
            Some(url) if alaqat_store::is_postgres_url(url) => Ok(StoreAt::Postgres(url.to_owned())),
            Some(url) => bail!(NotAStoreUrl(alaqat_store::redact_url(url))),
        }
    }

    /// Opens the store. Only an ingest may create an embedded one; PostgreSQL tables are
    /// created on first connection.
    pub(crate) fn open(&self, create: bool) -> anyhow::Result<Box<dyn Store>> {
        Ok(match self {
            StoreAt::Dir(dir) => Box::new(open_store(dir, create)?),
            StoreAt::Postgres(url) => Box::new(alaqat_store::PgStore::connect(url)?),
        })
    }

    /// The directory or the URL without its password, for messages.
    pub(crate) fn name(&self) -> String {
        match self {
            StoreAt::Dir(dir) => dir.display().to_string(),
            StoreAt::Postgres(url) => alaqat_store::redact_url(url),
        }
    }
}

/// Opens the embedded store in `dir`; only an ingest may create it.
fn open_store(dir: &Path, create: bool) -> anyhow::Result<alaqat_store::SqliteStore> {
    if !create && !dir.join(alaqat_store::DATABASE_FILE).is_file() {
        bail!(NoStore(dir.to_owned()));
    }
    alaqat_store::SqliteStore::open(dir).with_context(|| format!("cannot use the store in {}", dir.display()))
}

/// `--store` was given something other than a PostgreSQL URL.
#[derive(Debug)]
pub(crate) struct NotAStoreUrl(pub(crate) String);

impl std::fmt::Display for NotAStoreUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "--store {} is not a PostgreSQL URL", self.0)
    }
}

impl std::error::Error for NotAStoreUrl {}

/// The store directory holds no store yet.
#[derive(Debug)]
pub(crate) struct NoStore(pub(crate) PathBuf);

impl std::fmt::Display for NoStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no store in {}", self.0.display())
    }
}

impl std::error::Error for NoStore {}
