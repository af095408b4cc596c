//! Authoring pages for trainers: their courses, a course's texts and modules, the module editor with a
//! server-rendered preview (no JavaScript needed), revision history with a diff and restore.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::diff::{self, LineChange};
use super::model::CourseText;
use super::{CourseInput, ModuleInput};
use crate::accounts::extract::Viewer;
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, format_datetime, t, t_with};
use crate::web::forms::{CsrfForm, Input, Problems, csrf_field, form_problem};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/trainer", web::get().to(home))
        .route("/trainer/courses", web::post().to(create))
        .route("/trainer/courses/{slug}", web::get().to(course))
        .route("/trainer/courses/{slug}", web::post().to(save_course))
        .route("/trainer/courses/{slug}/publish", web::post().to(publish))
        .route("/trainer/courses/{slug}/unpublish", web::post().to(unpublish))
        .route("/trainer/courses/{slug}/enrolments", web::post().to(enrol_user))
        .route("/trainer/courses/{slug}/new-module", web::post().to(new_module))
        .route("/trainer/courses/{slug}/modules/{module}/move", web::post().to(move_module))
        .route("/trainer/courses/{slug}/modules/{module}/edit", web::get().to(editor))
        .route("/trainer/courses/{slug}/modules/{module}/edit", web::post().to(save_module))
        .route("/trainer/courses/{slug}/modules/{module}/revisions", web::get().to(history))
        .route("/trainer/courses/{slug}/modules/{module}/revisions/{revision}/restore", web::post().to(restore));
}

fn field_value<'a>(form: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

// ---- the trainer's courses ----

async fn home(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let courses = super::trainer_courses(&state.db, user).await?;
    Ok(home_view(&state, &viewer, &req, &courses, &BTreeMap::new(), &Problems::default()))
}

fn home_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    courses: &[super::model::Course],
    typed: &BTreeMap<String, String>,
    problems: &Problems,
) -> HttpResponse {
    let l = v.locale;
    let body = html! {
        @if !courses.is_empty() { p { a.button href="/trainer/grading" { (t(l, "grading-title")) } } }
        @if courses.is_empty() { p { (t(l, "trainer-courses-empty")) } }
        ul.cards {
            @for c in courses {
                li { article.card {
                    h2 { a href=(format!("/trainer/courses/{}", c.slug)) { (c.text(l).0.title) } }
                    p.meta { code { (c.slug) } " · " @if c.published { (t(l, "trainer-published")) } @else { (t(l, "trainer-draft")) } }
                } }
            }
        }
        h2 { (t(l, "trainer-new-course")) }
        (form_problem(l, problems))
        form.stack method="post" action="/trainer/courses" novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("slug", t(l, "field-slug")).value(field_value(typed, "slug")).hint(t(l, "slug-hint")).required().render(l, problems))
            (Input::new("texts.en.title", t(l, "field-title-en")).value(field_value(typed, "texts.en.title")).required().render(l, problems))
            button.primary type="submit" { (t(l, "trainer-create")) }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(state, v, req, status, &t(l, "trainer-title"), body)
}

async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    form: CsrfForm<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let form = form.0;
    let slug = field_value(&form, "slug").trim().to_owned();
    let mut texts = BTreeMap::new();
    texts.insert(
        "en".to_owned(),
        CourseText { title: field_value(&form, "texts.en.title").to_owned(), summary: String::new() },
    );
    let exists = super::slug_known_to(&state.db, user, &slug).await?;
    let result = if exists {
        Err(AppError::field("slug", super::error_msg("slug-taken")))
    } else {
        super::save_course(&state.db, user, &slug, Ok(CourseInput { texts, open: false, hours: None })).await
    };
    match result {
        Ok((course, _)) => Ok(see_other(&format!("/trainer/courses/{}", course.slug))),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let courses = super::trainer_courses(&state.db, user).await?;
            Ok(home_view(&state, &viewer, &req, &courses, &form, &problems))
        }
    }
}

