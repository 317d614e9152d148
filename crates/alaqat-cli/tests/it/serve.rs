//! The HTTP API against a real server: the built binary listening on a loopback port, called
//! over TCP with an HTTP client.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::backend::{both_backends, Backend};
use crate::{alaqat, stderr, write};

both_backends!(
    reads_health_stats_dyads_events_and_timeline,
    documents_entities_network_conflicts_commitments,
    errors_are_problem_documents,
    openapi_document_lists_every_endpoint,
    ingest_needs_the_token_and_grows_the_store,
    a_server_without_a_token_refuses_writes,
    search_normalizes_arabic_highlights_and_filters,
    injection_strings_in_every_filter_are_only_values,
    a_search_page_past_the_end_is_empty_and_the_server_lives_on,
    ingest_takes_bodies_up_to_16_mib_and_refuses_larger_or_empty_ones_with_problems,
    parameters_take_exactly_what_the_openapi_document_says,
    ingest_answers_once_stored_and_the_analysis_follows,
    a_search_does_not_wait_for_an_ingest,
    an_ingest_by_another_process_is_served_and_searchable,
);

// Fixture texts, written for these tests.
const VISIT_1994: &str = "الرياض، 25 سبتمبر 1994 — وصل الرئيس الكازاخستاني نور سلطان نزارباييف إلى الرياض في زيارة رسمية، واستقبله خادم الحرمين الشريفين الملك فهد بن عبدالعزيز.\n";
const MEETING_2025: &str = "الرياض، 18 ديسمبر 2025 — استقبل وزير الداخلية السعودي الأمير عبدالعزيز بن سعود بن نايف في الرياض نظيره الكازاخستاني إرجان سادينوف، وبحث الجانبان التعاون الأمني بين البلدين.\n";
const QATAR_EN: &str = "DOHA, March 4, 2024 — The foreign ministers of Qatar and Turkey met in Doha and discussed trade and defense cooperation.\n";
const PROMISE: &str =
    "أستانا، 3 نوفمبر 2025 — اتفقت السعودية وكازاخستان على إنشاء مجلس أعمال مشترك خلال الربع الأول من عام 2026.\n";

/// A running `alaqat serve`, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Ingests the fixtures into the store of `backend` (in `data` when embedded) and serves it
/// with `token`.
fn serve(backend: &Backend, data: &Path, token: Option<&str>) -> Server {
    let input = data.parent().unwrap().join("input");
    std::fs::create_dir_all(&input).unwrap();
    for (name, text) in [
        ("visit_1994.txt", VISIT_1994),
        ("meeting_2025.txt", MEETING_2025),
        ("qatar.txt", QATAR_EN),
        ("promise.txt", PROMISE),
    ] {
        write(&input, name, text);
    }
    let out = alaqat(data).args(backend.args()).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Polls for what other processes store every second, not every 2: tests wait less.
    start(backend, data, token, &["--poll", "1"])
}

/// Serves the store of `backend` with `token` (and more arguments), its search index in `data`.
fn start(backend: &Backend, data: &Path, token: Option<&str>, more: &[&str]) -> Server {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("alaqat"));
    cmd.env_remove("ALAQAT_DATA")
        .env_remove("ALAQAT_STORE")
        .env_remove("ALAQAT_TOKEN")
        .args(["serve", "--addr", "127.0.0.1:0", "--as-of", "2026-12-01", "--data"])
        .arg(data)
        .args(backend.args())
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(token) = token {
        cmd.args(["--token", token]);
    }
    let mut child = cmd.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().strip_prefix("dashboard: ").unwrap_or_else(|| panic!("no dashboard line: {line:?}"));
    Server { base: base.trim_end_matches('/').to_owned(), child }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// GET `path`: (status, content type, body).
fn get(server: &Server, path: &str) -> (u16, String, String) {
    let mut response = agent().get(format!("{}{path}", server.base)).call().unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (status, content_type, response.body_mut().read_to_string().unwrap())
}

fn get_json(server: &Server, path: &str) -> Value {
    let (status, content_type, body) = get(server, path);
    assert_eq!(status, 200, "GET {path}: {body}");
    assert!(content_type.starts_with("application/json"), "GET {path}: {content_type}");
    serde_json::from_str(&body).unwrap()
}

/// Asserts a problem document with this status.
fn assert_problem(server: &Server, path: &str, status: u16) -> Value {
    let (got, content_type, body) = get(server, path);
    assert_eq!(got, status, "GET {path}: {body}");
    assert_eq!(content_type, "application/problem+json", "GET {path}");
    let problem: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["status"], status);
    assert!(problem["detail"].as_str().is_some_and(|d| !d.is_empty()));
    problem
}

