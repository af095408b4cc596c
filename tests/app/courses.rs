//! Reading and authoring courses: enrolment, progress and "continue", language fallback, editing with
//! revisions, history and restore, the XSS corpus through the editor, and every route for every role.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, TestApp};
use crate::xss;

both!(
    a_scholar_enrols_reads_completes_and_continues,
    closed_courses_take_enrolment_by_hand_only,
    unpublished_courses_are_hidden_from_scholars,
    an_untranslated_module_falls_back_to_english_with_a_notice,
    an_edit_makes_a_new_revision_and_keeps_progress,
    history_restores_an_old_revision,
    the_xss_corpus_through_the_editor_renders_safely,
    bad_authoring_input_gets_messages_per_field,
    every_course_route_answers_each_role_as_it_should,
    a_trainer_writes_a_module_in_the_browser,
);

const COURSE: &str = "/courses/human-rights-monitoring";

fn course_body(title: &str, open: bool) -> Value {
    json!({"texts": {"en": {"title": title, "summary": "About it."}}, "open": open, "hours": 2})
}

fn module_body(language: &str, title: &str, markdown: &str) -> Value {
    json!({"language": language, "title": title, "markdown": markdown})
}

async fn a_scholar_enrols_reads_completes_and_continues(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, api) = app.signed_in("learner", Role::Scholar).await;
    let module = format!("{COURSE}/modules/documenting-a-case");
    assert_eq!(api.get(&module).await.0, StatusCode::FORBIDDEN, "not enrolled yet");
    assert_eq!(api.post(&format!("{COURSE}/enrol"), json!({})).await.0, StatusCode::OK);
    assert_eq!(api.post(&format!("{COURSE}/enrol"), json!({})).await.0, StatusCode::OK, "again is fine");

    let (status, body) = api.get(&module).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["previous"], "monitoring-principles");
    assert_eq!(body["next"], "structural-barriers");
    assert!(body["html"].as_str().unwrap_or_default().contains("<h2 id=\"m-"));

    let (_, course) = api.get(COURSE).await;
    assert_eq!(course["continue_module"], "documenting-a-case", "continue leads where they stopped");
    let mut last = json!(null);
    for slug in [
        "monitoring-principles",
        "documenting-a-case",
        "structural-barriers",
        "safety-and-data-security",
        "monitors-toolkit",
        "glossary",
    ] {
        let (status, body) = api.post(&format!("{COURSE}/modules/{slug}/complete"), json!({})).await;
        assert_eq!(status, StatusCode::OK);
        last = body;
    }
    // Every module is read, but the course's quizzes are required for completion and not passed yet:
    // never "100 %" before the course is complete.
    assert_eq!(last, json!({"progress_percent": 54, "course_completed": false}), "6 of 11 steps");
    let (_, course) = api.get(COURSE).await;
    assert_eq!(course["completed"], false);

    // The pages tell the same story, with a progress bar.
    let mut browser = app.browser().await;
    browser.sign_in("learner").await;
    let page = browser.get(COURSE).await;
    assert!(page.has("progress[value=\"54\"]"), "six modules read, five quizzes to pass: {}", page.body);
    let left = page.text();
    assert!(left.contains("Left before your certificate: no module to read, 5 quizzes to pass."), "{left}");
    assert_eq!(
        page.body.matches("quiz to pass</span>").count(),
        5,
        "each module with its quiz still to pass is marked"
    );
    assert!(page.has("#certificate-name-invite"), "before finishing, the page invites her to choose a name");
    // Her home page lists her course with its progress.
    let home = browser.get("/").await;
    assert!(home.has("ul.home-courses a[href=\"/courses/human-rights-monitoring\"]"), "{}", home.body);
    assert!(home.has("ul.home-courses progress[value=\"54\"]"));
    // A long module says where it sits in the course and lists its sections, down to the quiz.
    let module_page = browser.get("/courses/human-rights-monitoring/modules/documenting-a-case").await;
    assert!(module_page.text().contains("Module 2 of 6"), "{}", module_page.body);
    assert!(module_page.has("details.contents li a[href^=\"#m-\"]"), "sections with their anchors");
    assert!(module_page.has("details.contents a[href=\"#module-end\"]") && module_page.has("#module-end"));
    let (status, _) = api.patch("/me", json!({"certificate_name": "Олена"})).await;
    assert_eq!(status, StatusCode::OK);
    let page = browser.get(COURSE).await;
    assert!(!page.has("#certificate-name-invite"), "not once a name is chosen");
    let list = browser.get("/courses").await;
    assert!(list.text().contains("6 modules") && list.has("progress[value=\"54\"]"), "the catalogue agrees");
}

