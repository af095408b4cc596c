//! Middleware on every response: security headers, `no-store` caching, and the CSRF cookie when a page
//! created one.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};

use super::cookies::{self, NewCsrfCookie};
use super::state::state;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn finish(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut res = next.call(req).await?;
    let new_cookie = res.request().extensions().get::<NewCsrfCookie>().cloned();
    if let Some(NewCsrfCookie(value)) = new_cookie
        && let Ok(state) = state(res.request())
    {
        let cookie = cookies::csrf(&state.settings, value);
        res.response_mut().add_cookie(&cookie)?;
    }
    let https = state(res.request()).is_ok_and(|s| s.settings.is_https());
    let is_static = res.request().path().starts_with("/static/");
    let onion_location = onion_location(&res);
    let headers = res.headers_mut();
    let mut set = |name: &'static str, value: &'static str| {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    set("content-security-policy", CSP);
    set("x-content-type-options", "nosniff");
    if https {
        // Browsers remember to use https only, so that nobody on the path can strip it later.
        set("strict-transport-security", "max-age=31536000");
    }
    set("referrer-policy", "no-referrer");
    set("x-frame-options", "DENY");
    set("cross-origin-opener-policy", "same-origin");
    set("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    // Pages and API answers are never cached; static assets and course media set their own.
    let own_policy = headers.contains_key(actix_web::http::header::CACHE_CONTROL);
    let mut set = |name: &'static str, value: &'static str| {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    if !is_static && !own_policy {
        set("cache-control", "no-store");
    }
    if let Some(value) = onion_location {
        headers.insert(HeaderName::from_static("onion-location"), value);
    }
    Ok(res)
}

/// On a page served under the clearnet address, where the same page is under the onion address: Tor
/// Browser offers to go there. Pages only (HTML), never under the onion address itself.
fn onion_location<B>(res: &ServiceResponse<B>) -> Option<HeaderValue> {
    let req = res.request();
    let onion = state(req).ok()?.settings.onion_url.clone()?;
    let is_page = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_page || super::request::via_onion(req) {
        return None;
    }
    let path = req.uri().path_and_query().map_or("/", |p| p.as_str());
    HeaderValue::from_str(&format!("{onion}{path}")).ok()
}
