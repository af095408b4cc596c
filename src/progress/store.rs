//! Storage of module progress and course completions: the only code that names these tables.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{course_completions, module_progress};
use crate::db_match;

/// Which of `module_ids` the user has completed.
pub fn completed_modules(
    conn: &mut AnyConnection,
    user_id: &str,
    module_ids: &[String],
) -> Result<HashSet<String>, AppError> {
    if module_ids.is_empty() {
        return Ok(HashSet::new());
    }
    let done: Vec<String> = module_progress::table
        .filter(module_progress::user_id.eq(user_id))
        .filter(module_progress::module_id.eq_any(module_ids))
        .select(module_progress::module_id)
        .load(conn)?;
    Ok(done.into_iter().collect())
}

/// Marks a module complete (once; later calls change nothing).
pub fn mark_complete(
    conn: &mut AnyConnection,
    module_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (
        module_progress::module_id.eq(module_id),
        module_progress::user_id.eq(user_id),
        module_progress::completed_at.eq(now),
    );
    db_match!(conn,
        sqlite => diesel::insert_into(module_progress::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(module_progress::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

pub fn is_course_completed(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<bool, AppError> {
    let n: i64 = course_completions::table
        .filter(course_completions::course_id.eq(course_id))
        .filter(course_completions::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn insert_completion(
    conn: &mut AnyConnection,
    course_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (
        course_completions::course_id.eq(course_id),
        course_completions::user_id.eq(user_id),
        course_completions::completed_at.eq(now),
    );
    db_match!(conn,
        sqlite => diesel::insert_into(course_completions::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(course_completions::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

/// How many user ids go into one `IN (...)` list: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 500;

/// For each of `user_ids`: the modules of `module_ids` they completed, as (user id, completed at).
pub fn completions_of_users(
    conn: &mut AnyConnection,
    module_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<(String, NaiveDateTime)>, AppError> {
    let mut out = Vec::new();
    if module_ids.is_empty() {
        return Ok(out);
    }
    for chunk in user_ids.chunks(CHUNK) {
        let rows: Vec<(String, NaiveDateTime)> = module_progress::table
            .filter(module_progress::module_id.eq_any(module_ids))
            .filter(module_progress::user_id.eq_any(chunk))
            .select((module_progress::user_id, module_progress::completed_at))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// The completions of `course_ids` by `user_ids`: (user id, course id).
pub fn course_completions_of_users(
    conn: &mut AnyConnection,
    course_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    let mut out = Vec::new();
    for chunk in user_ids.chunks(CHUNK) {
        let rows: Vec<(String, String)> = course_completions::table
            .filter(course_completions::course_id.eq_any(course_ids))
            .filter(course_completions::user_id.eq_any(chunk))
            .select((course_completions::user_id, course_completions::course_id))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// The modules a person completed: (course, module, when), for her data export.
pub fn modules_done_by(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<(String, String, NaiveDateTime)>, AppError> {
    use crate::db::schema::{courses, modules};
    Ok(module_progress::table
        .inner_join(modules::table.on(modules::id.eq(module_progress::module_id)))
        .inner_join(courses::table.on(courses::id.eq(modules::course_id)))
        .filter(module_progress::user_id.eq(user_id))
        .order(module_progress::completed_at.asc())
        .select((courses::slug, modules::slug, module_progress::completed_at))
        .load(conn)?)
}

/// The courses a person completed: (course, when).
pub fn courses_done_by(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<(String, NaiveDateTime)>, AppError> {
    use crate::db::schema::courses;
    Ok(course_completions::table
        .inner_join(courses::table.on(courses::id.eq(course_completions::course_id)))
        .filter(course_completions::user_id.eq(user_id))
        .order(course_completions::completed_at.asc())
        .select((courses::slug, course_completions::completed_at))
        .load(conn)?)
}

/// Erasure: her progress and completions go.
pub fn forget_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(module_progress::table.filter(module_progress::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(course_completions::table.filter(course_completions::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}
