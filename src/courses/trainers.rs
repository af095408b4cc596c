//! Who teaches a course: administrators put trainers on a course and take them off, from the web as
//! through the API. A trainer put on a course finds a notice in her inbox.

use super::model::Course;
use super::store;
use crate::accounts::model::{Role, User};
use crate::accounts::{self, error_msg};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::mail::notices;

/// A course and its trainers: (user id, handle), by handle.
pub struct CourseTrainers {
    pub course: Course,
    pub trainers: Vec<(String, String)>,
}

fn admins_course(conn: &mut AnyConnection, actor: &User, slug: &str) -> Result<Course, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    store::find_course(conn, slug)?.ok_or(AppError::NotFound)
}

/// The trainers of a course (administrators).
pub async fn course_trainers(db: &Db, actor: &User, slug: &str) -> Result<CourseTrainers, AppError> {
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.read(move |conn| {
        let course = admins_course(conn, &actor, &slug)?;
        let trainers = store::trainers_of(conn, &course.id)?;
        Ok(CourseTrainers { course, trainers })
    })
    .await
}

/// Puts `target` on the course's trainers (she must be a trainer or an administrator; `field` names the
/// form field an error belongs to) and leaves her a notice.
pub(super) fn put_on_course(
    conn: &mut AnyConnection,
    course: &Course,
    target: &User,
    field: &str,
) -> Result<(), AppError> {
    if target.role == Role::Scholar {
        return Err(AppError::field(field, error_msg("user-not-trainer")));
    }
    store::add_trainer(conn, &course.id, &target.id)?;
    let key = format!("course-assigned:{}:{}", course.id, db::now().and_utc().timestamp_micros());
    let link = format!("/trainer/courses/{}", course.slug);
    notices::leave(conn, &target.id, notices::Kind::CourseAssigned, &link, &key)
}

/// An administrator puts the account with `handle` on the course's trainers.
pub async fn add_trainer_by_handle(db: &Db, actor: &User, slug: &str, handle: &str) -> Result<User, AppError> {
    let (actor, slug, key) = (actor.clone(), slug.to_owned(), accounts::model::handle_key(handle.trim()));
    db.write(move |conn| {
        let course = admins_course(conn, &actor, &slug)?;
        let target = accounts::user_by_handle_key(conn, &key)?
            .ok_or_else(|| AppError::field("handle", error_msg("user-unknown")))?;
        put_on_course(conn, &course, &target, "handle")?;
        Ok(target)
    })
    .await
}

/// An administrator takes someone off the course's trainers (404 if they were not on it).
pub async fn remove_trainer(db: &Db, actor: &User, slug: &str, user_id: &str) -> Result<(), AppError> {
    let (actor, slug, user_id) = (actor.clone(), slug.to_owned(), user_id.to_owned());
    db.write(move |conn| {
        let course = admins_course(conn, &actor, &slug)?;
        if store::remove_trainer(conn, &course.id, &user_id)? { Ok(()) } else { Err(AppError::NotFound) }
    })
    .await
}
