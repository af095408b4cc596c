//! Operations: `/metrics` only for its token, counting requests by route pattern and never naming anyone;
//! `/readyz` answers 503 within 5 seconds when the database does not answer; two `pravo serve` processes on
//! one PostgreSQL share their rate limits; the log of a whole journey (JSON, one object per line; plain
//! text without colour codes in a file) names no handle, email, token, answer or address.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{QueryableByName, RunQueryDsl};
use pravo::accounts::model::{Handle, Role};
use pravo::auth::password;
use pravo::db::DatabaseUrl;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::faults::Serve;
use crate::helpers::{Backend, PASSWORD, SmtpSink, TempDir, TestApp, create_postgres_database, drop_postgres_database};

both!(metrics_need_their_token_and_count_what_happens, readiness_answers_for_a_load_balancer);

const METRICS_TOKEN: &str = "a-long-random-metrics-token";

/// The value of the sample whose name and labels start with `prefix`, or 0 when it is not there yet.
fn sample(text: &str, prefix: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

async fn scrape(app: &TestApp, token: Option<&str>) -> (StatusCode, String) {
    let mut req = reqwest::Client::new().get(app.url("/metrics"));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.unwrap_or_else(|e| panic!("{e}"));
    (res.status(), res.text().await.unwrap_or_default())
}

async fn metrics_need_their_token_and_count_what_happens(backend: Backend) {
    let Some(without) = TestApp::spawn(backend).await else { return };
    assert_eq!(scrape(&without, Some(METRICS_TOKEN)).await.0, StatusCode::NOT_FOUND, "off unless a token is set");
    drop(without);

    let Some(app) = TestApp::spawn_with(backend, |s| s.metrics_token = Some(METRICS_TOKEN.into())).await else {
        return;
    };
    assert_eq!(scrape(&app, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(scrape(&app, Some("a-long-random-metrics-tokeN")).await.0, StatusCode::UNAUTHORIZED);
    let (status, before) = scrape(&app, Some(METRICS_TOKEN)).await;
    assert_eq!(status, StatusCode::OK);

    // A request to a route with an id is counted under the route's pattern; a wrong password is counted.
    let api = app.api();
    assert_eq!(api.get("/courses/metrics-no-such-course").await.0, StatusCode::NOT_FOUND);
    app.create_user("metrics-watcher", Role::Scholar);
    let (status, _) =
        api.post("/auth/token", json!({"handle": "metrics-watcher", "password": "wrong, wrong, wrong"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, after) = scrape(&app, Some(METRICS_TOKEN)).await;
    let route = r#"pravo_http_requests_total{method="GET",route="/api/v1/courses/{slug}",status="404"}"#;
    assert!(sample(&after, route) >= sample(&before, route) + 1.0, "{after}");
    let failures = "pravo_sign_in_failures_total";
    assert!(sample(&after, failures) >= sample(&before, failures) + 1.0);
    for expected in [
        "pravo_http_request_duration_seconds_bucket{route=\"/api/v1/courses/{slug}\",le=",
        "pravo_db_pool_wait_seconds_count",
        "pravo_outbox_emails{status=\"queued\"}",
        "pravo_outbox_emails{status=\"failed\"}",
        "pravo_outbox_oldest_queued_seconds",
        "pravo_reminder_runs_total",
        "pravo_certificates_issued_total",
        "pravo_build_info{version=",
    ] {
        assert!(after.contains(expected), "{expected} missing from:\n{after}");
    }
    assert!(!after.contains("metrics-no-such-course") && !after.contains("metrics-watcher"), "no path, no person");
}

async fn readyz(app: &TestApp) -> (StatusCode, String) {
    let res = reqwest::get(app.url("/readyz")).await.unwrap_or_else(|e| panic!("{e}"));
    (res.status(), res.text().await.unwrap_or_default())
}

async fn readiness_answers_for_a_load_balancer(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut ready = readyz(&app).await;
    for _ in 0..50 {
        if ready.0 == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        ready = readyz(&app).await;
    }
    assert_eq!(ready, (StatusCode::OK, "ready".to_owned()));
    if backend == Backend::Sqlite {
        return;
    }
    // Another session holds the database in a lock (a stuck migration, a long VACUUM FULL): the database
    // does not answer, and the load balancer hears so within 5 seconds.
    let mut blocker = app.connection();
    blocker
        .batch_execute("BEGIN; LOCK TABLE __diesel_schema_migrations IN ACCESS EXCLUSIVE MODE;")
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let (status, body) = readyz(&app).await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("database"), "{body}");
    assert!(took < Duration::from_secs(5), "answered after {took:?}");
    blocker.batch_execute("ROLLBACK").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(readyz(&app).await.0, StatusCode::OK);
}

#[derive(QueryableByName)]
struct Stored {
    #[diesel(sql_type = diesel::sql_types::Text)]
    key_hash: String,
}

/// Ten failed sign-ins spread over two instances on one PostgreSQL reach the handle's limit of ten: the
/// eleventh try is refused on both, the right password included. With limits in each instance's memory,
/// each would have seen five and let the attacker go on.
#[tokio::test]
async fn two_instances_on_one_postgresql_share_their_limits() {
    let Some((db, name)) = create_postgres_database() else { return };
    let sink = SmtpSink::start();
    let (dir_a, dir_b) = (TempDir::new(), TempDir::new());
    let a = Serve::start_with(&db, &dir_a.0, &sink.url(), &[]);
    a.ready(&dir_a.0).await;
    let b = Serve::start_with(&db, &dir_b.0, &sink.url(), &[]);
    b.ready(&dir_b.0).await;
    let mut conn = db.establish().unwrap_or_else(|e| panic!("{e}"));
    let hash = password::hash(PASSWORD).unwrap_or_else(|e| panic!("{e:?}"));
    let handle = Handle::parse("shared-limit").unwrap_or_else(|e| panic!("{e:?}"));
    pravo::accounts::create_user(&mut conn, &handle, Role::Scholar, Some(&hash)).unwrap_or_else(|e| panic!("{e:?}"));

    for i in 0..10 {
        let serve = if i % 2 == 0 { &a } else { &b };
        let (status, body) =
            serve.call(Method::POST, "/auth/token", None, json!({"handle": "shared-limit", "password": "guess"})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "try {i}: {body}");
    }
    for serve in [&a, &b] {
        let (status, body) = serve
            .call(Method::POST, "/auth/token", None, json!({"handle": "shared-limit", "password": PASSWORD}))
            .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    }
    // What the instances share names no handle and no address: keyed hashes only.
    let stored: Vec<Stored> =
        diesel::sql_query("SELECT key_hash FROM rate_events").load(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    assert!(stored.len() >= 10);
    assert!(stored.iter().all(|s| s.key_hash.len() == 64 && s.key_hash.chars().all(|c| c.is_ascii_hexdigit())));
    drop(conn);
    a.kill();
    b.kill();
    drop_postgres_database(name);
}

/// A shipped course's quiz with a question that takes typed text, as (course, quiz id, question id).
async fn quiz_with_typed_answer(serve: &Serve, token: &str) -> Option<(String, String, String)> {
    let (_, courses) = serve.call(Method::GET, "/courses", Some(token), Value::Null).await;
    for course in courses["items"].as_array().into_iter().flatten() {
        let slug = course["slug"].as_str().unwrap_or_default();
        let (_, detail) = serve.call(Method::GET, &format!("/courses/{slug}"), Some(token), Value::Null).await;
        serve.call(Method::POST, &format!("/courses/{slug}/enrol"), Some(token), json!({})).await;
        for module in detail["modules"].as_array().into_iter().flatten() {
            let Some(quiz) = module["quiz_id"].as_str() else { continue };
            let (_, attempt) =
                serve.call(Method::POST, &format!("/quizzes/{quiz}/attempts"), Some(token), json!({})).await;
            let typed = attempt["questions"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|q| matches!(q["type"].as_str(), Some("essay" | "short_answer")));
            if let (Some(id), Some(q)) = (attempt["id"].as_str(), typed) {
                return Some((slug.to_owned(), id.to_owned(), q["id"].as_str().unwrap_or_default().to_owned()));
            }
        }
    }
    None
}

/// A whole journey against a real `pravo serve` writing JSON logs: registration with an email, a wrong
/// and a right password, a reset email, a typed quiz answer, a path and a query that hold her handle and
/// email. Not one log line names her, her email, her token or her answer, or the client's address.
#[tokio::test]
async fn the_log_of_a_whole_journey_names_no_one() {
    let dir = TempDir::new();
    let db = DatabaseUrl::Sqlite(dir.0.join("pravo.db").display().to_string());
    let sink = SmtpSink::start();
    let serve = Serve::start_with(&db, &dir.0, &sink.url(), &[("PRAVO_LOG_FORMAT", "json")]);
    serve.ready(&dir.0).await;
    let tag = uuid::Uuid::new_v4().simple().to_string()[..10].to_owned();
    let (handle, email, answer) = (format!("Lw_{tag}"), format!("lw{tag}@example.org"), format!("answer{tag}"));

    let body = json!({"handle": handle, "password": PASSWORD, "email": email, "locale": "ru"});
    let (status, registered) = serve.call(Method::POST, "/auth/register", None, body).await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    let wrong = json!({"handle": handle, "password": "not her password"});
    assert_eq!(serve.call(Method::POST, "/auth/token", None, wrong).await.0, StatusCode::UNAUTHORIZED);
    let (_, signed_in) =
        serve.call(Method::POST, "/auth/token", None, json!({"handle": handle, "password": PASSWORD})).await;
    let token = signed_in["token"].as_str().unwrap_or_default().to_owned();
    assert!(!token.is_empty());
    assert_eq!(serve.call(Method::GET, "/me", Some(&token), Value::Null).await.0, StatusCode::OK);
    let (status, _) = serve.call(Method::POST, "/auth/reset-request", None, json!({"handle": handle})).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert!(!sink.wait_for(1, 30).await.is_empty(), "the reset email went out");
    let (slug, attempt, question) =
        quiz_with_typed_answer(&serve, &token).await.unwrap_or_else(|| panic!("a shipped quiz takes typed text"));
    let path = format!("/attempts/{attempt}/answers/{question}");
    let (status, body) = serve.call(Method::PUT, &path, Some(&token), json!({"answer": answer})).await;
    assert!(status.is_success(), "{status} {body}");
    let odd = format!("/users/{handle}/export?email={email}&course={slug}");
    assert_eq!(serve.call(Method::GET, &odd, Some(&token), Value::Null).await.0, StatusCode::NOT_FOUND);
    serve.kill();

    let log = std::fs::read_to_string(dir.0.join("serve.log")).unwrap_or_default();
    let lines: Vec<Value> =
        log.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    assert!(lines.iter().any(|l| l["route"] == "/api/v1/attempts/{id}/answers/{question}" && l["status"] == 204));
    assert!(lines.iter().any(|l| l["route"] == "unmatched" && l["status"] == 404));
    assert!(lines.iter().all(|l| l["level"].is_string() && l["timestamp"].is_string()));
    let lower = log.to_lowercase();
    for secret in [&handle.to_lowercase(), &email, PASSWORD, &token, &answer, "127.0.0.1"] {
        assert!(!lower.contains(&secret.to_lowercase()), "the log holds {secret:?}:\n{log}");
    }

    // Written to a file, the plain format has no terminal colour codes.
    let plain_dir = TempDir::new();
    let plain = Serve::start_with(&db, &plain_dir.0, &sink.url(), &[]);
    plain.ready(&plain_dir.0).await;
    plain.kill();
    let log = std::fs::read_to_string(plain_dir.0.join("serve.log")).unwrap_or_default();
    assert!(log.contains("route=\"/healthz\"") && !log.contains('\u{1b}'), "{log}");
}
