//! Answers are saved from a parsed copy of the quiz kept in memory, and on SQLite the answers saved at the
//! same moment are committed together. What the scholar sees and what is kept must not change for it: a
//! quiz saved again (through another instance, or by hand in SQL) is used at once, and every answer
//! acknowledged under concurrent load is there afterwards, with none lost and none mixed up.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Api, Backend, TestApp};
use crate::quizzes::{course_with_quiz, put_answer};

both!(a_quiz_saved_again_elsewhere_is_used_at_once, answers_saved_at_the_same_moment_are_all_kept);

const FIRST: &str = "// [id:old]\n::Old::The first version's question.{T}\n";
const SECOND: &str = "// [id:new]\n::New::The second version's question.{}\n";

async fn a_quiz_saved_again_elsewhere_is_used_at_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (other, _data) = app.second_instance().await;

    let (_, trainer) = app.signed_in("quiz-cache-coach", Role::Trainer).await;
    let (_, scholar) = app.signed_in("quiz-cache-reader", Role::Scholar).await;
    let quiz = course_with_quiz(&trainer, FIRST, json!({})).await;
    assert_eq!(scholar.post("/courses/qc/enrol", json!({})).await.0, StatusCode::OK);
    // The quiz's page here parses the version and keeps it.
    let (status, shown) = scholar.get(&format!("/quizzes/{quiz}")).await;
    assert_eq!(status, StatusCode::OK, "{shown}");

    // Nobody has attempted it, so saving it again replaces the same version in place: the version number
    // alone cannot tell the held copy is stale.
    let there = Api::at(&other, trainer.token.clone());
    let body = json!({"format": "gift", "source": SECOND});
    let (status, saved) = there.send(there.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&body)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{attempt}");
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    let (_, shown) = scholar.get(&format!("/attempts/{id}")).await;
    let ids: Vec<&str> = shown["questions"].as_array().into_iter().flatten().filter_map(|q| q["id"].as_str()).collect();
    assert_eq!(ids, ["new"], "{shown}");
    assert_eq!(
        put_answer(&scholar, &id, "new", json!("An essay for the new version.")).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(put_answer(&scholar, &id, "old", json!(true)).await.0, StatusCode::NOT_FOUND);

    // A change by hand in the database (an operator's repair) is seen too.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.connection();
        diesel::sql_query("UPDATE quiz_versions SET questions = REPLACE(questions, 'The second version''s question.', 'Mended by hand.')")
            .execute(&mut conn)
            .expect("update by hand");
    }
    let (_, shown) = scholar.get(&format!("/attempts/{id}")).await;
    assert!(shown["questions"][0]["text_html"].as_str().unwrap_or_default().contains("Mended by hand."), "{shown}");
}

/// Eight scholars answer at once, several answers each, as a class sitting a quiz together does; every
/// acknowledged answer is kept, in the right attempt, with the last value each scholar gave.
async fn answers_saved_at_the_same_moment_are_all_kept(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("group-coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:e]\n::E::Write.{}\n", json!({})).await;
    let mut scholars = Vec::new();
    for n in 0..8 {
        let (_, scholar) = app.signed_in(&format!("group-scholar-{n}"), Role::Scholar).await;
        assert_eq!(scholar.post("/courses/qc/enrol", json!({})).await.0, StatusCode::OK);
        let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
        scholars.push((n, scholar, attempt["id"].as_str().unwrap_or_default().to_owned()));
    }
    let saves = scholars.iter().map(|(n, scholar, attempt)| async move {
        let mut statuses = Vec::new();
        for round in 0..10 {
            statuses.push(put_answer(scholar, attempt, "e", json!(format!("scholar {n}, draft {round}"))).await.0);
        }
        statuses
    });
    for statuses in crate::helpers::join_all(saves.collect()).await {
        assert!(statuses.iter().all(|s| *s == StatusCode::NO_CONTENT), "{statuses:?}");
    }
    for (n, scholar, attempt) in &scholars {
        let (_, shown) = scholar.get(&format!("/attempts/{attempt}")).await;
        assert_eq!(shown["answers"]["e"], json!(format!("scholar {n}, draft 9")), "{shown}");
    }
    // Submitted, the attempt takes no more answers, grouped or not.
    let (_, scholar, attempt) = &scholars[0];
    assert_eq!(scholar.post(&format!("/attempts/{attempt}/submit"), json!({})).await.0, StatusCode::OK);
    assert_eq!(put_answer(scholar, attempt, "e", json!("too late")).await.0, StatusCode::CONFLICT);
}
