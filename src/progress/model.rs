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
    /// Its quiz is required for the course's completion and she has not passed it yet.
    pub quiz_to_pass: bool,
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
    /// Where the button leads: the module last opened, else the first not completed (the first module for
    /// someone who has not started).
    pub continue_slug: Option<String>,
    /// She opened or completed something: the button says "Continue", else "Start".
    pub started: bool,
    /// What is left before the course is completed: modules to mark as read, required quizzes to pass.
    pub modules_left: usize,
    pub quizzes_left: usize,
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
