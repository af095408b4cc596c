//! A programme's dashboard: the cohort table, figures and charts, reminders, and the CSV files for a
//! donor report.

#[allow(unused_imports)]
use super::*;

pub(super) const DASHBOARD_PAGE: usize = 100;

pub(super) async fn dashboard(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let l = viewer.locale;
    let (p, s, mut rows) = super::super::dashboard::overview(&state.db, &ctx, user, &path).await?;
    // Those at risk first, then by handle.
    rows.sort_by(|a, b| b.at_risk.cmp(&a.at_risk).then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase())));
    let pages = rows.len().div_ceil(DASHBOARD_PAGE).max(1);
    let page = q.page.unwrap_or(1).clamp(1, pages);
    let shown: Vec<&ScholarProgress> = rows.iter().skip((page - 1) * DASHBOARD_PAGE).take(DASHBOARD_PAGE).collect();
    let charts = Charts::of(l, &s)?;
    let notice = q.done.as_deref().and_then(done_message);
    let body = html! {
        p.breadcrumb { a href=(format!("/admin/programmes/{}", p.id)) { (p.text(l).title) } }
        @if let Some(n) = notice { p.notice role="status" { (t(l, n)) } }
        p.actions {
            a.button href=(format!("/admin/programmes/{}/report.csv", p.id)) { (t(l, "admin-report-csv")) }
            a.button href=(format!("/admin/programmes/{}/cohort.csv", p.id)) { (t(l, "admin-cohort-csv")) }
        }
        (figures(l, &p, &s))
        h2 { (t(l, "admin-by-status")) }
        figure.chart.categories role="img" aria-label=(t(l, "admin-by-status")) { (PreEscaped(&charts.status)) }
        div.table-scroll { table {
            thead { tr { th { (t(l, "apply-status")) } th { (t(l, "admin-count")) } } }
            tbody { @for st in Status::ALL.iter().filter(|s| s.is_sent()) { tr { td { (status_label(l, *st)) } td { (s.by_status.get(st).copied().unwrap_or(0)) } } } }
        } }
        h2 { (t(l, "admin-by-country")) }
        figure.chart.categories role="img" aria-label=(t(l, "admin-by-country")) { (PreEscaped(&charts.country)) }
        div.table-scroll { table {
            thead { tr { th { (t(l, "apply-country")) } th { (t(l, "admin-count")) } th { (t(l, "admin-awards")) } } }
            tbody { @for (c, (n, w)) in &s.by_country { tr { td { (country_name(l, c)) } td { (n) } td { (w) } } } }
        } }
        h2 #cohort { (t(l, "admin-cohort")) }
        p { (t_with(l, "admin-at-risk-rule", &[("days", Arg::Number(ctx.quiet_days))])) }
        figure.chart { (PreEscaped(&charts.progress)) figcaption { (t(l, "admin-progress-bands")) } }
        @if rows.is_empty() { p { (t(l, "admin-cohort-none")) } } @else {
            div.table-scroll { table.stack-narrow {
                thead { tr {
                    th { (t(l, "review-applicant")) } th { (t(l, "admin-modules")) } th { (t(l, "admin-quiz-best")) }
                    th { (t(l, "admin-last-activity")) } th { (t(l, "admin-risk")) }
                } }
                tbody { @for r in &shown { tr {
                    td { (r.handle) }
                    td { (r.modules_completed) " / " (r.modules_total) " " (crate::web::components::progress_bar(l, r.progress_percent)) }
                    td data-label=(t(l, "admin-quiz-best")) { @match r.quiz_best_percent { Some(q) => { (q) "%" }, None => { "—" } } }
                    td data-label=(t(l, "admin-last-activity")) { @match r.last_activity_at { Some(at) => { (format_date(l, at)) }, None => { "—" } } }
                    td {
                        @if r.quiet { span.badge.missing { (t(l, "admin-risk-quiet")) } " " }
                        @if r.behind { span.badge.missing { (t(l, "admin-risk-behind")) } " " }
                        @if r.at_risk && r.reachable {
                            form.inline method="post" action=(format!("/admin/programmes/{}/remind", p.id)) {
                                (csrf_field(&viewer.csrf_token))
                                input type="hidden" name="user_id" value=(r.user_id);
                                button.small type="submit" { (t(l, "admin-remind")) }
                            }
                        } @else if r.at_risk { span.meta { (t(l, "admin-no-address")) } }
                    }
                } } }
            } }
            @if pages > 1 {
                nav.pager aria-label=(t(l, "admin-pages")) {
                    @if page > 1 { a rel="prev" href=(format!("?page={}#cohort", page - 1)) { (t(l, "admin-previous")) } }
                    span { (t_with(l, "admin-page-of", &[("page", Arg::Number(page as i64)), ("pages", Arg::Number(pages as i64))])) }
                    @if page < pages { a rel="next" href=(format!("?page={}#cohort", page + 1)) { (t(l, "admin-next")) } }
                }
            }
        }
    };
    let title = format!("{} · {}", t(l, "admin-dashboard"), p.text(l).title);
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &title, body))
}

