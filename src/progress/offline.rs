//! Learning without a connection. A scholar who keeps a course on her device (the service worker of
//! `static/sw.js`) reads its pages offline; what she does meanwhile (a module marked complete, an answer to
//! an untimed quiz, a submitted quiz) waits in her browser and arrives here as one ordered batch when she is
//! back. Each step carries an id her browser chose; a receipt per id makes a batch that is sent twice (the
//! answer to the first was lost on the way) take effect once. Each step gets an outcome she can read: done,
//! or refused and why; nothing is silently dropped.

use serde::Deserialize;
use serde_json::Value;

use super::Reading;
use super::offline_store as store;
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::{self, Db};
use crate::i18n::Locale;

/// At most this many steps in one batch (a day of reading offline is a few dozen).
pub const MAX_STEPS: usize = 500;

/// How long a receipt is kept: a browser that has not sent its queue within this long starts afresh.
pub const RECEIPT_DAYS: i64 = 30;

/// What she did offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// "Mark as complete" on a module (`course`, `module`).
    Complete,
    /// An answer to a question of an untimed attempt (`attempt_id`, `question_id`, `answer`).
    Answer,
    /// The final submit of an attempt (`attempt_id`).
    Submit,
}

/// One queued step, as her browser sends it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct Step {
    /// Chosen by the browser, unique for her (letters, digits, `-` and `_`, at most 64).
    pub id: String,
    pub kind: StepKind,
    #[serde(default)]
    pub course: Option<String>,
    #[serde(default)]
    pub module: Option<String>,
    #[serde(default)]
    pub attempt_id: Option<String>,
    #[serde(default)]
    pub question_id: Option<String>,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub answer: Option<Value>,
}

/// What became of one step: `message` is a Fluent id of what to tell her, `link` where to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub done: bool,
    /// The step had been received before (this batch was sent again): nothing was done twice.
    pub repeated: bool,
    pub message: String,
    pub link: Option<String>,
}

/// Whether an id her browser chose is one we store.
fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Checks a batch before anything of it is done: its size and every id.
pub fn check(steps: &[Step]) -> Result<(), AppError> {
    use crate::i18n::Msg;
    if steps.len() > MAX_STEPS {
        return Err(AppError::field("items", Msg::new("offline-too-many").with("count", MAX_STEPS as i64)));
    }
    if steps.iter().any(|s| !valid_id(&s.id)) {
        return Err(AppError::field("items", Msg::new("offline-bad-id")));
    }
    Ok(())
}

/// Applies a batch in order. A step that cannot be done is refused with a reason and the next one goes
/// on; only a failure of the server itself stops the batch (what was done so far has its receipts, so
/// sending the batch again is safe).
pub async fn apply(db: &Db, user: &User, locale: Locale, steps: Vec<Step>) -> Result<Vec<Outcome>, AppError> {
    check(&steps)?;
    let mut outcomes = Vec::with_capacity(steps.len());
    for step in steps {
        let (uid, sid) = (user.id.clone(), step.id.clone());
        let earlier = db.run(move |conn| store::receipt(conn, &uid, &sid)).await?;
        let link = link_of(&step);
        if let Some(message) = earlier {
            outcomes.push(Outcome {
                id: step.id,
                done: message.starts_with("offline-done"),
                repeated: true,
                message,
                link,
            });
            continue;
        }
        let message = one(db, user, locale, &step).await?;
        let (uid, sid, msg) = (user.id.clone(), step.id.clone(), message.to_owned());
        db.write(move |conn| store::put_receipt(conn, &uid, &sid, &msg, db::now())).await?;
        outcomes.push(Outcome {
            id: step.id,
            done: message.starts_with("offline-done"),
            repeated: false,
            message: message.to_owned(),
            link,
        });
    }
    Ok(outcomes)
}

/// Where she can see what a step was about.
fn link_of(step: &Step) -> Option<String> {
    match step.kind {
        StepKind::Complete => match (&step.course, &step.module) {
            (Some(c), Some(m)) if slug_like(c) && slug_like(m) => Some(format!("/courses/{c}/modules/{m}")),
            _ => None,
        },
        StepKind::Answer | StepKind::Submit => {
            step.attempt_id.as_deref().filter(|a| slug_like(a)).map(|a| format!("/attempts/{a}"))
        }
    }
}

