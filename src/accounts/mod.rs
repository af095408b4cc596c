//! Accounts: registration, signing in and out, passwords and recovery codes, profile settings, roles and
//! the audit log. These functions hold the rules; `pages.rs` and `api.rs` are two faces of them.

pub mod api;
pub mod audit;
pub mod extract;
pub mod hooks;
mod inbox;
pub use inbox::*;
mod people;
mod people_store;
pub use people::*;
pub mod model;
pub mod notify;
pub mod outbox_pages;
pub mod pages;
pub mod privacy;
mod profile;
mod reauth;
mod recovery;
pub mod second_factor;
pub mod second_factor_api;
pub mod sessions;

pub use sessions::{LiveSession, authenticate, authenticate_in, finish_authentication, verify_session_token};
mod store;

use base64::Engine;
use serde::{Deserialize, Deserializer};
use sha2::{Digest, Sha256};
use validator::Validate;

use crate::auth::password;
use crate::auth::ratelimit::{self, RateLimiter};
use crate::auth::tokens::{TokenKind, Tokens};
use crate::core::error::AppError;
use crate::db::{self, Db};
use crate::i18n::{Locale, Msg};
use model::{Handle, Role, User, handle_key};
pub use profile::*;
pub use reauth::reauthenticate;
pub use recovery::*;

pub const RECOVERY_CODE_COUNT: usize = 10;

/// What registering takes (a form or a JSON body).
#[derive(Debug, Clone, Default, Deserialize, Validate, utoipa::ToSchema)]
#[serde(default)]
pub struct RegisterInput {
    #[validate(custom(function = "model::validate_handle"))]
    pub handle: String,
    #[validate(custom(function = "password::validate_new"))]
    pub password: String,
    #[validate(custom(function = "model::validate_locale"))]
    pub locale: Option<String>,
    #[serde(default, deserialize_with = "empty_as_none")]
    #[validate(email(code = "email-invalid"), length(max = 254, code = "email-invalid"))]
    pub email: Option<String>,
}

/// A new account, and the recovery codes to show once (accounts without email).
pub struct Registered {
    pub user: User,
    pub recovery_codes: Option<Vec<String>>,
}