// ---- one course ----

async fn course(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let data = super::trainer_course(&state.db, user, &path).await?;
    let typed = typed_from_course(&data.course);
    Ok(course_view(&state, &viewer, &req, &data, &typed, &Problems::default(), None))
}

fn typed_from_course(course: &super::model::Course) -> BTreeMap<String, String> {
    let mut typed = BTreeMap::new();
    for (locale, text) in &course.texts {
        typed.insert(format!("texts.{}.title", locale.code()), text.title.clone());
        typed.insert(format!("texts.{}.summary", locale.code()), text.summary.clone());
    }
    if course.open {
        typed.insert("open".into(), "on".into());
    }
    if let Some(h) = course.hours {
        typed.insert("hours".into(), h.to_string());
    }
    typed
}

fn course_view(
    state: &AppState,
    v: &Viewer,
    req: &HttpRequest,
    data: &super::TrainerCourse,
    typed: &BTreeMap<String, String>,
    problems: &Problems,
    notice: Option<String>,
) -> HttpResponse {
    let l = v.locale;
    let slug = &data.course.slug;
    let body = html! {
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        p.meta {
            code { (slug) } " · "
            @if data.course.published { (t(l, "trainer-published")) } @else { (t(l, "trainer-draft")) }
            " · " a href=(format!("/courses/{slug}")) { (t(l, "trainer-view-as-scholar")) }
        }
        form method="post" action=(format!("/trainer/courses/{slug}/{}", if data.course.published { "unpublish" } else { "publish" })) {
            (csrf_field(&v.csrf_token))
            button type="submit" { @if data.course.published { (t(l, "trainer-unpublish")) } @else { (t(l, "trainer-publish")) } }
        }
        h2 { (t(l, "trainer-modules")) }
        @if data.modules.is_empty() { p { (t(l, "trainer-no-modules")) } }
        ol.modules.edit-list {
            @for (module, texts) in &data.modules {
                li {
                    strong { (texts.get(&l).or_else(|| texts.get(&Locale::En)).or_else(|| texts.values().next()).map(|r| r.title.as_str()).unwrap_or(&module.slug)) }
                    " " code { (module.slug) }
                    div.row-actions {
                        @for locale in Locale::ALL {
                            @let label = t(locale, "language-name");
                            a href=(format!("/trainer/courses/{slug}/modules/{}/edit?lang={}", module.slug, locale.code())) lang=(locale.code()) {
                                (label) @if !texts.contains_key(&locale) { " " span.badge.missing { (t(l, "trainer-missing-translation")) } }
                            }
                        }
                        a href=(format!("/trainer/courses/{slug}/modules/{}/revisions", module.slug)) { (t(l, "trainer-history")) }
                        a href=(format!("/trainer/courses/{slug}/modules/{}/quiz", module.slug)) { (t(l, "trainer-quiz")) }
                        form.inline method="post" action=(format!("/trainer/courses/{slug}/modules/{}/move", module.slug)) {
                            (csrf_field(&v.csrf_token))
                            button.small type="submit" name="direction" value="up" aria-label=(t_with(l, "trainer-move-up-label", &[("module", Arg::Text(module.slug.clone()))])) { "↑" }
                            button.small type="submit" name="direction" value="down" aria-label=(t_with(l, "trainer-move-down-label", &[("module", Arg::Text(module.slug.clone()))])) { "↓" }
                        }
                    }
                }
            }
        }
        form.stack method="post" action=(format!("/trainer/courses/{slug}/new-module")) novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("module_slug", t(l, "trainer-new-module-slug")).value(field_value(typed, "module_slug")).hint(t(l, "slug-hint")).render(l, problems))
            button type="submit" { (t(l, "trainer-add-module")) }
        }
        h2 { (t(l, "trainer-course-texts")) }
        (form_problem(l, problems))
        form.stack method="post" action=(format!("/trainer/courses/{slug}")) novalidate {
            (csrf_field(&v.csrf_token))
            @for locale in Locale::ALL {
                fieldset lang=(locale.code()) {
                    legend { (t(locale, "language-name")) }
                    @let title = format!("texts.{}.title", locale.code());
                    @let summary = format!("texts.{}.summary", locale.code());
                    (Input::new(&title, t(l, "field-title")).value(field_value(typed, &title)).render(l, problems))
                    div.field.invalid[problems.fields.contains_key(&summary)] {
                        label for=(format!("f-{summary}")) { (t(l, "field-summary")) }
                        @if let Some(errors) = problems.fields.get(&summary) { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                        textarea id=(format!("f-{summary}")) name=(summary) rows="4" { (field_value(typed, &summary)) }
                    }
                }
            }
            div.field.check {
                label { input type="checkbox" name="open" checked[typed.contains_key("open")]; " " (t(l, "field-open")) }
                p.hint { (t(l, "open-hint")) }
            }
            (Input::new("hours", t(l, "field-hours")).kind("number").value(field_value(typed, "hours")).render(l, problems))
            button.primary type="submit" { (t(l, "trainer-save-course")) }
        }
        h2 { (t(l, "trainer-enrol-heading")) }
        form.stack method="post" action=(format!("/trainer/courses/{slug}/enrolments")) novalidate {
            (csrf_field(&v.csrf_token))
            (Input::new("handle", t(l, "field-handle")).value(field_value(typed, "handle")).render(l, problems))
            button type="submit" { (t(l, "trainer-enrol")) }
        }
        p.meta {
            (t(l, "trainer-trainers")) ": " (data.trainers.join(", "))
            @if v.user.as_ref().is_some_and(|u| u.is_admin()) {
                " · " a href=(format!("/trainer/courses/{slug}/trainers")) { (t(l, "course-trainers-manage")) }
            }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(state, v, req, status, &data.course.text(l).0.title, body)
}

async fn save_course(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let data = super::trainer_course(&state.db, user, &path).await?;
    let form = form.0;
    let mut texts = BTreeMap::new();
    for locale in Locale::ALL {
        let title = field_value(&form, &format!("texts.{}.title", locale.code()));
        let summary = field_value(&form, &format!("texts.{}.summary", locale.code()));
        texts.insert(locale.code().to_owned(), CourseText { title: title.to_owned(), summary: summary.to_owned() });
    }
    let hours_text = field_value(&form, "hours").trim();
    let hours = if hours_text.is_empty() { Ok(None) } else { hours_text.parse::<i32>().map(Some) };
    let result = match hours {
        Err(_) => Err(AppError::field("hours", super::error_msg("hours-range"))),
        Ok(hours) => {
            let input = CourseInput { texts, open: form.contains_key("open"), hours };
            super::save_course(&state.db, user, &path, Ok(input)).await.map(|_| ())
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/trainer/courses/{}?saved=1", path.as_str()))),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            Ok(course_view(&state, &viewer, &req, &data, &form, &problems, None))
        }
    }
}

async fn publish(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _f: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    super::set_published(&state.db, viewer.user()?, &path, true).await?;
    Ok(see_other(&format!("/trainer/courses/{}", path.as_str())))
}

async fn unpublish(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    _f: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    super::set_published(&state.db, viewer.user()?, &path, false).await?;
    Ok(see_other(&format!("/trainer/courses/{}", path.as_str())))
}

async fn enrol_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let data = super::trainer_course(&state.db, user, &path).await?;
    let form = form.0;
    let handle = field_value(&form, "handle").to_owned();
    let target = state
        .db
        .run(move |conn| crate::accounts::user_by_handle_key(conn, &crate::accounts::model::handle_key(&handle)))
        .await?;
    let result = match target {
        Some(target) => super::enrol_user(&state.db, user, &path, Ok(target.id)).await,
        None => Err(AppError::field("handle", super::error_msg("user-unknown"))),
    };
    let l = viewer.locale;
    match result {
        Ok(target) => {
            let notice = t_with(l, "trainer-enrolled", &[("handle", Arg::Text(target.handle))]);
            Ok(course_view(
                &state,
                &viewer,
                &req,
                &data,
                &typed_from_course(&data.course),
                &Problems::default(),
                Some(notice),
            ))
        }
        Err(error) => {
            let problems = Problems::from_error(error)?;
            let mut typed = typed_from_course(&data.course);
            typed.insert("handle".into(), field_value(&form, "handle").to_owned());
            Ok(course_view(&state, &viewer, &req, &data, &typed, &problems, None))
        }
    }
}

