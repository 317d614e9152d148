//! Fusion of the same real-world event reported by several documents.

use crate::dedup::Signatures;
use crate::hash::hash_parts;
use crate::{Doc, FusedEvent};
use alaqat_model::{Actor, Event, Modality, TimeSpan};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;

/// The three-digit CAMEO base of a code (`0421` → `042`): mentions of one event may be coded
/// at different depths.
pub(crate) fn base(code: &str) -> &str {
    alaqat_model::cameo::base_of(code)
}

/// The side an actor stands for in fusion keys: its country, or its actor code when the text
/// did not give one (`---CVL`).
fn side(actor: &Actor) -> String {
    actor.country.clone().unwrap_or_else(|| actor.code.clone())
}

/// Which modalities may fuse with each other: asserted with asserted, expected or proposed
/// with either, negated with negated, background with background.
fn modality_class(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Expected | Modality::Proposed => 1,
        Modality::Negated => 2,
        Modality::Background => 3,
    }
}

/// Events that may be the same event share this key.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key {
    base: String,
    a: String,
    b: String,
    modality: u8,
}

fn key(ev: &Event) -> Key {
    let base = base(&ev.code).to_owned();
    let (mut a, mut b) = (side(&ev.source), side(&ev.target));
    // Direction carries no meaning for mutual codes (`data/cameo.tsv`): A–B is B–A.
    if ev.cameo().is_some_and(|c| c.is_mutual()) && b < a {
        std::mem::swap(&mut a, &mut b);
    }
    Key { base, a, b, modality: modality_class(ev.modality) }
}

fn width(t: &TimeSpan) -> i64 {
    // Days covered; never fails for real dates.
    (t.end - t.start).get_days().into()
}

/// Persons acting in an event (entity ids starting with `per:`).
fn persons(ev: &Event) -> impl Iterator<Item = &str> {
    [&ev.source, &ev.target].into_iter().filter_map(|a| a.entity.as_deref()).filter(|e| e.starts_with("per:"))
}

/// A fused event under construction.
struct Cluster {
    members: Vec<(usize, usize)>,
    /// The intersection of the members' dates (None while no member is dated).
    common: Option<TimeSpan>,
    docs: HashSet<usize>,
}

/// The canonical order of events: by document publication (undated last), document id, event
/// id, then position. It does not depend on the order of the input slice (except for exact ties).
type Canon<'a> = (bool, Option<alaqat_model::Date>, &'a str, &'a str, usize, usize);

fn canonical<'a>(docs: &[Doc<'a>], (d, e): (usize, usize)) -> Canon<'a> {
    let doc = docs[d];
    let published = doc.document.published.or(doc.extraction.inferred_published).map(|t| t.start);
    (published.is_none(), published, doc.document.id.as_str(), doc.extraction.events[e].id.as_str(), d, e)
}

