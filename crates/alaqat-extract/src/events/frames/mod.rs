//! One rule per frame: given a trigger and the parties of its sentence, who acts on whom.
//!
//! A frame is the `frame` column of `data/triggers.tsv`. Each rule is a plain function over
//! [`Slots`], the trigger's view of its sentence (the parties before and after it, whether it is
//! a verb or a noun, Arabic or English), and returns the source, the target and whether both
//! were named. Adding a frame is a row in the data and, at most, one rule here.

mod directed;
mod host;
mod letter;
mod meet;
mod mutual;
mod undergo;
mod visit;

pub(crate) use directed::directed;
pub(crate) use host::host;
pub(crate) use letter::letter;
pub(crate) use meet::meet;
pub(crate) use mutual::mutual;
pub(crate) use undergo::undergo;
pub(crate) use visit::visit;

use super::party::Party;
use super::Dyad;
use crate::lexicon::{CueKind, Group, Prep, Trigger};
use crate::scan::{Hit, Scan};

/// What a rule found: who acts, on whom, and whether the sentence names both.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub source: Party,
    pub target: Party,
    pub explicit: bool,
}

impl Found {
    pub(crate) fn new(source: Party, target: Party, explicit: bool) -> Found {
        Found { source, target, explicit }
    }
}

/// What a sentence offers every trigger in it, computed once.
#[derive(Clone, Copy)]
pub(crate) struct Sentence<'s, 'a> {
    pub scan: &'s Scan<'a>,
    /// Every party of the sentence, places included.
    pub parties: &'s [Party],
    /// The sentence names "the two countries" (البلدين).
    pub has_dyad_word: bool,
    pub dyad: &'s Dyad,
}

/// A trigger's view of its sentence.
pub(crate) struct Slots<'s, 'a> {
    pub scan: &'s Scan<'a>,
    /// Every party of the sentence, places included.
    pub parties: &'s [Party],
    /// The parties that can act (no places), before and after the trigger.
    pub before: Vec<&'s Party>,
    pub after: Vec<&'s Party>,
    pub actors: Vec<&'s Party>,
    /// Trigger tokens.
    pub t0: usize,
    pub t1: usize,
    pub verb: bool,
    pub english: bool,
    /// A noun with the article (الزيارة, "the talks"): it may refer to an event already told.
    pub article: bool,
    /// The sentence names "the two countries" (البلدين).
    pub has_dyad_word: bool,
    pub dyad: &'s Dyad,
    /// The prepositions that introduce the target (`prep` column).
    pub target_preps: &'static [Prep],
    /// A passive verb (was bombed by, قُصفت): the subject is the target.
    pub passive: bool,
    /// Where the object that chose the trigger's sense stands: never its subject
    /// (أمهلت القائم بالأعمال اللبناني: the chargé is the one given hours to leave).
    pub object_at: Option<usize>,
}

impl<'s, 'a> Slots<'s, 'a> {
    pub(crate) fn new(
        at: &Sentence<'s, 'a>,
        hit: &Hit,
        trig: &'static Trigger,
        article: bool,
        conflict: bool,
    ) -> Slots<'s, 'a> {
        let Sentence { scan, parties, has_dyad_word, dyad } = *at;
        let (verb, target_preps) = (trig.verb, trig.preps.as_slice());
        let english = scan.lex.patterns[hit.pat as usize].latin;
        // Cooperation is between states: an actor of unknown country (the ministry, officials)
        // takes no part in it.
        let actors: Vec<&Party> = parties.iter().filter(|g| !g.place && (conflict || g.country.is_some())).collect();
        let sent0 = scan.sents[scan.toks[hit.t0].sent as usize].t0;
        // Where the subject search before a verb starts: the last complementizer before the
        // trigger opens a clause with a subject of its own (قال إن إسرائيل قصفت), unless a comma
        // closed that clause first (نفى أن يكون ... ، ورفض: the denier refuses).
        let floor = (sent0..hit.t0)
            .rev()
            .find(|&t| scan.is_cue(t, CueKind::Complementizer))
            .filter(|&c| !(c..hit.t0).any(|t| scan.word(t) == ","))
            .map_or(sent0, |t| t + 1);
        let before: Vec<&Party> = actors.iter().copied().filter(|g| g.t1 <= hit.t0 && g.lead >= floor).collect();
        let after: Vec<&Party> = actors.iter().copied().filter(|g| g.lead >= hit.t1).collect();
        // An English auxiliary before a participle, or an Arabic perfect written with its
        // passive vowel (قُطعت، استُهدفت: a damma the active perfect never has).
        let passive = verb
            && ((english && hit.t0 > 0 && scan.is_cue(hit.t0 - 1, CueKind::Passive))
                || (!english && !trig.present && scan.slice(hit.o).contains('\u{064F}')));
        Slots {
            scan,
            parties,
            before,
            after,
            actors,
            t0: hit.t0,
            t1: hit.t1,
            verb,
            english,
            article,
            has_dyad_word,
            dyad,
            target_preps,
            passive,
            object_at: None,
        }
    }