async fn new_module(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
    form: CsrfForm<BTreeMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = viewer.user()?;
    let data = super::trainer_course(&state.db, user, &path).await?;
    let module_slug = field_value(&form.0, "module_slug").trim().to_owned();
    let problem = match super::model::Slug::parse(&module_slug) {
        Err(code) => Some(super::error_msg(code)),
        Ok(_) if data.modules.iter().any(|(m, _)| m.slug == module_slug) => Some(super::error_msg("slug-taken")),
        Ok(_) => None,
    };
    match problem {
        None => Ok(see_other(&format!("/trainer/courses/{}/modules/{module_slug}/edit?lang=en", path.as_str()))),
        Some(msg) => {
            let mut problems = Problems::default();
            problems.fields.insert("module_slug".into(), vec![msg]);
            let mut typed = typed_from_course(&data.course);
            typed.insert("module_slug".into(), module_slug);
            Ok(course_view(&state, &viewer, &req, &data, &typed, &problems, None))
        }
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    direction: String,
}

async fn move_module(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    form: CsrfForm<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let step = if form.0.direction == "up" { -1 } else { 1 };
    super::move_module(&state.db, viewer.user()?, &slug, &module, step).await?;
    Ok(see_other(&format!("/trainer/courses/{slug}")))
}

// ---- the module editor ----

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
    saved: Option<i32>,
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
    let data = super::editor_data(&state.db, user, &slug, Some(&module)).await?;
    let q = q.into_inner();
    let language = q.lang.as_deref().and_then(Locale::parse).unwrap_or(Locale::En);
    let current = data.current.get(&language);
    let english = data.current.get(&Locale::En);
    let input = ModuleInput {
        language: language.code().into(),
        title: current.map(|r| r.title.clone()).unwrap_or_default(),
        markdown: current.map(|r| r.markdown.clone()).unwrap_or_default(),
        position: None,
        minutes: data.module.as_ref().and_then(|m| m.minutes),
    };
    let saved = q.saved.map(|r| t_with(viewer.locale, "editor-saved", &[("revision", Arg::Number(i64::from(r)))]));
    let reference = english.filter(|_| language != Locale::En).map(|r| r.markdown.clone());
    Ok(editor_view(
        &state,
        &viewer,
        &req,
        EditorParts {
            slug: &slug,
            module: &module,
            input: &input,
            preview: None,
            english: reference.as_deref(),
            notice: saved,
            problems: &Problems::default(),
        },
    ))
}

