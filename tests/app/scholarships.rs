//! Scholarship programmes, the whole story over the API on both databases: a call is opened, people
//! apply (one loses her connection mid-draft), reviewers score blind (one declares a conflict), the admin
//! awards and waitlists within the seats, a scholar declines, the waitlist is promoted, and the dashboard
//! and the donor CSV show the numbers the database holds. Plus the window, consent and bulk enrolment.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, PASSWORD, SmtpSink, TestApp, decode_mail, header, join_all};

both!(
    a_call_runs_from_announcement_to_a_cohort_learning,
    applications_need_consent_answers_and_an_open_window,
    bulk_enrolment_reports_every_bad_row_and_enrols_no_one_until_clean,
    concurrent_awards_never_exceed_the_seats,
    declining_ends_only_the_enrolments_the_award_made,
);

fn moment(hours_from_now: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(hours_from_now)).to_rfc3339()
}

/// A published course `track` with two modules.
pub async fn track_course(app: &TestApp) {
    let (_, trainer) = app.signed_in("trainer-t", Role::Trainer).await;
    let course =
        json!({"texts": {"en": {"title": "Documenting violations", "summary": ""}}, "open": false, "hours": 4});
    assert!(trainer.send(trainer.raw(Method::PUT, "/courses/track").json(&course)).await.0.is_success());
    for m in ["one", "two"] {
        let module = json!({"language": "en", "title": m, "markdown": "Text."});
        let (status, _) =
            trainer.send(trainer.raw(Method::PUT, &format!("/courses/track/modules/{m}")).json(&module)).await;
        assert!(status.is_success(), "{status}");
    }
    assert_eq!(trainer.post("/courses/track/publish", json!({})).await.0, StatusCode::OK);
}

pub fn programme_body(opens: i64, closes: i64) -> Value {
    json!({
        "title": "Monitoring scholarship 2027",
        "description": "Twelve weeks of training in documenting violations.",
        "texts": {"uk": {"title": "Стипендія з моніторингу 2027", "description": "Дванадцять тижнів навчання."}},
        "countries": ["UA", "ru", "KZ"],
        "seats": 2,
        "stipend_amount": 300,
        "currency": "eur",
        "opens_at": moment(opens),
        "closes_at": moment(closes),
        "deadline": moment(24 * 60),
        "course_slugs": ["track"],
        "criteria": [{"name": "Need", "weight": 2}, {"name": "Experience", "weight": 1}],
        "questions": [
            {"label": "Which city do you work in?", "kind": "short", "required": true, "labels": {"uk": "У якому місті ви працюєте?"}},
            {"label": "How did you hear of us?", "kind": "single", "required": false, "choices": ["A friend", "An NGO"],
             "choice_labels": {"uk": ["Від подруги", "Від організації"]}}
        ]
    })
}

/// Registers an account (with an optional address) and returns its id and a client signed in as it.
pub async fn person(app: &TestApp, handle: &str, email: Option<&str>, locale: &str) -> (String, Api) {
    let api = app.api();
    let mut body = json!({"handle": handle, "password": PASSWORD, "locale": locale});
    if let Some(email) = email {
        body["email"] = json!(email);
    }
    let (status, registered) = api.post("/auth/register", body).await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    (registered["user"]["id"].as_str().unwrap_or_default().to_owned(), sign_in(app, handle).await)
}

