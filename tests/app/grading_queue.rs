//! One grading queue for trainers: every essay awaiting a grade in the quizzes they teach (administrators:
//! all), oldest first, with the question, its maximum, the marking guide and the answer; grading from it
//! confirms and leads to the next; a refused grade comes back beside its field with what was typed.

use diesel::prelude::*;
use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, TestApp};

both!(the_queue_holds_every_essay_a_trainer_may_grade_oldest_first, a_trainer_grades_from_the_queue_in_the_browser,);

const ESSAY: &str =
    "// [id:e]\n::Reflect::Why does do-no-harm come first?{####Model\\: consent before anything else.}\n";

/// A published open course `slug` whose module `m1` has the essay quiz; returns the quiz id.
async fn course(trainer: &Api, slug: &str) -> String {
    let body = json!({"texts": {"en": {"title": format!("Course {slug}"), "summary": ""}}, "open": true});
    assert_eq!(trainer.send(trainer.raw(Method::PUT, &format!("/courses/{slug}")).json(&body)).await.0, StatusCode::OK);
    let module = json!({"language": "en", "title": format!("Module of {slug}"), "markdown": "Read."});
    trainer.send(trainer.raw(Method::PUT, &format!("/courses/{slug}/modules/m1")).json(&module)).await;
    trainer.post(&format!("/courses/{slug}/publish"), json!({})).await;
    let settings = json!({"pass_percent": 50, "attempts_allowed": null, "time_limit_seconds": null, "shuffle_questions": false,
        "shuffle_choices": false, "draw": null, "review": "after_attempt", "required_for_completion": true});
    let quiz = json!({"settings": settings, "format": "gift", "source": ESSAY});
    let (status, saved) =
        trainer.send(trainer.raw(Method::PUT, &format!("/courses/{slug}/modules/m1/quiz")).json(&quiz)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    saved["quiz_id"].as_str().unwrap_or_default().to_owned()
}

/// A scholar answers the essay and submits; the submission is dated `minutes_ago`.
async fn essay(app: &TestApp, scholar: &Api, slug: &str, quiz: &str, text: &str, minutes_ago: i64) -> String {
    scholar.post(&format!("/courses/{slug}/enrol"), json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    scholar.send(scholar.raw(Method::PUT, &format!("/attempts/{id}/answers/e")).json(&json!({"answer": text}))).await;
    scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    use pravo::db::schema::attempts;
    let at = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(minutes_ago);
    diesel::update(attempts::table.filter(attempts::id.eq(&id)))
        .set(attempts::submitted_at.eq(Some(at)))
        .execute(&mut app.connection())
        .unwrap_or_else(|e| panic!("{e}"));
    id
}

fn answers(queue: &Value) -> Vec<String> {
    queue["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| i["answer"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn setting(app: &TestApp) -> (Api, Api, Api) {
    let (_, coach) = app.signed_in("queue-coach", Role::Trainer).await;
    let (_, other) = app.signed_in("queue-other", Role::Trainer).await;
    let (_, admin) = app.signed_in("queue-admin", Role::Admin).await;
    let mine = course(&coach, "mine").await;
    let theirs = course(&other, "theirs").await;
    let (_, ana) = app.signed_in("ana", Role::Scholar).await;
    let (_, bea) = app.signed_in("bea", Role::Scholar).await;
    essay(app, &bea, "mine", &mine, "Bea's newer answer", 10).await;
    essay(app, &ana, "theirs", &theirs, "Ana's answer elsewhere", 20).await;
    essay(app, &ana, "mine", &mine, "Ana's older answer", 30).await;
    (coach, other, admin)
}

async fn the_queue_holds_every_essay_a_trainer_may_grade_oldest_first(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (coach, other, admin) = setting(&app).await;
    let (status, queue) = coach.get("/grading").await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    assert_eq!(answers(&queue), ["Ana's older answer", "Bea's newer answer"], "hers only, oldest first");
    let first = &queue["items"][0];
    assert!(first["prompt_html"].as_str().unwrap_or_default().contains("do-no-harm"), "{first}");
    assert!(first["guide_html"].as_str().unwrap_or_default().contains("consent before anything else"), "{first}");
    assert_eq!(first["max_score"], 1.0);
    assert_eq!(first["course_slug"], "mine");
    assert_eq!(answers(&other.get("/grading").await.1), ["Ana's answer elsewhere"]);
    assert_eq!(
        answers(&admin.get("/grading").await.1),
        ["Ana's older answer", "Ana's answer elsewhere", "Bea's newer answer"],
        "administrators: every course"
    );
    let (_, scholar) = app.signed_in("queue-scholar", Role::Scholar).await;
    assert_eq!(scholar.get("/grading").await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.api().get("/grading").await.0, StatusCode::UNAUTHORIZED);

    // Graded, it leaves the queue; a trainer of another course cannot grade it.
    let attempt = first["attempt_id"].as_str().unwrap_or_default().to_owned();
    let grade =
        |api: &Api| api.raw(Method::PUT, &format!("/attempts/{attempt}/answers/e/grade")).json(&json!({"score": 1}));
    assert_eq!(other.send(grade(&other)).await.0, StatusCode::NOT_FOUND, "not hers: as if it did not exist");
    assert_eq!(coach.send(grade(&coach)).await.0, StatusCode::OK);
    assert_eq!(answers(&coach.get("/grading").await.1), ["Bea's newer answer"]);
}

async fn a_trainer_grades_from_the_queue_in_the_browser(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    setting(&app).await;
    let mut browser = app.browser().await;
    browser.sign_in("queue-coach").await;
    let home = browser.get("/trainer").await;
    assert!(home.has("a[href='/trainer/grading']"), "the queue is reached from the trainer's page");
    let page = browser.get("/trainer/grading").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    let (older, newer) = (text.find("Ana's older answer"), text.find("Bea's newer answer"));
    assert!(older.is_some() && older < newer, "oldest first: {text}");
    assert!(!text.contains("Ana's answer elsewhere"), "only her courses");
    assert!(text.contains("do-no-harm") && text.contains("0 to 1") && text.contains("consent before anything else"));
    let action = page.attr_of("form.grading", "action").unwrap_or_default();
    assert!(action.starts_with("/trainer/grading/"), "{action}");

    // A score that is not a number: the queue again, the error beside the score, the comment kept.
    let refused = browser.post(&action, &[("score", "very good"), ("comment", "Clear and careful.")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.has("#form-problem a[href='#f-score']") && refused.has(".field.invalid ul.field-errors"),
        "{}",
        refused.body
    );
    assert!(refused.has("form.grading input#f-score"), "the summary's link leads to the refused field");
    assert!(refused.text().contains("Clear and careful."));
    assert_eq!(refused.value_of("form.grading input[name=score]").as_deref(), Some("very good"));

    // Graded: the page says so (post/redirect/get) and the next answer is first.
    let saved = browser.post(&action, &[("score", "0,5"), ("comment", "Clear and careful.")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location.as_deref(), Some("/trainer/grading?graded=1"));
    let next = browser.get("/trainer/grading?graded=1").await;
    assert!(next.text().contains("The grade is saved and its author is told."), "{}", next.body);
    assert!(!next.text().contains("Ana's older answer") && next.text().contains("Bea's newer answer"));
    let action = next.attr_of("form.grading", "action").unwrap_or_default();
    browser.post(&action, &[("score", "1"), ("comment", "")]).await;
    let done = browser.get("/trainer/grading?graded=1").await;
    assert!(done.text().contains("Nothing else is waiting."), "{}", done.body);

    // Not for scholars; someone not signed in is sent to sign in.
    let mut scholar = app.browser().await;
    scholar.sign_in("ana").await;
    assert_eq!(scholar.get("/trainer/grading").await.status, StatusCode::FORBIDDEN);
    let anonymous = app.browser().await.get("/trainer/grading").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}
