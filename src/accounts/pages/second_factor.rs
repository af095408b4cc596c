//! The second factor in the browser, without JavaScript: turning it on (password, then a QR code drawn here
//! or the secret to type, then a code typed back, then new recovery codes), the code field beside the
//! password on forms that re-authenticate, and the second step of signing in.

#[allow(unused_imports)]
use super::*;
use crate::accounts::second_factor::{self as factor, Enrolment};
use crate::web::carry::Carried;

/// A code field beside the password, when the account has a second factor.
pub(super) fn code_field(l: Locale, user: &User, problems: &Problems) -> Markup {
    html! {
        @if user.second_factor {
            (Input::new("totp", t(l, "field-totp")).hint(t(l, "field-totp-hint")).autocomplete("one-time-code").render(l, problems))
        }
    }
}

/// The account page's section: on or off, and the way to turn it on (or move it to a new phone).
pub(super) fn account_section(l: Locale, user: &User) -> Markup {
    html! {
        section aria-labelledby="second-factor-h" {
            h2 #second-factor-h { (t(l, "second-factor-title")) }
            p { @if user.second_factor { (t(l, "second-factor-is-on")) } @else { (t(l, "second-factor-is-off")) } }
            p {
                a href="/account/second-factor" {
                    @if user.second_factor { (t(l, "second-factor-new-phone")) } @else { (t(l, "second-factor-turn-on")) }
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartForm {
    current_password: String,
    totp: String,
}

pub(super) async fn page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    viewer.user()?;
    Ok(start_view(&state, &viewer, &req, &Problems::default(), StatusCode::OK))
}

fn start_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let l = v.locale;
    let Some(user) = v.user.as_ref() else { return respond(state, v, req, StatusCode::UNAUTHORIZED, "", html! {}) };
    let body = html! {
        p.lead { (t(l, "second-factor-intro")) }
        p { (t(l, "second-factor-offline")) }
        @if user.role == Role::Admin && !user.second_factor {
            p.notice.warning { (t(l, "second-factor-admins")) }
        }
        (form_problem(l, problems))
        form.stack method="post" action="/account/second-factor" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("current_password", t(l, "field-current-password")).kind("password").autocomplete("current-password").required().render(l, problems))
            (code_field(l, user, problems))
            button.primary type="submit" { (t(l, "second-factor-continue")) }
        }
        p { a href="/account" { (t(l, "erase-cancel")) } }
    };
    respond(state, v, req, status, &t(l, "second-factor-title"), body)
}

pub(super) async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<StartForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let form = form.0;
    if let Err(error) =
        super::super::reauthenticate(&state.db, &state.limits, user, &form.current_password, Some(&form.totp)).await
    {
        let problems = Problems::from_error(password_problem(error))?;
        return Ok(start_view(&state, &viewer, &req, &problems, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let enrolment = factor::begin(&state.db, user, &state.settings.site_name).await?;
    enrol_view(&state, &viewer, &req, &enrolment, &Problems::default(), StatusCode::OK)
}

fn enrol_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    enrolment: &Enrolment,
    problems: &Problems,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let l = v.locale;
    let qr = enrolment.qr()?;
    let body = html! {
        ol.steps {
            li { (t(l, "second-factor-step-app")) }
            li {
                (t(l, "second-factor-step-scan"))
                (qr)
                p { (t(l, "second-factor-step-type")) }
                p.secret { (enrolment.grouped()) }
                p.hint { (t_with(l, "second-factor-app-label", &[("site", Arg::Text(state.settings.site_name.clone()))])) }
            }
            li {
                (t(l, "second-factor-step-code"))
                (form_problem(l, problems))
                form.stack method="post" action="/account/second-factor/confirm" novalidate {
                    (csrf_field(&v.csrf_token))
                    (Input::new("code", t(l, "field-totp")).hint(t(l, "field-totp-hint")).autocomplete("one-time-code").required().render(l, problems))
                    button.primary type="submit" { (t(l, "second-factor-confirm")) }
                }
            }
        }
    };
    Ok(respond(state, v, req, status, &t(l, "second-factor-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    code: String,
}

pub(super) async fn confirm(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    match factor::confirm(&state.db, &state.limits, user, &form.0.code, &mail).await {
        Ok(codes) => {
            let body = html! {
                div.notice role="status" { (t(l, "second-factor-now-on")) }
                (codes_view(l, &codes, "/account"))
            };
            Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "second-factor-title"), body))
        }
        Err(error) => {
            let status = error_status(&error);
            let problems = Problems::from_error(error)?;
            match factor::pending(&state.db, user, &state.settings.site_name).await? {
                Some(enrolment) => enrol_view(&state, &viewer, &req, &enrolment, &problems, status),
                None => Ok(start_view(&state, &viewer, &req, &problems, status)),
            }
        }
    }
}

/// What the second step of a sign-in carries over from the first.
pub(super) struct Step<'a> {
    /// The short-lived token the right password earned.
    pub token: &'a str,
    pub next: &'a str,
    /// "Keep me signed in" was ticked.
    pub keep: bool,
    /// A form's text on its way back after the session ended.
    pub carried: Option<&'a Carried>,
}

/// The second step of signing in: the code, with the short-lived token of the first step.
pub(super) fn code_step_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    step: &Step,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let (next, keep) = (step.next, step.keep);
    let l = v.locale;
    let body = html! {
        p { (t(l, "second-factor-login-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/login/code" novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="step" value=(step.token);
            input type="hidden" name="next" value=(next);
            @if keep { input type="hidden" name="keep" value="true"; }
            @if let Some(carried) = step.carried { (carried.hidden()) }
            (Input::new("code", t(l, "field-totp")).hint(t(l, "field-totp-hint")).autocomplete("one-time-code").required().render(l, problems))
            button.primary type="submit" { (t(l, "login-submit")) }
        }
        p { (t(l, "second-factor-lost-phone")) " " a href="/recover" { (t(l, "login-reset-by-code")) } }
    };
    respond(state, v, req, status, &t(l, "login-title"), body)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    step: String,
    code: String,
    next: Option<String>,
    keep: Option<String>,
}

impl CodeForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Self {
            step: get("step").unwrap_or_default(),
            code: get("code").unwrap_or_default(),
            next: get("next"),
            keep: get("keep"),
        }
    }
}

pub(super) async fn login_code(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    address: ClientAddress,
    posted: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let carried = Carried::parse(&posted.0);
    let form = CodeForm::from_pairs(&posted.0);
    let next = safe_next(form.next.as_deref());
    match factor::complete_sign_in(&state.db, &state.limits, &state.tokens, &form.step, &form.code).await {
        Ok(user) => {
            let key = super::super::model::handle_key(&user.handle);
            let device = req.cookie(&cookies::device_cookie_name(&state.settings)).map(|c| c.value().to_owned());
            let nonce = device.as_deref().and_then(|c| state.csrf.known_device(c, &key));
            super::super::second_step_succeeded(&state.limits, &user.handle, &address.0, nonce).await;
            finish_sign_in(&state, &req, &user, &next, form.keep.is_some(), carried.as_ref()).await
        }
        // The first step's token ran out (or is not one): sign in again.
        Err(AppError::SecondFactorRequired) => Ok(see_other("/login")),
        Err(error) => {
            let status = error_status(&error);
            let problems = Problems::from_error(error)?;
            let step = Step { token: &form.step, next: &next, keep: form.keep.is_some(), carried: carried.as_ref() };
            let mut response = code_step_view(&state, &viewer, &req, &step, &problems, status);
            retry_after(&mut response, &problems);
            Ok(response)
        }
    }
}
