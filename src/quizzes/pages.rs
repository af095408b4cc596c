//! Quiz pages: a scholar's quiz page and attempt form (plain HTML forms that work without JavaScript; a
//! small optional script saves each answer as it is given), and the trainer's editor, results, essay
//! grading and item analysis.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};

use super::model::{Kind, ReviewPolicy, Settings};
use super::{AttemptView, ShownQuestion};
use crate::accounts::extract::Viewer;
use crate::core::error::{AppError, FieldErrors};
use crate::i18n::{Arg, Locale, Msg, format_datetime, t, t_with};
use crate::web::forms::{CsrfForm, Problems, csrf_field, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};
mod grading;
mod trainer;
pub use grading::*;
pub use trainer::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/quizzes/{id}", web::get().to(quiz_page))
        .route("/quizzes/{id}/start", web::post().to(start))
        .route("/attempts/{id}", web::get().to(attempt_page))
        .route("/attempts/{id}", web::post().to(save_attempt))
        .route("/trainer/courses/{slug}/modules/{module}/quiz", web::get().to(editor))
        .route("/trainer/courses/{slug}/modules/{module}/quiz", web::post().to(save_quiz))
        .route("/trainer/quizzes/{id}/results", web::get().to(results_page))
        .route("/trainer/quizzes/{id}/results.csv", web::get().to(results_csv))
        .route("/trainer/attempts/{id}/grade/{question}", web::post().to(grade))
        .route("/trainer/grading", web::get().to(grading_page))
        .route("/trainer/grading/{attempt}/{question}", web::post().to(grade_from_queue))
        .route("/trainer/quizzes/{id}/statistics", web::get().to(statistics_page));
}

/// A score or percentage as the reader's language writes it: at most two decimals, none when whole, and a
/// decimal comma in Russian and Ukrainian ("5,25 из 7").
fn number(l: Locale, v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded}") };
    if l == Locale::En { text } else { text.replace('.', ",") }
}

/// A saved answer as it goes back into its field: a number as she would type it (5, not 5.0; a decimal
/// comma in Russian and Ukrainian), never rounded.
fn answer_text(l: Locale, answer: &Value) -> String {
    match answer {
        Value::String(s) => s.clone(),
        Value::Number(n) => {
            let text = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i.to_string(),
                (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
                (None, Some(f)) => f.to_string(),
                _ => n.to_string(),
            };
            if l == Locale::En { text } else { text.replace('.', ",") }
        }
        other => other.to_string(),
    }
}

// ---- scholars ----

async fn quiz_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let info = super::quiz_info(&state.db, user, &path, l).await?;
    let s = &info.settings;
    let body = html! {
        p.breadcrumb { a href=(format!("/courses/{}/modules/{}", info.course_slug, info.module_slug)) { (t(l, "quiz-back-to-module")) } }
        dl.facts {
            dt { (t(l, "quiz-questions")) }
            dd {
                @if info.shape.per_attempt < info.shape.pool {
                    (t_with(l, "quiz-questions-drawn", &[("count", Arg::from(info.shape.per_attempt)), ("pool", Arg::from(info.shape.pool))]))
                } @else { (info.shape.per_attempt) }
            }
            dt { (t(l, "quiz-pass-mark")) } dd { (s.pass_percent) "%" }
            dt { (t(l, "quiz-attempts")) } dd {
                @match s.attempts_allowed {
                    Some(n) => (t_with(l, "quiz-attempts-of", &[("used", Arg::from(info.attempts.len())), ("allowed", Arg::Number(i64::from(n)))])),
                    None => (t_with(l, "quiz-attempts-unlimited", &[("used", Arg::from(info.attempts.len()))])),
                }
            }
            @if let Some(limit) = s.time_limit_seconds {
                dt { (t(l, "quiz-time-limit")) } dd { (t_with(l, "module-minutes", &[("count", Arg::Number(i64::from(limit.div_ceil(60))))])) }
            }
            @if let Some(best) = info.best_percent { dt { (t(l, "quiz-best")) } dd { (number(l, best)) "%" } }
        }
        @if info.shape.by_hand { p { (t(l, "quiz-by-hand")) } }
        @if s.time_limit_seconds.is_some() { p.meta #online-only { (t(l, "quiz-timed-online")) } }
        @if info.passed { p.notice role="status" { (t(l, "quiz-passed")) } }
        @if info.access.enrolled {
            @if let Some(open) = &info.unfinished {
                p { a.button.primary href=(format!("/attempts/{open}")) { (t(l, "quiz-continue")) } }
            } @else if info.attempts_left != Some(0) {
                form method="post" action=(format!("/quizzes/{}/start", info.id)) {
                    (csrf_field(&viewer.csrf_token))
                    button.primary type="submit" { (t(l, "quiz-start")) }
                }
            } @else {
                p.notice { (t(l, "quiz-no-attempts-left")) }
            }
        }
        @if info.access.can_edit {
            p.actions {
                a href=(format!("/trainer/quizzes/{}/results", info.id)) { (t(l, "quiz-results-title")) } " · "
                a href=(format!("/trainer/quizzes/{}/statistics", info.id)) { (t(l, "quiz-statistics-title")) } " · "
                a href=(format!("/trainer/courses/{}/modules/{}/quiz", info.course_slug, info.module_slug)) { (t(l, "quiz-edit")) }
            }
        }
        @if !info.attempts.is_empty() {
            h2 { (t(l, "quiz-your-attempts")) }
            ol {
                @for a in &info.attempts {
                    li {
                        a href=(format!("/attempts/{}", a.id)) {
                            @if a.submitted_at.is_some() {
                                (number(l, super::percent(a.score_milli.unwrap_or(0), a.max_milli))) "%"
                                @if a.passed == Some(true) { " · " (t(l, "quiz-passed-short")) }
                            } @else { (t(l, "quiz-in-progress")) }
                        }
                        " " span.meta { (format_datetime(l, a.started_at)) }
                    }
                }
            }
        }
    };
    let mut page = page_response(&state, &viewer, &req, StatusCode::OK, &info.title, body);
    crate::web::mark_course_page(&mut page, &info.course_slug);
    Ok(page)
}

