//! A reviewer finds her work from the navigation, whatever her role: "Review" appears for anyone who reviews
//! for a programme, with how many applications wait, going down as she reviews; a scholar who reviews
//! nothing sees no such link.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TestApp};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(
    a_scholar_reviewer_finds_her_queue_in_the_navigation,
    applicants_never_review_their_own_call,
    a_declared_conflict_can_be_taken_back,
);

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

/// An applicant to a call cannot be made its reviewer (she would read her competitors' applications), and
/// a reviewer who applies is taken off the call, her reviews of it no longer counting.
async fn applicants_never_review_their_own_call(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("own-admin", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (applicant_id, applicant) = person(&app, "own-applicant", None, "en").await;
    apply(&applicant, &pid, "UA").await;
    let (status, body) = admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": applicant_id})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["error"]["message"].as_str().unwrap_or_default().contains("has applied to this call"), "{body}");
    // The page says so too, naming her.
    let mut page = app.browser().await;
    page.sign_in("own-admin").await;
    page.get(&format!("/admin/programmes/{pid}")).await;
    let refused = page.post(&format!("/admin/programmes/{pid}/reviewers"), &[("handle", "own-applicant")]).await;
    assert!(refused.text().contains("own-applicant has applied to this call"), "{}", refused.text());

    // A reviewer who applies later: taken off, her review of a competitor gone from the ranking.
    let (reviewer_id, reviewer) = person(&app, "own-reviewer", None, "en").await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": reviewer_id})).await;
    let (_, assigned) = reviewer.get("/me/reviews").await;
    let competitor = assigned["items"][0]["application_id"].as_str().unwrap_or_default().to_owned();
    let review = json!({"scores": {"c1": 1, "c2": 1}, "comment": "Weak."});
    assert_eq!(reviewer.post(&format!("/applications/{competitor}/reviews"), review).await.0, StatusCode::CREATED);
    let (_, ranking) = admin.get(&format!("/programmes/{pid}/ranking")).await;
    assert_eq!(ranking["items"][0]["reviews"], 1, "{ranking}");
    apply(&reviewer, &pid, "UA").await;
    let (_, ranking) = admin.get(&format!("/programmes/{pid}/ranking")).await;
    let of_competitor =
        ranking["items"].as_array().into_iter().flatten().find(|i| i["application_id"] == competitor.as_str()).cloned();
    assert_eq!(of_competitor.map(|i| i["reviews"].clone()), Some(json!(0)), "{ranking}");
    assert_eq!(
        reviewer.get(&format!("/applications/{competitor}")).await.0,
        StatusCode::NOT_FOUND,
        "no longer hers to read"
    );
}

/// A conflict of interest declared by mistake can be taken back: the application returns to her list.
async fn a_declared_conflict_can_be_taken_back(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("undo-admin", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, applicant) = person(&app, "undo-applicant", None, "en").await;
    let id = apply(&applicant, &pid, "UA").await;
    let (reviewer_id, reviewer) = app.signed_in("undo-reviewer", Role::Scholar).await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": reviewer_id})).await;
    let mut page = app.browser().await;
    page.sign_in("undo-reviewer").await;
    page.get(&format!("/applications/{id}")).await;
    let declared = page.post(&format!("/applications/{id}/conflict"), &[]).await;
    assert_eq!(declared.location, Some(format!("/review?done=conflict&app={id}")));
    let list = page.get(declared.location.as_deref().unwrap_or_default()).await;
    assert!(!list.has(&format!("main table a[href='/applications/{id}']")), "it left her list");
    let undo = list.attr_of(".notice form", "action").unwrap_or_default();
    assert_eq!(undo, format!("/applications/{id}/conflict/withdraw"));
    let back = page.post(&undo, &[]).await;
    assert_eq!(back.location, Some(format!("/applications/{id}")));
    assert!(page.get("/review").await.has(&format!("main table a[href='/applications/{id}']")), "back on her list");
    // Nothing to take back once it is gone, or on a saved review; nobody else may.
    let api_undo =
        |api: &crate::helpers::Api| api.raw(reqwest::Method::DELETE, &format!("/applications/{id}/conflict"));
    assert_eq!(reviewer.send(api_undo(&reviewer)).await.0, StatusCode::CONFLICT);
    reviewer.post(&format!("/applications/{id}/reviews"), json!({"conflict": true})).await;
    assert_eq!(applicant.send(api_undo(&applicant)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(reviewer.send(api_undo(&reviewer)).await.0, StatusCode::NO_CONTENT);
    assert_eq!(app.api().send(api_undo(&app.api())).await.0, StatusCode::UNAUTHORIZED);
}
