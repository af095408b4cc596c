//! Passwords: the rules a new password must meet, and Argon2id hashing.
//!
//! Rules follow NIST SP 800-63B: length (12 to 128 characters, any Unicode), no composition rules, and
//! refusal of the 10,000 most common passwords (Django's list), compared ignoring case.

use std::collections::HashSet;
use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::core::error::AppError;

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;

static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("common-passwords.txt").lines().map(|l| l.trim().to_lowercase()).filter(|l| !l.is_empty()).collect()
});

/// Why a password was refused; each maps to a Fluent message `error-password-…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
}

impl PasswordProblem {
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Common => "password-common",
        }
    }
}

/// Checks a new password against the rules.
pub fn check_new(password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        Err(PasswordProblem::TooShort)
    } else if chars > MAX_CHARS {
        Err(PasswordProblem::TooLong)
    } else if COMMON.contains(&password.to_lowercase()) {
        Err(PasswordProblem::Common)
    } else {
        Ok(())
    }
}

/// For `validator`: `#[validate(custom(function = "crate::auth::password::validate_new"))]`.
pub fn validate_new(password: &str) -> Result<(), validator::ValidationError> {
    check_new(password).map_err(|p| {
        let mut e = validator::ValidationError::new(p.code());
        e.add_param("min".into(), &MIN_CHARS);
        e.add_param("max".into(), &MAX_CHARS);
        e
    })
}

fn argon2() -> Argon2<'static> {
    // OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password (slow on purpose: call it off the async executor).
pub fn hash(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(format!("argon2: {e}")))
}

/// Checks a password against a stored hash. With no hash (unknown handle, or an account whose password
/// was never set) it still spends the same time, so that timing does not reveal whether a handle exists.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: LazyLock<String> = LazyLock::new(|| hash("pravo-timing-equaliser").unwrap_or_default());
    let (hash_text, real) = match stored {
        Some(h) => (h, true),
        None => (DUMMY.as_str(), false),
    };
    let ok = PasswordHash::new(hash_text)
        .map(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false);
    ok && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check_new("пароль-длинный"), Ok(()));
        assert_eq!(check_new("короткий"), Err(PasswordProblem::TooShort));
        assert_eq!(check_new(&"я".repeat(129)), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn common_passwords_are_refused_ignoring_case() {
        assert_eq!(check_new("QWERTY123456"), Err(PasswordProblem::Common));
        assert_eq!(check_new("MegaParol12345"), Err(PasswordProblem::Common));
        assert!(COMMON.len() > 9_000);
    }

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse battery").unwrap_or_default();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("correct horse batterY", Some(&h)));
        assert!(!verify("correct horse battery", None));
    }
}
