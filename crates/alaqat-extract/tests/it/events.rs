//! Events: triggers, who acts on whom, dates, modality, and one event per real-world action.

use alaqat_model::Modality;

use crate::support::{assert_date, assert_no_event, event_lines, events_with, run, run_on, slice, the_event};

fn pair(a: impl AsRef<str>, b: impl AsRef<str>) -> [String; 2] {
    let mut p = [a.as_ref().to_string(), b.as_ref().to_string()];
    p.sort();
    p
}

#[test]
fn visit_as_news_gives_the_visitors_042_and_the_hosts_043() {
    let text = "زار وزير الخارجية الكازاخستاني الرياض يوم الأحد.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_eq!(visit.source.code, "KAZGOV", "help: a minister's title gives GOV (data/titles.tsv)");
    assert_date(visit.date.as_ref().unwrap(), "2025-12-14", "2025-12-14", "day");
    assert_eq!(slice(text, visit.trigger), "زار");
    let host = the_event(text, &x, "043", "SAU", "KAZ");
    assert_eq!(host.date, visit.date);
}

#[test]
fn visit_by_a_known_person_carries_the_person() {
    let text = "زار الرئيس قاسم جومارت توكاييف الرياض يوم الخميس.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_eq!(visit.source.entity.as_deref(), Some("per:tokayev"), "help: data/persons.tsv");
}

#[test]
fn visit_recalled_in_history_gives_only_the_042() {
    let text = "زار الرئيس الكازاخستاني الرياض في سبتمبر 1994.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_date(visit.date.as_ref().unwrap(), "1994-09-01", "1994-09-30", "month");
    assert_no_event(text, &x, "043");
}

#[test]
fn subject_after_the_destination() {
    let text = "وصل إلى أستانا أمس وزير الخارجية الإماراتي في زيارة رسمية.";
    let x = run_on(text, "2025-12-18");
    // FIXME: should be one 042 ARE→KAZ dated 2025-12-17 (and the host's 043). In «وصل إلى X
    // أمس Y» the subject Y comes after the destination and a date; the visit rule only looks
    // for a subject right after the verb or before it, so nothing is coded.
    assert!(
        events_with(&x, "042").is_empty(),
        "help: src/events.rs `parties` Role::Visit (FIXME: expected 042 ARE→KAZ)"
    );
}

#[test]
fn passive_reception_by_the_host() {
    let text = "أكد وزير الخارجية الكازاخستاني ذلك خلال استقباله من قبل ولي العهد السعودي في الرياض.";
    let x = run_on(text, "2025-12-18");
    the_event(text, &x, "043", "SAU", "KAZ");
    the_event(text, &x, "042", "KAZ", "SAU");
}

#[test]
fn discussed_with_the_counterpart_is_a_consultation() {
    let text = "بحث وزير الخارجية السعودي مع نظيره الكازاخستاني سبل تعزيز التعاون.";
    let x = run_on(text, "2025-12-18");
    let e = the_event(text, &x, "040", "SAU", "KAZ");
    assert_eq!(slice(text, e.trigger), "بحث");
}

#[test]
fn discussed_between_two_known_ministers() {
    let text = "بحث الأمير فيصل بن فرحان مع نظيره الكازاخستاني مراد نورتلئو العلاقات الثنائية.";
    let x = run_on(text, "2025-12-18");
    let e = the_event(text, &x, "040", "SAU", "KAZ");
    assert_eq!(e.source.entity.as_deref(), Some("per:faisal_bin_farhan"));
    assert_eq!(e.target.entity.as_deref(), Some("per:nurtleu"));
}

#[test]
fn ministry_contains_zar_but_is_no_visit() {
    let text = "أعلنت وزارة الداخلية السعودية ووزارة الداخلية الكازاخستانية عن برنامج مشترك.";
    let x = run_on(text, "2025-12-18");
    assert_no_event(text, &x, "042");
    assert_no_event(text, &x, "043");
}