fn reads_health_stats_dyads_events_and_timeline(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);

    assert_eq!(get_json(&server, "/healthz"), serde_json::json!({"status": "ok", "documents": 4, "pending": false}));
    let stats = get_json(&server, "/api/stats");
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["languages"]["ar"], 3);
    assert_eq!(stats["languages"]["en"], 1);

    let dyads = get_json(&server, "/api/dyads");
    let first = &dyads[0];
    assert_eq!((first["a"].as_str(), first["b"].as_str()), (Some("KAZ"), Some("SAU")), "{dyads}");
    assert_eq!(first["b_name"]["ar"], "السعودية");
    assert!(dyads.as_array().unwrap().iter().any(|d| d["a"] == "QAT" && d["b"] == "TUR"), "{dyads}");

    // Names resolve like codes; the dyad is symmetric.
    let timeline = get_json(&server, "/api/timeline?a=%D8%A7%D9%84%D8%B3%D8%B9%D9%88%D8%AF%D9%8A%D8%A9&b=KAZ");
    let dates: Vec<&str> =
        timeline["events"].as_array().unwrap().iter().map(|e| e["date"]["start"].as_str().unwrap()).collect();
    assert!(dates.first().is_some_and(|d| d.starts_with("1994-09")), "{dates:?}");
    assert!(dates.iter().any(|d| d.starts_with("2025-12-18")), "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "date order: {dates:?}");
    let months: Vec<&str> =
        timeline["months"].as_array().unwrap().iter().map(|m| m["month"].as_str().unwrap()).collect();
    assert_eq!(months.first(), Some(&"1994-09"));
    assert!(months.contains(&"2025-12"));

    // The evidence offsets are code points into the document's text.
    let event = &timeline["events"][0];
    let doc = get_json(&server, &format!("/api/documents/{}", event["evidence"]["document"].as_str().unwrap()));
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (start, end) =
        (event["evidence"]["start"].as_u64().unwrap() as usize, event["evidence"]["end"].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>(), event["evidence"]["text"].as_str().unwrap());
    // The server holds no mentions or date expressions: the page reads the document whole
    // from the store, and gives its events their fused ids.
    let slice = |item: &serde_json::Value| {
        let (start, end) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
        text[start..end].iter().collect::<String>()
    };
    for list in ["mentions", "dates"] {
        let items = doc[list].as_array().unwrap();
        assert!(!items.is_empty(), "{list}: {doc}");
        assert!(items.iter().all(|item| item["text"].as_str() == Some(slice(item).as_str())), "{list}: {doc}");
    }
    assert!(doc["events"].as_array().unwrap().iter().all(|e| e["fused"].is_string()), "{doc}");

    let visits = get_json(&server, "/api/events?dyad=SAU,KAZ&code=042&to=2000-01-01");
    assert_eq!(visits["total"], 1, "{visits}");
    assert_eq!(visits["items"][0]["source"]["country"], "KAZ");
    let english = get_json(&server, "/api/events?actor=QAT&limit=1");
    assert!(english["total"].as_u64().unwrap() >= 1);
    assert_eq!(english["items"].as_array().unwrap().len(), 1);
    let none = get_json(&server, "/api/events?dyad=SAU,KAZ&from=2030-01-01");
    assert_eq!(none["total"], 0);

    // The dyad and entity lists read the snapshot's indexes: they give what filtering every
    // event gives, in the same order.
    let all = get_json(&server, "/api/events?limit=500");
    let all = all["items"].as_array().unwrap();
    let ids = |page: &Value| -> Vec<String> {
        page["items"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_owned()).collect()
    };
    let between = |e: &&Value, a: &str, b: &str| {
        let (s, t) = (e["source"]["country"].as_str(), e["target"]["country"].as_str());
        (s == Some(a) && t == Some(b)) || (s == Some(b) && t == Some(a))
    };
    for (a, b) in [("KAZ", "SAU"), ("TUR", "QAT"), ("KAZ", "KAZ")] {
        let scanned: Vec<String> =
            all.iter().filter(|e| between(e, a, b)).map(|e| e["id"].as_str().unwrap().to_owned()).collect();
        let indexed = get_json(&server, &format!("/api/events?dyad={b},{a}&limit=500"));
        assert_eq!(ids(&indexed), scanned, "dyad {a},{b}");
    }
    let acts = |e: &&Value, id: &str| e["source"]["entity"] == id || e["target"]["entity"] == id;
    let sadenov: Vec<String> =
        all.iter().filter(|e| acts(e, "per:sadenov")).map(|e| e["id"].as_str().unwrap().to_owned()).collect();
    assert!(!sadenov.is_empty());
    assert_eq!(ids(&get_json(&server, "/api/events?entity=per:sadenov&limit=500")), sadenov);
    let dyads = dyads.as_array().unwrap();
    let kaz_sau = dyads.iter().find(|d| d["a"] == "KAZ" && d["b"] == "SAU").unwrap();
    let counted = all.iter().filter(|e| between(e, "KAZ", "SAU")).count();
    assert_eq!(kaz_sau["events"].as_u64(), Some(counted as u64), "{kaz_sau}");
}

