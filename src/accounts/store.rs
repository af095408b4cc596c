//! Storage of accounts, recovery codes and the audit log: the only code that names these tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{AuditEntry, Role, User};
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{audit_log, recovery_codes, sessions, users};
use crate::db_match;
use crate::i18n::Locale;

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(super) struct UserRow {
    id: String,
    handle: String,
    role: String,
    locale: String,
    email: Option<String>,
    certificate_name: Option<String>,
    valid_after: NaiveDateTime,
    kept_session_id: Option<String>,
    created_at: NaiveDateTime,
    reminders_off: bool,
    certificates_by_email: bool,
    email_pending: Option<String>,
    totp_secret: Option<String>,
    admin_since: Option<NaiveDateTime>,
    via_onion: bool,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            handle: r.handle,
            role: Role::parse(&r.role).unwrap_or(Role::Scholar),
            locale: Locale::parse(&r.locale).unwrap_or_default(),
            email: r.email,
            certificate_name: r.certificate_name,
            valid_after: r.valid_after,
            kept_session_id: r.kept_session_id,
            reminders_off: r.reminders_off,
            certificates_by_email: r.certificates_by_email,
            email_pending: r.email_pending,
            created_at: r.created_at,
            second_factor: r.totp_secret.is_some(),
            admin_since: r.admin_since,
            admin_locked: false,
            via_onion: r.via_onion,
            unread_notices: 0,
            reviews_waiting: None,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: &'a str,
    pub handle: &'a str,
    pub handle_key: &'a str,
    pub password_hash: Option<&'a str>,
    pub role: &'a str,
    pub locale: &'a str,
    pub email: Option<&'a str>,
    pub valid_after: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub handle_skeleton: &'a str,
    pub admin_since: Option<NaiveDateTime>,
}

pub fn insert_user(conn: &mut AnyConnection, new: &NewUser) -> Result<(), AppError> {
    diesel::insert_into(users::table).values(new).execute(conn)?;
    Ok(())
}

pub fn handle_taken(conn: &mut AnyConnection, key: &str) -> Result<bool, AppError> {
    let n: i64 = users::table.filter(users::handle_key.eq(key)).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn find_by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<User>, AppError> {
    let row = users::table.filter(users::id.eq(id)).select(UserRow::as_select()).first(conn).optional()?;
    Ok(row.map(User::from))
}

/// The user and their password hash, for signing in.
pub fn find_credentials(conn: &mut AnyConnection, key: &str) -> Result<Option<(User, Option<String>)>, AppError> {
    let row = users::table
        .filter(users::handle_key.eq(key))
        .select((UserRow::as_select(), users::password_hash))
        .first::<(UserRow, Option<String>)>(conn)
        .optional()?;
    Ok(row.map(|(u, h)| (u.into(), h)))
}

pub fn password_hash(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, AppError> {
    Ok(users::table.filter(users::id.eq(id)).select(users::password_hash).first(conn)?)
}

/// Sets the password and moves `valid_after`, so that every earlier token stops working but the session
/// `keep` (the one that changed it, if any).
pub fn set_password(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: NaiveDateTime,
    keep: Option<&str>,
) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::password_hash.eq(hash), users::valid_after.eq(now), users::kept_session_id.eq(keep)))
        .execute(conn)?;
    Ok(())
}

/// Ends every session issued before `now`.
pub fn end_sessions(conn: &mut AnyConnection, id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::valid_after.eq(now), users::kept_session_id.eq(None::<String>)))
        .execute(conn)?;
    Ok(())
}

pub fn update_profile(
    conn: &mut AnyConnection,
    id: &str,
    locale: Locale,
    email: Option<&str>,
    certificate_name: Option<&str>,
    certificates_by_email: bool,
) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::locale.eq(locale.code()),
            users::email.eq(email),
            users::certificate_name.eq(certificate_name),
            users::certificates_by_email.eq(certificates_by_email),
        ))
        .execute(conn)?;
    Ok(())
}

/// Turns reminder emails off (or back on).
pub fn set_reminders_off(conn: &mut AnyConnection, id: &str, off: bool) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::reminders_off.eq(off)).execute(conn)?;
    Ok(())
}

pub fn set_locale(conn: &mut AnyConnection, id: &str, locale: Locale) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::locale.eq(locale.code())).execute(conn)?;
    Ok(())
}

