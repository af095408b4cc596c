//! Sessions kept on the server: every sign-in is a row named by the token's `sid`, so that signing out
//! ends that token at once (a token copied from a seized phone stops working), a person can see and end
//! her other sessions, and a session unused for the idle time ends by itself. The check is one read by
//! primary key in the same hop that loads the user; "last seen" is written at most every few minutes.
//! The rows live in the database, so an ended session is ended on every instance.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use super::model::User;
use super::store::{self, SessionRow};
use crate::auth::tokens::{Claims, Issued, TokenKind, Tokens};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};

/// How often "last seen" is written for a session in use.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// A session as its owner sees it: dates at day precision, a coarse device, never an address.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SessionItem {
    pub id: String,
    pub device: String,
    /// YYYY-MM-DD
    pub started_on: String,
    /// YYYY-MM-DD
    pub last_seen_on: String,
    /// The session making this request.
    pub current: bool,
}

/// What the check of a session found.
pub enum Check {
    /// In use: `touch` says whether "last seen" is due to be written.
    Live {
        touch: bool,
    },
    Ended,
}

/// A coarse description of the device from its user agent: the browser family and the system, nothing
/// that tells one phone from another.
pub fn device_hint(user_agent: Option<&str>) -> String {
    let ua = user_agent.unwrap_or_default();
    let browser = if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        "Opera"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else if ua.is_empty() {
        "Unknown"
    } else {
        "Other"
    };
    let system = if ua.contains("Android") {
        "Android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "another system"
    };
    format!("{browser} on {system}")
}

/// Records a new session for a token just issued, with a coarse hint of the device it was issued to.
/// `via_onion`: whether she signs in through the site's onion address (her emails' links then lead there).
pub async fn start(
    db: &Db,
    user_id: &str,
    issued: &Issued,
    user_agent: Option<&str>,
    via_onion: bool,
) -> Result<(), AppError> {
    let (user_id, sid, expires_at) = (user_id.to_owned(), issued.sid.clone(), issued.expires_at.naive_utc());
    let device = device_hint(user_agent);
    db.write(move |conn| {
        let now = db::now();
        store::insert_session(conn, &sid, &user_id, &device, now, expires_at)?;
        store::set_via_onion(conn, &user_id, via_onion)?;
        store::mark_active(conn, &user_id, now)
    })
    .await
}

/// Whether session `sid` of `user_id` is still in use, given the idle time.
pub fn check(conn: &mut AnyConnection, user_id: &str, sid: &str, idle: Duration) -> Result<Check, AppError> {
    let now = db::now();
    Ok(match store::find_session(conn, sid)? {
        Some((_, owner, _, _, last_seen, expires_at, revoked))
            if owner == user_id && revoked.is_none() && expires_at > now && last_seen + idle > now =>
        {
            Check::Live { touch: last_seen + TOUCH_EVERY < now }
        }
        _ => Check::Ended,
    })
}

/// Writes "last seen" of a session in use, and the day its owner was last active.
pub async fn touch(db: &Db, user_id: &str, sid: &str) -> Result<(), AppError> {
    let (user_id, sid) = (user_id.to_owned(), sid.to_owned());
    db.write(move |conn| {
        let now = db::now();
        store::touch_session(conn, &sid, now)?;
        store::mark_active(conn, &user_id, now)
    })
    .await
}

/// Ends one session of the user; 404 when she has no such live session.
pub async fn end(db: &Db, user_id: &str, sid: &str) -> Result<(), AppError> {
    let (user_id, sid) = (user_id.to_owned(), sid.to_owned());
    let ended = db
        .write(move |conn| {
            let now = db::now();
            let ended = store::revoke_session(conn, &user_id, &sid, now)?;
            if ended {
                // Evidence that a session was ended, and by its owner: no device, no time of day beyond `at`.
                store::append_audit(conn, now, Some(&user_id), "session.ended", Some(&user_id), "{}")?;
            }
            Ok(ended)
        })
        .await?;
    if ended { Ok(()) } else { Err(AppError::NotFound) }
}

