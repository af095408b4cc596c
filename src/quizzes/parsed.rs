//! What every reader of a quiz sees the same way, kept in memory per database (`Db::memo`): where the quiz
//! lives (its row, its course, its module's slug and current titles) and its versions' questions, parsed.
//! Saving an answer or showing a quiz needs one language of one version and a title, and reading and
//! parsing the whole multi-language JSON and five rows each time cost more than the rest of the request.
//!
//! Every use first reads `courses::content_version` (one indexed read), which triggers move on at every
//! change to quizzes and their versions, whichever instance or tool made it; when it has moved, everything
//! held is dropped and read again. (A version with attempts never changes, but one without attempts is
//! replaced in place when a trainer saves the quiz again, so the version number alone would not do.)

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Arc, RwLock};

use crate::core::error::AppError;
use crate::courses::{self, model::Course};
use crate::db::AnyConnection;
use crate::i18n::Locale;

use super::model::{Question, Versions};
use super::store::{self, QuizRow};

/// Beyond this many versions held, all are dropped and read again as needed (a version of the shipped
/// quizzes is about 20 KB parsed, in three languages).
const HELD_MAX: usize = 512;

/// The parsed versions of one database's quizzes.
#[derive(Default)]
pub struct Parsed {
    held: RwLock<Held>,
}

#[derive(Default)]
struct Held {
    /// The content version what is held was read at.
    content: i64,
    versions: HashMap<(String, i32), Arc<Versions>>,
    places: HashMap<String, Arc<Place>>,
}

/// Where a quiz lives.
pub struct Place {
    pub quiz: QuizRow,
    pub course: Course,
    pub module_slug: String,
    pub archived: bool,
    /// The module's current title in each language it has.
    pub titles: Vec<(Locale, String)>,
}

impl Held {
    /// Makes what is held belong to `content`: true when a value read at `content` may be kept.
    fn at(&mut self, content: i64) -> bool {
        if content > self.content || self.versions.len() + self.places.len() >= HELD_MAX {
            self.versions.clear();
            self.places.clear();
            self.content = self.content.max(content);
        }
        content == self.content
    }
}

impl Parsed {
    /// Every language of version `version` of quiz `quiz_id`; 404 if there is no such version.
    pub fn versions(&self, conn: &mut AnyConnection, quiz_id: &str, version: i32) -> Result<Arc<Versions>, AppError> {
        let content = courses::content_version(conn)?;
        {
            let held = self.held.read().unwrap_or_else(|p| p.into_inner());
            if held.content == content
                && let Some(found) = held.versions.get(&(quiz_id.to_owned(), version))
            {
                return Ok(found.clone());
            }
        }
        // Read after the content version: what is read is at least as new as `content`.
        let versions = Arc::new(super::load_questions(conn, quiz_id, version)?);
        let mut held = self.held.write().unwrap_or_else(|p| p.into_inner());
        if held.at(content) {
            held.versions.insert((quiz_id.to_owned(), version), versions.clone());
        }
        Ok(versions)
    }

    /// Where quiz `quiz_id` lives; 404 if there is no such quiz.
    pub fn place(&self, conn: &mut AnyConnection, quiz_id: &str) -> Result<Arc<Place>, AppError> {
        let content = courses::content_version(conn)?;
        {
            let held = self.held.read().unwrap_or_else(|p| p.into_inner());
            if held.content == content
                && let Some(found) = held.places.get(quiz_id)
            {
                return Ok(found.clone());
            }
        }
        let (quiz, _, course_slug, module_slug, archived) =
            store::find_quiz_place(conn, quiz_id)?.ok_or(AppError::NotFound)?;
        let course = courses::find_course(conn, &course_slug)?.ok_or(AppError::NotFound)?;
        let module = courses::find_module(conn, &course.id, &module_slug)?.ok_or(AppError::NotFound)?;
        let titles = courses::current_heads(conn, std::slice::from_ref(&module.id))?
            .into_iter()
            .map(|head| (head.locale, head.title))
            .collect();
        let place = Arc::new(Place { quiz, course, module_slug, archived, titles });
        let mut held = self.held.write().unwrap_or_else(|p| p.into_inner());
        if held.at(content) {
            held.places.insert(quiz_id.to_owned(), place.clone());
        }
        Ok(place)
    }

    /// The questions of a version in `locale` (else English, else any language).
    pub fn questions(
        &self,
        conn: &mut AnyConnection,
        quiz_id: &str,
        version: i32,
        locale: Locale,
    ) -> Result<Questions, AppError> {
        let versions = self.versions(conn, quiz_id, version)?;
        let locale = super::language_of(&versions, locale);
        Ok(Questions { versions, locale })
    }
}

/// One language's questions of a held version, shared rather than copied.
#[derive(Clone)]
pub struct Questions {
    versions: Arc<Versions>,
    locale: Locale,
}

impl Questions {
    /// The language the questions are in.
    pub fn locale(&self) -> Locale {
        self.locale
    }
}

impl Deref for Questions {
    type Target = [Question];

    fn deref(&self) -> &[Question] {
        self.versions.get(&self.locale).map_or(&[], Vec::as_slice)
    }
}
