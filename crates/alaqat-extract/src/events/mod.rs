//! Events: a trigger (a form generated from `data/verbs_*.tsv` or a phrase, listed in
//! `data/triggers.tsv`) plus its parties, found by the trigger's frame, dated from its sentence,
//! and merged so that one real-world action is one event per document.
//!
//! Per sentence: its parties are computed once (`party.rs`); each trigger's sense is chosen by
//! the object it needs (وقّع + an agreement signs; وقع انفجار does not); a speech act takes the
//! act after it as its complement (هدد بقطع العلاقات is a threat, 1313, not a rupture); the
//! frame's rule (`frames/`) finds who acts on whom; cue words give the modality
//! (`modality.rs`) and the sentence its date (`dates.rs`); `merge.rs` keeps one event per action.
//! A sentence about a match or a film, or a conflict word aimed at a problem ("war on
//! corruption"), codes no conflict between states.

mod dates;
mod frames;
mod merge;
mod modality;
mod party;

use std::collections::HashMap;

use alaqat_model::cameo::{CameoCode, SpeechAct};
use alaqat_model::{Event, Modality, TimeSpan};

use crate::dates::DateHit;
use crate::entities::{Kind, Mention};
use crate::lexicon::{CueKind, Entry, Frame, Group, Trigger};
use crate::scan::{in_tokens, Hit, Scan};
use frames::{Found, Slots};
use party::Party;

/// The two parties a document is mostly about.
pub(crate) type Dyad = Option<(String, String)>;

pub(crate) struct Context<'s, 'a> {
    pub scan: &'s Scan<'a>,
    pub mentions: &'s [Mention],
    pub dates: &'s [DateHit],
    pub dyad: Dyad,
    pub published: Option<TimeSpan>,
    /// The publication date comes from metadata or a dateline, so the report's news is of that day.
    pub report_dated: bool,
    /// The first token of the dateline's date: the report's date, not an event's.
    pub dateline_token: Option<usize>,
}

/// How far after a trigger the object its sense needs may stand (the subject may come between:
/// أطلقت السلطات الإيرانية سراح ...).
const OBJECT_WINDOW: usize = 15;
/// How far after a speech act its complement may start (هددت إيران على لسان وزير خارجيتها
/// بقطع العلاقات).
const COMPLEMENT_WINDOW: usize = 12;

/// A trigger of a sentence with the sense chosen for it.
#[derive(Clone, Copy)]
struct Sensed<'h> {
    hit: &'h Hit,
    trig: &'static Trigger,
    /// The first token of the object that chose this sense, if one did.
    object_at: Option<usize>,
}

