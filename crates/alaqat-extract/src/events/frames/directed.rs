//! `directed`: the source acts on the target (أدان، قصف، طرد، فرض عقوبات على، "condemned",
//! "bombed", "expelled").
//!
//! The source is the verb's subject (or, in an English passive, the one after "by"), or the
//! noun's agent; the target is the party after the trigger's preposition, else the first party of
//! another side after it, else (for cooperation only) of the sentence. An act of force may target a place (strikes in
//! Gaza are on Palestine). A source with no target named acts on the other side of the dyad in
//! focus: praise in a bilateral report is for the other side.

use super::{Found, Slots};
use crate::events::party::Party;
use crate::lexicon::{Entry, Group, Prep};

pub(crate) fn directed(s: &Slots<'_, '_>, force: bool, conflict: bool) -> Option<Found> {
    let unprepped = |g: &&&Party| g.prep == Prep::None;
    // "was bombed by X", «استُهدفت القنصلية من قبل»: the subject is the target, the agent the one
    // after by/من قبل.
    if s.passive {
        let agent = s.after.iter().find(|g| g.prep == Prep::By).copied();
        let patient = if s.english {
            s.before.iter().rev().find(unprepped).or(s.before.last()).copied()
        } else {
            s.after
                .iter()
                .find(|g| g.lead <= s.t1 + 2 && g.prep == Prep::None)
                .copied()
                .or_else(|| s.before.last().copied())
        };
        return match (agent, patient) {
            (Some(a), Some(p)) if !a.same_side(p) => Some(Found::new(a.clone(), p.clone(), true)),
            // "two children were killed": a passive with no doer is a toll, not an act (the
            // doer unnamed is coded only for an act suffered: `undergo`).
            _ => None,
        };
    }
    // «ورفع تبادل الزيارات العلاقات إلى مستوى جديد»: a verb whose subject right after it is an
    // event (a verbal noun), not a party, says what an event did. A blocked word is no event
    // (وزارة, blocked for the زار inside it: استدعت وزارة الخارجية).
    if s.verb
        && !s.english
        && s.object_at != Some(s.t1)
        && s.scan.hits_in(s.t1, s.t1 + 1).iter().any(|h| s.scan.is_trigger(h))
    {
        return None;
    }
    // الاعتراف باستقلال X: after a directed noun comes its object, so the agent is the genitive
    // right after it or the subject before.
    let source = if s.verb {
        s.subject()
    } else if conflict {
        s.hostile_agent()
    } else if s.english {
        s.agent()
    } else {
        s.after
            .iter()
            .find(|g| g.lead == s.t1 && g.prep == Prep::None)
            .copied()
            .or_else(|| s.before.iter().rev().find(unprepped).or(s.before.last()).copied())
    }?
    .clone();
    // A hostile act names its target after it (أدانت السعودية الهجوم الإيراني); a party before
    // it is more often its author's ally or the topic of the sentence.
    // A hostile act's target is in its own clause (a party named commas later is another's).
    let end = if conflict { super::clause_end(s.scan, s.t1) } else { usize::MAX };
    // The source's partners in the act (السعودية والإمارات والبحرين) are not its target.
    let partners = crate::events::party::together(s.parties, &source);
    let after: Vec<&Party> = s
        .after
        .iter()
        .copied()
        .filter(|g| g.lead < end && g.lead != source.lead && !partners.iter().any(|p| p.lead == g.lead))
        .collect();
    let by_prep = after.iter().find(|g| s.target_preps.contains(&g.prep) && !g.same_side(&source)).copied().cloned();
    // «رحب ميقاتي بالاتفاق»: welcoming an act (an agreement, a decision, a visit) praises whoever
    // it belongs to, the party in the noun's phrase (بالقرار السعودي، بزيارة الرئيس الكازاخستاني),
    // and no one when none is named.
    if by_prep.is_none() && !conflict && s.verb && s.target_preps.contains(&Prep::Bi) {
        if let Some(k) = thing_object(s) {
            let owner =
                after.iter().find(|g| g.lead > k && g.lead <= k + 3 && g.prep == Prep::None && !g.same_side(&source));
            return owner.map(|g| Found::new(source.clone(), (*g).clone(), true));
        }
    }
    let target = by_prep.or_else(|| Slots::first_other(&source, &after));
    let target = if conflict { target } else { target.or_else(|| Slots::first_other(&source, &s.actors)) };
    // Strikes "in Gaza", shelling "on border villages of X": the place's country.
    let target = target.or_else(|| {
        force
            .then(|| {
                s.parties
                    .iter()
                    .filter(|g| g.place && g.lead >= s.t1 && !g.same_side(&source))
                    .find(|g| matches!(g.prep, Prep::In | Prep::On | Prep::None | Prep::Against))
                    .map(|g| Party { place: false, ..g.clone() })
            })
            .flatten()
    });
    match target {
        Some(target) => Some(Found::new(source, target, true)),
        // Praise in a bilateral report is for the other side; a hostile act needs its target
        // named.
        None if !conflict => s.dyad_other(&source).map(|target| Found::new(source, target, false)),
        // A warning or a condemnation aimed at nobody named, in a report about two countries, is
        // aimed at the other (حذر نتنياهو من أن إسرائيل سترد); an act of force needs its target.
        None if !force && s.verb => s.dyad_other(&source).map(|target| Found::new(source, target, false)),
        None => None,
    }
}

/// Object classes (`data/objects.tsv`) that name acts rather than parties or ties: welcoming
/// one is not praise of the other side (welcoming "the relations" still is).
const ACTS: &[&str] = &["agreement", "talks", "sanctions", "aid", "war"];

/// The verb's prepositional object when it is an act: the first ب-word after an Arabic verb,
/// in its clause and outside a party, if it is an event noun or an object of an `ACTS` class
/// (بالاتفاق، بقرار، بزيارة).
fn thing_object(s: &Slots<'_, '_>) -> Option<usize> {
    let end = super::clause_end(s.scan, s.t1);
    let k = (s.t1..end.min(s.t1 + 12))
        .find(|&k| s.scan.word(k).starts_with('ب') && !s.parties.iter().any(|g| g.lead <= k && k < g.t1))?;
    let act = |e: &Entry| match e {
        Entry::Object(c) => ACTS.contains(&s.scan.lex.object_classes[usize::from(*c)].as_str()),
        _ => false,
    };
    let is_act = s
        .scan
        .hits_in(k, k + 1)
        .iter()
        .any(|h| h.t0 == k && h.prefix > 0 && (h.group == Group::Trigger || s.scan.entries(h).iter().any(act)));
    is_act.then_some(k)
}
