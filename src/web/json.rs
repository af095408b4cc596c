//! The API's bodies: a JSON body and a raw body that are read when the handler asks for them, so that the
//! API's check order holds (401 → 403 → 404 → 400/413/422 → 409), and the error body's schema.

use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::core::error::AppError;
use crate::i18n::Msg;

/// A JSON body, parsed when the handler asks for it, so that authorisation is decided before the body is
/// judged.
pub struct JsonBody<T>(Result<T, AppError>);

impl<T> JsonBody<T> {
    pub fn into_inner(self) -> Result<T, AppError> {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let request = req.clone();
        let is_json = req
            .headers()
            .get("content-type")
            .and_then(|h| h.to_str().ok())
            .is_some_and(|ct| ct.trim_start().to_ascii_lowercase().starts_with("application/json"));
        Box::pin(async move {
            let parsed = match super::request::read_body(&request, body).await {
                Err(e) => Err(e),
                Ok(_) if !is_json => Err(AppError::BadRequest(Msg::new("error-json-content-type"))),
                Ok(bytes) if contains_nul_escape(&bytes) => Err(AppError::BadRequest(Msg::new("error-nul"))),
                Ok(bytes) => {
                    serde_json::from_slice(&bytes).map_err(|_| AppError::BadRequest(Msg::new("error-bad-json")))
                }
            };
            Ok(JsonBody(parsed))
        })
    }
}

/// A raw request body (a CSV file, say), read when the handler asks for it, so that authorisation is
/// decided first; an oversized body is a 413 in the API's error shape.
pub struct RawBody(Result<web::Bytes, AppError>);

impl RawBody {
    pub fn into_inner(self) -> Result<web::Bytes, AppError> {
        self.0
    }
}

impl FromRequest for RawBody {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let request = req.clone();
        Box::pin(async move { Ok(RawBody(super::request::read_body(&request, body).await)) })
    }
}

/// Whether a JSON text holds a NUL character (`\u0000` escape): PostgreSQL refuses it in text columns.
fn contains_nul_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

/// The error shape every failing call answers with.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ErrorBody {
    /// `{code, message, fields?}`
    error: serde_json::Value,
}

/// A time as the API writes it: RFC 3339 in UTC, to the second.
/// A language of the interface and of course texts, for the API's description.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum LanguageCode {
    En,
    Ru,
    Uk,
}

pub fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored (UTC) time as the API writes it.
pub fn rfc3339_naive(at: chrono::NaiveDateTime) -> String {
    rfc3339(at.and_utc())
}

/// A write that has nothing to return.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Done {
    ok: bool,
}

/// `{"ok": true}`.
pub fn done() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().json(Done { ok: true })
}