pub async fn register(db: &Db, input: RegisterInput, fallback_locale: Locale) -> Result<Registered, AppError> {
    input.validate()?;
    let handle = handle_field(&input.handle)?;
    password_fits_handle(&input.password, handle.as_str(), "password")?;
    let locale = input.locale.as_deref().and_then(Locale::parse).unwrap_or(fallback_locale);
    let email = input.email.map(|e| e.trim().to_owned());
    let hash = blocking(move || password::hash(&input.password)).await?;
    let codes = email.is_none().then(new_recovery_codes);
    let hashes: Vec<String> = codes.iter().flatten().map(|c| hash_recovery_code(c)).collect();
    let user = db
        .write(move |conn| {
            let id = add_user(conn, &handle, Role::Scholar, locale, Some(&hash), email.as_deref())?;
            if !hashes.is_empty() {
                store::insert_recovery_codes(conn, &id, &hashes)?;
            }
            store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(Registered { user, recovery_codes: codes })
}

/// Adds an account (inside a write transaction): the handle must be free, ignoring case. Returns its id.
fn add_user(
    conn: &mut db::AnyConnection,
    handle: &Handle,
    role: Role,
    locale: Locale,
    password_hash: Option<&str>,
    email: Option<&str>,
) -> Result<String, AppError> {
    if store::handle_taken(conn, &handle.key())? {
        return Err(AppError::field("handle", error_msg("handle-taken")));
    }
    let skeleton = model::handle_skeleton(handle.as_str());
    if store::skeleton_taken(conn, &skeleton)? {
        return Err(AppError::field("handle", error_msg("handle-look-alike")));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let now = db::now();
    let new = store::NewUser {
        id: &id,
        handle: handle.as_str(),
        handle_key: &handle.key(),
        password_hash,
        role: role.as_str(),
        locale: locale.code(),
        email,
        valid_after: now,
        created_at: now,
        handle_skeleton: &skeleton,
        admin_since: (role == Role::Admin).then_some(now),
    };
    // A concurrent registration of the same handle loses at the unique index, with the same message.
    store::insert_user(conn, &new).map_err(|e| handle_clash_or(e, "handle"))?;
    Ok(id)
}

/// Signs in with a handle and password, within the rate limits. A wrong password and an unknown handle
/// get the same answer, in the same time. `known_device` is the nonce of a device cookie this browser got
/// when it signed in as this handle before: such a device has a failure budget of its own, so strangers'
/// failures (which slow the handle down for unknown devices only) never lock its owner out.
pub async fn sign_in(
    db: &Db,
    limits: &RateLimiter,
    handle: &str,
    password: &str,
    address: &str,
    known_device: Option<&str>,
    totp: Option<&str>,
) -> Result<SignIn, AppError> {
    let keys = AttemptKeys::new(handle, address, known_device);
    keys.check(limits).await?;
    // Counted as failed up front, so that a burst of concurrent guesses cannot all slip under the limit;
    // taken back if the password turns out right.
    keys.failed(limits).await;
    let key = handle_key(handle);
    // A handle can never hold control characters; such input is an unknown handle (and PostgreSQL
    // would refuse a NUL in a query).
    let found = if key.chars().any(char::is_control) || key.chars().count() > model::HANDLE_MAX {
        None
    } else {
        db.run(move |conn| store::find_credentials(conn, &key)).await?
    };
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, None),
    };
    let typed = password.to_owned();
    let ok = blocking(move || Ok(password::verify(&typed, hash.as_deref()))).await?;
    if !ok {
        crate::core::metrics::metrics().sign_in_failures.inc();
    }
    let user = match user {
        Some(user) if ok => user,
        _ => return Err(AppError::BadCredentials),
    };
    if user.second_factor {
        match totp {
            // The right password: the pages ask for the code next (the failure stays counted until then).
            None => return Ok(SignIn::CodeNeeded(user)),
            Some(code) => {
                if !second_factor::verify_code(db, &user.id, Some(code)).await? {
                    return Err(AppError::SecondFactorRequired);
                }
            }
        }
    }
    keys.succeeded(limits).await;
    Ok(SignIn::Done(user))
}

/// What a right password leads to.
pub enum SignIn {
    Done(User),
    /// The account has a second factor and no code came with the password.
    CodeNeeded(User),
}

/// After the second step of a sign-in succeeded: the failures counted for the handle are forgiven.
pub async fn second_step_succeeded(limits: &RateLimiter, handle: &str, address: &str, known_device: Option<&str>) {
    AttemptKeys::new(handle, address, known_device).succeeded(limits).await;
}

/// The rate-limit keys of one attempt: the handle as typed (existing or not) for unknown devices, or the
/// known device; the address (unknown devices only); and the address's successes.
struct AttemptKeys {
    failures: String,
    address: Option<String>,
    success: String,
}

impl AttemptKeys {
    fn new(handle: &str, address: &str, known_device: Option<&str>) -> Self {
        // Handles have at most 32 characters; anything longer is cut so that keys stay small.
        let handle: String = handle_key(handle).chars().take(64).collect();
        let failures = match known_device {
            Some(device) => format!("fail-device:{device}:{handle}"),
            None => format!("fail-handle:{handle}"),
        };
        Self {
            failures,
            address: known_device.is_none().then(|| format!("fail-addr:{address}")),
            success: format!("ok-addr:{address}"),
        }
    }

    async fn check(&self, limits: &RateLimiter) -> Result<(), AppError> {
        let mut limited = limits.check(&self.failures, ratelimit::FAILED_PER_HANDLE).await;
        if limited.is_ok() {
            limited = limits.check(&self.success, ratelimit::SUCCESS_PER_ADDRESS).await;
        }
        if let Some(address) = &self.address
            && limited.is_ok()
        {
            limited = limits.check(address, ratelimit::FAILED_PER_ADDRESS).await;
        }
        limited.map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })
    }

    async fn failed(&self, limits: &RateLimiter) {
        limits.record(&self.failures, ratelimit::FAILED_PER_HANDLE).await;
        if let Some(address) = &self.address {
            limits.record(address, ratelimit::FAILED_PER_ADDRESS).await;
        }
    }

    async fn succeeded(&self, limits: &RateLimiter) {
        limits.clear(&self.failures).await;
        if let Some(address) = &self.address {
            limits.undo(address).await;
        }
        limits.record(&self.success, ratelimit::SUCCESS_PER_ADDRESS).await;
    }
}

