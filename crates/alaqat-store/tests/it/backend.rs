//! The stores the suite runs against: SQLite always, PostgreSQL when `ALAQAT_TEST_POSTGRES`
//! holds a URL (`.ci/run` starts a server and sets it). Each PostgreSQL test gets a fresh
//! schema of its own, dropped at the end, so tests run in parallel on one database.
//!
//! `both_backends!(a, b)` turns test bodies `fn a(fx: &Fixture)` into the tests
//! `sqlite::a` and `postgres::a`.

use alaqat_store::{SqliteStore, Store};

/// The environment variable naming the PostgreSQL database of the tests.
pub(crate) const ENV: &str = "ALAQAT_TEST_POSTGRES";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Sqlite,
    Postgres,
}

/// One test's store: open it as many times as the test needs connections.
pub(crate) struct Fixture {
    pub(crate) kind: Kind,
    dir: Option<tempfile::TempDir>,
    #[cfg(feature = "postgres")]
    schema: Option<pg::Schema>,
}

impl Fixture {
    /// A fresh SQLite store in a temporary directory.
    pub(crate) fn sqlite() -> Fixture {
        Fixture {
            kind: Kind::Sqlite,
            dir: Some(tempfile::tempdir().expect("temporary directory")),
            #[cfg(feature = "postgres")]
            schema: None,
        }
    }

    /// A fresh PostgreSQL schema, or `None` (said once on stderr) when `ALAQAT_TEST_POSTGRES`
    /// is not set. Panics when it is set but the server cannot be used: CI must not skip.
    pub(crate) fn postgres() -> Option<Fixture> {
        #[cfg(feature = "postgres")]
        {
            let url = pg::url()?;
            Some(Fixture { kind: Kind::Postgres, dir: None, schema: Some(pg::Schema::create(&url)) })
        }
        #[cfg(not(feature = "postgres"))]
        {
            skipped("the `postgres` feature is off");
            None
        }
    }

    /// A new connection to (or handle on) this fixture's store.
    pub(crate) fn open(&self) -> Box<dyn Store> {
        #[cfg(feature = "postgres")]
        if let Some(schema) = &self.schema {
            return Box::new(alaqat_store::PgStore::connect(&schema.url).expect("connect to the test schema"));
        }
        let dir = self.dir.as_ref().expect("a SQLite fixture has a directory");
        Box::new(SqliteStore::open(dir.path()).expect("open the SQLite test store"))
    }

    /// Runs SQL on this fixture's store behind the store's back (to damage it on purpose),
    /// with SQLite's foreign-key enforcement off as a hand edit would have it.
    pub(crate) fn damage(&self, sql: &str) {
        #[cfg(feature = "postgres")]
        if self.schema.is_some() {
            return self.execute(sql);
        }
        let dir = self.dir.as_ref().expect("a SQLite fixture has a directory");
        let conn = rusqlite::Connection::open(dir.path().join(alaqat_store::DATABASE_FILE)).expect("open the database");
        conn.execute_batch(sql).expect("test SQL");
    }

    /// The URL of this fixture's PostgreSQL schema.
    #[cfg(feature = "postgres")]
    pub(crate) fn url(&self) -> &str {
        &self.schema.as_ref().expect("a PostgreSQL fixture").url
    }

    /// Runs SQL in this fixture's PostgreSQL schema (to damage it on purpose).
    #[cfg(feature = "postgres")]
    pub(crate) fn execute(&self, sql: &str) {
        let mut client = postgres::Client::connect(self.url(), postgres::NoTls).expect("connect");
        client.batch_execute(sql).expect("test SQL");
    }
}

/// Says once per test binary, on the real stderr (not the captured one), why the PostgreSQL
/// tests did not run.
pub(crate) fn skipped(why: &str) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "note: PostgreSQL store tests SKIPPED ({why}); set {ENV}=postgres://USER:PASSWORD@HOST:PORT/DB to run them"
        );
    });
}

#[cfg(feature = "postgres")]
mod pg {
    use std::hash::{BuildHasher, Hasher};

    use super::{skipped, ENV};

    pub(super) fn url() -> Option<String> {
        match std::env::var(ENV) {
            Ok(url) if !url.trim().is_empty() => Some(url.trim().to_owned()),
            _ => {
                skipped(&format!("{ENV} is not set"));
                None
            }
        }
    }

    /// A schema made for one test and dropped with it.
    pub(super) struct Schema {
        admin: String,
        name: String,
        /// The database URL with `search_path` set to this schema.
        pub(super) url: String,
    }

    impl Schema {
        pub(super) fn create(admin: &str) -> Schema {
            static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u32(std::process::id());
            hasher.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
            // Only hex digits: safe to put into the identifier.
            let name = format!("t_{:016x}", hasher.finish());
            let mut client = postgres::Client::connect(admin, postgres::NoTls)
                .unwrap_or_else(|e| panic!("{ENV} is set but the server cannot be used: {e:?}"));
            client.batch_execute(&format!("CREATE SCHEMA {name}")).expect("create the test schema");
            let separator = if admin.contains('?') { '&' } else { '?' };
            let url = format!("{admin}{separator}options=-c%20search_path%3D{name}");
            Schema { admin: admin.to_owned(), name, url }
        }
    }

    impl Drop for Schema {
        fn drop(&mut self) {
            if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
                let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
            }
        }
    }
}

/// Generates `sqlite::$name` and `postgres::$name` tests from `fn $name(fx: &Fixture)` bodies.
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&crate::backend::Fixture::sqlite());
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if let Some(fixture) = crate::backend::Fixture::postgres() {
                        super::$name(&fixture);
                    }
                }
            )*
        }
    };
}
pub(crate) use both_backends;