#[test]
fn signing_between_the_two_countries_of_the_text() {
    let text = "عقدت السعودية وكازاخستان محادثات في الرياض. وتم التوقيع على اتفاقية للتعاون الأمني بين البلدين.";
    let x = run_on(text, "2025-12-18");
    let signed = events_with(&x, "057");
    assert_eq!(signed.len(), 1, "events: {:#?}\nhelp: data/triggers.tsv (التوقيع)", event_lines(text, &x));
    assert_eq!(
        pair(signed[0].source.country().unwrap_or(""), signed[0].target.country().unwrap_or("")),
        pair("SAU", "KAZ"),
        "help: البلدين is the dyad (src/events.rs `dyad`)"
    );
    assert_eq!(slice(text, signed[0].trigger), "توقيع");
}

#[test]
fn among_the_first_to_recognize() {
    let text = "كانت المملكة العربية السعودية من أوائل الدول التي اعترفت باستقلال كازاخستان.";
    let x = run(text);
    let e = the_event(text, &x, "054", "SAU", "KAZ");
    assert_eq!(e.modality, Modality::Asserted);
}

#[test]
fn expected_meeting_is_an_intent_to_meet() {
    let text = "ومن المتوقع أن يعقد اجتماع اللجنة المشتركة السعودية الكازاخستانية في الربع الأول من عام 2026.";
    let x = run_on(text, "2025-12-18");
    let e = events_with(&x, "036");
    assert_eq!(e.len(), 1, "events: {:#?}\nhelp: src/events.rs `modality` (المتوقع)", event_lines(text, &x));
    assert_eq!(e[0].modality, Modality::Expected);
    assert_eq!(pair(e[0].source.country().unwrap_or(""), e[0].target.country().unwrap_or("")), pair("SAU", "KAZ"));
    assert_date(e[0].date.as_ref().unwrap(), "2026-01-01", "2026-03-31", "quarter");
    assert_no_event(text, &x, "040");
}

#[test]
fn a_purpose_far_after_a_future_marker_is_not_asserted() {
    // «لمناقشة» sits twenty words after «المرجح»: it is what the planned meeting will do.
    let text = "ومن المرجح أن يتم عقد اجتماع آخر بين وزيري خارجية السعودية وكازاخستان في العاصمة الرياض في \
                الربع الأول من عام 2026 لمناقشة نتائج عمل اللجنة المشتركة.";
    let x = run_on(text, "2025-12-18");
    let asserted: Vec<_> = x.events.iter().filter(|e| e.modality == Modality::Asserted).collect();
    assert!(
        asserted.is_empty(),
        "events: {:#?}\nhelp: src/events.rs `modality` (clause window)",
        event_lines(text, &x)
    );
    assert!(!events_with(&x, "036").is_empty(), "events: {:#?}", event_lines(text, &x));
}

#[test]
fn negated_signing() {
    let text = "ولم يتم التوقيع على اتفاقية الإعفاء من التأشيرات بين السعودية وكازاخستان حتى الآن.";
    let x = run_on(text, "2025-12-18");
    let e = events_with(&x, "057");
    assert_eq!(e.len(), 1, "events: {:#?}\nhelp: data/triggers.tsv", event_lines(text, &x));
    assert_eq!(e[0].modality, Modality::Negated, "help: src/events.rs `modality` (لم)");
}

#[test]
fn dual_visit_noun_gives_one_visit_per_year() {
    let text = "جرت زيارتان للرئيس الكازاخستاني إلى السعودية في عامي 1998 و2000.";
    let x = run_on(text, "2025-12-18");
    let visits = events_with(&x, "042");
    let years: Vec<i16> = visits.iter().filter_map(|e| e.date.map(|d| d.start.year())).collect();
    assert_eq!(
        years,
        [1998, 2000],
        "events: {:#?}\nhelp: src/events.rs `event_dates` (dual nouns)",
        event_lines(text, &x)
    );
    assert!(visits.iter().all(|e| e.source.country() == Some("KAZ") && e.target.country() == Some("SAU")));
    assert_no_event(text, &x, "043");
}

#[test]
fn meeting_in_one_sides_capital_is_the_others_visit() {
    let text = "التقى وزير الخارجية السعودي نظيره الكازاخستاني في أستانا.";
    let x = run_on(text, "2025-12-18");
    the_event(text, &x, "040", "SAU", "KAZ");
    let visit = the_event(text, &x, "042", "SAU", "KAZ");
    assert_eq!(visit.place.as_deref(), Some("plc:astana"));
}

