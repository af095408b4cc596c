//! Learning without a connection, server side: what a scholar did offline arrives as one ordered batch
//! and takes effect once (a batch sent again, because the answer to the first was lost, does nothing
//! twice), each step answered with what became of it; what to keep of a course is listed only for those
//! who may read it; pages say which course they belong to (the service worker keeps only those); timed
//! quizzes stay online; signing out tells the browser to delete everything it kept.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, TINY_PNG, TestApp, import_course_folder};
use crate::quizzes::course_with_quiz;

both!(
    steps_done_offline_arrive_once_in_order_with_what_became_of_each,
    a_batch_is_checked_before_anything_of_it_is_done,
    what_to_keep_is_listed_for_readers_only_and_pages_name_their_course,
    signing_out_tells_the_browser_to_delete_what_it_kept,
    receipts_go_after_a_month,
);

const GIFT: &str = "// [id:cap]\n::Capital::Which city is the capital of Ukraine?{=Kyiv ~Lviv}\n\n\
                    // [id:tf]\n::Consent::Consent can be withdrawn.{T}\n";

async fn sync(api: &Api, items: Value) -> (StatusCode, Value) {
    api.post("/me/sync", json!({ "items": items })).await
}

fn outcomes(result: &Value) -> Vec<(String, String, bool)> {
    result["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_owned(),
                i["outcome"].as_str().unwrap_or_default().to_owned(),
                i["repeated"].as_bool().unwrap_or_default(),
            )
        })
        .collect()
}

/// A course `qc` with modules m1 (an untimed quiz of two questions) and m2; a scholar enrolled in it.
async fn course_and_scholar(app: &TestApp, scholar: &str) -> (String, Api) {
    let (_, trainer) = app.signed_in(&format!("{scholar}-coach"), Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({})).await;
    let module = json!({"language": "en", "title": "Module two", "markdown": "More."});
    trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m2").json(&module)).await;
    let (_, api) = app.signed_in(scholar, Role::Scholar).await;
    api.post("/courses/qc/enrol", json!({})).await;
    (quiz, api)
}

