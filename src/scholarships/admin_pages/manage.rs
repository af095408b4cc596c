//! Managing a call: reviewers, the ranking and decisions (one by one or in bulk), waitlist promotion and
//! bulk enrolment from CSV.

#[allow(unused_imports)]
use super::*;

pub(super) async fn manage(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let done = q.done.as_deref().and_then(done_message).map(Msg::new);
    // "Offered to olena": the handle comes back in the redirect, and only a valid handle is shown.
    let done = match (q.done.as_deref(), q.who.as_deref().map(crate::accounts::model::Handle::parse)) {
        (Some("promoted"), Some(Ok(handle))) => {
            Some(Msg::new("admin-done-promoted-named").with("handle", handle.as_str()))
        }
        (Some("published"), _) => Some(Msg::new("admin-done-published").with("count", q.count.unwrap_or(0) as i64)),
        _ => done,
    };
    manage_page(
        &state,
        &viewer,
        &req,
        &path,
        ManageParts { notice: done, problems: &Problems::default(), enrol_report: None },
    )
    .await
}

pub(super) fn done_message(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "admin-done-created",
        "updated" => "admin-done-updated",
        "reviewer" => "admin-done-reviewer",
        "reviewer-removed" => "admin-done-reviewer-removed",
        "decided" => "admin-done-decided",
        "drafted" => "admin-done-drafted",
        "promoted" => "admin-done-promoted",
        "reminded" => "admin-done-reminded",
        "no-address" => "admin-done-no-address",
        _ => return None,
    })
}

/// The parts of `manage_page` that vary between its callers.
pub(super) struct ManageParts<'a> {
    pub notice: Option<Msg>,
    pub problems: &'a Problems,
    pub enrol_report: Option<(&'a EnrolReport, &'a str)>,
}

