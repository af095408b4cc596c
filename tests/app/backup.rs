//! Backups that restore: a backup taken while scholars keep writing passes its check and restores; a quiet
//! one restores into a fresh database with every row equal and the same keys (a token issued before still
//! works); SQLite moves to PostgreSQL and back through backup and restore; a restore never overwrites a
//! database or a data folder that holds anything, and a damaged backup is refused before anything is kept.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pravo::accounts::model::Role;
use pravo::db::DatabaseUrl;
use pravo::db::backup::portable_rows;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::both;
use crate::helpers::{Backend, TempDir, TestApp, create_postgres_database, drop_postgres_database, test_settings};
use crate::scholarships::person;

both!(a_backup_taken_under_writes_checks_out_and_restores_every_row, a_restore_overwrites_nothing_and_refuses_damage);

fn url_of(db: &DatabaseUrl) -> String {
    match db {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

fn pravo(db: &DatabaseUrl, data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pravo"))
        .args(args)
        .env("DATABASE_URL", url_of(db))
        .env("PRAVO_DATA_DIR", data_dir)
        .output()
        .unwrap_or_else(|e| panic!("run pravo: {e}"))
}

fn ok(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "pravo failed: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "pravo should have refused: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every table's rows in a form that compares across backends (rows sorted, since the two order text keys
/// by different collations).
fn rows(db: &DatabaseUrl) -> Vec<(String, Vec<String>)> {
    let mut conn = db.establish().unwrap_or_else(|e| panic!("{e}"));
    portable_rows(&mut conn)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .into_iter()
        .map(|(table, rows)| {
            let mut rows: Vec<String> = rows.iter().map(|r| Value::Array(r.clone()).to_string()).collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// A fresh, empty database of the given kind in `dir` (SQLite) or on the server (PostgreSQL, with its name).
fn empty_database(backend: Backend, dir: &Path) -> (DatabaseUrl, Option<String>) {
    match backend {
        Backend::Sqlite => (DatabaseUrl::Sqlite(dir.join("pravo.db").display().to_string()), None),
        Backend::Postgres => {
            let (url, name) = create_postgres_database().unwrap_or_else(|| panic!("PostgreSQL is needed"));
            (url, Some(name))
        }
    }
}

/// A scholar with an email who took a quiz with an essay, earned a certificate and applied to a programme;
/// her mail waits in the data folder. Returns her token.
async fn populate(app: &TestApp) -> Option<String> {
    crate::scholarships::track_course(app).await;
    let quiz = crate::privacy::quiz_course(app).await;
    let (_, admin) = app.signed_in("chief-b", Role::Admin).await;
    let (_, her) = person(app, "backup-scholar", Some("scholar@example.org"), "uk").await;
    her.post("/courses/pc/enrol", json!({})).await;
    let (_, attempt) = her.post(&format!("/quizzes/{quiz}/attempts"), json!({})).await;
    let attempt = attempt["id"].as_str().unwrap_or_default().to_owned();
    for (q, a) in [("e", json!("Because the record must be kept.")), ("t", json!(true))] {
        let put = her.raw(Method::PUT, &format!("/attempts/{attempt}/answers/{q}")).json(&json!({"answer": a}));
        assert!(her.send(put).await.0.is_success());
    }
    let (_, result) = her.post(&format!("/attempts/{attempt}/submit"), json!({})).await;
    assert_eq!(result["passed"], true, "{result}");
    let (_, done) = her.post("/courses/pc/modules/m1/complete", json!({})).await;
    assert_eq!(done["course_completed"], true, "{done}");
    let (_, created) = admin.post("/programmes", crate::scholarships::programme_body(-1, 48)).await;
    let pid = created["id"].as_str().unwrap_or_default().to_owned();
    crate::scholarships::apply(&her, &pid, "UA").await;
    // The certificate is issued and its email written out by the workers.
    for _ in 0..200 {
        let (_, certs) = her.get("/me/certificates").await;
        let mail = app.data_dir.join("mail").read_dir().map(|d| d.count()).unwrap_or(0);
        if certs["items"][0]["code"].is_string() && mail > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    her.token.clone()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or_default()
}

fn users_in_backup(file: &Path) -> u64 {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    archive.by_name("manifest.json").unwrap_or_else(|e| panic!("{e}")).read_to_string(&mut text).ok();
    let manifest: Value = serde_json::from_str(&text).unwrap_or_default();
    manifest["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|t| t["name"] == "users")
        .and_then(|t| t["rows"].as_u64())
        .unwrap_or(0)
}

fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if !path.to_string_lossy().contains("pravo.db") {
                found.push((
                    path.strip_prefix(dir).unwrap_or(&path).to_path_buf(),
                    std::fs::read(&path).unwrap_or_default(),
                ));
            }
        }
    }
    found.sort();
    found
}

async fn a_backup_taken_under_writes_checks_out_and_restores_every_row(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let token = populate(&app).await;
    let files = TempDir::new();

    // Accounts keep being created, one transaction each, for as long as the backup runs.
    let before = rows(&app.database_url).iter().find(|(t, _)| t == "users").map(|(_, r)| r.len()).unwrap_or(0) as u64;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (writer_url, writer_done) = (app.database_url.clone(), done.clone());
    let writes = std::thread::spawn(move || {
        let mut conn = writer_url.establish().unwrap_or_else(|e| panic!("{e}"));
        let mut n = 0u64;
        while n < 5 || !writer_done.load(std::sync::atomic::Ordering::SeqCst) {
            let handle =
                pravo::accounts::model::Handle::parse(&format!("load-{n}")).unwrap_or_else(|e| panic!("{e:?}"));
            pravo::accounts::create_user(&mut conn, &handle, Role::Scholar, Some("not-a-real-hash"))
                .unwrap_or_else(|e| panic!("{e:?}"));
            n += 1;
        }
        n
    });
    let under_load = files.0.join("under-load.zip");
    let out = pravo(&app.database_url, &app.data_dir, &["backup", under_load.to_str().unwrap_or_default()]);
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    ok(&out);
    let written = writes.join().unwrap_or_else(|_| panic!("the writer failed"));
    assert_eq!(mode(&under_load), 0o600, "a backup holds the keys and everyone's data");
    let in_backup = users_in_backup(&under_load);
    assert!((before..=before + written).contains(&in_backup), "{before} ≤ {in_backup} ≤ {before} + {written}");
    let checked =
        ok(&pravo(&app.database_url, &app.data_dir, &["backup", "--verify", under_load.to_str().unwrap_or_default()]));
    assert!(checked.contains("is sound"), "{checked}");

    // Once the writes are done, a backup restores into a fresh database with every row and file equal.
    let quiet = files.0.join("quiet.zip");
    ok(&pravo(&app.database_url, &app.data_dir, &["backup", quiet.to_str().unwrap_or_default()]));
    let target_dir = TempDir::new();
    let (target, pg_name) = empty_database(backend, &target_dir.0);
    let restored = ok(&pravo(&target, &target_dir.0, &["restore", quiet.to_str().unwrap_or_default()]));
    assert!(restored.contains("Restored"), "{restored}");
    assert_eq!(rows(&target), rows(&app.database_url), "every table restores with the same rows");
    let source_files = files_under(&app.data_dir);
    assert!(!source_files.is_empty(), "the data folder holds outgoing mail");
    assert_eq!(files_under(&target_dir.0), source_files);

    // The restored site runs with the same keys: her token from before the backup still works.
    let restored_app = TestApp::start(test_settings(&target_dir.0, target.clone()), pg_name).await;
    let (status, me) = restored_app.api_with_token(token).get("/me").await;
    assert_eq!((status, me["handle"].as_str()), (StatusCode::OK, Some("backup-scholar")), "{me}");
    let audit = pravo(&target, &target_dir.0, &["audit", "verify"]);
    assert!(ok(&audit).contains("intact"));
}

async fn a_restore_overwrites_nothing_and_refuses_damage(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    populate(&app).await;
    let files = TempDir::new();
    let backup = files.0.join("pravo.zip");
    ok(&pravo(&app.database_url, &app.data_dir, &["backup", backup.to_str().unwrap_or_default()]));

    // Not into the database it came from, nor into an empty database with a data folder that holds a file.
    let message = refused(&pravo(&app.database_url, &app.data_dir, &["restore", backup.to_str().unwrap_or_default()]));
    assert!(message.contains("not empty"), "{message}");
    let target_dir = TempDir::new();
    let (target, pg_name) = empty_database(backend, &target_dir.0);
    std::fs::write(target_dir.0.join("notes.txt"), "mine").unwrap_or_else(|e| panic!("{e}"));
    let message = refused(&pravo(&target, &target_dir.0, &["restore", backup.to_str().unwrap_or_default()]));
    assert!(message.contains("data folder") && message.contains("notes.txt"), "{message}");
    std::fs::remove_file(target_dir.0.join("notes.txt")).ok();

    // A backup with one row changed is refused by the check and by a restore, which keeps nothing.
    let damaged = files.0.join("damaged.zip");
    rewrite_one_row(&backup, &damaged);
    let message = refused(&pravo(
        &app.database_url,
        &app.data_dir,
        &["backup", "--verify", damaged.to_str().unwrap_or_default()],
    ));
    assert!(message.contains("damaged"), "{message}");
    let message = refused(&pravo(&target, &target_dir.0, &["restore", damaged.to_str().unwrap_or_default()]));
    assert!(message.contains("damaged"), "{message}");
    assert!(rows(&target).iter().all(|(_, r)| r.is_empty()), "a failed restore keeps no row");
    // The same database then takes the sound backup.
    ok(&pravo(&target, &target_dir.0, &["restore", backup.to_str().unwrap_or_default()]));
    assert_eq!(rows(&target), rows(&app.database_url));
    if let Some(name) = pg_name {
        drop_postgres_database(name);
    }
}

/// Copies a backup, changing one character in the users table (its manifest left as it was).
fn rewrite_one_row(from: &Path, to: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap_or_else(|e| panic!("{e}")));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        let name = entry.name().map(|n| n.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
        if name == "tables/users.jsonl" {
            let text = String::from_utf8(bytes).unwrap_or_default().replacen("backup-scholar", "backup-scholaR", 1);
            bytes = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        out.write_all(&bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    out.finish().unwrap_or_else(|e| panic!("{e}"));
}

/// SQLite to PostgreSQL and back, each a backup on one and a restore on the other, keep every table's rows;
/// the site then runs on PostgreSQL with the old keys.
#[tokio::test]
async fn sqlite_moves_to_postgresql_and_back_through_backup_and_restore() {
    let Some(app) = TestApp::spawn(Backend::Sqlite).await else { return };
    let token = populate(&app).await;
    let files = TempDir::new();
    let from_sqlite = files.0.join("from-sqlite.zip");
    ok(&pravo(&app.database_url, &app.data_dir, &["backup", from_sqlite.to_str().unwrap_or_default()]));

    let pg_dir = TempDir::new();
    let (pg, pg_name) = empty_database(Backend::Postgres, &pg_dir.0);
    ok(&pravo(&pg, &pg_dir.0, &["restore", from_sqlite.to_str().unwrap_or_default()]));
    let original = rows(&app.database_url);
    assert!(original.iter().map(|(_, r)| r.len()).sum::<usize>() > 100, "a populated database");
    assert_eq!(rows(&pg), original, "every table's rows arrive in PostgreSQL");
    ok(&pravo(&pg, &pg_dir.0, &["audit", "verify"]));

    let from_pg = files.0.join("from-postgres.zip");
    ok(&pravo(&pg, &pg_dir.0, &["backup", from_pg.to_str().unwrap_or_default()]));
    let back_dir = TempDir::new();
    let back = DatabaseUrl::Sqlite(back_dir.0.join("pravo.db").display().to_string());
    ok(&pravo(&back, &back_dir.0, &["restore", from_pg.to_str().unwrap_or_default()]));
    assert_eq!(rows(&back), original, "and back into SQLite");

    let on_pg = TestApp::start(test_settings(&pg_dir.0, pg), pg_name).await;
    let (status, me) = on_pg.api_with_token(token).get("/me").await;
    assert_eq!((status, me["handle"].as_str()), (StatusCode::OK, Some("backup-scholar")), "{me}");
    // New rows get new ids after the restore: registering writes recovery codes and an audit entry, whose
    // PostgreSQL sequences were moved past the restored rows.
    person(&on_pg, "after-restore", None, "en").await;
    ok(&pravo(&on_pg.database_url, &on_pg.data_dir, &["audit", "verify"]));
}
