//! Signed tokens (JWT, HS256) of several kinds: a session, a link to set a password, a link to create
//! the first administrator. Each kind has its own audience, so that one kind can never pass for another,
//! and validation is explicit: one algorithm, issuer, audience, expiry, not-before, a small leeway.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::core::error::AppError;

const ISSUER: &str = "pravo";
const LEEWAY_SECONDS: u64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A signed-in session, in the cookie or as a Bearer token.
    Session,
    /// A single-use link to set a password (accounts made by `pravo user create`).
    SetPassword,
    /// A single-use link to create the first administrator.
    Bootstrap,
    /// A single-use link, sent by email, to choose a new password.
    PasswordReset,
    /// The link in a reminder that turns reminders off without signing in.
    ReminderOptOut,
    /// Between the right password and the second factor's code, on the sign-in page (a few minutes).
    SecondStep,
}

impl TokenKind {
    fn audience(self) -> &'static str {
        match self {
            TokenKind::Session => "pravo:session",
            TokenKind::SetPassword => "pravo:set-password",
            TokenKind::Bootstrap => "pravo:bootstrap",
            TokenKind::PasswordReset => "pravo:password-reset",
            TokenKind::ReminderOptOut => "pravo:reminder-opt-out",
            TokenKind::SecondStep => "pravo:second-step",
        }
    }

    pub fn lifetime(self) -> Duration {
        match self {
            TokenKind::Session => Duration::days(14),
            TokenKind::SetPassword => Duration::days(3),
            TokenKind::Bootstrap => Duration::days(1),
            TokenKind::PasswordReset => Duration::minutes(30),
            TokenKind::ReminderOptOut => Duration::days(90),
            TokenKind::SecondStep => Duration::minutes(5),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The user's id (for `Bootstrap`, the literal "bootstrap").
    pub sub: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    /// Issue time in microseconds: compared with the user's `valid_after`, which a password change or
    /// "sign out everywhere" moves to now, at sub-second precision.
    pub iat_us: i64,
    /// A random id per sign-in, so that one session can be kept while the others end.
    pub sid: String,
    pub kind: TokenKind,
}

/// Issues and checks tokens with the shared key.
#[derive(Clone)]
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

pub struct Issued {
    pub token: String,
    /// The session's id (the token's `sid`).
    pub sid: String,
    pub expires_at: DateTime<Utc>,
}

impl Tokens {
    pub fn new(key: &[u8]) -> Result<Self, AppError> {
        let bad_key = |e: jsonwebtoken::errors::Error| AppError::internal(format!("token key: {e}"));
        Ok(Self {
            encoding: EncodingKey::from_secret(key).map_err(bad_key)?,
            decoding: DecodingKey::from_secret(key).map_err(bad_key)?,
        })
    }

    pub fn issue(&self, kind: TokenKind, subject: &str) -> Result<Issued, AppError> {
        self.issue_at(kind, subject, Utc::now())
    }

    pub fn issue_at(&self, kind: TokenKind, subject: &str, now: DateTime<Utc>) -> Result<Issued, AppError> {
        let expires_at = now + kind.lifetime();
        let claims = Claims {
            iss: ISSUER.into(),
            aud: kind.audience().into(),
            sub: subject.into(),
            iat: now.timestamp(),
            nbf: now.timestamp(),
            exp: expires_at.timestamp(),
            iat_us: now.timestamp_micros(),
            sid: uuid::Uuid::new_v4().simple().to_string(),
            kind,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::internal(format!("jwt encode: {e}")))?;
        Ok(Issued { token, sid: claims.sid, expires_at })
    }

    /// The claims of a valid token of `kind`, or `None` for anything else (forged, expired, another kind).
    pub fn verify(&self, kind: TokenKind, token: &str) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[kind.audience()]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?.claims;
        (claims.kind == kind).then_some(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_accepted_only_as_its_own_kind() {
        let tokens = Tokens::new(b"0123456789abcdef0123456789abcdef").unwrap_or_else(|e| panic!("{e}"));
        let issued = tokens.issue(TokenKind::SetPassword, "user-1").unwrap_or_else(|e| panic!("{e}"));
        assert!(tokens.verify(TokenKind::SetPassword, &issued.token).is_some());
        assert!(tokens.verify(TokenKind::Session, &issued.token).is_none());
    }

    #[test]
    fn expired_and_forged_tokens_are_refused() {
        let tokens = Tokens::new(b"0123456789abcdef0123456789abcdef").unwrap_or_else(|e| panic!("{e}"));
        let old =
            tokens.issue_at(TokenKind::Session, "u", Utc::now() - Duration::days(15)).unwrap_or_else(|e| panic!("{e}"));
        assert!(tokens.verify(TokenKind::Session, &old.token).is_none());
        let other = Tokens::new(b"another key another key another!!").unwrap_or_else(|e| panic!("{e}"));
        let forged = other.issue(TokenKind::Session, "u").unwrap_or_else(|e| panic!("{e}"));
        assert!(tokens.verify(TokenKind::Session, &forged.token).is_none());
    }
}
