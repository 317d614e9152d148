//! Parties: the actors of a sentence. Adjacent mentions of one side are one party (`رئيس
//! جمهورية كازاخستان نور سلطان نزارباييف` is one KAZ party); an actor noun takes the country of
//! the adjective or name after it (`الجيش الإسرائيلي` is ISRMIL, "Israeli troops" too); a party
//! remembers the preposition before it, which tells its part in the event.

use alaqat_model::Actor;

use crate::entities::{Kind, Mention};
use crate::lexicon::{CueKind, Group, Prep};
use crate::scan::{in_tokens, Scan};

/// One side of an event as the sentence names it.
#[derive(Clone, Debug)]
pub(crate) struct Party {
    /// First token, titles included.
    pub lead: usize,
    /// One past the last token.
    pub t1: usize,
    /// ISO alpha-3 or IGO code; `None` when the sentence does not say (protesters somewhere).
    pub country: Option<String>,
    /// CAMEO actor code: country (or `---`) and role.
    pub code: String,
    /// The person or named group acting, when one is named.
    pub entity: Option<String>,
    /// The preposition before the party.
    pub prep: Prep,
    /// A person (named or by title).
    pub person: bool,
    /// A city: where something happens, or where a visitor goes; it never acts.
    pub place: bool,
    /// An actor noun (the army, protesters, a named group) rather than a state or its official.
    pub actor: bool,
    /// Joined to the party before it by "و"/"and" or a list comma: السعودية والإمارات والبحرين
    /// act together.
    pub joined: bool,
}

impl Party {
    /// A party standing for a whole country (the other side of the dyad in focus).
    pub(crate) fn country(code: &str) -> Party {
        Party {
            lead: 0,
            t1: 0,
            country: Some(code.to_string()),
            code: code.to_string(),
            entity: None,
            prep: Prep::None,
            person: false,
            place: false,
            actor: false,
            joined: false,
        }
    }

    /// A party nobody names: the doer of an act suffered (CAMEO's `---`).
    pub(crate) fn unknown() -> Party {
        Party { country: None, code: "---".into(), ..Party::country("---") }
    }

    /// True when the two parties are of the same side (same country, or both unknown).
    pub(crate) fn same_side(&self, other: &Party) -> bool {
        self.country == other.country
    }

    /// The export's actor.
    pub(crate) fn actor(&self) -> Actor {
        Actor { code: self.code.clone(), country: self.country.clone(), entity: self.entity.clone() }
    }
}

/// The CAMEO actor code of a country (or none) and a role.
fn actor_code(country: Option<&str>, role: &str) -> String {
    format!("{}{role}", country.unwrap_or("---"))
}

/// Roles whose country is where they act when the sentence does not say (protesters in Tel
/// Aviv are Israelis); an army somewhere is often a foreign one, so it stays unknown.
fn local_role(role: &str) -> bool {
    !matches!(role, "MIL" | "SPY" | "IGO" | "NGO" | "IMG" | "PKO" | "MNC")
}

