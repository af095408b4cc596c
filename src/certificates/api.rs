//! The certificates part of the JSON API, and the issuer's public keys.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::Certificate;
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::Msg;
use crate::web::json::{JsonBody, rfc3339_naive as rfc3339};
use crate::web::request::ClientAddress;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/me/certificates", web::get().to(mine))
        .route("/certificates/{id}", web::patch().to(update))
        .route("/certificates/{id}/pdf", web::get().to(pdf))
        .route("/certificates/{id}/credential", web::get().to(credential))
        .route("/verify/{code}", web::get().to(verify))
        .route("/admin/certificates/{id}/revoke", web::post().to(revoke));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CertificateDto {
    id: String,
    course_slug: String,
    course_title: String,
    issued_at: String,
    code: String,
    public: bool,
    pdf_url: String,
    credential_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    revoked_at: Option<String>,
}

fn dto(c: Certificate, slug: String) -> CertificateDto {
    CertificateDto {
        pdf_url: format!("/api/v1/certificates/{}/pdf", c.id),
        credential_url: format!("/api/v1/certificates/{}/credential", c.id),
        revoked_at: c.revoked_at.map(rfc3339),
        issued_at: rfc3339(c.issued_at),
        id: c.id,
        course_slug: slug,
        course_title: c.course_title,
        code: c.code,
        public: c.public,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CertificateList {
    items: Vec<CertificateDto>,
}

async fn slug_of(state: &AppState, course_id: String) -> Result<String, AppError> {
    let course = state
        .db
        .run(move |conn| crate::courses::find_course_by_id(conn, &crate::core::ids::CourseId::from(&course_id)))
        .await?;
    Ok(course.map(|c| c.slug).unwrap_or_default())
}

/// The signed-in scholar's certificates.
#[utoipa::path(get, path = "/api/v1/me/certificates", responses((status = 200, body = CertificateList), (status = 401)),
    security(("bearer" = [])))]
pub async fn mine(
    state: web::Data<AppState>,
    certs: web::Data<crate::certificates::CertSettings>,
    viewer: Viewer,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let items =
        super::mine_with_slugs(&state.db, &certs, user).await?.into_iter().map(|(c, slug)| dto(c, slug)).collect();
    Ok(HttpResponse::Ok().json(CertificateList { items }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct PublicInput {
    public: Option<bool>,
}

/// Turn public verification of a certificate on or off (its holder).
#[utoipa::path(patch, path = "/api/v1/certificates/{id}", params(("id" = String, Path)), request_body = PublicInput,
    responses((status = 200, body = CertificateDto), (status = 401), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<PublicInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::owned(&state.db, user, &path, false).await?;
    let public =
        body.into_inner()?.public.ok_or_else(|| AppError::field("public", Msg::new("error-public-required")))?;
    let c = super::set_public(&state.db, user, &path, public).await?;
    let slug = slug_of(&state, c.course_id.clone()).await?;
    Ok(HttpResponse::Ok().json(dto(c, slug)))
}

/// The certificate as a PDF (its holder, admins).
#[utoipa::path(get, path = "/api/v1/certificates/{id}/pdf", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/pdf"), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn pdf(
    state: web::Data<AppState>,
    certs: web::Data<crate::certificates::CertSettings>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = super::owned(&state.db, viewer.user()?, &path, true).await?;
    let cs = certs.clone();
    let bytes =
        web::block(move || super::render_pdf(&cs, &c)).await.map_err(|e| AppError::internal(e.to_string()))??;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("Content-Disposition", "attachment; filename=\"certificate.pdf\""))
        .body(bytes))
}

/// The Open Badges 3.0 credential as a VC-JWT (its holder).
#[utoipa::path(get, path = "/api/v1/certificates/{id}/credential", params(("id" = String, Path)),
    responses((status = 200, content_type = "text/plain"), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn credential(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let c = super::owned(&state.db, viewer.user()?, &path, false).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"certificate.jwt\""))
        .body(c.credential))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VerificationDto {
    status: String,
    holder_name: String,
    course_title: String,
    issued_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<i32>,
    issuer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    revoked_at: Option<String>,
}

/// Check a certificate by its code. Unknown, hidden and malformed codes get the same 404.
#[utoipa::path(get, path = "/api/v1/verify/{code}", params(("code" = String, Path)),
    responses((status = 200, body = VerificationDto), (status = 404), (status = 429)))]
pub async fn verify(
    state: web::Data<AppState>,
    address: ClientAddress,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::check_verify_rate(&state.limits, &address.0).await?;
    let c = super::verify(&state.db, &path).await?;
    Ok(HttpResponse::Ok().json(VerificationDto {
        status: if c.revoked_at.is_some() { "revoked".into() } else { "valid".into() },
        holder_name: c.holder_name,
        course_title: c.course_title,
        issued_at: rfc3339(c.issued_at),
        hours: c.hours,
        issuer: c.issuer,
        revoked_at: c.revoked_at.map(rfc3339),
    }))
}

#[utoipa::path(post, path = "/api/v1/admin/certificates/{id}/revoke", params(("id" = String, Path)),
    responses((status = 200), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn revoke(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::revoke(&state.db, viewer.user()?, &path).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"ok": true})))
}

/// The routes outside /api/v1: the issuer's public keys, where verifiers of a credential look.
pub fn well_known_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/.well-known/jwks.json", web::get().to(jwks));
}

/// The issuer's public keys (outside /api/v1).
pub async fn jwks(certs: web::Data<crate::certificates::CertSettings>) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"keys": [certs.key.jwk()]}))
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(mine, update, pdf, credential, verify, revoke,),
    components(schemas(CertificateDto, CertificateList, PublicInput, VerificationDto,))
)]
pub struct CertificatesApi;
