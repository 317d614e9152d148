//! Commitments (forward-looking statements with a due range) and document quality flags
//! (code_switching, outdated_place_name, date_mismatch).

use alaqat_model::{Commitment, Extraction};

use crate::support::{assert_date, run, run_on, slice};

fn commitment_lines(text: &str, x: &Extraction) -> Vec<String> {
    x.commitments
        .iter()
        .map(|c| {
            let due =
                c.due.as_ref().map_or("-".to_string(), |d| format!("{}..{} {}", d.start, d.end, d.precision.name()));
            format!("{} [{}] due {due}  evidence «{}»", c.what, c.parties.join(","), slice(text, c.evidence))
        })
        .collect()
}

/// The one commitment of the text.
fn the_commitment<'x>(text: &str, x: &'x Extraction) -> &'x Commitment {
    assert_eq!(
        x.commitments.len(),
        1,
        "expected one commitment; commitments: {:#?}\nhelp: markers are in data/commitment_markers.tsv, rules in \
         src/commitments.rs",
        commitment_lines(text, x)
    );
    &x.commitments[0]
}

fn assert_no_commitment(text: &str, x: &Extraction) {
    assert!(
        x.commitments.is_empty(),
        "unexpected commitments: {:#?}\nhelp: negations and marker kinds are in data/commitment_markers.tsv",
        commitment_lines(text, x)
    );
}

fn has_flag(x: &Extraction, flag: &str) -> bool {
    x.flags.iter().any(|f| f == flag)
}

// ---------------------------------------------------------------------------------------
// Commitments

#[test]
fn scheduled_signing_takes_the_quarter_as_due() {
    let text = "بحث وزير الخارجية الأردني مع نظيره العماني في مسقط تطوير العلاقات الثنائية. \
                ومن المقرر أن توقع الأردن وسلطنة عمان اتفاقية للنقل الجوي في الربع الثالث من عام 2027.";
    let x = run_on(text, "2026-05-10");
    let c = the_commitment(text, &x);
    assert!(c.what.starts_with("من المقرر أن توقع"), "what: {:?}\nhelp: what starts at the marker, without و", c.what);
    assert!(c.what.ends_with("2027"), "what runs to the end of the clause: {:?}", c.what);
    assert_eq!(c.parties, ["JOR", "OMN"]);
    let due = c.due.expect("help: a quarter in the sentence is the due range (src/commitments.rs `due`)");
    assert_date(&due, "2027-07-01", "2027-09-30", "quarter");
    assert!(slice(text, c.evidence).starts_with("ومن المقرر"), "evidence is the sentence");
}

#[test]
fn agreement_to_form_a_council_has_no_due_when_the_text_gives_none() {
    let text =
        "التقى وزير التجارة الماليزي نظيره الإندونيسي في جاكرتا. واتفق الجانبان على إنشاء مجلس أعمال مشترك يجتمع \
                بصورة دورية.";
    let x = run_on(text, "2025-02-03");
    let c = the_commitment(text, &x);
    assert!(c.what.starts_with("اتفق الجانبان على إنشاء"), "what: {:?}", c.what);
    assert_eq!(c.due, None, "help: no date in the sentence, no due");
    assert_eq!(c.parties, ["IDN", "MYS"], "help: الجانبان stands for the document's dyad");
}

#[test]
fn agreement_on_importance_is_no_commitment() {
    let text = "اتفق الجانبان على أهمية الحوار بين ماليزيا وإندونيسيا.";
    let x = run_on(text, "2025-02-03");
    assert_no_commitment(text, &x);
}

#[test]
fn future_verb_due_next_month() {
    let text = "سيزور رئيس وزراء ماليزيا إندونيسيا الشهر المقبل لبحث ملفات الطاقة.";
    let x = run_on(text, "2026-03-15");
    let c = the_commitment(text, &x);
    assert!(c.what.starts_with("سيزور"), "what: {:?}", c.what);
    let due = c.due.expect("help: الشهر المقبل resolves against the publication date");
    assert_date(&due, "2026-04-01", "2026-04-30", "month");
}

#[test]
fn intention_marker_and_pledge() {
    let text = "تعتزم مصر افتتاح قنصلية عامة في مدينة جدة. وتعهدت الكويت بتمويل مشروع الطريق خلال العام المقبل.";
    let x = run_on(text, "2024-10-01");
    assert_eq!(x.commitments.len(), 2, "commitments: {:#?}", commitment_lines(text, &x));
    assert_eq!(x.commitments[0].due, None);
    let due = x.commitments[1].due.expect("help: العام المقبل is the year after publication");
    assert_date(&due, "2025-01-01", "2025-12-31", "year");
}

