//! The scholar's reading views: the catalogue with her progress, a course page, a module page (which
//! records "continue here" in memory) and "mark as complete". They are built from the owners' functions:
//! courses (structure, titles, membership), quizzes (which module has a quiz) and progress's own store.
//! Each view is read in one go (`Db::read`: on SQLite, at once on the thread's own connection), a module
//! page's session check included; what is the same for every reader (the course's outline, module texts)
//! comes from memory, checked against the content version (see `outline.rs`), and only the text of the
//! module shown is read.

use std::collections::HashSet;
use std::sync::Arc;

use super::activity::ActivityLog;
use super::model::{CourseSummary, CourseView, ModuleView};
use super::outline::{ModuleText, Outline, Outlines};
use super::store;
use crate::accounts::{self, LiveSession, model::User};
use crate::auth::tokens::Claims;
use crate::core::error::AppError;
use crate::core::ids::{CourseId, ModuleId, UserId};
use crate::courses;
use crate::db::{AnyConnection, Db};
use crate::i18n::Locale;

/// Each module of the outline with its title in `locale` (falling back to English, then any language).
fn module_views(outline: &Outline, locale: Locale, done: &HashSet<String>) -> Vec<ModuleView> {
    outline
        .modules
        .iter()
        .filter_map(|m| {
            let chosen = m
                .heads
                .iter()
                .position(|r| r.locale == locale)
                .or_else(|| m.heads.iter().position(|r| r.locale == Locale::En))
                .unwrap_or(0);
            let revision = m.heads.get(chosen)?.clone();
            Some(ModuleView {
                fallback: revision.locale != locale,
                revision,
                module: m.module.clone(),
                completed: done.contains(&m.module.id),
                quiz_id: m.quiz_id.clone(),
                quiz_to_pass: false,
            })
        })
        .collect()
}

/// The course view: the outline (shared, from memory) with the reader's own progress (a few indexed reads
/// when she is enrolled, none otherwise).
fn build_view(
    conn: &mut AnyConnection,
    outline: &Outline,
    user: Option<&User>,
    locale: Locale,
    pending_module: Option<String>,
) -> Result<CourseView, AppError> {
    let course = &outline.course;
    let enrolment = match user {
        Some(user) => courses::enrolment(conn, &CourseId::from(&course.id), &UserId::from(&user.id))?,
        None => None,
    };
    let listed = user.is_some_and(|u| outline.trainers.contains(&u.id));
    let access = courses::access_from(listed, user, enrolment.as_ref());
    if !course.published && !access.can_edit {
        return Err(AppError::NotFound);
    }
    let ids = outline.module_ids();
    let required = &outline.required;
    let (done, completed, last, passed) = match (user, enrolment) {
        (Some(user), Some(enrolment)) => {
            let done = store::completed_modules(conn, &user.id, &ids)?;
            let completed = store::is_course_completed(conn, &course.id, &user.id)?;
            let passed: HashSet<String> =
                crate::quizzes::passed_quizzes(conn, &UserId::from(&user.id), required)?.into_iter().collect();
            (done, completed, pending_module.or(enrolment.last_module_id), passed)
        }
        _ => (HashSet::new(), false, None, HashSet::new()),
    };
    let mut modules = module_views(outline, locale, &done);
    for m in &mut modules {
        m.quiz_to_pass = m.quiz_id.as_ref().is_some_and(|q| required.contains(q) && !passed.contains(q));
    }
    let modules_done = modules.iter().filter(|m| m.completed).count();
    let modules_left = modules.len() - modules_done;
    let quizzes_left = required.len().saturating_sub(passed.len());
    let progress_percent =
        super::honest_percent(modules_done + passed.len(), modules.len() + required.len(), completed);
    let last_read = last.and_then(|id| modules.iter().find(|m| m.module.id == id));
    let started = last_read.is_some() || modules_done > 0 || !passed.is_empty();
    let continue_slug = last_read
        .or_else(|| modules.iter().find(|m| !m.completed))
        .or_else(|| modules.first())
        .map(|m| m.module.slug.clone());
    let (text, fallback) = course.text(locale);
    Ok(CourseView {
        course: course.clone(),
        text,
        fallback,
        modules,
        access,
        progress_percent,
        completed,
        continue_slug,
        started,
        modules_left,
        quizzes_left,
    })
}

