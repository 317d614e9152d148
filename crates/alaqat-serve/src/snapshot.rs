//! What the server answers from: the analysed store plus the views every request would
//! otherwise recompute (fused events with their evidence in code points, counts per entity).

use std::collections::{BTreeMap, HashMap};

use alaqat_corpus::FusedEvent;
use alaqat_model::{Date, Entity, Span};
use alaqat_store::StoredDocument;
use serde::Serialize;
use utoipa::ToSchema;

use alaqat_export::Analysis;
pub(crate) use alaqat_export::DateOut;

/// The store, read and analysed as of a date.
pub(crate) struct Snapshot {
    pub(crate) analysis: Analysis,
    pub(crate) as_of: Date,
    /// Each fused event's evidence sentence as match keys (the text layer's normalization), same
    /// order, for the word filter of event lists.
    pub(crate) evidence_keys: Vec<String>,
    /// Document id → position in `analysis.stored`.
    pub(crate) by_id: HashMap<String, usize>,
    /// Entity id → (mentions, fused events).
    pub(crate) entity_counts: HashMap<String, (usize, usize)>,
    /// Entity id → where its first [`MENTIONS_SHOWN`] mentions are (position in
    /// `analysis.stored`, span): the analysis holds no mentions.
    pub(crate) entity_mentions: HashMap<String, Vec<(usize, Span)>>,
    /// Events per document, by position.
    pub(crate) doc_events: Vec<usize>,
    /// The fused events of each dyad (countries sorted), positions in `analysis.corpus.fused`
    /// in its order: what a dyad's lists read instead of every fused event.
    by_dyad: HashMap<(String, String), Vec<u32>>,
    /// The fused events each entity acts in, the same way, under the id the actor gives and
    /// under its entity's canonical id.
    by_entity: HashMap<String, Vec<u32>>,
    /// `/api/network` without a dyad, as JSON, once asked for.
    pub(crate) whole_network: std::sync::OnceLock<axum::body::Bytes>,
}

/// Mentions an entity's page shows, at most.
pub(crate) const MENTIONS_SHOWN: usize = 500;

/// Each entity's mentions, gathered while the documents are read (they are not kept): how
/// many, and where the first [`MENTIONS_SHOWN`] are, in document order.
#[derive(Default)]
pub(crate) struct Mentions(HashMap<String, (usize, Vec<(usize, Span)>)>);

impl Mentions {
    /// Counts the mentions of document `d`.
    pub(crate) fn add(&mut self, d: usize, stored: &StoredDocument) {
        for mention in &stored.extraction.mentions {
            // Looked up before inserting: most mentions are of entities seen before.
            let (count, first) = match self.0.get_mut(&mention.entity) {
                Some(entry) => entry,
                None => self.0.entry(mention.entity.clone()).or_default(),
            };
            *count += 1;
            if first.len() < MENTIONS_SHOWN {
                first.push((d, mention.span));
            }
        }
    }
}

impl Snapshot {
    pub(crate) fn new(analysis: Analysis, mentions: Mentions, as_of: Date) -> Snapshot {
        // Fused events are shown as `EventView`s built for each answer, not kept: kept, they
        // were the snapshot's largest part (names, ids and the evidence copied per event).
        let evidence_keys = analysis
            .corpus
            .fused
            .iter()
            .map(|f| alaqat_text::normalize(analysis.evidence(f)).as_str().to_owned())
            .collect();
        let by_id = analysis.stored.iter().enumerate().map(|(i, s)| (s.document.id.clone(), i)).collect();
        let mut entity_counts: HashMap<String, (usize, usize)> = HashMap::new();
        let mut entity_mentions = HashMap::with_capacity(mentions.0.len());
        for (id, (count, first)) in mentions.0 {
            entity_counts.insert(id.clone(), (count, 0));
            entity_mentions.insert(id, first);
        }
        for fused in &analysis.corpus.fused {
            let mut ids: Vec<&str> =
                [&fused.source.entity, &fused.target.entity].into_iter().flatten().map(String::as_str).collect();
            ids.dedup();
            for id in ids {
                entity_counts.entry(id.to_owned()).or_default().1 += 1;
            }
        }
        let doc_events = analysis.stored.iter().map(|s| s.extraction.events.len()).collect();
        let mut by_dyad: HashMap<(String, String), Vec<u32>> = HashMap::new();
        let mut by_entity: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, fused) in analysis.corpus.fused.iter().enumerate() {
            // 4 bytes a position: an analysis of 4 G fused events would not fit in memory anyway.
            let Ok(i) = u32::try_from(i) else { break };
            if let (Some(a), Some(b)) = (fused.source.country(), fused.target.country()) {
                let key = if a <= b { (a, b) } else { (b, a) };
                by_dyad.entry((key.0.to_owned(), key.1.to_owned())).or_default().push(i);
            }
            for actor in [&fused.source, &fused.target] {
                let Some(given) = actor.entity.as_deref() else { continue };
                let canonical = analysis.entity(given).map_or(given, |e| e.id.as_str());
                for id in [given, canonical] {
                    let list = by_entity.entry(id.to_owned()).or_default();
                    // Once per event, whichever side or spelling names it.
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Snapshot {
            analysis,
            as_of,
            evidence_keys,
            by_id,
            entity_counts,
            entity_mentions,
            doc_events,
            by_dyad,
            by_entity,
            whole_network: std::sync::OnceLock::new(),
        }
    }

    /// Every dyad (countries sorted) with its number of fused events.
    pub(crate) fn dyads(&self) -> impl Iterator<Item = (&(String, String), usize)> + '_ {
        self.by_dyad.iter().map(|(key, positions)| (key, positions.len()))
    }

    /// Positions in `analysis.corpus.fused`, in its order, of the fused events the entity `id`
    /// acts in (under that id or as its canonical one): a superset of what any test on an
    /// actor's entity accepts.
    pub(crate) fn entity_positions(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        self.by_entity.get(id).into_iter().flatten().map(|&i| i as usize)
    }

    /// Positions in `analysis.corpus.fused`, in its order, of the fused events between `a` and
    /// `b` (either direction) when a dyad is given, else of those the entity acts in when one is
    /// given, else of all of them.
    pub(crate) fn positions(
        &self,
        dyad: Option<&(String, String)>,
        entity: Option<&str>,
    ) -> Box<dyn Iterator<Item = usize> + '_> {
        let Some((a, b)) = dyad else {
            return match entity {
                Some(id) => Box::new(self.entity_positions(id)),
                None => Box::new(0..self.analysis.corpus.fused.len()),
            };
        };
        let key = if a <= b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        match self.by_dyad.get(&key) {
            Some(positions) => Box::new(positions.iter().map(|&i| i as usize)),
            None => Box::new(std::iter::empty()),
        }
    }

