//! The notices' SQL (private to the mail layer; `notices.rs` is its public face).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::schema::notices;
use crate::db::{self, AnyConnection};
use crate::db_match;

pub type Row = (String, String, String, NaiveDateTime, Option<NaiveDateTime>);

pub fn insert(
    conn: &mut AnyConnection,
    user_id: &str,
    kind: &str,
    link: &str,
    dedupe_key: &str,
) -> Result<(), AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let row = (
        notices::id.eq(&id),
        notices::user_id.eq(user_id),
        notices::kind.eq(kind),
        notices::link.eq(link),
        notices::dedupe_key.eq(dedupe_key),
        notices::created_at.eq(db::now()),
    );
    db_match!(conn,
        sqlite => diesel::insert_into(notices::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(notices::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

pub fn newest(conn: &mut AnyConnection, user_id: &str, limit: i64) -> Result<Vec<Row>, AppError> {
    Ok(notices::table
        .filter(notices::user_id.eq(user_id))
        .order((notices::created_at.desc(), notices::id.desc()))
        .limit(limit)
        .select((notices::id, notices::kind, notices::link, notices::created_at, notices::read_at))
        .load(conn)?)
}

pub fn count_unread(conn: &mut AnyConnection, user_id: &str) -> Result<i64, AppError> {
    Ok(notices::table
        .filter(notices::user_id.eq(user_id))
        .filter(notices::read_at.is_null())
        .count()
        .get_result(conn)?)
}

pub fn link_of(conn: &mut AnyConnection, user_id: &str, id: &str) -> Result<Option<String>, AppError> {
    Ok(notices::table
        .filter(notices::id.eq(id))
        .filter(notices::user_id.eq(user_id))
        .select(notices::link)
        .first(conn)
        .optional()?)
}

/// Marks unread notices of `user_id` read: one (`Some(id)`) or all.
pub fn mark_read(conn: &mut AnyConnection, user_id: &str, id: Option<&str>) -> Result<usize, AppError> {
    let unread = notices::table.filter(notices::user_id.eq(user_id)).filter(notices::read_at.is_null());
    let now = db::now();
    Ok(match id {
        Some(id) => diesel::update(unread.filter(notices::id.eq(id))).set(notices::read_at.eq(now)).execute(conn)?,
        None => diesel::update(unread).set(notices::read_at.eq(now)).execute(conn)?,
    })
}

pub fn delete_all(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(notices::table.filter(notices::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}