pub(super) async fn manage_page(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    id: &str,
    parts: ManageParts<'_>,
) -> Result<HttpResponse, AppError> {
    let ManageParts { notice, problems, enrol_report } = parts;
    let user = viewer.admin()?;
    let l = viewer.locale;
    let (p, ranked) = super::super::review::ranking(&state.db, user, id).await?;
    let reviewers = super::super::review::reviewers(&state.db, &p.id).await?;
    let track = super::super::track_titles(&state.db, &p, l).await?;
    let held = ranked.iter().filter(|r| r.application.status.holds_seat()).count();
    let (drafts, held_after) = super::super::drafts::drafts(&state.db, &p.id).await?;
    let drafted = |id: &str| drafts.iter().find(|(a, _)| a == id).map(|(_, d)| *d);
    let csrf = &viewer.csrf_token;
    let body = html! {
        @if let Some(msg) = &notice { p.notice role="status" { (msg.text(l)) } }
        (form_problem(l, problems))
        p.actions {
            a.button href=(format!("/admin/programmes/{}/dashboard", p.id)) { (t(l, "admin-dashboard")) }
            a.button href=(format!("/programmes/{}", p.id)) { (t(l, "admin-public-page")) }
            a.button href=(format!("/admin/programmes/{}/edit", p.id)) { (t(l, "admin-programme-edit")) }
        }
        dl.facts {
            dt { (t(l, "programme-applications")) } dd { (phase(l, &p)) " · " (format_datetime(l, p.opens_at)) " – " (format_datetime(l, p.closes_at)) }
            dt { (t(l, "programme-places")) } dd { (t_with(l, "admin-seats-held", &[("held", Arg::Number(held as i64)), ("seats", Arg::Number(i64::from(p.seats)))])) }
            @if let (Some(cents), Some(currency)) = (p.stipend_cents, &p.currency) {
                dt { (t(l, "admin-programme-stipend")) } dd { (money(l, cents)) " " (currency) }
            }
            dt { (t(l, "programme-track")) } dd { (track.iter().map(|(_, title)| title.as_str()).collect::<Vec<_>>().join(", ")) }
            dt { (t(l, "programme-deadline")) } dd { (format_date(l, p.deadline)) }
            dt { (t(l, "admin-programme-offer-days")) } dd { (p.offer_days) }
        }
        (terms_as_saved(l, &p))

        h2 #reviewers { (t(l, "admin-reviewers")) }
        @if reviewers.is_empty() { p { (t(l, "admin-reviewers-none")) } }
        @else {
            ul.edit-list { @for (id, handle) in &reviewers { li {
                (handle) " "
                form.inline method="post" action=(format!("/admin/programmes/{}/reviewers/{id}/remove", p.id)) {
                    (csrf_field(csrf))
                    button.small type="submit" aria-label=(t_with(l, "admin-reviewer-remove-who", &[("handle", Arg::Text(handle.clone()))])) { (t(l, "admin-reviewer-remove")) }
                }
            } } }
            p.hint { (t(l, "admin-reviewer-remove-hint")) }
        }
        form.stack method="post" action=(format!("/admin/programmes/{}/reviewers", p.id)) {
            (csrf_field(csrf))
            (Input::new("handle", t(l, "admin-reviewer-handle")).hint(t(l, "admin-reviewer-hint")).render(l, problems))
            button type="submit" { (t(l, "admin-reviewer-add")) }
        }

        h2 #ranking { (t(l, "admin-ranking")) }
        p { (t(l, "admin-ranking-intro")) }
        @if ranked.is_empty() { p { (t(l, "admin-ranking-none")) } } @else {
            form method="post" action=(format!("/admin/programmes/{}/decisions", p.id)) {
                (csrf_field(csrf))
                div.table-scroll { table.stack-narrow {
                    thead { tr {
                        th { span.visually-hidden { (t(l, "admin-select")) } }
                        th { (t(l, "review-application")) } th { (t(l, "review-applicant")) } th { (t(l, "apply-country")) }
                        th { (t(l, "admin-score")) } th { (t(l, "admin-reviews")) } th { (t(l, "admin-spread")) } th { (t(l, "apply-status")) }
                    } }
                    tbody { @for r in &ranked { tr {
                        td {
                            @if r.application.status.answered() {
                                span title=(t(l, "error-application-answered")) { "—" }
                            } @else {
                                input type="checkbox" name="application" value=(r.application.id) aria-label=(format!("{} {}", t(l, "admin-select"), short_id(&r.application.id)));
                            }
                        }
                        td { a href=(format!("/applications/{}", r.application.id)) { (short_id(&r.application.id)) } }
                        td.nowrap { (r.handle) }
                        td data-label=(t(l, "apply-country")) { (country_name(l, &r.application.country)) }
                        td data-label=(t(l, "admin-score")) { @match r.score { Some(s) => { (format_decimal(l, s, 2)) }, None => { "—" } } }
                        td data-label=(t(l, "admin-reviews")) { (r.reviews) @if r.conflicts > 0 { " " span.meta { (t_with(l, "admin-conflicts", &[("count", Arg::Number(r.conflicts as i64))])) } } }
                        td data-label=(t(l, "admin-spread")) { @match r.spread { Some(s) => { (format_decimal(l, s, 2)) }, None => { "—" } } }
                        td data-label=(t(l, "apply-status")) {
                            (status_label(l, r.application.status))
                            @if let Some(by) = p.answer_by(&r.application).filter(|by| *by < crate::db::now()) {
                                " " span.meta { (t_with(l, "admin-offer-overdue", &[("when", Arg::Text(crate::i18n::format_date(l, by)))])) }
                            }
                            @if let Some(d) = drafted(&r.application.id) {
                                " → " strong { (status_label(l, d.status())) } " " span.meta { "(" (t(l, "admin-drafted")) ")" }
                            }
                        }
                    } } }
                } }
                div.inline-form.wrap {
                    label for="f-decision" { (t(l, "admin-decide-selected")) }
                    select #f-decision name="decision" {
                        option value="award" { (t(l, "decision-award")) }
                        option value="waitlist" { (t(l, "decision-waitlist")) }
                        option value="reject" { (t(l, "decision-reject")) }
                    }
                    button.primary type="submit" { (t(l, "admin-decide")) }
                }
                p.hint { (t(l, "admin-decide-drafts-hint")) }
            }
            @if !drafts.is_empty() {
                section.publish aria-labelledby="publish-h" {
                    h3 #publish-h { (t_with(l, "admin-drafts-heading", &[("count", Arg::from(drafts.len()))])) }
                    p { (t_with(l, "admin-drafts-seats", &[("held", Arg::Number(held_after)), ("seats", Arg::Number(i64::from(p.seats)))])) }
                    @if held_after > i64::from(p.seats) {
                        p.notice.warning { (t_with(l, "error-publish-seats", &[("seats", Arg::Number(i64::from(p.seats)))])) }
                    } @else {
                        form method="post" action=(format!("/admin/programmes/{}/decisions/publish", p.id)) {
                            (csrf_field(csrf))
                            button.primary type="submit" { (t_with(l, "admin-publish", &[("count", Arg::from(drafts.len()))])) }
                        }
                    }
                }
            }
            @if let (Some(next), true) = (ranked.iter().find(|r| r.application.status == Status::Waitlisted), (held as i32) < p.seats) {
                form method="post" action=(format!("/admin/programmes/{}/promote", p.id)) {
                    (csrf_field(csrf))
                    p { button type="submit" { (t_with(l, "admin-promote-named", &[("handle", Arg::Text(next.handle.clone()))])) } }
                }
            }
        }

        h2 #enrol { (t(l, "admin-enrol")) }
        p { (t(l, "admin-enrol-intro")) }
        @if let Some((report, _)) = enrol_report { (enrol_result(l, report)) }
        form.stack method="post" action=(format!("/admin/programmes/{}/enrol", p.id)) {
            (csrf_field(csrf))
            (field_with(l, problems, "csv", &t(l, "admin-enrol-csv"), Some(&t(l, "admin-enrol-csv-hint")), |id, described| html! {
                textarea.editor id=(id) name="csv" rows="6" aria-describedby=[described] { (enrol_report.map(|(_, text)| text).unwrap_or_default()) }
            }))
            div.actions {
                button type="submit" name="mode" value="check" { (t(l, "admin-enrol-check")) }
                button.primary type="submit" name="mode" value="enrol" { (t(l, "admin-enrol-go")) }
            }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok(page_response(state, viewer, req, status, &p.text(l).title, body))
}

/// An amount in cents, written with two decimals as the language writes them.
pub(super) fn money(l: Locale, cents: i64) -> String {
    format_decimal(l, cents as f64 / 100.0, 2)
}

/// An amount in cents as the form and the CSV write it (a point, whatever the language).
pub(super) fn plain_money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

pub(super) fn enrol_result(l: Locale, report: &EnrolReport) -> Markup {
    html! {
        @if report.ok() {
            p.notice role="status" {
                @if report.dry_run {
                    (t_with(l, "admin-enrol-would", &[("count", Arg::Number(report.enrolled.len() as i64))]))
                } @else {
                    (t_with(l, "admin-enrol-done", &[("count", Arg::Number(report.enrolled.len() as i64))]))
                }
            }
        } @else {
            div.alert role="alert" {
                p { (t_with(l, "admin-enrol-errors", &[("count", Arg::Number(report.errors.len() as i64))])) }
                ul { @for e in &report.errors { li { (t_with(l, "admin-enrol-row", &[("row", Arg::Number(e.row as i64))])) ": " (e.message.text(l)) } } }
            }
        }
    }
}

pub(super) async fn remove_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (pid, user_id) = path.into_inner();
    super::super::review::remove_reviewer(&state.db, viewer.admin()?, &pid, &user_id).await?;
    Ok(see_other(&format!("/admin/programmes/{pid}?done=reviewer-removed#reviewers")))
}

