//! Blind means blind: while a programme's review is blind, a reviewer reads neither the organisation nor
//! the free-text answers the admin did not mark as safe (a city, a group's name, can say who applied in a
//! small community), on the page and through the API alike. Answers from a fixed list stay; admins read
//! everything; a programme that is not blind shows everything to its reviewers.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TestApp};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(a_blind_reviewer_reads_only_what_cannot_identify_the_applicant);

async fn a_blind_reviewer_reads_only_what_cannot_identify_the_applicant(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let body = programme_body(-1, 48);
    let (_, created) = admin.post("/programmes", body.clone()).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (reviewer_id, reviewer) = person(&app, "reader", None, "en").await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": reviewer_id})).await;
    let (_, olena) = person(&app, "olena", None, "en").await;
    let application = apply(&olena, &pid, "UA").await;

    // Through the API: no organisation, no city; the answer chosen from a list is there.
    let (status, seen) = reviewer.get(&format!("/applications/{application}")).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["organisation"], "", "{seen}");
    assert!(seen["answers"].get("q1").is_none(), "the city is hidden: {seen}");
    assert_eq!(seen["answers"]["q2"], "An NGO");
    assert!(seen.get("handle").is_none());
    // On the page: said to be hidden, and nowhere in the page's text.
    let mut page_reader = app.browser().await;
    page_reader.sign_in("reader").await;
    let page = page_reader.get(&format!("/applications/{application}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Odesa") && !page.body.contains("Harm reduction NGO"), "{}", page.text());
    assert_eq!(page.text().matches("Hidden during blind review.").count(), 2, "{}", page.text());

    // Admins read everything.
    let (_, full) = admin.get(&format!("/applications/{application}")).await;
    assert_eq!(full["organisation"], "Harm reduction NGO");
    assert_eq!(full["answers"]["q1"], "Odesa");

    // The admin marks the city safe to show: the reviewer reads it; the organisation stays hidden.
    let mut changed = body.clone();
    changed["questions"][0]["reviewers_see"] = json!(true);
    let (status, _) = admin.send(admin.raw(Method::PUT, &format!("/programmes/{pid}")).json(&changed)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, seen) = reviewer.get(&format!("/applications/{application}")).await;
    assert_eq!(seen["answers"]["q1"], "Odesa", "{seen}");
    assert_eq!(seen["organisation"], "");
    // The programme's form shows the choice, ticked.
    let mut chief = app.browser().await;
    chief.sign_in("chief").await;
    let page = chief.get(&format!("/admin/programmes/{pid}/edit")).await;
    assert!(page.has("input[name='q.0.reviewers_see'][checked]"), "{}", page.body);

    // Not blind: reviewers read everything.
    changed["blind"] = json!(false);
    changed["questions"][0]["reviewers_see"] = json!(false);
    admin.send(admin.raw(Method::PUT, &format!("/programmes/{pid}")).json(&changed)).await;
    let (_, seen) = reviewer.get(&format!("/applications/{application}")).await;
    assert_eq!(seen["organisation"], "Harm reduction NGO", "{seen}");
    assert_eq!(seen["answers"]["q1"], "Odesa");
}