/// Fuses the events of `docs`; `signatures` are those of the documents' texts, in the same
/// order. Each fusion key is fused on its own, from its events and their documents alone, so
/// that fusing any set of documents that holds every event of a key (one dyad's documents)
/// gives that key's fused events exactly as fusing the whole corpus does.
pub(crate) fn fuse(docs: &[Doc<'_>], signatures: &Signatures<'_>) -> (Vec<FusedEvent>, Vec<Vec<usize>>) {
    let mut by_key: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (e, ev) in doc.extraction.events.iter().enumerate() {
            by_key.entry(key(ev)).or_default().push((d, e));
        }
    }
    let event = |(d, e): (usize, usize)| &docs[d].extraction.events[e];
    let mut clusters: Vec<Cluster> = Vec::new();
    for (_, mut refs) in by_key {
        refs.sort_by(|&x, &y| canonical(docs, x).cmp(&canonical(docs, y)));
        let first = clusters.len();
        // 1. Dated events, most precise first: each joins the first cluster whose members' dates
        //    it is compatible with (overlaps their common range), one event per document.
        let mut dated: Vec<(usize, usize)> = refs.iter().copied().filter(|&r| event(r).date.is_some()).collect();
        dated.sort_by_key(|&r| event(r).date.map(|t| width(&t)).unwrap_or(i64::MAX));
        let mut by_start = DatedClusters::default();
        for r in dated {
            let Some(date) = event(r).date else { continue };
            let target = by_start.first(&date, |i| {
                let c = &clusters[i];
                c.common.is_some_and(|common| common.overlaps(&date)) && !c.docs.contains(&r.0)
            });
            let i = match target {
                Some(i) => i,
                None => {
                    clusters.push(Cluster { members: Vec::new(), common: Some(date), docs: HashSet::new() });
                    clusters.len() - 1
                }
            };
            let cluster = &mut clusters[i];
            let before = cluster.common;
            if let Some(common) = &mut cluster.common {
                common.start = common.start.max(date.start);
                common.end = common.end.min(date.end);
            }
            by_start.moved(i, before, cluster.common);
            cluster.members.push(r);
            cluster.docs.insert(r.0);
        }
        let dated_end = clusters.len();
        // 2. Undated events join a cluster that shares a person entity on an actor with them or
        //    holds a near-duplicate of their document, when exactly one dated cluster does;
        //    otherwise they group with undated events on the same evidence.
        let undated: Vec<(usize, usize)> = refs.iter().copied().filter(|&r| event(r).date.is_none()).collect();
        if undated.is_empty() {
            // The index needs every cluster document's signature: none computed for nothing.
            continue;
        }
        let mut links = Links::default();
        for (i, cluster) in clusters.iter().enumerate().skip(first) {
            for &m in &cluster.members {
                links.add(i, [m.0], persons(event(m)), signatures);
            }
        }
        for r in undated {
            let ev = event(r);
            let doc = docs[r.0];
            let mine: Vec<&str> = persons(ev).collect();
            let published = doc.document.published.or(doc.extraction.inferred_published);
            // A document cannot report as having happened an event that starts after it appeared.
            let plausible = |c: &Cluster| match (ev.modality, published, c.common) {
                (Modality::Asserted, Some(p), Some(common)) => common.start <= p.end,
                _ => true,
            };
            // The plausible dated clusters linked to the event (two are as many as it needs to
            // know: then it joins neither) and the first linked undated one.
            let mut candidates: Vec<usize> = Vec::with_capacity(2);
            let mut first_undated: Option<usize> = None;
            links.linked(r.0, &mine, signatures, &mut |i| {
                if clusters[i].docs.contains(&r.0) {
                    return ControlFlow::Continue(());
                }
                if i >= dated_end {
                    first_undated = Some(first_undated.map_or(i, |first| first.min(i)));
                } else if plausible(&clusters[i]) && !candidates.contains(&i) {
                    candidates.push(i);
                    if candidates.len() > 1 {
                        return ControlFlow::Break(());
                    }
                }
                ControlFlow::Continue(())
            });
            let target = match candidates[..] {
                [one] => Some(one),
                [] => first_undated,
                _ => None,
            };
            let i = match target {
                Some(i) => i,
                None => {
                    clusters.push(Cluster { members: Vec::new(), common: None, docs: HashSet::new() });
                    clusters.len() - 1
                }
            };
            let cluster = &mut clusters[i];
            cluster.members.push(r);
            cluster.docs.insert(r.0);
            links.add(i, [r.0], mine.iter().copied(), signatures);
        }
    }

    let mut fused: Vec<FusedEvent> = clusters
        .into_iter()
        .map(|mut c| {
            c.members.sort_by(|&x, &y| canonical(docs, x).cmp(&canonical(docs, y)));
            build(docs, c.members)
        })
        .collect();
    fused.sort_by(|x, y| {
        let dx = x.date.map(|t| (t.start, t.end));
        let dy = y.date.map(|t| (t.start, t.end));
        (dx.is_none(), dx, &x.code, &x.id).cmp(&(dy.is_none(), dy, &y.code, &y.id))
    });
    // Ids are content hashes; make them unique should two clusters hash alike.
    let mut seen = HashSet::new();
    for f in &mut fused {
        let base = f.id.clone();
        let mut n = 1;
        while !seen.insert(f.id.clone()) {
            f.id = format!("{base}-{n}");
            n += 1;
        }
    }
    let mut event_fused: Vec<Vec<usize>> = docs.iter().map(|d| vec![usize::MAX; d.extraction.events.len()]).collect();
    for (i, f) in fused.iter().enumerate() {
        for &(d, e) in &f.members {
            event_fused[d][e] = i;
        }
    }
    (fused, event_fused)
}