pub fn set_role(conn: &mut AnyConnection, id: &str, role: Role) -> Result<(), AppError> {
    if role == Role::Admin {
        // A new administrator's grace period for the second factor starts now.
        diesel::update(users::table.filter(users::id.eq(id)).filter(users::role.ne("admin")))
            .set(users::admin_since.eq(crate::db::now()))
            .execute(conn)?;
    }
    diesel::update(users::table.filter(users::id.eq(id))).set(users::role.eq(role.as_str())).execute(conn)?;
    Ok(())
}

/// The ids of all administrators, locked against concurrent role changes on PostgreSQL (SQLite's
/// IMMEDIATE transaction already holds the write lock).
pub fn lock_admin_ids(conn: &mut AnyConnection) -> Result<Vec<String>, AppError> {
    let ids = db_match!(conn,
        sqlite => users::table.filter(users::role.eq("admin")).select(users::id).load(conn)?,
        postgres => users::table.filter(users::role.eq("admin")).select(users::id).for_update().load(conn)?,
    );
    Ok(ids)
}

pub fn count_admins(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(users::table.filter(users::role.eq("admin")).count().get_result(conn)?)
}

pub fn count_users(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(users::table.count().get_result(conn)?)
}

/// Users in handle order, `limit` at a time, after the handle key `after`.
pub fn list_users(conn: &mut AnyConnection, after: Option<&str>, limit: i64) -> Result<Vec<User>, AppError> {
    let mut query = users::table.select(UserRow::as_select()).order(users::handle_key.asc()).limit(limit).into_boxed();
    if let Some(after) = after {
        query = query.filter(users::handle_key.gt(after.to_owned()));
    }
    Ok(query.load(conn)?.into_iter().map(User::from).collect())
}

pub fn insert_recovery_codes(conn: &mut AnyConnection, user_id: &str, hashes: &[String]) -> Result<(), AppError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id))).execute(conn)?;
    // One statement per code: MultiConnection has no portable multi-row INSERT.
    for hash in hashes {
        diesel::insert_into(recovery_codes::table)
            .values((recovery_codes::user_id.eq(user_id), recovery_codes::code_hash.eq(hash)))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks an unused code as used; `false` if there was none with this hash.
pub fn use_recovery_code(
    conn: &mut AnyConnection,
    user_id: &str,
    code_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::code_hash.eq(code_hash))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn count_unused_recovery_codes(conn: &mut AnyConnection, user_id: &str) -> Result<i64, AppError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)?)
}

pub fn append_audit(
    conn: &mut AnyConnection,
    at: NaiveDateTime,
    actor_id: Option<&str>,
    action: &str,
    target_user_id: Option<&str>,
    details: &str,
) -> Result<(), AppError> {
    crate::db::serialise(conn, crate::db::locks::AUDIT)?;
    let prev: String = audit_log::table
        .select(audit_log::hash)
        .order(audit_log::id.desc())
        .first(conn)
        .optional()?
        .unwrap_or_default();
    let hash = chain_hash(&prev, at, actor_id, action, target_user_id, details);
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(at),
            audit_log::actor_id.eq(actor_id),
            audit_log::action.eq(action),
            audit_log::target_user_id.eq(target_user_id),
            audit_log::details.eq(details),
            audit_log::prev_hash.eq(&prev),
            audit_log::hash.eq(&hash),
        ))
        .execute(conn)?;
    Ok(())
}

/// The hash of an entry, chained to the one before: SHA-256 over the previous hash and every field, each
/// length-prefixed so that no two entries can be read as each other.
pub fn chain_hash(
    prev: &str,
    at: NaiveDateTime,
    actor_id: Option<&str>,
    action: &str,
    target_user_id: Option<&str>,
    details: &str,
) -> String {
    use sha2::{Digest, Sha256};
    let at = at.and_utc().timestamp_micros().to_string();
    let mut hasher = Sha256::new();
    for part in [prev, &at, actor_id.unwrap_or("-"), action, target_user_id.unwrap_or("-"), details] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// An audit entry as stored, for checking the chain: (id, at, actor, action, target, details, prev, hash).
pub type ChainRow = (i64, NaiveDateTime, Option<String>, String, Option<String>, String, String, String);

fn chain_columns() -> (
    audit_log::id,
    audit_log::at,
    audit_log::actor_id,
    audit_log::action,
    audit_log::target_user_id,
    audit_log::details,
    audit_log::prev_hash,
    audit_log::hash,
) {
    (
        audit_log::id,
        audit_log::at,
        audit_log::actor_id,
        audit_log::action,
        audit_log::target_user_id,
        audit_log::details,
        audit_log::prev_hash,
        audit_log::hash,
    )
}

/// Entries in order from `after` (exclusive), `limit` at a time.
pub fn chain_rows(conn: &mut AnyConnection, after: i64, limit: i64) -> Result<Vec<ChainRow>, AppError> {
    Ok(audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id.asc())
        .limit(limit)
        .select(chain_columns())
        .load(conn)?)
}

