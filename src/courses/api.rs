//! The courses and progress part of the JSON API.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::model::{CourseText, CourseView};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::web::json::JsonBody;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses", web::get().to(list))
        .route("/courses/{slug}", web::get().to(show))
        .route("/courses/{slug}", web::put().to(save))
        .route("/courses/{slug}/enrol", web::post().to(enrol))
        .route("/courses/{slug}/enrolments", web::post().to(enrol_user))
        .route("/courses/{slug}/trainers", web::post().to(add_trainer))
        .route("/courses/{slug}/publish", web::post().to(publish))
        .route("/courses/{slug}/unpublish", web::post().to(unpublish))
        .route("/courses/{slug}/modules/{module}", web::get().to(module))
        .route("/courses/{slug}/modules/{module}", web::put().to(save_module))
        .route("/courses/{slug}/modules/{module}/complete", web::post().to(complete))
        .route("/courses/{slug}/modules/{module}/revisions", web::get().to(revisions))
        .route("/courses/{slug}/modules/{module}/revisions/{revision}/restore", web::post().to(restore));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CourseItem {
    slug: String,
    title: String,
    summary: String,
    module_count: i64,
    enrolled: bool,
    progress_percent: i32,
    /// The language the title and summary are in (English when not yet translated).
    language: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CourseList {
    items: Vec<CourseItem>,
}

/// Published courses, in the reader's language where translated.
#[utoipa::path(get, path = "/api/v1/courses", responses((status = 200, body = CourseList)))]
pub async fn list(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let items = super::catalogue(&state.db, viewer.user.as_ref(), viewer.locale).await?;
    let items = items
        .into_iter()
        .map(|c| CourseItem {
            language: if c.fallback { "en".into() } else { viewer.locale.code().into() },
            slug: c.course.slug,
            title: c.text.title,
            summary: c.text.summary,
            module_count: c.module_count,
            enrolled: c.enrolled,
            progress_percent: c.progress_percent,
        })
        .collect();
    Ok(HttpResponse::Ok().json(CourseList { items }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ModuleItem {
    slug: String,
    title: String,
    completed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    quiz_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<i32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CourseDto {
    slug: String,
    title: String,
    summary: String,
    modules: Vec<ModuleItem>,
    enrolled: bool,
    progress_percent: i32,
    completed: bool,
    open: bool,
    published: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    continue_module: Option<String>,
}

impl From<CourseView> for CourseDto {
    fn from(v: CourseView) -> Self {
        CourseDto {
            slug: v.course.slug,
            title: v.text.title,
            summary: v.text.summary,
            modules: v
                .modules
                .into_iter()
                .map(|m| ModuleItem {
                    slug: m.module.slug,
                    title: m.revision.title,
                    completed: m.completed,
                    quiz_id: m.quiz_id,
                    minutes: m.module.minutes,
                })
                .collect(),
            enrolled: v.access.enrolled,
            progress_percent: v.progress_percent,
            completed: v.completed,
            open: v.course.open,
            published: v.course.published,
            hours: v.course.hours,
            continue_module: v.continue_slug,
        }
    }
}

/// A course with its modules and the reader's progress.
#[utoipa::path(get, path = "/api/v1/courses/{slug}", params(("slug" = String, Path)),
    responses((status = 200, body = CourseDto), (status = 404)))]
pub async fn show(
    state: web::Data<AppState>,
    activity: web::Data<crate::progress::activity::ActivityLog>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = super::course_view(&state.db, &activity, viewer.user.as_ref(), &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(CourseDto::from(view)))
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
    super::may_save_course(&state.db, actor, &path).await?;
    let input = body.into_inner()?;
    let (course, _created) = super::save_course(&state.db, actor, &path, input).await?;
    let dto = SavedCourse {
        slug: course.slug,
        texts: course.texts.into_iter().map(|(l, t)| (l.code().to_owned(), t)).collect(),
        open: course.open,
        published: course.published,
        hours: course.hours,
    };
    Ok(HttpResponse::Ok().json(dto))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Done {
    ok: bool,
}

fn done() -> HttpResponse {
    HttpResponse::Ok().json(Done { ok: true })
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
    let actor = viewer.user()?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    super::editor_data(&state.db, actor, &path, None).await?;
    let input = body.into_inner()?;
    super::enrol_user(&state.db, actor, &path, &input.user_id).await?;
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
    let actor = viewer.admin()?;
    super::course_exists(&state.db, &path).await?;
    let input = body.into_inner()?;
    super::add_trainer(&state.db, actor, &path, &input.user_id).await?;
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
pub struct ModuleDto {
    slug: String,
    title: String,
    /// Sanitised HTML of the module text.
    html: String,
    revision: i32,
    completed: bool,
    /// The language of the text (English when not yet translated).
    language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    quiz_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// A module's text, for enrolled scholars, the course's trainers and admins.
#[utoipa::path(get, path = "/api/v1/courses/{slug}/modules/{module}", params(("slug" = String, Path), ("module" = String, Path)),
    responses((status = 200, body = ModuleDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn module(
    state: web::Data<AppState>,
    activity: web::Data<crate::progress::activity::ActivityLog>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    viewer.user()?;
    let (view, i) =
        super::module_view(&state.db, &activity, viewer.user.as_ref(), &slug, &module, viewer.locale).await?;
    let m = &view.modules[i];
    Ok(HttpResponse::Ok().json(ModuleDto {
        slug: m.module.slug.clone(),
        title: m.revision.title.clone(),
        html: m.revision.html.clone(),
        revision: m.revision.revision,
        completed: m.completed,
        language: m.revision.locale.code().into(),
        quiz_id: m.quiz_id.clone(),
        previous: i.checked_sub(1).map(|p| view.modules[p].module.slug.clone()),
        next: view.modules.get(i + 1).map(|n| n.module.slug.clone()),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CompleteDto {
    progress_percent: i32,
    course_completed: bool,
}

/// Mark a module complete (enrolled scholars).
#[utoipa::path(post, path = "/api/v1/courses/{slug}/modules/{module}/complete", params(("slug" = String, Path), ("module" = String, Path)),
    responses((status = 200, body = CompleteDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn complete(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let (progress_percent, course_completed) =
        super::complete_module(&state.db, viewer.user()?, &slug, &module).await?;
    Ok(HttpResponse::Ok().json(CompleteDto { progress_percent, course_completed }))
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
    let actor = viewer.user()?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    super::editor_data(&state.db, actor, &slug, None).await?;
    let input = body.into_inner()?;
    let revision = super::save_module(&state.db, actor, &slug, &module, input).await?;
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
            at: crate::accounts::api::rfc3339(r.created_at.and_utc()),
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