/// Registrations have a per-address budget of their own (30 a minute), so that one abuser registering
/// behind a shared address (a Tor exit, a carrier's NAT) does not stop everyone there from signing in.
pub async fn check_registration_rate(limits: &RateLimiter, address: &str) -> Result<(), AppError> {
    let key = format!("reg-addr:{address}");
    limits
        .hit(&key, ratelimit::SUCCESS_PER_ADDRESS)
        .await
        .map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })
}

/// Ends every session of the user, this one included.
pub async fn sign_out_everywhere(db: &Db, user_id: &str) -> Result<(), AppError> {
    let id = user_id.to_owned();
    db.write(move |conn| store::end_sessions(conn, &id, db::now())).await
}

#[derive(Debug, Clone, Default, Deserialize, Validate, utoipa::ToSchema)]
#[serde(default)]
pub struct ChangePasswordInput {
    pub current_password: String,
    /// With a second factor, a fresh code too.
    pub totp: Option<String>,
    #[validate(custom(function = "password::validate_new"))]
    pub new_password: String,
}

/// Changes the password; every other session ends, the one with id `keep_session` goes on.
pub async fn change_password(
    db: &Db,
    user: &User,
    input: ChangePasswordInput,
    keep_session: &str,
    mail: &crate::mail::MailSettings,
) -> Result<(), AppError> {
    input.validate()?;
    password_fits_handle(&input.new_password, &user.handle, "new_password")?;
    let id = user.id.clone();
    let stored = db.run(move |conn| store::password_hash(conn, &id)).await?;
    let (current, new) = (input.current_password, input.new_password);
    let hash = blocking(move || {
        if !password::verify(&current, stored.as_deref()) {
            return Err(AppError::field("current_password", error_msg("password-wrong")));
        }
        password::hash(&new)
    })
    .await?;
    if user.second_factor && !second_factor::verify_code(db, &user.id, input.totp.as_deref()).await? {
        return Err(AppError::field("totp", error_msg("second-factor-wrong-code")));
    }
    let (user, keep, mail) = (user.clone(), keep_session.to_owned(), mail.clone());
    db.write(move |conn| {
        let now = db::now();
        store::set_password(conn, &user.id, &hash, now, Some(&keep))?;
        if let Some(email) = &user.email {
            notify::account_changed(conn, &mail, &user, email, "password", now)?;
        }
        Ok(())
    })
    .await
}

#[derive(Debug, Clone, Default, Deserialize, Validate, utoipa::ToSchema)]
#[serde(default)]
pub struct RecoverInput {
    pub handle: String,
    pub recovery_code: String,
    #[validate(custom(function = "password::validate_new"))]
    pub new_password: String,
}

