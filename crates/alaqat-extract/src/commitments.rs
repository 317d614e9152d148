//! Commitments: forward-looking statements (a meeting to be held, a committee to be formed, an
//! agreement to be signed), with who is bound and by when when the text says.
//!
//! A commitment starts at a marker of `data/commitment_markers.tsv`: a phrase (من المتوقع أن,
//! سيتم, is expected to, pledged to ...), a future verb (سيعقد, ستوقع ...), or an agreement verb
//! (اتفق الجانبان على) followed by an action noun (تشكيل, عقد ...). Its text runs from the marker
//! to the end of the clause; its parties are the countries the sentence names, else the
//! document's dyad; its due date is a date of the same sentence that is not before the
//! publication date, or a relative one (الشهر المقبل, next year) resolved against it.
//! A negated marker (لن, لا يتوقع, will not) is no commitment.

use alaqat_model::{Commitment, Date, Precision, TimeSpan};
use alaqat_text::TokenKind;

use crate::dates::DateHit;
use crate::entities::{Kind, Mention};
use crate::events::Dyad;
use crate::lexicon::Phrase;
use crate::scan::{in_tokens, Scan};

/// The longest commitment text, in characters; longer clauses are cut on a word boundary.
const MAX_WHAT_CHARS: usize = 200;
/// How many tokens after an agreement verb may come before على + the action noun
/// (اتفق وزيرا الخارجية في البلدين على ...).
const AGREE_REACH: usize = 6;
/// English "will" is a noun after these words ("the political will to ...").
const WILL_NOUN_BEFORE: [&str; 12] =
    ["the", "a", "political", "good", "strong", "free", "own", "his", "her", "their", "its", "our"];

/// Where a marker matched: its tokens, and the key bytes of a proclitic (و, ف) on its first word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MarkerHit {
    pub t0: usize,
    pub t1: usize,
    pub prefix: usize,
}

/// Whether `phrase` matches the tokens at `t`; returns one past its last token and the byte
/// length of an allowed proclitic (و or ف) before its first word.
pub(crate) fn phrase_at(scan: &Scan<'_>, t: usize, phrase: &Phrase, proclitic: bool) -> Option<(usize, usize)> {
    let mut prefix = 0;
    for (i, (word, open)) in phrase.words.iter().enumerate() {
        let tok = scan.toks.get(t + i)?;
        if tok.sent != scan.toks[t].sent {
            return None;
        }
        let mut w = scan.word(t + i);
        if i == 0 && proclitic && !w.starts_with(word.as_str()) {
            if let Some(rest) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
                prefix = w.len() - rest.len();
                w = rest;
            }
        }
        let ok = if *open { w.starts_with(word.as_str()) } else { w == word };
        if !ok {
            return None;
        }
    }
    Some((t + phrase.words.len(), prefix))
}

/// Every marker occurrence of kind `marker`, `future` or `agree` (with its action noun) that is
/// not negated, in text order; overlapping markers keep the first and longest.
pub(crate) fn markers(scan: &Scan<'_>) -> Vec<MarkerHit> {
    // Only the phrases that can start at a token (itself, or after a proclitic و/ف) are tried.
    let lex = scan.lex;
    let starts = |c: Option<char>, agree: bool| -> &[usize] {
        c.and_then(|c| crate::lexicon::start_slot(c, agree))
            .and_then(|slot| lex.commitment_starts.get(slot))
            .map_or(&[], Vec::as_slice)
    };
    let candidates = |w: &str, agree: bool| {
        let mut chars = w.chars();
        let first = chars.next();
        let second = if matches!(first, Some('و' | 'ف')) { chars.next() } else { None };
        let (a, b) = (starts(first, agree), starts(second, agree));
        let list: Vec<usize> = if b.is_empty() {
            // The common case, one letter's list: no allocation beyond this copy of indices.
            a.to_vec()
        } else {
            // Two letters' lists merged: back to the order ties break in.
            let mut list: Vec<usize> = a.iter().chain(b).copied().collect();
            list.sort_unstable_by_key(|&i| crate::lexicon::commitment_rank(&lex.commitment_markers, i));
            list
        };
        list.into_iter().map(|i| &lex.commitment_markers[i])
    };
    let mut out: Vec<MarkerHit> = Vec::new();
    for t in 0..scan.toks.len() {
        if scan.toks[t].kind != TokenKind::Word || out.last().is_some_and(|m| t < m.t1) {
            continue;
        }
        let w = scan.word(t);
        let best = candidates(w, false)
            .filter_map(|p| phrase_at(scan, t, p, true))
            .max_by_key(|(end, _)| *end)
            .map(|(t1, prefix)| MarkerHit { t0: t, t1, prefix })
            .or_else(|| {
                let (t1, prefix) = candidates(w, true).filter_map(|p| phrase_at(scan, t, p, true)).next()?;
                agreed_action(scan, t1).map(|_| MarkerHit { t0: t, t1, prefix })
            });
        let Some(m) = best else { continue };
        if scan.word(m.t0) == "will" && will_is_noun(scan, m.t0) {
            continue;
        }
        if negated(scan, &m) {
            continue;
        }
        out.push(m);
    }
    out
}

