//! Storing batches: deduplication, atomicity, round trips, entity merging, re-extraction; on
//! both backends.

use alaqat_model::{Entity, EntityKind, Extraction, Mention, Span};
use alaqat_store::{Error, Parts, PutOutcome};

use crate::backend::{both_backends, Fixture};
use crate::{at, document, full_sample, tokayev};

both_backends!(
    a_full_extraction_round_trips,
    putting_the_same_document_twice_changes_nothing,
    a_duplicate_inside_one_batch_is_stored_once,
    a_failing_batch_leaves_nothing_behind,
    entities_are_merged_across_documents,
    replacing_an_extraction_swaps_every_item,
    documents_come_back_in_insertion_order_streamed_and_paged,
    a_consumer_error_stops_the_iteration_and_comes_back,
    reading_inside_a_stream_works,
    document_ids_lists_every_stored_id_in_insertion_order,
    a_dyad_reads_the_documents_of_its_events_in_either_direction,
);

fn a_full_extraction_round_trips(fx: &Fixture) {
    let mut store = fx.open();
    assert_eq!(store.last_seq().unwrap(), 0, "an empty store");
    let sample = full_sample("doc-1");
    let outcomes = store.put_batch_at(std::slice::from_ref(&sample), at("2025-02-01T10:00:00Z")).unwrap();
    assert_eq!(outcomes, [PutOutcome::Inserted]);

    let stored = store.document("doc-1").unwrap().expect("just stored");
    assert_eq!(stored.document, sample.0);
    assert_eq!(stored.extraction, sample.1);
    assert_eq!(stored.ingested_at, "2025-02-01T10:00:00Z");
    assert_eq!(stored.seq, 1);
    assert_eq!(store.last_seq().unwrap(), 1);
    assert!(store.document("missing").unwrap().is_none());

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.entities, stats.mentions, stats.dates), (1, 2, 2, 3),);
    assert_eq!((stats.events, stats.claims, stats.commitments), (2, 2, 2));
}

fn putting_the_same_document_twice_changes_nothing(fx: &Fixture) {
    let mut store = fx.open();
    let sample = full_sample("doc-1");
    store.put_batch(std::slice::from_ref(&sample)).unwrap();
    let before = store.stats().unwrap();

    // Same id, even with a different extraction: the first one stays.
    let mut again = sample.clone();
    again.1.events.clear();
    let outcomes = store.put_batch(&[again.clone(), again]).unwrap();
    assert_eq!(outcomes, [PutOutcome::Unchanged, PutOutcome::Unchanged]);
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(store.last_seq().unwrap(), 1, "nothing stored, nothing to notice");
    assert_eq!(store.documents().unwrap().len(), 1);
    assert_eq!(store.document("doc-1").unwrap().unwrap().extraction, sample.1);
}

fn a_duplicate_inside_one_batch_is_stored_once(fx: &Fixture) {
    let mut store = fx.open();
    let sample = full_sample("doc-1");
    let outcomes = store.put_batch(&[sample.clone(), sample]).unwrap();
    assert_eq!(outcomes, [PutOutcome::Inserted, PutOutcome::Unchanged]);
    assert_eq!(store.stats().unwrap().events, 2);
}

fn a_failing_batch_leaves_nothing_behind(fx: &Fixture) {
    let mut store = fx.open();
    store.put_batch(&[full_sample("earlier")]).unwrap();
    let before = store.stats().unwrap();

    // The third document carries an offset no database column can hold, so storing it fails after the
    // first two documents (and their entities) were already written inside the transaction.
    let mut broken = full_sample("broken");
    broken.1.mentions.push(Mention { entity: "per:new".to_owned(), span: Span::new(0, usize::MAX) });
    let mut fresh_entity = full_sample("new-2");
    fresh_entity.1.entities.push(Entity { id: "per:new".to_owned(), ..Entity::default() });
    let batch = [full_sample("new-1"), fresh_entity, broken];

    let error = store.put_batch(&batch).unwrap_err();
    assert!(matches!(error, Error::OutOfRange { ref doc_id, .. } if doc_id == "broken"), "{error:?}");
    assert_eq!(error.to_string(), "document broken: mention span is out of range");

    assert_eq!(store.stats().unwrap(), before, "help: put_batch must roll back the whole batch");
    for id in ["new-1", "new-2", "broken"] {
        assert!(!store.has_document(id).unwrap(), "{id} must not be visible");
    }
    assert!(store.entity("per:new").unwrap().is_none());
    assert_eq!(store.document("earlier").unwrap().unwrap().extraction, full_sample("earlier").1);

    // The store still works, and the good documents can be stored on retry.
    let outcomes = store.put_batch(&batch[..2]).unwrap();
    assert_eq!(outcomes, [PutOutcome::Inserted, PutOutcome::Inserted]);
}

