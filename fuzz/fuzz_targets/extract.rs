//! The whole extraction on arbitrary UTF-8: never panics, every span slices the text on char
//! boundaries, event ids are unique.
#![no_main]

use alaqat_extract::extract_text;
use alaqat_model::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, what: &str, span: Span) {
    assert!(span.start <= span.end && span.slice(text).is_some(), "{what} span {span:?} does not slice the text");
}

fuzz_target!(|text: &str| {
    let x = extract_text(text, None);
    for m in &x.mentions {
        check(text, "mention", m.span);
    }
    for d in &x.dates {
        check(text, "date", d.span);
    }
    let mut ids = std::collections::HashSet::new();
    for e in &x.events {
        check(text, "evidence", e.evidence);
        check(text, "trigger", e.trigger);
        assert!(ids.insert(e.id.as_str()), "duplicate event id {}", e.id);
    }
    for c in &x.claims {
        check(text, "claim", c.evidence);
    }
    for c in &x.commitments {
        check(text, "commitment", c.evidence);
    }
});
