//! The reviewer's pages: the applications assigned to them, and one application with the rubric to score
//! it or a conflict to declare. The same application page serves admins (with the applicant's identity,
//! every review and the decision buttons); applicants are sent to their programme's page.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};

use super::components::{answers_shown, application_panel, short_id, status_label, textarea};
use super::review::ReviewInput;
use super::{ApplicationView, Reader};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, format_datetime, t, t_with};
use crate::web::forms::{CsrfForm, Problems, csrf_field, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/review", web::get().to(list))
        .route("/applications/{id}", web::get().to(show))
        .route("/applications/{id}/review", web::post().to(save))
        .route("/applications/{id}/conflict", web::post().to(conflict))
        .route("/applications/{id}/conflict/withdraw", web::post().to(withdraw_conflict));
}

#[derive(serde::Deserialize)]
struct DoneQuery {
    done: Option<String>,
    /// The application a conflict was just declared on (to take it back).
    app: Option<String>,
}

async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let assignments = super::review::assignments(&state.db, viewer.user()?).await?;
    let mut by_programme: BTreeMap<String, (String, Vec<&super::review::Assignment>)> = BTreeMap::new();
    for a in &assignments {
        by_programme.entry(a.programme.id.clone()).or_insert_with(|| (a.programme.text(l).title, Vec::new())).1.push(a);
    }
    let body = html! {
        @if q.done.as_deref() == Some("conflict") {
            div.notice role="status" {
                p { (t(l, "review-conflict-noted")) }
                @if let Some(app) = q.app.as_deref().filter(|a| !a.is_empty() && a.len() <= 64 && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
                    form method="post" action=(format!("/applications/{app}/conflict/withdraw")) {
                        (csrf_field(&viewer.csrf_token))
                        button type="submit" { (t(l, "review-conflict-undo")) }
                    }
                }
            }
        }
        @if q.done.as_deref() == Some("saved") { p.notice role="status" { (t(l, "review-saved-all")) } }
        p.lead { (t(l, "review-lead")) }
        @if assignments.is_empty() { p { (t(l, "review-none")) } }
        @for (title, items) in by_programme.values() {
            h2 { (title) }
            @let done = items.iter().filter(|a| a.review.is_some()).count();
            p.meta { (t_with(l, "review-progress", &[("done", Arg::Number(done as i64)), ("count", Arg::Number(items.len() as i64))])) }
            div.table-scroll { table.stack-narrow {
                thead { tr { th { (t(l, "review-application")) } th { (t(l, "apply-country")) } th { (t(l, "review-state")) } } }
                tbody { @for a in items { tr {
                    td { a href=(format!("/applications/{}", a.application.id)) { (t(l, "review-application")) " " (short_id(&a.application.id)) } }
                    td data-label=(t(l, "apply-country")) { (super::model::country_name(l, &a.application.country)) }
                    td { @if a.review.is_some() { span.badge { (t(l, "review-done")) } } @else { span.badge.missing { (t(l, "review-to-do")) } } }
                } } }
            } }
        }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "review-title"), body))
}

async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let v = super::read_application(&state.db, viewer.user()?, &path).await?;
    if v.reader == Reader::Applicant {
        return Ok(see_other(&format!("/programmes/{}", v.programme.id)));
    }
    let scores = v
        .my_review
        .as_ref()
        .map(|r| r.scores.iter().map(|(k, n)| (k.clone(), n.to_string())).collect())
        .unwrap_or_default();
    let comment = v.my_review.as_ref().map(|r| r.comment.clone()).unwrap_or_default();
    render(
        &state,
        &viewer,
        &req,
        &v,
        ReviewState {
            scores: &scores,
            comment: &comment,
            problems: &Problems::default(),
            done: (q.done.as_deref() == Some("saved")).then_some("review-saved-next"),
        },
    )
    .await
}

/// The parts of `render` that vary between its callers.
struct ReviewState<'a> {
    pub scores: &'a BTreeMap<String, String>,
    pub comment: &'a str,
    pub problems: &'a Problems,
    pub done: Option<&'a str>,
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    v: &ApplicationView,
    parts: ReviewState<'_>,
) -> Result<HttpResponse, AppError> {
    let ReviewState { scores, comment, problems, done } = parts;
    let l = viewer.locale;
    let (p, a) = (&v.programme, &v.application);
    let admin_part = if v.reader == Reader::Admin {
        let reviews = super::review::reviews_of(&state.db, viewer.admin()?, &v.application.id).await?;
        Some(application_panel(viewer.locale, &viewer.csrf_token, v, &reviews))
    } else {
        None
    };
    let body = html! {
        p.breadcrumb {
            @if v.reader == Reader::Admin {
                a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) }
            } @else { a href="/review" { (t(l, "review-title")) } }
        }
        @if let Some(done) = done { p.notice role="status" { (t(l, done)) } }
        p.meta {
            (status_label(l, a.status))
            @if let Some(at) = a.submitted_at { " · " (t_with(l, "apply-sent-at", &[("when", Arg::Text(format_datetime(l, at)))])) }
        }
        @match (&v.handle, v.reader) {
            (Some(handle), _) => { p { (t(l, "review-applicant")) ": " strong { (handle) } @if let Some(e) = &v.email { " · " (e) } } }
            (None, _) => { p.notice-inline { (t(l, "review-blind")) } }
        }
        (answers_shown(l, p, a, &v.hidden))
        @if let Some(panel) = admin_part { (panel) }
        @if v.assigned { (review_form(l, viewer, v, scores, comment, problems)) }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let title = format!("{} {}", t(l, "review-application"), short_id(&a.id));
    Ok(page_response(state, viewer, req, status, &title, body))
}

