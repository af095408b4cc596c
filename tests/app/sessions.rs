//! Signing in and out: one answer for wrong passwords and unknown handles, rate limits, sign out
//! everywhere, password changes, and tokens that must not pass.

use chrono::{Duration, Utc};
use pravo::accounts::{self, model::Handle, model::Role};
use pravo::auth::tokens::{TokenKind, Tokens};
use pravo::db::Secrets;
use reqwest::{Method, StatusCode};
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
    a_token_copied_before_sign_out_stops_working,
    sessions_are_listed_and_each_can_be_ended,
    an_idle_session_ends_by_itself,
    an_ended_session_is_ended_on_every_instance,
    the_session_routes_answer_each_role_as_they_should,
    on_a_shared_phone_closing_the_browser_ends_the_session,
    an_apps_device_token_is_not_locked_out_by_strangers,
    strangers_failing_as_her_handle_do_not_lock_out_her_own_browser,
    the_account_page_lists_sessions_and_ends_one,
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
    let secrets = Secrets::load_or_create(&mut conn, None).expect("secrets");
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
    let secrets = Secrets::load_or_create(&mut conn, None).expect("secrets");
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
    // Even a token signed with the server's own key is refused without a session on the server: a copy
    // of the key alone forges nothing.
    api.token = Some(real.issue(TokenKind::Session, &id).expect("fresh").token);
    assert_eq!(api.get("/me").await.0, StatusCode::UNAUTHORIZED, "no session row, no entry");
    let (_, signed_in) = app.signed_in("holder2", Role::Scholar).await;
    assert_eq!(signed_in.get("/me").await.0, StatusCode::OK, "a token from signing in passes");
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

    browser.get("/").await;
    browser.post("/logout", &[]).await;
    assert_eq!(browser.get("/account").await.status, StatusCode::SEE_OTHER);
}

fn bearer(app: &TestApp, token: &str) -> crate::helpers::Api {
    let mut api = app.api();
    api.token = Some(token.to_owned());
    api
}

