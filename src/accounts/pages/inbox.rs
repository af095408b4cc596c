//! The inbox page: her notices, newest first; opening one marks it read and leads to its page.

#[allow(unused_imports)]
use super::*;
use crate::mail::notices::Notice;

pub(super) async fn inbox_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let (notices, unread) = crate::accounts::inbox(&state.db, user).await?;
    let body = html! {
        @if notices.is_empty() {
            p { (t(l, "inbox-empty")) }
        } @else {
            @if unread > 0 {
                form.inline method="post" action="/inbox/read" {
                    (csrf_field(&viewer.csrf_token))
                    button type="submit" { (t(l, "inbox-read-all")) }
                }
            }
            ul.inbox {
                @for n in &notices { (notice_item(l, n)) }
            }
        }
        p.meta { (t(l, "inbox-privacy")) }
    };
    Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "inbox-title"), body))
}

fn notice_item(l: Locale, n: &Notice) -> Markup {
    let (title, body) = n.kind.message_ids();
    html! {
        li.unread[n.read_at.is_none()] {
            a href=(format!("/inbox/{}", n.id)) {
                @if n.read_at.is_none() { strong { (t(l, &title)) } span.visually-hidden { " " (t(l, "inbox-unread")) } }
                @else { (t(l, &title)) }
            }
            p { (t(l, &body)) }
            p.meta { (format_datetime(l, n.created_at)) }
        }
    }
}

/// Opening a notice (a plain link, so it works without JavaScript) marks it read and leads to its page.
pub(super) async fn open_notice(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let link = crate::accounts::open_notice(&state.db, user, &path).await?;
    Ok(see_other(&link))
}

pub(super) async fn read_all(
    state: web::Data<AppState>,
    viewer: Viewer,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    crate::accounts::open_all_notices(&state.db, user).await?;
    Ok(see_other("/inbox"))
}
