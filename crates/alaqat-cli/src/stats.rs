//! `alaqat stats`: how much the store holds.

use std::io::Write;

use alaqat_store::Store;
use anyhow::Context;

use crate::output::Output;

/// Writes the counts of `store`, found at `location` (a directory, or a URL without password).
pub(crate) fn write(store: &dyn Store, location: &str, out: &mut Output) -> anyhow::Result<()> {
    let stats = store.stats().context("cannot read the store's counts")?;
    let version = store.schema_version().context("cannot read the store's schema version")?;
    let name = out.name();
    let rows = [
        ("documents", stats.documents),
        ("entities", stats.entities),
        ("mentions", stats.mentions),
        ("dates", stats.dates),
        ("events", stats.events),
        ("claims", stats.claims),
        ("commitments", stats.commitments),
    ];
    let mut text = format!("store        {location}\nschema       {version}\n");
    for (label, count) in rows {
        text.push_str(&format!("{label:<12} {count}\n"));
    }
    out.write_all(text.as_bytes()).with_context(|| format!("cannot write {name}"))
}
