//! The JSON API: one handler per endpoint, each with its OpenAPI description (utoipa), so
//! `/openapi.json` is generated from this code.

use std::collections::HashMap;
use std::sync::Arc;

use alaqat_corpus::Doc;
use alaqat_model::{Date, Lang, Modality};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::problem::{Problem, P, Q};
use super::snapshot::{country_names, months, DateOut, EntityView, EventView, MonthView, NameView, Snapshot};
use super::AppState;

type ApiResult<T> = Result<Json<T>, Problem>;
type St = State<Arc<AppState>>;

/// Default and largest page size of paged lists.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

#[derive(OpenApi)]
#[openapi(
    info(title = "alaqat", description = "Relations between countries, coded from the news: fused CAMEO events, \
        entities, conflicts between sources, commitments. Offsets are Unicode code points of a document's text. \
        Errors are application/problem+json."),
    components(schemas(Problem)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the `bearer` security scheme that writes use.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every API route, collected with its OpenAPI description.
pub(crate) fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(stats))
        .routes(routes!(dyads))
        .routes(routes!(documents))
        .routes(routes!(document))
        .routes(routes!(events))
        .routes(routes!(timeline))
        .routes(routes!(entities))
        .routes(routes!(entity))
        .routes(routes!(network))
        .routes(routes!(conflicts))
        .routes(routes!(commitments))
        .routes(routes!(search))
        .routes(routes!(ingest))
}

/// `limit` and `offset` of a paged list, checked.
fn page_bounds(limit: Option<usize>, offset: Option<usize>) -> Result<(usize, usize), Problem> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(Problem::bad_request(format!("limit must be between 1 and {MAX_LIMIT}, not {limit}")));
    }
    Ok((limit, offset.unwrap_or(0)))
}

macro_rules! page_type {
    ($name:ident, $item:ty) => {
        /// A page of a list: `items` from `offset`, at most `limit`, of `total`.
        #[derive(Serialize, ToSchema)]
        pub(crate) struct $name {
            total: usize,
            limit: usize,
            offset: usize,
            items: Vec<$item>,
        }

        // Search pages come from the index already cut, so not every page type uses `of`.
        #[allow(dead_code)]
        impl $name {
            fn of(all: Vec<$item>, limit: usize, offset: usize) -> $name {
                let total = all.len();
                let items = all.into_iter().skip(offset).take(limit).collect();
                $name { total, limit, offset, items }
            }
        }
    };
}

page_type!(DocumentPage, DocumentSummary);
page_type!(EventPage, EventView);
page_type!(EntityPage, EntityView);
page_type!(SearchPage, SearchHit);

fn country_param(name: &str, value: &str) -> Result<String, Problem> {
    crate::analysis::resolve_country(value)
        .ok_or_else(|| Problem::bad_request(format!("{name}: `{value}` is not a known country or organization")))
}

fn dyad_param(value: &str) -> Result<(String, String), Problem> {
    let (a, b) = value
        .split_once(',')
        .ok_or_else(|| Problem::bad_request(format!("dyad: `{value}` is not two countries separated by a comma")))?;
    Ok((country_param("dyad", a)?, country_param("dyad", b)?))
}

fn date_param(name: &str, value: Option<&str>) -> Result<Option<Date>, Problem> {
    value.map(|v| crate::analysis::parse_date(v).map_err(|e| Problem::bad_request(format!("{name}: {e}")))).transpose()
}

/// The match keys of `text`'s words (the text layer's normalization: one form per letter,
/// no diacritics, lower case), for filters that match words.
fn match_words(text: &str) -> Vec<String> {
    alaqat_text::normalize(text).as_str().split_whitespace().map(str::to_owned).collect()
}

fn in_dyad(event: &EventView, (a, b): &(String, String)) -> bool {
    let (s, t) = (&event.source.country, &event.target.country);
    (s == a && t == b) || (s == b && t == a)
}

#[derive(Serialize, ToSchema)]
struct Health {
    status: &'static str,
    documents: usize,
}

/// Liveness, and how many documents the server holds.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health)))]
async fn healthz(State(state): St) -> Json<Health> {
    Json(Health { status: "ok", documents: state.snapshot().analysis.stored.len() })
}