    /// The entity id an actor stands for: its entity's canonical id, else the id it gives.
    pub(crate) fn actor_entity<'a>(&'a self, actor: &'a alaqat_model::Actor) -> Option<&'a str> {
        let id = actor.entity.as_deref()?;
        Some(self.analysis.entity(id).map_or(id, |e| e.id.as_str()))
    }

    /// Fused event `fused` as the API shows it.
    pub(crate) fn event_view(&self, fused: &FusedEvent) -> EventView {
        EventView::new(fused, self)
    }
}

/// A name in both languages (either may be missing).
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub(crate) struct NameView {
    pub(crate) ar: Option<String>,
    pub(crate) en: Option<String>,
}

/// A country's or organization's names by code.
pub(crate) fn country_names(code: &str) -> NameView {
    let lexicon = alaqat_extract::Lexicon::builtin();
    if let Some(country) = lexicon.country_index.get(code).and_then(|&i| lexicon.countries.get(usize::from(i))) {
        return NameView { ar: Some(country.ar.clone()), en: Some(country.en.clone()) };
    }
    match lexicon.orgs.iter().find(|o| o.code == code) {
        Some(org) => NameView { ar: Some(org.ar.clone()), en: Some(org.en.clone()) },
        None => NameView { ar: None, en: Some(code.to_owned()) },
    }
}

/// Who acts or is acted upon.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct ActorView {
    /// CAMEO actor code (`KAZGOV`).
    pub(crate) actor: String,
    /// ISO alpha-3 or `IGO…` code; `null` when the text does not give the actor's country.
    pub(crate) country: Option<String>,
    /// The person or body, when known.
    pub(crate) entity: Option<String>,
    /// That entity's names, else the country's.
    pub(crate) name: NameView,
}

impl ActorView {
    pub(crate) fn new(actor: &alaqat_model::Actor, snap: &Snapshot) -> ActorView {
        let entity = actor.entity.as_deref().and_then(|id| snap.analysis.entity(id));
        let name = match entity {
            Some(e) if e.name_ar.is_some() || e.name_en.is_some() => {
                NameView { ar: e.name_ar.clone(), en: e.name_en.clone() }
            }
            _ => actor.country.as_deref().map(country_names).unwrap_or_default(),
        };
        ActorView {
            actor: actor.code.clone(),
            country: actor.country.clone(),
            entity: entity.map(|e| e.id.clone()).or_else(|| actor.entity.clone()),
            name,
        }
    }
}

/// The sentence that proves an event, in its document.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct EvidenceView {
    /// Document id.
    pub(crate) document: String,
    /// Document source (JSON Lines id, URL or path).
    pub(crate) source: String,
    /// Code-point offsets of the sentence in the document's text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The sentence.
    pub(crate) text: String,
}

/// One report of a fused event.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct MemberView {
    pub(crate) document: String,
    pub(crate) event: String,
}

