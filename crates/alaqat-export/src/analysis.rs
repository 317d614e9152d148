//! The corpus loader shared by `export`, `events`, `timeline`, `conflicts`, `commitments` and
//! the server:
//! every stored document with its extraction (person ids linked across documents), the merged
//! entities, and what `alaqat_corpus::analyze` finds over them as of a date.
//!
//! Corpus reasoning over the whole store ([`load`]) holds every document in memory (with its
//! text, which evidence quotes slice), but only what corpus reasoning and the listings read;
//! no document keeps a copy of its entities' records. What concerns one dyad ([`load_dyad`])
//! reads only the documents of that dyad's events, through the store's dyad index.

use std::collections::HashMap;

use alaqat_corpus::{Corpus, Doc, FusedEvent};
use alaqat_model::{Date, Entity, Extraction};
use alaqat_store::{Parts, Store, StoredDocument};

/// A read of the store failed: what was being read, and why.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {what} from the store")]
pub struct Error {
    what: String,
    #[source]
    source: alaqat_store::Error,
}

impl Error {
    fn reading(what: impl Into<String>) -> impl FnOnce(alaqat_store::Error) -> Error {
        let what = what.into();
        move |source| Error { what, source }
    }
}

/// The store, read and analysed.
pub struct Analysis {
    /// Every document in insertion order, person ids relinked to their canonical ids.
    pub stored: Vec<StoredDocument>,
    /// Every entity, linked people merged into one record.
    pub entities: Vec<Entity>,
    /// Linked person id → canonical id.
    pub links: HashMap<String, String>,
    /// Entity id → position in `entities` (the first, should an id repeat).
    entity_at: HashMap<String, usize>,
    /// Corpus reasoning over `stored` (indices are positions in `stored`). After
    /// [`load_dyad`], fused events only, and only the dyad's are those of the whole store.
    pub corpus: Corpus,
}

/// Reads every document of `store` and analyses the corpus as of `as_of`.
///
/// Each document is held with what corpus reasoning, the listings and the server's lists read:
/// its text, events, claims, commitments, flags and inferred publication date. Its mentions,
/// date expressions and diagnostics are dropped as it is read (the export and the server read a
/// document again to show it whole), and no document holds a copy of its entities' records:
/// [`Analysis::entities`] has each once.
pub fn load(store: &dyn Store, as_of: Date) -> Result<Analysis, Error> {
    load_with(store, as_of, &mut |_, _| {})
}

/// [`load`], showing `seen` each document whole (its position, the document with its person
/// ids relinked) before it is cut down.
pub fn load_with(
    store: &dyn Store,
    as_of: Date,
    seen: &mut dyn FnMut(usize, &StoredDocument),
) -> Result<Analysis, Error> {
    let (entities, links) = people(store)?;
    let mut stored = Vec::new();
    store
        .for_each_document_with(Parts::WithoutEntities, &mut |mut document| {
            relink(&mut document.extraction, &links);
            seen(stored.len(), &document);
            cut(&mut document);
            stored.push(document);
            Ok(())
        })
        .map_err(Error::reading("documents"))?;
    Ok(analyse(stored, entities, links, |docs| alaqat_corpus::analyze(docs, as_of)))
}

/// Reads the documents holding events between `a` and `b` and fuses their events.
///
/// The fused events between `a` and `b` are exactly those [`load`] finds: every event of their
/// fusion keys (CAMEO base, the two countries, modality class) is in these documents, and
/// fusion decides each key from its own events, their documents and person links across the
/// whole store (`alaqat_corpus::fuse`). Other dyads' events cover these documents only, and
/// nothing else is analysed: no near-duplicate groups, conflicts or commitment status.
pub fn load_dyad(store: &dyn Store, a: &str, b: &str) -> Result<Analysis, Error> {
    let (entities, links) = people(store)?;
    let mut stored = store
        .dyad_documents(a, b, Parts::WithoutEntities)
        .map_err(Error::reading(format!("the documents of {a}–{b}")))?;
    for document in &mut stored {
        relink(&mut document.extraction, &links);
        cut(document);
    }
    Ok(analyse(stored, entities, links, alaqat_corpus::fuse))
}

