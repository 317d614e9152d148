//! Quality flags of a document, all deterministic:
//!
//! - `code_switching`: English discourse connectives or sentence fragments inside Arabic prose
//!   (a common trace of machine-generated articles). Names, acronyms, quoted words, URLs and
//!   Latin text in parentheses do not count, nor does a document that is mostly English.
//! - `outdated_place_name`: a place name used outside the validity period of that name
//!   (`data/places.tsv`) relative to the document's date, unless its sentence is dated inside
//!   the period or the text marks the name as former.
//! - `date_mismatch`: the text's own dates contradict the publication date from metadata.

use alaqat_model::{Commitment, Event, Modality, Precision, Span, TimeSpan};
use alaqat_text::{ScriptCounts, TokenKind};

use crate::commitments::phrase_at;
use crate::dates::DateHit;
use crate::lexicon::{Entry, Group, Place};
use crate::scan::{in_tokens, Scan};

/// A document is Arabic prose for `code_switching` when at least 70% of its Arabic and Latin
/// letters are Arabic.
const ARABIC_SHARE_PERCENT: usize = 70;
/// A sentence is Arabic prose when it has at least this many Arabic words.
const MIN_ARABIC_WORDS: usize = 3;
/// `code_switching` needs at least this many English runs: one can be a stray quote or a
/// translator's gloss, two are a pattern.
const MIN_SWITCHES: usize = 2;
/// Dates within this many days of the publication date do not contradict it (time zones,
/// reports filed the day before, wires dated the next morning).
const SLACK_DAYS: i32 = 2;
/// Tokens on either side of a former place name searched for a marker that says it is former.
const FORMER_WINDOW: usize = 4;
/// Words that mark a place name as former or give its current name ("أستانا (نور سلطان سابقا)",
/// "Nur-Sultan, now Astana", "المعروفة سابقا باسم").
const FORMER_MARKERS: [&str; 22] = [
    "سابقا",
    "السابق",
    "السابقه",
    "الان",
    "حاليا",
    "الحالي",
    "الحاليه",
    "المعروفه",
    "باسم",
    "تسمي",
    "سميت",
    "تسميتها",
    "اسمها",
    "formerly",
    "former",
    "previously",
    "now",
    "renamed",
    "known",
    "called",
    "currently",
    "today",
];
/// Lowercase words that a name may contain without ceasing to look like a name ("Bank of
/// America", "Abdullah bin Zayed").
const NAME_PARTICLES: [&str; 16] =
    ["of", "the", "and", "for", "de", "al", "el", "bin", "bint", "ibn", "la", "le", "du", "da", "van", "von"];

/// What the flags read.
pub(crate) struct Input<'s, 'a> {
    pub scan: &'s Scan<'a>,
    /// Place mentions with their `data/places.tsv` row.
    pub places: &'s [(u16, Span)],
    pub dates: &'s [DateHit],
    pub events: &'s [Event],
    pub commitments: &'s [Commitment],
    /// The publication date used for extraction (metadata, dateline or inferred).
    pub published: Option<TimeSpan>,
    /// The publication date from metadata only.
    pub metadata: Option<TimeSpan>,
    /// The dateline's date, read without relative resolution.
    pub dateline: Option<TimeSpan>,
}

/// The flags of a document, sorted and unique.
pub(crate) fn find(input: &Input<'_, '_>) -> Vec<String> {
    let mut out = Vec::new();
    if code_switching(input.scan) {
        out.push("code_switching".to_string());
    }
    if date_mismatch(input) {
        out.push("date_mismatch".to_string());
    }
    if outdated_place_name(input) {
        out.push("outdated_place_name".to_string());
    }
    out.sort();
    out.dedup();
    out
}

// ---------------------------------------------------------------------------------------
// code_switching

fn is_latin_word(scan: &Scan<'_>, t: usize) -> bool {
    let w = scan.word(t);
    scan.toks.get(t).is_some_and(|tok| tok.kind == TokenKind::Word)
        && w.is_ascii()
        && w.bytes().any(|b| b.is_ascii_alphabetic())
}

