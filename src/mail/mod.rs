//! Email through a transactional outbox. A message is a row written in the same transaction as what
//! caused it; a worker claims due rows in a short transaction, sends outside it, and records the result,
//! retrying failures with exponential backoff and jitter. With `SMTP_URL` it sends through lettre; without
//! it, each message is written as an .eml file under the data folder, so nothing is lost in the default
//! run. Subjects never name a course or topic.

mod notice_store;
pub mod notices;
mod store;

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDateTime;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::Rng;

use crate::config::Settings;
use crate::core::error::AppError;
use crate::core::metrics::{MailOutcome, metrics};
use crate::db::{self, AnyConnection, Db};
use store::Job;

/// A message to queue: who, what, and a key that makes it unique (one message per key, ever).
pub struct Outgoing<'a> {
    pub kind: &'a str,
    pub dedupe_key: String,
    pub user_id: Option<&'a str>,
    pub recipient: &'a str,
    pub subject: String,
    pub body: String,
    pub attachment: Option<(String, Vec<u8>)>,
}

/// Queues a message inside the caller's transaction; returns whether it was new.
pub fn enqueue(conn: &mut AnyConnection, settings: &MailSettings, message: Outgoing) -> Result<bool, AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4().simple(), settings.domain);
    let (name, bytes) = match &message.attachment {
        Some((n, b)) => (Some(n.as_str()), Some(b.as_slice())),
        None => (None, None),
    };
    let job = store::NewJob {
        id: &id,
        kind: message.kind,
        dedupe_key: &message.dedupe_key,
        user_id: message.user_id,
        recipient: message.recipient,
        subject: &message.subject,
        body: &message.body,
        attachment: bytes,
        attachment_name: name,
        message_id: &message_id,
    };
    store::insert_job(conn, &job, db::now())
}

/// How mail is sent and retried.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub from: String,
    /// The host part of Message-IDs.
    pub domain: String,
    pub smtp_url: Option<String>,
    pub eml_dir: PathBuf,
    /// How long an .eml file is kept; `None` keeps them.
    pub eml_keep: Option<Duration>,
    pub first_retry: Duration,
    pub max_retry: Duration,
    pub poll: Duration,
    pub max_attempts: i32,
}

