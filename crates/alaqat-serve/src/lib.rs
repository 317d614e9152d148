//! alaqat-serve: `alaqat serve`, the JSON HTTP API (with its OpenAPI document) and the dashboard
//! (`web/`, compiled in).
//!
//! Like the binary, the server is an edge: its errors end as problem+json answers or as the
//! command's message, so it carries them as `anyhow` errors rather than types of its own.
//!
//! The server reads the store once into a [`Snapshot`] (the same corpus analysis the CLI
//! listings use, plus precomputed views) and answers every read from it. `POST /api/ingest`
//! stores new documents and indexes them for search, then answers; a background task
//! re-analyses the store and swaps in a fresh snapshot. The analysis of a large store takes
//! seconds (it reasons over all documents at once), so it is not redone per ingest: ingests that
//! arrive while one runs are covered together by the next ([`refresher`]). A client that must
//! read its own writes asks the ingest to wait for that (`wait=true`). Reads never wait for an
//! ingest: they keep the snapshot they started with. One ingest writes at a time.
//!
//! The store may be the embedded one or PostgreSQL (`--store`), and other processes may write
//! to it: several servers over one database, or `alaqat ingest`. A watcher thread ([`watch`])
//! polls the store's last `seq` (one index lookup) and, when others stored documents, indexes
//! them in this server's search index and asks for a re-analysis. Each server keeps its own
//! search index, in `--data`.
//!
//! Security defaults: bind to 127.0.0.1; writes need `Authorization: Bearer TOKEN` (compared in
//! constant time) and are disabled when no token is configured; request bodies are capped;
//! every request has a time limit; no CORS header unless an origin is configured.

mod api;
mod problem;
mod snapshot;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use alaqat_model::Date;
use anyhow::Context;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub(crate) use snapshot::Snapshot;

use alaqat_pipeline::StoreAt;

/// Largest request body accepted (a JSON Lines ingest).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;
/// Time limit of one request, ingest included.
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// How often, by default, the server looks for documents other processes stored.
pub const DEFAULT_POLL_SECONDS: u64 = 2;

/// How the server runs.
pub struct ServeOptions {
    /// The store: the embedded one (in `data`) or PostgreSQL.
    pub store: StoreAt,
    /// The directory of this server's search index (and of the embedded store).
    pub data: PathBuf,
    /// Where to listen (port 0 picks a free one).
    pub addr: SocketAddr,
    /// The bearer token writes need; none disables writes.
    pub token: Option<String>,
    /// The fixed date commitments are judged against; none means today, at each load.
    pub as_of: Option<Date>,
    /// Origins allowed to call the API from a browser (CORS); empty sends no CORS headers.
    pub cors_origins: Vec<String>,
    /// How often to look for documents other processes stored; zero never looks.
    pub poll: Duration,
}

/// What every handler shares.
pub(crate) struct AppState {
    store: StoreAt,
    data: PathBuf,
    token: Option<String>,
    as_of: Option<Date>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// The full-text index ingests write (one at a time, under `ingest`); none when it could
    /// not be opened (search answers 503 then).
    index: std::sync::Mutex<Option<alaqat_search::SearchIndex>>,
    /// The handle searches read, opened anew after each ingest: a search never waits for an
    /// ingest's writing, and sees its documents once it has answered.
    searcher: RwLock<Option<Arc<alaqat_search::SearchIndex>>>,
    /// One writer at a time: the store is opened per ingest, under this lock (held by the
    /// ingest's own task, so it outlives a request that was cut).
    ingest: Arc<tokio::sync::Mutex<()>>,
    /// Ingests that changed the store so far: the generation the snapshot should reach.
    stored: AtomicU64,
    /// How far the re-analysis has got (see [`Served`]).
    served: tokio::sync::watch::Sender<Served>,
    /// Wakes the [`refresher`]; wake-ups while it works add up to one more analysis.
    refresh: tokio::sync::Notify,
    /// The store's last `seq` when the latest analysis began reading it: what [`watch`]
    /// compares with to tell whether others stored documents the snapshot lacks.
    analysed_seq: AtomicU64,
    /// Open store handles for what requests read from the store itself (a document whole),
    /// kept for the next request: at most [`READERS`].
    readers: std::sync::Mutex<Vec<Box<dyn alaqat_store::Store>>>,
}

/// Store handles [`AppState::read_store`] keeps open between requests. More are opened under
/// load and closed after it.
const READERS: usize = 4;

