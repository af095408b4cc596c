//! A course's images, for its trainers and administrators: what is there, with the line to put one in a
//! module, and a form to add one (works without JavaScript). Uploads are cleaned and scaled by `images`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;

use super::images;
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, Msg, t, t_with};
use crate::web::forms::{Input, Problems, csrf_field, form_problem, multipart_form};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/trainer/courses/{slug}/media", web::get().to(media_page))
        .route("/trainer/courses/{slug}/media", web::post().to(upload));
}

#[derive(Debug, Default, Deserialize)]
pub struct MediaQuery {
    /// The module whose editor she came from (for the way back).
    module: Option<String>,
    /// The image just saved.
    uploaded: Option<String>,
    replaced: Option<String>,
}

fn plain(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

async fn media_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<MediaQuery>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let items = images::list(&state.db, user, &path).await?;
    let q = q.into_inner();
    Ok(page(&state, &viewer, &req, &path, View { items, q, typed_name: "", problems: Problems::default() }))
}

struct View<'a> {
    items: Vec<(String, usize)>,
    q: MediaQuery,
    typed_name: &'a str,
    problems: Problems,
}

fn snippet(l: Locale, name: &str) -> String {
    format!("![{}](media/{name})", t(l, "media-description-placeholder"))
}

fn page(state: &AppState, viewer: &Viewer, req: &HttpRequest, slug: &str, v: View<'_>) -> HttpResponse {
    let l = viewer.locale;
    let module = v.q.module.as_deref().filter(|m| plain(m));
    let back = match module {
        Some(m) => format!("/trainer/courses/{slug}/modules/{m}/edit"),
        None => format!("/trainer/courses/{slug}"),
    };
    let action = match module {
        Some(m) => format!("/trainer/courses/{slug}/media?module={m}"),
        None => format!("/trainer/courses/{slug}/media"),
    };
    let body = html! {
        p.breadcrumb { a href=(back) { (t(l, if module.is_some() { "editor-back-to-module" } else { "editor-back" })) } }
        @if let Some(name) = v.q.uploaded.as_deref().filter(|n| plain(n)) {
            div.notice role="status" {
                p { (t_with(l, if v.q.replaced.is_some() { "media-replaced" } else { "media-uploaded" }, &[("name", Arg::Text(name.to_owned()))])) }
                p { (t(l, "media-how-to-show")) " " code { (snippet(l, name)) } }
            }
        }
        p { (t(l, "media-intro")) }
        p.notice { (t(l, "media-cleaned")) }
        (form_problem(l, &v.problems))
        form.stack method="post" action=(action) enctype="multipart/form-data" novalidate {
            (csrf_field(&viewer.csrf_token))
            div.field.invalid[v.problems.fields.contains_key("file")] {
                label for="f-file" { (t(l, "media-file")) }
                p.hint #f-file-hint { (t_with(l, "media-file-hint", &[("megabytes", Arg::Number((images::MAX_UPLOAD_BYTES >> 20) as i64))])) }
                @if let Some(errors) = v.problems.fields.get("file") { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                input #f-file type="file" name="file" accept="image/png,image/jpeg,image/webp" aria-describedby="f-file-hint";
            }
            (Input::new("name", t(l, "media-name")).value(v.typed_name).hint(t(l, "media-name-hint")).render(l, &v.problems))
            div.actions { button.primary type="submit" { (t(l, "media-upload")) } }
        }
        h2 { (t(l, "media-heading")) }
        @if v.items.is_empty() { p { (t(l, "media-empty")) } }
        ul.media-list {
            @for (name, size) in &v.items {
                li {
                    img src=(format!("/courses/{slug}/media/{name}")) alt="" loading="lazy" width="96";
                    div {
                        strong { (name) } " " span.meta { "(" (t_with(l, "media-size", &[("kilobytes", Arg::from(size.div_ceil(1024)))])) ")" }
                        br;
                        code { (snippet(l, name)) }
                    }
                }
            }
        }
    };
    let status = if v.problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(state, viewer, req, status, &t(l, "media-title"), body)
}

async fn upload(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<MediaQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    // Who may add images is settled before an upload of megabytes is read.
    images::may_upload(&state.db, user, &path).await?;
    let parts = multipart_form(&req, payload, images::MAX_UPLOAD_BYTES + 64 * 1024).await?;
    let text = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(&p.bytes).trim().to_owned())
            .unwrap_or_default()
    };
    let typed_name = text("name");
    let file = parts.iter().find(|p| p.name == "file" && !p.bytes.is_empty());
    let q = q.into_inner();
    let result = match file {
        None => Err(AppError::field("file", Msg::new("image-missing"))),
        Some(file) => {
            let wanted =
                if typed_name.is_empty() { file.file_name.clone().unwrap_or_default() } else { typed_name.clone() };
            images::upload(&state.db, user, &path, &wanted, file.bytes.clone()).await
        }
    };
    match result {
        Ok(stored) => {
            let module = q.module.as_deref().filter(|m| plain(m)).map(|m| format!("&module={m}")).unwrap_or_default();
            let replaced = if stored.replaced { "&replaced=1" } else { "" };
            Ok(see_other(&format!(
                "/trainer/courses/{}/media?uploaded={}{module}{replaced}",
                path.as_str(),
                stored.name
            )))
        }
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let items = images::list(&state.db, user, &path).await?;
            let q = MediaQuery { uploaded: None, replaced: None, ..q };
            Ok(page(&state, &viewer, &req, &path, View { items, q, typed_name: &typed_name, problems }))
        }
    }
}