fn documents_entities_network_conflicts_commitments(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);

    let docs = get_json(&server, "/api/documents?lang=en");
    assert_eq!(docs["total"], 1);
    assert!(docs["items"][0]["source"].as_str().unwrap().ends_with("qatar.txt"));
    let page = get_json(&server, "/api/documents?limit=2&offset=3");
    assert_eq!((page["total"].as_u64(), page["items"].as_array().unwrap().len()), (Some(4), 1));

    let people = get_json(&server, "/api/entities?kind=person&limit=500");
    let sadenov = people["items"].as_array().unwrap().iter().find(|e| e["id"] == "per:sadenov").expect("per:sadenov");
    assert!(sadenov["events"].as_u64().unwrap() >= 1);
    let one = get_json(&server, "/api/entities/per:sadenov");
    assert!(one["mentions"].as_array().unwrap().iter().all(|m| m["text"].as_str().is_some_and(|t| !t.is_empty())));
    // Every mention the count gives is listed (fewer than 500), in document order.
    assert_eq!(one["mentions"].as_array().unwrap().len() as u64, sadenov["mentions"].as_u64().unwrap(), "{one}");
    let kazakhstan = get_json(&server, "/api/entities/KAZ");
    let listed = kazakhstan["mentions"].as_array().unwrap();
    assert!(listed.len() >= 2, "{kazakhstan}");
    assert_eq!(listed.len() as u64, kazakhstan["entity"]["mentions"].as_u64().unwrap());
    assert!(listed.iter().all(|m| m["text"].as_str().is_some_and(|t| !t.is_empty())), "{kazakhstan}");
    assert!(!one["events"].as_array().unwrap().is_empty());

    // The whole network is built once per snapshot: asked twice, the same answer.
    let whole = get_json(&server, "/api/network");
    assert!(whole["edges"].as_array().is_some_and(|e| !e.is_empty()), "{whole}");
    assert_eq!(get_json(&server, "/api/network"), whole);
    let network = get_json(&server, "/api/network?dyad=SAU,KAZ");
    let edges = network["edges"].as_array().unwrap();
    assert!(edges.iter().any(|e| e["source"] == "per:sadenov" || e["target"] == "per:sadenov"), "{network}");
    assert!(edges.iter().all(|e| e["weight"].as_u64().unwrap() >= 1));

    assert_eq!(get_json(&server, "/api/conflicts"), serde_json::json!([]));
    let commitments = get_json(&server, "/api/commitments");
    assert_eq!(commitments[0]["status"], "overdue", "{commitments}");
    let earlier = get_json(&server, "/api/commitments?as_of=2026-01-15");
    assert_eq!(earlier[0]["status"], "pending", "{earlier}");
}

fn errors_are_problem_documents(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    assert_problem(&server, "/api/documents/nope", 404);
    assert_problem(&server, "/api/entities/per:nobody", 404);
    assert_problem(&server, "/api/nothing-here", 404);
    assert_problem(&server, "/api/events?limit=100000", 400);
    assert_problem(&server, "/api/events?limit=abc", 400);
    assert_problem(&server, "/api/events?dyad=SAU", 400);
    assert_problem(&server, "/api/events?dyad=SAU,Atlantis", 400);
    assert_problem(&server, "/api/events?from=yesterday", 400);
    assert_problem(&server, "/api/events?modality=maybe", 400);
    assert_problem(&server, "/api/timeline?a=SAU", 400);
    // Injection strings are values, never code: they just match nothing.
    let sneaky = get_json(&server, "/api/events?q=%27%3B%20DROP%20TABLE%20documents%3B--");
    assert_eq!(sneaky["total"], 0);
    assert_eq!(get_json(&server, "/healthz")["documents"], 4);
    // The static files are three fixed routes: no path reaches the file system.
    assert_problem(&server, "/assets/..%2F..%2FCargo.toml", 404);
    assert_problem(&server, "/assets/../../../etc/passwd", 404);
}