impl MailSettings {
    pub fn from_settings(settings: &Settings) -> Self {
        let domain =
            settings.mail_from.rsplit_once('@').map(|(_, d)| d.to_owned()).unwrap_or_else(|| "localhost".into());
        MailSettings {
            from: settings.mail_from.clone(),
            domain,
            smtp_url: settings.smtp_url.clone(),
            eml_dir: settings.data_dir.join("mail"),
            eml_keep: (settings.eml_keep_days > 0)
                .then(|| Duration::from_secs(u64::from(settings.eml_keep_days) * 86_400)),
            first_retry: Duration::from_secs(settings.mail_retry_seconds),
            max_retry: Duration::from_secs(settings.mail_retry_max_seconds),
            poll: Duration::from_secs(2),
            max_attempts: 12,
        }
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// Sends queued messages.
pub struct Mailer {
    settings: MailSettings,
    transport: Transport,
    from: Mailbox,
}

/// Why a send failed, and whether trying again could help.
struct SendError {
    message: String,
    permanent: bool,
}

impl Mailer {
    pub fn new(settings: MailSettings) -> Result<Self, AppError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| AppError::internal(format!("PRAVO_MAIL_FROM {:?} is not an address: {e}", settings.from)))?;
        let transport = match &settings.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| AppError::internal(format!("SMTP_URL cannot be used: {e}")))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
            None => Transport::Files(settings.eml_dir.clone()),
        };
        Ok(Mailer { settings, transport, from })
    }

    pub fn poll_interval(&self) -> Duration {
        self.settings.poll
    }

    fn build(&self, job: &Job) -> Result<Message, SendError> {
        let permanent = |message: String| SendError { message, permanent: true };
        let to: Mailbox = job.recipient.parse().map_err(|e| permanent(format!("bad recipient: {e}")))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(job.subject.clone())
            .message_id(Some(job.message_id.clone()));
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .header(ContentTransferEncoding::Base64)
            .body(job.body.clone());
        let message = match (&job.attachment, &job.attachment_name) {
            (Some(bytes), Some(name)) => {
                let kind = ContentType::parse("application/pdf").map_err(|e| permanent(e.to_string()))?;
                let attachment = Attachment::new(name.clone()).body(bytes.clone(), kind);
                builder.multipart(MultiPart::mixed().singlepart(text).singlepart(attachment))
            }
            _ => builder.singlepart(text),
        };
        message.map_err(|e| permanent(format!("cannot build the message: {e}")))
    }

    async fn send(&self, job: &Job) -> Result<(), SendError> {
        let message = self.build(job)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError { permanent: e.is_permanent(), message: e.to_string() }),
            Transport::Files(dir) => {
                let dir = dir.clone();
                let name = format!("{}.eml", job.id);
                let bytes = message.formatted();
                actix_web::web::block(move || {
                    crate::core::private_files::create_dir(&dir)?;
                    crate::core::private_files::write(&dir.join(name), &bytes)
                })
                .await
                .map_err(|e| SendError { message: e.to_string(), permanent: false })?
                .map_err(|e| SendError { message: e.to_string(), permanent: false })
            }
        }
    }

    fn forget_file(&self, id: &str) {
        if let Transport::Files(dir) = &self.transport {
            let _ = std::fs::remove_file(dir.join(format!("{id}.eml")));
        }
    }

    /// The delay before attempt `attempts + 1`: doubling from the first delay up to the cap, ±20 %.
    fn backoff(&self, attempts: i32) -> Duration {
        let first = self.settings.first_retry.as_secs_f64();
        let base = (first * 2f64.powi((attempts - 1).clamp(0, 30))).min(self.settings.max_retry.as_secs_f64());
        let jitter = rand::thread_rng().gen_range(0.8..=1.2);
        Duration::from_secs_f64(base * jitter)
    }

    /// Claims the due messages, sends them, records what happened; returns how many were sent.
    pub async fn work_once(&self, db: &Db) -> Result<usize, AppError> {
        let lease = chrono::Duration::seconds(120);
        let jobs = db
            .write(move |conn| {
                let now = db::now();
                store::claim_due(conn, now, now + lease, 20)
            })
            .await?;
        let mut sent = 0;
        for job in jobs {
            let outcome = self.send(&job).await;
            let id = job.id.clone();
            match outcome {
                Ok(()) => {
                    let kept = db.write(move |conn| store::mark_sent(conn, &id, db::now())).await?;
                    if !kept {
                        // Its recipient was erased while it was on its way: a file written meanwhile goes too.
                        self.forget_file(&job.id);
                    }
                    sent += 1;
                    metrics().mail_attempt(MailOutcome::Sent);
                }
                Err(error) => {
                    let attempts = job.attempts + 1;
                    let give_up = error.permanent || attempts >= self.settings.max_attempts;
                    let retry_at: Option<NaiveDateTime> = (!give_up).then(|| {
                        db::now()
                            + chrono::Duration::from_std(self.backoff(attempts))
                                .unwrap_or(chrono::Duration::seconds(10))
                    });
                    metrics().mail_attempt(if give_up { MailOutcome::Failed } else { MailOutcome::Retrying });
                    tracing::warn!(job = %job.id, kind = %job.kind, attempts, permanent = error.permanent,
                        "email not sent: {}", without_addresses(&error.message));
                    let message = error.message;
                    db.write(move |conn| store::mark_attempt_failed(conn, &id, attempts, retry_at, &message)).await?;
                }
            }
        }
        Ok(sent)
    }
}

