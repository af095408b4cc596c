//! The scholarships domain's part of the privacy request: her applications with their answers, the
//! reviews she wrote (never the reviews of her own applications: reviewers stay anonymous to
//! applicants), her reviewer places and cohorts.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value, json};

use super::store;
use chrono::NaiveDateTime;

use crate::accounts::privacy::retention::Retention;
use crate::accounts::privacy::{Entry, Erase, Export, Exported, Part};
use crate::core::error::AppError;
use crate::db::AnyConnection;

pub const REGISTER: &[Entry] = &[
    Entry {
        table: "applications",
        columns: &["user_id", "organisation", "country", "experience", "motivation", "answers"],
        export: Export::Yes,
        erase: Erase::Delete,
    },
    Entry {
        table: "reviews",
        columns: &["reviewer_id", "comment"],
        export: Export::Yes,
        erase: Erase::Anonymise("privacy-kept-review-scores"),
    },
    Entry { table: "programme_reviewers", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry { table: "cohort_members", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry {
        table: "programmes",
        columns: &["created_by"],
        export: Export::Yes,
        erase: Erase::Anonymise("privacy-kept-programme"),
    },
];

pub fn part() -> Part {
    Part { domain: "scholarships", register: REGISTER, export: Arc::new(export), erase, retain: Some(retain) }
}

/// Applications that were not awarded go some months after their decision; drafts of closed calls go
/// some days after the closing.
fn retain(conn: &mut AnyConnection, r: &Retention, now: NaiveDateTime) -> Result<Vec<(&'static str, usize)>, AppError> {
    let decided_before = Retention::months_before(now, r.applications_months).unwrap_or(NaiveDateTime::MIN);
    let drafts_before = Retention::days_before(now, r.drafts_days).unwrap_or(NaiveDateTime::MIN);
    let (old, drafts) = store::forget_old_applications(conn, decided_before, drafts_before)?;
    Ok(vec![("applications_not_awarded", old), ("application_drafts", drafts)])
}

fn erase(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    store::forget_person(conn, user_id, crate::accounts::privacy::erased_placeholder)
}

fn export(conn: &mut AnyConnection, user_id: &str) -> Result<Exported, AppError> {
    let mut titles: HashMap<String, String> = HashMap::new();
    let mut title = |conn: &mut AnyConnection, id: &str| -> Result<String, AppError> {
        if let Some(t) = titles.get(id) {
            return Ok(t.clone());
        }
        let t = store::find_programme(conn, id)?.map(|p| p.title.clone()).unwrap_or_default();
        titles.insert(id.to_owned(), t.clone());
        Ok(t)
    };
    let mut applications = Vec::new();
    for a in store::applications_of_user(conn, user_id)? {
        applications.push(json!({
            "programme": title(conn, &a.programme_id)?,
            "status": a.status.code(),
            "organisation": a.organisation,
            "country": a.country,
            "experience": a.experience,
            "motivation": a.motivation,
            "answers": a.answers,
            "consent": a.consent,
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "submitted_at": a.submitted_at,
            "decided_at": a.decided_at,
        }));
    }
    let mut reviews = Vec::new();
    for r in store::reviews_by(conn, user_id)? {
        let programme = match store::find_application(conn, &r.application_id)? {
            Some(a) => title(conn, &a.programme_id)?,
            None => String::new(),
        };
        reviews.push(json!({
            "programme": programme,
            "application": r.application_id,
            "conflict_declared": r.conflict,
            "scores": r.scores,
            "comment": r.comment,
            "updated_at": r.updated_at,
        }));
    }
    let mut reviewing = Vec::new();
    for id in store::programmes_reviewed_by(conn, user_id)? {
        reviewing.push(Value::String(title(conn, &id)?));
    }
    let cohorts: Vec<Value> = store::cohorts_of(conn, user_id)?
        .into_iter()
        .map(|(programme, joined, source)| json!({"programme": programme, "joined_at": joined, "source": source}))
        .collect();
    let mut kinds = vec![("applications", Value::Array(applications)), ("cohorts", Value::Array(cohorts))];
    if !reviews.is_empty() || !reviewing.is_empty() {
        kinds.push(("reviews", json!({"reviewer_of": reviewing, "reviews_written": reviews})));
    }
    let created = store::programmes_created_by(conn, user_id)?;
    if !created.is_empty() {
        kinds.push(("programmes_created", json!(created)));
    }
    Ok(Exported { kinds, files: Vec::new() })
}
