//! Course types: slugs parsed at the edge, the course and its texts, modules and their revisions, and the
//! read models pages and the API show.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A course or module slug: 1 to 64 lower-case ASCII letters, digits and single dashes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let ok = (1..=64).contains(&raw.len())
            && raw.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if ok { Ok(Slug(raw.to_owned())) } else { Err("slug-invalid") }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a course counts as completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Every module marked complete.
    #[default]
    AllModules,
}

impl Completion {
    pub fn as_str(self) -> &'static str {
        match self {
            Completion::AllModules => "all_modules",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        (s == "all_modules").then_some(Completion::AllModules)
    }
}

/// A course's title and summary in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, utoipa::ToSchema)]
pub struct CourseText {
    pub title: String,
    pub summary: String,
}

/// A course as stored.
#[derive(Debug, Clone)]
pub struct Course {
    pub id: String,
    pub slug: String,
    pub open: bool,
    pub published: bool,
    pub hours: Option<i32>,
    pub completion: Completion,
    pub texts: BTreeMap<Locale, CourseText>,
}

impl Course {
    /// The text in `locale`, else English, else any; and whether it fell back.
    pub fn text(&self, locale: Locale) -> (CourseText, bool) {
        if let Some(text) = self.texts.get(&locale) {
            return (text.clone(), false);
        }
        let fallback = self.texts.get(&Locale::En).or_else(|| self.texts.values().next()).cloned().unwrap_or_default();
        (fallback, true)
    }
}

/// A module as stored (without its texts).
#[derive(Debug, Clone)]
pub struct Module {
    pub id: String,
    pub course_id: String,
    pub slug: String,
    pub position: i32,
    pub minutes: Option<i32>,
    pub archived: bool,
}

/// One saved version of a module's text in one language.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: String,
    pub module_id: String,
    pub revision: i32,
    pub locale: Locale,
    pub title: String,
    pub markdown: String,
    pub html: String,
    pub author_id: Option<String>,
    pub author_handle: Option<String>,
    pub created_at: NaiveDateTime,
}

/// The current revision of a module in one language, without its text: what a list of modules shows.
#[derive(Debug, Clone)]
pub struct RevisionHead {
    pub module_id: String,
    pub revision: i32,
    pub locale: Locale,
    pub title: String,
}

/// What a reader may do with a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// A trainer of this course, or an admin.
    pub can_edit: bool,
    pub enrolled: bool,
}

impl Access {
    /// Module texts are for enrolled scholars, the course's trainers and admins.
    pub fn can_read_modules(self) -> bool {
        self.can_edit || self.enrolled
    }
}

/// An enrolment: when, and the module last opened.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub enrolled_at: NaiveDateTime,
    pub last_module_id: Option<String>,
    pub last_activity_at: Option<NaiveDateTime>,
}

/// (user id, course id, enrolled at, last activity).
pub type EnrolmentActivity = (String, String, NaiveDateTime, Option<NaiveDateTime>);

/// Where a scholar was in a course: the module she opened last.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReadingPlace {
    pub course_id: crate::core::ids::CourseId,
    pub user_id: crate::core::ids::UserId,
    pub module_id: crate::core::ids::ModuleId,
}

/// One language of a module: its title and Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleText {
    pub title: String,
    pub markdown: String,
}