/// The parties of tokens `t0..t1` (a sentence), in text order.
pub(crate) fn parties(scan: &Scan<'_>, mentions: &[Mention], t0: usize, t1: usize) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let adjacent = |last: &Party, lead: usize| {
        lead <= last.t1 + 2 && (last.t1..lead).all(|t| !scan.is_break(t) || scan.word(t) == ",")
    };
    for m in in_tokens(mentions, t0, t1, |m| m.t0) {
        if m.kind == Kind::Dyad {
            continue;
        }
        // The city of a dateline ("TEHRAN, May 29 --", «الرياض (واس) -») says where the report
        // was filed, not who acts.
        if matches!(m.kind, Kind::City | Kind::Capital | Kind::Org) && scan.dateline_place(m.t0, m.t1) {
            continue;
        }
        if m.kind == Kind::City {
            let Some(country) = m.country.clone() else { continue };
            out.push(Party {
                lead: m.t0,
                t1: m.t1,
                code: country.clone(),
                country: Some(country),
                entity: None,
                prep: prep_before(scan, m.t0),
                person: false,
                place: true,
                actor: false,
                joined: false,
            });
            continue;
        }
        let role = m.sector.clone().unwrap_or_default();
        if m.kind == Kind::Actor {
            // "Israeli troops", "Iran's Revolutionary Guards": the country word before an
            // actor noun (English order) gives its country.
            if let Some(last) = out.last_mut().filter(|p| {
                !p.place
                    && !p.actor
                    && !p.person
                    && p.country.is_some()
                    && m.country.is_none()
                    && adjacent(p, m.t0)
                    && m.t0 == p.t1
            }) {
                last.t1 = m.t1;
                last.code = actor_code(last.country.as_deref(), &role);
                last.actor = true;
                if !m.entity.is_empty() {
                    last.entity = Some(m.entity.clone());
                }
                continue;
            }
            out.push(Party {
                lead: m.lead,
                t1: m.t1,
                code: actor_code(m.country.as_deref(), &role),
                country: m.country.clone(),
                entity: Some(m.entity.clone()).filter(|e| !e.is_empty()),
                prep: prep_before(scan, m.lead),
                person: false,
                place: false,
                actor: true,
                joined: false,
            });
            continue;
        }
        let Some(country) = m.country.clone() else { continue };
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
            // An actor noun before a country word takes its country (الجيش الإسرائيلي, قوات
            // الأمن العراقية); the adjective wins over the noun's own country (قوات الاحتلال
            // الأمريكي are American forces).
            // The noun may have a genitive of its own first (وزارة الخارجية السعودية، قوات حرس
            // الحدود الإيرانية): up to two plain words between, the ministry's field among them.
            // Right after it, the adjective wins over a country the noun has (قوات الاحتلال
            // الأمريكي); a word or two later, it only gives one the noun lacks, and never past a
            // preposition (السفارة السعودية في طهران stays Saudi).
            let near = lead == last.t1
                || (last.country.is_none()
                    && lead > last.t1
                    && lead <= last.t1 + 2
                    && (last.t1..lead).all(|t| {
                        // Plain nouns only: no preposition, complementizer, trigger or name.
                        !scan.is_break(t)
                            && scan.hits_in(t, t + 1).iter().all(|h| {
                                matches!(h.group, Group::Word | Group::Object)
                                    || h.group == Group::Cue && scan.is_cue(t, CueKind::Institution)
                            })
                    }));
            // A titled mention is a party of its own: in استدعت الحكومة الأردنية السفير
            // الإسرائيلي the ambassador's country is not the government's.
            if last.actor && !last.person && m.kind != Kind::Person && near && m.kind != Kind::Org && !titled {
                let role = last.code.get(3..).unwrap_or("").to_string();
                last.code = actor_code(Some(&country), &role);
                last.country = Some(country);
                last.t1 = m.t1;
                continue;
            }
            if last.country.as_deref() == Some(country.as_str()) && adjacent(last, lead) {
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
        out.push(Party {
            lead,
            t1: m.t1,
            country: Some(country),
            code,
            entity: (m.kind == Kind::Person).then(|| m.entity.clone()),
            prep,
            person: m.kind == Kind::Person || titled,
            place: false,
            actor: false,
            joined: false,
        });
    }
    for i in 1..out.len() {
        let (prev, this) = (&out[i - 1], &out[i]);
        // مع قطر وإيران: the second takes the first's preposition.
        let joined = !prev.place
            && !this.place
            && (this.prep == prev.prep || this.prep == Prep::None)
            && conjoined(scan, prev.t1, this.lead);
        if joined {
            out[i].prep = out[i - 1].prep;
            out[i].joined = true;
        }
    }
    // Protesters in Tel Aviv are Israelis: an actor without a country takes the one of the
    // place the sentence puts the action in, when there is exactly one.
    let places: Vec<String> = {
        let mut v: Vec<String> = out
            .iter()
            .filter(|p| p.place || (p.prep == Prep::In && !p.actor && !p.person))
            .filter_map(|p| p.country.clone())
            .collect();
        v.dedup();
        v
    };
    if let [place] = places.as_slice() {
        for p in out.iter_mut().filter(|p| p.actor && p.country.is_none()) {
            let role = p.code.get(3..).unwrap_or("").to_string();
            if local_role(&role) {
                p.country = Some(place.clone());
                p.code = actor_code(Some(place), &role);
            }
        }
    }
    out
}

/// True when the tokens `from..to` between two parties join them: nothing (وقطر with its
/// proclitic), "و", "and", or a list comma ("Saudi Arabia, the UAE and Bahrain").
fn conjoined(scan: &Scan<'_>, from: usize, to: usize) -> bool {
    // "Saudi Arabia, the UAE and Bahrain": an article before the next item is no gap.
    let to = if to > from && scan.is_cue(to - 1, CueKind::Determiner) { to - 1 } else { to };
    let clitic = || scan.word(to).starts_with('و') && scan.hits_in(to, to + 1).iter().any(|h| h.prefix > 0);
    match to.checked_sub(from) {
        Some(0) => clitic(),
        Some(1) => matches!(scan.word(from), "و" | "and" | ","),
        Some(2) => scan.word(from) == "," && scan.word(from + 1) == "and",
        _ => false,
    }
}

/// The parties acting together with `p` (itself included): the chain of parties joined to it.
pub(crate) fn together<'p>(parties: &'p [Party], p: &Party) -> Vec<&'p Party> {
    let Some(i) = parties.iter().position(|q| q.lead == p.lead && q.t1 == p.t1) else { return Vec::new() };
    let mut start = i;
    while start > 0 && parties[start].joined {
        start -= 1;
    }
    let mut end = i + 1;
    while end < parties.len() && parties[end].joined {
        end += 1;
    }
    // A list of more than six is a statement about a group, not six bilateral acts.
    if end - start > 6 {
        return vec![&parties[i]];
    }
    parties[start..end].iter().collect()
}

/// The preposition before token `lead`: a proclitic on its word (ل، ب، ك), else the word
/// before it (`data/cues.tsv`, kind `prep`).
pub(crate) fn prep_before(scan: &Scan<'_>, lead: usize) -> Prep {
    let first = scan.word(lead);
    // A proclitic on the party's first word.
    let prefix_len = scan.hits_in(lead, lead + 1).iter().find(|h| h.prefix > 0).map_or(0, |h| h.prefix as usize);
    let prefix = &first[..prefix_len.min(first.len())];
    let prefix = prefix.trim_start_matches(['و', 'ف']);
    match prefix {
        "ل" | "لل" => return Prep::Li,
        "ب" => return Prep::Bi,
        "ك" => return Prep::Other,
        _ => {}
    }
    // "by the Crown Prince": an article between the preposition and the party.
    let lead = if lead > 0 && scan.is_cue(lead - 1, CueKind::Determiner) { lead - 1 } else { lead };
    // The preposition word ends right before the party: من قبل is two tokens.
    for back in [2, 1] {
        let Some(t) = lead.checked_sub(back) else { continue };
        if let Some((prep, end)) = scan.prep_span_at(t) {
            if end == lead {
                return prep;
            }
        }
    }
    Prep::None
}
