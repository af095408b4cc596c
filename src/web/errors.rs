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

use super::layout::{Frame, page};
use crate::auth::csrf;
use crate::auth::extract::{Viewer, is_unsafe, state};
use crate::error::{AppError, ErrorMark};
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
    for (name, value) in old.headers() {
        if name.as_str().eq_ignore_ascii_case("retry-after") || name.as_str().eq_ignore_ascii_case("set-cookie") {
            new.headers_mut().append(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(http_req, new).map_into_right_body())
}

async fn viewer_for_error(req: &HttpRequest) -> Viewer {
    match Viewer::of(req).await {
        Ok(viewer) => viewer,
        Err(_) => Viewer {
            user: None,
            locale: crate::auth::extract::locale_without_user(req),
            csrf_token: String::new(),
            session_id: None,
            via_bearer: false,
        },
    }
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
    let site = state(req).map(|s| s.settings.site_name.clone()).unwrap_or_else(|_| "Pravo".into());
    let title = t(l, &format!("error-title-{}", status.as_u16()));
    let frame = Frame::new(&site, &viewer, req.path());
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
