//! Import and export between course folders and the database. Every folder is read and checked first;
//! then each course without errors is imported in one transaction. Importing the same folder twice
//! changes nothing; changed module texts become new revisions and progress is kept (modules are matched
//! by slug). Modules missing from the folder are archived, not deleted, so nobody's progress is lost.

use std::path::Path;

use super::files::{self, CourseFolder, FileError, ModuleFolder};
use crate::core::error::AppError;
use crate::courses::{self, folder};
use crate::db::{self, AnyConnection};
use crate::quizzes::{self, model::QuizFolder};

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub courses_created: usize,
    pub courses_updated: usize,
    pub courses_unchanged: usize,
    pub revisions_added: usize,
    pub modules_archived: usize,
    pub quizzes_saved: usize,
    /// Problems in course folders, which were not imported.
    pub errors: Vec<FileError>,
}

/// Reads every course folder under `root`, then imports those without errors. `progress` hears of each
/// course as it goes (for a long import).
pub fn import_root(
    conn: &mut AnyConnection,
    root: &Path,
    progress: impl FnMut(usize, usize, &str),
) -> Result<ImportReport, AppError> {
    let dirs =
        files::course_dirs(root).map_err(|e| AppError::internal(format!("cannot read {}: {e}", root.display())))?;
    import_dirs(conn, &dirs, progress)
}

/// Like [`import_root`], for the given course folders.
pub fn import_dirs(
    conn: &mut AnyConnection,
    dirs: &[std::path::PathBuf],
    mut progress: impl FnMut(usize, usize, &str),
) -> Result<ImportReport, AppError> {
    let mut report = ImportReport::default();
    let mut good = Vec::new();
    for dir in dirs {
        match files::read_course(dir) {
            Ok(course) => good.push(course),
            Err(errors) => report.errors.extend(errors),
        }
    }
    let total = good.len();
    for (i, course) in good.iter().enumerate() {
        progress(i + 1, total, course.slug.as_str());
        db::write_transaction(conn, |conn| import_course(conn, course, &mut report))?;
    }
    Ok(report)
}

/// Writes every course to `root` in the canonical folder form; returns the slugs written.
pub fn export_all(conn: &mut AnyConnection, root: &Path) -> Result<Vec<String>, AppError> {
    let mut written = Vec::new();
    for course in courses::list_courses(conn, true)? {
        let folder = export_course(conn, &course.slug)?;
        files::write_course(root, &folder).map_err(|e| AppError::internal(format!("cannot write: {e}")))?;
        written.push(course.slug);
    }
    Ok(written)
}

/// Imports one checked course with its quizzes (call inside a transaction).
pub fn import_course(
    conn: &mut AnyConnection,
    course_folder: &CourseFolder,
    report: &mut ImportReport,
) -> Result<(), AppError> {
    let applied = folder::apply(conn, &content_of(course_folder))?;
    report.revisions_added += applied.revisions_added;
    report.modules_archived += applied.modules_archived;
    let mut touched = applied.touched;
    let course = courses::find_course_by_id(conn, &crate::core::ids::CourseId::from(&applied.course_id))?
        .ok_or(AppError::NotFound)?;
    for module in &course_folder.modules {
        let (Some(quiz), Some(module_id)) = (&module.quiz, applied.module_ids.get(module.slug.as_str())) else {
            continue;
        };
        if quizzes::import_quiz(conn, &course, module_id, quiz)? {
            report.quizzes_saved += 1;
            touched = true;
        }
    }
    match (applied.course_created, applied.course_changed, touched) {
        (true, _, _) => report.courses_created += 1,
        (false, true, _) | (false, false, true) => report.courses_updated += 1,
        (false, false, false) => report.courses_unchanged += 1,
    }
    Ok(())
}

/// A course as a folder, from the database: its content and each module's quiz.
pub fn export_course(conn: &mut AnyConnection, slug: &str) -> Result<CourseFolder, AppError> {
    let folder::Exported { content: c, module_ids } = folder::export(conn, slug)?;
    let mut modules = Vec::with_capacity(module_ids.len());
    for (module, id) in c.modules.into_iter().zip(module_ids) {
        let quiz =
            quizzes::stored_quiz(conn, &id).ok().flatten().map(|(settings, sources)| QuizFolder { settings, sources });
        modules.push(ModuleFolder {
            position: module.position,
            slug: module.slug,
            minutes: module.minutes,
            texts: module.texts,
            quiz,
        });
    }
    Ok(CourseFolder {
        slug: c.slug,
        open: c.open,
        published: c.published,
        hours: c.hours,
        completion: c.completion,
        texts: c.texts,
        modules,
        media: c.media,
    })
}

/// The courses domain's part of a course folder.
fn content_of(f: &CourseFolder) -> folder::CourseContent {
    folder::CourseContent {
        slug: f.slug.clone(),
        open: f.open,
        published: f.published,
        hours: f.hours,
        completion: f.completion,
        texts: f.texts.clone(),
        modules: f
            .modules
            .iter()
            .map(|m| folder::ModuleContent {
                position: m.position,
                slug: m.slug.clone(),
                minutes: m.minutes,
                texts: m.texts.clone(),
            })
            .collect(),
        media: f.media.clone(),
    }
}
