//! The account emails: a password-reset link, and the notices that a password or an email address
//! changed. Written in the account's language; subjects name no topic.

use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::i18n::{Arg, Locale, format_datetime, t, t_with};
use crate::mail::{self, MailSettings, Outgoing};

fn body(locale: Locale, handle: &str, paragraphs: &[String]) -> String {
    let mut out = t_with(locale, "mail-greeting", &[("handle", Arg::Text(handle.to_owned()))]);
    for p in paragraphs {
        out.push_str("\n\n");
        out.push_str(p);
    }
    out.push_str("\n\n");
    out.push_str(&t(locale, "mail-signature"));
    out.push('\n');
    out
}

/// What distinguishes one account email from another (the rest is the account's language and greeting).
struct Letter<'a> {
    kind: &'a str,
    dedupe_key: String,
    /// The subject's Fluent id: subjects never name a course or topic.
    subject: &'a str,
}

/// Queues an account email to `email` inside the caller's transaction.
fn queue(
    conn: &mut AnyConnection,
    mail: &MailSettings,
    user: &User,
    email: &str,
    letter: Letter<'_>,
    paragraphs: &[String],
) -> Result<(), AppError> {
    let l = user.locale;
    mail::enqueue(
        conn,
        mail,
        Outgoing {
            kind: letter.kind,
            dedupe_key: letter.dedupe_key,
            user_id: Some(&user.id),
            recipient: email,
            subject: t(l, letter.subject),
            body: body(l, &user.handle, paragraphs),
            attachment: None,
        },
    )?;
    Ok(())
}

/// Queues a password-reset link (inside the caller's transaction).
pub fn password_reset(
    conn: &mut AnyConnection,
    mail: &MailSettings,
    user: &User,
    email: &str,
    link: &str,
    nonce: i64,
) -> Result<(), AppError> {
    let l = user.locale;
    let paragraphs = [t(l, "mail-reset-intro"), link.to_owned(), t(l, "mail-reset-ignore")];
    let letter = Letter {
        kind: "password_reset",
        dedupe_key: format!("password_reset:{}:{nonce}", user.id),
        subject: "mail-subject-reset",
    };
    queue(conn, mail, user, email, letter, &paragraphs)
}

/// Queues a notice that something about the account changed (`what`: password or email), sent to
/// `email` (for an email change, the old address).
pub fn account_changed(
    conn: &mut AnyConnection,
    mail: &MailSettings,
    user: &User,
    email: &str,
    what: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let l = user.locale;
    let when = format_datetime(l, at);
    let paragraphs = [t_with(l, &format!("mail-{what}-changed"), &[("when", Arg::Text(when))]), t(l, "mail-not-you")];
    let letter = Letter {
        kind: match what {
            "password" => "password_changed",
            "codes" => "recovery_codes_changed",
            "second-factor" => "second_factor_on",
            "second-factor-off" => "second_factor_off",
            _ => "email_changed",
        },
        dedupe_key: format!("{what}_changed:{}:{}", user.id, at.and_utc().timestamp_micros()),
        subject: "mail-subject-account",
    };
    queue(conn, mail, user, email, letter, &paragraphs)
}

/// Queues the warning that an unused account will be erased on `on` unless she signs in before.
pub fn inactivity_warning(
    conn: &mut AnyConnection,
    mail: &MailSettings,
    user: &User,
    email: &str,
    months: u32,
    on: chrono::NaiveDateTime,
    login_url: &str,
) -> Result<(), AppError> {
    let l = user.locale;
    let date = crate::i18n::format_date(l, on);
    let paragraphs = [
        t_with(l, "mail-inactivity-warning", &[("months", Arg::Number(i64::from(months))), ("date", Arg::Text(date))]),
        login_url.to_owned(),
        t(l, "mail-inactivity-nothing-to-do"),
    ];
    let letter = Letter {
        kind: "inactivity_warning",
        dedupe_key: format!("inactivity_warning:{}:{}", user.id, on.date()),
        subject: "mail-subject-account",
    };
    queue(conn, mail, user, email, letter, &paragraphs)
}

/// Queues the link that confirms a new address, sent to that address.
pub fn confirm_email(
    conn: &mut AnyConnection,
    mail: &MailSettings,
    user: &User,
    email: &str,
    link: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let l = user.locale;
    let paragraphs = [t(l, "mail-confirm-intro"), link.to_owned(), t(l, "mail-confirm-ignore")];
    let letter = Letter {
        kind: "email_confirmation",
        dedupe_key: format!("email_confirmation:{}:{}", user.id, at.and_utc().timestamp_micros()),
        subject: "mail-subject-account",
    };
    queue(conn, mail, user, email, letter, &paragraphs)
}
