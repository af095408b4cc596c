//! The scholar's reading pages: the catalogue, a course with its modules and progress, a module with
//! previous/next and "mark as complete".

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::de::IgnoredAny;

use super::Reading;
use super::model::{CourseSummary, CourseView};
use crate::accounts::extract::{PendingViewer, Viewer};
use crate::core::error::AppError;
use crate::i18n::{Arg, Locale, t, t_with};
use crate::web::components::progress_bar;
use crate::web::forms::{CsrfForm, csrf_field};
use crate::web::state::AppState;
use crate::web::{page_response, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses", web::get().to(catalogue))
        .route("/courses/{slug}", web::get().to(course))
        .route("/courses/{slug}/modules/{module}", web::get().to(module))
        .route("/courses/{slug}/modules/{module}/text", web::get().to(module_text))
        .route("/courses/{slug}/modules/{module}/complete", web::post().to(complete))
        .route("/offline", web::get().to(offline_page));
}

/// Shown by the service worker when there is no connection and the page asked for is not kept.
async fn offline_page(state: web::Data<AppState>, viewer: Viewer, req: HttpRequest) -> HttpResponse {
    let l = viewer.locale;
    let body = html! {
        p.lead { (t(l, "offline-page-text")) }
        p { (t(l, "offline-page-kept")) }
    };
    page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "offline-page-title"), body)
}

fn count(l: Locale, id: &str, n: i64) -> String {
    t_with(l, id, &[("count", Arg::Number(n))])
}

async fn catalogue(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    viewer: Viewer,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let courses = super::catalogue(&state.db, &reading, viewer.user.as_ref(), l).await?;
    let body = html! {
        @if courses.is_empty() { p { (t(l, "courses-empty")) } }
        ul.cards { @for c in &courses { li { (course_card(l, c)) } } }
    };
    Ok(page_response(&state, &viewer, &req, StatusCode::OK, &t(l, "courses-title"), body))
}

fn course_card(l: Locale, c: &CourseSummary) -> Markup {
    html! {
        article.card {
            h2 { a href=(format!("/courses/{}", c.course.slug)) lang=[c.fallback.then_some("en")] { (c.text.title) } }
            @if c.fallback { p.notice-inline { (t(l, "course-fallback-notice")) } }
            p lang=[c.fallback.then_some("en")] { (c.text.summary) }
            p.meta {
                (count(l, "course-module-count", c.module_count))
                @if let Some(hours) = c.course.hours { " · " (count(l, "course-hours", i64::from(hours))) }
            }
            @if c.enrolled { (progress_bar(l, c.progress_percent)) }
        }
    }
}

async fn course(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    viewer: Viewer,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let l = viewer.locale;
    let view = super::course_view(&state.db, &reading, viewer.user.as_ref(), &path, l).await?;
    let body = course_body(l, &viewer, &view);
    let mut page = page_response(&state, &viewer, &req, StatusCode::OK, &view.text.title, body);
    if view.access.can_read_modules() {
        crate::web::mark_course_page(&mut page, &view.course.slug);
    }
    Ok(page)
}

