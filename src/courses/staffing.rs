//! The page where an administrator puts trainers on a course and takes them off (the API has
//! `POST /courses/{slug}/trainers`): before, a new trainer could only be told to "ask an administrator",
//! and the administrator had no button.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/trainer/courses/{slug}/trainers", web::get().to(trainers_page))
        .route("/trainer/courses/{slug}/trainers", web::post().to(add))
        .route("/trainer/courses/{slug}/trainers/{user_id}/remove", web::post().to(remove));
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

#[derive(Deserialize)]
struct AddForm {
    #[serde(default)]
    handle: String,
}

async fn trainers_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    let done = match q.done.as_deref() {
        Some("added") => Some("course-trainer-added"),
        Some("removed") => Some("course-trainer-removed"),
        _ => None,
    };
    render(&state, &viewer, &req, &path, "", &Problems::default(), done).await
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    slug: &str,
    typed: &str,
    problems: &Problems,
    done: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let data = super::course_trainers(&state.db, user, slug).await?;
    let title = data.course.text(l).0.title.clone();
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/courses/{slug}")) { (title) } }
        @if let Some(done) = done { p.notice role="status" { (t(l, done)) } }
        @if data.trainers.is_empty() {
            p { (t(l, "course-trainers-none")) }
        } @else {
            ul.trainers {
                @for (id, handle) in &data.trainers {
                    li {
                        strong { (handle) } " "
                        form.inline method="post" action=(format!("/trainer/courses/{slug}/trainers/{id}/remove")) {
                            (csrf_field(&viewer.csrf_token))
                            button type="submit" aria-label=(t_with(l, "course-trainer-remove-label", &[("handle", Arg::Text(handle.clone()))])) {
                                (t(l, "course-trainer-remove"))
                            }
                        }
                    }
                }
            }
        }
        h2 { (t(l, "course-trainer-add-heading")) }
        (form_problem(l, problems))
        form.stack method="post" action=(format!("/trainer/courses/{slug}/trainers")) novalidate {
            (csrf_field(&viewer.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(typed).hint(t(l, "course-trainer-add-hint")).required().render(l, problems))
            button.primary type="submit" { (t(l, "course-trainer-add")) }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let heading = t_with(l, "course-trainers-title", &[("course", Arg::Text(title))]);
    Ok(page_response(state, viewer, req, status, &heading, body))
}

async fn add(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<AddForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    match super::add_trainer_by_handle(&state.db, user, &path, &form.0.handle).await {
        Ok(_) => Ok(see_other(&format!("/trainer/courses/{}/trainers?done=added", path.as_str()))),
        Err(e) => {
            let problems = Problems::from_error(e)?;
            render(&state, &viewer, &req, &path, &form.0.handle, &problems, None).await
        }
    }
}

async fn remove(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    _form: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let (slug, user_id) = path.into_inner();
    super::remove_trainer(&state.db, user, &slug, &user_id).await?;
    Ok(see_other(&format!("/trainer/courses/{slug}/trainers?done=removed")))
}
