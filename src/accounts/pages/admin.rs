//! The administrator's account pages: users and their roles, and the audit log.

#[allow(unused_imports)]
use super::*;

// ---- administration ----

/// The administration's front page: one navigation item leads here, so that an administrator's bar fits
/// one row on a desktop and a phone's header stays short.
pub(super) async fn admin_hub(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let sections = [
        ("/admin/programmes", "nav-admin-programmes", "admin-hub-programmes"),
        ("/admin/users", "nav-admin-users", "admin-hub-users"),
        ("/admin/audit", "nav-admin-audit", "admin-hub-audit"),
        ("/admin/outbox", "nav-admin-outbox", "admin-hub-outbox"),
    ];
    let body = html! {
        ul.cards {
            @for (href, title, about) in sections {
                li { article.card {
                    h2 { a href=(href) { (t(l, title)) } }
                    p { (t(l, about)) }
                } }
            }
        }
    };
    Ok(respond(&state, &viewer, &req, StatusCode::OK, &t(l, "nav-admin"), body))
}

#[derive(Deserialize)]
pub struct UsersQuery {
    pub(super) after: Option<String>,
    pub(super) erased: Option<String>,
    /// Part of a handle to find.
    pub(super) q: Option<String>,
    /// Set after a role change: the page confirms it.
    pub(super) changed: Option<String>,
}

pub(super) async fn users_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let q = q.into_inner();
    let done = if q.erased.is_some() {
        Some(crate::i18n::Msg::new("admin-erased"))
    } else {
        q.changed.is_some().then(|| crate::i18n::Msg::new("users-role-changed"))
    };
    let search = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    users_view(&state, &viewer, &req, (q.after, search), None, done).await
}

pub(super) async fn users_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    (after, search): (Option<String>, Option<String>),
    problem: Option<crate::i18n::Msg>,
    done: Option<crate::i18n::Msg>,
) -> Result<HttpResponse, AppError> {
    let l = v.locale;
    let page_size = super::super::PAGE_SIZE;
    let users = match &search {
        Some(part) => super::super::search_users(&state.db, part, after, page_size + 1).await?,
        None => super::super::list_users(&state.db, after, page_size + 1).await?,
    };
    let total = super::super::count_users(&state.db).await?;
    let next = (users.len() as i64 > page_size)
        .then(|| users.get(page_size as usize - 1).map(|u| super::super::model::handle_key(&u.handle)))
        .flatten();
    let next_href = next.map(|next| {
        let mut query = vec![("after", next)];
        if let Some(part) = &search {
            query.push(("q", part.clone()));
        }
        format!("/admin/users?{}", serde_urlencoded::to_string(&query).unwrap_or_default())
    });
    let body = html! {
        @if let Some(problem) = &problem { div.alert role="alert" { (problem.text(l)) } }
        @if let Some(done) = &done { div.notice role="status" { (done.text(l)) } }
        p { (t_with(l, "users-count", &[("count", Arg::Number(total))])) " " a.button href="/admin/users/new" { (t(l, "users-create")) } }
        form.search method="get" action="/admin/users" role="search" {
            label for="f-q" { (t(l, "users-find")) }
            " " input #f-q type="search" name="q" value=(search.as_deref().unwrap_or("")) autocomplete="off";
            " " button type="submit" { (t(l, "users-find-submit")) }
        }
        @if search.is_some() && users.is_empty() { p { (t(l, "users-none-found")) } }
        div.table-scroll {
            table.stack-narrow {
                thead { tr { th scope="col" { (t(l, "field-handle")) } th scope="col" { (t(l, "account-since")) } th scope="col" { (t(l, "account-role")) } th scope="col" { (t(l, "users-actions")) } } }
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
                            td { a href=(format!("/admin/users/{}/delete", user.id)) { (t_with(l, "users-erase", &[("handle", Arg::Text(user.handle.clone()))])) } }
                        }
                    }
                }
            }
        }
        @if let Some(href) = &next_href {
            p { a href=(href) { (t(l, "list-next")) } }
        }
    };
    let status = if problem.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    Ok(respond(state, v, req, status, &t(l, "users-title"), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleForm {
    pub(super) role: String,
}

pub(super) async fn change_role(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let id = path.into_inner();
    let role =
        Role::parse(&form.0.role).ok_or_else(|| AppError::BadRequest(super::super::error_msg("role-unknown")))?;
    match super::super::change_role(&state.db, actor, &id, role).await {
        Ok(_) => Ok(see_other("/admin/users?changed=1")),
        Err(AppError::Conflict(msg)) => users_view(&state, &viewer, &req, (None, None), Some(msg), None).await,
        Err(other) => Err(other),
    }
}

/// The form to make an account: handle and role.
pub(super) async fn new_user_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let form = crate::accounts::NewAccountInput { role: Role::Scholar.as_str().into(), ..Default::default() };
    Ok(new_user_view(&state, &viewer, &req, &form, &Problems::default()))
}

fn new_user_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    form: &crate::accounts::NewAccountInput,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        p.breadcrumb { a href="/admin/users" { (t(l, "users-title")) } }
        p.lead { (t(l, "users-create-intro")) }
        (form_problem(l, problems))
        form.stack method="post" action="/admin/users/new" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(&form.handle).hint(t(l, "handle-hint")).autocomplete("off").required().render(l, problems))
            (crate::web::forms::field_with(l, problems, "role", &t(l, "account-role"), None, |id, described| html! {
                select id=(id) name="role" aria-describedby=[described] {
                    @for role in Role::ALL {
                        option value=(role.as_str()) selected[role.as_str() == form.role] { (t(l, &format!("role-{}", role.as_str()))) }
                    }
                }
            }))
            button.primary type="submit" { (t(l, "users-create-submit")) }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    respond(state, v, req, status, &t(l, "users-create-title"), body)
}

/// Makes the account and shows, once, the link its owner sets a password with (nothing to reload: the
/// page is never kept, and sending the form again says the handle is taken).
pub(super) async fn create_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<crate::accounts::NewAccountInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let l = viewer.locale;
    let site = state.settings.site_url(crate::web::request::via_onion(&req));
    match crate::accounts::create_by_admin(&state.db, &state.tokens, actor, form.0.clone(), site).await {
        Ok((user, link)) => {
            let role = t(l, &format!("role-{}", user.role.as_str()));
            let body = html! {
                p.notice role="status" { (t_with(l, "users-created", &[("handle", Arg::Text(user.handle.clone())), ("role", Arg::Text(role))])) }
                p { (t(l, "users-created-link")) }
                p { label for="f-link" { (t(l, "users-created-link-label")) } }
                p { input #f-link type="text" readonly value=(link); }
                p { (t(l, "users-created-once")) }
                p { a.button href="/admin/users" { (t(l, "users-title")) } " " a href="/admin/users/new" { (t(l, "users-create")) } }
            };
            Ok(respond(&state, &viewer, &req, StatusCode::CREATED, &t(l, "users-create-title"), body))
        }
        Err(e) => Ok(new_user_view(&state, &viewer, &req, &form.0, &Problems::from_error(e)?)),
    }
}

#[derive(Deserialize)]
pub struct AuditQuery {
    pub(super) before: Option<i64>,
}

pub(super) async fn audit_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    viewer.admin()?;
    let l = viewer.locale;
    let page_size = super::super::PAGE_SIZE;
    let entries = super::super::audit_log(&state.db, q.into_inner().before, page_size + 1).await?;
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

pub(super) fn audit_row(l: Locale, e: &AuditEntry) -> Markup {
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
