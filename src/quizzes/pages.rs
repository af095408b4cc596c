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
        .route("/trainer/quizzes/{id}/statistics", web::get().to(statistics_page));
}

fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded}") }
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
            @if let Some(best) = info.best_percent { dt { (t(l, "quiz-best")) } dd { (number(best)) "%" } }
        }
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
                                (number(super::percent(a.score_milli.unwrap_or(0), a.max_milli))) "%"
                                @if a.passed == Some(true) { " · " (t(l, "quiz-passed-short")) }
                            } @else { (t(l, "quiz-in-progress")) }
                        }
                        " " span.meta { (format_datetime(l, a.started_at)) }
                    }
                }
            }
        }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &info.title, body))
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
    let body = html! {
        p.breadcrumb { a href=(format!("/quizzes/{}", v.quiz_id)) { (t(l, "quiz-back-to-quiz")) } }
        @if let (true, Some(deadline)) = (open, v.attempt.deadline) {
            p.notice role="note" { (t_with(l, "quiz-deadline", &[("at", Arg::Text(format_datetime(l, deadline)))])) }
        }
        @if v.attempt.submitted_at.is_some() {
            div.result role="status" {
                p.lead { (t_with(l, "quiz-score", &[("score", Arg::Text(number(v.score()))), ("max", Arg::Text(number(v.max_score()))), ("percent", Arg::Text(number(v.percent())))])) }
                @if v.attempt.passed == Some(true) { p { strong { (t(l, "quiz-passed")) } } }
                @else { p { (t_with(l, "quiz-not-passed", &[("pass", Arg::Number(i64::from(v.pass_percent)))])) } }
                @if v.pending_grading { p { (t(l, "quiz-pending-grading")) } }
                @if v.review.is_none() { p.meta { (t(l, "quiz-review-later")) } }
            }
        }
        (form_problem(l, problems))
        form.quiz method="post" action=(format!("/attempts/{}", v.attempt.id)) data-attempt=(v.attempt.id) data-csrf=(viewer.csrf_token) novalidate {
            (csrf_field(&viewer.csrf_token))
            @for (n, q) in v.questions.iter().enumerate() {
                @let review = v.review.as_ref().and_then(|r| r.iter().find(|i| i.id == q.id));
                (question_fieldset(l, n + 1, q, v.answers.get(&q.id), typed, problems, open, review))
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
        @if open { script src="/static/quiz.js" defer {} }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(state, viewer, req, status, &v.quiz_title, body)
}

fn checked_value(answer: Option<&Value>, id: &str) -> bool {
    match answer {
        Some(Value::String(s)) => s == id,
        Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(id)),
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn question_fieldset(
    l: Locale,
    n: usize,
    q: &ShownQuestion,
    answer: Option<&Value>,
    typed: &BTreeMap<String, String>,
    problems: &Problems,
    open: bool,
    review: Option<&super::ReviewItem>,
) -> Markup {
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
                    @let value = typed.get(&name).cloned().or_else(|| answer.map(|a| match a { Value::String(s) => s.clone(), other => other.to_string() })).unwrap_or_default();
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
                            Some(s) => (t_with(l, "quiz-question-score", &[("score", Arg::Text(number(s))), ("max", Arg::Text(number(r.max_score)))])),
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
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let l = viewer.locale;
    let v = super::attempt_view(&state.db, user, &path, l).await?;
    let pairs = form.0;
    let (answers, mut errors, typed) = answers_from_form(&v, &pairs);
    for (question, answer) in answers {
        match super::save_answer(&state.db, user, &path, &question, Ok(answer)).await {
            Ok(()) => {}
            Err(AppError::Validation(fields)) => {
                for (_, msgs) in fields {
                    errors.entry(format!("q.{question}")).or_default().extend(msgs);
                }
            }
            Err(AppError::Conflict(_)) => return Ok(see_other(&format!("/attempts/{}", path.as_str()))),
            Err(other) => return Err(other),
        }
    }
    if !errors.is_empty() {
        let v = super::attempt_view(&state.db, user, &path, l).await?;
        return Ok(attempt_response(&state, &viewer, &req, &v, &typed, &Problems { fields: errors, form: None }));
    }
    let submitting = pairs.iter().any(|(k, v)| k == "action" && v == "submit");
    if submitting {
        super::submit(&state.db, user, &path, l).await?;
        return Ok(see_other(&format!("/attempts/{}", path.as_str())));
    }
    Ok(see_other(&format!("/attempts/{}#saved", path.as_str())))
}

// ---- trainers ----

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

async fn editor(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    q: web::Query<LangQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let user = viewer.user()?;
    let language = q.into_inner().lang.as_deref().and_then(Locale::parse).unwrap_or(Locale::En);
    let source = super::quiz_source(&state.db, user, &slug, &module).await?;
    let (format, text) = source.sources.get(language.code()).cloned().unwrap_or_else(|| ("gift".into(), String::new()));
    let form = EditorForm {
        language: language.code().into(),
        format,
        source: text,
        ..EditorForm::from_settings(&source.settings)
    };
    Ok(editor_view(
        &state,
        &viewer,
        &req,
        &slug,
        &module,
        source.quiz_id.as_deref(),
        &form,
        None,
        None,
        &Problems::default(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditorForm {
    language: String,
    format: String,
    source: String,
    pass_percent: String,
    attempts_allowed: String,
    time_limit_minutes: String,
    draw: String,
    review: String,
    shuffle_questions: Option<String>,
    shuffle_choices: Option<String>,
    required_for_completion: Option<String>,
    action: String,
}

impl EditorForm {
    fn from_settings(s: &Settings) -> Self {
        EditorForm {
            pass_percent: s.pass_percent.to_string(),
            attempts_allowed: s.attempts_allowed.map(|n| n.to_string()).unwrap_or_default(),
            time_limit_minutes: s.time_limit_seconds.map(|n| n.div_ceil(60).to_string()).unwrap_or_default(),
            draw: s.draw.map(|n| n.to_string()).unwrap_or_default(),
            review: serde_json::to_value(s.review).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            shuffle_questions: s.shuffle_questions.then(|| "on".into()),
            shuffle_choices: s.shuffle_choices.then(|| "on".into()),
            required_for_completion: s.required_for_completion.then(|| "on".into()),
            ..Default::default()
        }
    }

    fn settings(&self) -> Result<Settings, AppError> {
        let mut fields = FieldErrors::new();
        let mut number = |name: &str, text: &str, optional: bool| -> Option<u32> {
            let text = text.trim();
            if text.is_empty() && optional {
                return None;
            }
            match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    fields.insert(format!("settings.{name}"), vec![Msg::new("error-whole-number")]);
                    None
                }
            }
        };
        let pass = number("pass_percent", &self.pass_percent, false).unwrap_or(70);
        let attempts = number("attempts_allowed", &self.attempts_allowed, true);
        let minutes = number("time_limit_seconds", &self.time_limit_minutes, true);
        let draw = number("draw", &self.draw, true);
        let review = serde_json::from_value::<ReviewPolicy>(json!(self.review)).unwrap_or_default();
        if !fields.is_empty() {
            return Err(AppError::Validation(fields));
        }
        Ok(Settings {
            pass_percent: pass,
            attempts_allowed: attempts,
            time_limit_seconds: minutes.map(|m| m.saturating_mul(60)),
            shuffle_questions: self.shuffle_questions.is_some(),
            shuffle_choices: self.shuffle_choices.is_some(),
            draw,
            review,
            required_for_completion: self.required_for_completion.is_some(),
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn editor_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    slug: &str,
    module: &str,
    quiz_id: Option<&str>,
    form: &EditorForm,
    preview: Option<&[ShownPreview]>,
    notice: Option<String>,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let language = Locale::parse(&form.language).unwrap_or(Locale::En);
    let field_errors = |name: &str| -> Markup {
        html! { @if let Some(errors) = problems.fields.get(name) { ul.field-errors id=(format!("f-{name}-error")) { @for e in errors { li { (e.text(l)) } } } } }
    };
    let number_field = |name: &str, label: String, value: &str| -> Markup {
        let key = format!("settings.{name}");
        html! {
            div.field.invalid[problems.fields.contains_key(&key)] {
                label for=(format!("f-{name}")) { (label) }
                (field_errors(&key))
                input id=(format!("f-{name}")) name=(if name == "time_limit_seconds" { "time_limit_minutes" } else { name }) type="text" inputmode="numeric" value=(value);
            }
        }
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/courses/{slug}")) { (t(l, "editor-back")) }
            @if let Some(id) = quiz_id { " · " a href=(format!("/quizzes/{id}")) { (t(l, "quiz-open-page")) } } }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        nav.langs aria-label=(t(l, "editor-language")) {
            @for loc in Locale::ALL {
                a href=(format!("/trainer/courses/{slug}/modules/{module}/quiz?lang={}", loc.code())) lang=(loc.code())
                    aria-current=[(loc == language).then_some("page")] { (t(loc, "language-name")) }
            }
        }
        (form_problem(l, problems))
        form.stack method="post" action=(format!("/trainer/courses/{slug}/modules/{module}/quiz")) novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="language" value=(language.code());
            @if language == Locale::En {
                fieldset {
                    legend { (t(l, "quiz-settings")) }
                    (number_field("pass_percent", t(l, "quiz-pass-mark"), &form.pass_percent))
                    (number_field("attempts_allowed", t(l, "quiz-attempts-allowed"), &form.attempts_allowed))
                    (number_field("time_limit_seconds", t(l, "quiz-time-limit-minutes"), &form.time_limit_minutes))
                    (number_field("draw", t(l, "quiz-draw"), &form.draw))
                    div.field {
                        label for="f-review" { (t(l, "quiz-review-policy")) }
                        select id="f-review" name="review" {
                            @for (value, label) in [("after_attempt", "quiz-review-after-attempt"), ("after_pass", "quiz-review-after-pass"), ("after_last_attempt", "quiz-review-after-last"), ("never", "quiz-review-never")] {
                                option value=(value) selected[form.review == value] { (t(l, label)) }
                            }
                        }
                    }
                    div.field.check { label { input type="checkbox" name="shuffle_questions" checked[form.shuffle_questions.is_some()]; " " (t(l, "quiz-shuffle-questions")) } }
                    div.field.check { label { input type="checkbox" name="shuffle_choices" checked[form.shuffle_choices.is_some()]; " " (t(l, "quiz-shuffle-choices")) } }
                    div.field.check { label { input type="checkbox" name="required_for_completion" checked[form.required_for_completion.is_some()]; " " (t(l, "quiz-required")) } }
                }
            } @else {
                p.hint { (t(l, "quiz-translation-hint")) }
            }
            div.field {
                label for="f-format" { (t(l, "quiz-format")) }
                select id="f-format" name="format" {
                    option value="gift" selected[form.format != "aiken"] { "GIFT" }
                    option value="aiken" selected[form.format == "aiken"] { "Aiken" }
                }
            }
            div.field.invalid[problems.fields.contains_key("source")] {
                label for="f-source" { (t(l, "quiz-source")) }
                p.hint id="f-source-hint" { (t(l, "quiz-source-hint")) }
                (field_errors("source"))
                textarea.editor id="f-source" name="source" rows="24" lang=(language.code()) aria-describedby="f-source-hint" { (form.source) }
            }
            div.actions {
                button type="submit" name="action" value="preview" { (t(l, "editor-preview")) }
                " "
                button.primary type="submit" name="action" value="save" { (t(l, "editor-save")) }
            }
        }
        @if let Some(questions) = preview {
            section.preview aria-labelledby="preview-h" {
                h2 #preview-h { (t_with(l, "quiz-preview-count", &[("count", Arg::from(questions.len()))])) }
                ol { @for q in questions {
                    li {
                        p { strong { (q.title) } " " span.badge { (t(l, &format!("quiz-type-{}", q.kind))) } " " code { (q.id) } }
                        div.qtext { (PreEscaped(&q.text_html)) }
                        @if !q.answers.is_empty() { ul.meta { @for a in &q.answers { li { (PreEscaped(a)) } } } }
                    }
                } }
            }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(
        state,
        v,
        req,
        status,
        &t_with(l, "quiz-editor-title", &[("module", Arg::Text(module.to_owned()))]),
        body,
    )
}

/// A parsed question as the trainer's preview shows it, with its answers and credit.
struct ShownPreview {
    id: String,
    title: String,
    kind: String,
    text_html: String,
    answers: Vec<String>,
}

fn preview_of(questions: &[super::model::Question], slug: &str) -> Vec<ShownPreview> {
    let html = |t: &super::model::Text| super::render::html(t, slug);
    let esc = |s: &str| maud::html! { (s) }.into_string();
    questions
        .iter()
        .map(|q| {
            let answers = match &q.kind {
                Kind::Single { choices } | Kind::Multiple { choices } => {
                    choices.iter().map(|c| format!("{}% — {}", number(c.fraction * 100.0), html(&c.text))).collect()
                }
                Kind::TrueFalse { answer, .. } => vec![esc(if *answer { "TRUE" } else { "FALSE" })],
                Kind::Short { answers } => {
                    answers.iter().map(|a| format!("{}% — {}", number(a.fraction * 100.0), esc(&a.text))).collect()
                }
                Kind::Numerical { answers } => answers
                    .iter()
                    .map(|a| match a.value {
                        Some(v) => format!("{}% — {} ± {}", number(a.fraction * 100.0), v, a.tolerance),
                        None => format!("{}% — *", number(a.fraction * 100.0)),
                    })
                    .collect(),
                Kind::Matching { pairs } => {
                    pairs.iter().map(|p| format!("{} → {}", html(&p.prompt), esc(&p.answer))).collect()
                }
                Kind::Essay => Vec::new(),
            };
            ShownPreview {
                id: q.id.clone(),
                title: q.title.clone(),
                kind: q.kind.name().into(),
                text_html: html(&q.text),
                answers,
            }
        })
        .collect()
}

async fn save_quiz(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditorForm>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let user = viewer.user()?;
    let source = super::quiz_source(&state.db, user, &slug, &module).await?;
    let form = form.0;
    let language = Locale::parse(&form.language).unwrap_or(Locale::En);
    let settings = if language == Locale::En { Some(form.settings()) } else { None };
    let parsed = super::parse_source(&form.format, &form.source);
    let problem = |e: AppError| Problems::from_error(e);
    if form.action == "preview" {
        let (preview, problems) = match parsed {
            Ok(qs) => (Some(preview_of(&qs, &slug)), Problems::default()),
            Err(e) => (None, problem(e)?),
        };
        return Ok(editor_view(
            &state,
            &viewer,
            &req,
            &slug,
            &module,
            source.quiz_id.as_deref(),
            &form,
            preview.as_deref(),
            None,
            &problems,
        ));
    }
    let settings = match settings.transpose() {
        Ok(s) => s,
        Err(e) => {
            let problems = problem(e)?;
            return Ok(editor_view(
                &state,
                &viewer,
                &req,
                &slug,
                &module,
                source.quiz_id.as_deref(),
                &form,
                None,
                None,
                &problems,
            ));
        }
    };
    let input = super::QuizInput {
        settings,
        language: Some(language.code().into()),
        format: form.format.clone(),
        source: form.source.clone(),
    };
    match super::save_quiz(&state.db, user, &slug, &module, input).await {
        Ok(saved) => {
            let l = viewer.locale;
            let notice = t_with(l, "quiz-saved", &[("count", Arg::from(saved.questions.len()))]);
            let preview = preview_of(&saved.questions, &slug);
            Ok(editor_view(
                &state,
                &viewer,
                &req,
                &slug,
                &module,
                Some(&saved.quiz_id),
                &form,
                Some(&preview),
                Some(notice),
                &Problems::default(),
            ))
        }
        Err(e) => {
            let problems = problem(e)?;
            Ok(editor_view(
                &state,
                &viewer,
                &req,
                &slug,
                &module,
                source.quiz_id.as_deref(),
                &form,
                None,
                None,
                &problems,
            ))
        }
    }
}

async fn results_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let r = super::results(&state.db, viewer.user()?, &path, l).await?;
    let body = html! {
        p.breadcrumb { a href=(format!("/quizzes/{}", r.quiz_id)) { (r.title) } " · "
            a href=(format!("/trainer/quizzes/{}/statistics", r.quiz_id)) { (t(l, "quiz-statistics-title")) } " · "
            a href=(format!("/trainer/quizzes/{}/results.csv", r.quiz_id)) { (t(l, "quiz-download-csv")) } }
        @if r.attempts.is_empty() { p { (t(l, "quiz-no-results")) } }
        @else {
            div.table-scroll { table.stack-narrow {
                thead { tr { th scope="col" { (t(l, "field-handle")) } th scope="col" { "#" } th scope="col" { (t(l, "quiz-score-heading")) } th scope="col" { (t(l, "audit-when")) } } }
                tbody { @for (a, handle) in &r.attempts {
                    tr {
                        th scope="row" { (handle) }
                        td { a href=(format!("/attempts/{}", a.id)) { (a.number) } }
                        td { (number(super::percent(a.score_milli.unwrap_or(0), a.max_milli))) "%" @if a.passed == Some(true) { " ✓" } }
                        td { (a.submitted_at.map(|s| format_datetime(l, s)).unwrap_or_default()) }
                    }
                } }
            } }
        }
        h2 { (t(l, "quiz-grading-title")) }
        @if r.to_grade.is_empty() { p { (t(l, "quiz-nothing-to-grade")) } }
        @for (attempt, handle, question, title, text) in &r.to_grade {
            form.stack.grading method="post" action=(format!("/trainer/attempts/{attempt}/grade/{question}")) {
                (csrf_field(&viewer.csrf_token))
                p { strong { (handle) } " · " (title) }
                blockquote { (text) }
                div.field {
                    label for=(format!("s-{attempt}-{question}")) { (t(l, "quiz-grade-score")) }
                    input id=(format!("s-{attempt}-{question}")) name="score" type="text" inputmode="decimal" required;
                }
                div.field {
                    label for=(format!("c-{attempt}-{question}")) { (t(l, "quiz-grade-comment")) }
                    textarea id=(format!("c-{attempt}-{question}")) name="comment" rows="3" {}
                }
                button type="submit" { (t(l, "quiz-grade-save")) }
            }
        }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "quiz-results-title"), body))
}

async fn results_csv(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let r = super::results(&state.db, viewer.user()?, &path, viewer.locale).await?;
    let mut out = String::from("user_id,handle,attempt_id,score,percent,submitted_at\r\n");
    for (a, handle) in &r.attempts {
        let fields = [
            a.user_id.clone(),
            handle.clone(),
            a.id.clone(),
            (a.score_milli.unwrap_or(0) as f64 / 1000.0).to_string(),
            super::percent(a.score_milli.unwrap_or(0), a.max_milli).to_string(),
            a.submitted_at.map(|s| crate::accounts::api::rfc3339(s.and_utc())).unwrap_or_default(),
        ];
        out.push_str(&fields.iter().map(|f| super::api::csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"results.csv\""))
        .body(out))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GradeForm {
    score: String,
    comment: String,
}

async fn grade(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    form: CsrfForm<GradeForm>,
) -> Result<HttpResponse, AppError> {
    let (attempt, question) = path.into_inner();
    let user = viewer.user()?;
    let f = form.0;
    let score = f
        .score
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .map_err(|_| AppError::field("score", Msg::new("error-answer-number")));
    let comment = Some(f.comment.trim().to_owned()).filter(|c| !c.is_empty());
    super::grade_essay(&state.db, user, &attempt, &question, score.map(|s| (s, comment))).await?;
    let view = super::attempt_view(&state.db, user, &attempt, viewer.locale).await?;
    Ok(see_other(&format!("/trainer/quizzes/{}/results", view.quiz_id)))
}

async fn statistics_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let s = super::statistics(&state.db, viewer.user()?, &path, false, l).await?;
    let cell = |v: Option<f64>| v.map(|x| format!("{}%", number(x))).unwrap_or_else(|| "—".into());
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/quizzes/{}/results", s.quiz_id)) { (t(l, "quiz-results-title")) } }
        p { (t_with(l, "quiz-stats-attempts", &[("count", Arg::from(s.attempts))])) " · "
            (t(l, "quiz-stats-alpha")) ": " (s.alpha.map(|a| number(a * 100.0) + "%").unwrap_or_else(|| "—".into())) }
        p.hint { (t(l, "quiz-stats-help")) }
        div.table-scroll { table.stack-narrow {
            thead { tr {
                th scope="col" { (t(l, "quiz-stats-question")) } th scope="col" { (t(l, "quiz-stats-facility")) }
                th scope="col" { (t(l, "quiz-stats-sd")) } th scope="col" { (t(l, "quiz-stats-discrimination")) }
                th scope="col" { (t(l, "quiz-stats-efficiency")) }
            } }
            tbody { @for (id, title, st) in &s.questions {
                tr {
                    th scope="row" { (title) " " code { (id) } }
                    td { (cell(st.facility)) } td { (cell(st.sd)) } td { (cell(st.discrimination)) } td { (cell(st.efficiency)) }
                }
            } }
        } }
        (chart(l, &s.questions))
    };
    Ok(page_response(
        &state,
        &viewer,
        &req,
        StatusCode::OK,
        &t_with(l, "quiz-statistics-of", &[("quiz", Arg::Text(s.title.clone()))]),
        body,
    ))
}

/// A small inline SVG: facility and discrimination per question, as horizontal bars.
fn chart(l: Locale, questions: &[(String, String, super::stats::ItemStats)]) -> Markup {
    let row_height = 28;
    let height = 30 + row_height * questions.len();
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 420 {height}")) role="img" aria-label=(t(l, "quiz-stats-chart")) {
                text x="110" y="14" font-size="11" fill="#0b5c8a" { (t(l, "quiz-stats-facility")) }
                text x="270" y="14" font-size="11" fill="#6b3fa0" { (t(l, "quiz-stats-discrimination")) }
                @for (i, (id, _, st)) in questions.iter().enumerate() {
                    @let y = 24 + i * row_height;
                    @let facility = st.facility.unwrap_or(0.0).clamp(0.0, 100.0) * 1.4;
                    @let discrimination = st.discrimination.unwrap_or(0.0).clamp(0.0, 100.0) * 1.4;
                    text x="0" y=(y + 13) font-size="11" fill="#1d2126" { (id) }
                    rect x="110" y=(y) width=(format!("{facility:.1}")) height="16" fill="#0b5c8a" {}
                    rect x="270" y=(y) width=(format!("{discrimination:.1}")) height="16" fill="#6b3fa0" {}
                }
            }
            figcaption { (t(l, "quiz-stats-chart")) }
        }
    }
}