fn entities_are_merged_across_documents(fx: &Fixture) {
    let mut store = fx.open();
    let first = Extraction { entities: vec![tokayev()], ..Extraction::default() };
    let second = Extraction {
        entities: vec![Entity {
            id: "per:tokayev".to_owned(),
            kind: None,
            name_ar: None,
            name_en: None,
            country: None,
            role: Some("الرئيس".to_owned()),
            sector: None,
            variants: vec!["توقاييف".to_owned(), "توكاييف".to_owned()],
        }],
        ..Extraction::default()
    };
    store.put_batch(&[(document("a", "أ"), first), (document("b", "ب"), second)]).unwrap();

    let merged = store.entity("per:tokayev").unwrap().expect("stored entity");
    assert_eq!(merged.kind, Some(EntityKind::Person), "None keeps the stored kind");
    assert_eq!(merged.name_en.as_deref(), Some("Kassym-Jomart Tokayev"));
    assert_eq!(merged.country.as_deref(), Some("KAZ"));
    assert_eq!(merged.role.as_deref(), Some("الرئيس"), "a given value replaces the stored one");
    assert_eq!(merged.variants, ["توكاييف", "توقاييف"], "variants are the union, first seen first");
    assert_eq!(store.entities().unwrap(), std::slice::from_ref(&merged));
    assert_eq!(store.stats().unwrap().entities, 1);

    // Both documents list the entity, as currently stored.
    for id in ["a", "b"] {
        assert_eq!(store.document(id).unwrap().unwrap().extraction.entities, std::slice::from_ref(&merged));
    }
}

fn replacing_an_extraction_swaps_every_item(fx: &Fixture) {
    let mut store = fx.open();
    let (doc, extraction) = full_sample("doc-1");
    store.put_batch(&[(doc.clone(), extraction.clone()), full_sample("doc-2")]).unwrap();

    let mut rerun = extraction.clone();
    rerun.events.truncate(1);
    rerun.events[0].code = "036".to_owned();
    rerun.claims.clear();
    rerun.flags = vec!["outdated_place_name".to_owned()];
    rerun.inferred_published = None;
    store.replace_extraction("doc-1", &rerun).unwrap();

    let stored = store.document("doc-1").unwrap().unwrap();
    assert_eq!(stored.document, doc);
    assert_eq!(stored.extraction, rerun);
    assert_eq!(store.document("doc-2").unwrap().unwrap().extraction, full_sample("doc-2").1);

    let error = store.replace_extraction("missing", &rerun).unwrap_err();
    assert!(matches!(error, Error::UnknownDocument { .. }), "{error:?}");
    assert_eq!(error.to_string(), "no document with id missing");
}

