//! Retention: nothing kept longer than needed. Each domain that keeps something for a limited time
//! declares a retention step in its privacy part; `pravo retention run` and the server's daily run call
//! them all and report what was erased, by kind (counts only). Accounts adds its own: the records of
//! sent mail, and (when an operator turns it on) accounts nobody used for months, warned first.

use chrono::NaiveDateTime;

use super::{ErasedBy, Files, Parts, erase};
use crate::accounts::{notify, store};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::mail::MailSettings;

/// How long an account is warned before an inactivity erasure.
pub const WARNING_DAYS: u32 = 30;

/// How long things are kept; 0 keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Applications that were not awarded, after their decision (or their call's closing).
    pub applications_months: u32,
    /// Unsent drafts, after their call closed.
    pub drafts_days: u32,
    /// Records of sent or abandoned emails.
    pub mail_days: u32,
    /// Accounts nobody used for this long are erased (after a warning); 0: never.
    pub inactive_months: u32,
}

impl Retention {
    pub fn from_settings(settings: &crate::config::Settings) -> Self {
        Retention {
            applications_months: settings.retain_applications_months,
            drafts_days: settings.retain_drafts_days,
            mail_days: settings.retain_mail_days,
            inactive_months: settings.inactive_account_months,
        }
    }

    /// The moment before which something kept `days` days is due, or none when kept for ever.
    pub fn days_before(now: NaiveDateTime, days: u32) -> Option<NaiveDateTime> {
        (days > 0).then(|| now - chrono::Duration::days(i64::from(days)))
    }

    pub fn months_before(now: NaiveDateTime, months: u32) -> Option<NaiveDateTime> {
        (months > 0).then(|| now.checked_sub_months(chrono::Months::new(months)).unwrap_or(NaiveDateTime::MIN))
    }
}

/// One domain's retention step: erases what is due at `now`; returns counts per kind.
pub type RetainFn = fn(&mut AnyConnection, &Retention, NaiveDateTime) -> Result<Vec<(&'static str, usize)>, AppError>;

/// What a retention run needs: the rules, each domain's part, where files are, and how to warn.
#[derive(Clone)]
pub struct Keeper {
    pub rules: Retention,
    pub parts: Parts,
    pub files: Files,
    pub mail: MailSettings,
    /// Where a warned person signs in to keep her account.
    pub login_url: String,
}

/// Every retention step, inside the caller's write transaction.
fn steps(
    conn: &mut AnyConnection,
    keeper: &Keeper,
    now: NaiveDateTime,
) -> Result<Vec<(&'static str, usize)>, AppError> {
    let mut counts = Vec::new();
    if let Some(before) = Retention::days_before(now, keeper.rules.mail_days) {
        counts.push(("mail_records", crate::mail::forget_old_messages(conn, before)?));
    }
    for part in &keeper.parts.0 {
        if let Some(retain) = part.retain {
            counts.extend(retain(conn, &keeper.rules, now)?);
        }
    }
    if keeper.rules.inactive_months > 0 {
        counts.push(("accounts_warned", warn_inactive(conn, keeper, now)?));
    }
    Ok(counts)
}

/// Warns the accounts that will be due in `WARNING_DAYS` days, by email when they have an address (the
/// warning is recorded either way: the clock starts for everyone alike).
fn warn_inactive(conn: &mut AnyConnection, keeper: &Keeper, now: NaiveDateTime) -> Result<usize, AppError> {
    let months = keeper.rules.inactive_months;
    let warning = chrono::Duration::days(i64::from(WARNING_DAYS));
    let Some(since) = Retention::months_before(now + warning, months) else { return Ok(0) };
    let users = store::inactive_unwarned(conn, since)?;
    for user in &users {
        store::set_inactivity_warned(conn, &user.id, now)?;
        if let Some(email) = &user.email {
            notify::inactivity_warning(conn, &keeper.mail, user, email, months, now + warning, &keeper.login_url)?;
        }
    }
    Ok(users.len())
}

/// Runs every retention step in one transaction, then erases the inactive accounts that are due (each
/// in its own erasure); returns what was erased, by kind.
pub async fn run(db: &Db, keeper: &Keeper) -> Result<Vec<(&'static str, usize)>, AppError> {
    let step_keeper = keeper.clone();
    let mut counts = db.write(move |conn| steps(conn, &step_keeper, db::now())).await?;
    if keeper.rules.inactive_months > 0 {
        let months = keeper.rules.inactive_months;
        let due = db
            .run(move |conn| {
                let now = db::now();
                let since = Retention::months_before(now, months).unwrap_or(NaiveDateTime::MIN);
                let warned_before = now - chrono::Duration::days(i64::from(WARNING_DAYS));
                store::inactive_due(conn, since, warned_before)
            })
            .await?;
        let mut erased = 0;
        for id in due {
            match erase(db, &keeper.parts, &keeper.files, &id, ErasedBy::Inactivity).await {
                Ok(()) => erased += 1,
                Err(AppError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        counts.push(("inactive_accounts_erased", erased));
    }
    if counts.iter().any(|(_, n)| *n > 0) {
        db.run(db::scrub).await?;
    }
    Ok(counts)
}
