//! `visit`: the visitor goes to a destination (زار الرئيس X الرياض، زيارة الرئيس X إلى Y، "visited").
//!
//! The visitor is the verb's subject or the noun's genitive; the destination is the party after
//! إلى/ل/to, or the place visited. A noun with the article and neither a visitor nor a
//! destination (خلال الزيارة) refers to a visit already told.

use super::{Found, Slots};
use crate::events::party::Party;
use crate::lexicon::Prep;

pub(crate) fn visit(s: &Slots<'_, '_>) -> Option<Found> {
    let scan = s.scan;
    // زار الرئيس X الرياض: a person after the verb is its subject; a country or city right after
    // it (يزور تركيا) is where the subject goes.
    let object_first = s.verb && !s.english && s.after.first().is_some_and(|g| g.lead == s.t1 && !g.person);
    let genitive =
        s.after.iter().any(|g| g.lead <= s.t1 + 3 && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)));
    let destination = s.parties.iter().any(|g| g.lead >= s.t1 && matches!(g.prep, Prep::To | Prep::Li));
    if s.article && !genitive && !destination {
        return None;
    }
    // "خلال الزيارة", "أثناء زيارته": during a visit already told.
    if !s.verb && s.t0 > 0 && matches!(scan.word(s.t0 - 1), "خلال" | "اثناء" | "during") && !destination {
        return None;
    }
    let unprepped = |g: &&&Party| g.prep == Prep::None;
    let source = if s.verb && !object_first {
        s.subject()
    } else if object_first {
        s.before.iter().find(unprepped).copied()
    } else {
        // The visitor stands between the noun and the destination, as a genitive or in a
        // relative clause: "الزيارتان اللتان قام بهما الرئيس X إلى الإمارات".
        let destination_at = s.parties.iter().find(|g| g.lead >= s.t1 && matches!(g.prep, Prep::To)).map(|g| g.lead);
        destination_at
            .and_then(|d| {
                s.after
                    .iter()
                    .find(|g| g.lead < d && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)))
                    .copied()
            })
            .or_else(|| s.agent())
    }?
    .clone();
    let target = s
        .parties
        .iter()
        .filter(|g| g.lead >= s.t1)
        .find(|g| {
            !g.same_side(&source)
                && (matches!(g.prep, Prep::To | Prep::Li)
                    || (s.verb && g.prep == Prep::None)
                    || (g.place && g.prep == Prep::In))
        })
        .cloned();
    // "هذه الزيارة" without a destination refers to a visit already coded.
    let target = target.or_else(|| if s.has_dyad_word { s.dyad_other(&source) } else { None })?;
    Some(Found::new(source, target, true))
}
