//! Courses: the catalogue, course and module pages with progress, and authoring (course texts, modules,
//! revisions, publishing). These functions hold the rules; `pages.rs`, `trainer.rs` and `api.rs` are
//! their faces.

pub mod api;
pub mod diff;
pub mod download;
mod epub;
pub mod folder;
pub mod images;
pub mod markdown;
pub mod media_pages;
pub mod model;
pub mod pages;
pub mod privacy;
pub mod staffing;
mod store;
pub mod trainer;
mod trainers;
pub use trainers::*;

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::accounts::model::User;
use crate::accounts::{self, error_msg};
use crate::core::error::{AppError, FieldErrors, Unchecked};
use crate::core::ids::{CourseId, UserId};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::{Locale, Msg};
use model::{Access, Course, CourseText, Enrolment, EnrolmentActivity, Module, ReadingPlace, Revision, Slug};

const TITLE_MAX: usize = 200;
const SUMMARY_MAX: usize = 2000;

/// What `user` may do with `course`.
pub fn access(conn: &mut AnyConnection, course: &Course, user: Option<&User>) -> Result<Access, AppError> {
    let Some(user) = user else { return Ok(access_from(false, None, None)) };
    let listed = user.is_staff() && !user.is_admin() && store::is_trainer(conn, &course.id, &user.id)?;
    let enrolment = store::find_enrolment(conn, &course.id, &user.id)?;
    Ok(access_from(listed, Some(user), enrolment.as_ref()))
}

/// The rule of [`access`], from what is already read: whether the user is listed among the course's
/// trainers, and her enrolment. A trainer who was demoted keeps the course_trainers row but not the access.
pub fn access_from(listed_as_trainer: bool, user: Option<&User>, enrolment: Option<&Enrolment>) -> Access {
    let Some(user) = user else { return Access { can_edit: false, enrolled: false } };
    let can_edit = user.is_admin() || (user.is_staff() && listed_as_trainer);
    Access { can_edit, enrolled: enrolment.is_some() }
}

/// A course the reader may see (published, or theirs to edit), with their access; 404 otherwise.
pub fn visible_course(conn: &mut AnyConnection, slug: &str, user: Option<&User>) -> Result<(Course, Access), AppError> {
    let course = store::find_course(conn, slug)?.ok_or(AppError::NotFound)?;
    let access = access(conn, &course, user)?;
    if !course.published && !access.can_edit {
        return Err(AppError::NotFound);
    }
    Ok((course, access))
}

/// A course the user may edit: 401/403/404 in the API's order.
fn editable_course(conn: &mut AnyConnection, slug: &str, user: &User) -> Result<Course, AppError> {
    if !user.is_staff() {
        return Err(AppError::Forbidden);
    }
    let course = store::find_course(conn, slug)?.ok_or(AppError::NotFound)?;
    if user.is_admin() || store::is_trainer(conn, &course.id, &user.id)? {
        Ok(course)
    } else if course.published {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound)
    }
}

/// A course the user may edit (for other domains: quizzes).
pub fn editable(conn: &mut AnyConnection, slug: &str, user: &User) -> Result<Course, AppError> {
    editable_course(conn, slug, user)
}

// ---- membership and structure, for the domains above (inside their transactions) ----

/// Enrols a user (again is fine: nothing changes).
pub fn enrol_in(conn: &mut AnyConnection, course_id: &CourseId, user_id: &UserId) -> Result<(), AppError> {
    let (course_id, user_id) = (course_id.as_str(), user_id.as_str());
    if store::find_enrolment(conn, course_id, user_id)?.is_none() {
        store::insert_enrolment(conn, course_id, user_id, db::now())?;
    }
    Ok(())
}

/// Ends an enrolment (what was completed stays recorded, should the scholar come back).
pub fn leave(conn: &mut AnyConnection, course_id: &CourseId, user_id: &UserId) -> Result<(), AppError> {
    store::delete_enrolment(conn, course_id.as_str(), user_id.as_str())
}

/// A user's enrolment in a course, if any.
pub fn enrolment(
    conn: &mut AnyConnection,
    course_id: &CourseId,
    user_id: &UserId,
) -> Result<Option<Enrolment>, AppError> {
    store::find_enrolment(conn, course_id.as_str(), user_id.as_str())
}