/// Codes every trigger in the document and merges repeats.
pub(crate) fn find(cx: &Context<'_, '_>) -> Vec<Event> {
    let scan = cx.scan;
    let mut events: Vec<Event> = Vec::new();
    // Whether each event's date is only the publication date of the report.
    let mut soft: Vec<bool> = Vec::new();
    let triggers: Vec<&Hit> = scan.hits.iter().filter(|h| h.group == Group::Trigger).collect();
    let anchors = dates::anchor_dates(cx);
    for (si, sent) in scan.sents.iter().enumerate() {
        let in_sentence = in_tokens(&triggers, sent.t0, sent.t1, |h| h.t0);
        if in_sentence.is_empty() {
            continue;
        }
        // A match, a film, a novel: no act between states.
        if scan.find_cue(sent.t0, sent.t1, CueKind::Sport).is_some()
            || scan.find_cue(sent.t0, sent.t1, CueKind::Fiction).is_some()
        {
            continue;
        }
        let sensed: Vec<Sensed<'_>> = in_sentence.iter().filter_map(|h| sense(scan, h, sent.t1)).collect();
        let parties = party::parties(scan, cx.mentions, sent.t0, sent.t1);
        let has_dyad_word = in_tokens(cx.mentions, sent.t0, sent.t1, |m| m.t0).iter().any(|m| m.kind == Kind::Dyad);
        let signs = sensed.iter().any(|s| s.trig.code.code == "057");
        // The acts that speech acts talk about are not acts themselves; nor is the act a
        // condemnation or a praise is about («أدانت السعودية اقتحام المسجد», "condemned the
        // storming of"): a noun right after a verb of disapproval or support is its topic.
        let mut consumed = vec![false; sensed.len()];
        for (i, s) in sensed.iter().enumerate() {
            let verbal = s.trig.verb
                && matches!(s.trig.code.root(), "01" | "05" | "11" | "12")
                && s.trig.frame == Frame::Directed;
            if !verbal {
                continue;
            }
            if let Some((j, _)) = sensed
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, c)| !c.trig.verb && c.hit.t0 >= s.hit.t1 && c.hit.t0 <= s.hit.t1 + 3)
            {
                consumed[j] = true;
            }
        }
        let mut complements: Vec<Option<usize>> = vec![None; sensed.len()];
        for (i, s) in sensed.iter().enumerate() {
            if matches!(s.trig.frame, Frame::Speech(_) | Frame::Deny | Frame::Undergo) && !consumed[i] {
                let c = sensed.iter().enumerate().skip(i + 1).find(|(_, c)| {
                    c.hit.t0 >= s.hit.t1
                        && c.hit.t0 <= s.hit.t1 + COMPLEMENT_WINDOW
                        && !matches!(c.trig.frame, Frame::Speech(_) | Frame::Deny | Frame::Undergo | Frame::Block)
                });
                if let Some((j, _)) = c {
                    consumed[j] = true;
                    complements[i] = Some(j);
                }
            }
        }
        let at = frames::Sentence { scan, parties: &parties, has_dyad_word, dyad: &cx.dyad };
        let slots_of = |s: &Sensed<'_>, conflict: bool| {
            let article = !s.trig.verb && has_article(scan, s.hit);
            Slots::new(&at, s.hit, s.trig, article, conflict).with_object(s.object_at)
        };
        for (i, s) in sensed.iter().enumerate() {
            if consumed[i] || s.trig.frame == Frame::Block {
                continue;
            }
            let (hit, trig) = (s.hit, s.trig);
            // The relations a protocol establishes are what is signed, not a second event.
            if signs && trig.code.code == "054" && trig.frame == Frame::Mutual {
                continue;
            }
            let complement = complements[i].map(|j| sensed[j]);
            // A bare تعرض (code 010 in the data) says nothing without the act suffered after it;
            // a call, a wish or a refusal with no act named ("called for restraint", "looks
            // forward to a partnership") is not coded. Threats and denials are news by themselves.
            let needs_act = match trig.frame {
                Frame::Undergo => trig.code.code == "010",
                Frame::Speech(act) => act != SpeechAct::Threaten,
                _ => false,
            };
            if needs_act && complement.is_none() {
                continue;
            }
            // "واكتفى الجانبان بالدعوة إلى": a call both sides make together is aimed at neither.
            if matches!(trig.frame, Frame::Speech(_))
                && in_tokens(cx.mentions, hit.t0.saturating_sub(3), hit.t1 + 3, |m| m.t0)
                    .iter()
                    .any(|m| m.kind == Kind::Dyad)
            {
                continue;
            }
            // Calls for closer cooperation are the boilerplate of diplomatic prose, not appeals.
            if matches!(trig.frame, Frame::Speech(SpeechAct::Appeal | SpeechAct::Demand))
                && complement.is_some_and(|c| matches!(c.trig.code.root(), "05" | "06"))
            {
                continue;
            }
            // What talks were about (بحثا سبل تعزيز التعاون، ركزت على تبادل المعلومات) did not
            // happen: a noun after a topic word or right after a word of talks; nor did the items
            // of a bulleted list of areas ("• تبادل المعلومات الاستخباراتية").
            if is_topic(scan, hit, !trig.verb, &sensed[..i]) || list_item(scan, hit) {
                continue;
            }
            let code = code_of(trig, complement.map(|c| c.trig));
            let force = matches!(code.root(), "15" | "17" | "18" | "19" | "20");
            // "الحرب على الفساد", "war on drugs": a conflict word aimed at a problem.
            let aimed_at = complement.map_or(hit, |c| c.hit);
            if code.is_conflict() && modality::cued(scan, aimed_at, CueKind::Abstract) {
                continue;
            }
            // «تستثمر شركات سعودية في قطاع النفط»: a present verb in the body of a report, with
            // no date of its own, tells how things are, not what happened. Headlines and ledes
            // use it for the news itself («السعودية وكازاخستان تبحثان»).
            if trig.present
                && !code.is_conflict()
                && si > 1
                && in_tokens(cx.dates, sent.t0, sent.t1, |d| d.t0).is_empty()
                && modality::modality(scan, hit) == Modality::Asserted
            {
                continue;
            }
            let slots = slots_of(s, code.is_conflict());
            let found = match trig.frame {
                Frame::Visit => frames::visit(&slots),
                Frame::Host => frames::host(&slots),
                Frame::Meet => frames::meet(&slots),
                Frame::Letter => frames::letter(&slots),
                Frame::Mutual => frames::mutual(&slots),
                Frame::Directed => frames::directed(&slots, force, code.is_conflict()),
                Frame::Undergo => frames::undergo(&slots),
                Frame::Speech(_) | Frame::Deny => speech(
                    &slots,
                    complement.map(|c| (c, slots_of(&c, code.is_conflict() || c.trig.code.is_conflict()))),
                    force,
                ),
                Frame::Block => None,
            };
            let Some(Found { source, target, explicit }) = found else { continue };
            // "قطعت السعودية والإمارات والبحرين علاقاتها مع قطر": one act per party named together.
            let pairs: Vec<(Party, Party)> =
                if matches!(trig.frame, Frame::Directed | Frame::Speech(_) | Frame::Deny | Frame::Undergo) {
                    let side = |p: &Party| -> Vec<Party> {
                        let chain = party::together(&parties, p);
                        if chain.is_empty() {
                            vec![p.clone()]
                        } else {
                            chain.into_iter().cloned().collect()
                        }
                    };
                    let (sources, targets) = (side(&source), side(&target));
                    sources.iter().flat_map(|s| targets.iter().map(move |t| (s.clone(), t.clone()))).collect()
                } else {
                    vec![(source, target)]
                };
            for (source, target) in pairs {
                if source.same_side(&target) || (source.country.is_none() && target.country.is_none()) {
                    continue;
                }
                // Cooperation is between states (and their people): an actor of unknown country
                // (officials somewhere) makes no cooperative event.
                if !code.is_conflict() && (source.country.is_none() || target.country.is_none()) {
                    continue;
                }
                // "the talks", "خلال الاستقبال": a noun with the article and no parties of its own
                // refers to an event already coded.
                if slots.article && !explicit && trig.frame != Frame::Mutual {
                    continue;
                }
                emit(
                    cx,
                    &mut events,
                    &mut soft,
                    Emit { si, sent, hit, trig, code, source: &source, target: &target, explicit },
                    &anchors,
                );
            }
        }
    }
    let mut merged = merge::merge(events, soft);
    for (i, e) in merged.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    merged
}