#[derive(Serialize, ToSchema)]
struct Stats {
    documents: usize,
    /// Documents per language code.
    languages: HashMap<String, usize>,
    /// Events in all documents (before fusion).
    events: usize,
    fused_events: usize,
    entities: usize,
    conflicts: usize,
    commitments: usize,
    /// Groups of near-duplicate documents.
    duplicates: usize,
    /// The date commitment status is judged against.
    as_of: String,
}

/// Counts over the whole store.
#[utoipa::path(get, path = "/api/stats", responses((status = 200, body = Stats)))]
async fn stats(State(state): St) -> Json<Stats> {
    let snap = state.snapshot();
    let a = &snap.analysis;
    let mut languages = HashMap::new();
    for stored in &a.stored {
        *languages.entry(stored.document.lang.code().to_owned()).or_insert(0) += 1;
    }
    Json(Stats {
        documents: a.stored.len(),
        languages,
        events: snap.doc_events.iter().sum(),
        fused_events: a.corpus.fused.len(),
        entities: a.entities.len(),
        conflicts: a.corpus.conflicts.len(),
        commitments: a.stored.iter().map(|s| s.extraction.commitments.len()).sum(),
        duplicates: a.corpus.duplicates.len(),
        as_of: snap.as_of.to_string(),
    })
}

#[derive(Serialize, ToSchema)]
struct Dyad {
    a: String,
    b: String,
    a_name: NameView,
    b_name: NameView,
    /// Fused events between them, either direction.
    events: usize,
}

