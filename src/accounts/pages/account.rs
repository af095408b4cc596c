//! The account page: profile, password, reminders, sign out everywhere, new recovery codes.

#[allow(unused_imports)]
use super::*;

// ---- account ----

#[derive(Default)]
pub(super) struct AccountForms {
    pub(super) profile: Problems,
    pub(super) password: Problems,
    pub(super) data: Problems,
    pub(super) codes: Problems,
    pub(super) saved: Option<&'static str>,
}

pub(super) async fn account_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let saved = match q.into_inner().saved.as_deref() {
        Some("profile") => Some("account-saved-profile"),
        Some("password") => Some("account-saved-password"),
        Some("reminders") => Some("account-saved-reminders"),
        Some("email") => Some("account-saved-email-pending"),
        Some("confirmed") => Some("account-saved-email-confirmed"),
        Some("session") => Some("account-saved-session"),
        _ => None,
    };
    account_view(&state, &viewer, &req, AccountForms { saved, ..Default::default() }, None).await
}

#[derive(Deserialize)]
pub struct SavedQuery {
    pub(super) saved: Option<String>,
}

pub(super) async fn account_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    forms: AccountForms,
    typed: Option<&ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let user = v.user()?;
    let l = v.locale;
    let codes_left = super::super::unused_recovery_codes(&state.db, &user.id).await?;
    let sessions = super::super::sessions::list(&state.db, &user.id, v.session_id.as_deref()).await?;
    // Days as her language writes them (the list keeps day precision only).
    let day = |iso: &str| {
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|at| crate::i18n::format_date(l, at))
            .unwrap_or_else(|| iso.to_owned())
    };
    let email = typed.map(|f| f.email.as_str()).unwrap_or(user.email.as_deref().unwrap_or(""));
    let name = typed.map(|f| f.certificate_name.as_str()).unwrap_or(user.certificate_name.as_deref().unwrap_or(""));
    let chosen = typed.and_then(|f| Locale::parse(&f.locale)).unwrap_or(user.locale);
    let by_email = typed.map(|f| f.certificates_by_email.is_some()).unwrap_or(user.certificates_by_email);
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
                @if let Some(pending) = &user.email_pending {
                    p.notice role="status" { (t_with(l, "email-pending", &[("email", Arg::Text(pending.clone()))])) }
                }
                (Input::new("current_password", t(l, "field-current-password")).kind("password").hint(t(l, "email-change-password-hint")).autocomplete("current-password").render(l, &forms.profile))
                (super::second_factor::code_field(l, user, &forms.profile))
                (Input::new("certificate_name", t(l, "field-certificate-name")).value(name).hint(t(l, "certificate-name-hint")).autocomplete("off").render(l, &forms.profile))
                div.field.check {
                    label {
                        input #f-certificates_by_email type="checkbox" name="certificates_by_email" value="true" checked[by_email] aria-describedby="f-certificates_by_email-hint";
                        " " (t(l, "field-certificates-by-email"))
                    }
                    p.hint #f-certificates_by_email-hint { (t(l, "certificates-by-email-hint")) }
                }
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
                (super::second_factor::code_field(l, user, &forms.password))
                (Input::new("new_password", t(l, "field-new-password")).kind("password").hint(password_hint(l)).autocomplete("new-password").required().render(l, &forms.password))
                button.primary type="submit" { (t(l, "account-change-password")) }
            }
        }
        (super::second_factor::account_section(l, user))
        section aria-labelledby="codes-h" {
            h2 #codes-h { (t(l, "account-recovery-codes")) }
            p { (t_with(l, "account-codes-left", &[("count", Arg::Number(codes_left))])) }
            (form_problem(l, &forms.codes))
            form.stack method="post" action="/account/recovery-codes#codes-h" novalidate {
                (csrf_field(&v.csrf_token))
                (Input::new("current_password", t(l, "field-current-password")).kind("password").autocomplete("current-password").required().render(l, &forms.codes))
                (super::second_factor::code_field(l, user, &forms.codes))
                button type="submit" { (t(l, "account-new-codes")) }
            }
        }
        section aria-labelledby="sessions-h" {
            h2 #sessions-h { (t(l, "account-sessions")) }
            ul.sessions {
                @for s in &sessions {
                    li {
                        strong { (device_label(l, &s.device)) }
                        " · " (t_with(l, "account-session-days", &[("started", Arg::Text(day(&s.started_on))), ("seen", Arg::Text(day(&s.last_seen_on)))]))
                        @if s.current {
                            " · " em { (t(l, "account-session-current")) }
                        } @else {
                            form.inline method="post" action=(format!("/account/sessions/{}/end", s.id)) {
                                (csrf_field(&v.csrf_token))
                                " " button.link type="submit" { (t(l, "account-session-end")) }
                            }
                        }
                    }
                }
            }
            p { (t(l, "account-sessions-intro")) }
            form method="post" action="/account/logout-all" {
                (csrf_field(&v.csrf_token))
                button type="submit" { (t(l, "account-logout-all")) }
            }
        }
        (data_section(l, &v.csrf_token, user, &forms.data))
    };
    let status =
        if forms.profile.is_empty() && forms.password.is_empty() && forms.data.is_empty() && forms.codes.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
    Ok(respond(state, v, req, status, &t(l, "account-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub(super) locale: String,
    pub(super) email: String,
    pub(super) certificate_name: String,
    /// A checkbox: present when ticked.
    pub(super) certificates_by_email: Option<String>,
    pub(super) current_password: String,
    pub(super) totp: String,
}

pub(super) async fn update_profile(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let form = form.0;
    let input = super::super::ProfileInput {
        locale: Some(form.locale.clone()),
        email: Some(Some(form.email.clone())),
        certificate_name: Some(Some(form.certificate_name.clone())),
        certificates_by_email: Some(form.certificates_by_email.is_some()),
        current_password: Some(form.current_password.clone()),
        totp: Some(form.totp.clone()),
    };
    let cx = super::super::ProfileContext {
        db: &state.db,
        limits: &state.limits,
        mail: &mail,
        base_url: state.settings.site_url(crate::web::request::via_onion(&req)),
    };
    match super::super::update_profile(&cx, user, input).await {
        Ok(updated) if updated.email_pending.is_some() && updated.email_pending != user.email_pending => {
            Ok(see_other("/account?saved=email#profile-h"))
        }
        Ok(_) => Ok(see_other("/account?saved=profile")),
        Err(error) => {
            let profile = Problems::from_error(password_problem(error))?;
            account_view(&state, &viewer, &req, AccountForms { profile, ..Default::default() }, Some(&form)).await
        }
    }
}

pub(super) async fn change_password(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<super::super::ChangePasswordInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let session = viewer.session_id.clone().unwrap_or_default();
    match super::super::change_password(&state.db, user, form.0, &session, &mail).await {
        Ok(()) => Ok(see_other("/account?saved=password")),
        Err(error) => {
            let password = Problems::from_error(error)?;
            account_view(&state, &viewer, &req, AccountForms { password, ..Default::default() }, None).await
        }
    }
}

pub(super) async fn logout_all(
    state: web::Data<AppState>,
    viewer: Viewer,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::super::sign_out_everywhere(&state.db, &user.id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header(("Location", "/login"))
        .insert_header(("Clear-Site-Data", "\"cache\", \"storage\""))
        .cookie(removal_cookie(&state))
        .finish())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemindersForm {
    pub(super) off: bool,
}

pub(super) async fn set_reminders(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: CsrfForm<RemindersForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::super::set_reminders_off(&state.db, &user.id, form.0.off).await?;
    Ok(see_other("/account?saved=reminders"))
}

/// A wrong or missing password, shown next to the password field.
pub(super) fn password_problem(error: AppError) -> AppError {
    match error {
        AppError::ReauthenticationRequired => {
            AppError::field("current_password", super::super::error_msg("password-wrong"))
        }
        other => other,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodesForm {
    pub(super) current_password: String,
    pub(super) totp: String,
}

pub(super) async fn regenerate_codes(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<CodesForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    if let Err(error) =
        super::super::reauthenticate(&state.db, &state.limits, user, &form.0.current_password, Some(&form.0.totp)).await
    {
        let codes = Problems::from_error(password_problem(error))?;
        return account_view(&state, &viewer, &req, AccountForms { codes, ..Default::default() }, None).await;
    }
    let codes = super::super::regenerate_recovery_codes(&state.db, user, &mail).await?;
    debug_assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
    let l = viewer.locale;
    Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "codes-title"), codes_view(l, &codes, "/account")))
}

#[derive(Deserialize)]
pub struct ConfirmQuery {
    pub(super) code: Option<String>,
}

/// The link sent to a new address: the address becomes the account's (no sign-in needed: the code is
/// the proof that she reads that mailbox).
pub(super) async fn confirm_email(
    state: web::Data<AppState>,
    mail: web::Data<crate::mail::MailSettings>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<ConfirmQuery>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let code = q.into_inner().code.unwrap_or_default();
    match super::super::confirm_email(&state.db, &mail, &code).await {
        Ok(_) if viewer.user.is_some() => Ok(see_other("/account?saved=confirmed")),
        Ok(_) => {
            let body = html! { p { (t(l, "email-confirmed")) } p { a href="/login" { (t(l, "nav-sign-in")) } } };
            Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "email-confirmed-title"), body))
        }
        Err(AppError::NotFound) => {
            let body =
                html! { p { (t(l, "email-confirm-invalid")) } p { a href="/account" { (t(l, "nav-account")) } } };
            Ok(respond(&state, &viewer, &req, StatusCode::NOT_FOUND, &t(l, "email-confirm-invalid-title"), body))
        }
        Err(other) => Err(other),
    }
}

