//! Reminders: a scholar whose unfinished courses have all been quiet for `reminder_days` gets one email
//! per period of that length, at most [`MAX_IN_A_ROW`] for one quiet stretch, each with a link that
//! turns reminders off without signing in. The email names no course (someone else may read it), and one
//! email covers all of a scholar's courses. Each reminder has its own outbox key, so several instances
//! scanning at once still queue it once.

pub mod pages;
mod views;

use chrono::NaiveDateTime;

use crate::accounts::model::User;
use crate::auth::tokens::{TokenKind, Tokens};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::i18n::{Arg, Locale, t, t_with};
use crate::mail::{self, MailSettings, Outgoing};
use views::Reachable;

/// Reminders for one quiet stretch; after that, silence until the scholar comes back.
pub const MAX_IN_A_ROW: i64 = 3;

/// What the reminder pass needs.
#[derive(Clone)]
pub struct ReminderSettings {
    /// Days of quiet before a reminder; 0 turns reminders off.
    pub days: u32,
    pub base_url: String,
    /// The onion address, for scholars who last signed in through it.
    pub onion_url: Option<String>,
    pub site_name: String,
    pub tokens: Tokens,
    pub mail: MailSettings,
}

/// Which reminder of the quiet stretch is due now (1, 2, …), if any.
pub fn period_due(last_seen: NaiveDateTime, now: NaiveDateTime, days: u32) -> Option<i64> {
    if days == 0 {
        return None;
    }
    let quiet_days = (now - last_seen).num_days();
    let period = quiet_days / i64::from(days);
    (1..=MAX_IN_A_ROW).contains(&period).then_some(period)
}

/// Queues the reminders that are due; returns how many were new.
pub fn queue_due(conn: &mut AnyConnection, rs: &ReminderSettings, now: NaiveDateTime) -> Result<usize, AppError> {
    if rs.days == 0 {
        return Ok(0);
    }
    let before = now - chrono::Duration::days(i64::from(rs.days));
    let mut queued = 0;
    for scholar in views::quiet_since(conn, before)? {
        let Some(period) = period_due(scholar.last_seen, now, rs.days) else { continue };
        if queue_one(conn, rs, &scholar, period, (now - scholar.last_seen).num_days())? {
            queued += 1;
        }
    }
    Ok(queued)
}

fn queue_one(
    conn: &mut AnyConnection,
    rs: &ReminderSettings,
    s: &Reachable,
    period: i64,
    days: i64,
) -> Result<bool, AppError> {
    let l = Locale::parse(&s.locale).unwrap_or_default();
    let token = rs.tokens.issue(TokenKind::ReminderOptOut, &s.user_id)?.token;
    let site = crate::config::site_url(&rs.base_url, rs.onion_url.as_deref(), s.via_onion);
    let mut body = t_with(l, "mail-greeting", &[("handle", Arg::Text(s.handle.clone()))]);
    for paragraph in [
        t_with(l, "mail-reminder-intro", &[("days", Arg::Number(days))]),
        format!("{site}/courses"),
        t(l, "mail-reminder-opt-out"),
        format!("{site}/reminders?token={token}"),
        t(l, "mail-signature"),
    ] {
        body.push_str("\n\n");
        body.push_str(&paragraph);
    }
    body.push('\n');
    mail::enqueue(
        conn,
        &rs.mail,
        Outgoing {
            kind: "reminder",
            dedupe_key: format!("reminder:{}:{}:{period}", s.user_id, s.last_seen.and_utc().timestamp_micros()),
            user_id: Some(&s.user_id),
            recipient: &s.email,
            subject: t_with(l, "mail-subject-reminder", &[("site", Arg::Text(rs.site_name.clone()))]),
            body,
            attachment: None,
        },
    )
}

/// Looks for due reminders every `every` until the server stops.
pub async fn run(db: Db, rs: ReminderSettings, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        let rs2 = rs.clone();
        crate::core::metrics::metrics().reminder_runs.inc();
        match db.write(move |conn| queue_due(conn, &rs2, db::now())).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(queued = n, "reminders queued"),
            Err(e) => tracing::warn!(error = %e, "reminders could not be queued"),
        }
    }
}

/// The user an opt-out link is for; 404 for a bad or expired link.
pub async fn link_target(db: &Db, tokens: &Tokens, token: &str) -> Result<User, AppError> {
    let claims = tokens.verify(TokenKind::ReminderOptOut, token).ok_or(AppError::NotFound)?;
    let id = claims.sub;
    db.run(move |conn| crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&id)))
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + day * 86_400, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    #[test]
    fn one_reminder_per_period_and_a_few_at_most() {
        assert_eq!(period_due(at(0), at(13), 14), None);
        assert_eq!(period_due(at(0), at(14), 14), Some(1));
        assert_eq!(period_due(at(0), at(27), 14), Some(1));
        assert_eq!(period_due(at(0), at(28), 14), Some(2));
        assert_eq!(period_due(at(0), at(42), 14), Some(3));
        assert_eq!(period_due(at(0), at(56), 14), None);
        assert_eq!(period_due(at(0), at(400), 0), None);
    }
}