/// The dated clusters of one key by the first day of their common range, to find the first
/// cluster (in creation order) whose common range overlaps a date without testing every
/// cluster: testing each made the dated phase quadratic in a dense key (a dyad's visits over
/// decades).
#[derive(Default)]
struct DatedClusters {
    /// (first day of the common range as a day number, cluster index).
    starts: BTreeSet<(i64, usize)>,
    /// The widest common range indexed so far, in days: a range overlapping `date` starts at
    /// most this many days before it.
    widest: i64,
}

/// A day as a number of days, so ranges can be searched by arithmetic.
fn day_number(date: alaqat_model::Date) -> i64 {
    (date - alaqat_model::Date::MIN).get_days().into()
}

impl DatedClusters {
    /// The lowest index that `accepts`, among the clusters whose common range may overlap
    /// `date` (those starting from `widest` days before it to its last day); `accepts` tests
    /// the overlap itself.
    fn first(&self, date: &TimeSpan, accepts: impl Fn(usize) -> bool) -> Option<usize> {
        let (start, end) = (day_number(date.start), day_number(date.end));
        self.starts.range((start - self.widest, 0)..=(end, usize::MAX)).map(|&(_, i)| i).filter(|&i| accepts(i)).min()
    }

    /// Records that cluster `i`'s common range went from `before` (not yet indexed for a new
    /// cluster) to `after`.
    fn moved(&mut self, i: usize, before: Option<TimeSpan>, after: Option<TimeSpan>) {
        if let Some(before) = before {
            self.starts.remove(&(day_number(before.start), i));
        }
        if let Some(after) = after {
            self.starts.insert((day_number(after.start), i));
            self.widest = self.widest.max(day_number(after.end) - day_number(after.start));
        }
    }
}

/// Which clusters of one key an undated event is linked to, found through indexes rather than
/// by testing every cluster (that was quadratic in a dense dyad: undated events × documents).
/// Exact: two texts can only be near-duplicates if they agree on a whole band, so looking in
/// the event's document's band buckets finds every near-duplicate among the clusters' documents.
#[derive(Default)]
struct Links<'p> {
    /// The clusters each person acts in.
    persons: HashMap<&'p str, Vec<usize>>,
    /// The clusters each document has an event in.
    docs: HashMap<usize, Vec<usize>>,
    /// The documents of the clusters, by (band, band key).
    bands: HashMap<(usize, u64), Vec<usize>>,
}

impl<'p> Links<'p> {
    /// Records that cluster `i` holds these documents and persons.
    fn add(
        &mut self,
        i: usize,
        docs: impl IntoIterator<Item = usize>,
        persons: impl IntoIterator<Item = &'p str>,
        signatures: &Signatures<'_>,
    ) {
        for person in persons {
            let clusters = self.persons.entry(person).or_default();
            if clusters.last() != Some(&i) {
                clusters.push(i);
            }
        }
        for doc in docs {
            let clusters = self.docs.entry(doc).or_default();
            if clusters.is_empty() {
                for (band, &key) in signatures.bands(doc).iter().enumerate() {
                    self.bands.entry((band, key)).or_default().push(doc);
                }
            }
            if clusters.last() != Some(&i) {
                clusters.push(i);
            }
        }
    }