/// The parts of `editor_view` that vary between its callers.
struct EditorParts<'a> {
    pub slug: &'a str,
    pub module: &'a str,
    pub input: &'a ModuleInput,
    pub preview: Option<&'a str>,
    pub english: Option<&'a str>,
    pub notice: Option<String>,
    pub problems: &'a Problems,
}

fn editor_view(state: &AppState, v: &Viewer, req: &HttpRequest, parts: EditorParts<'_>) -> HttpResponse {
    let EditorParts { slug, module, input, preview, english, notice, problems } = parts;
    let l = v.locale;
    let language = Locale::parse(&input.language).unwrap_or(Locale::En);
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/courses/{slug}")) { (t(l, "editor-back")) } " · "
            a href=(format!("/trainer/courses/{slug}/modules/{module}/revisions")) { (t(l, "trainer-history")) } " · "
            a href=(format!("/trainer/courses/{slug}/media?module={module}")) { (t(l, "media-title")) } }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        p.meta { (t(l, "editor-language")) ": " strong lang=(language.code()) { (t(language, "language-name")) } }
        (form_problem(l, problems))
        form.stack method="post" action=(format!("/trainer/courses/{slug}/modules/{module}/edit")) novalidate {
            (csrf_field(&v.csrf_token))
            input type="hidden" name="language" value=(language.code());
            (Input::new("title", t(l, "field-title")).value(&input.title).required().render(l, problems))
            @let minutes = input.minutes.map(|m| m.to_string()).unwrap_or_default();
            (Input::new("minutes", t(l, "field-minutes")).kind("number").value(&minutes).hint(t(l, "field-minutes-hint")).render(l, problems))
            div.field.invalid[problems.fields.contains_key("markdown")] {
                label for="f-markdown" { (t(l, "field-markdown")) }
                p.hint id="f-markdown-hint" { (t(l, "markdown-hint")) }
                @if let Some(errors) = problems.fields.get("markdown") { ul.field-errors { @for e in errors { li { (e.text(l)) } } } }
                textarea.editor id="f-markdown" name="markdown" rows="24" lang=(language.code()) aria-describedby="f-markdown-hint" { (input.markdown) }
            }
            div.actions {
                button type="submit" name="action" value="preview" { (t(l, "editor-preview")) }
                " "
                button.primary type="submit" name="action" value="save" { (t(l, "editor-save")) }
            }
        }
        @if let Some(html) = preview {
            section.preview aria-labelledby="preview-h" {
                h2 #preview-h { (t(l, "editor-preview-heading")) }
                // Sanitised by courses::markdown::render.
                article.module-text lang=(language.code()) { (PreEscaped(html)) }
            }
        }
        @if let Some(english) = english {
            details.reference {
                summary { (t(l, "editor-english-reference")) }
                pre lang="en" { (english) }
            }
        }
    };
    let status = if problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_response(state, v, req, status, &t_with(l, "editor-title", &[("module", Arg::Text(module.to_owned()))]), body)
}