async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _f: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let (id, _) = super::start_attempt(&state.db, viewer.user()?, &path, viewer.locale).await?;
    Ok(see_other(&format!("/attempts/{id}")))
}

async fn attempt_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let v = super::attempt_view(&state.db, viewer.user()?, &path, viewer.locale).await?;
    Ok(attempt_response(&state, &viewer, &req, &v, &BTreeMap::new(), &Problems::default()))
}

fn attempt_response(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    v: &AttemptView,
    typed: &BTreeMap<String, String>,
    problems: &Problems,
) -> HttpResponse {
    let l = viewer.locale;
    let open = v.attempt.submitted_at.is_none() && v.own;
    // A timed attempt needs a connection throughout; an untimed one can be answered offline.
    let untimed = v.attempt.deadline.is_none();
    if open {
        // The language buttons send the answers (saved) rather than leave them.
        actix_web::HttpMessage::extensions_mut(req).insert(crate::web::LanguageThroughForm("quiz-form".to_owned()));
    }
    let body = html! {
        p.breadcrumb { a href=(format!("/quizzes/{}", v.quiz_id)) { (t(l, "quiz-back-to-quiz")) } }
        @if let (true, Some(deadline)) = (open, v.attempt.deadline) {
            @let left = (deadline - crate::db::now()).num_seconds();
            @if left > 0 {
                p.notice role="note" {
                    (t_with(l, "quiz-minutes-left", &[("minutes", Arg::Number((left + 59) / 60))]))
                    " " (t_with(l, "quiz-deadline", &[("at", Arg::Text(format_datetime(l, deadline)))]))
                    // With JavaScript, quiz.js counts down here in the reader's own clock.
                    strong.countdown hidden data-deadline=(deadline.and_utc().to_rfc3339())
                        data-left=(t_with(l, "quiz-countdown", &[("time", Arg::Text("{time}".into()))]))
                        data-up=(t(l, "quiz-time-up-send-now")) {}
                }
            } @else {
                p.notice.warning role="alert" { (t(l, "quiz-time-up-send-now")) }
            }
        }
        @if super::closed_by_time(&v.attempt) {
            p.notice.warning { (t(l, "quiz-time-ran-out")) }
        }
        @if v.attempt.submitted_at.is_some() {
            div.result role="status" {
                p.lead { (t_with(l, "quiz-score", &[("score", Arg::Text(number(l, v.score()))), ("max", Arg::Text(number(l, v.max_score()))), ("percent", Arg::Text(number(l, v.percent())))])) }
                @if v.attempt.passed == Some(true) { p { strong { (t(l, "quiz-passed")) } } }
                @else { p { (t_with(l, "quiz-not-passed", &[("pass", Arg::Number(i64::from(v.pass_percent)))])) } }
                @if v.pending_grading { p { (t(l, "quiz-pending-grading")) } }
                @if v.review.is_none() { p.meta { (t(l, "quiz-review-later")) } }
            }
        }
        (form_problem(l, problems))
        form.quiz #quiz-form method="post" action=(format!("/attempts/{}", v.attempt.id)) data-attempt=(v.attempt.id) data-csrf=(viewer.csrf_token)
            data-offline=[untimed.then_some("queue")] data-saved-here=[untimed.then_some(t(l, "offline-answer-kept"))]
            data-not-saved=(t(l, "offline-answer-not-saved")) novalidate {
            (csrf_field(&viewer.csrf_token))
            // Sent without a connection, an untimed attempt's form waits on the device (static/sw.js).
            @if open && untimed { input type="hidden" name="offline" value="queue"; }
            @for (n, q) in v.questions.iter().enumerate() {
                @let review = v.review.as_ref().and_then(|r| r.iter().find(|i| i.id == q.id));
                (question_fieldset(l, n + 1, q, AnswerState { answer: v.answers.get(&q.id), typed, problems, open, review }))
            }
            @if open {
                p.save-state aria-live="polite" {}
                div.actions {
                    button type="submit" name="action" value="save" { (t(l, "quiz-save")) }
                    " "
                    button.primary type="submit" name="action" value="submit" { (t(l, "quiz-submit")) }
                }
                p.hint { (t(l, "quiz-save-hint")) }
            }
        }
        @if open { script src=(crate::web::assets::quiz_js_url()) defer {} }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut page = page_response(state, viewer, req, status, &v.quiz_title, body);
    if untimed && v.own && problems.is_empty() {
        crate::web::mark_course_page(&mut page, &v.course_slug);
    }
    page
}

fn checked_value(answer: Option<&Value>, id: &str) -> bool {
    match answer {
        Some(Value::String(s)) => s == id,
        Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(id)),
        _ => false,
    }
}

