//! Joining a course, and the course's media (the reading pages are progress's).

use actix_web::{HttpResponse, web};
use serde::de::IgnoredAny;

use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::web::forms::CsrfForm;
use crate::web::see_other;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses/{slug}/enrol", web::post().to(enrol))
        .route("/courses/{slug}/media/{name}", web::get().to(media))
        .route("/courses/{slug}/download", web::get().to(download));
}

/// The course as one file to keep (see `download`): for enrolled scholars, its trainers and admins.
async fn download(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    q: web::Query<super::download::DownloadQuery>,
) -> Result<HttpResponse, AppError> {
    let wanted = q.parse(viewer.locale)?;
    let file = super::download::course_file(&state.db, viewer.user()?, &path, wanted).await?;
    Ok(crate::web::download(file.content_type, &file.name, file.bytes))
}

async fn enrol(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _form: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    super::enrol(&state.db, viewer.user()?, &path).await?;
    Ok(see_other(&format!("/courses/{}", path.as_str())))
}

async fn media(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, name) = path.into_inner();
    let (content_type, bytes) = super::media(&state.db, viewer.user.as_ref(), &slug, &name).await?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "private, max-age=3600"))
        .body(bytes))
}
