//! The completion rule: a course is completed when every module is marked complete and every quiz that is
//! required for completion is passed. Once recorded, a completion stays. Quizzes report a graded attempt
//! through their hook (wired in app.rs), so that a passed quiz can complete a course.

use super::store;
use crate::core::error::AppError;
use crate::core::ids::{CourseId, UserId};
use crate::courses;
use crate::db::{self, AnyConnection};
use crate::quizzes;

/// Records the course as completed for the user when its rule holds: every module marked complete and
/// every quiz that is required for completion passed. Once recorded, a completion stays.
pub fn update(conn: &mut AnyConnection, course: &CourseId, user: &UserId) -> Result<bool, AppError> {
    let (course_id, user_id) = (course.as_str(), user.as_str());
    if store::is_course_completed(conn, course_id, user_id)? {
        return Ok(true);
    }
    let ids: Vec<String> = courses::modules_of(conn, course, false)?.into_iter().map(|m| m.id).collect();
    let done = store::completed_modules(conn, user_id, &ids)?;
    if ids.is_empty() || done.len() < ids.len() {
        return Ok(false);
    }
    let required = quizzes::required_for_completion(conn, &ids)?;
    if quizzes::passed_quizzes(conn, user, &required)?.len() < required.len() {
        return Ok(false);
    }
    store::insert_completion(conn, course_id, user_id, db::now())?;
    Ok(true)
}

/// The quizzes' hook: a graded attempt may complete the course.
pub fn on_graded(conn: &mut AnyConnection, course: &CourseId, user: &UserId) -> Result<(), AppError> {
    update(conn, course, user).map(|_| ())
}
