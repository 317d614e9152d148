//! The search index next to an embedded store (`<data>/search`): opening it, and keeping it in
//! step with the store, which is the truth.

use std::collections::HashSet;
use std::path::Path;

use alaqat_search::{IndexDoc, SearchIndex};
use alaqat_store::Store;

use crate::error::{chain, Error};

/// The index's directory inside the store directory.
pub const SEARCH_DIR: &str = "search";

/// Documents read from the store and indexed at a time while reconciling.
const RECONCILE_BATCH: usize = 256;

/// The store's texts, as a search reads its hits' texts (the index keeps none).
pub fn store_texts(
    store: &dyn Store,
) -> impl FnMut(&[&str]) -> Result<Vec<Option<String>>, alaqat_search::BoxError> + '_ {
    |ids| store.texts(ids).map_err(Into::into)
}

/// Opens (creating it if needed) the search index of the store in `data`.
pub fn open_index(data: &Path) -> Result<SearchIndex, Error> {
    let dir = data.join(SEARCH_DIR);
    SearchIndex::open(&dir).map_err(Error::index(format!("cannot use the search index in {}", dir.display())))
}

/// The search index for an ingest into the store in `data`, or `None` with a warning when it
/// cannot be opened: documents are stored all the same, and `alaqat search` indexes them later.
pub fn open_index_for_ingest(data: &Path) -> Option<SearchIndex> {
    match open_index(data) {
        Ok(index) => Some(index),
        Err(error) => {
            eprintln!("warning: {}; the documents are stored and `alaqat search` will index them", chain(&error));
            None
        }
    }
}

/// What [`reconcile`] changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Stored documents the index lacked, now indexed.
    pub added: usize,
    /// Indexed documents the store does not have, now removed.
    pub removed: usize,
    /// Stored documents indexed wrongly (more than one document entry, or evidence without
    /// the document), now indexed again.
    pub reindexed: usize,
}

/// Brings the index in step with the store: indexes stored documents it lacks (an ingest
/// interrupted between the store's commit and the index's, or an index rebuilt after a format
/// change) or holds wrongly, and removes documents the store does not have. Cheap when they
/// agree: one id list from each.
pub fn reconcile(store: &dyn Store, index: &mut SearchIndex) -> Result<Reconciled, Error> {
    // Ingest indexes only documents it stored, and nothing but `check` deletes from the store,
    // so equal counts mean the index is complete: a millisecond instead of comparing every id
    // (seconds at a million documents). `check` always compares the ids.
    index.refresh().map_err(Error::index("cannot read the search index"))?;
    let stored = store.document_count().map_err(Error::store("cannot count the stored documents"))?;
    if index.document_count().map_err(Error::index("cannot count the indexed documents"))? == stored {
        return Ok(Reconciled::default());
    }
    compare_ids(store, index, true)
}

/// [`reconcile`], or with `apply` false only counting what it would change.
pub fn reconcile_with(store: &dyn Store, index: &mut SearchIndex, apply: bool) -> Result<Reconciled, Error> {
    // Another process may have committed to the index since this handle last looked.
    index.refresh().map_err(Error::index("cannot read the search index"))?;
    compare_ids(store, index, apply)
}

/// [`reconcile_with`] on a handle just refreshed.
fn compare_ids(store: &dyn Store, index: &mut SearchIndex, apply: bool) -> Result<Reconciled, Error> {
    let stored = store.document_ids().map_err(Error::store("cannot list the stored documents"))?;
    let indexed = index.ids().map_err(Error::index("cannot list the indexed documents"))?;
    let entries = index.document_entry_counts().map_err(Error::index("cannot list the indexed documents"))?;
    let stored_set: HashSet<&str> = stored.iter().map(String::as_str).collect();
    let orphans: Vec<&str> = indexed.iter().map(String::as_str).filter(|id| !stored_set.contains(id)).collect();
    // Adding replaces whatever the index holds for the id, so one pass fixes both cases.
    let (mut added, mut reindexed) = (0, 0);
    let mut to_index = Vec::new();
    for id in &stored {
        match entries.get(id) {
            Some(1) => continue,
            None if !indexed.contains(id) => added += 1,
            _ => reindexed += 1,
        }
        to_index.push(id);
    }
    let reconciled = Reconciled { added, removed: orphans.len(), reindexed };
    if !apply {
        return Ok(reconciled);
    }
    index.remove(&orphans).map_err(Error::index("cannot update the search index"))?;
    for chunk in to_index.chunks(RECONCILE_BATCH) {
        let mut documents = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(document) = store.document(id).map_err(Error::store(format!("cannot read document {id}")))? {
                documents.push(document);
            }
        }
        let entries: Vec<IndexDoc<'_>> =
            documents.iter().map(|d| IndexDoc { document: &d.document, extraction: &d.extraction }).collect();
        index.add(&entries).map_err(Error::index("cannot update the search index"))?;
    }
    if !to_index.is_empty() {
        index.wait_merges().map_err(Error::index("cannot update the search index"))?;
    }
    Ok(reconciled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alaqat_model::{Document, Extraction, Format, Lang};

    #[test]
    fn reconcile_adds_what_is_missing_and_removes_orphans() {
        let mut store = alaqat_store::SqliteStore::open_in_memory().unwrap();
        let doc = |id: &str, text: &str| Document {
            id: id.to_owned(),
            source: format!("{id}.txt"),
            url: None,
            title: None,
            published: None,
            lang: Lang::Ar,
            encoding: "utf-8".to_owned(),
            format: Format::Txt,
            text: text.to_owned(),
        };
        store.put_batch(&[(doc("a", "زار الوفد أستانا."), Extraction::default())]).unwrap();
        let mut index = SearchIndex::in_ram().unwrap();
        let orphan = doc("gone", "نص لم يعد في المخزن.");
        index.add(&[IndexDoc { document: &orphan, extraction: &Extraction::default() }]).unwrap();
        // One missing and one orphan: the counts agree, so only the full comparison sees it.
        assert_eq!(reconcile(&store, &mut index).unwrap(), Reconciled::default(), "the quick check trusts counts");
        let full = reconcile_with(&store, &mut index, false).unwrap();
        assert_eq!(full, Reconciled { added: 1, removed: 1, reindexed: 0 }, "a dry run counts");
        assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["gone"], "and changes nothing");
        assert_eq!(reconcile_with(&store, &mut index, true).unwrap(), full);
        assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["a"]);
        assert_eq!(reconcile_with(&store, &mut index, true).unwrap(), Reconciled::default());

        // A document stored after the index was last brought up to date: the counts differ.
        store.put_batch(&[(doc("b", "وقع الجانبان اتفاقية."), Extraction::default())]).unwrap();
        assert_eq!(reconcile(&store, &mut index).unwrap(), Reconciled { added: 1, removed: 0, reindexed: 0 });
    }
}
