//! `alaqat serve`: the JSON HTTP API and the dashboard, from one binary.
//!
//! The server reads the store once into a [`Snapshot`] (the same corpus analysis the CLI
//! listings use, plus precomputed views) and answers every read from it; `POST /api/ingest`
//! stores new documents and swaps in a fresh snapshot. Reads never wait for an ingest: they keep
//! the snapshot they started with. One ingest runs at a time.
//!
//! Security defaults: bind to 127.0.0.1; writes need `Authorization: Bearer TOKEN` (compared in
//! constant time) and are disabled when no token is configured; request bodies are capped;
//! every request has a time limit; no CORS header unless an origin is configured.

mod api;
mod problem;
mod snapshot;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use alaqat_model::Date;
use anyhow::Context;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub(crate) use snapshot::Snapshot;

/// Largest request body accepted (a JSON Lines ingest).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;
/// Time limit of one request, ingest included.
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// How the server runs.
pub(crate) struct ServeOptions {
    /// The store directory.
    pub(crate) data: PathBuf,
    /// Where to listen (port 0 picks a free one).
    pub(crate) addr: SocketAddr,
    /// The bearer token writes need; none disables writes.
    pub(crate) token: Option<String>,
    /// The fixed date commitments are judged against; none means today, at each load.
    pub(crate) as_of: Option<Date>,
    /// Origins allowed to call the API from a browser (CORS); empty sends no CORS headers.
    pub(crate) cors_origins: Vec<String>,
}

/// What every handler shares.
pub(crate) struct AppState {
    data: PathBuf,
    token: Option<String>,
    as_of: Option<Date>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// The full-text index; none when it could not be opened (search answers 503 then).
    index: RwLock<Option<alaqat_search::SearchIndex>>,
    /// One writer at a time: the store is opened per ingest, under this lock.
    ingest: tokio::sync::Mutex<()>,
}

impl AppState {
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

    fn index_write(&self) -> std::sync::RwLockWriteGuard<'_, Option<alaqat_search::SearchIndex>> {
        match self.index.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    fn index_read(&self) -> std::sync::RwLockReadGuard<'_, Option<alaqat_search::SearchIndex>> {
        match self.index.read() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    fn as_of(&self) -> Date {
        self.as_of.unwrap_or_else(crate::analysis::today)
    }
}

/// Loads the store and serves until Ctrl-C. `on_listen` is called with the bound address once
/// the socket listens (the demo prints the dashboard URL there).
pub(crate) fn run(options: ServeOptions, on_listen: &mut dyn FnMut(SocketAddr)) -> anyhow::Result<()> {
    let snapshot = load(&options.data, options.as_of.unwrap_or_else(crate::analysis::today))?;
    let index = open_index(&options.data);
    let state = Arc::new(AppState {
        data: options.data.clone(),
        token: options.token.clone().filter(|t| !t.is_empty()),
        as_of: options.as_of,
        snapshot: RwLock::new(Arc::new(snapshot)),
        index: RwLock::new(index),
        ingest: tokio::sync::Mutex::new(()),
    });
    let app = router(state, &options.cors_origins)?;
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
fn open_index(data: &Path) -> Option<alaqat_search::SearchIndex> {
    let store = crate::open_store(data, false).ok()?;
    let mut index = crate::search::open_index_for_ingest(data)?;
    match crate::search::reconcile(&store, &mut index) {
        Ok(done) if done.added + done.removed > 0 => {
            eprintln!("search index: {} documents added, {} removed to match the store", done.added, done.removed);
        }
        Ok(_) => {}
        Err(error) => eprintln!("warning: {error:#}; search may miss documents until the next start"),
    }
    Some(index)
}

/// Reads and analyses the store in `data` (which must exist).
fn load(data: &Path, as_of: Date) -> anyhow::Result<Snapshot> {
    let store = crate::open_store(data, false)?;
    let analysis = crate::analysis::load(&store, as_of)?;
    Ok(Snapshot::new(analysis, as_of))
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
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
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

// The dashboard: three files compiled in, so the binary serves it with no CDN and no files
// beside it, and no path from a request ever reaches the file system.
const INDEX_HTML: &str = include_str!("../../web/index.html");
const APP_JS: &str = include_str!("../../web/app.js");
const STYLE_CSS: &str = include_str!("../../web/style.css");

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
