//! How the text presents an event: asserted, negated, expected, proposed or background, from
//! the cue words of `data/cues.tsv` around its trigger, each within its own scope.

use alaqat_model::Modality;

use crate::lexicon::{CueKind, Group, Scope};
use crate::scan::{Hit, Scan};

/// The clause around token `t`: between commas, semicolons or colons inside `s0..s1`.
pub(crate) fn clause(scan: &Scan<'_>, t: usize, s0: usize, s1: usize) -> (usize, usize) {
    let is_sep = |i: usize| matches!(scan.word(i), "," | ";" | ":");
    let start = (s0..t).rev().find(|&i| is_sep(i)).map_or(s0, |i| i + 1);
    let end = (t..s1).find(|&i| is_sep(i)).unwrap_or(s1);
    (start, end)
}

/// True when a cue of `kind` acts on the trigger at `hit`, by the cue's own scope.
pub(crate) fn cued(scan: &Scan<'_>, hit: &Hit, kind: CueKind) -> bool {
    let sent = scan.sents[scan.toks[hit.t0].sent as usize];
    // Most triggers have no cue of the kind in their sentence: ask the mask first.
    if scan.find_cue(sent.t0.max(hit.t0.saturating_sub(24)), sent.t1, kind).is_none() {
        return false;
    }
    let (c0, _) = clause(scan, hit.t0, sent.t0, hit.t0 + 1);
    let lex = scan.lex;
    let from = sent.t0.max(hit.t0.saturating_sub(24));
    scan.hits_in(from, sent.t1).iter().filter(|h| h.group == Group::Cue).any(|h| {
        scan.entries(h).iter().filter_map(|e| lex.cue(*e)).filter(|c| c.kind == kind).any(|c| match c.scope {
            // Negation binds the verb right after it (لم يقصف), not one a clause later.
            Scope::Word => h.t1 == hit.t0 || h.t1 + 1 == hit.t0,
            Scope::Near => h.t0 < hit.t0 && h.t0 + 6 >= hit.t0,
            // A future marker governs the whole clause it opens: in «من المرجح أن يتم عقد
            // اجتماع ... لمناقشة التقدم» the purpose «لمناقشة» is as expected as the meeting.
            Scope::Clause => h.t0 < hit.t0 && h.t0 >= c0 && h.t0 + 24 >= hit.t0,
            Scope::Sentence => true,
            Scope::Opening => h.t0 < hit.t0,
            Scope::After => h.t0 >= hit.t1 && h.t0 <= hit.t1 + 3,
        })
    })
}

/// The modality of the event at `hit`.
pub(crate) fn modality(scan: &Scan<'_>, hit: &Hit) -> Modality {
    if cued(scan, hit, CueKind::Negation) {
        Modality::Negated
    } else if cued(scan, hit, CueKind::Future) || cued(scan, hit, CueKind::Condition) || is_future_verb(scan, hit) {
        Modality::Expected
    } else if cued(scan, hit, CueKind::Proposal) {
        Modality::Proposed
    } else {
        Modality::Asserted
    }
}

/// The future of an Arabic imperfect, س + ي/ت (سيقصف، ستوقع), as the trigger generator marks it
/// (سيطر starts the same way and is no future).
fn is_future_verb(scan: &Scan<'_>, hit: &Hit) -> bool {
    scan.entries(hit).iter().filter_map(|e| scan.lex.trigger(*e)).any(|t| t.future)
}