    /// Shows `visit` the clusters that share a person of `persons` or hold a near-duplicate of
    /// document `doc` (or `doc` itself), each once, until it breaks. A person acting
    /// in most of a dense key's clusters (a head of state) made listing them all quadratic;
    /// what the caller decides needs only the first few.
    fn linked(
        &self,
        doc: usize,
        persons: &[&str],
        signatures: &Signatures<'_>,
        visit: &mut dyn FnMut(usize) -> ControlFlow<()>,
    ) {
        let mut found: HashSet<usize> = HashSet::new();
        let mut show =
            |i: usize, found: &mut HashSet<usize>| if found.insert(i) { visit(i) } else { ControlFlow::Continue(()) };
        let own = self.docs.get(&doc).into_iter().flatten();
        for &i in persons.iter().filter_map(|p| self.persons.get(p)).flatten().chain(own) {
            if show(i, &mut found).is_break() {
                return;
            }
        }
        let mut checked: HashSet<usize> = HashSet::new();
        for (band, &key) in signatures.bands(doc).iter().enumerate() {
            for &other in self.bands.get(&(band, key)).into_iter().flatten() {
                let clusters = self.docs.get(&other).map(Vec::as_slice).unwrap_or_default();
                // Comparing the texts only matters when it could add a cluster: most candidates
                // of a dense key sit in clusters already found.
                if other == doc || clusters.iter().all(|c| found.contains(c)) || !checked.insert(other) {
                    continue;
                }
                if signatures.similar(other, doc) {
                    for &i in clusters {
                        if show(i, &mut found).is_break() {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Fills an actor's missing entity from another member's actor of the same country.
fn complete_actor(actor: &Actor, others: impl Iterator<Item = Actor>) -> Actor {
    let mut out = actor.clone();
    if out.entity.is_none() {
        out.entity = others.filter(|a| a.country == actor.country).find_map(|a| a.entity);
    }
    out
}

/// Builds the fused event from its members (in canonical order, earliest first); the fused
/// event lists them in index order.
fn build(docs: &[Doc<'_>], members: Vec<(usize, usize)>) -> FusedEvent {
    let event = |(d, e): (usize, usize)| &docs[d].extraction.events[e];
    // Strongest evidence: dated first, then the highest confidence, then the earliest.
    let best = members
        .iter()
        .copied()
        .enumerate()
        .max_by(|(i, x), (j, y)| {
            let (ex, ey) = (event(*x), event(*y));
            (ex.date.is_some(), ex.confidence, std::cmp::Reverse(*i))
                .partial_cmp(&(ey.date.is_some(), ey.confidence, std::cmp::Reverse(*j)))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(_, r)| r)
        .unwrap_or(members[0]);
    let b = event(best);
    let date =
        members.iter().filter_map(|&r| event(r).date).min_by_key(|t| (width(t), t.precision, t.inferred, t.start));
    let place = b.place.clone().or_else(|| members.iter().find_map(|&r| event(r).place.clone()));
    // Mutual codes may be coded in either direction, so both actors of every member may help.
    let actors = || members.iter().map(|&r| event(r)).flat_map(|e| [e.source.clone(), e.target.clone()]);
    let source = complete_actor(&b.source, actors());
    let target = complete_actor(&b.target, actors());
    let earliest = members[0];
    let earliest_doc = docs[earliest.0].document.id.as_str();
    let k = key(b);
    let id = hash_parts(&[&k.base, &k.a, &k.b, earliest_doc, &event(earliest).id]);
    let mut members = members;
    members.sort_unstable();
    FusedEvent {
        id: format!("F{:012x}", id >> 16),
        code: b.code.clone(),
        plover: b.plover.clone(),
        goldstein: b.goldstein,
        quad: b.quad,
        source,
        target,
        date,
        place,
        modality: b.modality,
        members,
        best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alaqat_model::{Date, Precision};

    proptest::proptest! {
        /// The date index finds the cluster the linear scan of the dated phase found: the first,
        /// in creation order, whose common range overlaps the date and that lacks the document.
        #[test]
        fn the_date_index_finds_the_first_overlapping_cluster(
            events in proptest::collection::vec((0i64..400, 0i64..120, 0usize..6), 1..120),
        ) {
            let base = Date::new(2020, 1, 1).unwrap();
            let day = |n: i64| base.checked_add(jiff::Span::new().days(n)).unwrap();
            let mut commons: Vec<TimeSpan> = Vec::new();
            let mut docs: Vec<HashSet<usize>> = Vec::new();
            let mut index = DatedClusters::default();
            for (start, width, doc) in events {
                let date = TimeSpan { start: day(start), end: day(start + width), precision: Precision::Day, inferred: false };
                let expected = (0..commons.len()).find(|&i| commons[i].overlaps(&date) && !docs[i].contains(&doc));
                let found = index.first(&date, |i| commons[i].overlaps(&date) && !docs[i].contains(&doc));
                proptest::prop_assert_eq!(found, expected);
                let i = found.unwrap_or_else(|| {
                    commons.push(date);
                    docs.push(HashSet::new());
                    commons.len() - 1
                });
                let before = commons[i];
                commons[i].start = commons[i].start.max(date.start);
                commons[i].end = commons[i].end.min(date.end);
                index.moved(i, Some(before), Some(commons[i]));
                docs[i].insert(doc);
            }
        }
    }
}