async fn closed_courses_take_enrolment_by_hand_only(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let (scholar_id, scholar) = app.signed_in("invited", Role::Scholar).await;
    assert_eq!(
        trainer
            .raw(Method::PUT, "/courses/closed-one")
            .json(&course_body("Closed", false))
            .send()
            .await
            .expect("put")
            .status(),
        StatusCode::OK
    );
    trainer
        .raw(Method::PUT, "/courses/closed-one/modules/first")
        .json(&module_body("en", "First", "Text."))
        .send()
        .await
        .expect("put");
    trainer.post("/courses/closed-one/publish", json!({})).await;
    assert_eq!(scholar.post("/courses/closed-one/enrol", json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, body) = trainer.post("/courses/closed-one/enrolments", json!({"user_id": "nobody"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(trainer.post("/courses/closed-one/enrolments", json!({"user_id": scholar_id})).await.0, StatusCode::OK);
    assert_eq!(scholar.get("/courses/closed-one/modules/first").await.0, StatusCode::OK);
}

async fn unpublished_courses_are_hidden_from_scholars(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let (_, scholar) = app.signed_in("curious", Role::Scholar).await;
    trainer.raw(Method::PUT, "/courses/draft").json(&course_body("Draft", true)).send().await.expect("put");
    trainer
        .raw(Method::PUT, "/courses/draft/modules/one")
        .json(&module_body("en", "One", "Secret draft."))
        .send()
        .await
        .expect("put");
    assert_eq!(scholar.get("/courses/draft").await.0, StatusCode::NOT_FOUND);
    assert_eq!(scholar.get("/courses/draft/modules/one").await.0, StatusCode::NOT_FOUND);
    assert_eq!(scholar.post("/courses/draft/enrol", json!({})).await.0, StatusCode::NOT_FOUND);
    let (_, list) = scholar.get("/courses").await;
    assert!(!list.to_string().contains("\"draft\""));
    assert_eq!(trainer.get("/courses/draft").await.0, StatusCode::OK);
    trainer.post("/courses/draft/publish", json!({})).await;
    assert_eq!(scholar.get("/courses/draft").await.0, StatusCode::OK);
    trainer.post("/courses/draft/unpublish", json!({})).await;
    assert_eq!(scholar.get("/courses/draft").await.0, StatusCode::NOT_FOUND);
}

async fn an_untranslated_module_falls_back_to_english_with_a_notice(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    trainer.raw(Method::PUT, "/courses/partly").json(&json!({"texts": {"en": {"title": "Partly", "summary": "S"}, "uk": {"title": "Частково", "summary": "С"}}, "open": true})).send().await.expect("put");
    trainer
        .raw(Method::PUT, "/courses/partly/modules/one")
        .json(&module_body("en", "One", "English only."))
        .send()
        .await
        .expect("put");
    trainer.post("/courses/partly/publish", json!({})).await;
    let (_, mut scholar) = app.signed_in("reader", Role::Scholar).await;
    scholar.patch("/me", json!({"locale": "ru"})).await;
    scholar.lang = Some("ru");
    scholar.post("/courses/partly/enrol", json!({})).await;
    let (_, module) = scholar.get("/courses/partly/modules/one").await;
    assert_eq!(module["language"], "en");
    let (_, list) = scholar.get("/courses").await;
    let partly =
        list["items"].as_array().expect("items").iter().find(|c| c["slug"] == "partly").cloned().unwrap_or_default();
    assert_eq!((partly["title"].as_str(), partly["language"].as_str()), (Some("Partly"), Some("en")));

    let mut browser = app.browser().await;
    browser.sign_in("reader").await;
    let page = browser.get("/courses/partly/modules/one").await;
    assert!(page.text().contains("Этот модуль ещё не переведён на ваш язык: показан на английском."));
    assert!(page.has("article.module-text[lang=en]"), "the fallback text is marked as English");
    browser.post("/language", &[("locale", "uk"), ("next", "/courses/partly")]).await;
    let page = browser.get("/courses/partly").await;
    assert!(
        page.text().contains("Частково") && !page.text().contains("Ще не перекладено"),
        "the course itself is translated"
    );
}

async fn an_edit_makes_a_new_revision_and_keeps_progress(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (trainer_id, admin) = app.signed_in("editor", Role::Admin).await;
    let (_, scholar) = app.signed_in("reader", Role::Scholar).await;
    scholar.post(&format!("{COURSE}/enrol"), json!({})).await;
    scholar.post(&format!("{COURSE}/modules/structural-barriers/complete"), json!({})).await;
    let path = format!("{COURSE}/modules/structural-barriers");
    let (_, before) = scholar.get(&path).await;
    let (_, current) = admin.get(&path).await;
    let (status, saved) = admin
        .send(admin.raw(Method::PUT, &path).json(&module_body(
            "en",
            "Structural barriers",
            "## Updated\n\nNew text for scholars.",
        )))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert!(saved["revision"].as_i64() > current["revision"].as_i64());
    let (_, again) = admin
        .send(admin.raw(Method::PUT, &path).json(&module_body(
            "en",
            "Structural barriers",
            "## Updated\n\nNew text for scholars.",
        )))
        .await;
    assert_eq!(again["revision"], saved["revision"], "saving the same text makes no new revision");

    let (_, after) = scholar.get(&path).await;
    assert_eq!(after["revision"], saved["revision"]);
    assert!(after["html"].as_str().unwrap_or_default().contains("New text for scholars."));
    assert_ne!(after["html"], before["html"]);
    assert_eq!(after["completed"], true, "progress is kept across an edit");
    let (_, revisions) = admin.get(&format!("{path}/revisions")).await;
    let newest = &revisions["items"][0];
    assert_eq!(newest["author_id"], trainer_id.as_str());
    assert_eq!(newest["language"], "en");
}

async fn history_restores_an_old_revision(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    trainer.raw(Method::PUT, "/courses/hist").json(&course_body("History", true)).send().await.expect("put");
    let put = |md: &'static str| trainer.raw(Method::PUT, "/courses/hist/modules/m").json(&module_body("en", "M", md));
    let (status, first) = trainer.send(put("First wording.")).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, second) = trainer.send(put("Second wording.")).await;
    assert_eq!((first["revision"].as_i64(), second["revision"].as_i64()), (Some(1), Some(2)));
    let (status, restored) = trainer.post("/courses/hist/modules/m/revisions/1/restore", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(restored["revision"], 3, "restoring adds a revision; history is not rewritten");
    let (_, module) = trainer.get("/courses/hist/modules/m").await;
    assert!(module["html"].as_str().unwrap_or_default().contains("First wording."));
    assert_eq!(trainer.post("/courses/hist/modules/m/revisions/99/restore", json!({})).await.0, StatusCode::NOT_FOUND);

    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    let page = browser.get("/trainer/courses/hist/modules/m/revisions?from=1&to=2").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("pre.diff del") && page.has("pre.diff ins"), "{}", page.body);
    assert!(page.text().contains("First wording.") && page.text().contains("Second wording."));
}

async fn the_xss_corpus_through_the_editor_renders_safely(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    trainer.raw(Method::PUT, "/courses/xss").json(&course_body("XSS", true)).send().await.expect("put");
    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    for (i, payload) in xss::PAYLOADS.iter().enumerate() {
        let slug = format!("p{i:02}");
        let path = format!("/courses/xss/modules/{slug}");
        let (status, body) =
            trainer.send(trainer.raw(Method::PUT, &path).json(&module_body("en", "Payload", payload))).await;
        assert_eq!(status, StatusCode::OK, "{payload}: {body}");
        let (_, module) = trainer.get(&path).await;
        xss::assert_safe(module["html"].as_str().unwrap_or_default(), payload);

        // The browser editor's preview goes through the same sanitiser.
        let page = browser
            .post(
                &format!("/trainer/courses/xss/modules/{slug}/edit"),
                &[("language", "en"), ("title", "P"), ("markdown", payload), ("action", "preview")],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let preview = scraper::Html::parse_document(&page.body);
        let selector = scraper::Selector::parse("section.preview article").expect("selector");
        let html = preview.select(&selector).next().map(|e| e.inner_html()).unwrap_or_default();
        xss::assert_safe(&html, payload);
    }
}

async fn bad_authoring_input_gets_messages_per_field(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let (status, body) =
        trainer.send(trainer.raw(Method::PUT, "/courses/Bad_Slug").json(&course_body("X", true))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["slug"][0].is_string(), "{body}");
    let (status, body) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/fine")
                .json(&json!({"texts": {"ru": {"title": "Только", "summary": ""}}, "hours": 0})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]["fields"]["texts.en.title"][0].is_string() && body["error"]["fields"]["hours"][0].is_string(),
        "{body}"
    );
    trainer.raw(Method::PUT, "/courses/fine").json(&course_body("Fine", true)).send().await.expect("put");
    let big = "x".repeat(201 * 1024);
    let (status, body) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/fine/modules/m")
                .json(&json!({"language": "de", "title": "", "markdown": "", "position": 0})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["language", "title", "markdown", "position"] {
        assert!(body["error"]["fields"][field][0].is_string(), "{field}: {body}");
    }
    let (status, body) =
        trainer.send(trainer.raw(Method::PUT, "/courses/fine/modules/m").json(&module_body("en", "M", &big))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["markdown"][0].as_str().unwrap_or_default().contains("200"), "{body}");
    let (status, _) = trainer
        .send(trainer.raw(Method::PUT, "/courses/fine/modules/Bad_Slug").json(&module_body("en", "M", "x")))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The six roles of the authorisation tests.
struct Cast {
    anonymous: Api,
    scholar: Api,
    other_scholar: Api,
    other_trainer: Api,
    trainer: Api,
    admin: Api,
    scholar_id: String,
}

impl Cast {
    fn all(&self) -> [&Api; 6] {
        [&self.anonymous, &self.scholar, &self.other_scholar, &self.other_trainer, &self.trainer, &self.admin]
    }
}

async fn cast(app: &TestApp) -> Cast {
    let (scholar_id, scholar) = app.signed_in("scholar1", Role::Scholar).await;
    let (_, other_scholar) = app.signed_in("scholar2", Role::Scholar).await;
    let (_, other_trainer) = app.signed_in("trainer2", Role::Trainer).await;
    let (_, trainer) = app.signed_in("trainer1", Role::Trainer).await;
    let (_, admin) = app.signed_in("admin1", Role::Admin).await;
    trainer.raw(Method::PUT, "/courses/alpha").json(&course_body("Alpha", true)).send().await.expect("put");
    trainer
        .raw(Method::PUT, "/courses/alpha/modules/one")
        .json(&module_body("en", "One", "Text."))
        .send()
        .await
        .expect("put");
    trainer.post("/courses/alpha/publish", json!({})).await;
    trainer.raw(Method::PUT, "/courses/hidden").json(&course_body("Hidden", true)).send().await.expect("put");
    trainer
        .raw(Method::PUT, "/courses/hidden/modules/one")
        .json(&module_body("en", "One", "Text."))
        .send()
        .await
        .expect("put");
    other_trainer.raw(Method::PUT, "/courses/beta").json(&course_body("Beta", true)).send().await.expect("put");
    scholar.post("/courses/alpha/enrol", json!({})).await;
    Cast { anonymous: app.api(), scholar, other_scholar, other_trainer, trainer, admin, scholar_id }
}

async fn every_course_route_answers_each_role_as_it_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let cast = cast(&app).await;
    let user_body = json!({"user_id": cast.scholar_id});
    let module = module_body("en", "One", "Text, edited.");
    // The pages, as the same six people (before the API rows below enrol everyone).
    let handles = [None, Some("scholar1"), Some("scholar2"), Some("trainer2"), Some("trainer1"), Some("admin1")];
    let pages = [
        "/courses/alpha/modules/one",
        "/trainer",
        "/trainer/courses/alpha",
        "/trainer/courses/alpha/modules/one/edit?lang=ru",
        "/trainer/courses/alpha/modules/one/revisions",
    ];
    let expected: [[u16; 5]; 6] = [
        [303, 303, 303, 303, 303],
        [200, 403, 403, 403, 403],
        [200, 403, 403, 403, 403],
        [200, 200, 403, 403, 403],
        [200, 200, 200, 200, 200],
        [200, 200, 200, 200, 200],
    ];
    for (who, handle) in handles.iter().enumerate() {
        let mut browser = app.browser().await;
        if let Some(handle) = handle {
            browser.sign_in(handle).await;
        }
        for (i, page) in pages.iter().enumerate() {
            let status = browser.get(page).await.status.as_u16();
            // Another scholar (not enrolled) may not read the module; a trainer of another course neither.
            let want = if i == 0 && (who == 2 || who == 3) { 403 } else { expected[who][i] };
            assert_eq!(status, want, "GET {page} as role #{who}");
        }
    }

    // Order: reads first, then changes whose effects later rows do not depend on.
    let cases: Vec<(Method, &str, Value, [u16; 6])> = vec![
        (Method::GET, "/courses", json!(null), [200, 200, 200, 200, 200, 200]),
        (Method::GET, "/courses/alpha", json!(null), [200, 200, 200, 200, 200, 200]),
        (Method::GET, "/courses/hidden", json!(null), [404, 404, 404, 404, 200, 200]),
        (Method::GET, "/courses/alpha/modules/one", json!(null), [401, 200, 403, 403, 200, 200]),
        (Method::GET, "/courses/hidden/modules/one", json!(null), [401, 404, 404, 404, 200, 200]),
        (Method::GET, "/courses/alpha/modules/one/revisions", json!(null), [401, 403, 403, 403, 200, 200]),
        (Method::GET, "/courses/hidden/modules/one/revisions", json!(null), [401, 403, 403, 404, 200, 200]),
        (Method::POST, "/courses/alpha/modules/one/complete", json!({}), [401, 200, 403, 403, 403, 403]),
        (Method::PUT, "/courses/alpha/modules/one", module, [401, 403, 403, 403, 200, 200]),
        (Method::POST, "/courses/alpha/modules/one/revisions/1/restore", json!({}), [401, 403, 403, 403, 200, 200]),
        (Method::PUT, "/courses/alpha", course_body("Alpha", true), [401, 403, 403, 403, 200, 200]),
        (Method::POST, "/courses/alpha/enrolments", user_body.clone(), [401, 403, 403, 403, 200, 200]),
        (Method::POST, "/courses/alpha/trainers", json!({"user_id": "nobody"}), [401, 403, 403, 403, 403, 422]),
        (Method::POST, "/courses/alpha/unpublish", json!({}), [401, 403, 403, 403, 200, 200]),
        // While unpublished, alpha is invisible to the other trainer: 404 rather than 403.
        (Method::POST, "/courses/alpha/publish", json!({}), [401, 403, 403, 404, 200, 200]),
        (Method::POST, "/courses/alpha/enrol", json!({}), [401, 200, 200, 200, 200, 200]),
    ];
    for (method, path, body, expected) in cases {
        for (who, api) in cast.all().into_iter().enumerate() {
            let mut req = api.raw(method.clone(), path);
            if !body.is_null() {
                req = req.json(&body);
            }
            let status = req.send().await.expect("send").status().as_u16();
            assert_eq!(status, expected[who], "{method} {path} as role #{who}");
        }
    }
    // Creating a course: any trainer, never a scholar.
    for (who, api) in cast.all().into_iter().enumerate() {
        let status = api
            .raw(Method::PUT, &format!("/courses/new-{who}"))
            .json(&course_body("New", true))
            .send()
            .await
            .expect("send")
            .status();
        assert_eq!(status.as_u16(), [401, 403, 403, 200, 200, 200][who], "PUT /courses/new-{who}");
    }
}

async fn a_trainer_writes_a_module_in_the_browser(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.create_user("author", Role::Trainer);
    let mut browser = app.browser().await;
    browser.sign_in("author").await;
    browser.get("/trainer").await;
    let page = browser.post("/trainer/courses", &[("slug", "Not A Slug"), ("texts.en.title", "Harm reduction")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.value_of("#f-slug").as_deref(), Some("Not A Slug"), "what was typed stays");
    let page =
        browser.post("/trainer/courses", &[("slug", "harm-reduction"), ("texts.en.title", "Harm reduction")]).await;
    assert_eq!(page.location.as_deref(), Some("/trainer/courses/harm-reduction"));
    browser.get("/trainer/courses/harm-reduction").await;
    let page = browser.post("/trainer/courses/harm-reduction/new-module", &[("module_slug", "basics")]).await;
    let editor = page.location.expect("to the editor");
    browser.get(&editor).await;
    let page = browser
        .post(
            "/trainer/courses/harm-reduction/modules/basics/edit",
            &[
                ("language", "en"),
                ("title", "Basics"),
                ("markdown", "## What it is\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("section.preview table"), "the preview renders without JavaScript");
    assert_eq!(page.value_of("#f-title").as_deref(), Some("Basics"));
    let page = browser
        .post(
            "/trainer/courses/harm-reduction/modules/basics/edit",
            &[("language", "en"), ("title", ""), ("markdown", "Text")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-title-error") && page.body.contains(">Text</textarea>"), "the text is kept beside the error");
    // Minutes out of range are refused beside the field, the text kept.
    let save = |minutes: &'static str| {
        [
            ("language", "en"),
            ("title", "Basics"),
            ("markdown", "## What it is\n\nText."),
            ("minutes", minutes),
            ("action", "save"),
        ]
    };
    let page = browser.post("/trainer/courses/harm-reduction/modules/basics/edit", &save("0")).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-minutes-error") && page.body.contains("What it is"), "{}", page.text());
    let page = browser.post("/trainer/courses/harm-reduction/modules/basics/edit", &save("12")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = browser.get(page.location.as_deref().unwrap_or("/")).await;
    assert!(page.text().contains("Saved as revision 1."));
    assert_eq!(page.value_of("#f-minutes").as_deref(), Some("12"), "the minutes are kept with the module");
    // The API takes them too, in the same range.
    let (_, api) = app.signed_in("author-api", Role::Admin).await;
    let body = json!({"language": "en", "title": "Basics", "markdown": "## What it is\n\nText.", "minutes": 601});
    let (status, refused) = api.send(api.raw(Method::PUT, "/courses/harm-reduction/modules/basics").json(&body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(refused["error"]["fields"]["minutes"].is_array(), "{refused}");
    let page = browser.post("/trainer/courses/harm-reduction/publish", &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let (_, list) = app.api().get("/courses").await;
    assert!(list.to_string().contains("harm-reduction"), "published: {list}");
    let page = browser.get("/courses/harm-reduction").await;
    assert!(page.text().contains("12 minutes"), "readers see the minutes: {}", page.text());
}
