//! The accounts part of the JSON API.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::model::{Role, UserDto};
use crate::accounts::extract::Viewer;
use crate::auth::tokens::TokenKind;
use crate::core::error::AppError;
use crate::i18n::format_datetime;
use crate::web::json::{JsonBody, rfc3339};
use crate::web::request::ClientAddress;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/auth/register", web::post().to(register))
        .route("/auth/token", web::post().to(token))
        .route("/auth/logout", web::post().to(logout))
        .route("/auth/logout-all", web::post().to(logout_all))
        .route("/me/sessions", web::get().to(sessions))
        .route("/me/sessions/{id}", web::delete().to(end_session))
        .route("/me/notices", web::get().to(notices))
        .route("/me/notices/{id}/read", web::post().to(read_notice))
        .route("/auth/recover", web::post().to(recover))
        .route("/auth/reset-request", web::post().to(reset_request))
        .route("/admin/outbox", web::get().to(outbox))
        .route("/admin/outbox/{id}/resend", web::post().to(resend))
        .route("/me", web::get().to(me))
        .route("/me", web::patch().to(update_me))
        .route("/me/password", web::post().to(change_password))
        .route("/me/recovery-codes", web::post().to(new_recovery_codes))
        .route("/admin/users", web::get().to(list_users))
        .route("/admin/users", web::post().to(create_user))
        .route("/admin/users/{id}/role", web::post().to(change_role))
        .route("/admin/audit", web::get().to(audit));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RegisteredDto {
    user: UserDto,
    #[serde(skip_serializing_if = "Option::is_none")]
    recovery_codes: Option<Vec<String>>,
}

/// Create an account (a scholar). Accounts without email get ten single-use recovery codes, shown once.
#[utoipa::path(post, path = "/api/v1/auth/register", request_body = super::RegisterInput,
    responses((status = 201, body = RegisteredDto), (status = 422, body = crate::web::json::ErrorBody), (status = 429)))]
