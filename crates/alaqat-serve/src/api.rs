//! The JSON API: one handler per endpoint, each with its OpenAPI description (utoipa), so
//! `/openapi.json` is generated from this code.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use alaqat_corpus::Doc;
use alaqat_model::{Date, Lang, Modality};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
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
use alaqat_export::EventFilter;

type ApiResult<T> = Result<Json<T>, Problem>;
type St = State<Arc<AppState>>;

/// Default and largest page size of paged lists.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;
/// Largest offset of a paged list (the OpenAPI document states it, so it is the same on every
/// platform).
const MAX_OFFSET: usize = 4_294_967_295;

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
    let offset = offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(Problem::bad_request(format!("offset must be at most {MAX_OFFSET}, not {offset}")));
    }
    Ok((limit, offset))
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
            /// The page of `all`, building (`build`) only the items on it: a list of tens of
            /// thousands costs a count, not a copy.
            fn of<T>(
                all: impl Iterator<Item = T>,
                limit: usize,
                offset: usize,
                mut build: impl FnMut(T) -> $item,
            ) -> $name {
                let mut total = 0;
                let mut items = Vec::new();
                for item in all {
                    if total >= offset && items.len() < limit {
                        items.push(build(item));
                    }
                    total += 1;
                }
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
    alaqat_export::resolve_country(value)
        .ok_or_else(|| Problem::bad_request(format!("{name}: `{value}` is not a known country or organization")))
}

fn dyad_param(value: &str) -> Result<(String, String), Problem> {
    let (a, b) = value
        .split_once(',')
        .ok_or_else(|| Problem::bad_request(format!("dyad: `{value}` is not two countries separated by a comma")))?;
    Ok((country_param("dyad", a)?, country_param("dyad", b)?))
}

/// A day as the OpenAPI document says (`format: date`, `YYYY-MM-DD`), nothing looser: the
/// date parser alone would also take compact, signed and date-time forms.
fn date_param(name: &str, value: Option<&str>) -> Result<Option<Date>, Problem> {
    let Some(v) = value else { return Ok(None) };
    let shaped = v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(Problem::bad_request(format!("{name}: `{v}` is not a date (expected YYYY-MM-DD)")));
    }
    alaqat_export::parse_date(v).map(Some).map_err(|e| Problem::bad_request(format!("{name}: {e}")))
}

/// The schema of a string parameter that takes one of `values`.
fn one_of(values: &[&str]) -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .enum_values(Some(values.iter().copied()))
        .build()
}

fn lang_schema() -> utoipa::openapi::Object {
    one_of(&["ar", "en", "mixed"])
}

fn modality_schema() -> utoipa::openapi::Object {
    one_of(&MODALITIES.map(Modality::name))
}

fn kind_schema() -> utoipa::openapi::Object {
    one_of(&ENTITY_KINDS)
}

const MODALITIES: [Modality; 5] =
    [Modality::Asserted, Modality::Negated, Modality::Proposed, Modality::Expected, Modality::Background];
const ENTITY_KINDS: [&str; 4] = ["person", "country", "organization", "place"];

/// The match keys of `text`'s words (the text layer's normalization: one form per letter,
/// no diacritics, lower case), for filters that match words.
fn match_words(text: &str) -> Vec<String> {
    alaqat_text::normalize(text).as_str().split_whitespace().map(str::to_owned).collect()
}

#[derive(Serialize, ToSchema)]
struct Health {
    status: &'static str,
    /// Documents in the served analysis.
    documents: usize,
    /// True while documents stored by an ingest are not yet in the served analysis (they are
    /// searchable already; the other reads serve them once the store has been re-analysed).
    pending: bool,
}

/// Liveness, and how many documents the server holds.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "The server is up", body = Health)))]
async fn healthz(State(state): St) -> Json<Health> {
    Json(Health { status: "ok", documents: state.snapshot().analysis.stored.len(), pending: state.pending() })
}

