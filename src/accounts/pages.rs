//! The account pages: sign in, register, recover, set a password, the first administrator, account
//! settings, the language switch, and the admin pages for users, roles and the audit log.

use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

use super::model::{AuditEntry, Role, User};
use super::{RECOVERY_CODE_COUNT, RegisterInput};
use crate::accounts::extract::Viewer;
use crate::auth::password::{MAX_CHARS, MIN_CHARS};
use crate::auth::tokens::TokenKind;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, format_datetime, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, form_problem};
use crate::web::request::ClientAddress;
use crate::web::state::AppState;
use crate::web::{cookies, safe_next, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(login_page))
        .route("/login", web::post().to(login))
        .route("/logout", web::post().to(logout))
        .route("/register", web::get().to(register_page))
        .route("/register", web::post().to(register))
        .route("/recover", web::get().to(recover_page))
        .route("/recover", web::post().to(recover))
        .route("/set-password", web::get().to(set_password_page))
        .route("/set-password", web::post().to(set_password))
        .route("/reset-password", web::get().to(set_password_page))
        .route("/reset-password", web::post().to(set_password))
        .route("/reset", web::get().to(reset_page))
        .route("/reset", web::post().to(reset))
        .route("/setup", web::get().to(setup_page))
        .route("/setup", web::post().to(setup))
        .route("/language", web::post().to(language))
        .route("/account", web::get().to(account_page))
        .route("/account/profile", web::post().to(update_profile))
        .route("/account/password", web::post().to(change_password))
        .route("/account/reminders", web::post().to(set_reminders))
        .route("/account/logout-all", web::post().to(logout_all))
        .route("/account/recovery-codes", web::post().to(regenerate_codes))
        .route("/admin/users", web::get().to(users_page))
        .route("/admin/users/{id}/role", web::post().to(change_role))
        .route("/admin/audit", web::get().to(audit_page));
}

/// Renders a page in the shell.
fn respond(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    status: StatusCode,
    title: &str,
    body: Markup,
) -> HttpResponse {
    crate::web::page_response(state, viewer, req, status, title, body)
}

/// Status of a form shown again after a problem.
fn problem_status(problems: &Problems, fallback: StatusCode) -> StatusCode {
    if problems.is_empty() { StatusCode::OK } else { fallback }
}

fn session_cookie(state: &AppState, user: &User) -> Result<Cookie<'static>, AppError> {
    let issued = state.tokens.issue(TokenKind::Session, &user.id)?;
    Ok(cookies::session(&state.settings, issued.token, TokenKind::Session.lifetime().num_seconds()))
}

fn removal_cookie(state: &AppState) -> Cookie<'static> {
    cookies::session_removal(&state.settings)
}

fn signed_in_redirect(state: &AppState, user: &User, to: &str) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::SeeOther().insert_header(("Location", to)).cookie(session_cookie(state, user)?).finish())
}

// ---- sign in ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    handle: String,
    password: String,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

async fn login_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<NextQuery>,
) -> HttpResponse {
    let form = LoginForm { next: q.into_inner().next, ..Default::default() };
    login_view(&state, &viewer, &req, &form, &Problems::default(), StatusCode::OK)
}

fn login_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    form: &LoginForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        (form_problem(l, problems))
        form.stack method="post" action="/login" novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="next" value=(form.next.as_deref().unwrap_or("/"));
            (Input::new("handle", t(l, "field-handle")).value(&form.handle).autocomplete("username").required().render(l, problems))
            (Input::new("password", t(l, "field-password")).kind("password").autocomplete("current-password").required().render(l, problems))
            button.primary type="submit" { (t(l, "login-submit")) }
        }
        p { (t(l, "login-no-account")) " " a href="/register" { (t(l, "nav-register")) } }
        p { (t(l, "login-forgot")) " " a href="/reset" { (t(l, "login-reset-by-email")) } " · " a href="/recover" { (t(l, "login-reset-by-code")) } }
    };
    respond(state, v, req, status, &t(l, "login-title"), body)
}

async fn login(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    address: ClientAddress,
    form: CsrfForm<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    match super::sign_in(&state.db, &state.limits, &form.handle, &form.password, &address.0).await {
        Ok(user) => signed_in_redirect(&state, &user, &safe_next(form.next.as_deref())),
        Err(error) => {
            let status = error_status(&error);
            let problems = Problems::from_error(error)?;
            let mut response = login_view(&state, &viewer, &req, &form, &problems, status);
            retry_after(&mut response, &problems);
            Ok(response)
        }
    }
}

