//! Roles and the audit log: only administrators change roles, changes apply on the next request, the last
//! administrator stays, every change is recorded; and the first administrator from the start-up link.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};

both!(
    an_admin_changes_a_role_and_the_audit_log_records_it,
    scholars_and_trainers_cannot_change_roles,
    a_role_change_applies_on_the_next_request,
    the_last_admin_cannot_be_demoted,
    every_account_route_answers_each_role_as_it_should,
    the_first_administrator_comes_from_the_start_up_link,
    the_users_page_changes_roles_and_counts_in_russian,
);

async fn an_admin_changes_a_role_and_the_audit_log_records_it(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (admin_id, admin) = app.signed_in("chief", Role::Admin).await;
    let scholar_id = app.create_user("learner", Role::Scholar);
    let (status, body) = admin.post(&format!("/admin/users/{scholar_id}/role"), json!({"role": "trainer"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["role"], "trainer");

    let (status, body) = admin.get("/admin/audit").await;
    assert_eq!(status, StatusCode::OK);
    let entry = &body["items"][0];
    assert_eq!(entry["action"], "role.changed");
    assert_eq!(entry["actor_id"], admin_id.as_str());
    assert_eq!(entry["target_user_id"], scholar_id.as_str());
    assert_eq!(entry["details"], json!({"from": "scholar", "to": "trainer"}));
    assert!(entry["at"].as_str().unwrap_or_default().ends_with('Z'));

    let (status, body) = admin.post(&format!("/admin/users/{scholar_id}/role"), json!({"role": "wizard"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["role"][0].is_string());
    let (status, _) = admin.post("/admin/users/no-such-user/role", json!({"role": "trainer"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = admin.post("/admin/users/no-such-user/role", json!({"role": "wizard"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "404 comes before the body's 422");

    let mut browser = app.browser().await;
    browser.sign_in("chief").await;
    let page = browser.get("/admin/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains("Role changed from Scholar to Trainer") && text.contains("learner"), "{text}");
}

async fn scholars_and_trainers_cannot_change_roles(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (scholar_id, scholar) = app.signed_in("plain", Role::Scholar).await;
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    for api in [&scholar, &trainer] {
        let (status, body) = api.post(&format!("/admin/users/{scholar_id}/role"), json!({"role": "admin"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_eq!(body["error"]["code"], "forbidden");
    }
    let (status, _) = app.api().post(&format!("/admin/users/{scholar_id}/role"), json!({"role": "admin"})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, me) = scholar.get("/me").await;
    assert_eq!(me["role"], "scholar", "nothing changed");
}

async fn a_role_change_applies_on_the_next_request(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (id, rising) = app.signed_in("rising", Role::Scholar).await;
    assert_eq!(rising.get("/admin/audit").await.0, StatusCode::FORBIDDEN);
    admin.post(&format!("/admin/users/{id}/role"), json!({"role": "admin"})).await;
    assert_eq!(rising.get("/admin/audit").await.0, StatusCode::OK, "same token, new role");
    admin.post(&format!("/admin/users/{id}/role"), json!({"role": "scholar"})).await;
    assert_eq!(rising.get("/admin/audit").await.0, StatusCode::FORBIDDEN, "and back");
}

async fn the_last_admin_cannot_be_demoted(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (only_id, only) = app.signed_in("only", Role::Admin).await;
    let (status, body) = only.post(&format!("/admin/users/{only_id}/role"), json!({"role": "scholar"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "conflict");
    let second = app.create_user("second", Role::Scholar);
    only.post(&format!("/admin/users/{second}/role"), json!({"role": "admin"})).await;
    let (status, _) = only.post(&format!("/admin/users/{only_id}/role"), json!({"role": "trainer"})).await;
    assert_eq!(status, StatusCode::OK, "with a second admin, the first may step down");
}

/// Each account route for anonymous, a scholar, another scholar, a trainer and an admin.
async fn every_account_route_answers_each_role_as_it_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (scholar_id, scholar) = app.signed_in("scholar1", Role::Scholar).await;
    let (_, other_scholar) = app.signed_in("scholar2", Role::Scholar).await;
    let (_, trainer) = app.signed_in("trainer1", Role::Trainer).await;
    let (_, admin) = app.signed_in("admin1", Role::Admin).await;
    let anonymous = app.api();
    let role_path = format!("/admin/users/{scholar_id}/role");
    type Case<'a> = (reqwest::Method, &'a str, [u16; 5]);
    let cases: [Case; 6] = [
        (reqwest::Method::GET, "/me", [401, 200, 200, 200, 200]),
        (reqwest::Method::PATCH, "/me", [401, 200, 200, 200, 200]),
        (reqwest::Method::POST, "/me/password", [401, 422, 422, 422, 422]),
        (reqwest::Method::GET, "/admin/users", [401, 403, 403, 403, 200]),
        (reqwest::Method::GET, "/admin/audit", [401, 403, 403, 403, 200]),
        (reqwest::Method::POST, &role_path, [401, 403, 403, 403, 200]),
    ];
    for (method, path, expected) in cases {
        for (who, api) in [&anonymous, &scholar, &other_scholar, &trainer, &admin].into_iter().enumerate() {
            let body = match path {
                "/me" => json!({}),
                "/me/password" => json!({"current_password": "wrong", "new_password": "x"}),
                _ => json!({"role": "scholar"}),
            };
            let res = api.raw(method.clone(), path).json(&body).send().await.expect("send");
            assert_eq!(res.status().as_u16(), expected[who], "{method} {path} as role #{who}");
        }
    }
    // Another scholar's /me is their own: nobody reads someone else's profile through it.
    let (_, me) = other_scholar.get("/me").await;
    assert_eq!(me["handle"], "scholar2");

    let mut pages = Vec::new();
    for handle in [None, Some("scholar1"), Some("trainer1"), Some("admin1")] {
        let mut browser = app.browser().await;
        if let Some(handle) = handle {
            browser.sign_in(handle).await;
        }
        pages.push([
            browser.get("/account").await.status.as_u16(),
            browser.get("/admin/users").await.status.as_u16(),
            browser.get("/admin/audit").await.status.as_u16(),
        ]);
    }
    assert_eq!(pages, vec![[303, 303, 303], [200, 403, 403], [200, 403, 403], [200, 200, 200]]);
}

async fn the_first_administrator_comes_from_the_start_up_link(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let link = app.bootstrap_link.clone().expect("an empty database offers the link");
    let path = link.trim_start_matches(&app.base).to_owned();
    let token = path.split("token=").nth(1).unwrap_or_default().to_owned();
    let mut browser = app.browser().await;
    let page = browser.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = browser.post("/setup", &[("token", &token), ("handle", "founder"), ("password", "password")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "the password rules hold here too");
    assert_eq!(page.value_of("#f-handle").as_deref(), Some("founder"));
    let page = browser.post("/setup", &[("token", &token), ("handle", "founder"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::CREATED, "{}", page.body);
    // She has no email address yet: her recovery codes are shown once, and one of them works.
    let code = page.body.split("<code>").nth(1).and_then(|rest| rest.split("</code>").next()).unwrap_or_default();
    assert!(page.has("ol.codes li code") && page.has("a.button[href='/admin/users']"), "{}", page.body);
    assert_eq!(browser.get("/admin/users").await.status, StatusCode::OK, "the founder is an admin");
    let body = json!({"handle": "founder", "recovery_code": code, "new_password": "another calm river of twelve"});
    let (status, answer) = app.api().post("/auth/recover", body).await;
    assert!(status.is_success(), "a recovery code of the founder works: {status} {answer}");

    let mut late = app.browser().await;
    assert_eq!(late.get(&path).await.status, StatusCode::NOT_FOUND, "once there is an admin the link is spent");
    let page = late.post("/setup", &[("token", &token), ("handle", "usurper"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert_eq!(
        app.api().post("/auth/token", json!({"handle": "usurper", "password": PASSWORD})).await.0,
        StatusCode::UNAUTHORIZED
    );
}

async fn the_users_page_changes_roles_and_counts_in_russian(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let admin_id = app.create_user("главный", Role::Admin);
    let target = app.create_user("ученица", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("главный").await;
    browser.post("/language", &[("locale", "ru"), ("next", "/admin/users")]).await;
    let page = browser.get("/admin/users").await;
    assert!(page.text().contains("2 аккаунта"), "{}", page.text());
    for n in 3..=5 {
        app.create_user(&format!("user{n}"), Role::Scholar);
    }
    assert!(browser.get("/admin/users").await.text().contains("5 аккаунтов"));

    let page = browser.post(&format!("/admin/users/{target}/role"), &[("role", "trainer")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = browser.post(&format!("/admin/users/{admin_id}/role"), &[("role", "scholar")]).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert!(page.text().contains("Последний администратор"), "{}", page.text());
    let page = browser.get("/admin/audit").await;
    assert!(page.text().contains("Роль изменена: Стипендиат(ка) → Тренер"), "{}", page.text());
}