/// Ends one of her other sessions (a phone she lost, a shared computer): its cookie or token stops
/// working at once.
pub(super) async fn end_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _form: CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    super::super::sessions::end(&state.db, &user.id, &path.into_inner()).await?;
    Ok(see_other("/account?saved=session#sessions-h"))
}

/// A session's device in the reader's language ("Chrome on Android" is stored; "Chrome на Android" shown).
fn device_label(l: Locale, stored: &str) -> String {
    let Some((browser, system)) = stored.split_once(" on ") else { return stored.to_owned() };
    let browser = match browser {
        "Unknown" => t(l, "device-unknown-browser"),
        "Other" => t(l, "device-other-browser"),
        known => known.to_owned(),
    };
    let system = if system == "another system" { t(l, "device-other-system") } else { system.to_owned() };
    t_with(l, "session-device", &[("browser", Arg::Text(browser)), ("system", Arg::Text(system))])
}

#[cfg(test)]
mod tests {
    use super::{Locale, device_label};

    #[test]
    fn a_sessions_device_is_shown_in_her_language() {
        assert_eq!(device_label(Locale::Ru, "Chrome on Android"), "Chrome на Android");
        assert_eq!(device_label(Locale::Uk, "Unknown on another system"), "Невідомий браузер на іншій системі");
        assert_eq!(device_label(Locale::En, "Other on Linux"), "Another browser on Linux");
    }
}