/// Sets a new password with a recovery code; each code works once. Limited like failed sign-ins.
pub async fn recover(
    db: &Db,
    limits: &RateLimiter,
    input: RecoverInput,
    address: &str,
    mail: &crate::mail::MailSettings,
) -> Result<User, AppError> {
    let mail = mail.clone();
    let keys = AttemptKeys::new(&input.handle, address, None);
    keys.check(limits).await?;
    input.validate()?;
    password_fits_handle(&input.new_password, &input.handle, "new_password")?;
    if input.handle.chars().any(char::is_control) {
        return Err(AppError::field("recovery_code", error_msg("recovery-code-wrong")));
    }
    keys.failed(limits).await;
    let key = handle_key(&input.handle);
    let code_hash = hash_recovery_code(&input.recovery_code);
    let new = input.new_password;
    let hash = blocking(move || password::hash(&new)).await?;
    let result = db
        .write(move |conn| {
            let Some((user, _)) = store::find_credentials(conn, &key)? else {
                return Ok(None);
            };
            let now = db::now();
            if !store::use_recovery_code(conn, &user.id, &code_hash, now)? {
                return Ok(None);
            }
            store::set_password(conn, &user.id, &hash, now, None)?;
            store::append_audit(conn, now, Some(&user.id), "password.recovered", Some(&user.id), "{}")?;
            // A recovery code stands for a lost phone: its authenticator app goes with it.
            if user.second_factor {
                store::clear_totp(conn, &user.id)?;
                store::append_audit(conn, now, Some(&user.id), "second_factor.off", Some(&user.id), "{}")?;
            }
            if let Some(email) = &user.email {
                notify::account_changed(conn, &mail, &user, email, "password", now)?;
                if user.second_factor {
                    notify::account_changed(conn, &mail, &user, email, "second-factor-off", now)?;
                }
            }
            Ok(Some(user))
        })
        .await?;
    match result {
        Some(user) => {
            keys.succeeded(limits).await;
            Ok(user)
        }
        None => Err(AppError::field("recovery_code", error_msg("recovery-code-wrong"))),
    }
}

pub async fn set_locale(db: &Db, user_id: &str, locale: Locale) -> Result<(), AppError> {
    let id = user_id.to_owned();
    db.write(move |conn| store::set_locale(conn, &id, locale)).await
}

/// An admin changes someone's role. The last administrator cannot be demoted; every change is audited.
pub async fn change_role(db: &Db, actor: &User, target_id: &str, role: Role) -> Result<User, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (actor_id, target_id) = (actor.id.clone(), target_id.to_owned());
    db.write(move |conn| {
        let admins = store::lock_admin_ids(conn)?;
        let target = store::find_by_id(conn, &target_id)?.ok_or(AppError::NotFound)?;
        if target.role == role {
            return Ok(target);
        }
        if target.role == Role::Admin && admins.len() <= 1 {
            return Err(AppError::Conflict(Msg::new("error-last-admin")));
        }
        store::set_role(conn, &target.id, role)?;
        let details = serde_json::json!({"from": target.role.as_str(), "to": role.as_str()}).to_string();
        store::append_audit(conn, db::now(), Some(&actor_id), "role.changed", Some(&target.id), &details)?;
        store::find_by_id(conn, &target.id)?.ok_or(AppError::NotFound)
    })
    .await
}

/// An account made by an operator (`pravo user create`), with a password or none yet.
pub fn create_user(
    conn: &mut db::AnyConnection,
    handle: &Handle,
    role: Role,
    password_hash: Option<&str>,
) -> Result<User, AppError> {
    db::write_transaction(conn, |conn| create_user_in(conn, handle, role, password_hash))
}

/// Many accounts made by an operator in one transaction (one commit, not one per account), each audited as
/// [`create_user`] audits one: for seeding a large programme (and the scale benchmark). All or none.
pub fn create_users(
    conn: &mut db::AnyConnection,
    handles: &[Handle],
    role: Role,
    password_hash: Option<&str>,
) -> Result<Vec<User>, AppError> {
    db::write_transaction(conn, |conn| {
        handles.iter().map(|handle| create_user_in(conn, handle, role, password_hash)).collect()
    })
}

fn create_user_in(
    conn: &mut db::AnyConnection,
    handle: &Handle,
    role: Role,
    password_hash: Option<&str>,
) -> Result<User, AppError> {
    let id = add_user(conn, handle, role, Locale::En, password_hash, None)?;
    let details = serde_json::json!({"role": role.as_str()}).to_string();
    store::append_audit(conn, db::now(), None, "user.created", Some(&id), &details)?;
    store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)
}

