//! The `pravo` command line, run as a real process.

use std::io::Write;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TestApp};

pub fn pravo(app: &TestApp) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pravo"));
    let url = match &app.database_url {
        pravo::db::DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        pravo::db::DatabaseUrl::Postgres(url) => url.clone(),
    };
    cmd.env("DATABASE_URL", url).env("PRAVO_DATA_DIR", &app.data_dir).env("PRAVO_BASE_URL", &app.base);
    cmd
}

both!(
    user_create_with_a_password_from_stdin_and_set_role,
    user_create_prints_a_one_time_link,
    the_audit_chain_shows_an_edited_entry,
);

async fn user_create_with_a_password_from_stdin_and_set_role(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut child = pravo(&app)
        .args(["user", "create", "--handle", "scripted", "--role", "trainer", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run pravo");
    child.stdin.take().expect("stdin").write_all(b"a password from a script\n").expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let (status, body) =
        app.api().post("/auth/token", json!({"handle": "scripted", "password": "a password from a script"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["user"]["role"], "trainer");

    let out = pravo(&app).args(["user", "set-role", "--handle", "SCRIPTED", "--role", "admin"]).output().expect("run");
    assert!(out.status.success());
    let out =
        pravo(&app).args(["user", "set-role", "--handle", "scripted", "--role", "scholar"]).output().expect("run");
    assert!(!out.status.success(), "the last admin stays");
    assert!(String::from_utf8_lossy(&out.stderr).contains("last administrator"));

    let out = pravo(&app).args(["user", "create", "--handle", "x", "--role", "scholar"]).output().expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 to 32"));
}

async fn user_create_prints_a_one_time_link(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let out = pravo(&app).args(["user", "create", "--handle", "linked"]).output().expect("run");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let link = stdout.split_whitespace().find(|w| w.contains("/set-password?token=")).expect("a link is printed");
    let path = link.trim_start_matches(&app.base);
    let mut browser = app.browser().await;
    assert_eq!(browser.get(path).await.status, StatusCode::OK);
}

#[test]
fn an_unknown_database_scheme_is_refused_with_a_clear_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_pravo"))
        .arg("migrate")
        .env("DATABASE_URL", "mysql://localhost/pravo")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("DATABASE_URL must start with sqlite://, postgres:// or postgresql://"), "{stderr}");
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["user", "create", "--help"],
        &["user", "set-role", "--help"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_pravo")).args(args).output().expect("run");
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{args:?}");
    }
}

/// Someone with write access to the database rewrites what an administrator did: the chain shows it.
async fn the_audit_chain_shows_an_edited_entry(backend: Backend) {
    use diesel::RunQueryDsl;
    use pravo::accounts::model::Role;
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    for handle in ["first", "second", "third"] {
        let id = app.create_user(handle, Role::Scholar);
        let (status, _) = admin.post(&format!("/admin/users/{id}/role"), json!({"role": "trainer"})).await;
        assert_eq!(status, StatusCode::OK);
    }
    let out = pravo(&app).args(["audit", "verify"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact"));

    let mut conn = app.connection();
    let entries: Vec<i64> = {
        use diesel::{ExpressionMethods, QueryDsl};
        pravo::db::schema::audit_log::table
            .select(pravo::db::schema::audit_log::id)
            .order(pravo::db::schema::audit_log::id.asc())
            .load(&mut conn)
            .expect("entries")
    };
    assert!(entries.len() >= 3, "{entries:?}");
    let edited = entries[entries.len() - 2];
    let disable = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER USER",
    };
    diesel::sql_query(disable).execute(&mut conn).expect("an attacker turns the guard off");
    diesel::sql_query(format!("UPDATE audit_log SET details = '{{\"to\":\"scholar\"}}' WHERE id = {edited}"))
        .execute(&mut conn)
        .expect("and rewrites an entry");
    let out = pravo(&app).args(["audit", "verify"]).output().expect("run");
    assert!(!out.status.success(), "the edit is found");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&format!("broken at entry {edited}")), "{said}");
}
