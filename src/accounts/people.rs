//! People, for administrators: accounts made from the web (handle and role; a one-time link to set the
//! password is handed over, as `pravo user create` prints one) and found by part of their handle.

use serde::Deserialize;

use super::model::{Handle, Role, User, handle_key};
use super::{error_msg, people_store, store};
use crate::auth::tokens::Tokens;
use crate::core::error::AppError;
use crate::db::{self, Db};

/// `POST /admin/users`: a new account's handle and role.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewAccountInput {
    /// 3 to 32 letters, digits, dots, dashes or underscores; unique ignoring case.
    #[schema(required = true)]
    pub handle: String,
    #[schema(required = true, value_type = super::model::Role)]
    pub role: String,
}

/// An administrator makes an account without a password; returns it and the one-time link (valid three
/// days) to hand to its owner, under the address `site` the administrator uses.
pub async fn create_by_admin(
    db: &Db,
    tokens: &Tokens,
    actor: &User,
    input: NewAccountInput,
    site: &str,
) -> Result<(User, String), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let mut fields = crate::core::error::FieldErrors::new();
    let handle =
        Handle::parse(&input.handle).map_err(|code| fields.insert("handle".into(), vec![error_msg(code)])).ok();
    let role = Role::parse(&input.role);
    if role.is_none() {
        fields.insert("role".into(), vec![error_msg("role-unknown")]);
    }
    let (Some(handle), Some(role)) = (handle, role) else { return Err(AppError::Validation(fields)) };
    let actor_id = actor.id.clone();
    let user = db
        .write(move |conn| {
            let id = super::add_user(conn, &handle, role, crate::i18n::Locale::En, None, None)?;
            let details = serde_json::json!({"role": role.as_str()}).to_string();
            store::append_audit(conn, db::now(), Some(&actor_id), "user.created", Some(&id), &details)?;
            store::find_by_id(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await?;
    let link = super::set_password_link(tokens, site, &user)?;
    Ok((user, link))
}

/// Accounts whose handle contains `part`, a page at a time (administrators check first).
pub async fn search_users(db: &Db, part: &str, after: Option<String>, limit: i64) -> Result<Vec<User>, AppError> {
    let part = handle_key(part.trim());
    db.run(move |conn| people_store::search(conn, &part, after.as_deref(), limit)).await
}