/// Sets the role from the command line (no acting user; audited as the operator).
pub fn set_role_by_operator(conn: &mut db::AnyConnection, handle: &str, role: Role) -> Result<User, AppError> {
    db::write_transaction(conn, |conn| {
        let (user, _) = store::find_credentials(conn, &handle_key(handle))?.ok_or(AppError::NotFound)?;
        let admins = store::lock_admin_ids(conn)?;
        if user.role == Role::Admin && role != Role::Admin && admins.len() <= 1 {
            return Err(AppError::Conflict(Msg::new("error-last-admin")));
        }
        store::set_role(conn, &user.id, role)?;
        let details = serde_json::json!({"from": user.role.as_str(), "to": role.as_str()}).to_string();
        store::append_audit(conn, db::now(), None, "role.changed", Some(&user.id), &details)?;
        store::find_by_id(conn, &user.id)?.ok_or(AppError::NotFound)
    })
}

/// A link to set a password for an account made without one; it works once (setting the password moves
/// the account's `valid_after` past the link's issue time).
pub fn set_password_link(tokens: &Tokens, base_url: &str, user: &User) -> Result<String, AppError> {
    let issued = tokens.issue(TokenKind::SetPassword, &user.id)?;
    Ok(format!("{base_url}/set-password?token={}", issued.token))
}

/// The account a set-password link is for, if the link is still good.
pub async fn set_password_target(db: &Db, tokens: &Tokens, kind: TokenKind, token: &str) -> Result<User, AppError> {
    let claims = tokens.verify(kind, token).ok_or(AppError::NotFound)?;
    let id = claims.sub.clone();
    let (user, pending) = db.run(move |conn| Ok((store::find_by_id(conn, &id)?, store::reset_sid(conn, &id)?))).await?;
    let user = user.ok_or(AppError::NotFound)?;
    if claims.iat_us < user.valid_after.and_utc().timestamp_micros() {
        return Err(AppError::NotFound);
    }
    // Only the newest reset link works.
    if kind == TokenKind::PasswordReset && pending.as_deref() != Some(claims.sid.as_str()) {
        return Err(AppError::NotFound);
    }
    Ok(user)
}

pub async fn set_password_with_link(
    db: &Db,
    tokens: &Tokens,
    kind: TokenKind,
    token: &str,
    new_password: String,
    mail: &crate::mail::MailSettings,
) -> Result<User, AppError> {
    let user = set_password_target(db, tokens, kind, token).await?;
    let issued_us = tokens.verify(kind, token).map(|c| c.iat_us).ok_or(AppError::NotFound)?;
    password::check_new(&new_password).map_err(|p| {
        AppError::field(
            "password",
            error_msg(p.code()).with("min", password::MIN_CHARS).with("max", password::MAX_CHARS),
        )
    })?;
    password_fits_handle(&new_password, &user.handle, "password")?;
    let hash = blocking(move || password::hash(&new_password)).await?;
    let (id, mail) = (user.id.clone(), mail.clone());
    db.write(move |conn| {
        // Checked again inside the transaction, so that two submissions of one link cannot both pass.
        let current = store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)?;
        if issued_us < current.valid_after.and_utc().timestamp_micros() {
            return Err(AppError::NotFound);
        }
        let now = db::now();
        store::set_password(conn, &id, &hash, now, None)?;
        store::clear_reset_link(conn, &id)?;
        if let Some(email) = &current.email {
            notify::account_changed(conn, &mail, &current, email, "password", now)?;
        }
        store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)
    })
    .await
}

/// Between two reset emails to one account: nobody can flood an inbox, and nobody can silence the owner
/// for longer, since the link sent last is then at most this old (and valid for thirty minutes).
const RESET_EMAIL_EVERY_MINUTES: i64 = 5;