fn course_body(l: Locale, viewer: &Viewer, v: &CourseView) -> Markup {
    let slug = &v.course.slug;
    let fallback_lang = v.fallback.then_some("en");
    html! {
        @if v.fallback { p.notice role="note" { (t(l, "course-fallback-notice")) } }
        p.lead lang=[fallback_lang] { (v.text.summary) }
        p.meta {
            (count(l, "course-module-count", v.modules.len() as i64))
            @if let Some(hours) = v.course.hours { " · " (count(l, "course-hours", i64::from(hours))) }
        }
        @if !v.course.published { p.notice { (t(l, "course-draft-notice")) } }
        @if v.access.enrolled {
            (progress_bar(l, v.progress_percent))
            @if v.completed { p.notice role="status" { (t(l, "course-completed")) } }
            @else if v.modules_left + v.quizzes_left > 0 {
                p #what-is-left { (t_with(l, "course-left", &[("modules", Arg::Number(v.modules_left as i64)), ("quizzes", Arg::Number(v.quizzes_left as i64))])) }
            }
            @if !v.completed && viewer.user.as_ref().is_some_and(|u| u.certificate_name.is_none()) {
                p.meta #certificate-name-invite { (t(l, "cert-set-name")) " " a href="/account#f-certificate_name" { (t(l, "nav-account")) } }
            }
            @if let Some(next) = &v.continue_slug {
                p { a.button.primary href=(format!("/courses/{slug}/modules/{next}")) {
                    @if v.started { (t(l, "course-continue")) } @else { (t(l, "course-start")) }
                } }
            }
        } @else if viewer.user.is_none() {
            p { a.button.primary href=(format!("/login?next=/courses/{slug}")) { (t(l, "course-sign-in-to-join")) } }
        } @else if v.course.open {
            form method="post" action=(format!("/courses/{slug}/enrol")) {
                (csrf_field(&viewer.csrf_token))
                button.primary type="submit" { (t(l, "course-enrol")) }
            }
        } @else if !v.access.can_edit {
            p.notice { (t(l, "course-closed-note")) }
        }
        @if v.access.can_edit {
            p { a href=(format!("/trainer/courses/{slug}")) { (t(l, "course-edit-link")) } }
        }
        h2 { (t(l, "course-modules-heading")) }
        ol.modules {
            @for m in &v.modules {
                li.done[m.completed] {
                    @if v.access.can_read_modules() {
                        a href=(format!("/courses/{slug}/modules/{}", m.module.slug)) lang=[m.fallback.then_some(m.revision.locale.code())] { (m.revision.title) }
                    } @else {
                        span lang=[m.fallback.then_some(m.revision.locale.code())] { (m.revision.title) }
                    }
                    @if let Some(minutes) = m.module.minutes { " " span.meta { "(" (count(l, "module-minutes", i64::from(minutes))) ")" } }
                    @if m.completed { " " span.badge { (t(l, "module-completed")) } }
                    @if m.quiz_to_pass && v.access.enrolled { " " span.badge.todo { (t(l, "module-quiz-to-pass")) } }
                }
            }
        }
        @if v.access.can_read_modules() { (keep_on_device(l, slug)) (take_along(l, slug)) }
    }
}

/// "Keep this course on this device": only with JavaScript and a browser that can (offline.js shows it).
fn keep_on_device(l: Locale, slug: &str) -> Markup {
    html! {
        section #keep-course hidden aria-labelledby="keep-h" data-slug=(slug) data-kept=(t(l, "offline-kept"))
            data-keeping=(t(l, "offline-keeping")) data-failed=(t(l, "offline-failed")) data-removed=(t(l, "offline-removed")) {
            h2 #keep-h { (t(l, "offline-heading")) }
            p { (t(l, "offline-intro")) }
            p.notice.warning { (t(l, "offline-warning")) }
            p {
                button.keep type="button" { (t(l, "offline-keep")) }
                button.remove type="button" hidden { (t(l, "offline-remove")) }
            }
            p.keep-state role="status" {}
        }
    }
}

/// Downloading the course as one file, with what a saved file means on a phone that may be searched.
fn take_along(l: Locale, slug: &str) -> Markup {
    html! {
        section #take-along aria-labelledby="take-along-h" {
            h2 #take-along-h { (t(l, "download-heading")) }
            p { (t(l, "download-intro")) }
            p.notice.warning { (t(l, "download-warning")) }
            form.stack method="get" action=(format!("/courses/{slug}/download")) {
                fieldset.field.choices {
                    legend { (t(l, "download-format")) }
                    label { input type="radio" name="format" value="html" checked; " " (t(l, "download-format-html")) }
                    label { input type="radio" name="format" value="epub"; " " (t(l, "download-format-epub")) }
                }
                div.field {
                    label for="f-lang" { (t(l, "download-language")) }
                    select #f-lang name="lang" {
                        @for locale in Locale::ALL {
                            option value=(locale.code()) selected[locale == l] { (t(locale, "language-name")) }
                        }
                    }
                }
                div.field.check {
                    label {
                        input #f-title type="checkbox" name="title" value="course";
                        " " (t(l, "download-real-title"))
                    }
                    p.hint { (t(l, "download-real-title-hint")) }
                }
                button type="submit" { (t(l, "download-submit")) }
            }
        }
    }
}

