//! Faults with real `pravo serve` processes: two instances on one PostgreSQL database while 50 scholars
//! complete a course (every certificate email arrives once), and an instance killed with SIGKILL after
//! issuing a certificate and before its email went out (sent once after a restart).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use pravo::accounts::model::{Handle, Role};
use pravo::auth::password;
use pravo::db::DatabaseUrl;
use pravo::db::schema::{outbox, users};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    PASSWORD, SmtpSink, TempDir, create_postgres_database, drop_postgres_database, free_port, header, shipped_courses,
};

fn url_of(db: &DatabaseUrl) -> String {
    match db {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

/// A `pravo serve` process, killed (SIGKILL) when dropped.
pub struct Serve {
    child: Child,
    pub base: String,
    pub client: reqwest::Client,
}

impl Serve {
    fn start(db: &DatabaseUrl, data_dir: &Path, smtp_url: &str) -> Serve {
        Self::start_with(db, data_dir, smtp_url, &[])
    }

    /// Starts `pravo serve` with more environment variables; its log (standard error) goes to
    /// `data_dir/serve.log`.
    pub fn start_with(db: &DatabaseUrl, data_dir: &Path, smtp_url: &str, env: &[(&str, &str)]) -> Serve {
        std::fs::create_dir_all(data_dir).expect("data dir");
        let port = free_port();
        let log = std::fs::File::create(data_dir.join("serve.log")).expect("log file");
        let child = Command::new(env!("CARGO_BIN_EXE_pravo"))
            .arg("serve")
            .env("DATABASE_URL", url_of(db))
            .env("PRAVO_DATA_DIR", data_dir)
            .env("PRAVO_BIND", format!("127.0.0.1:{port}"))
            .env("PRAVO_COURSES_DIR", shipped_courses())
            .env("PRAVO_WORKERS", "2")
            .env("SMTP_URL", smtp_url)
            .env("PRAVO_MAIL_RETRY_SECONDS", "1")
            .env("PRAVO_MAIL_RETRY_MAX_SECONDS", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start pravo serve");
        Serve { child, base: format!("http://127.0.0.1:{port}/api/v1"), client: reqwest::Client::new() }
    }

    pub async fn ready(&self, data_dir: &Path) {
        for _ in 0..600 {
            let health = self.base.replace("/api/v1", "/healthz");
            if self.client.get(&health).send().await.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let log = std::fs::read_to_string(data_dir.join("serve.log")).unwrap_or_default();
        panic!("pravo serve did not start: {log}");
    }

    pub async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        let mut req = self.client.request(method, format!("{}{path}", self.base)).json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("request");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn token(&self, handle: &str) -> String {
        let (status, body) =
            self.call(Method::POST, "/auth/token", None, json!({"handle": handle, "password": PASSWORD})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().unwrap_or_default().to_owned()
    }

    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Accounts written straight to the database (one password hash for all, to keep the test quick).
fn create_accounts(db: &DatabaseUrl, trainer: &str, scholars: &[String]) {
    let mut conn = db.establish().expect("connect");
    let hash = password::hash(PASSWORD).expect("hash");
    let handle = Handle::parse(trainer).expect("handle");
    pravo::accounts::create_user(&mut conn, &handle, Role::Trainer, Some(&hash)).expect("trainer");
    for s in scholars {
        let handle = Handle::parse(s).expect("handle");
        let user = pravo::accounts::create_user(&mut conn, &handle, Role::Scholar, Some(&hash)).expect("scholar");
        diesel::update(users::table.filter(users::id.eq(&user.id)))
            .set((users::email.eq(format!("{s}@example.org")), users::certificate_name.eq("Марія Їжак")))
            .execute(&mut conn)
            .expect("email");
    }
}

/// A published course `fc` with one module and no quiz, made through the API.
async fn publish_course(serve: &Serve, trainer: &str) {
    let token = serve.token(trainer).await;
    let t = Some(token.as_str());
    let course = json!({"texts": {"en": {"title": "Fault course", "summary": ""}}, "open": true, "hours": 1});
    let (status, body) = serve.call(Method::PUT, "/courses/fc", t, course).await;
    assert!(status.is_success(), "{body}");
    let module = json!({"language": "en", "title": "Only", "markdown": "Text."});
    let (status, body) = serve.call(Method::PUT, "/courses/fc/modules/only", t, module).await;
    assert!(status.is_success(), "{body}");
    let (status, body) = serve.call(Method::POST, "/courses/fc/publish", t, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn enrol_and_complete(serve: &Serve, handle: &str) {
    let token = serve.token(handle).await;
    let t = Some(token.as_str());
    let (status, body) = serve.call(Method::POST, "/courses/fc/enrol", t, json!({})).await;
    assert!(status.is_success(), "{body}");
    let (status, body) = serve.call(Method::POST, "/courses/fc/modules/only/complete", t, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["course_completed"], true, "{body}");
}

struct DropDatabase(Option<String>);

impl Drop for DropDatabase {
    fn drop(&mut self) {
        if let Some(name) = self.0.take() {
            drop_postgres_database(name);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_database_send_each_certificate_once() {
    let Some((db, name)) = create_postgres_database() else { return };
    let _drop = DropDatabase(Some(name));
    let smtp = SmtpSink::start();
    let dir = TempDir::new();
    let (dir_a, dir_b): (PathBuf, PathBuf) = (dir.0.join("a"), dir.0.join("b"));
    // Both start at once on an empty database: migrations and the course import take turns.
    let a = std::sync::Arc::new(Serve::start(&db, &dir_a, &smtp.url()));
    let b = std::sync::Arc::new(Serve::start(&db, &dir_b, &smtp.url()));
    a.ready(&dir_a).await;
    b.ready(&dir_b).await;

    let scholars: Vec<String> = (0..50).map(|i| format!("scholar{i:02}")).collect();
    create_accounts(&db, "fault-trainer", &scholars);
    publish_course(&a, "fault-trainer").await;
    // Half the scholars use each instance, all at once.
    let mut runs = tokio::task::JoinSet::new();
    for (i, s) in scholars.iter().enumerate() {
        let serve = if i % 2 == 0 { a.clone() } else { b.clone() };
        let s = s.clone();
        runs.spawn(async move { enrol_and_complete(&serve, &s).await });
    }
    while let Some(run) = runs.join_next().await {
        run.expect("a scholar's run");
    }

    smtp.wait_for(50, 120).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let all = smtp.messages();
    assert_eq!(all.len(), 50, "one email per certificate");
    let mut ids: Vec<String> = all.iter().filter_map(|m| header(m, "Message-ID")).collect();
    let mut to: Vec<String> = all.iter().filter_map(|m| header(m, "To")).collect();
    ids.sort();
    ids.dedup();
    to.sort();
    to.dedup();
    assert_eq!(ids.len(), 50, "no Message-ID twice");
    assert_eq!(to.len(), 50, "every scholar got hers");
    assert!(all.iter().all(|m| m.contains("application/pdf")), "each carries its PDF");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_certificate_email_survives_sigkill_before_sending() {
    let dir = TempDir::new();
    let db = DatabaseUrl::Sqlite(dir.0.join("pravo.db").display().to_string());
    let data = dir.0.join("data");
    let smtp_port = free_port();
    let smtp_url = format!("smtp://127.0.0.1:{smtp_port}");
    let serve = Serve::start(&db, &data, &smtp_url);
    serve.ready(&data).await;
    create_accounts(&db, "kill-trainer", &["victim".to_owned()]);
    publish_course(&serve, "kill-trainer").await;
    enrol_and_complete(&serve, "victim").await;

    // Wait until the certificate is issued and its email queued and tried (the SMTP server is down).
    let mut conn = db.establish().expect("connect");
    let mut tried = false;
    for _ in 0..300 {
        let attempts: Option<i32> = outbox::table
            .filter(outbox::kind.eq("certificate"))
            .select(outbox::attempts)
            .first(&mut conn)
            .optional()
            .expect("outbox");
        if attempts.is_some_and(|a| a >= 1) {
            tried = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(tried, "the certificate email was queued and could not be sent yet");
    serve.kill();

    let smtp = SmtpSink::start_on(smtp_port);
    let again = Serve::start(&db, &data, &smtp_url);
    again.ready(&data).await;
    let mail = smtp.wait_for(1, 60).await;
    assert_eq!(mail.len(), 1, "sent after the restart");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(smtp.messages().len(), 1, "and only once");
    assert!(header(&mail[0], "To").is_some_and(|t| t.contains("victim@example.org")));
    let status: String = outbox::table
        .filter(outbox::kind.eq("certificate"))
        .select(outbox::status)
        .first(&mut conn)
        .expect("outbox row");
    assert_eq!(status, "sent");
}
