//! When an event happened: the date nearest its trigger in the sentence, the date of the
//! sentence it refers back to (`anaphora` cues), or the report's date for the news of a dated
//! report (not for a sentence that recalls the past: `background` cues).

use alaqat_model::{Modality, TimeSpan};

use super::modality::{clause, modality};
use super::Context;
use crate::dates::DateHit;
use crate::lexicon::{CueKind, Group, Scope};
use crate::scan::{in_tokens, Hit, Scan};

/// A date within a month of publication, or an undated event in the lede of a dated report.
pub(crate) fn is_news(cx: &Context<'_, '_>, date: Option<TimeSpan>, si: usize) -> bool {
    match (date, cx.published) {
        (Some(d), Some(p)) => (p.start - d.end).get_days().abs() <= 31 || (d.start <= p.start && p.start <= d.end),
        (None, Some(_)) => si <= 1 && cx.report_dated,
        _ => false,
    }
}

/// Per sentence, the date it is about: its own last date, or the date of the sentence before it
/// in the same paragraph when it refers back ("during this visit", "at that time").
pub(crate) fn anchor_dates(cx: &Context<'_, '_>) -> Vec<Option<TimeSpan>> {
    let scan = cx.scan;
    let mut anchors: Vec<Option<TimeSpan>> = Vec::with_capacity(scan.sents.len());
    for (si, sent) in scan.sents.iter().enumerate() {
        let own = in_tokens(cx.dates, sent.t0, sent.t1, |d| d.t0)
            .iter()
            .rfind(|d| Some(d.t0) != cx.dateline_token)
            .map(|d| d.value);
        let inherited = || {
            let prev = si.checked_sub(1)?;
            refers_back(scan, sent.t0, sent.t1).then(|| anchors[prev]).flatten()
        };
        let anchor = own.or_else(inherited);
        anchors.push(anchor);
    }
    anchors
}

/// The reference must open the sentence, before its first trigger: "في إطار هذه الزيارة، انعقد
/// ..." refers back; "كان لزيارة الأمير ... وقد أرست الزيارة" names its own visit. Some words
/// refer back wherever they stand (حينها, آنذاك).
fn refers_back(scan: &Scan<'_>, t0: usize, t1: usize) -> bool {
    let first_trigger =
        scan.hits_in(t0, t1).iter().filter(|h| h.group == Group::Trigger).map(|h| h.t0).min().unwrap_or(t1);
    let opening_end = (first_trigger + 1).min(t1);
    scan.hits_in(t0, t1).iter().filter(|h| h.group == Group::Cue).any(|h| {
        scan.entries(h).iter().filter_map(|e| scan.lex.cue(*e)).any(|c| {
            c.kind == CueKind::Anaphora
                && (c.scope == Scope::Sentence || (c.scope == Scope::Opening && h.t0 < opening_end))
        })
    })
}

/// The dates an event takes: the date nearest its trigger in the sentence; one per date for a
/// dual noun (زيارتان ... في عام 1998 وفي عام 2000); an earlier sentence's date when this one
/// refers back to it; the publication date for the lede of a dated report.
pub(crate) fn event_dates(
    cx: &Context<'_, '_>,
    si: usize,
    hit: &Hit,
    verb: bool,
    anchors: &[Option<TimeSpan>],
    timeless: bool,
) -> Vec<Option<TimeSpan>> {
    let scan = cx.scan;
    let sent = scan.sents[si];
    let here: Vec<&DateHit> =
        in_tokens(cx.dates, sent.t0, sent.t1, |d| d.t0).iter().filter(|d| Some(d.t0) != cx.dateline_token).collect();
    let trigger_word = scan.word(hit.t0);
    // A dual noun in taa marbuta (زيارتان, زيارتا الرئيس): two events, one per date.
    let dual = !verb && ["تان", "تين", "تا", "تي"].iter().any(|d| trigger_word.ends_with(d));
    if dual && here.len() >= 2 {
        return here.iter().map(|d| Some(d.value)).collect();
    }
    // An event still to come takes only a date of its own clause, never the past one of another.
    let expected = modality(scan, hit) == Modality::Expected;
    let (c0, c1) = clause(scan, hit.t0, sent.t0, sent.t1);
    let nearest = here.iter().filter(|d| !expected || (d.t0 >= c0 && d.t0 < c1)).min_by_key(|d| {
        if d.t0 >= hit.t1 {
            d.t0 - hit.t1
        } else {
            hit.t0.saturating_sub(d.t1)
        }
    });
    if let Some(d) = nearest {
        return vec![Some(d.value)];
    }
    if expected {
        return vec![None];
    }
    if let Some(anchor) = anchors.get(si).copied().flatten() {
        return vec![Some(anchor)];
    }
    // A dated report (metadata or dateline) tells the news of its day: its undated events
    // happened then, unless the sentence recalls the past or the code is historical by nature.
    let recalls = scan.find_cue(sent.t0, sent.t1, CueKind::Background).is_some();
    if cx.report_dated && !recalls && !timeless {
        if let Some(p) = cx.published {
            return vec![Some(p)];
        }
    }
    vec![None]
}
