//! Storage of offline receipts: the only code that names their table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::offline_receipts;
use crate::db_match;

/// The outcome recorded for a step already received, if it was.
pub fn receipt(conn: &mut AnyConnection, user_id: &str, client_id: &str) -> Result<Option<String>, AppError> {
    Ok(offline_receipts::table
        .filter(offline_receipts::user_id.eq(user_id))
        .filter(offline_receipts::client_id.eq(client_id))
        .select(offline_receipts::outcome)
        .first(conn)
        .optional()?)
}

/// Records a step's outcome (once: a second batch racing the first keeps the first's).
pub fn put_receipt(
    conn: &mut AnyConnection,
    user_id: &str,
    client_id: &str,
    outcome: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (
        offline_receipts::user_id.eq(user_id),
        offline_receipts::client_id.eq(client_id),
        offline_receipts::outcome.eq(outcome),
        offline_receipts::created_at.eq(now),
    );
    db_match!(conn,
        sqlite => diesel::insert_into(offline_receipts::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(offline_receipts::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

pub fn forget_before(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, AppError> {
    Ok(diesel::delete(offline_receipts::table.filter(offline_receipts::created_at.lt(before))).execute(conn)?)
}

pub fn forget_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(offline_receipts::table.filter(offline_receipts::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}