#[derive(Deserialize)]
pub struct EditorForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    markdown: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    minutes: String,
}

async fn save_module(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditorForm>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let user = viewer.user()?;
    super::editor_data(&state.db, user, &slug, None).await?;
    let form = form.0;
    // Minutes that are not a number are kept out of range, so the form says so beside the field.
    let minutes = match form.minutes.trim() {
        "" => None,
        typed => Some(typed.parse::<i32>().unwrap_or(0)),
    };
    let input =
        ModuleInput { language: form.language, title: form.title, markdown: form.markdown, position: None, minutes };
    if form.action == "preview" {
        let problems = match input.check() {
            Ok(_) => Problems::default(),
            Err(error) => Problems::from_error(error)?,
        };
        let sizes = super::images::sizes(&state.db, &slug).await?;
        let html = {
            let (markdown, slug) = (input.markdown.clone(), slug.clone());
            web::block(move || super::markdown::render_sized(&markdown, &slug, &sizes))
                .await
                .map_err(|e| AppError::internal(format!("rendering failed: {e}")))?
        };
        return Ok(editor_view(
            &state,
            &viewer,
            &req,
            EditorParts {
                slug: &slug,
                module: &module,
                input: &input,
                preview: Some(&html),
                english: None,
                notice: None,
                problems: &problems,
            },
        ));
    }
    match super::save_module(&state.db, user, &slug, &module, Ok(input.clone())).await {
        Ok(revision) => Ok(see_other(&format!(
            "/trainer/courses/{slug}/modules/{module}/edit?lang={}&saved={revision}",
            input.language
        ))),
        Err(error) => {
            let problems = Problems::from_error(error)?;
            Ok(editor_view(
                &state,
                &viewer,
                &req,
                EditorParts {
                    slug: &slug,
                    module: &module,
                    input: &input,
                    preview: None,
                    english: None,
                    notice: None,
                    problems: &problems,
                },
            ))
        }
    }
}