/// After an agreement verb: على followed by an action noun, within the clause.
fn agreed_action(scan: &Scan<'_>, from: usize) -> Option<usize> {
    let sent = scan.toks.get(from)?.sent;
    let actions: Vec<&Phrase> = scan.lex.commitment_markers.iter().filter(|p| p.kind == "action").collect();
    for t in from..(from + AGREE_REACH).min(scan.toks.len()) {
        if scan.toks[t].sent != sent || is_clause_break(scan, t) {
            return None;
        }
        if scan.word(t) == "علي" && actions.iter().any(|a| phrase_at(scan, t + 1, a, false).is_some()) {
            return Some(t);
        }
    }
    None
}

fn will_is_noun(scan: &Scan<'_>, t: usize) -> bool {
    let before = t.checked_sub(1).map_or("", |p| scan.word(p));
    WILL_NOUN_BEFORE.contains(&before) || matches!(scan.word(t + 1), "to" | "of" | "and" | "," | ".")
}

/// A negation word (`negation` rows of data/cues.tsv, the same words that negate an event)
/// within two tokens before the marker or right after it (لن, لا يتوقع, will not; من المتوقع
/// ألا is no match at all).
fn negated(scan: &Scan<'_>, m: &MarkerHit) -> bool {
    let sent = scan.toks[m.t0].sent;
    let window = m.t0.saturating_sub(2)..(m.t1 + 1).min(scan.toks.len());
    window
        .filter(|&t| (t < m.t0 || t >= m.t1) && scan.toks[t].sent == sent)
        .any(|t| scan.is_cue(t, crate::lexicon::CueKind::Negation))
}

fn is_clause_break(scan: &Scan<'_>, t: usize) -> bool {
    matches!(scan.word(t), "," | ";" | ":" | "." | "!" | "?" | "(" | ")")
}

/// The commitments of a document.
pub(crate) fn find(
    scan: &Scan<'_>,
    dates: &[DateHit],
    mentions: &[Mention],
    dyad: &Dyad,
    published: Option<&TimeSpan>,
    dateline_token: Option<usize>,
) -> Vec<Commitment> {
    let mut out: Vec<Commitment> = Vec::new();
    let mut clause_ends: Vec<usize> = Vec::new();
    for m in markers(scan) {
        let sent = scan.sents[scan.toks[m.t0].sent as usize];
        let clause_start = (sent.t0..m.t0).rev().find(|&t| is_clause_break(scan, t)).map_or(sent.t0, |t| t + 1);
        let clause_end = (m.t1..sent.t1).find(|&t| is_clause_break(scan, t)).unwrap_or(sent.t1);
        // One commitment per clause: a second marker inside the same clause is the same statement.
        if clause_ends.contains(&clause_end) || clause_end <= m.t1 {
            continue;
        }
        let start = scan.key.to_original(scan.toks[m.t0].k.start + m.prefix, scan.toks[m.t0].k.end).start;
        let end = scan.toks[clause_end - 1].o.end;
        let what = cut(scan.text.get(start..end).unwrap_or_default().trim());
        if what.is_empty() {
            continue;
        }
        clause_ends.push(clause_end);
        let due = due(scan, dates, &m, (clause_start, clause_end), (sent.t0, sent.t1), published, dateline_token);
        out.push(Commitment { what, parties: parties(mentions, sent.t0, sent.t1, dyad), due, evidence: sent.o });
    }
    out
}

