//! The scholar's reading views: the catalogue with her progress, a course page, a module page (which
//! records "continue here" in memory) and "mark as complete". They are built from the owners' functions:
//! courses (structure, titles, membership), quizzes (which module has a quiz) and progress's own store.
//! Each view is read in one blocking hop, and only the text of the module shown is loaded: the others
//! are listed by their titles.

use std::collections::{HashMap, HashSet};

use super::activity::ActivityLog;
use super::model::{CourseSummary, CourseView, ModuleView};
use super::store;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::core::ids::{CourseId, ModuleId, UserId};
use crate::courses;
use crate::courses::model::{Access, Course, Module, Revision, RevisionHead};
use crate::db::{AnyConnection, Db};
use crate::i18n::Locale;
use crate::quizzes;

/// The title of each module in `locale`, falling back to English, then any language.
fn module_views(
    conn: &mut AnyConnection,
    modules: Vec<Module>,
    locale: Locale,
    done: &HashSet<String>,
) -> Result<Vec<ModuleView>, AppError> {
    let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let mut heads: HashMap<String, Vec<RevisionHead>> = HashMap::new();
    for head in courses::current_heads(conn, &ids)? {
        heads.entry(head.module_id.clone()).or_default().push(head);
    }
    let quizzes: HashMap<String, String> = quizzes::quiz_of_each_module(conn, &ids)?.into_iter().collect();
    Ok(modules
        .into_iter()
        .filter_map(|module| {
            let own = heads.remove(&module.id)?;
            let chosen = own
                .iter()
                .position(|r| r.locale == locale)
                .or_else(|| own.iter().position(|r| r.locale == Locale::En))
                .unwrap_or(0);
            let revision = own.into_iter().nth(chosen)?;
            let fallback = revision.locale != locale;
            let completed = done.contains(&module.id);
            let quiz_id = quizzes.get(&module.id).cloned();
            Some(ModuleView { revision, module, fallback, completed, quiz_id, quiz_to_pass: false })
        })
        .collect())
}