/// Sends a password-reset link to the account's email address, if it has one. The answer is the same
/// whether the handle exists or has an address. One link is pending at a time: a new one (at most every
/// five minutes) replaces the one before, which stops working.
pub async fn request_password_reset(
    db: &Db,
    tokens: &Tokens,
    mail: &crate::mail::MailSettings,
    base_url: &str,
    handle: &str,
) -> Result<(), AppError> {
    let key = handle_key(handle);
    if key.chars().any(char::is_control) || key.chars().count() > model::HANDLE_MAX {
        return Ok(());
    }
    let found = db.run(move |conn| store::find_credentials(conn, &key)).await?;
    let Some((user, _)) = found else { return Ok(()) };
    let Some(email) = user.email.clone() else { return Ok(()) };
    let issued = tokens.issue(TokenKind::PasswordReset, &user.id)?;
    let link = format!("{base_url}/reset-password?token={}", issued.token);
    let nonce = issued.expires_at.timestamp_micros();
    let mail = mail.clone();
    db.write(move |conn| {
        let now = db::now();
        let not_after = now - chrono::Duration::minutes(RESET_EMAIL_EVERY_MINUTES);
        if store::claim_reset_link(conn, &user.id, &issued.sid, now, not_after)? {
            notify::password_reset(conn, &mail, &user, &email, &link, nonce)?;
        }
        Ok(())
    })
    .await
}

/// A link to create the first administrator, while there is none.
pub fn bootstrap_link(tokens: &Tokens, base_url: &str) -> Result<String, AppError> {
    let issued = tokens.issue(TokenKind::Bootstrap, "bootstrap")?;
    Ok(format!("{base_url}/setup?token={}", issued.token))
}

pub fn bootstrap_token_valid(tokens: &Tokens, token: &str) -> bool {
    tokens.verify(TokenKind::Bootstrap, token).is_some()
}

/// Creates the first administrator with a bootstrap link; refused once any administrator exists.
/// Makes the first administrator, with recovery codes (shown once): she has no email address yet, and
/// without codes a forgotten password would lock the whole site's administration out.
pub async fn create_first_admin(
    db: &Db,
    tokens: &Tokens,
    token: &str,
    input: RegisterInput,
) -> Result<Registered, AppError> {
    if !bootstrap_token_valid(tokens, token) {
        return Err(AppError::NotFound);
    }
    input.validate()?;
    let handle = handle_field(&input.handle)?;
    password_fits_handle(&input.password, handle.as_str(), "password")?;
    let locale = input.locale.as_deref().and_then(Locale::parse).unwrap_or_default();
    let password = input.password;
    let hash = blocking(move || password::hash(&password)).await?;
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| hash_recovery_code(c)).collect();
    let user = db
        .write(move |conn| {
            db::serialise(conn, db::locks::FIRST_ADMIN)?;
            if store::count_admins(conn)? > 0 {
                return Err(AppError::Conflict(Msg::new("error-already-set-up")));
            }
            let id = add_user(conn, &handle, Role::Admin, locale, Some(&hash), None)?;
            store::insert_recovery_codes(conn, &id, &hashes)?;
            let now = db::now();
            store::append_audit(conn, now, Some(&id), "user.first_admin", Some(&id), "{}")?;
            store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(Registered { user, recovery_codes: Some(codes) })
}

pub async fn admin_exists(db: &Db) -> Result<bool, AppError> {
    db.run(|conn| Ok(store::count_admins(conn)? > 0)).await
}

pub async fn list_users(db: &Db, after: Option<String>, limit: i64) -> Result<Vec<User>, AppError> {
    db.run(move |conn| store::list_users(conn, after.as_deref(), limit)).await
}

pub async fn count_users(db: &Db) -> Result<i64, AppError> {
    db.run(store::count_users).await
}

/// The account with this handle (any case).
pub async fn find_user_by_handle(db: &Db, handle: &str) -> Result<User, AppError> {
    let key = model::handle_key(handle);
    db.run(move |conn| store::find_credentials(conn, &key)).await?.map(|(u, _)| u).ok_or(AppError::NotFound)
}

pub async fn find_user(db: &Db, id: &str) -> Result<Option<User>, AppError> {
    let id = id.to_owned();
    db.run(move |conn| store::find_by_id(conn, &id)).await
}

pub async fn audit_log(db: &Db, before: Option<i64>, limit: i64) -> Result<Vec<model::AuditEntry>, AppError> {
    db.run(move |conn| store::list_audit(conn, before, limit)).await
}

/// Parses a handle, or says what is wrong with it as a message on the `handle` field.
pub fn handle_field(raw: &str) -> Result<Handle, AppError> {
    Handle::parse(raw).map_err(|code| {
        let msg = error_msg(code).with("min", model::HANDLE_MIN).with("max", model::HANDLE_MAX);
        AppError::field("handle", msg)
    })
}

/// The Fluent message for a validation code.
pub fn error_msg(code: &str) -> Msg {
    Msg::new(format!("error-{code}"))
}

fn handle_clash_or(error: AppError, field: &str) -> AppError {
    match &error {
        AppError::Conflict(msg) if msg.id == "error-conflict-retry" => {
            AppError::field(field, error_msg("handle-taken"))
        }
        _ => error,
    }
}

/// At most this many Argon2 computations at once (19 MiB each): a flood of sign-ins queues instead of
/// exhausting memory.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Runs CPU-heavy work (Argon2) in the blocking pool, a few at a time.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, AppError> + Send + 'static) -> Result<T, AppError> {
    let _permit = HASHING.acquire().await.map_err(|e| AppError::internal(format!("hashing queue: {e}")))?;
    actix_web::web::block(f).await.map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
}

