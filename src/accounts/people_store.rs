//! The SQL of finding accounts by part of their handle (private to accounts, beside `store.rs`).

use diesel::prelude::*;

use super::model::User;
use super::store::UserRow;
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::users;

/// Accounts whose handle contains `part` (compared as handles are: case-folded), by handle, after
/// `after` (a handle key), at most `limit`.
pub fn search(conn: &mut AnyConnection, part: &str, after: Option<&str>, limit: i64) -> Result<Vec<User>, AppError> {
    let escaped: String =
        part.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
    let mut query = users::table
        .select(UserRow::as_select())
        .filter(users::handle_key.like(format!("%{escaped}%")).escape('\\'))
        .order(users::handle_key.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(users::handle_key.gt(after.to_owned()));
    }
    Ok(query.load(conn)?.into_iter().map(User::from).collect())
}
