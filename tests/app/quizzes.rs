//! Quizzes over HTTP: authoring GIFT, taking attempts that survive a dropped connection, the time
//! limit, no answer leaking before review, essay grading, item analysis, completion, and every route
//! for every role.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, TestApp};

both!(
    a_trainer_pastes_gift_and_gets_moodles_questions,
    syntax_errors_and_mismatched_translations_are_refused_with_where,
    a_scholar_takes_a_quiz_resumes_and_submits_once,
    nothing_leaks_before_the_review_policy_allows,
    the_time_limit_closes_the_attempt_on_the_server,
    attempts_run_out_and_bad_answers_are_refused,
    essays_are_graded_by_the_trainer,
    item_analysis_matches_the_hand_computed_example,
    passing_the_quizzes_completes_the_course,
    replacing_a_quiz_keeps_finished_attempts_on_their_version,
    every_quiz_route_answers_each_role_as_it_should,
    a_scholar_takes_a_quiz_in_the_browser_without_javascript,
    a_corrupt_stored_quiz_is_an_error_and_is_never_written_over,
);

const GIFT: &str = r#"// [id:single]
::Capital::Which city is the capital of Ukraine?{=Kyiv ~Lviv#Not the capital. ~Odesa ####Kyiv is the capital.}

// [id:multi]
::Rights::Which are human rights treaties?{~%50%ICCPR ~%50%CEDAW ~%-100%WTO agreement#Trade, not rights.}

// [id:tf]
::Consent::Consent can be withdrawn.{T#It can.#Right, at any time.}

// [id:short]
::Word::One word for agreeing freely, after being told everything?{=consent =informed consent}

// [id:num]
::Year::In which year was CEDAW adopted?{#1979:1}

// [id:match]
::Bodies::Match each treaty with its committee.{=CEDAW -> Women's committee =CAT -> Torture committee = -> Trade committee}

// [id:essay]
::Reflect::Why does do-no-harm come first?{}
"#;

fn settings(extra: Value) -> Value {
    let mut base = json!({"pass_percent": 50, "attempts_allowed": null, "time_limit_seconds": null, "shuffle_questions": false,
        "shuffle_choices": false, "draw": null, "review": "after_attempt", "required_for_completion": true});
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

/// A published open course `qc` with module `m1` whose quiz is `source`; returns the quiz id.
pub async fn course_with_quiz(trainer: &Api, source: &str, extra: Value) -> String {
    let course = json!({"texts": {"en": {"title": "Quiz course", "summary": ""}}, "open": true});
    assert_eq!(trainer.send(trainer.raw(Method::PUT, "/courses/qc").json(&course)).await.0, StatusCode::OK);
    let module = json!({"language": "en", "title": "Module one", "markdown": "Read this."});
    trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m1").json(&module)).await;
    trainer.post("/courses/qc/publish", json!({})).await;
    let body = json!({"settings": settings(extra), "format": "gift", "source": source});
    let (status, saved) = trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&body)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    saved["quiz_id"].as_str().unwrap_or_default().to_owned()
}

pub async fn put_answer(api: &Api, attempt: &str, question: &str, answer: Value) -> (StatusCode, Value) {
    api.send(api.raw(Method::PUT, &format!("/attempts/{attempt}/answers/{question}")).json(&json!({"answer": answer})))
        .await
}

async fn a_trainer_pastes_gift_and_gets_moodles_questions(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    course_with_quiz(&trainer, "placeholder{T}", json!({})).await;
    let (status, saved) = trainer
        .send(trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&json!({"format": "gift", "source": GIFT})))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let kinds: Vec<(&str, &str)> = saved["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| (q["id"].as_str().unwrap_or_default(), q["type"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("single", "single"),
            ("multi", "multiple"),
            ("tf", "truefalse"),
            ("short", "short"),
            ("num", "numerical"),
            ("match", "matching"),
            ("essay", "essay")
        ]
    );
    assert_eq!(saved["questions"][0]["title"], "Capital");
    let quiz = saved["quiz_id"].as_str().unwrap_or_default();
    let res = trainer
        .raw(Method::GET, &format!("/quizzes/{quiz}/export?format=gift&language=en"))
        .send()
        .await
        .expect("export");
    assert_eq!(res.status(), StatusCode::OK);
    let exported = res.text().await.expect("text");
    assert!(exported.contains("// [id:single]") && exported.contains("::Capital::"), "{exported}");
    // The export reads back to the same questions.
    let again = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/qc/modules/m1/quiz")
                .json(&json!({"format": "gift", "source": exported})),
        )
        .await;
    assert_eq!(again.1["questions"], saved["questions"]);
    // Aiken too.
    let aiken = "Which is a UN treaty?\nA. CEDAW\nB. NAFTA\nANSWER: A\n";
    let (status, body) = trainer
        .send(
            trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&json!({"format": "aiken", "source": aiken})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["questions"][0]["type"], "single");
}

async fn syntax_errors_and_mismatched_translations_are_refused_with_where(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    course_with_quiz(&trainer, GIFT, json!({})).await;
    let broken = "First{T}\n\nSecond question\n  with an open {brace\n";
    let (status, body) = trainer
        .send(
            trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&json!({"format": "gift", "source": broken})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["location"], json!({"line": 4, "column": 16}));
    let message = body["error"]["fields"]["source"][0].as_str().unwrap_or_default();
    assert!(message.starts_with("Line 4, column 16:"), "{message}");
    // A trainer who reads Russian reads the problem in Russian, the line and column the same.
    let (status, _) = trainer.patch("/me", json!({"locale": "ru", "current_password": crate::helpers::PASSWORD})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = trainer
        .send(
            trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&json!({"format": "gift", "source": broken})),
        )
        .await;
    let message = body["error"]["fields"]["source"][0].as_str().unwrap_or_default();
    assert!(message.contains("4") && message.contains("нигде не закрыта"), "{message}");

    let russian = GIFT.replace("[id:num]", "[id:number]");
    let (status, body) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/qc/modules/m1/quiz")
                .json(&json!({"language": "ru", "format": "gift", "source": russian})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "ids must match the English ones: {body}");
    let message = body["error"]["fields"]["source"][0].as_str().unwrap_or_default();
    assert!(message.contains("«number»") && message.contains("«num»"), "in her language: {message}");
    let (status, _) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/qc/modules/m1/quiz")
                .json(&json!({"language": "ru", "format": "gift", "source": GIFT.replace("Kyiv", "Киев")})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/qc/modules/m1/quiz")
                .json(&json!({"settings": settings(json!({"pass_percent": 150})), "format": "gift", "source": GIFT})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["settings.pass_percent"][0].is_string(), "{body}");
}

async fn a_scholar_takes_a_quiz_resumes_and_submits_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({"shuffle_choices": true})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (status, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{attempt}");
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    let choice_of = |q: &Value, text: &str| -> String {
        q["choices"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["text_html"].as_str().unwrap_or_default().contains(text))
            .and_then(|c| c["id"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let question = |id: &str| {
        attempt["questions"].as_array().into_iter().flatten().find(|q| q["id"] == id).cloned().unwrap_or_default()
    };
    assert_eq!(
        put_answer(&scholar, &id, "single", json!(choice_of(&question("single"), "Kyiv"))).await.0,
        StatusCode::NO_CONTENT
    );
    put_answer(&scholar, &id, "multi", json!([choice_of(&question("multi"), "ICCPR")])).await;

    // The connection drops; the scholar comes back: the same attempt, with the answers kept.
    let (status, again) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], id.as_str());
    assert_eq!(again["answers"]["single"], json!(choice_of(&question("single"), "Kyiv")));
    let matching = question("match");
    let prompt = |text: &str| {
        matching["prompts"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["text_html"].as_str().unwrap_or_default().contains(text))
            .and_then(|p| p["id"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let option = |text: &str| {
        matching["options"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["text_html"].as_str().unwrap_or_default().contains(text))
            .and_then(|p| p["id"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(matching["options"].as_array().map(Vec::len), Some(3), "the distractor is an option");
    put_answer(&scholar, &id, "tf", json!(true)).await;
    put_answer(&scholar, &id, "short", json!("  Informed   CONSENT ")).await;
    put_answer(&scholar, &id, "num", json!(1980)).await;
    put_answer(&scholar, &id, "match", json!({prompt("CEDAW"): option("Women"), prompt("CAT"): option("Trade")})).await;
    put_answer(&scholar, &id, "essay", json!("Because people's safety matters more than a report.")).await;

    let (status, result) = scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{result}");
    // single 1 + multi 0.5 + tf 1 + short 1 + num 1 (1979±1) + match 0.5 + essay ungraded = 5 of 7.
    assert_eq!(result["score"], json!(5.0));
    assert_eq!(result["max_score"], json!(7.0));
    assert_eq!(result["percent"], json!(71.43));
    assert_eq!(result["passed"], true);
    assert_eq!(result["pending_grading"], true);
    let essay = result["review"]["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|q| q["id"] == "essay")
        .cloned()
        .unwrap_or_default();
    assert!(essay.get("score").is_none(), "an ungraded essay has no score: {essay}");
    let (_, second) = scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert_eq!(second["score"], result["score"], "a second submit grades nothing again");
    let (status, _) = put_answer(&scholar, &id, "tf", json!(false)).await;
    assert_eq!(status, StatusCode::CONFLICT, "no answers after submission");
    let (_, info) = scholar.get(&format!("/quizzes/{quiz}")).await;
    assert_eq!((info["attempts_used"].as_u64(), info["passed"].as_bool()), (Some(1), Some(true)));
}

async fn nothing_leaks_before_the_review_policy_allows(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({"review": "never"})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    let secrets = [
        "Not the capital",
        "Kyiv is the capital",
        "fraction",
        "Trade, not rights",
        "Right, at any time",
        "informed consent",
        "1979",
        "weight",
        "feedback",
    ];
    let text = attempt.to_string();
    for secret in secrets {
        assert!(!text.contains(secret), "the attempt JSON leaks {secret:?}: {text}");
    }
    let mut browser = app.browser().await;
    browser.sign_in("learner").await;
    let page = browser.get(&format!("/attempts/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    for secret in secrets {
        assert!(!page.body.contains(secret), "the attempt page leaks {secret:?}");
    }
    let (_, result) = scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert!(result.get("review").is_none(), "review: never: {result}");
    let (_, after) = scholar.get(&format!("/attempts/{id}")).await;
    for secret in secrets {
        assert!(!after.to_string().contains(secret), "the submitted attempt leaks {secret:?}");
    }
    let (_, seen_by_trainer) = trainer.get(&format!("/attempts/{id}")).await;
    assert!(seen_by_trainer["review"]["questions"].is_array(), "trainers always see the review");
}

async fn the_time_limit_closes_the_attempt_on_the_server(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({"time_limit_seconds": 60})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    assert!(attempt["deadline"].as_str().is_some_and(|d| d.ends_with('Z')));
    put_answer(&scholar, &id, "tf", json!(true)).await;
    // Time passes, beyond the limit and its grace period: the deadline is moved into the past, as a clock
    // would.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.connection();
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(300);
        diesel::update(pravo::db::schema::attempts::table)
            .set(pravo::db::schema::attempts::deadline.eq(past))
            .execute(&mut conn)
            .expect("move the deadline");
    }
    let (status, body) = put_answer(&scholar, &id, "short", json!("consent")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (_, closed) = scholar.get(&format!("/attempts/{id}")).await;
    assert!(closed["submitted_at"].is_string(), "closed as it stood: {closed}");
    assert_eq!(closed["score"], json!(1.0), "only the answer given in time counts");
}

use diesel::ExpressionMethods;

async fn attempts_run_out_and_bad_answers_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({"attempts_allowed": 1})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    let (_, other) = app.signed_in("other", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    other.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    for (question, answer, expected) in [
        ("single", json!(["c1"]), StatusCode::UNPROCESSABLE_ENTITY),
        ("single", json!("c9"), StatusCode::UNPROCESSABLE_ENTITY),
        ("multi", json!("c1"), StatusCode::UNPROCESSABLE_ENTITY),
        ("tf", json!("yes"), StatusCode::UNPROCESSABLE_ENTITY),
        ("num", json!("a lot"), StatusCode::UNPROCESSABLE_ENTITY),
        ("match", json!({"p7": "o1"}), StatusCode::UNPROCESSABLE_ENTITY),
        ("nope", json!(true), StatusCode::NOT_FOUND),
    ] {
        let (status, body) = put_answer(&scholar, &id, question, answer.clone()).await;
        assert_eq!(status, expected, "{question} {answer}: {body}");
        if expected == StatusCode::UNPROCESSABLE_ENTITY {
            assert!(body["error"]["fields"]["answer"][0].is_string(), "{body}");
        }
    }
    let (status, _) = put_answer(&other, &id, "tf", json!(true)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another scholar's attempt does not exist for them");
    assert_eq!(other.get(&format!("/attempts/{id}")).await.0, StatusCode::NOT_FOUND);
    scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    let (status, body) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

async fn essays_are_graded_by_the_trainer(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(
        &trainer,
        "// [id:e]\nWhy?{####Model\\: consent comes first.}\n\n// [id:t]\nTrue?{T}",
        json!({"pass_percent": 100}),
    )
    .await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&scholar, &id, "e", json!("Because.")).await;
    put_answer(&scholar, &id, "t", json!(true)).await;
    let (_, result) = scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert_eq!((result["score"].as_f64(), result["passed"].as_bool()), (Some(1.0), Some(false)));
    assert!(!result.to_string().contains("consent comes first"), "no model answer before grading: {result}");
    let mut coach = app.browser().await;
    coach.sign_in("coach").await;
    let grading = coach.get(&format!("/trainer/quizzes/{quiz}/results")).await.text();
    assert!(grading.contains("Why?") && grading.contains("0 to 1"), "the question and its maximum: {grading}");
    assert!(grading.contains("consent comes first"), "the marking guide beside the answer: {grading}");
    let grade = |score: Value| {
        trainer
            .raw(Method::PUT, &format!("/attempts/{id}/answers/e/grade"))
            .json(&json!({"score": score, "comment": "Good."}))
    };
    assert_eq!(trainer.send(grade(json!(2))).await.0, StatusCode::UNPROCESSABLE_ENTITY, "above the weight");
    assert_eq!(
        scholar
            .send(scholar.raw(Method::PUT, &format!("/attempts/{id}/answers/e/grade")).json(&json!({"score": 1})))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // The comment's bound is the domain's, so both faces keep it.
    let long = "a".repeat(5001);
    let (status, body) = trainer
        .send(
            trainer
                .raw(Method::PUT, &format!("/attempts/{id}/answers/e/grade"))
                .json(&json!({"score": 1, "comment": long})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["comment"].is_array(), "{body}");
    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    let page = browser.post(&format!("/trainer/attempts/{id}/grade/e"), &[("score", "1"), ("comment", &long)]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "the page refuses it too");
    assert!(page.text().contains("5000"), "the bound is named");
    let (status, body) = trainer.send(grade(json!(1))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, after) = scholar.get(&format!("/attempts/{id}")).await;
    assert_eq!((after["score"].as_f64(), after["passed"].as_bool()), (Some(2.0), Some(true)));
    let essay = after["review"]["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|q| q["id"] == "e")
        .cloned()
        .unwrap_or_default();
    assert_eq!(essay["comment"], "Good.");
    assert!(essay["feedback_html"].as_str().unwrap_or_default().contains("consent comes first"), "{essay}");
    let res = trainer
        .raw(Method::GET, &format!("/quizzes/{quiz}/results"))
        .header("accept", "text/csv")
        .send()
        .await
        .expect("csv");
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = res.text().await.expect("text");
    assert!(
        csv.starts_with("user_id,handle,attempt_id,score,percent,submitted_at\r\n") && csv.contains(",learner,"),
        "{csv}"
    );
}

async fn item_analysis_matches_the_hand_computed_example(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:q1]\nA{T}\n\n// [id:q2]\nB{T}\n\n// [id:q3]\nC{T}", json!({})).await;
    // The example worked by hand in stats.rs: rows are scholars, columns q1..q3.
    let table = [[true, true, true], [true, true, false], [true, false, false], [false, false, true]];
    for (n, row) in table.iter().enumerate() {
        let (_, scholar) = app.signed_in(&format!("scholar{n}"), Role::Scholar).await;
        scholar.post("/courses/qc/enrol", json!({})).await;
        let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
        let id = attempt["id"].as_str().unwrap_or_default().to_owned();
        for (q, right) in row.iter().enumerate() {
            put_answer(&scholar, &id, &format!("q{}", q + 1), json!(*right)).await;
        }
        scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    }
    let (status, stats) = trainer.get(&format!("/quizzes/{quiz}/statistics")).await;
    assert_eq!(status, StatusCode::OK, "{stats}");
    assert_eq!(stats["attempts"], 4);
    assert_eq!(stats["alpha"], json!(0.0));
    assert_eq!(stats["questions"][0]["facility"], json!(75.0));
    assert_eq!(stats["questions"][0]["sd"], json!(50.0));
    assert_eq!(stats["questions"][0]["discrimination"], json!(0.0));
    assert_eq!(stats["questions"][1]["facility"], json!(50.0));
    assert_eq!(stats["questions"][1]["discrimination"], json!(57.74));
    assert_eq!(stats["questions"][1]["efficiency"], json!(100.0));
    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    let page = browser.get(&format!("/trainer/quizzes/{quiz}/statistics")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("figure.chart svg rect") && page.text().contains("57.74%"), "{}", page.text());
}

async fn passing_the_quizzes_completes_the_course(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:t]\nTrue?{T}", json!({})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, done) = scholar.post("/courses/qc/modules/m1/complete", json!({})).await;
    assert_eq!(done, json!({"progress_percent": 50, "course_completed": false}), "the quiz is still required");
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&scholar, &id, "t", json!(false)).await;
    scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert_eq!(scholar.get("/courses/qc").await.1["completed"], false, "failed, not complete");
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&scholar, &id, "t", json!(true)).await;
    scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    assert_eq!(scholar.get("/courses/qc").await.1["completed"], true);
}

async fn replacing_a_quiz_keeps_finished_attempts_on_their_version(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:t]\nTrue?{T}", json!({})).await;
    let (_, scholar) = app.signed_in("learner", Role::Scholar).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&scholar, &id, "t", json!(true)).await;
    scholar.post(&format!("/attempts/{id}/submit"), json!({})).await;
    let (_, replaced) = trainer
        .send(
            trainer
                .raw(Method::PUT, "/courses/qc/modules/m1/quiz")
                .json(&json!({"format": "gift", "source": "// [id:t]\nTrue?{F}\n\n// [id:u]\nMore?{T}"})),
        )
        .await;
    assert_eq!(replaced["quiz_id"], quiz.as_str(), "the same quiz");
    let (_, old) = scholar.get(&format!("/attempts/{id}")).await;
    assert_eq!(
        (old["score"].as_f64(), old["max_score"].as_f64()),
        (Some(1.0), Some(1.0)),
        "the old attempt keeps its version: {old}"
    );
    let (_, fresh) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    assert_eq!(fresh["questions"].as_array().map(Vec::len), Some(2), "a new attempt gets the new version");
}

async fn every_quiz_route_answers_each_role_as_it_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("trainer1", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "// [id:e]\nWhy?{}\n\n// [id:t]\nTrue?{T}", json!({})).await;
    let (_, scholar) = app.signed_in("scholar1", Role::Scholar).await;
    let (_, other_scholar) = app.signed_in("scholar2", Role::Scholar).await;
    let (_, other_trainer) = app.signed_in("trainer2", Role::Trainer).await;
    let (_, admin) = app.signed_in("admin1", Role::Admin).await;
    scholar.post("/courses/qc/enrol", json!({})).await;
    let (_, attempt) = scholar.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let id = attempt["id"].as_str().unwrap_or_default().to_owned();
    put_answer(&scholar, &id, "e", json!("text")).await;
    let anonymous = app.api();
    let all = [&anonymous, &scholar, &other_scholar, &other_trainer, &trainer, &admin];
    let gift = json!({"format": "gift", "source": "// [id:e]\nWhy?{}\n\n// [id:t]\nTrue?{T}"});
    let cases: Vec<(Method, String, Value, [u16; 6])> = vec![
        (Method::GET, format!("/quizzes/{quiz}"), json!(null), [401, 200, 403, 403, 200, 200]),
        (Method::GET, format!("/attempts/{id}"), json!(null), [401, 200, 404, 404, 200, 200]),
        (Method::PUT, format!("/attempts/{id}/answers/t"), json!({"answer": true}), [401, 204, 404, 404, 404, 404]),
        (Method::GET, format!("/quizzes/{quiz}/results"), json!(null), [401, 403, 403, 403, 200, 200]),
        (Method::GET, format!("/quizzes/{quiz}/statistics"), json!(null), [401, 403, 403, 403, 200, 200]),
        (Method::GET, format!("/quizzes/{quiz}/export?language=en"), json!(null), [401, 403, 403, 403, 200, 200]),
        (Method::PUT, "/courses/qc/modules/m1/quiz".into(), gift, [401, 403, 403, 403, 200, 200]),
        (Method::POST, format!("/attempts/{id}/submit"), json!({}), [401, 200, 404, 404, 404, 404]),
        // Another course's trainer may grade, but not this attempt: it is not theirs to see.
        (Method::PUT, format!("/attempts/{id}/answers/e/grade"), json!({"score": 1}), [401, 403, 403, 404, 200, 200]),
        (Method::POST, format!("/quizzes/{quiz}/attempts"), json!({}), [401, 201, 403, 403, 403, 403]),
    ];
    for (method, path, body, expected) in cases {
        for (who, api) in all.iter().enumerate() {
            let mut req = api.raw(method.clone(), &path);
            if !body.is_null() {
                req = req.json(&body);
            }
            let status = req.send().await.expect("send").status().as_u16();
            assert_eq!(status, expected[who], "{method} {path} as role #{who}");
        }
    }
    let handles = [None, Some("scholar1"), Some("scholar2"), Some("trainer2"), Some("trainer1"), Some("admin1")];
    let pages = [
        format!("/quizzes/{quiz}"),
        format!("/attempts/{id}"),
        format!("/trainer/quizzes/{quiz}/results"),
        format!("/trainer/quizzes/{quiz}/statistics"),
        "/trainer/courses/qc/modules/m1/quiz".to_owned(),
    ];
    let expected: [[u16; 5]; 6] = [
        [303, 303, 303, 303, 303],
        [200, 200, 403, 403, 403],
        [403, 404, 403, 403, 403],
        [403, 404, 403, 403, 403],
        [200, 200, 200, 200, 200],
        [200, 200, 200, 200, 200],
    ];
    for (who, handle) in handles.iter().enumerate() {
        let mut browser = app.browser().await;
        if let Some(handle) = handle {
            browser.sign_in(handle).await;
        }
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(browser.get(page).await.status.as_u16(), expected[who][i], "GET {page} as role #{who}");
        }
    }
}

async fn a_scholar_takes_a_quiz_in_the_browser_without_javascript(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({})).await;
    app.create_user("phone", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("phone").await;
    browser.get("/courses/qc").await;
    browser.post("/courses/qc/enrol", &[]).await;
    let page = browser.get(&format!("/quizzes/{quiz}")).await;
    assert!(page.text().contains("Start an attempt"), "{}", page.text());
    // Before starting, she knows how long it is and that an essay waits for a trainer.
    assert!(page.text().contains("Questions 7 "), "{}", page.text());
    assert!(page.text().contains("A trainer grades the answers you write in your own words"), "{}", page.text());
    let page = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let attempt_path = page.location.expect("to the attempt");
    let page = browser.get(&attempt_path).await;
    assert!(
        page.has("form.quiz fieldset[data-type=matching] select") && page.has("script[src^=\"/static/quiz.js?v=\"]")
    );
    let page = browser
        .post(&attempt_path, &[("q.tf", "true"), ("q.num", "1979,0"), ("q.short", "consent"), ("action", "save")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = browser.post(&attempt_path, &[("q.num", "nineteen"), ("action", "save")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.value_of("#a-num").as_deref(), Some("nineteen"), "what was typed stays");

    // The phone loses its session; the scholar signs in again elsewhere and finds the answers.
    let mut other = app.browser().await;
    other.sign_in("phone").await;
    let page = other.get(&format!("/quizzes/{quiz}")).await;
    assert!(page.text().contains("Continue your attempt"));
    let page = other.get(&attempt_path).await;
    assert!(page.has("fieldset[data-question=tf] input[value=true][checked]"), "saved answers come back");
    assert_eq!(page.value_of("#a-short").as_deref(), Some("consent"));
    assert_eq!(page.value_of("#a-num").as_deref(), Some("1979"), "a number comes back as it was typed, not 1979.0");
    // Four questions are still open: the submit saves what was sent, then asks first, naming each one.
    let page = other.post(&attempt_path, &[("q.tf", "true"), ("action", "submit")]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let text = page.text();
    for n in [1, 2, 6, 7] {
        assert!(text.contains(&format!("Question {n}: not answered")), "{text}");
    }
    assert!(!text.contains("Question 3:") && !text.contains("Question 4:"), "{text}");
    assert!(page.has(&format!("a[href='{attempt_path}#question-single']")), "each links back to its question");
    let page = other.get(&attempt_path).await;
    assert!(page.has("form.quiz button[value=submit]"), "nothing is submitted until she confirms");
    let page = other.post(&attempt_path, &[("action", "submit"), ("confirm", "yes")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = other.get(&attempt_path).await;
    assert!(page.text().contains("You scored 3 out of 7"), "{}", page.text());
    assert!(page.has("div.review"), "the review shows after the attempt");
}

both!(
    a_trainer_pastes_gift_in_the_browser_and_previews_before_saving,
    a_late_submit_without_javascript_keeps_every_answer_within_the_grace_period,
    ids_the_parser_makes_up_are_written_into_the_source_the_trainer_sees,
);

/// A trainer writes GIFT without ids: the ids a translation must use appear in the source she sees again,
/// and the questions keep them (answers and statistics stay with their questions).
async fn ids_the_parser_makes_up_are_written_into_the_source_the_trainer_sees(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    course_with_quiz(&trainer, "::A:: Consent can be withdrawn. {T}\n\n::B:: One word? {=consent}", json!({})).await;
    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    let page = browser.get("/trainer/courses/qc/modules/m1/quiz").await;
    assert!(page.body.contains("// [id:q1]\n::A::") && page.body.contains("// [id:q2]\n::B::"), "{}", page.body);
    // The Ukrainian tab can use them.
    let uk = "// [id:q1]\n::А:: Згоду можна відкликати. {T}\n\n// [id:q2]\n::Б:: Одне слово? {=згода}";
    let body = json!({"language": "uk", "format": "gift", "source": uk});
    let (status, saved) = trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&body)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
}

/// Moves every attempt's deadline `seconds` into the past.
fn deadline_passed(app: &TestApp, seconds: i64) {
    use diesel::RunQueryDsl;
    let mut conn = app.connection();
    let past = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(seconds);
    diesel::update(pravo::db::schema::attempts::table)
        .set(pravo::db::schema::attempts::deadline.eq(past))
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A timed attempt sent without JavaScript a little after its limit (a slow phone, a lost connection):
/// every answer of the form is saved and graded, not thrown away. Sent after the grace period too, the
/// page says the time ran out and grades what was saved in time: never a silent zero.
async fn a_late_submit_without_javascript_keeps_every_answer_within_the_grace_period(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({"time_limit_seconds": 60, "attempts_allowed": 2})).await;
    app.create_user("slow-phone", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("slow-phone").await;
    browser.post("/courses/qc/enrol", &[]).await;
    let page = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let attempt_path = page.location.unwrap_or_default();
    let page = browser.get(&attempt_path).await;
    assert!(page.text().contains("minute left when this page was drawn"), "{}", page.text());

    // Thirty seconds after the limit, the form is sent: every answer counts.
    deadline_passed(&app, 30);
    let page = browser.get(&attempt_path).await;
    assert!(page.text().contains("Your time is up. Send your answers now"), "{}", page.text());
    let page = browser
        .post(&attempt_path, &[("q.tf", "true"), ("q.num", "1979"), ("q.short", "consent"), ("action", "submit")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = browser.get(&attempt_path).await;
    assert!(page.text().contains("You scored 3 out of 7"), "every answer was graded: {}", page.text());
    assert!(!page.text().contains("time ran out"));

    // The second attempt: one answer saved in time, the rest sent five minutes after the limit.
    let page = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let second = page.location.unwrap_or_default();
    assert_ne!(second, attempt_path);
    browser.post(&second, &[("q.tf", "true"), ("action", "save")]).await;
    deadline_passed(&app, 300);
    let page = browser.post(&second, &[("q.num", "1979"), ("q.short", "consent"), ("action", "submit")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = browser.get(&second).await;
    assert!(page.text().contains("The time ran out before this attempt was sent"), "{}", page.text());
    assert!(page.text().contains("You scored 1 out of 7"), "what was saved in time counts: {}", page.text());
}

async fn a_trainer_pastes_gift_in_the_browser_and_previews_before_saving(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    course_with_quiz(&trainer, "// [id:t]\nTrue?{T}", json!({})).await;
    let mut browser = app.browser().await;
    browser.sign_in("coach").await;
    let path = "/trainer/courses/qc/modules/m1/quiz";
    let page = browser.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("True?{T}"), "the current source is shown");
    let fields = |source: &'static str, action: &'static str| {
        vec![
            ("language", "en"),
            ("format", "gift"),
            ("source", source),
            ("pass_percent", "60"),
            ("review", "after_pass"),
            ("required_for_completion", "on"),
            ("action", action),
        ]
    };
    let page = browser.post(path, &fields("Broken {brace", "preview")).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text().contains("Line 1, column 8"), "{}", page.text());
    assert!(page.body.contains("Broken {brace"), "what was typed stays");
    let page = browser.post(path, &fields(GIFT, "preview")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Preview: 7 questions") && page.text().contains("100% — Kyiv"), "{}", page.text());
    let (_, before) = trainer.get("/courses/qc").await;
    let quiz = before["modules"][0]["quiz_id"].as_str().unwrap_or_default().to_owned();
    let (_, unchanged) = trainer.get(&format!("/quizzes/{quiz}")).await;
    assert_eq!(unchanged["pass_percent"], 50, "a preview saves nothing");
    let page = browser.post(path, &fields(GIFT, "save")).await;
    assert!(page.text().contains("Saved: 7 questions."), "{}", page.text());
    let (_, saved) = trainer.get(&format!("/quizzes/{quiz}")).await;
    assert_eq!(saved["pass_percent"], 60);
}

both!(quiz_texts_with_markup_render_inert_on_every_page);

/// Question text, choices, feedback, general feedback, short answers and matching pairs carrying
/// script and remote-loading payloads, escaped for GIFT where its syntax needs it.
const HOSTILE_GIFT: &str = r#"// [id:single]
::S::[html]<script>alert(1)</script>Pick one<img src\=x onerror\=alert(1)>{=right<script>alert(2)</script>#<img src\=x onerror\=alert(3)>well ~wrong#<a href\="javascript\:alert(4)">x</a> ####<iframe src\="https\://evil.example"></iframe>general}

// [id:short]
::W::Type the word<svg onload\=alert(5)>{=<script>alert(6)</script>}

// [id:match]
::M::Match them{=<img src\=x onerror\=alert(7)>left -> <script>alert(8)</script>right =b -> c}
"#;

/// The parts of a page that show quiz texts (not the page's own forms and script).
fn quiz_fragments(body: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(body);
    let selector =
        scraper::Selector::parse(".qtext, fieldset label span, td label, select option, div.review, ul.meta")
            .expect("selector");
    doc.select(&selector).map(|e| e.inner_html()).collect()
}

async fn quiz_texts_with_markup_render_inert_on_every_page(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, HOSTILE_GIFT, json!({})).await;
    let mut pages = Vec::new();

    // The trainer's preview.
    let mut coach = app.browser().await;
    coach.sign_in("coach").await;
    let fields = [
        ("language", "en"),
        ("format", "gift"),
        ("source", HOSTILE_GIFT),
        ("pass_percent", "60"),
        ("review", "after_attempt"),
        ("action", "preview"),
    ];
    let page = coach.post("/trainer/courses/qc/modules/m1/quiz", &fields).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    pages.push(("preview", page.body));

    // The scholar's attempt and its review.
    app.create_user("reader", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("reader").await;
    browser.post("/courses/qc/enrol", &[]).await;
    let page = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await;
    let attempt_path = page.location.expect("to the attempt");
    pages.push(("attempt", browser.get(&attempt_path).await.body));
    let fields = [("q.single", "c2"), ("q.short", "<b>x</b>"), ("action", "submit"), ("confirm", "yes")];
    let page = browser.post(&attempt_path, &fields).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let review = browser.get(&attempt_path).await;
    assert!(review.has("div.review"), "the review is shown");
    pages.push(("review", review.body));

    for (name, body) in &pages {
        let fragments = quiz_fragments(body);
        assert!(fragments.len() >= 3, "{name}: the quiz texts are on the page: {body}");
        let all = fragments.join("\n");
        assert!(all.contains("Pick one") && all.contains("Match them"), "{name}: {all}");
        for fragment in &fragments {
            crate::xss::assert_safe(fragment, name);
        }
        assert!(!body.contains("evil.example\"") && !body.contains("<script>alert"), "{name}: {body}");
    }
    // Shown as text where it was typed as text: the short answer's script is visible, not live.
    assert!(pages[0].1.contains("&lt;script&gt;alert(6)&lt;/script&gt;"), "{}", pages[0].1);
}

/// A stored quiz version that no longer reads (a bad restore, a hand edit) used to become an empty quiz,
/// which the next save of a translation wrote over: every other language was lost.
async fn a_corrupt_stored_quiz_is_an_error_and_is_never_written_over(backend: Backend) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pravo::db::schema::quiz_versions;
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("corrupter", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, GIFT, json!({})).await;
    let mut conn = app.connection();
    diesel::update(quiz_versions::table.filter(quiz_versions::quiz_id.eq(&quiz)))
        .set(quiz_versions::questions.eq("{not json"))
        .execute(&mut conn)
        .expect("corrupt the stored version");
    let body = json!({"language": "uk", "format": "gift", "source": GIFT});
    let (status, answer) = trainer.send(trainer.raw(Method::PUT, "/courses/qc/modules/m1/quiz").json(&body)).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{answer}");
    assert!(answer["error"]["incident"].is_string(), "an incident id to report: {answer}");
    let kept: Vec<String> = quiz_versions::table
        .filter(quiz_versions::quiz_id.eq(&quiz))
        .select(quiz_versions::questions)
        .load(&mut conn)
        .expect("read");
    assert_eq!(kept, vec!["{not json".to_owned()], "nothing was written over the stored quiz");
}