/// The ids of the courses a user is enrolled in.
pub fn enrolled_course_ids(conn: &mut AnyConnection, user_id: &UserId) -> Result<HashSet<String>, AppError> {
    store::enrolled_course_ids(conn, user_id.as_str())
}

/// Records where a scholar was in a course ("continue here"); only moves forward in time.
pub fn set_last_module(
    conn: &mut AnyConnection,
    place: &ReadingPlace,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    store::set_last_module(conn, place.course_id.as_str(), place.user_id.as_str(), place.module_id.as_str(), at)
}

/// The enrolments of `user_ids` in `course_ids`.
pub fn enrolments_of_users(
    conn: &mut AnyConnection,
    course_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<EnrolmentActivity>, AppError> {
    store::enrolments_of_users(conn, course_ids, user_ids)
}

/// A course by slug.
pub fn find_course(conn: &mut AnyConnection, slug: &str) -> Result<Option<Course>, AppError> {
    store::find_course(conn, slug)
}

/// A course by id.
pub fn find_course_by_id(conn: &mut AnyConnection, id: &CourseId) -> Result<Option<Course>, AppError> {
    store::find_course_by_id(conn, id.as_str())
}

/// Every course, published or not as asked.
pub fn list_courses(conn: &mut AnyConnection, include_unpublished: bool) -> Result<Vec<Course>, AppError> {
    store::list_courses(conn, include_unpublished)
}

/// A course's modules in order (archived ones too, if asked).
pub fn modules_of(conn: &mut AnyConnection, course_id: &CourseId, archived: bool) -> Result<Vec<Module>, AppError> {
    store::modules_of(conn, course_id.as_str(), archived)
}

/// A module of a course by slug.
pub fn find_module(conn: &mut AnyConnection, course_id: &str, slug: &str) -> Result<Option<Module>, AppError> {
    store::find_module(conn, course_id, slug)
}

/// The current revision of each module in every language, titles only.
pub fn current_heads(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<model::RevisionHead>, AppError> {
    store::current_heads(conn, module_ids)
}

/// One revision of a module, with its Markdown and HTML.
pub fn revision_text(
    conn: &mut AnyConnection,
    module: &crate::core::ids::ModuleId,
    revision: i32,
) -> Result<Option<Revision>, AppError> {
    store::find_revision(conn, module.as_str(), revision)
}

/// (course id, user id) of the trainers of several courses (demoted ones included: [`access`] checks
/// the role).
pub fn trainers_of_courses(conn: &mut AnyConnection, course_ids: &[String]) -> Result<Vec<(String, String)>, AppError> {
    store::trainers_of_courses(conn, course_ids)
}

/// A number that changes whenever anything a course shows changes (its texts, trainers, modules, their
/// revisions, its quizzes), whichever instance made the change: read models cached in memory are checked
/// against it (one indexed read).
pub fn content_version(conn: &mut AnyConnection) -> Result<i64, AppError> {
    store::content_version(conn)
}

/// The modules (not archived) of several courses.
pub fn modules_of_courses(conn: &mut AnyConnection, course_ids: &[String]) -> Result<Vec<Module>, AppError> {
    store::modules_of_courses(conn, course_ids)
}

/// The current revision of each module, in every language.
pub fn current_revisions(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<Revision>, AppError> {
    store::current_revisions(conn, module_ids)
}

/// Joins an open course (closed ones only by enrolment: 403).
pub async fn enrol(db: &Db, user: &User, slug: &str) -> Result<(), AppError> {
    let (user, slug) = (user.clone(), slug.to_owned());
    db.write(move |conn| {
        let (course, access) = visible_course(conn, &slug, Some(&user))?;
        if access.enrolled {
            return Ok(());
        }
        if !course.open {
            return Err(AppError::Forbidden);
        }
        enrol_in(conn, &CourseId::from(&course.id), &UserId::from(&user.id))
    })
    .await
}

/// A course trainer or an admin enrols someone by hand (closed courses too).
pub async fn enrol_user(db: &Db, actor: &User, slug: &str, user_id: Unchecked<String>) -> Result<User, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.write(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let user_id = user_id?;
        let target = accounts::user_by_id(conn, &crate::core::ids::UserId::from(&user_id))?
            .ok_or_else(|| AppError::field("user_id", error_msg("user-unknown")))?;
        enrol_in(conn, &CourseId::from(&course.id), &UserId::from(&target.id))?;
        Ok(target)
    })
    .await
}

/// A media file of a course the reader may see.
pub async fn media(db: &Db, user: Option<&User>, slug: &str, name: &str) -> Result<(String, Vec<u8>), AppError> {
    let (user, slug, name) = (user.cloned(), slug.to_owned(), name.to_owned());
    db.run(move |conn| {
        let (course, access) = visible_course(conn, &slug, user.as_ref())?;
        // Images belong to module texts, which only enrolled scholars and the course's staff read.
        if !access.can_read_modules() {
            return Err(if user.is_none() { AppError::Unauthorized } else { AppError::Forbidden });
        }
        store::find_media(conn, &course.id, &name)?.ok_or(AppError::NotFound)
    })
    .await
}

/// The names of a course's media files (to keep the course on a device).
pub fn media_names(conn: &mut AnyConnection, course_id: &str) -> Result<Vec<String>, AppError> {
    store::media_names(conn, course_id)
}

// ---- authoring ----

/// `PUT /courses/{slug}`: texts per language, open, hours.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CourseInput {
    pub texts: BTreeMap<String, CourseText>,
    pub open: bool,
    pub hours: Option<i32>,
}

