//! My data is mine: the register of personal data covers every column that refers to a person; a scholar
//! who did everything (applied, reviewed, took a quiz with an essay, earned a certificate, received mail)
//! downloads all of it and then erases it, and a scan of every table and every file in the data folder
//! finds none of her markers; her certificate verifies as an unknown code; administrators erase with a
//! reason; the last administrator stays; every new route answers each role as it should.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use diesel::{QueryableByName, RunQueryDsl};
use pravo::accounts::model::Role;
use pravo::db::AnyConnection;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Api, Backend, PASSWORD, TestApp};
use crate::scholarships::{person, programme_body, track_course};

both!(
    the_register_covers_every_column_that_refers_to_a_person,
    a_scholar_takes_all_her_data_and_erases_it_leaving_nothing,
    administrators_erase_with_a_reason_and_the_last_one_stays,
    the_privacy_routes_answer_each_role_as_they_should,
    the_privacy_pages_work_without_javascript,
    retention_erases_what_is_past_its_time_and_nothing_else,
    unused_accounts_are_warned_then_erased_only_when_turned_on,
);

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    row: String,
}

fn texts(conn: &mut AnyConnection, sql: &str) -> Vec<String> {
    diesel::sql_query(sql)
        .load::<TextRow>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|r| r.row)
        .collect()
}

/// Every (table, column) that names a person: a foreign key to users, or a column named as one.
fn columns_that_refer_to_people(conn: &mut AnyConnection) -> BTreeSet<(String, String)> {
    let named = |c: &str| {
        matches!(c, "user_id" | "actor_id" | "author_id" | "reviewer_id" | "target_user_id" | "recipient" | "email")
            || c.ends_with("_by")
    };
    let mut found = BTreeSet::new();
    match conn {
        AnyConnection::Sqlite(_) => {
            let tables = texts(
                conn,
                "SELECT name AS row FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE '__diesel%'",
            );
            for table in tables {
                for column in texts(conn, &format!("SELECT name AS row FROM pragma_table_info('{table}')")) {
                    if named(&column) {
                        found.insert((table.clone(), column));
                    }
                }
                let sql =
                    format!("SELECT \"from\" AS row FROM pragma_foreign_key_list('{table}') WHERE \"table\" = 'users'");
                for column in texts(conn, &sql) {
                    found.insert((table.clone(), column));
                }
            }
        }
        AnyConnection::Pg(_) => {
            let sql = "SELECT table_name || '.' || column_name AS row FROM information_schema.columns \
                       WHERE table_schema = 'public' AND table_name NOT LIKE '__diesel%'";
            for pair in texts(conn, sql) {
                if let Some((table, column)) = pair.split_once('.')
                    && named(column)
                {
                    found.insert((table.to_owned(), column.to_owned()));
                }
            }
            let sql = "SELECT tc.table_name || '.' || kcu.column_name AS row FROM information_schema.table_constraints tc \
                       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name \
                       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name \
                       WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users'";
            for pair in texts(conn, sql) {
                if let Some((table, column)) = pair.split_once('.') {
                    found.insert((table.to_owned(), column.to_owned()));
                }
            }
        }
    }
    found
}

fn register() -> BTreeMap<String, BTreeSet<String>> {
    let certs = pravo::certificates::CertSettings {
        base_url: "http://127.0.0.1".into(),
        issuer_name: "Pravo".into(),
        key: pravo::certificates::credential::IssuerKey::new(&[7u8; 32]).unwrap_or_else(|e| panic!("{e}")),
        mail: pravo::mail::MailSettings::from_settings(&crate::helpers::test_settings(
            std::path::Path::new("/nonexistent"),
            pravo::db::DatabaseUrl::Sqlite(":memory:".into()),
        )),
    };
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, entry) in pravo::app::privacy_parts(certs).register() {
        map.entry(entry.table.to_owned()).or_default().extend(entry.columns.iter().map(|c| (*c).to_owned()));
    }
    map
}

/// The columns that refer to a person but that the register does not cover.
fn uncovered(conn: &mut AnyConnection) -> Vec<(String, String)> {
    let register = register();
    columns_that_refer_to_people(conn)
        .into_iter()
        .filter(|(table, column)| !register.get(table).is_some_and(|cols| cols.contains(column)))
        .collect()
}

