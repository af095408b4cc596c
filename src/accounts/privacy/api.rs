//! The privacy request in the JSON API: export (`POST /me/export`) and erasure (`DELETE /me`, and an
//! administrator's `DELETE /admin/users/{id}`).

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{ErasedBy, Files, Parts};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::web::json::JsonBody;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me/export", web::post().to(export))
        .route("/me", web::delete().to(erase_me))
        .route("/admin/users/{id}", web::delete().to(erase_user));
}

/// Re-authentication: the account's current password, and a fresh code when it has a second factor.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReauthInput {
    pub current_password: String,
    pub totp: Option<String>,
}

/// Everything Pravo holds about the caller, as one ZIP (a JSON file per kind, her certificates' PDFs and
/// an HTML index in her language). Needs the current password (403 `reauthentication_required`).
#[utoipa::path(post, path = "/api/v1/me/export", request_body = ReauthInput,
    responses((status = 200, content_type = "application/zip", body = Vec<u8>), (status = 401), (status = 403), (status = 429)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    viewer: Viewer,
    body: JsonBody<ReauthInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = body.into_inner()?;
    let zip =
        super::export(&state.db, &state.limits, &parts, user, &input.current_password, input.totp.as_deref()).await?;
    Ok(crate::web::download("application/zip", &super::archive_name(chrono::Utc::now().date_naive()), zip))
}

/// Erase the caller's account and personal data (see the privacy page for what is kept anonymised).
/// Needs the current password; 409 for the last administrator.
#[utoipa::path(delete, path = "/api/v1/me", request_body = ReauthInput,
    responses((status = 204), (status = 401), (status = 403), (status = 409, body = crate::web::json::ErrorBody), (status = 429)),
    security(("bearer" = [])))]
pub async fn erase_me(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    files: web::Data<Files>,
    viewer: Viewer,
    body: JsonBody<ReauthInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = body.into_inner()?;
    crate::accounts::reauthenticate(&state.db, &state.limits, user, &input.current_password, input.totp.as_deref())
        .await?;
    super::erase(&state.db, &parts, &files, &user.id, ErasedBy::Herself).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Why an administrator erases an account (kept in the audit log; name nobody in it).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EraseInput {
    /// Why (1 to 500 characters, no control characters; kept in the audit log).
    #[schema(
        required = true,
        min_length = 1,
        max_length = 500,
        pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
    )]
    pub reason: String,
}

/// Erase an account as an administrator, with a reason for the audit log; 409 for the last administrator.
#[utoipa::path(delete, path = "/api/v1/admin/users/{id}", request_body = EraseInput,
    params(("id" = String, Path)),
    responses((status = 204), (status = 401), (status = 403), (status = 404), (status = 409, body = crate::web::json::ErrorBody),
        (status = 422, body = crate::web::json::ErrorBody)),
    security(("bearer" = [])))]
pub async fn erase_user(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    files: web::Data<Files>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<EraseInput>,
) -> Result<HttpResponse, AppError> {
    let admin = viewer.admin()?;
    let id = path.into_inner();
    if crate::accounts::find_user(&state.db, &id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let input = body.into_inner()?;
    let reason = super::checked_reason(&input.reason)?;
    super::erase(&state.db, &parts, &files, &id, ErasedBy::Admin { admin, reason }).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// This part of the OpenAPI description; api.rs merges it with the others.
#[derive(utoipa::OpenApi)]
#[openapi(paths(export, erase_me, erase_user), components(schemas(ReauthInput, EraseInput)))]
pub struct PrivacyApi;
