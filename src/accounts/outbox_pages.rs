//! The outbox page for administrators: what was sent, what waits, what failed, with a resend button.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::de::IgnoredAny;

use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Locale, format_datetime, t};
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
                        th scope="row" { (kind_name(l, &j.kind)) }
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

/// What a message is, in the reader's language (a kind added later without words shows its code).
fn kind_name(l: Locale, kind: &str) -> Markup {
    if KNOWN.contains(&kind) {
        html! { (t(l, &format!("outbox-kind-{}", kind.replace('_', "-")))) }
    } else {
        html! { code { (kind) } }
    }
}

/// The kinds of message Pravo sends (`mail::Outgoing::kind`).
const KNOWN: [&str; 13] = [
    "password_reset",
    "email_confirmation",
    "inactivity_warning",
    "password_changed",
    "recovery_codes_changed",
    "second_factor_on",
    "second_factor_off",
    "email_changed",
    "certificate",
    "reminder",
    "application",
    "decision",
    "nudge",
];

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

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_of_message_has_words_in_every_language() {
        for locale in crate::i18n::Locale::ALL {
            let ids = crate::i18n::message_ids(locale);
            for kind in super::KNOWN {
                let id = format!("outbox-kind-{}", kind.replace('_', "-"));
                assert!(ids.contains(&id), "{locale}: {id}");
            }
        }
    }
}
