//! Import and export between course folders and the database. Every folder is read and checked first;
//! then each course without errors is imported in one transaction. Importing the same folder twice
//! changes nothing; changed module texts become new revisions and progress is kept (modules are matched
//! by slug). Modules missing from the folder are archived, not deleted, so nobody's progress is lost.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::files::{self, CourseFolder, FileError, ModuleFolder, ModuleText};
use super::markdown;
use super::model::{Module, Slug};
use super::store::{self, CourseFields, NewRevision};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection};

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

/// Imports one checked course (call inside a transaction).
pub fn import_course(
    conn: &mut AnyConnection,
    folder: &CourseFolder,
    report: &mut ImportReport,
) -> Result<(), AppError> {
    let now = db::now();
    let fields = CourseFields {
        open: folder.open,
        published: folder.published,
        hours: folder.hours,
        completion: folder.completion,
        texts: &folder.texts,
    };
    // Whether anything about this course changed, beyond what courses_created/updated counts.
    let mut touched = false;
    let created_or_updated;
    let course_id = match store::find_course(conn, folder.slug.as_str())? {
        Some(existing) => {
            let same = existing.open == folder.open
                && existing.published == folder.published
                && existing.hours == folder.hours
                && existing.completion == folder.completion
                && existing.texts == folder.texts;
            if !same {
                store::update_course(conn, &existing.id, &fields, now)?;
                report.courses_updated += 1;
            }
            created_or_updated = !same;
            existing.id
        }
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            store::insert_course(conn, &id, folder.slug.as_str(), &fields, now)?;
            report.courses_created += 1;
            created_or_updated = true;
            id
        }
    };

    let existing = store::modules_of(conn, &course_id, true)?;
    for module in &folder.modules {
        let found = existing.iter().find(|m| m.slug == module.slug.as_str()).cloned();
        let module_id = upsert_module(conn, &course_id, module, found, now)?;
        let current = store::current_revisions(conn, std::slice::from_ref(&module_id))?;
        store::lock_module(conn, &module_id)?;
        let mut next = store::next_revision_number(conn, &module_id)?;
        for (locale, text) in &module.texts {
            let unchanged =
                current.iter().any(|r| r.locale == *locale && r.title == text.title && r.markdown == text.markdown);
            if unchanged {
                continue;
            }
            let html = markdown::render(&text.markdown, folder.slug.as_str());
            let new = NewRevision {
                module_id: &module_id,
                revision: next,
                locale: *locale,
                title: &text.title,
                markdown: &text.markdown,
                html: &html,
                author_id: None,
            };
            store::insert_revision(conn, &new, now)?;
            next += 1;
            report.revisions_added += 1;
            touched = true;
        }
        if let Some(quiz) = &module.quiz {
            let course = store::find_course(conn, folder.slug.as_str())?.ok_or(AppError::NotFound)?;
            if crate::quizzes::import_quiz(conn, &course, &module_id, quiz)? {
                report.quizzes_saved += 1;
                touched = true;
            }
        }
    }
    for gone in existing.iter().filter(|m| !m.archived && !folder.modules.iter().any(|f| f.slug.as_str() == m.slug)) {
        store::update_module(conn, &Module { archived: true, ..gone.clone() })?;
        report.modules_archived += 1;
        touched = true;
    }

    let stored = store::media_hashes(conn, &course_id)?;
    for (name, bytes) in &folder.media {
        let hash = hex::encode(Sha256::digest(bytes));
        if stored.get(name) != Some(&hash) {
            let content_type = files::content_type(name).unwrap_or("application/octet-stream");
            store::put_media(conn, &course_id, name, content_type, bytes, &hash)?;
            touched = true;
        }
    }
    for name in stored.keys().filter(|n| !folder.media.contains_key(*n)) {
        store::delete_media(conn, &course_id, name)?;
        touched = true;
    }

    match (created_or_updated, touched) {
        (true, _) => {}
        (false, true) => report.courses_updated += 1,
        (false, false) => report.courses_unchanged += 1,
    }
    Ok(())
}

fn upsert_module(
    conn: &mut AnyConnection,
    course_id: &str,
    folder: &ModuleFolder,
    found: Option<Module>,
    now: chrono::NaiveDateTime,
) -> Result<String, AppError> {
    match found {
        Some(module) => {
            let wanted =
                Module { position: folder.position, minutes: folder.minutes, archived: false, ..module.clone() };
            if wanted.position != module.position || wanted.minutes != module.minutes || module.archived {
                store::update_module(conn, &wanted)?;
            }
            Ok(module.id)
        }
        None => {
            let module = Module {
                id: uuid::Uuid::now_v7().to_string(),
                course_id: course_id.to_owned(),
                slug: folder.slug.as_str().to_owned(),
                position: folder.position,
                minutes: folder.minutes,
                archived: false,
            };
            store::insert_module(conn, &module, now)?;
            Ok(module.id)
        }
    }
}

/// A course as a folder, from the database: the current revision of each module in each language.
pub fn export_course(conn: &mut AnyConnection, slug: &str) -> Result<CourseFolder, AppError> {
    let course = store::find_course(conn, slug)?.ok_or(AppError::NotFound)?;
    let modules = store::modules_of(conn, &course.id, false)?;
    let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
    let revisions = store::current_revisions(conn, &ids)?;
    let mut media = BTreeMap::new();
    for name in store::media_hashes(conn, &course.id)?.into_keys() {
        if let Some((_, bytes)) = store::find_media(conn, &course.id, &name)? {
            media.insert(name, bytes);
        }
    }
    let modules = modules
        .into_iter()
        .filter_map(|m| -> Option<ModuleFolder> {
            let texts: BTreeMap<_, _> = revisions
                .iter()
                .filter(|r| r.module_id == m.id)
                .map(|r| (r.locale, ModuleText { title: r.title.clone(), markdown: r.markdown.clone() }))
                .collect();
            let slug = Slug::parse(&m.slug).ok()?;
            let quiz = crate::quizzes::stored_quiz(conn, &m.id)
                .ok()
                .flatten()
                .map(|(settings, sources)| files::QuizFolder { settings, sources });
            (!texts.is_empty()).then_some(ModuleFolder { position: m.position, slug, minutes: m.minutes, texts, quiz })
        })
        .collect();
    Ok(CourseFolder {
        slug: Slug::parse(&course.slug).map_err(|_| AppError::internal("stored course slug is invalid"))?,
        open: course.open,
        published: course.published,
        hours: course.hours,
        completion: course.completion,
        texts: course.texts,
        modules,
        media,
    })
}

/// Writes every course to `root` in the canonical folder form; returns the slugs written.
pub fn export_all(conn: &mut AnyConnection, root: &Path) -> Result<Vec<String>, AppError> {
    let mut written = Vec::new();
    for course in store::list_courses(conn, true)? {
        let folder = export_course(conn, &course.slug)?;
        files::write_course(root, &folder).map_err(|e| AppError::internal(format!("cannot write: {e}")))?;
        written.push(course.slug);
    }
    Ok(written)
}
