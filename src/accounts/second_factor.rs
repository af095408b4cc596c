//! The second factor: codes from an authenticator app (TOTP, RFC 6238: HMAC-SHA-1, six digits, 30-second
//! steps, one step of clock drift either way). A code is accepted once: the step of the last accepted code
//! is stored, and an older or equal step is refused, so a code read over a shoulder or from a log cannot be
//! used again. Enrolling shows a secret (and a QR code drawn here, never by another host) that becomes
//! active only when a code made from it is typed back; turning it on gives a new set of recovery codes.
//! The authenticator entry is labelled with the site's name only, never the handle: a seized phone's
//! authenticator app should not name the account.

use maud::{Markup, html};
use rand::RngCore;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use super::model::User;
use super::{error_msg, notify, recovery, store};
use crate::auth::ratelimit::{self, RateLimiter};
use crate::auth::tokens::{TokenKind, Tokens};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};

pub const STEP_SECONDS: u64 = 30;
const DIGITS: usize = 6;
/// 160 bits, as RFC 4226 recommends for HMAC-SHA-1.
const SECRET_BYTES: usize = 20;

fn totp(secret: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret.to_owned())
        .to_bytes()
        .map_err(|_| AppError::internal("a stored second-factor secret is not base32"))?;
    TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECONDS, bytes).map_err(|e| AppError::internal(format!("totp: {e}")))
}

fn now_seconds() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default()
}

/// The time step whose code `typed` is, within one step either side of now, if any. Spaces are ignored
/// (apps show "123 456").
pub fn matching_step(secret: &str, typed: &str, now: u64) -> Result<Option<i64>, AppError> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let totp = totp(secret)?;
    let step = now / STEP_SECONDS;
    for s in [step, step.saturating_sub(1), step + 1] {
        if bool::from(totp.generate(s * STEP_SECONDS).as_bytes().ct_eq(code.as_bytes())) {
            return Ok(i64::try_from(s).ok());
        }
    }
    Ok(None)
}

/// Checks a code for an account with a second factor and uses it up (run inside a write transaction).
/// `false` for a wrong code, a code of a step already used, or an account without a second factor.
pub fn check_and_use(conn: &mut AnyConnection, user_id: &str, typed: &str) -> Result<bool, AppError> {
    let Some(secret) = store::totp_state(conn, user_id)?.secret else { return Ok(false) };
    match matching_step(&secret, typed, now_seconds())? {
        Some(step) => store::use_totp_step(conn, user_id, step),
        None => Ok(false),
    }
}

/// What an authenticator app needs: the secret (typed by hand, in groups of four) and the `otpauth://` link
/// the QR code carries.
pub struct Enrolment {
    pub secret: String,
    pub otpauth_uri: String,
}

impl Enrolment {
    fn new(secret: String, site_name: &str) -> Self {
        let label: String = url::form_urlencoded::byte_serialize(site_name.as_bytes()).collect();
        let otpauth_uri = format!(
            "otpauth://totp/{label}?secret={secret}&issuer={label}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}"
        );
        Self { secret, otpauth_uri }
    }

    /// The secret in groups of four letters, easier to copy by hand.
    pub fn grouped(&self) -> String {
        self.secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
    }

    /// The `otpauth://` link as a QR code, drawn as inline SVG.
    pub fn qr(&self) -> Result<Markup, AppError> {
        let code = qrcode::QrCode::with_error_correction_level(self.otpauth_uri.as_bytes(), qrcode::EcLevel::M)
            .map_err(|e| AppError::internal(format!("QR: {e}")))?;
        let width = code.width();
        let mut path = String::new();
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                path.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
            }
        }
        let size = width + 8;
        Ok(html! {
            svg.qr xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {size} {size}")) width="240" height="240"
                role="img" aria-hidden="true" shape-rendering="crispEdges" {
                rect width=(size) height=(size) fill="#fff" {}
                path d=(path) fill="#000" {}
            }
        })
    }
}

