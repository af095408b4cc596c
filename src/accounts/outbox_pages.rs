//! The outbox page for administrators: what was sent, what waits, what failed, with a resend button.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::de::IgnoredAny;

use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{format_datetime, t};
use crate::web::forms::{CsrfForm, csrf_field};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/outbox", web::get().to(outbox)).route("/admin/outbox/{id}/resend", web::post().to(resend));
}

async fn outbox(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let jobs = crate::mail::list(&state.db).await?;
    let body = html! {
        @if mail.smtp_url.is_none() {
            p.notice { (t(l, "outbox-files")) " " code { (mail.eml_dir.display()) } }
        }
        @if jobs.is_empty() { p { (t(l, "outbox-empty")) } }
        @else {
            div.table-scroll { table.stack-narrow {
                thead { tr {
                    th scope="col" { (t(l, "outbox-kind")) } th scope="col" { (t(l, "outbox-status")) }
                    th scope="col" { (t(l, "outbox-attempts")) } th scope="col" { (t(l, "outbox-next")) } th scope="col" {}
                } }
                tbody { @for j in &jobs {
                    tr {
                        th scope="row" { code { (j.kind) } }
                        td { (t(l, &format!("outbox-status-{}", j.status))) @if let Some(e) = &j.last_error { br; span.meta { (e) } } }
                        td { (j.attempts) }
                        td { @if j.status == "pending" { (format_datetime(l, j.next_attempt_at)) } }
                        td { @if j.status != "sent" {
                            form.inline method="post" action=(format!("/admin/outbox/{}/resend", j.id)) {
                                (csrf_field(&viewer.csrf_token))
                                button.small type="submit" { (t(l, "outbox-resend")) }
                            }
                        } }
                    }
                } }
            } }
        }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "outbox-title"), body))
}

async fn resend(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _f: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    crate::mail::resend(&state.db, &path).await?;
    Ok(see_other("/admin/outbox"))
}
