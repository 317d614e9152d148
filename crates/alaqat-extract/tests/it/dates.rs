//! Dates: absolute, ranged, Hijri, quarters and years, relative days resolved against the
//! publication date, and the publication date a text implies when metadata has none.

use crate::support::{assert_date, date_of, date_texts, run, run_on};

#[test]
fn day_range_in_one_month() {
    let text = "عقدت اللجنة المشتركة دورتها الأولى في الفترة 25-28 سبتمبر 1994 في العاصمة.";
    let x = run(text);
    assert_date(&date_of(text, &x, "25-28 سبتمبر 1994"), "1994-09-25", "1994-09-28", "day");
}

#[test]
fn levantine_month_name_gives_a_month() {
    let text = "افتتحت السفارة أبوابها في أيلول 1997 بعد أعوام من المراسلات.";
    let x = run(text);
    assert_date(&date_of(text, &x, "أيلول 1997"), "1997-09-01", "1997-09-30", "month");
}

#[test]
fn paired_agency_month_names() {
    let text = "وقع الجانبان المذكرة يوم 27 أيلول/سبتمبر 2021 في قاعة المؤتمرات.";
    let x = run(text);
    assert_date(&date_of(text, &x, "27 أيلول/سبتمبر 2021"), "2021-09-27", "2021-09-27", "day");
}

#[test]
fn arabic_indic_digits() {
    let text = "اختتم المنتدى أعماله في ١٨ ديسمبر ٢٠٢٥ بحضور عدد من الوزراء.";
    let x = run(text);
    assert_date(&date_of(text, &x, "١٨ ديسمبر ٢٠٢٥"), "2025-12-18", "2025-12-18", "day");
}

#[test]
fn hijri_date_converts_to_gregorian() {
    let text = "بدأ العمل بالاتفاق في 1 محرم 1445هـ وفق ما أعلنته الوزارة.";
    let x = run(text);
    assert_date(&date_of(text, &x, "1 محرم 1445هـ"), "2023-07-19", "2023-07-19", "day");
}

#[test]
fn hijri_marker_after_a_space() {
    let text = "بدأ العمل بالاتفاق في 1 محرم 1445 هـ وفق ما أعلنته الوزارة.";
    let x = run(text);
    assert_date(&date_of(text, &x, "1 محرم 1445 هـ"), "2023-07-19", "2023-07-19", "day");
}

#[test]
fn quarter_of_a_year() {
    let text = "من المقرر تسليم المشروع في الربع الأول من عام 2026 حسب الخطة.";
    let x = run(text);
    assert_date(&date_of(text, &x, "الربع الأول من عام 2026"), "2026-01-01", "2026-03-31", "quarter");
}

#[test]
fn dual_years_are_two_dates() {
    let text = "نظم البلدان معرضين تجاريين في عامي 1997 و1998.";
    let x = run(text);
    assert_eq!(
        x.dates.len(),
        2,
        "dates: {:?}\nhelp: the dual عامي is handled in src/dates.rs `find`",
        date_texts(text, &x)
    );
    assert_date(&x.dates[0].value, "1997-01-01", "1997-12-31", "year");
    assert_date(&x.dates[1].value, "1998-01-01", "1998-12-31", "year");
}

#[test]
fn weekday_on_the_publication_day_is_that_day() {
    // 2025-12-18 is a Thursday.
    let text = "وصل الوفد يوم الخميس إلى العاصمة.";
    let x = run_on(text, "2025-12-18");
    let d = date_of(text, &x, "يوم الخميس");
    assert_date(&d, "2025-12-18", "2025-12-18", "day");
    assert!(x.dates[0].relative, "help: weekdays are relative dates (src/dates.rs)");
}

#[test]
fn weekday_resolves_to_the_latest_such_day_before_publication() {
    // Published on Saturday 2025-12-20: "Thursday" is two days before.
    let text = "وصل الوفد يوم الخميس إلى العاصمة.";
    let x = run_on(text, "2025-12-20");
    assert_date(&date_of(text, &x, "يوم الخميس"), "2025-12-18", "2025-12-18", "day");
}