/// Where the background re-analysis stands, in ingest generations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Served {
    /// The generation of the snapshot being served.
    pub(crate) generation: u64,
    /// The latest generation an analysis was attempted for (it failed when this is ahead of
    /// `generation`; the error is in the server's log).
    pub(crate) attempted: u64,
}

/// Locks `mutex`. A poisoned lock only means a holder panicked; what it guards (a search
/// index handle, idle store handles) is whole between uses.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

impl AppState {
    /// Runs `read` on a store handle: a kept one, else one opened now. Blocks: call it from a
    /// blocking task. A handle whose read failed is closed rather than kept (its connection
    /// may be what failed).
    fn read_store<T>(&self, read: impl FnOnce(&dyn alaqat_store::Store) -> anyhow::Result<T>) -> anyhow::Result<T> {
        let kept = lock(&self.readers).pop();
        let store = match kept {
            Some(store) => store,
            None => self.store.open(false)?,
        };
        let value = read(&*store)?;
        let mut readers = lock(&self.readers);
        if readers.len() < READERS {
            readers.push(store);
        }
        Ok(value)
    }

    fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock only means a reload panicked; the last snapshot is still whole.
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, snapshot: Snapshot) {
        let mut guard = match self.snapshot.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = Arc::new(snapshot);
    }

    fn index_write(&self) -> std::sync::MutexGuard<'_, Option<alaqat_search::SearchIndex>> {
        lock(&self.index)
    }

    /// The index as of the last ingest, for searching.
    fn searcher(&self) -> Option<Arc<alaqat_search::SearchIndex>> {
        match self.searcher.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Opens a search handle on what the ingests have committed (cheap: the index files are
    /// mapped, not read). On failure searches keep the previous handle.
    fn reopen_searcher(&self) {
        match alaqat_pipeline::open_index(&self.data) {
            Ok(index) => {
                let mut guard = match self.searcher.write() {
                    Ok(guard) => guard,
                    Err(poisoned) => poisoned.into_inner(),
                };
                *guard = Some(Arc::new(index));
            }
            Err(error) => eprintln!("warning: {error:#}; search serves the index as it was"),
        }
    }

    fn as_of(&self) -> Date {
        self.as_of.unwrap_or_else(alaqat_export::today)
    }

    /// Records that an ingest changed the store and asks for a re-analysis; returns the
    /// generation that covers it.
    fn stored_more(&self) -> u64 {
        let generation = self.stored.fetch_add(1, Ordering::AcqRel) + 1;
        self.refresh.notify_one();
        generation
    }

    /// True while documents stored by an ingest are not yet in the served snapshot.
    fn pending(&self) -> bool {
        self.served.borrow().generation < self.stored.load(Ordering::Acquire)
    }

    /// True while an analysis is asked for or under way (a failed one is over: the watcher
    /// then asks again).
    fn analysing(&self) -> bool {
        self.served.borrow().attempted < self.stored.load(Ordering::Acquire)
    }

    /// Waits until the analysis has reached `generation`; false when it failed to.
    async fn served(&self, generation: u64) -> bool {
        let mut watch = self.served.subscribe();
        let reached = match watch.wait_for(|served| served.attempted >= generation).await {
            Ok(served) => served.generation >= generation,
            // The sender lives as long as the state: not reached.
            Err(_) => false,
        };
        reached
    }
}

/// Re-analyses the store whenever ingests changed it, one analysis at a time: the generation
/// is read before the store is, so every ingest counted in it is in the snapshot, and an ingest
/// that commits during the analysis wakes the loop again. (The store is read as entities, then
/// documents; a document committed between the two reads may lack its new entities in this
/// snapshot, never in the next one, which its ingest has already asked for.)
async fn refresher(state: Arc<AppState>) {
    loop {
        state.refresh.notified().await;
        let target = state.stored.load(Ordering::Acquire);
        if target <= state.served.borrow().attempted {
            continue;
        }
        let worker = Arc::clone(&state);
        let outcome = tokio::task::spawn_blocking(move || load(&worker.store, worker.as_of())).await;
        let done = match outcome {
            Ok(Ok((snapshot, seq))) => {
                state.replace(snapshot);
                state.analysed_seq.store(seq, Ordering::Release);
                true
            }
            Ok(Err(error)) => {
                eprintln!("error: cannot re-analyse the store after an ingest: {error:#}");
                false
            }
            Err(error) => {
                eprintln!("error: the re-analysis of the store failed: {error}");
                false
            }
        };
        state.served.send_modify(|served| {
            served.attempted = target;
            if done {
                served.generation = target;
            }
        });
    }
}

/// Loads the store and serves until Ctrl-C. `on_listen` is called with the bound address once
/// the socket listens (the demo prints the dashboard URL there).
pub fn run(options: ServeOptions, on_listen: &mut dyn FnMut(SocketAddr)) -> anyhow::Result<()> {
    let (snapshot, seq) = load(&options.store, options.as_of.unwrap_or_else(alaqat_export::today))?;
    let index = open_index(&options.store, &options.data);
    // Opened after the writing handle has brought the index in step with the store.
    let searcher = index.as_ref().and_then(|_| alaqat_pipeline::open_index(&options.data).ok()).map(Arc::new);
    let state = Arc::new(AppState {
        store: options.store.clone(),
        data: options.data.clone(),
        token: options.token.clone().filter(|t| !t.is_empty()),
        as_of: options.as_of,
        snapshot: RwLock::new(Arc::new(snapshot)),
        index: std::sync::Mutex::new(index),
        searcher: RwLock::new(searcher),
        ingest: Arc::new(tokio::sync::Mutex::new(())),
        stored: AtomicU64::new(0),
        served: tokio::sync::watch::Sender::new(Served::default()),
        refresh: tokio::sync::Notify::new(),
        analysed_seq: AtomicU64::new(seq),
        readers: std::sync::Mutex::new(Vec::new()),
    });
    if !options.poll.is_zero() {
        let watched = Arc::clone(&state);
        std::thread::Builder::new()
            .name("store-watcher".into())
            .spawn(move || watch(&watched, options.poll, seq))
            .context("cannot start the store watcher")?;
    }
    let app = router(Arc::clone(&state), &options.cors_origins)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .with_context(|| format!("cannot listen on {}", options.addr))?;
        let addr = listener.local_addr().context("cannot read the listening address")?;
        on_listen(addr);
        tokio::spawn(refresher(state));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // If Ctrl-C cannot be watched, serve until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .context("the server stopped")
    })
}

