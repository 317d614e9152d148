//! The conflictual half of CAMEO and the grammar conflict reporting uses: one test per rule, each
//! on sentences written for it (frames, word senses chosen by their object, speech acts about an
//! act, actors beyond states, homographs, and the sentences that must code nothing).

use alaqat_model::Modality;

use crate::support::{assert_no_event, event_lines, events_with, run_on, slice, the_event};

/// The events of `text` published on 2024-03-12, as `code source→target` (country or `---`).
fn coded(text: &str) -> Vec<String> {
    let x = run_on(text, "2024-03-12");
    x.events
        .iter()
        .map(|e| {
            let side = |a: &alaqat_model::Actor| a.country.clone().unwrap_or_else(|| "---".into());
            format!("{} {}→{}", e.code, side(&e.source), side(&e.target))
        })
        .collect()
}

/// Asserts that `text` codes `expected` (as `code source→target`) among its events.
#[track_caller]
fn assert_coded(text: &str, expected: &str) {
    let got = coded(text);
    assert!(
        got.iter().any(|e| e == expected),
        "expected {expected} in {got:?}\nhelp: triggers in data/verbs_*.tsv (regenerate with tools/lexicon/gen_triggers.py), frames in src/events/frames/"
    );
}

/// Asserts that `text` codes no event of CAMEO root `root` at all.
#[track_caller]
fn assert_no_root(text: &str, root: &str) {
    let got = coded(text);
    assert!(
        got.iter().all(|e| !e.starts_with(root)),
        "expected no root {root} event in {got:?}\nhelp: cues in data/cues.tsv, blocks in data/trigger_phrases_*.tsv"
    );
}

// --- Every root of the conflictual half, in both languages -------------------------------------

#[test]
fn air_strikes_in_arabic_and_english() {
    assert_coded("شنت إسرائيل غارات جوية على لبنان.", "195 ISR→LBN");
    assert_coded("Israel launched air strikes on Lebanon.", "195 ISR→LBN");
}

#[test]
fn a_state_bombing_a_state() {
    let got = coded("قصفت الولايات المتحدة العراق.");
    assert!(got.iter().any(|e| e.starts_with("19") && e.ends_with("USA→IRQ")), "{got:?}");
    let got = coded("The United States bombed Iraq.");
    assert!(got.iter().any(|e| e.ends_with("USA→IRQ") && (e.starts_with("19") || e.starts_with("18"))), "{got:?}");
}

#[test]
fn condemnation_and_accusation() {
    assert_coded("أدانت المملكة العربية السعودية الهجوم الإيراني.", "111 SAU→IRN");
    assert_coded("واتهم وزير الخارجية الجزائري المغرب بالقيام بأعمال عدائية.", "112 DZA→MAR");
    assert_coded("Turkey condemned Israel over the raid.", "111 TUR→ISR");
}

#[test]
fn ties_cut_and_restored() {
    assert_coded("قطعت الجزائر علاقاتها الدبلوماسية مع المغرب.", "161 DZA→MAR");
    assert_coded("Saudi Arabia severed diplomatic ties with Iran.", "161 SAU→IRN");
    let got = coded("اتفقت السعودية وإيران على استئناف العلاقات الدبلوماسية.");
    assert!(got.iter().any(|e| e.starts_with("05") && e.contains("SAU") && e.contains("IRN")), "{got:?}");
}

#[test]
fn sanctions_imposed_and_lifted() {
    assert_coded("فرضت الولايات المتحدة عقوبات جديدة على إيران.", "163 USA→IRN");
    assert_coded("The European Union imposed sanctions on Russia.", "163 IGOEU→RUS");
    assert_coded("رفعت الولايات المتحدة العقوبات عن السودان.", "085 USA→SDN");
}

#[test]
fn border_clashes_between_two_armies() {
    let got = coded("اندلعت اشتباكات بين القوات القيرغيزية والقوات الطاجيكية على الحدود.");
    assert!(got.iter().any(|e| e.starts_with("19") && e.contains("KGZ") && e.contains("TJK")), "{got:?}");
}

#[test]
fn a_ceasefire_is_not_an_act_of_fire() {
    let text = "أعلنت إسرائيل ولبنان وقف إطلاق النار.";
    assert_no_root(text, "19");
    let got = coded(text);
    assert!(got.iter().any(|e| e.starts_with("087")), "{got:?}");
}

// --- Word senses chosen by their object ---------------------------------------------------------