/// Drops what an analysis does not hold of a document (see [`load`]).
fn cut(document: &mut StoredDocument) {
    let extraction = &mut document.extraction;
    (extraction.mentions, extraction.dates, extraction.diagnostics) = (Vec::new(), Vec::new(), Vec::new());
}

/// Every entity, linked people merged into one record, and the links (person id → canonical
/// id).
fn people(store: &dyn Store) -> Result<(Vec<Entity>, HashMap<String, String>), Error> {
    let entities = store.entities().map_err(Error::reading("entities"))?;
    let links = alaqat_extract::link_people(&entities);
    Ok((merge_linked(entities, &links), links))
}

/// Runs `reason` over documents whose person ids are already relinked.
fn analyse(
    stored: Vec<StoredDocument>,
    entities: Vec<Entity>,
    links: HashMap<String, String>,
    reason: impl FnOnce(&[Doc<'_>]) -> Corpus,
) -> Analysis {
    let docs: Vec<Doc<'_>> = stored.iter().map(|s| Doc { document: &s.document, extraction: &s.extraction }).collect();
    let corpus = reason(&docs);
    let mut entity_at = HashMap::with_capacity(entities.len());
    for (i, entity) in entities.iter().enumerate() {
        entity_at.entry(entity.id.clone()).or_insert(i);
    }
    Analysis { stored, entities, links, entity_at, corpus }
}

impl Analysis {
    /// The `source` of document `doc`.
    pub fn source(&self, doc: usize) -> &str {
        &self.stored[doc].document.source
    }

    /// Number of distinct documents among a fused event's members.
    pub fn distinct_documents(fused: &FusedEvent) -> usize {
        let mut docs: Vec<usize> = fused.members.iter().map(|&(d, _)| d).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// The evidence sentence of a fused event's best member.
    pub fn evidence(&self, fused: &FusedEvent) -> &str {
        let (d, e) = fused.best;
        let Some(stored) = self.stored.get(d) else { return "" };
        stored.extraction.events.get(e).and_then(|event| event.evidence.slice(&stored.document.text)).unwrap_or("")
    }

    /// The entity with this id (or the person it was linked to).
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        let id = self.links.get(id).map_or(id, String::as_str);
        self.entity_at.get(id).and_then(|&i| self.entities.get(i))
    }
}

/// Replaces linked person ids by their canonical id.
pub fn relink(extraction: &mut Extraction, links: &HashMap<String, String>) {
    if links.is_empty() {
        return;
    }
    let canonical = |id: &mut String| {
        if let Some(to) = links.get(id.as_str()) {
            id.clone_from(to);
        }
    };
    extraction.mentions.iter_mut().for_each(|m| canonical(&mut m.entity));
    for event in &mut extraction.events {
        for actor in [&mut event.source, &mut event.target] {
            if let Some(id) = actor.entity.as_mut() {
                canonical(id);
            }
        }
    }
}

/// One entity record per linked person: the canonical one, with the others' spellings.
pub fn merge_linked(entities: Vec<Entity>, links: &HashMap<String, String>) -> Vec<Entity> {
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut absorbed: Vec<Entity> = Vec::new();
    for entity in entities {
        if links.contains_key(&entity.id) {
            absorbed.push(entity);
        } else {
            merged.push(entity);
        }
    }
    for entity in absorbed {
        if let Some(target) = merged.iter_mut().find(|e| links.get(&entity.id) == Some(&e.id)) {
            for variant in entity.variants {
                if !target.variants.contains(&variant) {
                    target.variants.push(variant);
                }
            }
            if target.role.is_none() {
                target.role = entity.role;
            }
        }
    }
    merged
}

/// Today's date in UTC: the default `--as-of`.
pub fn today() -> Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Parses `YYYY-MM-DD` (for clap).
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.trim().parse::<Date>().map_err(|_| format!("`{text}` is not a date (expected YYYY-MM-DD)"))
}

/// Resolves a country given as an ISO alpha-3 code (`SAU`), an English name (`Saudi Arabia`)
/// or an Arabic name or adjective (`السعودية`, `الكازاخستاني`), or an organization (`GCC`,
/// `IGOGCC`, `مجلس التعاون`), to the code used in events (`SAU`, `IGOGCC`).
pub fn resolve_country(name: &str) -> Option<String> {
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
pub fn country_name(code: &str) -> Option<&'static str> {
    let lexicon = alaqat_extract::Lexicon::builtin();
    if let Some(&i) = lexicon.country_index.get(code) {
        return lexicon.countries.get(usize::from(i)).map(|c| c.en.as_str());
    }
    lexicon.orgs.iter().find(|o| o.code == code).map(|o| o.en.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a fused event is, by ids instead of positions in an analysis's documents.
    fn by_ids(analysis: &Analysis, fused: &FusedEvent) -> String {
        let id = |(d, e): (usize, usize)| {
            let stored = &analysis.stored[d];
            format!("{}/{}", stored.document.id, stored.extraction.events[e].id)
        };
        let members: Vec<String> = fused.members.iter().map(|&m| id(m)).collect();
        format!(
            "{} {} {}→{} {:?} {:?} best {} members {members:?}",
            fused.id,
            fused.code,
            fused.source.code,
            fused.target.code,
            fused.date,
            fused.modality,
            id(fused.best)
        )
    }

    #[test]
    fn a_dyad_read_fuses_its_events_exactly_as_the_whole_store() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus");
        let mut batch = Vec::new();
        alaqat_read::read_path(&corpus, &alaqat_read::ReadOptions::default(), &mut |item| {
            if let alaqat_read::Item::Doc(mut doc) = item {
                if doc.lang == alaqat_model::Lang::Unknown {
                    doc.lang = alaqat_text::detect_lang(&doc.text);
                }
                batch.push({
                    let extraction = alaqat_extract::extract(&doc);
                    (doc, extraction)
                });
            }
        });
        let mut store = alaqat_store::SqliteStore::open_in_memory().unwrap();
        store.put_batch(&batch).unwrap();
        let as_of = jiff::civil::date(2026, 1, 1);
        let whole = load(&store, as_of).unwrap();
        // Documents held without mentions, dates and entity records are analysed as whole ones.
        assert!(whole.stored.iter().all(|s| s.extraction.mentions.is_empty() && s.extraction.entities.is_empty()));
        let (entities, links) = people(&store).unwrap();
        let mut documents = store.documents().unwrap();
        assert!(documents.iter().any(|s| !s.extraction.mentions.is_empty() && !s.extraction.entities.is_empty()));
        documents.iter_mut().for_each(|s| relink(&mut s.extraction, &links));
        let reference = analyse(documents, entities, links, |docs| alaqat_corpus::analyze(docs, as_of));
        assert_eq!(whole.corpus, reference.corpus);
        assert_eq!(whole.links, reference.links);
        let mut dyads: Vec<(String, String)> = whole
            .corpus
            .fused
            .iter()
            .filter_map(|f| {
                let (s, t) = (f.source.country()?.to_owned(), f.target.country()?.to_owned());
                Some(if s <= t { (s, t) } else { (t, s) })
            })
            .collect();
        dyads.sort();
        dyads.dedup();
        assert!(dyads.len() > 30, "the demo corpus has many dyads: {}", dyads.len());
        for (a, b) in &dyads {
            let part = load_dyad(&store, a, b).unwrap();
            assert!(part.stored.len() < whole.stored.len(), "{a}–{b} reads a part of the store");
            let expected: Vec<String> =
                alaqat_corpus::timeline(&whole.corpus, a, b).into_iter().map(|f| by_ids(&whole, f)).collect();
            let got: Vec<String> =
                alaqat_corpus::timeline(&part.corpus, a, b).into_iter().map(|f| by_ids(&part, f)).collect();
            assert_eq!(got, expected, "{a}–{b}");
        }
    }

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
