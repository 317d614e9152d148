//! The HTTP API against a real server: the built binary listening on a loopback port, called
//! over TCP with an HTTP client.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::{alaqat, stderr, write};

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

/// Ingests the fixtures into `data` and serves it with `token`.
fn serve(data: &Path, token: Option<&str>) -> Server {
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
    let out = alaqat(data).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("alaqat"));
    cmd.env_remove("ALAQAT_DATA")
        .env_remove("ALAQAT_TOKEN")
        .args(["serve", "--addr", "127.0.0.1:0", "--as-of", "2026-12-01", "--data"])
        .arg(data)
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

#[test]
fn reads_health_stats_dyads_events_and_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);

    assert_eq!(get_json(&server, "/healthz"), serde_json::json!({"status": "ok", "documents": 4}));
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

    let visits = get_json(&server, "/api/events?dyad=SAU,KAZ&code=042&to=2000-01-01");
    assert_eq!(visits["total"], 1, "{visits}");
    assert_eq!(visits["items"][0]["source"]["country"], "KAZ");
    let english = get_json(&server, "/api/events?actor=QAT&limit=1");
    assert!(english["total"].as_u64().unwrap() >= 1);
    assert_eq!(english["items"].as_array().unwrap().len(), 1);
    let none = get_json(&server, "/api/events?dyad=SAU,KAZ&from=2030-01-01");
    assert_eq!(none["total"], 0);
}

#[test]
fn documents_entities_network_conflicts_commitments() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);

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
    assert!(!one["events"].as_array().unwrap().is_empty());

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

#[test]
fn errors_are_problem_documents() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);
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

#[test]
fn openapi_document_lists_every_endpoint() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);
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

#[test]
fn ingest_needs_the_token_and_grows_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), Some("s3cret-token"));
    let line = serde_json::json!({"id": "wire-1", "lang": "en", "published": "2024-05-02",
        "text": "ASTANA, May 2, 2024 — President Tokayev received the Emir of Qatar in Astana for talks on investment."});
    let bad = "{not json";
    let body = format!("{line}\n{bad}\n");
    let post = |token: Option<&str>| {
        let mut request = agent().post(format!("{}/api/ingest", server.base));
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

#[test]
fn a_server_without_a_token_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);
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

#[test]
fn search_normalizes_arabic_highlights_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);
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

#[test]
fn injection_strings_in_every_filter_are_only_values() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&dir.path().join("store"), None);
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