fn openapi_document_lists_every_endpoint(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    let openapi = get_json(&server, "/openapi.json");
    assert!(openapi["openapi"].as_str().unwrap().starts_with("3."));
    let paths = openapi["paths"].as_object().unwrap();
    for path in [
        "/healthz",
        "/api/stats",
        "/api/dyads",
        "/api/documents",
        "/api/documents/{id}",
        "/api/events",
        "/api/timeline",
        "/api/entities",
        "/api/entities/{id}",
        "/api/network",
        "/api/conflicts",
        "/api/commitments",
        "/api/search",
        "/api/ingest",
    ] {
        assert!(paths.contains_key(path), "{path} missing from /openapi.json");
    }
    assert!(paths["/api/ingest"]["post"].is_object());
    let (status, content_type, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    assert!(body.contains("/assets/app.js"));
}

fn ingest_needs_the_token_and_grows_the_store(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), Some("s3cret-token"));
    let line = serde_json::json!({"id": "wire-1", "lang": "en", "published": "2024-05-02",
        "text": "ASTANA, May 2, 2024 — President Tokayev received the Emir of Qatar in Astana for talks on investment."});
    let bad = "{not json";
    let body = format!("{line}\n{bad}\n");
    let post = |token: Option<&str>| {
        // `wait`: the answer comes once every read serves the new document.
        let mut request = agent().post(format!("{}/api/ingest?wait=true", server.base));
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let mut response = request.header("Content-Type", "application/x-ndjson").send(body.as_str()).unwrap();
        (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
    };
    assert_eq!(post(None).0, 401);
    assert_eq!(post(Some("s3cret-tokeN")).0, 401);
    assert_eq!(post(Some("s3cret-token-and-more")).0, 401);
    assert_eq!(get_json(&server, "/healthz")["documents"], 4, "a refused write changes nothing");

    let (status, body) = post(Some("s3cret-token"));
    assert_eq!(status, 200, "{body}");
    let summary: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(summary["ingested"], 1, "{summary}");
    assert_eq!(summary["failed"].as_array().unwrap().len(), 1, "{summary}");
    assert!(summary["failed"][0]["source"].as_str().unwrap().contains("request"), "{summary}");
    assert_eq!(get_json(&server, "/healthz")["documents"], 5);
    let qatar = get_json(&server, "/api/events?dyad=KAZ,QAT");
    assert!(qatar["total"].as_u64().unwrap() >= 1, "{qatar}");
    // The new document is searchable at once.
    let found = get_json(&server, "/api/search?q=Emir&lang=en");
    assert!(found["items"].as_array().unwrap().iter().any(|h| h["source"] == "wire-1"), "{found}");
    // The same content again is unchanged.
    let (_, again) = post(Some("s3cret-token"));
    assert_eq!(serde_json::from_str::<Value>(&again).unwrap()["unchanged"], 1);
}

fn a_server_without_a_token_refuses_writes(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    let mut response = agent()
        .post(format!("{}/api/ingest", server.base))
        .header("Authorization", "Bearer anything")
        .send("{\"text\": \"x\"}\n")
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let problem: Value = serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("--token"));
}

