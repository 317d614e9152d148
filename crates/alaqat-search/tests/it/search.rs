//! Queries: spelling variants, country adjectives, AND and phrases, filters, evidence hits.

use alaqat_model::Lang;
use alaqat_search::{HitKind, SearchQuery};

use crate::{day, doc, documents, event, extraction, highlighted, index_of, search};

const JOINED: &str = "استقبل الأمير عبدالعزيز بن سعود الوفد الزائر في قصره.";
const SPACED: &str = "التقى الأمير عبد العزيز بن سعود بالوفد الزائر صباح اليوم.";
const KAZ_ONLY: &str = "وصلت بعثة تجارية إلى كازاخستان لبحث مشاريع الطاقة المتجددة.";
const ENGLISH: &str = "The Kazakh delegation met investors in Riyadh on Sunday.";

#[test]
fn abd_names_are_found_however_they_are_spaced() {
    let index = index_of(&[
        (doc("joined", JOINED, Lang::Ar, None), extraction(vec![])),
        (doc("spaced", SPACED, Lang::Ar, None), extraction(vec![])),
        (doc("other", KAZ_ONLY, Lang::Ar, None), extraction(vec![])),
    ]);
    for query in ["عبد العزيز", "عبدالعزيز", "عبدُ العزيزِ"] {
        let found = search(&index, query);
        let mut ids = documents(&found);
        ids.sort_unstable();
        assert_eq!(ids, ["joined", "spaced"], "query {query}");
    }
    let found = search(&index, "عبد العزيز");
    let spaced = found.hits.iter().find(|h| h.document == "spaced").unwrap();
    assert_eq!(highlighted(spaced), ["عبد العزيز"]);
}

#[test]
fn a_country_adjective_finds_documents_that_only_name_the_country() {
    let index = index_of(&[
        (doc("kaz", KAZ_ONLY, Lang::Ar, None), extraction(vec![])),
        (doc("other", JOINED, Lang::Ar, None), extraction(vec![])),
    ]);
    let found = search(&index, "الكازاخستانية");
    assert_eq!(documents(&found), ["kaz"]);
    assert_eq!(highlighted(&found.hits[0]), ["كازاخستان"]);
    // And the other way round, across languages: an English adjective, an Arabic name.
    assert_eq!(documents(&search(&index, "Kazakhstani")), ["kaz"]);
}

#[test]
fn english_words_fold_case_and_plurals_and_reach_arabic_country_names() {
    let index = index_of(&[
        (doc("en", ENGLISH, Lang::En, None), extraction(vec![])),
        (doc("ar", KAZ_ONLY, Lang::Ar, None), extraction(vec![])),
    ]);
    assert_eq!(documents(&search(&index, "INVESTOR")), ["en"]);
    assert_eq!(documents(&search(&index, "delegations")), ["en"]);
    let mut both = documents(&search(&index, "Kazakhstan"));
    both.sort_unstable();
    assert_eq!(both, ["ar", "en"]);
    // Riyadh is Saudi Arabia's capital.
    assert_eq!(documents(&search(&index, "السعودية")), ["en"]);
}

#[test]
fn clitics_and_suffixes_do_not_hide_a_word() {
    let text = "وبالرياضِ عقدت الوزارةُ اجتماعاً لمناقشة زيارتها المرتقبة.";
    let index = index_of(&[(doc("d", text, Lang::Ar, None), extraction(vec![]))]);
    for query in ["الرياض", "رياض", "وزارة", "الزيارة", "زيارة", "اجتماع"] {
        assert_eq!(search(&index, query).total, 1, "query {query}");
    }
    assert_eq!(highlighted(&search(&index, "الرياض").hits[0]), ["وبالرياضِ"]);
    assert_eq!(search(&index, "زار").total, 0, "وزارة is not the verb زار");
}

#[test]
fn every_word_must_match_and_quoted_words_must_be_consecutive() {
    let index = index_of(&[
        (doc("a", "وقع وزير الطاقة اتفاقية مع وزير الخارجية.", Lang::Ar, None), extraction(vec![])),
        (doc("b", "قال وزير الخارجية إن الطاقة أولوية.", Lang::Ar, None), extraction(vec![])),
        (doc("c", "ناقش المجلس ملف الطاقة.", Lang::Ar, None), extraction(vec![])),
    ]);
    let mut ids = documents(&search(&index, "وزير الطاقة"));
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(documents(&search(&index, "\"وزير الطاقة\"")), ["a"]);
    assert_eq!(documents(&search(&index, "«الوزير الطاقة»")), ["a"]);
    assert_eq!(search(&index, "وزير الصحة").total, 0);
}

