//! Several writers at once (threads with a connection each, as separate ingest processes
//! would be): the same documents are stored once, counts are right, `seq` is unique and in
//! insertion order, and concurrent entity merges lose no variant.

use std::collections::HashSet;
use std::sync::Barrier;

use alaqat_model::{Entity, Extraction};
use alaqat_store::{PutOutcome, Store};

use crate::backend::{both_backends, Fixture};
use crate::{document, full_sample, tokayev};

both_backends!(concurrent_ingests_of_the_same_batch_store_each_document_once);

const WRITERS: usize = 4;
const DOCUMENTS: usize = 24;

fn concurrent_ingests_of_the_same_batch_store_each_document_once(fx: &Fixture) {
    let batch: Vec<_> = (0..DOCUMENTS).map(|i| full_sample(&format!("doc-{i:02}"))).collect();
    // Open every connection first (migrating a fresh store once), then start together.
    let stores: Vec<Box<dyn Store>> = (0..WRITERS).map(|_| fx.open()).collect();
    let barrier = Barrier::new(WRITERS);
    let inserted: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = stores
            .into_iter()
            .enumerate()
            .map(|(writer, mut store)| {
                let (batch, barrier) = (&batch, &barrier);
                scope.spawn(move || {
                    // Each writer walks the documents from another starting point, in batches
                    // of five, plus one document of its own whose entity adds a variant.
                    let mut order: Vec<_> = batch.iter().cycle().skip(writer * 7).take(DOCUMENTS).cloned().collect();
                    let own = Extraction {
                        entities: vec![Entity { variants: vec![format!("variant-{writer}")], ..tokayev() }],
                        ..Extraction::default()
                    };
                    order.push((document(&format!("own-{writer}"), &format!("نص {writer}")), own));
                    barrier.wait();
                    let mut mine = Vec::new();
                    for chunk in order.chunks(5) {
                        let outcomes = store.put_batch(chunk).expect("concurrent put_batch");
                        for ((doc, _), outcome) in chunk.iter().zip(outcomes) {
                            if outcome == PutOutcome::Inserted {
                                mine.push(doc.id.clone());
                            }
                        }
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("writer thread")).collect()
    });

    let all: Vec<&String> = inserted.iter().flatten().collect();
    let distinct: HashSet<&String> = all.iter().copied().collect();
    assert_eq!(all.len(), DOCUMENTS + WRITERS, "every document reported Inserted exactly once: {inserted:?}");
    assert_eq!(distinct.len(), DOCUMENTS + WRITERS);

    let store = fx.open();
    let stats = store.stats().unwrap();
    let expected = DOCUMENTS as u64;
    assert_eq!(stats.documents, expected + WRITERS as u64);
    assert_eq!((stats.events, stats.claims, stats.commitments), (2 * expected, 2 * expected, 2 * expected));
    assert_eq!((stats.mentions, stats.dates), (2 * expected, 3 * expected));
    assert_eq!(stats.entities, 2, "tokayev and riyadh, once each");

    let ids = store.document_ids().unwrap();
    assert_eq!(ids.len(), DOCUMENTS + WRITERS);
    let seqs: Vec<u64> = store.documents().unwrap().iter().map(|d| d.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "seq strictly increasing: {seqs:?}");
    let merged = store.entity("per:tokayev").unwrap().unwrap();
    for writer in 0..WRITERS {
        assert!(merged.variants.contains(&format!("variant-{writer}")), "variant-{writer} lost: {:?}", merged.variants);
    }
    for i in 0..DOCUMENTS {
        let id = format!("doc-{i:02}");
        // Documents list their entities as currently stored: with every writer's variant.
        let mut expected = full_sample(&id).1;
        expected.entities[0] = merged.clone();
        assert_eq!(store.document(&id).unwrap().unwrap().extraction, expected);
    }
}
