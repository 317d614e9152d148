//! Events: a trigger (verb, verbal noun or phrase from `data/triggers.tsv`) plus its actors,
//! found by the trigger's role, dated from its sentence, and merged so that one real-world action
//! is one event per document.
//!
//! Actors are groups of adjacent mentions of one country (`رئيس جمهورية كازاخستان نور سلطان
//! نزارباييف` is one KAZ actor). Arabic puts the subject after the verb (VSO) or before it as the
//! sentence topic; a verbal noun takes its agent as the genitive after it (`زيارة الرئيس X إلى Y`).

use std::collections::HashMap;

use alaqat_model::{Actor, Event, Modality, TimeSpan};

use crate::dates::DateHit;
use crate::entities::{Kind, Mention};
use crate::lexicon::{Entry, Group, Role};
use crate::scan::{in_tokens, Hit, Scan};

/// The preposition that introduces an actor group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prep {
    None,
    To,
    /// ل: to a place, or the genitive "of" after a noun.
    Li,
    /// ب: with verbs of support and recognition.
    Bi,
    With,
    By,
    From,
    In,
    Between,
    Other,
}

/// A group of adjacent mentions that acts as one party.
#[derive(Clone, Debug)]
pub(crate) struct Group_ {
    pub lead: usize,
    pub t1: usize,
    pub country: String,
    pub code: String,
    pub entity: Option<String>,
    pub prep: Prep,
    pub person: bool,
    pub place: bool,
}

/// The two parties a document is mostly about.
pub(crate) type Dyad = Option<(String, String)>;

/// Words that make a sentence refer back to the event of an earlier one, so it may take that
/// sentence's date: "during this visit", "after the talks", "at the end of these events".
const ANAPHORA: [&str; 15] = [
    "هذه",
    "زيارته",
    "زيارتها",
    "الزياره",
    "عقب",
    "نهايه",
    "اطار",
    "خلالها",
    "خلاله",
    "المباحثات",
    "اللقاء",
    "الاجتماع",
    "حينها",
    "انذاك",
    "حينذاك",
];

/// Words that mark a sentence as recalling the past ("it is worth noting", "previously").
const BACKGROUND: [&str; 9] = ["يذكر", "سبق", "تجدر", "تاريخيا", "سابقا", "previously", "earlier", "since", "history"];

/// Relative pronouns: a verb right after one has the noun before it as its subject.
const RELATIVES: [&str; 7] = ["الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين"];

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