#[test]
fn english_pledge_and_expectation() {
    let text = "Kenya and Ethiopia pledged to reopen the Moyale border crossing next year. \
                The two foreign ministers are expected to meet in Nairobi in March 2026.";
    let x = run_on(text, "2025-06-01");
    assert_eq!(x.commitments.len(), 2, "commitments: {:#?}", commitment_lines(text, &x));
    assert!(x.commitments[0].what.starts_with("pledged to reopen"), "{:?}", x.commitments[0].what);
    assert_eq!(x.commitments[0].parties, ["ETH", "KEN"]);
    assert_date(&x.commitments[0].due.expect("next year"), "2026-01-01", "2026-12-31", "year");
    assert_date(&x.commitments[1].due.expect("March 2026"), "2026-03-01", "2026-03-31", "month");
}

#[test]
fn a_past_date_in_the_sentence_is_no_due() {
    let text = "ستستضيف قطر المنتدى مرة أخرى بعد نجاح دورة عام 2019.";
    let x = run_on(text, "2025-01-20");
    let c = the_commitment(text, &x);
    assert_eq!(c.due, None, "help: a due date is never before the publication date");
}

#[test]
fn negated_statements_are_no_commitments() {
    for text in [
        "لا يتوقع أن تزور الرئيسة التنزانية كينيا هذا العام.",
        "لم يتفق الطرفان على تشكيل لجنة لترسيم الحدود بين السودان وجنوب السودان.",
        "Turkey will not host the next round of talks with Greece.",
    ] {
        let x = run_on(text, "2025-04-04");
        assert_no_commitment(text, &x);
    }
}

#[test]
fn political_will_is_not_a_marker() {
    let text = "Both governments showed the political will to end the dispute.";
    let x = run_on(text, "2025-04-04");
    assert_no_commitment(text, &x);
}

#[test]
fn two_markers_in_one_clause_make_one_commitment() {
    let text = "The ministers are expected to sign an accord that will expand direct flights between Oman and Jordan.";
    let x = run_on(text, "2025-04-04");
    let c = the_commitment(text, &x);
    assert!(c.what.starts_with("are expected to sign"), "{:?}", c.what);
}

// ---------------------------------------------------------------------------------------
// code_switching

#[test]
fn english_connectives_in_arabic_prose_are_code_switching() {
    let text = "بحث وزيرا الخارجية في البلدين سبل تطوير التعاون الاقتصادي والتجاري.\n\
                However, لم تصدر أي تفاصيل عن الاتفاقيات التي نوقشت خلال الاجتماع.\n\
                Furthermore, أشار المسؤولون إلى أهمية تعزيز الاستثمارات المتبادلة في قطاع الطاقة.";
    let x = run(text);
    assert!(has_flag(&x, "code_switching"), "flags: {:?}\nhelp: src/flags.rs `code_switching`", x.flags);
}

#[test]
fn english_sentence_fragments_in_arabic_prose_are_code_switching() {
    let text = "The officials said إن المباحثات تناولت ملفات الأمن الإقليمي والتعاون الاقتصادي.\n\
                In a joint statement, أكد الجانبان حرصهما على تطوير العلاقات الثنائية في مختلف المجالات.";
    let x = run(text);
    assert!(has_flag(&x, "code_switching"), "flags: {:?}", x.flags);
}

#[test]
fn a_single_connective_is_not_enough() {
    let text = "بحث وزيرا الخارجية في البلدين سبل تطوير التعاون الاقتصادي والتجاري.\n\
                However, لم تصدر أي تفاصيل عن الاتفاقيات التي نوقشت خلال الاجتماع.";
    let x = run(text);
    assert!(!has_flag(&x, "code_switching"), "flags: {:?}\nhelp: the threshold is two runs", x.flags);
}

#[test]
fn quoted_words_are_not_code_switching() {
    let text = "وقالت الشركة إن «consortium» الجديد سيضم مستثمرين من الخليج وآسيا الوسطى.\n\
                وأضاف المتحدث أن مفهوم \"soft power\" بات جزءا من السياسة الخارجية للبلدين، \
                وأن المرحلة المقبلة (according to the ministry) ستشهد مشاريع جديدة.";
    let x = run(text);
    assert!(!has_flag(&x, "code_switching"), "flags: {:?}\nhelp: quotes and parentheses do not count", x.flags);
}

#[test]
fn names_acronyms_and_urls_are_not_code_switching() {
    let text = "شارك ممثلون عن OPEC وGCC في الاجتماع الذي نظمته شركة Masdar في أبوظبي.\n\
                وتعمل Abu Dhabi Future Energy Company على مشروع جديد مع Bank of America في كازاخستان.\n\
                ويمكن الاطلاع على التفاصيل عبر الموقع www.example.com أو البريد info@example.org لمن يرغب.";
    let x = run(text);
    assert!(!has_flag(&x, "code_switching"), "flags: {:?}", x.flags);
}

#[test]
fn an_english_document_is_not_code_switching() {
    let text = "However, the ministers did not disclose the details. Meanwhile, the two sides agreed to meet again. \
                In contrast, the opposition criticized the deal.";
    let x = run(text);
    assert!(!has_flag(&x, "code_switching"), "flags: {:?}", x.flags);
}

// ---------------------------------------------------------------------------------------
// outdated_place_name

