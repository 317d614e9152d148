//! Hostile input for extraction: bidi controls and zero-width characters inside Arabic names
//! (they must still match, and spans must still slice the original), and the largest documents
//! the reader lets through, each under a deadline (a child thread; a hang fails the test).

use std::sync::mpsc;
use std::time::{Duration, Instant};

use alaqat_extract::extract_text;
use alaqat_model::Extraction;

use crate::support::{mention_texts, mentions_of, person_ids, run, slice};

const PERSONS: &str = "alaqat-text `fold_char` drops U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+061C";

/// Invisible characters that end up inside names: zero-width space, non-joiner and joiner,
/// LRM and RLM, the Arabic letter mark, the bidi isolates and embeddings, word joiner, BOM.
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202E}', '\u{2060}', '\u{FEFF}',
];

/// `word` with `c` inserted after its `at`-th character.
fn with_inside(word: &str, at: usize, c: char) -> String {
    let mut out: String = word.chars().take(at).collect();
    out.push(c);
    out.extend(word.chars().skip(at));
    out
}

fn without_invisible(s: &str) -> String {
    s.chars().filter(|c| !INVISIBLE.contains(c)).collect()
}

#[test]
fn tokayev_with_bidi_and_zero_width_characters_inside_still_links() {
    for &c in INVISIBLE {
        for at in [1, 3, 6] {
            let name = with_inside("توكاييف", at, c);
            let text = format!("صرح الرئيس {name} بأن التعاون مع المملكة مهم.");
            let x = run(&text);
            assert_eq!(
                person_ids(&x),
                ["per:tokayev"],
                "U+{:04X} at {at}: {:?}\nhelp: {PERSONS}",
                c as u32,
                mention_texts(&text, &x)
            );
            let found = mentions_of(&text, &x, "per:tokayev");
            assert_eq!(found.len(), 1, "U+{:04X} at {at}", c as u32);
            assert_eq!(without_invisible(found[0]), "توكاييف", "the span covers the whole name");
        }
    }
}

#[test]
fn several_controls_at_once_and_isolates_around_the_name() {
    let text = "صرح الرئيس \u{2067}تو\u{200F}كا\u{200B}ي\u{200C}يف\u{2069} بأن الجانب ال\u{200B}كازاخ\u{200F}ستاني مستعد للتعاون.";
    let x = run(text);
    assert_eq!(person_ids(&x), ["per:tokayev"], "{:?}\nhelp: {PERSONS}", mention_texts(text, &x));
    let person = mentions_of(text, &x, "per:tokayev");
    assert_eq!(person.len(), 1);
    assert_eq!(without_invisible(person[0]), "توكاييف");
    // The country adjective still names Kazakhstan, with the controls inside its span.
    let kaz = mentions_of(text, &x, "KAZ");
    assert_eq!(kaz.len(), 1, "{:?}", mention_texts(text, &x));
    assert_eq!(without_invisible(kaz[0]), "الكازاخستاني");
}

#[test]
fn adjectives_and_countries_with_controls_inside() {
    for &c in INVISIBLE {
        let adjective = with_inside("الكازاخستاني", 5, c);
        let country = with_inside("السعودية", 4, c);
        let text = format!("أكد الجانب {adjective} أن العلاقات مع {country} متينة.");
        let x = run(&text);
        let kaz: Vec<String> = mentions_of(&text, &x, "KAZ").into_iter().map(without_invisible).collect();
        let sau: Vec<String> = mentions_of(&text, &x, "SAU").into_iter().map(without_invisible).collect();
        assert_eq!(kaz, ["الكازاخستاني"], "U+{:04X}: {:?}\nhelp: {PERSONS}", c as u32, mention_texts(&text, &x));
        assert_eq!(sau, ["السعودية"], "U+{:04X}: {:?}", c as u32, mention_texts(&text, &x));
    }
}

#[test]
fn an_event_survives_controls_in_both_actors() {
    let plain = "استقبل الرئيس الكازاخستاني توكاييف في أستانا وزير الخارجية السعودي.";
    let hostile = "استقبل الرئيس الكازاخ\u{200C}ستاني تو\u{200F}كاييف في أستانا وزير الخارجية ال\u{2067}سعودي\u{2069}.";
    let dyads = |text: &str| -> Vec<(String, Option<String>, Option<String>)> {
        run(text).events.iter().map(|e| (e.code.clone(), e.source.country.clone(), e.target.country.clone())).collect()
    };
    let expected = dyads(plain);
    assert!(!expected.is_empty(), "fixture: the plain sentence codes an event");
    assert_eq!(dyads(hostile), expected, "help: {PERSONS}");
}

/// Runs extraction in a thread (default 2 MiB stack, as `alaqat extract`'s workers) and fails
/// when it takes longer than `deadline`.
fn extract_within(name: &str, deadline: Duration, text: String) -> (String, Extraction) {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let x = extract_text(&text, None);
            let _ = tx.send((text, x));
        })
        .unwrap();
    match rx.recv_timeout(deadline) {
        Ok(done) => {
            eprintln!("hostile case {name}: {:.2?}", started.elapsed());
            done
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("extraction of {name} still running after {deadline:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("extraction of {name} panicked"),
    }
}

/// Repeats `piece` up to about `chars` characters.
fn fill(piece: &str, chars: usize) -> String {
    piece.repeat(chars / piece.chars().count())
}

#[test]
fn the_largest_documents_the_reader_accepts() {
    // alaqat-read lets documents of up to 2,000,000 characters through; in the debug build a
    // tenth of that keeps the suite quick while any quadratic step still shows as a timeout.
    let chars = 200_000;
    let cases = [
        ("one sentence of names", fill("الرئيس الكازاخستاني توكاييف والسعودية وكازاخستان ", chars)),
        ("one word", fill("ك", chars)),
        ("only controls", fill("\u{200F}\u{2067}\u{200B}", chars)),
        ("dates", fill("يوم 5 مايو 2024 و١٨ ديسمبر ٢٠٢٥ و1445هـ ", chars)),
        ("digits", fill("9", chars)),
        ("short lines", fill("زار\n", chars)),
        ("events", fill("استقبل الرئيس الكازاخستاني وزير الخارجية السعودي. ", chars)),
    ];
    for (name, text) in cases {
        let (text, x) = extract_within(name, Duration::from_secs(60), text);
        for m in &x.mentions {
            slice(&text, m.span);
        }
        for e in &x.events {
            slice(&text, e.evidence);
        }
    }
}