/// The parts of `question_fieldset` that vary between its callers.
struct AnswerState<'a> {
    pub answer: Option<&'a Value>,
    pub typed: &'a BTreeMap<String, String>,
    pub problems: &'a Problems,
    pub open: bool,
    pub review: Option<&'a super::ReviewItem>,
}

fn question_fieldset(l: Locale, n: usize, q: &ShownQuestion, state: AnswerState<'_>) -> Markup {
    let AnswerState { answer, typed, problems, open, review } = state;
    let name = format!("q.{}", q.id);
    let errors = problems.fields.get(&name);
    html! {
        fieldset.question.invalid[errors.is_some()] id=(format!("question-{}", q.id)) data-question=(q.id) data-type=(q.kind) disabled[!open] {
            legend { span.qnum { (t_with(l, "quiz-question-number", &[("n", Arg::from(n))])) } }
            div.qtext { (PreEscaped(&q.text_html)) }
            @if let Some(errors) = errors { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
            @match q.kind.as_str() {
                "single" | "multiple" => {
                    @let input = if q.kind == "single" { "radio" } else { "checkbox" };
                    @if q.kind == "multiple" { input type="hidden" name=(format!("m.{}", q.id)) value="1"; }
                    ul.choices {
                        @for c in q.choices.iter().flatten() {
                            li { label {
                                input type=(input) name=(name) value=(c.id) checked[checked_value(answer, &c.id)];
                                " " span { (PreEscaped(&c.text_html)) }
                            } }
                        }
                    }
                }
                "truefalse" => {
                    ul.choices {
                        li { label { input type="radio" name=(name) value="true" checked[answer == Some(&Value::Bool(true))]; " " (t(l, "quiz-true")) } }
                        li { label { input type="radio" name=(name) value="false" checked[answer == Some(&Value::Bool(false))]; " " (t(l, "quiz-false")) } }
                    }
                }
                "short" | "numerical" => {
                    @let value = typed.get(&name).cloned().or_else(|| answer.map(|a| answer_text(l, a))).unwrap_or_default();
                    label.visually-hidden for=(format!("a-{}", q.id)) { (t(l, "quiz-your-answer")) }
                    input id=(format!("a-{}", q.id)) name=(name) type="text" value=(value)
                        inputmode=[(q.kind == "numerical").then_some("decimal")] autocomplete="off";
                }
                "essay" => {
                    @let value = typed.get(&name).cloned().or_else(|| answer.and_then(Value::as_str).map(str::to_owned)).unwrap_or_default();
                    label.visually-hidden for=(format!("a-{}", q.id)) { (t(l, "quiz-your-answer")) }
                    textarea id=(format!("a-{}", q.id)) name=(name) rows="8" { (value) }
                }
                "matching" => {
                    table.matching {
                        @for p in q.prompts.iter().flatten() {
                            @let field = format!("q.{}.{}", q.id, p.id);
                            @let chosen = answer.and_then(|a| a.get(&p.id)).and_then(Value::as_str);
                            tr {
                                td { label for=(field) { (PreEscaped(&p.text_html)) } }
                                td { select id=(field) name=(field) {
                                    option value="" { "—" }
                                    @for o in q.options.iter().flatten() {
                                        option value=(o.id) selected[chosen == Some(o.id.as_str())] { (PreEscaped(&o.text_html)) }
                                    }
                                } }
                            }
                        }
                    }
                }
                _ => {}
            }
            @if let Some(r) = review {
                div.review {
                    p { strong {
                        @match r.score {
                            Some(s) => (t_with(l, "quiz-question-score", &[("score", Arg::Text(number(l, s))), ("max", Arg::Text(number(l, r.max_score)))])),
                            None => (t(l, "quiz-awaiting-grade")),
                        }
                    } }
                    @if let Some(right) = &r.right_answer_html { p { (t(l, "quiz-right-answer")) ": " (PreEscaped(right)) } }
                    @if let Some(f) = &r.feedback_html { div.feedback { (PreEscaped(f)) } }
                    @if let Some(c) = &r.comment { p.comment { (t(l, "quiz-trainer-comment")) ": " (c) } }
                }
            }
        }
    }
}

/// Turns the attempt form into answers: (question id → answer), field errors, and what was typed.
fn answers_from_form(
    v: &AttemptView,
    pairs: &[(String, String)],
) -> (Vec<(String, Value)>, FieldErrors, BTreeMap<String, String>) {
    let mut answers = Vec::new();
    let mut errors = FieldErrors::new();
    let mut typed = BTreeMap::new();
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    for q in &v.questions {
        let name = format!("q.{}", q.id);
        match q.kind.as_str() {
            "single" => {
                if let Some(c) = get(&name) {
                    answers.push((q.id.clone(), json!(c)));
                }
            }
            // A hidden marker says the checkboxes were on the form, so that none checked means "none".
            "multiple" if get(&format!("m.{}", q.id)).is_some() => {
                let chosen: Vec<String> = pairs.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.clone()).collect();
                answers.push((q.id.clone(), json!(chosen)));
            }
            "truefalse" => {
                if let Some(b) = get(&name) {
                    answers.push((q.id.clone(), json!(b == "true")));
                }
            }
            "short" | "essay" => {
                if let Some(text) = get(&name) {
                    typed.insert(name.clone(), text.clone());
                    answers.push((q.id.clone(), json!(text)));
                }
            }
            "numerical" => {
                if let Some(text) = get(&name).filter(|t| !t.trim().is_empty()) {
                    typed.insert(name.clone(), text.clone());
                    // People write 2,5 in Russian and Ukrainian.
                    match text.trim().replace(',', ".").replace(' ', "").parse::<f64>() {
                        Ok(x) if x.is_finite() => answers.push((q.id.clone(), json!(x))),
                        _ => {
                            errors.insert(name, vec![Msg::new("error-answer-number")]);
                        }
                    }
                }
            }
            "matching" => {
                let mut map = serde_json::Map::new();
                for p in q.prompts.iter().flatten() {
                    if let Some(o) = get(&format!("q.{}.{}", q.id, p.id)).filter(|o| !o.is_empty()) {
                        map.insert(p.id.clone(), json!(o));
                    }
                }
                if !map.is_empty() {
                    answers.push((q.id.clone(), Value::Object(map)));
                }
            }
            _ => {}
        }
    }
    (answers, errors, typed)
}