fn code_switching(scan: &Scan<'_>) -> bool {
    let counts = ScriptCounts::of(scan.text);
    let total = counts.arabic + counts.latin;
    if total == 0 || counts.arabic * 100 < total * ARABIC_SHARE_PERCENT {
        return false;
    }
    let mut switches = 0;
    for sent in &scan.sents {
        let arabic_words =
            (sent.t0..sent.t1).filter(|&t| scan.toks[t].kind == TokenKind::Word && !scan.word(t).is_ascii()).count();
        if arabic_words < MIN_ARABIC_WORDS {
            continue;
        }
        let mut t = sent.t0;
        while t < sent.t1 {
            if !is_latin_word(scan, t) {
                t += 1;
                continue;
            }
            // A run of Latin words, joined by hyphens, apostrophes or periods inside names.
            let mut r1 = t + 1;
            loop {
                if r1 < sent.t1 && is_latin_word(scan, r1) {
                    r1 += 1;
                } else if r1 + 1 < sent.t1
                    && matches!(scan.word(r1), "-" | "'" | "&" | ".")
                    && is_latin_word(scan, r1 + 1)
                    && scan.toks[r1].o.start == scan.toks[r1 - 1].o.end
                {
                    r1 += 2;
                } else {
                    break;
                }
            }
            if run_counts(scan, sent.o, sent.t0, t, r1) {
                switches += 1;
            }
            t = r1;
        }
    }
    switches >= MIN_SWITCHES
}

/// Whether the Latin run `t0..t1` is English discourse rather than a name, a quote or a URL.
fn run_counts(scan: &Scan<'_>, sent: Span, s0: usize, t0: usize, t1: usize) -> bool {
    let span = Span::new(scan.toks[t0].o.start, scan.toks[t1 - 1].o.end);
    if enclosed(scan.text, sent, span) || url_like(scan.text, span) {
        return false;
    }
    let words: Vec<usize> = (t0..t1).filter(|&t| is_latin_word(scan, t)).collect();
    let discourse = &scan.lex.discourse_en;
    let connective = discourse
        .iter()
        .filter(|p| p.kind == "connective")
        .any(|p| (t0..t1).any(|t| phrase_at(scan, t, p, false).is_some_and(|(end, _)| end <= t1)));
    if connective {
        return true;
    }
    if name_like(scan, &words) {
        return false;
    }
    let fragment = words.len() >= 2
        && words.iter().any(|&t| {
            discourse.iter().any(|p| p.kind == "fragment" && p.words.len() == 1 && p.words[0].0 == scan.word(t))
        });
    let clause_start = t0 == s0 || scan.toks[t0 - 1].kind == TokenKind::Punct;
    fragment || (clause_start && scan.word(t1) == ",")
}

/// Every word capitalized (or in capitals), apart from particles inside it: a name or acronym.
fn name_like(scan: &Scan<'_>, words: &[usize]) -> bool {
    words.iter().enumerate().all(|(i, &t)| {
        let original = scan.slice(scan.toks[t].o);
        let capital = original.chars().next().is_some_and(|c| c.is_uppercase());
        capital || (i > 0 && NAME_PARTICLES.contains(&scan.word(t)))
    })
}

/// Inside quotes or parentheses opened earlier in the sentence and not yet closed.
fn enclosed(text: &str, sent: Span, run: Span) -> bool {
    let before = text.get(sent.start..run.start).unwrap_or_default();
    let (mut guillemet, mut curly, mut straight, mut paren, mut bracket) = (0i32, 0i32, false, 0i32, 0i32);
    for c in before.chars() {
        match c {
            '«' => guillemet += 1,
            '»' => guillemet -= 1,
            '“' => curly += 1,
            '”' => curly -= 1,
            '"' => straight = !straight,
            '(' => paren += 1,
            ')' => paren -= 1,
            '[' => bracket += 1,
            ']' => bracket -= 1,
            _ => {}
        }
    }
    guillemet > 0 || curly > 0 || straight || paren > 0 || bracket > 0
}

/// Part of a URL, an e-mail address, a handle or a domain name.
fn url_like(text: &str, run: Span) -> bool {
    let start = text[..run.start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[run.end..].find(char::is_whitespace).map_or(text.len(), |i| run.end + i);
    let chunk = &text[start..end];
    chunk.contains('@')
        || chunk.contains("://")
        || chunk.contains('/')
        || chunk.contains('#')
        || chunk.to_ascii_lowercase().contains("www.")
        || chunk.as_bytes().windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_lowercase())
}

// ---------------------------------------------------------------------------------------
// outdated_place_name

fn valid_overlaps(p: &Place, d: &TimeSpan) -> bool {
    p.valid_from.is_none_or(|f| d.end >= f) && p.valid_to.is_none_or(|t| d.start <= t)
}

/// The tokens of an original span.
fn tokens_of(scan: &Scan<'_>, o: Span) -> Option<(usize, usize)> {
    let t0 = scan.toks.partition_point(|t| t.o.end <= o.start);
    let t1 = scan.toks.partition_point(|t| t.o.start < o.end);
    (t0 < t1).then_some((t0, t1))
}