/// A phone is seized after its owner signed out: the token copied from it before must be dead.
async fn a_token_copied_before_sign_out_stops_working(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, api) = app.signed_in("seized", Role::Scholar).await;
    let copied = api.token.clone().unwrap_or_default();
    assert_eq!(bearer(&app, &copied).get("/me").await.0, StatusCode::OK);
    let (status, _) = api.post("/auth/logout", json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(bearer(&app, &copied).get("/me").await.0, StatusCode::UNAUTHORIZED, "the API token died at sign-out");

    // The same with the browser's cookie: the page's "sign out" ends the session on the server.
    let mut browser = app.browser().await;
    let signed_in = browser.sign_in("seized").await;
    let set_cookie = signed_in.headers.get("set-cookie").and_then(|h| h.to_str().ok()).unwrap_or_default().to_owned();
    let cookie_token = set_cookie
        .split(';')
        .next()
        .and_then(|pair| pair.strip_prefix("pravo_session="))
        .unwrap_or_default()
        .to_owned();
    assert!(!cookie_token.is_empty(), "{set_cookie}");
    assert_eq!(bearer(&app, &cookie_token).get("/me").await.0, StatusCode::OK);
    let page = browser.post("/logout", &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/account").await.status, StatusCode::SEE_OTHER, "signed out");
    assert_eq!(bearer(&app, &cookie_token).get("/me").await.0, StatusCode::UNAUTHORIZED, "the cookie's copy died too");

    // Nobody ends another person's session.
    let (_, stranger) = app.signed_in("stranger", Role::Scholar).await;
    let (_, owner) = app.signed_in("owner", Role::Scholar).await;
    let listed = owner.get("/me/sessions").await.1;
    let id = listed["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = stranger.send(stranger.raw(Method::DELETE, &format!("/me/sessions/{id}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(owner.get("/me").await.0, StatusCode::OK);
}

async fn sessions_are_listed_and_each_can_be_ended(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("twice", Role::Scholar);
    let sign_in = |agent: &'static str| {
        let api = app.api();
        async move {
            let res = api
                .raw(Method::POST, "/auth/token")
                .header("user-agent", agent)
                .json(&json!({"handle": "twice", "password": PASSWORD}))
                .send()
                .await
                .expect("send");
            let body: serde_json::Value = res.json().await.expect("json");
            body["token"].as_str().unwrap_or_default().to_owned()
        }
    };
    let phone = sign_in("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36").await;
    let laptop = sign_in("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").await;
    let (status, list) = bearer(&app, &laptop).get("/me/sessions").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let items = list["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 2, "{list}");
    let devices: Vec<&str> = items.iter().filter_map(|i| i["device"].as_str()).collect();
    assert!(devices.contains(&"Chrome on Android") && devices.contains(&"Firefox on Linux"), "{devices:?}");
    let today = Utc::now().format("%Y-%m-%d").to_string();
    assert!(items.iter().all(|i| i["started_on"] == today.as_str() && i["last_seen_on"] == today.as_str()), "{list}");
    assert!(!list.to_string().contains("127.0.0.1"), "never an address");
    let current: Vec<bool> = items.iter().map(|i| i["current"].as_bool().unwrap_or(false)).collect();
    assert_eq!(current.iter().filter(|c| **c).count(), 1);
    let other =
        items.iter().find(|i| i["current"] == false).and_then(|i| i["id"].as_str()).unwrap_or_default().to_owned();
    let laptop_api = bearer(&app, &laptop);
    let (status, _) = laptop_api.send(laptop_api.raw(Method::DELETE, &format!("/me/sessions/{other}"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(bearer(&app, &phone).get("/me").await.0, StatusCode::UNAUTHORIZED, "the lost phone is signed out");
    assert_eq!(laptop_api.get("/me").await.0, StatusCode::OK, "the laptop goes on");
    let (status, _) = laptop_api.send(laptop_api.raw(Method::DELETE, &format!("/me/sessions/{other}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an ended session cannot be ended twice");
}

async fn an_idle_session_ends_by_itself(backend: Backend) {
    use diesel::{ExpressionMethods, RunQueryDsl};
    let Some(app) = TestApp::spawn_with(backend, |s| s.session_idle_hours = 1).await else { return };
    let (_, api) = app.signed_in("idle", Role::Scholar).await;
    assert_eq!(api.get("/me").await.0, StatusCode::OK);
    let mut conn = app.connection();
    diesel::update(pravo::db::schema::sessions::table)
        .set(pravo::db::schema::sessions::last_seen_at.eq((Utc::now() - Duration::hours(2)).naive_utc()))
        .execute(&mut conn)
        .expect("age the session");
    assert_eq!(api.get("/me").await.0, StatusCode::UNAUTHORIZED, "two hours unused with a one-hour idle time");
}

/// Two instances on one database: a session ended on one is refused by the other.
async fn an_ended_session_is_ended_on_every_instance(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (other_base, _data) = app.second_instance().await;
    let (_, api) = app.signed_in("twin", Role::Scholar).await;
    let token = api.token.clone().unwrap_or_default();
    let on_other = |path: &'static str| {
        let (base, token) = (other_base.clone(), token.clone());
        async move {
            reqwest::Client::new()
                .get(format!("{base}/api/v1{path}"))
                .bearer_auth(token)
                .send()
                .await
                .expect("send")
                .status()
        }
    };
    assert_eq!(on_other("/me").await, StatusCode::OK, "the other instance knows the session");
    assert_eq!(api.post("/auth/logout", json!({})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(on_other("/me").await, StatusCode::UNAUTHORIZED, "and knows it ended");
}

/// The session routes for anonymous, scholar, another scholar, trainer and admin: each signed-in role
/// sees and ends only its own sessions; nobody, not even an administrator, ends another's.
async fn the_session_routes_answer_each_role_as_they_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let anonymous = app.api();
    assert_eq!(anonymous.get("/me/sessions").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.post("/auth/logout", json!({})).await.0, StatusCode::UNAUTHORIZED);
    let (status, _) = anonymous.send(anonymous.raw(Method::DELETE, "/me/sessions/anything")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (_, scholar) = app.signed_in("role-scholar", Role::Scholar).await;
    let scholar_session = scholar.get("/me/sessions").await.1["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    for (handle, role) in [("role-other", Role::Scholar), ("role-trainer", Role::Trainer), ("role-admin", Role::Admin)]
    {
        let (_, api) = app.signed_in(handle, role).await;
        let (status, list) = api.get("/me/sessions").await;
        assert_eq!(status, StatusCode::OK, "{handle}");
        let ids: Vec<&str> = list["items"].as_array().into_iter().flatten().filter_map(|i| i["id"].as_str()).collect();
        assert_eq!(ids.len(), 1, "{handle} sees only its own session: {list}");
        assert!(!ids.contains(&scholar_session.as_str()));
        let (status, _) = api.send(api.raw(Method::DELETE, &format!("/me/sessions/{scholar_session}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{handle} cannot end the scholar's session");
        let (status, _) = api.send(api.raw(Method::DELETE, "/me/sessions/%2e%2e")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "an odd id is simply not found");
    }
    assert_eq!(scholar.get("/me").await.0, StatusCode::OK, "the scholar is still signed in");
    assert_eq!(scholar.post("/auth/logout", json!({})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(scholar.post("/auth/logout", json!({})).await.0, StatusCode::UNAUTHORIZED, "already ended");
}

async fn strangers_failing_as_her_handle_do_not_lock_out_her_own_browser(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("known-one", Role::Scholar);
    // Her phone signed in before (and signed out since): it keeps its device cookie.
    let mut phone = app.browser().await;
    phone.sign_in("known-one").await;
    let out = phone.post("/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);

    // Someone who knows her pseudonym fails twelve times, from another browser.
    let mut stranger = app.browser().await;
    stranger.get("/login").await;
    for _ in 0..12 {
        stranger.post("/login", &[("handle", "known-one"), ("password", "a wrong guess here")]).await;
    }
    let page = stranger.post("/login", &[("handle", "known-one"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "unknown devices are slowed down");
    let mut new_browser = app.browser().await;
    new_browser.get("/login").await;
    let page = new_browser.post("/login", &[("handle", "known-one"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "every unknown device alike");

    // Her own phone is not: it signs in at once.
    phone.get("/login").await;
    let page = phone.post("/login", &[("handle", "known-one"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "her known browser is not locked out: {}", page.body);
    // A forged device cookie is an unknown device.
    let forged = reqwest::Client::builder().cookie_store(false).build().unwrap_or_default();
    let res = forged
        .post(app.url("/login"))
        .header("cookie", "pravo_device=AAAA.BBBB")
        .form(&[("handle", "known-one"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(res.status(), StatusCode::SEE_OTHER);

    // Her phone's own failures still count against her phone.
    phone.get("/login").await;
    for _ in 0..10 {
        phone.post("/login", &[("handle", "known-one"), ("password", "my own typo here")]).await;
    }
    let page = phone.post("/login", &[("handle", "known-one"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "a device has a budget of its own");

    // Thirty registrations from one address do not stop sign-ins from it.
    let api = app.api();
    for i in 0..30 {
        api.post("/auth/register", json!({"handle": format!("bulk-{i}"), "password": PASSWORD})).await;
    }
    app.create_user("neighbour", Role::Scholar);
    let (status, _) = api.post("/auth/token", json!({"handle": "neighbour", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "registrations have a budget of their own");
}

async fn the_account_page_lists_sessions_and_ends_one(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, lost_phone) = app.signed_in("careful", Role::Scholar).await;
    let (_, _other_person) = app.signed_in("someone-else", Role::Scholar).await;
    let mut laptop = app.browser().await;
    laptop.sign_in("careful").await;
    let page = laptop.get("/account").await;
    assert!(page.text().contains("this device"), "the current session is marked: {}", page.text());
    let (_, list) = lost_phone.get("/me/sessions").await;
    let phone_id = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["current"] == true)
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_owned();
    let action = format!("/account/sessions/{phone_id}/end");
    assert!(page.has(&format!("form[action='{action}']")), "each other session has an end button");

    // Without the form's token nothing ends; with it, the lost phone is signed out at once.
    assert_eq!(laptop.post_raw(&action, &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(lost_phone.get("/me").await.0, StatusCode::OK);
    let done = laptop.post(&action, &[]).await;
    assert_eq!(done.location.as_deref(), Some("/account?saved=session#sessions-h"));
    assert_eq!(lost_phone.get("/me").await.0, StatusCode::UNAUTHORIZED, "the lost phone's token is dead");
    assert_eq!(laptop.get("/account").await.status, StatusCode::OK, "this device goes on");

    // Nobody ends another person's session, and an anonymous visitor ends nothing.
    let theirs = crate::scholarships::sign_in(&app, "someone-else").await;
    let (_, list) = theirs.get("/me/sessions").await;
    let their_id = list["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    laptop.get("/account").await;
    let page = laptop.post(&format!("/account/sessions/{their_id}/end"), &[]).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(theirs.get("/me").await.0, StatusCode::OK);
    let mut anonymous = app.browser().await;
    anonymous.get("/").await;
    let page = anonymous.post(&format!("/account/sessions/{their_id}/end"), &[]).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
}

/// The session cookie of a sign-in, as the browser received it.
fn session_set_cookie(page: &crate::helpers::Page) -> String {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pravo_session="))
        .unwrap_or_default()
        .to_owned()
}

/// Unless she ticks "keep me signed in", the session cookie has no lifetime: closing the browser on a
/// shared phone forgets it. Ticked, it lasts the session's 14 days.
async fn on_a_shared_phone_closing_the_browser_ends_the_session(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("shared-phone", Role::Scholar);
    let mut browser = app.browser().await;
    let page = browser.get("/login").await;
    assert!(page.has("input[type=checkbox][name=keep]:not([checked])"), "off by default");
    let page = browser.post("/login", &[("handle", "shared-phone"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let cookie = session_set_cookie(&page).to_lowercase();
    assert!(!cookie.is_empty() && !cookie.contains("max-age") && !cookie.contains("expires"), "{cookie}");

    let mut own = app.browser().await;
    own.get("/login").await;
    let page = own.post("/login", &[("handle", "shared-phone"), ("password", PASSWORD), ("keep", "true")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let cookie = session_set_cookie(&page).to_lowercase();
    assert!(cookie.contains("max-age=1209600"), "{cookie}");
}

/// An app (API client) keeps the `device_token` of its last sign-in: strangers failing as her handle slow
/// down every unknown client, never hers; a forged token, or one given for another handle, is unknown.
async fn an_apps_device_token_is_not_locked_out_by_strangers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("app-user", Role::Scholar);
    app.create_user("other-app-user", Role::Scholar);
    let api = app.api();
    let (status, first) = api.post("/auth/token", json!({"handle": "app-user", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK);
    let device = first["device_token"].as_str().unwrap_or_default().to_owned();
    assert!(device.contains('.') && !device.contains("app-user"), "{device}");
    let (_, other) = api.post("/auth/token", json!({"handle": "other-app-user", "password": PASSWORD})).await;
    let others_device = other["device_token"].as_str().unwrap_or_default().to_owned();

    for _ in 0..12 {
        api.post("/auth/token", json!({"handle": "app-user", "password": "a wrong guess here"})).await;
    }
    let (status, _) = api.post("/auth/token", json!({"handle": "app-user", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "unknown clients are slowed down");
    for unknown in ["AAAA.BBBB", others_device.as_str()] {
        let body = json!({"handle": "app-user", "password": PASSWORD, "device_token": unknown});
        assert_eq!(api.post("/auth/token", body).await.0, StatusCode::TOO_MANY_REQUESTS, "{unknown}");
    }
    let body = json!({"handle": "app-user", "password": PASSWORD, "device_token": device});
    let (status, again) = api.post("/auth/token", body).await;
    assert_eq!(status, StatusCode::OK, "her app signs in at once: {again}");
    assert_eq!(again["device_token"], first["device_token"], "the same device");
}