/// The store's search index, brought in step with the store (an ingest may have been cut
/// between the two commits). Search is optional: any failure is a warning and search answers
/// 503 while the rest of the API works.
fn open_index(store: &StoreAt, data: &Path) -> Option<alaqat_search::SearchIndex> {
    let store = store.open(false).ok()?;
    let mut index = alaqat_pipeline::open_index_for_ingest(data)?;
    match alaqat_pipeline::reconcile(&*store, &mut index) {
        Ok(done) if done.added + done.removed > 0 => {
            eprintln!("search index: {} documents added, {} removed to match the store", done.added, done.removed);
        }
        Ok(_) => {}
        Err(error) => eprintln!("warning: {error:#}; search may miss documents until the next start"),
    }
    Some(index)
}

/// Reads and analyses the store (which must exist), with its last `seq` read before it:
/// every document up to that one is in the snapshot.
fn load(store: &StoreAt, as_of: Date) -> anyhow::Result<(Snapshot, u64)> {
    let store = store.open(false)?;
    let seq = store.last_seq().context("cannot read the store")?;
    let mut mentions = snapshot::Mentions::default();
    let analysis = alaqat_export::load_with(&*store, as_of, &mut |d, stored| {
        mentions.add(d, stored);
    })?;
    Ok((Snapshot::new(analysis, mentions, as_of), seq))
}

