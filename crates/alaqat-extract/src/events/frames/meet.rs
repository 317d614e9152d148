//! `meet`: the subject meets the other party (التقى، اجتماع، بحث مع، "met", "talks").
//!
//! The other party is the one after مع/with, or the first of another side; a sentence that
//! names only "the two countries" is the dyad in focus meeting.

use super::{Found, Slots};
use crate::lexicon::Prep;

pub(crate) fn meet(s: &Slots<'_, '_>) -> Option<Found> {
    // «تلقى اتصالاً هاتفياً من ماكرون», "received a call from": the one it came from started it.
    if !s.verb {
        if let Some(from) = s.after.iter().find(|g| g.prep == Prep::From && g.lead <= s.t1 + 3).copied() {
            if let Some(to) = s.before.iter().rev().find(|g| !g.same_side(from)).copied() {
                return Some(Found::new(from.clone(), to.clone(), true));
            }
        }
    }
    let with = s.after.iter().chain(s.before.iter()).find(|g| g.prep == Prep::With).copied();
    let a = if s.verb { s.subject() } else { s.agent() };
    match (a, with) {
        (Some(a), Some(w)) if !a.same_side(w) => Some(Found::new(a.clone(), w.clone(), true)),
        (Some(a), _) => Slots::first_other(a, &s.after)
            .or_else(|| Slots::first_other(a, &s.actors))
            .map(|b| Found::new(a.clone(), b, true))
            .or_else(|| if s.has_dyad_word { s.dyad_other(a).map(|b| Found::new(a.clone(), b, false)) } else { None }),
        (None, _) if s.has_dyad_word => s.dyad_pair(),
        _ => None,
    }
}
