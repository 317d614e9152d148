//! `host`: the host receives a guest (استقبل X Y، استقبال، "received", "hosted").
//!
//! The host is the verb's subject, or the one after من قبل/by in a passive; after a reception
//! noun, ل marks the guest and the host is a plain genitive or the subject before.

use super::{Found, Slots};
use crate::events::party::Party;
use crate::lexicon::Prep;

pub(crate) fn host(s: &Slots<'_, '_>) -> Option<Found> {
    if let Some(host) = s.after.iter().find(|g| g.prep == Prep::By).copied() {
        let guest =
            s.before.iter().rev().find(|g| !g.same_side(host)).copied().cloned().or_else(|| s.dyad_other(host))?;
        return Some(Found::new(host.clone(), guest, true));
    }
    // "وحضر الاستقبال" names no host of its own: the reception was already coded.
    if s.article && !s.after.iter().any(|g| g.lead <= s.t1 + 1 && g.prep == Prep::None) {
        return None;
    }
    let unprepped = |g: &&&Party| g.prep == Prep::None;
    // "مراسم استقبال لجلالة السلطان": after a reception noun, ل marks the guest; the host is a
    // plain genitive or the subject before.
    let host = if s.verb {
        s.subject()
    } else {
        s.after
            .iter()
            .find(|g| g.lead <= s.t1 + 1 && g.prep == Prep::None)
            .copied()
            .or_else(|| s.before.iter().rev().find(unprepped).copied())
    }?
    .clone();
    // A party after في or لدى is where something happens, not who is received.
    let after: Vec<&Party> = s.after.iter().copied().filter(|g| !matches!(g.prep, Prep::In | Prep::At)).collect();
    let guest = after
        .iter()
        .find(|g| !g.same_side(&host) && matches!(g.prep, Prep::None | Prep::Li))
        .copied()
        .cloned()
        .or_else(|| Slots::first_other(&host, &after))
        .or_else(|| s.before.iter().rev().find(|g| !g.same_side(&host)).copied().cloned())?;
    Some(Found::new(host, guest, true))
}