async fn module(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module_slug) = path.into_inner();
    // The session is checked in the same hop as the reading (see `PendingViewer`).
    let pending = PendingViewer::of(&req)?;
    let idle = state.settings.session_idle();
    let counts = pending.counts_notices();
    let page = super::module_view(&state.db, &reading, pending.claims(), counts, idle, &slug, &module_slug).await?;
    let viewer = pending.finish(&req, Some(page.session)).await?;
    let (v, i, text) = (&page.view, page.index, &page.text);
    let l = viewer.locale;
    let m = &v.modules[i];
    let prev = i.checked_sub(1).and_then(|p| v.modules.get(p));
    let next = v.modules.get(i + 1);
    let lang = m.fallback.then_some(m.revision.locale.code());
    let body = html! {
        p.breadcrumb { a href=(format!("/courses/{slug}")) { (v.text.title) } }
        @if m.fallback { p.notice role="note" { (t(l, "module-fallback-notice")) } }
        @if v.access.enrolled { (progress_bar(l, v.progress_percent)) }
        p.module-place {
            (t_with(l, "module-position", &[("number", Arg::from(i + 1)), ("count", Arg::from(v.modules.len()))]))
            @if let Some(minutes) = m.module.minutes { " · " (count(l, "module-minutes", i64::from(minutes))) }
        }
        @if text.contents.len() >= 3 {
            details.contents {
                summary { (t(l, "module-contents")) }
                ol {
                    @for (id, heading) in &text.contents { li { a href=(format!("#{id}")) { (heading) } } }
                    li { a href="#module-end" { (t(l, if m.quiz_id.is_some() { "module-contents-end-quiz" } else { "module-contents-end" })) } }
                }
            }
        }
        article.module-text lang=[lang] {
            // Sanitised by ammonia when the revision was saved (courses::markdown::render).
            (PreEscaped(&text.html))
        }
        div #module-end {}
        @if let Some(quiz) = &m.quiz_id {
            p { a.button href=(format!("/quizzes/{quiz}")) { (t(l, "module-take-quiz")) } }
        }
        @if v.access.enrolled {
            @if m.completed {
                p.notice role="status" { (t(l, "module-completed")) }
            } @else {
                form method="post" action=(format!("/courses/{slug}/modules/{}/complete", m.module.slug)) {
                    (csrf_field(&viewer.csrf_token))
                    button.primary type="submit" { (t(l, "module-mark-complete")) }
                }
            }
        }
        details.save-text {
            summary { (t(l, "module-save-text")) }
            p.hint { (t(l, "module-save-text-hint")) " " (t(l, "download-warning")) }
            p { a download href=(format!("/courses/{slug}/modules/{}/text", m.module.slug)) { (t(l, "module-save-text-link")) } }
        }
        nav.pager aria-label=(t(l, "module-pager-label")) {
            @if let Some(p) = prev {
                a rel="prev" href=(format!("/courses/{slug}/modules/{}", p.module.slug)) { "← " (p.revision.title) }
            }
            @if let Some(n) = next {
                a rel="next" href=(format!("/courses/{slug}/modules/{}", n.module.slug)) { (n.revision.title) " →" }
            }
        }
    };
    let mut page = page_response(&state, &viewer, &req, StatusCode::OK, &m.revision.title, body);
    crate::web::mark_course_page(&mut page, &slug);
    Ok(page)
}

/// The module's text as a Markdown file, to keep, fill in or print (a monitor's forms, say): for those who
/// may read the module, under a name that does not say the topic ("module-3.md").
async fn module_text(
    state: web::Data<AppState>,
    reading: web::Data<Reading>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, module_slug) = path.into_inner();
    let pending = PendingViewer::of(&req)?;
    let idle = state.settings.session_idle();
    let text = super::module_markdown(&state.db, &reading, pending.claims(), idle, &slug, &module_slug).await?;
    pending.finish(&req, Some(text.session)).await?;
    let body = format!("# {}\n\n{}", text.title, text.markdown).into_bytes();
    Ok(crate::web::download("text/markdown; charset=utf-8", &format!("module-{}.md", text.number), body))
}

async fn complete(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    _form: CsrfForm<IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let (slug, module_slug) = path.into_inner();
    let done = super::complete_module(&state.db, viewer.user()?, &slug, &module_slug).await?;
    Ok(match done.next_module {
        Some(next) => see_other(&format!("/courses/{slug}/modules/{next}")),
        None => see_other(&format!("/courses/{slug}")),
    })
}
