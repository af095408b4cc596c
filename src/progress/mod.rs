//! Progress: completed modules, the course completion rule, the scholar's reading views (catalogue, course
//! and module pages) and the "continue here" marker. Reading a module writes nothing synchronously: the
//! marker is kept in memory and written in batches. Enrolment (membership) is the courses domain's.

pub mod activity;
pub mod api;
pub mod completion;
pub mod model;
pub mod offline;
mod offline_store;
pub mod outline;
pub mod pages;
pub mod privacy;
mod reading;
mod store;

pub use reading::{
    Completed, ModuleMarkdown, ModulePage, Reading, catalogue, complete_module, course_view, module_markdown,
    module_view,
};

use std::collections::HashSet;

use crate::core::error::AppError;
use crate::courses::{self, model::ReadingPlace};
use crate::db::{self, AnyConnection};

/// The percentage of `total` modules done (rounded down), 0 for a course without modules.
pub fn percent(done: usize, total: usize) -> i32 {
    (done * 100).checked_div(total).map_or(0, |p| i32::try_from(p).unwrap_or(100))
}

/// The percentage shown to a scholar: steps done (modules marked read and required quizzes passed) out of
/// all steps, and never 100 before the course is completed, so that "100 %" always means finished.
pub fn honest_percent(done: usize, total: usize, completed: bool) -> i32 {
    if completed { 100 } else { percent(done, total).min(99) }
}

/// Marks one module complete; returns the course's percentage. Run inside a write transaction; the
/// course's completion rule is [`completion::update`].
pub fn record_module_complete(
    conn: &mut AnyConnection,
    course_id: &str,
    module_id: &str,
    all_module_ids: &[String],
    user_id: &str,
) -> Result<i32, AppError> {
    let now = db::now();
    store::mark_complete(conn, module_id, user_id, now)?;
    let place = ReadingPlace { course_id: course_id.into(), user_id: user_id.into(), module_id: module_id.into() };
    courses::set_last_module(conn, &place, now)?;
    let done: HashSet<String> = store::completed_modules(conn, user_id, all_module_ids)?;
    Ok(percent(done.len(), all_module_ids.len()))
}

// ---- for the domains above: dashboards ----

/// For each of `user_ids`: the modules of `module_ids` they completed, as (user id, completed at).
pub fn completions_of_users(
    conn: &mut AnyConnection,
    module_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<(String, chrono::NaiveDateTime)>, AppError> {
    store::completions_of_users(conn, module_ids, user_ids)
}

/// The completions of `course_ids` by `user_ids`: (user id, course id).
pub fn course_completions_of_users(
    conn: &mut AnyConnection,
    course_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    store::course_completions_of_users(conn, course_ids, user_ids)
}