pub(super) fn figures(l: Locale, p: &Programme, s: &Stats) -> Markup {
    let percent = |x: Option<f64>| x.map(|x| format!("{}%", format_decimal(l, x, 1))).unwrap_or_else(|| "—".into());
    html! {
        dl.facts {
            dt { (t(l, "admin-applications")) } dd { (s.applications) " " span.meta { "(" (t_with(l, "admin-drafts", &[("count", Arg::Number(s.drafts as i64))])) ")" } }
            dt { (t(l, "admin-awards")) } dd { (s.awards) " / " (p.seats) }
            dt { (t(l, "admin-award-rate")) } dd { (percent(s.award_rate)) }
            dt { (t(l, "admin-cohort")) } dd { (s.cohort) }
            dt { (t(l, "admin-completed")) } dd { (s.completed) " (" (percent(s.completion_rate)) ")" }
            dt { (t(l, "admin-certificates")) } dd { (s.certificates) }
            dt { (t(l, "admin-at-risk")) } dd { (s.at_risk) }
            @if let (Some(cents), Some(currency)) = (s.stipends_cents, &p.currency) {
                dt { (t(l, "admin-stipends")) } dd { (money(l, cents)) " " (currency) }
            }
        }
    }
}

pub(super) struct Charts {
    pub(super) status: String,
    pub(super) country: String,
    pub(super) progress: String,
}

impl Charts {
    pub(super) fn of(l: Locale, s: &Stats) -> Result<Charts, AppError> {
        let statuses: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_sent()).collect();
        let status = super::super::charts::hbars(
            &statuses.iter().map(|st| status_label(l, *st)).collect::<Vec<_>>(),
            &statuses.iter().map(|st| s.by_status.get(st).copied().unwrap_or(0)).collect::<Vec<_>>(),
        )?;
        let country = super::super::charts::hbars(
            &s.by_country.keys().map(|c| country_name(l, c)).collect::<Vec<_>>(),
            &s.by_country.values().map(|(n, _)| *n).collect::<Vec<_>>(),
        )?;
        let bands: Vec<String> = (0..=10).map(|i| if i == 10 { "100".into() } else { format!("{}", i * 10) }).collect();
        let progress = super::super::charts::bars(&bands, &s.progress_bands)?;
        Ok(Charts { status, country, progress })
    }
}

#[derive(Deserialize)]
pub(super) struct RemindForm {
    pub(super) user_id: String,
}

pub(super) async fn remind(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
    form: CsrfForm<RemindForm>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let sent = super::super::dashboard::remind(&state.db, &ctx, user, &path, &form.0.user_id).await?;
    let done = if sent { "reminded" } else { "no-address" };
    Ok(see_other(&format!("/admin/programmes/{}/dashboard?done={done}#cohort", path.as_str())))
}

pub(super) async fn cohort_csv(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (_, rows) = super::super::dashboard::cohort(&state.db, &ctx, viewer.admin()?, &path).await?;
    let name = crate::web::csv::file_name("programme-cohort", &path);
    Ok(crate::web::csv::response(&name, super::super::reports::cohort_csv(&rows)))
}

pub(super) async fn report_csv(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (p, s) = super::super::dashboard::stats(&state.db, &ctx, viewer.admin()?, &path).await?;
    let name = crate::web::csv::file_name("programme-report", &p.id);
    Ok(crate::web::csv::response(&name, super::super::reports::donor_csv(&p, &s)))
}