/// Codes every trigger in the document and merges repeats.
pub(crate) fn find(cx: &Context<'_, '_>) -> Vec<Event> {
    let scan = cx.scan;
    let lex = scan.lex;
    let mut events: Vec<Event> = Vec::new();
    // Whether each event's date is only the publication date of the report.
    let mut soft: Vec<bool> = Vec::new();
    let triggers: Vec<(&Hit, u16)> = scan
        .hits
        .iter()
        .filter(|h| h.group == Group::Trigger)
        .filter_map(|h| {
            scan.entries(h).iter().find_map(|e| if let Entry::Trigger(i) = e { Some((h, *i)) } else { None })
        })
        .collect();
    let anchors = anchor_dates(cx);
    for (si, sent) in scan.sents.iter().enumerate() {
        let in_sentence: Vec<&(&Hit, u16)> = in_tokens(&triggers, sent.t0, sent.t1, |(h, _)| h.t0).iter().collect();
        if in_sentence.is_empty() {
            continue;
        }
        let groups = groups(scan, cx.mentions, sent.t0, sent.t1);
        let has_dyad_word = in_tokens(cx.mentions, sent.t0, sent.t1, |m| m.t0).iter().any(|m| m.kind == Kind::Dyad);
        let signs = in_sentence.iter().any(|(_, i)| lex.triggers[*i as usize].code == "057");
        for &&(hit, ti) in &in_sentence {
            let trig = &lex.triggers[ti as usize];
            // The relations a protocol establishes are what is signed, not a second event.
            if signs && trig.code == "054" && trig.role == Role::Mutual {
                continue;
            }
            let article = !trig.verb && has_article(scan, hit);
            let Some((source, target, explicit)) =
                parties(cx, &groups, hit, trig.role, trig.verb, article, has_dyad_word)
            else {
                continue;
            };
            if source.country == target.country {
                continue;
            }
            // "the talks", "خلال الاستقبال": a noun with the article and no parties of its own
            // refers to an event already coded.
            if article && !explicit && !matches!(trig.role, Role::Mutual) {
                continue;
            }
            let dates = event_dates(cx, si, hit, &anchors, trig.code.as_str());
            let modality = modality(scan, hit, sent.t0);
            let place = place_in(cx, sent.t0, sent.t1);
            let date_is_report_date = |d: Option<TimeSpan>| {
                d.is_some()
                    && d == cx.published
                    && !in_tokens(cx.dates, sent.t0, sent.t1, |h| h.t0).iter().any(|h| Some(h.t0) != cx.dateline_token)
            };
            let mut push = |code: &str, s: &Group_, t: &Group_, date: Option<TimeSpan>| {
                soft.push(date_is_report_date(date));
                // A meeting or visit still to come is an intent to meet (CAMEO 036).
                let code = if modality == Modality::Expected && code.starts_with("04") { "036" } else { code };
                let Some(c) = lex.cameo.get(code) else { return };
                events.push(Event {
                    id: String::new(),
                    code: code.to_string(),
                    plover: c.plover.clone(),
                    goldstein: c.goldstein,
                    quad: c.quad,
                    source: actor(s),
                    target: actor(t),
                    date,
                    place: place.as_ref().map(|p| p.0.clone()),
                    modality,
                    confidence: confidence(explicit, date.is_some()),
                    evidence: sent.o,
                    trigger: hit.o,
                });
            };
            for date in dates {
                match trig.role {
                    Role::Visit => {
                        push(&trig.code, &source, &target, date);
                        // The host's side is coded for a visit reported as news; a visit recalled
                        // in a historical account is the visitor's 042 only.
                        if is_news(cx, date, si) {
                            push("043", &target, &source, date);
                        }
                    }
                    Role::Host => {
                        push(&trig.code, &source, &target, date);
                        push("042", &target, &source, date);
                    }
                    Role::Meet => {
                        push(&trig.code, &source, &target, date);
                        // A meeting in one side's country is the other side's visit there.
                        if let Some((_, place_country)) = place.as_ref().filter(|_| explicit) {
                            let (host, guest) = if *place_country == source.country {
                                (&source, &target)
                            } else if *place_country == target.country {
                                (&target, &source)
                            } else {
                                continue;
                            };
                            push("042", guest, host, date);
                            if is_news(cx, date, si) {
                                push("043", host, guest, date);
                            }
                        }
                    }
                    _ => push(&trig.code, &source, &target, date),
                }
            }
        }
    }
    let mut merged = merge(events, soft);
    for (i, e) in merged.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    merged
}

/// True when a trigger noun carries the definite article (الاستقبال, "the talks").
fn has_article(scan: &Scan<'_>, hit: &Hit) -> bool {
    let word = scan.word(hit.t0);
    let prefix = &word[..(hit.prefix as usize).min(word.len())];
    prefix.contains("ال") || word.starts_with("ال") || (hit.t0 > 0 && scan.word(hit.t0 - 1) == "the")
}

fn actor(g: &Group_) -> Actor {
    Actor { code: g.code.clone(), country: g.country.clone(), entity: g.entity.clone() }
}

fn confidence(explicit: bool, dated: bool) -> f32 {
    match (explicit, dated) {
        (true, true) => 0.9,
        (true, false) => 0.8,
        (false, true) => 0.7,
        (false, false) => 0.6,
    }
}

