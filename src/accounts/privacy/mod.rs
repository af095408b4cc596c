//! The privacy request: a person sees, takes and erases what Pravo holds about her (GDPR articles 15, 17
//! and 20, instantly and by herself). Accounts drives it; each domain declares its own part (the tables it
//! owns that refer to a person, and how each is exported and erased) and app.rs hands the parts in, so
//! accounts never imports a domain above it. `register()` lists every table a person appears in; a test
//! checks it against the database schema, so a new table that names a user cannot be forgotten.

pub mod api;
mod archive;
mod own;
pub mod retention;

pub use own::erased_placeholder;

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;

use super::model::{AuditRecord, Role, User};
use super::{reauthenticate, store};
use crate::auth::ratelimit::RateLimiter;
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;

/// One table that refers to a person: which columns do, and what export and erasure do with its rows.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub table: &'static str,
    /// The columns that hold her id or her words.
    pub columns: &'static [&'static str],
    /// Whether her rows are in the export (and if not, the Fluent id of why).
    pub export: Export,
    pub erase: Erase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Yes,
    /// Not exported; the reason is a Fluent message id.
    No(&'static str),
}

/// What erasure does with her rows. Reasons are Fluent message ids, shown on the privacy page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    Delete,
    /// The row stays for others' sake with her link and words removed.
    Anonymise(&'static str),
    /// The row stays as it is, because it holds only ids.
    Keep(&'static str),
}

/// What one domain exports about a person: kinds of data, each a JSON file in the archive, and files.
#[derive(Debug, Default)]
pub struct Exported {
    pub kinds: Vec<(&'static str, Value)>,
    pub files: Vec<(String, Vec<u8>)>,
}

pub type ExportFn = Arc<dyn Fn(&mut AnyConnection, &str) -> Result<Exported, AppError> + Send + Sync>;
pub type EraseFn = fn(&mut AnyConnection, &str) -> Result<(), AppError>;

/// One domain's part of the privacy request.
#[derive(Clone)]
pub struct Part {
    pub domain: &'static str,
    pub register: &'static [Entry],
    pub export: ExportFn,
    /// Runs inside the erasure's transaction, before the person's account row is deleted.
    pub erase: EraseFn,
    /// What this domain keeps only for a while, erased when due.
    pub retain: Option<retention::RetainFn>,
}

/// The parts of every domain above accounts, in domain order (app.rs builds it).
#[derive(Clone, Default)]
pub struct Parts(Vec<Part>);

impl Parts {
    pub fn new(parts: Vec<Part>) -> Self {
        Parts(parts)
    }

    /// Every table that refers to a person, with what export and erasure do.
    pub fn register(&self) -> Vec<(&'static str, Entry)> {
        let own = own::REGISTER.iter().map(|e| ("accounts", *e));
        own.chain(self.0.iter().flat_map(|p| p.register.iter().map(|e| (p.domain, *e)))).collect()
    }
}

/// Where erasure finds the person's files outside the database.
#[derive(Debug, Clone)]
pub struct Files {
    /// Outgoing mail written as .eml files (no SMTP server), named by outbox id.
    pub eml_dir: PathBuf,
}

/// The archive of everything Pravo holds about `user`, after she proved it is her (`current_password`).
/// A ZIP with one JSON file per kind, her certificates' PDFs, and an HTML index in her language.
pub async fn export(
    db: &Db,
    limits: &RateLimiter,
    parts: &Parts,
    user: &User,
    current_password: &str,
    totp: Option<&str>,
) -> Result<Vec<u8>, AppError> {
    reauthenticate(db, limits, user, current_password, totp).await?;
    let (parts, id, locale) = (parts.clone(), user.id.clone(), user.locale);
    db.run(move |conn| {
        let mut all = vec![own::export(conn, &id)?];
        for part in &parts.0 {
            all.push((part.export)(conn, &id)?);
        }
        archive::build(locale, &all)
    })
    .await
}

/// Who asked for an erasure.
pub enum ErasedBy<'a> {
    Herself,
    Admin {
        admin: &'a User,
        reason: &'a str,
    },
    /// Retention: nobody used the account for the configured time, and the warning went unanswered.
    Inactivity,
}

/// Erases an account and everything that refers to it, in one transaction: rows are deleted, or kept for
/// others' sake with her link and words removed (the register says which, and why). Then the .eml files
/// addressed to her are deleted and, on SQLite, the write-ahead log is emptied into the overwritten file.
/// The last administrator cannot be erased (409).
pub async fn erase(db: &Db, parts: &Parts, files: &Files, target_id: &str, by: ErasedBy<'_>) -> Result<(), AppError> {
    let (actor_id, details) = match by {
        ErasedBy::Herself => (Some(target_id.to_owned()), serde_json::json!({"by": "self"})),
        ErasedBy::Admin { admin, reason } => {
            (Some(admin.id.clone()), serde_json::json!({"by": "admin", "reason": reason.trim()}))
        }
        ErasedBy::Inactivity => (None, serde_json::json!({"by": "retention", "reason": "inactive"})),
    };
    let (parts, target) = (parts.clone(), target_id.to_owned());
    let mail_ids = db
        .write(move |conn| {
            let user = store::find_by_id(conn, &target)?.ok_or(AppError::NotFound)?;
            if user.role == Role::Admin {
                let admins = store::lock_admin_ids(conn)?;
                if admins.len() <= 1 {
                    return Err(AppError::Conflict(Msg::new("error-last-admin-erase")));
                }
            }
            for part in parts.0.iter().rev() {
                (part.erase)(conn, &target)?;
            }
            let mail_ids = own::erase(conn, &user)?;
            let details = details.to_string();
            let record = AuditRecord {
                at: db::now(),
                actor_id: actor_id.as_deref(),
                action: "account.erased",
                target_user_id: Some(&target),
                details: &details,
            };
            crate::accounts::append_audit(conn, &record)?;
            Ok(mail_ids)
        })
        .await?;
    for id in mail_ids {
        let path = files.eml_dir.join(format!("{id}.eml"));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(error = %e, "could not delete an erased person's .eml file"),
        }
    }
    db.run(db::scrub).await
}

/// Whether `user` may be erased now (the last administrator may not): the account page asks before it
/// offers the button.
pub async fn erasable(db: &Db, user: &User) -> Result<bool, AppError> {
    if user.role != Role::Admin {
        return Ok(true);
    }
    Ok(db.run(store::count_admins).await? > 1)
}

/// The archive's file name: neutral (no site, course or topic), dated.
pub fn archive_name(today: chrono::NaiveDate) -> String {
    format!("my-data-{}.zip", today.format("%Y-%m-%d"))
}

/// The longest reason kept.
pub const REASON_MAX: usize = 500;

/// The reason, checked: present and not too long.
pub fn checked_reason(reason: &str) -> Result<&str, AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("reason", Msg::new("error-required")));
    }
    if reason.chars().count() > REASON_MAX || reason.chars().any(char::is_control) {
        return Err(AppError::field("reason", Msg::new("error-reason-too-long").with("max", REASON_MAX)));
    }
    Ok(reason)
}