#[derive(Deserialize)]
pub(super) struct HandleForm {
    pub(super) handle: String,
}

pub(super) async fn add_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<HandleForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    match super::super::review::add_reviewer_by_handle(&state.db, user, &path, &form.0.handle).await {
        Ok(_) => Ok(see_other(&format!("/admin/programmes/{}?done=reviewer#reviewers", path.as_str()))),
        Err(e) => refused(&state, &viewer, &req, &path, e).await,
    }
}

pub(super) async fn decide_many(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let decision = form.0.iter().find(|(k, _)| k == "decision").and_then(|(_, v)| Decision::parse(v));
    let Some(decision) = decision else { return Err(AppError::BadRequest(Msg::new("error-bad-form"))) };
    let ids: Vec<String> = form.0.iter().filter(|(k, _)| k == "application").map(|(_, v)| v.clone()).collect();
    if ids.is_empty() {
        let problems = Problems { fields: Default::default(), form: Some(Msg::new("admin-none-selected")) };
        return manage_page(
            &state,
            &viewer,
            &req,
            &path,
            ManageParts { notice: None, problems: &problems, enrol_report: None },
        )
        .await;
    }
    // From the page, decisions are drafts: nobody is told until the administrator publishes them.
    let draft = super::super::decisions::Effect::Draft;
    let outcome =
        super::super::decisions::decide_many(&state.db, &ctx, user, &path, Ok((ids, decision)), draft).await?;
    if outcome.refused.is_empty() {
        return Ok(see_other(&format!("/admin/programmes/{}?done=drafted#ranking", path.as_str())));
    }
    // Some were refused (the seats ran out, say): name who was drafted and who was not, and why.
    let l = viewer.locale;
    let (_, ranked) = super::super::review::ranking(&state.db, user, &path).await?;
    let name = |id: &str| match ranked.iter().find(|r| r.application.id == id) {
        Some(r) => format!("{} ({})", r.handle, short_id(id)),
        None => short_id(id),
    };
    let not_drafted =
        outcome.refused.iter().map(|(id, e)| format!("{}: {}", name(id), e.message().text(l))).collect::<Vec<_>>();
    let problems = Problems {
        fields: Default::default(),
        form: Some(Msg::new("admin-not-drafted").with("names", not_drafted.join("; "))),
    };
    let drafted_names = outcome.decided.iter().map(|a| name(&a.id)).collect::<Vec<_>>();
    let notice =
        (!drafted_names.is_empty()).then(|| Msg::new("admin-drafted-for").with("names", drafted_names.join(", ")));
    manage_page(&state, &viewer, &req, &path, ManageParts { notice, problems: &problems, enrol_report: None }).await
}

