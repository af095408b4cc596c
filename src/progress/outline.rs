//! A course's outline as the reading pages show it (the course with its texts and trainers, its modules in
//! order with their current titles in every language, which module has a quiz and which quizzes the
//! course requires) and the texts of module revisions, kept in memory: the parts of a course page or a
//! module page that are the same for every scholar.
//!
//! Every use first reads `courses::content_version` (one indexed read), which triggers move on at every
//! change to course content, whichever instance or tool made it. When it has moved, every outline and text
//! held is dropped and read again, so nothing shown is ever older than the database.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use crate::core::error::AppError;
use crate::core::ids::ModuleId;
use crate::courses::model::{Course, Module, RevisionHead};
use crate::courses::{self};
use crate::db::AnyConnection;
use crate::i18n::Locale;
use crate::quizzes;

/// What every reader of a course sees the same way.
#[derive(Debug)]
pub struct Outline {
    pub course: Course,
    /// Ids of the course's trainers (access also needs their role, which the reader's own record has).
    pub trainers: HashSet<String>,
    /// Modules in order, archived ones left out, each with its current revision in every language.
    pub modules: Vec<OutlineModule>,
    /// The quizzes to pass for the course to be completed.
    pub required: Vec<String>,
}

#[derive(Debug)]
pub struct OutlineModule {
    pub module: Module,
    pub heads: Vec<RevisionHead>,
    pub quiz_id: Option<String>,
}

impl Outline {
    /// The outlines of `courses`, in their order, with a fixed number of queries however many there are.
    fn load_many(conn: &mut AnyConnection, courses: Vec<Course>) -> Result<Vec<Outline>, AppError> {
        let course_ids: Vec<String> = courses.iter().map(|c| c.id.clone()).collect();
        let mut trainers: HashMap<String, HashSet<String>> = HashMap::new();
        for (course_id, user_id) in courses::trainers_of_courses(conn, &course_ids)? {
            trainers.entry(course_id).or_default().insert(user_id);
        }
        let modules = courses::modules_of_courses(conn, &course_ids)?;
        let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
        let mut heads: HashMap<String, Vec<RevisionHead>> = HashMap::new();
        for head in courses::current_heads(conn, &ids)? {
            heads.entry(head.module_id.clone()).or_default().push(head);
        }
        let mut quizzes: HashMap<String, String> = quizzes::quiz_of_each_module(conn, &ids)?.into_iter().collect();
        let required: HashSet<String> = quizzes::required_for_completion(conn, &ids)?.into_iter().collect();
        let mut by_course: HashMap<String, Vec<OutlineModule>> = HashMap::new();
        for module in modules {
            by_course.entry(module.course_id.clone()).or_default().push(OutlineModule {
                heads: heads.remove(&module.id).unwrap_or_default(),
                quiz_id: quizzes.remove(&module.id),
                module,
            });
        }
        Ok(courses
            .into_iter()
            .map(|course| {
                let modules = by_course.remove(&course.id).unwrap_or_default();
                let required =
                    modules.iter().filter_map(|m| m.quiz_id.clone()).filter(|q| required.contains(q)).collect();
                Outline { trainers: trainers.remove(&course.id).unwrap_or_default(), modules, required, course }
            })
            .collect())
    }

    pub fn module_ids(&self) -> Vec<String> {
        self.modules.iter().map(|m| m.module.id.clone()).collect()
    }
}

/// One revision of a module's text, as a page shows it.
#[derive(Debug)]
pub struct ModuleText {
    pub revision: i32,
    pub locale: Locale,
    pub title: String,
    /// Sanitised when the revision was saved.
    pub html: String,
    /// Its second-level headings: (anchor id, text).
    pub contents: Vec<(String, String)>,
}

/// The in-memory outlines and texts of one instance (cloning shares them).
#[derive(Clone, Default)]
pub struct Outlines {
    cache: Arc<RwLock<Cache>>,
}

#[derive(Default)]
struct Cache {
    version: i64,
    courses: HashMap<String, Arc<Outline>>,
    /// The published courses in the catalogue's order, once asked for.
    published: Option<Arc<Vec<Arc<Outline>>>>,
    texts: HashMap<(String, i32), Arc<ModuleText>>,
    text_bytes: usize,
}

/// Beyond this many bytes of module text held, the texts are dropped and read again as needed (the
/// shipped courses hold about 1 MiB in three languages).
const TEXT_BYTES_MAX: usize = 8 << 20;

