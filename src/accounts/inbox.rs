//! Her inbox: the notices the mail layer keeps for her (see `mail::notices`), listed newest first and
//! marked read when she opens one.

use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::Db;
use crate::mail::notices::{self, Notice};

/// The most notices a list shows (older ones stay until the account goes).
pub const SHOWN: i64 = 100;

/// Her notices, newest first, and how many are unread.
pub async fn inbox(db: &Db, user: &User) -> Result<(Vec<Notice>, i64), AppError> {
    let id = user.id.clone();
    db.read(move |conn| Ok((notices::of(conn, &id, SHOWN)?, notices::unread(conn, &id)?))).await
}

/// Opens one of her notices: marks it read and returns where it leads. Someone else's, or none: 404.
pub async fn open_notice(db: &Db, user: &User, notice_id: &str) -> Result<String, AppError> {
    let (id, notice_id) = (user.id.clone(), notice_id.to_owned());
    db.write(move |conn| notices::open(conn, &id, &notice_id)).await?.ok_or(AppError::NotFound)
}

/// Marks every notice of hers read.
pub async fn open_all_notices(db: &Db, user: &User) -> Result<(), AppError> {
    let id = user.id.clone();
    db.write(move |conn| notices::open_all(conn, &id).map(|_| ())).await
}