/// Actor groups of a sentence, in text order.
pub(crate) fn groups(scan: &Scan<'_>, mentions: &[Mention], t0: usize, t1: usize) -> Vec<Group_> {
    let mut out: Vec<Group_> = Vec::new();
    for m in in_tokens(mentions, t0, t1, |m| m.t0) {
        let Some(country) = m.country.clone() else { continue };
        if m.kind == Kind::Dyad {
            continue;
        }
        // A city is where something happens, or where a visitor goes; it never acts.
        if m.kind == Kind::City {
            out.push(Group_ {
                lead: m.t0,
                t1: m.t1,
                code: country.clone(),
                country,
                entity: None,
                prep: prep_before(scan, m.t0),
                person: false,
                place: true,
            });
            continue;
        }
        // Titles right before a mention belong to it: لوزير الخارجية لجمهورية كازاخستان.
        let mut lead = m.lead;
        // A hit ending at `lead` starts before it.
        while let Some(h) = scan.hits_in(t0, lead).iter().find(|h| h.group == Group::Title && h.t1 == lead) {
            lead = h.t0;
        }
        let titled = lead < m.t0;
        let sector = m.sector.clone().or_else(|| titled.then(|| "GOV".to_string()));
        let code = if country.starts_with("IGO") || m.kind == Kind::Adjective && sector.is_none() {
            country.clone()
        } else if m.kind == Kind::Capital {
            format!("{country}GOV")
        } else {
            format!("{country}{}", sector.as_deref().unwrap_or(""))
        };
        let prep = prep_before(scan, lead);
        if let Some(last) = out.last_mut().filter(|g| !g.place) {
            let gap_ok = lead <= last.t1 + 2 && (last.t1..lead).all(|t| !scan.is_break(t) || scan.word(t) == ",");
            if last.country == country && gap_ok {
                last.t1 = m.t1.max(last.t1);
                if m.kind == Kind::Person || last.code.len() < code.len() {
                    last.code = code;
                }
                // A named person is not replaced by a title or pronoun standing for someone.
                if m.kind == Kind::Person && (last.entity.is_none() || !m.pronoun) {
                    last.entity = Some(m.entity.clone());
                    last.person = true;
                }
                continue;
            }
        }
        out.push(Group_ {
            lead,
            t1: m.t1,
            country,
            code,
            entity: (m.kind == Kind::Person).then(|| m.entity.clone()),
            prep,
            person: m.kind == Kind::Person || titled,
            place: false,
        });
    }
    out
}

fn prep_before(scan: &Scan<'_>, lead: usize) -> Prep {
    let first = scan.word(lead);
    // A proclitic on the group's first word.
    let prefix_len = scan.hits_in(lead, lead + 1).iter().find(|h| h.prefix > 0).map_or(0, |h| h.prefix as usize);
    let prefix = &first[..prefix_len.min(first.len())];
    let prefix = prefix.trim_start_matches(['و', 'ف']);
    match prefix {
        "ل" | "لل" => return Prep::Li,
        "ب" => return Prep::Bi,
        "ك" => return Prep::Other,
        _ => {}
    }
    if lead == 0 {
        return Prep::None;
    }
    let prev = scan.word(lead - 1);
    match prev.trim_start_matches('و') {
        "الي" | "to" | "into" => Prep::To,
        "مع" | "with" => Prep::With,
        "قبل" if lead >= 2 && scan.word(lead - 2) == "من" => Prep::By,
        "by" => Prep::By,
        "من" | "from" => Prep::From,
        "في" | "in" | "at" => Prep::In,
        "بين" | "between" => Prep::Between,
        "لدي" | "عن" | "علي" | "حول" | "ضد" | "of" | "for" | "on" | "about" => Prep::Other,
        _ => Prep::None,
    }
}

