//! The courses part of the JSON API: authoring, trainers, publishing, enrolment and revisions.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::model::CourseText;
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::web::json::{Done, JsonBody, done};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses/{slug}", web::put().to(save))
        .route("/courses/{slug}/enrol", web::post().to(enrol))
        .route("/courses/{slug}/download", web::get().to(download))
        .route("/courses/{slug}/enrolments", web::post().to(enrol_user))
        .route("/courses/{slug}/trainers", web::post().to(add_trainer))
        .route("/courses/{slug}/publish", web::post().to(publish))
        .route("/courses/{slug}/unpublish", web::post().to(unpublish))
        .route("/courses/{slug}/modules/{module}", web::put().to(save_module))
        .route("/courses/{slug}/modules/{module}/revisions", web::get().to(revisions))
        .route("/courses/{slug}/modules/{module}/revisions/{revision}/restore", web::post().to(restore))
        .route("/courses/{slug}/media/{name}", web::put().to(put_image));
}

/// The formats a course downloads in: one HTML file, or an EPUB 3 book.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum DownloadFormat {
    Html,
    Epub,
}

/// The downloaded file's title: "Course 3" (the default), or the course's own.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum DownloadTitle {
    Neutral,
    Course,
}

/// The course as one self-contained HTML file to keep on the phone: every module in order with a contents
/// list, images inside, no script and no address outside the file, no quiz (so no answer key). A neutral
/// file name; a neutral title unless `title=course`. Enrolled scholars, the course's trainers, admins.
#[utoipa::path(get, path = "/api/v1/courses/{slug}/download",
    params(("slug" = String, Path), ("format" = Option<DownloadFormat>, Query),
        ("lang" = Option<crate::web::json::LanguageCode>, Query), ("title" = Option<DownloadTitle>, Query)),
    responses((status = 200, description = "The file", content((String = "text/html"), (Vec<u8> = "application/epub+zip"))), (status = 400, body = crate::web::json::ErrorBody), (status = 401),
        (status = 403), (status = 404)),
    security(("bearer" = [])))]
pub async fn download(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    q: web::Query<super::download::DownloadQuery>,
) -> Result<HttpResponse, AppError> {
    let wanted = q.parse(viewer.locale)?;
    let file = super::download::course_file(&state.db, viewer.user()?, &path, wanted).await?;
    Ok(crate::web::download(file.content_type, &file.name, file.bytes))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SavedCourse {
    slug: String,
    texts: BTreeMap<String, CourseText>,
    open: bool,
    published: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<i32>,
}

/// Create or update a course. Any trainer may create one (and becomes its trainer).
#[utoipa::path(put, path = "/api/v1/courses/{slug}", params(("slug" = String, Path)), request_body = super::CourseInput,
    responses((status = 200, body = SavedCourse), (status = 401), (status = 403), (status = 404), (status = 422)),
    security(("bearer" = [])))]
pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<super::CourseInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.user()?;
    let (course, _created) = super::save_course(&state.db, actor, &path, body.into_inner()).await?;
    let dto = SavedCourse {
        slug: course.slug,
        texts: course.texts.into_iter().map(|(l, t)| (l.code().to_owned(), t)).collect(),
        open: course.open,
        published: course.published,
        hours: course.hours,
    };
    Ok(HttpResponse::Ok().json(dto))
}