/// The text cut to at most `MAX_WHAT_CHARS` characters, on a word boundary.
fn cut(s: &str) -> String {
    if s.chars().count() <= MAX_WHAT_CHARS {
        return s.to_string();
    }
    let limit = s.char_indices().nth(MAX_WHAT_CHARS).map_or(s.len(), |(i, _)| i);
    let head = &s[..limit];
    let cut_at = head.rfind(char::is_whitespace).unwrap_or(limit);
    head[..cut_at].trim_end_matches([',', '،', ' ']).to_string()
}

/// The countries the sentence names (a dual such as الجانبان stands for the dyad), else the dyad.
fn parties(mentions: &[Mention], t0: usize, t1: usize, dyad: &Dyad) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut dual = false;
    for m in in_tokens(mentions, t0, t1, |m| m.t0).iter().filter(|m| !m.pronoun) {
        if m.kind == Kind::Dyad {
            dual = true;
        } else if let Some(c) = m.country.as_ref().filter(|c| !c.starts_with("IGO")) {
            out.push(c.clone());
        }
    }
    if out.is_empty() || dual {
        if let Some((a, b)) = dyad {
            out.extend([a.clone(), b.clone()]);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A date of the clause (after the marker first), else of the rest of the sentence after it,
/// not before the publication date; else a relative period (next month ...) of the clause.
fn due(
    scan: &Scan<'_>,
    dates: &[DateHit],
    m: &MarkerHit,
    clause: (usize, usize),
    sent: (usize, usize),
    published: Option<&TimeSpan>,
    dateline_token: Option<usize>,
) -> Option<TimeSpan> {
    let usable = |d: &&DateHit| {
        Some(d.t0) != dateline_token
            && published.is_none_or(|p| d.value.end >= p.start && !(d.relative && d.value == *p))
    };
    let in_range = |a: usize, b: usize| in_tokens(dates, a, b, |d| d.t0).iter().find(usable);
    in_range(m.t1, clause.1)
        .or_else(|| in_range(clause.0, m.t0))
        .or_else(|| in_range(clause.1, sent.1))
        .map(|d| TimeSpan { inferred: false, ..d.value })
        .or_else(|| relative(scan, clause.0, clause.1, published?))
}

/// الأسبوع/الشهر/العام المقبل, next week/month/year, this year / العام الجاري, resolved against
/// the publication date.
fn relative(scan: &Scan<'_>, t0: usize, t1: usize, published: &TimeSpan) -> Option<TimeSpan> {
    let p = published.start;
    let span = |start: Date, end: Date, precision| Some(TimeSpan { start, end, precision, inferred: false });
    for t in t0..t1 {
        let (unit, next_word) = (scan.word(t), scan.word(t + 1));
        let (unit, offset) = match (unit, next_word) {
            ("next", u) => (u, 1),
            ("this", u) => (u, 0),
            (u, "المقبل" | "القادم" | "المقبله" | "القادمه") => (u, 1),
            (u, "الجاري" | "الحالي" | "الجاريه" | "الحاليه") => (u, 0),
            _ => continue,
        };
        match unit {
            "week" | "الاسبوع" if offset == 1 => {
                let monday = p.checked_add(jiff::Span::new().days(7 - i64::from(p.weekday().to_monday_zero_offset())));
                let monday = monday.ok()?;
                return span(monday, monday.checked_add(jiff::Span::new().days(6)).ok()?, Precision::Week);
            }
            "month" | "الشهر" => {
                let first = p.first_of_month().checked_add(jiff::Span::new().months(offset)).ok()?;
                return span(first, first.last_of_month(), Precision::Month);
            }
            "year" | "العام" | "السنه" => {
                let y = p.year() + offset as i16;
                return span(Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?, Precision::Year);
            }
            _ => {}
        }
    }
    None
}
