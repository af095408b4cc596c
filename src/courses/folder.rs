//! A course's content as a whole, for the course folders (course_files/) to write in and read out: the
//! course and its texts, its modules with their texts per language, and its media. Quizzes are not the
//! courses domain's: course_files pairs them with the module ids this returns.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::markdown;
use super::model::{Completion, CourseText, Module, ModuleText, Slug};
use super::store::{self, CourseFields, NewRevision};
use crate::core::error::AppError;
use crate::db::{self, AnyConnection};
use crate::i18n::Locale;

/// A course's content, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseContent {
    pub slug: Slug,
    pub open: bool,
    pub published: bool,
    pub hours: Option<i32>,
    pub completion: Completion,
    pub texts: BTreeMap<Locale, CourseText>,
    /// In order of their positions.
    pub modules: Vec<ModuleContent>,
    pub media: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModuleContent {
    pub position: i32,
    pub slug: Slug,
    pub minutes: Option<i32>,
    pub texts: BTreeMap<Locale, ModuleText>,
}

/// What [`apply`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    pub course_id: String,
    pub course_created: bool,
    /// The course's own fields changed.
    pub course_changed: bool,
    /// Something else changed (modules, texts, media) while the course's fields stayed.
    pub touched: bool,
    pub revisions_added: usize,
    pub modules_archived: usize,
    /// Module slug → module id.
    pub module_ids: BTreeMap<String, String>,
}

/// A course's content and, in the same order as its modules, their ids.
pub struct Exported {
    pub content: CourseContent,
    pub module_ids: Vec<String>,
}

/// The content type of a media file, by its name; `None` for a kind a course may not hold.
pub fn content_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "png" => Some("image/png"),
        "jpg" | "jpeg" => Some("image/jpeg"),
        "gif" => Some("image/gif"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}

/// Writes one checked course's content (call inside a transaction): the course, its modules (new texts
/// become revisions; modules missing from the content are archived) and its media.
pub fn apply(conn: &mut AnyConnection, folder: &CourseContent) -> Result<Applied, AppError> {
    let mut report = Applied::default();
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
                report.course_changed = true;
            }
            created_or_updated = !same;
            existing.id
        }
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            store::insert_course(conn, &id, folder.slug.as_str(), &fields, now)?;
            report.course_created = true;
            created_or_updated = true;
            id
        }
    };

    let existing = store::modules_of(conn, &course_id, true)?;
    // Images get their size written into the module HTML (read from each file's header).
    let sizes: markdown::Sizes = folder
        .media
        .iter()
        .filter_map(|(name, bytes)| super::images::dimensions(bytes).map(|size| (name.clone(), size)))
        .collect();
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
            let html = markdown::render_sized(&text.markdown, folder.slug.as_str(), &sizes);
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
        report.module_ids.insert(module.slug.as_str().to_owned(), module_id);
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
            let content_type = content_type(name).unwrap_or("application/octet-stream");
            store::put_media(conn, &course_id, name, content_type, bytes, &hash)?;
            touched = true;
        }
    }
    for name in stored.keys().filter(|n| !folder.media.contains_key(*n)) {
        store::delete_media(conn, &course_id, name)?;
        touched = true;
    }

    report.course_id = course_id;
    report.touched = touched && !created_or_updated;
    Ok(report)
}

fn upsert_module(
    conn: &mut AnyConnection,
    course_id: &str,
    folder: &ModuleContent,
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

/// A course's content, from the database: the current revision of each module in each language.
pub fn export(conn: &mut AnyConnection, slug: &str) -> Result<Exported, AppError> {
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
    let modules: Vec<(String, ModuleContent)> = modules
        .into_iter()
        .filter_map(|m| -> Option<(String, ModuleContent)> {
            let texts: BTreeMap<_, _> = revisions
                .iter()
                .filter(|r| r.module_id == m.id)
                .map(|r| (r.locale, ModuleText { title: r.title.clone(), markdown: r.markdown.clone() }))
                .collect();
            let slug = Slug::parse(&m.slug).ok()?;
            (!texts.is_empty())
                .then_some((m.id.clone(), ModuleContent { position: m.position, slug, minutes: m.minutes, texts }))
        })
        .collect();
    let (module_ids, modules): (Vec<String>, Vec<ModuleContent>) = modules.into_iter().unzip();
    let content = CourseContent {
        slug: Slug::parse(&course.slug).map_err(|_| AppError::internal("stored course slug is invalid"))?,
        open: course.open,
        published: course.published,
        hours: course.hours,
        completion: course.completion,
        texts: course.texts,
        modules,
        media,
    };
    Ok(Exported { content, module_ids })
}