impl CourseInput {
    fn check(&self, creating: bool) -> Result<BTreeMap<Locale, CourseText>, AppError> {
        let mut fields = FieldErrors::new();
        let mut texts = BTreeMap::new();
        for (code, text) in &self.texts {
            let Some(locale) = Locale::parse(code).filter(|l| l.code() == code) else {
                fields.insert(format!("texts.{code}"), vec![error_msg("locale-unknown")]);
                continue;
            };
            let title = text.title.trim();
            let summary = text.summary.trim();
            if title.is_empty() {
                if summary.is_empty() && locale != Locale::En {
                    continue; // An untranslated language is simply left out.
                }
                fields.insert(format!("texts.{code}.title"), vec![error_msg("title-required")]);
            } else if title.chars().count() > TITLE_MAX {
                fields.insert(format!("texts.{code}.title"), vec![Msg::new("error-length-max").with("max", TITLE_MAX)]);
            }
            if summary.chars().count() > SUMMARY_MAX {
                fields.insert(
                    format!("texts.{code}.summary"),
                    vec![Msg::new("error-length-max").with("max", SUMMARY_MAX)],
                );
            }
            texts.insert(locale, CourseText { title: title.to_owned(), summary: summary.to_owned() });
        }
        if !texts.contains_key(&Locale::En) && !fields.keys().any(|k| k.starts_with("texts.en")) {
            fields.insert("texts.en.title".into(), vec![error_msg("title-required")]);
        }
        if let Some(hours) = self.hours
            && !(1..=1000).contains(&hours)
        {
            fields.insert("hours".into(), vec![error_msg("hours-range")]);
        }
        let _ = creating;
        if fields.is_empty() { Ok(texts) } else { Err(AppError::Validation(fields)) }
    }
}

/// Creates or updates a course; returns it and whether it was created. A trainer who creates a course
/// becomes its trainer; new courses start unpublished.
/// Creates a course (any trainer; she becomes its trainer) or saves an existing one's texts (its trainers,
/// admins).
pub async fn save_course(
    db: &Db,
    actor: &User,
    slug: &str,
    input: Unchecked<CourseInput>,
) -> Result<(Course, bool), AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.write(move |conn| {
        let existing = store::find_course(conn, &slug)?;
        let now = db::now();
        match existing {
            Some(course) => {
                let course = editable_course(conn, &course.slug, &actor)?;
                let input = input?;
                let texts = input.check(false)?;
                let fields = store::CourseFields {
                    open: input.open,
                    published: course.published,
                    hours: input.hours,
                    completion: course.completion,
                    texts: &texts,
                };
                store::update_course(conn, &course.id, &fields, now)?;
                Ok((store::find_course(conn, &slug)?.ok_or(AppError::NotFound)?, false))
            }
            None => {
                let input = input?;
                let slug = Slug::parse(&slug).map_err(|code| AppError::field("slug", error_msg(code)))?;
                let texts = input.check(true)?;
                let id = uuid::Uuid::now_v7().to_string();
                let fields = store::CourseFields {
                    open: input.open,
                    published: false,
                    hours: input.hours,
                    completion: model::Completion::AllModules,
                    texts: &texts,
                };
                store::insert_course(conn, &id, slug.as_str(), &fields, now)?;
                store::add_trainer(conn, &id, &actor.id)?;
                Ok((store::find_course(conn, slug.as_str())?.ok_or(AppError::NotFound)?, true))
            }
        }
    })
    .await
}