#[test]
fn signed_an_agreement_but_an_explosion_happened() {
    assert_coded("وقعت السعودية والصين اتفاقية للتعاون.", "057 SAU→CHN");
    assert_no_root("وقع انفجار قرب السفارة الأمريكية في بغداد.", "05");
}

#[test]
fn released_prisoners_but_opened_fire() {
    assert_coded("أطلقت إيران سراح بحارة بريطانيين.", "0841 IRN→GBR");
    let got = coded("أطلقت القوات الإسرائيلية النار على متظاهرين فلسطينيين.");
    assert!(got.iter().any(|e| e.starts_with("19") && e.starts_with("19") && e.contains("ISR→PSE")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("084")), "{got:?}");
}

#[test]
fn withdrew_the_ambassador_but_withdrew_troops() {
    assert_coded("سحبت الإمارات سفيرها من قطر.", "161 ARE→QAT");
    assert_coded("سحبت روسيا قواتها من سوريا.", "0874 RUS→SYR");
}

#[test]
fn summoned_their_envoy_but_recalled_its_own() {
    assert_coded("استدعت الخارجية الإيرانية السفير السعودي.", "114 IRN→SAU");
    // The ministry named in full (وزارة is blocked as a trigger for the زار inside it), and a
    // government whose ambassador-target has another country.
    assert_coded("استدعت وزارة الخارجية الأردنية السفير الإسرائيلي.", "114 JOR→ISR");
    assert_coded("استدعت الحكومة الأردنية السفير الإسرائيلي.", "114 JOR→ISR");
    assert_coded("أدانت وزارة الخارجية الأردنية الهجوم الإسرائيلي.", "111 JOR→ISR");
    // A recall from a capital is not a visit there.
    let text = "استدعت الإمارات سفيرها من طهران.";
    assert_coded(text, "161 ARE→IRN");
    let got = coded(text);
    assert!(got.iter().all(|e| !e.starts_with("04")), "{got:?}");
}

#[test]
fn expelling_a_diplomat_by_telling_him_to_leave() {
    assert_coded("وطلبت السعودية من السفير اللبناني مغادرة المملكة خلال 48 ساعة.", "161 SAU→LBN");
    assert_coded("Saudi Arabia expelled the Canadian ambassador.", "161 SAU→CAN");
}

// --- Speech acts about an act -------------------------------------------------------------------

#[test]
fn a_threat_to_cut_ties_is_a_threat() {
    let text = "هددت الحكومة العراقية بقطع العلاقات الدبلوماسية مع السويد.";
    assert_coded(text, "1313 IRQ→SWE");
    assert_no_root(text, "16");
    assert_coded("Russia threatened to impose sanctions on Turkey.", "1312 RUS→TUR");
}

#[test]
fn a_demand_for_a_release_is_a_demand() {
    let text = "طالبت كندا السعودية بالإفراج عن الناشطات المعتقلات.";
    let got = coded(text);
    assert!(got.iter().any(|e| e.starts_with("105") && e.ends_with("CAN→SAU")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("084")), "the release did not happen: {got:?}");
}

#[test]
fn an_appeal_for_a_ceasefire() {
    assert_coded("دعت قطر إسرائيل إلى وقف فوري لإطلاق النار.", "0256 QAT→ISR");
}

#[test]
fn refusing_to_sign_is_not_signing() {
    let text = "رفضت إيران التوقيع على الاتفاقية مع الولايات المتحدة.";
    assert_no_root(text, "05");
    let got = coded(text);
    assert!(got.iter().any(|e| e.starts_with("12") && e.contains("IRN")), "{got:?}");
}

#[test]
fn a_denial_is_not_the_act() {
    let text = "نفت إسرائيل أن تكون قد قصفت مواقع في سوريا.";
    assert_no_root(text, "19");
    assert_coded(text, "016 ISR→SYR");
}

#[test]
fn a_cancelled_visit_is_a_refusal_to_meet() {
    let text = "Russia cancelled a visit by its foreign minister to Turkey.";
    assert_no_root(text, "042");
    assert_coded(text, "125 RUS→TUR");
}

// --- Modality and grammar ----------------------------------------------------------------------

#[test]
fn negated_strike_is_negated() {
    let text = "وقالت الوزارة إن الطائرات الأمريكية لم تقصف مواقع إيرانية.";
    let x = run_on(text, "2024-03-12");
    let strikes: Vec<_> = x.events.iter().filter(|e| e.code.starts_with("19")).collect();
    assert!(!strikes.is_empty(), "{:#?}", event_lines(text, &x));
    assert!(strikes.iter().all(|e| e.modality == Modality::Negated), "{:#?}", event_lines(text, &x));
}

