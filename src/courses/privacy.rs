//! The courses domain's part of the privacy request: enrolments, teaching places, texts written.

use std::sync::Arc;

use serde_json::{Value, json};

use super::store;
use crate::accounts::privacy::{Entry, Erase, Export, Exported, Part};
use crate::core::error::AppError;
use crate::db::AnyConnection;

pub const REGISTER: &[Entry] = &[
    Entry { table: "enrolments", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry { table: "course_trainers", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry {
        table: "module_revisions",
        columns: &["author_id"],
        export: Export::Yes,
        erase: Erase::Anonymise("privacy-kept-course-text"),
    },
];

pub fn part() -> Part {
    Part { domain: "courses", register: REGISTER, export: Arc::new(export), erase: store::forget_person, retain: None }
}

fn export(conn: &mut AnyConnection, user_id: &str) -> Result<Exported, AppError> {
    let enrolments: Vec<Value> = store::enrolments_of(conn, user_id)?
        .into_iter()
        .map(|(course, at, last)| json!({"course": course, "enrolled_at": at, "last_activity_at": last}))
        .collect();
    let teaching = store::taught_by(conn, user_id)?;
    let revisions: Vec<Value> = store::revisions_by(conn, user_id)?
        .into_iter()
        .map(|(course, module, revision, language, at)| {
            json!({"course": course, "module": module, "revision": revision, "language": language, "written_at": at})
        })
        .collect();
    let mut kinds = vec![("enrolments", Value::Array(enrolments))];
    if !teaching.is_empty() || !revisions.is_empty() {
        kinds.push(("teaching", json!({"courses": teaching, "module_revisions_written": revisions})));
    }
    Ok(Exported { kinds, files: Vec::new() })
}
