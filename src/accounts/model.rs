//! Account types: roles, handles (parsed once at the edge), the user as the rest of Pravo sees it.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Scholar,
    Trainer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Scholar, Role::Trainer, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Scholar => "scholar",
            Role::Trainer => "trainer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A handle: 3 to 32 Unicode letters, digits, `_`, `-` and `.`; unique ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handle(String);

pub const HANDLE_MIN: usize = 3;
pub const HANDLE_MAX: usize = 32;

impl Handle {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let trimmed = raw.trim();
        let chars = trimmed.chars().count();
        if !(HANDLE_MIN..=HANDLE_MAX).contains(&chars) {
            return Err("handle-length");
        }
        if !trimmed.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            return Err("handle-characters");
        }
        Ok(Handle(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form compared for uniqueness.
    pub fn key(&self) -> String {
        handle_key(&self.0)
    }
}

/// How a handle is compared: trimmed and lower-cased (Unicode-aware), so that "Olena" and "olena" clash.
pub fn handle_key(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// What a handle looks like, for telling look-alikes apart: NFKC (fullwidth `ａ` is `a`), lower case, then
/// the Unicode confusable skeleton of UTS #39 (Cyrillic `а` and Latin `a`, `rn` and `m`, `0` and `O`).
pub fn handle_skeleton(raw: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = raw.trim().nfkc().collect::<String>().to_lowercase();
    let skeleton: String = unicode_security::confusable_detection::skeleton(&folded).collect();
    skeleton.to_lowercase()
}

/// For `validator`: `#[validate(custom(function = "crate::accounts::model::validate_handle"))]`.
pub fn validate_handle(raw: &str) -> Result<(), validator::ValidationError> {
    Handle::parse(raw).map(|_| ()).map_err(|code| {
        let mut e = validator::ValidationError::new(code);
        e.add_param("min".into(), &HANDLE_MIN);
        e.add_param("max".into(), &HANDLE_MAX);
        e
    })
}

pub fn validate_locale(raw: &str) -> Result<(), validator::ValidationError> {
    Locale::parse(raw).map(|_| ()).ok_or_else(|| validator::ValidationError::new("locale-unknown"))
}

pub fn validate_role(raw: &str) -> Result<(), validator::ValidationError> {
    Role::parse(raw).map(|_| ()).ok_or_else(|| validator::ValidationError::new("role-unknown"))
}

/// A user as the rest of Pravo sees it (no password hash).
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub handle: String,
    pub role: Role,
    pub locale: Locale,
    pub email: Option<String>,
    pub certificate_name: Option<String>,
    pub valid_after: NaiveDateTime,
    pub kept_session_id: Option<String>,
    pub created_at: NaiveDateTime,
    /// Whether the user turned reminder emails off.
    pub reminders_off: bool,
    /// Whether certificates are emailed (with an address) or only kept in the app.
    pub certificates_by_email: bool,
    /// A new address waiting for its owner to open the link sent to it.
    pub email_pending: Option<String>,
    /// Whether sign-in asks for a code from an authenticator app too.
    pub second_factor: bool,
    /// When the account last became an administrator (the second factor's grace period starts here).
    pub admin_since: Option<NaiveDateTime>,
    /// An administrator past the grace period without a second factor: no administrator's power, and no
    /// staff power, until one is set up (worked out per request from the settings).
    pub admin_locked: bool,
    /// Whether she last signed in through the site's onion address: the links in her emails lead there.
    pub via_onion: bool,
    /// Notices in her inbox she has not opened (worked out with the session check; 0 elsewhere).
    pub unread_notices: i64,
    /// Applications waiting for her review, when she reviews for a programme (worked out with the session
    /// check of a page; `None` elsewhere).
    pub reviews_waiting: Option<i64>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin && !self.admin_locked
    }

    /// Until when an administrator without a second factor may act without one (`None`: not an
    /// administrator, or already has one).
    pub fn second_factor_grace_until(&self, grace: chrono::Duration) -> Option<NaiveDateTime> {
        (self.role == Role::Admin && !self.second_factor).then(|| self.admin_since.unwrap_or(self.created_at) + grace)
    }

    /// Trainers and admins may author courses.
    pub fn is_staff(&self) -> bool {
        matches!(self.role, Role::Trainer) || self.is_admin()
    }
}

/// The API's `user` object.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UserDto {
    pub id: String,
    pub handle: String,
    pub role: Role,
    #[schema(value_type = String, example = "en")]
    pub locale: Locale,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_name: Option<String>,
    /// Certificates are emailed when there is an address and this is true; otherwise only downloaded.
    pub certificates_by_email: bool,
    /// A new address that is used once confirmed through the link sent to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_pending: Option<String>,
}

impl From<&User> for UserDto {
    fn from(u: &User) -> Self {
        UserDto {
            id: u.id.clone(),
            handle: u.handle.clone(),
            role: u.role,
            locale: u.locale,
            email: u.email.clone(),
            certificate_name: u.certificate_name.clone(),
            certificates_by_email: u.certificates_by_email,
            email_pending: u.email_pending.clone(),
        }
    }
}

/// One audit log entry.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub actor_handle: Option<String>,
    pub action: String,
    pub target_user_id: Option<String>,
    pub target_handle: Option<String>,
    pub details: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_take_unicode_letters_and_refuse_the_rest() {
        assert!(Handle::parse("Олена_2").is_ok());
        assert!(Handle::parse("a.b-c").is_ok());
        assert_eq!(Handle::parse("ab"), Err("handle-length"));
        assert_eq!(Handle::parse("has space"), Err("handle-characters"));
        assert_eq!(Handle::parse(&"я".repeat(33)), Err("handle-length"));
        assert_eq!(Handle::parse("ОЛЕНА").map(|h| h.key()), Ok("олена".to_owned()));
    }
}

/// An audit-log entry to append: who did what to whom, and when.
#[derive(Debug, Clone, Copy)]
pub struct AuditRecord<'a> {
    pub at: chrono::NaiveDateTime,
    pub actor_id: Option<&'a str>,
    pub action: &'a str,
    pub target_user_id: Option<&'a str>,
    pub details: &'a str,
}

#[cfg(test)]
mod skeleton_tests {
    use super::handle_skeleton;

    #[test]
    fn look_alikes_share_a_skeleton_and_different_handles_do_not() {
        let admin = handle_skeleton("admin2");
        for look_alike in ["аdmin2", "ａｄｍｉｎ２", "adrnin2", "ADMIN2", " admin2 "] {
            assert_eq!(handle_skeleton(look_alike), admin, "{look_alike}");
        }
        assert_ne!(handle_skeleton("admin3"), admin);
        assert_ne!(handle_skeleton("олена"), handle_skeleton("олеся"));
    }
}
