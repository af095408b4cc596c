//! The reminders' read model: who may be reminded. It reads the tables of three domains in one query
//! (a per-user loop would not scale): users (accounts: address, language, opt-out), courses and
//! enrolments (courses: published, when enrolled, last activity) and course_completions (progress).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{course_completions, courses, enrolments, users};

/// A scholar who may be reminded: reachable by email, reminders on, with at least one unfinished course.
#[derive(Debug, Clone)]
pub struct Reachable {
    pub user_id: String,
    pub handle: String,
    pub locale: String,
    pub email: String,
    /// Whether she last signed in through the onion address.
    pub via_onion: bool,
    /// The latest activity (or, where none, enrolment) over the unfinished courses.
    pub last_seen: NaiveDateTime,
}

/// The reachable scholars whose unfinished published courses have all been quiet since before `before`
/// (a course taken offline is not one to be reminded of).
pub fn quiet_since(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<Vec<Reachable>, AppError> {
    let unfinished = diesel::dsl::not(diesel::dsl::exists(
        course_completions::table
            .filter(course_completions::course_id.eq(enrolments::course_id))
            .filter(course_completions::user_id.eq(enrolments::user_id)),
    ));
    type Row = (String, String, String, Option<String>, bool, NaiveDateTime, Option<NaiveDateTime>);
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
            users::via_onion,
            enrolments::enrolled_at,
            enrolments::last_activity_at,
        ))
        .load(conn)?;
    let mut by_user: std::collections::BTreeMap<String, Reachable> = std::collections::BTreeMap::new();
    for (user_id, handle, locale, email, via_onion, enrolled_at, last_activity_at) in rows {
        let Some(email) = email else { continue };
        let seen = last_activity_at.unwrap_or(enrolled_at).max(enrolled_at);
        by_user.entry(user_id.clone()).and_modify(|r| r.last_seen = r.last_seen.max(seen)).or_insert(Reachable {
            user_id,
            handle,
            locale,
            email,
            via_onion,
            last_seen: seen,
        });
    }
    Ok(by_user.into_values().filter(|r| r.last_seen < before).collect())
}
