//! The web layer shared by every domain: the page shell, form pieces, static assets, the middleware
//! that sets security headers and cookies, and the one place errors become responses.

pub mod assets;
pub mod carry;
pub mod components;
pub mod cookies;
pub mod csv;
pub mod errors;
pub mod forms;
pub mod headers;
pub mod json;
pub mod layout;
pub mod observe;
pub mod request;
pub mod state;

use actix_web::http::StatusCode;
use actix_web::{HttpMessage, HttpResponse};
use maud::Markup;

/// An HTML page response.
pub fn html(status: StatusCode, markup: Markup) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(markup.into_string())
}

/// Where the language switch of a page answering a POST leads back to, when that POST's path has no page
/// of its own to GET (a confirmation step): set by the handler before it renders the page.
#[derive(Debug, Clone)]
pub struct LanguageReturn(pub String);

/// The id of a form on the page that the language buttons send (see `layout::language_switch`): set by
/// the handler of a page whose form saves what was typed and understands `switch_language`.
#[derive(Debug, Clone)]
pub struct LanguageThroughForm(pub String);

/// A page in the shell, as a response.
pub fn page_response(
    state: &state::AppState,
    viewer: &impl layout::Reading,
    req: &actix_web::HttpRequest,
    status: StatusCode,
    title: &str,
    body: Markup,
) -> HttpResponse {
    let back = req.extensions().get::<LanguageReturn>().map(|r| r.0.clone());
    let mut frame = layout::Frame::new(&state.settings, viewer, back.as_deref().unwrap_or(req.path()));
    frame.through_form = req.extensions().get::<LanguageThroughForm>().map(|f| f.0.clone());
    html(status, layout::page(&frame, title, body))
}

/// Marks a page as one of a course's (`Pravo-Course`), for the service worker of `static/sw.js`, which keeps
/// such a page on the device only when she chose to keep that course.
pub fn mark_course_page(page: &mut HttpResponse, slug: &str) {
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(slug) {
        page.headers_mut().insert(actix_web::http::header::HeaderName::from_static("pravo-course"), value);
    }
}

/// A file to download, named `name` (keep names neutral: a shared phone's download list shows them).
pub fn download(content_type: &str, name: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type.to_owned())
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(body)
}

/// A redirect after a successful POST (303, so the browser follows with GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header(("Location", location)).finish()
}

/// A local path to return to, or "/" if `next` would leave the site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.contains("://")
                && !n.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/a\nb")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
