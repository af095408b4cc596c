//! The trainer's quiz pages: the editor with its preview, results (and their CSV), grading essays, and
//! item statistics with a chart.

#[allow(unused_imports)]
use super::*;

// ---- trainers ----

#[derive(Deserialize)]
pub struct LangQuery {
    pub(super) lang: Option<String>,
}

pub(super) async fn editor(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    q: web::Query<LangQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let user = viewer.user()?;
    let language = q.into_inner().lang.as_deref().and_then(Locale::parse).unwrap_or(Locale::En);
    let source = super::super::quiz_source(&state.db, user, &slug, &module).await?;
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
        EditorParts {
            slug: &slug,
            module: &module,
            quiz_id: source.quiz_id.as_deref(),
            form: &form,
            preview: None,
            notice: None,
            problems: &Problems::default(),
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditorForm {
    pub(super) language: String,
    pub(super) format: String,
    pub(super) source: String,
    pub(super) pass_percent: String,
    pub(super) attempts_allowed: String,
    pub(super) time_limit_minutes: String,
    pub(super) draw: String,
    pub(super) review: String,
    pub(super) shuffle_questions: Option<String>,
    pub(super) shuffle_choices: Option<String>,
    pub(super) required_for_completion: Option<String>,
    pub(super) action: String,
}

impl EditorForm {
    pub(super) fn from_settings(s: &Settings) -> Self {
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

    pub(super) fn settings(&self) -> Result<Settings, AppError> {
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

/// The parts of `editor_view` that vary between its callers.
pub(super) struct EditorParts<'a> {
    pub slug: &'a str,
    pub module: &'a str,
    pub quiz_id: Option<&'a str>,
    pub form: &'a EditorForm,
    pub preview: Option<&'a [ShownPreview]>,
    pub notice: Option<String>,
    pub problems: &'a Problems,
}

pub(super) fn editor_view(state: &AppState, v: &Viewer, req: &HttpRequest, parts: EditorParts<'_>) -> HttpResponse {
    let EditorParts { slug, module, quiz_id, form, preview, notice, problems } = parts;
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
pub(super) struct ShownPreview {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) kind: String,
    pub(super) text_html: String,
    pub(super) answers: Vec<String>,
}

pub(super) fn preview_of(l: Locale, questions: &[super::super::model::Question], slug: &str) -> Vec<ShownPreview> {
    let html = |t: &super::super::model::Text| super::super::render::html(t, slug);
    let esc = |s: &str| maud::html! { (s) }.into_string();
    questions
        .iter()
        .map(|q| {
            let answers = match &q.kind {
                Kind::Single { choices } | Kind::Multiple { choices } => {
                    choices.iter().map(|c| format!("{}% — {}", number(l, c.fraction * 100.0), html(&c.text))).collect()
                }
                Kind::TrueFalse { answer, .. } => vec![esc(if *answer { "TRUE" } else { "FALSE" })],
                Kind::Short { answers } => {
                    answers.iter().map(|a| format!("{}% — {}", number(l, a.fraction * 100.0), esc(&a.text))).collect()
                }
                Kind::Numerical { answers } => answers
                    .iter()
                    .map(|a| match a.value {
                        Some(v) => format!("{}% — {} ± {}", number(l, a.fraction * 100.0), v, a.tolerance),
                        None => format!("{}% — *", number(l, a.fraction * 100.0)),
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

pub(super) async fn save_quiz(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditorForm>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let user = viewer.user()?;
    let source = super::super::quiz_source(&state.db, user, &slug, &module).await?;
    let form = form.0;
    let language = Locale::parse(&form.language).unwrap_or(Locale::En);
    let settings = if language == Locale::En { Some(form.settings()) } else { None };
    let parsed = super::super::parse_source(&form.format, &form.source);
    let problem = |e: AppError| Problems::from_error(e);
    if form.action == "preview" {
        let (preview, problems) = match parsed {
            Ok(qs) => (Some(preview_of(viewer.locale, &qs, &slug)), Problems::default()),
            Err(e) => (None, problem(e)?),
        };
        return Ok(editor_view(
            &state,
            &viewer,
            &req,
            EditorParts {
                slug: &slug,
                module: &module,
                quiz_id: source.quiz_id.as_deref(),
                form: &form,
                preview: preview.as_deref(),
                notice: None,
                problems: &problems,
            },
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
                EditorParts {
                    slug: &slug,
                    module: &module,
                    quiz_id: source.quiz_id.as_deref(),
                    form: &form,
                    preview: None,
                    notice: None,
                    problems: &problems,
                },
            ));
        }
    };
    let input = super::super::QuizInput {
        settings,
        language: Some(language.code().into()),
        format: form.format.clone(),
        source: form.source.clone(),
    };
    match super::super::save_quiz(&state.db, user, &slug, &module, input).await {
        Ok(saved) => {
            let l = viewer.locale;
            let notice = t_with(l, "quiz-saved", &[("count", Arg::from(saved.questions.len()))]);
            let preview = preview_of(l, &saved.questions, &slug);
            Ok(editor_view(
                &state,
                &viewer,
                &req,
                EditorParts {
                    slug: &slug,
                    module: &module,
                    quiz_id: Some(&saved.quiz_id),
                    form: &form,
                    preview: Some(&preview),
                    notice: Some(notice),
                    problems: &Problems::default(),
                },
            ))
        }
        Err(e) => {
            let problems = problem(e)?;
            Ok(editor_view(
                &state,
                &viewer,
                &req,
                EditorParts {
                    slug: &slug,
                    module: &module,
                    quiz_id: source.quiz_id.as_deref(),
                    form: &form,
                    preview: None,
                    notice: None,
                    problems: &problems,
                },
            ))
        }
    }
}

pub(super) async fn results_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let r = super::super::results(&state.db, viewer.user()?, &path, l).await?;
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
                        td { (number(l, super::super::percent(a.score_milli.unwrap_or(0), a.max_milli))) "%" @if a.passed == Some(true) { " ✓" } }
                        td { (a.submitted_at.map(|s| format_datetime(l, s)).unwrap_or_default()) }
                    }
                } }
            } }
        }
        h2 { (t(l, "quiz-grading-title")) }
        @if r.to_grade.is_empty() { p { (t(l, "quiz-nothing-to-grade")) } }
        @for g in &r.to_grade {
            @let (attempt, question) = (&g.attempt_id, &g.question_id);
            form.stack.grading method="post" action=(format!("/trainer/attempts/{attempt}/grade/{question}")) {
                (csrf_field(&viewer.csrf_token))
                p { strong { (g.handle) } " · " (g.title) }
                // Sanitised by render::html (ammonia).
                div.question-text { (PreEscaped(&g.question_html)) }
                blockquote { (g.answer) }
                @if let Some(guide) = &g.guide_html {
                    details.guide {
                        summary { (t(l, "quiz-grade-guide")) }
                        // Sanitised by render::html (ammonia).
                        div { (PreEscaped(guide)) }
                    }
                }
                div.field {
                    label for=(format!("s-{attempt}-{question}")) {
                        (t_with(l, "quiz-grade-score-of", &[("max", Arg::Text(number(l, g.max_score)))]))
                    }
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

pub(super) async fn results_csv(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let r = super::super::results(&state.db, viewer.user()?, &path, viewer.locale).await?;
    let name = crate::web::csv::file_name("quiz-results", &r.quiz_id);
    Ok(crate::web::csv::response(&name, super::super::results_csv(&r)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GradeForm {
    pub(super) score: String,
    pub(super) comment: String,
}

impl GradeForm {
    /// The score as typed (a decimal comma or point) and the comment; a score that is not a number is
    /// refused on its field.
    pub(super) fn grade(&self) -> Result<(f64, Option<String>), AppError> {
        let score = self.score.trim().replace(',', ".").parse::<f64>();
        let score = score.map_err(|_| AppError::field("score", Msg::new("error-answer-number")))?;
        Ok((score, Some(self.comment.clone())))
    }
}

pub(super) async fn grade(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    form: CsrfForm<GradeForm>,
) -> Result<HttpResponse, AppError> {
    let (attempt, question) = path.into_inner();
    let user = viewer.user()?;
    super::super::grade_essay(&state.db, user, &attempt, &question, form.0.grade()).await?;
    let view = super::super::attempt_view(&state.db, user, &attempt, viewer.locale).await?;
    Ok(see_other(&format!("/trainer/quizzes/{}/results", view.quiz_id)))
}

pub(super) async fn statistics_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let s = super::super::statistics(&state.db, viewer.user()?, &path, false, l).await?;
    let cell = |v: Option<f64>| v.map(|x| format!("{}%", number(l, x))).unwrap_or_else(|| "—".into());
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/quizzes/{}/results", s.quiz_id)) { (t(l, "quiz-results-title")) } }
        p { (t_with(l, "quiz-stats-attempts", &[("count", Arg::from(s.attempts))])) " · "
            (t(l, "quiz-stats-alpha")) ": " (s.alpha.map(|a| number(l, a * 100.0) + "%").unwrap_or_else(|| "—".into())) }
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
pub(super) fn chart(l: Locale, questions: &[(String, String, super::super::stats::ItemStats)]) -> Markup {
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
