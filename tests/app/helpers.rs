//! The test harness: the real application on port 0 with a fresh database (a temporary SQLite file, or a
//! fresh PostgreSQL database dropped afterwards), driven over HTTP.

use std::path::PathBuf;

use diesel::{Connection, PgConnection, RunQueryDsl};
use pravo::accounts::{self, model::Handle, model::Role};
use pravo::app::Application;
use pravo::auth::password;
use pravo::config::Settings;
use pravo::db::{AnyConnection, DatabaseUrl};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a behaviour test once per backend: `both!(name)` makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                super::$name($crate::helpers::Backend::Postgres).await
            }
        }
    )*};
}

pub const PASSWORD: &str = "a calm river of twelve";

pub struct TestApp {
    pub base: String,
    pub database_url: DatabaseUrl,
    pub data_dir: PathBuf,
    pub bootstrap_link: Option<String>,
    /// The app's pool, for counting the statements a request runs.
    pub db: pravo::db::Db,
    pg_database: Option<String>,
}

fn postgres_server_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The repository's courses/ folder, which a fresh app imports.
pub fn shipped_courses() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("courses")
}

/// A 1 × 1 PNG, for course folders with an image.
pub const TINY_PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

/// Writes a course folder `slug` of `files` (paths inside it, `media/` included) and imports it, as
/// `pravo courses import` would; every file must import cleanly.
pub fn import_course_folder(app: &TestApp, slug: &str, files: &[(&str, &[u8])]) {
    let root = TempDir::new();
    let dir = root.0.join(slug);
    std::fs::create_dir_all(dir.join("media")).unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut conn = app.connection();
    let report =
        pravo::course_files::import::import_root(&mut conn, &root.0, |_, _, _| {}).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
}

/// A fresh folder under the temporary folder, removed by the caller's `TempDir`.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(format!("pravo-files-{}", random_suffix()));
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies a folder tree.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A new, empty PostgreSQL database (its URL and name); `None` (after a note) if the server is not
/// reachable outside CI.
pub fn create_postgres_database() -> Option<(DatabaseUrl, String)> {
    let server = postgres_server_url();
    let mut admin = match PgConnection::establish(&server) {
        Ok(conn) => conn,
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("PostgreSQL at {server} is required under CI=true: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: PostgreSQL at {server} is not reachable ({e}); set CI=true to fail instead");
            return None;
        }
    };
    let name = format!("pravo_test_{}", random_suffix());
    diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).expect("create test database");
    let mut url = url::Url::parse(&server).expect("TEST_POSTGRES_URL");
    url.set_path(&name);
    Some((DatabaseUrl::Postgres(url.to_string()), name))
}

/// Drops a database made by [`create_postgres_database`] (from another thread: the caller may be
/// inside the async runtime).
pub fn drop_postgres_database(name: String) {
    let server = postgres_server_url();
    let _ = std::thread::spawn(move || {
        if let Ok(mut conn) = PgConnection::establish(&server) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
        }
    })
    .join();
}

fn random_suffix() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..16].to_owned()
}

/// The settings every test app starts from: a free port, one worker, the shipped courses.
pub fn test_settings(data_dir: &std::path::Path, database_url: DatabaseUrl) -> Settings {
    Settings {
        data_dir: data_dir.to_path_buf(),
        database_url,
        bind: "127.0.0.1:0".into(),
        base_url: "http://127.0.0.1".into(),
        site_name: "Pravo".into(),
        issuer_name: "Pravo test".into(),
        reminder_days: 14,
        reminder_check_seconds: 3600,
        smtp_url: None,
        mail_from: "noreply@127.0.0.1".into(),
        trust_proxy: false,
        workers: Some(1),
        courses_dir: shipped_courses(),
        mail_retry_seconds: 1,
        mail_retry_max_seconds: 2,
        allow_readable_database: false,
        eml_keep_days: 7,
        session_idle_hours: 12,
        body_timeout_seconds: 30,
        exit_url: pravo::config::DEFAULT_EXIT_URL.into(),
        retain_applications_months: 12,
        retain_drafts_days: 30,
        retain_mail_days: 30,
        inactive_account_months: 0,
        metrics_token: None,
        onion_url: None,
        admin_second_factor_grace_days: 7,
        secret_key_file: None,
    }
}

