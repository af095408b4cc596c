//! The privacy pages: "your data" on the account page (download, delete), the confirmation before an
//! erasure, an administrator's erasure of an account, and the public privacy page built from the register.

#[allow(unused_imports)]
use super::*;
use crate::accounts::privacy::{self, Erase, ErasedBy, Export, Files, Parts};

/// A wrong or missing password on a privacy form is shown next to the password field.
fn reauth_problem(error: AppError) -> Result<Problems, AppError> {
    Problems::from_error(password_problem(error))
}

/// The "your data" section of the account page.
pub(super) fn data_section(l: Locale, csrf: &str, user: &User, problems: &Problems) -> Markup {
    html! {
        section aria-labelledby="data-h" {
            h2 #data-h { (t(l, "data-title")) }
            p { (t(l, "data-intro")) " " a href="/privacy" { (t(l, "data-privacy-link")) } }
            (form_problem(l, problems))
            form.stack method="post" action="/account/export#data-h" novalidate {
                (csrf_field(csrf))
                (Input::new("current_password", t(l, "field-current-password")).kind("password").hint(t(l, "data-export-hint")).autocomplete("current-password").required().render(l, problems))
                (super::second_factor::code_field(l, user, problems))
                button.primary type="submit" { (t(l, "data-export")) }
            }
            p { a href="/account/delete" { (t(l, "data-delete-link")) } }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReauthForm {
    pub(super) current_password: String,
    pub(super) totp: String,
}

pub(super) async fn export_data(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ReauthForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    match privacy::export(&state.db, &state.limits, &parts, user, &form.0.current_password, Some(&form.0.totp)).await {
        Ok(zip) => {
            Ok(crate::web::download("application/zip", &privacy::archive_name(chrono::Utc::now().date_naive()), zip))
        }
        Err(error) => {
            let data = reauth_problem(error)?;
            account_view(&state, &viewer, &req, AccountForms { data, ..Default::default() }, None).await
        }
    }
}

/// What erasure deletes and what it keeps, in the reader's language, from the register.
fn what_happens(l: Locale, parts: &Parts) -> Markup {
    let mut kept: Vec<&'static str> = parts
        .register()
        .into_iter()
        .filter_map(|(_, e)| match e.erase {
            Erase::Anonymise(reason) | Erase::Keep(reason) => Some(reason),
            Erase::Delete => None,
        })
        .collect();
    kept.dedup();
    html! {
        h2 { (t(l, "erase-deleted-title")) }
        p { (t(l, "erase-deleted")) }
        h2 { (t(l, "erase-kept-title")) }
        ul { @for reason in kept { li { (t(l, reason)) } } }
    }
}

pub(super) async fn delete_page(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    delete_view(&state, &parts, &viewer, &req, &Problems::default()).await
}

async fn delete_view(
    state: &AppState,
    parts: &Parts,
    v: &Viewer,
    req: &HttpRequest,
    problems: &Problems,
) -> Result<HttpResponse, AppError> {
    let user = v.user()?;
    let l = v.locale;
    let erasable = privacy::erasable(&state.db, user).await?;
    let body = html! {
        p { (t(l, "erase-intro")) }
        (what_happens(l, parts))
        p { (t(l, "erase-export-first")) " " a href="/account#data-h" { (t(l, "data-export")) } }
        @if erasable {
            (form_problem(l, problems))
            form.stack method="post" action="/account/delete" novalidate {
                (csrf_field(&v.csrf_token))
                (Input::new("current_password", t(l, "field-current-password")).kind("password").hint(t(l, "erase-password-hint")).autocomplete("current-password").required().render(l, problems))
                (super::second_factor::code_field(l, user, problems))
                button.danger type="submit" { (t(l, "erase-confirm")) }
            }
        } @else {
            div.alert role="alert" { (t(l, "error-last-admin-erase")) }
        }
        p { a href="/account" { (t(l, "erase-cancel")) } }
    };
    let status = problem_status(problems, StatusCode::UNPROCESSABLE_ENTITY);
    Ok(respond(state, v, req, status, &t(l, "erase-title"), body))
}

pub(super) async fn delete_account(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    files: web::Data<Files>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<ReauthForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let erased = match super::super::reauthenticate(
        &state.db,
        &state.limits,
        user,
        &form.0.current_password,
        Some(&form.0.totp),
    )
    .await
    {
        Ok(()) => privacy::erase(&state.db, &parts, &files, &user.id, ErasedBy::Herself).await,
        Err(error) => Err(error),
    };
    match erased {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header(("Location", "/goodbye"))
            .insert_header(("Clear-Site-Data", "\"cache\", \"storage\""))
            .cookie(removal_cookie(&state))
            .finish()),
        Err(error) => {
            let problems = reauth_problem(error)?;
            delete_view(&state, &parts, &viewer, &req, &problems).await
        }
    }
}

/// Where a person lands after erasing her account (she is signed out; nothing of her is left to show).
pub(super) async fn goodbye_page(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    let l = viewer.locale;
    let body = html! { p { (t(l, "goodbye-text")) } p { a href="/" { (t(l, "error-home-link")) } } };
    respond(&state, &viewer, &req, StatusCode::OK, &t(l, "goodbye-title"), body)
}

// ---- an administrator erases an account ----

pub(super) async fn admin_delete_page(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let target = super::super::find_user(&state.db, &path.into_inner()).await?.ok_or(AppError::NotFound)?;
    admin_delete_view(&state, &parts, &viewer, &req, &target, "", &Problems::default()).await
}

async fn admin_delete_view(
    state: &AppState,
    parts: &Parts,
    v: &Viewer,
    req: &HttpRequest,
    target: &User,
    reason: &str,
    problems: &Problems,
) -> Result<HttpResponse, AppError> {
    let l = v.locale;
    let erasable = privacy::erasable(&state.db, target).await?;
    let body = html! {
        p { (t_with(l, "admin-erase-intro", &[("handle", Arg::Text(target.handle.clone()))])) }
        (what_happens(l, parts))
        @if erasable {
            (form_problem(l, problems))
            form.stack method="post" action=(format!("/admin/users/{}/delete", target.id)) novalidate {
                (csrf_field(&v.csrf_token))
                (crate::web::forms::field_with(l, problems, "reason", &t(l, "admin-erase-reason"), Some(&t(l, "admin-erase-reason-hint")), |id, described| html! {
                    textarea id=(id) name="reason" rows="3" maxlength="500" required aria-describedby=[described] { (reason) }
                }))
                button.danger type="submit" { (t_with(l, "admin-erase-confirm", &[("handle", Arg::Text(target.handle.clone()))])) }
            }
        } @else {
            div.alert role="alert" { (t(l, "error-last-admin-erase")) }
        }
        p { a href="/admin/users" { (t(l, "erase-cancel")) } }
    };
    let status = problem_status(problems, StatusCode::UNPROCESSABLE_ENTITY);
    Ok(respond(state, v, req, status, &t(l, "admin-erase-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub(super) reason: String,
}

pub(super) async fn admin_delete(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    files: web::Data<Files>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<EraseForm>,
) -> Result<HttpResponse, AppError> {
    let admin = viewer.admin()?;
    let target = super::super::find_user(&state.db, &path.into_inner()).await?.ok_or(AppError::NotFound)?;
    let reason = form.0.reason;
    let result = match privacy::checked_reason(&reason) {
        Ok(checked) => {
            privacy::erase(&state.db, &parts, &files, &target.id, ErasedBy::Admin { admin, reason: checked }).await
        }
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => Ok(see_other("/admin/users?erased=1")),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            admin_delete_view(&state, &parts, &viewer, &req, &target, &reason, &problems).await
        }
    }
}

// ---- the privacy page ----

/// What Pravo stores, why, for how long and who sees it; built from the register, in three languages.
pub(super) async fn privacy_page(
    state: web::Data<AppState>,
    parts: web::Data<Parts>,
    viewer: Viewer,
    req: HttpRequest,
) -> HttpResponse {
    let l = viewer.locale;
    let register = parts.register();
    let mut domains: Vec<&'static str> = register.iter().map(|(d, _)| *d).collect();
    domains.dedup();
    let idle = state.settings.session_idle_hours;
    let body = html! {
        p.lead { (t(l, "privacy-intro")) }
        h2 { (t(l, "privacy-never-title")) }
        ul {
            li { (t(l, "privacy-never-address")) }
            li { (t(l, "privacy-never-name")) }
            li { (t(l, "privacy-never-other-hosts")) }
            li { (t(l, "privacy-never-topic")) }
        }
        h2 { (t(l, "privacy-stored-title")) }
        @for domain in &domains {
            section {
                h3 { (t(l, &format!("privacy-domain-{domain}"))) }
                p { (t(l, &format!("privacy-domain-{domain}-what"))) }
                table.stack-narrow {
                    thead { tr {
                        th scope="col" { (t(l, "privacy-col-what")) }
                        th scope="col" { (t(l, "privacy-col-export")) }
                        th scope="col" { (t(l, "privacy-col-erase")) }
                    } }
                    tbody {
                        @for (_, entry) in register.iter().filter(|(d, _)| d == domain) {
                            tr {
                                th scope="row" { (t(l, &format!("privacy-table-{}", entry.table))) }
                                td data-label=(t(l, "privacy-col-export")) {
                                    @match entry.export {
                                        Export::Yes => (t(l, "privacy-exported")),
                                        Export::No(reason) => (t(l, reason)),
                                    }
                                }
                                td data-label=(t(l, "privacy-col-erase")) {
                                    @match entry.erase {
                                        Erase::Delete => (t(l, "privacy-erased")),
                                        Erase::Anonymise(reason) | Erase::Keep(reason) => (t(l, reason)),
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 { (t(l, "privacy-how-long-title")) }
        ul {
            li { (t_with(l, "privacy-sessions-kept", &[("hours", Arg::Number(i64::from(idle)))])) }
            li { (t_with(l, "privacy-mail-kept", &[("days", Arg::Number(i64::from(state.settings.eml_keep_days)))])) }
            @if state.settings.retain_applications_months > 0 {
                li { (t_with(l, "privacy-applications-kept", &[("months", Arg::Number(i64::from(state.settings.retain_applications_months)))])) }
            }
            @if state.settings.retain_drafts_days > 0 {
                li { (t_with(l, "privacy-drafts-kept", &[("days", Arg::Number(i64::from(state.settings.retain_drafts_days)))])) }
            }
            @if state.settings.retain_mail_days > 0 {
                li { (t_with(l, "privacy-mail-records-kept", &[("days", Arg::Number(i64::from(state.settings.retain_mail_days)))])) }
            }
            li { (t(l, "privacy-account-kept")) }
            @if state.settings.inactive_account_months > 0 {
                li { (t_with(l, "privacy-inactive-kept", &[
                    ("months", Arg::Number(i64::from(state.settings.inactive_account_months))),
                    ("days", Arg::Number(i64::from(privacy::retention::WARNING_DAYS))),
                ])) }
            } @else {
                li { (t(l, "privacy-inactive-never")) }
            }
        }
        h2 { (t(l, "privacy-who-title")) }
        p { (t(l, "privacy-who")) }
        h2 { (t(l, "privacy-rights-title")) }
        p { (t(l, "privacy-rights")) " " a href="/account#data-h" { (t(l, "privacy-rights-link")) } }
        h2 { (t(l, "privacy-exit-title")) }
        p { (t(l, "privacy-exit")) }
    };
    respond(&state, &viewer, &req, StatusCode::OK, &t(l, "privacy-title"), body)
}