/// Chains the entries written before the chain existed (an empty hash), in order: once, on start.
pub fn chain_unchained(conn: &mut AnyConnection) -> Result<usize, AppError> {
    let unchained: Vec<ChainRow> = audit_log::table
        .filter(audit_log::hash.eq(""))
        .order(audit_log::id.asc())
        .select(chain_columns())
        .load(conn)?;
    let mut prev = String::new();
    for (id, at, actor, action, target, details, _, _) in &unchained {
        let hash = chain_hash(&prev, *at, actor.as_deref(), action, target.as_deref(), details);
        diesel::update(audit_log::table.filter(audit_log::id.eq(id)))
            .set((audit_log::prev_hash.eq(&prev), audit_log::hash.eq(&hash)))
            .execute(conn)?;
        prev = hash;
    }
    Ok(unchained.len())
}

/// Newest first, `limit` at a time, before the entry id `before`; with the handles of actor and target.
pub fn list_audit(conn: &mut AnyConnection, before: Option<i64>, limit: i64) -> Result<Vec<AuditEntry>, AppError> {
    let (actors, targets) = diesel::alias!(users as actors, users as targets);
    let mut query = audit_log::table
        .left_join(actors.on(audit_log::actor_id.eq(actors.field(users::id).nullable())))
        .left_join(targets.on(audit_log::target_user_id.eq(targets.field(users::id).nullable())))
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_id,
            actors.field(users::handle).nullable(),
            audit_log::action,
            audit_log::target_user_id,
            targets.field(users::handle).nullable(),
            audit_log::details,
        ))
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(before));
    }
    type Row = (i64, NaiveDateTime, Option<String>, Option<String>, String, Option<String>, Option<String>, String);
    let rows: Vec<Row> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, at, actor_id, actor_handle, action, target_user_id, target_handle, details)| AuditEntry {
            id,
            at,
            actor_id,
            actor_handle,
            action,
            target_user_id,
            target_handle,
            details,
        })
        .collect())
}

// ---- sessions ----

/// A session row: (id, user id, device, created, last seen, expires, revoked).
pub type SessionRow = (String, String, String, NaiveDateTime, NaiveDateTime, NaiveDateTime, Option<NaiveDateTime>);

fn session_columns() -> (
    sessions::id,
    sessions::user_id,
    sessions::device,
    sessions::created_at,
    sessions::last_seen_at,
    sessions::expires_at,
    sessions::revoked_at,
) {
    (
        sessions::id,
        sessions::user_id,
        sessions::device,
        sessions::created_at,
        sessions::last_seen_at,
        sessions::expires_at,
        sessions::revoked_at,
    )
}

pub fn insert_session(
    conn: &mut AnyConnection,
    id: &str,
    user_id: &str,
    device: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(id),
            sessions::user_id.eq(user_id),
            sessions::device.eq(device),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find_session(conn: &mut AnyConnection, id: &str) -> Result<Option<SessionRow>, AppError> {
    Ok(sessions::table.filter(sessions::id.eq(id)).select(session_columns()).first(conn).optional()?)
}

pub fn touch_session(conn: &mut AnyConnection, id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(sessions::table.filter(sessions::id.eq(id))).set(sessions::last_seen_at.eq(now)).execute(conn)?;
    Ok(())
}

/// The day (midnight UTC) of `now`: activity is kept at day precision only.
fn day_of(now: NaiveDateTime) -> NaiveDateTime {
    now.date().and_time(chrono::NaiveTime::MIN)
}

/// Records that a person used Pravo today (one write a day at most) and clears any inactivity warning.
/// Records which of the site's addresses the account signed in through last (see `User::via_onion`).
pub fn set_via_onion(conn: &mut AnyConnection, user_id: &str, via_onion: bool) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(user_id)).filter(users::via_onion.ne(via_onion)))
        .set(users::via_onion.eq(via_onion))
        .execute(conn)?;
    Ok(())
}