/// One coded act, ready to be written as events.
struct Emit<'s, 'h> {
    si: usize,
    sent: &'s crate::scan::Sentence,
    hit: &'h Hit,
    trig: &'static Trigger,
    code: &'static CameoCode,
    source: &'s Party,
    target: &'s Party,
    explicit: bool,
}

/// Writes the events of one act: one per date it takes, with the reciprocal side of a visit or
/// reception, and the visit a meeting in one side's country implies.
fn emit(
    cx: &Context<'_, '_>,
    events: &mut Vec<Event>,
    soft: &mut Vec<bool>,
    e: Emit<'_, '_>,
    anchors: &[Option<TimeSpan>],
) {
    let Emit { si, sent, hit, trig, code, source, target, explicit } = e;
    let scan = cx.scan;
    let modality = modality::modality(scan, hit);
    // Recognition is historical by nature: a report's date is not when it happened.
    let timeless = code.code == "054";
    let dates = dates::event_dates(cx, si, hit, trig.verb, anchors, timeless);
    // A war or battle of another era (القرن الماضي، the anniversary of the 1973 war): an act of
    // force dated twenty years or more before the report, or any act in a sentence that says it
    // belongs to history, is background.
    let historical = |date: Option<TimeSpan>| {
        let old = match (date, cx.published) {
            (Some(d), Some(p)) => (p.start - d.end).get_days() > 20 * 365,
            _ => false,
        };
        old && (matches!(code.root(), "18" | "19" | "20") || modality::cued(scan, hit, CueKind::History))
    };
    let place = place_in(cx, sent.t0, sent.t1);
    let date_is_report_date = |d: Option<TimeSpan>| {
        d.is_some()
            && d == cx.published
            && !in_tokens(cx.dates, sent.t0, sent.t1, |h| h.t0).iter().any(|h| Some(h.t0) != cx.dateline_token)
    };
    let mut push = |code: &'static CameoCode, s: &Party, t: &Party, date: Option<TimeSpan>| {
        soft.push(date_is_report_date(date));
        let modality = if modality == Modality::Asserted && historical(date) { Modality::Background } else { modality };
        // An act still to come is an intent to do it (CAMEO.md): a visit planned is 036, a
        // release announced for tomorrow 0353; a threat of force stays a threat.
        let code = if modality == Modality::Expected && code.root() == "04" {
            CameoCode::get("036").unwrap_or(code)
        } else if modality == Modality::Expected && !code.is_conflict() {
            code.speech(SpeechAct::Intend).unwrap_or(code)
        } else {
            code
        };
        events.push(Event {
            id: String::new(),
            code: code.code.to_string(),
            plover: code.plover.to_string(),
            goldstein: code.goldstein,
            quad: code.quad,
            source: s.actor(),
            target: t.actor(),
            date,
            place: place.as_ref().map(|p| p.0.clone()),
            modality,
            confidence: confidence(explicit, date.is_some()),
            evidence: sent.o,
            trigger: hit.o,
        });
    };
    for date in dates {
        push(code, source, target, date);
        match trig.frame {
            // The host's side is coded for a visit reported as news; a visit recalled in a
            // historical account is the visitor's 042 only.
            Frame::Visit if dates::is_news(cx, date, si) => {
                if let Some(r) = code.reciprocal() {
                    push(r, target, source, date);
                }
            }
            Frame::Host => {
                if let Some(r) = code.reciprocal() {
                    push(r, target, source, date);
                }
            }
            // A meeting in one side's country is the other side's visit there.
            Frame::Meet if explicit => {
                let Some((_, place_country)) = place.as_ref() else { continue };
                let (host, guest) = if source.country.as_deref() == Some(place_country.as_str()) {
                    (source, target)
                } else if target.country.as_deref() == Some(place_country.as_str()) {
                    (target, source)
                } else {
                    continue;
                };
                if let Some(visit) = CameoCode::get("042") {
                    push(visit, guest, host, date);
                }
                if dates::is_news(cx, date, si) {
                    if let Some(hosting) = CameoCode::get("043") {
                        push(hosting, host, guest, date);
                    }
                }
            }
            _ => {}
        }
    }
}

