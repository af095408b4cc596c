//! Storage of drafted decisions: the only code that names their table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{Application, Decision};
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::drafted_decisions;

/// Records (or replaces) the drafted decision on an application.
pub fn put_draft(
    conn: &mut AnyConnection,
    application: &Application,
    decision: Decision,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    delete_draft(conn, &application.id)?;
    diesel::insert_into(drafted_decisions::table)
        .values((
            drafted_decisions::application_id.eq(&application.id),
            drafted_decisions::programme_id.eq(&application.programme_id),
            drafted_decisions::decision.eq(decision.code()),
            drafted_decisions::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_draft(conn: &mut AnyConnection, application_id: &str) -> Result<(), AppError> {
    diesel::delete(drafted_decisions::table.filter(drafted_decisions::application_id.eq(application_id)))
        .execute(conn)?;
    Ok(())
}

/// A programme's drafted decisions, oldest first: (application id, decision).
pub fn drafts_of(conn: &mut AnyConnection, programme_id: &str) -> Result<Vec<(String, Decision)>, AppError> {
    let rows: Vec<(String, String)> = drafted_decisions::table
        .filter(drafted_decisions::programme_id.eq(programme_id))
        .order((drafted_decisions::created_at.asc(), drafted_decisions::application_id.asc()))
        .select((drafted_decisions::application_id, drafted_decisions::decision))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, code)| {
            Decision::parse(&code)
                .map(|d| (id, d))
                .ok_or_else(|| AppError::internal(format!("stored decision {code:?}")))
        })
        .collect()
}
