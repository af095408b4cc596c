//! The scholar's journey in a real browser: Debian's Chromium, driven by playwright-core from npm
//! (tests/browser/journeys.mjs), against the real application on SQLite with the shipped courses and a
//! short course with a table and a timed quiz (tests/browser/courses/journey). axe-core checks every page
//! visited, with JavaScript on and off, at 360 and 1280 px; a last run reaches the site under its onion
//! name with JavaScript off, as Tor Browser's "Safest" mode would, and finds no link away from it. Without node, the npm packages
//! (`npm ci --prefix tests/browser`) or Chromium, the suite says SKIPPED; under CI=true it fails.
//! `SHOTS=/some/folder cargo test browser` keeps a screenshot of every page.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::helpers::{Backend, TempDir, TestApp, copy_tree, shipped_courses};

/// The onion name the journey's last run reaches the site under (Chromium maps it to the app).
const ONION_HOST: &str = "pravojourneyonionaddressstandinforatorbrowserrunintests2345.onion";

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CHROMIUM").map(PathBuf::from);
    named.into_iter().chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from)).find(|p| p.exists())
}

/// What the browser suite needs, or why it cannot run (SKIPPED outside CI, a failure under CI=true).
fn tools() -> Option<PathBuf> {
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    let packages = browser_dir().join("node_modules/playwright-core").exists()
        && browser_dir().join("node_modules/axe-core").exists();
    let missing = match (node, packages, chromium()) {
        (false, _, _) => "node is not installed",
        (_, false, _) => "the npm packages are not installed (npm ci --prefix tests/browser)",
        (_, _, None) => "Chromium is not installed (apt install chromium)",
        (true, true, Some(path)) => return Some(path),
    };
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("the browser tests need what is missing under CI=true: {missing}");
    }
    eprintln!("SKIPPED: {missing}; set CI=true to fail instead");
    None
}

#[tokio::test]
async fn the_scholars_journey_in_a_real_browser() {
    let Some(chromium) = tools() else { return };
    let courses = TempDir::new();
    copy_tree(&shipped_courses(), &courses.0);
    copy_tree(&browser_dir().join("courses"), &courses.0);
    let dir = courses.0.clone();
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.courses_dir = dir;
        s.workers = Some(2);
        s.onion_url = Some(format!("http://{ONION_HOST}"));
    })
    .await
    else {
        return;
    };
    app.create_user("j-admin", pravo::accounts::model::Role::Admin);
    app.create_user("j-trainer", pravo::accounts::model::Role::Trainer);
    let base = app.base.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg("journeys.mjs")
            .current_dir(browser_dir())
            .env("PRAVO_URL", base)
            .env("CHROMIUM", chromium)
            .env("ONION_HOST", ONION_HOST)
            .env("ADMIN_HANDLE", "j-admin")
            .env("TRAINER_HANDLE", "j-trainer")
            .output()
    })
    .await
    .expect("the browser run finishes")
    .expect("node starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(out.status.success(), "the browser journey failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("ok course-after"), "every run reached its end:\n{stdout}");
    assert!(stdout.contains("ok applying"), "the applying run reached its end:\n{stdout}");
    assert!(stdout.contains("ok staff"), "the staff run reached its end:\n{stdout}");
}
