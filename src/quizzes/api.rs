//! The quizzes part of the JSON API.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{QuizInput, ReviewItem, ShownQuestion};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Locale, Msg};
use crate::web::csv::{self, wants_csv};
use crate::web::json::{JsonBody, rfc3339_naive as rfc3339};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses/{slug}/modules/{module}/quiz", web::put().to(save))
        .route("/grading", web::get().to(grading))
        .route("/quizzes/{id}", web::get().to(show))
        .route("/quizzes/{id}/attempts", web::post().to(start))
        .route("/quizzes/{id}/results", web::get().to(results))
        .route("/quizzes/{id}/export", web::get().to(export))
        .route("/quizzes/{id}/statistics", web::get().to(statistics))
        .route("/attempts/{id}", web::get().to(attempt))
        .route("/attempts/{id}/answers/{question}", web::put().to(answer))
        .route("/attempts/{id}/answers/{question}/grade", web::put().to(grade))
        .route("/attempts/{id}/submit", web::post().to(submit));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SavedQuestion {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    title: String,
    text_html: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SavedQuizDto {
    quiz_id: String,
    questions: Vec<SavedQuestion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    dropped_languages: Vec<String>,
}

/// Create or replace a module's quiz in one language (GIFT or Aiken). Settings belong to the quiz.
#[utoipa::path(put, path = "/api/v1/courses/{slug}/modules/{module}/quiz", params(("slug" = String, Path), ("module" = String, Path)),
    request_body = QuizInput,
    responses((status = 200, body = SavedQuizDto), (status = 401), (status = 403), (status = 404), (status = 422, body = crate::web::json::ErrorBody)),
    security(("bearer" = [])))]
pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: JsonBody<QuizInput>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let actor = viewer.user()?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let editor = crate::courses::editor_data(&state.db, actor, &slug, Some(&module)).await?;
    if editor.module.is_none() {
        return Err(AppError::NotFound);
    }
    let saved = super::save_quiz(&state.db, actor, &slug, &module, body.into_inner()?).await?;
    let questions = saved
        .questions
        .iter()
        .map(|q| SavedQuestion {
            id: q.id.clone(),
            kind: q.kind.name().into(),
            title: q.title.clone(),
            text_html: super::render::html(&q.text, &saved.course_slug),
        })
        .collect();
    Ok(HttpResponse::Ok().json(SavedQuizDto {
        quiz_id: saved.quiz_id,
        questions,
        dropped_languages: saved.dropped.iter().map(|l| l.code().to_owned()).collect(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct QuizDto {
    id: String,
    title: String,
    pass_percent: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    attempts_allowed: Option<u32>,
    attempts_used: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_limit_seconds: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    best_percent: Option<f64>,
    passed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    unfinished_attempt: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/quizzes/{id}", params(("id" = String, Path)),
    responses((status = 200, body = QuizDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let info = super::quiz_info(&state.db, viewer.user()?, &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(QuizDto {
        id: info.id,
        title: info.title,
        pass_percent: info.settings.pass_percent,
        attempts_allowed: info.settings.attempts_allowed,
        attempts_used: info.attempts.len(),
        time_limit_seconds: info.settings.time_limit_seconds,
        best_percent: info.best_percent,
        passed: info.passed,
        unfinished_attempt: info.unfinished,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AttemptDto {
    id: String,
    quiz_id: String,
    number: i32,
    started_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    submitted_at: Option<String>,
    questions: Vec<ShownQuestion>,
    /// The answers saved so far, by question id (to resume an attempt).
    answers: BTreeMap<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passed: Option<bool>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pending_grading: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<ReviewDto>,
}

/// An attempt's review (named apart from a scholarship review).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = AttemptReviewDto)]
pub struct ReviewDto {
    questions: Vec<ReviewItem>,
}

fn attempt_dto(v: super::AttemptView) -> AttemptDto {
    let submitted = v.attempt.submitted_at.is_some();
    AttemptDto {
        score: submitted.then(|| v.score()),
        max_score: submitted.then(|| v.max_score()),
        percent: submitted.then(|| v.percent()),
        passed: if submitted { v.attempt.passed } else { None },
        id: v.attempt.id,
        quiz_id: v.quiz_id,
        number: v.attempt.number,
        started_at: rfc3339(v.attempt.started_at),
        deadline: v.attempt.deadline.map(rfc3339),
        submitted_at: v.attempt.submitted_at.map(rfc3339),
        questions: v.questions,
        answers: v.answers,
        pending_grading: v.pending_grading,
        review: v.review.map(|questions| ReviewDto { questions }),
    }
}

/// Start an attempt (or get the unfinished one back, 200); no attempts left → 409.
#[utoipa::path(post, path = "/api/v1/quizzes/{id}/attempts", params(("id" = String, Path)),
    responses((status = 201, body = AttemptDto), (status = 200, body = AttemptDto), (status = 401), (status = 403), (status = 404), (status = 409)),
    security(("bearer" = [])))]
pub async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let (id, created) = super::start_attempt(&state.db, user, &path, viewer.locale).await?;
    let view = super::attempt_view(&state.db, user, &id, viewer.locale).await?;
    let dto = attempt_dto(view);
    Ok(if created { HttpResponse::Created().json(dto) } else { HttpResponse::Ok().json(dto) })
}

#[utoipa::path(get, path = "/api/v1/attempts/{id}", params(("id" = String, Path)),
    responses((status = 200, body = AttemptDto), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn attempt(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = super::attempt_view(&state.db, viewer.user()?, &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(attempt_dto(view)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct AnswerInput {
    #[schema(value_type = Object)]
    answer: Value,
}

/// Save one answer as it is given (an attempt survives a dropped connection).
#[utoipa::path(put, path = "/api/v1/attempts/{id}/answers/{question}", params(("id" = String, Path), ("question" = String, Path)),
    request_body = AnswerInput,
    responses((status = 204), (status = 401), (status = 404), (status = 409), (status = 422)), security(("bearer" = [])))]
pub async fn answer(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: JsonBody<AnswerInput>,
) -> Result<HttpResponse, AppError> {
    let (id, question) = path.into_inner();
    let user = viewer.user()?;
    let answer = body.into_inner().map(|b| b.answer);
    super::save_answer(&state.db, user, &id, &question, answer).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SubmitDto {
    score: f64,
    max_score: f64,
    percent: f64,
    passed: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pending_grading: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<ReviewDto>,
}

/// Submit an attempt; a second submit returns the same result.
#[utoipa::path(post, path = "/api/v1/attempts/{id}/submit", params(("id" = String, Path)),
    responses((status = 200, body = SubmitDto), (status = 401), (status = 404)), security(("bearer" = [])))]
pub async fn submit(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let v = super::submit(&state.db, viewer.user()?, &path, viewer.locale).await?;
    Ok(HttpResponse::Ok().json(SubmitDto {
        score: v.score(),
        max_score: v.max_score(),
        percent: v.percent(),
        passed: v.attempt.passed.unwrap_or(false),
        pending_grading: v.pending_grading,
        review: v.review.map(|questions| ReviewDto { questions }),
    }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct GradeInput {
    score: Option<f64>,
    comment: Option<String>,
}

/// Grade an essay answer (course trainers, admins).
#[utoipa::path(put, path = "/api/v1/attempts/{id}/answers/{question}/grade", params(("id" = String, Path), ("question" = String, Path)),
    request_body = GradeInput,
    responses((status = 200, body = crate::web::json::Done), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)),
    security(("bearer" = [])))]
pub async fn grade(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: JsonBody<GradeInput>,
) -> Result<HttpResponse, AppError> {
    let (id, question) = path.into_inner();
    let actor = viewer.user()?;
    let input = body.into_inner().and_then(|g| {
        let score = g.score.ok_or_else(|| AppError::field("score", Msg::new("error-score-required")))?;
        Ok((score, g.comment))
    });
    super::grade_essay(&state.db, actor, &id, &question, input).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({"ok": true})))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResultItem {
    user_id: String,
    handle: String,
    attempt_id: String,
    score: f64,
    percent: f64,
    submitted_at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResultList {
    items: Vec<ResultItem>,
}

/// Every submitted attempt; `Accept: text/csv` gives CSV.
#[utoipa::path(get, path = "/api/v1/quizzes/{id}/results", params(("id" = String, Path)),
    responses((status = 200, body = ResultList), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn results(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let r = super::results(&state.db, viewer.user()?, &path, viewer.locale).await?;
    if wants_csv(&req) {
        return Ok(csv::response(&csv::file_name("quiz-results", &r.quiz_id), super::results_csv(&r)));
    }
    let items: Vec<ResultItem> = r
        .attempts
        .into_iter()
        .map(|(a, handle)| ResultItem {
            percent: super::percent(a.score_milli.unwrap_or(0), a.max_milli),
            score: a.score_milli.unwrap_or(0) as f64 / 1000.0,
            submitted_at: a.submitted_at.map(rfc3339).unwrap_or_default(),
            user_id: a.user_id,
            handle,
            attempt_id: a.id,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ResultList { items }))
}

#[derive(Deserialize)]
pub struct ExportQuery {
    format: Option<String>,
    language: Option<String>,
}

/// The export formats: GIFT only.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum ExportFormat {
    Gift,
}

/// The quiz as GIFT in one language.
#[utoipa::path(get, path = "/api/v1/quizzes/{id}/export", params(("id" = String, Path), ("format" = Option<ExportFormat>, Query), ("language" = Option<crate::web::json::LanguageCode>, Query)),
    responses((status = 200, content_type = "text/plain"), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    let actor = viewer.user()?;
    let q = q.into_inner();
    if q.format.as_deref().is_some_and(|f| f != "gift") {
        return Err(AppError::BadRequest(Msg::new("error-quiz-format")));
    }
    let language = q.language.as_deref().and_then(Locale::parse).unwrap_or(Locale::En);
    let text = super::export(&state.db, actor, &path, language).await?;
    Ok(HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(text))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct QuestionStats {
    id: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    facility: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    discrimination: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    efficiency: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StatisticsDto {
    /// Attempts analysed (first attempts unless `?attempts=all`).
    attempts: usize,
    /// Cronbach's alpha, 0 to 1 (absent with fewer than 2 attempts).
    #[serde(skip_serializing_if = "Option::is_none")]
    alpha: Option<f64>,
    /// Facility, sd (of the question's mark), discrimination and efficiency in percent, as Moodle.
    questions: Vec<QuestionStats>,
}

#[derive(Deserialize)]
pub struct StatsQuery {
    attempts: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/quizzes/{id}/statistics", params(("id" = String, Path), ("attempts" = Option<String>, Query)),
    responses((status = 200, body = StatisticsDto), (status = 401), (status = 403), (status = 404)), security(("bearer" = [])))]
pub async fn statistics(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    q: web::Query<StatsQuery>,
) -> Result<HttpResponse, AppError> {
    let all = q.attempts.as_deref() == Some("all");
    let s = super::statistics(&state.db, viewer.user()?, &path, all, viewer.locale).await?;
    let round = |v: Option<f64>| v.map(|x| (x * 100.0).round() / 100.0);
    Ok(HttpResponse::Ok().json(StatisticsDto {
        attempts: s.attempts,
        alpha: s.alpha.map(|a| (a * 10000.0).round() / 10000.0),
        questions: s
            .questions
            .into_iter()
            .map(|(id, title, st)| QuestionStats {
                id,
                title,
                facility: round(st.facility),
                sd: round(st.sd),
                discrimination: round(st.discrimination),
                efficiency: round(st.efficiency),
            })
            .collect(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GradingItem {
    attempt_id: String,
    question_id: String,
    quiz_id: String,
    course_slug: String,
    submitted_at: Option<String>,
    /// The question, as sanitised HTML.
    prompt_html: String,
    max_score: f64,
    /// The marking guide (the question's general feedback), as sanitised HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    guide_html: Option<String>,
    answer: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GradingQueue {
    items: Vec<GradingItem>,
}

/// Essays awaiting a grade in the quizzes the caller teaches (admins: all), oldest first.
#[utoipa::path(get, path = "/api/v1/grading", responses((status = 200, body = GradingQueue), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn grading(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, AppError> {
    let queue = super::grading_queue(&state.db, viewer.user()?, viewer.locale).await?;
    let items = queue
        .into_iter()
        .map(|q| GradingItem {
            attempt_id: q.essay.attempt_id,
            question_id: q.essay.question_id,
            quiz_id: q.quiz_id,
            course_slug: q.course_slug,
            submitted_at: q.essay.submitted_at.map(rfc3339),
            prompt_html: q.essay.question_html,
            max_score: q.essay.max_score,
            guide_html: q.essay.guide_html,
            answer: q.essay.answer,
        })
        .collect();
    Ok(HttpResponse::Ok().json(GradingQueue { items }))
}

/// This domain's part of the OpenAPI description; api.rs merges every domain's.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(save, show, start, attempt, answer, submit, grade, results, export, statistics, grading,),
    components(schemas(
        ExportFormat,
        crate::web::json::LanguageCode,
        super::QuizInput,
        super::model::Settings,
        super::model::ReviewPolicy,
        super::ShownQuestion,
        super::Labelled,
        super::ReviewItem,
        SavedQuestion,
        SavedQuizDto,
        QuizDto,
        AttemptDto,
        ReviewDto,
        AnswerInput,
        SubmitDto,
        GradeInput,
        GradingItem,
        GradingQueue,
        ResultItem,
        ResultList,
        QuestionStats,
        StatisticsDto,
    ))
)]
pub struct QuizzesApi;
