//! Storage of enrolments, module progress and course completions: the only code that names these tables.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{course_completions, enrolments, module_progress};
use crate::db_match;

/// An enrolment: when, and the module last opened.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub enrolled_at: NaiveDateTime,
    pub last_module_id: Option<String>,
    pub last_activity_at: Option<NaiveDateTime>,
}

pub fn find_enrolment(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<Option<Enrolment>, AppError> {
    let row: Option<(NaiveDateTime, Option<String>, Option<NaiveDateTime>)> = enrolments::table
        .filter(enrolments::course_id.eq(course_id))
        .filter(enrolments::user_id.eq(user_id))
        .select((enrolments::enrolled_at, enrolments::last_module_id, enrolments::last_activity_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(enrolled_at, last_module_id, last_activity_at)| Enrolment {
        enrolled_at,
        last_module_id,
        last_activity_at,
    }))
}

/// The ids of the courses a user is enrolled in.
pub fn enrolled_course_ids(conn: &mut AnyConnection, user_id: &str) -> Result<HashSet<String>, AppError> {
    let ids: Vec<String> =
        enrolments::table.filter(enrolments::user_id.eq(user_id)).select(enrolments::course_id).load(conn)?;
    Ok(ids.into_iter().collect())
}

pub fn insert_enrolment(
    conn: &mut AnyConnection,
    course_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (enrolments::course_id.eq(course_id), enrolments::user_id.eq(user_id), enrolments::enrolled_at.eq(now));
    // Once: a second, concurrent enrolment changes nothing.
    db_match!(conn,
        sqlite => diesel::insert_into(enrolments::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(enrolments::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

/// Records where a scholar was; only moves forward in time.
pub fn set_last_module(
    conn: &mut AnyConnection,
    course_id: &str,
    user_id: &str,
    module_id: &str,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::update(
        enrolments::table
            .filter(enrolments::course_id.eq(course_id))
            .filter(enrolments::user_id.eq(user_id))
            .filter(enrolments::last_activity_at.is_null().or(enrolments::last_activity_at.lt(at))),
    )
    .set((enrolments::last_module_id.eq(module_id), enrolments::last_activity_at.eq(at)))
    .execute(conn)?;
    Ok(())
}

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

/// A scholar who may be reminded: reachable by email, reminders on, with at least one unfinished course.
#[derive(Debug, Clone)]
pub struct Reachable {
    pub user_id: String,
    pub handle: String,
    pub locale: String,
    pub email: String,
    /// The latest activity (or, where none, enrolment) over the unfinished courses.
    pub last_seen: NaiveDateTime,
}

/// The reachable scholars whose unfinished published courses have all been quiet since before `before`
/// (a course taken offline is not one to be reminded of).
pub fn quiet_since(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<Vec<Reachable>, AppError> {
    use crate::db::schema::{courses, users};
    let unfinished = diesel::dsl::not(diesel::dsl::exists(
        course_completions::table
            .filter(course_completions::course_id.eq(enrolments::course_id))
            .filter(course_completions::user_id.eq(enrolments::user_id)),
    ));
    type Row = (String, String, String, Option<String>, NaiveDateTime, Option<NaiveDateTime>);
    let rows: Vec<Row> = enrolments::table
        .inner_join(users::table.on(users::id.eq(enrolments::user_id)))
        .inner_join(courses::table)
        .filter(courses::published.eq(true))
        .filter(users::email.is_not_null())
        .filter(users::reminders_off.eq(false))
        .filter(unfinished)
        .select((
            users::id,
            users::handle,
            users::locale,
            users::email,
            enrolments::enrolled_at,
            enrolments::last_activity_at,
        ))
        .load(conn)?;
    let mut by_user: std::collections::BTreeMap<String, Reachable> = std::collections::BTreeMap::new();
    for (user_id, handle, locale, email, enrolled_at, last_activity_at) in rows {
        let Some(email) = email else { continue };
        let seen = last_activity_at.unwrap_or(enrolled_at).max(enrolled_at);
        by_user.entry(user_id.clone()).and_modify(|r| r.last_seen = r.last_seen.max(seen)).or_insert(Reachable {
            user_id,
            handle,
            locale,
            email,
            last_seen: seen,
        });
    }
    Ok(by_user.into_values().filter(|r| r.last_seen < before).collect())
}

/// Ends an enrolment (what was completed stays recorded, should the scholar come back).
pub fn delete_enrolment(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<(), AppError> {
    diesel::delete(
        enrolments::table.filter(enrolments::course_id.eq(course_id)).filter(enrolments::user_id.eq(user_id)),
    )
    .execute(conn)?;
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

/// (user id, course id, enrolled at, last activity).
pub type EnrolmentActivity = (String, String, NaiveDateTime, Option<NaiveDateTime>);

/// The enrolments of `user_ids` in `course_ids`.
pub fn enrolments_of_users(
    conn: &mut AnyConnection,
    course_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<EnrolmentActivity>, AppError> {
    let mut out = Vec::new();
    for chunk in user_ids.chunks(CHUNK) {
        let rows: Vec<EnrolmentActivity> = enrolments::table
            .filter(enrolments::course_id.eq_any(course_ids))
            .filter(enrolments::user_id.eq_any(chunk))
            .select((enrolments::user_id, enrolments::course_id, enrolments::enrolled_at, enrolments::last_activity_at))
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
