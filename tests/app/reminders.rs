//! Reminders: a scholar whose unfinished courses have been quiet for the set number of days gets one
//! email per period, naming no course, through a real SMTP server; the link in it turns reminders off
//! without signing in, and only its POST changes anything.

use diesel::prelude::*;
use pravo::accounts::model::Role;
use pravo::db::schema::{enrolments, users};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Api, Backend, PASSWORD, SmtpSink, TestApp, decode_mail, header};

both!(
    a_quiet_scholar_is_reminded_once_per_period_and_can_opt_out,
    opt_out_links_cannot_be_forged_or_borrowed,
    each_account_turns_its_own_reminders_off_and_on,
);

const SUBJECT_UK: &str = "Повідомлення від Pravo";

/// A published course `rc` with two modules, so one completed module does not finish it.
async fn course(app: &TestApp) {
    let (_, trainer) = app.signed_in("trainer-r", Role::Trainer).await;
    let course = json!({"texts": {"en": {"title": "Secret topic", "summary": ""}, "uk": {"title": "Таємна тема", "summary": ""}}, "open": true, "hours": 2});
    trainer.send(trainer.raw(Method::PUT, "/courses/rc").json(&course)).await;
    for m in ["one", "two"] {
        let module = json!({"language": "en", "title": m, "markdown": "Text."});
        trainer.send(trainer.raw(Method::PUT, &format!("/courses/rc/modules/{m}")).json(&module)).await;
    }
    let (status, _) = trainer.post("/courses/rc/publish", json!({})).await;
    assert_eq!(status, StatusCode::OK);
}

async fn enrolled(app: &TestApp, handle: &str, email: Option<&str>) -> Api {
    let api = app.api();
    let mut body = json!({"handle": handle, "password": PASSWORD, "locale": "uk"});
    if let Some(email) = email {
        body["email"] = json!(email);
    }
    let (status, _) = api.post("/auth/register", body).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, token) = api.post("/auth/token", json!({"handle": handle, "password": PASSWORD})).await;
    let mut scholar = app.api();
    scholar.token = token["token"].as_str().map(str::to_owned);
    let (status, _) = scholar.post("/courses/rc/enrol", json!({})).await;
    assert!(status.is_success(), "{status}");
    scholar
}

/// Moves a scholar's enrolment (and activity) `days` into the past.
fn quiet_for(app: &TestApp, handle: &str, days: i64) {
    let mut conn = app.connection();
    let id: String =
        users::table.filter(users::handle.eq(handle)).select(users::id).first(&mut conn).expect("the user exists");
    let then = chrono::Utc::now().naive_utc() - chrono::Duration::days(days) - chrono::Duration::minutes(5);
    let changed = diesel::update(enrolments::table.filter(enrolments::user_id.eq(&id)))
        .set((enrolments::enrolled_at.eq(then), enrolments::last_activity_at.eq(None::<chrono::NaiveDateTime>)))
        .execute(&mut conn)
        .expect("backdate");
    assert_eq!(changed, 1);
}

fn reminders_off(app: &TestApp, handle: &str) -> bool {
    let mut conn = app.connection();
    users::table.filter(users::handle.eq(handle)).select(users::reminders_off).first(&mut conn).expect("the user")
}

/// The reminders received so far, as (recipient, body).
fn reminders(smtp: &SmtpSink) -> Vec<(String, String)> {
    smtp.messages()
        .iter()
        .filter_map(|raw| {
            let (subject, body) = decode_mail(raw);
            (subject == SUBJECT_UK).then(|| (header(raw, "To").unwrap_or_default(), body))
        })
        .collect()
}

