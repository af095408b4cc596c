//! Quizzes: one per module, written in GIFT or Aiken per language; attempts graded on the server; item
//! analysis for trainers.

pub mod aiken;
pub mod api;
mod attempts;
mod authoring;
pub mod gift;
pub mod grading;
pub mod hooks;
pub mod model;
pub mod pages;
mod parsed;
pub mod privacy;
mod queue;
pub mod render;
mod results;
mod review;
pub mod stats;
mod store;

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::accounts::model::User;
use crate::core::error::{AppError, FieldErrors};
use crate::courses::{self, model::Access, model::Course};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::{Locale, Msg, t};
pub use attempts::*;
pub use authoring::*;
use model::{Kind, Question, ReviewPolicy, Settings, Versions};
pub use parsed::{Parsed, Questions};
pub use queue::*;
pub use results::*;
pub use review::*;
use store::{AttemptRow, QuizRow};

/// Checks that a translation has the same questions as the English version: the same ids in the same
/// order, each of the same type with the same number of choices or pairs.
pub fn check_translation(english: &[Question], other: &[Question]) -> Result<(), crate::i18n::Msg> {
    use crate::i18n::Msg;
    if english.len() != other.len() {
        return Err(Msg::new("quiz-translation-count").with("count", other.len()).with("english", english.len()));
    }
    for (n, (e, o)) in english.iter().zip(other).enumerate() {
        if e.id != o.id {
            let msg = Msg::new("quiz-translation-id").with("n", n + 1).with("id", o.id.as_str());
            return Err(msg.with("english", e.id.as_str()));
        }
        if e.kind.shape() != o.kind.shape() {
            let (et, en) = e.kind.shape();
            let (ot, on) = o.kind.shape();
            let msg = Msg::new("quiz-translation-shape").with("id", e.id.as_str()).with("kind", ot).with("count", on);
            return Err(msg.with("english_kind", et).with("english_count", en));
        }
    }
    Ok(())
}

// ---- where a quiz lives, and who may do what with it ----

/// A quiz with its course, the reader's access and its current questions.
pub struct QuizContext {
    pub quiz: QuizRow,
    pub settings: Settings,
    pub course: Course,
    pub module_slug: String,
    /// The module's current title in each language it has.
    pub titles: Vec<(Locale, String)>,
    pub access: Access,
}

/// A value Pravo stored as JSON. Unreadable means corrupt: an error (logged with an incident id where it
/// reaches a response), never a silent default that a later save would write over.
fn stored<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| AppError::internal(format!("stored {what} is unreadable: {e}")))
}

fn parse_settings(text: &str) -> Result<Settings, AppError> {
    stored("quiz settings", text)
}

/// 404 unless the reader may see the quiz's course (published, or theirs to edit) and its module is live.
fn context(
    conn: &mut AnyConnection,
    parsed: &Parsed,
    quiz_id: &str,
    user: Option<&User>,
) -> Result<QuizContext, AppError> {
    let place = parsed.place(conn, quiz_id)?;
    let access = courses::access(conn, &place.course, user)?;
    if place.archived || (!place.course.published && !access.can_edit) {
        return Err(AppError::NotFound);
    }
    let settings = parse_settings(&place.quiz.settings)?;
    Ok(QuizContext {
        quiz: place.quiz.clone(),
        settings,
        course: place.course.clone(),
        module_slug: place.module_slug.clone(),
        titles: place.titles.clone(),
        access,
    })
}

fn load_questions(conn: &mut AnyConnection, quiz_id: &str, version: i32) -> Result<Versions, AppError> {
    let (questions, _) = store::find_version(conn, quiz_id, version)?.ok_or(AppError::NotFound)?;
    serde_json::from_str(&questions).map_err(|e| AppError::internal(format!("stored quiz version is unreadable: {e}")))
}

/// The language to show a version in: `locale` if it has one, else English, else any.
fn language_of(versions: &Versions, locale: Locale) -> Locale {
    if versions.contains_key(&locale) {
        locale
    } else if versions.contains_key(&Locale::En) {
        Locale::En
    } else {
        versions.keys().next().copied().unwrap_or(Locale::En)
    }
}

/// The questions in `locale`, else English, else any.
fn in_language(versions: &Versions, locale: Locale) -> (Locale, Vec<Question>) {
    let language = language_of(versions, locale);
    (language, versions.get(&language).cloned().unwrap_or_default())
}

// ---- for the domains above: progress (completion, reading views) and scholarships (dashboards) ----

/// The quiz of each of `module_ids` that has one: (module id, quiz id).
pub fn quiz_of_each_module(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<(String, String)>, AppError> {
    Ok(store::quizzes_of_modules(conn, module_ids)?.into_iter().map(|(module, quiz, _)| (module, quiz)).collect())
}

/// The quizzes of `module_ids` that must be passed to complete the course. A quiz whose stored settings
/// cannot be read counts as required: a course is never completed by a corrupt row.
pub fn required_for_completion(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<String>, AppError> {
    Ok(store::quizzes_of_modules(conn, module_ids)?
        .into_iter()
        .filter(|(_, _, settings)| {
            serde_json::from_str::<model::Settings>(settings).map(|s| s.required_for_completion).unwrap_or(true)
        })
        .map(|(_, quiz_id, _)| quiz_id)
        .collect())
}

/// Which of `quiz_ids` the user has passed.
pub fn passed_quizzes(
    conn: &mut AnyConnection,
    user_id: &crate::core::ids::UserId,
    quiz_ids: &[String],
) -> Result<Vec<String>, AppError> {
    store::passed_quizzes(conn, user_id.as_str(), quiz_ids)
}

/// The scores of `user_ids` on `quiz_ids`: (user id, quiz id, score, maximum, when), in thousandths.
pub fn scores_of_users(
    conn: &mut AnyConnection,
    quiz_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<store::ScoreRow>, AppError> {
    store::scores_of_users(conn, quiz_ids, user_ids)
}

#[cfg(test)]
mod shipped {
    use super::*;

    /// The shipped quizzes read without error and every translation matches its English version.
    #[test]
    fn shipped_quizzes_parse_and_translations_match() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("courses");
        let mut checked = 0;
        for course in std::fs::read_dir(&root).into_iter().flatten().flatten().filter(|e| e.path().is_dir()) {
            let mut files: Vec<_> =
                std::fs::read_dir(course.path()).into_iter().flatten().flatten().map(|e| e.path()).collect();
            files.sort();
            for en in files.iter().filter(|p| p.to_string_lossy().ends_with(".en.gift")) {
                let text = std::fs::read_to_string(en).unwrap_or_default();
                let english = gift::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", en.display()));
                assert!(english.len() >= 6, "{}", en.display());
                let kinds: std::collections::HashSet<_> = english.iter().map(|q| q.kind.name()).collect();
                assert!(kinds.len() >= 4, "{}: {kinds:?}", en.display());
                for lang in ["ru", "uk"] {
                    let path = en.to_string_lossy().replace(".en.gift", &format!(".{lang}.gift"));
                    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                    let other = gift::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
                    check_translation(&english, &other)
                        .unwrap_or_else(|e| panic!("{path}: {}", e.text(crate::i18n::Locale::En)));
                    checked += 1;
                }
            }
        }
        assert!(checked >= 8, "{checked}");
    }
}
