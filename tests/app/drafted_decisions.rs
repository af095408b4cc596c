//! Drafted decisions: an administrator drafts awards and rejections without anyone being told, enrolled
//! or offered anything; publishing makes them take effect together and tells each applicant (email and
//! inbox); drafts that would exceed the seats are refused, and a publish that would is refused whole.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, SmtpSink, TestApp};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(drafted_decisions_reach_nobody_until_published, awarding_beyond_the_seats_names_who_got_a_place_and_who_did_not);

async fn drafted_decisions_reach_nobody_until_published(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, move |s| s.smtp_url = Some(url)).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("drafter", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let mut people = Vec::new();
    for name in ["ana", "bea", "cat"] {
        let (_, api) = person(&app, &format!("d-{name}"), Some(&format!("{name}@example.org")), "en").await;
        let id = apply(&api, &pid, "UA").await;
        people.push((api, id));
    }
    // "Application received" to each: three messages before any decision.
    let before = smtp.wait_for(3, 10).await.len();

    // Two awards and a rejection, drafted (one in bulk).
    let (status, body) = admin
        .post(
            &format!("/programmes/{pid}/decisions"),
            json!({"decision": "award", "application_ids": [people[0].1, people[1].1], "draft": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["refused"], json!([]), "{body}");
    let (status, body) = admin
        .post(&format!("/applications/{}/decision", people[2].1), json!({"decision": "reject", "draft": true}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted", "a draft changes nothing yet: {body}");
    // A third award would exceed the two seats: refused, even as a draft.
    let (status, _) = admin
        .post(&format!("/applications/{}/decision", people[2].1), json!({"decision": "award", "draft": true}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Nobody is told, offered or enrolled.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), before, "no email before publishing");
    for (api, id) in &people {
        let (_, mine) = api.get(&format!("/programmes/{pid}/application")).await;
        assert_eq!(mine["status"], "submitted", "{mine}");
        assert_eq!(api.post(&format!("/applications/{id}/accept"), json!({})).await.0, StatusCode::CONFLICT);
        let (_, notices) = api.get("/me/notices").await;
        assert_eq!(notices["items"].as_array().map(Vec::len), Some(1), "only 'received': {notices}");
        let (_, course) = api.get("/courses/track").await;
        assert_eq!(course["enrolled"], false);
    }
    // Only administrators publish.
    let (_, stranger) = app.signed_in("d-stranger", Role::Trainer).await;
    assert_eq!(
        stranger.post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        people[0].0.post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.api().post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await.0,
        StatusCode::UNAUTHORIZED
    );

    // Published: each takes effect and each applicant is told.
    let (status, body) = admin.post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["published"], 3);
    let statuses: Vec<String> = {
        let mut all = Vec::new();
        for (api, _) in &people {
            all.push(
                api.get(&format!("/programmes/{pid}/application")).await.1["status"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
        all
    };
    assert_eq!(statuses, ["awarded", "awarded", "rejected"]);
    assert_eq!(smtp.wait_for(before + 3, 10).await.len(), before + 3, "one decision email each");
    let (_, course) = people[0].0.get("/courses/track").await;
    assert_eq!(course["enrolled"], true, "an award enrols at once, as the contract says");
    let (_, again) = admin.post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await;
    assert_eq!(again["published"], 0, "nothing drafted is left");

    // Seats are checked again at publishing: a draft made when a seat was free, then the seat taken at
    // once by another decision, publishes nothing.
    let (_, dee) = person(&app, "d-dee", None, "en").await;
    let dee_id = apply(&dee, &pid, "UA").await;
    admin.post(&format!("/applications/{}/decision", people[1].1), json!({"decision": "reject"})).await;
    let (status, _) =
        admin.post(&format!("/applications/{dee_id}/decision"), json!({"decision": "award", "draft": true})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) =
        admin.post(&format!("/applications/{}/decision", people[2].1), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::OK, "an immediate award takes the freed seat");
    let (status, body) = admin.post(&format!("/programmes/{pid}/decisions/publish"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (_, mine) = dee.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(mine["status"], "submitted", "nothing was published: {mine}");
}

async fn awarding_beyond_the_seats_names_who_got_a_place_and_who_did_not(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("seats-admin", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let mut ids = Vec::new();
    for name in ["s-ana", "s-bea", "s-cat"] {
        let (_, api) = person(&app, name, None, "en").await;
        ids.push(apply(&api, &pid, "UA").await);
    }
    // Three awards ticked for two places, on the page.
    let mut browser = app.browser().await;
    browser.sign_in("seats-admin").await;
    browser.get(&format!("/admin/programmes/{pid}")).await;
    let fields: Vec<(&str, &str)> =
        std::iter::once(("decision", "award")).chain(ids.iter().map(|id| ("application", id.as_str()))).collect();
    let page = browser.post(&format!("/admin/programmes/{pid}/decisions"), &fields).await;
    let text = page.text();
    let short = |id: &str| id[id.len() - 6..].to_uppercase();
    assert!(text.contains(&format!("Drafted for: s-ana ({}), s-bea ({})", short(&ids[0]), short(&ids[1]))), "{text}");
    assert!(text.contains(&format!("Not drafted: s-cat ({}): ", short(&ids[2]))), "{text}");
    assert!(!text.contains("Drafted. Nobody"), "not the plain 'drafted' beside a refusal: {text}");
}