impl Cache {
    /// Makes the cache hold what was read at `version`: true when it may keep a value read at `version`.
    fn at(&mut self, version: i64) -> bool {
        if version > self.version {
            self.courses.clear();
            self.published = None;
            self.texts.clear();
            self.text_bytes = 0;
            self.version = version;
        }
        version == self.version
    }
}

impl Outlines {
    /// The version to read outlines and texts at, for one request (one indexed read).
    pub fn version(conn: &mut AnyConnection) -> Result<i64, AppError> {
        courses::content_version(conn)
    }

    /// What the cache holds for `version`, if it is at that version.
    fn held<T>(&self, version: i64, find: impl FnOnce(&Cache) -> Option<T>) -> Option<T> {
        let cache = self.cache.read().unwrap_or_else(|p| p.into_inner());
        if cache.version == version { find(&cache) } else { None }
    }

    /// Keeps what was read at `version`, unless a newer change has already replaced the cache.
    fn keep(&self, version: i64, put: impl FnOnce(&mut Cache)) {
        let mut cache = self.cache.write().unwrap_or_else(|p| p.into_inner());
        if cache.at(version) {
            put(&mut cache);
        }
    }

    /// The outline of the course `slug` (published or not: the caller checks access); 404 if none.
    pub fn outline(&self, conn: &mut AnyConnection, version: i64, slug: &str) -> Result<Arc<Outline>, AppError> {
        if let Some(outline) = self.held(version, |cache| cache.courses.get(slug).cloned()) {
            return Ok(outline);
        }
        // Read after the version: what is read is at least as new as `version`.
        let course = courses::find_course(conn, slug)?.ok_or(AppError::NotFound)?;
        let outline = Arc::new(Outline::load_many(conn, vec![course])?.pop().ok_or(AppError::NotFound)?);
        self.keep(version, |cache| {
            cache.courses.insert(slug.to_owned(), outline.clone());
        });
        Ok(outline)
    }

    /// The outlines of the published courses, in the catalogue's order.
    pub fn published(&self, conn: &mut AnyConnection, version: i64) -> Result<Arc<Vec<Arc<Outline>>>, AppError> {
        if let Some(list) = self.held(version, |cache| cache.published.clone()) {
            return Ok(list);
        }
        let courses = courses::list_courses(conn, false)?;
        let list: Arc<Vec<Arc<Outline>>> =
            Arc::new(Outline::load_many(conn, courses)?.into_iter().map(Arc::new).collect());
        self.keep(version, |cache| {
            for outline in list.iter() {
                cache.courses.insert(outline.course.slug.clone(), outline.clone());
            }
            cache.published = Some(list.clone());
        });
        Ok(list)
    }

    /// The text of one revision of a module; 404 if none.
    pub fn text(
        &self,
        conn: &mut AnyConnection,
        version: i64,
        module_id: &str,
        revision: i32,
    ) -> Result<Arc<ModuleText>, AppError> {
        let key = (module_id.to_owned(), revision);
        if let Some(text) = self.held(version, |cache| cache.texts.get(&key).cloned()) {
            return Ok(text);
        }
        let found = courses::revision_text(conn, &ModuleId::from(module_id), revision)?.ok_or(AppError::NotFound)?;
        let contents = crate::courses::markdown::contents(&found.html);
        let text = Arc::new(ModuleText {
            revision: found.revision,
            locale: found.locale,
            title: found.title,
            html: found.html,
            contents,
        });
        let size = text.html.len() + text.title.len();
        self.keep(version, |cache| {
            if cache.text_bytes + size > TEXT_BYTES_MAX {
                cache.texts.clear();
                cache.text_bytes = 0;
            }
            cache.text_bytes += size;
            cache.texts.insert(key, text.clone());
        });
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_version_drops_what_was_held_and_an_older_read_is_not_kept() {
        let mut cache = Cache::default();
        assert!(cache.at(3));
        cache.text_bytes = 10;
        cache.texts.insert(
            ("m".into(), 1),
            Arc::new(ModuleText {
                revision: 1,
                locale: Locale::En,
                title: "t".into(),
                html: "h".into(),
                contents: Vec::new(),
            }),
        );
        assert!(cache.at(3));
        assert_eq!(cache.texts.len(), 1);
        // A reader that started before a change must not put its older read back.
        assert!(!cache.at(2));
        assert_eq!(cache.version, 3);
        assert!(cache.at(4));
        assert!(cache.texts.is_empty());
        assert_eq!(cache.text_bytes, 0);
    }
}