/// Source, target, and whether both were named explicitly in the sentence.
fn parties(
    cx: &Context<'_, '_>,
    groups: &[Group_],
    hit: &Hit,
    role: Role,
    verb: bool,
    article: bool,
    has_dyad_word: bool,
) -> Option<(Group_, Group_, bool)> {
    let scan = cx.scan;
    let english = scan.lex.patterns[hit.pat as usize].latin;
    let actors: Vec<&Group_> = groups.iter().filter(|g| !g.place).collect();
    let before: Vec<&Group_> = actors.iter().copied().filter(|g| g.t1 <= hit.t0).collect();
    let after: Vec<&Group_> = actors.iter().copied().filter(|g| g.lead >= hit.t1).collect();
    let unprepped = |g: &&&Group_| g.prep == Prep::None;
    // Arabic VSO: a subject right after the verb; else the sentence topic before it. English
    // SVO: the nearest unprepositioned actor before the verb.
    let subject = || -> Option<&Group_> {
        if english {
            return before.iter().rev().find(unprepped).or(before.last()).copied();
        }
        // "خامنئي، الذي أشاد": after a relative pronoun the subject is its antecedent, unless the
        // verb carries the antecedent as its object ("الذي استقبله نظيره السعودي": the one whom
        // his Saudi counterpart received), and then the subject follows the verb.
        if verb && hit.t0 > 0 && RELATIVES.contains(&scan.word(hit.t0 - 1)) {
            let word = scan.word(hit.t0);
            let object_suffix = ["ه", "ها", "هما", "هم"].iter().any(|x| word.ends_with(x));
            let (c0, c1) = clause(scan, hit.t0, 0, scan.toks.len());
            let _ = c0;
            if object_suffix {
                if let Some(g) = after.iter().find(|g| g.prep == Prep::None && g.lead < c1) {
                    return Some(g);
                }
            }
            return before.last().copied();
        }
        if verb {
            if let Some(g) = after.iter().find(|g| g.lead == hit.t1 && g.prep == Prep::None) {
                return Some(g);
            }
        }
        before.iter().find(unprepped).or(before.first()).copied()
    };
    // A verbal noun's agent: the genitive right after it (ل allowed for people).
    let agent = || -> Option<&Group_> {
        after
            .iter()
            .find(|g| g.lead <= hit.t1 + 3 && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)))
            .copied()
            .or_else(|| before.iter().rev().find(unprepped).copied())
            .or_else(|| before.last().copied())
    };
    let first_other = |src: &Group_, pool: &[&Group_]| pool.iter().find(|g| g.country != src.country).copied().cloned();
    let party = |c: String| Group_ {
        lead: 0,
        t1: 0,
        code: c.clone(),
        country: c,
        entity: None,
        prep: Prep::None,
        person: false,
        place: false,
    };
    let dyad_other = |src: &Group_| -> Option<Group_> {
        let (a, b) = cx.dyad.clone()?;
        let other = if src.country == a {
            b
        } else if src.country == b {
            a
        } else {
            return None;
        };
        Some(party(other))
    };
    let dyad_pair = || -> Option<(Group_, Group_, bool)> {
        let (a, b) = cx.dyad.clone()?;
        Some((party(a), party(b), false))
    };
    match role {
        Role::Visit => {
            // زار الرئيس X الرياض: a person after the verb is its subject; a country or city
            // right after it (يزور تركيا) is where the subject goes.
            let object_first = verb && !english && after.first().is_some_and(|g| g.lead == hit.t1 && !g.person);
            // "خلال الزيارة" with neither its visitor nor its destination refers back.
            let genitive = after
                .iter()
                .any(|g| g.lead <= hit.t1 + 3 && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)));
            let destination = groups.iter().any(|g| g.lead >= hit.t1 && matches!(g.prep, Prep::To | Prep::Li));
            if article && !genitive && !destination {
                return None;
            }
            // "خلال الزيارة", "أثناء زيارته": during a visit already told.
            if !verb && hit.t0 > 0 && matches!(scan.word(hit.t0 - 1), "خلال" | "اثناء" | "during") && !destination
            {
                return None;
            }
            let source = if verb && !object_first {
                subject()
            } else if object_first {
                before.iter().find(unprepped).copied()
            } else {
                // The visitor stands between the noun and the destination, as a genitive or in a
                // relative clause: "الزيارتان اللتان قام بهما الرئيس X إلى الإمارات".
                let destination_at =
                    groups.iter().find(|g| g.lead >= hit.t1 && matches!(g.prep, Prep::To)).map(|g| g.lead);
                destination_at
                    .and_then(|d| {
                        after
                            .iter()
                            .find(|g| g.lead < d && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)))
                            .copied()
                    })
                    .or_else(agent)
            }?
            .clone();
            let destinations: Vec<&Group_> = groups.iter().filter(|g| g.lead >= hit.t1).collect();
            let target = destinations
                .iter()
                .find(|g| {
                    g.country != source.country
                        && (matches!(g.prep, Prep::To | Prep::Li)
                            || (verb && g.prep == Prep::None)
                            || (g.place && g.prep == Prep::In))
                })
                .copied()
                .cloned();
            // "هذه الزيارة" without a destination refers to a visit already coded.
            let target = target.or_else(|| if has_dyad_word { dyad_other(&source) } else { None })?;
            Some((source, target, true))
        }
        Role::Host => {
            if let Some(host) = after.iter().find(|g| g.prep == Prep::By).copied() {
                let guest = before
                    .iter()
                    .rev()
                    .find(|g| g.country != host.country)
                    .copied()
                    .cloned()
                    .or_else(|| dyad_other(host))?;
                return Some((host.clone(), guest, true));
            }
            // "وحضر الاستقبال" names no host of its own: the reception was already coded.
            if article && !after.iter().any(|g| g.lead <= hit.t1 + 1 && g.prep == Prep::None) {
                return None;
            }
            // "مراسم استقبال لجلالة السلطان": after a reception noun, ل marks the guest; the host
            // is a plain genitive or the subject before.
            let host = if verb {
                subject()
            } else {
                after
                    .iter()
                    .find(|g| g.lead <= hit.t1 + 1 && g.prep == Prep::None)
                    .copied()
                    .or_else(|| before.iter().rev().find(unprepped).copied())
            }?
            .clone();
            let guest = after
                .iter()
                .find(|g| g.country != host.country && matches!(g.prep, Prep::None | Prep::Li))
                .copied()
                .cloned()
                .or_else(|| first_other(&host, &after))
                .or_else(|| before.iter().rev().find(|g| g.country != host.country).copied().cloned())?;
            Some((host, guest, true))
        }
        Role::Meet => {
            let with = after.iter().chain(before.iter()).find(|g| g.prep == Prep::With).copied();
            let a = if verb { subject() } else { agent() };
            match (a, with) {
                (Some(a), Some(w)) if a.country != w.country => Some((a.clone(), w.clone(), true)),
                (Some(a), _) => first_other(a, &after)
                    .or_else(|| first_other(a, &actors))
                    .map(|b| (a.clone(), b, true))
                    .or_else(|| if has_dyad_word { dyad_other(a).map(|b| (a.clone(), b, false)) } else { None }),
                (None, _) if has_dyad_word => dyad_pair(),
                _ => None,
            }
        }
        Role::Block => None,
        Role::Letter => {
            let from = after.iter().find(|g| g.prep == Prep::From).copied();
            match from {
                Some(sender) => {
                    let recipient = before
                        .iter()
                        .rev()
                        .find(|g| g.country != sender.country)
                        .copied()
                        .cloned()
                        .or_else(|| dyad_other(sender))?;
                    Some((sender.clone(), recipient, true))
                }
                None => {
                    let sender = subject()?.clone();
                    let recipient = first_other(&sender, &after).or_else(|| dyad_other(&sender))?;
                    Some((sender, recipient, true))
                }
            }
        }
        Role::Mutual => {
            // Countries first; an organization is a party when fewer than two countries are named
            // (the China–GCC agreement).
            let mut parties: Vec<&Group_> = Vec::new();
            for igo in [false, true] {
                for g in actors.iter().filter(|g| g.country.starts_with("IGO") == igo) {
                    if parties.len() < 2 && !parties.iter().any(|c| c.country == g.country) {
                        parties.push(g);
                    }
                }
            }
            parties.sort_by_key(|g| g.lead);
            match parties.as_slice() {
                [a, b, ..] => Some(((*a).clone(), (*b).clone(), true)),
                [a] => dyad_other(a).map(|b| ((*a).clone(), b, false)),
                [] => dyad_pair(),
            }
        }
        Role::Directed => {
            // الاعتراف باستقلال X: after a directed noun comes its object, so the agent is the
            // genitive right after it or the subject before.
            let source = if verb {
                subject()
            } else {
                after
                    .iter()
                    .find(|g| g.lead == hit.t1 && g.prep == Prep::None)
                    .copied()
                    .or_else(|| before.iter().rev().find(unprepped).or(before.last()).copied())
            }?
            .clone();
            match first_other(&source, &after).or_else(|| first_other(&source, &actors)) {
                Some(target) => Some((source, target, true)),
                // "أشاد السفير الأوزبكي بإسهامات الصندوق": praise in a bilateral report is for
                // the other side of the dyad.
                None => dyad_other(&source).map(|target| (source, target, false)),
            }
        }
    }
}

