//! The administrator's pages: programmes, a new call, a call's reviewers, ranking and decisions (one by
//! one or in bulk), waitlist promotion, bulk enrolment from CSV, and the dashboard with its charts and
//! the CSV files for a donor report.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::components::{short_id, status_label, textarea};
use super::dashboard::{EnrolReport, ScholarProgress, Stats};
use super::model::{
    CriterionInput, CriterionText, Decision, Programme, ProgrammeInput, ProgrammeText, QuestionInput, Status,
    country_name,
};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, Msg, format_date, format_datetime, format_decimal, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, field_with, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};
mod dashboard;
mod manage;
mod programme_form;
use dashboard::*;
use manage::*;
use programme_form::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/programmes", web::get().to(list))
        .route("/admin/programmes/new", web::get().to(new_form))
        .route("/admin/programmes/new", web::post().to(create))
        .route("/admin/programmes/{id}", web::get().to(manage))
        .route("/admin/programmes/{id}/edit", web::get().to(edit_form))
        .route("/admin/programmes/{id}/edit", web::post().to(edit))
        .route("/admin/programmes/{id}/reviewers", web::post().to(add_reviewer))
        .route("/admin/programmes/{id}/reviewers/{user_id}/remove", web::post().to(remove_reviewer))
        .route("/admin/programmes/{id}/decisions", web::post().to(decide_many))
        .route("/admin/programmes/{id}/decisions/publish", web::post().to(publish))
        .route("/admin/programmes/{id}/promote", web::post().to(promote))
        .route("/admin/programmes/{id}/enrol", web::post().to(enrol))
        .route("/admin/programmes/{id}/dashboard", web::get().to(dashboard))
        .route("/admin/programmes/{id}/remind", web::post().to(remind))
        .route("/admin/programmes/{id}/cohort.csv", web::get().to(cohort_csv))
        .route("/admin/programmes/{id}/report.csv", web::get().to(report_csv))
        .route("/admin/applications/{id}/decision", web::post().to(decide));
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
    page: Option<usize>,
    /// Who a promotion offered the place to (a handle).
    who: Option<String>,
    /// How many decisions were published.
    count: Option<usize>,
}

fn phase(l: Locale, p: &Programme) -> String {
    let now = crate::db::now();
    t(
        l,
        if now < p.opens_at {
            "phase-upcoming"
        } else if p.is_open(now) {
            "phase-open"
        } else {
            "phase-closed"
        },
    )
}

async fn list(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let all = super::programmes(&state.db, true).await?;
    let body = html! {
        p { a.button.primary href="/admin/programmes/new" { (t(l, "admin-programme-new")) } }
        @if all.is_empty() { p { (t(l, "programmes-none")) } }
        ul.cards { @for p in &all { li { article.card {
            h2 { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } }
            p.meta { (phase(l, p)) " · " (format_date(l, p.opens_at)) " – " (format_date(l, p.closes_at)) }
            p { a href=(format!("/admin/programmes/{}/dashboard", p.id)) { (t(l, "admin-dashboard")) } }
        } } } }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "admin-programmes-title"), body))
}
