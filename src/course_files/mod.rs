//! Course folders (see courses/README.md): the format, reading and writing it, and importing and
//! exporting courses with their quizzes. It sits above courses and quizzes, and joins what each owns.

pub mod files;
pub mod import;

use crate::core::error::AppError;
use crate::courses;
use crate::db::AnyConnection;

/// Imports each shipped course that the database does not have yet (all of them on first start), under
/// the start-up lock. Courses already there are never overwritten: trainers may have edited them. A start
/// that stopped halfway finishes the job on the next one.
pub fn import_shipped_courses(
    conn: &mut AnyConnection,
    root: &std::path::Path,
) -> Result<Option<import::ImportReport>, AppError> {
    if !root.is_dir() {
        return Ok(None);
    }
    let dirs =
        files::course_dirs(root).map_err(|e| AppError::internal(format!("cannot read {}: {e}", root.display())))?;
    let mut missing = Vec::new();
    for dir in dirs {
        let slug = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if courses::find_course(conn, &slug)?.is_none() {
            missing.push(dir);
        }
    }
    if missing.is_empty() {
        return Ok(None);
    }
    let report = import::import_dirs(conn, &missing, |i, n, slug| tracing::info!("importing course {i}/{n}: {slug}"))?;
    for error in &report.errors {
        tracing::warn!("shipped course not imported: {error}");
    }
    Ok(Some(report))
}