/// True when the trigger at `hit` is the topic of talks: a topic cue just before it, or, for a
/// noun, a verb of talks (بحث، ناقش) earlier in its clause.
fn is_topic(scan: &Scan<'_>, hit: &Hit, noun: bool, earlier: &[Sensed<'_>]) -> bool {
    if modality::cued(scan, hit, CueKind::Topic) {
        return true;
    }
    if !noun {
        return false;
    }
    let sent = scan.sents[scan.toks[hit.t0].sent as usize];
    let (c0, _) = modality::clause(scan, hit.t0, sent.t0, sent.t1);
    // «بحثا تعزيز التعاون»: the topic right after the verb of talks (an English clause after
    // "held talks" tells what else happened).
    let english = scan.lex.patterns[hit.pat as usize].latin;
    !english
        && earlier
            .iter()
            .any(|s| s.trig.frame == Frame::Meet && s.trig.verb && s.hit.t0 >= c0 && s.hit.t1 + 3 >= hit.t0)
}

/// True when the trigger opens an item of a bulleted list ("• تبادل المعلومات"): a heading's
/// points, named by nouns, are areas or proposals, not acts.
fn list_item(scan: &Scan<'_>, hit: &Hit) -> bool {
    hit.t0 > 0 && matches!(scan.word(hit.t0 - 1), "•" | "▪" | "◦" | "*")
}

