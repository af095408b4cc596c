//! Certificate pages: the scholar's list (downloads, public or hidden), and the public verification page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;

use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, format_date, t, t_with};
use crate::web::forms::{CsrfForm, csrf_field};
use crate::web::request::ClientAddress;
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/certificates", web::get().to(list))
        .route("/certificates/{id}/pdf", web::get().to(pdf))
        .route("/certificates/{id}/credential", web::get().to(credential))
        .route("/certificates/{id}/public", web::post().to(set_public))
        .route("/verify/{code}", web::get().to(verify));
}

async fn list(
    state: web::Data<AppState>,
    certs: web::Data<crate::certificates::CertSettings>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let certificates = super::mine(&state.db, &certs, user).await?;
    let body = html! {
        @if user.certificate_name.is_none() {
            p.notice { (t(l, "cert-set-name")) " " a href="/account" { (t(l, "nav-account")) } }
        }
        @if certificates.is_empty() { p { (t(l, "cert-none")) } }
        ul.cards { @for c in &certificates {
            li { article.card {
                h2 { (c.course_title) }
                p.meta { (format_date(l, c.issued_at)) " · " (c.holder_name) }
                @if c.revoked_at.is_some() { p.alert { (t(l, "cert-revoked")) } }
                p.actions {
                    a.button.primary href=(format!("/certificates/{}/pdf", c.id)) { (t(l, "cert-download-pdf")) } " "
                    a.button href=(format!("/certificates/{}/credential", c.id)) { (t(l, "cert-download-credential")) }
                }
                p { (t(l, "cert-verify")) " " a href=(format!("/verify/{}", c.code)) { (format!("/verify/{}", c.code)) } }
                form method="post" action=(format!("/certificates/{}/public", c.id)) {
                    (csrf_field(&viewer.csrf_token))
                    input type="hidden" name="public" value=(if c.public { "false" } else { "true" });
                    button.small type="submit" { @if c.public { (t(l, "cert-hide")) } @else { (t(l, "cert-show")) } }
                    " " span.meta { @if c.public { (t(l, "cert-is-public")) } @else { (t(l, "cert-is-hidden")) } }
                }
            } }
        } }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "cert-title"), body))
}

async fn pdf(
    state: web::Data<AppState>,
    certs: web::Data<crate::certificates::CertSettings>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = super::owned(&state.db, viewer.user()?, &path, true).await?;
    let cs = certs.clone();
    let bytes =
        web::block(move || super::render_pdf(&cs, &c)).await.map_err(|e| AppError::internal(e.to_string()))??;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("Content-Disposition", "attachment; filename=\"certificate.pdf\""))
        .body(bytes))
}

async fn credential(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = super::owned(&state.db, viewer.user()?, &path, false).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"certificate.jwt\""))
        .body(c.credential))
}

#[derive(Deserialize)]
pub struct PublicForm {
    public: String,
}

async fn set_public(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    form: CsrfForm<PublicForm>,
) -> Result<HttpResponse, AppError> {
    super::set_public(&state.db, viewer.user()?, &path, form.0.public == "true").await?;
    Ok(see_other("/certificates"))
}

async fn verify(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    address: ClientAddress,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::check_verify_rate(&state.limits, &address.0).await?;
    let l = viewer.locale;
    let c = super::verify(&state.db, &path).await?;
    let body = html! {
        @match c.revoked_at {
            Some(at) => { p.alert role="status" { (t_with(l, "cert-verify-revoked", &[("date", Arg::Text(format_date(l, at)))])) } }
            None => { p.notice role="status" { (t(l, "cert-verify-valid")) } }
        }
        dl.facts {
            dt { (t(l, "cert-awarded-to")) } dd { strong { (c.holder_name) } }
            dt { (t(l, "cert-for-completing")) } dd { (c.course_title) }
            @if let Some(h) = c.hours { dt { (t(l, "field-hours")) } dd { (h) } }
            dt { (t(l, "cert-issued-on")) } dd { (format_date(l, c.issued_at)) }
            dt { (t(l, "cert-issued-by")) } dd { (c.issuer) }
        }
        p.hint { (t(l, "cert-verify-hint")) }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "cert-verify-title"), body))
}
