//! Email through the outbox, delivered to a real SMTP server: password resets, account notices, the
//! .eml fallback, and an SMTP outage that loses nothing and duplicates nothing.

use pravo::accounts::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, SmtpSink, TestApp, decode_mail, free_port, header};

both!(
    a_reset_link_arrives_in_the_accounts_language_and_works_once,
    reset_requests_answer_alike_and_send_only_to_an_address,
    without_smtp_messages_are_written_as_eml_files,
    an_smtp_outage_loses_nothing_and_duplicates_nothing,
    the_outbox_is_for_administrators,
    a_stranger_can_neither_flood_nor_silence_her_password_resets,
);

async fn a_reset_link_arrives_in_the_accounts_language_and_works_once(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    let api = app.api();
    let (status, _) = api
        .post(
            "/auth/register",
            json!({"handle": "olena", "password": PASSWORD, "email": "olena@example.org", "locale": "ru"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = api.post("/auth/reset-request", json!({"handle": "Olena"})).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let mail = smtp.wait_for(1, 10).await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    let raw = &mail[0];
    assert!(header(raw, "To").is_some_and(|t| t.contains("olena@example.org")), "{raw}");
    assert!(header(raw, "Message-ID").is_some_and(|m| m.starts_with('<') && m.ends_with('>')));
    let (subject, body) = decode_mail(raw);
    assert_eq!(subject, "Сброс пароля", "in the account's language, naming no topic");
    assert!(body.contains("Здравствуйте, olena!"), "{body}");
    let link = body.lines().find(|l| l.contains("/reset-password?token=")).expect("a link").trim().to_owned();
    let path = link.trim_start_matches("http://127.0.0.1");

    let mut browser = app.browser().await;
    assert_eq!(browser.get(path).await.status, StatusCode::OK);
    let token = path.split("token=").nth(1).unwrap_or_default().to_owned();
    let page = browser.post("/reset-password", &[("token", &token), ("password", "a brand new long password")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let again = app.browser().await.get(path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "the link works once");
    let (status, _) =
        api.post("/auth/token", json!({"handle": "olena", "password": "a brand new long password"})).await;
    assert_eq!(status, StatusCode::OK);

    let mail = smtp.wait_for(2, 10).await;
    let (subject, body) = decode_mail(&mail[1]);
    assert_eq!(subject, "Ваш аккаунт");
    assert!(body.contains("Пароль вашего аккаунта был изменён"), "{body}");
}

async fn reset_requests_answer_alike_and_send_only_to_an_address(backend: Backend) {
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    app.create_user("no-email", Role::Scholar);
    let api = app.api();
    let a = api.post("/auth/reset-request", json!({"handle": "no-email"})).await;
    let b = api.post("/auth/reset-request", json!({"handle": "nobody-at-all"})).await;
    assert_eq!(a, b);
    assert_eq!(a.0, StatusCode::ACCEPTED);
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert!(smtp.messages().is_empty(), "nothing to send without an address");

    // A new address needs the password and is used only once its owner opens the link sent to it; then
    // the old address is told.
    let api = app.api();
    let registered = json!({"handle": "mover", "password": PASSWORD, "email": "old@example.org"});
    assert_eq!(api.post("/auth/register", registered).await.0, StatusCode::CREATED);
    let user = crate::scholarships::sign_in(&app, "mover").await;
    let (status, _) = user.patch("/me", json!({"email": "new@example.org"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "someone holding her phone cannot redirect her mail");
    let (status, me) = user.patch("/me", json!({"email": "new@example.org", "current_password": PASSWORD})).await;
    assert_eq!((status, me["email"].as_str()), (StatusCode::OK, Some("old@example.org")), "{me}");
    let mail = smtp.wait_for(1, 10).await;
    assert!(header(&mail[0], "To").is_some_and(|t| t.contains("new@example.org")));
    let (subject, body) = decode_mail(&mail[0]);
    assert_eq!(subject, "Your account", "no topic in the subject");
    let link = body.lines().find(|l| l.contains("/confirm-email?code=")).unwrap_or_default().trim().to_owned();
    let path = link.trim_start_matches("http://127.0.0.1").to_owned();
    let mut browser = app.browser().await;
    assert_eq!(browser.get(&path).await.status, StatusCode::OK);
    assert_eq!(browser.get(&path).await.status, StatusCode::NOT_FOUND, "the link works once");
    let (_, me) = user.get("/me").await;
    assert_eq!(me["email"], "new@example.org");
    assert!(me.get("email_pending").is_none(), "{me}");
    let mail = smtp.wait_for(2, 10).await;
    assert!(header(&mail[1], "To").is_some_and(|t| t.contains("old@example.org")));
    assert!(decode_mail(&mail[1]).1.contains("email address of your account was changed"));

    // New recovery codes need the password too, and the old ones stop working.
    let (status, _) = user.post("/me/recovery-codes", json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = user.post("/me/recovery-codes", json!({"current_password": PASSWORD})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recovery_codes"].as_array().map(Vec::len), Some(10));
    let mail = smtp.wait_for(3, 10).await;
    assert!(header(&mail[2], "To").is_some_and(|t| t.contains("new@example.org")), "her address is told");
    assert!(decode_mail(&mail[2]).1.contains("New recovery codes"), "{}", decode_mail(&mail[2]).1);
}

async fn without_smtp_messages_are_written_as_eml_files(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    api.post("/auth/register", json!({"handle": "filed", "password": PASSWORD, "email": "f@example.org"})).await;
    api.post("/auth/reset-request", json!({"handle": "filed"})).await;
    let dir = app.data_dir.join("mail");
    let mut files = Vec::new();
    for _ in 0..50 {
        files = std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        if !files.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(files.len(), 1, "one .eml in {}", dir.display());
    let raw = std::fs::read_to_string(&files[0]).expect("read");
    assert_eq!(decode_mail(&raw).0, "Password reset");
}

async fn an_smtp_outage_loses_nothing_and_duplicates_nothing(backend: Backend) {
    let port = free_port();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await
    else {
        return;
    };
    let api = app.api();
    for n in 0..5 {
        let handle = format!("user{n}");
        api.post(
            "/auth/register",
            json!({"handle": handle, "password": PASSWORD, "email": format!("{handle}@example.org")}),
        )
        .await;
        api.post("/auth/reset-request", json!({"handle": handle})).await;
    }
    // The server is down: attempts fail and are retried later.
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    let mut failed_once = false;
    for _ in 0..50 {
        let (_, outbox) = admin.get("/admin/outbox").await;
        if outbox["items"].as_array().is_some_and(|items| items.iter().any(|i| i["attempts"].as_i64() >= Some(1))) {
            failed_once = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(failed_once, "attempts are recorded while the server is down");
    let smtp = SmtpSink::start_on(port);
    let mail = smtp.wait_for(5, 20).await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let mail = if mail.len() < smtp.messages().len() { smtp.messages() } else { mail };
    assert_eq!(mail.len(), 5, "exactly five messages arrive");
    let mut ids: Vec<String> = mail.iter().filter_map(|m| header(m, "Message-ID")).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "none twice");
    let (_, outbox) = admin.get("/admin/outbox").await;
    assert!(outbox["items"].as_array().into_iter().flatten().all(|i| i["status"] == "sent"), "{outbox}");
}

async fn the_outbox_is_for_administrators(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, scholar) = app.signed_in("plain", Role::Scholar).await;
    let (_, trainer) = app.signed_in("coach", Role::Trainer).await;
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    for (api, expected) in [(&app.api(), 401), (&scholar, 403), (&trainer, 403), (&admin, 200)] {
        assert_eq!(api.get("/admin/outbox").await.0.as_u16(), expected);
    }
    assert_eq!(admin.post("/admin/outbox/none/resend", json!({})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(scholar.post("/admin/outbox/none/resend", json!({})).await.0, StatusCode::FORBIDDEN);
}

fn reset_path(raw: &str) -> String {
    let (_, body) = decode_mail(raw);
    let link = body.lines().find(|l| l.contains("/reset-password?token=")).unwrap_or_default().trim().to_owned();
    link.trim_start_matches("http://127.0.0.1").to_owned()
}

/// Strangers asking for her reset links again and again: her inbox gets one link per five minutes, and her
/// own request is never silenced longer: the link in her inbox is at most five minutes old and works, and
/// after five minutes she gets a new one (which alone works from then on).
async fn a_stranger_can_neither_flood_nor_silence_her_password_resets(backend: Backend) {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pravo::db::schema::users;
    let smtp = SmtpSink::start();
    let url = smtp.url();
    let Some(app) = TestApp::spawn_with(backend, |s| s.smtp_url = Some(url)).await else { return };
    let body = json!({"handle": "vira", "password": PASSWORD, "email": "vira@example.org"});
    assert_eq!(app.api().post("/auth/register", body).await.0, StatusCode::CREATED);
    for _ in 0..4 {
        let (status, _) = app.api().post("/auth/reset-request", json!({"handle": "vira"})).await;
        assert_eq!(status, StatusCode::ACCEPTED);
    }
    // Her own request, right after the stranger's four.
    assert_eq!(app.api().post("/auth/reset-request", json!({"handle": "Vira"})).await.0, StatusCode::ACCEPTED);
    let mail = smtp.wait_for(1, 10).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(smtp.messages().len(), 1, "one link, not five");
    let first = reset_path(&mail[0]);
    let mut browser = app.browser().await;
    assert_eq!(browser.get(&first).await.status, StatusCode::OK, "the link in her inbox works");

    // Five minutes later her request sends a new link, and only the newest works.
    let mut conn = app.connection();
    let earlier = pravo::db::now() - chrono::Duration::minutes(6);
    diesel::update(users::table.filter(users::handle.eq("vira")))
        .set(users::reset_sent_at.eq(earlier))
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.api().post("/auth/reset-request", json!({"handle": "vira"})).await.0, StatusCode::ACCEPTED);
    let mail = smtp.wait_for(2, 10).await;
    assert_eq!(mail.len(), 2, "not silenced");
    let second = reset_path(&mail[1]);
    assert_eq!(browser.get(&first).await.status, StatusCode::NOT_FOUND, "the older link stopped working");
    assert_eq!(browser.get(&second).await.status, StatusCode::OK);
    let token = second.split("token=").nth(1).unwrap_or_default().to_owned();
    let page = browser.post("/reset-password", &[("token", &token), ("password", "a brand new long password")]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
}