#[test]
fn reported_speech_keeps_the_speaker_out_of_the_act() {
    // The spokesman reports; Israel struck.
    let got = coded("وقال المتحدث باسم الخارجية الإيرانية إن إسرائيل قصفت مواقع في سوريا.");
    assert!(got.iter().any(|e| e.starts_with("19") && e.ends_with("ISR→SYR")), "{got:?}");
    assert!(got.iter().all(|e| !e.contains(" IRN→")), "{got:?}");
}

#[test]
fn an_act_suffered_by_the_target() {
    // تعرض + the act after it: the subject is the target, the doer after من قبل.
    assert_coded("تعرضت السفارة السعودية في طهران لاقتحام من قبل محتجين إيرانيين.", "145 IRN→SAU");
    // No doer named: the source is unknown (CAMEO's ---).
    let got = coded("تعرضت السفارة الأمريكية في بغداد لهجوم صاروخي.");
    assert!(got.iter().any(|e| e.starts_with("19") && e.ends_with("---→USA")), "{got:?}");
}

#[test]
fn english_passive_with_its_agent() {
    assert_coded("The Saudi embassy was stormed by Iranian protesters.", "145 IRN→SAU");
}

#[test]
fn arabic_passive_written_with_its_vowel() {
    // «استُهدفت» (the damma of the passive): the consulate is the target, not the source.
    let got = coded("استُهدفت القنصلية السعودية من قبل مسلحين عراقيين.");
    assert!(got.iter().any(|e| e.ends_with("IRQ→SAU")), "{got:?}");
}

#[test]
fn states_named_together_act_each() {
    let text = "قطعت السعودية والإمارات والبحرين علاقاتها الدبلوماسية مع قطر.";
    for src in ["SAU", "ARE", "BHR"] {
        assert_coded(text, &format!("161 {src}→QAT"));
    }
}

#[test]
fn a_verb_noun_carried_by_a_light_verb() {
    // The agent of قطع is the state that decided it.
    assert_coded("أعلنت البحرين اليوم قطع علاقاتها مع إيران.", "161 BHR→IRN");
}

// --- Actors beyond states ----------------------------------------------------------------------

#[test]
fn an_army_takes_the_country_of_its_adjective() {
    let x = run_on("قصف الجيش الإسرائيلي مواقع لحزب الله في جنوب لبنان.", "2024-03-12");
    let e = x.events.iter().find(|e| e.code.starts_with("19")).expect("an act of force");
    assert_eq!(e.source.code, "ISRMIL");
    assert_eq!(e.target.country.as_deref(), Some("LBN"));
}

#[test]
fn protesters_take_the_country_of_the_place() {
    let x = run_on("اقتحم محتجون السفارة السويدية في بغداد.", "2024-03-12");
    let e = x.events.iter().find(|e| e.code == "145").unwrap_or_else(|| panic!("{:?}", coded("")));
    assert_eq!((e.source.code.as_str(), e.target.country.as_deref()), ("IRQCVL", Some("SWE")));
}

#[test]
fn an_actor_of_unknown_country_stays_unknown() {
    let text = "اقتحم محتجون السفارة الإيرانية.";
    let x = run_on(text, "2024-03-12");
    let e = x.events.iter().find(|e| e.code == "145").unwrap_or_else(|| panic!("{:#?}", event_lines(text, &x)));
    assert_eq!(e.source.country, None, "help: src/events/party.rs");
    assert_eq!(e.source.code, "---CVL");
}

#[test]
fn a_named_group_is_an_actor_with_its_country() {
    let x = run_on("أطلق حزب الله صواريخ على شمال إسرائيل.", "2024-03-12");
    let e = x.events.iter().find(|e| e.code.starts_with("19")).expect("an act of force");
    assert_eq!(e.source.country.as_deref(), Some("LBN"));
    assert_eq!(e.target.country.as_deref(), Some("ISR"));
    assert_eq!(e.source.entity.as_deref(), Some("grp:HEZ"));
}

// --- Homographs of place names ------------------------------------------------------------------

#[test]
fn the_sunset_prayer_is_not_morocco() {
    let x = run_on("وبعد أذان المغرب أعلنت الجزائر قطع علاقاتها.", "2024-03-12");
    assert!(x.mentions.iter().all(|m| m.entity != "MAR"), "help: data/homographs.tsv");
}