async fn wait_for_reminders(smtp: &SmtpSink, n: usize) -> Vec<(String, String)> {
    for _ in 0..100 {
        let got = reminders(smtp);
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    reminders(smtp)
}

async fn a_quiet_scholar_is_reminded_once_per_period_and_can_opt_out(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| {
        s.smtp_url = Some(url);
        s.reminder_check_seconds = 1;
    })
    .await
    else {
        return;
    };
    course(&app).await;
    enrolled(&app, "quiet", Some("quiet@example.org")).await;
    enrolled(&app, "recent", Some("recent@example.org")).await;
    enrolled(&app, "no-email", None).await;
    let done = enrolled(&app, "finished", Some("finished@example.org")).await;
    for m in ["one", "two"] {
        let (status, _) = done.post(&format!("/courses/rc/modules/{m}/complete"), json!({})).await;
        assert_eq!(status, StatusCode::OK);
    }
    enrolled(&app, "thirteen", Some("thirteen@example.org")).await;
    quiet_for(&app, "quiet", 15);
    quiet_for(&app, "no-email", 15);
    quiet_for(&app, "finished", 15);
    quiet_for(&app, "thirteen", 13);

    // One reminder, to the one scholar who is due, in her language, naming no course.
    let got = wait_for_reminders(&smtp, 1).await;
    let subjects: Vec<String> = smtp.messages().iter().map(|m| decode_mail(m).0).collect();
    assert_eq!(got.len(), 1, "{got:?} {subjects:?}");
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let got = reminders(&smtp);
    assert_eq!(got.len(), 1, "several passes still send one reminder per period: {got:?}");
    let (to, body) = &got[0];
    assert!(to.contains("quiet@example.org"), "{to}");
    assert!(body.contains("Вітаємо, quiet!"), "{body}");
    assert!(body.contains("15 днів"), "{body}");
    assert!(!body.contains("Таємна") && !body.contains("Secret") && !body.contains("/rc"), "no course named: {body}");

    // While the course is offline, nobody is reminded of it.
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    assert_eq!(admin.post("/courses/rc/unpublish", json!({})).await.0, StatusCode::OK);
    quiet_for(&app, "quiet", 29);
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(reminders(&smtp).len(), 1, "no reminder for an unpublished course");
    assert_eq!(admin.post("/courses/rc/publish", json!({})).await.0, StatusCode::OK);

    // The next period brings the next reminder.
    let got = wait_for_reminders(&smtp, 2).await;
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].1.contains("29 днів"), "{}", got[1].1);

    // The link opens a page; only its button turns reminders off, and no sign-in is needed.
    let link = got[1].1.lines().find(|l| l.contains("/reminders?token=")).expect("an opt-out link").trim().to_owned();
    let path = link.trim_start_matches("http://127.0.0.1").to_owned();
    let token = path.split("token=").nth(1).unwrap_or_default().to_owned();
    let mut browser = app.browser().await;
    let page = browser.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("quiet"), "{}", page.text());
    assert!(!reminders_off(&app, "quiet"), "opening the link changes nothing");
    let page = browser.post("/reminders", &[("token", &token), ("off", "true")]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(reminders_off(&app, "quiet"));
    assert_eq!(page.value_of("input[name=off]").as_deref(), Some("false"), "the page offers to turn them back on");

    quiet_for(&app, "quiet", 43);
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(reminders(&smtp).len(), 2, "no reminder after opting out");

    // And back on: the third period's reminder comes.
    let page = browser.post("/reminders", &[("token", &token), ("off", "false")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!reminders_off(&app, "quiet"));
    let got = wait_for_reminders(&smtp, 3).await;
    assert_eq!(got.len(), 3, "{got:?}");
}

async fn opt_out_links_cannot_be_forged_or_borrowed(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    course(&app).await;
    enrolled(&app, "holder", Some("holder@example.org")).await;
    // A token of another kind (a session token) is not an opt-out link, and neither is garbage.
    let (_, session) = app.api().post("/auth/token", json!({"handle": "holder", "password": PASSWORD})).await;
    let session = session["token"].as_str().unwrap_or_default().to_owned();
    let roles = [None, Some(Role::Scholar), Some(Role::Trainer), Some(Role::Admin)];
    for role in roles.into_iter().flatten() {
        app.create_user(&format!("viewer-{}", role.as_str()), role);
    }
    for token in [session.as_str(), "not-a-token", ""] {
        for role in roles {
            let mut browser = app.browser().await;
            if let Some(role) = role {
                browser.sign_in(&format!("viewer-{}", role.as_str())).await;
            }
            let page = browser.get(&format!("/reminders?token={token}")).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{role:?} {token}");
            let page = browser.post("/reminders", &[("token", token), ("off", "true")]).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{role:?} {token}");
        }
    }
    assert!(!reminders_off(&app, "holder"));
    // Without the CSRF field the POST is refused even with a good link.
    let mut browser = app.browser().await;
    let page = browser.post_raw("/reminders", &[("token", "x"), ("off", "true")]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
}

async fn each_account_turns_its_own_reminders_off_and_on(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    // Anonymous: refused, nothing changes.
    let mut anonymous = app.browser().await;
    anonymous.get("/login").await;
    let page = anonymous.post("/account/reminders", &[("off", "true")]).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{}", page.body);
    // Every role changes its own setting, and only its own.
    app.create_user("bystander", Role::Scholar);
    for (handle, role) in [("scholar-a", Role::Scholar), ("trainer-a", Role::Trainer), ("admin-a", Role::Admin)] {
        app.create_user(handle, role);
        let mut browser = app.browser().await;
        browser.sign_in(handle).await;
        let page = browser.get("/account").await;
        assert_eq!(page.value_of("form[action='/account/reminders'] input[name=off]").as_deref(), Some("true"));
        let page = browser.post("/account/reminders", &[("off", "true")]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        assert!(reminders_off(&app, handle), "{handle}");
        let page = browser.get("/account?saved=reminders").await;
        assert_eq!(page.value_of("form[action='/account/reminders'] input[name=off]").as_deref(), Some("false"));
        browser.post("/account/reminders", &[("off", "false")]).await;
        assert!(!reminders_off(&app, handle), "{handle}");
        browser.post("/account/reminders", &[("off", "true")]).await;
    }
    assert!(!reminders_off(&app, "bystander"), "nobody else's setting moved");
    // A signed-in POST without the CSRF field changes nothing.
    let mut browser = app.browser().await;
    browser.sign_in("bystander").await;
    let page = browser.post_raw("/account/reminders", &[("off", "true")]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!reminders_off(&app, "bystander"));
}
