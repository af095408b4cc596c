//! The home page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;

use crate::accounts::extract::Viewer;
use crate::i18n::{Arg, t, t_with};
use crate::web::layout::{Frame, page};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home));
}

async fn home(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    let l = viewer.locale;
    let body = html! {
        @if let Some(user) = &viewer.user {
            p.lead { (t_with(l, "home-welcome-back", &[("handle", Arg::Text(user.handle.clone()))])) }
        } @else {
            p.lead { (t(l, "home-intro")) }
            p { (t(l, "home-privacy")) }
            p.actions {
                a.button.primary href="/register" { (t(l, "nav-register")) }
                " "
                a.button href="/login" { (t(l, "nav-sign-in")) }
            }
        }
    };
    let frame = Frame::new(&state.settings, &viewer, req.path());
    crate::web::html(StatusCode::OK, page(&frame, &t(l, "home-title"), body))
}