/// Looks every `every` for documents other processes stored since `seen` (the store's last
/// `seq`): indexes them for this server's searches, and asks for a re-analysis unless one is
/// already on its way. Runs on a thread of its own for the server's life; a store it cannot
/// read is reported once per failure streak and tried again at the next poll.
fn watch(state: &AppState, every: Duration, mut seen: u64) {
    let mut store: Option<Box<dyn alaqat_store::Store>> = None;
    let mut failing = false;
    let mut index_failing = false;
    loop {
        std::thread::sleep(every);
        let polled = match &store {
            Some(open) => open.last_seq().map_err(anyhow::Error::new),
            None => state.store.open(false).map_err(anyhow::Error::new).and_then(|open| {
                let seq = open.last_seq().map_err(anyhow::Error::new);
                store = Some(open);
                seq
            }),
        };
        let last = match polled {
            Ok(last) => {
                failing = false;
                last
            }
            Err(error) => {
                if !failing {
                    eprintln!("warning: cannot look for new documents in the store: {error:#}");
                }
                failing = true;
                store = None;
                continue;
            }
        };
        if last != seen {
            // Tried again at the next poll until it succeeds: another process's ingest may hold
            // the index's writer lock until it ends.
            if let Some(open) = &store {
                match catch_up_index(state, &**open) {
                    Ok(()) => {
                        seen = last;
                        index_failing = false;
                    }
                    // Another process's ingest writes the index: it indexes what it stores.
                    Err(error) if is_busy(&error) => {}
                    Err(error) => {
                        if !index_failing {
                            eprintln!("warning: {error:#}; search may miss documents other processes stored");
                        }
                        index_failing = true;
                    }
                }
            }
        }
        // Asked at every poll, not only when `last` moved: an analysis under way may have read
        // the store before the last documents came, and this asks again once it is done. One
        // under way (or asked for) reads the store later than this poll did.
        if last > state.analysed_seq.load(Ordering::Acquire) && !state.analysing() {
            state.stored_more();
        }
    }
}

/// Indexes what the store holds and this server's index lacks (documents other processes
/// stored), under the ingest lock so that it never races this server's own ingests. Searches
/// then see whatever the index holds, also what another process's ingest committed to it.
fn catch_up_index(state: &AppState, store: &dyn alaqat_store::Store) -> anyhow::Result<()> {
    let _writer = state.ingest.blocking_lock();
    let mut index = state.index_write();
    let Some(index) = index.as_mut() else { return Ok(()) };
    let outcome = alaqat_pipeline::reconcile(store, index);
    state.reopen_searcher();
    Ok(outcome.map(|_| ())?)
}

/// Whether the index's writer lock is held by another process (an ingest under way).
fn is_busy(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| matches!(cause.downcast_ref::<alaqat_search::Error>(), Some(alaqat_search::Error::Busy)))
}

/// The whole application: API, OpenAPI document, dashboard, and the protective layers.
pub(crate) fn router(state: Arc<AppState>, cors_origins: &[String]) -> anyhow::Result<Router> {
    let (api, openapi) = api::routes().split_for_parts();
    let openapi_json = openapi.to_json().context("cannot write the OpenAPI document")?;
    let mut app = Router::new()
        .merge(api)
        .route(
            "/openapi.json",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], openapi_json) }),
        )
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/assets/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/assets/style.css", get(|| async { asset("text/css; charset=utf-8", STYLE_CSS) }))
        .fallback(|| async { problem::Problem::new(StatusCode::NOT_FOUND, "no such resource").into_response() })
        .with_state(state)
        // The cap is tower-http's (it cuts a body while it streams); axum's own default of 2 MiB
        // per extractor would otherwise refuse ingests far below it, with a plain-text 413.
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(middleware::from_fn(refuse_announced_oversize))
        .layer(middleware::from_fn(time_limit))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")));
    if !cors_origins.is_empty() {
        let origins = cors_origins
            .iter()
            .map(|o| HeaderValue::from_str(o).with_context(|| format!("`{o}` is not a valid CORS origin")))
            .collect::<anyhow::Result<Vec<_>>>()?;
        app = app
            .layer(CorsLayer::new().allow_origin(origins).allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]));
    }
    Ok(app)
}

/// Answers 503 with a problem document when a request runs over [`REQUEST_TIMEOUT`]. (An
/// ingest cut this way still finishes: its work runs in a task of its own.)
async fn time_limit(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => problem::Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the request took longer than the limit of {} s", REQUEST_TIMEOUT.as_secs()),
        )
        .into_response(),
    }
}

/// Refuses a body whose announced length is over [`MAX_BODY`] before reading any of it, with a
/// problem document (the body limit layer behind it answers such requests in plain text).
async fn refuse_announced_oversize(request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BODY as u64) {
        return problem::Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over the limit of {} MiB", MAX_BODY / (1024 * 1024)),
        )
        .into_response();
    }
    next.run(request).await
}

// The dashboard: three files compiled in, so the binary serves it with no CDN and no files
// beside it, and no path from a request ever reaches the file system.
const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const STYLE_CSS: &str = include_str!("../web/style.css");

/// A static asset, with a strict content security policy: only our own scripts and styles.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
            ),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// True when `given` equals `expected`, in time that does not depend on where they differ.
fn constant_time_eq(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
    }
}