#[test]
fn one_visit_told_in_three_sentences_is_one_event() {
    let text = "وصل وزير الداخلية الكازاخستاني إلى الرياض في 14 ديسمبر 2025 في زيارة رسمية. \
وخلال الزيارة، التقى الوزير بنظيره السعودي. \
وتأتي زيارة الوزير الكازاخستاني إلى المملكة في إطار تعزيز التعاون.";
    let x = run(text);
    let visits = events_with(&x, "042");
    assert_eq!(visits.len(), 1, "events: {:#?}\nhelp: src/events.rs `merge`", event_lines(text, &x));
    assert_date(visits[0].date.as_ref().unwrap(), "2025-12-14", "2025-12-14", "day");
}

#[test]
fn one_visit_told_in_three_sentences_of_a_dated_report_is_one_event() {
    let text = "وصل وزير الداخلية الكازاخستاني إلى الرياض يوم الأحد في زيارة رسمية. \
وخلال الزيارة، التقى الوزير بنظيره السعودي. \
وتأتي زيارة الوزير الكازاخستاني إلى المملكة في إطار تعزيز التعاون.";
    let x = run_on(text, "2025-12-18");
    let visits = events_with(&x, "042");
    // The third sentence's undated visit only has the report's date, which joins the visit
    // dated in the first sentence.
    assert_eq!(visits.len(), 1, "events: {:#?}\nhelp: src/events.rs `event_dates`/`merge`", event_lines(text, &x));
}

#[test]
fn relative_pronoun_makes_the_antecedent_the_subject() {
    let text = "التقى السلطان هيثم بن طارق المرشد الإيراني علي خامنئي، الذي أشاد بدور سلطنة عمان في المنطقة.";
    let x = run_on(text, "2025-12-18");
    let praise = the_event(text, &x, "051", "IRN", "OMN");
    assert_eq!(praise.source.entity.as_deref(), Some("per:khamenei"), "help: src/events.rs `parties` (RELATIVES)");
    assert_eq!(slice(text, praise.trigger), "أشاد");
}

#[test]
fn english_visit_on_a_weekday() {
    let text = "Kazakh Foreign Minister Murat Nurtleu visited Riyadh on Thursday.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_eq!(visit.source.entity.as_deref(), Some("per:nurtleu"));
    assert_date(visit.date.as_ref().unwrap(), "2025-12-18", "2025-12-18", "day");
    assert_eq!(slice(text, visit.trigger), "visited");
    the_event(text, &x, "043", "SAU", "KAZ");
}

#[test]
fn english_visit_long_ago_gives_only_the_042() {
    let text = "The Kazakh president visited Riyadh on September 25-28, 1994, years before the embassy opened.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_date(visit.date.as_ref().unwrap(), "1994-09-25", "1994-09-28", "day");
    assert_no_event(text, &x, "043");
}

#[test]
fn event_evidence_is_its_sentence() {
    let text = "افتتح المعرض أبوابه للزوار. زار وزير الخارجية الكازاخستاني الرياض يوم الأحد.";
    let x = run_on(text, "2025-12-18");
    let visit = the_event(text, &x, "042", "KAZ", "SAU");
    assert_eq!(
        slice(text, visit.evidence),
        "زار وزير الخارجية الكازاخستاني الرياض يوم الأحد.",
        "help: sentences come from alaqat_text::sentences"
    );
}

#[test]
fn merged_meeting_keeps_each_actor_with_its_own_person() {
    let text = "التقى ولي العهد السعودي الرئيس الكازاخستاني في جدة. \
والتقى الرئيس الكازاخستاني قاسم جومارت توكاييف ولي العهد الأمير محمد بن سلمان.";
    let x = run_on(text, "2023-07-19");
    let meeting = the_event(text, &x, "040", "SAU", "KAZ");
    // `merge` folds the second sentence's KAZ→SAU meeting into the first's SAU→KAZ one (040 is
    // mutual): each side keeps its own person.
    assert_eq!(
        (meeting.source.entity.as_deref(), meeting.target.entity.as_deref()),
        (Some("per:mbs"), Some("per:tokayev")),
        "help: src/events.rs `merge`"
    );
}
