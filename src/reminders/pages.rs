//! The page an opt-out link opens: it names the account and offers one button; only the POST changes
//! anything, and the same page can turn reminders back on.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;

use crate::accounts::extract::Viewer;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::i18n::{Arg, t, t_with};
use crate::web::forms::{CsrfForm, csrf_field};
use crate::web::page_response;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/reminders", web::get().to(show)).route("/reminders", web::post().to(change));
}

#[derive(Debug, Deserialize)]
struct LinkQuery {
    token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ChangeForm {
    token: String,
    off: bool,
}

async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<LinkQuery>,
) -> Result<HttpResponse, AppError> {
    let user = super::link_target(&state.db, &state.tokens, &q.token).await?;
    Ok(view(&state, &viewer, &req, &user, &q.token, None))
}

async fn change(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let mut user = super::link_target(&state.db, &state.tokens, &form.token).await?;
    crate::accounts::set_reminders_off(&state.db, &user.id, form.off).await?;
    user.reminders_off = form.off;
    let done = if form.off { "reminders-now-off" } else { "reminders-now-on" };
    Ok(view(&state, &viewer, &req, &user, &form.token, Some(done)))
}

fn view(state: &AppState, v: &Viewer, req: &HttpRequest, user: &User, token: &str, done: Option<&str>) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        @if let Some(done) = done { p.notice role="status" { (t(l, done)) } }
        p.lead { (t_with(l, "reminders-for", &[("handle", Arg::Text(user.handle.clone()))])) }
        p { @if user.reminders_off { (t(l, "reminders-are-off")) } @else { (t(l, "reminders-are-on")) } }
        form method="post" action="/reminders" {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="token" value=(token);
            input type="hidden" name="off" value=(if user.reminders_off { "false" } else { "true" });
            button.primary type="submit" {
                @if user.reminders_off { (t(l, "reminders-turn-on")) } @else { (t(l, "reminders-turn-off")) }
            }
        }
    };
    page_response(state, v, req, StatusCode::OK, &t(l, "reminders-title"), body)
}