// ---- history ----

#[derive(Deserialize)]
pub struct DiffQuery {
    from: Option<i32>,
    to: Option<i32>,
}

async fn history(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    q: web::Query<DiffQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let l = viewer.locale;
    let (course, _, revisions) = super::revisions(&state.db, viewer.user()?, &slug, &module).await?;
    let q = q.into_inner();
    let pick = |n: Option<i32>| n.and_then(|n| revisions.iter().find(|r| r.revision == n));
    let compared = pick(q.from).zip(pick(q.to));
    let body = html! {
        p.breadcrumb { a href=(format!("/trainer/courses/{slug}")) { (course.text(l).0.title) } }
        @if let Some((from, to)) = compared {
            section aria-labelledby="diff-h" {
                h2 #diff-h { (t_with(l, "history-diff-heading", &[("from", Arg::Number(i64::from(from.revision))), ("to", Arg::Number(i64::from(to.revision)))])) }
                @if from.title != to.title { p { del { (from.title) } " → " ins { (to.title) } } }
                (diff_view(l, &from.markdown, &to.markdown))
            }
        }
        form.inline-form method="get" action=(format!("/trainer/courses/{slug}/modules/{module}/revisions")) {
            label for="from" { (t(l, "history-from")) }
            select id="from" name="from" { @for r in &revisions { option value=(r.revision) selected[q.from == Some(r.revision)] { (r.revision) " · " (r.locale.code()) } } }
            label for="to" { (t(l, "history-to")) }
            select id="to" name="to" { @for r in &revisions { option value=(r.revision) selected[q.to == Some(r.revision)] { (r.revision) " · " (r.locale.code()) } } }
            button type="submit" { (t(l, "history-compare")) }
        }
        div.table-scroll {
            table.stack-narrow {
                thead { tr {
                    th scope="col" { (t(l, "history-revision")) } th scope="col" { (t(l, "editor-language")) }
                    th scope="col" { (t(l, "history-by")) } th scope="col" { (t(l, "audit-when")) } th scope="col" { }
                } }
                tbody {
                    @for r in &revisions {
                        tr {
                            th scope="row" { (r.revision) }
                            td lang=(r.locale.code()) { (t(r.locale, "language-name")) }
                            td { (r.author_handle.clone().unwrap_or_else(|| t(l, "history-imported"))) }
                            td { (format_datetime(l, r.created_at)) }
                            td {
                                form.inline method="post" action=(format!("/trainer/courses/{slug}/modules/{module}/revisions/{}/restore", r.revision)) {
                                    (csrf_field(&viewer.csrf_token))
                                    button.small type="submit" { (t(l, "history-restore")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page_response(
        &state,
        &viewer,
        &req,
        StatusCode::OK,
        &t_with(l, "history-title", &[("module", Arg::Text(module.clone()))]),
        body,
    ))
}

fn diff_view(l: Locale, old: &str, new: &str) -> Markup {
    let lines = diff::lines(old, new);
    html! {
        @if lines.is_empty() { p { (t(l, "history-no-difference")) } }
        @else {
            pre.diff {
                @for line in &lines {
                    @match line {
                        None => { span.cut { "…" } "\n" }
                        Some((LineChange::Added, text)) => { ins { "+ " (text) } "\n" }
                        Some((LineChange::Removed, text)) => { del { "− " (text) } "\n" }
                        Some((LineChange::Same, text)) => { span { "  " (text) } "\n" }
                    }
                }
            }
        }
    }
}

async fn restore(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, i32)>,
    _form: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let (slug, module, revision) = path.into_inner();
    let user = viewer.user()?;
    let new = super::restore(&state.db, user, &slug, &module, revision).await?;
    Ok(see_other(&format!("/trainer/courses/{slug}/modules/{module}/revisions?from={revision}&to={new}")))
}