/// An admin assigns a trainer (or another admin) to a course.
pub async fn add_trainer(db: &Db, actor: &User, slug: &str, user_id: Unchecked<String>) -> Result<User, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let slug = slug.to_owned();
    db.write(move |conn| {
        let course = store::find_course(conn, &slug)?.ok_or(AppError::NotFound)?;
        let user_id = user_id?;
        let target = accounts::user_by_id(conn, &crate::core::ids::UserId::from(&user_id))?
            .ok_or_else(|| AppError::field("user_id", error_msg("user-unknown")))?;
        trainers::put_on_course(conn, &course, &target, "user_id")?;
        Ok(target)
    })
    .await
}

pub async fn set_published(db: &Db, actor: &User, slug: &str, published: bool) -> Result<(), AppError> {
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.write(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        store::set_published(conn, &course.id, published, db::now())
    })
    .await
}

/// `PUT /courses/{slug}/modules/{module}`: one language's title and text, and optionally its place.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ModuleInput {
    #[schema(required = true, value_type = crate::web::json::LanguageCode)]
    pub language: String,
    /// Not blank; at most 200 characters.
    #[schema(required = true, min_length = 1, max_length = 200, pattern = r"\S")]
    pub title: String,
    /// Not blank; at most 200 KiB (51,200 characters always fit).
    #[schema(required = true, min_length = 1, max_length = 51200, pattern = r"\S")]
    pub markdown: String,
    #[schema(minimum = 1, maximum = 999)]
    pub position: Option<i32>,
    /// About how long the module takes to read, in minutes (the course's hours add these up).
    #[schema(minimum = 1, maximum = 600)]
    pub minutes: Option<i32>,
}

impl ModuleInput {
    fn check(&self) -> Result<(Locale, String, String), AppError> {
        let mut fields = FieldErrors::new();
        let locale = Locale::parse(&self.language).filter(|l| l.code() == self.language);
        if locale.is_none() {
            fields.insert("language".into(), vec![error_msg("locale-unknown")]);
        }
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            fields.insert("title".into(), vec![error_msg("title-required")]);
        } else if title.chars().count() > TITLE_MAX {
            fields.insert("title".into(), vec![Msg::new("error-length-max").with("max", TITLE_MAX)]);
        }
        let markdown = self.markdown.replace("\r\n", "\n").trim().to_owned();
        if markdown.is_empty() {
            fields.insert("markdown".into(), vec![error_msg("markdown-required")]);
        } else if markdown.len() > markdown::MAX_MARKDOWN_BYTES {
            let kib = (markdown::MAX_MARKDOWN_BYTES / 1024) as i64;
            fields.insert("markdown".into(), vec![error_msg("markdown-too-long").with("kib", kib)]);
        } else if markdown::nesting_depth(&markdown) > markdown::MAX_NESTING {
            fields
                .insert("markdown".into(), vec![Msg::new("error-nesting-too-deep").with("max", markdown::MAX_NESTING)]);
        }
        if let Some(p) = self.position
            && !(1..=999).contains(&p)
        {
            fields.insert("position".into(), vec![error_msg("position-range")]);
        }
        if self.minutes.is_some_and(|m| !(1..=600).contains(&m)) {
            fields
                .insert("minutes".into(), vec![Msg::new("error-number-range").with("min", 1_i64).with("max", 600_i64)]);
        }
        match locale {
            Some(locale) if fields.is_empty() => Ok((locale, title, markdown)),
            _ => Err(AppError::Validation(fields)),
        }
    }
}

