//! Registration, recovery codes, profile settings and passwords.

use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TestApp};

both!(
    registration_without_email_gives_ten_recovery_codes,
    registration_refuses_each_bad_value_with_a_message_per_field,
    handles_are_unique_ignoring_case,
    validation_messages_follow_the_language,
    registration_page_keeps_what_was_typed_but_not_the_password,
    a_recovery_code_resets_the_password_once,
    profile_changes_and_removals,
    guessable_passwords_are_refused_with_the_reason,
    the_account_page_asks_for_the_password_before_a_new_email_or_new_codes,
    look_alike_handles_are_refused,
    many_accounts_are_made_in_one_go_audited_or_not_at_all,
);

async fn registration_without_email_gives_ten_recovery_codes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let (status, body) = api.post("/auth/register", json!({"handle": "Олена_2", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["user"]["handle"], "Олена_2");
    assert_eq!(body["user"]["role"], "scholar");
    assert_eq!(body["user"]["locale"], "en");
    assert!(body["user"].get("email").is_none(), "absent optional fields are left out: {body}");
    let codes = body["recovery_codes"].as_array().expect("codes");
    assert_eq!(codes.len(), 10);

    let (status, body) = api
        .post(
            "/auth/register",
            json!({"handle": "maria", "password": PASSWORD, "email": "m@example.org", "locale": "uk"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(body.get("recovery_codes").is_none());
    assert_eq!(body["user"]["email"], "m@example.org");
    assert_eq!(body["user"]["locale"], "uk");
}

async fn registration_refuses_each_bad_value_with_a_message_per_field(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let cases = [
        (json!({"handle": "ab", "password": PASSWORD}), "handle", "3 to 32"),
        (json!({"handle": "has space", "password": PASSWORD}), "handle", "only letters"),
        (json!({"handle": "x".repeat(33), "password": PASSWORD}), "handle", "3 to 32"),
        (json!({"handle": "fine", "password": "too short"}), "password", "at least 12"),
        (json!({"handle": "fine", "password": "p".repeat(129)}), "password", "at most 128"),
        (json!({"handle": "fine", "password": "QWERTY123456"}), "password", "most common"),
        (json!({"handle": "fine", "password": PASSWORD, "email": "not-an-email"}), "email", "email address"),
        (json!({"handle": "fine", "password": PASSWORD, "locale": "de"}), "locale", "English, Russian or Ukrainian"),
        (json!({}), "handle", "3 to 32"),
    ];
    for (body, field, expected) in cases {
        let (status, answer) = api.post("/auth/register", body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body} → {answer}");
        assert_eq!(answer["error"]["code"], "validation_failed");
        let message = answer["error"]["fields"][field][0].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{body}: {field} said {message:?}");
    }
    let (status, answer) = api.post("/auth/register", json!({"handle": "fine", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED, "after all those refusals a good one goes through: {answer}");
}

async fn handles_are_unique_ignoring_case(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let (status, _) = api.post("/auth/register", json!({"handle": "Olena", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED);
    for clash in ["olena", "OLENA", " Olena "] {
        let (status, body) = api.post("/auth/register", json!({"handle": clash, "password": PASSWORD})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{clash}");
        assert!(body["error"]["fields"]["handle"][0].as_str().unwrap_or_default().contains("taken"));
    }
    let (status, _) = api.post("/auth/register", json!({"handle": "ОЛЕНА", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED, "Cyrillic is another handle");
    let (status, _) = api.post("/auth/register", json!({"handle": "олена", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "Cyrillic case is folded too");
}

async fn validation_messages_follow_the_language(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut api = app.api();
    api.lang = Some("ru-RU,ru;q=0.9");
    let (_, body) = api.post("/auth/register", json!({"handle": "ok_handle", "password": "short"})).await;
    assert_eq!(body["error"]["fields"]["password"][0], "Пароль должен содержать не меньше 12 символов.");
    api.lang = Some("uk");
    let (_, body) = api.post("/auth/register", json!({"handle": "a", "password": PASSWORD})).await;
    assert_eq!(body["error"]["fields"]["handle"][0], "Псевдонім має містити від 3 до 32 символів.");
    assert_eq!(body["error"]["message"], "Частину введених даних потрібно виправити.");
}

async fn registration_page_keeps_what_was_typed_but_not_the_password(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut browser = app.browser().await;
    browser.get("/register").await;
    let page = browser
        .post("/register", &[("handle", "has space"), ("password", "too-short"), ("locale", "ru"), ("email", "x at y")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.value_of("#f-handle").as_deref(), Some("has space"));
    assert_eq!(page.value_of("#f-email").as_deref(), Some("x at y"));
    assert!(!page.body.contains("too-short"), "the password is never echoed");
    assert!(page.has("#f-handle-error") && page.has("#f-password-error") && page.has("#f-email-error"));
    assert!(page.has(r#"#f-handle[aria-invalid="true"][aria-describedby~="f-handle-error"]"#));
    assert!(page.has(r#"#f-locale option[value="ru"][selected]"#), "the chosen language stays chosen");
    // The error summary at the top takes focus as the page loads and links to each field in error.
    assert!(page.has("#form-problem[autofocus][tabindex='-1'][role=alert]"), "{}", page.body);
    for field in ["handle", "password", "email"] {
        assert!(page.has(&format!("#form-problem a[href='#f-{field}']")), "{field}: {}", page.body);
    }

    let page = browser.post("/register", &[("handle", "newcomer"), ("password", PASSWORD), ("locale", "uk")]).await;
    assert_eq!(page.status, StatusCode::CREATED, "{}", page.body);
    assert!(page.text().contains("Ваші коди відновлення"), "the codes page is in the chosen language");

    // Registration started from a programme's page returns to it (after the codes, or at once with an
    // address); an address elsewhere is never followed.
    let mut other = app.browser().await;
    let page = other.get("/register?next=/programmes/p-1").await;
    assert_eq!(page.value_of("form[action='/register'] input[name=next]").as_deref(), Some("/programmes/p-1"));
    let fields = [("handle", "from-a-call"), ("password", PASSWORD), ("next", "/programmes/p-1")];
    let page = other.post("/register", &fields).await;
    assert!(page.has("a.button[href='/programmes/p-1']"), "the codes lead on to the programme: {}", page.body);
    let mut third = app.browser().await;
    third.get("/register").await;
    let fields =
        [("handle", "with-address"), ("password", PASSWORD), ("email", "w@example.org"), ("next", "/programmes/p-1")];
    assert_eq!(third.post("/register", &fields).await.location.as_deref(), Some("/programmes/p-1"));
    let mut fourth = app.browser().await;
    fourth.get("/register").await;
    let fields =
        [("handle", "led-astray"), ("password", PASSWORD), ("email", "x@example.org"), ("next", "//evil.example")];
    assert_eq!(fourth.post("/register", &fields).await.location.as_deref(), Some("/"));
    assert_eq!(page.body.matches("<li><code>").count(), 10);
    let account = browser.get("/account").await;
    assert_eq!(account.status, StatusCode::OK, "registration signs in");
    assert!(account.text().contains("newcomer"));
}

async fn a_recovery_code_resets_the_password_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let (_, body) = api.post("/auth/register", json!({"handle": "forgetful", "password": PASSWORD})).await;
    let code = body["recovery_codes"][3].as_str().expect("code").to_uppercase();
    let new_password = "a brand new long password";
    let recover = json!({"handle": "forgetful", "recovery_code": code, "new_password": new_password});
    let (status, body) = api.post("/auth/recover", recover.clone()).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = api.post("/auth/token", json!({"handle": "forgetful", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password is gone");
    let (status, _) = api.post("/auth/token", json!({"handle": "forgetful", "password": new_password})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = api.post("/auth/recover", recover).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    assert!(body["error"]["fields"]["recovery_code"][0].is_string());
    let (status, body) = api
        .post("/auth/recover", json!({"handle": "nobody-here", "recovery_code": code, "new_password": new_password}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "unknown handles answer alike: {body}");
}

async fn profile_changes_and_removals(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, api) = app.signed_in("settler", pravo::accounts::model::Role::Scholar).await;
    let change = json!({"locale": "ru", "email": "s@example.org", "certificate_name": "Олена Петренко"});
    let (status, body) = api.patch("/me", change.clone()).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("reauthentication_required")));
    let (_, me) = api.get("/me").await;
    assert_eq!(me["locale"], "en", "a refused change changes nothing");
    let mut with_password = change;
    with_password["current_password"] = json!(PASSWORD);
    let (status, body) = api.patch("/me", with_password).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["locale"], "ru");
    assert_eq!(body["certificate_name"], "Олена Петренко");
    assert!(body.get("email").is_none(), "a new address is used once confirmed: {body}");
    assert_eq!(body["email_pending"], "s@example.org");
    let (status, _) = api.patch("/me", json!({"email": null})).await;
    assert_eq!(status, StatusCode::OK, "nothing to remove yet: the pending address is not the account's");
    let (_, body) = api.patch("/me", json!({"email": null, "current_password": PASSWORD})).await;
    assert!(body.get("email").is_none(), "null removes the email: {body}");
    assert_eq!(body["certificate_name"], "Олена Петренко", "absent fields stay");
    let (status, body) = api.patch("/me", json!({"certificate_name": "я".repeat(101), "email": "bad"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["fields"]["certificate_name"][0].as_str().unwrap_or_default().contains("100"));
    assert!(body["error"]["fields"]["email"][0].is_string());
    assert_eq!(body["error"]["message"], "Часть введённых данных нужно исправить.", "the user's language wins");
    let (_, me) = api.get("/me").await;
    assert_eq!(me["certificate_name"], "Олена Петренко", "a refused change changes nothing");
}

/// `aaaaaaaaaaaa`, `123456789012`, `qwertyuiopas` and handle + `12345678` were accepted.
async fn guessable_passwords_are_refused_with_the_reason(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    for (password, words) in [
        ("aaaaaaaaaaaa", "repeats"),
        ("123456789012", "run of letters or digits"),
        ("qwertyuiopas", "row of the keyboard"),
        ("admin212345678", "handle"),
        ("my pravo password!", "site's name"),
    ] {
        let (status, body) = api.post("/auth/register", json!({"handle": "admin2", "password": password})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{password}: {body}");
        let message = body["error"]["fields"]["password"][0].as_str().unwrap_or_default().to_owned();
        assert!(message.contains(words), "{password}: {message}");
    }
    let russian = app
        .api()
        .raw(reqwest::Method::POST, "/auth/register")
        .header("accept-language", "ru")
        .json(&json!({"handle": "admin3", "password": "йцукенгшщзхъ"}))
        .send()
        .await
        .expect("send");
    let body: serde_json::Value = russian.json().await.expect("json");
    assert!(body["error"]["fields"]["password"][0].as_str().is_some_and(|m| m.contains("клавиатуры")), "{body}");
    let (status, _) = api.post("/auth/register", json!({"handle": "admin2", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED, "a long phrase passes");
}

async fn the_account_page_asks_for_the_password_before_a_new_email_or_new_codes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.signed_in("pager", pravo::accounts::model::Role::Scholar).await;
    let mut browser = app.browser().await;
    browser.sign_in("pager").await;
    browser.get("/account").await;
    let fields = [("locale", "en"), ("email", "pager@example.org"), ("certificate_name", "")];
    let page = browser.post("/account/profile", &fields).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-current_password-error"), "the password is asked for next to its field");
    assert_eq!(page.value_of("input[name=email]").as_deref(), Some("pager@example.org"), "what she typed is kept");
    let mut with_password = fields.to_vec();
    with_password.push(("current_password", PASSWORD));
    let page = browser.post("/account/profile", &with_password).await;
    assert_eq!(page.location.as_deref(), Some("/account?saved=email#profile-h"));
    let page = browser.get("/account").await;
    assert!(page.text().contains("pager@example.org"), "the pending address is shown");
    assert_eq!(page.value_of("input[name=email]").as_deref(), Some(""), "not in use until confirmed");

    let page = browser.post("/account/recovery-codes", &[("current_password", "not it at all, no")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.has("#f-current_password-error"));
    let page = browser.post("/account/recovery-codes", &[("current_password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("ol.codes li, ul.codes li, .codes li"), "{}", page.text());
}

async fn look_alike_handles_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let register = |handle: &str| json!({"handle": handle, "password": PASSWORD, "locale": "ru"});
    assert_eq!(api.post("/auth/register", register("admin2")).await.0, StatusCode::CREATED);
    // Cyrillic а, fullwidth letters and digits, and "rn" for "m" all look like admin2.
    for look_alike in ["аdmin2", "ａｄｍｉｎ２", "adrnin2", "ADMIN2"] {
        let (status, body) = api.post("/auth/register", register(look_alike)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{look_alike}: {body}");
        assert!(body["error"]["fields"]["handle"][0].is_string(), "{look_alike}: {body}");
    }
    let (_, body) = api.post("/auth/register", register("аdmin2")).await;
    assert!(
        body["error"]["fields"]["handle"][0].as_str().unwrap_or_default().contains("looks too much like"),
        "{body}"
    );
    // Handles that only share letters are fine, and the CLI refuses look-alikes too.
    assert_eq!(api.post("/auth/register", register("admin3")).await.0, StatusCode::CREATED);
    let out = crate::cli::pravo(&app)
        .args(["user", "create", "--handle", "аdmin3", "--password-stdin"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(stdin) = child.stdin.as_mut() {
                stdin.write_all(PASSWORD.as_bytes())?;
            }
            child.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success(), "the CLI refuses a look-alike too");
}

/// `accounts::create_users` (seeding a large programme): every account audited like one made alone, the
/// audit chain intact, and a batch holding a taken handle makes none of its accounts.
async fn many_accounts_are_made_in_one_go_audited_or_not_at_all(backend: Backend) {
    use pravo::accounts::{self, audit::ChainReport, model::Handle, model::Role};
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut conn = app.connection();
    let handles = |names: &[&str]| names.iter().map(|n| Handle::parse(n).expect("handle")).collect::<Vec<_>>();
    let made =
        accounts::create_users(&mut conn, &handles(&["batch-one", "batch-two", "batch-three"]), Role::Scholar, None)
            .expect("a batch");
    assert_eq!(made.iter().map(|u| u.handle.as_str()).collect::<Vec<_>>(), ["batch-one", "batch-two", "batch-three"]);
    assert!(matches!(accounts::audit::verify_audit_chain(&mut conn), Ok(ChainReport::Intact { entries: 3.. })));

    let refused = accounts::create_users(&mut conn, &handles(&["batch-four", "Batch-Two"]), Role::Scholar, None);
    assert!(refused.is_err(), "a taken handle refuses the batch");
    let (status, _) = app.api().post("/auth/token", json!({"handle": "batch-four", "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "nothing of the refused batch was kept");
    assert!(matches!(accounts::audit::verify_audit_chain(&mut conn), Ok(ChainReport::Intact { .. })));
}