/// Every pair of countries (or organizations) with events, most events first.
#[utoipa::path(get, path = "/api/dyads", responses((status = 200, body = Vec<Dyad>)))]
async fn dyads(State(state): St) -> Json<Vec<Dyad>> {
    let snap = state.snapshot();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for event in &snap.events {
        let (s, t) = (&event.source.country, &event.target.country);
        if s == t || s.is_empty() || t.is_empty() {
            continue;
        }
        let key = if s <= t { (s.clone(), t.clone()) } else { (t.clone(), s.clone()) };
        *counts.entry(key).or_insert(0) += 1;
    }
    let mut list: Vec<Dyad> = counts
        .into_iter()
        .map(|((a, b), events)| Dyad { a_name: country_names(&a), b_name: country_names(&b), a, b, events })
        .collect();
    list.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    Json(list)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DocumentsParams {
    /// `ar` or `en`.
    lang: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A document as listed.
#[derive(Serialize, ToSchema)]
pub(crate) struct DocumentSummary {
    id: String,
    source: String,
    url: Option<String>,
    title: Option<String>,
    lang: &'static str,
    published: Option<DateOut>,
    flags: Vec<String>,
    /// Events extracted from it.
    events: usize,
}

fn lang_param(value: Option<&str>) -> Result<Option<Lang>, Problem> {
    value
        .map(|v| match Lang::parse(v) {
            Some(lang) if lang != Lang::Unknown => Ok(lang),
            _ => Err(Problem::bad_request(format!("lang: `{v}` is not a language code (ar, en)"))),
        })
        .transpose()
}

/// Documents in insertion order.
#[utoipa::path(get, path = "/api/documents", params(DocumentsParams),
    responses((status = 200, body = DocumentPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn documents(State(state): St, Q(params): Q<DocumentsParams>) -> ApiResult<DocumentPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    let lang = lang_param(params.lang.as_deref())?;
    let snap = state.snapshot();
    let all = snap
        .analysis
        .stored
        .iter()
        .enumerate()
        .filter(|(_, s)| lang.is_none_or(|l| s.document.lang == l))
        .map(|(i, s)| {
            let d = &s.document;
            let published = match d.published {
                Some(p) => Some(DateOut::marked_if_inferred(&p, p.inferred)),
                None => s.extraction.inferred_published.map(|p| DateOut::marked_if_inferred(&p, true)),
            };
            DocumentSummary {
                id: d.id.clone(),
                source: d.source.clone(),
                url: d.url.clone(),
                title: d.title.clone(),
                lang: d.lang.code(),
                published,
                flags: s.extraction.flags.clone(),
                events: snap.doc_events.get(i).copied().unwrap_or(0),
            }
        })
        .collect();
    Ok(Json(DocumentPage::of(all, limit, offset)))
}

/// One document: the export contract's document object plus its full `text`.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, description = "The export contract's document object (SPEC.md) with `text` added",
        body = Object), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn document(State(state): St, P(id): P<String>) -> Result<Response, Problem> {
    let snap = state.snapshot();
    let Some(&d) = snap.by_id.get(&id) else {
        return Err(Problem::not_found(format!("no document with id `{id}`")));
    };
    let stored = &snap.analysis.stored[d];
    let out = crate::export::DocumentOut::in_corpus(&stored.document, &stored.extraction, Some((&snap.analysis, d)));
    let mut value = serde_json::to_value(&out).map_err(|e| Problem::internal(&e.into()))?;
    if let Some(object) = value.as_object_mut() {
        object.insert("text".into(), serde_json::Value::String(stored.document.text.clone()));
    }
    Ok(Json(value).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct EventsParams {
    /// Two countries, either direction: `SAU,KAZ` (codes, English or Arabic names).
    dyad: Option<String>,
    /// Prefix of the source's or target's actor code (`KAZ`, `KAZGOV`).
    actor: Option<String>,
    /// Prefix of the CAMEO code (`04`, `042`).
    code: Option<String>,
    /// Events whose dates end on or after this day (`YYYY-MM-DD`); undated ones are left out.
    from: Option<String>,
    /// Events whose dates start on or before this day; undated ones are left out.
    to: Option<String>,
    /// `asserted`, `negated`, `proposed`, `expected` or `background`.
    modality: Option<String>,
    /// Words that must all occur in the evidence sentence (matched on normalized text).
    q: Option<String>,
    /// An entity acting in the event (`per:tokayev`).
    entity: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
    offset: Option<usize>,
}

fn modality_param(value: Option<&str>) -> Result<Option<Modality>, Problem> {
    let Some(v) = value else { return Ok(None) };
    [Modality::Asserted, Modality::Negated, Modality::Proposed, Modality::Expected, Modality::Background]
        .into_iter()
        .find(|m| m.name() == v.trim())
        .map(Some)
        .ok_or_else(|| {
            Problem::bad_request(format!(
                "modality: `{v}` is not one of asserted, negated, proposed, expected, background"
            ))
        })
}

/// Fused events (one per real-world event), date order, undated last.
#[utoipa::path(get, path = "/api/events", params(EventsParams),
    responses((status = 200, body = EventPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn events(State(state): St, Q(params): Q<EventsParams>) -> ApiResult<EventPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    let dyad = params.dyad.as_deref().map(dyad_param).transpose()?;
    let from = date_param("from", params.from.as_deref())?;
    let to = date_param("to", params.to.as_deref())?;
    let modality = modality_param(params.modality.as_deref())?.map(|m| m.name());
    let actor = params.actor.map(|a| a.trim().to_uppercase());
    let words: Vec<String> = params.q.as_deref().map(match_words).unwrap_or_default();
    let snap = state.snapshot();
    let all: Vec<EventView> = snap
        .events
        .iter()
        .filter(|e| dyad.as_ref().is_none_or(|d| in_dyad(e, d)))
        .filter(|e| {
            actor
                .as_ref()
                .is_none_or(|a| e.source.actor.starts_with(a.as_str()) || e.target.actor.starts_with(a.as_str()))
        })
        .filter(|e| params.code.as_ref().is_none_or(|c| e.code.starts_with(c.trim())))
        .filter(|e| modality.is_none_or(|m| e.modality == m))
        .filter(|e| {
            params.entity.as_ref().is_none_or(|id| {
                e.source.entity.as_deref() == Some(id.as_str()) || e.target.entity.as_deref() == Some(id.as_str())
            })
        })
        .filter(|e| {
            if from.is_none() && to.is_none() {
                return true;
            }
            let Some(date) = &e.date else { return false };
            from.is_none_or(|f| date.end >= f.to_string()) && to.is_none_or(|t| date.start <= t.to_string())
        })
        .filter(|e| {
            words.is_empty() || {
                let evidence = match_words(&e.evidence.text);
                words.iter().all(|w| evidence.iter().any(|x| x.contains(w.as_str())))
            }
        })
        .cloned()
        .collect();
    Ok(Json(EventPage::of(all, limit, offset)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct TimelineParams {
    /// One country (code, English or Arabic name).
    a: String,
    /// The other.
    b: String,
    /// Also undated and planned events (default false: only what happened, dated).
    all: Option<bool>,
}

#[derive(Serialize, ToSchema)]
struct Timeline {
    a: String,
    b: String,
    a_name: NameView,
    b_name: NameView,
    /// The dyad's fused events in date order.
    events: Vec<EventView>,
    /// Events per month by QuadClass, with the month's mean Goldstein value.
    months: Vec<MonthView>,
}

/// A dyad's fused events in date order, and per month.
#[utoipa::path(get, path = "/api/timeline", params(TimelineParams),
    responses((status = 200, body = Timeline), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn timeline(State(state): St, Q(params): Q<TimelineParams>) -> ApiResult<Timeline> {
    let a = country_param("a", &params.a)?;
    let b = country_param("b", &params.b)?;
    let all = params.all.unwrap_or(false);
    let snap = state.snapshot();
    let dyad = (a.clone(), b.clone());
    let events: Vec<&EventView> =
        snap.events.iter().filter(|e| in_dyad(e, &dyad)).filter(|e| all || (e.date.is_some() && !e.planned)).collect();
    let months = months(&events);
    Ok(Json(Timeline {
        a_name: country_names(&a),
        b_name: country_names(&b),
        a,
        b,
        events: events.into_iter().cloned().collect(),
        months,
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct EntitiesParams {
    /// `person`, `country`, `organization` or `place`.
    kind: Option<String>,
    /// Words of a name (Arabic or English), matched on normalized text.
    q: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
    offset: Option<usize>,
}

/// Entities, most events first, then most mentions.
#[utoipa::path(get, path = "/api/entities", params(EntitiesParams),
    responses((status = 200, body = EntityPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn entities(State(state): St, Q(params): Q<EntitiesParams>) -> ApiResult<EntityPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    if let Some(kind) = params.kind.as_deref() {
        if !["person", "country", "organization", "place"].contains(&kind) {
            return Err(Problem::bad_request(format!(
                "kind: `{kind}` is not one of person, country, organization, place"
            )));
        }
    }
    let words: Vec<String> = params.q.as_deref().map(match_words).unwrap_or_default();
    let snap = state.snapshot();
    let mut all: Vec<EntityView> = snap
        .analysis
        .entities
        .iter()
        .filter(|e| params.kind.as_deref().is_none_or(|k| e.kind.map(|x| x.name()) == Some(k)))
        .filter(|e| {
            words.is_empty() || {
                let names: Vec<String> = [&e.name_ar, &e.name_en]
                    .into_iter()
                    .flatten()
                    .chain(&e.variants)
                    .flat_map(|n| match_words(n))
                    .collect();
                words.iter().all(|w| names.iter().any(|n| n.contains(w.as_str())))
            }
        })
        .map(|e| EntityView::new(e, &snap.entity_counts))
        .collect();
    all.sort_by(|x, y| y.events.cmp(&x.events).then(y.mentions.cmp(&x.mentions)).then_with(|| x.id.cmp(&y.id)));
    Ok(Json(EntityPage::of(all, limit, offset)))
}

#[derive(Serialize, ToSchema)]
struct MentionView {
    document: String,
    start: usize,
    end: usize,
    text: String,
}

#[derive(Serialize, ToSchema)]
struct EntityDetail {
    entity: EntityView,
    /// Its mentions (at most 500).
    mentions: Vec<MentionView>,
    /// The fused events it acts in.
    events: Vec<EventView>,
}

/// One entity with its mentions and the events it acts in.
#[utoipa::path(get, path = "/api/entities/{id}", params(("id" = String, Path, description = "Entity id, e.g. per:tokayev")),
    responses((status = 200, body = EntityDetail), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn entity(State(state): St, P(id): P<String>) -> ApiResult<EntityDetail> {
    let snap = state.snapshot();
    let Some(entity) = snap.analysis.entity(&id) else {
        return Err(Problem::not_found(format!("no entity with id `{id}`")));
    };
    let id = entity.id.clone();
    let mut mentions = Vec::new();
    'docs: for stored in &snap.analysis.stored {
        let index = alaqat_text::CharIndex::new(&stored.document.text);
        for mention in stored.extraction.mentions.iter().filter(|m| m.entity == id) {
            if mentions.len() >= 500 {
                break 'docs;
            }
            mentions.push(MentionView {
                document: stored.document.id.clone(),
                start: index.char_of(mention.span.start),
                end: index.char_of(mention.span.end),
                text: mention.span.slice(&stored.document.text).unwrap_or("").to_owned(),
            });
        }
    }
    let events = snap
        .events
        .iter()
        .filter(|e| e.source.entity.as_deref() == Some(id.as_str()) || e.target.entity.as_deref() == Some(id.as_str()))
        .cloned()
        .collect();
    Ok(Json(EntityDetail { entity: EntityView::new(entity, &snap.entity_counts), mentions, events }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct NetworkParams {
    /// Only events between these two countries: `SAU,KAZ`.
    dyad: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Node {
    /// Entity id, or the country code when no person or body is known.
    id: String,
    name: NameView,
    country: String,
    /// `person`, `organization`, `country` ...
    kind: &'static str,
}

#[derive(Serialize, ToSchema)]
struct Edge {
    source: String,
    target: String,
    /// Fused events between the two.
    weight: usize,
}

#[derive(Serialize, ToSchema)]
struct Network {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

/// Who meets whom: the actors of fused events, an edge per pair weighted by their events.
#[utoipa::path(get, path = "/api/network", params(NetworkParams),
    responses((status = 200, body = Network), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn network(State(state): St, Q(params): Q<NetworkParams>) -> ApiResult<Network> {
    let dyad = params.dyad.as_deref().map(dyad_param).transpose()?;
    let snap = state.snapshot();
    let mut nodes: Vec<Node> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut edges: HashMap<(String, String), usize> = HashMap::new();
    let mut node = |actor: &super::snapshot::ActorView| -> String {
        let (id, kind) = match &actor.entity {
            Some(id) => {
                let kind = snap.analysis.entity(id).and_then(|e| e.kind).map_or("person", |k| k.name());
                (id.clone(), kind)
            }
            None => (actor.country.clone(), if actor.country.starts_with("IGO") { "organization" } else { "country" }),
        };
        if !seen.contains_key(&id) {
            seen.insert(id.clone(), nodes.len());
            nodes.push(Node { id: id.clone(), name: actor.name.clone(), country: actor.country.clone(), kind });
        }
        id
    };
    for event in snap.events.iter().filter(|e| dyad.as_ref().is_none_or(|d| in_dyad(e, d))) {
        let (s, t) = (node(&event.source), node(&event.target));
        if s == t {
            continue;
        }
        let key = if s <= t { (s, t) } else { (t, s) };
        *edges.entry(key).or_insert(0) += 1;
    }
    let mut edges: Vec<Edge> =
        edges.into_iter().map(|((source, target), weight)| Edge { source, target, weight }).collect();
    edges.sort_by(|x, y| y.weight.cmp(&x.weight).then_with(|| (&x.source, &x.target).cmp(&(&y.source, &y.target))));
    Ok(Json(Network { nodes, edges }))
}

#[derive(Serialize, ToSchema)]
struct DocumentRef {
    id: String,
    source: String,
}

#[derive(Serialize, ToSchema)]
struct ConflictValueView {
    value: String,
    documents: Vec<DocumentRef>,
}

#[derive(Serialize, ToSchema)]
struct ConflictView {
    /// Claim kind (`relations_established`, `trade_volume` ...).
    kind: String,
    parties: Vec<String>,
    /// Values that cannot all be true, each with the documents stating it.
    values: Vec<ConflictValueView>,
}

fn doc_ref(snap: &Snapshot, d: usize) -> Option<DocumentRef> {
    let stored = snap.analysis.stored.get(d)?;
    Some(DocumentRef { id: stored.document.id.clone(), source: stored.document.source.clone() })
}

/// Claims of the same kind and parties whose values contradict each other.
#[utoipa::path(get, path = "/api/conflicts", responses((status = 200, body = Vec<ConflictView>)))]
async fn conflicts(State(state): St) -> Json<Vec<ConflictView>> {
    let snap = state.snapshot();
    let list = snap
        .analysis
        .corpus
        .conflicts
        .iter()
        .map(|c| ConflictView {
            kind: c.kind.clone(),
            parties: c.parties.clone(),
            values: c
                .values
                .iter()
                .map(|v| {
                    let mut documents: Vec<usize> = v.documents.clone();
                    documents.dedup();
                    ConflictValueView {
                        value: v.value.clone(),
                        documents: documents.into_iter().filter_map(|d| doc_ref(&snap, d)).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    Json(list)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct CommitmentsParams {
    /// The date status is judged against (`YYYY-MM-DD`; default: the server's date).
    as_of: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct QuoteView {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Serialize, ToSchema)]
struct CommitmentView {
    /// What was promised or announced.
    what: String,
    parties: Vec<String>,
    due: Option<DateOut>,
    /// `pending`, `fulfilled` or `overdue`.
    status: &'static str,
    /// The fused event that fulfils it.
    fulfilled_by: Option<String>,
    document: DocumentRef,
    evidence: QuoteView,
}

/// Commitments with their status as of a date.
#[utoipa::path(get, path = "/api/commitments", params(CommitmentsParams),
    responses((status = 200, body = Vec<CommitmentView>), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn commitments(State(state): St, Q(params): Q<CommitmentsParams>) -> ApiResult<Vec<CommitmentView>> {
    let as_of = date_param("as_of", params.as_of.as_deref())?;
    let snap = state.snapshot();
    let analysis = &snap.analysis;
    // Another date needs the corpus reasoned again (commitment status depends on it).
    let recomputed = match as_of {
        Some(date) if date != snap.as_of => {
            let docs: Vec<Doc<'_>> =
                analysis.stored.iter().map(|s| Doc { document: &s.document, extraction: &s.extraction }).collect();
            Some(alaqat_corpus::analyze(&docs, date))
        }
        _ => None,
    };
    let corpus = recomputed.as_ref().unwrap_or(&analysis.corpus);
    let mut list = Vec::new();
    for (d, stored) in analysis.stored.iter().enumerate() {
        let index = alaqat_text::CharIndex::new(&stored.document.text);
        for (c, commitment) in stored.extraction.commitments.iter().enumerate() {
            let (status, fulfilled_by) = corpus.commitment(d, c);
            let fulfilled_by = fulfilled_by.map(|f| f.id.clone());
            let span = commitment.evidence;
            list.push(CommitmentView {
                what: commitment.what.clone(),
                parties: commitment.parties.clone(),
                due: commitment.due.as_ref().map(DateOut::new),
                status: status.name(),
                fulfilled_by,
                document: DocumentRef { id: stored.document.id.clone(), source: stored.document.source.clone() },
                evidence: QuoteView {
                    start: index.char_of(span.start),
                    end: index.char_of(span.end),
                    text: span.slice(&stored.document.text).unwrap_or("").to_owned(),
                },
            });
        }
    }
    Ok(Json(list))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SearchParams {
    /// Words (all must match; `"quoted words"` must be consecutive). Arabic is matched through
    /// the text layer's normalization and light clitic stemming; country adjectives reach their
    /// country (الكازاخستانية finds كازاخستان). Empty: everything the filters let through.
    q: Option<String>,
    /// Only documents and evidence about this pair: `SAU,KAZ`.
    dyad: Option<String>,
    /// Dates (publication, or the event's for evidence) ending on or after this day.
    from: Option<String>,
    /// Dates starting on or before this day.
    to: Option<String>,
    /// `ar` or `en`.
    lang: Option<String>,
    /// Page size, 1–500 (default 50).
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A search hit: a document or one of its evidence sentences.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchHit {
    /// Document id.
    document: String,
    source: String,
    title: Option<String>,
    lang: &'static str,
    /// Publication date, or the event's date for evidence, at its precision.
    date: Option<String>,
    /// `document` or `evidence`.
    kind: &'static str,
    /// For evidence: the ids of the document's events the sentence proves.
    events: Vec<String>,
    score: f32,
    /// About 200 characters of the text around the best match, as written.
    snippet: String,
    /// Where the snippet starts in the document's text (code points).
    snippet_start: usize,
    /// Matched words: `[start, end)` code-point ranges within `snippet`.
    highlights: Vec<[usize; 2]>,
}

/// Full-text search over documents and evidence sentences, with highlights.
#[utoipa::path(get, path = "/api/search", params(SearchParams),
    responses((status = 200, body = SearchPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json")))]
async fn search(State(state): St, Q(params): Q<SearchParams>) -> ApiResult<SearchPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    let query = alaqat_search::SearchQuery {
        text: params.q.unwrap_or_default(),
        dyad: params.dyad.as_deref().map(dyad_param).transpose()?,
        from: date_param("from", params.from.as_deref())?,
        to: date_param("to", params.to.as_deref())?,
        lang: lang_param(params.lang.as_deref())?,
        limit,
        offset,
    };
    let results = tokio::task::spawn_blocking(move || {
        let index = state.index_read();
        let Some(index) = index.as_ref() else {
            return Err(Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the search index could not be opened; see the server log",
            ));
        };
        index.search(&query).map_err(|e| Problem::internal(&anyhow::Error::new(e).context("search failed")))
    })
    .await
    .map_err(|e| Problem::internal(&anyhow::anyhow!("the search task failed: {e}")))??;
    let items = results
        .hits
        .into_iter()
        .map(|hit| {
            let (kind, events) = match hit.kind {
                alaqat_search::HitKind::Document => ("document", Vec::new()),
                alaqat_search::HitKind::Evidence { events } => ("evidence", events),
            };
            SearchHit {
                document: hit.document,
                source: hit.source,
                title: hit.title,
                lang: hit.lang.code(),
                date: hit.date,
                kind,
                events,
                score: hit.score,
                snippet: hit.snippet,
                snippet_start: hit.snippet_start,
                highlights: hit.highlights.into_iter().map(|(s, e)| [s, e]).collect(),
            }
        })
        .collect();
    Ok(Json(SearchPage { total: results.total, limit, offset, items }))
}

#[derive(Serialize, ToSchema)]
struct Failure {
    source: String,
    reason: String,
}

#[derive(Serialize, ToSchema)]
struct IngestSummary {
    ingested: u64,
    unchanged: u64,
    failed: Vec<Failure>,
}

/// Ingests JSON Lines (`{"id","url","title","published","lang","text"}`, only `text`
/// required) and serves the grown store from then on. Needs `Authorization: Bearer TOKEN`.
#[utoipa::path(post, path = "/api/ingest", request_body(content = String, content_type = "application/x-ndjson",
        description = "JSON Lines, one document per line"),
    security(("bearer" = [])),
    responses((status = 200, body = IngestSummary),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over 16 MiB")))]
async fn ingest(State(state): St, headers: HeaderMap, body: Bytes) -> Result<Response, Problem> {
    authorize(&state, &headers)?;
    let _writer = state.ingest.lock().await;
    let worker = Arc::clone(&state);
    let result = tokio::task::spawn_blocking(move || -> anyhow::Result<(crate::ingest::Summary, Snapshot)> {
        let mut store = crate::open_store(&worker.data, true)?;
        let options = alaqat_read::ReadOptions::default();
        let mut index = worker.index_write();
        let summary = crate::ingest::ingest_jsonl(&mut store, index.as_mut(), &body[..], "request", &options)?;
        drop(index);
        let as_of = worker.as_of();
        let analysis = crate::analysis::load(&store, as_of)?;
        Ok((summary, Snapshot::new(analysis, as_of)))
    })
    .await
    .map_err(|e| Problem::internal(&anyhow::anyhow!("the ingest task failed: {e}")))?;
    let (summary, snapshot) = result.map_err(|e| Problem::internal(&e))?;
    state.replace(snapshot);
    let failed = summary
        .failures
        .iter()
        .map(|f| {
            let (source, reason) = f.split_once(": ").unwrap_or(("request", f.as_str()));
            Failure { source: source.to_owned(), reason: reason.to_owned() }
        })
        .collect();
    Ok(Json(IngestSummary { ingested: summary.ingested, unchanged: summary.unchanged, failed }).into_response())
}

/// Writes need the configured token; without one the server is read-only.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), Problem> {
    let Some(expected) = state.token.as_deref() else {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token or ALAQAT_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if super::constant_time_eq(given.trim().as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(Problem::new(StatusCode::UNAUTHORIZED, "a valid `Authorization: Bearer TOKEN` header is required"))
    }
}
