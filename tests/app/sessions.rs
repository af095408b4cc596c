//! Signing in and out: one answer for wrong passwords and unknown handles, rate limits, sign out
//! everywhere, password changes, and tokens that must not pass.

use chrono::{Duration, Utc};
use pravo::accounts::{self, model::Handle, model::Role};
use pravo::auth::tokens::{TokenKind, Tokens};
use pravo::db::Secrets;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};

both!(
    wrong_password_and_unknown_handle_are_answered_alike,
    failed_sign_ins_are_limited_per_handle_as_typed,
    sign_out_everywhere_ends_every_token,
    changing_the_password_ends_the_other_sessions_only,
    a_set_password_token_is_refused_as_a_session,
    forged_and_expired_tokens_are_refused,
    pages_sign_in_and_out_with_a_cookie,
);

async fn wrong_password_and_unknown_handle_are_answered_alike(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("known", Role::Scholar);
    let api = app.api();
    let wrong = api.post("/auth/token", json!({"handle": "known", "password": "not the password"})).await;
    let unknown = api.post("/auth/token", json!({"handle": "unknown", "password": "not the password"})).await;
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong, unknown, "the answer does not reveal whether a handle exists");

    let (status, body) = api.post("/auth/token", json!({"handle": "KNOWN", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "handles sign in ignoring case: {body}");
    assert!(body["expires_at"].as_str().unwrap_or_default().ends_with('Z'));
    assert_eq!(body["user"]["handle"], "known");
}

async fn failed_sign_ins_are_limited_per_handle_as_typed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("target", Role::Scholar);
    let api = app.api();
    for attempt in 1..=10 {
        let (status, _) = api.post("/auth/token", json!({"handle": "target", "password": "guess number one"})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let res = api
        .raw(reqwest::Method::POST, "/auth/token")
        .json(&json!({"handle": "Target", "password": PASSWORD}))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let retry: u64 = res.headers()["retry-after"].to_str().ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    assert!((1..=900).contains(&retry), "Retry-After {retry}");
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"]["code"], "rate_limited");

    // The same limit for a handle that does not exist, so the limit reveals nothing either.
    for _ in 0..10 {
        api.post("/auth/token", json!({"handle": "ghost", "password": "guess number one"})).await;
    }
    let (status, _) = api.post("/auth/token", json!({"handle": "ghost", "password": "guess"})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    app.create_user("bystander", Role::Scholar);
    let (status, _) = api.post("/auth/token", json!({"handle": "bystander", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "other handles are not locked out");
}

async fn sign_out_everywhere_ends_every_token(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, phone) = app.signed_in("traveller", Role::Scholar).await;
    let mut laptop = app.api();
    let (_, body) = laptop.post("/auth/token", json!({"handle": "traveller", "password": PASSWORD})).await;
    laptop.token = body["token"].as_str().map(str::to_owned);
    assert_eq!(laptop.get("/me").await.0, StatusCode::OK);

    let (status, _) = phone.post("/auth/logout-all", json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(phone.get("/me").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(laptop.get("/me").await.0, StatusCode::UNAUTHORIZED);

    let (status, body) = laptop.post("/auth/token", json!({"handle": "traveller", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK);
    laptop.token = body["token"].as_str().map(str::to_owned);
    assert_eq!(laptop.get("/me").await.0, StatusCode::OK, "a new sign-in works at once (sub-second precision)");
}

async fn changing_the_password_ends_the_other_sessions_only(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, mine) = app.signed_in("changer", Role::Scholar).await;
    let mut other = app.api();
    let (_, body) = other.post("/auth/token", json!({"handle": "changer", "password": PASSWORD})).await;
    other.token = body["token"].as_str().map(str::to_owned);

    let (status, body) = mine
        .post("/me/password", json!({"current_password": "wrong wrong wrong", "new_password": "another good password"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["current_password"][0].is_string());
    let (status, body) =
        mine.post("/me/password", json!({"current_password": PASSWORD, "new_password": "password"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["new_password"][0].is_string());

    let (status, _) =
        mine.post("/me/password", json!({"current_password": PASSWORD, "new_password": "another good password"})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(mine.get("/me").await.0, StatusCode::OK, "the session that changed it goes on");
    assert_eq!(other.get("/me").await.0, StatusCode::UNAUTHORIZED, "other sessions end");
    let api = app.api();
    assert_eq!(
        api.post("/auth/token", json!({"handle": "changer", "password": PASSWORD})).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = api.post("/auth/token", json!({"handle": "changer", "password": "another good password"})).await;
    assert_eq!(status, StatusCode::OK);
}

async fn a_set_password_token_is_refused_as_a_session(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut conn = app.connection();
    let user = accounts::create_user(&mut conn, &Handle::parse("invited").expect("handle"), Role::Trainer, None)
        .expect("create");
    let secrets = Secrets::load_or_create(&mut conn).expect("secrets");
    let tokens = Tokens::new(&secrets.token_key).expect("tokens");
    let link = accounts::set_password_link(&tokens, &app.base, &user).expect("link");
    let token = link.split("token=").nth(1).expect("token").to_owned();

    let mut api = app.api();
    api.token = Some(token.clone());
    assert_eq!(api.get("/me").await.0, StatusCode::UNAUTHORIZED, "a set-password token is no session");

    // The link itself works, once.
    let mut browser = app.browser().await;
    let page = browser.get(&format!("/set-password?token={token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("invited"));
    let page = browser.post("/set-password", &[("token", &token), ("password", "short")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-password-error"));
    let page = browser.post("/set-password", &[("token", &token), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/account").await.status, StatusCode::OK, "setting the password signs in");
    let again = app.browser().await.get(&format!("/set-password?token={token}")).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "the link works once");

    // And a session token is no set-password link.
    let session = tokens.issue(TokenKind::Session, &user.id).expect("session").token;
    let page = app.browser().await.get(&format!("/set-password?token={session}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

async fn forged_and_expired_tokens_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (id, _) = app.signed_in("holder", Role::Admin).await;
    let mut conn = app.connection();
    let secrets = Secrets::load_or_create(&mut conn).expect("secrets");
    let real = Tokens::new(&secrets.token_key).expect("tokens");
    let forger = Tokens::new(b"not the key of this server, at all").expect("tokens");
    let mut api = app.api();
    for token in [
        forger.issue(TokenKind::Session, &id).expect("forged").token,
        real.issue_at(TokenKind::Session, &id, Utc::now() - Duration::days(15)).expect("expired").token,
        real.issue_at(TokenKind::Session, &id, Utc::now() + Duration::minutes(5)).expect("not yet").token,
        "not.a.jwt".to_owned(),
    ] {
        api.token = Some(token);
        let (status, body) = api.get("/me").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert_eq!(body["error"]["code"], "unauthorized");
    }
    api.token = Some(real.issue(TokenKind::Session, &id).expect("fresh").token);
    assert_eq!(api.get("/me").await.0, StatusCode::OK, "the real key's fresh token passes");
}

async fn pages_sign_in_and_out_with_a_cookie(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("reader", Role::Scholar);
    let mut browser = app.browser().await;
    let page = browser.get("/account").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "signed-out visitors are sent to sign in");
    assert_eq!(page.location.as_deref(), Some("/login?next=%2Faccount"));

    browser.get("/login?next=/account").await;
    let page =
        browser.post("/login", &[("handle", "reader"), ("password", "wrong password!"), ("next", "/account")]).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.text().contains("The handle or the password is wrong."));
    assert_eq!(page.value_of("#f-handle").as_deref(), Some("reader"), "the handle stays typed");

    let page = browser.post("/login", &[("handle", "reader"), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(page.location.as_deref(), Some("/account"));
    let cookie = page.headers["set-cookie"].to_str().unwrap_or_default().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let account = browser.get("/account").await;
    assert_eq!(account.status, StatusCode::OK);
    assert_eq!(account.headers["cache-control"], "no-store");

    let page = browser
        .post("/login", &[("handle", "reader"), ("password", PASSWORD), ("next", "https://evil.example/")])
        .await;
    assert_eq!(page.location.as_deref(), Some("/"), "next never leaves the site");

    browser.post("/logout", &[]).await;
    assert_eq!(browser.get("/account").await.status, StatusCode::SEE_OTHER);
}
