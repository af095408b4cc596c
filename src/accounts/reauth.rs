//! Re-authentication: the password asked again before a step that hands over data or cannot be undone.

use super::model::User;
use super::{blocking, store};
use crate::auth::password;
use crate::auth::ratelimit::{self, RateLimiter};
use crate::core::error::AppError;
use crate::db::Db;

/// Proves, before a step that cannot be undone or that hands over her data (export, erasure, a new email),
/// that the person at the keyboard knows the password, not just holds an unlocked phone. A wrong or missing
/// password is 403 `reauthentication_required`; failures count like failed sign-ins of her handle, so a
/// stolen session cannot guess on. An account with a second factor must also give a fresh code (`totp`).
pub async fn reauthenticate(
    db: &Db,
    limits: &RateLimiter,
    user: &User,
    current_password: &str,
    totp: Option<&str>,
) -> Result<(), AppError> {
    // A budget of its own: strangers' failed sign-ins as her handle must not stop her from proving it is
    // her; and a thief with her session gets ten guesses per quarter hour.
    let key = format!("fail-reauth:{}", user.id);
    limits
        .check(&key, ratelimit::FAILED_PER_HANDLE)
        .await
        .map_err(|retry_after_seconds| AppError::RateLimited { retry_after_seconds })?;
    if current_password.is_empty() {
        return Err(AppError::ReauthenticationRequired);
    }
    limits.record(&key, ratelimit::FAILED_PER_HANDLE).await;
    let id = user.id.clone();
    let stored = db.run(move |conn| store::password_hash(conn, &id)).await?;
    let typed = current_password.to_owned();
    if blocking(move || Ok(password::verify(&typed, stored.as_deref()))).await?
        && (!user.second_factor || super::second_factor::verify_code(db, &user.id, totp).await?)
    {
        limits.undo(&key).await;
        Ok(())
    } else {
        Err(AppError::ReauthenticationRequired)
    }
}