pub async fn register(
    state: web::Data<AppState>,
    viewer: Viewer,
    address: ClientAddress,
    body: JsonBody<super::RegisterInput>,
) -> Result<HttpResponse, AppError> {
    let input = body.into_inner()?;
    super::check_registration_rate(&state.limits, &address.0).await?;
    let done = super::register(&state.db, input, viewer.locale).await?;
    Ok(HttpResponse::Created()
        .json(RegisteredDto { user: UserDto::from(&done.user), recovery_codes: done.recovery_codes }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TokenInput {
    handle: String,
    password: String,
    /// The code from the authenticator app, for an account with a second factor.
    #[serde(default)]
    totp: Option<String>,
    /// The `device_token` an earlier sign-in of this handle gave this client: failed sign-ins from
    /// elsewhere then never lock it out (it has a failure budget of its own).
    #[serde(default)]
    device_token: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenDto {
    token: String,
    expires_at: String,
    user: UserDto,
    /// An administrator without a second factor: set one up (`POST /me/mfa/totp`) before the grace ends.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    second_factor_setup_required: bool,
    /// When an administrator without a second factor stops being able to act (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    second_factor_grace_until: Option<String>,
    /// Keep it and send it with the next sign-in of this handle (an app's equivalent of the browser's device
    /// cookie). It names neither the handle nor the person.
    device_token: String,
}

/// Sign in: a Bearer token for the API. An unknown handle and a wrong password get the same 401.
#[utoipa::path(post, path = "/api/v1/auth/token", request_body = TokenInput,
    responses((status = 200, body = TokenDto), (status = 401, body = crate::web::json::ErrorBody), (status = 429)))]
pub async fn token(
    state: web::Data<AppState>,
    address: ClientAddress,
    req: HttpRequest,
    body: JsonBody<TokenInput>,
) -> Result<HttpResponse, AppError> {
    let input = body.into_inner()?;
    let key = super::model::handle_key(&input.handle);
    let known = input.device_token.as_deref().and_then(|t| state.csrf.known_device(t, &key));
    let signed_in = super::sign_in(
        &state.db,
        &state.limits,
        &input.handle,
        &input.password,
        &address.0,
        known,
        input.totp.as_deref(),
    )
    .await?;
    let super::SignIn::Done(user) = signed_in else { return Err(AppError::SecondFactorRequired) };
    let grace_until = user.second_factor_grace_until(state.settings.admin_second_factor_grace());
    let issued = state.tokens.issue(TokenKind::Session, &user.id)?;
    let agent = req.headers().get("user-agent").and_then(|h| h.to_str().ok());
    super::sessions::start(&state.db, &user.id, &issued, agent, crate::web::request::via_onion(&req)).await?;
    Ok(HttpResponse::Ok().json(TokenDto {
        token: issued.token,
        expires_at: rfc3339(issued.expires_at),
        user: UserDto::from(&user),
        second_factor_setup_required: grace_until.is_some(),
        second_factor_grace_until: grace_until.map(crate::web::json::rfc3339_naive),
        device_token: state.csrf.device_cookie_value(known, &super::model::handle_key(&user.handle)),
    }))
}

/// Sign out: this session's token stops working at once, on every instance.
#[utoipa::path(post, path = "/api/v1/auth/logout", responses((status = 204), (status = 401)), security(("bearer" = [])))]
pub async fn logout(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    if let Some(sid) = &viewer.session_id {
        super::sessions::end(&state.db, &user.id, sid).await?;
    }
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionList {
    items: Vec<super::sessions::SessionItem>,
}

/// The account's sessions that are still live: a coarse device, the days it started and was last used
/// (never an address); `current` marks the one asking.
#[utoipa::path(get, path = "/api/v1/me/sessions", responses((status = 200, body = SessionList), (status = 401)),
    security(("bearer" = [])))]
pub async fn sessions(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let items = super::sessions::list(&state.db, &user.id, viewer.session_id.as_deref()).await?;
    Ok(HttpResponse::Ok().json(SessionList { items }))
}

/// End one of the account's sessions: its token stops working at once.
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", params(("id" = String, Path)),
    responses((status = 204), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn end_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::sessions::end(&state.db, &user.id, &path).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One notice of the inbox, in the reader's language. The title never names a course or a topic.
#[derive(Serialize, utoipa::ToSchema)]
pub struct NoticeDto {
    id: String,
    /// application_received, decision, nudge, graded, review_assigned or certificate.
    kind: String,
    title: String,
    body: String,
    /// The page on this site the news is on.
    link: String,
    created_at: chrono::DateTime<chrono::Utc>,
    read: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NoticeList {
    items: Vec<NoticeDto>,
    unread: i64,
}

/// The inbox: notices of decisions, offers, graded answers, reviews to do and certificates, newest first
/// (the latest 100), with how many are unread. Every event that sends an email leaves one here too.
#[utoipa::path(get, path = "/api/v1/me/notices", responses((status = 200, body = NoticeList), (status = 401)),
    security(("bearer" = [])))]
pub async fn notices(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let (notices, unread) = super::inbox(&state.db, user).await?;
    let items = notices
        .into_iter()
        .map(|n| {
            let (title, body) = n.kind.message_ids();
            NoticeDto {
                id: n.id,
                kind: n.kind.code().to_owned(),
                title: crate::i18n::t(l, &title),
                body: crate::i18n::t(l, &body),
                link: n.link,
                created_at: n.created_at.and_utc(),
                read: n.read_at.is_some(),
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(NoticeList { items, unread }))
}

/// Mark one of the caller's notices read (someone else's: 404).
#[utoipa::path(post, path = "/api/v1/me/notices/{id}/read", params(("id" = String, Path)),
    responses((status = 204), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn read_notice(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::open_notice(&state.db, user, &path).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sign out everywhere: every token issued before now stops working, this one too.
#[utoipa::path(post, path = "/api/v1/auth/logout-all", responses((status = 204), (status = 401)),
    security(("bearer" = [])))]
pub async fn logout_all(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::sign_out_everywhere(&state.db, &user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set a new password with a recovery code; each code works once.
#[utoipa::path(post, path = "/api/v1/auth/recover", request_body = super::RecoverInput,
    responses((status = 204), (status = 422, body = crate::web::json::ErrorBody), (status = 429)))]
pub async fn recover(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    address: ClientAddress,
    body: JsonBody<super::RecoverInput>,
) -> Result<HttpResponse, AppError> {
    let input = body.into_inner()?;
    super::recover(&state.db, &state.limits, input, &address.0, &mail).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResetRequestInput {
    handle: String,
}

/// Ask for a password-reset link by email: 202 always, whether or not the handle exists or has an address.
#[utoipa::path(post, path = "/api/v1/auth/reset-request", request_body = ResetRequestInput,
    responses((status = 202), (status = 400)))]
pub async fn reset_request(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    req: HttpRequest,
    body: JsonBody<ResetRequestInput>,
) -> Result<HttpResponse, AppError> {
    let input = body.into_inner()?;
    let site = state.settings.site_url(crate::web::request::via_onion(&req));
    super::request_password_reset(&state.db, &state.tokens, &mail, site, &input.handle).await?;
    Ok(HttpResponse::Accepted().json(serde_json::json!({})))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OutboxItem {
    id: String,
    kind: String,
    status: String,
    attempts: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_attempt_at: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OutboxList {
    items: Vec<OutboxItem>,
}

/// The email outbox: what was sent, what waits, what failed.
#[utoipa::path(get, path = "/api/v1/admin/outbox", responses((status = 200, body = OutboxList), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn outbox(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let items = crate::mail::list(&state.db)
        .await?
        .into_iter()
        .map(|j| OutboxItem {
            next_attempt_at: (j.status == "pending").then(|| rfc3339(j.next_attempt_at.and_utc())),
            id: j.id,
            kind: j.kind,
            status: j.status,
            attempts: j.attempts,
            last_error: j.last_error,
        })
        .collect();
    Ok(HttpResponse::Ok().json(OutboxList { items }))
}

/// Send a failed message again.
#[utoipa::path(post, path = "/api/v1/admin/outbox/{id}/resend", params(("id" = String, Path)),
    responses((status = 200), (status = 401), (status = 403), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn resend(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    crate::mail::resend(&state.db, &path).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"ok": true})))
}