/// The sense of a trigger hit: of the rows its pattern stands for, a block wins; then the first
/// whose object follows in the clause; then the first that needs none. `None` when the word has
/// no sense here (وقع with no agreement after it).
fn sense<'h>(scan: &Scan<'_>, hit: &'h Hit, sent_end: usize) -> Option<Sensed<'h>> {
    let lex = scan.lex;
    let rows = scan.entries(hit).iter().filter_map(|e| match e {
        Entry::Trigger(i) => lex.triggers.get(usize::from(*i)),
        _ => None,
    });
    // An English word that is a verb and a noun (visit, attack) is a noun after an article or a
    // possessive within three words ("paid a state visit", "Russia's invasion").
    let english_noun = lex.patterns[hit.pat as usize].latin
        && (hit.t0.saturating_sub(3)..hit.t0).rev().any(|t| scan.is_cue(t, CueKind::Determiner) || scan.word(t) == "'");
    let rows: Vec<&'static Trigger> = rows.collect();
    let rows = if rows.iter().any(|t| t.verb) && rows.iter().any(|t| !t.verb) {
        rows.into_iter().filter(|t| t.verb != english_noun).collect::<Vec<_>>()
    } else {
        rows
    };
    let rows = rows.into_iter();
    let mut plain = None;
    // The object nearest the trigger decides between senses: «استدعاء سفيرها ... السفير
    // اللبناني» is a recall (its own envoy, right after), not a summons.
    let mut best: Option<(usize, usize, &'static Trigger)> = None;
    for trig in rows {
        // A block stands for the word whatever follows, or only with its object (رحب + a guest).
        if trig.frame == Frame::Block {
            if trig.object.is_none_or(|class| object_at(scan, hit, class, sent_end).is_some()) {
                return Some(Sensed { hit, trig, object_at: None });
            }
            continue;
        }
        match trig.object {
            Some(class) => {
                if let Some((d, at)) = object_at(scan, hit, class, sent_end) {
                    if best.is_none_or(|(bd, _, _)| d < bd) {
                        best = Some((d, at, trig));
                    }
                }
            }
            None => plain = plain.or(Some(trig)),
        }
    }
    match best {
        Some((_, at, trig)) => Some(Sensed { hit, trig, object_at: Some(at) }),
        None => plain.map(|trig| Sensed { hit, trig, object_at: None }),
    }
}

/// How far from the trigger a noun of object class `class` stands in its sentence, and where,
/// if one does (after it, or just before it for "the agreement was signed" and «الاتفاقية التي
/// وقعها»).
fn object_at(scan: &Scan<'_>, hit: &Hit, class: u8, sent_end: usize) -> Option<(usize, usize)> {
    let sent0 = scan.sents[scan.toks[hit.t0].sent as usize].t0;
    // Before it: "the agreement was signed", and the sufferer of an act (تعرضت السفارة ...
    // لاقتحام) a few words back.
    let from = hit.t0.saturating_sub(8).max(sent0);
    let to = (hit.t1 + OBJECT_WINDOW).min(sent_end);
    // Far after it, the object must be in the trigger's clause (تبادل الجانبان وجهات النظر ...،
    // ودعوا إلى وقف لإطلاق النار: the fire is another clause's).
    let (_, clause_end) = crate::events::modality::clause(scan, hit.t0, sent0, sent_end);
    scan.hits_in(from, to)
        .iter()
        .filter(|h| h.group == Group::Object && h.t0 != hit.t0)
        .filter(|h| h.t0 < hit.t1 + 6 || h.t0 < clause_end)
        .filter(|h| scan.entries(h).contains(&Entry::Object(class)))
        .map(|h| (if h.t0 >= hit.t1 { h.t0 - hit.t1 } else { hit.t0 - h.t0 + 2 }, h.t0))
        .min()
}

/// The code of a trigger, given the act its speech act or suffering is about: a threat to cut
/// ties is 1313, a demand for a release 1053, an attack suffered the attack's own code.
fn code_of(trig: &'static Trigger, complement: Option<&'static Trigger>) -> &'static CameoCode {
    match (trig.frame, complement) {
        (Frame::Speech(act), Some(c)) => c.code.speech(act).unwrap_or(trig.code),
        (Frame::Undergo, Some(c)) => c.code,
        _ => trig.code,
    }
}

