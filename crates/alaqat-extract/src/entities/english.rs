//! People named in English: a capitalized name chain anchored by the office before it ("Kazakh
//! Foreign Minister Murat Nurtleu", "the Minister of Commerce, Majid bin Abdullah Al-Qasabi",
//! "• UAE Vice President Sheikh Mansour bin Zayed Al Nahyan") or after it ("Jalil Abbas Jilani,
//! Pakistan's caretaker foreign minister"). Particles inside names are `name_particle` cues.

use alaqat_text::TokenKind;

use super::{title_at, Candidate, Kind, Mention};
use crate::lexicon::{CueKind, Entry, Group, TitleKind};
use crate::scan::Scan;

/// What may stand before an English office as whose it is.
const PARTY: &[Kind] = &[Kind::Country, Kind::Adjective, Kind::Org, Kind::Actor];

/// Is token `t` a word in Latin script?
pub(super) fn latin(scan: &Scan<'_>, t: usize) -> bool {
    scan.word(t).starts_with(|c: char| c.is_ascii_alphabetic())
}

fn capitalized(scan: &Scan<'_>, t: usize) -> bool {
    scan.toks.get(t).is_some_and(|tok| {
        tok.kind == TokenKind::Word && scan.slice(tok.o).starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// A word that may be part of a name: capitalized, and not a known word of another kind.
fn name_word(scan: &Scan<'_>, t: usize) -> bool {
    capitalized(scan, t) && !scan.name_stop.get(t).copied().unwrap_or(true) && !particle(scan, t)
}

fn particle(scan: &Scan<'_>, t: usize) -> bool {
    scan.is_cue(t, CueKind::NameParticle)
}

/// An Arabic particle inside a name in English script (bin, ibn, Abu): `name_particle` cues
/// whose value is `nasab`.
pub(super) fn nasab(scan: &Scan<'_>, t: usize) -> bool {
    scan.cue_at(t, CueKind::NameParticle)
        .is_some_and(|h| scan.entries(h).iter().any(|e| scan.lex.cue(*e).is_some_and(|c| c.value == "nasab")))
}

/// A lowercase content word that may qualify an office ("caretaker", "military"): not a
/// function word or a preposition, which would start another phrase ("Iran said that President …").
fn modifier(scan: &Scan<'_>, t: usize) -> bool {
    latin(scan, t)
        && !capitalized(scan, t)
        && scan.hit_at(t, Group::Word).is_none_or(|h| !scan.entries(h).contains(&Entry::Function))
        && scan.prep_at(t).is_none()
}

/// A name hit that is a place and nothing else (Nursultan), so it may be a person's name too.
fn only_place(scan: &Scan<'_>, h: &crate::scan::Hit) -> bool {
    scan.entries(h).iter().all(|e| matches!(e, Entry::Place(_)))
}

/// Tokens `a` and `a + 1` touch, with no space between them (Al-Qasabi).
fn joined(scan: &Scan<'_>, a: usize) -> bool {
    scan.toks.get(a + 1).is_some_and(|b| b.o.start == scan.toks[a].o.end)
}

/// A name chain starting at `t`; one past its last token. Up to six words, particles inside
/// (bin, Al), parts joined by a hyphen (Amir-Abdollahian, al-Sisi).
fn chain(scan: &Scan<'_>, t: usize) -> Option<usize> {
    let sent = scan.toks.get(t)?.sent;
    let same = |i: usize| scan.toks.get(i).is_some_and(|tok| tok.sent == sent);
    let hyphen = |i: usize| i > 0 && scan.word(i) == "-" && joined(scan, i - 1) && joined(scan, i);
    // The first part of a hyphenated name: a particle (al-Sisi) or a word known otherwise
    // (Amir, the title: Amir-Abdollahian).
    let hyphenated = |i: usize| {
        let first = particle(scan, i)
            || (capitalized(scan, i) && scan.hit_at(i, Group::Name).is_none_or(|h| only_place(scan, h)));
        first && hyphen(i + 1) && name_word(scan, i + 2)
    };
    // A first name known otherwise as a city (Nursultan) when a name word follows it.
    let first_place = capitalized(scan, t)
        && same(t + 1)
        && name_word(scan, t + 1)
        && scan.hit_at(t, Group::Name).is_some_and(|h| h.t1 == t + 1 && only_place(scan, h));
    if !name_word(scan, t) && !first_place {
        return None;
    }
    let (mut end, mut words) = (t + 1, 1);
    while words < 6 && same(end) {
        if hyphen(end) && name_word(scan, end + 1) {
            end += 2;
        } else if hyphenated(end) {
            end += 3;
        } else if particle(scan, end) && capitalized(scan, end + 1) && title_at(scan, end + 1).is_none() {
            // After bin, any capitalized word is a name: Qaboos bin Said.
            end += 2;
        } else if particle(scan, end) && particle(scan, end + 1) && name_word(scan, end + 2) {
            end += 3;
        } else if name_word(scan, end) {
            end += 1;
        } else {
            break;
        }
        words += 1;
    }
    Some(end)
}

/// "of Kyrgyzstan" right after a name: the country's mention.
pub(super) fn of_country<'m>(scan: &Scan<'_>, mentions: &'m [Mention], end: usize) -> Option<&'m Mention> {
    (scan.word(end) == "of").then(|| mentions.iter().find(|m| m.t0 == end + 1 && m.kind == Kind::Country)).flatten()
}

/// Does a name chain of two words or more start at `t`?
pub(super) fn starts_name(scan: &Scan<'_>, t: usize) -> bool {
    chain(scan, t).is_some_and(|end| end - t >= 2)
}

/// The country words (of `kinds`) right before token `t`: "Kazakh", "UAE", "Pakistan's".
pub(super) fn country_before<'m>(
    scan: &Scan<'_>,
    mentions: &'m [Mention],
    t: usize,
    kinds: &[Kind],
) -> Option<&'m Mention> {
    let at = |end: usize| mentions.iter().find(|m| m.t1 == end && kinds.contains(&m.kind));
    // "Pakistan's", and a plural's bare apostrophe: "the Houthis' spokesman".
    at(t)
        .or_else(|| (t >= 2 && scan.word(t - 1) == "s" && scan.word(t - 2) == "'").then(|| at(t - 2)).flatten())
        .or_else(|| (t >= 1 && scan.word(t - 1) == "'").then(|| at(t - 1)).flatten())
}

/// A country, adjective or organization name hit at `t`: where it ends.
fn named_body(scan: &Scan<'_>, t: usize) -> Option<usize> {
    scan.hit_at(t, Group::Name)
        .filter(|h| {
            scan.entries(h).iter().any(|e| matches!(e, Entry::Country(_) | Entry::CountryAdj(_) | Entry::Org(_)))
        })
        .map(|h| h.t1)
}

/// The capitalized words of a ministry's portfolio from `t` ("Social Solidarity and Justice"),
/// when a country ("of Egypt") or nothing and then a comma follow them: where they end.
fn portfolio(scan: &Scan<'_>, t: usize) -> Option<usize> {
    let mut j = t;
    while j < t + 8 && named_body(scan, j).is_none() && (capitalized(scan, j) || matches!(scan.word(j), "and" | "&")) {
        j += 1;
    }
    if j == t || !capitalized(scan, j - 1) {
        return None;
    }
    let end = j;
    if scan.word(j) == "of" {
        j = named_body(scan, j + 1)?;
    }
    (scan.word(j) == ",").then_some(end)
}

/// People in the English sentences of a document, found by the office next to their name.
pub(super) fn candidates(scan: &Scan<'_>, mentions: &[Mention]) -> Vec<Candidate> {
    let lex = scan.lex;
    let mut out: Vec<Candidate> = Vec::new();
    let n = scan.toks.len();
    let mut t = 0;
    while t < n {
        if !latin(scan, t) {
            t += 1;
            continue;
        }
        // The office first: titles, "of (the)" and the country or organization they serve, a comma.
        if let Some((hit, _)) = title_at(scan, t) {
            let mut title: Option<u16> = None;
            let mut honorific = false;
            let mut j = t;
            let mut comma = false;
            for _ in 0..10 {
                if let Some((h, i)) = title_at(scan, j) {
                    let kind = lex.titles[i as usize].kind;
                    honorific |= kind == TitleKind::Honorific;
                    if kind != TitleKind::Honorific
                        && title.is_none_or(|c| lex.titles[c as usize].kind != TitleKind::Title)
                    {
                        title = Some(i);
                    }
                    j = h.t1;
                    // The abbreviation's full stop: "Dr.", "Gen.".
                    if scan.word(j) == "." && joined(scan, j - 1) {
                        j += 1;
                    }
                } else if matches!(scan.word(j), "of" | "the" | "for") && title.is_some() {
                    j += 1;
                    // "the Minister of Social Solidarity and Justice of Egypt, Dr. Gouda Abdel
                    // Khalek": the portfolio runs to the comma, the name comes after it.
                    if let Some(end) = portfolio(scan, j) {
                        j = end;
                    }
                } else if let Some(end) = named_body(scan, j) {
                    j = end;
                } else if scan.word(j) == "," && !comma && title.is_some() {
                    comma = true;
                    j += 1;
                } else {
                    break;
                }
            }
            if let Some(end) = chain(scan, j) {
                if end - j >= 2 && (title.is_some() || honorific) {
                    // "Pakistan's caretaker Foreign Minister": one modifier may stand between.
                    let modifier = t > 0 && modifier(scan, t - 1);
                    let lead = country_before(scan, mentions, t, PARTY)
                        .or_else(|| modifier.then(|| country_before(scan, mentions, t - 1, PARTY)).flatten())
                        .map_or(t, |m| m.t0);
                    out.push(Candidate { t0: j, t1: end, lead, structured: false, title });
                    t = end;
                    continue;
                }
            }
            t = hit.t1.max(t + 1);
            continue;
        }
        // "his Iranian counterpart, Hossein Amir-Abdollahian".
        if let Some(hit) = scan.hit_at(t, Group::Name).filter(|h| scan.entries(h).contains(&Entry::Counterpart)) {
            let j = if scan.word(hit.t1) == "," { hit.t1 + 1 } else { hit.t1 };
            if let Some(end) = chain(scan, j).filter(|end| end - j >= 2) {
                let lead = country_before(scan, mentions, t, PARTY).map_or(t, |m| m.t0);
                out.push(Candidate { t0: j, t1: end, lead, structured: false, title: super::title_before(scan, t) });
                t = end;
                continue;
            }
        }
        // The name first, then ", (the) (Y's | Y) office", or "of Y" (Kamchybek Tashiev of
        // Kyrgyzstan).
        if name_word(scan, t) && !(t > 0 && capitalized(scan, t - 1) && scan.toks[t - 1].sent == scan.toks[t].sent) {
            if let Some(end) = chain(scan, t).filter(|end| end - t >= 2) {
                if of_country(scan, mentions, end).is_some() {
                    out.push(Candidate { t0: t, t1: end, lead: t, structured: false, title: None });
                    t = end;
                    continue;
                }
                if scan.word(end) == "," {
                    let mut j = end + 1;
                    let mut modifiers = 0;
                    for _ in 0..6 {
                        if matches!(scan.word(j), "the" | "a" | "an" | "'" | "s") {
                            j += 1;
                        } else if modifiers < 2
                            && title_at(scan, j).is_none()
                            && !capitalized(scan, j)
                            && latin(scan, j)
                        {
                            // Words before the office: "caretaker", "acting", "most senior".
                            modifiers += 1;
                            j += 1;
                        } else if let Some(e) = named_body(scan, j) {
                            j = e;
                        } else {
                            break;
                        }
                    }
                    if let Some((_, i)) =
                        title_at(scan, j).filter(|(_, i)| lex.titles[*i as usize].kind == TitleKind::Title)
                    {
                        out.push(Candidate { t0: t, t1: end, lead: t, structured: false, title: Some(i) });
                        t = end;
                        continue;
                    }
                }
            }
        }
        t += 1;
    }
    out
}
