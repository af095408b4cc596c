//! Facts about a request that several layers need: its client address (for rate limits only, never
//! stored), whether its method changes state, the language of someone not signed in, and a Bearer token.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest};

use super::cookies::LANG_COOKIE;
use super::state::state;
use crate::core::error::AppError;
use crate::i18n::Locale;

/// Whether the request came in through the site's onion address: its Host header names the onion service
/// (Tor hands requests to the app with the onion name as Host). Without an onion address, never.
pub fn via_onion(req: &HttpRequest) -> bool {
    let Ok(state) = state(req) else { return false };
    let Some(onion) = state.settings.onion_host() else { return false };
    let host = req.headers().get(actix_web::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    strip_port(host).eq_ignore_ascii_case(&onion)
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

/// Reads a request body, giving up when it does not arrive within the configured time: a client that
/// sends a body a byte at a time must not hold a connection (and a worker's attention) forever.
pub async fn read_body(
    req: &HttpRequest,
    body: impl Future<Output = Result<actix_web::web::Bytes, actix_web::Error>>,
) -> Result<actix_web::web::Bytes, AppError> {
    let limit = state(req).map(|s| s.settings.body_timeout()).unwrap_or(std::time::Duration::from_secs(30));
    match tokio::time::timeout(limit, body).await {
        Ok(read) => read.map_err(super::forms::payload_error),
        Err(_) => Err(AppError::RequestTimeout),
    }
}

/// Reads a raw body (an upload) of at most `limit` bytes, within the body time limit.
pub async fn read_limited(
    req: &HttpRequest,
    mut payload: actix_web::web::Payload,
    limit: usize,
) -> Result<Vec<u8>, AppError> {
    use futures_util::StreamExt;
    let time = state(req).map(|s| s.settings.body_timeout()).unwrap_or(std::time::Duration::from_secs(30));
    let read = async {
        let mut bytes = Vec::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest(crate::i18n::Msg::new("error-bad-form")))?;
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    };
    match tokio::time::timeout(time, read).await {
        Ok(read) => read,
        Err(_) => Err(AppError::RequestTimeout),
    }
}

/// The token of an `Authorization: Bearer` header.
pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let header = req.headers().get("authorization")?.to_str().ok()?;
    let (scheme, token) = header.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
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
