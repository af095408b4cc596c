//! Storage of the outbox: the only code that names its table.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::outbox;
use crate::db_match;

/// A message waiting to be sent, or sent.
#[derive(Debug, Clone, Queryable)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<Vec<u8>>,
    pub attachment_name: Option<String>,
    pub message_id: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
}

type JobColumns = (
    outbox::id,
    outbox::kind,
    outbox::recipient,
    outbox::subject,
    outbox::body,
    outbox::attachment,
    outbox::attachment_name,
    outbox::message_id,
    outbox::status,
    outbox::attempts,
    outbox::next_attempt_at,
    outbox::last_error,
);

fn job_columns() -> JobColumns {
    (
        outbox::id,
        outbox::kind,
        outbox::recipient,
        outbox::subject,
        outbox::body,
        outbox::attachment,
        outbox::attachment_name,
        outbox::message_id,
        outbox::status,
        outbox::attempts,
        outbox::next_attempt_at,
        outbox::last_error,
    )
}

pub struct NewJob<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub dedupe_key: &'a str,
    pub user_id: Option<&'a str>,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment: Option<&'a [u8]>,
    pub attachment_name: Option<&'a str>,
    pub message_id: &'a str,
}

/// Adds a job unless one with the same dedupe key exists; returns whether it was added.
pub fn insert_job(conn: &mut AnyConnection, job: &NewJob, now: NaiveDateTime) -> Result<bool, AppError> {
    let row = (
        outbox::id.eq(job.id),
        outbox::kind.eq(job.kind),
        outbox::dedupe_key.eq(job.dedupe_key),
        outbox::user_id.eq(job.user_id),
        outbox::recipient.eq(job.recipient),
        outbox::subject.eq(job.subject),
        outbox::body.eq(job.body),
        outbox::attachment.eq(job.attachment),
        outbox::attachment_name.eq(job.attachment_name),
        outbox::message_id.eq(job.message_id),
        outbox::status.eq("pending"),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
        outbox::created_at.eq(now),
    );
    let n = db_match!(conn,
        sqlite => diesel::insert_into(outbox::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(outbox::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(n == 1)
}

#[derive(QueryableByName)]
struct ClaimedId {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Claims up to `limit` due jobs until `lease_until`, so that no other worker (or instance) takes them;
/// a job whose lease ran out (its worker died) is due again. Run inside a write transaction.
pub fn claim_due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<Job>, AppError> {
    let ids: Vec<String> = db_match!(conn,
        sqlite => {
            let ids: Vec<String> = outbox::table
                .filter(outbox::status.eq("pending"))
                .filter(outbox::next_attempt_at.le(now))
                .filter(outbox::locked_until.is_null().or(outbox::locked_until.lt(now)))
                .order(outbox::next_attempt_at.asc())
                .limit(limit)
                .select(outbox::id)
                .load(conn)?;
            diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
                .set(outbox::locked_until.eq(lease_until))
                .execute(conn)?;
            ids
        },
        postgres => diesel::sql_query(
            "UPDATE outbox SET locked_until = $1 WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' \
             AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until < $2) \
             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
        )
        .bind::<Timestamp, _>(lease_until)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load::<ClaimedId>(conn)?
        .into_iter()
        .map(|r| r.id)
        .collect(),
    );
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let conn: &mut AnyConnection = conn;
    Ok(outbox::table.filter(outbox::id.eq_any(&ids)).select(job_columns()).load(conn)?)
}

/// Marks a job sent and clears its content: only delivery metadata is kept. Returns whether the job was
/// still there (its recipient may have been erased while it was being sent).
pub fn mark_sent(conn: &mut AnyConnection, id: &str, now: NaiveDateTime) -> Result<bool, AppError> {
    let n = diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
            outbox::body.eq(""),
            outbox::attachment.eq(None::<Vec<u8>>),
        ))
        .execute(conn)?;
    Ok(n > 0)
}

/// Records a failed attempt: due again at `retry_at`, or given up (`failed`) when it is `None`.
pub fn mark_attempt_failed(
    conn: &mut AnyConnection,
    id: &str,
    attempts: i32,
    retry_at: Option<NaiveDateTime>,
    error: &str,
) -> Result<(), AppError> {
    let status = if retry_at.is_some() { "pending" } else { "failed" };
    let next = retry_at.unwrap_or_else(crate::db::now);
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::status.eq(status),
            outbox::attempts.eq(attempts),
            outbox::next_attempt_at.eq(next),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(error),
        ))
        .execute(conn)?;
    Ok(())
}

