//! Every cookie Pravo sets, built in one place: the session, the CSRF secret and the language. On https
//! they carry the `__Host-` prefix (Secure, no Domain, Path=/), so no sibling host can set them.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};

use crate::config::Settings;
use crate::core::error::AppError;

/// The language chosen by someone not signed in.
pub const LANG_COOKIE: &str = "pravo_lang";

/// A CSRF cookie value created for this request, for the header middleware to set.
#[derive(Debug, Clone)]
pub struct NewCsrfCookie(pub String);

pub fn session_cookie_name(settings: &Settings) -> String {
    cookie_name(settings, "pravo_session")
}

pub fn csrf_cookie_name(settings: &Settings) -> String {
    cookie_name(settings, "pravo_csrf")
}

fn cookie_name(settings: &Settings, base: &str) -> String {
    if settings.is_https() { format!("__Host-{base}") } else { base.to_owned() }
}

/// The session cookie holding `token` for `lifetime_seconds`.
/// The session cookie. Without `kept_for_seconds` it lives only as long as the browser is open (on a
/// shared phone, closing the browser ends the session); "keep me signed in" gives it a lifetime.
pub fn session(settings: &Settings, token: String, kept_for_seconds: Option<i64>) -> Cookie<'static> {
    let mut cookie = Cookie::build(session_cookie_name(settings), token)
        .path("/")
        .http_only(true)
        .secure(settings.is_https())
        .same_site(SameSite::Lax)
        .finish();
    if let Some(seconds) = kept_for_seconds {
        cookie.set_max_age(CookieDuration::seconds(seconds));
    }
    cookie
}

/// A cookie that removes the session cookie.
pub fn session_removal(settings: &Settings) -> Cookie<'static> {
    let mut cookie = Cookie::build(session_cookie_name(settings), "")
        .path("/")
        .http_only(true)
        .secure(settings.is_https())
        .same_site(SameSite::Lax)
        .finish();
    cookie.make_removal();
    cookie
}

/// The CSRF secret's cookie (a browser-session cookie).
pub fn csrf(settings: &Settings, value: String) -> Cookie<'static> {
    Cookie::build(csrf_cookie_name(settings), value)
        .path("/")
        .http_only(true)
        .secure(settings.is_https())
        .same_site(SameSite::Lax)
        .finish()
}

/// The language cookie, kept for a year.
pub fn language(settings: &Settings, code: &str) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, code.to_owned())
        .path("/")
        .secure(settings.is_https())
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(365))
        .finish()
}

/// The device cookie's name.
pub fn device_cookie_name(settings: &Settings) -> String {
    cookie_name(settings, "pravo_device")
}

/// The device cookie: kept for a year and through sign-out, so that this browser is not locked out by
/// strangers' failed sign-ins.
pub fn device(settings: &Settings, value: String) -> Cookie<'static> {
    Cookie::build(device_cookie_name(settings), value)
        .path("/")
        .http_only(true)
        .secure(settings.is_https())
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(365))
        .finish()
}

/// Sets `cookie` on a response already built (a handler's page or redirect).
pub fn set(response: &mut actix_web::HttpResponse, cookie: &Cookie<'_>) -> Result<(), AppError> {
    response.add_cookie(cookie).map_err(|e| AppError::internal(e.to_string()))
}