#[test]
fn demo_ends_by_serving_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(&corpus, "visit.txt", VISIT_1994);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("alaqat"))
        .env_remove("ALAQAT_DATA")
        .args(["demo", "--addr", "127.0.0.1:0", "--corpus"])
        .arg(&corpus)
        .arg("--data")
        .arg(dir.path().join("demo-store"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut summary = Vec::new();
    let mut base = None;
    for line in lines {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("dashboard: ") {
            base = Some(url.trim_end_matches('/').to_owned());
            break;
        }
        summary.push(line);
    }
    let server = Server { child, base: base.expect("a dashboard line after the summary") };
    assert!(summary.iter().any(|l| l.contains("documents: 1")), "{summary:?}");
    assert_eq!(get_json(&server, "/healthz")["documents"], 1);
    let (status, _, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(body.contains("dir=\"rtl\""), "the dashboard is right-to-left by default");
}

fn search_normalizes_arabic_highlights_and_filters(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    // «عبد العزيز» written apart finds «عبدالعزيز» written together.
    let found = get_json(&server, "/api/search?q=%D8%B9%D8%A8%D8%AF%20%D8%A7%D9%84%D8%B9%D8%B2%D9%8A%D8%B2");
    let items = found["items"].as_array().unwrap();
    assert!(!items.is_empty(), "{found}");
    for hit in items {
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        let marks = hit["highlights"].as_array().unwrap();
        assert!(!marks.is_empty(), "{hit}");
        for mark in marks {
            let (s, e) = (mark[0].as_u64().unwrap() as usize, mark[1].as_u64().unwrap() as usize);
            let word: String = snippet[s..e].iter().collect();
            assert!(word.contains("عبد"), "highlight {word:?} in {hit}");
        }
    }
    // A country adjective finds the country; the language filter keeps Arabic out.
    let adjective = "/api/search?q=%D8%A7%D9%84%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86%D9%8A%D8%A9";
    assert!(get_json(&server, adjective)["total"].as_u64().unwrap() >= 2);
    assert_eq!(get_json(&server, &format!("{adjective}&lang=en"))["total"], 0);
    let qatar = get_json(&server, "/api/search?q=defense&dyad=QAT,TUR");
    assert!(qatar["total"].as_u64().unwrap() >= 1, "{qatar}");
    assert_eq!(get_json(&server, "/api/search?q=defense&dyad=SAU,KAZ")["total"], 0);
    assert_problem(&server, "/api/search?q=x&lang=klingon", 400);
}

fn injection_strings_in_every_filter_are_only_values(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    let attacks =
        ["' OR '1'='1", "\"; DROP TABLE documents; --", "%00", "../../etc/passwd", "<script>x</script>", "SAU,KAZ'--"];
    let endpoints: [(&str, &[&str]); 6] = [
        ("/api/events", &["dyad", "actor", "code", "from", "to", "modality", "q", "entity"]),
        ("/api/timeline?a=SAU&b=KAZ", &["all"]),
        ("/api/documents", &["lang"]),
        ("/api/entities", &["kind", "q"]),
        ("/api/search", &["q", "dyad", "from", "to", "lang"]),
        ("/api/commitments", &["as_of"]),
    ];
    for (path, params) in endpoints {
        for param in params {
            for attack in attacks {
                let encoded: String = attack.bytes().map(|b| format!("%{b:02X}")).collect();
                let sep = if path.contains('?') { '&' } else { '?' };
                let url = format!("{path}{sep}{param}={encoded}");
                let (status, content_type, body) = get(&server, &url);
                // Either the value is rejected with a problem, or it is a value that matches
                // nothing: never a server error.
                match status {
                    200 => assert!(content_type.starts_with("application/json"), "{url}"),
                    400 => assert_eq!(content_type, "application/problem+json", "{url}: {body}"),
                    other => panic!("{url}: status {other}: {body}"),
                }
            }
        }
    }
    let stats = get_json(&server, "/api/stats");
    assert_eq!(stats["documents"], 4, "the store is intact");
}

/// POSTs `body` to /api/ingest (with `query`) with the token: (status, content type, body).
fn post_ingest(server: &Server, query: &str, token: &str, body: impl AsRef<[u8]>) -> (u16, String, String) {
    let mut response = agent()
        .post(format!("{}/api/ingest{query}", server.base))
        .header("Authorization", &format!("Bearer {token}"))
        .header("Content-Type", "application/x-ndjson")
        .send(body.as_ref())
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (status, content_type, response.body_mut().read_to_string().unwrap())
}

/// `n` distinct JSON Lines documents (`prefix-0` ...), each about as long as a short article.
fn jsonl_documents(prefix: &str, n: usize, padding: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!(
                "DOHA, March {}, 2024 — The foreign ministers of Qatar and Turkey met in Doha on trade, dispatch {prefix} {i}. {}",
                i % 28 + 1,
                "The talks covered investment and energy. ".repeat(padding)
            );
            format!("{}\n", serde_json::json!({"id": format!("{prefix}-{i}"), "lang": "en", "text": text}))
        })
        .collect()
}

/// Found by Schemathesis: a search page far past the end made the index keep `offset` hits
/// and the allocation aborted the whole server.
fn a_search_page_past_the_end_is_empty_and_the_server_lives_on(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    let far = get_json(&server, "/api/search?q=Doha&offset=4294967295");
    assert_eq!(far["items"], serde_json::json!([]), "{far}");
    assert!(far["total"].as_u64().unwrap() >= 1, "{far}");
    let everything = get_json(&server, "/api/search?offset=4294967000&limit=500");
    assert_eq!(everything["items"], serde_json::json!([]));
    // The largest offset is documented, and one past it refused.
    assert_problem(&server, "/api/search?q=Doha&offset=4294967296", 400);
    assert_problem(&server, "/api/search?q=Doha&offset=21838752213820", 400);
    assert_problem(&server, "/api/events?offset=99999999999999999999999", 400);
    // Paging still works, and the server is still up.
    let all = get_json(&server, "/api/search?q=Doha");
    let second = get_json(&server, "/api/search?q=Doha&offset=1&limit=1");
    assert_eq!(second["total"], all["total"]);
    if all["total"].as_u64().unwrap() >= 2 {
        assert_eq!(second["items"][0], all["items"][1]);
    }
    assert_eq!(get_json(&server, "/healthz")["status"], "ok");
}