fn error_status(error: &AppError) -> StatusCode {
    use actix_web::ResponseError;
    error.status_code()
}

fn retry_after(response: &mut HttpResponse, problems: &Problems) {
    if let Some(msg) = &problems.form
        && msg.id == "error-rate-limited"
        && let Some((_, Arg::Number(minutes))) = msg.args.first()
        && let Ok(value) = (minutes * 60).to_string().parse()
    {
        response.headers_mut().insert(actix_web::http::header::RETRY_AFTER, value);
    }
}

async fn logout(state: web::Data<AppState>, _form: CsrfForm<serde::de::IgnoredAny>) -> HttpResponse {
    HttpResponse::SeeOther().insert_header(("Location", "/")).cookie(removal_cookie(&state)).finish()
}

// ---- registration ----

async fn register_page(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    let form = RegisterInput { locale: Some(viewer.locale.code().into()), ..Default::default() };
    register_view(&state, &viewer, &req, &form, &Problems::default())
}

fn password_hint(l: Locale) -> String {
    t_with(l, "password-hint", &[("min", Arg::Number(MIN_CHARS as i64)), ("max", Arg::Number(MAX_CHARS as i64))])
}

fn register_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    form: &RegisterInput,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let chosen = form.locale.as_deref().and_then(Locale::parse).unwrap_or(l);
    let body = html! {
        p.lead { (t(l, "register-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/register" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(&form.handle).hint(t(l, "handle-hint")).autocomplete("username").required().render(l, problems))
            (Input::new("password", t(l, "field-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, problems))
            (locale_select(l, chosen, problems))
            (Input::new("email", t(l, "field-email-optional")).kind("email").value(form.email.as_deref().unwrap_or("")).hint(t(l, "email-hint")).autocomplete("email").render(l, problems))
            button.primary type="submit" { (t(l, "register-submit")) }
        }
    };
    respond(state, v, req, problem_status(problems, StatusCode::UNPROCESSABLE_ENTITY), &t(l, "register-title"), body)
}

fn locale_select(l: Locale, chosen: Locale, problems: &Problems) -> Markup {
    html! {
        div.field.invalid[problems.fields.contains_key("locale")] {
            label for="f-locale" { (t(l, "field-language")) }
            select id="f-locale" name="locale" {
                @for option in Locale::ALL {
                    option value=(option.code()) selected[option == chosen] lang=(option.code()) { (t(option, "language-name")) }
                }
            }
        }
    }
}

async fn register(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    address: ClientAddress,
    form: CsrfForm<RegisterInput>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let attempt = async {
        super::check_registration_rate(&state.limits, &address.0)?;
        super::register(&state.db, form.clone(), viewer.locale).await
    };
    match attempt.await {
        Ok(done) => {
            let cookie = session_cookie(&state, &done.user)?;
            let Some(codes) = done.recovery_codes else {
                return Ok(HttpResponse::SeeOther().insert_header(("Location", "/account")).cookie(cookie).finish());
            };
            // Show the new account's pages in its own language from here on.
            let signed_in = Viewer { locale: done.user.locale, user: Some(done.user), ..viewer };
            let l = signed_in.locale;
            let mut response = respond(
                &state,
                &signed_in,
                &req,
                StatusCode::CREATED,
                &t(l, "codes-title"),
                codes_view(l, &codes, "/account"),
            );
            response.add_cookie(&cookie).map_err(|e| AppError::internal(e.to_string()))?;
            Ok(response)
        }
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let mut response = register_view(&state, &viewer, &req, &form, &problems);
            retry_after(&mut response, &problems);
            Ok(response)
        }
    }
}

fn codes_view(l: Locale, codes: &[String], continue_to: &str) -> Markup {
    html! {
        p.lead { (t(l, "codes-intro")) }
        ol.codes { @for code in codes { li { code { (code) } } } }
        p { (t(l, "codes-keep-safe")) }
        p { a.button href=(continue_to) { (t(l, "codes-continue")) } }
    }
}

// ---- recovery ----

async fn recover_page(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    recover_view(&state, &viewer, &req, "", &Problems::default())
}

fn recover_view(state: &AppState, v: &Viewer, req: &HttpRequest, handle: &str, problems: &Problems) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        p.lead { (t(l, "recover-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/recover" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(handle).autocomplete("username").required().render(l, problems))
            (Input::new("recovery_code", t(l, "field-recovery-code")).autocomplete("one-time-code").required().render(l, problems))
            (Input::new("new_password", t(l, "field-new-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, problems))
            button.primary type="submit" { (t(l, "recover-submit")) }
        }
    };
    respond(state, v, req, problem_status(problems, StatusCode::UNPROCESSABLE_ENTITY), &t(l, "recover-title"), body)
}

async fn recover(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    address: ClientAddress,
    form: CsrfForm<super::RecoverInput>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let handle = form.handle.clone();
    match super::recover(&state.db, &state.limits, form, &address.0, &mail).await {
        Ok(user) => signed_in_redirect(&state, &user, "/account"),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let mut response = recover_view(&state, &viewer, &req, &handle, &problems);
            retry_after(&mut response, &problems);
            Ok(response)
        }
    }
}

// ---- single-use links: set a password, create the first administrator ----

#[derive(Deserialize)]
pub struct TokenQuery {
    token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetPasswordForm {
    token: String,
    password: String,
}

/// The two single-use password links: one made by an operator, one sent by email for a reset.
fn link_kind(req: &HttpRequest) -> (TokenKind, &'static str, &'static str) {
    if req.path().starts_with("/reset-password") {
        (TokenKind::PasswordReset, "/reset-password", "reset-password-title")
    } else {
        (TokenKind::SetPassword, "/set-password", "set-password-title")
    }
}

async fn set_password_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = q.into_inner().token;
    let user = super::set_password_target(&state.db, &state.tokens, link_kind(&req).0, &token).await?;
    Ok(set_password_view(&state, &viewer, &req, &user.handle, &token, &Problems::default()))
}

fn set_password_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    handle: &str,
    token: &str,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let (_, action, title) = link_kind(req);
    let body = html! {
        p.lead { (t_with(l, "set-password-intro", &[("handle", Arg::Text(handle.to_owned()))])) }
        (form_problem(l, problems))
        form.stack method="post" action=(action) novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="token" value=(token);
            (Input::new("password", t(l, "field-new-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, problems))
            button.primary type="submit" { (t(l, "set-password-submit")) }
        }
    };
    respond(state, v, req, problem_status(problems, StatusCode::UNPROCESSABLE_ENTITY), &t(l, title), body)
}

async fn set_password(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<SetPasswordForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let kind = link_kind(&req).0;
    match super::set_password_with_link(&state.db, &state.tokens, kind, &form.token, form.password, &mail).await {
        Ok(user) => signed_in_redirect(&state, &user, "/account"),
        Err(error) => {
            let user = super::set_password_target(&state.db, &state.tokens, kind, &form.token).await?;
            let problems = Problems::from_error(error)?;
            Ok(set_password_view(&state, &viewer, &req, &user.handle, &form.token, &problems))
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    handle: String,
}

async fn reset_page(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    reset_view(&state, &viewer, &req, "", false)
}

fn reset_view(state: &AppState, v: &Viewer, req: &HttpRequest, handle: &str, sent: bool) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        @if sent { p.notice role="status" { (t(l, "reset-sent")) } }
        p.lead { (t(l, "reset-intro")) }
        form.stack method="post" action="/reset" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(handle).autocomplete("username").required().render(l, &Problems::default()))
            button.primary type="submit" { (t(l, "reset-submit")) }
        }
        p { a href="/recover" { (t(l, "login-reset-by-code")) } }
    };
    respond(state, v, req, StatusCode::OK, &t(l, "reset-title"), body)
}

async fn reset(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ResetForm>,
) -> Result<HttpResponse, AppError> {
    let handle = form.0.handle;
    super::request_password_reset(&state.db, &state.tokens, &state.limits, &mail, &state.settings.base_url, &handle)
        .await?;
    Ok(reset_view(&state, &viewer, &req, &handle, true))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetupForm {
    token: String,
    handle: String,
    password: String,
}

async fn setup_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = q.into_inner().token;
    if !super::bootstrap_token_valid(&state.tokens, &token) || super::admin_exists(&state.db).await? {
        return Err(AppError::NotFound);
    }
    let form = SetupForm { token, ..Default::default() };
    Ok(setup_view(&state, &viewer, &req, &form, &Problems::default(), StatusCode::OK))
}

fn setup_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    form: &SetupForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        p.lead { (t(l, "setup-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/setup" novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="token" value=(form.token);
            (Input::new("handle", t(l, "field-handle")).value(&form.handle).hint(t(l, "handle-hint")).autocomplete("username").required().render(l, problems))
            (Input::new("password", t(l, "field-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, problems))
            button.primary type="submit" { (t(l, "setup-submit")) }
        }
    };
    respond(state, v, req, status, &t(l, "setup-title"), body)
}

async fn setup(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<SetupForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let input = RegisterInput {
        handle: form.handle.clone(),
        password: form.password.clone(),
        locale: Some(viewer.locale.code().into()),
        email: None,
    };
    match super::create_first_admin(&state.db, &state.tokens, &form.token, input).await {
        Ok(user) => signed_in_redirect(&state, &user, "/admin/users"),
        Err(error) => {
            let status = error_status(&error);
            let problems = Problems::from_error(error)?;
            Ok(setup_view(&state, &viewer, &req, &form, &problems, status))
        }
    }
}

// ---- language ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    locale: String,
    next: Option<String>,
}

async fn language(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: CsrfForm<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let locale = Locale::parse(&form.locale).ok_or(AppError::BadRequest(super::error_msg("locale-unknown")))?;
    if let Some(user) = &viewer.user {
        super::set_locale(&state.db, &user.id, locale).await?;
    }
    let cookie = cookies::language(&state.settings, locale.code());
    Ok(HttpResponse::SeeOther().insert_header(("Location", safe_next(form.next.as_deref()))).cookie(cookie).finish())
}

// ---- account ----

#[derive(Default)]
struct AccountForms {
    profile: Problems,
    password: Problems,
    saved: Option<&'static str>,
}

async fn account_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let saved = match q.into_inner().saved.as_deref() {
        Some("profile") => Some("account-saved-profile"),
        Some("password") => Some("account-saved-password"),
        Some("reminders") => Some("account-saved-reminders"),
        _ => None,
    };
    account_view(&state, &viewer, &req, AccountForms { saved, ..Default::default() }, None).await
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

async fn account_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    forms: AccountForms,
    typed: Option<&ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let user = v.user()?;
    let l = v.locale;
    let codes_left = super::unused_recovery_codes(&state.db, &user.id).await?;
    let email = typed.map(|f| f.email.as_str()).unwrap_or(user.email.as_deref().unwrap_or(""));
    let name = typed.map(|f| f.certificate_name.as_str()).unwrap_or(user.certificate_name.as_deref().unwrap_or(""));
    let chosen = typed.and_then(|f| Locale::parse(&f.locale)).unwrap_or(user.locale);
    let body = html! {
        @if let Some(saved) = forms.saved { div.notice role="status" { (t(l, saved)) } }
        dl.facts {
            dt { (t(l, "field-handle")) } dd { (user.handle) }
            dt { (t(l, "account-role")) } dd { (t(l, &format!("role-{}", user.role.as_str()))) }
            dt { (t(l, "account-since")) } dd { (crate::i18n::format_date(l, user.created_at)) }
        }
        section aria-labelledby="profile-h" {
            h2 #profile-h { (t(l, "account-profile")) }
            (form_problem(l, &forms.profile))
            form.stack method="post" action="/account/profile" novalidate {
                (csrf_field(&v.csrf_token))
                (locale_select(l, chosen, &forms.profile))
                (Input::new("email", t(l, "field-email-optional")).kind("email").value(email).hint(t(l, "email-hint")).autocomplete("email").render(l, &forms.profile))
                (Input::new("certificate_name", t(l, "field-certificate-name")).value(name).hint(t(l, "certificate-name-hint")).autocomplete("off").render(l, &forms.profile))
                button.primary type="submit" { (t(l, "account-save")) }
            }
        }
        section aria-labelledby="reminders-h" {
            h2 #reminders-h { (t(l, "reminders-title")) }
            p { @if user.reminders_off { (t(l, "reminders-are-off")) } @else { (t(l, "reminders-are-on")) } }
            @if user.email.is_none() { p.meta { (t(l, "reminders-need-email")) } }
            form method="post" action="/account/reminders" {
                (csrf_field(&v.csrf_token))
                input type="hidden" name="off" value=(if user.reminders_off { "false" } else { "true" });
                button type="submit" {
                    @if user.reminders_off { (t(l, "reminders-turn-on")) } @else { (t(l, "reminders-turn-off")) }
                }
            }
        }
        section aria-labelledby="password-h" {
            h2 #password-h { (t(l, "account-password")) }
            (form_problem(l, &forms.password))
            form.stack method="post" action="/account/password" novalidate {
                (csrf_field(&v.csrf_token))
                (Input::new("current_password", t(l, "field-current-password")).kind("password").autocomplete("current-password").required().render(l, &forms.password))
                (Input::new("new_password", t(l, "field-new-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, &forms.password))
                button.primary type="submit" { (t(l, "account-change-password")) }
            }
        }
        section aria-labelledby="codes-h" {
            h2 #codes-h { (t(l, "account-recovery-codes")) }
            p { (t_with(l, "account-codes-left", &[("count", Arg::Number(codes_left))])) }
            form method="post" action="/account/recovery-codes" {
                (csrf_field(&v.csrf_token))
                button type="submit" { (t(l, "account-new-codes")) }
            }
        }
        section aria-labelledby="sessions-h" {
            h2 #sessions-h { (t(l, "account-sessions")) }
            p { (t(l, "account-sessions-intro")) }
            form method="post" action="/account/logout-all" {
                (csrf_field(&v.csrf_token))
                button type="submit" { (t(l, "account-logout-all")) }
            }
        }
    };
    let status = if forms.profile.is_empty() && forms.password.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(respond(state, v, req, status, &t(l, "account-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    locale: String,
    email: String,
    certificate_name: String,
}

async fn update_profile(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let form = form.0;
    let input = super::ProfileInput {
        locale: Some(form.locale.clone()),
        email: Some(Some(form.email.clone())),
        certificate_name: Some(Some(form.certificate_name.clone())),
    };
    match super::update_profile(&state.db, user, input, &mail).await {
        Ok(_) => Ok(see_other("/account?saved=profile")),
        Err(error) => {
            let profile = Problems::from_error(error)?;
            account_view(&state, &viewer, &req, AccountForms { profile, ..Default::default() }, Some(&form)).await
        }
    }
}

async fn change_password(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<super::ChangePasswordInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let session = viewer.session_id.clone().unwrap_or_default();
    match super::change_password(&state.db, user, form.0, &session, &mail).await {
        Ok(()) => Ok(see_other("/account?saved=password")),
        Err(error) => {
            let password = Problems::from_error(error)?;
            account_view(&state, &viewer, &req, AccountForms { password, ..Default::default() }, None).await
        }
    }
}

async fn logout_all(
    state: web::Data<AppState>,
    viewer: Viewer,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::sign_out_everywhere(&state.db, &user.id).await?;
    Ok(HttpResponse::SeeOther().insert_header(("Location", "/login")).cookie(removal_cookie(&state)).finish())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemindersForm {
    off: bool,
}

async fn set_reminders(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: CsrfForm<RemindersForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::set_reminders_off(&state.db, &user.id, form.0.off).await?;
    Ok(see_other("/account?saved=reminders"))
}

async fn regenerate_codes(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let codes = super::regenerate_recovery_codes(&state.db, &user.id).await?;
    debug_assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
    let l = viewer.locale;
    Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "codes-title"), codes_view(l, &codes, "/account")))
}

// ---- administration ----

#[derive(Deserialize)]
pub struct UsersQuery {
    after: Option<String>,
}

async fn users_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    users_view(&state, &viewer, &req, q.into_inner().after, None).await
}

async fn users_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    after: Option<String>,
    problem: Option<crate::i18n::Msg>,
) -> Result<HttpResponse, AppError> {
    let l = v.locale;
    let page_size = super::api::PAGE_SIZE;
    let users = super::list_users(&state.db, after, page_size + 1).await?;
    let total = super::count_users(&state.db).await?;
    let next = (users.len() as i64 > page_size)
        .then(|| users.get(page_size as usize - 1).map(|u| super::model::handle_key(&u.handle)))
        .flatten();
    let body = html! {
        @if let Some(problem) = &problem { div.alert role="alert" { (problem.text(l)) } }
        p { (t_with(l, "users-count", &[("count", Arg::Number(total))])) }
        div.table-scroll {
            table.stack-narrow {
                thead { tr { th scope="col" { (t(l, "field-handle")) } th scope="col" { (t(l, "account-since")) } th scope="col" { (t(l, "account-role")) } } }
                tbody {
                    @for user in users.iter().take(page_size as usize) {
                        tr {
                            th scope="row" { (user.handle) }
                            td { (crate::i18n::format_date(l, user.created_at)) }
                            td {
                                form.inline-form method="post" action=(format!("/admin/users/{}/role", user.id)) {
                                    (csrf_field(&v.csrf_token))
                                    label.visually-hidden for=(format!("role-{}", user.id)) { (t_with(l, "users-role-of", &[("handle", Arg::Text(user.handle.clone()))])) }
                                    select id=(format!("role-{}", user.id)) name="role" {
                                        @for role in Role::ALL {
                                            option value=(role.as_str()) selected[role == user.role] { (t(l, &format!("role-{}", role.as_str()))) }
                                        }
                                    }
                                    button type="submit" { (t(l, "users-change-role")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(next) = next {
            p { a href=(format!("/admin/users?{}", serde_urlencoded::to_string([("after", next)]).unwrap_or_default())) { (t(l, "list-next")) } }
        }
    };
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    Ok(respond(state, v, req, status, &t(l, "users-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

async fn change_role(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let id = path.into_inner();
    let role = Role::parse(&form.0.role).ok_or_else(|| AppError::BadRequest(super::error_msg("role-unknown")))?;
    match super::change_role(&state.db, actor, &id, role).await {
        Ok(_) => Ok(see_other("/admin/users")),
        Err(AppError::Conflict(msg)) => users_view(&state, &viewer, &req, None, Some(msg)).await,
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
pub struct AuditQuery {
    before: Option<i64>,
}

async fn audit_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let page_size = super::api::PAGE_SIZE;
    let entries = super::audit_log(&state.db, q.into_inner().before, page_size + 1).await?;
    let next = (entries.len() as i64 > page_size).then(|| entries.get(page_size as usize - 1).map(|e| e.id)).flatten();
    let body = html! {
        @if entries.is_empty() { p { (t(l, "audit-empty")) } }
        @else {
            div.table-scroll {
                table.stack-narrow {
                    thead { tr {
                        th scope="col" { (t(l, "audit-when")) } th scope="col" { (t(l, "audit-who")) }
                        th scope="col" { (t(l, "audit-what")) } th scope="col" { (t(l, "audit-whom")) }
                    } }
                    tbody { @for e in entries.iter().take(page_size as usize) { (audit_row(l, e)) } }
                }
            }
        }
        @if let Some(next) = next { p { a href=(format!("/admin/audit?before={next}")) { (t(l, "list-next")) } } }
    };
    Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "audit-title"), body))
}

fn audit_row(l: Locale, e: &AuditEntry) -> Markup {
    let details: serde_json::Value = serde_json::from_str(&e.details).unwrap_or_default();
    let role_name =
        |key: &str| details.get(key).and_then(|v| v.as_str()).map(|r| t(l, &format!("role-{r}"))).unwrap_or_default();
    let what = t_with(
        l,
        &format!("audit-action-{}", e.action.replace(['.', '_'], "-")),
        &[
            ("from", Arg::Text(role_name("from"))),
            ("to", Arg::Text(role_name("to"))),
            ("role", Arg::Text(role_name("role"))),
            // Decisions on applications record the status they led to.
            (
                "status",
                Arg::Text(
                    details
                        .get("to")
                        .and_then(|v| v.as_str())
                        .map(|s| t(l, &format!("status-{s}")))
                        .unwrap_or_default(),
                ),
            ),
        ],
    );
    let operator = t(l, "audit-operator");
    html! {
        tr {
            td { (format_datetime(l, e.at)) }
            td { (e.actor_handle.clone().unwrap_or(operator)) }
            td { (what) }
            td { (e.target_handle.clone().unwrap_or_default()) }
        }
    }
}
