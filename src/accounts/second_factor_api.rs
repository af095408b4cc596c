//! The second factor in the API: start enrolling (after re-authentication) and confirm with a code.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::extract::Viewer;
use super::privacy::api::ReauthInput;
use super::second_factor;
use crate::core::error::AppError;
use crate::web::json::JsonBody;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me/mfa/totp", web::post().to(start)).route("/me/mfa/totp/confirm", web::post().to(confirm));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TotpEnrolment {
    /// The secret, base32, for typing into an authenticator app by hand.
    secret: String,
    /// The same as an `otpauth://` link (what the QR code on the account page carries).
    otpauth_uri: String,
}

/// Starts enrolling a second factor (re-authentication): a new secret, not active until confirmed.
#[utoipa::path(post, path = "/api/v1/me/mfa/totp", request_body = ReauthInput,
    responses((status = 200, body = TotpEnrolment), (status = 400, body = crate::web::json::ErrorBody), (status = 401),
        (status = 403, body = crate::web::json::ErrorBody), (status = 429)),
    security(("bearer" = [])))]
pub async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: JsonBody<ReauthInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = body.into_inner()?;
    super::reauthenticate(&state.db, &state.limits, user, &input.current_password, input.totp.as_deref()).await?;
    let enrolment = second_factor::begin(&state.db, user, &state.settings.site_name).await?;
    Ok(HttpResponse::Ok().json(TotpEnrolment { secret: enrolment.secret, otpauth_uri: enrolment.otpauth_uri }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CodeInput {
    /// Six digits from the authenticator app.
    code: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FactorOn {
    /// New recovery codes (the old ones stop working), shown once.
    recovery_codes: Vec<String>,
}

/// Confirms the enrolment with a code from the app: the second factor is active from now on.
#[utoipa::path(post, path = "/api/v1/me/mfa/totp/confirm", request_body = CodeInput,
    responses((status = 200, body = FactorOn), (status = 400, body = crate::web::json::ErrorBody), (status = 401),
        (status = 422, body = crate::web::json::ErrorBody), (status = 429)),
    security(("bearer" = [])))]
pub async fn confirm(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    body: JsonBody<CodeInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = body.into_inner()?;
    let recovery_codes = second_factor::confirm(&state.db, &state.limits, user, &input.code, &mail).await?;
    Ok(HttpResponse::Ok().json(FactorOn { recovery_codes }))
}

/// This part of the OpenAPI description; api.rs merges it.
#[derive(utoipa::OpenApi)]
#[openapi(paths(start, confirm), components(schemas(TotpEnrolment, CodeInput, FactorOn)))]
pub struct SecondFactorApi;
