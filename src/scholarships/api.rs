//! The scholarships part of the JSON API: programmes, applications, reviews, decisions, the cohort
//! dashboard, the donor report and bulk enrolment.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::dashboard::ScholarProgress;
use super::decisions::Answer;
use super::model::{
    Application, Criterion, Decision, DraftInput, Programme, ProgrammeInput, ProgrammeText, Question, Status,
};
use super::review::{ReviewInput, Saved};
use super::{ApplicationView, Reader};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Locale, Msg};
use crate::web::csv::{self, wants_csv};
use crate::web::json::{JsonBody, rfc3339_naive as rfc3339};
use crate::web::state::AppState;
mod dashboard;
pub use dashboard::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/programmes", web::post().to(create))
        .route("/programmes", web::get().to(list))
        .route("/programmes/{id}", web::get().to(show))
        .route("/programmes/{id}", web::put().to(update))
        .route("/programmes/{id}/application", web::get().to(my_application))
        .route("/programmes/{id}/application", web::put().to(save_draft))
        .route("/programmes/{id}/application", web::delete().to(withdraw))
        .route("/programmes/{id}/application/submit", web::post().to(submit))
        .route("/programmes/{id}/reviewers", web::post().to(add_reviewer))
        .route("/programmes/{id}/reviewers/{user_id}", web::delete().to(remove_reviewer))
        .route("/programmes/{id}/ranking", web::get().to(ranking))
        .route("/programmes/{id}/decisions", web::post().to(decide_many))
        .route("/programmes/{id}/decisions/publish", web::post().to(publish))
        .route("/programmes/{id}/promote", web::post().to(promote))
        .route("/programmes/{id}/dashboard", web::get().to(dashboard))
        .route("/programmes/{id}/report", web::get().to(report))
        .route("/programmes/{id}/reminders", web::post().to(remind))
        .route("/programmes/{id}/enrolments/csv", web::post().to(enrol_csv))
        .route("/applications/{id}", web::get().to(application))
        .route("/applications/{id}/reviews", web::post().to(review))
        .route("/applications/{id}/conflict", web::delete().to(withdraw_conflict))
        .route("/applications/{id}/decision", web::post().to(decide))
        .route("/applications/{id}/accept", web::post().to(accept))
        .route("/applications/{id}/decline", web::post().to(decline))
        .route("/me/applications", web::get().to(mine))
        .route("/me/reviews", web::get().to(assignments));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProgrammeDto {
    id: String,
    title: String,
    description: String,
    texts: BTreeMap<String, ProgrammeText>,
    countries: Vec<String>,
    seats: i32,
    opens_at: String,
    closes_at: String,
    deadline: String,
    course_slugs: Vec<String>,
    criteria: Vec<Criterion>,
    questions: Vec<Question>,
    blind: bool,
    /// Days an awarded applicant has to answer her offer.
    offer_days: i32,
    open: bool,
    /// Admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    stipend_amount: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
}

fn programme_dto(p: Programme, locale: Locale, admin: bool) -> ProgrammeDto {
    let text = p.text(locale);
    let open = p.is_open(crate::db::now());
    let (id, p) = (p.id, p.terms);
    ProgrammeDto {
        open,
        id,
        title: text.title,
        description: text.description,
        texts: p.texts.into_iter().map(|(l, t)| (l.code().to_owned(), t)).collect(),
        countries: p.countries,
        seats: p.seats,
        opens_at: rfc3339(p.opens_at),
        closes_at: rfc3339(p.closes_at),
        deadline: rfc3339(p.deadline),
        course_slugs: p.course_slugs,
        criteria: p.criteria,
        questions: p.questions,
        blind: p.blind,
        offer_days: p.offer_days,
        stipend_amount: if admin { p.stipend_cents.map(|c| c as f64 / 100.0) } else { None },
        currency: if admin { p.currency } else { None },
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProgrammeList {
    items: Vec<ProgrammeDto>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct IdDto {
    id: String,
}

/// Create a programme (admins).
#[utoipa::path(post, path = "/api/v1/programmes", request_body = ProgrammeInput,
    responses((status = 201, body = IdDto), (status = 401), (status = 403), (status = 422)), security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: JsonBody<ProgrammeInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    let id = super::create_programme(&state.db, user, body.into_inner()?).await?;
    Ok(HttpResponse::Created().json(IdDto { id }))
}

/// Change a programme (admins): the same body as creating it. 409 when the change would contradict what
/// already happened (criteria added or removed after reviews, questions changed in shape after applications).
#[utoipa::path(put, path = "/api/v1/programmes/{id}", params(("id" = String, Path)), request_body = ProgrammeInput,
    responses((status = 200, body = ProgrammeDto), (status = 401), (status = 403), (status = 404), (status = 422), (status = 409)), security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<ProgrammeInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.admin()?;
    super::update_programme(&state.db, user, &path, body.into_inner()).await?;
    let p = super::programme(&state.db, &path).await?;
    Ok(HttpResponse::Ok().json(programme_dto(p, viewer.locale, true)))
}

#[derive(Deserialize)]
pub struct ListQuery {
    all: Option<bool>,
}

/// Programmes open for applications now (admins may ask for all with `?all=true`).
#[utoipa::path(get, path = "/api/v1/programmes", params(("all" = Option<bool>, Query)), responses((status = 200, body = ProgrammeList)))]
pub async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let admin = viewer.user.as_ref().is_some_and(|u| u.is_admin());
    let items = super::programmes(&state.db, admin && q.all.unwrap_or(false)).await?;
    let items = items.into_iter().map(|p| programme_dto(p, viewer.locale, admin)).collect();
    Ok(HttpResponse::Ok().json(ProgrammeList { items }))
}

