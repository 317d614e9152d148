//! `undergo`: the subject suffers an act (تعرضت السفارة لهجوم، "came under fire").
//!
//! The target is the subject; the source is the one after من قبل/على يد/by, or the party of
//! another side named after the act (لهجوم إيراني). The act itself (and so the code) is the
//! trigger that follows; when nobody is named as its doer, the source is unknown (`---`), as
//! CAMEO coders write it.

use super::{Found, Slots};
use crate::events::party::Party;
use crate::lexicon::Prep;

pub(crate) fn undergo(s: &Slots<'_, '_>) -> Option<Found> {
    // تعرضت السفارة السعودية لهجوم: the sufferer follows the verb, possibly as the adjective of
    // a noun that is not itself a party (the embassy).
    let target =
        s.after.iter().find(|g| g.lead <= s.t1 + 2 && g.prep == Prep::None).copied().or_else(|| s.subject())?.clone();
    let by = s.after.iter().find(|g| g.prep == Prep::By && !g.same_side(&target)).copied();
    // Where it happened (في طهران) is not who did it.
    let source = by.or_else(|| {
        s.after
            .iter()
            .find(|g| !g.same_side(&target) && g.lead > target.lead && !matches!(g.prep, Prep::In | Prep::At))
            .copied()
    });
    match source {
        Some(source) => Some(Found::new(source.clone(), target, true)),
        None => Some(Found::new(Party::unknown(), target, false)),
    }
}