#[derive(Deserialize)]
pub(super) struct DecisionForm {
    pub(super) decision: String,
}

pub(super) async fn decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let decision = Decision::parse(&form.0.decision).ok_or(AppError::BadRequest(Msg::new("error-bad-form")))?;
    let v = super::super::read_application(&state.db, user, &path).await?;
    match super::super::drafts::draft(&state.db, user, &path, Ok(decision)).await {
        Ok(a) => Ok(see_other(&format!("/admin/programmes/{}?done=drafted#ranking", a.programme_id))),
        Err(e) => refused(&state, &viewer, &req, &v.programme.id, e).await,
    }
}

/// The call's page again, with why a step was refused.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    id: &str,
    e: AppError,
) -> Result<HttpResponse, AppError> {
    let problems = Problems::from_error(e)?;
    manage_page(state, viewer, req, id, ManageParts { notice: None, problems: &problems, enrol_report: None }).await
}

pub(super) async fn publish(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    match super::super::drafts::publish(&state.db, &ctx, user, &path).await {
        Ok(n) => Ok(see_other(&format!("/admin/programmes/{}?done=published&count={n}#ranking", path.as_str()))),
        Err(e) => refused(&state, &viewer, &req, &path, e).await,
    }
}

pub(super) async fn promote(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    match super::super::decisions::promote_next(&state.db, &ctx, user, &path).await {
        Ok((_, handle)) => {
            let query =
                serde_urlencoded::to_string([("done", "promoted"), ("who", handle.as_str())]).unwrap_or_default();
            Ok(see_other(&format!("/admin/programmes/{}?{query}#ranking", path.as_str())))
        }
        Err(e) => refused(&state, &viewer, &req, &path, e).await,
    }
}

#[derive(Deserialize)]
pub(super) struct EnrolForm {
    pub(super) csv: String,
    pub(super) mode: String,
}

pub(super) async fn enrol(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<EnrolForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let dry_run = form.0.mode != "enrol";
    let report = super::super::dashboard::enrol_csv(&state.db, user, &path, form.0.csv.clone(), dry_run).await?;
    manage_page(
        &state,
        &viewer,
        &req,
        &path,
        ManageParts { notice: None, problems: &Problems::default(), enrol_report: Some((&report, &form.0.csv)) },
    )
    .await
}

/// The criteria and questions as saved, so the admin sees what reviewers score and applicants answer.
fn terms_as_saved(l: Locale, p: &Programme) -> Markup {
    html! {
        details.terms {
            summary { (t(l, "admin-terms-as-saved")) }
            h3 { (t(l, "admin-programme-criteria")) }
            ul { @for c in &p.criteria { li {
                strong { (c.name_in(l)) } " " span.meta { (t_with(l, "review-weight", &[("weight", Arg::Number(i64::from(c.weight)))])) }
                @if !c.description_in(l).is_empty() { (super::super::components::paragraphs(c.description_in(l))) }
            } } }
            h3 { (t(l, "admin-programme-questions")) }
            @if p.questions.is_empty() { p { (t(l, "admin-questions-none")) } }
            ul { @for q in &p.questions { li {
                strong { (q.label_in(l)) } " " span.meta {
                    (t(l, &format!("admin-question-{}", q.kind.code())))
                    @if q.required { " · " (t(l, "admin-question-required")) }
                    @if p.blind && !q.shown_in_blind_review() { " · " (t(l, "review-hidden-blind")) }
                }
                @if !q.choices.is_empty() { " " (q.choices.iter().map(|c| q.choice_in(l, c)).collect::<Vec<_>>().join(" · ")) }
            } } }
        }
    }
}
