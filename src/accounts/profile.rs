//! The profile: language, the name printed on certificates, whether certificates are emailed, and the
//! email address. A new address needs the password (someone holding an unlocked phone must not be able to
//! redirect password resets to herself) and is used only once its owner opens the link sent to it.

use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::model::User;
use super::{error_msg, notify, present_or_null, reauthenticate, store};
use crate::auth::ratelimit::RateLimiter;
use crate::core::error::AppError;
use crate::db::{self, Db};
use crate::i18n::Locale;
use crate::mail::MailSettings;

/// `PATCH /me` and the account form: absent fields stay; an empty (or null) email or name removes it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ProfileInput {
    pub locale: Option<String>,
    /// A new address is used once confirmed through the link sent to it (`email_pending` until then);
    /// changing or removing it needs `current_password`.
    #[serde(default, deserialize_with = "present_or_null")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present_or_null")]
    #[schema(value_type = Option<String>)]
    pub certificate_name: Option<Option<String>>,
    /// Email certificates (with their PDF) when there is an address; false keeps them in the app only.
    pub certificates_by_email: Option<bool>,
    /// Needed to change or remove the email address (403 `reauthentication_required` otherwise).
    #[serde(default)]
    pub current_password: Option<String>,
    /// With a second factor, a fresh code too.
    pub totp: Option<String>,
}

pub const CERTIFICATE_NAME_MAX: usize = 100;

/// How long the link that confirms a new address works.
const CONFIRM_HOURS: i64 = 48;

impl ProfileInput {
    fn check(&self) -> Result<(), AppError> {
        use validator::ValidateEmail;
        let mut fields = crate::core::error::FieldErrors::new();
        if let Some(code) = &self.locale
            && Locale::parse(code).is_none()
        {
            fields.insert("locale".into(), vec![error_msg("locale-unknown")]);
        }
        if let Some(Some(email)) = &self.email {
            let email = email.trim();
            if !email.is_empty() && (!email.validate_email() || email.len() > 254) {
                fields.insert("email".into(), vec![error_msg("email-invalid")]);
            }
        }
        if let Some(Some(name)) = &self.certificate_name {
            if name.trim().chars().count() > CERTIFICATE_NAME_MAX {
                let msg = error_msg("certificate-name-too-long").with("max", CERTIFICATE_NAME_MAX);
                fields.insert("certificate_name".into(), vec![msg]);
            } else if name.chars().any(|c| c.is_control() || matches!(c, '<' | '>' | '{' | '}')) {
                // The name is printed on a certificate: letters, spaces and punctuation, no markup.
                fields.insert("certificate_name".into(), vec![error_msg("certificate-name-characters")]);
            }
        }
        if fields.is_empty() { Ok(()) } else { Err(AppError::Validation(fields)) }
    }
}

/// What a profile change needs besides the person and her input.
pub struct ProfileContext<'a> {
    pub db: &'a Db,
    pub limits: &'a RateLimiter,
    pub mail: &'a MailSettings,
    /// Where the confirmation link of a new address points.
    pub base_url: &'a str,
}

pub async fn update_profile(cx: &ProfileContext<'_>, user: &User, input: ProfileInput) -> Result<User, AppError> {
    input.check()?;
    let locale = input.locale.as_deref().and_then(Locale::parse).unwrap_or(user.locale);
    let tidy = |v: Option<Option<String>>, old: &Option<String>| match v {
        None => old.clone(),
        Some(v) => v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
    };
    let email = tidy(input.email, &user.email);
    let name = tidy(input.certificate_name, &user.certificate_name);
    let by_email = input.certificates_by_email.unwrap_or(user.certificates_by_email);
    let changes_email = email != user.email;
    if changes_email {
        reauthenticate(
            cx.db,
            cx.limits,
            user,
            input.current_password.as_deref().unwrap_or_default(),
            input.totp.as_deref(),
        )
        .await?;
    }
    let code = new_code();
    let link = format!("{}/confirm-email?code={code}", cx.base_url);
    let (before, mail) = (user.clone(), cx.mail.clone());
    cx.db
        .write(move |conn| {
            let now = db::now();
            // The address in use changes now only when it is removed; a new one waits for its link.
            let in_use = if changes_email && email.is_some() { before.email.as_deref() } else { email.as_deref() };
            store::update_profile(conn, &before.id, locale, in_use, name.as_deref(), by_email)?;
            match (&email, changes_email) {
                (Some(new), true) => {
                    let until = now + chrono::Duration::hours(CONFIRM_HOURS);
                    store::set_pending_email(conn, &before.id, Some((new, &hash_code(&code), until)))?;
                    notify::confirm_email(conn, &mail, &before, new, &link, now)?;
                }
                (None, true) => {
                    store::set_pending_email(conn, &before.id, None)?;
                    if let Some(old) = &before.email {
                        notify::account_changed(conn, &mail, &before, old, "email", now)?;
                    }
                }
                _ => {}
            }
            store::find_by_id(conn, &before.id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Opens the link sent to a new address: the address becomes the account's, and the old one is told.
/// An unknown, used or expired code is 404.
pub async fn confirm_email(db: &Db, mail: &MailSettings, code: &str) -> Result<User, AppError> {
    if code.is_empty() || code.len() > 100 {
        return Err(AppError::NotFound);
    }
    let (hash, mail) = (hash_code(code), mail.clone());
    db.write(move |conn| {
        let now = db::now();
        let (user, new) = store::take_pending_email(conn, &hash, now)?.ok_or(AppError::NotFound)?;
        if let Some(old) = user.email.as_deref().filter(|old| *old != new) {
            notify::account_changed(conn, &mail, &user, old, "email", now)?;
        }
        store::find_by_id(conn, &user.id)?.ok_or(AppError::NotFound)
    })
    .await
}

fn new_code() -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn hash_code(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}
