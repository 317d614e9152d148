//! Invariants over generated text: extraction never panics, every span lies on the text's
//! char boundaries, event ids are unique and every date runs forward.

use std::collections::HashSet;

use alaqat_extract::extract_text;
use alaqat_model::{Date, Extraction, Span, TimeSpan};
use proptest::prelude::*;

/// Pieces of Arabic news: names, nisbas with clitics, titles, triggers, months, weekdays,
/// digits in both scripts, Hijri markers, amounts and the punctuation that datelines use.
const FRAGMENTS: &[&str] = &[
    "كازاخستان",
    "وكازاخستان",
    "الكازاخستاني",
    "الكازاخي",
    "السعودية",
    "للمملكة العربية السعودية",
    "المملكة",
    "الإمارات",
    "الإماراتية",
    "الرياض",
    "بالرياض",
    "نور سلطان",
    "نزارباييف",
    "توكاييف",
    "توقاييف",
    "عبد العزيز",
    "عبدالعزيز",
    "بن",
    "آل",
    "سعود",
    "الأمير",
    "السفير",
    "الرئيس",
    "وزير الخارجية",
    "ولي العهد",
    "الفريق",
    "نظيره",
    "جلالته",
    "سموه",
    "زار",
    "زيارة",
    "زيارتان",
    "استقبل",
    "استقباله",
    "من قبل",
    "التقى",
    "بحث",
    "مع",
    "وقع",
    "التوقيع",
    "اتفاقية",
    "اعترفت",
    "باستقلال",
    "أشاد",
    "الذي",
    "لم",
    "من المتوقع",
    "اجتماع",
    "وزارة",
    "علاقات دبلوماسية",
    "حجم التبادل التجاري",
    "بين البلدين",
    "أكثر من",
    "نحو",
    "مئة",
    "مليار",
    "مليون",
    "دولار",
    "دولار أمريكي",
    "ريال",
    "في",
    "عام",
    "عامي",
    "منذ",
    "يوم",
    "الخميس",
    "الأحد",
    "المقبل",
    "الماضي",
    "أمس",
    "اليوم",
    "حتى",
    "غدا",
    "سبتمبر",
    "أيلول",
    "أيلول/سبتمبر",
    "محرم",
    "جمادى الآخرة",
    "ديسمبر",
    "الربع الأول",
    "الربع",
    "الأول",
    "من",
    "رؤية",
    "1",
    "25-28",
    "31",
    "0",
    "1994",
    "2025",
    "1445هـ",
    "1445",
    "هـ",
    "م",
    "١٨",
    "٢٠٢٥",
    "99999999999999999999",
    "-",
    "–",
    "،",
    ",",
    ".",
    "/",
    "(",
    ")",
    ":",
    "؟",
    "\n",
    "\u{200c}",
    "\u{200f}",
    "\u{0640}",
    "\u{064e}",
    "\u{0651}",
    "\u{feff}",
    "visited",
    "Riyadh",
    "on",
    "Thursday",
    "September",
    "May 29,",
    "WHO",
    "who",
];

fn arabic_heavy() -> impl Strategy<Value = String> {
    let piece = (prop::sample::select(FRAGMENTS), prop::sample::select(&[" ", " ", " ", "", "، ", "\n"][..]));
    prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

fn published() -> impl Strategy<Value = Option<TimeSpan>> {
    prop::option::of((0i64..20_000).prop_map(|offset| {
        let d = Date::new(1980, 1, 1).unwrap().checked_add(jiff::Span::new().days(offset)).unwrap();
        TimeSpan::day(d)
    }))
}

fn check_span(text: &str, what: &str, span: Span) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.slice(text).is_some(),
        "{what} span {span:?} is outside the text ({} bytes) or off char boundaries\n\
         help: spans map key offsets back to the original in src/scan.rs (alaqat_text::Normalized::to_original)",
        text.len()
    );
    Ok(())
}

fn check_time(what: &str, t: &TimeSpan) -> Result<(), TestCaseError> {
    prop_assert!(t.start <= t.end, "{what} {t:?} ends before it starts\nhelp: src/dates.rs");
    Ok(())
}

fn invariants(text: &str, x: &Extraction) -> Result<(), TestCaseError> {
    for m in &x.mentions {
        check_span(text, "mention", m.span)?;
    }
    for d in &x.dates {
        check_span(text, "date", d.span)?;
        check_time("date", &d.value)?;
    }
    for e in &x.events {
        check_span(text, "event evidence", e.evidence)?;
        check_span(text, "event trigger", e.trigger)?;
        if let Some(d) = &e.date {
            check_time("event date", d)?;
        }
    }
    for c in &x.claims {
        check_span(text, "claim evidence", c.evidence)?;
    }
    if let Some(p) = &x.inferred_published {
        check_time("inferred_published", p)?;
    }
    let mut ids = HashSet::new();
    for e in &x.events {
        prop_assert!(
            ids.insert(e.id.as_str()),
            "duplicate event id {}\nhelp: ids are assigned after `merge` in src/events.rs",
            e.id
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), published in published()) {
        let x = extract_text(&text, published);
        invariants(&text, &x)?;
    }

    #[test]
    fn arabic_news_like_text_keeps_the_invariants(text in arabic_heavy(), published in published()) {
        let x = extract_text(&text, published);
        invariants(&text, &x)?;
    }
}
