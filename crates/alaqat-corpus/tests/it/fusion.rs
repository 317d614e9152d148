use crate::{actor, day, document, event, range, Fixture};
use alaqat_corpus::{analyze, timeline, Corpus};
use alaqat_model::{Date, Extraction, Modality, Precision};

fn as_of() -> Date {
    "2026-06-01".parse().unwrap()
}

fn with_events(events: Vec<alaqat_model::Event>) -> Extraction {
    Extraction { events, ..Extraction::default() }
}

fn check_index(corpus: &Corpus) {
    for (i, f) in corpus.fused.iter().enumerate() {
        for &(d, e) in &f.members {
            assert_eq!(corpus.event_fused[d][e], i);
        }
        assert!(f.members.contains(&f.best));
    }
}

/// The seed scenario: two reports of the interior ministers' meeting in Riyadh, one dated
/// 2025-12-18, the other undated but naming the same two ministers.
#[test]
fn undated_report_joins_the_dated_one_through_shared_persons() {
    let sau = || actor("SAU", Some("per:abdulaziz_bin_saud"));
    let kaz = || actor("KAZ", Some("per:sadenov"));
    let mut fx = Fixture::new();
    fx.add(
        document("d1", range("2025-12-01", "2025-12-31", Precision::Month), "استقبل وزير الداخلية نظيره"),
        with_events(vec![event("e1", "040", sau(), kaz(), None), event("e2", "043", sau(), kaz(), None)]),
    );
    fx.add(
        document("d2", day("2025-12-18"), "التقى وزير الداخلية في الرياض"),
        with_events(vec![
            event("e1", "040", kaz(), sau(), day("2025-12-18")),
            event("e2", "043", sau(), actor("KAZ", None), day("2025-12-18")),
        ]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    assert_eq!(corpus.fused.len(), 2, "{:#?}", corpus.fused);
    for f in &corpus.fused {
        assert_eq!(f.date, day("2025-12-18"));
        assert_eq!(f.members.len(), 2);
        assert_eq!(f.best.0, 1, "the dated member is the best evidence");
    }
    // The host-a-visit event keeps its direction and gets the minister filled in.
    let host = corpus.fused.iter().find(|f| f.code == "043").unwrap();
    assert_eq!(host.source.country(), Some("SAU"));
    assert_eq!(host.target.entity.as_deref(), Some("per:sadenov"));
    assert_eq!(corpus.event_fused[0][0], corpus.event_fused[1][0]);
    assert_eq!(corpus.event_fused[0][1], corpus.event_fused[1][1]);
    assert!(corpus.fused[0].id.starts_with('F') && corpus.fused[0].id.len() == 13);
    assert_ne!(corpus.fused[0].id, corpus.fused[1].id);
}

#[test]
fn compatible_dates_fuse_at_the_narrowest() {
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, "a"),
        with_events(vec![event(
            "e1",
            "042",
            actor("KAZ", None),
            actor("SAU", None),
            range("2023-07-01", "2023-07-31", Precision::Month),
        )]),
    );
    fx.add(
        document("b", None, "b"),
        with_events(vec![event("e1", "0421", actor("KAZ", None), actor("SAU", None), day("2023-07-19"))]),
    );
    fx.add(
        document("c", None, "c"),
        with_events(vec![event(
            "e1",
            "042",
            actor("KAZ", None),
            actor("SAU", None),
            range("2023-01-01", "2023-12-31", Precision::Year),
        )]),
    );
    // Another visit, months later: a different event.
    fx.add(
        document("d", None, "d"),
        with_events(vec![event("e1", "042", actor("KAZ", None), actor("SAU", None), day("2023-11-02"))]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    assert_eq!(corpus.fused.len(), 2, "{:#?}", corpus.fused);
    assert_eq!(corpus.fused[0].date, day("2023-07-19"));
    assert_eq!(corpus.fused[0].members, vec![(0, 0), (1, 0), (2, 0)]);
    assert_eq!(corpus.fused[1].members, vec![(3, 0)]);
}

#[test]
fn direction_matters_only_for_directed_codes() {
    let mut fx = Fixture::new();
    let d = day("2024-05-28");
    fx.add(
        document("a", None, "a"),
        with_events(vec![
            event("e1", "042", actor("EGY", None), actor("CHN", None), d),
            event("e2", "046", actor("EGY", None), actor("CHN", None), d),
        ]),
    );
    fx.add(
        document("b", None, "b"),
        with_events(vec![
            event("e1", "042", actor("CHN", None), actor("EGY", None), d),
            event("e2", "046", actor("CHN", None), actor("EGY", None), d),
        ]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    let visits: Vec<_> = corpus.fused.iter().filter(|f| f.code == "042").collect();
    let talks: Vec<_> = corpus.fused.iter().filter(|f| f.code == "046").collect();
    assert_eq!(visits.len(), 2, "a visit to China is not a visit to Egypt");
    assert_eq!(talks.len(), 1, "negotiation is mutual");
    assert_eq!(talks[0].members.len(), 2);
}

#[test]
fn modality_classes_do_not_mix() {
    let mut fx = Fixture::new();
    let mut planned = event("e1", "042", actor("QAT", None), actor("TUR", None), day("2023-12-04"));
    planned.modality = Modality::Expected;
    let mut proposed = planned.clone();
    proposed.modality = Modality::Proposed;
    fx.add(document("a", None, "a"), with_events(vec![planned]));
    fx.add(
        document("b", None, "b"),
        with_events(vec![event("e1", "042", actor("QAT", None), actor("TUR", None), day("2023-12-04"))]),
    );
    fx.add(document("c", None, "c"), with_events(vec![proposed]));
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    assert_eq!(corpus.fused.len(), 2);
    let expected = corpus.fused.iter().find(|f| f.modality != Modality::Asserted).unwrap();
    assert_eq!(expected.members, vec![(0, 0), (2, 0)]);
}

#[test]
fn undated_event_with_two_candidates_stays_alone() {
    let p = || actor("OMN", Some("per:haitham"));
    let mut fx = Fixture::new();
    fx.add(document("a", None, "a"), with_events(vec![event("e1", "042", p(), actor("IRN", None), day("2023-05-28"))]));
    fx.add(document("b", None, "b"), with_events(vec![event("e1", "042", p(), actor("IRN", None), day("2024-02-10"))]));
    fx.add(document("c", None, "c"), with_events(vec![event("e1", "042", p(), actor("IRN", None), None)]));
    // Without a shared person or near-duplicate text, an undated event joins nothing.
    fx.add(
        document("d", None, "d"),
        with_events(vec![event("e1", "042", actor("OMN", None), actor("IRN", None), None)]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    assert_eq!(corpus.fused.len(), 4);
    assert!(corpus.fused.iter().all(|f| f.members.len() == 1));
    // Undated events sort last.
    assert!(corpus.fused[2].date.is_none() && corpus.fused[3].date.is_none());
}

#[test]
fn undated_event_cannot_join_an_event_after_its_publication() {
    let p = || actor("OMN", Some("per:haitham"));
    let mut fx = Fixture::new();
    fx.add(document("a", None, "a"), with_events(vec![event("e1", "042", p(), actor("IRN", None), day("2023-05-28"))]));
    fx.add(document("b", None, "b"), with_events(vec![event("e1", "042", p(), actor("IRN", None), day("2024-02-10"))]));
    fx.add(document("c", day("2023-05-29"), "c"), with_events(vec![event("e1", "042", p(), actor("IRN", None), None)]));
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.fused.iter().find(|f| f.date == day("2023-05-28")).unwrap().members, vec![(0, 0), (2, 0)]);
}

#[test]
fn near_duplicate_documents_carry_the_date_over() {
    let text = "جدة - التقى ولي العهد السعودي الرئيس الكازاخي على هامش القمة الخليجية مع دول آسيا الوسطى وبحث الجانبان العلاقات الثنائية وسبل تعزيزها في مختلف المجالات";
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, text),
        with_events(vec![event("e1", "040", actor("SAU", None), actor("KAZ", None), day("2023-07-19"))]),
    );
    fx.add(
        document("b", None, &format!("{text} وفق ما نقلت وكالة الأنباء")),
        with_events(vec![event("e1", "040", actor("KAZ", None), actor("SAU", None), None)]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.duplicates, vec![vec![0, 1]]);
    assert_eq!(corpus.fused.len(), 1);
    assert_eq!(corpus.fused[0].date, day("2023-07-19"));
}

#[test]
fn a_key_fuses_from_its_own_documents_not_through_a_third() {
    // a ~ c and c ~ b, but a and b share too little: a near-duplicate *group* of three. The
    // undated event of b joins a's dated one only when a is a near-duplicate of b itself, so
    // a third document (c) changes nothing: fusing one dyad's documents must give what fusing
    // the whole corpus gives.
    let words: Vec<String> = (0..80).map(|i| format!("كلمة{i}")).collect();
    let (a, c, b) = (words[0..40].join(" "), words[20..60].join(" "), words[40..80].join(" "));
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, &a),
        with_events(vec![event("e1", "040", actor("SAU", None), actor("KAZ", None), day("2023-07-19"))]),
    );
    fx.add(
        document("b", None, &b),
        with_events(vec![event("e1", "040", actor("SAU", None), actor("KAZ", None), None)]),
    );
    let without_c = analyze(&fx.docs(), as_of());
    fx.add(document("c", None, &c), Extraction::default());
    let with_c = analyze(&fx.docs(), as_of());
    assert_eq!(with_c.duplicates, vec![vec![0, 1, 2]], "one group, through c");
    assert!(without_c.duplicates.is_empty());
    assert_eq!(with_c.fused, without_c.fused);
    assert_eq!(with_c.fused.len(), 2, "b's undated event stays apart from a's");
}

#[test]
fn undated_reports_group_through_persons_and_near_duplicates() {
    // No dated cluster is linked to them, so x, y (a reprint of x) and z (the same minister)
    // make one undated event; w, dated and unlinked, stays apart.
    let words: Vec<String> = (0..40).map(|i| format!("كلمة{i}")).collect();
    let text = words.join(" ");
    let minister = || actor("KAZ", Some("per:nurtleu"));
    let mut fx = Fixture::new();
    fx.add(
        document("w", None, "نص آخر تماما عن لقاء سابق"),
        with_events(vec![event("e1", "040", actor("SAU", None), actor("KAZ", None), day("2023-07-19"))]),
    );
    fx.add(document("x", None, &text), with_events(vec![event("e1", "040", actor("SAU", None), minister(), None)]));
    fx.add(
        document("y", None, &format!("{text} وفق ما نقلت وكالة الأنباء")),
        with_events(vec![event("e1", "040", actor("SAU", None), actor("KAZ", None), None)]),
    );
    fx.add(
        document("z", None, "خبر مختلف الكلمات عن الوزير"),
        with_events(vec![event("e1", "040", minister(), actor("SAU", None), None)]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    check_index(&corpus);
    let mut members: Vec<Vec<usize>> =
        corpus.fused.iter().map(|f| f.members.iter().map(|&(d, _)| d).collect()).collect();
    members.sort();
    assert_eq!(members, vec![vec![0], vec![1, 2, 3]], "{:#?}", corpus.fused);
}

#[test]
fn ids_are_stable_when_unrelated_documents_are_added() {
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, "a"),
        with_events(vec![event("e1", "057", actor("SAU", None), actor("CHN", None), day("2022-12-08"))]),
    );
    fx.add(
        document("b", None, "b"),
        with_events(vec![event("e1", "057", actor("CHN", None), actor("SAU", None), day("2022-12-08"))]),
    );
    let before = analyze(&fx.docs(), as_of());
    let mut bigger = Fixture::new();
    bigger.add(
        document("z", None, "z"),
        with_events(vec![event("e1", "042", actor("ARE", None), actor("UZB", None), day("2019-03-10"))]),
    );
    for (d, x) in fx.documents.iter().zip(&fx.extractions) {
        bigger.add(d.clone(), x.clone());
    }
    let after = analyze(&bigger.docs(), as_of());
    let id = &before.fused[0].id;
    let same = after.fused.iter().find(|f| &f.id == id).expect("same id");
    assert_eq!(same.members, vec![(1, 0), (2, 0)]);
    // Input order does not change the id either.
    let mut reversed = Fixture::new();
    for (d, x) in fx.documents.iter().zip(&fx.extractions).rev() {
        reversed.add(d.clone(), x.clone());
    }
    assert_eq!(&analyze(&reversed.docs(), as_of()).fused[0].id, id);
}

#[test]
fn same_document_events_are_never_merged() {
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, "a"),
        with_events(vec![
            event("e1", "042", actor("KAZ", None), actor("SAU", None), day("2021-09-10")),
            event(
                "e2",
                "042",
                actor("KAZ", None),
                actor("SAU", None),
                range("2021-09-01", "2021-09-30", Precision::Month),
            ),
        ]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    assert_eq!(corpus.fused.len(), 2);
}

#[test]
fn timeline_lists_a_dyad_in_date_order() {
    let mut fx = Fixture::new();
    fx.add(
        document("a", None, "a"),
        with_events(vec![
            event("e1", "042", actor("KAZ", None), actor("SAU", None), None),
            event("e2", "043", actor("SAU", None), actor("KAZ", None), day("2023-07-19")),
            event("e3", "040", actor("SAU", None), actor("CHN", None), day("2022-12-08")),
            event("e4", "051", actor("KAZ", None), actor("SAU", None), day("2021-09-10")),
        ]),
    );
    let corpus = analyze(&fx.docs(), as_of());
    let t = timeline(&corpus, "SAU", "KAZ");
    let codes: Vec<&str> = t.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, vec!["051", "043", "042"]);
    assert_eq!(timeline(&corpus, "KAZ", "SAU").len(), 3);
    assert_eq!(timeline(&corpus, "CHN", "SAU").len(), 1);
    assert!(timeline(&corpus, "CHN", "KAZ").is_empty());
    // The whole fused list is in date order too.
    let dates: Vec<_> = corpus.fused.iter().map(|f| f.date.map(|d| d.start)).collect();
    assert_eq!(
        dates[..3],
        [Some("2021-09-10".parse().unwrap()), Some("2022-12-08".parse().unwrap()), Some("2023-07-19".parse().unwrap())]
    );
    assert_eq!(dates[3], None);
}
