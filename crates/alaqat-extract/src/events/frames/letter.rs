//! `letter`: a sender writes to a recipient (رسالة خطية، برقية، "letter").
//!
//! The sender is the one after من/from (the recipient then the subject before: تلقى X رسالة من
//! Y), else the subject, writing to the first party of another side after it.

use super::{Found, Slots};
use crate::lexicon::Prep;

pub(crate) fn letter(s: &Slots<'_, '_>) -> Option<Found> {
    match s.after.iter().find(|g| g.prep == Prep::From).copied() {
        Some(sender) => {
            let recipient = s
                .before
                .iter()
                .rev()
                .find(|g| !g.same_side(sender))
                .copied()
                .cloned()
                .or_else(|| s.dyad_other(sender))?;
            Some(Found::new(sender.clone(), recipient, true))
        }
        None => {
            let sender = s.subject()?.clone();
            let recipient = Slots::first_other(&sender, &s.after).or_else(|| s.dyad_other(&sender))?;
            Some(Found::new(sender, recipient, true))
        }
    }
}