/// For optional text fields: an empty string means "none".
fn empty_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value: Option<String> = Option::deserialize(d)?;
    Ok(value.filter(|s| !s.trim().is_empty()))
}

/// For PATCH fields: absent → `None` (keep), `null` → `Some(None)` (remove), a value → `Some(Some(v))`.
fn present_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Ok(Some(Option::deserialize(d)?))
}

/// A new password may not contain the account's handle or the site's name.
fn password_fits_handle(new_password: &str, handle: &str, field: &str) -> Result<(), AppError> {
    password::check_context(new_password, handle).map_err(|p| AppError::field(field, error_msg(p.code())))
}

/// How many users a page of the users list shows.
pub const PAGE_SIZE: i64 = 100;

/// Turns a user's reminders off (or back on).
pub async fn set_reminders_off(db: &Db, user_id: &str, off: bool) -> Result<(), AppError> {
    let id = user_id.to_owned();
    db.write(move |conn| store::set_reminders_off(conn, &id, off)).await
}

// ---- for the domains above, inside their own transactions ----

/// A user by id.
pub fn user_by_id(conn: &mut db::AnyConnection, id: &crate::core::ids::UserId) -> Result<Option<User>, AppError> {
    store::find_by_id(conn, id.as_str())
}

/// A user by the key of a handle ([`model::handle_key`]): handles compare without case.
pub fn user_by_handle_key(conn: &mut db::AnyConnection, key: &str) -> Result<Option<User>, AppError> {
    Ok(store::find_credentials(conn, key)?.map(|(user, _)| user))
}

/// Appends an entry to the audit log (which cannot be changed afterwards).
pub fn append_audit(conn: &mut db::AnyConnection, entry: &model::AuditRecord<'_>) -> Result<(), AppError> {
    store::append_audit(conn, entry.at, entry.actor_id, entry.action, entry.target_user_id, entry.details)
}

/// Fills in the look-alike skeletons of handles from before they were kept (start-up, under its lock).
pub fn fill_handle_skeletons(conn: &mut db::AnyConnection) -> Result<usize, AppError> {
    db::write_transaction(conn, store::fill_handle_skeletons)
}