fn review_form(
    l: Locale,
    viewer: &Viewer,
    v: &ApplicationView,
    scores: &BTreeMap<String, String>,
    comment: &str,
    problems: &Problems,
) -> Markup {
    let a = &v.application;
    html! {
        h2 #score { (t(l, "review-score-heading")) }
        p { (t(l, "review-score-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action=(format!("/applications/{}/review", a.id)) novalidate {
            (csrf_field(&viewer.csrf_token))
            @for c in &v.programme.criteria {
                @let field = format!("scores.{}", c.id);
                @let errors = problems.fields.get(&field);
                fieldset.invalid[errors.is_some()] {
                    legend { (c.name_in(l)) " " span.meta { (t_with(l, "review-weight", &[("weight", Arg::Number(i64::from(c.weight)))])) } }
                    // What the criterion looks for and what its scores mean, beside the scores.
                    @if !c.description_in(l).is_empty() { div.hint.criterion { (super::components::paragraphs(c.description_in(l))) } }
                    @if let Some(errors) = errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                    ul.choices.scale { @for n in 1..=5 { li { label {
                        input type="radio" name=(field) value=(n) checked[scores.get(&c.id).is_some_and(|s| s == &n.to_string())];
                        (n)
                    } } } }
                }
            }
            (textarea(l, problems, "comment", &t(l, "review-comment"), Some(&t(l, "review-comment-hint")), comment, false))
            button.primary type="submit" { (t(l, "review-save")) }
        }
        form method="post" action=(format!("/applications/{}/conflict", a.id)) {
            (csrf_field(&viewer.csrf_token))
            p.hint { (t(l, "review-conflict-hint")) }
            button type="submit" { (t(l, "review-conflict")) }
        }
    }
}

async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let v = super::read_application(&state.db, user, &path).await?;
    let typed: BTreeMap<String, String> = form
        .0
        .iter()
        .filter_map(|(k, value)| k.strip_prefix("scores.").map(|id| (id.to_owned(), value.clone())))
        .collect();
    let comment = form.0.iter().find(|(k, _)| k == "comment").map(|(_, c)| c.clone()).unwrap_or_default();
    let mut input = ReviewInput { comment: Some(comment.clone()), ..Default::default() };
    for (id, value) in &typed {
        // A value that is not a number is out of range, and reported as such beside its criterion.
        input.scores.insert(id.clone(), value.trim().parse().unwrap_or(0));
    }
    match super::review::save_review(&state.db, user, &path, Ok(input)).await {
        // Post/redirect/get: a reload never sends the review again; she goes on to the next application
        // waiting for her (the same programme's first), or back to her list when none is left.
        Ok(_) => {
            let assignments = super::review::assignments(&state.db, user).await?;
            let waiting = |a: &&super::review::Assignment| a.review.is_none() && a.application.id != path.as_str();
            let next = assignments
                .iter()
                .filter(waiting)
                .find(|a| a.programme.id == v.programme.id)
                .or_else(|| assignments.iter().find(waiting));
            Ok(match next {
                Some(a) => see_other(&format!("/applications/{}?done=saved", a.application.id)),
                None => see_other("/review?done=saved"),
            })
        }
        Err(e) => {
            render(
                &state,
                &viewer,
                &req,
                &v,
                ReviewState { scores: &typed, comment: &comment, problems: &Problems::from_error(e)?, done: None },
            )
            .await
        }
    }
}

async fn conflict(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = ReviewInput { conflict: Some(true), ..Default::default() };
    super::review::save_review(&state.db, user, &path, Ok(input)).await?;
    Ok(see_other(&format!("/review?done=conflict&app={}", path.as_str())))
}

/// "I have no conflict after all": the application comes back to be reviewed.
async fn withdraw_conflict(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    super::review::withdraw_conflict(&state.db, viewer.user()?, &path).await?;
    Ok(see_other(&format!("/applications/{}", path.as_str())))
}