async fn the_register_covers_every_column_that_refers_to_a_person(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut conn = app.connection();
    let found = columns_that_refer_to_people(&mut conn);
    assert!(found.len() >= 20, "the schema scan finds the user columns: {found:?}");
    assert_eq!(uncovered(&mut conn), Vec::<(String, String)>::new(), "every column naming a person is in the register");
    // Every table the register names exists.
    let tables: BTreeSet<String> = found.iter().map(|(t, _)| t.clone()).collect();
    for table in register().keys() {
        assert!(tables.contains(table), "the register names {table}, which the schema does not have");
    }
    // A migration that adds a table naming a user without a register entry is caught.
    diesel::sql_query("CREATE TABLE notes (id TEXT PRIMARY KEY, user_id TEXT REFERENCES users (id), body TEXT)")
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
    diesel::sql_query("ALTER TABLE courses ADD COLUMN archived_by TEXT")
        .execute(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        uncovered(&mut conn),
        vec![("courses".to_owned(), "archived_by".to_owned()), ("notes".to_owned(), "user_id".to_owned())]
    );
}

/// The unique strings she leaves in every free-text field, her handle, email and certificate name.
struct Markers {
    handle: String,
    email: String,
    name: String,
    texts: Vec<String>,
}

impl Markers {
    fn new() -> Self {
        let tag = uuid::Uuid::new_v4().simple().to_string()[..10].to_owned();
        let texts = ["org", "exp", "mot", "city", "essay", "review"].iter().map(|k| format!("mk{k}{tag}")).collect();
        Markers {
            handle: format!("mk_{tag}"),
            email: format!("mkmail{tag}@example.org"),
            name: format!("Mkname {tag}"),
            texts,
        }
    }

    fn text(&self, kind: &str) -> &str {
        self.texts.iter().find(|t| t.starts_with(&format!("mk{kind}"))).map(String::as_str).unwrap_or_default()
    }

    fn all(&self) -> Vec<String> {
        let mut all = vec![self.handle.clone(), self.handle.to_lowercase(), self.email.clone(), self.name.clone()];
        all.extend(self.texts.iter().cloned());
        all
    }
}

/// The course `pc`: one module with a quiz holding an essay and a true/false question, open, published.
pub async fn quiz_course(app: &TestApp) -> String {
    let (_, trainer) = app.signed_in("coach-p", Role::Trainer).await;
    let course = json!({"texts": {"en": {"title": "Privacy course", "summary": ""}}, "open": true, "hours": 1});
    assert_eq!(trainer.send(trainer.raw(Method::PUT, "/courses/pc").json(&course)).await.0, StatusCode::OK);
    let module = json!({"language": "en", "title": "Only", "markdown": "Read."});
    trainer.send(trainer.raw(Method::PUT, "/courses/pc/modules/m1").json(&module)).await;
    trainer.post("/courses/pc/publish", json!({})).await;
    let settings = json!({"pass_percent": 50, "attempts_allowed": null, "time_limit_seconds": null, "shuffle_questions": false,
        "shuffle_choices": false, "draw": null, "review": "after_attempt", "required_for_completion": true});
    let body = json!({"settings": settings, "format": "gift", "source": "// [id:e]\nWhy?{}\n\n// [id:t]\nTrue?{T}"});
    let (status, saved) = trainer.send(trainer.raw(Method::PUT, "/courses/pc/modules/m1/quiz").json(&body)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    saved["quiz_id"].as_str().unwrap_or_default().to_owned()
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("a zip: {e}"));
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap_or_else(|e| panic!("{e}"));
        let name = file.name().map(|n| n.to_string()).unwrap_or_else(|e| panic!("{e}"));
        files.insert(name, content);
    }
    files
}

async fn post_raw(api: &Api, method: Method, path: &str, body: Value) -> reqwest::Response {
    api.raw(method, path).json(&body).send().await.unwrap_or_else(|e| panic!("{e}"))
}

/// Where a marker still is: table rows (PostgreSQL) or files under the data folder (both).
fn find_markers(app: &TestApp, markers: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![app.data_dir.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                for m in markers {
                    if bytes.windows(m.len()).any(|w| w == m.as_bytes()) {
                        found.push(format!("{m} in {}", path.display()));
                    }
                }
            }
        }
    }
    let mut conn = app.connection();
    if matches!(conn, AnyConnection::Pg(_)) {
        for table in texts(&mut conn, "SELECT tablename AS row FROM pg_tables WHERE schemaname = 'public'") {
            for row in texts(&mut conn, &format!("SELECT t::text AS row FROM \"{table}\" t")) {
                for m in markers {
                    if row.contains(m.as_str()) {
                        found.push(format!("{m} in table {table}"));
                    }
                }
            }
        }
    }
    found
}

