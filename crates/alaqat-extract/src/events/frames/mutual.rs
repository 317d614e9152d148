//! `mutual`: both parties do the act together (وقع البلدان، اشتباكات بين X و Y، "signed",
//! "clashed").
//!
//! The first two parties of different sides in the sentence, countries before organizations
//! (an organization is a party when fewer than two countries are named: the China–GCC
//! agreement); one party alone acts with the other side of the dyad in focus.

use super::{Found, Slots};
use crate::events::party::Party;

pub(crate) fn mutual(s: &Slots<'_, '_>) -> Option<Found> {
    let mut parties: Vec<&Party> = Vec::new();
    for igo in [false, true] {
        for g in s.actors.iter().filter(|g| g.country.as_deref().is_some_and(|c| c.starts_with("IGO")) == igo) {
            if parties.len() < 2 && !parties.iter().any(|c| c.same_side(g)) {
                parties.push(g);
            }
        }
    }
    parties.sort_by_key(|g| g.lead);
    match parties.as_slice() {
        [a, b, ..] => Some(Found::new((*a).clone(), (*b).clone(), true)),
        [a] => s.dyad_other(a).map(|b| Found::new((*a).clone(), b, false)),
        [] => s.dyad_pair(),
    }
}
