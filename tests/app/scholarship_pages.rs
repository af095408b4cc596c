//! Scholarship pages, driven as a browser would: an admin creates a call with the form (errors next to
//! the fields, typed text kept), an applicant applies (a failed send keeps the draft), a reviewer scores
//! blind, the admin decides in bulk and reads the dashboard with its charts and CSV files. And every
//! route, page or API, answered for each role.

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TestApp};
use crate::scholarships::{apply, person, programme_body, track_course};

both!(
    an_administrator_runs_a_call_in_the_browser,
    every_route_answers_each_role_as_it_should,
    taps_that_cannot_be_undone_ask_first,
    promoting_from_the_waitlist_names_who_gets_the_place,
);

fn datetime_local(hours_from_now: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(hours_from_now)).format("%Y-%m-%dT%H:%M").to_string()
}

async fn an_administrator_runs_a_call_in_the_browser(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    app.create_user("chief", Role::Admin);
    app.create_user("reviewer", Role::Scholar);
    let mut admin = app.browser().await;
    admin.sign_in("chief").await;

    // A form with mistakes comes back with each one beside its field, and what was typed.
    assert_eq!(admin.get("/admin/programmes/new").await.status, StatusCode::OK);
    let (opens, closes, deadline) = (datetime_local(-1), datetime_local(48), datetime_local(24 * 90)[..10].to_owned());
    let mut fields = vec![
        ("title", "Call 2027"),
        ("description", "What the scholarship offers."),
        ("title_uk", "Набір 2027"),
        ("countries", "UA, XX"),
        ("seats", "1"),
        ("stipend_amount", "120.50"),
        ("currency", "eur"),
        ("opens_at", opens.as_str()),
        ("closes_at", closes.as_str()),
        ("deadline", deadline.as_str()),
        ("course", "track"),
        ("c.0.name", "Need"),
        ("c.0.weight", "2"),
        ("c.1.name", "Experience"),
        ("c.1.weight", "heavy"),
        ("q.0.label", "Which city?"),
        ("q.0.label_uk", "У якому місті?"),
        ("q.0.kind", "short"),
        ("q.0.required", "true"),
        ("q.1.label", "Who told you?"),
        ("q.1.label_uk", "Хто вам розповів?"),
        ("q.1.kind", "single"),
        ("q.1.choices", "A friend\nAn NGO"),
        ("q.1.choices_uk", "Подруга\nОрганізація"),
        ("blind", "true"),
        ("c.0.description", "How much the place would change: 1 a little, 5 a great deal."),
        ("c.0.name_uk", "Потреба"),
        ("c.0.description_uk", "Наскільки місце змінить її роботу: 1 — трохи, 5 — дуже."),
    ];
    let page = admin.post("/admin/programmes/new", &fields).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.text());
    assert!(page.has("#f-countries-error") && page.has("#f-criteria-error"), "{}", page.text());
    assert!(page.text().contains("“XX” is not a two-letter country code"), "{}", page.text());
    assert_eq!(page.value_of("input[name='c.1.weight']").as_deref(), Some("heavy"), "the criteria as typed");
    assert_eq!(page.value_of("input[name='q.1.label_uk']").as_deref(), Some("Хто вам розповів?"));
    assert!(page.body.contains(">A friend\nAn NGO</textarea>"), "the choices as typed");
    // "Add a question" brings the form back with a new row, everything typed kept, nothing saved.
    let mut adding = fields.clone();
    adding.push(("row", "question-add"));
    let page = admin.post("/admin/programmes/new", &adding).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.has("#question-2 input[name='q.2.label']") && page.has("a[href='#question-2']"), "{}", page.body);
    assert_eq!(page.value_of("#f-title").as_deref(), Some("Call 2027"));
    // Moving the second question up, then removing it, works the same way.
    let mut moving = fields.clone();
    moving.push(("row", "question-up-1"));
    let page = admin.post("/admin/programmes/new", &moving).await;
    assert_eq!(page.value_of("input[name='q.0.label']").as_deref(), Some("Who told you?"));
    let mut removing = fields.clone();
    removing.push(("row", "question-remove-0"));
    let page = admin.post("/admin/programmes/new", &removing).await;
    assert_eq!(page.value_of("input[name='q.0.label']").as_deref(), Some("Who told you?"));
    assert!(!page.has("input[name='q.1.label']"));
    let (_, list) = app.api().get("/programmes").await;
    assert!(!list.to_string().contains("Call 2027"), "a row button saves nothing: {list}");
    assert_eq!(page.value_of("#f-title").as_deref(), Some("Call 2027"));
    fields[3] = ("countries", "UA, MD");
    fields[14] = ("c.1.weight", "1");
    let page = admin.post("/admin/programmes/new", &fields).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
    let location = page.location.unwrap_or_default();
    let pid = location.trim_start_matches("/admin/programmes/").split('?').next().unwrap_or_default().to_owned();
    // The call's page shows the rubric and the questions as saved.
    let text = admin.get(&location).await.text();
    assert!(text.contains("1 a little, 5 a great deal") && text.contains("Who told you?"), "{text}");
    assert!(text.contains("A friend · An NGO") && text.contains("An answer is required"), "{text}");
    let (_, shown) = app.api().get(&format!("/programmes/{pid}")).await;
    assert_eq!(shown["criteria"][0]["texts"]["uk"]["name"], "Потреба", "{shown}");
    assert!(shown["criteria"][1].get("texts").is_none(), "no empty translations kept: {shown}");
    let page = admin.post(&format!("/admin/programmes/{pid}/reviewers"), &[("handle", "nobody")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-handle-error"));
    assert_eq!(
        admin.post(&format!("/admin/programmes/{pid}/reviewers"), &[("handle", "reviewer")]).await.status,
        StatusCode::SEE_OTHER
    );

    // Someone not yet registered is led to an account that brings her back to the call.
    let page = app.browser().await.get(&format!("/programmes/{pid}")).await;
    assert!(page.has(&format!("a[href='/register?next=/programmes/{pid}']")), "{}", page.body);

    // An applicant forgets the consent: the page says so beside the box and keeps the text; the draft is saved.
    let (_, olena_api) = person(&app, "olena", None, "uk").await;
    let mut olena = app.browser().await;
    olena.sign_in("olena").await;
    let page = olena.get("/programmes").await;
    assert!(page.text().contains("Набір 2027"), "the call in her language: {}", page.text());
    let page = olena.get(&format!("/programmes/{pid}")).await;
    assert!(page.has("form.application") && page.has("script[src^='/static/apply.js?v=']"));
    // Enter in a field presses the form's first button: it saves the draft, it does not send.
    let first_button = scraper::Html::parse_document(&page.body)
        .select(&scraper::Selector::parse("form.application button[type=submit]").expect("selector"))
        .next()
        .and_then(|b| b.value().attr("value").map(str::to_owned));
    assert_eq!(first_button.as_deref(), Some("save"));
    // Without the script nothing saves as she types, so the page does not say it does (the script says it).
    assert!(!page.text().contains("Поки ви пишете"), "{}", page.text());
    assert!(page.has("p.save-state[data-on]"));
    assert!(page.text().contains("У якому місті?"), "the question in her language: {}", page.text());
    assert!(
        page.text().contains("Подруга") && page.has("input[type=radio][value='A friend']"),
        "choices too; the value stays"
    );
    let mut answer = vec![
        ("country", "UA"),
        ("experience", "Outreach since 2019."),
        ("motivation", "Мій текст, який не можна втратити."),
        ("answer.q1", "Odesa"),
        ("answer.q2", "A friend"),
        ("action", "submit"),
    ];
    let page = olena.post(&format!("/programmes/{pid}/apply"), &answer).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.text());
    assert!(page.has("#f-consent-error"), "{}", page.text());
    assert!(page.body.contains("Мій текст, який не можна втратити."), "the text is kept");
    let (_, draft) = olena_api.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(draft["motivation"], "Мій текст, який не можна втратити.", "and saved as a draft");
    answer.push(("consent", "true"));
    let page = olena.post(&format!("/programmes/{pid}/apply"), &answer).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
    let page = olena.get(page.location.as_deref().unwrap_or_default()).await;
    assert!(page.text().contains("Надіслано"), "status shown in Ukrainian: {}", page.text());

    // The reviewer scores without knowing who applied; a missing score is flagged and the comment kept.
    let mut reviewer = app.browser().await;
    reviewer.sign_in("reviewer").await;
    let page = reviewer.get("/review").await;
    let link = scraper::Html::parse_document(&page.body)
        .select(&scraper::Selector::parse("main table a").expect("selector"))
        .next()
        .and_then(|a| a.value().attr("href").map(str::to_owned))
        .expect("an assigned application");
    let page = reviewer.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text().contains("olena") && page.text().contains("Outreach since 2019."), "{}", page.text());
    assert!(
        page.has("fieldset div.hint.criterion") && page.text().contains("1 a little, 5 a great deal"),
        "what the scores mean, beside them: {}",
        page.text()
    );
    let page = reviewer.post(&format!("{link}/review"), &[("scores.c1", "4"), ("comment", "Strong need.")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Strong need.") && page.text().contains("Please fill this in."), "{}", page.text());
    let page = reviewer
        .post(&format!("{link}/review"), &[("scores.c1", "4"), ("scores.c2", "5"), ("comment", "Strong need.")])
        .await;
    // Post/redirect/get: a reload sends nothing again; with nothing else waiting, back to her list.
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some("/review?done=saved"));
    let page = reviewer.get("/review?done=saved").await;
    assert!(
        page.text().contains("Your review is saved. No other application waits for your review."),
        "{}",
        page.text()
    );

    // The admin sees the ranking with names, awards in bulk, and the applicant accepts.
    let page = admin.get(&format!("/admin/programmes/{pid}")).await;
    assert!(page.text().contains("olena") && page.text().contains("4.33"), "{}", page.text());
    let id = link.trim_start_matches("/applications/").to_owned();
    let page = admin
        .post(&format!("/admin/programmes/{pid}/decisions"), &[("application", id.as_str()), ("decision", "award")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some(format!("/admin/programmes/{pid}?done=drafted#ranking").as_str()));
    // A draft: she is told nothing and offered nothing until the administrator publishes.
    let page = olena.get(&format!("/programmes/{pid}")).await;
    assert!(!page.has("button[value=accept]"), "a drafted award is not an offer yet");
    assert_eq!(olena_api.get("/me/notices").await.1["items"].as_array().map(Vec::len), Some(1), "only 'received'");
    let page = admin.get(&format!("/admin/programmes/{pid}?done=drafted")).await;
    assert!(page.text().contains("Nobody is told until you publish"), "{}", page.text());
    assert!(page.text().contains("Once published, 1 of"), "{}", page.text());
    let publish = page.attr_of("section.publish form", "action").unwrap_or_default();
    let page = admin.post(&publish, &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = admin.get(page.location.as_deref().unwrap_or_default()).await;
    assert!(page.text().contains("One decision published; the applicant is told."), "{}", page.text());
    let page = olena.get(&format!("/programmes/{pid}")).await;
    assert!(page.has("button[value=accept]"));
    let page = olena.post(&format!("/applications/{id}/answer"), &[("answer", "accept")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);

    // The dashboard: three charts drawn inline, the cohort, and the donor's CSV.
    let page = admin.get(&format!("/admin/programmes/{pid}/dashboard")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<svg").count(), 3);
    assert!(page.text().contains("olena") && page.text().contains("120.50 EUR"), "{}", page.text());
    let csv = admin.client.get(app.url(&format!("/admin/programmes/{pid}/report.csv"))).send().await.expect("csv");
    assert_eq!(csv.headers().get("content-type").and_then(|h| h.to_str().ok()), Some("text/csv; charset=utf-8"));
    // Named for what it holds and when, not "report.csv", and without the programme's title.
    let named = csv.headers().get("content-disposition").and_then(|h| h.to_str().ok()).unwrap_or_default().to_owned();
    let today = chrono::Utc::now().date_naive().to_string();
    let short: String = pid.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    assert_eq!(named, format!("attachment; filename=\"programme-report-{short}-{today}.csv\""));
    let csv = csv.text().await.unwrap_or_default();
    assert!(
        csv.lines().any(|l| l == "applications,,1") && csv.lines().any(|l| l == "stipends_awarded,EUR,120.50"),
        "{csv}"
    );

    // Every decision is in the audit log, in words.
    let page = admin.get("/admin/audit").await;
    assert!(page.text().contains("Decision on an application: Place offered"), "{}", page.text());

    // The programme can be corrected; not below the places already taken.
    let page = admin.get(&format!("/admin/programmes/{pid}/edit")).await;
    assert_eq!(page.value_of("#f-title").as_deref(), Some("Call 2027"));
    assert_eq!(page.value_of("#f-countries").as_deref(), Some("UA, MD"));
    assert!(page.body.contains("У якому місті?"), "the translated question is kept for editing");
    fields[4] = ("seats", "0");
    let page = admin.post(&format!("/admin/programmes/{pid}/edit"), &fields).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-seats-error"));
    fields[0] = ("title", "Call 2027, corrected");
    fields[4] = ("seats", "2");
    let page = admin.post(&format!("/admin/programmes/{pid}/edit"), &fields).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.text());
    assert!(admin.get(&format!("/admin/programmes/{pid}")).await.text().contains("Call 2027, corrected"));

    // Enrolment from a file: the check reports the bad line and enrols no one.
    let page = admin
        .post(&format!("/admin/programmes/{pid}/enrol"), &[("csv", "handle\nreviewer\nghost"), ("mode", "enrol")])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Line 3") && page.text().contains("ghost"), "{}", page.text());
    let (_, dash) = {
        let (_, api) = app.signed_in("chief-api", Role::Admin).await;
        api.get(&format!("/programmes/{pid}/dashboard")).await
    };
    assert_eq!(dash["items"].as_array().map(Vec::len), Some(1), "no one enrolled from a bad file");
}

/// Withdrawing an application and declining a place cannot be undone: the first tap shows what it means
/// and changes nothing; only the confirmed form acts.
async fn taps_that_cannot_be_undone_ask_first(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, applicant) = person(&app, "careful", None, "ru").await;
    apply(&applicant, &pid, "UA").await;
    let mut careful = app.browser().await;
    careful.sign_in("careful").await;

    let page = careful.post(&format!("/programmes/{pid}/withdraw"), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Отозвать заявку?") && page.has("input[name=confirm][value=yes]"), "{}", page.text());
    assert!(page.has(&format!("a[href=\"/programmes/{pid}\"]")), "a way back");
    let switch = page.value_of("form.lang input[name=next]");
    assert_eq!(switch.as_deref(), Some(format!("/programmes/{pid}").as_str()), "a language switch leads to a page");
    assert_eq!(applicant.get(&format!("/programmes/{pid}/application")).await.0, StatusCode::OK, "nothing deleted yet");
    let page = careful.post(&format!("/programmes/{pid}/withdraw"), &[("confirm", "yes")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(applicant.get(&format!("/programmes/{pid}/application")).await.0, StatusCode::NOT_FOUND, "withdrawn");

    let id = apply(&applicant, &pid, "UA").await;
    let (status, body) = admin.post(&format!("/applications/{id}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let home = careful.get("/").await;
    assert!(home.text().contains("Вам предложено место"), "the offer is on her home page: {}", home.text());
    assert!(home.has(&format!("a.button[href=\"/programmes/{pid}\"]")));
    let page = careful.post(&format!("/applications/{id}/answer"), &[("answer", "decline")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Отказаться от места?"), "{}", page.text());
    assert_eq!(applicant.get(&format!("/programmes/{pid}/application")).await.1["status"], "awarded", "still hers");
    let page = careful.post(&format!("/applications/{id}/answer"), &[("answer", "decline"), ("confirm", "yes")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(applicant.get(&format!("/programmes/{pid}/application")).await.1["status"], "declined");

    // Her answer is final: no decision is offered or taken on it any more.
    let (status, body) = admin.post(&format!("/applications/{id}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.to_string().contains("answered this offer"), "{body}");
    let mut chief = app.browser().await;
    chief.sign_in("chief").await;
    let manage = chief.get(&format!("/admin/programmes/{pid}")).await;
    assert!(!manage.has(&format!("input[name=application][value='{id}']")), "no box to decide on it again");
}

/// Expected statuses for: anonymous, applicant, another applicant, reviewer of another programme,
/// reviewer, trainer, admin.
type Expect = [u16; 7];

async fn every_route_answers_each_role_as_it_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, other) = admin.post("/programmes", programme_body(-1, 48)).await;
    let other_pid = other["id"].as_str().unwrap_or_default().to_owned();
    let (_, applicant) = person(&app, "applicant", None, "en").await;
    let app_id = apply(&applicant, &pid, "UA").await;
    let (_, another) = person(&app, "another", None, "en").await;
    let (other_reviewer_id, other_reviewer) = app.signed_in("other-reviewer", Role::Scholar).await;
    let (reviewer_id, reviewer) = app.signed_in("reviewer", Role::Scholar).await;
    let (trainer_id, trainer) = app.signed_in("trainer", Role::Trainer).await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": reviewer_id})).await;
    admin.post(&format!("/programmes/{other_pid}/reviewers"), json!({"user_id": other_reviewer_id})).await;
    let anonymous = app.api();
    let roles = [&anonymous, &applicant, &another, &other_reviewer, &reviewer, &trainer, &admin];
    const NAMES: [&str; 7] =
        ["anonymous", "applicant", "another applicant", "reviewer elsewhere", "reviewer", "trainer", "admin"];

    let review = json!({"scores": {"c1": 3, "c2": 3}});
    let admin_only_get: Expect = [401, 403, 403, 403, 403, 403, 200];
    let api: Vec<(Method, String, serde_json::Value, Expect)> = vec![
        (Method::GET, "/programmes".into(), json!(null), [200; 7]),
        (Method::GET, format!("/programmes/{pid}"), json!(null), [200; 7]),
        (Method::POST, "/programmes".into(), programme_body(-1, 48), [401, 403, 403, 403, 403, 403, 201]),
        (Method::PUT, format!("/programmes/{pid}"), programme_body(-1, 48), [401, 403, 403, 403, 403, 403, 200]),
        (Method::GET, format!("/applications/{app_id}"), json!(null), [401, 200, 404, 404, 200, 404, 200]),
        (Method::POST, format!("/applications/{app_id}/reviews"), review, [401, 404, 404, 404, 201, 404, 404]),
        (
            Method::POST,
            format!("/applications/{app_id}/decision"),
            json!({"decision": "waitlist"}),
            [401, 403, 403, 403, 403, 403, 200],
        ),
        (Method::POST, format!("/applications/{app_id}/accept"), json!({}), [401, 409, 404, 404, 404, 404, 404]),
        (Method::POST, format!("/applications/{app_id}/decline"), json!({}), [401, 409, 404, 404, 404, 404, 404]),
        (Method::GET, format!("/programmes/{pid}/ranking"), json!(null), admin_only_get),
        (Method::GET, format!("/programmes/{pid}/dashboard"), json!(null), admin_only_get),
        (Method::GET, format!("/programmes/{pid}/report"), json!(null), admin_only_get),
        (
            Method::POST,
            format!("/programmes/{pid}/reviewers"),
            json!({"user_id": reviewer_id}),
            [401, 403, 403, 403, 403, 403, 200],
        ),
        (
            Method::POST,
            format!("/programmes/{pid}/decisions"),
            json!({"decision": "waitlist", "application_ids": []}),
            [401, 403, 403, 403, 403, 403, 200],
        ),
        (Method::POST, format!("/programmes/{pid}/promote"), json!({}), [401, 403, 403, 403, 403, 403, 200]),
        (
            Method::POST,
            format!("/programmes/{pid}/reminders"),
            json!({"user_id": reviewer_id}),
            [401, 403, 403, 403, 403, 403, 404],
        ),
        (Method::GET, format!("/programmes/{pid}/application"), json!(null), [401, 200, 404, 404, 404, 404, 404]),
        (
            Method::DELETE,
            format!("/programmes/{pid}/reviewers/{other_reviewer_id}"),
            json!(null),
            [401, 403, 403, 403, 403, 403, 204],
        ),
        (Method::GET, "/me/applications".into(), json!(null), [401, 200, 200, 200, 200, 200, 200]),
        (Method::GET, "/me/reviews".into(), json!(null), [401, 200, 200, 200, 200, 200, 200]),
        (
            Method::DELETE,
            format!("/programmes/{other_pid}/application"),
            json!(null),
            [401, 404, 404, 404, 404, 404, 404],
        ),
    ];
    for (method, path, body, expect) in &api {
        for (i, who) in roles.iter().enumerate() {
            let mut req = who.raw(method.clone(), path);
            if !body.is_null() {
                req = req.json(body);
            }
            let (status, answer) = who.send(req).await;
            assert_eq!(status.as_u16(), expect[i], "{method} {path} as {}: {answer}", NAMES[i]);
        }
    }
    for (i, who) in roles.iter().enumerate() {
        let path = format!("/programmes/{pid}/enrolments/csv?dry_run=true");
        let csv = who.send(who.raw(Method::POST, &path).header("content-type", "text/csv").body("applicant\n")).await;
        assert_eq!(csv.0.as_u16(), [401, 403, 403, 403, 403, 403, 200][i], "CSV enrolment as {}", NAMES[i]);
        let (_, shown) = who.get(&format!("/programmes/{pid}")).await;
        assert_eq!(shown.get("stipend_amount").is_some(), i == 6, "stipends for admins only, as {}", NAMES[i]);
    }

    // Pages: the same rules, with sign-in offered to the anonymous.
    let handles = [
        None,
        Some("applicant"),
        Some("another"),
        Some("other-reviewer"),
        Some("reviewer"),
        Some("trainer"),
        Some("chief"),
    ];
    let pages: Vec<(String, Expect)> = vec![
        ("/programmes".into(), [200; 7]),
        (format!("/programmes/{pid}"), [200; 7]),
        ("/review".into(), [303, 200, 200, 200, 200, 200, 200]),
        (format!("/applications/{app_id}"), [303, 303, 404, 404, 200, 404, 200]),
        ("/admin/programmes".into(), [303, 403, 403, 403, 403, 403, 200]),
        ("/admin/programmes/new".into(), [303, 403, 403, 403, 403, 403, 200]),
        (format!("/admin/programmes/{pid}/edit"), [303, 403, 403, 403, 403, 403, 200]),
        (format!("/admin/programmes/{pid}"), [303, 403, 403, 403, 403, 403, 200]),
        (format!("/admin/programmes/{pid}/dashboard"), [303, 403, 403, 403, 403, 403, 200]),
        (format!("/admin/programmes/{pid}/cohort.csv"), [303, 403, 403, 403, 403, 403, 200]),
        (format!("/admin/programmes/{pid}/report.csv"), [303, 403, 403, 403, 403, 403, 200]),
    ];
    type Post<'a> = (String, Vec<(&'a str, &'a str)>, Expect);
    let posts: Vec<Post> = vec![
        (format!("/admin/programmes/{pid}/promote"), vec![], [401, 403, 403, 403, 403, 403, 422]),
        (
            format!("/admin/applications/{app_id}/decision"),
            vec![("decision", "waitlist")],
            // By now the applicant has accepted her place: no decision changes it (said on the page).
            [401, 403, 403, 403, 403, 403, 422],
        ),
        (format!("/applications/{app_id}/conflict"), vec![], [401, 404, 404, 404, 303, 404, 404]),
        (format!("/programmes/{pid}/withdraw"), vec![], [401, 409, 404, 404, 404, 404, 404]),
        (format!("/applications/{app_id}/answer"), vec![("answer", "accept")], [401, 303, 404, 404, 404, 404, 404]),
        (format!("/applications/{app_id}/review"), vec![("scores.c1", "9")], [401, 404, 404, 404, 404, 404, 404]),
        (
            format!("/admin/programmes/{pid}/reviewers"),
            vec![("handle", "trainer")],
            [401, 403, 403, 403, 403, 403, 303],
        ),
        (format!("/admin/programmes/{pid}/reviewers/{trainer_id}/remove"), vec![], [401, 403, 403, 403, 403, 403, 303]),
        (
            format!("/admin/programmes/{pid}/decisions"),
            vec![("decision", "waitlist")],
            // Nothing selected: said beside the form.
            [401, 403, 403, 403, 403, 403, 422],
        ),
        (
            format!("/admin/programmes/{pid}/enrol"),
            vec![("csv", "applicant"), ("mode", "check")],
            [401, 403, 403, 403, 403, 403, 200],
        ),
        (format!("/admin/programmes/{pid}/remind"), vec![("user_id", "nobody")], [401, 403, 403, 403, 403, 403, 404]),
        ("/admin/programmes/new".into(), vec![("title", "")], [401, 403, 403, 403, 403, 403, 422]),
        (format!("/admin/programmes/{pid}/edit"), vec![("title", "")], [401, 403, 403, 403, 403, 403, 422]),
    ];
    for (i, handle) in handles.iter().enumerate() {
        let mut browser = app.browser().await;
        if let Some(h) = handle {
            browser.sign_in(h).await;
        }
        for (path, expect) in &pages {
            assert_eq!(browser.get(path).await.status.as_u16(), expect[i], "GET {path} as {}", NAMES[i]);
        }
        for (path, fields, expect) in &posts {
            browser.get("/programmes").await;
            assert_eq!(browser.post(path, fields).await.status.as_u16(), expect[i], "POST {path} as {}", NAMES[i]);
        }
    }
}

async fn promoting_from_the_waitlist_names_who_gets_the_place(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let mut ids = Vec::new();
    for handle in ["first-one", "second-one", "waiting-one"] {
        let (_, api) = person(&app, handle, None, "en").await;
        ids.push((apply(&api, &pid, "UA").await, api));
    }
    for (i, decision) in ["award", "award", "waitlist"].into_iter().enumerate() {
        let (status, body) =
            admin.post(&format!("/applications/{}/decision", ids[i].0), json!({"decision": decision})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _) = ids[0].1.post(&format!("/applications/{}/decline", ids[0].0), json!({})).await;
    assert_eq!(status, StatusCode::OK);

    let mut chief = app.browser().await;
    chief.sign_in("chief").await;
    let page = chief.get(&format!("/admin/programmes/{pid}")).await;
    assert!(page.text().contains("Offer the free place to waiting-one, next on the waitlist"), "{}", page.text());
    let page = chief.post(&format!("/admin/programmes/{pid}/promote"), &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let page = chief.get(&page.location.unwrap_or_default()).await;
    assert!(page.text().contains("The free place was offered to waiting-one"), "{}", page.text());
    let page = chief.get(&format!("/admin/programmes/{pid}?done=promoted&who=%3Cb%3Ex")).await;
    let text = page.text();
    assert!(text.contains("offered to the next on the waitlist") && !text.contains("<b>x"), "only a handle is named");
}
