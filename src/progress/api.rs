//! The reading part of the JSON API: the catalogue, a course with the reader's progress, a module's text
//! and "mark as complete".

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::Reading;
use super::model::CourseView;
use crate::accounts::extract::{PendingViewer, Viewer};
use crate::core::error::AppError;
use crate::i18n::t;
use crate::web::json::JsonBody;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses", web::get().to(list))
        .route("/courses/{slug}", web::get().to(show))
        .route("/courses/{slug}/modules/{module}", web::get().to(module))
        .route("/courses/{slug}/modules/{module}/complete", web::post().to(complete))
        .route("/courses/{slug}/offline", web::get().to(keep_list))
        .route("/me/sync", web::post().to(sync));
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
pub async fn list(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    let items = super::catalogue(&state.db, &reading, viewer.user.as_ref(), viewer.locale).await?;
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
    reading: web::Data<Reading>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = super::course_view(&state.db, &reading, viewer.user.as_ref(), &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(CourseDto::from(view)))
}

// Borrows from the page read: the module's HTML (up to 200 KiB) is not copied to be sent.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ModuleDto<'a> {
    slug: &'a str,
    title: &'a str,
    /// Sanitised HTML of the module text.
    html: &'a str,
    revision: i32,
    completed: bool,
    /// The language of the text (English when not yet translated).
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quiz_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<&'a str>,
}

/// A module's text, for enrolled scholars, the course's trainers and admins.
#[utoipa::path(get, path = "/api/v1/courses/{slug}/modules/{module}", params(("slug" = String, Path), ("module" = String, Path)),
    responses((status = 200, body = ModuleDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn module(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    // The session is checked in the same hop as the reading (see `PendingViewer`).
    let pending = PendingViewer::of(&req)?;
    let idle = state.settings.session_idle();
    let page = super::module_view(&state.db, &reading, pending.claims(), false, idle, &slug, &module).await?;
    pending.finish(&req, Some(page.session)).await?;
    let (view, i, text) = (&page.view, page.index, &page.text);
    let m = &view.modules[i];
    Ok(HttpResponse::Ok().json(ModuleDto {
        slug: &m.module.slug,
        title: &text.title,
        html: &text.html,
        revision: text.revision,
        completed: m.completed,
        language: text.locale.code(),
        quiz_id: m.quiz_id.as_deref(),
        previous: i.checked_sub(1).map(|p| view.modules[p].module.slug.as_str()),
        next: view.modules.get(i + 1).map(|n| n.module.slug.as_str()),
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
    let done = super::complete_module(&state.db, viewer.user()?, &slug, &module).await?;
    Ok(HttpResponse::Ok().json(CompleteDto { progress_percent: done.percent, course_completed: done.course_completed }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct KeepList {
    /// The addresses to keep on the device for reading offline, in reading order.
    urls: Vec<String>,
}

/// What to keep of a course to read it offline (enrolled scholars, the course's trainers, admins).
#[utoipa::path(get, path = "/api/v1/courses/{slug}/offline", params(("slug" = String, Path)),
    responses((status = 200, body = KeepList), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn keep_list(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let urls = super::offline::keep_list(&state.db, &reading, viewer.user()?, &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(KeepList { urls }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SyncInput {
    /// In the order they were done.
    items: Vec<super::offline::Step>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SyncOutcome {
    id: String,
    /// `done` or `refused`.
    outcome: &'static str,
    /// Received before (the batch was sent again): nothing was done twice.
    repeated: bool,
    /// What happened, in the reader's language.
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SyncResult {
    items: Vec<SyncOutcome>,
}

/// Steps done offline, in order: each is done once (a batch sent twice does nothing the second time) and
/// answered with what became of it.
#[utoipa::path(post, path = "/api/v1/me/sync", request_body = SyncInput,
    responses((status = 200, body = SyncResult), (status = 401), (status = 422, body = crate::web::json::ErrorBody)),
    security(("bearer" = [])))]
pub async fn sync(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: JsonBody<SyncInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let steps = body.into_inner()?.items;
    let l = viewer.locale;
    let done = super::offline::apply(&state.db, user, l, steps).await?;
    let items = done
        .into_iter()
        .map(|o| SyncOutcome {
            outcome: if o.done { "done" } else { "refused" },
            message: t(l, &o.message),
            id: o.id,
            repeated: o.repeated,
            link: o.link,
        })
        .collect();
    Ok(HttpResponse::Ok().json(SyncResult { items }))
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(list, show, module, complete, keep_list, sync,),
    components(schemas(
        CourseItem,
        CourseList,
        ModuleItem,
        CourseDto,
        ModuleDto,
        CompleteDto,
        KeepList,
        SyncInput,
        SyncOutcome,
        SyncResult,
        super::offline::Step,
        super::offline::StepKind,
    ))
)]
pub struct ProgressApi;