#[derive(Serialize, ToSchema)]
struct Stats {
    documents: usize,
    /// Documents per language code, in code order (the same answer every time).
    languages: BTreeMap<String, usize>,
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
#[utoipa::path(get, path = "/api/stats", responses((status = 200, description = "Counts over the whole store", body = Stats)))]
async fn stats(State(state): St) -> Json<Stats> {
    let snap = state.snapshot();
    let a = &snap.analysis;
    let mut languages = BTreeMap::new();
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
#[utoipa::path(get, path = "/api/dyads", responses((status = 200, description = "Dyads, most events first", body = Vec<Dyad>)))]
async fn dyads(State(state): St) -> Json<Vec<Dyad>> {
    let snap = state.snapshot();
    let mut list: Vec<Dyad> = snap
        .dyads()
        // Actors whose country the text does not give belong to no dyad.
        .filter(|((a, b), _)| a != b && !a.is_empty() && !b.is_empty())
        .map(|((a, b), events)| Dyad {
            a_name: country_names(a),
            b_name: country_names(b),
            a: a.clone(),
            b: b.clone(),
            events,
        })
        .collect();
    list.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    Json(list)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DocumentsParams {
    /// `ar` or `en`.
    #[param(schema_with = lang_schema)]
    lang: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Items to skip, at most 4294967295; past the end the page is empty.
    #[param(minimum = 0, maximum = 4294967295_u64)]
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

/// `ar`, `en` or `mixed` (documents in both), exactly as the OpenAPI document lists them.
fn lang_param(value: Option<&str>) -> Result<Option<Lang>, Problem> {
    value
        .map(|v| match v {
            "ar" => Ok(Lang::Ar),
            "en" => Ok(Lang::En),
            "mixed" => Ok(Lang::Mixed),
            _ => Err(Problem::bad_request(format!("lang: `{v}` is not a language code (ar, en, mixed)"))),
        })
        .transpose()
}

/// Documents in insertion order.
#[utoipa::path(get, path = "/api/documents", params(DocumentsParams),
    responses((status = 200, description = "A page of documents", body = DocumentPage),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
async fn documents(State(state): St, Q(params): Q<DocumentsParams>) -> ApiResult<DocumentPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    let lang = lang_param(params.lang.as_deref())?;
    let snap = state.snapshot();
    let all = snap.analysis.stored.iter().enumerate().filter(|(_, s)| lang.is_none_or(|l| s.document.lang == l));
    Ok(Json(DocumentPage::of(all, limit, offset, |(i, s)| {
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
    })))
}

/// One document: the export contract's document object plus its full `text`.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, description = "The export contract's document object (SPEC.md) with `text` added",
        body = Object),
        (status = 400, description = "The id is not valid UTF-8 once percent-decoded", body = Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No document has this id", body = Problem, content_type = "application/problem+json")))]
async fn document(State(state): St, P(id): P<String>) -> Result<Response, Problem> {
    let snap = state.snapshot();
    let Some(&d) = snap.by_id.get(&id) else {
        return Err(Problem::not_found(format!("no document with id `{id}`")));
    };
    // The snapshot holds no mentions or date expressions: the document is read whole from the
    // store, which reads block.
    let worker = Arc::clone(&state);
    let read = tokio::task::spawn_blocking(move || {
        worker.read_store(|store| {
            anyhow::Context::with_context(store.document(&id), || format!("cannot read document {id}"))
        })
    })
    .await;
    let stored = match read {
        Ok(Ok(Some(stored))) => stored,
        Ok(Ok(None)) => return Err(Problem::not_found("the document is no longer stored")),
        Ok(Err(error)) => return Err(Problem::internal(&error)),
        Err(panic) => return Err(Problem::internal(&anyhow::anyhow!("reading the document failed: {panic}"))),
    };
    let mut extraction = stored.extraction;
    alaqat_export::relink(&mut extraction, &snap.analysis.links);
    // Re-extracted since the snapshot was analysed: its corpus results no longer fit it.
    let corpus = alaqat_export::same_items(&snap.analysis.stored[d], &stored.document, &extraction)
        .then_some((&snap.analysis, d));
    let out = alaqat_export::DocumentOut::in_corpus(&stored.document, &extraction, corpus);
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
    #[param(example = "SAU,KAZ")]
    dyad: Option<String>,
    /// Prefix of the source's or target's actor code (`KAZ`, `KAZGOV`).
    actor: Option<String>,
    /// Prefix of the CAMEO code (`04`, `042`).
    code: Option<String>,
    /// Events whose dates end on or after this day (`YYYY-MM-DD`); undated ones are left out.
    #[param(format = Date)]
    from: Option<String>,
    /// Events whose dates start on or before this day; undated ones are left out.
    #[param(format = Date)]
    to: Option<String>,
    /// `asserted`, `negated`, `proposed`, `expected` or `background`.
    #[param(schema_with = modality_schema)]
    modality: Option<String>,
    /// Words that must all occur in the evidence sentence (matched on normalized text).
    q: Option<String>,
    /// An entity acting in the event (`per:tokayev`).
    entity: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Items to skip, at most 4294967295; past the end the page is empty.
    #[param(minimum = 0, maximum = 4294967295_u64)]
    offset: Option<usize>,
}

fn modality_param(value: Option<&str>) -> Result<Option<Modality>, Problem> {
    let Some(v) = value else { return Ok(None) };
    MODALITIES.into_iter().find(|m| m.name() == v).map(Some).ok_or_else(|| {
        Problem::bad_request(format!("modality: `{v}` is not one of asserted, negated, proposed, expected, background"))
    })
}

/// Fused events (one per real-world event), date order, undated last.
#[utoipa::path(get, path = "/api/events", params(EventsParams),
    responses((status = 200, description = "A page of fused events", body = EventPage),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
async fn events(State(state): St, Q(params): Q<EventsParams>) -> ApiResult<EventPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    let filter = EventFilter {
        dyad: params.dyad.as_deref().map(dyad_param).transpose()?,
        actor: params.actor,
        code: params.code,
        from: date_param("from", params.from.as_deref())?,
        to: date_param("to", params.to.as_deref())?,
        modality: modality_param(params.modality.as_deref())?,
        entity: params.entity,
    }
    .normalized();
    let words: Vec<String> = params.q.as_deref().map(match_words).unwrap_or_default();
    let snap = state.snapshot();
    let fused = &snap.analysis.corpus.fused;
    let all = snap
        .positions(filter.dyad.as_ref(), filter.entity.as_deref())
        .filter_map(|i| Some((fused.get(i)?, snap.evidence_keys.get(i)?)))
        .filter(|(fused, _)| filter.accepts(fused))
        // A word of `q` occurs in a word of the evidence: it has no space, so it occurs in the
        // evidence's normalized text.
        .filter(|(_, key)| words.iter().all(|w| key.contains(w.as_str())));
    Ok(Json(EventPage::of(all, limit, offset, |(fused, _)| snap.event_view(fused))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct TimelineParams {
    /// One country (code, English or Arabic name).
    #[param(example = "SAU")]
    a: String,
    /// The other.
    #[param(example = "KAZ")]
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
    responses((status = 200, description = "The dyad's timeline", body = Timeline),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
async fn timeline(State(state): St, Q(params): Q<TimelineParams>) -> ApiResult<Timeline> {
    let a = country_param("a", &params.a)?;
    let b = country_param("b", &params.b)?;
    let all = params.all.unwrap_or(false);
    let snap = state.snapshot();
    let dyad = (a, b);
    let events: Vec<EventView> = snap
        .positions(Some(&dyad), None)
        .filter_map(|i| snap.analysis.corpus.fused.get(i))
        .filter(|fused| all || (fused.date.is_some() && !alaqat_export::planned(&snap.analysis, fused)))
        .map(|fused| snap.event_view(fused))
        .collect();
    let months = months(&events);
    let (a, b) = dyad;
    Ok(Json(Timeline { a_name: country_names(&a), b_name: country_names(&b), a, b, events, months }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct EntitiesParams {
    /// `person`, `country`, `organization` or `place`.
    #[param(schema_with = kind_schema)]
    kind: Option<String>,
    /// Words of a name (Arabic or English), matched on normalized text.
    q: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Items to skip, at most 4294967295; past the end the page is empty.
    #[param(minimum = 0, maximum = 4294967295_u64)]
    offset: Option<usize>,
}

/// Entities, most events first, then most mentions.
#[utoipa::path(get, path = "/api/entities", params(EntitiesParams),
    responses((status = 200, description = "A page of entities", body = EntityPage),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
async fn entities(State(state): St, Q(params): Q<EntitiesParams>) -> ApiResult<EntityPage> {
    let (limit, offset) = page_bounds(params.limit, params.offset)?;
    if let Some(kind) = params.kind.as_deref() {
        if !ENTITY_KINDS.contains(&kind) {
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
    Ok(Json(EntityPage::of(all.into_iter(), limit, offset, |e| e)))
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
    /// Its first mentions, in document order (at most 500).
    mentions: Vec<MentionView>,
    /// The fused events it acts in.
    events: Vec<EventView>,
}

/// One entity with its mentions and the events it acts in.
#[utoipa::path(get, path = "/api/entities/{id}", params(("id" = String, Path, description = "Entity id, e.g. per:tokayev")),
    responses((status = 200, description = "The entity, its mentions and events", body = EntityDetail),
        (status = 400, description = "The id is not valid UTF-8 once percent-decoded", body = Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No entity has this id", body = Problem, content_type = "application/problem+json")))]
async fn entity(State(state): St, P(id): P<String>) -> ApiResult<EntityDetail> {
    let snap = state.snapshot();
    let Some(entity) = snap.analysis.entity(&id) else {
        return Err(Problem::not_found(format!("no entity with id `{id}`")));
    };
    let id = entity.id.clone();
    let mut mentions = Vec::new();
    let mut index: Option<(usize, alaqat_text::CharIndex<'_>)> = None;
    for &(d, span) in snap.entity_mentions.get(&id).into_iter().flatten() {
        let Some(stored) = snap.analysis.stored.get(d) else { continue };
        let text = stored.document.text.as_str();
        // Mentions come in document order: one index per document.
        let chars = match &mut index {
            Some((at, chars)) if *at == d => chars,
            slot => &mut slot.insert((d, alaqat_text::CharIndex::new(text))).1,
        };
        mentions.push(MentionView {
            document: stored.document.id.clone(),
            start: chars.char_of(span.start),
            end: chars.char_of(span.end),
            text: span.slice(text).unwrap_or("").to_owned(),
        });
    }
    let acts = |actor| snap.actor_entity(actor) == Some(id.as_str());
    let events = snap
        .entity_positions(&id)
        .filter_map(|i| snap.analysis.corpus.fused.get(i))
        .filter(|fused| acts(&fused.source) || acts(&fused.target))
        .map(|fused| snap.event_view(fused))
        .collect();
    Ok(Json(EntityDetail { entity: EntityView::new(entity, &snap.entity_counts), mentions, events }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct NetworkParams {
    /// Only events between these two countries: `SAU,KAZ`.
    #[param(example = "SAU,KAZ")]
    dyad: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Node {
    /// Entity id, or the country code when no person or body is known (the actor code when the
    /// country is unknown too).
    id: String,
    name: NameView,
    /// `null` when the text does not give the actor's country.
    country: Option<String>,
    /// `person`, `organization`, `country`, `actor` ...
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
    responses((status = 200, description = "Actors and their links", body = Network),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
async fn network(State(state): St, Q(params): Q<NetworkParams>) -> Result<Response, Problem> {
    let dyad = params.dyad.as_deref().map(dyad_param).transpose()?;
    let snap = state.snapshot();
    let json = |network: Network| serde_json::to_vec(&network).map(Bytes::from);
    let body = match dyad {
        // The whole graph is the same for every request on one snapshot: built once (0.8 s
        // over 100,000 articles).
        None => match snap.whole_network.get() {
            Some(body) => body.clone(),
            None => {
                let body = json(build_network(&snap, None)).map_err(|e| Problem::internal(&e.into()))?;
                snap.whole_network.get_or_init(|| body).clone()
            }
        },
        Some(dyad) => json(build_network(&snap, Some(&dyad))).map_err(|e| Problem::internal(&e.into()))?,
    };
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The actors of the fused events (of one dyad when given) and their links.
fn build_network(snap: &Snapshot, dyad: Option<&(String, String)>) -> Network {
    let mut nodes: Vec<Node> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut edges: HashMap<(String, String), usize> = HashMap::new();
    let mut node = |actor: &alaqat_model::Actor| -> String {
        let (id, kind) = match snap.actor_entity(actor) {
            Some(id) => {
                let kind = snap.analysis.entity(id).and_then(|e| e.kind).map_or("person", |k| k.name());
                (id.to_owned(), kind)
            }
            // An actor of unknown country (protesters somewhere) is its actor code.
            None => match &actor.country {
                Some(c) => (c.clone(), if c.starts_with("IGO") { "organization" } else { "country" }),
                None => (actor.code.clone(), "actor"),
            },
        };
        if !seen.contains_key(&id) {
            // Named as the event lists name it; built once per node.
            let shown = super::snapshot::ActorView::new(actor, snap);
            seen.insert(id.clone(), nodes.len());
            nodes.push(Node { id: id.clone(), name: shown.name, country: actor.country.clone(), kind });
        }
        id
    };
    for event in snap.positions(dyad, None).filter_map(|i| snap.analysis.corpus.fused.get(i)) {
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
    Network { nodes, edges }
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
#[utoipa::path(get, path = "/api/conflicts", responses((status = 200, description = "Contradicting claims", body = Vec<ConflictView>)))]
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
    #[param(format = Date)]
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
    responses((status = 200, description = "Commitments with their status", body = Vec<CommitmentView>),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json")))]
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
    // Most documents have no commitment: only those get a character index.
    for (d, stored) in analysis.stored.iter().enumerate().filter(|(_, s)| !s.extraction.commitments.is_empty()) {
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
    #[param(example = "SAU,KAZ")]
    dyad: Option<String>,
    /// Dates (publication, or the event's for evidence) ending on or after this day.
    #[param(format = Date)]
    from: Option<String>,
    /// Dates starting on or before this day.
    #[param(format = Date)]
    to: Option<String>,
    /// `ar` or `en`.
    #[param(schema_with = lang_schema)]
    lang: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<usize>,
    /// Items to skip, at most 4294967295; past the end the page is empty.
    #[param(minimum = 0, maximum = 4294967295_u64)]
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
    responses((status = 200, description = "A page of hits, best first", body = SearchPage),
        (status = 400, description = "A parameter is malformed or out of range", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The search index could not be opened", body = Problem,
            content_type = "application/problem+json")))]
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
    let Some(index) = state.searcher() else {
        return Err(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the search index could not be opened; see the server log",
        ));
    };
    let results = tokio::task::spawn_blocking(move || {
        let failed = |e: anyhow::Error| Problem::internal(&e.context("search failed"));
        // A page past the end is empty. Asking the index for it anyway would make it keep the
        // best `offset + limit` hits: an offset in the trillions was an allocation that
        // aborted the server. Counting first bounds the offset by the number of hits.
        if query.offset > 0 {
            let count = alaqat_search::SearchQuery { limit: 0, ..query.clone() };
            let total = index.search(&count, &mut |_| Ok(Vec::new())).map_err(|e| failed(e.into()))?.total;
            if query.offset >= total {
                return Ok(alaqat_search::SearchResults { total, hits: Vec::new() });
            }
        }
        // The snippets are cut from the store's texts.
        state.read_store(|store| Ok(index.search(&query, &mut alaqat_pipeline::store_texts(store))?)).map_err(failed)
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

/// One line of an ingest body. Only describes the request body in `/openapi.json`: the body
/// is read as JSON Lines, never into this type.
#[derive(ToSchema)]
#[allow(dead_code)]
struct IngestDocument {
    /// The document's text, as published.
    text: String,
    /// The sender's id for the document (kept as its source); else `url`, else `request#LINE`.
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    /// Publication date as metadata writes it (`2024-05-02`, `2024-05`, RFC 3339 ...); an
    /// unreadable one is dropped, not an error.
    published: Option<String>,
    /// `ar` or `en`; detected from the text when missing.
    lang: Option<String>,
}

/// An ingest body: at least one line (an empty body is refused). Documentation only, like
/// [`IngestDocument`].
struct IngestLines;

impl utoipa::PartialSchema for IngestLines {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ArrayBuilder::new()
            .items(utoipa::openapi::Ref::from_schema_name(<IngestDocument as ToSchema>::name()))
            .min_items(Some(1))
            .into()
    }
}

impl ToSchema for IngestLines {
    fn schemas(schemas: &mut Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>) {
        schemas
            .push((<IngestDocument as ToSchema>::name().into(), <IngestDocument as utoipa::PartialSchema>::schema()));
        <IngestDocument as ToSchema>::schemas(schemas);
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct IngestParams {
    /// Answer only once every read serves the new documents (default false: once they are
    /// stored and searchable, while the store is re-analysed in the background).
    wait: Option<bool>,
}

/// Ingests JSON Lines (`{"id","url","title","published","lang","text"}`, only `text`
/// required). Needs `Authorization: Bearer TOKEN`. Lines that cannot be read are listed in
/// `failed`; the others are stored, and searchable when it answers. The other reads serve
/// them once the store has been re-analysed, in the background (`/healthz` says `pending`
/// until then), or at once with `wait=true`.
#[utoipa::path(post, path = "/api/ingest", params(IngestParams),
    request_body(content = IngestLines, content_type = "application/x-ndjson",
        description = "JSON Lines: each document object on a line of its own (the items, not a JSON array); \
            at most 16 MiB"),
    security(("bearer" = [])),
    responses((status = 200, description = "What was stored, what was already there, what could not be read",
            body = IngestSummary),
        (status = 400, description = "The body is empty or could not be read, or a parameter is malformed",
            body = Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Writes are disabled (the server has no token)", body = Problem,
            content_type = "application/problem+json"),
        (status = 413, description = "Body over 16 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "The documents are stored, but the store could not be re-analysed (`wait=true`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The time limit (60 s) ran out; what was read is stored all the same",
            body = Problem, content_type = "application/problem+json")))]
async fn ingest(
    State(state): St,
    Q(params): Q<IngestParams>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    authorize(&state, &headers)?;
    let body = body.map_err(|rejection| Problem::new(rejection.status(), rejection.body_text()))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::bad_request("the body is empty: send JSON Lines, one document object per line"));
    }
    let writer = Arc::clone(&state.ingest).lock_owned().await;
    let worker = Arc::clone(&state);
    let (summary, generation) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        // The writer lock belongs to this task, not to the request: when the request is cut
        // (time limit, client gone) the ingest still runs to its end, asks for the re-analysis
        // of what it stored, and only then lets the next ingest open the store.
        let _writer = writer;
        let mut store = worker.store.open(true)?;
        let options = alaqat_read::ReadOptions::default();
        let mut index = worker.index_write();
        let result = alaqat_pipeline::ingest_jsonl(&mut *store, index.as_mut(), &body[..], "request", &options, 1);
        let indexed = index.is_some();
        drop(index);
        // A failure part way may have stored some batches: those are served too.
        let changed = result.as_ref().map_or(true, |summary| summary.ingested > 0);
        if changed && indexed {
            worker.reopen_searcher();
        }
        let generation = if changed { worker.stored_more() } else { worker.stored.load(Ordering::Acquire) };
        Ok((result?, generation))
    })
    .await
    .map_err(|e| Problem::internal(&anyhow::anyhow!("the ingest task failed: {e}")))?
    .map_err(|e| Problem::internal(&e))?;
    if params.wait == Some(true) && !state.served(generation).await {
        return Err(Problem::internal(&anyhow::anyhow!(
            "the documents are stored, but the store could not be re-analysed to serve them"
        )));
    }
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