/// The newest jobs, for administrators.
pub fn list(conn: &mut AnyConnection, limit: i64) -> Result<Vec<Job>, AppError> {
    Ok(outbox::table.order(outbox::created_at.desc()).limit(limit).select(job_columns()).load(conn)?)
}

pub fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<Job>, AppError> {
    Ok(outbox::table.filter(outbox::id.eq(id)).select(job_columns()).first(conn).optional()?)
}

/// Puts a failed job back in the queue, due now.
pub fn requeue(conn: &mut AnyConnection, id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::status.eq("pending"),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A message's (id, kind, status, queued, sent).
pub type SentRecord = (String, String, String, NaiveDateTime, Option<NaiveDateTime>);

/// The messages to a person (by her id, or her address for those queued before she had an id), for her
/// data export: what was sent, never the text.
pub fn to_person(conn: &mut AnyConnection, user_id: &str, email: Option<&str>) -> Result<Vec<SentRecord>, AppError> {
    let mut query = outbox::table.filter(outbox::user_id.eq(user_id)).into_boxed();
    if let Some(email) = email {
        query = query.or_filter(outbox::recipient.eq(email));
    }
    Ok(query
        .order(outbox::created_at.asc())
        .select((outbox::id, outbox::kind, outbox::status, outbox::created_at, outbox::sent_at))
        .load(conn)?)
}

/// Deletes the messages to a person, queued or sent; returns their ids (their .eml files are named so).
pub fn delete_to_person(conn: &mut AnyConnection, user_id: &str, email: Option<&str>) -> Result<Vec<String>, AppError> {
    let ids: Vec<String> = to_person(conn, user_id, email)?.into_iter().map(|row| row.0).collect();
    for chunk in ids.chunks(500) {
        diesel::delete(outbox::table.filter(outbox::id.eq_any(chunk))).execute(conn)?;
    }
    Ok(ids)
}

/// Retention: forgets the records of messages sent or given up before `before`; returns how many.
pub fn forget_old(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, AppError> {
    Ok(diesel::delete(
        outbox::table.filter(outbox::status.eq_any(["sent", "failed"])).filter(outbox::created_at.lt(before)),
    )
    .execute(conn)?)
}

/// How many emails wait (never tried, or to be retried), were sent or gave up, and when the oldest waiting
/// one was queued.
pub fn stats(conn: &mut AnyConnection) -> Result<OutboxStats, AppError> {
    let count = |conn: &mut AnyConnection, status: &str| -> Result<i64, AppError> {
        Ok(outbox::table.filter(outbox::status.eq(status)).count().get_result(conn)?)
    };
    let retrying: i64 =
        outbox::table.filter(outbox::status.eq("pending")).filter(outbox::attempts.gt(0)).count().get_result(conn)?;
    let oldest: Option<NaiveDateTime> =
        outbox::table.filter(outbox::status.eq("pending")).select(diesel::dsl::min(outbox::created_at)).first(conn)?;
    Ok(OutboxStats {
        queued: count(conn, "pending")? - retrying,
        retrying,
        sent: count(conn, "sent")?,
        failed: count(conn, "failed")?,
        oldest_queued: oldest,
    })
}

pub struct OutboxStats {
    pub queued: i64,
    pub retrying: i64,
    pub sent: i64,
    pub failed: i64,
    pub oldest_queued: Option<NaiveDateTime>,
}
