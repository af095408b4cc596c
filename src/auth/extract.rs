//! Who is asking, in which language: the `Viewer` extractor. It reads the session (Bearer token or
//! cookie), reloads the user on every request (so a role change applies at once), picks the language and
//! prepares the CSRF token that the page's forms carry.

use std::future::{Ready, ready};
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::csrf::{self, CsrfKey};
use crate::accounts::{self, model::Role, model::User};
use crate::app::AppState;
use crate::error::AppError;
use crate::i18n::Locale;

pub const LANG_COOKIE: &str = "pravo_lang";

/// The person behind a request (or nobody), with their language and CSRF token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: Option<User>,
    pub locale: Locale,
    /// The token this page's forms must carry.
    pub csrf_token: String,
    /// The session's id (`sid`), when signed in.
    pub session_id: Option<String>,
    /// Signed in with `Authorization: Bearer` rather than the cookie.
    pub via_bearer: bool,
}

/// A CSRF cookie value created for this request, for the header middleware to set.
#[derive(Debug, Clone)]
pub struct NewCsrfCookie(pub String);

impl Viewer {
    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }

    /// The user, if their role is one of `roles` (401 when not signed in, 403 otherwise).
    pub fn require(&self, roles: &[Role]) -> Result<&User, AppError> {
        let user = self.user()?;
        if roles.contains(&user.role) { Ok(user) } else { Err(AppError::Forbidden) }
    }

    pub fn admin(&self) -> Result<&User, AppError> {
        self.require(&[Role::Admin])
    }

    /// Works out the viewer of a request once; later extractions reuse it.
    pub async fn of(req: &HttpRequest) -> Result<Viewer, AppError> {
        if let Some(viewer) = req.extensions().get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let state = state(req)?;
        let bearer = bearer_token(req);
        let via_bearer = bearer.is_some();
        let token = bearer.or_else(|| req.cookie(&session_cookie_name(state)).map(|c| c.value().to_owned()));
        let session = match token {
            Some(token) => accounts::authenticate(&state.db, &state.tokens, &token).await?,
            None => None,
        };
        let (csrf_cookie, fresh) = match req.cookie(&csrf_cookie_name(state)) {
            Some(c) if !c.value().is_empty() => (c.value().to_owned(), false),
            _ => (CsrfKey::new_cookie_value(), true),
        };
        if fresh {
            req.extensions_mut().insert(NewCsrfCookie(csrf_cookie.clone()));
        }
        if session.is_some() && !via_bearer && is_unsafe(req.method()) && req.path().starts_with("/api/") {
            let header = req.headers().get(csrf::HEADER).and_then(|h| h.to_str().ok()).unwrap_or_default();
            if fresh || !state.csrf.is_valid(&csrf_cookie, header) {
                return Err(AppError::CsrfRejected);
            }
        }
        let (user, session_id) = match session {
            Some((user, claims)) => (Some(user), Some(claims.sid)),
            None => (None, None),
        };
        let locale = user.as_ref().map(|u| u.locale).unwrap_or_else(|| locale_without_user(req));
        let viewer = Viewer { user, locale, csrf_token: state.csrf.token_for(&csrf_cookie), session_id, via_bearer };
        req.extensions_mut().insert(viewer.clone());
        Ok(viewer)
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Viewer, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Viewer::of(&req).await })
    }
}

/// The request's client address, for rate limits only (never stored).
pub struct ClientAddress(pub String);

impl FromRequest for ClientAddress {
    type Error = AppError;
    type Future = Ready<Result<ClientAddress, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trust_proxy = state(req).map(|s| s.settings.trust_proxy).unwrap_or(false);
        // Behind our proxy, the address it appended last; the client can forge everything before it.
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.rsplit(',').next())
            .map(|a| a.trim().to_owned());
        let peer = req.connection_info().peer_addr().map(str::to_owned);
        let address = if trust_proxy { forwarded.or(peer) } else { peer };
        // The port changes with every connection; only the host identifies the client.
        let host = address.as_deref().map(strip_port).map(network_of).unwrap_or_else(|| "unknown".into());
        ready(Ok(ClientAddress(host)))
    }
}

/// IPv6 clients are counted per /64, the block one subscriber usually holds.
fn network_of(host: &str) -> String {
    match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(std::net::IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        _ => host.to_owned(),
    }
}

fn strip_port(address: &str) -> &str {
    if let Some(rest) = address.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match address.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') && port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => address,
    }
}

/// The language of someone not signed in: the language cookie, else `Accept-Language`, else English.
pub fn locale_without_user(req: &HttpRequest) -> Locale {
    req.cookie(LANG_COOKIE)
        .and_then(|c| Locale::parse(c.value()))
        .or_else(|| {
            req.headers().get("accept-language").and_then(|h| h.to_str().ok()).and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

pub fn state(req: &HttpRequest) -> Result<&AppState, AppError> {
    req.app_data::<web::Data<AppState>>()
        .map(|d| d.get_ref())
        .ok_or_else(|| AppError::internal("application state missing"))
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let header = req.headers().get("authorization")?.to_str().ok()?;
    let (scheme, token) = header.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub fn session_cookie_name(state: &AppState) -> String {
    cookie_name(state, "pravo_session")
}

pub fn csrf_cookie_name(state: &AppState) -> String {
    cookie_name(state, "pravo_csrf")
}

/// On https, cookies carry the `__Host-` prefix: Secure, no Domain, Path=/, so no sibling host can set them.
fn cookie_name(state: &AppState, base: &str) -> String {
    if state.settings.is_https() { format!("__Host-{base}") } else { base.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::strip_port;

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(super::network_of("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
        assert_eq!(super::network_of("::ffff:10.0.0.1"), "10.0.0.1");
        assert_eq!(super::network_of("10.0.0.1"), "10.0.0.1");
    }

    #[test]
    fn ports_are_stripped_from_v4_and_v6_addresses() {
        assert_eq!(strip_port("127.0.0.1:5555"), "127.0.0.1");
        assert_eq!(strip_port("[::1]:5555"), "::1");
        assert_eq!(strip_port("::1"), "::1");
        assert_eq!(strip_port("10.0.0.1"), "10.0.0.1");
    }
}
