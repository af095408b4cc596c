//! The scholar's reading views: a course with its modules and her progress, a catalogue entry.

use crate::courses::model::{Access, Course, CourseText, Module, RevisionHead};

/// A module with its current text in the reader's language (or the fallback).
#[derive(Debug, Clone)]
pub struct ModuleView {
    pub module: Module,
    pub revision: RevisionHead,
    /// The text is not in the reader's language.
    pub fallback: bool,
    pub completed: bool,
    pub quiz_id: Option<String>,
}

/// A course page: the course, its modules and the reader's progress.
#[derive(Debug, Clone)]
pub struct CourseView {
    pub course: Course,
    pub text: CourseText,
    pub fallback: bool,
    pub modules: Vec<ModuleView>,
    pub access: Access,
    pub progress_percent: i32,
    pub completed: bool,
    /// Where "continue" leads: the module last opened, else the first not completed.
    pub continue_slug: Option<String>,
}

/// A catalogue entry.
#[derive(Debug, Clone)]
pub struct CourseSummary {
    pub course: Course,
    pub text: CourseText,
    pub fallback: bool,
    pub module_count: i64,
    pub enrolled: bool,
    pub progress_percent: i32,
}
