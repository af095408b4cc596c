//! The pages a scholar opens most, and a trainer's results and item statistics, cost a fixed number of SQL
//! statements however many courses, modules, completions and attempts there are: counted on the app's own
//! pool (`Db::statements`), before and after the data grows.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Api, Backend, TestApp};

both!(the_most_used_pages_cost_the_same_queries_whatever_the_data);

/// The statements one GET runs: the least of three tries, so that a background task (the mail worker,
/// the "continue here" writer) running at the same moment is not counted.
async fn statements(app: &TestApp, token: &str, path: &str) -> u64 {
    let client = reqwest::Client::new();
    let mut least = u64::MAX;
    for _ in 0..3 {
        let before = app.db.statements();
        let res = client.get(app.url(path)).bearer_auth(token).send().await.expect("send");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let _ = res.bytes().await;
        least = least.min(app.db.statements() - before);
    }
    least
}

async fn course_with_modules(trainer: &Api, slug: &str, modules: usize) -> String {
    let course = json!({"texts": {"en": {"title": format!("Course {slug}"), "summary": ""}}, "open": true});
    assert_eq!(
        trainer.send(trainer.raw(Method::PUT, &format!("/courses/{slug}")).json(&course)).await.0,
        StatusCode::OK
    );
    for m in 0..modules {
        let module = json!({"language": "en", "title": format!("Module {m}"), "markdown": "Read this."});
        let put = trainer.raw(Method::PUT, &format!("/courses/{slug}/modules/m{m}")).json(&module);
        assert_eq!(trainer.send(put).await.0, StatusCode::OK);
    }
    let settings = json!({"pass_percent": 50, "shuffle_questions": false, "shuffle_choices": false,
        "review": "after_attempt", "required_for_completion": true});
    let quiz = json!({"settings": settings, "format": "gift", "source": "// [id:q]\nTrue?{T}"});
    let (status, saved) =
        trainer.send(trainer.raw(Method::PUT, &format!("/courses/{slug}/modules/m0/quiz")).json(&quiz)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(trainer.post(&format!("/courses/{slug}/publish"), json!({})).await.0, StatusCode::OK);
    saved["quiz_id"].as_str().unwrap_or_default().to_owned()
}

async fn take_quiz(scholar: &Api, quiz: &str) {
    let (status, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{attempt}");
    let id = attempt["id"].as_str().unwrap_or_default();
    let answer = scholar.raw(Method::PUT, &format!("/attempts/{id}/answers/q")).json(&json!({"answer": true}));
    assert!(scholar.send(answer).await.0.is_success());
    assert_eq!(scholar.post(&format!("/attempts/{id}/submit"), json!({})).await.0, StatusCode::OK);
}

async fn the_most_used_pages_cost_the_same_queries_whatever_the_data(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("count-coach", Role::Trainer).await;
    let (_, scholar) = app.signed_in("count-reader", Role::Scholar).await;
    let token = scholar.token.clone().unwrap_or_default();
    let quiz = course_with_modules(&trainer, "first", 2).await;
    scholar.post("/courses/first/enrol", json!({})).await;
    scholar.post("/courses/first/modules/m0/complete", json!({})).await;
    take_quiz(&scholar, &quiz).await;
    let pages = [
        "/api/v1/courses/first/modules/m1",
        "/courses/first/modules/m1",
        "/api/v1/courses/first",
        "/courses/first",
        "/api/v1/courses",
        "/courses",
        &format!("/quizzes/{quiz}"),
        "/api/v1/me/certificates",
    ];
    let coach = trainer.token.clone().unwrap_or_default();
    let staff_pages = [
        format!("/trainer/quizzes/{quiz}/results"),
        format!("/api/v1/quizzes/{quiz}/results"),
        format!("/trainer/quizzes/{quiz}/statistics"),
        format!("/api/v1/quizzes/{quiz}/statistics?attempts=all"),
    ];
    let mut small = Vec::new();
    for page in pages {
        small.push(statements(&app, &token, page).await);
    }
    let mut staff_small = Vec::new();
    for page in &staff_pages {
        staff_small.push(statements(&app, &coach, page).await);
    }

    // More of everything: courses, modules, her enrolments, completions and attempts.
    for c in 0..6 {
        let slug = format!("more-{c}");
        let other = course_with_modules(&trainer, &slug, 8).await;
        scholar.post(&format!("/courses/{slug}/enrol"), json!({})).await;
        for m in 0..8 {
            scholar.post(&format!("/courses/{slug}/modules/m{m}/complete"), json!({})).await;
        }
        take_quiz(&scholar, &other).await;
    }
    for m in 2..10 {
        let module = json!({"language": "en", "title": format!("Module {m}"), "markdown": "More."});
        trainer.send(trainer.raw(Method::PUT, &format!("/courses/first/modules/m{m}")).json(&module)).await;
    }
    for _ in 0..4 {
        take_quiz(&scholar, &quiz).await;
    }
    for (page, before) in pages.iter().zip(small) {
        let after = statements(&app, &token, page).await;
        eprintln!("{page}: {before} statements, {after} with more data");
        assert_eq!(after, before, "{page}: {before} statements with little data, {after} with more");
        // The most, on PostgreSQL (each read hop is a transaction): the quiz introduction, which also reads
        // its number of questions.
        assert!(after <= 13, "{page} runs {after} statements");
    }
    // A trainer's results and item statistics: the same however many attempts were made.
    for (page, before) in staff_pages.iter().zip(staff_small) {
        let after = statements(&app, &coach, page).await;
        eprintln!("{page}: {before} statements, {after} with more data");
        assert_eq!(after, before, "{page}: {before} statements with few attempts, {after} with more");
    }
}
