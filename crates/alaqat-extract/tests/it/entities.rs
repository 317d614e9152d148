//! Entities: countries by name and nisba, places, organizations and people, with spans that
//! cover the name and never a proclitic.

use crate::support::{assert_mentions, mention_texts, mentions_of, person_ids, run, slice};

const COUNTRIES: &str = "data/countries.tsv (names and ar_adj nisba forms)";
const PERSONS: &str = "data/persons.tsv for known people, src/entities/mod.rs `people` for name chains";

#[test]
fn nisba_adjectives_name_their_country() {
    let text = "أكد الجانب الكازاخستاني والوفد الكازاخي استعدادهما للتعاون مع الشركات الإماراتية.";
    let x = run(text);
    assert_mentions(text, &x, "KAZ", &["الكازاخستاني", "الكازاخي"], COUNTRIES);
    assert_mentions(text, &x, "ARE", &["الإماراتية"], COUNTRIES);
}

#[test]
fn conjunction_clitic_is_outside_the_span() {
    let text = "وقعت الإمارات وكازاخستان مذكرة تفاهم.";
    let x = run(text);
    assert_mentions(text, &x, "KAZ", &["كازاخستان"], "proclitics are stripped in src/scan.rs `find_hits`");
    assert_mentions(text, &x, "ARE", &["الإمارات"], COUNTRIES);
}

#[test]
fn preposition_lil_before_a_long_country_name() {
    let text = "قدم السفير أوراق اعتماده للمملكة العربية السعودية.";
    let x = run(text);
    // The span starts after the preposition ل (the article's alif is elided after it), the way
    // وكازاخستان gives «كازاخستان».
    assert_mentions(
        text,
        &x,
        "SAU",
        &["لمملكة العربية السعودية"],
        "للـ variants (`lil` patterns) in src/scan.rs `find_hits`",
    );
}

#[test]
fn nur_sultan_the_city_and_nursultan_the_president() {
    let text = "استقبل الرئيس نور سلطان نزارباييف ضيوفه في نور سلطان.";
    let x = run(text);
    assert_mentions(text, &x, "per:nazarbayev", &["نور سلطان نزارباييف"], PERSONS);
    assert_mentions(text, &x, "plc:astana", &["نور سلطان"], "data/places.tsv (nur_sultan same_as astana)");
}

#[test]
fn tokayev_spelled_with_kaf_or_qaf_is_one_person() {
    let text = "صرح الرئيس توكاييف بأن التعاون مهم. وقال توقاييف إن الشراكة تتوسع.";
    let x = run(text);
    assert_mentions(text, &x, "per:tokayev", &["توكاييف", "توقاييف"], PERSONS);
    assert_eq!(person_ids(&x), ["per:tokayev"], "help: {PERSONS}");
}

#[test]
fn name_chain_stops_before_a_prepositional_word() {
    let text = "أكد وزير الخارجية توكاييف للصحفيين أن الزيارة ناجحة.";
    let x = run(text);
    // «للصحفيين» ("to the journalists"): a preposition with the article ends a name chain.
    assert_mentions(text, &x, "per:tokayev", &["توكاييف"], "src/entities/mod.rs `chain`");
}

#[test]
fn abdulaziz_spelled_as_one_word_or_two_is_one_person() {
    let text = "حضر الأمير عبد العزيز بن سعود الحفل. وأكد الأمير عبدالعزيز بن سعود أهمية التعاون.";
    let x = run(text);
    assert_mentions(text, &x, "per:abdulaziz_bin_saud", &["عبد العزيز بن سعود", "عبدالعزيز بن سعود"], PERSONS);
    assert_eq!(person_ids(&x), ["per:abdulaziz_bin_saud"], "help: {PERSONS}");
}

#[test]
fn unknown_name_chain_with_abdulaziz_in_two_spellings_is_one_person() {
    let text = "حضر الشيخ عبد العزيز بن فهد الراشد الحفل. وأكد الشيخ عبدالعزيز بن فهد الراشد أهمية التعاون.";
    let x = run(text);
    let ids = person_ids(&x);
    assert_eq!(ids.len(), 1, "persons: {ids:?}; mentions: {:?}\nhelp: {PERSONS}", mention_texts(text, &x));
    assert_eq!(mentions_of(text, &x, ids[0]).len(), 2, "help: {PERSONS}");
}

#[test]
fn two_princes_named_abdulaziz_stay_apart() {
    let text = "حضر الأمير عبدالعزيز بن سعود والأمير عبدالعزيز بن محمد بن عياف الحفل.";
    let x = run(text);
    let ids = person_ids(&x);
    assert_eq!(ids.len(), 2, "persons: {ids:?}\nhelp: src/entities/mod.rs `link_within_document`");
    assert_mentions(text, &x, "per:abdulaziz_bin_saud", &["عبدالعزيز بن سعود"], PERSONS);
    let other = ids.iter().find(|id| **id != "per:abdulaziz_bin_saud").unwrap();
    assert_mentions(text, &x, other, &["عبدالعزيز بن محمد بن عياف"], PERSONS);
}

