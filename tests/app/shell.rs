//! The page shell: languages, plurals, dates, health.

use pravo::accounts::model::Role;
use reqwest::StatusCode;

use crate::both;
use crate::helpers::{Backend, TestApp};

both!(
    the_language_follows_the_switch_then_the_setting_then_the_browser,
    the_account_page_counts_recovery_codes_in_each_language,
    healthz_answers_when_the_database_does,
);

async fn the_language_follows_the_switch_then_the_setting_then_the_browser(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let client = reqwest::Client::new();
    let res = client.get(app.url("/login")).header("accept-language", "uk-UA,uk;q=0.9").send().await.expect("send");
    let body = res.text().await.expect("body");
    assert!(body.contains(r#"<html lang="uk">"#) && body.contains("Вхід"));
    let body = client.get(app.url("/login")).send().await.expect("send").text().await.expect("body");
    assert!(body.contains(r#"<html lang="en">"#), "English without a preference");

    let mut browser = app.browser().await;
    let page = browser.post("/language", &[("locale", "ru"), ("next", "/register")]).await;
    assert_eq!(page.location.as_deref(), Some("/register"));
    let page = browser.get("/register").await;
    assert!(page.body.contains(r#"<html lang="ru">"#));
    assert!(page.text().contains("Создать аккаунт"));

    app.create_user("polyglot", Role::Scholar);
    browser.sign_in("polyglot").await;
    browser.post("/language", &[("locale", "uk"), ("next", "/account")]).await;
    let mut fresh = app.browser().await;
    fresh.sign_in("polyglot").await;
    let page = fresh.get("/account").await;
    assert!(page.body.contains(r#"<html lang="uk">"#), "the setting follows the account to another browser");
}

async fn the_account_page_counts_recovery_codes_in_each_language(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut browser = app.browser().await;
    browser.get("/register").await;
    browser.post("/register", &[("handle", "counter"), ("password", crate::helpers::PASSWORD), ("locale", "ru")]).await;
    let page = browser.get("/account").await;
    assert!(page.text().contains("У вас 10 неиспользованных кодов восстановления."), "{}", page.text());
    let today = chrono::Utc::now().date_naive();
    let month = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let expected = format!(
        "{} {} {} г.",
        chrono::Datelike::day(&today),
        month[chrono::Datelike::month0(&today) as usize],
        chrono::Datelike::year(&today)
    );
    assert!(page.text().contains(&expected), "dates in Russian: {expected}");
    browser.post("/language", &[("locale", "uk"), ("next", "/account")]).await;
    assert!(browser.get("/account").await.text().contains("У вас 10 невикористаних кодів відновлення."));
    browser.post("/language", &[("locale", "en"), ("next", "/account")]).await;
    assert!(browser.get("/account").await.text().contains("You have 10 unused recovery codes."));
}

async fn healthz_answers_when_the_database_does(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let res = reqwest::get(app.url("/healthz")).await.expect("send");
    assert_eq!(res.status(), StatusCode::OK);
    let spec = reqwest::get(app.url("/api/v1/openapi.json")).await.expect("send");
    let spec: serde_json::Value = spec.json().await.expect("json");
    for path in ["/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/me", "/api/v1/admin/users/{id}/role"] {
        assert!(spec["paths"].get(path).is_some(), "the OpenAPI document describes {path}");
    }
}