fn choice(attempt: &Value, question: &str, text: &str) -> String {
    attempt["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|q| q["id"] == question)
        .flat_map(|q| q["choices"].as_array().cloned().unwrap_or_default())
        .find(|c| c["text_html"].as_str().unwrap_or_default().contains(text))
        .and_then(|c| c["id"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

async fn steps_done_offline_arrive_once_in_order_with_what_became_of_each(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (quiz, scholar) = course_and_scholar(&app, "traveller").await;
    let (status, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{attempt}");
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    let kyiv = choice(&attempt, "cap", "Kyiv");

    // On a train: she marks the first module read, answers both questions, submits. The submit comes
    // last; in any other order it would find questions open and wait.
    let batch = json!([
        {"id": "s1", "kind": "complete", "course": "qc", "module": "m1"},
        {"id": "s2", "kind": "answer", "attempt_id": id, "question_id": "cap", "answer": kyiv},
        {"id": "s3", "kind": "answer", "attempt_id": id, "question_id": "tf", "answer": true},
        {"id": "s4", "kind": "answer", "attempt_id": id, "question_id": "no-such-question", "answer": "x"},
        {"id": "s5", "kind": "submit", "attempt_id": id},
    ]);
    let (status, first) = sync(&scholar, batch.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let expected: Vec<(String, String, bool)> =
        [("s1", "done"), ("s2", "done"), ("s3", "done"), ("s4", "refused"), ("s5", "done")]
            .iter()
            .map(|(i, o)| ((*i).to_owned(), (*o).to_owned(), false))
            .collect();
    assert_eq!(outcomes(&first), expected, "{first}");
    assert_eq!(first["items"][0]["message"], "A module was marked as complete.");
    assert_eq!(first["items"][0]["link"], "/courses/qc/modules/m1");
    assert_eq!(first["items"][3]["message"], "Not done: this is no longer open to you.");
    assert_eq!(first["items"][4]["link"], format!("/attempts/{id}"));

    // It all reached the server: the module is read, the attempt graded with both answers.
    let (_, course) = scholar.get("/courses/qc").await;
    assert_eq!(course["modules"][0]["completed"], true, "{course}");
    assert_eq!(course["modules"][1]["completed"], false, "{course}");
    let (_, graded) = scholar.get(&format!("/attempts/{id}")).await;
    assert!(graded["submitted_at"].is_string(), "{graded}");
    assert_eq!(graded["percent"], 100.0, "{graded}");

    // The answer to the first send was lost; the browser sends the same batch again. Nothing is done
    // twice (a second submit, the late answers after it): every step is reported as received before,
    // with its first outcome.
    let (status, again) = sync(&scholar, batch).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    let repeated: Vec<(String, String, bool)> = expected.iter().map(|(i, o, _)| (i.clone(), o.clone(), true)).collect();
    assert_eq!(outcomes(&again), repeated, "{again}");

    // A new answer to the submitted attempt is refused, and says why.
    let (_, late) =
        sync(&scholar, json!([{"id": "s6", "kind": "answer", "attempt_id": id, "question_id": "tf", "answer": false}]))
            .await;
    assert_eq!(outcomes(&late), [("s6".to_owned(), "refused".to_owned(), false)]);
    assert_eq!(late["items"][0]["message"], "Not saved: the attempt was already closed.");

    // A quiz submitted offline with a question open waits for her to look (the online form would have
    // asked first); the attempt stays open with what she answered.
    let (_, second) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let second_id = second["id"].as_str().unwrap_or_default().to_owned();
    let (_, gaps) = sync(
        &scholar,
        json!([
            {"id": "t1", "kind": "answer", "attempt_id": second_id, "question_id": "tf", "answer": true},
            {"id": "t2", "kind": "submit", "attempt_id": second_id},
        ]),
    )
    .await;
    assert_eq!(outcomes(&gaps)[1].1, "refused", "{gaps}");
    assert!(
        gaps["items"][1]["message"].as_str().unwrap_or_default().contains("some questions have no answer"),
        "{gaps}"
    );
    let (_, open) = scholar.get(&format!("/attempts/{second_id}")).await;
    assert!(open["submitted_at"].is_null(), "{open}");

    // Someone else's steps cannot touch her attempt or a course she is not in; anonymous is refused.
    let (_, other) = app.signed_in("stranger", Role::Scholar).await;
    let (_, theirs) = sync(
        &other,
        json!([
            {"id": "s2", "kind": "answer", "attempt_id": second_id, "question_id": "cap", "answer": kyiv},
            {"id": "x2", "kind": "submit", "attempt_id": second_id},
            {"id": "x3", "kind": "complete", "course": "qc", "module": "m2"},
        ]),
    )
    .await;
    let refused: Vec<String> = outcomes(&theirs).into_iter().map(|(_, o, r)| format!("{o}{r}")).collect();
    assert_eq!(refused, ["refusedfalse"; 3], "ids are per person, and nothing of hers is touched: {theirs}");
    let (_, open) = scholar.get(&format!("/attempts/{second_id}")).await;
    assert!(open["submitted_at"].is_null() && open["answers"]["cap"].is_null(), "{open}");
    assert_eq!(sync(&app.api(), json!([])).await.0, StatusCode::UNAUTHORIZED);

    // Answers in her language.
    scholar.patch("/me", json!({"locale": "ru"})).await;
    let (_, ru) = sync(&scholar, json!([{"id": "r1", "kind": "complete", "course": "qc", "module": "m2"}])).await;
    assert_eq!(ru["items"][0]["message"], "Модуль отмечен как прочитанный.", "{ru}");
}

async fn a_batch_is_checked_before_anything_of_it_is_done(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, scholar) = course_and_scholar(&app, "checker").await;
    // One bad id refuses the whole batch, before its first step is done.
    let (status, body) = sync(
        &scholar,
        json!([
            {"id": "fine", "kind": "complete", "course": "qc", "module": "m1"},
            {"id": "../etc", "kind": "complete", "course": "qc", "module": "m2"},
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["items"].is_array(), "{body}");
    let (_, course) = scholar.get("/courses/qc").await;
    assert_eq!(course["modules"][0]["completed"], false, "nothing of a refused batch is done: {course}");
    let too_many: Vec<Value> =
        (0..501).map(|i| json!({"id": format!("n{i}"), "kind": "complete", "course": "qc", "module": "m1"})).collect();
    assert_eq!(sync(&scholar, json!(too_many)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // A step without what it needs is refused on its own; the others go on.
    let (status, body) = sync(
        &scholar,
        json!([{"id": "a", "kind": "answer", "attempt_id": "x"}, {"id": "b", "kind": "complete", "course": "qc", "module": "m1"}]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        outcomes(&body),
        [("a".to_owned(), "refused".to_owned(), false), ("b".to_owned(), "done".to_owned(), false)]
    );
    assert_eq!(body["items"][0]["message"], "Not done: the step was incomplete.");
    // An unknown kind or a body that is not the shape: 400, nothing done.
    let (status, _) = sync(&scholar, json!([{"id": "c", "kind": "delete_everything"}])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // From a page (cookie session), the batch needs the page's CSRF token: another site cannot send one.
    let mut browser = app.browser().await;
    browser.sign_in("checker").await;
    let forged = browser
        .client
        .post(app.url("/api/v1/me/sync"))
        .json(&json!({"items": [{"id": "f", "kind": "complete", "course": "qc", "module": "m2"}]}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let sent = browser
        .client
        .post(app.url("/api/v1/me/sync"))
        .header("X-CSRF-Token", browser.csrf.clone())
        .json(&json!({"items": [{"id": "g", "kind": "complete", "course": "qc", "module": "m2"}]}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent.status(), StatusCode::OK);
    let (_, course) = scholar.get("/courses/qc").await;
    assert_eq!(course["modules"][1]["completed"], true, "{course}");
}

/// A course `kept` with two modules, a timed quiz on the first and an image.
fn import_course(app: &TestApp) {
    import_course_folder(
        app,
        "kept",
        &[
            ("course.toml", b"open = true\npublished = true\n\n[texts.en]\ntitle = \"Kept course\"\nsummary = \"\"\n"),
            (
                "01-one.en.md",
                b"+++\ntitle = \"One\"\n\n[quiz]\npass_percent = 50\ntime_limit_seconds = 600\n+++\n\nText one. ![A map](media/map.png)\n",
            ),
            ("02-two.en.md", b"+++\ntitle = \"Two\"\n+++\n\nText two.\n"),
            ("01-one.en.gift", b"// [id:q1]\nWhich colour?{=Red ~Blue}\n"),
            ("media/map.png", TINY_PNG),
        ],
    );
}

async fn what_to_keep_is_listed_for_readers_only_and_pages_name_their_course(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    import_course(&app);
    let (_, reader) = app.signed_in("keeper", Role::Scholar).await;
    let (_, outsider) = app.signed_in("outsider-k", Role::Scholar).await;
    let (_, other_trainer) = app.signed_in("other-trainer-k", Role::Trainer).await;
    let (_, admin) = app.signed_in("chief-k", Role::Admin).await;
    async fn list(api: &Api) -> (StatusCode, Value) {
        api.get("/courses/kept/offline").await
    }
    assert_eq!(list(&app.api()).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(list(&outsider).await.0, StatusCode::FORBIDDEN);
    assert_eq!(list(&other_trainer).await.0, StatusCode::FORBIDDEN);
    assert_eq!(list(&admin).await.0, StatusCode::OK);
    assert_eq!(reader.get("/courses/no-such/offline").await.0, StatusCode::NOT_FOUND);
    reader.post("/courses/kept/enrol", json!({})).await;
    let (status, kept) = list(&reader).await;
    assert_eq!(status, StatusCode::OK, "{kept}");
    let (_, course) = reader.get("/courses/kept").await;
    let quiz = course["modules"][0]["quiz_id"].as_str().unwrap_or_default().to_owned();
    let urls: Vec<String> =
        kept["urls"].as_array().into_iter().flatten().filter_map(|u| u.as_str().map(str::to_owned)).collect();
    assert_eq!(
        urls,
        [
            "/courses/kept".to_owned(),
            "/courses/kept/modules/one".into(),
            format!("/quizzes/{quiz}"),
            "/courses/kept/modules/two".into(),
            "/courses/kept/media/map.png".into(),
            "/offline".into(),
        ]
    );

    // Pages of the course say so (the service worker keeps only those, and only for a kept course);
    // the course page offers keeping it (shown by the script), and only to those who may read it.
    let mut browser = app.browser().await;
    browser.sign_in("keeper").await;
    let page = browser.get("/courses/kept").await;
    assert_eq!(page.headers.get("pravo-course").and_then(|v| v.to_str().ok()), Some("kept"));
    assert!(page.has("section#keep-course[hidden][data-slug=kept] button.keep"), "{}", page.body);
    assert!(page.has("script[src^='/static/offline.js']"));
    assert!(page.has("link[rel=manifest][href='/manifest.webmanifest']"));
    let module = browser.get("/courses/kept/modules/two").await;
    assert_eq!(module.headers.get("pravo-course").and_then(|v| v.to_str().ok()), Some("kept"));
    assert!(module.has("#offline-status[hidden][role=status]"));
    // The timed quiz says it needs a connection, and its attempt page is not for keeping or queueing.
    let intro = browser.get(&format!("/quizzes/{quiz}")).await;
    assert!(intro.has("#online-only"), "{}", intro.body);
    let started = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let attempt = browser.get(started.location.as_deref().unwrap_or("/")).await;
    assert!(attempt.has("form.quiz"), "{}", attempt.body);
    assert!(!attempt.has("form.quiz input[name=offline]") && !attempt.has("form.quiz[data-offline]"));
    assert!(attempt.headers.get("pravo-course").is_none());

    let mut stranger = app.browser().await;
    let anonymous = stranger.get("/courses/kept").await;
    assert!(anonymous.headers.get("pravo-course").is_none());
    assert!(!anonymous.has("#keep-course") && !anonymous.has("script[src^='/static/offline.js']"));
    stranger.sign_in("outsider-k").await;
    let outside = stranger.get("/courses/kept").await;
    assert!(outside.headers.get("pravo-course").is_none() && !outside.has("#keep-course"));

    // The worker and the manifest are served from the site itself; the worker is asked for afresh.
    let client = reqwest::Client::new();
    let sw = client.get(app.url("/sw.js")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sw.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-cache"));
    assert!(
        sw.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/javascript")
    );
    let manifest: Value = client
        .get(app.url("/manifest.webmanifest"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_default();
    assert_eq!(manifest["start_url"], "/");
    let icon = manifest["icons"][0]["src"].as_str().unwrap_or_default().to_owned();
    let icon = client.get(app.url(&icon)).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(icon.status(), StatusCode::OK);
    let offline = stranger.get("/offline").await;
    assert_eq!(offline.status, StatusCode::OK);
    assert!(offline.has("h1"), "{}", offline.body);
}

async fn untimed_attempts_can_be_queued(app: &TestApp) {
    let (quiz, _) = course_and_scholar(app, "untimed").await;
    let mut browser = app.browser().await;
    browser.sign_in("untimed").await;
    let started = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let attempt = browser.get(started.location.as_deref().unwrap_or("/")).await;
    assert!(attempt.has("form.quiz[data-offline=queue] input[name=offline][value=queue]"), "{}", attempt.body);
    assert_eq!(attempt.headers.get("pravo-course").and_then(|v| v.to_str().ok()), Some("qc"));
}

async fn signing_out_tells_the_browser_to_delete_what_it_kept(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    untimed_attempts_can_be_queued(&app).await;
    let mut browser = app.browser().await;
    browser.sign_in("untimed").await;
    let out = browser.post("/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let clear = out.headers.get("clear-site-data").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(clear.contains("\"storage\"") && clear.contains("\"cache\""), "{clear}");
    // Signing out everywhere too.
    browser.sign_in("untimed").await;
    browser.get("/account").await;
    let all = browser.post("/account/logout-all", &[]).await;
    assert_eq!(all.status, StatusCode::SEE_OTHER);
    assert!(all.headers.get("clear-site-data").is_some());
}

async fn receipts_go_after_a_month(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, scholar) = course_and_scholar(&app, "monthly").await;
    let step = json!([{"id": "old", "kind": "complete", "course": "qc", "module": "m1"}]);
    assert!(!outcomes(&sync(&scholar, step.clone()).await.1)[0].2);
    assert!(outcomes(&sync(&scholar, step.clone()).await.1)[0].2, "kept for now: a second send is a repeat");
    {
        use diesel::prelude::*;
        use pravo::db::schema::offline_receipts;
        let mut conn = app.connection();
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::days(31);
        diesel::update(offline_receipts::table)
            .set(offline_receipts::created_at.eq(past))
            .execute(&mut conn)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = crate::cli::pravo(&app).args(["retention", "run"]).output().unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(printed.contains("offline_receipts: 1"), "{printed}");
    // Gone: the same id is now a new step (completing again changes nothing).
    assert!(!outcomes(&sync(&scholar, step).await.1)[0].2);
}