/// A programme (stipends for admins only).
#[utoipa::path(get, path = "/api/v1/programmes/{id}", params(("id" = String, Path)), responses((status = 200, body = ProgrammeDto), (status = 404)))]
pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let admin = viewer.user.as_ref().is_some_and(|u| u.is_admin());
    let p = super::programme(&state.db, &path).await?;
    Ok(HttpResponse::Ok().json(programme_dto(p, viewer.locale, admin)))
}

/// A reviewer's review of an application (named apart from a quiz attempt's review).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = ApplicationReviewDto)]
pub struct ReviewDto {
    conflict: bool,
    scores: BTreeMap<String, i32>,
    comment: String,
    updated_at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationDto {
    id: String,
    programme_id: String,
    status: Status,
    organisation: String,
    country: String,
    experience: String,
    motivation: String,
    answers: BTreeMap<String, String>,
    consent: bool,
    created_at: String,
    updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    submitted_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decided_at: Option<String>,
    /// The applicant's handle: absent for a reviewer while review is blind.
    #[serde(skip_serializing_if = "Option::is_none")]
    handle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    /// A reviewer's own review.
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<ReviewDto>,
}

fn application_dto(a: Application) -> ApplicationDto {
    ApplicationDto {
        id: a.id,
        programme_id: a.programme_id,
        status: a.status,
        organisation: a.organisation,
        country: a.country,
        experience: a.experience,
        motivation: a.motivation,
        answers: a.answers,
        consent: a.consent,
        created_at: rfc3339(a.created_at),
        updated_at: rfc3339(a.updated_at),
        submitted_at: a.submitted_at.map(rfc3339),
        decided_at: a.decided_at.map(rfc3339),
        handle: None,
        email: None,
        review: None,
    }
}

fn view_dto(v: ApplicationView) -> ApplicationDto {
    let mut dto = application_dto(v.application);
    if !matches!(v.reader, Reader::Reviewer { blind: true }) {
        dto.handle = v.handle;
        // Contact details are for the applicant and admins; a reviewer never needs them.
        if !matches!(v.reader, Reader::Reviewer { .. }) {
            dto.email = v.email;
        }
    }
    dto.review = v.my_review.map(|r| ReviewDto {
        conflict: r.conflict,
        scores: r.scores,
        comment: r.comment,
        updated_at: rfc3339(r.updated_at),
    });
    dto
}

/// The caller's own application to a programme.
#[utoipa::path(get, path = "/api/v1/programmes/{id}/application", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn my_application(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let a = super::my_application(&state.db, user, &path).await?.ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(application_dto(a)))
}

