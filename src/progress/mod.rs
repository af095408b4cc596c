//! Progress: enrolments, completed modules, course completion, and the "continue here" marker. Reading a
//! module writes nothing synchronously: the marker is kept in memory and written in batches.

pub mod activity;
pub mod store;

use std::collections::HashSet;

use crate::core::error::AppError;
use crate::db::{self, AnyConnection};

/// The percentage of `total` modules done (rounded down), 0 for a course without modules.
pub fn percent(done: usize, total: usize) -> i32 {
    (done * 100).checked_div(total).map_or(0, |p| i32::try_from(p).unwrap_or(100))
}

/// Enrols a user (again is fine: nothing changes).
pub fn enrol(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<(), AppError> {
    if store::find_enrolment(conn, course_id, user_id)?.is_none() {
        store::insert_enrolment(conn, course_id, user_id, db::now())?;
    }
    Ok(())
}

/// Marks one module complete; returns the course's percentage. Run inside a write transaction; the
/// course's completion rule is the courses domain's.
pub fn complete_module(
    conn: &mut AnyConnection,
    course_id: &str,
    module_id: &str,
    all_module_ids: &[String],
    user_id: &str,
) -> Result<i32, AppError> {
    let now = db::now();
    store::mark_complete(conn, module_id, user_id, now)?;
    store::set_last_module(conn, course_id, user_id, module_id, now)?;
    let done: HashSet<String> = store::completed_modules(conn, user_id, all_module_ids)?;
    Ok(percent(done.len(), all_module_ids.len()))
}