async fn save_attempt(
    state: web::Data<AppState>,
    mut viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    // Signed out while answering (the session ended): sign in again, and the answers come along.
    let Some(user) = viewer.user.clone() else {
        return Ok(crate::web::carry::sign_in_again(&state, &viewer, &req, &form.0));
    };
    let user = &user;
    let pairs = form.0;
    // A language button sent the answers: save them, switch, and come back to the attempt.
    let switched = crate::web::layout::switched_language(&pairs);
    let cookie = match switched {
        Some(locale) => Some(viewer.switch_language(&state, locale).await?),
        None => None,
    };
    let mut response = save_attempt_as(&state, &viewer, &req, user, &path, &pairs).await?;
    if let Some(cookie) = cookie {
        crate::web::cookies::set(&mut response, &cookie)?;
    }
    Ok(response)
}

async fn save_attempt_as(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    user: &crate::accounts::model::User,
    path: &str,
    pairs: &[(String, String)],
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let v = super::attempt_view(&state.db, user, path, l).await?;
    let (answers, mut errors, typed) = answers_from_form(&v, pairs);
    let submitting = pairs.iter().any(|(k, v)| k == "action" && v == "submit");
    let confirmed = pairs.iter().any(|(k, v)| k == "confirm" && v == "yes");
    // After the time limit, any send of the form is its final submit (within the grace period, it counts).
    let late = v.attempt.deadline.is_some_and(|d| crate::db::now() > d);
    // A submit with questions left open saves what was sent, then asks first (nothing is lost either way).
    let ask_first = submitting && !late && !confirmed;
    if (submitting || late) && !ask_first {
        let (refused, outcome) = super::submit_form(&state.db, user, path, answers).await?;
        if outcome == super::Submitted::NeedsCorrecting || (!late && !errors.is_empty()) {
            for (field, msgs) in refused {
                errors.entry(field).or_default().extend(msgs);
            }
            if !errors.is_empty() {
                let v = super::attempt_view(&state.db, user, path, l).await?;
                let problems = Problems { fields: errors, form: None };
                return Ok(attempt_response(state, viewer, req, &v, &typed, &problems));
            }
        }
        return Ok(see_other(&format!("/attempts/{path}")));
    }
    match super::save_answers(&state.db, user, path, answers).await {
        Ok(refused) => {
            for (field, msgs) in refused {
                errors.entry(field).or_default().extend(msgs);
            }
        }
        Err(AppError::Conflict(_)) => return Ok(see_other(&format!("/attempts/{path}"))),
        Err(other) => return Err(other),
    }
    if !errors.is_empty() {
        let v = super::attempt_view(&state.db, user, path, l).await?;
        return Ok(attempt_response(state, viewer, req, &v, &typed, &Problems { fields: errors, form: None }));
    }
    if ask_first {
        let v = super::attempt_view(&state.db, user, path, l).await?;
        let gaps = v.gaps();
        if !gaps.is_empty() {
            return Ok(confirm_submit_response(state, viewer, req, &v, &gaps));
        }
        super::submit_form(&state.db, user, path, Vec::new()).await?;
        return Ok(see_other(&format!("/attempts/{path}")));
    }
    Ok(see_other(&format!("/attempts/{path}#saved")))
}

