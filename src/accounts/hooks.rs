//! What a higher domain adds to the session check without accounts importing it: the number of
//! applications waiting for her review (scholarships), shown in the navigation beside "Review" so that a
//! reviewer, scholar or staff, finds her work. app.rs connects it once, at start.

use std::sync::OnceLock;

use crate::core::error::AppError;
use crate::db::AnyConnection;

/// How many reviews wait for a user, or `None` when she reviews for no programme (one indexed read then).
pub type ReviewsWaiting = fn(&mut AnyConnection, &str) -> Result<Option<i64>, AppError>;

static REVIEWS_WAITING: OnceLock<ReviewsWaiting> = OnceLock::new();

/// Connects the hook (the first connection stays: every application in a process wires the same one).
pub fn connect_reviews_waiting(hook: ReviewsWaiting) {
    let _ = REVIEWS_WAITING.set(hook);
}

pub(crate) fn reviews_waiting(conn: &mut AnyConnection, user_id: &str) -> Result<Option<i64>, AppError> {
    match REVIEWS_WAITING.get() {
        Some(hook) => hook(conn, user_id),
        None => Ok(None),
    }
}