#[test]
fn amman_with_its_shadda_is_jordan() {
    let text = "وقررت عمّان خفض تمثيلها الدبلوماسي لدى قطر.";
    let x = run_on(text, "2024-03-12");
    assert!(x.mentions.iter().all(|m| m.entity != "OMN"), "help: data/homographs.tsv");
    assert!(x.mentions.iter().any(|m| m.entity == "plc:amman"));
}

#[test]
fn insisting_is_not_egypt() {
    let x = run_on("وقال الوزير إنه مصر على موقفه.", "2024-03-12");
    assert!(x.mentions.iter().all(|m| m.entity != "EGY"));
}

// --- What must code no conflict between states -----------------------------------------------------

#[test]
fn a_football_attack_is_a_game() {
    assert_no_root("هاجم المنتخب السعودي مرمى المنتخب الأرجنتيني في المباراة.", "1");
    assert_no_root("Saudi Arabia's national team attacked Argentina's defence in the World Cup match.", "1");
}

#[test]
fn a_war_on_corruption_is_no_war() {
    assert_no_root("أعلن الرئيس المصري الحرب على الفساد.", "19");
    assert_no_root("Egypt declared war on drugs.", "19");
}

#[test]
fn a_film_about_a_war_is_no_war() {
    assert_no_root("يروي الفيلم قصة الحرب بين العراق وإيران.", "19");
}

#[test]
fn a_battle_of_another_century_is_background() {
    let text = "قاتلت الدولة العثمانية روسيا في القرن التاسع عشر في حرب القرم عام 1853.";
    let x = run_on(text, "2024-03-12");
    assert!(
        x.events.iter().filter(|e| e.code.starts_with("19")).all(|e| e.modality == Modality::Background),
        "{:#?}",
        event_lines(text, &x)
    );
}

#[test]
fn launching_a_product_is_not_a_launch() {
    assert_no_root("Saudi Aramco launched a new product in Kazakhstan.", "19");
}

#[test]
fn a_welcome_of_a_guest_is_ceremony() {
    let text = "ورحّب ولي العهد السعودي بالرئيس الكازاخستاني والوفد المرافق له.";
    let x = run_on(text, "2024-03-12");
    assert_no_event(text, &x, "051");
}

#[test]
fn the_topic_of_talks_did_not_happen() {
    let text = "وأجرى الوزيران السعودي والكازاخستاني مباحثات ركزت على تبادل المعلومات.";
    let x = run_on(text, "2024-03-12");
    assert_no_event(text, &x, "064");
    assert!(!events_with(&x, "046").is_empty(), "{:#?}", event_lines(text, &x));
}

#[test]
fn the_trigger_span_is_the_word_itself() {
    let text = "أدانت قطر بشدة الغارات الإسرائيلية على غزة.";
    let x = run_on(text, "2024-03-12");
    let e = the_event(text, &x, "111", "QAT", "ISR");
    assert_eq!(slice(text, e.trigger), "أدانت");
}

#[test]
fn welcoming_an_act_praises_its_owner_and_no_one_when_none_is_named() {
    // In a report about Israel and Lebanon, welcoming "the agreement" is no praise of Israel.
    let text = "دخل اتفاق وقف إطلاق النار بين إسرائيل ولبنان حيز التنفيذ. ورحب رئيس الحكومة اللبنانية بالاتفاق.";
    assert!(!coded(text).iter().any(|e| e == "051 LBN→ISR"), "got {:?}", coded(text));
    assert_coded("ورحبت السعودية بالقرار الإماراتي القاضي بفتح السفارة.", "051 SAU→ARE");
    assert_coded("ورحبت السعودية بالمبادرة الإماراتية.", "051 SAU→ARE");
    // Welcoming the relations, an object that is no act, keeps the other side of the dyad.
    assert_coded("وأشاد الرئيس الأوزبكي بالعلاقات مع الإمارات.", "051 UZB→ARE");
}

#[test]
fn a_number_before_the_subject_of_a_protest() {
    assert_coded("تظاهر آلاف المحتجين أمام السفارة الفرنسية في نواكشوط تنديداً بالرسوم.", "141 MRT→FRA");
    assert_coded("تظاهر مئات الطلاب أمام السفارة الأمريكية في بغداد.", "141 IRQ→USA");
}
