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
use crate::web::carry::Carried;
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, form_problem};
use crate::web::request::ClientAddress;
use crate::web::state::AppState;
use crate::web::{cookies, safe_next, see_other};
mod account;
mod admin;
mod continue_page;
mod inbox;
mod privacy;
mod second_factor;
pub use account::*;
pub use admin::*;
pub use privacy::*;

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
        .route("/inbox", web::get().to(inbox::inbox_page))
        .route("/inbox/read", web::post().to(inbox::read_all))
        .route("/inbox/{id}", web::get().to(inbox::open_notice))
        .route("/account", web::get().to(account_page))
        .route("/account/profile", web::post().to(update_profile))
        .route("/account/password", web::post().to(change_password))
        .route("/account/reminders", web::post().to(set_reminders))
        .route("/account/logout-all", web::post().to(logout_all))
        .route("/account/sessions/{id}/end", web::post().to(end_session))
        .route("/account/recovery-codes", web::post().to(regenerate_codes))
        .route("/account/second-factor", web::get().to(second_factor::page))
        .route("/account/second-factor", web::post().to(second_factor::start))
        .route("/account/second-factor/confirm", web::post().to(second_factor::confirm))
        .route("/login/code", web::post().to(second_factor::login_code))
        .route("/admin", web::get().to(admin_hub))
        .route("/admin/users", web::get().to(users_page))
        .route("/admin/users/new", web::get().to(new_user_page))
        .route("/admin/users/new", web::post().to(create_user))
        .route("/admin/users/{id}/role", web::post().to(change_role))
        .route("/account/export", web::post().to(export_data))
        .route("/confirm-email", web::get().to(confirm_email))
        .route("/account/delete", web::get().to(delete_page))
        .route("/account/delete", web::post().to(delete_account))
        .route("/goodbye", web::get().to(goodbye_page))
        .route("/privacy", web::get().to(privacy_page))
        .route("/admin/users/{id}/delete", web::get().to(admin_delete_page))
        .route("/admin/users/{id}/delete", web::post().to(admin_delete))
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

/// Starts a session on the server and gives its cookie: for this browser session only, unless she asked
/// to be kept signed in (then for the session's lifetime).
async fn session_cookie(
    state: &AppState,
    req: &HttpRequest,
    user: &User,
    keep: bool,
) -> Result<Cookie<'static>, AppError> {
    let issued = state.tokens.issue(TokenKind::Session, &user.id)?;
    let agent = req.headers().get("user-agent").and_then(|h| h.to_str().ok());
    super::sessions::start(&state.db, &user.id, &issued, agent, crate::web::request::via_onion(req)).await?;
    let kept_for = keep.then(|| TokenKind::Session.lifetime().num_seconds());
    Ok(cookies::session(&state.settings, issued.token, kept_for))
}

fn removal_cookie(state: &AppState) -> Cookie<'static> {
    cookies::session_removal(&state.settings)
}

async fn signed_in_redirect(
    state: &AppState,
    req: &HttpRequest,
    user: &User,
    to: &str,
    keep: bool,
) -> Result<HttpResponse, AppError> {
    let cookie = session_cookie(state, req, user, keep).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .cookie(cookie)
        .cookie(fresh_csrf_cookie(state))
        .finish())
}

/// A new CSRF secret at sign-in, so that no token from before (planted by someone else, say) works
/// in the signed-in session.
fn fresh_csrf_cookie(state: &AppState) -> Cookie<'static> {
    cookies::csrf(&state.settings, crate::auth::csrf::CsrfKey::new_cookie_value())
}

// ---- sign in ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    handle: String,
    password: String,
    next: Option<String>,
    /// "Keep me signed in": a checkbox, present when ticked.
    keep: Option<String>,
}

impl LoginForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Self {
            handle: get("handle").unwrap_or_default(),
            password: get("password").unwrap_or_default(),
            next: get("next"),
            keep: get("keep"),
        }
    }
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
            div.field.check {
                label {
                    input #f-keep type="checkbox" name="keep" value="true" checked[form.keep.is_some()] aria-describedby="f-keep-hint";
                    " " (t(l, "login-keep"))
                }
                p.hint #f-keep-hint { (t(l, "login-keep-hint")) }
            }
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
    posted: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let carried = Carried::parse(&posted.0);
    let form = LoginForm::from_pairs(&posted.0);
    let key = super::model::handle_key(&form.handle);
    let device_cookie = req.cookie(&cookies::device_cookie_name(&state.settings)).map(|c| c.value().to_owned());
    let nonce = device_cookie.as_deref().and_then(|c| state.csrf.known_device(c, &key));
    match super::sign_in(&state.db, &state.limits, &form.handle, &form.password, &address.0, nonce, None).await {
        Ok(super::SignIn::Done(user)) => {
            let next = safe_next(form.next.as_deref());
            finish_sign_in(&state, &req, &user, &next, form.keep.is_some(), carried.as_ref()).await
        }
        Ok(super::SignIn::CodeNeeded(user)) => {
            let token = state.tokens.issue(TokenKind::SecondStep, &user.id)?.token;
            let next = safe_next(form.next.as_deref());
            let step = second_factor::Step {
                token: &token,
                next: &next,
                keep: form.keep.is_some(),
                carried: carried.as_ref(),
            };
            Ok(second_factor::code_step_view(&state, &viewer, &req, &step, &Problems::default(), StatusCode::OK))
        }
        Err(error) => {
            let status = error_status(&error);
            let problems = Problems::from_error(error)?;
            let mut response = match &carried {
                // A wrong password on the way back to a form: the form's text stays carried.
                Some(_) => {
                    crate::web::carry::sign_in_again_with(&state, &viewer, &req, carried.as_ref(), &problems, status)
                }
                None => login_view(&state, &viewer, &req, &form, &problems, status),
            };
            retry_after(&mut response, &problems);
            Ok(response)
        }
    }
}

