//! CSRF, cross-site requests, security headers, oversized and malformed bodies.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};

both!(
    forms_without_a_valid_csrf_token_are_refused,
    cross_site_requests_are_refused,
    cookie_sessions_need_the_csrf_header_on_the_api,
    every_response_carries_the_security_headers,
    oversized_and_malformed_bodies_get_clear_errors,
    csrf_tokens_are_masked_per_page_and_renewed_at_sign_in,
    a_slow_body_does_not_hold_the_connection,
    https_sites_ask_browsers_for_https_only,
);

async fn forms_without_a_valid_csrf_token_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("careful", Role::Scholar);
    let mut browser = app.browser().await;
    let page = browser.post_raw("/login", &[("handle", "careful"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "the sign-in form needs its token too");
    assert!(page.text().contains("This form has expired"));
    let page = browser.post_raw("/login", &[("handle", "careful"), ("password", PASSWORD), ("csrf", "forged")]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);

    // A token from another browser's cookie does not fit this one.
    let other = app.browser().await;
    let stolen = other.csrf.clone();
    let page = browser.post_raw("/login", &[("handle", "careful"), ("password", PASSWORD), ("csrf", &stolen)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);

    let page = browser.post("/login", &[("handle", "careful"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "with its own token it goes through");
    let page = browser.post_raw("/logout", &[]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "signing out needs the token as well");
    assert_eq!(browser.get("/account").await.status, StatusCode::OK, "still signed in");
}

async fn cross_site_requests_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("careful", Role::Scholar);
    let browser = app.browser().await;
    let res = browser
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("handle", "careful"), ("password", PASSWORD), ("csrf", browser.csrf.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().contains_key("content-security-policy"), "refusals carry the headers too");
    let res = browser
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("handle", "careful"), ("password", PASSWORD), ("csrf", browser.csrf.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn cookie_sessions_need_the_csrf_header_on_the_api(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("hybrid", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("hybrid").await;
    let me = browser.client.get(app.url("/api/v1/me")).send().await.expect("send");
    assert_eq!(me.status(), StatusCode::OK, "reading with the cookie is fine");
    let res = browser.client.patch(app.url("/api/v1/me")).json(&json!({"locale": "uk"})).send().await.expect("send");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"]["code"], "forbidden");
    browser.get("/account").await;
    let res = browser
        .client
        .patch(app.url("/api/v1/me"))
        .header("x-csrf-token", browser.csrf.as_str())
        .json(&json!({"locale": "uk"}))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), StatusCode::OK);
}

async fn every_response_carries_the_security_headers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let client = reqwest::Client::new();
    for path in ["/", "/login", "/nowhere", "/api/v1/me", "/api/v1/nowhere", "/healthz", "/static/pravo.css"] {
        let res = client.get(app.url(path)).send().await.expect("send");
        let h = res.headers();
        let csp = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        if path.starts_with("/static/") {
            assert!(h["cache-control"].to_str().unwrap_or_default().contains("immutable"));
        } else {
            assert_eq!(h["cache-control"], "no-store", "{path}");
        }
    }
    let page = client.get(app.url("/")).send().await.expect("send").text().await.expect("body");
    // The one way off the site is the quick exit, a plain link the reader chooses to follow; nothing is
    // loaded from another host, and no form posts to one.
    let doc = scraper::Html::parse_document(&page);
    let any = scraper::Selector::parse("[src], [href], [action]").expect("selector");
    let mut foreign = Vec::new();
    for element in doc.select(&any) {
        for attr in ["src", "href", "action"] {
            let value = element.value().attr(attr).unwrap_or_default();
            let off_site = ["http://", "https://", "//"].iter().any(|p| value.starts_with(p));
            if off_site && element.value().id() != Some("quick-exit") {
                foreign.push(format!("{attr}={value}"));
            }
        }
    }
    assert_eq!(foreign, Vec::<String>::new(), "the page refers to no other host");
    assert!(page.contains("id=\"quick-exit\""), "the quick exit is there");
}

async fn oversized_and_malformed_bodies_get_clear_errors(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let huge = "x".repeat(300 * 1024);
    let (status, body) = api.post("/auth/register", json!({"handle": huge, "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "payload_too_large");
    let res = api
        .raw(reqwest::Method::POST, "/auth/register")
        .header("content-type", "application/json")
        .body("{\"handle\": ")
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"]["code"], "bad_request");
    let res = api.raw(reqwest::Method::POST, "/auth/token").body("handle=x").send().await.expect("send");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "a form body is not JSON");

    let mut browser = app.browser().await;
    browser.get("/register").await;
    let page = browser.post("/register", &[("handle", &huge)]).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.text().contains("too large"));
}

/// BREACH: a compressed page that reflects input beside a fixed token leaks the token byte by byte.
/// Login CSRF: a token from before sign-in must not serve the signed-in session.
async fn csrf_tokens_are_masked_per_page_and_renewed_at_sign_in(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("masked", Role::Scholar);
    let mut browser = app.browser().await;
    let first = browser.get("/login").await.value_of("input[name=csrf]").unwrap_or_default();
    let second = browser.get("/login").await.value_of("input[name=csrf]").unwrap_or_default();
    assert!(!first.is_empty() && first != second, "a new mask for every page");
    let before_sign_in = second.clone();
    let page = browser.post("/login", &[("handle", "masked"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let set = page.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("\n");
    assert!(set.contains("pravo_csrf="), "a new CSRF secret at sign-in: {set}");
    browser.csrf = before_sign_in;
    let stale = browser.post("/account/reminders", &[("off", "true")]).await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN, "the token from before sign-in is dead");
    browser.get("/account").await;
    let fresh = browser.post("/account/reminders", &[("off", "true")]).await;
    assert_eq!(fresh.status, StatusCode::SEE_OTHER, "the signed-in page's own token works");
}

/// A client that sends its body a byte at a time used to hold the connection open forever.
async fn a_slow_body_does_not_hold_the_connection(backend: Backend) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Some(app) = TestApp::spawn_with(backend, |s| s.body_timeout_seconds = 1).await else { return };
    let address = app.base.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.expect("connect");
    let head = format!(
        "POST /api/v1/auth/token HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: 200\r\n\r\n{{\"handle\""
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let started = std::time::Instant::now();
    let mut answer = vec![0u8; 1024];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("the server answers instead of waiting forever")
        .expect("read");
    let text = String::from_utf8_lossy(&answer[..n]).to_string();
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

async fn https_sites_ask_browsers_for_https_only(backend: Backend) {
    let Some(plain) = TestApp::spawn(backend).await else { return };
    let res = reqwest::get(plain.url("/")).await.expect("GET");
    assert!(res.headers().get("strict-transport-security").is_none(), "not over plain http");
    let Some(secure) = TestApp::spawn_with(backend, |s| s.base_url = "https://pravo.example".into()).await else {
        return;
    };
    let res = reqwest::get(secure.url("/")).await.expect("GET");
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000");
}
