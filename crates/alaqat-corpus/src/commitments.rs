//! Commitment status: pending, fulfilled or overdue as of a date.

use std::collections::HashMap;

use crate::fusion::base;
use crate::{CommitmentStatus, Doc, FusedEvent};
use alaqat_model::{Commitment, Date, Modality, TimeSpan};

/// What kind of event would fulfil a commitment, read from its `what`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A meeting, visit, summit or talks: fulfilled by 04x.
    Meeting,
    /// Signing an agreement: fulfilled by 057.
    Signing,
    /// Not recognisable: either kind fulfils it.
    Any,
}

const MEETING_WORDS: &[&str] = &[
    "اجتماع",
    "اجتماعات",
    "لقاء",
    "لقاءات",
    "زيارة",
    "زيارات",
    "قمة",
    "محادثات",
    "مشاورات",
    "لجنة",
    "لجان",
    "يجتمع",
    "يلتقي",
    "يزور",
    "meeting",
    "meet",
    "visit",
    "summit",
    "talks",
    "consultations",
    "committee",
    "committees",
];
const SIGNING_WORDS: &[&str] = &[
    "توقيع",
    "اتفاقية",
    "اتفاقيات",
    "اتفاق",
    "مذكرة",
    "مذكرات",
    "معاهدة",
    "sign",
    "signing",
    "agreement",
    "agreements",
    "memorandum",
    "mou",
    "treaty",
    "accord",
];

/// Classifies a commitment by the words of its `what` (normalized like all match keys, and
/// allowing Arabic proclitics and suffixes: a word matches when it starts with a keyword after
/// an optional `و`/`ال`/`وال`/`ب`/`لل` prefix).
pub(crate) fn kind(what: &str) -> Kind {
    let words = crate::dedup::words(what);
    let has = |list: &[&str]| {
        list.iter().any(|kw| {
            let kw = alaqat_text::normalize_word(kw);
            words.iter().any(|w| {
                ["", "و", "ال", "وال", "ب", "بال", "لل", "ف"]
                    .iter()
                    .any(|p| w.strip_prefix(&alaqat_text::normalize_word(p)).is_some_and(|rest| rest.starts_with(&kw)))
            })
        })
    };
    match (has(SIGNING_WORDS), has(MEETING_WORDS)) {
        (true, _) => Kind::Signing,
        (false, true) => Kind::Meeting,
        (false, false) => Kind::Any,
    }
}

fn fulfils_kind(kind: Kind, code: &str) -> bool {
    let r = base(code);
    // 03x (intent to meet, to sign) is itself a promise, never its fulfilment.
    let meeting = r.starts_with("04");
    let signing = r == "057";
    match kind {
        Kind::Meeting => meeting,
        Kind::Signing => signing,
        Kind::Any => meeting || signing,
    }
}

fn same_parties(parties: &[String], f: &FusedEvent) -> bool {
    let (Some(a), Some(b)) = (f.source.country(), f.target.country()) else { return false };
    match parties {
        [] => false,
        [p] => a == p || b == p,
        _ => a != b && parties.iter().any(|p| p == a) && parties.iter().any(|p| p == b),
    }
}

/// The fused events that could fulfil some commitment (dated, asserted, a meeting or a
/// signing), per country of either actor, by start date. A commitment then looks only at its
/// parties' events inside its window: scanning every fused event for every commitment made
/// the analysis quadratic (seconds at ten thousand documents).
pub(crate) struct Fulfillers<'f> {
    /// For commitments of one party.
    by_country: HashMap<&'f str, Vec<(Date, usize)>>,
    /// For commitments of several: an event fulfils only when both its countries are parties,
    /// so a commitment looks up each pair of its parties (countries sorted), not each party,
    /// whose list holds a dense country's every meeting (seconds at 100,000 documents).
    by_dyad: HashMap<(&'f str, &'f str), Vec<(Date, usize)>>,
}