fn build_view(
    conn: &mut AnyConnection,
    course: Course,
    access: Access,
    user: Option<&User>,
    locale: Locale,
    pending_module: Option<String>,
) -> Result<CourseView, AppError> {
    let modules = courses::modules_of(conn, &CourseId::from(&course.id), false)?;
    let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let (done, completed, last) = match user {
        Some(user) if access.enrolled => {
            let done = store::completed_modules(conn, &user.id, &ids)?;
            let completed = store::is_course_completed(conn, &course.id, &user.id)?;
            let last = match pending_module {
                Some(pending) => Some(pending),
                None => courses::enrolment(conn, &CourseId::from(&course.id), &UserId::from(&user.id))?
                    .and_then(|e| e.last_module_id),
            };
            (done, completed, last)
        }
        _ => (HashSet::new(), false, None),
    };
    let mut modules = module_views(conn, modules, locale, &done)?;
    let required = crate::quizzes::required_for_completion(conn, &ids)?;
    let passed: HashSet<String> = match user {
        Some(user) if access.enrolled => {
            crate::quizzes::passed_quizzes(conn, &UserId::from(&user.id), &required)?.into_iter().collect()
        }
        _ => HashSet::new(),
    };
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
        course,
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

/// Published courses in the reader's language, with their progress where enrolled: a fixed number of
/// queries however many courses there are.
pub async fn catalogue(db: &Db, user: Option<&User>, locale: Locale) -> Result<Vec<CourseSummary>, AppError> {
    let user = user.cloned();
    db.run(move |conn| {
        let courses = courses::list_courses(conn, false)?;
        let enrolled = match &user {
            Some(u) => courses::enrolled_course_ids(conn, &UserId::from(&u.id))?,
            None => HashSet::new(),
        };
        let course_ids: Vec<String> = courses.iter().map(|c| c.id.clone()).collect();
        let mut modules_of: HashMap<String, Vec<String>> = HashMap::new();
        for module in courses::modules_of_courses(conn, &course_ids)? {
            modules_of.entry(module.course_id).or_default().push(module.id);
        }
        // For her courses: modules done, and the required quizzes (by module) with those she passed.
        let (done, required, passed) = match &user {
            Some(u) => {
                let mine: Vec<String> = course_ids
                    .iter()
                    .filter(|id| enrolled.contains(*id))
                    .flat_map(|id| modules_of.get(id).cloned().unwrap_or_default())
                    .collect();
                let required_ids = crate::quizzes::required_for_completion(conn, &mine)?;
                let required: HashMap<String, String> = crate::quizzes::quiz_of_each_module(conn, &mine)?
                    .into_iter()
                    .filter(|(_, quiz)| required_ids.contains(quiz))
                    .collect();
                let passed: HashSet<String> =
                    crate::quizzes::passed_quizzes(conn, &UserId::from(&u.id), &required_ids)?.into_iter().collect();
                (store::completed_modules(conn, &u.id, &mine)?, required, passed)
            }
            None => (HashSet::new(), HashMap::new(), HashSet::new()),
        };
        // Slugs of the courses she completed.
        let completed: HashSet<String> = match &user {
            Some(u) => store::courses_done_by(conn, &u.id)?.into_iter().map(|(slug, _)| slug).collect(),
            None => HashSet::new(),
        };
        Ok(courses
            .into_iter()
            .map(|course| {
                let ids = modules_of.get(&course.id).map(Vec::as_slice).unwrap_or_default();
                let is_enrolled = enrolled.contains(&course.id);
                let finished = if is_enrolled { ids.iter().filter(|id| done.contains(*id)).count() } else { 0 };
                let quizzes: Vec<&String> = ids.iter().filter_map(|id| required.get(id)).collect();
                let quizzes_passed = quizzes.iter().filter(|q| passed.contains(**q)).count();
                let completed_course = completed.contains(&course.slug);
                let (text, fallback) = course.text(locale);
                CourseSummary {
                    progress_percent: super::honest_percent(
                        finished + quizzes_passed,
                        ids.len() + quizzes.len(),
                        completed_course,
                    ),
                    module_count: ids.len() as i64,
                    enrolled: is_enrolled,
                    course,
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
    activity: &ActivityLog,
    user: Option<&User>,
    slug: &str,
    locale: Locale,
) -> Result<CourseView, AppError> {
    let (user, slug) = (user.cloned(), slug.to_owned());
    let activity = activity.clone();
    db.run(move |conn| view_in(conn, &activity, &slug, user.as_ref(), locale)).await
}

/// A course the reader may see, with her progress and "continue here" (the marker not yet written
/// included), inside a hop.
fn view_in(
    conn: &mut AnyConnection,
    activity: &ActivityLog,
    slug: &str,
    user: Option<&User>,
    locale: Locale,
) -> Result<CourseView, AppError> {
    let (course, access) = courses::visible_course(conn, slug, user)?;
    let pending = user.and_then(|u| activity.pending(&course.id, &u.id));
    build_view(conn, course, access, user, locale, pending)
}

/// A module page: the course view, the index of the module in it and the module's text (only this one
/// is loaded). Someone not signed in is told so before anything is read. Records "continue here" in
/// memory.
pub async fn module_view(
    db: &Db,
    activity: &ActivityLog,
    user: Option<&User>,
    slug: &str,
    module_slug: &str,
    locale: Locale,
) -> Result<(CourseView, usize, Revision), AppError> {
    let user = user.ok_or(AppError::Unauthorized)?.clone();
    let (slug, module_slug) = (slug.to_owned(), module_slug.to_owned());
    let log = activity.clone();
    let reader = user.clone();
    let (view, index, text) = db
        .run(move |conn| {
            let view = view_in(conn, &log, &slug, Some(&reader), locale)?;
            let index = view.modules.iter().position(|m| m.module.slug == module_slug).ok_or(AppError::NotFound)?;
            if !view.access.can_read_modules() {
                return Err(AppError::Forbidden);
            }
            let head = &view.modules[index].revision;
            let text = courses::revision_text(conn, &ModuleId::from(&head.module_id), head.revision)?
                .ok_or(AppError::NotFound)?;
            Ok((view, index, text))
        })
        .await?;
    if view.access.enrolled {
        activity.record(&view.course.id, &user.id, &view.modules[index].module.id);
    }
    Ok((view, index, text))
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
