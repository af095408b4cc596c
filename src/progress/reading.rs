//! The scholar's reading views: the catalogue with her progress, a course page, a module page (which
//! records "continue here" in memory) and "mark as complete". They are built from the owners' functions:
//! courses (structure, texts, membership), quizzes (which module has a quiz) and progress's own store.

use std::collections::HashSet;

use super::activity::ActivityLog;
use super::model::{CourseSummary, CourseView, ModuleView};
use super::store;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::courses;
use crate::courses::model::{Access, Course, Module, Revision};
use crate::db::{AnyConnection, Db};
use crate::i18n::Locale;
use crate::quizzes;

/// The current text of each module in `locale`, falling back to English, then any language.
fn module_views(
    conn: &mut AnyConnection,
    modules: Vec<Module>,
    locale: Locale,
    done: &HashSet<String>,
) -> Result<Vec<ModuleView>, AppError> {
    let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let revisions = courses::current_revisions(conn, &ids)?;
    let quizzes = quizzes::quiz_of_each_module(conn, &ids)?;
    Ok(modules
        .into_iter()
        .filter_map(|module| {
            let own: Vec<&Revision> = revisions.iter().filter(|r| r.module_id == module.id).collect();
            let chosen = own
                .iter()
                .find(|r| r.locale == locale)
                .or_else(|| own.iter().find(|r| r.locale == Locale::En))
                .or_else(|| own.first())?;
            let fallback = chosen.locale != locale;
            let completed = done.contains(&module.id);
            let quiz_id = quizzes.iter().find(|(m, _)| *m == module.id).map(|(_, q)| q.clone());
            Some(ModuleView { revision: (*chosen).clone(), module, fallback, completed, quiz_id })
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
    let modules = courses::modules_of(conn, &crate::core::ids::CourseId::from(&course.id), false)?;
    let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let (done, completed, last) = match user {
        Some(user) if access.enrolled => {
            let done = store::completed_modules(conn, &user.id, &ids)?;
            let completed = store::is_course_completed(conn, &course.id, &user.id)?;
            let last = courses::enrolment(
                conn,
                &crate::core::ids::CourseId::from(&course.id),
                &crate::core::ids::UserId::from(&user.id),
            )?
            .and_then(|e| e.last_module_id);
            (done, completed, pending_module.or(last))
        }
        _ => (HashSet::new(), false, None),
    };
    let modules = module_views(conn, modules, locale, &done)?;
    let progress_percent = super::percent(modules.iter().filter(|m| m.completed).count(), modules.len());
    let continue_slug = last
        .and_then(|id| modules.iter().find(|m| m.module.id == id))
        .or_else(|| modules.iter().find(|m| !m.completed))
        .map(|m| m.module.slug.clone());
    let (text, fallback) = course.text(locale);
    Ok(CourseView { course, text, fallback, modules, access, progress_percent, completed, continue_slug })
}

/// Published courses in the reader's language, with their progress where enrolled.
pub async fn catalogue(db: &Db, user: Option<&User>, locale: Locale) -> Result<Vec<CourseSummary>, AppError> {
    let user = user.cloned();
    db.run(move |conn| {
        let courses = courses::list_courses(conn, false)?;
        let enrolled = match &user {
            Some(u) => courses::enrolled_course_ids(conn, &crate::core::ids::UserId::from(&u.id))?,
            None => HashSet::new(),
        };
        let mut out = Vec::with_capacity(courses.len());
        for course in courses {
            let modules = courses::modules_of(conn, &crate::core::ids::CourseId::from(&course.id), false)?;
            let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
            let is_enrolled = enrolled.contains(&course.id);
            let done = match (&user, is_enrolled) {
                (Some(u), true) => store::completed_modules(conn, &u.id, &ids)?.len(),
                _ => 0,
            };
            let (text, fallback) = course.text(locale);
            out.push(CourseSummary {
                progress_percent: super::percent(done, ids.len()),
                module_count: ids.len() as i64,
                enrolled: is_enrolled,
                course,
                text,
                fallback,
            });
        }
        Ok(out)
    })
    .await
}

pub async fn course_view(
    db: &Db,
    activity: &ActivityLog,
    user: Option<&User>,
    slug: &str,
    locale: Locale,
) -> Result<CourseView, AppError> {
    let (user, slug) = (user.cloned(), slug.to_owned());
    let (course, access) = {
        let (user, slug) = (user.clone(), slug.clone());
        db.run(move |conn| courses::visible_course(conn, &slug, user.as_ref())).await?
    };
    let pending = user.as_ref().and_then(|u| activity.pending(&course.id, &u.id));
    db.run(move |conn| build_view(conn, course, access, user.as_ref(), locale, pending)).await
}

/// A module page: the course view and the index of the module in it. Records "continue here" in memory.
pub async fn module_view(
    db: &Db,
    activity: &ActivityLog,
    user: Option<&User>,
    slug: &str,
    module_slug: &str,
    locale: Locale,
) -> Result<(CourseView, usize), AppError> {
    let view = course_view(db, activity, user, slug, locale).await?;
    let index = view.modules.iter().position(|m| m.module.slug == module_slug).ok_or(AppError::NotFound)?;
    let user = user.ok_or(AppError::Unauthorized)?;
    if !view.access.can_read_modules() {
        return Err(AppError::Forbidden);
    }
    if view.access.enrolled {
        activity.record(&view.course.id, &user.id, &view.modules[index].module.id);
    }
    Ok((view, index))
}

/// Marks a module complete for an enrolled scholar: (percent, course completed).
pub async fn complete_module(db: &Db, user: &User, slug: &str, module_slug: &str) -> Result<(i32, bool), AppError> {
    let (user, slug, module_slug) = (user.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let (course, access) = courses::visible_course(conn, &slug, Some(&user))?;
        let modules = courses::modules_of(conn, &crate::core::ids::CourseId::from(&course.id), false)?;
        let module = modules.iter().find(|m| m.slug == module_slug).ok_or(AppError::NotFound)?;
        if !access.enrolled {
            return Err(AppError::Forbidden);
        }
        let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
        let percent = super::record_module_complete(conn, &course.id, &module.id, &ids, &user.id)?;
        let completed = super::completion::update(conn, &course.id.as_str().into(), &user.id.as_str().into())?;
        Ok((percent, completed))
    })
    .await
}