pub async fn sign_in(app: &TestApp, handle: &str) -> Api {
    let mut api = app.api();
    let (status, token) = api.post("/auth/token", json!({"handle": handle, "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    api.token = token["token"].as_str().map(str::to_owned);
    api
}

async fn put(api: &Api, path: &str, body: Value) -> (StatusCode, Value) {
    api.send(api.raw(Method::PUT, path).json(&body)).await
}

pub fn full_application(country: &str) -> Value {
    json!({
        "organisation": "Harm reduction NGO", "country": country,
        "experience": "Three years of outreach.", "motivation": "To document what we see.",
        "answers": {"q1": "Odesa", "q2": "An NGO"}, "consent": true
    })
}

/// Applies in one go and returns the application id.
pub async fn apply(api: &Api, pid: &str, country: &str) -> String {
    let (status, body) = put(api, &format!("/programmes/{pid}/application"), full_application(country)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = api.post(&format!("/programmes/{pid}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "submitted");
    body["id"].as_str().unwrap_or_default().to_owned()
}

async fn enrolled(api: &Api) -> bool {
    let (status, course) = api.get("/courses/track").await;
    assert_eq!(status, StatusCode::OK, "{course}");
    course["enrolled"] == json!(true)
}

async fn a_call_runs_from_announcement_to_a_cohort_learning(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;

    // The admin announces the call; anyone can read it, but only admins see the stipend.
    let (status, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, listed) = app.api().get("/programmes").await;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(1), "{listed}");
    let (_, public) = app.api().get(&format!("/programmes/{pid}")).await;
    assert_eq!(public["seats"], 2);
    assert_eq!(public["countries"], json!(["UA", "RU", "KZ"]));
    assert_eq!(public["questions"][0]["labels"]["uk"], "У якому місті ви працюєте?");
    assert_eq!(public["questions"][1]["choice_labels"]["uk"][1], "Від організації");
    assert!(public.get("stipend_amount").is_none(), "stipends are for admins: {public}");
    let (_, full) = admin.get(&format!("/programmes/{pid}")).await;
    assert_eq!((full["stipend_amount"].as_f64(), full["currency"].as_str()), (Some(300.0), Some("EUR")));

    // Olena starts a draft, loses her connection, signs in again and finds her text kept.
    let (olena_id, olena) = person(&app, "olena", Some("olena@example.org"), "uk").await;
    let (status, draft) =
        put(&olena, &format!("/programmes/{pid}/application"), json!({"motivation": "Half a thought"})).await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["status"], "draft");
    drop(olena);
    let olena = sign_in(&app, "olena").await;
    let (_, kept) = olena.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(kept["motivation"], "Half a thought");
    let mut rest = full_application("ua");
    rest["motivation"] = json!("Half a thought, finished later.");
    let (status, _) = put(&olena, &format!("/programmes/{pid}/application"), rest).await;
    assert_eq!(status, StatusCode::OK);
    let (status, sent) = olena.post(&format!("/programmes/{pid}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{sent}");
    let olena_app = sent["id"].as_str().unwrap_or_default().to_owned();
    let (status, _) = olena.post(&format!("/programmes/{pid}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "a second submission is refused");
    let (status, _) =
        put(&olena, &format!("/programmes/{pid}/application"), json!({"motivation": "late autosave"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "a late autosave cannot turn it back into a draft");
    assert_eq!(olena.get(&format!("/programmes/{pid}/application")).await.1["status"], "submitted");

    let (_, bohdan) = person(&app, "bohdan", None, "en").await;
    let bohdan_app = apply(&bohdan, &pid, "KZ").await;
    let (_, vera) = person(&app, "vera", None, "ru").await;
    let vera_app = apply(&vera, &pid, "RU").await;

    // Two reviewers; reviews are blind.
    let (r1_id, r1) = app.signed_in("reviewer-one", Role::Scholar).await;
    let (r2_id, r2) = app.signed_in("reviewer-two", Role::Trainer).await;
    for id in [&r1_id, &r2_id] {
        let (status, body) = admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": id})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, list) = r1.get("/me/reviews").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(3), "{list}");
    let (status, seen) = r1.get(&format!("/applications/{olena_app}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["motivation"], "Half a thought, finished later.");
    assert!(seen.get("handle").is_none() && seen.get("email").is_none(), "blind: {seen}");

    let review = |need: i64, experience: i64| json!({"scores": {"c1": need, "c2": experience}, "comment": "Clear."});
    let (status, body) = r1.post(&format!("/applications/{olena_app}/reviews"), json!({"scores": {"c1": 9}})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["fields"]["scores.c1"].is_array() && body["error"]["fields"]["scores.c2"].is_array(),
        "{body}"
    );
    assert_eq!(r1.post(&format!("/applications/{olena_app}/reviews"), review(5, 4)).await.0, StatusCode::CREATED);
    assert_eq!(
        r1.post(&format!("/applications/{olena_app}/reviews"), review(5, 5)).await.0,
        StatusCode::OK,
        "replaced"
    );
    assert_eq!(r1.post(&format!("/applications/{bohdan_app}/reviews"), review(4, 4)).await.0, StatusCode::CREATED);
    assert_eq!(r1.post(&format!("/applications/{vera_app}/reviews"), review(3, 2)).await.0, StatusCode::CREATED);
    assert_eq!(r2.post(&format!("/applications/{olena_app}/reviews"), review(4, 4)).await.0, StatusCode::CREATED);
    assert_eq!(r2.post(&format!("/applications/{bohdan_app}/reviews"), review(2, 2)).await.0, StatusCode::CREATED);
    assert_eq!(
        r2.post(&format!("/applications/{vera_app}/reviews"), json!({"conflict": true})).await.0,
        StatusCode::OK
    );
    assert_eq!(r2.get(&format!("/applications/{vera_app}")).await.0, StatusCode::NOT_FOUND, "off their list");
    let (_, list) = r2.get("/me/reviews").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        r2.post(&format!("/applications/{vera_app}/decision"), json!({"decision": "award"})).await.0,
        StatusCode::FORBIDDEN
    );

    // The ranking: mean weighted score, number of reviews, spread between reviewers.
    let (status, ranking) = admin.get(&format!("/programmes/{pid}/ranking")).await;
    assert_eq!(status, StatusCode::OK, "{ranking}");
    let items = ranking["items"].as_array().cloned().unwrap_or_default();
    let order: Vec<&str> = items.iter().filter_map(|i| i["application_id"].as_str()).collect();
    assert_eq!(order, [olena_app.as_str(), bohdan_app.as_str(), vera_app.as_str()]);
    assert_eq!(
        (items[0]["score"].as_f64(), items[0]["reviews"].as_u64(), items[0]["spread"].as_f64()),
        (Some(4.5), Some(2), Some(1.0))
    );
    assert_eq!((items[1]["score"].as_f64(), items[1]["spread"].as_f64()), (Some(3.0), Some(2.0)));
    assert_eq!(
        (items[2]["score"].as_f64(), items[2]["reviews"].as_u64(), items[2]["conflicts"].as_u64()),
        (Some(2.67), Some(1), Some(1))
    );

    // The rubric can be reweighted after reviews (the ranking follows), not reshaped.
    let mut changed = programme_body(-1, 48);
    changed["criteria"] =
        json!([{"name": "Need", "weight": 3}, {"name": "Experience", "weight": 1}, {"name": "New", "weight": 1}]);
    let (status, body) = admin.send(admin.raw(Method::PUT, &format!("/programmes/{pid}")).json(&changed)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    changed["criteria"] = json!([{"name": "Need", "weight": 3}, {"name": "Experience", "weight": 1}]);
    changed["questions"][0]["label"] = json!("In which city do you work?");
    let (status, body) = admin.send(admin.raw(Method::PUT, &format!("/programmes/{pid}")).json(&changed)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["questions"][0]["label"], "In which city do you work?");
    let (_, ranking) = admin.get(&format!("/programmes/{pid}/ranking")).await;
    assert_eq!(ranking["items"][2]["score"].as_f64(), Some(2.75), "reweighted: {ranking}");

    // Two awards in bulk, one on the waitlist; no third award beyond the seats.
    let (status, bulk) = admin
        .post(
            &format!("/programmes/{pid}/decisions"),
            json!({"decision": "award", "application_ids": [olena_app, bohdan_app]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{bulk}");
    assert_eq!(bulk["decided"].as_array().map(Vec::len), Some(2), "{bulk}");
    let (status, _) = admin.post(&format!("/applications/{vera_app}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "seats are full");
    let (status, body) = admin.post(&format!("/applications/{vera_app}/decision"), json!({"decision": "maybe"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, waitlisted) =
        admin.post(&format!("/applications/{vera_app}/decision"), json!({"decision": "waitlist"})).await;
    assert_eq!((status, waitlisted["status"].as_str()), (StatusCode::OK, Some("waitlisted")));

    // The awarded are enrolled in the track at once; Bohdan declines and leaves it.
    assert!(enrolled(&olena).await && enrolled(&bohdan).await && !enrolled(&vera).await);
    let (_, mine) = olena.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(mine["status"], "awarded");
    assert_eq!(olena.post(&format!("/applications/{olena_app}/accept"), json!({})).await.1["status"], "accepted");
    assert_eq!(olena.post(&format!("/applications/{bohdan_app}/decline"), json!({})).await.0, StatusCode::NOT_FOUND);
    let (status, declined) = bohdan.post(&format!("/applications/{bohdan_app}/decline"), json!({})).await;
    assert_eq!((status, declined["status"].as_str()), (StatusCode::OK, Some("declined")));
    assert!(!enrolled(&bohdan).await, "declining withdraws the enrolment");

    // The freed seat goes to the next on the waitlist.
    let (status, promoted) = admin.post(&format!("/programmes/{pid}/promote"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{promoted}");
    assert_eq!((promoted["id"].as_str(), promoted["status"].as_str()), (Some(vera_app.as_str()), Some("awarded")));
    assert!(enrolled(&vera).await);
    assert_eq!(
        admin.post(&format!("/programmes/{pid}/promote"), json!({})).await.0,
        StatusCode::CONFLICT,
        "waitlist empty"
    );

    // The cohort learns; the dashboard shows it. Vera takes the second module's quiz, which counts as activity.
    assert_eq!(olena.post("/courses/track/modules/one/complete", json!({})).await.0, StatusCode::OK);
    let trainer = sign_in(&app, "trainer-t").await;
    let quiz = json!({"format": "gift", "source": "// [id:tf]\n::Sky::The sky is blue.{T}\n"});
    let (status, saved) = trainer.send(trainer.raw(Method::PUT, "/courses/track/modules/two/quiz").json(&quiz)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, attempt) =
        vera.post(&format!("/quizzes/{}/attempts", saved["quiz_id"].as_str().unwrap_or_default()), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{attempt}");
    let attempt = attempt["id"].as_str().unwrap_or_default().to_owned();
    let answer = json!({"answer": true});
    assert_eq!(
        vera.send(vera.raw(Method::PUT, &format!("/attempts/{attempt}/answers/tf")).json(&answer)).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(vera.post(&format!("/attempts/{attempt}/submit"), json!({})).await.0, StatusCode::OK);
    let (status, dash) = admin.get(&format!("/programmes/{pid}/dashboard")).await;
    assert_eq!(status, StatusCode::OK, "{dash}");
    let rows = dash["items"].as_array().cloned().unwrap_or_default();
    let handles: Vec<&str> = rows.iter().filter_map(|r| r["handle"].as_str()).collect();
    assert_eq!(handles, ["olena", "vera"]);
    assert_eq!(
        (rows[0]["user_id"].as_str(), rows[0]["modules_completed"].as_u64(), rows[0]["modules_total"].as_u64()),
        (Some(olena_id.as_str()), Some(1), Some(2))
    );
    assert_eq!((rows[0]["progress_percent"].as_i64(), rows[1]["progress_percent"].as_i64()), (Some(50), Some(0)));
    assert!(rows[0]["last_activity_at"].is_string() && rows[1]["last_activity_at"].is_string(), "{dash}");
    assert_eq!((rows[0].get("quiz_best_percent"), rows[1]["quiz_best_percent"].as_i64()), (None, Some(100)), "{dash}");
    assert_eq!(rows[0]["at_risk"], false);
    let csv = admin
        .raw(Method::GET, &format!("/programmes/{pid}/dashboard"))
        .header("accept", "text/csv")
        .send()
        .await
        .expect("csv");
    let csv = csv.text().await.unwrap_or_default();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with(&format!("{olena_id},olena,1,2,50,")), "{csv}");

    // The donor report matches the database.
    let (_, report) = admin.get(&format!("/programmes/{pid}/report")).await;
    assert_eq!(
        (report["applications"].as_u64(), report["awards"].as_u64(), report["cohort"].as_u64()),
        (Some(3), Some(2), Some(2)),
        "{report}"
    );
    assert_eq!(report["award_rate_percent"].as_f64(), Some(66.67));
    assert_eq!(report["by_status"], json!({"accepted": 1, "awarded": 1, "declined": 1}));
    assert_eq!(report["by_country"]["KZ"], json!({"applications": 1, "awards": 0}));
    assert_eq!((report["stipends_awarded"].as_f64(), report["currency"].as_str()), (Some(600.0), Some("EUR")));
    let csv = admin
        .raw(Method::GET, &format!("/programmes/{pid}/report"))
        .header("accept", "text/csv")
        .send()
        .await
        .expect("csv");
    let csv = csv.text().await.unwrap_or_default();
    for line in [
        "applications,,3",
        "awards,,2",
        "award_rate_percent,,66.7",
        "stipends_awarded,EUR,600.00",
        "applications_by_country,UA,1",
        "awards_by_country,RU,1",
        "completed,,0",
    ] {
        assert!(csv.lines().any(|l| l == line), "{line} in {csv}");
    }

    // A one-click reminder reaches those with an address; the others are reported as unreachable.
    let (status, nudged) = admin.post(&format!("/programmes/{pid}/reminders"), json!({"user_id": olena_id})).await;
    assert_eq!((status, nudged["sent"].as_bool()), (StatusCode::OK, Some(true)), "{nudged}");
    let vera_id = rows[1]["user_id"].as_str().unwrap_or_default().to_owned();
    let (_, nudged) = admin.post(&format!("/programmes/{pid}/reminders"), json!({"user_id": vera_id})).await;
    assert_eq!(nudged["sent"], false, "no address");
    let (status, _) = admin.post(&format!("/programmes/{pid}/reminders"), json!({"user_id": r1_id})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "only the cohort's scholars");

    // Olena, who gave an address, was told by email in Ukrainian, with nothing of the topic in it.
    let mut mail = Vec::new();
    for _ in 0..100 {
        mail = smtp.messages();
        if mail.len() >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(mail.len(), 3, "a confirmation, an award and a reminder");
    for raw in &mail {
        assert!(header(raw, "To").unwrap_or_default().contains("olena@example.org"));
        let (subject, body) = decode_mail(raw);
        assert!(
            !subject.contains("Monitoring")
                && !subject.contains("Стипендія")
                && !body.contains("Monitoring")
                && !body.contains("Стипендія"),
            "{subject} {body}"
        );
        assert!(body.contains(&format!("/programmes/{pid}")), "{body}");
    }
    let bodies: Vec<String> = mail.iter().map(|m| decode_mail(m).1).collect();
    assert!(bodies.iter().any(|b| b.contains("отримали")), "a confirmation: {bodies:?}");
    assert!(bodies.iter().any(|b| b.contains("пропонують місце")), "an award: {bodies:?}");
    assert!(bodies.iter().any(|b| b.contains("як у вас справи")), "a reminder: {bodies:?}");

    // A reviewer taken off the programme no longer sees its applications; their reviews keep counting.
    let (status, _) = admin.send(admin.raw(Method::DELETE, &format!("/programmes/{pid}/reviewers/{r2_id}"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(r2.get("/me/reviews").await.1["items"].as_array().map(Vec::len), Some(0));
    assert_eq!(r2.get(&format!("/applications/{olena_app}")).await.0, StatusCode::NOT_FOUND);
    let (_, ranking) = admin.get(&format!("/programmes/{pid}/ranking")).await;
    assert_eq!(ranking["items"][0]["reviews"], 2);

    // Every decision is in the audit log.
    let (_, audit) = admin.get("/admin/audit").await;
    let decisions =
        audit["items"].as_array().map(|i| i.iter().filter(|e| e["action"] == "application.decision").count());
    assert_eq!(decisions, Some(4), "two awards, a waitlisting, a promotion");
}

async fn applications_need_consent_answers_and_an_open_window(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (status, body) = admin.post("/programmes", json!({"title": "", "seats": 0, "opens_at": "soon"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "seats", "opens_at", "closes_at", "course_slugs", "criteria"] {
        assert!(body["error"]["fields"][field].is_array(), "{field}: {body}");
    }
    let mut unknown = programme_body(-1, 48);
    unknown["course_slugs"] = json!(["no-such-course"]);
    let (status, body) = admin.post("/programmes", unknown).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]["fields"]["course_slugs"][0].as_str().unwrap_or_default().contains("no-such-course"),
        "{body}"
    );

    let mut uneven = programme_body(-1, 48);
    uneven["questions"][1]["choice_labels"] = json!({"uk": ["Лише одна"]});
    let (status, body) = admin.post("/programmes", uneven).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["questions"][0].as_str().unwrap_or_default().contains("2"), "{body}");
    let (_, open) = admin.post("/programmes", programme_body(-1, 48)).await;
    let open = open["id"].as_str().unwrap_or_default().to_owned();
    let (_, closed) = admin.post("/programmes", programme_body(-48, -1)).await;
    let closed = closed["id"].as_str().unwrap_or_default().to_owned();

    let (_, ira) = person(&app, "ira", None, "en").await;
    let (status, body) = ira.post(&format!("/programmes/{open}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let mut partial = full_application("FR");
    partial["consent"] = json!(false);
    partial["answers"] = json!({"q2": "Not a choice"});
    assert_eq!(put(&ira, &format!("/programmes/{open}/application"), partial).await.0, StatusCode::OK);
    let (status, body) = ira.post(&format!("/programmes/{open}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["consent", "country", "answers.q1", "answers.q2"] {
        assert!(body["error"]["fields"][field].is_array(), "{field}: {body}");
    }
    let (status, body) =
        put(&ira, &format!("/programmes/{open}/application"), json!({"motivation": "x".repeat(12_000)})).await;
    assert_eq!(status, StatusCode::OK, "a draft keeps an over-long text, so autosave goes on: {body}");
    let (status, body) = ira.post(&format!("/programmes/{open}/application/submit"), json!({})).await;
    assert!(body["error"]["fields"]["motivation"].is_array(), "sending checks the limit: {status} {body}");
    let (status, body) =
        put(&ira, &format!("/programmes/{open}/application"), json!({"motivation": "x".repeat(60_000)})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = ira
        .send(
            ira.raw(Method::PUT, &format!("/programmes/{open}/application"))
                .body("{")
                .header("content-type", "application/json"),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let id = apply(&ira, &open, "UA").await;

    // Withdrawing deletes what was sent; applying again is possible while the window is open.
    let (status, _) = ira.send(ira.raw(Method::DELETE, &format!("/programmes/{open}/application"))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(admin.get(&format!("/applications/{id}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(ira.get(&format!("/programmes/{open}/application")).await.0, StatusCode::NOT_FOUND);
    apply(&ira, &open, "UA").await;

    // A closed window takes no drafts, no submissions and no withdrawals.
    let (status, _) = put(&ira, &format!("/programmes/{closed}/application"), full_application("UA")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        ira.post(&format!("/programmes/{closed}/application/submit"), json!({})).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (_, listed) = app.api().get("/programmes").await;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(1), "only the open call is listed");
    assert_eq!(app.api().get("/programmes/no-such-id").await.0, StatusCode::NOT_FOUND);
}

async fn bulk_enrolment_reports_every_bad_row_and_enrols_no_one_until_clean(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, anna) = person(&app, "anna", None, "en").await;
    let (_, _) = person(&app, "Borys", None, "uk").await;
    let send = |body: &'static str, dry: bool| {
        let path = format!("/programmes/{pid}/enrolments/csv{}", if dry { "?dry_run=true" } else { "" });
        admin.send(admin.raw(Method::POST, &path).header("content-type", "text/csv").body(body))
    };

    let (status, report) = send("\u{feff}handle\r\nanna\r\n", true).await;
    assert_eq!(
        (status, report["ok"].as_bool()),
        (StatusCode::OK, Some(true)),
        "a spreadsheet's byte order mark: {report}"
    );
    assert_eq!(send("anna\n\0borys\n", true).await.0, StatusCode::BAD_REQUEST);
    let (status, report) = send("handle\nanna\nnobody\nborys\nANNA\n", true).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["ok"], false);
    let rows: Vec<u64> =
        report["errors"].as_array().map(|e| e.iter().filter_map(|e| e["row"].as_u64()).collect()).unwrap_or_default();
    assert_eq!(rows, [3, 5], "{report}");
    let (status, report) = send("handle\nanna\nnobody\nborys\nANNA\n", false).await;
    assert_eq!((status, report["ok"].as_bool()), (StatusCode::OK, Some(false)));
    assert!(!enrolled(&anna).await, "a file with errors enrols no one");

    let (_, report) = send("anna\nborys\n", true).await;
    assert_eq!((report["ok"].as_bool(), report["enrolled"].clone()), (Some(true), json!(["anna", "Borys"])));
    assert!(!enrolled(&anna).await, "a dry run enrols no one");
    let (_, report) = send("anna\nborys\n", false).await;
    assert_eq!(report["ok"], true, "{report}");
    assert!(enrolled(&anna).await);
    let (_, dash) = admin.get(&format!("/programmes/{pid}/dashboard")).await;
    assert_eq!(dash["items"].as_array().map(Vec::len), Some(2), "{dash}");
}

async fn concurrent_awards_never_exceed_the_seats(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let mut ids = Vec::new();
    for i in 0..6 {
        let (_, api) = person(&app, &format!("applicant{i}"), None, "en").await;
        ids.push(apply(&api, &pid, "UA").await);
    }
    // Six admins' clicks at once on a programme of two seats.
    let calls: Vec<_> = ids
        .iter()
        .map(|id| {
            let (admin, path) = (&admin, format!("/applications/{id}/decision"));
            async move { admin.post(&path, json!({"decision": "award"})).await.0 }
        })
        .collect();
    let statuses = join_all(calls).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 2, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 4, "{statuses:?}");
    let (_, report) = admin.get(&format!("/programmes/{pid}/report")).await;
    assert_eq!((report["awards"].as_u64(), report["cohort"].as_u64()), (Some(2), Some(2)), "{report}");
}

async fn declining_ends_only_the_enrolments_the_award_made(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (admin_id, admin) = app.signed_in("chief", Role::Admin).await;
    let mut body = programme_body(-1, 48);
    body["course_slugs"] = json!(["track", "human-rights-monitoring"]);
    body["blind"] = json!(false);
    let (_, created) = admin.post("/programmes", body.clone()).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (lena_id, lena) = person(&app, "lena", Some("lena@example.org"), "en").await;
    // Lena was enrolled in one of the track's courses before she applied.
    assert_eq!(admin.post("/courses/track/enrolments", json!({"user_id": lena_id})).await.0, StatusCode::OK);
    let id = apply(&lena, &pid, "UA").await;

    // An admin may review too; without blind review the reviewer sees who applied, never how to reach her.
    assert_eq!(
        admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": admin_id})).await.0,
        StatusCode::OK
    );
    let review = json!({"scores": {"c1": 4, "c2": 4}});
    assert_eq!(admin.post(&format!("/applications/{id}/reviews"), review).await.0, StatusCode::CREATED);
    let (_, reviewer) = app.signed_in("reviewer", Role::Scholar).await;
    let (_, me) = reviewer.get("/me").await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": me["id"]})).await;
    let (_, seen) = reviewer.get(&format!("/applications/{id}")).await;
    assert_eq!(seen["handle"], "lena");
    assert!(seen.get("email").is_none(), "{seen}");

    assert_eq!(
        admin.post(&format!("/applications/{id}/decision"), json!({"decision": "award"})).await.0,
        StatusCode::OK
    );
    let (_, course) = lena.get("/courses/human-rights-monitoring").await;
    assert_eq!(course["enrolled"], true);
    // With a cohort, the track can no longer change.
    body["course_slugs"] = json!(["track"]);
    let (status, _) = admin.send(admin.raw(Method::PUT, &format!("/programmes/{pid}")).json(&body)).await;
    assert_eq!(status, StatusCode::CONFLICT);

    assert_eq!(lena.post(&format!("/applications/{id}/decline"), json!({})).await.0, StatusCode::OK);
    let (_, course) = lena.get("/courses/human-rights-monitoring").await;
    assert_eq!(course["enrolled"], false, "the award's enrolment ends");
    assert!(enrolled(&lena).await, "her own enrolment stays");
}