#[test]
fn title_anchors_an_unknown_person() {
    let text = "وقال السفير ماديار مينيلبيكوف إن العلاقات متينة.";
    let x = run(text);
    let ids = person_ids(&x);
    assert_eq!(ids.len(), 1, "persons: {ids:?}\nhelp: titles are in data/titles.tsv, chains in src/entities/mod.rs");
    assert_mentions(text, &x, ids[0], &["ماديار مينيلبيكوف"], "src/entities/mod.rs `chain`");
    let e = x.entities.iter().find(|e| e.id == ids[0]).unwrap();
    assert_eq!(e.role.as_deref(), Some("ambassador"), "help: data/titles.tsv");
}

#[test]
fn unknown_name_chain_stops_before_a_prepositional_word() {
    let text = "التقى السفير ماديار مينيلبيكوف بممثلي الغرفة التجارية.";
    let x = run(text);
    let ids = person_ids(&x);
    assert_eq!(ids.len(), 1, "help: src/entities/mod.rs `people`");
    // «بممثلي» ("with representatives of") is not part of the name: a Slavic surname ends it.
    assert_mentions(text, &x, ids[0], &["ماديار مينيلبيكوف"], "src/entities/mod.rs `end_at_surname`");
}

#[test]
fn given_name_followed_by_a_role_is_a_person() {
    let text = "حضر الاجتماع عدد من المسؤولين وأحمد العيسى، مدير عام الشؤون القنصلية.";
    let x = run(text);
    let ids = person_ids(&x);
    assert_eq!(ids.len(), 1, "persons: {ids:?}\nhelp: data/given_names.tsv, src/entities/mod.rs `people`");
    assert_mentions(
        text,
        &x,
        ids[0],
        &["أحمد العيسى"],
        "the و is a proclitic, not part of the name (src/entities/mod.rs)",
    );
}

#[test]
fn director_general_of_an_agency_is_not_a_person() {
    let text = "أعلن مدير عام مكافحة المخدرات عن ضبط شحنة كبيرة.";
    let x = run(text);
    assert!(
        person_ids(&x).is_empty(),
        "persons: {:?}\nhelp: noun phrases after a title are rejected in src/entities/mod.rs `people`",
        mention_texts(text, &x)
    );
}

#[test]
fn us_dollar_is_a_currency_not_a_country() {
    let text = "بلغت قيمة الصفقة عشرة ملايين دولار أمريكي.";
    let x = run(text);
    assert!(
        mentions_of(text, &x, "USA").is_empty(),
        "mentions: {:?}\nhelp: data/currencies.tsv (a currency covers its country adjective)",
        mention_texts(text, &x)
    );
}

#[test]
fn english_who_is_a_pronoun_and_who_the_organization() {
    let text = "Officials who attended the WHO meeting in Geneva praised the plan.";
    let x = run(text);
    assert_mentions(text, &x, "IGOWHO", &["WHO"], "acronyms match upper case only (data/organizations.tsv)");
    let lower = run("Officials who attended the meeting praised the plan.");
    assert!(lower.mentions.is_empty(), "help: data/organizations.tsv acronyms must not match «who»");
}

#[test]
fn counterpart_adjective_gives_an_unknown_persons_country() {
    let text = "التقى وزير الداخلية السعودي نظيره الكازاخستاني الفريق سيريك جانوزاق.";
    let x = run(text);
    // The Saudi minister, named by office alone, is an entity too: the one with a name is asked.
    let m = x.mentions.iter().find(|m| m.entity.starts_with("per:")).expect("help: src/entities/mod.rs `people`");
    let p = x.entities.iter().find(|e| e.id == m.entity).unwrap();
    assert_eq!(slice(text, m.span), "سيريك جانوزاق");
    assert_eq!(p.country.as_deref(), Some("KAZ"), "help: src/entities/mod.rs `person_context` (نظيره + adjective)");
}

#[test]
fn place_after_the_name_does_not_override_the_counterpart_country() {
    let text = "التقى وزير الداخلية السعودي نظيره الكازاخستاني الفريق سيريك جانوزاق في الرياض.";
    let x = run(text);
    let m = x.mentions.iter().find(|m| m.entity.starts_with("per:")).expect("help: src/entities/mod.rs `people`");
    let p = x.entities.iter().find(|e| e.id == m.entity).unwrap();
    // «في الرياض» is where it happens; نظيره + adjective says whose official he is.
    assert_eq!(p.country.as_deref(), Some("KAZ"), "help: src/entities/mod.rs `person_context`");
}