/// A fused event: one real-world event and every report of it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct EventView {
    pub(crate) id: String,
    /// CAMEO event code.
    pub(crate) code: String,
    /// The code's English name.
    pub(crate) description: &'static str,
    pub(crate) plover: String,
    pub(crate) goldstein: f32,
    /// GDELT QuadClass 1–4.
    pub(crate) quad: u8,
    pub(crate) source: ActorView,
    pub(crate) target: ActorView,
    pub(crate) date: Option<DateOut>,
    pub(crate) place: Option<String>,
    /// `asserted`, `negated`, `proposed`, `expected` or `background`.
    pub(crate) modality: &'static str,
    /// Distinct documents reporting it.
    pub(crate) sources: usize,
    /// True when it is planned rather than done: expected or proposed, or dated after the
    /// report that gives it was published.
    pub(crate) planned: bool,
    pub(crate) evidence: EvidenceView,
    pub(crate) members: Vec<MemberView>,
}

impl EventView {
    fn new(fused: &FusedEvent, snap: &Snapshot) -> EventView {
        let analysis = &snap.analysis;
        let (d, e) = fused.best;
        let stored = &analysis.stored[d];
        let span = stored.extraction.events.get(e).map(|event| event.evidence);
        // Counted for this one span: an index of the whole text per event cost more.
        let text = stored.document.text.as_str();
        let chars = |end: usize| text.get(..end).map_or(0, |t| t.chars().count());
        let (start, end) = span.map_or((0, 0), |span| (chars(span.start), chars(span.end)));
        EventView {
            id: fused.id.clone(),
            code: fused.code.clone(),
            description: alaqat_model::cameo::describe(&fused.code),
            plover: fused.plover.clone(),
            goldstein: fused.goldstein,
            quad: fused.quad,
            source: ActorView::new(&fused.source, snap),
            target: ActorView::new(&fused.target, snap),
            date: fused.date.as_ref().map(DateOut::new),
            place: fused.place.clone(),
            modality: fused.modality.name(),
            sources: Analysis::distinct_documents(fused),
            planned: alaqat_export::planned(analysis, fused),
            evidence: EvidenceView {
                document: stored.document.id.clone(),
                source: stored.document.source.clone(),
                start,
                end,
                text: analysis.evidence(fused).to_owned(),
            },
            members: fused
                .members
                .iter()
                .filter_map(|&(d, e)| {
                    let stored = analysis.stored.get(d)?;
                    Some(MemberView {
                        document: stored.document.id.clone(),
                        event: stored.extraction.events.get(e)?.id.clone(),
                    })
                })
                .collect(),
        }
    }
}

/// One month of a dyad's timeline.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct MonthView {
    /// `YYYY-MM`.
    pub(crate) month: String,
    /// Events per QuadClass 1–4.
    pub(crate) quad: [usize; 4],
    /// Mean Goldstein value of the month's events.
    pub(crate) goldstein: f32,
    pub(crate) events: usize,
}

/// Events per month (by the first day of each event's date), ascending.
pub(crate) fn months(events: &[EventView]) -> Vec<MonthView> {
    let mut by_month: BTreeMap<String, (MonthView, f32)> = BTreeMap::new();
    for event in events {
        let Some(date) = &event.date else { continue };
        let month = date.start.get(..7).unwrap_or(&date.start).to_owned();
        let (view, sum) = by_month
            .entry(month.clone())
            .or_insert_with(|| (MonthView { month, quad: [0; 4], goldstein: 0.0, events: 0 }, 0.0));
        if let Some(slot) = view.quad.get_mut(usize::from(event.quad.clamp(1, 4)) - 1) {
            *slot += 1;
        }
        view.events += 1;
        *sum += event.goldstein;
    }
    by_month
        .into_values()
        .map(|(mut view, sum)| {
            view.goldstein = if view.events == 0 { 0.0 } else { sum / view.events as f32 };
            view
        })
        .collect()
}

/// An entity as listed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub(crate) struct EntityView {
    pub(crate) id: String,
    /// `person`, `country`, `organization` or `place`.
    pub(crate) kind: Option<&'static str>,
    pub(crate) name: NameView,
    pub(crate) country: Option<String>,
    pub(crate) role: Option<String>,
    /// CAMEO sector code.
    pub(crate) sector: Option<String>,
    /// Spellings seen.
    pub(crate) variants: Vec<String>,
    /// Mentions in all documents.
    pub(crate) mentions: usize,
    /// Fused events it acts in.
    pub(crate) events: usize,
}

impl EntityView {
    pub(crate) fn new(entity: &Entity, counts: &HashMap<String, (usize, usize)>) -> EntityView {
        let (mentions, events) = counts.get(&entity.id).copied().unwrap_or_default();
        EntityView {
            id: entity.id.clone(),
            kind: entity.kind.map(|k| k.name()),
            name: NameView { ar: entity.name_ar.clone(), en: entity.name_en.clone() },
            country: entity.country.clone(),
            role: entity.role.clone(),
            sector: entity.sector.clone(),
            variants: entity.variants.clone(),
            mentions,
            events,
        }
    }
}
