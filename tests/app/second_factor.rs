//! The second factor, written as the attacks it stops: a password alone no longer signs in; a code is
//! never accepted twice; a stolen session cannot export, erase or mint codes without a fresh code; an
//! administrator past the grace period can do nothing but enrol; the browser signs in in two steps without
//! JavaScript; a recovery code (a lost phone) turns the factor off.

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use pravo::accounts::model::Role;
use pravo::accounts::second_factor::code_at;
use pravo::db::schema::{audit_log, users};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, PASSWORD, TestApp};

both!(
    a_password_alone_no_longer_signs_in_and_no_code_works_twice,
    administrators_can_only_enrol_once_the_grace_period_is_over,
    the_browser_turns_it_on_and_signs_in_in_two_steps,
);

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default()
}

/// A code the app shows `steps` periods from now (the server accepts one step of drift either way, so
/// each test step can use a step no code was used for yet).
fn code(secret: &str, steps: i64) -> String {
    let at = now().saturating_add_signed(steps * 30);
    code_at(secret, at).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Turns the second factor on through the API; returns the secret and the new recovery codes.
async fn enrol(api: &Api, at_step: i64) -> (String, Vec<String>) {
    let (status, started) = api.post("/me/mfa/totp", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "{started}");
    let secret = started["secret"].as_str().unwrap_or_default().to_owned();
    let (status, on) = api.post("/me/mfa/totp/confirm", json!({"code": code(&secret, at_step)})).await;
    assert_eq!(status, StatusCode::OK, "{on}");
    let codes = on["recovery_codes"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned);
    (secret, codes.collect())
}

fn audit_actions(app: &TestApp) -> Vec<String> {
    let mut conn = app.connection();
    audit_log::table.select(audit_log::action).load(&mut conn).unwrap_or_default()
}

async fn a_password_alone_no_longer_signs_in_and_no_code_works_twice(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let (status, registered) =
        api.post("/auth/register", json!({"handle": "tamara", "password": PASSWORD, "locale": "uk"})).await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    let old_code = registered["recovery_codes"][0].as_str().unwrap_or_default().to_owned();
    let (_, token) = api.post("/auth/token", json!({"handle": "tamara", "password": PASSWORD})).await;
    let her = app.api_with_token(token["token"].as_str().map(str::to_owned));

    // Enrolling needs the password; the secret is not active until a code confirms it.
    let (status, body) = her.post("/me/mfa/totp", json!({})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("reauthentication_required")));
    let (status, started) = her.post("/me/mfa/totp", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "{started}");
    let secret = started["secret"].as_str().unwrap_or_default().to_owned();
    let uri = started["otpauth_uri"].as_str().unwrap_or_default();
    assert!(uri.starts_with("otpauth://totp/Pravo?secret=") && !uri.to_lowercase().contains("tamara"), "{uri}");
    let (status, _) = api.post("/auth/token", json!({"handle": "tamara", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "not active before it is confirmed");
    let wrong = if code(&secret, 0) == "000000" { "111111" } else { "000000" };
    let (status, body) = her.post("/me/mfa/totp/confirm", json!({"code": wrong})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["code"].is_array(), "{body}");
    let (status, on) = her.post("/me/mfa/totp/confirm", json!({"code": code(&secret, -1)})).await;
    assert_eq!(status, StatusCode::OK, "{on}");
    assert_eq!(on["recovery_codes"].as_array().map(Vec::len), Some(10));
    let new_code = on["recovery_codes"][0].as_str().unwrap_or_default().to_owned();

    // A password alone is not enough; a wrong password still looks like an unknown handle.
    let (status, body) = api.post("/auth/token", json!({"handle": "tamara", "password": PASSWORD})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("second_factor_required")));
    let (status, body) =
        api.post("/auth/token", json!({"handle": "tamara", "password": "wrong one", "totp": code(&secret, 0)})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("unauthorized")));
    let (_, unknown) = api.post("/auth/token", json!({"handle": "nobody-here", "password": "wrong one"})).await;
    assert_eq!(body, unknown, "the same answer as for a handle that does not exist");
    let now_code = code(&secret, 0);
    let (status, body) =
        api.post("/auth/token", json!({"handle": "tamara", "password": PASSWORD, "totp": now_code})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The same code again (read over her shoulder) is refused, and so is one from before it.
    let (status, body) =
        api.post("/auth/token", json!({"handle": "tamara", "password": PASSWORD, "totp": now_code})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("second_factor_required")));

    // A stolen session cannot mint recovery codes or take her data with the password alone.
    let (status, _) = her.post("/me/recovery-codes", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = her.post("/me/export", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, codes) =
        her.post("/me/recovery-codes", json!({"current_password": PASSWORD, "totp": code(&secret, 1)})).await;
    assert_eq!(status, StatusCode::OK, "{codes}");
    let newest = codes["recovery_codes"][0].as_str().unwrap_or_default().to_owned();

    // Codes from before the factor, or from before the last new set, no longer work; the newest does, and
    // it turns the factor off (the phone is lost).
    for stale in [&old_code, &new_code] {
        let body = json!({"handle": "tamara", "recovery_code": stale, "new_password": "a new calm river of twelve"});
        assert_eq!(api.post("/auth/recover", body).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let body = json!({"handle": "tamara", "recovery_code": newest, "new_password": "a new calm river of twelve"});
    let (status, body) = api.post("/auth/recover", body).await;
    assert!(status.is_success(), "{status} {body}");
    let (status, _) =
        api.post("/auth/token", json!({"handle": "tamara", "password": "a new calm river of twelve"})).await;
    assert_eq!(status, StatusCode::OK);
    let actions = audit_actions(&app);
    assert!(actions.contains(&"second_factor.on".to_owned()) && actions.contains(&"second_factor.off".to_owned()));
}

async fn administrators_can_only_enrol_once_the_grace_period_is_over(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (admin_id, _) = app.signed_in("chief-2fa", Role::Admin).await;
    let api = app.api();
    let (status, token) = api.post("/auth/token", json!({"handle": "chief-2fa", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(token["second_factor_setup_required"], true, "{token}");
    let until = chrono::DateTime::parse_from_rfc3339(token["second_factor_grace_until"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let days = (until.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_hours();
    assert!((6 * 24..=7 * 24).contains(&days), "seven days of grace: {days} hours");
    let admin = app.api_with_token(token["token"].as_str().map(str::to_owned));
    assert_eq!(admin.get("/admin/users").await.0, StatusCode::OK, "within the grace period");

    // The grace period ends: every administrator's power stops, enrolling does not.
    let mut conn = app.connection();
    let long_ago = pravo::db::now() - chrono::Duration::days(8);
    diesel::update(users::table.filter(users::id.eq(&admin_id)))
        .set(users::admin_since.eq(long_ago))
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
    let (status, body) = admin.get("/admin/users").await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("second_factor_setup_required")));
    let (status, _) = admin.post("/programmes", crate::scholarships::programme_body(-1, 48)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no administrator's action");
    let course = json!({"texts": {"en": {"title": "Locked", "summary": ""}}, "open": true, "hours": 1});
    let (status, _) = admin.send(admin.raw(reqwest::Method::PUT, "/courses/locked-out").json(&course)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "and no staff action either");
    let mut browser = app.browser().await;
    browser.sign_in("chief-2fa").await;
    let page = browser.get("/admin/users").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.has("a[href='/account/second-factor']"), "the page says where to set it up");

    let (secret, _) = enrol(&admin, 0).await;
    assert_eq!(admin.get("/admin/users").await.0, StatusCode::OK, "with a second factor, all is open again");
    let (_, token) =
        api.post("/auth/token", json!({"handle": "chief-2fa", "password": PASSWORD, "totp": code(&secret, 1)})).await;
    assert!(token.get("second_factor_setup_required").is_none(), "{token}");

    // Someone made an administrator today gets her own grace period.
    let (scholar_id, _) = app.signed_in("new-chief", Role::Scholar).await;
    let (status, _) = admin.post(&format!("/admin/users/{scholar_id}/role"), json!({"role": "admin"})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, token) = api.post("/auth/token", json!({"handle": "new-chief", "password": PASSWORD})).await;
    let promoted = app.api_with_token(token["token"].as_str().map(str::to_owned));
    assert_eq!(token["second_factor_setup_required"], true);
    assert_eq!(promoted.get("/admin/users").await.0, StatusCode::OK);
}

async fn the_browser_turns_it_on_and_signs_in_in_two_steps(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("lesia", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("lesia").await;
    let page = browser.get("/account").await;
    assert!(page.has("a[href='/account/second-factor']"));
    browser.get("/account/second-factor").await;
    let page = browser.post("/account/second-factor", &[("current_password", "not it")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = browser.post("/account/second-factor", &[("current_password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.has("svg.qr path"), "a QR code drawn on the server");
    let secret: String = {
        let doc = scraper::Html::parse_document(&page.body);
        let sel = scraper::Selector::parse("p.secret").unwrap_or_else(|e| panic!("{e}"));
        doc.select(&sel).next().map(|e| e.text().collect::<String>()).unwrap_or_default().split_whitespace().collect()
    };
    assert_eq!(secret.len(), 32, "{secret}");
    let page = browser.post("/account/second-factor/confirm", &[("code", "12")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "a wrong code is shown again with the QR code");
    assert!(page.has("svg.qr") && page.has("#f-code"));
    let page = browser.post("/account/second-factor/confirm", &[("code", &code(&secret, -1))]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<li><code>").count(), 10, "new recovery codes");

    // Signing in on another browser: the password, then the code.
    let mut other = app.browser().await;
    other.get("/login").await;
    let page = other.post("/login", &[("handle", "lesia"), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(page.status, StatusCode::OK, "asks for the code: {}", page.body);
    let step = page.value_of("input[name=step]").unwrap_or_default();
    assert!(!step.is_empty() && page.has("form[action='/login/code'] #f-code"));
    let page = other.post("/login/code", &[("step", &step), ("code", "123"), ("next", "/account")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.get("/account").await.status, StatusCode::SEE_OTHER, "not signed in yet");
    let page =
        other.post("/login/code", &[("step", "forged"), ("code", &code(&secret, 0)), ("next", "/account")]).await;
    assert_eq!(page.location.as_deref(), Some("/login"), "a forged first step starts again");
    let page = other.post("/login/code", &[("step", &step), ("code", &code(&secret, 0)), ("next", "/account")]).await;
    assert_eq!((page.status, page.location.as_deref()), (StatusCode::SEE_OTHER, Some("/account")));
    let page = other.get("/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("#second-factor-h"));

    // Anonymous visitors get the sign-in page or 401, never the enrolment.
    assert_eq!(app.api().post("/me/mfa/totp", json!({"current_password": PASSWORD})).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.api().post("/me/mfa/totp/confirm", json!({"code": "123456"})).await.0, StatusCode::UNAUTHORIZED);
    let mut anonymous = app.browser().await;
    let page = anonymous.get("/account/second-factor").await;
    assert!(page.status == StatusCode::SEE_OTHER || page.status == StatusCode::UNAUTHORIZED, "{}", page.status);
}
