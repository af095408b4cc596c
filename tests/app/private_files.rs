//! Files only Pravo can read. The attack: another account on the same host read `pravo.db` (0644 in a
//! 0755 folder), took the session signing key from the `secrets` table and signed a session for the
//! administrator. These tests check that every file Pravo creates is 0600 in 0700 folders, that an old
//! open folder is tightened, that an open database stops the start, and that outgoing .eml files go.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use pravo::app::Application;
use pravo::db::DatabaseUrl;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, PASSWORD, TempDir, TestApp, test_settings};

both!(
    every_file_pravo_writes_is_for_its_user_alone,
    outgoing_mail_files_are_deleted_after_their_keeping_time,
    a_copied_database_alone_forges_nothing_once_its_keys_are_wrapped,
);

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

async fn eml_files(dir: &Path, at_least: usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for _ in 0..50 {
        files = std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        if files.len() >= at_least {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    files
}

async fn every_file_pravo_writes_is_for_its_user_alone(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let api = app.api();
    let (status, _) =
        api.post("/auth/register", json!({"handle": "kept", "password": PASSWORD, "email": "k@example.org"})).await;
    assert!(status.is_success());
    api.post("/auth/reset-request", json!({"handle": "kept"})).await;
    let files = eml_files(&app.data_dir.join("mail"), 1).await;
    assert_eq!(files.len(), 1, "the reset link was written as an .eml file");

    assert_eq!(mode(&app.data_dir), 0o700, "the data folder");
    assert_eq!(mode(&app.data_dir.join("mail")), 0o700, "the mail folder");
    assert_eq!(mode(&files[0]), 0o600, "an .eml file holds a reset link");
    if let DatabaseUrl::Sqlite(path) = &app.database_url {
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{path}{suffix}"));
            assert!(file.exists(), "{} exists in WAL mode", file.display());
            assert_eq!(mode(&file), 0o600, "{} holds the signing keys", file.display());
        }
    }
}

async fn outgoing_mail_files_are_deleted_after_their_keeping_time(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        let mail = settings.data_dir.join("mail");
        std::fs::create_dir_all(&mail).expect("mkdir");
        let old = mail.join("old.eml");
        std::fs::write(&old, "To: someone@example.org\r\n\r\nan old reset link").expect("write");
        let file = std::fs::File::options().write(true).open(&old).expect("open");
        file.set_modified(std::time::SystemTime::now() - Duration::from_secs(8 * 86_400)).expect("age it");
        std::fs::write(mail.join("recent.eml"), "To: someone@example.org\r\n\r\nrecent").expect("write");
    })
    .await
    else {
        return;
    };
    let mail = app.data_dir.join("mail");
    for _ in 0..50 {
        if !mail.join("old.eml").exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!mail.join("old.eml").exists(), "a week-old .eml file is deleted by the mail worker");
    assert!(mail.join("recent.eml").exists(), "a recent one is kept for the operator");
}

#[tokio::test]
async fn an_open_data_folder_is_tightened_and_an_open_database_stops_the_start() {
    let dir = TempDir::new();
    let data = dir.0.join("data");
    std::fs::create_dir(&data).expect("mkdir");
    let db = data.join("pravo.db");
    std::fs::write(&db, b"").expect("an empty database file, as an older version left it");
    std::fs::write(data.join("notes.txt"), b"left by an older version").expect("write");
    chmod(&data, 0o755);
    chmod(&db, 0o644);
    chmod(&data.join("notes.txt"), 0o644);
    let url = DatabaseUrl::Sqlite(db.display().to_string());

    let refused = Application::build(test_settings(&data, url.clone())).await;
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("chmod 600"), "the start is refused with the fix: {message}");
    assert_eq!(mode(&data), 0o700, "the folder was tightened on the way");
    assert_eq!(mode(&data.join("notes.txt")), 0o600);
    assert_eq!(mode(&db), 0o644, "the database file is the operator's decision");

    let mut allowed = test_settings(&data, url.clone());
    allowed.allow_readable_database = true;
    let app = Application::build(allowed).await;
    assert!(app.is_ok(), "PRAVO_ALLOW_READABLE_DATABASE starts it anyway");
    drop(app);

    chmod(&db, 0o600);
    for suffix in ["-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", db.display()));
        if file.exists() {
            chmod(&file, 0o600);
        }
    }
    let app = Application::build(test_settings(&data, url)).await;
    assert!(app.is_ok(), "a private database starts: {:?}", app.err().map(|e| e.to_string()));
}

