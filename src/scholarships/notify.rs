//! What applicants and scholars are told by email, through the outbox, in their language. No subject and
//! no body names the programme or its topic: a message says that there is news and where to read it.

use super::Context;
use super::model::{Application, Status};
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::i18n::{Arg, Locale, t, t_with};
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

fn send(
    conn: &mut AnyConnection,
    ctx: &Context,
    user: &User,
    kind: &str,
    key: String,
    paragraphs: &[String],
) -> Result<(), AppError> {
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
    let link = format!("{}/programmes/{}", ctx.site_for(user), a.programme_id);
    send(
        conn,
        ctx,
        user,
        "application",
        format!("application-submitted:{}", a.id),
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
    let link = format!("{}/programmes/{}", ctx.site_for(&user), a.programme_id);
    let key =
        format!("application-decision:{}:{}:{}", a.id, a.status.code(), a.updated_at.and_utc().timestamp_micros());
    send(conn, ctx, &user, "decision", key, &[t(l, id), link])
}

/// A nudge from the programme's team to a scholar who has fallen behind (once a day at most).
pub fn nudge(
    conn: &mut AnyConnection,
    ctx: &Context,
    user: &User,
    programme_id: &str,
    day: &str,
) -> Result<bool, AppError> {
    if user.email.is_none() {
        return Ok(false);
    }
    let l = user.locale;
    let link = format!("{}/programmes/{}", ctx.site_for(user), programme_id);
    send(conn, ctx, user, "nudge", format!("nudge:{programme_id}:{}:{day}", user.id), &[t(l, "mail-nudge"), link])?;
    Ok(true)
}