/// Join an open course (closed ones: 403).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/enrol", params(("slug" = String, Path)),
    responses((status = 200, body = Done), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn enrol(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::enrol(&state.db, viewer.user()?, &path).await?;
    Ok(done())
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UserIdInput {
    #[schema(required = true, min_length = 1)]
    user_id: String,
}

/// Enrol someone by hand (course trainers and admins; closed courses too).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/enrolments", params(("slug" = String, Path)), request_body = UserIdInput,
    responses((status = 200, body = Done), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn enrol_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<UserIdInput>,
) -> Result<HttpResponse, AppError> {
    let user_id = body.into_inner().map(|input| input.user_id);
    super::enrol_user(&state.db, viewer.user()?, &path, user_id).await?;
    Ok(done())
}

/// Assign a trainer to a course (admins).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/trainers", params(("slug" = String, Path)), request_body = UserIdInput,
    responses((status = 200, body = Done), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn add_trainer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<UserIdInput>,
) -> Result<HttpResponse, AppError> {
    let user_id = body.into_inner().map(|input| input.user_id);
    super::add_trainer(&state.db, viewer.admin()?, &path, user_id).await?;
    Ok(done())
}

#[utoipa::path(post, path = "/api/v1/courses/{slug}/publish", params(("slug" = String, Path)),
    responses((status = 200, body = Done), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::set_published(&state.db, viewer.user()?, &path, true).await?;
    Ok(done())
}

#[utoipa::path(post, path = "/api/v1/courses/{slug}/unpublish", params(("slug" = String, Path)),
    responses((status = 200, body = Done), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn unpublish(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::set_published(&state.db, viewer.user()?, &path, false).await?;
    Ok(done())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RevisionDto {
    revision: i32,
}

/// Save one language of a module as a new revision; creates the module if new.
#[utoipa::path(put, path = "/api/v1/courses/{slug}/modules/{module}", params(("slug" = String, Path), ("module" = String, Path)),
    request_body = super::ModuleInput,
    responses((status = 200, body = RevisionDto), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn save_module(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: JsonBody<super::ModuleInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let revision = super::save_module(&state.db, viewer.user()?, &slug, &module, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(RevisionDto { revision }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RevisionItem {
    revision: i32,
    language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_id: Option<String>,
    at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RevisionList {
    items: Vec<RevisionItem>,
}

#[utoipa::path(get, path = "/api/v1/courses/{slug}/modules/{module}/revisions", params(("slug" = String, Path), ("module" = String, Path)),
    responses((status = 200, body = RevisionList), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn revisions(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let (_, _, revisions) = super::revisions(&state.db, viewer.user()?, &slug, &module).await?;
    let items = revisions
        .into_iter()
        .map(|r| RevisionItem {
            revision: r.revision,
            language: r.locale.code().into(),
            author_id: r.author_id,
            at: crate::web::json::rfc3339(r.created_at.and_utc()),
        })
        .collect();
    Ok(HttpResponse::Ok().json(RevisionList { items }))
}

#[utoipa::path(post, path = "/api/v1/courses/{slug}/modules/{module}/revisions/{revision}/restore",
    params(("slug" = String, Path), ("module" = String, Path), ("revision" = i32, Path)),
    responses((status = 200, body = RevisionDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn restore(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module, revision) = path.into_inner();
    let revision = super::restore(&state.db, viewer.user()?, &slug, &module, revision).await?;
    Ok(HttpResponse::Ok().json(RevisionDto { revision }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StoredImage {
    /// The name it is stored under (lower-case, with the extension of what was stored).
    name: String,
    url: String,
    /// The line that shows it in a module.
    markdown: String,
    width: u32,
    height: u32,
    bytes: usize,
    /// An image of this name was replaced.
    replaced: bool,
}

/// Add an image to a course's media (its trainers, admins): the body is the file (PNG, JPEG or WebP). It is
/// stored upright, at most 1280 px wide, re-encoded (JPEG, or lossless WebP with transparency) and without
/// any metadata (location, camera, time).
#[utoipa::path(put, path = "/api/v1/courses/{slug}/media/{name}", params(("slug" = String, Path), ("name" = String, Path)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = StoredImage), (status = 401), (status = 403), (status = 404), (status = 413),
        (status = 422, body = crate::web::json::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_image(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: actix_web::HttpRequest,
    path: web::Path<(String, String)>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let (slug, name) = path.into_inner();
    let user = viewer.user()?;
    super::images::may_upload(&state.db, user, &slug).await?;
    let bytes = crate::web::request::read_limited(&req, payload, super::images::MAX_UPLOAD_BYTES).await?;
    let stored = super::images::upload(&state.db, user, &slug, &name, bytes).await?;
    Ok(HttpResponse::Ok().json(StoredImage {
        url: format!("/courses/{slug}/media/{}", stored.name),
        markdown: format!("![](media/{})", stored.name),
        name: stored.name,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        replaced: stored.replaced,
    }))
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        save,
        enrol,
        download,
        enrol_user,
        add_trainer,
        publish,
        unpublish,
        save_module,
        revisions,
        restore,
        put_image,
    ),
    components(schemas(
        DownloadFormat,
        DownloadTitle,
        super::CourseInput,
        super::ModuleInput,
        super::model::CourseText,
        SavedCourse,
        UserIdInput,
        RevisionDto,
        RevisionItem,
        RevisionList,
        StoredImage,
    ))
)]
pub struct CoursesApi;
