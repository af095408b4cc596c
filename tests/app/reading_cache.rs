//! The reading pages keep course outlines and module texts in memory. Each instance must still show what
//! the database holds: a change made through another instance on the same database (or by `pravo courses
//! import`, or by hand in SQL) shows at once, and so does a change of access.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Api, Backend, TestApp};

both!(a_change_made_on_another_instance_shows_at_once);

async fn a_change_made_on_another_instance_shows_at_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (other, _data) = app.second_instance().await;

    let (_, trainer) = app.signed_in("cache-coach", Role::Trainer).await;
    let (_, scholar) = app.signed_in("cache-reader", Role::Scholar).await;
    let trainer_there = Api::at(&other, trainer.token.clone());
    let put_module = |api: &Api, slug: &str, markdown: &str| {
        api.raw(Method::PUT, &format!("/courses/cached/modules/{slug}"))
            .json(&json!({"language": "en", "title": format!("Title of {slug}"), "markdown": markdown}))
    };
    let course = json!({"texts": {"en": {"title": "Cached", "summary": ""}}, "open": true, "hours": 1});
    assert_eq!(trainer.send(trainer.raw(Method::PUT, "/courses/cached").json(&course)).await.0, StatusCode::OK);
    assert_eq!(trainer.send(put_module(&trainer, "one", "The first text.")).await.0, StatusCode::OK);
    assert_eq!(trainer.post("/courses/cached/publish", json!({})).await.0, StatusCode::OK);
    assert_eq!(scholar.post("/courses/cached/enrol", json!({})).await.0, StatusCode::OK);

    // Read twice on the first instance, so that what it holds in memory is used.
    for _ in 0..2 {
        let (status, module) = scholar.get("/courses/cached/modules/one").await;
        assert_eq!(status, StatusCode::OK);
        assert!(module["html"].as_str().unwrap_or_default().contains("The first text."), "{module}");
    }

    // A new revision and a new module, saved through the other instance.
    assert_eq!(trainer_there.send(put_module(&trainer_there, "one", "The second text.")).await.0, StatusCode::OK);
    assert_eq!(trainer_there.send(put_module(&trainer_there, "two", "Another module.")).await.0, StatusCode::OK);
    let (_, module) = scholar.get("/courses/cached/modules/one").await;
    assert!(module["html"].as_str().unwrap_or_default().contains("The second text."), "{module}");
    assert_eq!(module["next"], "two", "the new module is in the outline: {module}");
    let (_, course) = scholar.get("/courses/cached").await;
    assert_eq!(course["modules"].as_array().map(Vec::len), Some(2), "{course}");

    // A change by hand in the database (an operator's SQL, a restore) is seen too.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.connection();
        diesel::sql_query("UPDATE module_revisions SET html = '<p>Fixed by hand.</p>' WHERE html LIKE '%second text%'")
            .execute(&mut conn)
            .expect("update by hand");
    }
    let (_, module) = scholar.get("/courses/cached/modules/one").await;
    assert!(module["html"].as_str().unwrap_or_default().contains("Fixed by hand."), "{module}");

    // Unpublished on the other instance: gone for the scholar here, page and API alike.
    assert_eq!(trainer_there.post("/courses/cached/unpublish", json!({})).await.0, StatusCode::OK);
    assert_eq!(scholar.get("/courses/cached/modules/one").await.0, StatusCode::NOT_FOUND);
    assert_eq!(scholar.get("/courses/cached").await.0, StatusCode::NOT_FOUND);
    assert_eq!(trainer.get("/courses/cached/modules/one").await.0, StatusCode::OK, "its trainer still reads it");
}
