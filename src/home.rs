//! The home page: for a visitor, what Pravo is; for someone signed in, what is hers to do next (a place
//! offered to her, her courses with their progress, her applications), since most scholars have no email
//! and would otherwise have to look for news page by page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};

use crate::accounts::extract::Viewer;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, t, t_with};
use crate::progress::Reading;
use crate::scholarships::model::Status;
use crate::web::components::progress_bar;
use crate::web::layout::{Frame, page};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home));
}

async fn home(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let body = match &viewer.user {
        Some(user) => signed_in(&state, &reading, user, l).await?,
        None => html! {
            p.lead { (t(l, "home-intro")) }
            p { (t(l, "home-privacy")) }
            p.actions {
                a.button.primary href="/register" { (t(l, "nav-register")) }
                " "
                a.button href="/login" { (t(l, "nav-sign-in")) }
            }
        },
    };
    let frame = Frame::new(&state.settings, &viewer, req.path());
    Ok(crate::web::html(StatusCode::OK, page(&frame, &t(l, "home-title"), body)))
}

async fn signed_in(state: &AppState, reading: &Reading, user: &User, l: Locale) -> Result<Markup, AppError> {
    let courses: Vec<_> = crate::progress::catalogue(&state.db, reading, Some(user), l)
        .await?
        .into_iter()
        .filter(|c| c.enrolled)
        .collect();
    let applications = crate::scholarships::my_applications(&state.db, user).await?;
    let offers: Vec<_> = applications.iter().filter(|(a, _)| a.status == Status::Awarded).collect();
    Ok(html! {
        p.lead { (t_with(l, "home-welcome-back", &[("handle", Arg::Text(user.handle.clone()))])) }
        @for (application, programme) in &offers {
            section.notice.offer role="status" {
                h2 { (t(l, "home-offer")) }
                p { (programme.text(l).title) }
                @if let Some(by) = programme.answer_by(application) {
                    p { (t_with(l, "offer-answer-by", &[("when", Arg::Text(crate::i18n::format_datetime(l, by)))])) }
                }
                p { a.button.primary href=(format!("/programmes/{}", programme.id)) { (t(l, "home-offer-answer")) } }
            }
        }
        h2 { (t(l, "home-your-courses")) }
        @if courses.is_empty() {
            p { (t(l, "home-no-courses")) " " a href="/courses" { (t(l, "home-see-courses")) } }
        } @else {
            ul.home-courses {
                @for c in &courses {
                    li {
                        a href=(format!("/courses/{}", c.course.slug)) { (c.text.title) }
                        (progress_bar(l, c.progress_percent))
                    }
                }
            }
        }
        @if !applications.is_empty() {
            h2 { (t(l, "home-your-applications")) }
            ul {
                @for (a, programme) in &applications {
                    li {
                        a href=(format!("/programmes/{}", programme.id)) { (programme.text(l).title) }
                        " · " (t(l, &format!("status-{}", a.status.code())))
                    }
                }
            }
        }
    })
}
