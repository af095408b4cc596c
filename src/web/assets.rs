//! Static files embedded in the binary, served with a content hash in the URL so that a phone keeps each
//! one for a year (a new version has a new URL) and spends no data on it again.

use std::sync::LazyLock;

use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};

const CSS: &str = include_str!("../../static/pravo.css");
const QUIZ_JS: &str = include_str!("../../static/quiz.js");
const APPLY_JS: &str = include_str!("../../static/apply.js");
const EXIT_JS: &str = include_str!("../../static/exit.js");
const OFFLINE_JS: &str = include_str!("../../static/offline.js");
const KEEP_JS: &str = include_str!("../../static/keep.js");
const SERVICE_WORKER: &str = include_str!("../../static/sw.js");
const ICON: &str = include_str!("../../static/icon.svg");

static EXIT_JS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(EXIT_JS.as_bytes())[..6]));

/// The quick exit's script URL, with its version (it is on every page, so it is cached for long).
pub fn exit_js_url() -> String {
    format!("/static/exit.js?v={}", *EXIT_JS_VERSION)
}

static QUIZ_JS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(QUIZ_JS.as_bytes())[..6]));
static APPLY_JS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(APPLY_JS.as_bytes())[..6]));

/// The quiz script's URL, with its version.
pub fn quiz_js_url() -> String {
    format!("/static/quiz.js?v={}", *QUIZ_JS_VERSION)
}

/// The application form's script URL, with its version.
pub fn apply_js_url() -> String {
    format!("/static/apply.js?v={}", *APPLY_JS_VERSION)
}

static OFFLINE_JS_VERSION: LazyLock<String> =
    LazyLock::new(|| hex::encode(&Sha256::digest(OFFLINE_JS.as_bytes())[..6]));

/// The script of reading offline (signed-in pages), with its version.
pub fn offline_js_url() -> String {
    format!("/static/offline.js?v={}", *OFFLINE_JS_VERSION)
}

static KEEP_JS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(KEEP_JS.as_bytes())[..6]));

/// The script that keeps typed text across a language switch (signed-in pages), with its version.
pub fn keep_js_url() -> String {
    format!("/static/keep.js?v={}", *KEEP_JS_VERSION)
}

static CSS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(CSS.as_bytes())[..6]));

/// The stylesheet's URL, with its version.
pub fn css_url() -> String {
    format!("/static/pravo.css?v={}", *CSS_VERSION)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/pravo.css", web::get().to(css))
        .route("/static/quiz.js", web::get().to(quiz_js))
        .route("/static/apply.js", web::get().to(apply_js))
        .route("/static/exit.js", web::get().to(exit_js))
        .route("/static/offline.js", web::get().to(offline_js))
        .route("/static/keep.js", web::get().to(keep_js))
        .route("/static/icon.svg", web::get().to(icon))
        .route("/sw.js", web::get().to(service_worker))
        .route("/manifest.webmanifest", web::get().to(manifest));
}

async fn offline_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(OFFLINE_JS)
}

async fn keep_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(KEEP_JS)
}

async fn icon() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(ICON)
}

/// The service worker lives at the root so that it may serve every page of a kept course; the browser
/// checks it for a new version on each visit (`no-cache`: kept, but asked again).
async fn service_worker() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "no-cache"))
        .body(SERVICE_WORKER)
}

/// The web manifest: the site's own name (an operator may choose a neutral one) and a plain icon, so that
/// a scholar can put Pravo on her home screen without a topic showing.
async fn manifest(state: web::Data<crate::web::state::AppState>) -> HttpResponse {
    let name = &state.settings.site_name;
    let body = serde_json::json!({
        "name": name,
        "short_name": name,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5c8a",
        "icons": [{ "src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" }],
    });
    HttpResponse::Ok()
        .content_type("application/manifest+json")
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(body.to_string())
}

async fn quiz_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(QUIZ_JS)
}

async fn apply_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(APPLY_JS)
}

async fn exit_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(EXIT_JS)
}

async fn css() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(CSS)
}