fn slug_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Does one step; returns the Fluent id of its outcome. Refusals are outcomes, not errors; a server
/// failure is an error.
async fn one(db: &Db, user: &User, locale: Locale, step: &Step) -> Result<&'static str, AppError> {
    let result = match step.kind {
        StepKind::Complete => match (&step.course, &step.module) {
            (Some(course), Some(module)) => {
                super::complete_module(db, user, course, module).await.map(|_| "offline-done-complete")
            }
            _ => return Ok("offline-refused-incomplete"),
        },
        StepKind::Answer => match (&step.attempt_id, &step.question_id, &step.answer) {
            (Some(attempt), Some(question), Some(answer)) => {
                crate::quizzes::save_answer(db, user, attempt, question, Ok(answer.clone()))
                    .await
                    .map(|()| "offline-done-answer")
            }
            _ => return Ok("offline-refused-incomplete"),
        },
        StepKind::Submit => match &step.attempt_id {
            Some(attempt) => submit(db, user, locale, attempt).await,
            None => return Ok("offline-refused-incomplete"),
        },
    };
    match result {
        Ok(message) => Ok(message),
        Err(AppError::NotFound | AppError::Forbidden | AppError::Unauthorized) => Ok("offline-refused-gone"),
        Err(AppError::Conflict(_)) => Ok("offline-refused-closed"),
        Err(AppError::Validation(_) | AppError::BadRequest(_)) => Ok("offline-refused-invalid"),
        Err(other) => Err(other),
    }
}

/// A quiz submitted offline goes in only when every question has an answer: she did not see the check
/// that the online form shows, so with questions open it waits for her to look (nothing is lost).
async fn submit(db: &Db, user: &User, locale: Locale, attempt: &str) -> Result<&'static str, AppError> {
    let view = crate::quizzes::attempt_view(db, user, attempt, locale).await?;
    if !view.own {
        return Err(AppError::NotFound);
    }
    if view.attempt.submitted_at.is_some() {
        return Ok("offline-refused-closed");
    }
    if !view.gaps().is_empty() {
        return Ok("offline-refused-gaps");
    }
    crate::quizzes::submit(db, user, attempt, locale).await?;
    Ok("offline-done-submit")
}

/// The addresses of a course to keep on her device: the course page, every module, every quiz's
/// introduction and every image of the course. For those who may read its modules.
pub async fn keep_list(
    db: &Db,
    reading: &Reading,
    user: &User,
    slug: &str,
    locale: Locale,
) -> Result<Vec<String>, AppError> {
    let view = super::course_view(db, reading, Some(user), slug, locale).await?;
    if !view.access.can_read_modules() {
        return Err(AppError::Forbidden);
    }
    let slug = view.course.slug.clone();
    let mut urls = vec![format!("/courses/{slug}")];
    for m in &view.modules {
        urls.push(format!("/courses/{slug}/modules/{}", m.module.slug));
        if let Some(quiz) = &m.quiz_id {
            urls.push(format!("/quizzes/{quiz}"));
        }
    }
    let course_id = view.course.id.clone();
    let media = db.run(move |conn| crate::courses::media_names(conn, &course_id)).await?;
    urls.extend(media.into_iter().map(|name| format!("/courses/{slug}/media/{name}")));
    urls.push("/offline".to_owned());
    Ok(urls)
}

/// Receipts older than [`RECEIPT_DAYS`] go (retention).
pub fn forget_old(conn: &mut crate::db::AnyConnection, now: chrono::NaiveDateTime) -> Result<usize, AppError> {
    store::forget_before(conn, now - chrono::Duration::days(RECEIPT_DAYS))
}

#[cfg(test)]
mod tests {
    use super::valid_id;

    #[test]
    fn ids_are_short_and_plain() {
        assert!(valid_id("a1-B_2"));
        assert!(!valid_id(""));
        assert!(!valid_id(&"x".repeat(65)));
        assert!(!valid_id("a b"));
        assert!(!valid_id("../x"));
    }
}
