//! Passwords: the rules a new password must meet, and Argon2id hashing.
//!
//! Rules follow NIST SP 800-63B: length (12 to 128 characters, any Unicode), no composition rules, and
//! refusal of the 10,000 most common passwords (Django's list), compared ignoring case, and of passwords
//! that an attacker's guessing rules try first: one short pattern repeated (`aaaaaaaaaaaa`), a run of
//! letters or digits (`123456789012`), a walk along a keyboard row (`qwertyuiopas`, `йцукенгшщзхъ`), and
//! (with [`check_context`]) the account's handle or the site's name.

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
    Repetitive,
    Sequential,
    KeyboardWalk,
    /// It contains the handle or the site's name.
    Context,
}

impl PasswordProblem {
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Common => "password-common",
            PasswordProblem::Repetitive => "password-repetitive",
            PasswordProblem::Sequential => "password-sequential",
            PasswordProblem::KeyboardWalk => "password-keyboard",
            PasswordProblem::Context => "password-context",
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
    } else if is_repetitive(password) {
        Err(PasswordProblem::Repetitive)
    } else if is_sequential(password) {
        Err(PasswordProblem::Sequential)
    } else if is_keyboard_walk(password) {
        Err(PasswordProblem::KeyboardWalk)
    } else {
        Ok(())
    }
}

/// The site's name, which no password may contain.
const SITE_WORDS: [&str; 1] = ["pravo"];

/// Refuses a password that contains the account's handle or the site's name (ignoring case): the first
/// thing a person who knows the pseudonym tries.
pub fn check_context(password: &str, handle: &str) -> Result<(), PasswordProblem> {
    let lower = password.to_lowercase();
    let handle = handle.trim().to_lowercase();
    if (handle.chars().count() >= 3 && lower.contains(&handle)) || SITE_WORDS.iter().any(|w| lower.contains(w)) {
        Err(PasswordProblem::Context)
    } else {
        Ok(())
    }
}

/// Few distinct characters, or one pattern of up to four characters repeated.
fn is_repetitive(password: &str) -> bool {
    let chars: Vec<char> = password.to_lowercase().chars().collect();
    let distinct: HashSet<char> = chars.iter().copied().collect();
    if distinct.len() <= 3 {
        return true;
    }
    (1..=4).any(|n| chars.len() > n && chars.iter().enumerate().all(|(i, c)| *c == chars[i % n]))
}

/// Nearly every neighbour is the next or the previous letter or digit (`0` follows `9`).
fn is_sequential(password: &str) -> bool {
    let chars: Vec<char> = password.to_lowercase().chars().collect();
    let step = |a: char, b: char| -> i64 {
        if a == '9' && b == '0' {
            1
        } else if a == '0' && b == '9' {
            -1
        } else {
            i64::from(u32::from(b)) - i64::from(u32::from(a))
        }
    };
    let steps: Vec<i64> = chars.windows(2).map(|w| step(w[0], w[1])).collect();
    let up = steps.iter().filter(|s| **s == 1).count();
    let down = steps.iter().filter(|s| **s == -1).count();
    up.max(down) + 2 >= steps.len()
}

/// The rows of Latin and Cyrillic keyboards, each row followed by the next, as fingers walk them.
const KEYBOARD: [&str; 2] = ["1234567890qwertyuiopasdfghjklzxcvbnm", "1234567890йцукенгшщзхъфывапролджэячсмитьбю"];

/// Nearly every neighbour is the next or previous key on a keyboard row.
fn is_keyboard_walk(password: &str) -> bool {
    let chars: Vec<char> = password.to_lowercase().chars().collect();
    KEYBOARD.iter().any(|layout| {
        let keys: Vec<char> = layout.chars().collect();
        let position = |c: char| keys.iter().position(|k| *k == c);
        let adjacent = chars
            .windows(2)
            .filter(|w| match (position(w[0]), position(w[1])) {
                (Some(a), Some(b)) => a.abs_diff(b) == 1,
                _ => false,
            })
            .count();
        adjacent + 2 >= chars.len().saturating_sub(1)
    })
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
    }

    #[test]
    fn the_guessers_first_tries_are_refused() {
        assert_eq!(check_new("aaaaaaaaaaaa"), Err(PasswordProblem::Repetitive));
        assert_eq!(check_new("abcabcabcabc"), Err(PasswordProblem::Repetitive));
        assert_eq!(check_new("123456789012"), Err(PasswordProblem::Sequential));
        assert_eq!(check_new("zyxwvutsrqpo"), Err(PasswordProblem::Sequential));
        assert_eq!(check_new("qwertyuiopas"), Err(PasswordProblem::KeyboardWalk));
        assert_eq!(check_new("йцукенгшщзхъ"), Err(PasswordProblem::KeyboardWalk));
        assert_eq!(check_context("admin212345678", "admin2"), Err(PasswordProblem::Context));
        assert_eq!(check_context("my pravo secret", "someone"), Err(PasswordProblem::Context));
        assert_eq!(check_new("a calm river of twelve"), Ok(()));
        assert_eq!(check_new("correct horse battery"), Ok(()));
        assert_eq!(check_context("a calm river of twelve", "river-girl"), Ok(()));
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