/// Published courses in the reader's language, with their progress where enrolled: the outlines from
/// memory, and a fixed number of queries for her own progress however many courses there are.
pub async fn catalogue(
    db: &Db,
    reading: &Reading,
    user: Option<&User>,
    locale: Locale,
) -> Result<Vec<CourseSummary>, AppError> {
    let (user, reading) = (user.cloned(), reading.clone());
    db.read(move |conn| {
        let version = Outlines::version(conn)?;
        let outlines = reading.outlines.published(conn, version)?;
        let (enrolled, done, passed, completed) = match &user {
            Some(u) => {
                let enrolled = courses::enrolled_course_ids(conn, &UserId::from(&u.id))?;
                let mine: Vec<&Outline> =
                    outlines.iter().filter(|o| enrolled.contains(&o.course.id)).map(|o| &**o).collect();
                let modules: Vec<String> = mine.iter().flat_map(|o| o.module_ids()).collect();
                let required: Vec<String> = mine.iter().flat_map(|o| o.required.iter().cloned()).collect();
                let passed: HashSet<String> =
                    crate::quizzes::passed_quizzes(conn, &UserId::from(&u.id), &required)?.into_iter().collect();
                let done = store::completed_modules(conn, &u.id, &modules)?;
                // Slugs of the courses she completed.
                let completed: HashSet<String> =
                    store::courses_done_by(conn, &u.id)?.into_iter().map(|(slug, _)| slug).collect();
                (enrolled, done, passed, completed)
            }
            None => Default::default(),
        };
        Ok(outlines
            .iter()
            .map(|outline| {
                let course = &outline.course;
                let is_enrolled = enrolled.contains(&course.id);
                let (finished, quizzes_passed) = if is_enrolled {
                    (
                        outline.modules.iter().filter(|m| done.contains(&m.module.id)).count(),
                        outline.required.iter().filter(|q| passed.contains(*q)).count(),
                    )
                } else {
                    (0, 0)
                };
                let (text, fallback) = course.text(locale);
                CourseSummary {
                    progress_percent: super::honest_percent(
                        finished + quizzes_passed,
                        outline.modules.len() + outline.required.len(),
                        completed.contains(&course.slug),
                    ),
                    module_count: outline.modules.len() as i64,
                    enrolled: is_enrolled,
                    course: course.clone(),
                    text,
                    fallback,
                }
            })
            .collect())
    })
    .await
}

/// A course page with the reader's progress, in one blocking hop.
pub async fn course_view(
    db: &Db,
    reading: &Reading,
    user: Option<&User>,
    slug: &str,
    locale: Locale,
) -> Result<CourseView, AppError> {
    let (user, slug) = (user.cloned(), slug.to_owned());
    let reading = reading.clone();
    db.read(move |conn| {
        let version = Outlines::version(conn)?;
        view_in(conn, &reading, version, &slug, user.as_ref(), locale)
    })
    .await
}

/// A course the reader may see, with her progress and "continue here" (the marker not yet written
/// included), inside a hop.
fn view_in(
    conn: &mut AnyConnection,
    reading: &Reading,
    version: i64,
    slug: &str,
    user: Option<&User>,
    locale: Locale,
) -> Result<CourseView, AppError> {
    let outline = reading.outlines.outline(conn, version, slug)?;
    let pending = user.and_then(|u| reading.activity.pending(&outline.course.id, &u.id));
    build_view(conn, &outline, user, locale, pending)
}

/// A module page: who is reading (the session checked in the same hop), the course view, the index of
/// the module in it and the module's text (only this one is read, and from memory when it can be).
pub struct ModulePage {
    pub session: LiveSession,
    pub view: CourseView,
    pub index: usize,
    pub text: Arc<ModuleText>,
}