pub fn mark_active(conn: &mut AnyConnection, user_id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    let today = day_of(now);
    diesel::update(
        users::table
            .filter(users::id.eq(user_id))
            .filter(users::last_active_at.is_null().or(users::last_active_at.lt(today))),
    )
    .set((users::last_active_at.eq(today), users::inactivity_warned_at.eq(None::<NaiveDateTime>)))
    .execute(conn)?;
    Ok(())
}

/// Accounts (not administrators) unused since before `since`, never warned: (user, warned now).
pub fn inactive_unwarned(conn: &mut AnyConnection, since: NaiveDateTime) -> Result<Vec<User>, AppError> {
    let rows: Vec<UserRow> = users::table
        .filter(users::role.ne("admin"))
        .filter(users::inactivity_warned_at.is_null())
        .filter(users::last_active_at.lt(since).or(users::last_active_at.is_null().and(users::created_at.lt(since))))
        .select(UserRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(User::from).collect())
}

pub fn set_inactivity_warned(conn: &mut AnyConnection, user_id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(user_id)))
        .set(users::inactivity_warned_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Accounts warned before `warned_before` and unused since before `since`: due for erasure.
pub fn inactive_due(
    conn: &mut AnyConnection,
    since: NaiveDateTime,
    warned_before: NaiveDateTime,
) -> Result<Vec<String>, AppError> {
    Ok(users::table
        .filter(users::role.ne("admin"))
        .filter(users::inactivity_warned_at.lt(warned_before))
        .filter(users::last_active_at.lt(since).or(users::last_active_at.is_null().and(users::created_at.lt(since))))
        .select(users::id)
        .load(conn)?)
}

/// Ends a session of `user_id`; returns whether there was one to end.
pub fn revoke_session(conn: &mut AnyConnection, user_id: &str, id: &str, now: NaiveDateTime) -> Result<bool, AppError> {
    let n = diesel::update(
        sessions::table
            .filter(sessions::id.eq(id))
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)?;
    Ok(n > 0)
}

/// The sessions of a user that are neither ended nor expired, newest first.
pub fn live_sessions(conn: &mut AnyConnection, user_id: &str, now: NaiveDateTime) -> Result<Vec<SessionRow>, AppError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(session_columns())
        .order(sessions::created_at.desc())
        .load(conn)?)
}

/// Forgets sessions that ended or expired before `before`: nothing is kept longer than needed.
pub fn delete_old_sessions(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, AppError> {
    Ok(diesel::delete(sessions::table.filter(sessions::expires_at.lt(before).or(sessions::revoked_at.lt(before))))
        .execute(conn)?)
}

/// Every session row of a person, ended or not (for her data export).
pub fn all_sessions(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<SessionRow>, AppError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .select(session_columns())
        .order(sessions::created_at.asc())
        .load(conn)?)
}

/// The audit entries in which a person acted or was acted upon, oldest first: (at, action, she acted,
/// details).
pub fn audit_about(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<(NaiveDateTime, String, bool, String)>, AppError> {
    let rows: Vec<(NaiveDateTime, String, Option<String>, String)> = audit_log::table
        .filter(audit_log::actor_id.eq(user_id).or(audit_log::target_user_id.eq(user_id)))
        .order(audit_log::id.asc())
        .select((audit_log::at, audit_log::action, audit_log::actor_id, audit_log::details))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, action, actor, details)| (at, action, actor.as_deref() == Some(user_id), details))
        .collect())
}

/// Deletes a person's sessions, recovery codes and account row (the last step of an erasure).
pub fn delete_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(users::table.filter(users::id.eq(user_id))).execute(conn)?;
    Ok(())
}

/// Records a new address waiting for its link (hash of the code, until when), or clears it.
pub fn set_pending_email(
    conn: &mut AnyConnection,
    id: &str,
    pending: Option<(&str, &str, NaiveDateTime)>,
) -> Result<(), AppError> {
    let (email, hash, until) = match pending {
        Some((email, hash, until)) => (Some(email), Some(hash), Some(until)),
        None => (None, None, None),
    };
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::email_pending.eq(email), users::email_pending_hash.eq(hash), users::email_pending_until.eq(until)))
        .execute(conn)?;
    Ok(())
}

