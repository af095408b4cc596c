//! In-app notices: the inbox. Every event that sends an email also leaves a notice here, so that someone
//! without an address (most scholars, rightly) misses nothing. A notice is a kind and a link to the page
//! where the news is; its words are written when it is read, in the reader's language, and its title
//! never names a course or a topic (someone may be looking over her shoulder). Like the outbox, this
//! knows no domain: callers say what kind of news it is and where it is.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::notice_store as store;
use crate::core::error::AppError;
use crate::db::AnyConnection;

/// The kinds of news, each with its words in the locales (`notice-title-…`, `notice-body-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Her application arrived.
    ApplicationReceived,
    /// A decision on her application (a place offered, the waiting list, or no).
    Decision,
    /// A message from her programme's team.
    Nudge,
    /// A trainer graded an answer of hers.
    Graded,
    /// Applications are waiting for her review.
    ReviewAssigned,
    /// A certificate was issued to her.
    Certificate,
    /// An administrator put her on a course as a trainer.
    CourseAssigned,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::ApplicationReceived,
        Kind::Decision,
        Kind::Nudge,
        Kind::Graded,
        Kind::ReviewAssigned,
        Kind::Certificate,
        Kind::CourseAssigned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::ApplicationReceived => "application_received",
            Kind::Decision => "decision",
            Kind::Nudge => "nudge",
            Kind::Graded => "graded",
            Kind::ReviewAssigned => "review_assigned",
            Kind::Certificate => "certificate",
            Kind::CourseAssigned => "course_assigned",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The Fluent ids of its title and body.
    pub fn message_ids(self) -> (String, String) {
        let code = self.code().replace('_', "-");
        (format!("notice-title-{code}"), format!("notice-body-{code}"))
    }
}

/// A notice as its owner sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub id: String,
    #[serde(serialize_with = "kind_code")]
    pub kind: Kind,
    /// A path on this site (relative, so that it works under every address of the site).
    pub link: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

fn kind_code<S: serde::Serializer>(kind: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

/// Leaves a notice for `user_id` inside the caller's transaction; the same `dedupe_key` twice leaves one.
/// `link` must be a path on this site.
pub fn leave(
    conn: &mut AnyConnection,
    user_id: &str,
    kind: Kind,
    link: &str,
    dedupe_key: &str,
) -> Result<(), AppError> {
    if !link.starts_with('/') || link.starts_with("//") {
        return Err(AppError::internal(format!("a notice links to a path on this site, not {link:?}")));
    }
    store::insert(conn, user_id, kind.code(), link, dedupe_key)
}

/// Her notices, newest first (at most `limit`).
pub fn of(conn: &mut AnyConnection, user_id: &str, limit: i64) -> Result<Vec<Notice>, AppError> {
    Ok(store::newest(conn, user_id, limit)?
        .into_iter()
        .filter_map(|(id, kind, link, created_at, read_at)| {
            Kind::parse(&kind).map(|kind| Notice { id, kind, link, created_at, read_at })
        })
        .collect())
}

/// How many of her notices she has not opened.
pub fn unread(conn: &mut AnyConnection, user_id: &str) -> Result<i64, AppError> {
    store::count_unread(conn, user_id)
}

/// Marks one of her notices read; its link, or `None` when it is not hers (or does not exist).
pub fn open(conn: &mut AnyConnection, user_id: &str, id: &str) -> Result<Option<String>, AppError> {
    let link = store::link_of(conn, user_id, id)?;
    if link.is_some() {
        store::mark_read(conn, user_id, Some(id))?;
    }
    Ok(link)
}

/// Marks every notice of hers read.
pub fn open_all(conn: &mut AnyConnection, user_id: &str) -> Result<usize, AppError> {
    store::mark_read(conn, user_id, None)
}

/// Deletes her notices (erasure; the account row's deletion would too, through the foreign key).
pub fn forget(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    store::delete_all(conn, user_id)
}
