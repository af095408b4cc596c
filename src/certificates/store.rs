//! Storage of certificates: the only code that names their table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{certificates, course_completions};

#[derive(Debug, Clone, Queryable)]
pub struct Certificate {
    pub id: String,
    pub code: String,
    pub user_id: String,
    pub course_id: String,
    pub holder_name: String,
    pub course_title: String,
    pub locale: String,
    pub hours: Option<i32>,
    pub issuer: String,
    pub issued_at: NaiveDateTime,
    pub public: bool,
    pub revoked_at: Option<NaiveDateTime>,
    pub credential: String,
}

type Columns = (
    certificates::id,
    certificates::code,
    certificates::user_id,
    certificates::course_id,
    certificates::holder_name,
    certificates::course_title,
    certificates::locale,
    certificates::hours,
    certificates::issuer,
    certificates::issued_at,
    certificates::public,
    certificates::revoked_at,
    certificates::credential,
);

fn columns() -> Columns {
    (
        certificates::id,
        certificates::code,
        certificates::user_id,
        certificates::course_id,
        certificates::holder_name,
        certificates::course_title,
        certificates::locale,
        certificates::hours,
        certificates::issuer,
        certificates::issued_at,
        certificates::public,
        certificates::revoked_at,
        certificates::credential,
    )
}

pub fn insert(conn: &mut AnyConnection, c: &Certificate) -> Result<(), AppError> {
    diesel::insert_into(certificates::table)
        .values((
            certificates::id.eq(&c.id),
            certificates::code.eq(&c.code),
            certificates::user_id.eq(&c.user_id),
            certificates::course_id.eq(&c.course_id),
            certificates::holder_name.eq(&c.holder_name),
            certificates::course_title.eq(&c.course_title),
            certificates::locale.eq(&c.locale),
            certificates::hours.eq(c.hours),
            certificates::issuer.eq(&c.issuer),
            certificates::issued_at.eq(c.issued_at),
            certificates::public.eq(c.public),
            certificates::credential.eq(&c.credential),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<Certificate>, AppError> {
    Ok(certificates::table.filter(certificates::id.eq(id)).select(columns()).first(conn).optional()?)
}

pub fn find_by_code(conn: &mut AnyConnection, code: &str) -> Result<Option<Certificate>, AppError> {
    Ok(certificates::table.filter(certificates::code.eq(code)).select(columns()).first(conn).optional()?)
}

pub fn of_user(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<Certificate>, AppError> {
    Ok(certificates::table
        .filter(certificates::user_id.eq(user_id))
        .order(certificates::issued_at.desc())
        .select(columns())
        .load(conn)?)
}

pub fn set_public(conn: &mut AnyConnection, id: &str, public: bool) -> Result<(), AppError> {
    diesel::update(certificates::table.filter(certificates::id.eq(id)))
        .set(certificates::public.eq(public))
        .execute(conn)?;
    Ok(())
}

pub fn revoke(conn: &mut AnyConnection, id: &str, at: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(certificates::table.filter(certificates::id.eq(id)).filter(certificates::revoked_at.is_null()))
        .set(certificates::revoked_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// Completions that have no certificate yet: (course id, user id).
pub fn completions_without_certificate(
    conn: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(course_completions::table
        .left_join(
            certificates::table.on(certificates::course_id
                .eq(course_completions::course_id)
                .and(certificates::user_id.eq(course_completions::user_id))),
        )
        .filter(certificates::id.is_null())
        .select((course_completions::course_id, course_completions::user_id))
        .limit(limit)
        .load(conn)?)
}

/// How many unrevoked certificates `user_ids` hold for `course_ids`.
pub fn count_held(conn: &mut AnyConnection, course_ids: &[String], user_ids: &[String]) -> Result<i64, AppError> {
    let mut total = 0;
    for chunk in user_ids.chunks(500) {
        let n: i64 = certificates::table
            .filter(certificates::course_id.eq_any(course_ids))
            .filter(certificates::user_id.eq_any(chunk))
            .filter(certificates::revoked_at.is_null())
            .count()
            .get_result(conn)?;
        total += n;
    }
    Ok(total)
}

/// Erasure: her certificates go, so their codes verify as unknown ones do.
pub fn forget_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(certificates::table.filter(certificates::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}
