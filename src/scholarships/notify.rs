//! What applicants and scholars are told by email, through the outbox, in their language. No subject and
//! no body names the programme or its topic: a message says that there is news and where to read it.

use super::Context;
use super::model::{Application, Status};
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::i18n::{Arg, Locale, t, t_with};
use crate::mail::notices::{self, Kind as Notice};
use crate::mail::{self, Outgoing};

fn body(l: Locale, handle: &str, paragraphs: &[String]) -> String {
    let mut body = t_with(l, "mail-greeting", &[("handle", Arg::Text(handle.to_owned()))]);
    for p in paragraphs.iter().chain(std::iter::once(&t(l, "mail-signature"))) {
        body.push_str("\n\n");
        body.push_str(p);
    }
    body.push('\n');
    body
}

/// Leaves a notice in her inbox (everyone gets it, with or without an address) and, with an address,
/// queues the email: `path` is the page the news is on.
fn send(
    conn: &mut AnyConnection,
    ctx: &Context,
    user: &User,
    (kind, notice): (&str, Notice),
    key: String,
    path: &str,
    paragraphs: &[String],
) -> Result<(), AppError> {
    notices::leave(conn, &user.id, notice, path, &key)?;
    let Some(email) = &user.email else { return Ok(()) };
    mail::enqueue(
        conn,
        &ctx.mail,
        Outgoing {
            kind,
            dedupe_key: key,
            user_id: Some(&user.id),
            recipient: email,
            subject: t(user.locale, "mail-subject-application"),
            body: body(user.locale, &user.handle, paragraphs),
            attachment: None,
        },
    )?;
    Ok(())
}

/// Confirms that an application arrived.
pub fn submitted(conn: &mut AnyConnection, ctx: &Context, user: &User, a: &Application) -> Result<(), AppError> {
    let l = user.locale;
    let path = format!("/programmes/{}", a.programme_id);
    let link = format!("{}{path}", ctx.site_for(user));
    send(
        conn,
        ctx,
        user,
        ("application", Notice::ApplicationReceived),
        format!("application-submitted:{}", a.id),
        &path,
        &[t(l, "mail-application-received"), link],
    )
}

/// Tells an applicant of a decision.
pub fn decided(conn: &mut AnyConnection, ctx: &Context, a: &Application) -> Result<(), AppError> {
    let Some(user) = crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&a.user_id))? else {
        return Ok(());
    };
    let l = user.locale;
    let id = match a.status {
        Status::Awarded => "mail-application-awarded",
        Status::Waitlisted => "mail-application-waitlisted",
        Status::Rejected => "mail-application-rejected",
        _ => return Ok(()),
    };
    let path = format!("/programmes/{}", a.programme_id);
    let link = format!("{}{path}", ctx.site_for(&user));
    let key =
        format!("application-decision:{}:{}:{}", a.id, a.status.code(), a.updated_at.and_utc().timestamp_micros());
    send(conn, ctx, &user, ("decision", Notice::Decision), key, &path, &[t(l, id), link])
}

/// A nudge from the programme's team to a scholar who has fallen behind (once a day at most).
pub fn nudge(
    conn: &mut AnyConnection,
    ctx: &Context,
    user: &User,
    programme_id: &str,
    day: &str,
) -> Result<bool, AppError> {
    let l = user.locale;
    let path = format!("/programmes/{programme_id}");
    let link = format!("{}{path}", ctx.site_for(user));
    let key = format!("nudge:{programme_id}:{}:{day}", user.id);
    send(conn, ctx, user, ("nudge", Notice::Nudge), key, &path, &[t(l, "mail-nudge"), link])?;
    Ok(user.email.is_some())
}
