//! The inbox: every event that emails someone also leaves a notice, so a scholar without an address
//! misses nothing. Titles name no course and no programme; the navigation counts what is unread (without
//! JavaScript); opening a notice marks it read and leads to its page; nobody opens another's notice.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Backend, TestApp};
use crate::quizzes::{course_with_quiz, put_answer};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(a_scholar_without_email_learns_everything_from_her_inbox);

fn kinds(list: &Value) -> Vec<String> {
    let mut kinds: Vec<String> =
        list["items"].as_array().into_iter().flatten().filter_map(|n| n["kind"].as_str().map(str::to_owned)).collect();
    kinds.sort();
    kinds
}

async fn a_scholar_without_email_learns_everything_from_her_inbox(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();

    // Nadia has no email address. She applies, and is offered a place.
    let (_, nadia) = person(&app, "nadia", None, "ru").await;
    let application = apply(&nadia, &pid, "UA").await;
    let (status, _) = admin.post(&format!("/applications/{application}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::OK);

    // A trainer grades her essay.
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:e]\nWhy?{}\n\n// [id:t]\nTrue?{T}", json!({})).await;
    nadia.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = nadia.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let attempt = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&nadia, &attempt, "e", json!("Because.")).await;
    nadia.post(&format!("/attempts/{attempt}/submit"), json!({})).await;
    let grade = trainer.raw(Method::PUT, &format!("/attempts/{attempt}/answers/e/grade")).json(&json!({"score": 1}));
    assert_eq!(trainer.send(grade).await.0, StatusCode::OK);

    // The award enrolled her in the programme's course; finishing it issues a certificate.
    for module in ["one", "two"] {
        let (status, _) = nadia.post(&format!("/courses/track/modules/{module}/complete"), json!({})).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (_, certificates) = nadia.get("/me/certificates").await;
    assert_eq!(certificates["items"].as_array().map(Vec::len), Some(1), "{certificates}");

    // Rita is asked to review the call's applications.
    let (rita_id, rita) = person(&app, "rita", None, "en").await;
    let (status, _) = admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": rita_id})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = rita.get("/me/notices").await;
    assert_eq!(kinds(&list), ["review_assigned"], "{list}");
    assert_eq!(list["items"][0]["link"], "/review");

    let (status, list) = nadia.get("/me/notices").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kinds(&list), ["application_received", "certificate", "decision", "graded"], "{list}");
    assert_eq!(list["unread"], 4);
    for notice in list["items"].as_array().into_iter().flatten() {
        let title = notice["title"].as_str().unwrap_or_default();
        assert!(!title.is_empty() && !title.contains("notice-"), "translated: {notice}");
        for topic in ["Monitoring", "Стипенд", "Documenting", "Quiz course", "track", "qc"] {
            assert!(!title.contains(topic), "a title names no programme or course: {title}");
        }
        assert!(notice["link"].as_str().is_some_and(|l| l.starts_with('/')), "{notice}");
    }
    let graded = list["items"].as_array().into_iter().flatten().find(|n| n["kind"] == "graded").cloned();
    let graded = graded.unwrap_or_default();
    assert_eq!(graded["link"], format!("/attempts/{attempt}"));
    assert_eq!(graded["title"], "Результат готов", "in her language");

    // In the browser, without JavaScript: the navigation counts them, the inbox lists them.
    let mut phone = app.browser().await;
    phone.sign_in("nadia").await;
    let home = phone.get("/").await;
    let count = scraper::Selector::parse("a[href='/inbox'] .count").expect("selector");
    let shown: String =
        scraper::Html::parse_document(&home.body).select(&count).flat_map(|e| e.text()).collect::<String>();
    assert_eq!(shown, "4", "{}", home.body);
    let inbox = phone.get("/inbox").await;
    assert_eq!(inbox.status, StatusCode::OK);
    let doc = scraper::Html::parse_document(&inbox.body);
    let unread = scraper::Selector::parse("ul.inbox li.unread a").expect("selector");
    let links: Vec<String> = doc.select(&unread).filter_map(|a| a.value().attr("href").map(str::to_owned)).collect();
    assert_eq!(links.len(), 4, "{}", inbox.body);

    // Opening one marks it read and leads to its page; nobody else can open it.
    let graded_id = graded["id"].as_str().unwrap_or_default();
    for (handle, role) in [("other-scholar", Role::Scholar), ("a-trainer", Role::Trainer), ("an-admin", Role::Admin)] {
        let (_, other) = app.signed_in(handle, role).await;
        let (status, _) = other.post(&format!("/me/notices/{graded_id}/read"), json!({})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{handle} cannot open her notice");
        let mut browser = app.browser().await;
        browser.sign_in(handle).await;
        assert_eq!(browser.get(&format!("/inbox/{graded_id}")).await.status, StatusCode::NOT_FOUND, "{handle}");
    }
    let anonymous = app.api();
    assert_eq!(anonymous.get("/me/notices").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.post(&format!("/me/notices/{graded_id}/read"), json!({})).await.0, StatusCode::UNAUTHORIZED);
    let opened = phone.get(&format!("/inbox/{graded_id}")).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(opened.location.as_deref(), Some(format!("/attempts/{attempt}").as_str()));
    let (_, list) = nadia.get("/me/notices").await;
    assert_eq!(list["unread"], 3);
    let (status, _) = nadia.post(&format!("/me/notices/{graded_id}/read"), json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "reading twice is fine");

    // "Mark all as read" empties the count.
    let read = phone.post("/inbox/read", &[]).await;
    assert_eq!(read.status, StatusCode::SEE_OTHER);
    let (_, list) = nadia.get("/me/notices").await;
    assert_eq!(list["unread"], 0);
    assert!(!phone.get("/").await.has("a[href='/inbox'] .count"), "no count when nothing is unread");
}
