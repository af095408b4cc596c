//! Hostile content defused (issue "Account safety", item 7), each test written as the attack it stops:
//! deep nesting that cost minutes to render, an image path that climbs out of the course's media, and a
//! course folder whose media is a symbolic link to a secret or a device.

#![cfg(unix)]

use std::path::Path;
use std::time::{Duration, Instant};

use pravo::accounts::model::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::both;
use crate::helpers::{Backend, TempDir, TestApp};

both!(
    deeply_nested_text_is_refused_before_rendering,
    an_image_path_cannot_climb_out_of_the_course_media,
    course_folders_may_not_reach_outside_themselves,
);

async fn deeply_nested_text_is_refused_before_rendering(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("nester", Role::Trainer).await;
    let course = json!({"texts": {"en": {"title": "Nesting", "summary": ""}}, "open": true});
    assert_eq!(trainer.send(trainer.raw(Method::PUT, "/courses/nest").json(&course)).await.0, StatusCode::OK);
    let hostile = ">".repeat(20_000) + " deep";
    let started = Instant::now();
    let module = json!({"language": "en", "title": "Deep", "markdown": hostile});
    let (status, body) = trainer.send(trainer.raw(Method::PUT, "/courses/nest/modules/deep").json(&module)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["markdown"][0].as_str().is_some_and(|m| m.contains("32")), "{body}");
    assert!(started.elapsed() < Duration::from_secs(5), "refused before any rendering");
    let nested_list: String = (0..200).map(|i| format!("{}- item\n", "  ".repeat(i))).collect();
    let module = json!({"language": "en", "title": "Deep list", "markdown": nested_list});
    let (status, _) = trainer.send(trainer.raw(Method::PUT, "/courses/nest/modules/list").json(&module)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a list nested by indentation is deep too");

    // A quiz question is Markdown too: the same bound, on the source.
    let fine = json!({"language": "en", "title": "Fine", "markdown": "> a quote\n>> in a quote\n\n- a\n  - b\n"});
    assert_eq!(
        trainer.send(trainer.raw(Method::PUT, "/courses/nest/modules/fine").json(&fine)).await.0,
        StatusCode::OK
    );
    let gift = format!("// [id:q]\n::Q::{} deep{{T}}\n", ">".repeat(5_000));
    let quiz = json!({"format": "gift", "source": gift, "settings": {"pass_percent": 50, "review": "after_attempt"}});
    let (status, body) = trainer.send(trainer.raw(Method::PUT, "/courses/nest/modules/fine/quiz").json(&quiz)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["source"].is_array(), "{body}");
}

async fn an_image_path_cannot_climb_out_of_the_course_media(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (_, trainer) = app.signed_in("climber", Role::Trainer).await;
    let course = json!({"texts": {"en": {"title": "Climb", "summary": ""}}, "open": true});
    trainer.send(trainer.raw(Method::PUT, "/courses/climb").json(&course)).await;
    let markdown = "<img src=\"/courses/climb/media/../../../logout\">\n\n\
                    <img src=\"/courses/climb/media/%2e%2e/%2e%2e/logout\">\n\n![fine](media/photo.png)\n";
    let module = json!({"language": "en", "title": "Images", "markdown": markdown});
    let (status, _) = trainer.send(trainer.raw(Method::PUT, "/courses/climb/modules/images").json(&module)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, page) = trainer.get("/courses/climb/modules/images").await;
    let html = page["html"].as_str().unwrap_or_default();
    assert!(!html.contains("logout"), "no image may point outside the media: {html}");
    assert!(html.contains("src=\"/courses/climb/media/photo.png\""), "a plain media name stays: {html}");
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

const TOML: &str =
    "open = true\npublished = true\ncompletion = \"all_modules\"\n\n[texts.en]\ntitle = \"T\"\nsummary = \"S\"\n";

async fn course_folders_may_not_reach_outside_themselves(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let root = TempDir::new();
    let secret = TempDir::new();
    std::fs::write(secret.0.join("token_key"), "the server's secret").expect("secret");
    // A media file that is a link to a secret elsewhere on the server.
    write(&root.0, "linked/course.toml", TOML);
    write(&root.0, "linked/01-intro.en.md", "+++\ntitle = \"Intro\"\nminutes = 5\n+++\n\n![x](media/x.png)\n");
    std::fs::create_dir_all(root.0.join("linked/media")).expect("mkdir");
    std::os::unix::fs::symlink(secret.0.join("token_key"), root.0.join("linked/media/x.png")).expect("symlink");
    // A module file that is a link to a device that never ends.
    write(&root.0, "device/course.toml", TOML);
    std::os::unix::fs::symlink("/dev/zero", root.0.join("device/01-intro.en.md")).expect("symlink");
    // A whole course folder that is a link elsewhere.
    write(&secret.0, "elsewhere/course.toml", TOML);
    write(&secret.0, "elsewhere/01-intro.en.md", "+++\ntitle = \"Intro\"\nminutes = 5\n+++\n\nHello.\n");
    std::os::unix::fs::symlink(secret.0.join("elsewhere"), root.0.join("elsewhere")).expect("symlink");

    let mut conn = app.connection();
    let report = pravo::course_files::import::import_root(&mut conn, &root.0, |_, _, _| {}).expect("import");
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(errors.iter().any(|e| e.contains("linked/media/x.png") && e.contains("symbolic link")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("device/01-intro.en.md") && e.contains("symbolic link")), "{errors:?}");
    assert_eq!(report.courses_created, 0, "nothing is imported from a folder that reaches outside: {report:?}");
    let api = app.api();
    assert_eq!(api.get("/courses/linked").await.0, StatusCode::NOT_FOUND);
    assert_eq!(api.get("/courses/elsewhere").await.0, StatusCode::NOT_FOUND, "a linked course folder is not followed");
}