/// The session cookie, and this browser known for this handle from now on (the device cookie survives
/// sign-out and has its own failure budget).
async fn finish_sign_in(
    state: &AppState,
    req: &HttpRequest,
    user: &User,
    next: &str,
    keep: bool,
    carried: Option<&Carried>,
) -> Result<HttpResponse, AppError> {
    let mut response = match carried {
        Some(carried) => continue_page::signed_in_to_continue(state, req, user, keep, carried).await?,
        None => signed_in_redirect(state, req, user, next, keep).await?,
    };
    let device_cookie = req.cookie(&cookies::device_cookie_name(&state.settings)).map(|c| c.value().to_owned());
    let kept = device_cookie.as_deref().and_then(|c| c.split_once('.')).map(|(n, _)| n);
    let value = state.csrf.device_cookie_value(kept, &super::model::handle_key(&user.handle));
    cookies::set(&mut response, &cookies::device(&state.settings, value))?;
    Ok(response)
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

/// Signs out: the session ends on the server (its token stops working everywhere) and the cookie goes.
async fn logout(
    state: web::Data<AppState>,
    viewer: Viewer,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    if let (Some(user), Some(sid)) = (&viewer.user, &viewer.session_id) {
        match super::sessions::end(&state.db, &user.id, sid).await {
            Ok(()) | Err(AppError::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    // Whatever this browser kept for reading offline (pages, waiting steps, the service worker) goes too:
    // a phone handed on, or taken, keeps nothing of her courses once she has signed out.
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/"))
        .insert_header(("Clear-Site-Data", "\"cache\", \"storage\""))
        .cookie(removal_cookie(&state))
        .finish())
}

// ---- registration ----

/// The registration form, with where to go once registered (the programme she came from, say).
#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(flatten)]
    input: RegisterInput,
    #[serde(default)]
    next: Option<String>,
}

async fn register_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<NextQuery>,
) -> HttpResponse {
    let input = RegisterInput { locale: Some(viewer.locale.code().into()), ..Default::default() };
    let next = q.next.as_deref().map(|n| safe_next(Some(n)));
    register_view(&state, &viewer, &req, &RegisterForm { input, next }, &Problems::default())
}

fn password_hint(l: Locale) -> String {
    t_with(l, "password-hint", &[("min", Arg::Number(MIN_CHARS as i64)), ("max", Arg::Number(MAX_CHARS as i64))])
}

fn register_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    form: &RegisterForm,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let (next, form) = (form.next.as_deref().map(|n| safe_next(Some(n))), &form.input);
    let chosen = form.locale.as_deref().and_then(Locale::parse).unwrap_or(l);
    let body = html! {
        p.lead { (t(l, "register-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/register" novalidate {
            (csrf_field(&v.csrf_token))
            @if let Some(next) = &next { input type="hidden" name="next" value=(next); }
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
    form: CsrfForm<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    // Where she goes once registered: the page she came from (a programme, say), else her account.
    let next = form.next.as_deref().map_or_else(|| "/account".to_owned(), |n| safe_next(Some(n)));
    let attempt = async {
        super::check_registration_rate(&state.limits, &address.0).await?;
        super::register(&state.db, form.input.clone(), viewer.locale).await
    };
    match attempt.await {
        Ok(done) => {
            let cookie = session_cookie(&state, &req, &done.user, false).await?;
            let Some(codes) = done.recovery_codes else {
                return Ok(HttpResponse::SeeOther()
                    .insert_header(("Location", next))
                    .cookie(cookie)
                    .cookie(fresh_csrf_cookie(&state))
                    .finish());
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
                codes_view(l, &codes, &next),
            );
            cookies::set(&mut response, &cookie)?;
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
        Ok(user) => signed_in_redirect(&state, &req, &user, "/account", false).await,
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
        Ok(user) => signed_in_redirect(&state, &req, &user, "/account", false).await,
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
    let site = state.settings.site_url(crate::web::request::via_onion(&req));
    super::request_password_reset(&state.db, &state.tokens, &mail, site, &handle).await?;
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
        Ok(done) => {
            // Her recovery codes, once, then on to the administration (and its second-factor reminder).
            let cookie = session_cookie(&state, &req, &done.user, false).await?;
            let codes = done.recovery_codes.unwrap_or_default();
            let signed_in = Viewer { locale: done.user.locale, user: Some(done.user), ..viewer };
            let l = signed_in.locale;
            let body = codes_view(l, &codes, "/admin/users");
            let mut response = respond(&state, &signed_in, &req, StatusCode::CREATED, &t(l, "codes-title"), body);
            cookies::set(&mut response, &cookie)?;
            Ok(response)
        }
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
    mut viewer: Viewer,
    form: CsrfForm<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let locale = Locale::parse(&form.locale).ok_or(AppError::BadRequest(super::error_msg("locale-unknown")))?;
    let cookie = viewer.switch_language(&state, locale).await?;
    Ok(HttpResponse::SeeOther().insert_header(("Location", safe_next(form.next.as_deref()))).cookie(cookie).finish())
}
