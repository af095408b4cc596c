//! People, for administrators: accounts made from the web with a one-time link to hand over, and found by
//! part of their handle; every change confirmed on the page. Only administrators may.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};

both!(an_administrator_makes_accounts_and_finds_them_by_handle, the_administration_is_one_item_leading_to_its_parts,);

async fn an_administrator_makes_accounts_and_finds_them_by_handle(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;

    // The API: only administrators; bad input is named per field.
    let body = json!({"handle": "olha.trainer", "role": "trainer"});
    assert_eq!(app.api().post("/admin/users", body.clone()).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(scholar.post("/admin/users", body.clone()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(trainer.post("/admin/users", body.clone()).await.0, StatusCode::FORBIDDEN);
    let (status, error) = admin.post("/admin/users", json!({"handle": "a b", "role": "boss"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &error["error"]["fields"];
    assert!(fields.get("handle").is_some() && fields.get("role").is_some(), "{error}");
    let (status, created) = admin.post("/admin/users", body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        (created["user"]["handle"].as_str(), created["user"]["role"].as_str()),
        (Some("olha.trainer"), Some("trainer"))
    );
    let link = created["set_password_url"].as_str().unwrap_or_default().to_owned();
    assert!(link.starts_with("http://127.0.0.1/set-password?token="), "{link}");
    assert_eq!(admin.post("/admin/users", body).await.0, StatusCode::UNPROCESSABLE_ENTITY, "the handle is taken");

    // The link works once: she sets her own password and signs in.
    let mut olha = app.browser().await;
    let path = link.trim_start_matches("http://127.0.0.1");
    let token = path.trim_start_matches("/set-password?token=");
    assert_eq!(olha.get(path).await.status, StatusCode::OK);
    let page = olha.post("/set-password", &[("token", token), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert!(page.status.is_redirection() || page.status.is_success(), "{}", page.body);
    let (status, _) = app.api().post("/auth/token", json!({"handle": "olha.trainer", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK);

    // Finding accounts by part of the handle, in the API and on the page.
    let (_, found) = admin.get("/admin/users?q=TRAIN").await;
    let handles: Vec<&str> =
        found["items"].as_array().into_iter().flatten().filter_map(|u| u["handle"].as_str()).collect();
    assert_eq!(handles, ["olha.trainer"], "{found}");
    let (_, none) = admin.get("/admin/users?q=%25").await;
    assert_eq!(none["items"].as_array().map(Vec::len), Some(0), "a % is a character, not a wildcard: {none}");
    assert_eq!(trainer.get("/admin/users?q=a").await.0, StatusCode::FORBIDDEN);

    let mut chief = app.browser().await;
    chief.sign_in("chief").await;
    let page = chief.get("/admin/users?q=lear").await;
    assert!(page.text().contains("learner") && !page.text().contains("olha.trainer"), "{}", page.text());
    assert_eq!(page.value_of("#f-q").as_deref(), Some("lear"));

    // The page: a form, the link shown once, errors beside the fields with what was typed kept.
    for (handle, status) in [("learner", StatusCode::FORBIDDEN), ("coach", StatusCode::FORBIDDEN)] {
        let mut b = app.browser().await;
        b.sign_in(handle).await;
        assert_eq!(b.get("/admin/users/new").await.status, status, "{handle}");
    }
    assert_eq!(chief.get("/admin/users/new").await.status, StatusCode::OK);
    let page = chief.post("/admin/users/new", &[("handle", "x"), ("role", "reviewer")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-handle-error") && page.has("#f-role-error"), "{}", page.body);
    assert_eq!(page.value_of("#f-handle").as_deref(), Some("x"));
    let page = chief.post("/admin/users/new", &[("handle", "rev-iryna"), ("role", "scholar")]).await;
    assert_eq!(page.status, StatusCode::CREATED, "{}", page.body);
    assert!(page.value_of("#f-link").is_some_and(|l| l.contains("/set-password?token=")), "{}", page.body);
    assert_eq!(page.headers.get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));

    // A role change is confirmed on the page it returns to.
    let (_, list) = admin.get("/admin/users?q=rev-iryna").await;
    let id = list["items"][0]["id"].as_str().unwrap_or_default().to_owned();
    let page = chief.post(&format!("/admin/users/{id}/role"), &[("role", "trainer")]).await;
    let page = chief.get(&page.location.unwrap_or_default()).await;
    assert!(page.text().contains("The role was changed"), "{}", page.text());
}

/// The administration has one item in the navigation, leading to a page of its parts; only
/// administrators reach it.
async fn the_administration_is_one_item_leading_to_its_parts(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.signed_in("hub-admin", Role::Admin).await;
    app.signed_in("hub-trainer", Role::Trainer).await;
    app.signed_in("hub-scholar", Role::Scholar).await;
    let mut admin = app.browser().await;
    admin.sign_in("hub-admin").await;
    let home = admin.get("/").await;
    assert!(home.has("header nav a[href='/admin']"), "{}", home.body);
    for part in ["/admin/programmes", "/admin/users", "/admin/audit", "/admin/outbox"] {
        assert!(!home.has(&format!("header nav a[href='{part}']")), "{part} is not in the bar");
    }
    let hub = admin.get("/admin").await;
    assert_eq!(hub.status, StatusCode::OK);
    for part in ["/admin/programmes", "/admin/users", "/admin/audit", "/admin/outbox"] {
        assert!(hub.has(&format!("main a[href='{part}']")), "{part} is listed");
    }
    assert!(admin.get("/admin/users").await.has("header nav a[href='/admin'][aria-current=page]"));
    for who in ["hub-trainer", "hub-scholar"] {
        let mut b = app.browser().await;
        b.sign_in(who).await;
        assert_eq!(b.get("/admin").await.status, StatusCode::FORBIDDEN, "{who}");
        assert!(!b.get("/").await.has("header nav a[href='/admin']"), "{who}");
    }
    let anonymous = app.browser().await.get("/admin").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}