/// What someone holding a copy of the database (a backup, a dump, a seized disk) does with `token_key`:
/// signs a set-password link for the administrator and chooses her password.
async fn forge_admin_takeover(app: &TestApp, admin_id: &str) -> bool {
    use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
    use pravo::auth::tokens::{TokenKind, Tokens};
    use pravo::db::schema::secrets;
    let mut conn = app.connection();
    let stored: String = secrets::table
        .filter(secrets::name.eq("token_key"))
        .select(secrets::value)
        .first(&mut conn)
        .unwrap_or_else(|e| panic!("{e}"));
    // Whatever the value holds, the attacker takes its bytes as the key.
    let bytes = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::STANDARD;
        engine.decode(stored.trim_start_matches("wrapped-v1:")).unwrap_or_else(|e| panic!("{e}"))
    };
    let Ok(tokens) = Tokens::new(&bytes) else { return false };
    let Ok(forged) = tokens.issue(TokenKind::SetPassword, admin_id) else { return false };
    let mut browser = app.browser().await;
    let page = browser.get(&format!("/set-password?token={}", forged.token)).await;
    page.status == reqwest::StatusCode::OK
}

/// Without a key file, a copy of the database is enough to take over the administrator: the attack works.
/// With PRAVO_SECRET_KEY_FILE the stored keys are wrapped and the same copy forges nothing; keys stored
/// plainly before are wrapped at start (old sessions stay valid); a wrapped database without its key file,
/// or with another one, does not start.
async fn a_copied_database_alone_forges_nothing_once_its_keys_are_wrapped(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let admin_id = app.create_user("wrapped-chief", pravo::accounts::model::Role::Admin);
    assert!(forge_admin_takeover(&app, &admin_id).await, "the attack works on plainly stored keys");
    let (_, before) = app.signed_in("wrapped-scholar", pravo::accounts::model::Role::Scholar).await;

    let keys = TempDir::new();
    let key_file = keys.0.join("secret.key");
    std::fs::write(&key_file, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n")
        .unwrap_or_else(|e| panic!("{e}"));
    chmod(&key_file, 0o644);
    let settings = |file: Option<&Path>| {
        let mut s = test_settings(&app.data_dir, app.database_url.clone());
        s.secret_key_file = file.map(Path::to_path_buf);
        s
    };
    let refused = Application::build(settings(Some(&key_file))).await.err().map(|e| format!("{e:?}"));
    assert!(refused.is_some_and(|e| e.contains("chmod 600")), "a key file others can read is refused");
    chmod(&key_file, 0o600);
    let wrapped = Application::build(settings(Some(&key_file))).await.unwrap_or_else(|e| panic!("{e:?}"));
    let base = format!("http://127.0.0.1:{}", wrapped.port());
    tokio::spawn(wrapped.run_until_stopped());
    let (status, _) = crate::helpers::Api::at(&base, before.token.clone()).get("/me").await;
    assert_eq!(status, reqwest::StatusCode::OK, "the same keys, now wrapped: her session goes on");
    assert!(!forge_admin_takeover(&app, &admin_id).await, "a copy of the database alone forges nothing");

    let refused = Application::build(settings(None)).await.err().map(|e| format!("{e:?}"));
    assert!(refused.is_some_and(|e| e.contains("PRAVO_SECRET_KEY_FILE")), "no start without the key file");
    let other = keys.0.join("other.key");
    std::fs::write(&other, "0000000000000000000000000000000000000000000000000000000000000001")
        .unwrap_or_else(|e| panic!("{e}"));
    chmod(&other, 0o600);
    let refused = Application::build(settings(Some(&other))).await.err().map(|e| format!("{e:?}"));
    assert!(refused.is_some_and(|e| e.contains("does not open")), "nor with another key file");
}
