//! The index on disk: upserts, ids, removal, reopening, format changes, the writer lock.

use alaqat_model::Lang;
use alaqat_search::{Error, HitKind, IndexDoc, SearchIndex, SearchQuery};

use crate::{doc, event, extraction, total};

#[test]
fn adding_a_document_again_replaces_it() {
    let mut index = SearchIndex::in_ram().unwrap();
    let (d, x) = (doc("d", "زار الوفد أستانا.", Lang::Ar, None), extraction(vec![]));
    index.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
    index.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
    assert_eq!(total(&index, "أستانا"), 1);
    assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["d"]);
    let counts = index.document_entry_counts().unwrap();
    assert_eq!(counts.into_iter().collect::<Vec<_>>(), [("d".to_owned(), 1)]);
}

#[test]
fn evidence_entries_are_not_counted_as_documents() {
    let mut index = SearchIndex::in_ram().unwrap();
    let text = "زار الوفد أستانا. ووقع الجانبان اتفاقية.";
    let d = doc("d", text, Lang::Ar, None);
    let x = extraction(vec![event("e1", text, "ووقع الجانبان اتفاقية.", "SAU", "KAZ", None)]);
    index.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
    assert_eq!(total(&index, "اتفاقية"), 2, "the document and its evidence sentence");
    assert_eq!(index.document_entry_counts().unwrap().get("d"), Some(&1));
}

#[test]
fn ids_and_remove_let_the_caller_reconcile() {
    let mut index = SearchIndex::in_ram().unwrap();
    let docs = [doc("a", "نص أول عن الرياض.", Lang::Ar, None), doc("b", "نص ثان عن الرياض.", Lang::Ar, None)];
    let x = extraction(vec![]);
    let entries: Vec<_> = docs.iter().map(|d| IndexDoc { document: d, extraction: &x }).collect();
    index.add(&entries).unwrap();
    let mut ids: Vec<_> = index.ids().unwrap().into_iter().collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b"]);
    index.remove(&["a"]).unwrap();
    assert_eq!(index.ids().unwrap().into_iter().collect::<Vec<_>>(), ["b"]);
    assert_eq!(total(&index, "الرياض"), 1);
}

#[test]
fn an_index_on_disk_survives_reopening_and_is_rebuilt_after_a_format_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    {
        let mut index = SearchIndex::open(&path).unwrap();
        let (d, x) = (doc("d", "زار الوفد أستانا.", Lang::Ar, None), extraction(vec![]));
        index.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
        index.wait_merges().unwrap();
    }
    let index = SearchIndex::open(&path).unwrap();
    assert_eq!(total(&index, "استانا"), 1);
    drop(index);

    std::fs::write(path.join("alaqat-search.version"), "0\n").unwrap();
    let index = SearchIndex::open(&path).unwrap();
    assert!(index.ids().unwrap().is_empty(), "an index of another format starts empty");
}

#[test]
fn a_second_writer_is_told_the_index_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    let (d, x) = (doc("d", "زار الوفد أستانا.", Lang::Ar, None), extraction(vec![]));
    let mut first = SearchIndex::open(&path).unwrap();
    first.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
    let mut second = SearchIndex::open(&path).unwrap();
    assert!(matches!(second.add(&[IndexDoc { document: &d, extraction: &x }]), Err(Error::Busy)));
    // Reading needs no lock.
    assert_eq!(total(&second, "أستانا"), 1);
    first.wait_merges().unwrap();
    second.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
}

#[test]
fn the_index_keeps_no_text_and_asks_for_each_document_once() {
    let mut index = SearchIndex::in_ram().unwrap();
    let text = "زار الوفد أستانا. ووقع الجانبان في أستانا اتفاقية.";
    let d = doc("d", text, Lang::Ar, None);
    let x = extraction(vec![event("e1", text, "ووقع الجانبان في أستانا اتفاقية.", "SAU", "KAZ", None)]);
    index.add(&[IndexDoc { document: &d, extraction: &x }]).unwrap();
    let mut asked: Vec<Vec<String>> = Vec::new();
    let found = index
        .search(&SearchQuery::new("أستانا"), &mut |ids| {
            asked.push(ids.iter().map(|id| id.to_string()).collect());
            Ok(ids.iter().map(|_| Some(text.to_owned())).collect())
        })
        .unwrap();
    assert_eq!(asked, [["d"]], "the document and its evidence hit: one call, one id");
    let snippet = |evidence: bool| {
        let hit = found.hits.iter().find(|h| matches!(h.kind, HitKind::Evidence { .. }) == evidence).unwrap();
        hit.snippet.as_str()
    };
    assert_eq!(snippet(false), text);
    assert_eq!(snippet(true), "ووقع الجانبان في أستانا اتفاقية.", "the evidence is its slice of the text");

    // A document the caller does not have: its hits come back without a snippet.
    let found = index.search(&SearchQuery::new("أستانا"), &mut |ids| Ok(vec![None; ids.len()])).unwrap();
    assert_eq!(found.total, 2);
    assert!(found.hits.iter().all(|h| h.snippet.is_empty() && h.highlights.is_empty()));
    // Its failure is the search's.
    let failed = index.search(&SearchQuery::new("أستانا"), &mut |_| Err("the store is gone".into()));
    assert!(matches!(failed, Err(Error::Texts(_))));
}
