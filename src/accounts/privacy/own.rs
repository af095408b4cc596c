//! The accounts domain's own part of the privacy request: the account, its sessions and recovery codes,
//! the audit entries about her, and the mail addressed to her (the outbox, which knows no domain).

use serde_json::{Value, json};

use super::{Entry, Erase, Export, Exported};
use crate::accounts::model::{Role, User, handle_key};
use crate::accounts::store;
use crate::core::error::AppError;
use crate::db::{self, AnyConnection};
use crate::i18n::Locale;

pub const REGISTER: &[Entry] = &[
    Entry {
        table: "users",
        columns: &[
            "id",
            "handle",
            "handle_key",
            "handle_skeleton",
            "email",
            "email_pending",
            "certificate_name",
            "password_hash",
        ],
        export: Export::Yes,
        erase: Erase::Delete,
    },
    Entry {
        table: "recovery_codes",
        columns: &["user_id"],
        export: Export::No("privacy-not-exported-hashes"),
        erase: Erase::Delete,
    },
    Entry { table: "sessions", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
    Entry {
        table: "audit_log",
        columns: &["actor_id", "target_user_id"],
        export: Export::Yes,
        erase: Erase::Keep("privacy-kept-audit"),
    },
    Entry { table: "outbox", columns: &["user_id", "recipient"], export: Export::Yes, erase: Erase::Delete },
    Entry { table: "notices", columns: &["user_id"], export: Export::Yes, erase: Erase::Delete },
];

pub fn export(conn: &mut AnyConnection, user_id: &str) -> Result<Exported, AppError> {
    let user = store::find_by_id(conn, user_id)?.ok_or(AppError::NotFound)?;
    let account = json!({
        "id": user.id,
        "handle": user.handle,
        "role": user.role.as_str(),
        "language": user.locale.code(),
        "email": user.email,
        "email_pending": user.email_pending,
        "certificate_name": user.certificate_name,
        "reminders_off": user.reminders_off,
        "certificates_by_email": user.certificates_by_email,
        "last_signed_in_through_onion_address": user.via_onion,
        "created_at": user.created_at,
        "unused_recovery_codes": store::count_unused_recovery_codes(conn, user_id)?,
    });
    let sessions: Vec<Value> = store::all_sessions(conn, user_id)?
        .into_iter()
        .map(|(_, _, device, started, last_seen, expires, ended)| {
            json!({"device": device, "started_at": started, "last_seen_at": last_seen, "expires_at": expires, "ended_at": ended})
        })
        .collect();
    let audit: Vec<Value> = store::audit_about(conn, user_id)?
        .into_iter()
        .map(|(at, action, by_her, details)| {
            let details: Value = serde_json::from_str(&details).unwrap_or(Value::String(details));
            json!({"at": at, "action": action, "by": if by_her { "you" } else { "staff or the system" }, "details": details})
        })
        .collect();
    let mail = crate::mail::messages_to(conn, user_id, user.email.as_deref())?;
    let notices = crate::mail::notices::of(conn, user_id, i64::MAX)?;
    Ok(Exported {
        kinds: vec![
            ("account", account),
            ("sessions", Value::Array(sessions)),
            ("audit", Value::Array(audit)),
            ("mail", serde_json::to_value(mail).map_err(|e| AppError::internal(e.to_string()))?),
            ("notices", serde_json::to_value(notices).map_err(|e| AppError::internal(e.to_string()))?),
        ],
        files: Vec::new(),
    })
}

/// Deletes the account and what only it refers to; returns the ids of the messages to her that were
/// forgotten (their .eml files go after the commit). Audit entries keep her id: it names nobody now.
pub fn erase(conn: &mut AnyConnection, user: &User) -> Result<Vec<String>, AppError> {
    let mail = crate::mail::forget_messages_to(conn, &user.id, user.email.as_deref())?;
    crate::mail::notices::forget(conn, &user.id)?;
    store::delete_person(conn, &user.id)?;
    Ok(mail)
}

/// A stand-in account for rows that must outlive an erased person for others' sake (a review that other
/// applicants' ranking depends on): a fresh id and an "erased-…" handle, no password, no email.
pub fn erased_placeholder(conn: &mut AnyConnection) -> Result<String, AppError> {
    let id = uuid::Uuid::new_v4().to_string();
    let handle = format!("erased-{}", &id[..8]);
    let now = db::now();
    let new = store::NewUser {
        id: &id,
        handle: &handle,
        handle_key: &handle_key(&handle),
        password_hash: None,
        role: Role::Scholar.as_str(),
        locale: Locale::En.code(),
        email: None,
        valid_after: now,
        created_at: now,
        handle_skeleton: &crate::accounts::model::handle_skeleton(&handle),
        admin_since: None,
    };
    store::insert_user(conn, &new)?;
    Ok(id)
}