/// The account whose pending address the code `hash` confirms (if still in time); makes that address the
/// account's and clears the pending one. Returns the account as it was, and the new address.
pub fn take_pending_email(
    conn: &mut AnyConnection,
    hash: &str,
    now: NaiveDateTime,
) -> Result<Option<(User, String)>, AppError> {
    let row: Option<UserRow> = users::table
        .filter(users::email_pending_hash.eq(hash))
        .filter(users::email_pending_until.gt(now))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?;
    let Some(user) = row.map(User::from) else { return Ok(None) };
    let Some(new) = user.email_pending.clone() else { return Ok(None) };
    diesel::update(users::table.filter(users::id.eq(&user.id)))
        .set((
            users::email.eq(&new),
            users::email_pending.eq(None::<String>),
            users::email_pending_hash.eq(None::<String>),
            users::email_pending_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(Some((user, new)))
}

/// Whether another account's handle looks like one with this skeleton.
pub fn skeleton_taken(conn: &mut AnyConnection, skeleton: &str) -> Result<bool, AppError> {
    let n: i64 = users::table.filter(users::handle_skeleton.eq(skeleton)).count().get_result(conn)?;
    Ok(n > 0)
}

/// Fills in the skeletons of handles from before they were kept (at start-up); returns how many.
pub fn fill_handle_skeletons(conn: &mut AnyConnection) -> Result<usize, AppError> {
    let rows: Vec<(String, String)> =
        users::table.filter(users::handle_skeleton.is_null()).select((users::id, users::handle)).load(conn)?;
    for (id, handle) in &rows {
        diesel::update(users::table.filter(users::id.eq(id)))
            .set(users::handle_skeleton.eq(super::model::handle_skeleton(handle)))
            .execute(conn)?;
    }
    Ok(rows.len())
}

/// A secret shown for enrolment, kept until it is confirmed with a code.
pub fn set_totp_pending(conn: &mut AnyConnection, id: &str, secret: &str) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::totp_pending.eq(secret)).execute(conn)?;
    Ok(())
}

/// An account's second-factor secrets: the active one and one waiting for confirmation.
pub struct TotpState {
    pub secret: Option<String>,
    pub pending: Option<String>,
}

pub fn totp_state(conn: &mut AnyConnection, id: &str) -> Result<TotpState, AppError> {
    let (secret, pending) = users::table
        .filter(users::id.eq(id))
        .select((users::totp_secret, users::totp_pending))
        .first(conn)
        .optional()?
        .unwrap_or((None, None));
    Ok(TotpState { secret, pending })
}

/// Makes the pending secret the active one, with the step of the code that confirmed it.
pub fn activate_totp(conn: &mut AnyConnection, id: &str, secret: &str, step: i64) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::totp_secret.eq(secret), users::totp_pending.eq(None::<String>), users::totp_last_step.eq(step)))
        .execute(conn)?;
    Ok(())
}

/// Records the step of an accepted code, only if it is later than the last one (false: a replay, or a code
/// another request accepted first).
pub fn use_totp_step(conn: &mut AnyConnection, id: &str, step: i64) -> Result<bool, AppError> {
    let n = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::totp_last_step.is_null().or(users::totp_last_step.lt(step))),
    )
    .set(users::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(n == 1)
}

/// Turns the second factor off (recovery with a code, after a lost phone).
pub fn clear_totp(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::totp_secret.eq(None::<String>),
            users::totp_pending.eq(None::<String>),
            users::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Makes `sid` the account's one pending reset link, unless a link went out after `not_after` (then
/// nothing changes and `false` is returned). One conditional UPDATE, so instances racing agree.
pub fn claim_reset_link(
    conn: &mut AnyConnection,
    id: &str,
    sid: &str,
    now: NaiveDateTime,
    not_after: NaiveDateTime,
) -> Result<bool, AppError> {
    let n = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::reset_sent_at.is_null().or(users::reset_sent_at.le(not_after))),
    )
    .set((users::reset_sid.eq(sid), users::reset_sent_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// The session id of the account's pending reset link, if any.
pub fn reset_sid(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, AppError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select(users::reset_sid)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// A reset link was used: no link is pending any more.
pub fn clear_reset_link(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::reset_sid.eq(None::<String>)).execute(conn)?;
    Ok(())
}