/// A date within a month of publication, or an undated event in the lede of a dated report.
fn is_news(cx: &Context<'_, '_>, date: Option<TimeSpan>, si: usize) -> bool {
    match (date, cx.published) {
        (Some(d), Some(p)) => (p.start - d.end).get_days().abs() <= 31 || (d.start <= p.start && p.start <= d.end),
        (None, Some(_)) => si <= 1 && cx.report_dated,
        _ => false,
    }
}

/// Per sentence, the date it is about: its own last date, or the date of the sentence before it
/// in the same paragraph when it refers back ("during this visit", "at that time").
fn anchor_dates(cx: &Context<'_, '_>) -> Vec<Option<TimeSpan>> {
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

fn refers_back(scan: &Scan<'_>, t0: usize, t1: usize) -> bool {
    // The reference must open the sentence, before its first trigger: "في إطار هذه الزيارة،
    // انعقد ..." refers back; "كان لزيارة الأمير ... وقد أرست الزيارة" names its own visit.
    let first_trigger =
        scan.hits_in(t0, t1).iter().filter(|h| h.group == Group::Trigger).map(|h| h.t0).min().unwrap_or(t1);
    let end = if (t0..t1).any(|t| scan.word(t) == "حينها" || scan.word(t) == "انذاك") {
        t1
    } else {
        (first_trigger + 1).min(t1)
    };
    (t0..end).any(|t| ANAPHORA.contains(&scan.word(t).trim_start_matches(['و', 'ف'])))
}

/// The dates an event takes: the date nearest its trigger in the sentence; one per date for a
/// dual noun (زيارتان ... في عام 1998 وفي عام 2000); an earlier sentence's date when this one
/// refers back to it; the publication date for the lede of a dated report.
fn event_dates(
    cx: &Context<'_, '_>,
    si: usize,
    hit: &Hit,
    anchors: &[Option<TimeSpan>],
    code: &str,
) -> Vec<Option<TimeSpan>> {
    let scan = cx.scan;
    let sent = scan.sents[si];
    let here: Vec<&DateHit> =
        in_tokens(cx.dates, sent.t0, sent.t1, |d| d.t0).iter().filter(|d| Some(d.t0) != cx.dateline_token).collect();
    let trigger_word = scan.word(hit.t0);
    let dual = ["زيارتان", "زيارتين", "زيارتا", "زيارتي"].iter().any(|d| trigger_word.contains(d));
    if dual && here.len() >= 2 {
        return here.iter().map(|d| Some(d.value)).collect();
    }
    // An event still to come takes only a date of its own clause, never the past one of another.
    let expected = modality(scan, hit, sent.t0) == Modality::Expected;
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
    let recalls = (sent.t0..sent.t1).any(|t| BACKGROUND.contains(&scan.word(t).trim_start_matches(['و', 'ف'])));
    if cx.report_dated && !recalls && code != "054" {
        if let Some(p) = cx.published {
            return vec![Some(p)];
        }
    }
    vec![None]
}

/// The clause around token `t`: between commas or semicolons inside the sentence.
fn clause(scan: &Scan<'_>, t: usize, s0: usize, s1: usize) -> (usize, usize) {
    let is_sep = |i: usize| matches!(scan.word(i), "," | ";" | ":");
    let start = (s0..t).rev().find(|&i| is_sep(i)).map_or(s0, |i| i + 1);
    let end = (t..s1).find(|&i| is_sep(i)).unwrap_or(s1);
    (start, end)
}

fn modality(scan: &Scan<'_>, hit: &Hit, sent_t0: usize) -> Modality {
    let near = hit.t0.saturating_sub(6).max(sent_t0);
    // A future marker governs the whole clause it opens: in «من المرجح أن يتم عقد اجتماع ...
    // لمناقشة التقدم» the purpose «لمناقشة» is as expected as the meeting, twenty words on.
    // Negation stays local: «لم» binds the verb right after it.
    let (c0, _) = clause(scan, hit.t0, sent_t0, hit.t0 + 1);
    let wide = hit.t0.saturating_sub(24).max(c0);
    let trigger = scan.word(hit.t0);
    let any_from =
        |from: usize, ws: &[&str]| (from..hit.t0).any(|t| ws.contains(&scan.word(t).trim_start_matches(['و', 'ف'])));
    let has = |ws: &[&str]| any_from(near, ws);
    let has_wide = |ws: &[&str]| any_from(wide, ws);
    let did_not = (near..hit.t0.saturating_sub(1)).any(|t| scan.word(t) == "did" && scan.word(t + 1) == "not");
    if has(&["لم", "لن", "not", "never", "نفي", "ينفي"]) || did_not {
        Modality::Negated
    } else if has_wide(&[
        "المتوقع",
        "المقرر",
        "سوف",
        "يعتزم",
        "تعتزم",
        "المرتقب",
        "المرتقبه",
        "will",
        "expected",
        "plans",
        "scheduled",
        "الاعداد",
        "سيتم",
        "المرجح",
    ]) || trigger.starts_with("سي")
        || trigger.starts_with("ست")
    {
        Modality::Expected
    } else if has(&["اقترح", "اقتراح", "مقترح", "proposed", "suggested"]) {
        Modality::Proposed
    } else {
        Modality::Asserted
    }
}

fn place_in(cx: &Context<'_, '_>, t0: usize, t1: usize) -> Option<(String, String)> {
    in_tokens(cx.mentions, t0, t1, |m| m.t0)
        .iter()
        .filter(|m| matches!(m.kind, Kind::City | Kind::Capital))
        .find(|m| matches!(prep_before(cx.scan, m.t0), Prep::In | Prep::Bi))
        .and_then(|m| Some((m.entity.clone(), m.country.clone()?)))
}

/// One event per real-world action: same code, same parties (either direction for mutual
/// codes), compatible dates. The merged event keeps the most precise date and the evidence of
/// the mention that carried it.
fn merge(events: Vec<Event>, soft: Vec<bool>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut out_soft: Vec<bool> = Vec::new();
    let mut index: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (mut e, e_soft) in events.into_iter().zip(soft) {
        let directed = matches!(e.code.as_str(), "042" | "043" | "051" | "054" | "071" | "073" | "111" | "030" | "031");
        let (a, b) = (e.source.country.clone(), e.target.country.clone());
        let pair = if directed || a <= b { (a, b) } else { (b, a) };
        let k = (e.code.clone(), pair.0, pair.1);
        let slots = index.entry(k).or_default();
        // A date taken from the publication date ("soft") never keeps two tellings apart.
        let same = slots.iter().copied().find(|&i| {
            let o: &Event = &out[i];
            match (o.date, e.date) {
                _ if out_soft[i] || e_soft => true,
                (Some(x), Some(y)) => x.overlaps(&y),
                _ => o.modality == e.modality,
            }
        });
        let Some(i) = same else {
            slots.push(out.len());
            out.push(e);
            out_soft.push(e_soft);
            continue;
        };
        // A mutual code may come with the sides the other way round.
        if out[i].source.country != e.source.country {
            std::mem::swap(&mut e.source, &mut e.target);
        }
        let o = &mut out[i];
        let better_date = match (o.date, e.date) {
            _ if out_soft[i] && !e_soft && e.date.is_some() => true,
            _ if e_soft && !out_soft[i] => false,
            (None, Some(_)) => true,
            (Some(x), Some(y)) => days(&y) < days(&x) || y.precision < x.precision,
            _ => false,
        };
        if better_date {
            o.date = e.date;
            o.evidence = e.evidence;
            o.trigger = e.trigger;
            out_soft[i] = e_soft;
        }
        for (mine, theirs) in [(&mut o.source, e.source), (&mut o.target, e.target)] {
            if mine.entity.is_none() {
                mine.entity = theirs.entity;
                if theirs.code.len() > mine.code.len() {
                    mine.code = theirs.code;
                }
            }
        }
        o.confidence = o.confidence.max(e.confidence);
    }
    out
}

fn days(t: &TimeSpan) -> i32 {
    (t.end - t.start).get_days()
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
