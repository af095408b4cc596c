//! Input and timing that must never turn into a 5xx or a leak: NUL characters, concurrent requests,
//! demoted trainers, archived modules, media of courses one may not read.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TempDir, TestApp, join_all};

both!(
    nul_characters_are_refused_with_400_everywhere,
    concurrent_enrolments_and_completions_all_succeed,
    a_demoted_trainer_loses_access_to_their_drafts,
    saving_an_archived_module_brings_it_back,
    course_media_is_for_readers_of_the_course,
);

async fn nul_characters_are_refused_with_400_everywhere(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, user) = app.signed_in("plain", Role::Admin).await;
    let api = app.api();
    let (status, body) = api.post("/auth/token", json!({"handle": "a\u{0}b", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "bad_request");
    let (status, _) = user.patch("/me", json!({"certificate_name": "x\u{0}y"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    for path in ["/courses/%00", "/courses/human-rights-monitoring/modules/a%00b", "/admin/users?after=%00"] {
        let (status, body) = user.get(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
    }
    let mut browser = app.browser().await;
    browser.get("/login").await;
    let page = browser.post("/login", &[("handle", "a\u{0}"), ("password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.text().contains("NUL"), "a clear message: {}", page.text());
}

async fn concurrent_enrolments_and_completions_all_succeed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, api) = app.signed_in("eager", Role::Scholar).await;
    let enrol = (0..6).map(|_| api.post("/courses/human-rights-monitoring/enrol", json!({})));
    for (status, body) in join_all(enrol.collect()).await {
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let complete =
        (0..6).map(|_| api.post("/courses/human-rights-monitoring/modules/monitoring-principles/complete", json!({})));
    for (status, body) in join_all(complete.collect()).await {
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["progress_percent"], 9, "one step of eleven, however often it is marked");
    }
}

async fn a_demoted_trainer_loses_access_to_their_drafts(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (trainer_id, trainer) = app.signed_in("former", Role::Trainer).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    trainer
        .raw(Method::PUT, "/courses/draft")
        .json(&json!({"texts": {"en": {"title": "Draft", "summary": ""}}, "open": true}))
        .send()
        .await
        .expect("put");
    trainer
        .raw(Method::PUT, "/courses/draft/modules/one")
        .json(&json!({"language": "en", "title": "One", "markdown": "Unpublished text."}))
        .send()
        .await
        .expect("put");
    assert_eq!(trainer.get("/courses/draft/modules/one").await.0, StatusCode::OK);
    admin.post(&format!("/admin/users/{trainer_id}/role"), json!({"role": "scholar"})).await;
    assert_eq!(trainer.get("/courses/draft").await.0, StatusCode::NOT_FOUND);
    assert_eq!(trainer.get("/courses/draft/modules/one").await.0, StatusCode::NOT_FOUND);
}

async fn saving_an_archived_module_brings_it_back(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let copy = TempDir::new();
    crate::helpers::copy_tree(&crate::helpers::shipped_courses(), &copy.0);
    for lang in ["en", "ru", "uk"] {
        for ext in ["md", "gift"] {
            std::fs::remove_file(
                copy.0.join(format!("human-rights-monitoring/04-safety-and-data-security.{lang}.{ext}")),
            )
            .expect("rm");
        }
    }
    let mut conn = app.connection();
    pravo::course_files::import::import_root(&mut conn, &copy.0, |_, _, _| {}).expect("import");
    let (_, course) = admin.get("/courses/human-rights-monitoring").await;
    assert_eq!(course["modules"].as_array().map(Vec::len), Some(5), "six modules, one archived");
    let (status, _) = admin
        .send(admin.raw(Method::PUT, "/courses/human-rights-monitoring/modules/safety-and-data-security").json(
            &json!({
                "language": "en", "title": "Safety", "markdown": "Back again."
            }),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, course) = admin.get("/courses/human-rights-monitoring").await;
    assert_eq!(course["modules"].as_array().map(Vec::len), Some(6), "the module is visible again: {course}");
}

async fn course_media_is_for_readers_of_the_course(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let root = TempDir::new();
    let dir = root.0.join("pictured");
    std::fs::create_dir_all(dir.join("media")).expect("mkdir");
    std::fs::write(
        dir.join("course.toml"),
        "open = true\npublished = true\n\n[texts.en]\ntitle = \"P\"\nsummary = \"\"\n",
    )
    .expect("w");
    std::fs::write(dir.join("01-one.en.md"), "+++\ntitle = \"One\"\n+++\n\n![A map](media/map.png)\n").expect("w");
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    std::fs::write(dir.join("media/map.png"), png).expect("w");
    let mut conn = app.connection();
    let report = pravo::course_files::import::import_root(&mut conn, &root.0, |_, _, _| {}).expect("import");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let (_, reader) = app.signed_in("reader", Role::Scholar).await;
    let (_, outsider) = app.signed_in("outsider", Role::Scholar).await;
    reader.post("/courses/pictured/enrol", json!({})).await;
    let (_, module) = reader.get("/courses/pictured/modules/one").await;
    assert!(module["html"].as_str().unwrap_or_default().contains(r#"src="/courses/pictured/media/map.png""#));
    let url = app.url("/courses/pictured/media/map.png");
    let res = reader.client.get(&url).bearer_auth(reader.token.clone().unwrap_or_default()).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.expect("bytes").as_ref(), png);
    let res =
        outsider.client.get(&url).bearer_auth(outsider.token.clone().unwrap_or_default()).send().await.expect("get");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let anonymous = reqwest::get(&url).await.expect("get");
    assert_eq!(anonymous.url().path(), "/login", "anonymous readers are sent to sign in first");
}