#[test]
fn weekday_without_publication_date_is_no_date() {
    let text = "وصل الوفد يوم الخميس إلى العاصمة.";
    let x = run(text);
    assert!(
        x.dates.is_empty(),
        "dates: {:?}\nhelp: relative dates need a day-precision publication date (src/dates.rs)",
        date_texts(text, &x)
    );
}

#[test]
fn yesterday() {
    let text = "أعلنت الوزارة أمس عن خطة جديدة للتعاون.";
    let x = run_on(text, "2025-12-18");
    assert_date(&date_of(text, &x, "أمس"), "2025-12-17", "2025-12-17", "day");
}

#[test]
fn until_today_is_not_a_date() {
    let text = "استمر التعاون حتى اليوم في مجالات عدة.";
    let x = run_on(text, "2025-12-18");
    assert!(
        x.dates.is_empty(),
        "dates: {:?}\nhelp: «حتى اليوم» means 'to this day' (src/dates.rs)",
        date_texts(text, &x)
    );
}

#[test]
fn vision_2030_is_not_a_date() {
    let text = "تسعى الحكومة إلى تحقيق أهداف رؤية 2030 في كل القطاعات.";
    let x = run(text);
    assert!(x.dates.is_empty(), "dates: {:?}\nhelp: a plan's name is not a year (src/dates.rs)", date_texts(text, &x));
}

#[test]
fn english_day_range() {
    let text = "The joint commission met on September 25-28, 1994 in the capital.";
    let x = run(text);
    assert_date(&date_of(text, &x, "September 25-28, 1994"), "1994-09-25", "1994-09-28", "day");
}

#[test]
fn english_month_day_year() {
    let text = "The two ministers met in the capital on May 29, 2024.";
    let x = run(text);
    assert_date(&date_of(text, &x, "May 29, 2024"), "2024-05-29", "2024-05-29", "day");
}

#[test]
fn dateline_becomes_the_inferred_publication_date() {
    let text = "الرياض، 18 ديسمبر 2025 - أعلنت الوزارة عن برنامج جديد للتعاون مع الشركاء.";
    let x = run(text);
    let p = x
        .inferred_published
        .expect("help: a dateline stands in for a missing publication date (src/dates.rs `dateline`)");
    assert_date(&p, "2025-12-18", "2025-12-18", "day");
    assert!(p.inferred, "help: an inferred publication date is marked inferred (src/lib.rs)");
}

#[test]
fn metadata_date_is_not_reported_as_inferred() {
    let text = "الرياض، 18 ديسمبر 2025 - أعلنت الوزارة عن برنامج جديد للتعاون مع الشركاء.";
    let x = run_on(text, "2025-12-18");
    assert_eq!(x.inferred_published, None, "help: inferred_published is only for texts without metadata (src/lib.rs)");
}

#[test]
fn history_text_gets_no_inferred_publication_date() {
    let text = "أقامت كازاخستان والمملكة العربية السعودية علاقات دبلوماسية في 20 أبريل 1994. \
وفي عام 1998 افتتحت السفارة، ثم توسع التعاون في عام 2000.";
    let x = run(text);
    assert_eq!(
        x.inferred_published, None,
        "help: a text speaking of years after its latest full date is a history (src/dates.rs `infer_published`)"
    );
}

#[test]
fn history_text_with_an_early_date_gets_no_inferred_publication_date() {
    // Prose that opens with a date is not a dateline: only a place, weekday or punctuation may
    // precede a dateline's date.
    let text = "أقيمت العلاقات في 20 أبريل 1994. وفي عام 1998 افتتحت السفارة، ثم توسع التعاون في عام 2000.";
    let x = run(text);
    let p = x.inferred_published.map(|p| p.start.to_string());
    assert_eq!(p.as_deref(), None, "help: src/dates.rs `dateline`");
}