/// Saves a module's text in one language as a new revision (nothing new if unchanged); creates the
/// module if new. Returns the revision number now current for that language.
pub async fn save_module(
    db: &Db,
    actor: &User,
    slug: &str,
    module_slug: &str,
    input: Unchecked<ModuleInput>,
) -> Result<i32, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    {
        let (actor, slug) = (actor.clone(), slug.to_owned());
        db.run(move |conn| editable_course(conn, &slug, &actor).map(|_| ())).await?;
    }
    let input = input?;
    let (locale, title, markdown) = input.check()?;
    let sizes = images::sizes(db, slug).await?;
    // Rendering can take a while for a large text: do it before the write transaction, off the executor.
    let html = {
        let (markdown, slug) = (markdown.clone(), slug.to_owned());
        actix_web::web::block(move || markdown::render_sized(&markdown, &slug, &sizes))
            .await
            .map_err(|e| AppError::internal(format!("rendering failed: {e}")))?
    };
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let now = db::now();
        let active = store::modules_of(conn, &course.id, false)?.len();
        let end = i32::try_from(active + 1).unwrap_or(999);
        let module = match store::find_module(conn, &course.id, &module_slug)? {
            // Writing to an archived module brings it back, at the end.
            Some(m) if m.archived => {
                let m = Module { archived: false, position: end, ..m };
                store::update_module(conn, &m)?;
                m
            }
            Some(m) => m,
            None => {
                let parsed = Slug::parse(&module_slug).map_err(|code| AppError::field("slug", error_msg(code)))?;
                let module = Module {
                    id: uuid::Uuid::now_v7().to_string(),
                    course_id: course.id.clone(),
                    slug: parsed.as_str().to_owned(),
                    position: end,
                    minutes: None,
                    archived: false,
                };
                store::insert_module(conn, &module, now)?;
                module
            }
        };
        if let Some(position) = input.position {
            place_module(conn, &course.id, &module.id, position)?;
        }
        if input.minutes.is_some() && input.minutes != module.minutes {
            store::set_minutes(conn, &module.id, input.minutes)?;
        }
        store::lock_module(conn, &module.id)?;
        let current = store::current_revisions(conn, std::slice::from_ref(&module.id))?;
        if let Some(same) = current.iter().find(|r| r.locale == locale && r.title == title && r.markdown == markdown) {
            return Ok(same.revision);
        }
        let revision = store::next_revision_number(conn, &module.id)?;
        let new = store::NewRevision {
            module_id: &module.id,
            revision,
            locale,
            title: &title,
            markdown: &markdown,
            html: &html,
            author_id: Some(&actor.id),
        };
        store::insert_revision(conn, &new, now)?;
        Ok(revision)
    })
    .await
}

/// Puts a module at `position` (from 1) and renumbers the others 1, 2, 3 … in order.
fn place_module(conn: &mut AnyConnection, course_id: &str, module_id: &str, position: i32) -> Result<(), AppError> {
    let mut modules = store::modules_of(conn, course_id, false)?;
    let Some(from) = modules.iter().position(|m| m.id == module_id) else { return Ok(()) };
    let moving = modules.remove(from);
    let to = usize::try_from(position - 1).unwrap_or(0).min(modules.len());
    modules.insert(to, moving);
    for (i, module) in modules.into_iter().enumerate() {
        let wanted = i32::try_from(i + 1).unwrap_or(999);
        if module.position != wanted {
            store::update_module(conn, &Module { position: wanted, ..module })?;
        }
    }
    Ok(())
}

/// Moves a module one place up (`-1`) or down (`+1`).
pub async fn move_module(db: &Db, actor: &User, slug: &str, module_slug: &str, step: i32) -> Result<(), AppError> {
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.write(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let modules = store::modules_of(conn, &course.id, false)?;
        let index = modules.iter().position(|m| m.slug == module_slug).ok_or(AppError::NotFound)?;
        let target = i32::try_from(index).unwrap_or(0) + 1 + step;
        place_module(conn, &course.id, &modules[index].id, target.max(1))
    })
    .await
}

/// What an editor needs: the course, the module (none yet for a new one) and its current revision per
/// language.
pub struct EditorData {
    pub course: Course,
    pub module: Option<Module>,
    pub current: BTreeMap<Locale, Revision>,
}

pub async fn editor_data(db: &Db, actor: &User, slug: &str, module_slug: Option<&str>) -> Result<EditorData, AppError> {
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.map(str::to_owned));
    db.run(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let module = match &module_slug {
            Some(m) => store::find_module(conn, &course.id, m)?,
            None => None,
        };
        let current = match &module {
            Some(m) => store::current_revisions(conn, std::slice::from_ref(&m.id))?
                .into_iter()
                .map(|r| (r.locale, r))
                .collect(),
            None => BTreeMap::new(),
        };
        Ok(EditorData { course, module, current })
    })
    .await
}