/// The parties of a speech act (a threat, a demand, a denial): the speaker, and the target of
/// the act spoken about, else the one the speaker addresses.
fn speech(s: &Slots<'_, '_>, complement: Option<(Sensed<'_>, Slots<'_, '_>)>, force: bool) -> Option<Found> {
    let spoken = frames::directed(s, force, false)?;
    let Some((c, cs)) = complement else { return Some(spoken) };
    let about = match c.trig.frame {
        Frame::Mutual => frames::mutual(&cs),
        Frame::Visit => frames::visit(&cs),
        Frame::Host => frames::host(&cs),
        Frame::Meet => frames::meet(&cs),
        Frame::Letter => frames::letter(&cs),
        _ => frames::directed(&cs, force, false),
    };
    // هددت إيران بقطع العلاقات مع السعودية: the threat is aimed where the act would be.
    let target = about
        .into_iter()
        .flat_map(|f| [f.target, f.source])
        .find(|p| !p.same_side(&spoken.source) && p.lead >= s.t1 && !(p.lead == 0 && p.t1 == 0));
    match target {
        Some(target) => Some(Found::new(spoken.source, target, true)),
        None => Some(spoken),
    }
}

/// True when a trigger noun carries the definite article (الاستقبال, "the talks").
fn has_article(scan: &Scan<'_>, hit: &Hit) -> bool {
    let word = scan.word(hit.t0);
    let prefix = &word[..(hit.prefix as usize).min(word.len())];
    prefix.contains("ال") || word.starts_with("ال") || (hit.t0 > 0 && scan.word(hit.t0 - 1) == "the")
}

fn confidence(explicit: bool, dated: bool) -> f32 {
    match (explicit, dated) {
        (true, true) => 0.9,
        (true, false) => 0.8,
        (false, true) => 0.7,
        (false, false) => 0.6,
    }
}

/// The city an event takes place in: one after في or ب in the sentence.
fn place_in(cx: &Context<'_, '_>, t0: usize, t1: usize) -> Option<(String, String)> {
    in_tokens(cx.mentions, t0, t1, |m| m.t0)
        .iter()
        .filter(|m| matches!(m.kind, Kind::City | Kind::Capital))
        .find(|m| matches!(party::prep_before(cx.scan, m.t0), crate::lexicon::Prep::In | crate::lexicon::Prep::Bi))
        .and_then(|m| Some((m.entity.clone(), m.country.clone()?)))
}

/// The two countries a document mentions most.
pub(crate) fn dyad(mentions: &[Mention]) -> Dyad {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(c) = m.country.as_deref().filter(|c| !c.starts_with("IGO")) {
            *counts.entry(c).or_default() += 1;
            first.entry(c).or_insert(i);
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), first.get(c).copied().unwrap_or(0)));
    // The pair in the order the document first names them: the reporting side usually first.
    match ranked.as_slice() {
        [(a, _), (b, _), ..] => {
            let (a, b) = if first.get(a) <= first.get(b) { (a, b) } else { (b, a) };
            Some((a.to_string(), b.to_string()))
        }
        _ => None,
    }
}