fn outdated_place_name(input: &Input<'_, '_>) -> bool {
    let scan = input.scan;
    let Some(doc_date) = input.published.or_else(|| dateline_year(scan, input.dates)) else { return false };
    input.places.iter().any(|&(i, o)| {
        let Some(p) = scan.lex.places.get(i as usize) else { return false };
        if (p.valid_from.is_none() && p.valid_to.is_none()) || valid_overlaps(p, &doc_date) {
            return false;
        }
        let Some((t0, t1)) = tokens_of(scan, o) else { return false };
        let sent = scan.sents[scan.toks[t0].sent as usize];
        // "في عام 2021 اجتمع المنتدى في نور سلطان": the sentence is about a time the name was valid.
        let dated_inside = in_tokens(input.dates, sent.t0, sent.t1, |d| d.t0)
            .iter()
            .any(|d| !d.relative && valid_overlaps(p, &d.value));
        !dated_inside && !marked_former(scan, i, t0, t1, sent.t0, sent.t1)
    })
}

/// A marker of a former name, or the place's current name, next to the mention.
fn marked_former(scan: &Scan<'_>, place: u16, t0: usize, t1: usize, s0: usize, s1: usize) -> bool {
    let lex = scan.lex;
    let current = lex.places[place as usize].same_as.as_deref();
    let from = t0.saturating_sub(FORMER_WINDOW).max(s0);
    let to = (t1 + FORMER_WINDOW).min(s1);
    let marker = (from..to).filter(|&t| t < t0 || t >= t1).any(|t| {
        let w = scan.word(t);
        FORMER_MARKERS.contains(&w) || FORMER_MARKERS.contains(&w.trim_start_matches(['و', 'ف', 'ب']))
    });
    let current_named = current.is_some_and(|id| {
        scan.hits_in(from, to)
            .iter()
            .filter(|h| h.group == Group::Name && (h.t0 >= t1 || h.t1 <= t0))
            .any(|h| scan.entries(h).iter().any(|e| matches!(e, Entry::Place(j) if lex.places[*j as usize].id == id)))
    });
    marker || current_named
}

/// The date of a dateline when the report has no publication date: after a place at the start
/// of one of the first three sentences (a headline may split in two), a date expression or a
/// bare year ("أبوظبي، 2024 -").
fn dateline_year(scan: &Scan<'_>, dates: &[DateHit]) -> Option<TimeSpan> {
    for sent in scan.sents.iter().take(3) {
        let mut placed = false;
        for t in sent.t0..sent.t1.min(sent.t0 + 6) {
            if let Some(d) = dates.iter().find(|d| d.t0 == t && !d.relative) {
                return placed.then_some(d.value);
            }
            if scan.toks[t].kind == TokenKind::Number {
                let Some(year) = scan.word(t).parse::<i16>().ok().filter(|y| (1900..=2100).contains(y)) else {
                    break;
                };
                let ends = scan.toks.get(t + 1).is_none_or(|n| n.kind == TokenKind::Punct);
                if !(placed && ends) {
                    return None;
                }
                let start = alaqat_model::Date::new(year, 1, 1).ok()?;
                let end = alaqat_model::Date::new(year, 12, 31).ok()?;
                return Some(TimeSpan { start, end, precision: Precision::Year, inferred: true });
            }
            let is_place = scan.hits.iter().any(|h| {
                h.t0 <= t
                    && t < h.t1
                    && scan.entries(h).iter().any(|e| matches!(e, Entry::Place(_) | Entry::Country(_)))
            });
            if is_place {
                placed = true;
            } else if scan.toks[t].kind != TokenKind::Punct {
                break;
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// date_mismatch

/// Days between two ranges (0 when they overlap).
fn gap_days(a: &TimeSpan, b: &TimeSpan) -> i32 {
    if a.end < b.start {
        (b.start - a.end).get_days()
    } else if b.end < a.start {
        (a.start - b.end).get_days()
    } else {
        0
    }
}

fn date_mismatch(input: &Input<'_, '_>) -> bool {
    let Some(meta) = input.metadata else { return false };
    if input.dateline.is_some_and(|d| gap_days(&d, &meta) > SLACK_DAYS) {
        return true;
    }
    // An event told as done, dated by an absolute date of its own sentence after publication.
    input.events.iter().any(|e| {
        let Some(d) = e.date else { return false };
        e.modality == Modality::Asserted
            && matches!(d.precision, Precision::Day | Precision::Month)
            && d.start > meta.end
            && gap_days(&d, &meta) > SLACK_DAYS
            && !input.commitments.iter().any(|c| c.evidence.overlaps(e.evidence))
            && input.dates.iter().any(|h| !h.relative && h.value == d && e.evidence.contains(h.o))
    })
}
