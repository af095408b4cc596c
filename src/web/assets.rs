//! Static files embedded in the binary, served with a content hash in the URL so that a phone keeps each
//! one for a year (a new version has a new URL) and spends no data on it again.

use std::sync::LazyLock;

use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};

const CSS: &str = include_str!("../../static/pravo.css");
const QUIZ_JS: &str = include_str!("../../static/quiz.js");
const APPLY_JS: &str = include_str!("../../static/apply.js");
const EXIT_JS: &str = include_str!("../../static/exit.js");

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

static CSS_VERSION: LazyLock<String> = LazyLock::new(|| hex::encode(&Sha256::digest(CSS.as_bytes())[..6]));

/// The stylesheet's URL, with its version.
pub fn css_url() -> String {
    format!("/static/pravo.css?v={}", *CSS_VERSION)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/pravo.css", web::get().to(css))
        .route("/static/quiz.js", web::get().to(quiz_js))
        .route("/static/apply.js", web::get().to(apply_js))
        .route("/static/exit.js", web::get().to(exit_js));
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