async fn a_scholar_takes_all_her_data_and_erases_it_leaving_nothing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let m = Markers::new();
    track_course(&app).await;
    let quiz = quiz_course(&app).await;
    let (_, admin) = app.signed_in("chief-p", Role::Admin).await;

    // She registers with an email, chooses a certificate name, and learns.
    let (her_id, her) = person(&app, &m.handle, Some(&m.email), "ru").await;
    let (status, me) = her.patch("/me", json!({"certificate_name": m.name})).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    her.post("/courses/pc/enrol", json!({})).await;
    let (_, attempt) = her.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let attempt = attempt["id"].as_str().unwrap_or_default().to_owned();
    for (q, a) in [("e", json!(m.text("essay"))), ("t", json!(true))] {
        let (status, body) = her
            .send(her.raw(Method::PUT, &format!("/attempts/{attempt}/answers/{q}")).json(&json!({"answer": a})))
            .await;
        assert!(status.is_success(), "{status} {body}");
    }
    let (_, result) = her.post(&format!("/attempts/{attempt}/submit"), json!({})).await;
    assert_eq!(result["passed"], true, "{result}");
    let (_, done) = her.post("/courses/pc/modules/m1/complete", json!({})).await;
    assert_eq!(done["course_completed"], true, "{done}");
    let (_, certs) = her.get("/me/certificates").await;
    let code = certs["items"][0]["code"].as_str().unwrap_or_default().to_owned();
    assert!(!code.is_empty(), "{certs}");

    // She applies to one programme, with a marker in every field she types.
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    let application = json!({"organisation": m.text("org"), "country": "UA", "experience": m.text("exp"),
        "motivation": m.text("mot"), "answers": {"q1": m.text("city")}, "consent": true});
    let (status, body) =
        her.send(her.raw(Method::PUT, &format!("/programmes/{pid}/application")).json(&application)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, sent) = her.post(&format!("/programmes/{pid}/application/submit"), json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{sent}");
    let her_application = sent["id"].as_str().unwrap_or_default().to_owned();
    let (status, body) =
        admin.post(&format!("/applications/{her_application}/decision"), json!({"decision": "award"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // ... and reviews another one, where someone else applied.
    let mut second = programme_body(-1, 48);
    second["title"] = json!("Second call");
    let (_, created) = admin.post("/programmes", second).await;
    let pid2 = created["id"].as_str().unwrap_or_default().to_owned();
    let (_, other) = person(&app, "other-applicant", None, "en").await;
    let other_application = crate::scholarships::apply(&other, &pid2, "UA").await;
    assert_eq!(
        admin.post(&format!("/programmes/{pid2}/reviewers"), json!({"user_id": her_id})).await.0,
        StatusCode::OK
    );
    let review = json!({"scores": {"c1": 4, "c2": 3}, "comment": m.text("review")});
    let (status, body) = her.post(&format!("/applications/{other_application}/reviews"), review).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // A second reviewer reviews her application, so there is a review of her to erase too.
    let (rid, reviewer) = app.signed_in("second-reviewer", Role::Scholar).await;
    admin.post(&format!("/programmes/{pid}/reviewers"), json!({"user_id": rid})).await;
    reviewer
        .post(
            &format!("/applications/{her_application}/reviews"),
            json!({"scores": {"c1": 5, "c2": 5}, "comment": "Strong."}),
        )
        .await;

    // Her mail is written out (no SMTP server here): wait until the outbox has sent it.
    for _ in 0..100 {
        let pending = app.data_dir.join("mail").read_dir().map(|d| d.count()).unwrap_or(0);
        if pending >= 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The export needs her password.
    let (status, body) = her.post("/me/export", json!({})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::FORBIDDEN, Some("reauthentication_required")));
    let (status, _) = her.post("/me/export", json!({"current_password": "not the password at all"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = post_raw(&her, Method::POST, "/me/export", json!({"current_password": PASSWORD})).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/zip"));
    let disposition =
        response.headers().get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(disposition.starts_with("attachment; filename=\"my-data-"), "a neutral name: {disposition}");
    let files = unzip(&response.bytes().await.unwrap_or_default());
    for kind in [
        "account",
        "sessions",
        "audit",
        "mail",
        "enrolments",
        "progress",
        "quiz_attempts",
        "certificates",
        "applications",
        "cohorts",
        "reviews",
    ] {
        assert!(files.contains_key(&format!("{kind}.json")), "{kind}.json in {:?}", files.keys());
    }
    assert!(files.contains_key(&format!("certificates/{code}.pdf")), "{:?}", files.keys());
    assert!(files.get(&format!("certificates/{code}.pdf")).is_some_and(|pdf| pdf.starts_with(b"%PDF")));
    let index = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(index.contains("lang=\"ru\""), "the index is in her language");
    let everything: String = files
        .iter()
        .filter(|(name, _)| name.ends_with(".json"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    for marker in [&m.handle, &m.email, &m.name] {
        assert!(everything.contains(marker.as_str()), "{marker} is in her export");
    }
    for marker in &m.texts {
        assert!(everything.contains(marker.as_str()), "{marker} is in her export");
    }
    for someone_else in ["other-applicant", "second-reviewer", "chief-p", "coach-p", "Strong.", &rid] {
        assert!(!everything.contains(someone_else), "her export names nobody else: {someone_else}");
    }
    let account: Value = serde_json::from_slice(&files["account.json"]).unwrap_or_default();
    assert_eq!(account["email"], json!(m.email));

    // The scan sees her before the erasure (so that its silence afterwards means something).
    let before = find_markers(&app, &m.all());
    for marker in m.all() {
        assert!(
            before.iter().any(|f| f.starts_with(&format!("{marker} in"))),
            "the scan finds {marker} before: {before:?}"
        );
    }

    // She erases her account; her token stops working at once.
    let (status, _) =
        her.send(her.raw(Method::DELETE, "/me").json(&json!({"current_password": "wrong guess 123"}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = her.send(her.raw(Method::DELETE, "/me").json(&json!({"current_password": PASSWORD}))).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(her.get("/me").await.0, StatusCode::UNAUTHORIZED);

    // Nothing of hers is left: not in any table, not in the database file's free pages or its log, not
    // in the mail folder.
    let left = find_markers(&app, &m.all());
    assert!(left.is_empty(), "left behind after erasure: {left:?}");

    // Her certificate now verifies exactly as a code that never existed.
    let anon = app.api();
    let gone = anon.raw(Method::GET, &format!("/verify/{code}")).send().await.unwrap_or_else(|e| panic!("{e}"));
    let never = anon.raw(Method::GET, "/verify/NEVER0000000").send().await.unwrap_or_else(|e| panic!("{e}"));
    let gone = (gone.status(), gone.text().await.unwrap_or_default().replace(&code, "CODE"));
    let never = (never.status(), never.text().await.unwrap_or_default().replace("NEVER0000000", "CODE"));
    assert_eq!(gone, never);

    // What was kept for others holds no trace of her: the review of the other applicant keeps its scores
    // (the ranking does not change) under an "erased" stand-in, without her comment.
    let (_, ranking) = admin.get(&format!("/programmes/{pid2}/ranking")).await;
    assert_eq!(ranking["items"][0]["reviews"].as_u64(), Some(1), "{ranking}");
    // The audit log still verifies and records the erasure by ids only.
    let mut conn = app.connection();
    let report = pravo::accounts::audit::verify_audit_chain(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(report, pravo::accounts::audit::ChainReport::Intact { .. }), "{report:?}");
    let (_, audit) = admin.get("/admin/audit").await;
    let erased = audit["items"].as_array().into_iter().flatten().find(|i| i["action"] == "account.erased");
    assert_eq!(erased.map(|e| e["target_user_id"].clone()), Some(json!(her_id)), "{audit}");
    // She can register the same handle again: nothing remembers it.
    let (status, _) = app.api().post("/auth/register", json!({"handle": m.handle, "password": PASSWORD})).await;
    assert_eq!(status, StatusCode::CREATED);
}

async fn administrators_erase_with_a_reason_and_the_last_one_stays(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (admin_id, admin) = app.signed_in("only-admin", Role::Admin).await;
    let (target_id, target) = app.signed_in("to-erase", Role::Scholar).await;

    // The last administrator cannot erase herself, by either door.
    let (status, body) =
        admin.send(admin.raw(Method::DELETE, "/me").json(&json!({"current_password": PASSWORD}))).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = admin
        .send(admin.raw(Method::DELETE, &format!("/admin/users/{admin_id}")).json(&json!({"reason": "test"})))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // A reason is required.
    let path = format!("/admin/users/{target_id}");
    let (status, body) = admin.send(admin.raw(Method::DELETE, &path).json(&json!({"reason": "  "}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["reason"].is_array(), "{body}");
    let (status, _) =
        admin.send(admin.raw(Method::DELETE, &path).json(&json!({"reason": "asked by the scholar"}))).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(target.get("/me").await.0, StatusCode::UNAUTHORIZED, "her session ended with the account");
    let (status, _) = admin.send(admin.raw(Method::DELETE, &path).json(&json!({"reason": "again"}))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, audit) = admin.get("/admin/audit").await;
    let entry = audit["items"].as_array().into_iter().flatten().find(|i| i["action"] == "account.erased").cloned();
    let entry = entry.unwrap_or_default();
    assert_eq!(
        (entry["actor_id"].clone(), entry["details"]["reason"].clone()),
        (json!(admin_id), json!("asked by the scholar"))
    );
}

async fn the_privacy_routes_answer_each_role_as_they_should(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, admin) = app.signed_in("root-p", Role::Admin).await;
    let (_, trainer) = app.signed_in("trainer-p", Role::Trainer).await;
    let (scholar_id, scholar) = app.signed_in("scholar-p", Role::Scholar).await;
    let (other_id, other) = app.signed_in("other-p", Role::Scholar).await;
    let anon = app.api();
    let reauth = json!({"current_password": PASSWORD});

    // Anonymous: nothing.
    assert_eq!(anon.post("/me/export", reauth.clone()).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(anon.post("/me/recovery-codes", reauth.clone()).await.0, StatusCode::UNAUTHORIZED);
    let mut visitor = app.browser().await;
    let page = visitor.get("/account/delete").await;
    assert!(page.location.as_deref().is_some_and(|l| l.starts_with("/login")), "{:?}", page.location);
    let page = visitor.post("/account/export", &[("current_password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    let page = visitor.get(&format!("/admin/users/{scholar_id}/delete")).await;
    assert!(page.location.as_deref().is_some_and(|l| l.starts_with("/login")), "{:?}", page.location);
    assert_eq!(anon.send(anon.raw(Method::DELETE, "/me").json(&reauth)).await.0, StatusCode::UNAUTHORIZED);
    let erase =
        |api: &Api, id: &str| api.raw(Method::DELETE, &format!("/admin/users/{id}")).json(&json!({"reason": "r"}));
    assert_eq!(anon.send(erase(&anon, &scholar_id)).await.0, StatusCode::UNAUTHORIZED);
    // Scholars, another scholar and trainers cannot erase anyone else.
    assert_eq!(other.send(erase(&other, &scholar_id)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(scholar.send(erase(&scholar, &other_id)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(trainer.send(erase(&trainer, &scholar_id)).await.0, StatusCode::FORBIDDEN);
    // Each signed-in person exports only her own data.
    for (api, handle) in [(&scholar, "scholar-p"), (&other, "other-p"), (&trainer, "trainer-p"), (&admin, "root-p")] {
        let response = post_raw(api, Method::POST, "/me/export", reauth.clone()).await;
        assert_eq!(response.status(), StatusCode::OK);
        let files = unzip(&response.bytes().await.unwrap_or_default());
        let account: Value = serde_json::from_slice(&files["account.json"]).unwrap_or_default();
        assert_eq!(account["handle"], handle);
    }
    // An administrator may; a cookie-signed form without CSRF may not (the page routes).
    assert_eq!(admin.send(erase(&admin, &other_id)).await.0, StatusCode::NO_CONTENT);
    let mut browser = app.browser().await;
    browser.sign_in("scholar-p").await;
    let page = browser.post_raw("/account/delete", &[("current_password", PASSWORD)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "no CSRF token, no erasure");
    let page = browser.get(&format!("/admin/users/{scholar_id}/delete")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let mut trainer_browser = app.browser().await;
    trainer_browser.sign_in("trainer-p").await;
    let page = trainer_browser.get(&format!("/admin/users/{scholar_id}/delete")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "trainers erase nobody");
    let page = trainer_browser.post(&format!("/admin/users/{scholar_id}/delete"), &[("reason", "r")]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert_eq!(scholar.get("/me").await.0, StatusCode::OK, "still here");
}

async fn the_privacy_pages_work_without_javascript(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.signed_in("keeper", Role::Admin).await;
    let (id, _) = app.signed_in("leaver", Role::Scholar).await;
    let mut browser = app.browser().await;

    // The privacy page is public, in the reader's language, and every page links to it and has the exit.
    let page = browser.get("/privacy").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("a#quick-exit[href^='https://']"), "the quick exit is on the page");
    assert!(page.has("footer a[href='/privacy']"));
    assert!(page.text().contains("IP"), "{}", page.text());

    browser.sign_in("leaver").await;
    let account = browser.get("/account").await;
    assert!(account.has("form[action^='/account/export'] input[name='current_password']"));
    assert!(account.has("a[href='/account/delete']"));
    // A wrong password is shown next to the field; the download needs the right one.
    let wrong = browser.post("/account/export", &[("current_password", "wrong one, sorry")]).await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{:?} {}",
        wrong.headers,
        &wrong.body[..wrong.body.len().min(3000)]
    );
    assert!(wrong.has("#f-current_password-error"), "the error is next to the field");
    let confirm = browser.get("/account/delete").await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.has("form[action='/account/delete'] input[name='current_password']"));
    let wrong = browser.post("/account/delete", &[("current_password", "not mine at all")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = browser.post("/account/delete", &[("current_password", PASSWORD)]).await;
    assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/goodbye")));
    assert_eq!(browser.get("/goodbye").await.status, StatusCode::OK);
    let mut conn = app.connection();
    let left = texts(&mut conn, &format!("SELECT id AS row FROM users WHERE id = '{id}'"));
    assert!(left.is_empty(), "the account is gone");
    let account = browser.get("/account").await;
    assert!(account.location.as_deref().is_some_and(|l| l.starts_with("/login")), "signed out: {:?}", account.location);
}

/// Moves a programme's closing, and its decisions, `days` into the past (the database is the clock).
fn age_programme(conn: &mut AnyConnection, pid: &str, days: i64) {
    let past = days_ago(conn, days);
    for sql in [
        format!("UPDATE programmes SET opens_at = {past}, closes_at = {past} WHERE id = '{pid}'"),
        format!("UPDATE applications SET decided_at = {past} WHERE programme_id = '{pid}' AND decided_at IS NOT NULL"),
        format!("UPDATE outbox SET created_at = {past} WHERE status = 'sent'"),
    ] {
        diesel::sql_query(&sql).execute(conn).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

async fn retention_erases_what_is_past_its_time_and_nothing_else(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    track_course(&app).await;
    let (_, admin) = app.signed_in("chief-r", Role::Admin).await;
    let (_, created) = admin.post("/programmes", programme_body(-1, 48)).await;
    let old = created["id"].as_str().unwrap_or_default().to_owned();
    let mut second = programme_body(-1, 48);
    second["title"] = json!("Recent call");
    let (_, created) = admin.post("/programmes", second).await;
    let recent = created["id"].as_str().unwrap_or_default().to_owned();

    let decide = |id: String, decision: &'static str| {
        let admin = &admin;
        async move {
            let (status, body) =
                admin.post(&format!("/applications/{id}/decision"), json!({"decision": decision})).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    };
    let (_, rejected) = person(&app, "rejected-r", Some("rejected-r@example.org"), "en").await;
    decide(crate::scholarships::apply(&rejected, &old, "UA").await, "reject").await;
    let (_, undecided) = person(&app, "undecided-r", None, "en").await;
    crate::scholarships::apply(&undecided, &old, "UA").await;
    let (_, awarded) = person(&app, "awarded-r", None, "en").await;
    decide(crate::scholarships::apply(&awarded, &old, "UA").await, "award").await;
    let (_, drafter) = person(&app, "drafter-r", None, "en").await;
    let (status, _) = drafter
        .send(
            drafter.raw(Method::PUT, &format!("/programmes/{old}/application")).json(&json!({"motivation": "unsent"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, fresh) = person(&app, "fresh-r", None, "en").await;
    decide(crate::scholarships::apply(&fresh, &recent, "UA").await, "reject").await;
    // The decision email to the rejected applicant is sent (written out) before time moves on.
    for _ in 0..100 {
        let sent = texts(&mut app.connection(), "SELECT id AS row FROM outbox WHERE status = 'sent'");
        if !sent.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Thirteen months later.
    age_programme(&mut app.connection(), &old, 400);
    let out = crate::cli::pravo(&app).args(["retention", "run"]).output().unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{printed} {}", String::from_utf8_lossy(&out.stderr));
    assert!(printed.contains("applications_not_awarded: 2"), "{printed}");
    assert!(printed.contains("application_drafts: 1"), "{printed}");
    let mail_records =
        printed.lines().find_map(|l| l.strip_prefix("mail_records: ")).and_then(|n| n.parse::<u32>().ok());
    assert!(mail_records.is_some_and(|n| n >= 1), "the old sent-mail records go: {printed}");

    let mut conn = app.connection();
    let left = texts(
        &mut conn,
        "SELECT u.handle AS row FROM applications a JOIN users u ON u.id = a.user_id ORDER BY u.handle",
    );
    assert_eq!(left, ["awarded-r", "fresh-r"], "the award and the recent decision stay");
    assert_eq!(texts(&mut conn, "SELECT id AS row FROM outbox WHERE status = 'sent'"), Vec::<String>::new());
    // Nothing is due twice; the accounts themselves stay.
    let out = crate::cli::pravo(&app).args(["retention", "run"]).output().unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(printed.contains("applications_not_awarded: 0") && printed.contains("application_drafts: 0"), "{printed}");
    assert_eq!(texts(&mut conn, "SELECT handle AS row FROM users WHERE handle = 'rejected-r'"), ["rejected-r"]);
    // The privacy page states the rules with the configured times.
    let page = app.browser().await.get("/privacy").await;
    assert!(page.text().contains("12 months") && page.text().contains("30 days"), "{}", page.text());
}

fn days_ago(conn: &AnyConnection, days: i64) -> String {
    match conn {
        AnyConnection::Sqlite(_) => format!("datetime('now', '-{days} days')"),
        AnyConnection::Pg(_) => format!("(now() - interval '{days} days')::timestamp"),
    }
}

async fn unused_accounts_are_warned_then_erased_only_when_turned_on(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    app.signed_in("boss-i", Role::Admin).await;
    person(&app, "sleepy-i", Some("sleepy-i@example.org"), "uk").await;
    person(&app, "waking-i", None, "en").await;
    person(&app, "busy-i", None, "en").await;
    let mut conn = app.connection();
    let old = days_ago(&conn, 400);
    let sql = format!("UPDATE users SET created_at = {old}, last_active_at = {old} WHERE handle <> 'busy-i'");
    diesel::sql_query(&sql).execute(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let run = |months: &str| {
        let out = crate::cli::pravo(&app)
            .env("PRAVO_INACTIVE_ACCOUNT_MONTHS", months)
            .args(["retention", "run"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let handles = |conn: &mut AnyConnection| texts(conn, "SELECT handle AS row FROM users ORDER BY handle");

    // Off by default: nobody is warned or erased.
    let printed = run("0");
    assert!(!printed.contains("accounts_warned"), "{printed}");
    // On (12 months): the two unused accounts are warned, the administrator never; nobody erased yet.
    let printed = run("12");
    assert!(printed.contains("accounts_warned: 2") && printed.contains("inactive_accounts_erased: 0"), "{printed}");
    let kinds = texts(&mut conn, "SELECT kind AS row FROM outbox WHERE recipient = 'sleepy-i@example.org'");
    assert_eq!(kinds, ["inactivity_warning"], "the one with an address is told by email");
    let subject = texts(&mut conn, "SELECT subject AS row FROM outbox WHERE kind = 'inactivity_warning'");
    assert_eq!(subject, ["Ваш обліковий запис"], "in her language, naming no topic: {subject:?}");
    assert!(run("12").contains("accounts_warned: 0"), "warned once");

    // One of them signs in within the warning time: that clears her warning.
    crate::scholarships::sign_in(&app, "waking-i").await;
    // The warning time passes.
    let month_ago = days_ago(&conn, 31);
    let sql = format!("UPDATE users SET inactivity_warned_at = {month_ago} WHERE inactivity_warned_at IS NOT NULL");
    diesel::sql_query(&sql).execute(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let printed = run("12");
    assert!(printed.contains("inactive_accounts_erased: 1"), "{printed}");
    assert_eq!(handles(&mut conn), ["boss-i", "busy-i", "waking-i"]);
    let by = texts(&mut conn, "SELECT details AS row FROM audit_log WHERE action = 'account.erased'");
    assert_eq!(by.len(), 1, "{by:?}");
    assert!(by[0].contains("retention"), "{by:?}");
}