/// Save a draft (partial drafts allowed) while the window is open.
#[utoipa::path(put, path = "/api/v1/programmes/{id}/application", params(("id" = String, Path)), request_body = DraftInput,
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 404), (status = 422), (status = 409)), security(("bearer" = [])))]
pub async fn save_draft(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<DraftInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let a = super::save_draft(&state.db, user, &path, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(application_dto(a)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SubmittedDto {
    id: String,
    status: Status,
}

/// Send the application: consent and the required answers must be there.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/application/submit", params(("id" = String, Path)),
    responses((status = 201, body = SubmittedDto), (status = 401), (status = 404), (status = 422), (status = 409)), security(("bearer" = [])))]
pub async fn submit(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let a = super::submit(&state.db, &ctx, user, &path).await?;
    Ok(HttpResponse::Created().json(SubmittedDto { id: a.id, status: a.status }))
}

/// Withdraw (and delete) one's application before the window closes.
#[utoipa::path(delete, path = "/api/v1/programmes/{id}/application", params(("id" = String, Path)),
    responses((status = 204), (status = 401), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn withdraw(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::withdraw(&state.db, viewer.user()?, &path, super::Step::Take).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An application: its applicant, an assigned reviewer (blind: no handle or contact), admins.
#[utoipa::path(get, path = "/api/v1/applications/{id}", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn application(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let v = super::read_application(&state.db, viewer.user()?, &path).await?;
    Ok(HttpResponse::Ok().json(view_dto(v)))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationList {
    items: Vec<ApplicationDto>,
}

/// The caller's applications.
#[utoipa::path(get, path = "/api/v1/me/applications", responses((status = 200, body = ApplicationList), (status = 401)), security(("bearer" = [])))]
pub async fn mine(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let items = super::my_applications(&state.db, viewer.user()?).await?;
    Ok(HttpResponse::Ok().json(ApplicationList { items: items.into_iter().map(|(a, _)| application_dto(a)).collect() }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssignmentDto {
    application_id: String,
    programme_id: String,
    reviewed: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssignmentList {
    items: Vec<AssignmentDto>,
}

/// The applications assigned to the caller for review.
#[utoipa::path(get, path = "/api/v1/me/reviews", responses((status = 200, body = AssignmentList), (status = 401)), security(("bearer" = [])))]
pub async fn assignments(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let items = super::review::assignments(&state.db, viewer.user()?).await?;
    let items = items
        .into_iter()
        .map(|a| AssignmentDto {
            application_id: a.application.id,
            programme_id: a.programme.id,
            reviewed: a.review.is_some(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(AssignmentList { items }))
}

/// A user named by id (named apart from the courses' required one).
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
#[schema(as = ProgrammeUserIdInput)]
pub struct UserIdInput {
    user_id: Option<String>,
}

fn required_user_id(body: JsonBody<UserIdInput>) -> Result<String, AppError> {
    body.into_inner()?.user_id.ok_or_else(|| AppError::field("user_id", Msg::new("error-required")))
}

/// Add a reviewer (admins).
#[utoipa::path(post, path = "/api/v1/programmes/{id}/reviewers", params(("id" = String, Path)), request_body = UserIdInput,
    responses((status = 200), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn add_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<UserIdInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let user = super::review::add_reviewer(&state.db, actor, &path, required_user_id(body)).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"user_id": user.id, "handle": user.handle})))
}

/// Take a reviewer off a programme (admins); the reviews they wrote keep counting.
#[utoipa::path(delete, path = "/api/v1/programmes/{id}/reviewers/{user_id}", params(("id" = String, Path), ("user_id" = String, Path)),
    responses((status = 204), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn remove_reviewer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (pid, user_id) = path.into_inner();
    super::review::remove_reviewer(&state.db, viewer.admin()?, &pid, &user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Review an assigned application, or declare a conflict of interest.
#[utoipa::path(post, path = "/api/v1/applications/{id}/reviews", params(("id" = String, Path)), request_body = ReviewInput,
    responses((status = 201), (status = 200), (status = 401), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn review(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<ReviewInput>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let saved = super::review::save_review(&state.db, user, &path, body.into_inner()).await?;
    let body = serde_json::json!({"application_id": path.as_str(), "conflict": saved == Saved::Conflict});
    Ok(match saved {
        Saved::New => HttpResponse::Created().json(body),
        Saved::Replaced | Saved::Conflict => HttpResponse::Ok().json(body),
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RankedDto {
    application_id: String,
    handle: String,
    country: String,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    reviews: usize,
    /// The highest weighted score minus the lowest; only with two reviews or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    spread: Option<f64>,
    conflicts: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RankingList {
    items: Vec<RankedDto>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The ranking by weighted score, best first (admins).
#[utoipa::path(get, path = "/api/v1/programmes/{id}/ranking", params(("id" = String, Path)),
    responses((status = 200, body = RankingList), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn ranking(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (_, ranked) = super::review::ranking(&state.db, viewer.admin()?, &path).await?;
    let items = ranked
        .into_iter()
        .map(|r| RankedDto {
            application_id: r.application.id,
            handle: r.handle,
            country: r.application.country,
            status: r.application.status,
            score: r.score.map(round2),
            reviews: r.reviews,
            spread: r.spread.map(round2),
            conflicts: r.conflicts,
        })
        .collect();
    Ok(HttpResponse::Ok().json(RankingList { items }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct DecisionInput {
    decision: String,
    /// For bulk decisions: the applications, in order.
    application_ids: Vec<String>,
    /// Record the decision without telling or enrolling anyone until the programme's drafts are published.
    draft: bool,
}

fn parse_decision(raw: &str) -> Result<Decision, AppError> {
    Decision::parse(raw).ok_or_else(|| AppError::field("decision", Msg::new("error-decision")))
}

/// Award, waitlist or reject one application (admins); 409 when an award would exceed the seats.
#[utoipa::path(post, path = "/api/v1/applications/{id}/decision", params(("id" = String, Path)), request_body = DecisionInput,
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 403), (status = 404), (status = 422), (status = 409)), security(("bearer" = [])))]
pub async fn decide(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<DecisionInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let input = body.into_inner();
    let draft = input.as_ref().is_ok_and(|i| i.draft);
    let decision = input.and_then(|input| parse_decision(&input.decision));
    let a = if draft {
        super::drafts::draft(&state.db, actor, &path, decision).await?
    } else {
        super::decisions::decide(&state.db, &ctx, actor, &path, decision).await?
    };
    Ok(HttpResponse::Ok().json(application_dto(a)))
}

/// Decide on several applications at once (admins): `{decision, application_ids}`; those that cannot be
/// decided (seats full, not sent, unknown) are listed with the reason.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/decisions", params(("id" = String, Path)), request_body = DecisionInput,
    responses((status = 200), (status = 401), (status = 403), (status = 404), (status = 422)), security(("bearer" = [])))]
pub async fn decide_many(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
    body: JsonBody<DecisionInput>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.admin()?;
    let input = body.into_inner();
    let draft = input.as_ref().is_ok_and(|i| i.draft);
    let input = input.and_then(|input| Ok((input.application_ids, parse_decision(&input.decision)?)));
    let effect = if draft { super::decisions::Effect::Draft } else { super::decisions::Effect::Now };
    let outcome = super::decisions::decide_many(&state.db, &ctx, actor, &path, input, effect).await?;
    let refused: Vec<_> = outcome
        .refused
        .iter()
        .map(|(id, e)| serde_json::json!({"application_id": id, "code": e.code(), "message": e.message().text(viewer.locale)}))
        .collect();
    let decided: Vec<_> = outcome.decided.into_iter().map(application_dto).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({"decided": decided, "refused": refused})))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Published {
    published: usize,
}

/// Publish a programme's drafted decisions (admins): each takes effect and its applicant is told; 409 and
/// nothing published when they would exceed the seats.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/decisions/publish", params(("id" = String, Path)),
    responses((status = 200, body = Published), (status = 401), (status = 403), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn publish(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let published = super::drafts::publish(&state.db, &ctx, viewer.admin()?, &path).await?;
    Ok(HttpResponse::Ok().json(Published { published }))
}

/// Take back one's declared conflict of interest on an application (its reviewer): it comes back to be
/// reviewed; 409 when no conflict was declared.
#[utoipa::path(delete, path = "/api/v1/applications/{id}/conflict", params(("id" = String, Path)),
    responses((status = 204), (status = 401), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn withdraw_conflict(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    super::review::withdraw_conflict(&state.db, viewer.user()?, &path).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Award the best-ranked application on the waitlist (admins).
#[utoipa::path(post, path = "/api/v1/programmes/{id}/promote", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 403), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn promote(
    state: web::Data<AppState>,
    ctx: web::Data<crate::scholarships::Context>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (a, _) = super::decisions::promote_next(&state.db, &ctx, viewer.admin()?, &path).await?;
    Ok(HttpResponse::Ok().json(application_dto(a)))
}

async fn answer(state: &AppState, viewer: &Viewer, id: &str, answer: Answer) -> Result<HttpResponse, AppError> {
    let a = super::decisions::answer(&state.db, viewer.user()?, id, answer, super::Step::Take).await?;
    Ok(HttpResponse::Ok().json(application_dto(a)))
}

/// Accept one's award.
#[utoipa::path(post, path = "/api/v1/applications/{id}/accept", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn accept(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    answer(&state, &viewer, &path, Answer::Accept).await
}

/// Decline one's award: the track's enrolment ends and the seat is freed.
#[utoipa::path(post, path = "/api/v1/applications/{id}/decline", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationDto), (status = 401), (status = 404), (status = 409)), security(("bearer" = [])))]
pub async fn decline(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    answer(&state, &viewer, &path, Answer::Decline).await
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        create,
        list,
        show,
        update,
        my_application,
        save_draft,
        submit,
        withdraw,
        application,
        mine,
        assignments,
        add_reviewer,
        remove_reviewer,
        review,
        withdraw_conflict,
        ranking,
        decide,
        decide_many,
        publish,
        promote,
        accept,
        decline,
        dashboard,
        report,
        remind,
        enrol_csv,
    ),
    components(schemas(
        Published,
        ProgrammeDto,
        ProgrammeList,
        IdDto,
        ReviewDto,
        ApplicationDto,
        SubmittedDto,
        ApplicationList,
        AssignmentDto,
        AssignmentList,
        UserIdInput,
        RankedDto,
        RankingList,
        DecisionInput,
        ScholarDto,
        DashboardDto,
        super::model::ProgrammeInput,
        super::model::CriterionInput,
        super::model::QuestionInput,
        super::model::ProgrammeText,
        super::model::Criterion,
        super::model::Question,
        super::model::QuestionKind,
        super::model::Status,
        super::model::DraftInput,
        super::review::ReviewInput,
    ))
)]
pub struct ScholarshipsApi;