    /// The same view, knowing where the sense's object stands.
    pub(crate) fn with_object(self, object_at: Option<usize>) -> Slots<'s, 'a> {
        Slots { object_at, ..self }
    }

    /// Arabic VSO: a subject right after the verb; else the sentence topic before it. English
    /// SVO: the nearest actor before the verb without a preposition.
    pub(crate) fn subject(&self) -> Option<&'s Party> {
        let unprepped = |g: &&&Party| g.prep == Prep::None;
        if self.english {
            // The clause's first party without a preposition: "Sisi praised China's support
            // and welcomed ..." is Sisi's welcome, not China's.
            return self.before.iter().find(unprepped).or(self.before.last()).copied();
        }
        let scan = self.scan;
        // "خامنئي، الذي أشاد": after a relative pronoun the subject is its antecedent, unless the
        // verb carries the antecedent as its object ("الذي استقبله نظيره السعودي": the one whom
        // his Saudi counterpart received), and then the subject follows the verb.
        if self.verb && self.t0 > 0 && scan.is_cue(self.t0 - 1, CueKind::Relative) {
            let word = scan.word(self.t0);
            if scan.lex.ends_with_suffix(word, CueKind::ObjectSuffix) {
                let end = clause_end(scan, self.t0);
                if let Some(g) = self.after.iter().find(|g| g.prep == Prep::None && g.lead < end) {
                    return Some(g);
                }
            }
            return self.before.last().copied();
        }
        let is_object = |g: &Party| self.object_at.is_some_and(|o| g.lead <= o && o < g.t1.max(g.lead + 1));
        if self.verb {
            if let Some(g) = self.after.iter().find(|g| g.lead == self.t1 && g.prep == Prep::None && !is_object(g)) {
                return Some(g);
            }
            // تظاهر آلاف المحتجين: a number before the subject.
            if scan.hit_at(self.t1, Group::Number).is_some_and(|h| h.t1 == self.t1 + 1) {
                if let Some(g) =
                    self.after.iter().find(|g| g.lead == self.t1 + 1 && g.prep == Prep::None && !is_object(g))
                {
                    return Some(g);
                }
            }
            // استدعت الخارجية الإيرانية: a body named by its field, then its country.
            if scan.is_cue(self.t1, CueKind::Institution) {
                if let Some(g) = self.after.iter().find(|g| g.lead == self.t1 + 1 && g.prep == Prep::None) {
                    return Some(g);
                }
            }
            // SVO: the party right before the verb (محتجون إيرانيون أضرموا، السعودية قطعت); of
            // parties named together (محمد بن زايد وميرزياييف يبحثان), the first.
            // The party may carry a preposition of its own clause (لاقتحام من قبل محتجين
            // إيرانيين أضرموا النار: the protesters set the fire).
            if let Some(g) = self.before.last().filter(|g| g.t1 == self.t0) {
                let first = super::party::together(self.parties, g).first().copied().unwrap_or(g);
                return self.before.iter().find(|b| b.lead == first.lead).copied().or(Some(g));
            }
        }
        self.before.iter().find(unprepped).or(self.before.first()).copied()
    }

    /// The agent of an act of conflict told by a noun, only where the sentence says whose it is:
    /// the adjective or genitive right after the noun (القصف الإسرائيلي، هجوم حماس على), the one
    /// after من قبل/by, the party before it in English ("Israeli strikes", "Russia's invasion"),
    /// or the subject of the verb that carries it (شنت إسرائيل غارات، قرار السعودية قطع). A
    /// hostile noun with no author named (ودانت الاعتداء على السفارة) has no agent: the sentence's
    /// subject is the one who speaks of it, not the one who did it.
    pub(crate) fn hostile_agent(&self) -> Option<&'s Party> {
        let scan = self.scan;
        if let Some(by) = self.after.iter().find(|g| g.prep == Prep::By && g.lead <= self.t1 + 6) {
            return Some(by);
        }
        if self.english {
            if let Some(g) = self.before.last().filter(|g| g.t1 + 2 >= self.t0 && g.prep == Prep::None) {
                return Some(g);
            }
        } else if let Some(g) = self.after.iter().find(|g| g.lead <= self.t1 + 2 && g.prep == Prep::None && !g.person) {
            // A genitive right after a masdar is its agent when a patient follows with a
            // preposition (قصف إسرائيل لغزة), or when it is an adjective (القصف الإسرائيلي).
            let adjective = scan
                .hits_in(g.lead, g.lead + 1)
                .iter()
                .any(|h| scan.entries(h).iter().any(|e| matches!(e, crate::lexicon::Entry::CountryAdj(_))));
            let patient_follows = self.after.iter().any(|p| p.lead > g.lead && p.prep != Prep::None);
            if adjective || patient_follows || g.actor {
                return Some(g);
            }
        }
        // The verb or noun that carries this one: the agent is its subject or genitive.
        let sent0 = scan.sents[scan.toks[self.t0].sent as usize].t0;
        let light =
            (self.t0.saturating_sub(10).max(sent0)..self.t0).rev().find(|&t| scan.is_cue(t, CueKind::LightVerb))?;
        let unprepped = |g: &&&Party| g.prep == Prep::None;
        self.parties
            .iter()
            .filter(|g| !g.place && g.lead > light && g.t1 <= self.t0)
            .find(|g| g.prep == Prep::None)
            .or_else(|| self.before.iter().rev().filter(|g| g.t1 <= light).find(unprepped).copied())
    }

    /// A verbal noun's agent: the genitive right after it (ل allowed for people); in English
    /// the possessor or adjective before it ("Israel's strikes", "Israeli strikes") or "by X".
    pub(crate) fn agent(&self) -> Option<&'s Party> {
        let unprepped = |g: &&&Party| g.prep == Prep::None;
        if self.english {
            return self
                .after
                .iter()
                .find(|g| g.prep == Prep::By && g.lead <= self.t1 + 3)
                .or_else(|| self.before.iter().rev().find(unprepped))
                .or(self.before.last())
                .copied();
        }
        self.after
            .iter()
            .find(|g| g.lead <= self.t1 + 3 && (g.prep == Prep::None || (g.prep == Prep::Li && g.person)))
            .copied()
            .or_else(|| self.before.iter().rev().find(unprepped).copied())
            .or_else(|| self.before.last().copied())
    }

    /// The first party of `pool` on another side than `src`: one whose country is known if
    /// there is one (officials of unknown country are rarely the other side of an act).
    pub(crate) fn first_other(src: &Party, pool: &[&Party]) -> Option<Party> {
        let other = |g: &&&Party| !g.same_side(src);
        pool.iter().filter(other).find(|g| g.country.is_some()).or_else(|| pool.iter().find(other)).copied().cloned()
    }

    /// The other side of the dyad in focus, when `src` is one of its sides.
    pub(crate) fn dyad_other(&self, src: &Party) -> Option<Party> {
        let (a, b) = self.dyad.clone()?;
        let other = match src.country.as_deref() {
            Some(c) if c == a => b,
            Some(c) if c == b => a,
            _ => return None,
        };
        Some(Party::country(&other))
    }

    /// The dyad in focus as two parties.
    pub(crate) fn dyad_pair(&self) -> Option<Found> {
        let (a, b) = self.dyad.clone()?;
        Some(Found::new(Party::country(&a), Party::country(&b), false))
    }
}

/// One past the last token of the clause around token `t`.
pub(crate) fn clause_end(scan: &Scan<'_>, t: usize) -> usize {
    (t..scan.toks.len()).find(|&i| matches!(scan.word(i), "," | ";" | ":")).unwrap_or(scan.toks.len())
}
