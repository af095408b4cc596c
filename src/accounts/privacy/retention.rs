//! Retention: nothing kept longer than needed. Each domain that keeps something for a limited time
//! declares a retention step in its privacy part; `pravo retention run` and the server's daily run call
//! them all and report what was erased, by kind (counts only).

use chrono::NaiveDateTime;

use super::Parts;
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};

/// How long things are kept; 0 keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Applications that were not awarded, after their decision (or their call's closing).
    pub applications_months: u32,
    /// Unsent drafts, after their call closed.
    pub drafts_days: u32,
    /// Records of sent or abandoned emails.
    pub mail_days: u32,
}

impl Retention {
    pub fn from_settings(settings: &crate::config::Settings) -> Self {
        Retention {
            applications_months: settings.retain_applications_months,
            drafts_days: settings.retain_drafts_days,
            mail_days: settings.retain_mail_days,
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

/// Accounts' own step: the records of emails sent or given up.
fn own(
    conn: &mut AnyConnection,
    retention: &Retention,
    now: NaiveDateTime,
) -> Result<Vec<(&'static str, usize)>, AppError> {
    match Retention::days_before(now, retention.mail_days) {
        Some(before) => Ok(vec![("mail_records", crate::mail::forget_old_messages(conn, before)?)]),
        None => Ok(Vec::new()),
    }
}

/// Every retention step, inside the caller's write transaction.
fn steps(
    conn: &mut AnyConnection,
    parts: &Parts,
    retention: &Retention,
) -> Result<Vec<(&'static str, usize)>, AppError> {
    let now = db::now();
    let mut counts = own(conn, retention, now)?;
    for part in &parts.0 {
        if let Some(retain) = part.retain {
            counts.extend(retain(conn, retention, now)?);
        }
    }
    Ok(counts)
}

/// `pravo retention run`: every step in one transaction on a plain connection, then the scrub.
pub fn run_now(
    conn: &mut AnyConnection,
    parts: &Parts,
    retention: Retention,
) -> Result<Vec<(&'static str, usize)>, AppError> {
    let counts = db::write_transaction(conn, |conn| steps(conn, parts, &retention))?;
    if counts.iter().any(|(_, n)| *n > 0) {
        db::scrub(conn)?;
    }
    Ok(counts)
}

/// The server's daily run: every step in one transaction; returns what was erased, by kind.
pub async fn run(db: &Db, parts: &Parts, retention: Retention) -> Result<Vec<(&'static str, usize)>, AppError> {
    let parts = parts.clone();
    let counts = db.write(move |conn| steps(conn, &parts, &retention)).await?;
    if counts.iter().any(|(_, n)| *n > 0) {
        db.run(db::scrub).await?;
    }
    Ok(counts)
}
