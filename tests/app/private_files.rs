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

both!(every_file_pravo_writes_is_for_its_user_alone, outgoing_mail_files_are_deleted_after_their_keeping_time);

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