/// Found with Schemathesis: axum's own 2 MiB body limit refused ingests far below the
/// documented 16 MiB, in plain text; an empty body "ingested" nothing with a 200.
fn ingest_takes_bodies_up_to_16_mib_and_refuses_larger_or_empty_ones_with_problems(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), Some("tok"));
    let body = jsonl_documents("big", 600, 120);
    // Over axum's default limit of 2 MiB, under ours.
    assert!(body.len() > 5 * 512 * 1024 && body.len() < 16 * 1024 * 1024, "{}", body.len());
    let (status, _, answer) = post_ingest(&server, "", "tok", &body);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(serde_json::from_str::<Value>(&answer).unwrap()["ingested"], 600, "{answer}");

    // A larger body is refused on its announced length, before any of it is read (so the
    // request is written by hand: a client sending the body would be cut off).
    let address = server.base.strip_prefix("http://").unwrap();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST /api/ingest HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer tok\r\nContent-Length: {}\r\n\r\n",
        16 * 1024 * 1024 + 1
    )
    .unwrap();
    let mut answer = String::new();
    let mut reader = BufReader::new(stream);
    reader.read_line(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    let mut headers = String::new();
    while reader.read_line(&mut answer).unwrap() > 2 {
        headers.push_str(&answer);
        answer.clear();
    }
    assert!(headers.contains("content-type: application/problem+json"), "{headers}");

    for empty in ["", "\n \n"] {
        let (status, content_type, answer) = post_ingest(&server, "", "tok", empty);
        assert_eq!((status, content_type.as_str()), (400, "application/problem+json"), "{empty:?}: {answer}");
    }
    let (status, content_type, _) = post_ingest(&server, "?wait=maybe", "tok", jsonl_documents("maybe", 1, 1));
    assert_eq!((status, content_type.as_str()), (400, "application/problem+json"));
}

/// Found with Schemathesis: parameters took more than /openapi.json says (other spellings of
/// the languages, padded modalities, dates in other shapes), and it left statuses undocumented.
fn parameters_take_exactly_what_the_openapi_document_says(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), None);
    assert_eq!(get_json(&server, "/api/documents?lang=ar")["total"], 3);
    // Documents in both languages are `mixed`; the filter reaches them too (none here).
    assert_eq!(get_json(&server, "/api/documents?lang=mixed")["total"], 0);
    for path in [
        "/api/documents?lang=arabic",
        "/api/documents?lang=AR",
        "/api/documents?lang=",
        "/api/documents?limit=0",
        "/api/documents?limit=501",
        "/api/events?modality=%20asserted",
        "/api/events?from=20240101",
        "/api/events?from=2024-01-01T00:00",
        "/api/events?to=%2B002024-01-01",
        "/api/commitments?as_of=2026-1-15",
        "/api/entities?kind=people",
    ] {
        assert_problem(&server, path, 400);
    }
    let dated = get_json(&server, "/api/events?modality=asserted&from=1990-01-01&to=2030-12-31");
    assert!(dated["total"].as_u64().unwrap() >= 2, "{dated}");

    let openapi = get_json(&server, "/openapi.json");
    let parameter = |path: &str, name: &str| -> Value {
        openapi["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path}: no parameter {name}"))["schema"]
            .clone()
    };
    assert_eq!(parameter("/api/documents", "lang")["enum"], serde_json::json!(["ar", "en", "mixed"]));
    assert_eq!(parameter("/api/events", "modality")["enum"].as_array().unwrap().len(), 5);
    assert_eq!(parameter("/api/events", "from")["format"], "date");
    assert_eq!(
        (parameter("/api/events", "limit")["minimum"].as_f64(), parameter("/api/events", "limit")["maximum"].as_f64()),
        (Some(1.0), Some(500.0))
    );
    assert_eq!(parameter("/api/search", "offset")["maximum"].as_f64(), Some(4294967295.0));
    // Every response is described, and every error is a problem document.
    for (path, item) in openapi["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                assert!(response["description"].as_str().is_some_and(|d| !d.is_empty()), "{method} {path} {status}");
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(response["content"]["application/problem+json"].is_object(), "{method} {path} {status}");
                }
            }
            let takes_parameters = operation["parameters"].as_array().is_some_and(|p| !p.is_empty());
            if takes_parameters {
                assert!(operation["responses"]["400"].is_object(), "{method} {path} documents no 400");
            }
        }
    }
    let ingest = &openapi["paths"]["/api/ingest"]["post"];
    for status in ["400", "401", "403", "413"] {
        assert!(ingest["responses"][status].is_object(), "ingest documents no {status}");
    }
    let body = &ingest["requestBody"]["content"]["application/x-ndjson"]["schema"];
    assert_eq!(body["$ref"], "#/components/schemas/IngestLines");
    assert_eq!(openapi["components"]["schemas"]["IngestLines"]["minItems"], 1);
    assert_eq!(openapi["components"]["schemas"]["IngestDocument"]["required"], serde_json::json!(["text"]));
}