impl TestApp {
    /// Starts the app; `None` (after a note) if PostgreSQL is wanted but not reachable outside CI.
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with settings adjusted first (an SMTP server, say).
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
        let data_dir = std::env::temp_dir().join(format!("pravo-test-{}", random_suffix()));
        let (database_url, pg_database) = match backend {
            Backend::Sqlite => (DatabaseUrl::Sqlite(data_dir.join("pravo.db").display().to_string()), None),
            Backend::Postgres => {
                let (url, name) = create_postgres_database()?;
                (url, Some(name))
            }
        };
        let mut settings = test_settings(&data_dir, database_url.clone());
        adjust(&mut settings);
        Some(Self::start(settings, pg_database).await)
    }

    /// Starts the app on a database and data folder that already exist (a restored backup, say); a
    /// PostgreSQL database named by `pg_database` is dropped with it.
    pub async fn start(settings: Settings, pg_database: Option<String>) -> TestApp {
        let (database_url, data_dir) = (settings.database_url.clone(), settings.data_dir.clone());
        let app = Application::build(settings).await.expect("application starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        let bootstrap_link = app.bootstrap_link.clone().map(|l| l.replacen("http://127.0.0.1", &base, 1));
        let db = app.db();
        tokio::spawn(app.run_until_stopped());
        TestApp { base, database_url, data_dir, bootstrap_link, db, pg_database }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A second instance of Pravo on the same database (its own data folder, kept while the `TempDir`
    /// lives), as a load balancer would put beside the first: its base URL.
    pub async fn second_instance(&self) -> (String, TempDir) {
        let data = TempDir::new();
        let second =
            Application::build(test_settings(&data.0, self.database_url.clone())).await.expect("a second instance");
        let base = format!("http://127.0.0.1:{}", second.port());
        tokio::spawn(second.run_until_stopped());
        (base, data)
    }

    /// A plain connection to the app's database, for arranging state the HTTP surface has no shortcut for.
    pub fn connection(&self) -> AnyConnection {
        self.database_url.establish().expect("connect to the test database")
    }

    /// An account with a role, made the way `pravo user create --password-stdin` makes it.
    pub fn create_user(&self, handle: &str, role: Role) -> String {
        let handle = Handle::parse(handle).expect("valid handle");
        let hash = password::hash(PASSWORD).expect("hash");
        let mut conn = self.connection();
        accounts::create_user(&mut conn, &handle, role, Some(&hash)).expect("create user").id
    }

    /// An API client holding a token issued elsewhere (by the app a backup was taken from, say).
    pub fn api_with_token(&self, token: Option<String>) -> Api {
        Api { token, ..self.api() }
    }

    /// A fresh API client (no cookies).
    pub fn api(&self) -> Api {
        Api { base: self.base.clone(), client: reqwest::Client::new(), token: None, lang: None }
    }

    /// An account with a role and an API client signed in as it.
    pub async fn signed_in(&self, handle: &str, role: Role) -> (String, Api) {
        let id = self.create_user(handle, role);
        let mut api = self.api();
        let (status, body) = api.post("/auth/token", json!({"handle": handle, "password": PASSWORD})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.token = body["token"].as_str().map(str::to_owned);
        (id, api)
    }

    /// A browser: keeps cookies, does not follow redirects, knows its CSRF token.
    pub async fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let mut browser = Browser { base: self.base.clone(), client, csrf: String::new() };
        browser.get("/").await;
        browser
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
        if let Some(name) = self.pg_database.take() {
            drop_postgres_database(name);
        }
    }
}

pub struct Api {
    base: String,
    pub client: reqwest::Client,
    pub token: Option<String>,
    pub lang: Option<&'static str>,
}

impl Api {
    /// A client for an app at `base` (one started by hand), with a token.
    pub fn at(base: &str, token: Option<String>) -> Api {
        Api { base: base.to_owned(), client: reqwest::Client::new(), token, lang: None }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut req = self.client.request(method, format!("{}/api/v1{path}", self.base));
        if let Some(token) = &self.token {
            req = req.bearer_auth(token);
        }
        if let Some(lang) = self.lang {
            req = req.header("accept-language", lang);
        }
        req
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> (StatusCode, Value) {
        let res = req.send().await.expect("request");
        let status = res.status();
        let text = res.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.request(reqwest::Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.request(reqwest::Method::POST, path).json(&body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.request(reqwest::Method::PATCH, path).json(&body)).await
    }

    pub fn raw(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.request(method, path)
    }
}

pub struct Browser {
    base: String,
    pub client: reqwest::Client,
    pub csrf: String,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    /// The page's visible text, without tags, for asserting what a reader sees.
    pub fn text(&self) -> String {
        scraper::Html::parse_document(&self.body).root_element().text().collect::<Vec<_>>().join(" ")
    }

    pub fn has(&self, selector: &str) -> bool {
        let selector = scraper::Selector::parse(selector).expect("selector");
        scraper::Html::parse_document(&self.body).select(&selector).next().is_some()
    }

    /// An attribute of the first element matching `selector`.
    pub fn attr_of(&self, selector: &str, attribute: &str) -> Option<String> {
        let selector = scraper::Selector::parse(selector).expect("selector");
        let doc = scraper::Html::parse_document(&self.body);
        doc.select(&selector).next().and_then(|e| e.value().attr(attribute)).map(str::to_owned)
    }

    /// The value attribute of the first element matching `selector`.
    pub fn value_of(&self, selector: &str) -> Option<String> {
        let selector = scraper::Selector::parse(selector).expect("selector");
        let doc = scraper::Html::parse_document(&self.body);
        doc.select(&selector).next().and_then(|e| e.value().attr("value")).map(str::to_owned)
    }
}

impl Browser {
    async fn page(&mut self, res: reqwest::Response) -> Page {
        let status = res.status();
        let headers = res.headers().clone();
        let location = headers.get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
        let body = res.text().await.expect("body");
        let page = Page { status, location, headers, body };
        if let Some(token) = page.value_of("input[name=csrf]") {
            self.csrf = token;
        }
        page
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let res = self.client.get(format!("{}{path}", self.base)).send().await.expect("GET");
        self.page(res).await
    }

    /// Submits a form with this browser's CSRF token, as the page's own form would.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        let csrf = self.csrf.clone();
        all.push(("csrf", &csrf));
        let res = self.client.post(format!("{}{path}", self.base)).form(&all).send().await.expect("POST");
        self.page(res).await
    }

    /// Submits a form exactly as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let res = self.client.post(format!("{}{path}", self.base)).form(fields).send().await.expect("POST");
        self.page(res).await
    }

    pub async fn sign_in(&mut self, handle: &str) -> Page {
        self.get("/login").await;
        let page = self.post("/login", &[("handle", handle), ("password", PASSWORD)]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        // As a browser does: follow to the next page, which carries a token for the new CSRF secret.
        self.get(page.location.as_deref().unwrap_or("/")).await;
        page
    }
}

/// A real SMTP server on 127.0.0.1 (mailin-embedded, in its own threads) that keeps what it receives.
pub struct SmtpSink {
    pub port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

#[derive(Clone)]
struct Collect {
    current: Vec<u8>,
    received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl mailin_embedded::Handler for Collect {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, _to: &[String]) -> mailin_embedded::Response {
        self.current.clear();
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> mailin_embedded::Response {
        let message = String::from_utf8_lossy(&self.current).into_owned();
        self.received.lock().unwrap_or_else(|p| p.into_inner()).push(message);
        mailin_embedded::response::OK
    }
}

impl SmtpSink {
    /// Starts on a free port.
    pub fn start() -> SmtpSink {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind SMTP");
        Self::start_with(listener)
    }

    /// Starts on a given port (one that was free: the "server comes back" case).
    pub fn start_on(port: u16) -> SmtpSink {
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).expect("bind SMTP port");
        Self::start_with(listener)
    }

    fn start_with(listener: std::net::TcpListener) -> SmtpSink {
        let port = listener.local_addr().expect("addr").port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut server = mailin_embedded::Server::new(Collect { current: Vec::new(), received: received.clone() });
        server.with_name("smtp.test").with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpSink { port, received }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<String> {
        self.received.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits until at least `n` messages arrived (or `seconds` passed), then returns them all.
    pub async fn wait_for(&self, n: usize, seconds: u64) -> Vec<String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while self.messages().len() < n && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.messages()
    }
}

/// A free port on 127.0.0.1 with nothing listening (for "the SMTP server is down").
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// The decoded text of a received message: its (possibly encoded) subject and its base64 body.
pub fn decode_mail(raw: &str) -> (String, String) {
    use base64::Engine;
    let (head, rest) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let subject = head
        .lines()
        .find_map(|l| l.strip_prefix("Subject: "))
        .map(|s| {
            if !s.contains("=?") {
                return s.to_owned();
            }
            // RFC 2047: the space between two encoded words is not part of the text; any other is.
            let mut out = String::new();
            let mut previous_encoded = false;
            for w in s.split_whitespace() {
                let inner = w
                    .strip_prefix("=?utf-8?b?")
                    .or_else(|| w.strip_prefix("=?UTF-8?B?"))
                    .and_then(|x| x.strip_suffix("?="));
                let decoded = inner
                    .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                    .map(|b| String::from_utf8_lossy(&b).into_owned());
                let joins_encoded_words = previous_encoded && decoded.is_some();
                if !out.is_empty() && !joins_encoded_words {
                    out.push(' ');
                }
                previous_encoded = decoded.is_some();
                out.push_str(&decoded.unwrap_or_else(|| w.to_owned()));
            }
            out
        })
        .unwrap_or_default();
    let body: String = rest.lines().filter(|l| !l.starts_with("--") && !l.contains(':')).collect::<Vec<_>>().join("");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body.trim().trim_end_matches('.'))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or(body);
    (subject, decoded)
}

/// A header's value in a raw message.
pub fn header(raw: &str, name: &str) -> Option<String> {
    raw.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
}

/// Polls the requests together, so that reqwest sends them concurrently.
pub async fn join_all<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut results: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if results[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => results[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
    })
    .await;
    results.into_iter().flatten().collect()
}
