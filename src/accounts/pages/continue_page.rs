//! Signing in on the way back to a form that was sent after the session ended (`web::carry`): the page
//! after sign-in holds the form's text again, with the new session's CSRF token.

#[allow(unused_imports)]
use super::*;

/// Signed in on the way back to a form sent after the session ended: the page that holds its text again,
/// ready to send on with the new session's token.
pub(super) async fn signed_in_to_continue(
    state: &AppState,
    req: &HttpRequest,
    user: &User,
    keep: bool,
    carried: &Carried,
) -> Result<HttpResponse, AppError> {
    let cookie = session_cookie(state, req, user, keep).await?;
    let secret = crate::auth::csrf::CsrfKey::new_cookie_value();
    let token = state.csrf.token_for(&secret);
    let viewer = Viewer {
        user: Some(user.clone()),
        locale: user.locale,
        csrf_token: token,
        session_id: None,
        via_bearer: false,
    };
    let l = viewer.locale;
    let body = crate::web::carry::continue_body(l, &viewer.csrf_token, carried);
    let mut response = respond(state, &viewer, req, StatusCode::OK, &t(l, "carry-title"), body);
    cookies::set(&mut response, &cookie)?;
    cookies::set(&mut response, &cookies::csrf(&state.settings, secret))?;
    Ok(response)
}
