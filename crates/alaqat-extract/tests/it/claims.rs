//! Claims: when relations were established, who recognized whom when, and trade volumes.

use alaqat_model::ClaimValue;

use crate::support::{money, run, slice, the_claim};

fn date_value(v: &ClaimValue) -> &str {
    match v {
        ClaimValue::Date(d) => d,
        ClaimValue::Money(m) => panic!("expected a date, got {m:?}\nhelp: src/claims.rs"),
    }
}

#[test]
fn relations_established_on_a_day() {
    let text = "أقامت المملكة العربية السعودية وجمهورية كازاخستان علاقات دبلوماسية في 20 أبريل 1994.";
    let x = run(text);
    let c = the_claim(&x, "relations_established");
    assert_eq!(c.parties, ["KAZ", "SAU"], "help: parties are sorted (src/claims.rs `parties`)");
    assert_eq!(date_value(&c.value), "1994-04-20");
    assert_eq!(slice(text, c.evidence), text);
}

#[test]
fn relations_since_a_year() {
    let text = "ترتبط السعودية وكازاخستان بعلاقات دبلوماسية منذ عام 1992.";
    let x = run(text);
    let c = the_claim(&x, "relations_established");
    assert_eq!(c.parties, ["KAZ", "SAU"]);
    assert_eq!(date_value(&c.value), "1992", "help: منذ عام is a year (src/dates.rs)");
}

#[test]
fn recognition_in_a_month() {
    let text = "اعترفت المملكة العربية السعودية باستقلال كازاخستان في يناير 1992.";
    let x = run(text);
    let c = the_claim(&x, "recognition");
    assert_eq!(c.parties, ["SAU", "KAZ"], "help: the recognizer comes first (src/claims.rs)");
    assert_eq!(date_value(&c.value), "1992-01");
}

#[test]
fn undated_recognition_is_no_claim() {
    let text = "كانت المملكة العربية السعودية من أوائل الدول التي اعترفت باستقلال كازاخستان.";
    let x = run(text);
    assert!(x.claims.is_empty(), "claims: {:?}\nhelp: src/claims.rs needs a date for a recognition claim", x.claims);
}

#[test]
fn trade_volume_more_than_an_amount_in_a_year() {
    let text = "زار وزير التجارة الكازاخستاني السعودية. \
وبلغ حجم التبادل التجاري بين البلدين أكثر من 500 مليون دولار في عام 2024.";
    let x = run(text);
    let c = the_claim(&x, "trade_volume");
    assert_eq!(c.parties, ["KAZ", "SAU"], "help: البلدين is the document's dyad");
    let m = money(c);
    assert_eq!(
        (m.amount, m.currency.as_str(), m.comparator.as_str(), m.year),
        (5e8, "USD", ">", Some(2024)),
        "help: data/numbers.tsv, data/currencies.tsv, src/claims.rs `amount`"
    );
}

#[test]
fn trade_volume_in_number_words() {
    let text = "ويطمح الجانبان إلى رفع حجم التجارة بين الإمارات والصين إلى نحو مئة مليار دولار.";
    let x = run(text);
    let c = the_claim(&x, "trade_volume");
    assert_eq!(c.parties, ["ARE", "CHN"]);
    let m = money(c);
    assert_eq!(
        (m.amount, m.currency.as_str(), m.comparator.as_str()),
        (1e11, "USD", "~"),
        "help: number words are in data/numbers.tsv"
    );
}

#[test]
fn trade_volume_with_a_decimal_amount() {
    let text = "بلغ حجم التبادل التجاري بين السعودية وكازاخستان 1.2 مليار دولار في 2023.";
    let x = run(text);
    let m = money(the_claim(&x, "trade_volume"));
    assert_eq!((m.amount, m.comparator.as_str(), m.year), (1.2e9, "=", Some(2023)));
}