/// The user's live sessions, the current one marked.
pub async fn list(db: &Db, user_id: &str, current: Option<&str>) -> Result<Vec<SessionItem>, AppError> {
    let (user_id, current) = (user_id.to_owned(), current.map(str::to_owned));
    let rows = db.run(move |conn| store::live_sessions(conn, &user_id, db::now())).await?;
    Ok(rows.into_iter().map(|row| item(row, current.as_deref())).collect())
}

fn item((id, _, device, created, last_seen, _, _): SessionRow, current: Option<&str>) -> SessionItem {
    let day = |t: NaiveDateTime| t.format("%Y-%m-%d").to_string();
    SessionItem {
        current: current == Some(id.as_str()),
        id,
        device,
        started_on: day(created),
        last_seen_on: day(last_seen),
    }
}

/// Forgets sessions that ended or expired more than a day ago.
pub async fn forget_old(db: &Db) -> Result<usize, AppError> {
    db.write(|conn| store::delete_old_sessions(conn, db::now() - Duration::days(1))).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_device_hint_is_coarse() {
        let android = "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) \
                       Chrome/120.0.0.0 Mobile Safari/537.36";
        assert_eq!(super::device_hint(Some(android)), "Chrome on Android");
        assert_eq!(
            super::device_hint(Some("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")),
            "Firefox on Linux"
        );
        assert_eq!(super::device_hint(None), "Unknown on another system");
    }
}

/// The user behind a session token, if the token is genuine, its session is live on the server (not
/// signed out, not idle longer than `idle`, not expired) and no later "sign out everywhere" ended it.
pub async fn authenticate(
    db: &Db,
    tokens: &Tokens,
    token: &str,
    idle: Duration,
) -> Result<Option<(User, Claims)>, AppError> {
    let Some(claims) = verify_session_token(tokens, token) else {
        return Ok(None);
    };
    let checked = claims.clone();
    let found = db.run(move |conn| authenticate_in(conn, &checked, idle, false)).await?;
    let Some(live) = found else {
        return Ok(None);
    };
    finish_authentication(db, live, claims).await
}

/// A session token's claims, if it is genuine and not expired (no database read: the session itself is
/// checked by [`authenticate_in`]).
pub fn verify_session_token(tokens: &Tokens, token: &str) -> Option<Claims> {
    tokens.verify(TokenKind::Session, token)
}

/// A session found live inside a hop: its user, and whether "last seen" is due to be written.
#[derive(Debug, Clone)]
pub struct LiveSession {
    pub user: User,
    touch: bool,
}

/// The session check of [`authenticate`], inside a hop that goes on to read what the request needs, so
/// that a signed-in page costs one trip to the blocking pool instead of two.
/// `count_notices`: a page shows the unread count in its navigation; the JSON API does not (one statement
/// fewer).
pub fn authenticate_in(
    conn: &mut AnyConnection,
    claims: &Claims,
    idle: Duration,
    count_notices: bool,
) -> Result<Option<LiveSession>, AppError> {
    let Some(mut user) = store::find_by_id(conn, &claims.sub)? else { return Ok(None) };
    let Check::Live { touch } = check(conn, &user.id, &claims.sid, idle)? else {
        return Ok(None);
    };
    if count_notices {
        // The navigation shows how many notices wait (one indexed count).
        user.unread_notices = crate::mail::notices::unread(conn, &user.id)?;
        // And, beside "Review", how many applications wait for her.
        user.reviews_waiting = super::hooks::reviews_waiting(conn, &user.id)?;
    }
    Ok(session_still_valid(&user, claims).then_some(LiveSession { user, touch }))
}

/// After [`authenticate_in`]: writes "last seen" when it is due (at most every few minutes).
pub async fn finish_authentication(
    db: &Db,
    live: LiveSession,
    claims: Claims,
) -> Result<Option<(User, Claims)>, AppError> {
    if live.touch {
        touch(db, &live.user.id, &claims.sid).await?;
    }
    Ok(Some((live.user, claims)))
}

fn session_still_valid(user: &User, claims: &Claims) -> bool {
    claims.iat_us >= user.valid_after.and_utc().timestamp_micros()
        || user.kept_session_id.as_deref() == Some(claims.sid.as_str())
}
