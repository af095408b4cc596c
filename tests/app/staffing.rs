//! An administrator puts trainers on a course from the web, and takes them off: only administrators may,
//! a scholar cannot be made a trainer, the trainer is told in her inbox, and every change is confirmed on
//! the page after a redirect (a reload never posts again).

use pravo::accounts::model::Role;
use reqwest::StatusCode;

use crate::both;
use crate::helpers::{Backend, TestApp};

both!(an_administrator_puts_trainers_on_a_course_from_the_web);

const PAGE: &str = "/trainer/courses/human-rights-monitoring/trainers";

async fn an_administrator_puts_trainers_on_a_course_from_the_web(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (tamara_id, tamara_api) = app.signed_in("tamara", Role::Trainer).await;
    app.create_user("sam", Role::Scholar);
    app.create_user("other-trainer", Role::Trainer);
    let mut admin = app.browser().await;
    app.create_user("chief", Role::Admin);
    admin.sign_in("chief").await;
    let mut tamara = app.browser().await;
    tamara.sign_in("tamara").await;

    // Who may open the page: administrators only.
    let anonymous = app.browser().await.get(PAGE).await.status;
    assert!(matches!(anonymous, StatusCode::UNAUTHORIZED | StatusCode::SEE_OTHER), "anonymous: {anonymous}");
    for handle in ["sam", "other-trainer", "tamara"] {
        let mut b = app.browser().await;
        b.sign_in(handle).await;
        assert_eq!(b.get(PAGE).await.status, StatusCode::FORBIDDEN, "{handle}");
    }
    let page = admin.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Nobody teaches this course yet"), "{}", page.text());
    assert_eq!(tamara.get("/trainer/courses/human-rights-monitoring").await.status, StatusCode::FORBIDDEN);

    // A scholar cannot be made a trainer; an unknown handle is named; what was typed stays.
    let page = admin.post(PAGE, &[("handle", "sam")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text().contains("Only trainers and administrators can teach a course"), "{}", page.text());
    assert_eq!(page.value_of("#f-handle").as_deref(), Some("sam"));
    let page = admin.post(PAGE, &[("handle", "nobody")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-handle-error"));

    // Tamara is put on the course: the page confirms it after a redirect, and her inbox tells her.
    let page = admin.post(PAGE, &[("handle", " Tamara ")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = admin.get(&page.location.unwrap_or_default()).await;
    assert!(page.text().contains("The trainer was added"), "{}", page.text());
    assert!(page.has(&format!("form[action='{PAGE}/{tamara_id}/remove'] button[aria-label]")));
    let (_, notices) = tamara_api.get("/me/notices").await;
    assert_eq!(notices["items"][0]["kind"], "course_assigned", "{notices}");
    assert_eq!(notices["items"][0]["link"], "/trainer/courses/human-rights-monitoring");
    assert_eq!(tamara.get("/trainer/courses/human-rights-monitoring").await.status, StatusCode::OK);
    assert_eq!(tamara.get(PAGE).await.status, StatusCode::FORBIDDEN, "a trainer does not staff her own course");

    // Only an administrator takes her off; then she cannot edit the course, and a second removal is a 404.
    let remove = format!("{PAGE}/{tamara_id}/remove");
    assert_eq!(tamara.post(&remove, &[]).await.status, StatusCode::FORBIDDEN);
    let page = admin.post(&remove, &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(admin.get(&page.location.unwrap_or_default()).await.text().contains("The trainer was removed"));
    assert_eq!(tamara.get("/trainer/courses/human-rights-monitoring").await.status, StatusCode::FORBIDDEN);
    assert_eq!(admin.post(&remove, &[]).await.status, StatusCode::NOT_FOUND);
}
