//! Dates: publication dates from metadata (`alaqat_read::parse_published`) and the
//! extraction's date resolution (absolute, Hijri, datelines, relative to the publication
//! date). Input: `published` then a `\n`, then the text.
#![no_main]

use alaqat_extract::extract_text;
use alaqat_read::parse_published;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let (published, text) = input.split_once('\n').unwrap_or((input, ""));
    let published = parse_published(published);
    if let Some(span) = published {
        assert!(span.start <= span.end, "published {span:?} runs backwards");
        assert_eq!(parse_published(&span.value_string()).map(|s| (s.start, s.end)), Some((span.start, span.end)));
    }
    let x = extract_text(text, published);
    for date in &x.dates {
        assert!(date.span.slice(text).is_some(), "date span {:?}", date.span);
        assert!(date.value.start <= date.value.end, "date {:?} runs backwards", date.value);
    }
    for event in &x.events {
        if let Some(date) = event.date {
            assert!(date.start <= date.end, "event date {date:?} runs backwards");
        }
    }
    for commitment in &x.commitments {
        if let Some(due) = commitment.due {
            assert!(due.start <= due.end, "due date {due:?} runs backwards");
        }
    }
    if let Some(p) = x.inferred_published {
        assert!(p.start <= p.end);
    }
});