#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = UserDto), (status = 401)),
    security(("bearer" = [])))]
pub async fn me(viewer: Viewer) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(UserDto::from(viewer.user()?)))
}

/// Change language, email or the name printed on certificates; `null` or "" removes email and name.
#[utoipa::path(patch, path = "/api/v1/me", request_body = super::ProfileInput,
    responses((status = 200, body = UserDto), (status = 401), (status = 403, body = crate::web::json::ErrorBody),
        (status = 422, body = crate::web::json::ErrorBody), (status = 429)),
    security(("bearer" = [])))]
pub async fn update_me(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    body: JsonBody<super::ProfileInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let base_url = state.settings.site_url(crate::web::request::via_onion(&req));
    let cx = super::ProfileContext { db: &state.db, limits: &state.limits, mail: &mail, base_url };
    let updated = super::update_profile(&cx, user, body.into_inner()?).await?;
    Ok(HttpResponse::Ok().json(UserDto::from(&updated)))
}

/// New recovery codes (shown once); the old ones stop working. Needs the current password.
#[utoipa::path(post, path = "/api/v1/me/recovery-codes", request_body = crate::accounts::privacy::api::ReauthInput,
    responses((status = 200, body = RecoveryCodes), (status = 401), (status = 403), (status = 429)),
    security(("bearer" = [])))]
