//! The shared rate-limit events (PostgreSQL): one row per event, keyed by a keyed hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::rate_events;

/// When the `nth` newest event of `key` after `since` happened (counting from 1), if there were that many.
pub fn nth_newest_since(
    conn: &mut AnyConnection,
    key: &str,
    since: NaiveDateTime,
    nth: i64,
) -> Result<Option<NaiveDateTime>, AppError> {
    Ok(rate_events::table
        .filter(rate_events::key_hash.eq(key))
        .filter(rate_events::at.gt(since))
        .order((rate_events::at.desc(), rate_events::id.desc()))
        .offset(nth - 1)
        .select(rate_events::at)
        .first(conn)
        .optional()?)
}

pub fn insert(conn: &mut AnyConnection, key: &str, at: NaiveDateTime) -> Result<(), AppError> {
    diesel::insert_into(rate_events::table)
        .values((rate_events::key_hash.eq(key), rate_events::at.eq(at)))
        .execute(conn)?;
    Ok(())
}

pub fn delete_newest(conn: &mut AnyConnection, key: &str) -> Result<(), AppError> {
    let newest: Option<i64> = rate_events::table
        .filter(rate_events::key_hash.eq(key))
        .select(diesel::dsl::max(rate_events::id))
        .first(conn)?;
    if let Some(id) = newest {
        diesel::delete(rate_events::table.filter(rate_events::id.eq(id))).execute(conn)?;
    }
    Ok(())
}

pub fn delete_key(conn: &mut AnyConnection, key: &str) -> Result<(), AppError> {
    diesel::delete(rate_events::table.filter(rate_events::key_hash.eq(key))).execute(conn)?;
    Ok(())
}

pub fn delete_before(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, AppError> {
    Ok(diesel::delete(rate_events::table.filter(rate_events::at.lt(before))).execute(conn)?)
}