/// An SMTP server's reply often quotes the recipient (`550 <name@example.org>: no such user`): the log
/// gets the reply with every address taken out.
fn without_addresses(message: &str) -> String {
    message
        .split_inclusive(|c: char| c.is_whitespace())
        .map(|word| if word.contains('@') { "[address] " } else { word })
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// When the mail worker last went round its loop (Unix seconds; 0 before its first round), for `/readyz`.
#[derive(Clone, Default)]
pub struct Heartbeat(std::sync::Arc<std::sync::atomic::AtomicI64>);

impl Heartbeat {
    fn beat(&self) {
        self.0.store(chrono::Utc::now().timestamp(), std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether the worker went round within `within` (it goes round every poll interval).
    pub fn alive(&self, within: Duration) -> bool {
        let last = self.0.load(std::sync::atomic::Ordering::Relaxed);
        last > 0 && chrono::Utc::now().timestamp() - last <= within.as_secs() as i64
    }
}

/// Sends queued mail until the server stops.
pub async fn run_worker(db: Db, mailer: std::sync::Arc<Mailer>, heartbeat: Heartbeat) {
    let mut tick = tokio::time::interval(mailer.poll_interval());
    let mut last_sweep: Option<std::time::Instant> = None;
    loop {
        tick.tick().await;
        heartbeat.beat();
        if let Err(e) = mailer.work_once(&db).await {
            tracing::warn!(error = %e, "the mail worker could not run");
        }
        if last_sweep.is_none_or(|at| at.elapsed() >= EML_SWEEP_EVERY) {
            last_sweep = Some(std::time::Instant::now());
            if let Err(e) = mailer.delete_old_eml_files().await {
                tracing::warn!(error = %e, "could not delete old .eml files");
            }
        }
    }
}

/// How often the worker looks for .eml files past their keeping time.
const EML_SWEEP_EVERY: Duration = Duration::from_secs(3600);

impl Mailer {
    /// Deletes the .eml files older than the keeping time (written when there is no SMTP server): they
    /// hold reset links and addresses, and nothing needs them once an operator has had time to pass them
    /// on. Returns how many were deleted.
    pub async fn delete_old_eml_files(&self) -> Result<usize, AppError> {
        let Some(keep) = self.settings.eml_keep else { return Ok(0) };
        let dir = self.settings.eml_dir.clone();
        actix_web::web::block(move || crate::core::private_files::delete_older_than(&dir, keep))
            .await
            .map_err(|e| AppError::internal(e.to_string()))?
            .map_err(|e| AppError::internal(e.to_string()))
    }
}

/// The outbox for administrators.
pub async fn list(db: &Db) -> Result<Vec<Job>, AppError> {
    db.run(|conn| store::list(conn, 200)).await
}

/// Puts a failed (or stuck) message back in the queue; a sent one cannot be sent again (its content is
/// gone by design).
pub async fn resend(db: &Db, id: &str) -> Result<(), AppError> {
    let id = id.to_owned();
    db.write(move |conn| {
        let job = store::find(conn, &id)?.ok_or(AppError::NotFound)?;
        if job.status == "sent" {
            return Err(AppError::Conflict(crate::i18n::Msg::new("error-mail-already-sent")));
        }
        store::requeue(conn, &id, db::now())
    })
    .await
}

/// A message in a person's data export: its kind and what became of it, never its text.
#[derive(Debug, serde::Serialize)]
pub struct MessageRecord {
    pub kind: String,
    pub status: String,
    pub queued_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// The messages to a person (for her data export).
pub fn messages_to(
    conn: &mut AnyConnection,
    user_id: &str,
    email: Option<&str>,
) -> Result<Vec<MessageRecord>, AppError> {
    Ok(store::to_person(conn, user_id, email)?
        .into_iter()
        .map(|(_, kind, status, queued_at, sent_at)| MessageRecord { kind, status, queued_at, sent_at })
        .collect())
}

/// Cancels and forgets every message to a person (erasure), inside the caller's transaction. Returns the
/// ids, so that the caller can delete their .eml files once the transaction has committed.
pub fn forget_messages_to(
    conn: &mut AnyConnection,
    user_id: &str,
    email: Option<&str>,
) -> Result<Vec<String>, AppError> {
    store::delete_to_person(conn, user_id, email)
}

/// Retention: forgets the records of messages sent or given up before `before` (inside the caller's
/// transaction); returns how many.
pub fn forget_old_messages(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, AppError> {
    store::forget_old(conn, before)
}

/// Sets the outbox gauges of `/metrics` from the database (shared by every instance).
pub async fn record_outbox_metrics(db: &Db) -> Result<(), AppError> {
    use crate::core::metrics::OutboxLabels;
    let stats = db.run(store::stats).await?;
    let m = metrics();
    for (status, n) in
        [("queued", stats.queued), ("retrying", stats.retrying), ("sent", stats.sent), ("failed", stats.failed)]
    {
        m.outbox.get_or_create(&OutboxLabels { status }).set(n);
    }
    let age = stats.oldest_queued.map(|at| (db::now() - at).num_seconds().max(0)).unwrap_or(0);
    m.outbox_oldest_seconds.set(age);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::without_addresses;

    #[test]
    fn a_rejection_logged_names_no_recipient() {
        let reply = "permanent error (550): 5.1.1 <olena.k@example.org>: Recipient address rejected";
        let logged = without_addresses(reply);
        assert!(!logged.contains("olena") && !logged.contains("example.org"), "{logged}");
        assert!(logged.starts_with("permanent error (550): 5.1.1 [address]"), "{logged}");
    }
}