/// Found with the load test: every ingest re-analysed the whole store before answering (seconds
/// on a store of thousands of documents, so a stream of ingests slowed down without bound).
/// Now it answers once the documents are stored and searchable, and the analysis follows.
fn ingest_answers_once_stored_and_the_analysis_follows(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), Some("tok"));
    let (status, _, answer) = post_ingest(&server, "", "tok", jsonl_documents("wire", 3, 1));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(serde_json::from_str::<Value>(&answer).unwrap()["ingested"], 3);
    // Searchable at once.
    let found = get_json(&server, "/api/search?q=%22dispatch%20wire%202%22");
    assert!(found["items"].as_array().unwrap().iter().any(|h| h["source"] == "wire-2"), "{found}");
    // The other reads follow.
    let mut health = get_json(&server, "/healthz");
    for _ in 0..200 {
        if health["pending"] == false {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        health = get_json(&server, "/healthz");
    }
    assert_eq!(health, serde_json::json!({"status": "ok", "documents": 7, "pending": false}));
    assert_eq!(get_json(&server, "/api/stats")["documents"], 7);
    assert_eq!(get_json(&server, "/api/documents?lang=en")["total"], 4);
    // Nothing new: nothing to analyse, and `wait` does not wait for anything.
    let (status, _, answer) = post_ingest(&server, "?wait=true", "tok", jsonl_documents("wire", 3, 1));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(serde_json::from_str::<Value>(&answer).unwrap()["unchanged"], 3);
    assert_eq!(get_json(&server, "/healthz")["pending"], false);
}

/// Found with the load test: a search waited for the ingest writing the index, for the whole
/// ingest. It now reads the index as of the last ingest.
fn a_search_does_not_wait_for_an_ingest(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(backend, &dir.path().join("store"), Some("tok"));
    let base = server.base.clone();
    let body = jsonl_documents("slow", 1500, 20);
    let ingest = std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let mut response = agent()
            .post(format!("{base}/api/ingest"))
            .header("Authorization", "Bearer tok")
            .send(body.as_str())
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{}", response.body_mut().read_to_string().unwrap());
        started.elapsed()
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    let started = std::time::Instant::now();
    let found = get_json(&server, "/api/search?q=Doha");
    let search = started.elapsed();
    let ingest = ingest.join().unwrap();
    assert!(found["total"].as_u64().unwrap() >= 1);
    // Only meaningful when the ingest was long enough to be waited for.
    if ingest > std::time::Duration::from_millis(1500) {
        assert!(search * 4 < ingest, "a search took {search:?} during an ingest of {ingest:?}");
    } else {
        eprintln!("the ingest took only {ingest:?}: nothing to measure");
    }
    let after = get_json(&server, "/api/search?q=%22dispatch%20slow%201499%22");
    assert_eq!(after["items"][0]["source"], "slow-1499", "{after}");
}