/// Starts enrolling (after re-authentication): a new secret, kept as pending until confirmed.
pub async fn begin(db: &Db, user: &User, site_name: &str) -> Result<Enrolment, AppError> {
    let mut bytes = [0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let Secret::Encoded(secret) = Secret::Raw(bytes.to_vec()).to_encoded() else {
        return Err(AppError::internal("could not encode a second-factor secret"));
    };
    let (id, stored) = (user.id.clone(), secret.clone());
    db.write(move |conn| store::set_totp_pending(conn, &id, &stored)).await?;
    Ok(Enrolment::new(secret, site_name))
}

/// The pending enrolment of `user`, to show it again (a reload, a wrong code).
pub async fn pending(db: &Db, user: &User, site_name: &str) -> Result<Option<Enrolment>, AppError> {
    let id = user.id.clone();
    let pending = db.run(move |conn| store::totp_state(conn, &id)).await?.pending;
    Ok(pending.map(|secret| Enrolment::new(secret, site_name)))
}

/// Confirms the pending secret with a code made from it: the second factor is on from now, and the
/// account gets a new set of recovery codes (returned, shown once). Her address, if any, is told.
pub async fn confirm(
    db: &Db,
    limits: &RateLimiter,
    user: &User,
    typed: &str,
    mail: &crate::mail::MailSettings,
) -> Result<Vec<String>, AppError> {
    let key = format!("fail-2fa:{}", user.id);
    limits
        .check(&key, ratelimit::FAILED_PER_HANDLE)
        .await
        .map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })?;
    let codes = recovery::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| recovery::hash_recovery_code(c)).collect();
    let (user, typed, mail) = (user.clone(), typed.to_owned(), mail.clone());
    let confirmed = db
        .write(move |conn| {
            let Some(secret) = store::totp_state(conn, &user.id)?.pending else {
                return Err(AppError::field("code", error_msg("second-factor-not-started")));
            };
            let Some(step) = matching_step(&secret, &typed, now_seconds())? else { return Ok(false) };
            store::activate_totp(conn, &user.id, &secret, step)?;
            store::insert_recovery_codes(conn, &user.id, &hashes)?;
            store::append_audit(conn, db::now(), Some(&user.id), "second_factor.on", Some(&user.id), "{}")?;
            if let Some(email) = &user.email {
                notify::account_changed(conn, &mail, &user, email, "second-factor", db::now())?;
            }
            Ok(true)
        })
        .await?;
    if !confirmed {
        limits.record(&key, ratelimit::FAILED_PER_HANDLE).await;
        return Err(AppError::field("code", error_msg("second-factor-wrong-code")));
    }
    Ok(codes)
}

/// The second step of signing in on the pages: the short-lived token the first step handed out (after the
/// right password) and a code. Wrong codes count against the account's own budget.
pub async fn complete_sign_in(
    db: &Db,
    limits: &RateLimiter,
    tokens: &Tokens,
    step_token: &str,
    typed: &str,
) -> Result<User, AppError> {
    let claims = tokens.verify(TokenKind::SecondStep, step_token).ok_or(AppError::SecondFactorRequired)?;
    let key = format!("fail-2fa:{}", claims.sub);
    limits
        .check(&key, ratelimit::FAILED_PER_HANDLE)
        .await
        .map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })?;
    let (id, typed) = (claims.sub.clone(), typed.to_owned());
    let user = db
        .write(move |conn| {
            if !check_and_use(conn, &id, &typed)? {
                return Ok(None);
            }
            store::find_by_id(conn, &id)
        })
        .await?;
    match user {
        Some(user) => Ok(user),
        None => {
            limits.record(&key, ratelimit::FAILED_PER_HANDLE).await;
            Err(AppError::field("code", error_msg("second-factor-wrong-code")))
        }
    }
}

/// Checks a code given with a password (the API's `totp`, re-authentication): used up when right.
pub async fn verify_code(db: &Db, user_id: &str, typed: Option<&str>) -> Result<bool, AppError> {
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else { return Ok(false) };
    let (id, typed) = (user_id.to_owned(), typed.to_owned());
    db.write(move |conn| check_and_use(conn, &id, &typed)).await
}

/// The code for `secret` at a Unix time (what an authenticator app shows then; for tests).
pub fn code_at(secret: &str, unix_seconds: u64) -> Result<String, AppError> {
    Ok(totp(secret)?.generate(unix_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_and_its_neighbours_only() {
        let Secret::Encoded(secret) = Secret::Raw(vec![7u8; 20]).to_encoded() else { panic!("encoded") };
        let totp = totp(&secret).unwrap_or_else(|e| panic!("{e:?}"));
        let now = 1_796_400_000u64;
        let code = totp.generate(now);
        assert_eq!(matching_step(&secret, &code, now).ok().flatten(), Some((now / 30) as i64));
        assert!(matching_step(&secret, &code, now + 30).ok().flatten().is_some(), "one step of drift");
        assert!(matching_step(&secret, &code, now + 90).ok().flatten().is_none(), "not three steps later");
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(matching_step(&secret, &spaced, now).ok().flatten().is_some());
        assert!(matching_step(&secret, "12345", now).ok().flatten().is_none());
    }
}