impl<'f> Fulfillers<'f> {
    pub(crate) fn new(fused: &'f [FusedEvent]) -> Fulfillers<'f> {
        let mut by_country: HashMap<&str, Vec<(Date, usize)>> = HashMap::new();
        let mut by_dyad: HashMap<(&str, &str), Vec<(Date, usize)>> = HashMap::new();
        for (i, f) in fused.iter().enumerate() {
            let Some(date) = f.date else { continue };
            if f.modality != Modality::Asserted || !fulfils_kind(Kind::Any, &f.code) {
                continue;
            }
            let (Some(a), Some(b)) = (f.source.country(), f.target.country()) else { continue };
            by_country.entry(a).or_default().push((date.start, i));
            if b != a {
                by_country.entry(b).or_default().push((date.start, i));
                by_dyad.entry(if a < b { (a, b) } else { (b, a) }).or_default().push((date.start, i));
            }
        }
        for events in by_country.values_mut().chain(by_dyad.values_mut()) {
            events.sort_unstable();
        }
        Fulfillers { by_country, by_dyad }
    }
}

pub(crate) fn status(
    doc: &Doc<'_>,
    c: &Commitment,
    fused: &[FusedEvent],
    fulfillers: &Fulfillers<'_>,
    as_of: Date,
) -> CommitmentStatus {
    let published: Option<TimeSpan> = doc.document.published.or(doc.extraction.inferred_published);
    // The window in which a fulfilling event must fall.
    let window = match (c.due, published) {
        (Some(due), _) => Some((due.start, due.end)),
        (None, Some(p)) => p.end.checked_add(jiff::Span::new().days(365)).ok().map(|end| (p.end, end)),
        (None, None) => None,
    };
    let want = kind(&c.what);
    if let Some((start, end)) = window {
        let fulfils = |f: &FusedEvent| {
            let Some(date) = f.date else { return false };
            f.modality == Modality::Asserted
                && fulfils_kind(want, &f.code)
                && same_parties(&c.parties, f)
                && start <= date.start
                && date.end <= end
                // It must come after the promise was published and by the date we reason as of.
                && published.is_none_or(|p| date.start > p.end)
                && date.start <= as_of
        };
        // Every event that fulfils has a party as one of its countries (both its countries,
        // when there are several parties) and starts inside the window; the first such in
        // `fused` order is the answer, as a plain scan would give.
        let lists: Vec<&Vec<(Date, usize)>> = match c.parties.as_slice() {
            [party] => fulfillers.by_country.get(party.as_str()).into_iter().collect(),
            parties => {
                let mut lists = Vec::new();
                for (k, a) in parties.iter().enumerate() {
                    for b in &parties[k + 1..] {
                        let (a, b) = (a.as_str(), b.as_str());
                        lists.extend(fulfillers.by_dyad.get(&if a < b { (a, b) } else { (b, a) }));
                    }
                }
                lists
            }
        };
        let hit = lists
            .into_iter()
            .filter_map(|events| {
                let from = events.partition_point(|(day, _)| *day < start);
                events[from..]
                    .iter()
                    .take_while(|(day, _)| *day <= end)
                    .map(|&(_, i)| i)
                    .filter(|&i| fulfils(&fused[i]))
                    .min()
            })
            .min();
        if let Some(i) = hit {
            return CommitmentStatus::Fulfilled { fused: i };
        }
    }
    match c.due {
        Some(due) if due.end < as_of => CommitmentStatus::Overdue,
        _ => CommitmentStatus::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_words() {
        assert_eq!(kind("عقد الاجتماع المقبل لمسؤولي وزارتي الداخلية"), Kind::Meeting);
        assert_eq!(kind("next meeting of interior ministry officials"), Kind::Meeting);
        assert_eq!(kind("توقيع اتفاقية للتعاون الأمني"), Kind::Signing);
        assert_eq!(kind("sign an agreement on visas"), Kind::Signing);
        assert_eq!(kind("رفع حجم التبادل التجاري"), Kind::Any);
    }

    #[test]
    fn codes_that_fulfil() {
        assert!(fulfils_kind(Kind::Meeting, "042"));
        assert!(fulfils_kind(Kind::Meeting, "0431"));
        assert!(!fulfils_kind(Kind::Meeting, "036"));
        assert!(fulfils_kind(Kind::Signing, "057"));
        assert!(!fulfils_kind(Kind::Signing, "030"));
        assert!(fulfils_kind(Kind::Any, "057"));
    }
}