pub async fn new_recovery_codes(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    body: JsonBody<crate::accounts::privacy::api::ReauthInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let input = body.into_inner()?;
    super::reauthenticate(&state.db, &state.limits, user, &input.current_password, input.totp.as_deref()).await?;
    let recovery_codes = super::regenerate_recovery_codes(&state.db, user, &mail).await?;
    Ok(HttpResponse::Ok().json(RecoveryCodes { recovery_codes }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RecoveryCodes {
    recovery_codes: Vec<String>,
}

/// Change the password; every other session and token stops working.
#[utoipa::path(post, path = "/api/v1/me/password", request_body = super::ChangePasswordInput,
    responses((status = 204), (status = 401), (status = 422, body = crate::web::json::ErrorBody)),
    security(("bearer" = [])))]
pub async fn change_password(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    body: JsonBody<super::ChangePasswordInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let session = viewer.session_id.clone().unwrap_or_default();
    super::change_password(&state.db, user, body.into_inner()?, &session, &mail).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
pub struct Page {
    after: Option<String>,
    /// Part of a handle: only the accounts whose handle contains it.
    q: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UserList {
    items: Vec<UserDto>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// Every account, by handle (or those whose handle contains `q`); `next` is the `after` of the following page.
#[utoipa::path(get, path = "/api/v1/admin/users", params(("after" = Option<String>, Query), ("q" = Option<String>, Query)),
    responses((status = 200, body = UserList), (status = 401), (status = 403)), security(("bearer" = [])))]
pub async fn list_users(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<Page>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let Page { after, q } = query.into_inner();
    let users = match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => super::search_users(&state.db, q, after, super::PAGE_SIZE + 1).await?,
        None => super::list_users(&state.db, after, super::PAGE_SIZE + 1).await?,
    };
    let more = users.len() as i64 > super::PAGE_SIZE;
    let items: Vec<UserDto> = users.iter().take(super::PAGE_SIZE as usize).map(UserDto::from).collect();
    let next = more.then(|| items.last().map(|u| super::model::handle_key(&u.handle))).flatten();
    Ok(HttpResponse::Ok().json(UserList { items, next }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedUser {
    user: UserDto,
    /// A one-time link (valid three days) for the account's owner to set a password: hand it over.
    set_password_url: String,
}

/// Make an account (handle and role, no password) and get the one-time link that lets its owner set one.
#[utoipa::path(post, path = "/api/v1/admin/users", request_body = super::NewAccountInput,
    responses((status = 201, body = CreatedUser), (status = 401), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn create_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    body: JsonBody<super::NewAccountInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let site = state.settings.site_url(crate::web::request::via_onion(&req));
    let (user, link) = super::create_by_admin(&state.db, &state.tokens, actor, body.into_inner()?, site).await?;
    Ok(HttpResponse::Created().json(CreatedUser { user: UserDto::from(&user), set_password_url: link }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RoleInput {
    #[schema(required = true, value_type = super::model::Role)]
    role: String,
}

/// Change someone's role; takes effect on their next request. The last administrator stays (409).
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/role", request_body = RoleInput,
    params(("id" = String, Path)),
    responses((status = 200, body = UserDto), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn change_role(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<RoleInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let id = path.into_inner();
    if super::find_user(&state.db, &id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let input = body.into_inner()?;
    let role = Role::parse(&input.role).ok_or_else(|| AppError::field("role", super::error_msg("role-unknown")))?;
    let user = super::change_role(&state.db, actor, &id, role).await?;
    Ok(HttpResponse::Ok().json(UserDto::from(&user)))
}

#[derive(Deserialize)]
pub struct AuditPage {
    before: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditItem {
    id: String,
    at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor_id: Option<String>,
    action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_user_id: Option<String>,
    details: serde_json::Value,
    /// The date in the reader's language.
    at_text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditList {
    items: Vec<AuditItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

/// The audit log, newest first; `next` is the `before` of the following page.
#[utoipa::path(get, path = "/api/v1/admin/audit", params(("before" = Option<String>, Query)),
    responses((status = 200, body = AuditList), (status = 401), (status = 403)), security(("bearer" = [])))]
pub async fn audit(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<AuditPage>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let before = query.into_inner().before.and_then(|b| b.parse::<i64>().ok());
    let entries = super::audit_log(&state.db, before, super::PAGE_SIZE + 1).await?;
    let more = entries.len() as i64 > super::PAGE_SIZE;
    let items: Vec<AuditItem> = entries
        .into_iter()
        .take(super::PAGE_SIZE as usize)
        .map(|e| AuditItem {
            id: e.id.to_string(),
            at: rfc3339(e.at.and_utc()),
            actor_id: e.actor_id,
            action: e.action,
            target_user_id: e.target_user_id,
            details: serde_json::from_str(&e.details).unwrap_or(serde_json::Value::Null),
            at_text: format_datetime(viewer.locale, e.at),
        })
        .collect();
    let next = more.then(|| items.last().map(|i| i.id.clone())).flatten();
    Ok(HttpResponse::Ok().json(AuditList { items, next }))
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        register,
        token,
        logout,
        logout_all,
        sessions,
        end_session,
        notices,
        read_notice,
        recover,
        me,
        update_me,
        change_password,
        new_recovery_codes,
        list_users,
        create_user,
        change_role,
        audit,
        reset_request,
        outbox,
        resend,
    ),
    components(schemas(
        CreatedUser,
        super::NewAccountInput,
        SessionList,
        NoticeList,
        NoticeDto,
        super::sessions::SessionItem,
        super::model::UserDto,
        super::model::Role,
        super::RegisterInput,
        super::ChangePasswordInput,
        super::RecoverInput,
        super::ProfileInput,
        TokenInput,
        TokenDto,
        RegisteredDto,
        RoleInput,
        RecoveryCodes,
        UserList,
        AuditItem,
        AuditList,
        ResetRequestInput,
        OutboxItem,
        OutboxList,
    ))
)]
pub struct AccountsApi;