/// Two documents: one with a Kazakh–Saudi event dated 2024, one with a Qatari–Turkish event in
/// 2025; one English document without events.
fn filtered_corpus() -> crate::Indexed {
    let first = "بحث وزير الخارجية السعودي مع نظيره الكازاخستاني التعاون الاقتصادي. وأكد الجانبان أهمية التعاون.";
    let first_evidence = "بحث وزير الخارجية السعودي مع نظيره الكازاخستاني التعاون الاقتصادي.";
    let second = "بحث أمير قطر مع الرئيس التركي التعاون الاقتصادي في الدوحة.";
    let third = "Economic cooperation was discussed in Astana.";
    index_of(&[
        (
            doc("sau-kaz", first, Lang::Ar, Some("2024-05-02")),
            extraction(vec![
                event("e1", first, first_evidence, "SAU", "KAZ", Some("2024-05-01")),
                event("e2", first, first_evidence, "KAZ", "SAU", Some("2024-05-01")),
            ]),
        ),
        (
            doc("qat-tur", second, Lang::Ar, Some("2025-03-10")),
            extraction(vec![event("e1", second, second, "QAT", "TUR", None)]),
        ),
        (doc("en", third, Lang::En, Some("2025-03-11")), extraction(vec![])),
    ])
}

#[test]
fn the_dyad_filter_keeps_documents_and_evidence_of_that_pair() {
    let index = filtered_corpus();
    let query = |dyad: (&str, &str)| SearchQuery {
        dyad: Some((dyad.0.to_owned(), dyad.1.to_owned())),
        ..SearchQuery::new("التعاون")
    };
    let found = index.search(&query(("KAZ", "SAU"))).unwrap();
    assert_eq!(documents(&found), ["sau-kaz"]);
    assert_eq!(found.total, 2, "the document and its one evidence sentence");
    let found = index.search(&query(("TUR", "QAT"))).unwrap();
    assert_eq!(documents(&found), ["qat-tur"]);
    assert_eq!(index.search(&query(("KAZ", "QAT"))).unwrap().total, 0);
}

#[test]
fn the_language_and_date_filters_exclude_what_they_should() {
    let index = filtered_corpus();
    let en = SearchQuery { lang: Some(Lang::En), ..SearchQuery::new("cooperation") };
    assert_eq!(documents(&index.search(&en).unwrap()), ["en"]);
    let ar = SearchQuery { lang: Some(Lang::Ar), ..SearchQuery::new("التعاون") };
    assert_eq!(index.search(&ar).unwrap().hits.iter().filter(|h| h.document == "en").count(), 0);
    let before_2025 = SearchQuery { to: Some(day("2024-12-31")), ..SearchQuery::new("التعاون") };
    assert_eq!(documents(&index.search(&before_2025).unwrap()), ["sau-kaz"]);
    let in_2025 = SearchQuery { from: Some(day("2025-01-01")), ..SearchQuery::new("") };
    let mut ids = documents(&index.search(&in_2025).unwrap());
    ids.sort_unstable();
    assert_eq!(ids, ["en", "qat-tur"]);
    // Evidence is dated by its event: 2024-05-01, before the report.
    let may_first = SearchQuery { from: Some(day("2024-05-01")), to: Some(day("2024-05-01")), ..SearchQuery::new("") };
    let found = index.search(&may_first).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].date.as_deref(), Some("2024-05-01"));
}

#[test]
fn evidence_hits_name_their_events_and_point_into_the_document() {
    let index = filtered_corpus();
    let found = search(&index, "نظيره الكازاخستاني");
    let evidence = found.hits.iter().find(|h| matches!(h.kind, HitKind::Evidence { .. })).unwrap();
    assert_eq!(evidence.kind, HitKind::Evidence { events: vec!["e1".to_owned(), "e2".to_owned()] });
    assert_eq!(evidence.snippet_start, 0);
    assert_eq!(highlighted(evidence), ["نظيره", "الكازاخستاني"]);
    // The second sentence of the first document is not evidence: only the document hits.
    let found = search(&index, "الجانبان");
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].kind, HitKind::Document);
    assert_eq!(found.hits[0].source, "sau-kaz.txt");
    assert_eq!(found.hits[0].date.as_deref(), Some("2024-05-02"));
}

#[test]
fn paging_counts_every_hit() {
    let docs: Vec<_> = (0..7)
        .map(|i| (doc(&format!("d{i}"), &format!("زار الوفد أستانا للمرة {i}."), Lang::Ar, None), extraction(vec![])))
        .collect();
    let index = index_of(&docs);
    let page = |offset| index.search(&SearchQuery { limit: 3, offset, ..SearchQuery::new("أستانا") }).unwrap();
    assert_eq!((page(0).total, page(0).hits.len()), (7, 3));
    assert_eq!(page(6).hits.len(), 1);
    let counted = index.search(&SearchQuery { limit: 0, ..SearchQuery::new("أستانا") }).unwrap();
    assert_eq!((counted.total, counted.hits.len()), (7, 0));
}
