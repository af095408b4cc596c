//! Course folders: import validation with file and line, idempotency, the exact round trip, progress kept
//! across a re-import, and the XSS corpus through the importer.

use std::path::Path;

use pravo::accounts::model::Role;
use pravo::course_files::import;
use reqwest::StatusCode;
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TempDir, TestApp, copy_tree, shipped_courses};
use crate::xss;

both!(
    the_shipped_course_is_there_in_three_languages,
    each_import_error_names_the_file_and_the_line,
    importing_twice_changes_nothing,
    exporting_a_fresh_import_gives_the_shipped_bytes,
    a_reimport_makes_new_revisions_and_keeps_progress,
    the_xss_corpus_through_the_importer_renders_safely,
);

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

const GOOD_TOML: &str =
    "open = true\npublished = true\ncompletion = \"all_modules\"\n\n[texts.en]\ntitle = \"T\"\nsummary = \"S\"\n";

fn module(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nminutes = 5\n+++\n\n{body}\n")
}

async fn the_shipped_course_is_there_in_three_languages(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut api = app.api();
    let mut titles = Vec::new();
    for lang in ["en", "ru", "uk"] {
        api.lang = Some(lang);
        let (status, body) = api.get("/courses").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["items"].as_array().map(Vec::len), Some(3), "three shipped courses");
        let course = body["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["slug"] == "human-rights-monitoring")
            .cloned()
            .unwrap_or_default();
        assert_eq!(course["slug"], "human-rights-monitoring");
        assert_eq!(course["module_count"], 6);
        assert_eq!(course["language"], lang);
        titles.push(course["title"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(titles[1], "Мониторинг и документирование нарушений прав человека");
    assert_eq!(titles[2], "Моніторинг і документування порушень прав людини");
    let (_, course) = api.get("/courses/human-rights-monitoring").await;
    let modules: Vec<&str> =
        course["modules"].as_array().expect("modules").iter().filter_map(|m| m["slug"].as_str()).collect();
    assert_eq!(
        modules,
        [
            "monitoring-principles",
            "documenting-a-case",
            "structural-barriers",
            "safety-and-data-security",
            "monitors-toolkit",
            "glossary"
        ]
    );
    assert_eq!(reqwest::get(app.url("/healthz")).await.expect("healthz").status(), StatusCode::OK);
}

async fn each_import_error_names_the_file_and_the_line(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let root = TempDir::new();
    let r = &root.0;
    // One good course beside the broken ones: it imports; the broken ones import nothing.
    write(r, "good/course.toml", GOOD_TOML);
    write(r, "good/01-intro.en.md", &module("Intro", "Hello."));
    // (folder, files in it, file the error names, line, words in the message)
    type Case<'a> = (&'a str, Vec<(&'a str, String)>, &'a str, Option<usize>, &'a str);
    let cases: Vec<Case> = vec![
        ("syntax", vec![("course.toml", "open = true\npublished = \n".into())], "course.toml", Some(2), ""),
        ("unknown-key", vec![("course.toml", format!("{GOOD_TOML}colour = 1\n"))], "course.toml", Some(8), "colour"),
        (
            "no-english",
            vec![("course.toml", "open = true\n\n[texts.ru]\ntitle = \"Т\"\nsummary = \"\"\n".into())],
            "course.toml",
            None,
            "[texts.en]",
        ),
        (
            "bad-lang",
            vec![("course.toml", format!("{GOOD_TOML}\n[texts.de]\ntitle = \"D\"\nsummary = \"\"\n"))],
            "course.toml",
            Some(9),
            "unknown language",
        ),
        (
            "bad-name",
            vec![("course.toml", GOOD_TOML.into()), ("intro.md", module("X", "x"))],
            "intro.md",
            None,
            "NN-<module-slug>",
        ),
        (
            "no-front",
            vec![("course.toml", GOOD_TOML.into()), ("01-a.en.md", "Just text\n".into())],
            "01-a.en.md",
            Some(1),
            "starts with +++",
        ),
        (
            "front-syntax",
            vec![
                ("course.toml", GOOD_TOML.into()),
                ("01-a.en.md", "+++\ntitle = \"A\"\nminutes = five\n+++\n\nx\n".into()),
            ],
            "01-a.en.md",
            Some(3),
            "",
        ),
        (
            "empty-title",
            vec![("course.toml", GOOD_TOML.into()), ("01-a.en.md", "+++\ntitle = \" \"\n+++\n\nx\n".into())],
            "01-a.en.md",
            Some(2),
            "title",
        ),
        (
            "no-english-module",
            vec![("course.toml", GOOD_TOML.into()), ("01-a.ru.md", module("А", "x"))],
            "01-a.en.md",
            None,
            "English version",
        ),
        (
            "minutes-differ",
            vec![
                ("course.toml", GOOD_TOML.into()),
                ("01-a.en.md", module("A", "x")),
                ("01-a.ru.md", "+++\ntitle = \"А\"\nminutes = 7\n+++\n\nx\n".into()),
            ],
            "01-a.ru.md",
            Some(2),
            "minutes differ",
        ),
        (
            "missing-image",
            vec![("course.toml", GOOD_TOML.into()), ("01-a.en.md", module("A", "Intro.\n\n![map](media/map.png)"))],
            "01-a.en.md",
            Some(8),
            "media/map.png",
        ),
        (
            "two-prefixes",
            vec![("course.toml", GOOD_TOML.into()), ("01-a.en.md", module("A", "x")), ("01-b.en.md", module("B", "y"))],
            "01-b.en.md",
            None,
            "already used",
        ),
        ("Bad_Folder", vec![("course.toml", GOOD_TOML.into())], "Bad_Folder", None, "slug"),
    ];
    for (folder, files, _, _, _) in &cases {
        for (name, text) in files {
            write(&r.join(folder), name, text);
        }
    }
    let mut conn = app.connection();
    let report = import::import_root(&mut conn, r, |_, _, _| {}).expect("import runs");
    for (folder, _, file, line, words) in &cases {
        let expected_file = if *file == *folder { folder.to_string() } else { format!("{folder}/{file}") };
        let found = report.errors.iter().find(|e| e.file == expected_file);
        let error = found.unwrap_or_else(|| panic!("no error for {expected_file}: {:#?}", report.errors));
        assert_eq!(error.line, *line, "{error}");
        assert!(error.message.contains(words), "{error}");
    }
    assert_eq!(report.courses_created, 1, "only the good course imports");
    let (_, list) = app.api().get("/courses").await;
    let slugs: Vec<&str> = list["items"].as_array().expect("items").iter().filter_map(|c| c["slug"].as_str()).collect();
    assert!(slugs.contains(&"good") && !slugs.contains(&"syntax") && !slugs.contains(&"no-front"), "{slugs:?}");

    // The command line says the same, one problem per line, and fails.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pravo"))
        .args(["courses", "import"])
        .arg(r)
        .env("DATABASE_URL", database_url(&app))
        .env("PRAVO_DATA_DIR", &app.data_dir)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("syntax/course.toml:2:") && stderr.contains("missing-image/01-a.en.md:8:"), "{stderr}");
}

pub fn database_url(app: &TestApp) -> String {
    match &app.database_url {
        pravo::db::DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        pravo::db::DatabaseUrl::Postgres(url) => url.clone(),
    }
}

async fn importing_twice_changes_nothing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let mut conn = app.connection();
    let report = import::import_root(&mut conn, &shipped_courses(), |_, _, _| {}).expect("import");
    assert_eq!(report.courses_unchanged, 3, "{report:?}");
    assert_eq!(report.revisions_added, 0);
    let (admin_id, admin) = app.signed_in("chief", Role::Admin).await;
    let _ = admin_id;
    let (_, revisions) = admin.get("/courses/human-rights-monitoring/modules/monitoring-principles/revisions").await;
    assert_eq!(revisions["items"].as_array().map(Vec::len), Some(3), "one revision per language: {revisions}");
}

async fn exporting_a_fresh_import_gives_the_shipped_bytes(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let out = TempDir::new();
    let mut conn = app.connection();
    import::export_all(&mut conn, &out.0).expect("export");
    let shipped = shipped_courses();
    let mut compared = 0;
    for dir in pravo::course_files::files::course_dirs(&shipped).expect("dirs") {
        let name = dir.file_name().expect("name").to_owned();
        let mut files: Vec<_> = walk(&dir);
        files.sort();
        let mut exported: Vec<_> = walk(&out.0.join(&name));
        exported.sort();
        assert_eq!(
            files.iter().map(|p| p.strip_prefix(&dir).ok()).collect::<Vec<_>>(),
            exported.iter().map(|p| p.strip_prefix(out.0.join(&name)).ok()).collect::<Vec<_>>()
        );
        for (a, b) in files.iter().zip(&exported) {
            assert!(std::fs::read(a).ok() == std::fs::read(b).ok(), "{} differs from its export", a.display());
            compared += 1;
        }
    }
    assert!(compared >= 13, "course.toml and 12 module files at least");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read").flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

async fn a_reimport_makes_new_revisions_and_keeps_progress(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, scholar) = app.signed_in("reader", Role::Scholar).await;
    scholar.post("/courses/human-rights-monitoring/enrol", json!({})).await;
    let (status, done) =
        scholar.post("/courses/human-rights-monitoring/modules/monitoring-principles/complete", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(done["progress_percent"], 9, "one step of eleven: six modules and five quizzes");
    let (_, before) = scholar.get("/courses/human-rights-monitoring/modules/monitoring-principles").await;

    let copy = TempDir::new();
    copy_tree(&shipped_courses(), &copy.0);
    let file = copy.0.join("human-rights-monitoring/01-monitoring-principles.en.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("+++\n\n", "+++\n\nA sentence added in review.\n\n", 1)).expect("write");
    let mut conn = app.connection();
    let report = import::import_root(&mut conn, &copy.0, |_, _, _| {}).expect("import");
    assert_eq!((report.courses_updated, report.revisions_added), (1, 1), "{report:?}");

    let (_, after) = scholar.get("/courses/human-rights-monitoring/modules/monitoring-principles").await;
    assert!(after["revision"].as_i64() > before["revision"].as_i64());
    assert!(after["html"].as_str().unwrap_or_default().contains("A sentence added in review."));
    assert_eq!(after["completed"], true, "progress survives the new revision");
    let (_, course) = scholar.get("/courses/human-rights-monitoring").await;
    // One step of eleven: six modules and five required quizzes.
    assert_eq!(course["progress_percent"], 9);

    // A module removed from the folder is archived: gone from the course, progress kept in the database.
    for lang in ["en", "ru", "uk"] {
        for ext in ["md", "gift"] {
            let name = format!("human-rights-monitoring/01-monitoring-principles.{lang}.{ext}");
            std::fs::remove_file(copy.0.join(name)).expect("rm");
        }
    }
    let report = import::import_root(&mut conn, &copy.0, |_, _, _| {}).expect("import");
    assert_eq!(report.modules_archived, 1);
    let (_, course) = scholar.get("/courses/human-rights-monitoring").await;
    assert_eq!(course["modules"].as_array().map(Vec::len), Some(5));
}

async fn the_xss_corpus_through_the_importer_renders_safely(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let root = TempDir::new();
    let dir = root.0.join("xss-corpus");
    write(&dir, "course.toml", GOOD_TOML);
    for (i, payload) in xss::PAYLOADS.iter().enumerate() {
        write(
            &dir,
            &format!("{:02}-p{:02}.en.md", i + 1, i + 1),
            &module("Payload", &format!("Before.\n\n{payload}\n\nAfter.")),
        );
    }
    let mut conn = app.connection();
    let report = import::import_root(&mut conn, &root.0, |_, _, _| {}).expect("import");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let (_, admin) = app.signed_in("chief", Role::Admin).await;
    for i in 1..=xss::PAYLOADS.len() {
        let (status, body) = admin.get(&format!("/courses/xss-corpus/modules/p{i:02}")).await;
        assert_eq!(status, StatusCode::OK);
        let html = body["html"].as_str().unwrap_or_default();
        xss::assert_safe(html, xss::PAYLOADS[i - 1]);
        assert!(html.contains("Before.") && html.contains("After."), "the text around a payload stays: {html}");
    }
}