/// A course's page for its trainers: every module with its current revision per language.
pub struct TrainerCourse {
    pub course: Course,
    pub modules: Vec<(Module, BTreeMap<Locale, Revision>)>,
    pub trainers: Vec<String>,
}

pub async fn trainer_course(db: &Db, actor: &User, slug: &str) -> Result<TrainerCourse, AppError> {
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.run(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let modules = store::modules_of(conn, &course.id, false)?;
        let ids: Vec<String> = modules.iter().map(|m| m.id.clone()).collect();
        let revisions = store::current_revisions(conn, &ids)?;
        let modules = modules
            .into_iter()
            .map(|m| {
                let texts = revisions.iter().filter(|r| r.module_id == m.id).map(|r| (r.locale, r.clone())).collect();
                (m, texts)
            })
            .collect();
        let trainers = store::trainer_handles(conn, &course.id)?;
        Ok(TrainerCourse { course, modules, trainers })
    })
    .await
}

/// Courses a trainer may edit (every course for an admin).
/// Whether `slug` names a course the user sees in the catalogue (published) or may edit: a slug she should
/// be told is taken when she creates a course.
pub async fn slug_known_to(db: &Db, user: &User, slug: &str) -> Result<bool, AppError> {
    let (user, slug) = (user.clone(), slug.to_owned());
    db.run(move |conn| {
        let Some(course) = store::find_course(conn, &slug)? else { return Ok(false) };
        Ok(course.published || access(conn, &course, Some(&user))?.can_edit)
    })
    .await
}

pub async fn trainer_courses(db: &Db, actor: &User) -> Result<Vec<Course>, AppError> {
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let actor = actor.clone();
    db.run(
        move |conn| {
            if actor.is_admin() { store::list_courses(conn, true) } else { store::courses_of_trainer(conn, &actor.id) }
        },
    )
    .await
}

/// Every revision of a module, newest first.
pub async fn revisions(
    db: &Db,
    actor: &User,
    slug: &str,
    module_slug: &str,
) -> Result<(Course, Module, Vec<Revision>), AppError> {
    let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
    db.run(move |conn| {
        let course = editable_course(conn, &slug, &actor)?;
        let module = store::find_module(conn, &course.id, &module_slug)?.ok_or(AppError::NotFound)?;
        let revisions = store::revisions_of(conn, &module.id)?;
        Ok((course, module, revisions))
    })
    .await
}

/// Restores an old revision as a new one (history is never rewritten).
pub async fn restore(db: &Db, actor: &User, slug: &str, module_slug: &str, revision: i32) -> Result<i32, AppError> {
    let old = {
        let (actor, slug, module_slug) = (actor.clone(), slug.to_owned(), module_slug.to_owned());
        db.run(move |conn| {
            let course = editable_course(conn, &slug, &actor)?;
            let module = store::find_module(conn, &course.id, &module_slug)?.ok_or(AppError::NotFound)?;
            store::find_revision(conn, &module.id, revision)?.ok_or(AppError::NotFound)
        })
        .await?
    };
    let sizes = images::sizes(db, slug).await?;
    let html = {
        let (markdown, slug) = (old.markdown.clone(), slug.to_owned());
        actix_web::web::block(move || markdown::render_sized(&markdown, &slug, &sizes))
            .await
            .map_err(|e| AppError::internal(format!("rendering failed: {e}")))?
    };
    let (actor, slug) = (actor.clone(), slug.to_owned());
    db.write(move |conn| {
        editable_course(conn, &slug, &actor)?;
        store::lock_module(conn, &old.module_id)?;
        let next = store::next_revision_number(conn, &old.module_id)?;
        let new = store::NewRevision {
            module_id: &old.module_id,
            revision: next,
            locale: old.locale,
            title: &old.title,
            markdown: &old.markdown,
            html: &html,
            author_id: Some(&actor.id),
        };
        store::insert_revision(conn, &new, db::now())?;
        Ok(next)
    })
    .await
}

/// The message shown when a text is not yet in the reader's language.
pub fn fallback_notice() -> Msg {
    Msg::new("course-fallback-notice")
}