fn documents_come_back_in_insertion_order_streamed_and_paged(fx: &Fixture) {
    let mut store = fx.open();
    // Ids that sort differently from insertion order.
    let ids = ["zz", "aa", "mm", "bb", "yy"];
    for id in ids {
        store.put_batch(&[(document(id, id), Extraction::default())]).unwrap();
    }

    let all: Vec<String> = store.documents().unwrap().into_iter().map(|d| d.document.id).collect();
    assert_eq!(all, ids);

    let mut streamed = Vec::new();
    store
        .for_each_document(&mut |stored| {
            streamed.push((stored.seq, stored.document.id));
            Ok(())
        })
        .unwrap();
    assert_eq!(streamed, [(1, "zz"), (2, "aa"), (3, "mm"), (4, "bb"), (5, "yy")].map(|(s, id)| (s, id.to_owned())));

    let mut lean = Vec::new();
    store
        .for_each_document_with(Parts::WithoutEntities, &mut |stored| {
            lean.push(stored.document.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(lean, ids);

    let mut paged = Vec::new();
    let mut after = 0;
    loop {
        let page = store.documents_page(after, 2).unwrap();
        let Some(last) = page.last() else { break };
        after = last.seq;
        paged.extend(page.into_iter().map(|d| d.document.id));
    }
    assert_eq!(paged, ids);
}

fn a_consumer_error_stops_the_iteration_and_comes_back(fx: &Fixture) {
    let mut store = fx.open();
    store
        .put_batch(&[(document("a", "a"), Extraction::default()), (document("b", "b"), Extraction::default())])
        .unwrap();
    let mut seen = 0;
    let error = store
        .for_each_document(&mut |_| {
            seen += 1;
            Err(Error::consumer(std::io::Error::other("disk full")))
        })
        .unwrap_err();
    assert_eq!(seen, 1);
    let cause = error.into_consumer().expect("the consumer's own error");
    assert_eq!(cause.to_string(), "disk full");
}

fn reading_inside_a_stream_works(fx: &Fixture) {
    let mut store = fx.open();
    store.put_batch(&[full_sample("a"), full_sample("b")]).unwrap();
    let store = &store;
    let mut n = 0;
    store
        .for_each_document(&mut |stored| {
            // A nested read (as an exporter looking up entities would do) must not fail.
            assert_eq!(store.document(&stored.document.id)?.as_ref(), Some(&stored));
            assert!(store.entity("per:tokayev")?.is_some());
            n += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(n, 2);
    // Without entity records, the rest of each document is the same.
    store
        .for_each_document_with(Parts::WithoutEntities, &mut |lean| {
            let mut whole = store.document(&lean.document.id)?.expect("stored");
            assert!(!whole.extraction.entities.is_empty() && lean.extraction.entities.is_empty());
            whole.extraction.entities.clear();
            assert_eq!(lean, whole);
            Ok(())
        })
        .unwrap();
}

fn document_ids_lists_every_stored_id_in_insertion_order(fx: &Fixture) {
    let mut store = fx.open();
    assert!(store.document_ids().unwrap().is_empty());
    store.put_batch(&[full_sample("b"), full_sample("a")]).unwrap();
    store.put_batch(&[full_sample("c"), full_sample("a")]).unwrap();
    assert_eq!(store.document_ids().unwrap(), ["b", "a", "c"]);
}

fn a_dyad_reads_the_documents_of_its_events_in_either_direction(fx: &Fixture) {
    let mut store = fx.open();
    // The full sample holds KAZ→SAU (e1) and an actor without a country → KAZ (e2).
    let mut reversed = full_sample("sau-to-kaz");
    for event in &mut reversed.1.events {
        std::mem::swap(&mut event.source, &mut event.target);
    }
    let mut elsewhere = full_sample("elsewhere");
    for event in &mut elsewhere.1.events {
        event.target.country = Some("QAT".to_owned());
    }
    let no_events = (document("no-events", "لا حدث هنا"), Extraction::default());
    store.put_batch(&[full_sample("kaz-to-sau"), elsewhere, no_events, reversed]).unwrap();

    let ids = |a: &str, b: &str| -> Vec<String> {
        store.dyad_documents(a, b, Parts::Whole).unwrap().into_iter().map(|s| s.document.id).collect()
    };
    assert_eq!(ids("SAU", "KAZ"), ["kaz-to-sau", "sau-to-kaz"], "both directions, in insertion order");
    assert_eq!(ids("KAZ", "SAU"), ids("SAU", "KAZ"));
    assert_eq!(ids("KAZ", "QAT"), ["elsewhere"]);
    assert!(ids("SAU", "QAT").is_empty());
    let stored = store.dyad_documents("KAZ", "QAT", Parts::Whole).unwrap();
    assert_eq!(stored[0].extraction.events.len(), 2, "the whole document comes back, every event");
    assert!(!stored[0].extraction.entities.is_empty());
    let lean = store.dyad_documents("KAZ", "QAT", Parts::WithoutEntities).unwrap();
    assert!(lean[0].extraction.entities.is_empty());
    let mut whole = stored[0].clone();
    whole.extraction.entities.clear();
    assert_eq!(lean[0], whole, "everything but the entity records");

    // Each direction counts for the pair; an actor without a country is in no dyad.
    let dyads = store.dyad_counts().unwrap();
    assert_eq!(dyads, [("KAZ".to_owned(), "SAU".to_owned(), 2), ("KAZ".to_owned(), "QAT".to_owned(), 1)]);
}