/// Polls `/healthz` until the server serves `documents` documents with nothing pending (at
/// most 20 s); returns the last answer.
fn wait_for_documents(server: &Server, documents: u64) -> Value {
    let mut health = get_json(server, "/healthz");
    for _ in 0..400 {
        if health["documents"] == documents && health["pending"] == false {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        health = get_json(server, "/healthz");
    }
    health
}

/// Whether a search answer has a hit from a source ending in `suffix`.
fn found_source(found: &Value, suffix: &str) -> bool {
    found["items"].as_array().unwrap().iter().any(|h| h["source"].as_str().unwrap().ends_with(suffix))
}

/// Polls the search `path` until a hit comes from a source ending in `suffix` (at most 10 s);
/// returns the last answer.
fn wait_for_search(server: &Server, path: &str, suffix: &str) -> Value {
    let mut found = get_json(server, path);
    for _ in 0..200 {
        if found_source(&found, suffix) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        found = get_json(server, path);
    }
    found
}

/// A document `alaqat ingest` stores while the server runs is served and found by search: the
/// server notices what other processes store.
fn an_ingest_by_another_process_is_served_and_searchable(backend: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let server = serve(backend, &data, None);
    assert_eq!(get_json(&server, "/healthz")["documents"], 4);

    let input = dir.path().join("later");
    std::fs::create_dir(&input).unwrap();
    write(
        &input,
        "emir.txt",
        "ASTANA, May 2, 2024 — President Tokayev received the Emir of Qatar in Astana for talks on investment.\n",
    );
    // With the embedded store this ingest finds the search index held by the server: it stores
    // the document all the same and the server indexes it.
    let other = match backend {
        Backend::Embedded => data.clone(),
        Backend::Postgres(_) => dir.path().join("other"),
    };
    let out = alaqat(&other).args(backend.args()).arg("--quiet").arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let health = wait_for_documents(&server, 5);
    assert_eq!(health, serde_json::json!({"status": "ok", "documents": 5, "pending": false}));
    let qatar = get_json(&server, "/api/events?dyad=KAZ,QAT");
    assert!(qatar["total"].as_u64().unwrap() >= 1, "{qatar}");
    // Searchable soon after: with the embedded store the ingest may still hold the index's
    // writer lock when the server notices the document, and the server then looks again at its
    // next poll (or sees the ingest's own commit).
    let found = wait_for_search(&server, "/api/search?q=Emir&lang=en", "emir.txt");
    assert!(found_source(&found, "emir.txt"), "{found}");
}

/// A document stored while another process holds the embedded index's writer lock (a long
/// ingest, here a handle the test keeps) is indexed by the server once the lock is free: the
/// server keeps trying, it does not give up after the first poll.
#[test]
fn a_document_stored_while_the_index_is_locked_is_searchable_once_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let server = serve(&Backend::Embedded, &data, None);
    let mut holder = alaqat_search::SearchIndex::open(&data.join("search")).unwrap();
    holder.stage(&[]).unwrap();

    let input = dir.path().join("later");
    std::fs::create_dir(&input).unwrap();
    write(&input, "emir.txt", "ASTANA, May 2, 2024 — President Tokayev received the Emir of Qatar in Astana.\n");
    let out = alaqat(&data).arg("--quiet").arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(wait_for_documents(&server, 5)["documents"], 5);
    // A few polls while the lock is held.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(get_json(&server, "/api/search?q=Emir&lang=en")["total"], 0);

    drop(holder);
    let found = wait_for_search(&server, "/api/search?q=Emir&lang=en", "emir.txt");
    assert!(found["items"][0]["source"].as_str().unwrap().ends_with("emir.txt"), "{found}");
}

/// Two servers over one PostgreSQL store, each with its own search index: what one ingests,
/// the other serves and finds.
#[test]
fn two_servers_over_one_postgres_store_serve_each_others_ingests() {
    let Some(schema) = crate::backend::Schema::create() else { return };
    let backend = Backend::Postgres(schema);
    let dir = tempfile::tempdir().unwrap();
    let first = serve(&backend, &dir.path().join("one"), Some("tok"));
    let second = start(&backend, &dir.path().join("two"), Some("tok"), &["--poll", "1"]);
    assert_eq!(get_json(&second, "/healthz")["documents"], 4);
    assert_eq!(get_json(&second, "/api/search?q=Doha")["total"], get_json(&first, "/api/search?q=Doha")["total"]);

    let (status, _, answer) = post_ingest(&first, "?wait=true", "tok", jsonl_documents("wire", 3, 1));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(get_json(&first, "/healthz")["documents"], 7);
    let health = wait_for_documents(&second, 7);
    assert_eq!(health, serde_json::json!({"status": "ok", "documents": 7, "pending": false}));
    assert_eq!(get_json(&second, "/api/documents?lang=en")["total"], 4);
    let events = |server: &Server| get_json(server, "/api/events?dyad=QAT,TUR&limit=500")["total"].clone();
    assert_eq!(events(&second), events(&first));
    let found = get_json(&second, "/api/search?q=%22dispatch%20wire%202%22");
    assert!(found["items"].as_array().unwrap().iter().any(|h| h["source"] == "wire-2"), "{found}");

    // And the other way round: the second server's ingest reaches the first.
    let (status, _, answer) = post_ingest(&second, "", "tok", jsonl_documents("back", 2, 1));
    assert_eq!(status, 200, "{answer}");
    assert_eq!(wait_for_documents(&first, 9)["documents"], 9);
    assert!(get_json(&first, "/api/search?q=%22dispatch%20back%201%22")["total"].as_u64() >= Some(1));
}
