//! What she typed is never lost on the way: switching language on the application form or in a quiz saves
//! it first (without JavaScript: the language buttons send the page's form), a form sent after her session
//! ended comes back through sign-in with its text, and an offer says until when she can answer it.

use diesel::RunQueryDsl;
use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};
use crate::quizzes::course_with_quiz;
use crate::scholarships::{apply, person, programme_body, track_course};

both!(
    switching_language_on_the_application_form_keeps_the_draft,
    switching_language_in_a_quiz_keeps_the_answers,
    a_form_sent_after_the_session_ended_comes_back_after_sign_in,
    the_text_is_carried_through_the_second_factor_step_too,
    an_offer_says_until_when_she_can_answer,
);

async fn open_call(app: &TestApp) -> String {
    track_course(app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let (status, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_str().unwrap_or_default().to_owned()
}

/// Her session runs out on the server, as after a long pause: the cookie stays, the session does not.
fn sessions_expire(app: &TestApp) {
    let mut conn = app.connection();
    diesel::sql_query("UPDATE sessions SET expires_at = '2000-01-01 00:00:00'")
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
}

async fn switching_language_on_the_application_form_keeps_the_draft(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let pid = open_call(&app).await;
    let (_, api) = person(&app, "olena", None, "en").await;
    let mut olena = app.browser().await;
    olena.sign_in("olena").await;
    let page = olena.get(&format!("/programmes/{pid}")).await;
    // The language buttons send the application form; a hidden save comes first, for Enter in a field.
    assert!(page.has("form.lang button[form=application-form][name=switch_language][value=ru]"), "{}", page.body);
    assert_eq!(page.attr_of("form.lang button[form=application-form]", "value").as_deref(), Some("save"));

    // Half-way through, she switches to Russian (even pressing it while "send" would be the action).
    let page = olena
        .post(
            &format!("/programmes/{pid}/apply"),
            &[
                ("organisation", "Світанок"),
                ("motivation", "Половина мотивації, ще не збережена"),
                ("answer.q1", "Одеса"),
                ("action", "submit"),
                ("switch_language", "ru"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location.as_deref(), Some(format!("/programmes/{pid}?done=saved#apply").as_str()));
    let page = olena.get(&format!("/programmes/{pid}")).await;
    assert_eq!(page.attr_of("html", "lang").as_deref(), Some("ru"), "the page is in Russian now");
    assert!(page.body.contains("Половина мотивації, ще не збережена"), "the typed text is there: {}", page.body);
    assert_eq!(page.value_of("#f-organisation").as_deref(), Some("Світанок"));
    // Saved as a draft, not sent, and her account speaks Russian from now on.
    let (_, mine) = api.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(mine["status"], "draft", "{mine}");
    assert_eq!(mine["answers"]["q1"], "Одеса");
    let (_, me) = api.get("/me").await;
    assert_eq!(me["locale"], "ru", "{me}");

    // Without a form on the page, the buttons are the plain switch.
    let page = olena.get("/courses").await;
    assert!(page.has("form.lang button[name=locale][value=en]") && !page.has("form.lang button[form]"));
}

async fn switching_language_in_a_quiz_keeps_the_answers(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let quiz = course_with_quiz(&trainer, "::short:: Which right? {=consent}", json!({})).await;
    app.create_user("phone", Role::Scholar);
    let mut browser = app.browser().await;
    browser.sign_in("phone").await;
    browser.post("/courses/qc/enrol", &[]).await;
    let attempt = browser.post(&format!("/quizzes/{quiz}/start"), &[]).await.location.expect("to the attempt");
    let page = browser.get(&attempt).await;
    assert!(page.has("form.lang button[form=quiz-form][name=switch_language][value=uk]"), "{}", page.body);
    let question = page.attr_of("form.quiz input[type=text]", "name").expect("a text answer");
    let page = browser.post(&attempt, &[(question.as_str(), "згода"), ("switch_language", "uk")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = browser.get(&attempt).await;
    assert_eq!(page.attr_of("html", "lang").as_deref(), Some("uk"));
    assert_eq!(page.value_of("form.quiz input[type=text]").as_deref(), Some("згода"), "the answer was saved");
    assert!(page.has("form.quiz button[value=submit]"), "switching language submits nothing");
}

/// A sign-in form as the page after the session ended sends it: the typed fields carried along.
fn through<'a>(to: &'a str, typed: &'a str, password: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("carry_to", to),
        ("carry.experience", typed),
        ("carry.answer.q1", "Одеса"),
        ("carry.action", "save"),
        ("handle", "olena"),
        ("password", password),
    ]
}

async fn a_form_sent_after_the_session_ended_comes_back_after_sign_in(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let pid = open_call(&app).await;
    person(&app, "olena", None, "uk").await;
    let mut olena = app.browser().await;
    olena.sign_in("olena").await;
    olena.get(&format!("/programmes/{pid}")).await;
    sessions_expire(&app);

    // She presses "Save draft" after a long pause: not a bare 401, but sign-in with her text carried.
    let typed = "Три роки документую порушення в Одесі.";
    let page = olena
        .post(&format!("/programmes/{pid}/apply"), &[("experience", typed), ("answer.q1", "Одеса"), ("action", "save")])
        .await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{}", page.body);
    assert!(page.has("form[action='/login'] input[name=password]"));
    assert_eq!(page.value_of("input[name='carry.experience']").as_deref(), Some(typed));
    assert_eq!(page.value_of("input[name=carry_to]"), Some(format!("/programmes/{pid}/apply")));
    assert!(!page.has("input[name='carry.csrf']"), "the old token stays behind");

    // A wrong password keeps carrying it.
    let to = format!("/programmes/{pid}/apply");
    let page = olena.post("/login", &through(&to, typed, "not her password")).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{}", page.body);
    assert_eq!(page.value_of("input[name='carry.experience']").as_deref(), Some(typed));

    // Signed in, the text waits in a form to where she sent it; one press sends it on.
    let page = olena.post("/login", &through(&to, typed, PASSWORD)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let action = format!("/programmes/{pid}/apply");
    assert!(page.has(&format!("main form[action='{action}'] input[name=experience]")), "{}", page.body);
    assert_eq!(page.attr_of("html", "lang").as_deref(), Some("uk"), "in her own language");
    assert!(page.headers.get_all("set-cookie").iter().count() >= 2, "a session and a new CSRF secret");
    let page = olena.post(&action, &[("experience", typed), ("answer.q1", "Одеса"), ("action", "save")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "the new session's token works: {}", page.body);
    // (Her API token was a session too, and ran out with the rest.)
    let api = crate::scholarships::sign_in(&app, "olena").await;
    let (_, mine) = api.get(&format!("/programmes/{pid}/application")).await;
    assert_eq!(mine["experience"], typed, "{mine}");

    // Only a path on this site is followed: anything else is a plain sign-in.
    let mut stranger = app.browser().await;
    stranger.get("/login").await;
    let page = stranger
        .post(
            "/login",
            &[("carry_to", "https://evil.example/x"), ("carry.a", "b"), ("handle", "olena"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some("/"));
}

async fn an_offer_says_until_when_she_can_answer(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let mut body = programme_body(-1, 48);
    body["offer_days"] = json!(0);
    let (status, refused) = admin.post("/programmes", body.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["error"]["fields"]["offer_days"].is_array(), "{refused}");
    body["offer_days"] = json!(10);
    let (_, created) = admin.post("/programmes", body).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, shown) = admin.get(&format!("/programmes/{pid}")).await;
    assert_eq!(shown["offer_days"], 10, "{shown}");

    let (_, api) = person(&app, "olena", None, "en").await;
    let application = apply(&api, &pid, "UA").await;
    let (status, decided) =
        admin.post(&format!("/applications/{application}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    let decided_at = chrono::DateTime::parse_from_rfc3339(decided["decided_at"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let by = (decided_at + chrono::Duration::days(10)).format("%-d %B %Y").to_string();

    let mut olena = app.browser().await;
    olena.sign_in("olena").await;
    for path in ["/".to_owned(), format!("/programmes/{pid}")] {
        let text = olena.get(&path).await.text();
        assert!(text.contains("Please answer by") && text.contains(&by), "{path}: {by} in {text}");
    }
    // The form says it, the programme's form keeps it.
    let mut chief = app.browser().await;
    chief.sign_in("chief").await;
    let page = chief.get(&format!("/admin/programmes/{pid}/edit")).await;
    assert_eq!(page.value_of("#f-offer_days").as_deref(), Some("10"));
    assert!(page.has("#f-deadline-hint"), "the deadline says its time zone");
}

/// The hidden fields of the first form on a page whose action is `action`, as the browser would send them.
fn hidden_fields(page: &crate::helpers::Page, action: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(&page.body);
    let selector = format!("form[action='{action}'] input[type=hidden]");
    let selector = scraper::Selector::parse(&selector).unwrap_or_else(|e| panic!("{e}"));
    doc.select(&selector)
        .filter_map(|e| Some((e.value().attr("name")?.to_owned(), e.value().attr("value")?.to_owned())))
        .filter(|(name, _)| name != "csrf")
        .collect()
}

async fn the_text_is_carried_through_the_second_factor_step_too(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let pid = open_call(&app).await;
    let (_, api) = person(&app, "tamara", None, "en").await;
    let mut tamara = app.browser().await;
    tamara.sign_in("tamara").await;
    // Her second factor goes on (from another device), then her session here runs out mid-form.
    let (status, started) = api.post("/me/mfa/totp", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "{started}");
    let secret = started["secret"].as_str().unwrap_or_default().to_owned();
    let code = |steps: i64| {
        let at = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default().saturating_add_signed(steps * 30);
        pravo::accounts::second_factor::code_at(&secret, at).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let (status, _) = api.post("/me/mfa/totp/confirm", json!({"code": code(-1)})).await;
    assert_eq!(status, StatusCode::OK);
    tamara.get(&format!("/programmes/{pid}")).await;
    sessions_expire(&app);
    let typed = "Written during a long night shift.";
    let page = tamara.post(&format!("/programmes/{pid}/apply"), &[("motivation", typed), ("action", "save")]).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);

    // The password, then the code: the text rides along both steps.
    let mut first = hidden_fields(&page, "/login");
    first.extend([("handle".to_owned(), "tamara".to_owned()), ("password".to_owned(), PASSWORD.to_owned())]);
    let fields: Vec<(&str, &str)> = first.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let page = tamara.post("/login", &fields).await;
    assert_eq!(page.status, StatusCode::OK, "asks for the code: {}", page.body);
    assert_eq!(page.value_of("input[name='carry.motivation']").as_deref(), Some(typed), "{}", page.body);
    let mut second = hidden_fields(&page, "/login/code");
    let now_code = code(0);
    second.push(("code".to_owned(), now_code));
    let fields: Vec<(&str, &str)> = second.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let page = tamara.post("/login/code", &fields).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let action = format!("/programmes/{pid}/apply");
    assert_eq!(page.value_of(&format!("main form[action='{action}'] input[name=motivation]")).as_deref(), Some(typed));
    let page = tamara.post(&action, &[("motivation", typed), ("action", "save")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
}
