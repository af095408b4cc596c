//! The progress domain's part of the privacy request: modules and courses completed.

use std::sync::Arc;

use serde_json::{Value, json};

use super::store;
use chrono::NaiveDateTime;

use crate::accounts::privacy::retention::Retention;
use crate::accounts::privacy::{Entry, Erase, Export, Exported, Part};
use crate::core::error::AppError;
use crate::db::AnyConnection;

pub const REGISTER: &[Entry] = &[
    Entry { table: "module_progress", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry { table: "course_completions", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry {
        table: "offline_receipts",
        columns: &["user_id"],
        export: Export::No("privacy-not-exported-receipts"),
        erase: Erase::Delete,
    },
];

pub fn part() -> Part {
    Part { domain: "progress", register: REGISTER, export: Arc::new(export), erase, retain: Some(retain) }
}

fn erase(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    store::forget_person(conn, user_id)?;
    super::offline_store::forget_person(conn, user_id)
}

/// Receipts of steps done offline go after a month.
fn retain(conn: &mut AnyConnection, _: &Retention, now: NaiveDateTime) -> Result<Vec<(&'static str, usize)>, AppError> {
    Ok(vec![("offline_receipts", super::offline::forget_old(conn, now)?)])
}

fn export(conn: &mut AnyConnection, user_id: &str) -> Result<Exported, AppError> {
    let modules: Vec<Value> = store::modules_done_by(conn, user_id)?
        .into_iter()
        .map(|(course, module, at)| json!({"course": course, "module": module, "completed_at": at}))
        .collect();
    let courses: Vec<Value> = store::courses_done_by(conn, user_id)?
        .into_iter()
        .map(|(course, at)| json!({"course": course, "completed_at": at}))
        .collect();
    Ok(Exported { kinds: vec![("progress", json!({"modules": modules, "courses": courses}))], files: Vec::new() })
}
