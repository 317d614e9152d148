//! The stores the binary's tests run against: the embedded one always, PostgreSQL when
//! `ALAQAT_TEST_POSTGRES` names a database (`.ci/run` starts one). Each PostgreSQL test gets a
//! fresh schema of its own, dropped at the end, so tests run in parallel on one database.
//!
//! `both_backends!(a, b)` turns test bodies `fn a(backend: &Backend)` into the tests
//! `embedded::a` and `postgres::a`.

use std::hash::{BuildHasher, Hasher};

/// A fresh schema in the test database, dropped at the end.
pub(crate) struct Schema {
    admin: String,
    name: String,
    /// The URL of the schema (its `search_path`), for `--store`.
    pub(crate) url: String,
}

impl Schema {
    /// A fresh schema, or `None` (said on stderr) when `ALAQAT_TEST_POSTGRES` is not set.
    /// Panics when it is set but the server cannot be used: CI must not skip.
    pub(crate) fn create() -> Option<Schema> {
        let Some(admin) = std::env::var("ALAQAT_TEST_POSTGRES").ok().filter(|u| !u.trim().is_empty()) else {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: `--store postgres://` CLI tests SKIPPED (ALAQAT_TEST_POSTGRES is not set)"
            );
            return None;
        };
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        let name = format!("t_cli_{:016x}", hasher.finish());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("ALAQAT_TEST_POSTGRES is usable");
        client.batch_execute(&format!("CREATE SCHEMA {name}")).unwrap();
        let separator = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{separator}options=-c%20search_path%3D{name}");
        Some(Schema { admin, name, url })
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name));
        }
    }
}

/// The store of one test.
pub(crate) enum Backend {
    /// The embedded store in the test's `--data`.
    Embedded,
    /// A PostgreSQL schema of its own; `--data` holds only the search index.
    Postgres(Schema),
}

impl Backend {
    /// The arguments that choose this store (none for the embedded one).
    pub(crate) fn args(&self) -> Vec<&str> {
        match self {
            Backend::Embedded => Vec::new(),
            Backend::Postgres(schema) => vec!["--store", &schema.url],
        }
    }
}

macro_rules! both_backends {
    ($($test:ident),+ $(,)?) => {
        mod embedded {
            $(
                #[test]
                fn $test() {
                    super::$test(&$crate::backend::Backend::Embedded);
                }
            )+
        }
        mod postgres {
            $(
                #[test]
                fn $test() {
                    if let Some(schema) = $crate::backend::Schema::create() {
                        super::$test(&$crate::backend::Backend::Postgres(schema));
                    }
                }
            )+
        }
    };
}
pub(crate) use both_backends;