/// A module page in one blocking hop, the session check included. Someone not signed in is told so
/// before anything is read. Records "continue here" in memory.
pub async fn module_view(
    db: &Db,
    reading: &Reading,
    session: Option<&Claims>,
    count_notices: bool,
    idle: chrono::Duration,
    slug: &str,
    module_slug: &str,
) -> Result<ModulePage, AppError> {
    let claims = session.ok_or(AppError::Unauthorized)?.clone();
    let (slug, module_slug) = (slug.to_owned(), module_slug.to_owned());
    let shared = reading.clone();
    let page = db
        .read(move |conn| {
            let session =
                accounts::authenticate_in(conn, &claims, idle, count_notices)?.ok_or(AppError::Unauthorized)?;
            let version = Outlines::version(conn)?;
            let (user, locale) = (&session.user, session.user.locale);
            let view = view_in(conn, &shared, version, &slug, Some(user), locale)?;
            let index = view.modules.iter().position(|m| m.module.slug == module_slug).ok_or(AppError::NotFound)?;
            if !view.access.can_read_modules() {
                return Err(AppError::Forbidden);
            }
            let head = &view.modules[index].revision;
            let text = shared.outlines.text(conn, version, &head.module_id, head.revision)?;
            Ok(ModulePage { session, view, index, text })
        })
        .await?;
    if page.view.access.enrolled {
        reading.activity.record(&page.view.course.id, &page.session.user.id, &page.view.modules[page.index].module.id);
    }
    Ok(page)
}

/// A module's Markdown source, for its readers to save: the title, the text and the module's number in
/// the course.
pub struct ModuleMarkdown {
    pub session: LiveSession,
    pub title: String,
    pub markdown: String,
    pub number: usize,
}

/// The Markdown of the module a [`module_view`] shows (same access), read at its current revision.
pub async fn module_markdown(
    db: &Db,
    reading: &Reading,
    session: Option<&Claims>,
    idle: chrono::Duration,
    slug: &str,
    module_slug: &str,
) -> Result<ModuleMarkdown, AppError> {
    let page = module_view(db, reading, session, false, idle, slug, module_slug).await?;
    let head = page.view.modules[page.index].revision.clone();
    let revision = db
        .run(move |conn| courses::revision_text(conn, &ModuleId::from(&head.module_id), head.revision))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ModuleMarkdown {
        session: page.session,
        title: revision.title,
        markdown: revision.markdown,
        number: page.index + 1,
    })
}

/// What the reading pages keep in memory: "continue here" markers not yet written, and course outlines
/// and module texts (cloning shares them).
#[derive(Clone, Default)]
pub struct Reading {
    pub activity: ActivityLog,
    pub outlines: Outlines,
}

/// What marking a module complete did: the course's percentage, whether the course is now completed,
/// and the module that comes next, if any.
pub struct Completed {
    pub percent: i32,
    pub course_completed: bool,
    pub next_module: Option<String>,
}

/// Marks a module complete for an enrolled scholar.
pub async fn complete_module(db: &Db, user: &User, slug: &str, module_slug: &str) -> Result<Completed, AppError> {
    let (user, slug, module_slug) = (user.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let (course, access) = courses::visible_course(conn, &slug, Some(&user))?;
        let modules = courses::modules_of(conn, &CourseId::from(&course.id), false)?;
        let index = modules.iter().position(|m| m.slug == module_slug).ok_or(AppError::NotFound)?;
        if !access.enrolled {
            return Err(AppError::Forbidden);
        }
        let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
        super::record_module_complete(conn, &course.id, &modules[index].id, &ids, &user.id)?;
        let user_id = UserId::from(&user.id);
        let course_completed = super::completion::update(conn, &CourseId::from(&course.id), &user_id)?;
        // The same measure as the course page: modules read and required quizzes passed, of all of them.
        let done = store::completed_modules(conn, &user.id, &ids)?.len();
        let required = crate::quizzes::required_for_completion(conn, &ids)?;
        let passed = crate::quizzes::passed_quizzes(conn, &user_id, &required)?.len();
        let percent = super::honest_percent(done + passed, ids.len() + required.len(), course_completed);
        Ok(Completed { percent, course_completed, next_module: modules.get(index + 1).map(|m| m.slug.clone()) })
    })
    .await
}
