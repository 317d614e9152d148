//! The corpus loader shared by `export`, `events`, `timeline`, `conflicts` and `commitments`:
//! every stored document with its extraction (person ids linked across documents), the merged
//! entities, and what `alaqat_corpus::analyze` finds over them as of a date.
//!
//! Corpus reasoning needs all extractions at once, so this holds the whole store in memory
//! (documents with their texts, which evidence quotes slice). That is acceptable for the
//! stores we have; a streamed, two-pass version comes when stores outgrow memory.

use std::collections::HashMap;

use alaqat_corpus::{Corpus, Doc, FusedEvent};
use alaqat_model::{Date, Entity};
use alaqat_store::{Store, StoredDocument};
use anyhow::Context;

/// The store, read and analysed.
pub(crate) struct Analysis {
    /// Every document in insertion order, person ids relinked to their canonical ids.
    pub(crate) stored: Vec<StoredDocument>,
    /// Every entity, linked people merged into one record.
    pub(crate) entities: Vec<Entity>,
    /// Linked person id → canonical id.
    pub(crate) links: HashMap<String, String>,
    /// Corpus reasoning over `stored` (indices are positions in `stored`).
    pub(crate) corpus: Corpus,
}

/// Reads every document of `store` and analyses the corpus as of `as_of`.
pub(crate) fn load(store: &dyn Store, as_of: Date) -> anyhow::Result<Analysis> {
    let entities = store.entities().context("cannot read entities from the store")?;
    let links = alaqat_extract::link_people(&entities);
    let entities = crate::export::merge_linked(entities, &links);
    let mut stored = store.documents().context("cannot read documents from the store")?;
    for document in &mut stored {
        crate::export::relink(&mut document.extraction, &links);
    }
    let docs: Vec<Doc<'_>> = stored.iter().map(|s| Doc { document: &s.document, extraction: &s.extraction }).collect();
    let corpus = alaqat_corpus::analyze(&docs, as_of);
    Ok(Analysis { stored, entities, links, corpus })
}

impl Analysis {
    /// The `source` of document `doc`.
    pub(crate) fn source(&self, doc: usize) -> &str {
        &self.stored[doc].document.source
    }

    /// Number of distinct documents among a fused event's members.
    pub(crate) fn distinct_documents(fused: &FusedEvent) -> usize {
        let mut docs: Vec<usize> = fused.members.iter().map(|&(d, _)| d).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// The evidence sentence of a fused event's best member.
    pub(crate) fn evidence(&self, fused: &FusedEvent) -> &str {
        let (d, e) = fused.best;
        let Some(stored) = self.stored.get(d) else { return "" };
        stored.extraction.events.get(e).and_then(|event| event.evidence.slice(&stored.document.text)).unwrap_or("")
    }

    /// The entity with this id.
    pub(crate) fn entity(&self, id: &str) -> Option<&Entity> {
        let id = self.links.get(id).map_or(id, String::as_str);
        self.entities.iter().find(|e| e.id == id)
    }
}

/// Today's date in UTC: the default `--as-of`.
pub(crate) fn today() -> Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Parses `YYYY-MM-DD` (for clap).
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    text.trim().parse::<Date>().map_err(|_| format!("`{text}` is not a date (expected YYYY-MM-DD)"))
}

/// Resolves a country given as an ISO alpha-3 code (`SAU`), an English name (`Saudi Arabia`)
/// or an Arabic name or adjective (`السعودية`, `الكازاخستاني`), or an organization (`GCC`,
/// `IGOGCC`, `مجلس التعاون`), to the code used in events (`SAU`, `IGOGCC`).
pub(crate) fn resolve_country(name: &str) -> Option<String> {
    let lexicon = alaqat_extract::Lexicon::builtin();
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let upper = name.to_uppercase();
    if lexicon.country_index.contains_key(&upper) {
        return Some(upper);
    }
    let acronym = upper.strip_prefix("IGO").unwrap_or(&upper);
    if let Some(org) = lexicon.orgs.iter().find(|o| o.code.strip_prefix("IGO") == Some(acronym)) {
        return Some(org.code.clone());
    }
    if let Some(country) = lexicon.countries.iter().find(|c| c.en.eq_ignore_ascii_case(name)) {
        return Some(country.iso3.clone());
    }
    if let Some(org) = lexicon.orgs.iter().find(|o| o.en.eq_ignore_ascii_case(name)) {
        return Some(org.code.clone());
    }
    // Anything else: what extraction recognizes in the name (variants, adjectives, Arabic).
    // Country entities are named by their ISO code, organizations by their IGO code.
    let extraction = alaqat_extract::extract_text(name, None);
    extraction
        .mentions
        .iter()
        .find(|m| lexicon.country_index.contains_key(&m.entity) || m.entity.starts_with("IGO"))
        .map(|m| m.entity.clone())
}

/// A country's or organization's English name, by code (`SAU` → Saudi Arabia).
pub(crate) fn country_name(code: &str) -> Option<&'static str> {
    let lexicon = alaqat_extract::Lexicon::builtin();
    if let Some(&i) = lexicon.country_index.get(code) {
        return lexicon.countries.get(usize::from(i)).map(|c| c.en.as_str());
    }
    lexicon.orgs.iter().find(|o| o.code == code).map(|o| o.en.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_resolve_from_codes_and_names() {
        assert_eq!(resolve_country("SAU").as_deref(), Some("SAU"));
        assert_eq!(resolve_country("kaz").as_deref(), Some("KAZ"));
        assert_eq!(resolve_country("Saudi Arabia").as_deref(), Some("SAU"));
        assert_eq!(resolve_country("Kazakhstan").as_deref(), Some("KAZ"));
        assert_eq!(resolve_country("السعودية").as_deref(), Some("SAU"));
        assert_eq!(resolve_country("كازاخستان").as_deref(), Some("KAZ"));
        assert_eq!(resolve_country("Atlantis"), None);
        assert_eq!(resolve_country("GCC").as_deref(), Some("IGOGCC"));
        assert_eq!(country_name("KAZ"), Some("Kazakhstan"));
        assert_eq!(country_name("IGOGCC"), Some("Gulf Cooperation Council"));
    }
}
