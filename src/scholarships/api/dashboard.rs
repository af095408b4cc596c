//! The programme's figures over the API: the cohort dashboard, the donor report, reminders and bulk
//! enrolment from CSV.

#[allow(unused_imports)]
use super::*;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ScholarDto {
    pub(super) user_id: String,
    pub(super) handle: String,
    pub(super) modules_completed: usize,
    pub(super) modules_total: usize,
    pub(super) progress_percent: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) quiz_best_percent: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) last_activity_at: Option<String>,
    pub(super) at_risk: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DashboardDto {
    pub(super) items: Vec<ScholarDto>,
}

pub(super) fn scholar_dto(r: ScholarProgress) -> ScholarDto {
    ScholarDto {
        user_id: r.user_id,
        handle: r.handle,
        modules_completed: r.modules_completed,
        modules_total: r.modules_total,
        progress_percent: r.progress_percent,
        quiz_best_percent: r.quiz_best_percent,
        last_activity_at: r.last_activity_at.map(rfc3339),
        at_risk: r.at_risk,
    }
}

/// The cohort's progress through the track (admins); `Accept: text/csv` gives CSV.
#[utoipa::path(get, path = "/api/v1/programmes/{id}/dashboard", params(("id" = String, Path)),
    responses((status = 200, body = DashboardDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn dashboard(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (_, rows) = super::super::dashboard::cohort(&state.db, &ctx, viewer.admin()?, &path).await?;
    if wants_csv(&req) {
        let name = csv::file_name("programme-cohort", &path);
        return Ok(csv::response(&name, super::super::reports::cohort_csv(&rows)));
    }
    Ok(HttpResponse::Ok().json(DashboardDto { items: rows.into_iter().map(scholar_dto).collect() }))
}

/// The programme's numbers for a donor report (admins); `Accept: text/csv` gives CSV.
#[utoipa::path(get, path = "/api/v1/programmes/{id}/report", params(("id" = String, Path)),
    responses((status = 200), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn report(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (p, s) = super::super::dashboard::stats(&state.db, &ctx, viewer.admin()?, &path).await?;
    if wants_csv(&req) {
        let name = csv::file_name("programme-report", &p.id);
        return Ok(csv::response(&name, super::super::reports::donor_csv(&p, &s)));
    }
    let by_status: BTreeMap<&str, usize> = s.by_status.iter().map(|(k, v)| (k.code(), *v)).collect();
    let by_country: BTreeMap<&str, serde_json::Value> = s
        .by_country
        .iter()
        .map(|(k, (a, w))| (k.as_str(), serde_json::json!({"applications": a, "awards": w})))
        .collect();
    let mut body = serde_json::json!({
        "seats": p.seats, "applications": s.applications, "drafts": s.drafts, "awards": s.awards,
        "cohort": s.cohort, "completed": s.completed, "certificates": s.certificates, "at_risk": s.at_risk,
        "by_status": by_status, "by_country": by_country, "progress_bands": s.progress_bands,
    });
    if let Some(r) = s.award_rate {
        body["award_rate_percent"] = serde_json::json!(round2(r));
    }
    if let Some(r) = s.completion_rate {
        body["completion_rate_percent"] = serde_json::json!(round2(r));
    }
    if let (Some(cents), Some(currency)) = (s.stipends_cents, &p.currency) {
        body["stipends_awarded"] = serde_json::json!(cents as f64 / 100.0);
        body["currency"] = serde_json::json!(currency);
    }
    Ok(HttpResponse::Ok().json(body))
}

/// Email a scholar of the cohort a nudge (admins): `{user_id}` → `{sent}` (false without an address).
#[utoipa::path(post, path = "/api/v1/programmes/{id}/reminders", params(("id" = String, Path)), request_body = UserIdInput,
    responses((status = 200), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn remind(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<UserIdInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    super::super::programme(&state.db, &path).await?;
    let user_id = required_user_id(body)?;
    let sent = super::super::dashboard::remind(&state.db, &ctx, actor, &path, &user_id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"sent": sent})))
}

#[derive(Deserialize)]
pub struct DryRunQuery {
    pub(super) dry_run: Option<bool>,
}

/// Enrol a CSV of handles in the track and cohort (admins). With `dry_run=true`, only reports; without,
/// enrols only when the file has no error.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/enrolments/csv", params(("id" = String, Path), ("dry_run" = Option<bool>, Query)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200), (status = 401), (status = 403), (status = 404), (status = 400), (status = 413)), security(("bearer" = [])))]
pub async fn enrol_csv(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    body: crate::web::json::RawBody,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    super::super::programme(&state.db, &path).await?;
    let q: DryRunQuery = serde_urlencoded::from_str(req.query_string())
        .map_err(|_| AppError::BadRequest(Msg::new("error-bad-query")))?;
    let bytes = body.into_inner()?;
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| AppError::BadRequest(Msg::new("error-csv-encoding")))?;
    if text.contains('\0') {
        return Err(AppError::BadRequest(Msg::new("error-nul")));
    }
    let report = super::super::dashboard::enrol_csv(&state.db, actor, &path, text, q.dry_run.unwrap_or(false)).await?;
    let errors: Vec<_> = report
        .errors
        .iter()
        .map(|e| serde_json::json!({"row": e.row, "message": e.message.text(viewer.locale)}))
        .collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "ok": report.ok(), "dry_run": report.dry_run, "errors": errors, "enrolled": report.enrolled
    })))
}
