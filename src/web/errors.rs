//! The one place where an `AppError` becomes what the reader sees: the API's JSON error body under
//! `/api/`, otherwise an HTML page in the reader's language (or, for "not signed in", the sign-in page).
//! It also refuses state-changing requests that a browser marks as coming from another site.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, HttpResponse, ResponseError};
use maud::html;
use serde_json::json;

use super::layout::{Frame, Reader, Reading, page};
use super::request::{is_unsafe, locale_without_user};
use super::state::state;
use crate::auth::csrf;
use crate::core::error::{AppError, FieldErrors};
use crate::i18n::{Msg, t};

pub async fn render(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, Error> {
    let cross_site = is_unsafe(req.method())
        && csrf::is_cross_site(req.headers().get("sec-fetch-site").and_then(|h| h.to_str().ok()));
    // A NUL byte is never meaningful in Pravo, and PostgreSQL refuses it in text: stop it at the door.
    let nul = req.uri().to_string().to_ascii_lowercase().contains("%00");
    let res = if cross_site || nul {
        let error = if nul { AppError::BadRequest(Msg::new("error-nul")) } else { AppError::CsrfRejected };
        let (http_req, _) = req.into_parts();
        ServiceResponse::new(http_req, error.error_response()).map_into_boxed_body()
    } else {
        let res = next.call(req).await?;
        if res.response().extensions().get::<ErrorMark>().is_none() {
            return Ok(res.map_into_left_body());
        }
        res.map_into_boxed_body()
    };
    let mark = res.response().extensions().get::<ErrorMark>().cloned();
    let Some(mark) = mark else {
        return Ok(res.map_into_right_body());
    };
    let (http_req, old) = res.into_parts();
    let mut new = if http_req.path().starts_with("/api/") {
        json_body(old.status(), &mark, &http_req).await
    } else {
        html_body(old.status(), &mark, &http_req).await
    };
    if let Some(incident) = mark.incident.clone() {
        new.extensions_mut().insert(Incident(incident));
    }
    for (name, value) in old.headers() {
        if name.as_str().eq_ignore_ascii_case("retry-after") || name.as_str().eq_ignore_ascii_case("set-cookie") {
            new.headers_mut().append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(http_req, new).map_into_right_body())
}

/// The incident id of an unexpected error, kept on the final response for the request log.
#[derive(Clone)]
pub struct Incident(pub String);

/// How an error page learns who is reading: app.rs registers the accounts domain's lookup, so that the
/// web layer needs no domain.
#[derive(Clone, Copy)]
pub struct ReaderLookup(pub fn(HttpRequest) -> FutureReader);

/// Who is reading, once it is known.
pub type FutureReader = std::pin::Pin<Box<dyn Future<Output = Option<Reader>>>>;

async fn viewer_for_error(req: &HttpRequest) -> Reader {
    if let Some(lookup) = req.app_data::<ReaderLookup>()
        && let Some(reader) = (lookup.0)(req.clone()).await
    {
        return reader;
    }
    Reader { locale: locale_without_user(req), csrf: String::new(), signed_in: None }
}

async fn json_body(status: StatusCode, mark: &ErrorMark, req: &HttpRequest) -> HttpResponse {
    let locale = viewer_for_error(req).await.locale;
    let mut error = json!({"code": mark.code, "message": mark.message.text(locale)});
    if !mark.fields.is_empty() {
        let fields: serde_json::Map<String, serde_json::Value> = mark
            .fields
            .iter()
            .map(|(field, msgs)| (field.clone(), msgs.iter().map(|m| m.text(locale)).collect::<Vec<_>>().into()))
            .collect();
        error["fields"] = fields.into();
    }
    if let Some(incident) = &mark.incident {
        error["incident"] = incident.clone().into();
    }
    if let Some((line, column)) = mark.location {
        error["location"] = json!({"line": line, "column": column});
    }
    HttpResponse::build(status).json(json!({ "error": error }))
}

async fn html_body(status: StatusCode, mark: &ErrorMark, req: &HttpRequest) -> HttpResponse {
    if status == StatusCode::UNAUTHORIZED && mark.code == "unauthorized" && req.method() == actix_web::http::Method::GET
    {
        let next = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
        return super::see_other(&format!("/login?{query}"));
    }
    let viewer = viewer_for_error(req).await;
    let l = viewer.locale;
    let (site, exit) = state(req)
        .map(|s| (s.settings.site_name.clone(), s.settings.exit_url.clone()))
        .unwrap_or_else(|_| ("Pravo".into(), crate::config::DEFAULT_EXIT_URL.into()));
    let title = t(l, &format!("error-title-{}", status.as_u16()));
    let frame =
        Frame { site_name: &site, exit_url: &exit, reader: viewer.reader(), path: req.path(), through_form: None };
    let body = html! {
        p { (mark.message.text(l)) }
        @if !mark.fields.is_empty() {
            ul.errors {
                @for (field, msgs) in &mark.fields { @for m in msgs { li { (field) ": " (m.text(l)) } } }
            }
        }
        @if let Some(incident) = &mark.incident {
            p { (t(l, "error-incident")) " " code { (incident) } }
        }
        p { a href="/" { (t(l, "error-home-link")) } }
    };
    super::html(status, page(&frame, &title, body))
}

/// What `error_response` leaves in the response's extensions for the renderer.
#[derive(Debug, Clone)]
pub struct ErrorMark {
    pub code: &'static str,
    pub message: Msg,
    pub fields: FieldErrors,
    pub incident: Option<String>,
    /// Where in a source text the problem is (line, column from 1).
    pub location: Option<(usize, usize)>,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized | AppError::BadCredentials | AppError::SecondFactorRequired => {
                StatusCode::UNAUTHORIZED
            }
            AppError::Forbidden
            | AppError::CsrfRejected
            | AppError::ReauthenticationRequired
            | AppError::SecondFactorSetupRequired => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Validation(_) | AppError::Syntax { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let incident = match self {
            AppError::Internal(detail) => {
                let incident = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
                tracing::error!(incident = %incident, error = %detail, "unexpected error");
                Some(incident)
            }
            _ => None,
        };
        let mut response = HttpResponse::build(self.status_code());
        if let AppError::RateLimited { retry_after_seconds } = self {
            response.insert_header(("Retry-After", retry_after_seconds.to_string()));
        }
        let mut response = response.finish();
        response.extensions_mut().insert(ErrorMark {
            code: self.code(),
            message: self.message(),
            fields: self.field_errors(),
            location: match self {
                AppError::Syntax { line, column, .. } => Some((*line, *column)),
                _ => None,
            },
            incident,
        });
        response
    }
}