#[test]
fn a_former_capital_name_in_a_recent_article_is_outdated() {
    let text = "افتتحت الإمارات مقرا جديدا لسفارتها في نور سلطان لتعزيز العلاقات مع كازاخستان.";
    let x = run_on(text, "2024-03-01");
    assert!(has_flag(&x, "outdated_place_name"), "flags: {:?}\nhelp: validity is in data/places.tsv", x.flags);
    let x = run_on("The UAE opened a new embassy building in Nur-Sultan this week.", "2024-03-01");
    assert!(has_flag(&x, "outdated_place_name"), "flags: {:?}", x.flags);
}

#[test]
fn a_former_name_inside_its_validity_is_fine() {
    let text = "افتتحت الإمارات مقرا جديدا لسفارتها في نور سلطان لتعزيز العلاقات مع كازاخستان.";
    let x = run_on(text, "2021-06-01");
    assert!(!has_flag(&x, "outdated_place_name"), "flags: {:?}", x.flags);
}

#[test]
fn a_sentence_dated_inside_the_validity_is_fine() {
    let text = "وفي عام 2021 عقد المنتدى الاقتصادي دورته في نور سلطان بمشاركة واسعة.";
    let x = run_on(text, "2024-03-01");
    assert!(!has_flag(&x, "outdated_place_name"), "flags: {:?}\nhelp: the sentence's own date counts", x.flags);
    let x = run_on("In 2021 the business forum met in Nur-Sultan.", "2024-03-01");
    assert!(!has_flag(&x, "outdated_place_name"), "flags: {:?}", x.flags);
}

#[test]
fn a_name_marked_as_former_is_fine() {
    for text in [
        "وصل الوفد إلى أستانا (نور سلطان سابقا) للمشاركة في المنتدى.",
        "The delegation arrived in Nur-Sultan, now Astana, for the forum.",
    ] {
        let x = run_on(text, "2024-03-01");
        assert!(!has_flag(&x, "outdated_place_name"), "{text}\nflags: {:?}", x.flags);
    }
}

#[test]
fn the_person_nursultan_is_not_a_place() {
    let text = "أشاد الرئيس الكازاخستاني الأول نور سلطان نزارباييف بالعلاقات مع الإمارات.";
    let x = run_on(text, "2024-03-01");
    assert!(!has_flag(&x, "outdated_place_name"), "flags: {:?}", x.flags);
}

#[test]
fn a_dateline_year_dates_an_undated_report() {
    let text = "أبوظبي، 2024 - تواصل الإمارات توسيع استثماراتها في كازاخستان، ولها سفارة في نور سلطان.";
    let x = run(text);
    assert!(has_flag(&x, "outdated_place_name"), "flags: {:?}\nhelp: src/flags.rs `dateline_year`", x.flags);
}

// ---------------------------------------------------------------------------------------
// date_mismatch

#[test]
fn a_dateline_far_from_the_publication_date_is_a_mismatch() {
    let text = "الكويت، 3 مارس 2024 - بحث وزير الخارجية الكويتي مع نظيره الأردني سبل تعزيز التعاون.";
    let x = run_on(text, "2024-05-10");
    assert!(has_flag(&x, "date_mismatch"), "flags: {:?}\nhelp: src/flags.rs `date_mismatch`", x.flags);
    let x = run_on(text, "2024-03-04");
    assert!(!has_flag(&x, "date_mismatch"), "a day apart is within the slack; flags: {:?}", x.flags);
}

#[test]
fn an_event_told_as_done_after_publication_is_a_mismatch() {
    let text = "وقع وزيرا خارجية السعودية والكويت في 20 يونيو 2024 مذكرة تفاهم للتعاون الثقافي.";
    let x = run_on(text, "2024-05-10");
    assert!(has_flag(&x, "date_mismatch"), "flags: {:?}; events: {:?}", x.flags, x.events);
}

#[test]
fn expected_events_and_inferred_dates_are_no_mismatch() {
    let text = "ومن المقرر أن يوقع وزيرا خارجية السعودية والكويت في 20 يونيو 2024 مذكرة تفاهم للتعاون الثقافي.";
    let x = run_on(text, "2024-05-10");
    assert!(!has_flag(&x, "date_mismatch"), "flags: {:?}", x.flags);
    let text = "الكويت، 3 مارس 2024 - بحث وزير الخارجية الكويتي مع نظيره الأردني سبل تعزيز التعاون.";
    let x = run(text);
    assert!(!has_flag(&x, "date_mismatch"), "no metadata date, nothing to contradict; flags: {:?}", x.flags);
}

#[test]
fn flags_are_sorted_and_unique() {
    let text = "الكويت، 3 مارس 2024 - افتتحت الكويت سفارتها في نور سلطان.\n\
                However, لم تصدر أي تفاصيل عن الاتفاقيات التي نوقشت خلال الاجتماع.\n\
                Moreover, أشار المسؤولون إلى أهمية تعزيز الاستثمارات المتبادلة في قطاع الطاقة.";
    let x = run_on(text, "2024-05-10");
    assert_eq!(x.flags, ["code_switching", "date_mismatch", "outdated_place_name"]);
}