/// "Submit with questions left open?": each gap links back to its question; submitting from here sends
/// only the confirmation (every answer was saved on the way here).
fn confirm_submit_response(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    v: &AttemptView,
    gaps: &[super::Gap],
) -> HttpResponse {
    let l = viewer.locale;
    let id = &v.attempt.id;
    let body = html! {
        p.lead { (t(l, "quiz-check-intro")) }
        ul {
            @for gap in gaps {
                li {
                    a href=(format!("/attempts/{id}#question-{}", gap.question_id)) {
                        (t_with(l, match gap.kind {
                            super::GapKind::Unanswered => "quiz-check-unanswered",
                            super::GapKind::Incomplete => "quiz-check-incomplete",
                        }, &[("number", Arg::from(gap.number))]))
                    }
                }
            }
        }
        p { (t(l, "quiz-check-final")) }
        @if let Some(deadline) = v.attempt.deadline {
            p { (t_with(l, "quiz-check-deadline", &[("time", Arg::Text(format_datetime(l, deadline)))])) }
        }
        div.actions {
            a.button.primary href=(format!("/attempts/{id}")) { (t(l, "quiz-check-back")) }
            form method="post" action=(format!("/attempts/{id}")) {
                (csrf_field(&viewer.csrf_token))
                input type="hidden" name="action" value="submit";
                input type="hidden" name="confirm" value="yes";
                button type="submit" { (t(l, "quiz-check-submit")) }
            }
        }
    };
    page_response(state, viewer, req, StatusCode::OK, &t(l, "quiz-check-title"), body)
}

#[cfg(test)]
mod tests {
    use super::{Locale, answer_text, number};
    use serde_json::json;

    #[test]
    fn numbers_are_written_as_the_readers_language_writes_them() {
        assert_eq!(number(Locale::Ru, 5.25), "5,25");
        assert_eq!(number(Locale::Uk, 7.0), "7");
        assert_eq!(number(Locale::En, 66.666), "66.67");
        assert_eq!(answer_text(Locale::En, &json!(5.0)), "5");
        assert_eq!(answer_text(Locale::Ru, &json!(1979.125)), "1979,125", "never rounded: it goes back into the field");
        assert_eq!(answer_text(Locale::En, &json!("consent")), "consent");
    }
}
