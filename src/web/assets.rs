//! Static files embedded in the binary, served with a content hash in the URL so they can be cached.

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
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(QUIZ_JS)
}

async fn apply_js() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
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
