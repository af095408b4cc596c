//! A reviewer finds her work from the navigation, whatever her role: "Review" appears for anyone who reviews
//! for a programme, with how many applications wait, going down as she reviews; a scholar who reviews
//! nothing sees no such link.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TestApp};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(a_scholar_reviewer_finds_her_queue_in_the_navigation,);

async fn a_scholar_reviewer_finds_her_queue_in_the_navigation(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("nav-admin", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (reviewer_id, reviewer) = app.signed_in("nav-reviewer", Role::Scholar).await;
    app.signed_in("nav-bystander", Role::Scholar).await;
    let mut ids = Vec::new();
    for name in ["nav-a", "nav-b"] {
        let (_, api) = person(&app, name, None, "en").await;
        ids.push(apply(&api, &pid, "UA").await);
    }
    let mut page = app.browser().await;
    page.sign_in("nav-reviewer").await;
    assert!(!page.get("/").await.has("header nav a[href='/review']"), "no assignment yet, no link");
    let (status, _) = admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": reviewer_id})).await;
    assert_eq!(status, StatusCode::OK);

    let home = page.get("/").await;
    assert!(home.has("header nav a[href='/review'] span.count"), "{}", home.body);
    assert_eq!(home.text().matches("2 waiting for your review").count(), 1, "{}", home.text());
    let queue = page.get("/review").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.has("header nav a[href='/review'][aria-current=page]"));

    let review = json!({"scores": {"c1": 4, "c2": 3}, "comment": "Clear."});
    assert_eq!(reviewer.post(&format!("/applications/{}/reviews", ids[0]), review).await.0, StatusCode::CREATED);
    assert!(page.get("/").await.text().contains("1 waiting for your review"));
    let conflict = json!({"conflict": true});
    reviewer.post(&format!("/applications/{}/reviews", ids[1]), conflict).await;
    let done = page.get("/").await;
    assert!(done.has("header nav a[href='/review']"), "her reviews stay within reach");
    assert!(!done.has("header nav a[href='/review'] span.count"), "nothing waits: no count");

    // From the page: saving a review leads on to the next application waiting, then back to the list.
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let second = created["id"].as_str().unwrap_or_default().to_owned();
    admin.post(&format!("/programmes/{second}/reviewers"), json!({"user_id": reviewer_id})).await;
    let mut later = Vec::new();
    for name in ["nav-c", "nav-d"] {
        let (_, api) = person(&app, name, None, "en").await;
        later.push(apply(&api, &second, "UA").await);
    }
    page.get(&format!("/applications/{}", later[0])).await;
    let fields = [("scores.c1", "5"), ("scores.c2", "4"), ("comment", "Careful.")];
    let saved = page.post(&format!("/applications/{}/review", later[0]), &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location, Some(format!("/applications/{}?done=saved", later[1])));
    let next = page.get(saved.location.as_deref().unwrap_or_default()).await;
    assert!(next.text().contains("This is the next application waiting for you."), "{}", next.text());
    let saved = page.post(&format!("/applications/{}/review", later[1]), &fields).await;
    assert_eq!(saved.location.as_deref(), Some("/review?done=saved"));

    let mut bystander = app.browser().await;
    bystander.sign_in("nav-bystander").await;
    assert!(!bystander.get("/").await.has("header nav a[href='/review']"));
}
