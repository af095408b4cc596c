//! Storage of courses, their texts, trainers, modules, revisions, media and enrolments: the only code
//! that names these tables.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;

use super::model::{Completion, Course, CourseText, Enrolment, EnrolmentActivity, Module, Revision, RevisionHead};
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{
    content_version, course_media, course_texts, course_trainers, courses, enrolments, module_revisions, modules, users,
};
use crate::db_match;
use crate::i18n::Locale;

type CourseRow = (String, String, bool, bool, Option<i32>, String);

fn course_columns()
-> (courses::id, courses::slug, courses::open, courses::published, courses::hours, courses::completion) {
    (courses::id, courses::slug, courses::open, courses::published, courses::hours, courses::completion)
}

fn with_texts(conn: &mut AnyConnection, rows: Vec<CourseRow>) -> Result<Vec<Course>, AppError> {
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let texts: Vec<(String, String, String, String)> = course_texts::table
        .filter(course_texts::course_id.eq_any(ids))
        .select((course_texts::course_id, course_texts::locale, course_texts::title, course_texts::summary))
        .load(conn)?;
    let mut by_course: HashMap<String, BTreeMap<Locale, CourseText>> = HashMap::new();
    for (course_id, locale, title, summary) in texts {
        if let Some(locale) = Locale::parse(&locale) {
            by_course.entry(course_id).or_default().insert(locale, CourseText { title, summary });
        }
    }
    Ok(rows
        .into_iter()
        .map(|(id, slug, open, published, hours, completion)| Course {
            texts: by_course.remove(&id).unwrap_or_default(),
            id,
            slug,
            open,
            published,
            hours,
            completion: Completion::parse(&completion).unwrap_or_default(),
        })
        .collect())
}

pub fn find_course_by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<Course>, AppError> {
    let rows: Vec<CourseRow> = courses::table.filter(courses::id.eq(id)).select(course_columns()).load(conn)?;
    Ok(with_texts(conn, rows)?.pop())
}

pub fn find_course(conn: &mut AnyConnection, slug: &str) -> Result<Option<Course>, AppError> {
    let rows: Vec<CourseRow> = courses::table.filter(courses::slug.eq(slug)).select(course_columns()).load(conn)?;
    Ok(with_texts(conn, rows)?.pop())
}

/// Courses by slug; only published ones unless `all`.
pub fn list_courses(conn: &mut AnyConnection, all: bool) -> Result<Vec<Course>, AppError> {
    let mut query = courses::table.select(course_columns()).order(courses::slug.asc()).into_boxed();
    if !all {
        query = query.filter(courses::published.eq(true));
    }
    let rows = query.load(conn)?;
    with_texts(conn, rows)
}

/// The courses a trainer is assigned to.
pub fn courses_of_trainer(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<Course>, AppError> {
    let rows = courses::table
        .inner_join(course_trainers::table)
        .filter(course_trainers::user_id.eq(user_id))
        .select(course_columns())
        .order(courses::slug.asc())
        .load(conn)?;
    with_texts(conn, rows)
}

pub struct CourseFields<'a> {
    pub open: bool,
    pub published: bool,
    pub hours: Option<i32>,
    pub completion: Completion,
    pub texts: &'a BTreeMap<Locale, CourseText>,
}

pub fn insert_course(
    conn: &mut AnyConnection,
    id: &str,
    slug: &str,
    fields: &CourseFields,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(courses::table)
        .values((
            courses::id.eq(id),
            courses::slug.eq(slug),
            courses::open.eq(fields.open),
            courses::published.eq(fields.published),
            courses::hours.eq(fields.hours),
            courses::completion.eq(fields.completion.as_str()),
            courses::created_at.eq(now),
            courses::updated_at.eq(now),
        ))
        .execute(conn)?;
    replace_texts(conn, id, fields.texts)
}

pub fn update_course(
    conn: &mut AnyConnection,
    id: &str,
    fields: &CourseFields,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::update(courses::table.filter(courses::id.eq(id)))
        .set((
            courses::open.eq(fields.open),
            courses::published.eq(fields.published),
            courses::hours.eq(fields.hours),
            courses::completion.eq(fields.completion.as_str()),
            courses::updated_at.eq(now),
        ))
        .execute(conn)?;
    replace_texts(conn, id, fields.texts)
}

pub fn set_published(conn: &mut AnyConnection, id: &str, published: bool, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::update(courses::table.filter(courses::id.eq(id)))
        .set((courses::published.eq(published), courses::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

fn replace_texts(
    conn: &mut AnyConnection,
    course_id: &str,
    texts: &BTreeMap<Locale, CourseText>,
) -> Result<(), AppError> {
    diesel::delete(course_texts::table.filter(course_texts::course_id.eq(course_id))).execute(conn)?;
    for (locale, text) in texts {
        diesel::insert_into(course_texts::table)
            .values((
                course_texts::course_id.eq(course_id),
                course_texts::locale.eq(locale.code()),
                course_texts::title.eq(&text.title),
                course_texts::summary.eq(&text.summary),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn is_trainer(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<bool, AppError> {
    let n: i64 = course_trainers::table
        .filter(course_trainers::course_id.eq(course_id))
        .filter(course_trainers::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// (course id, user id) of the trainers of `course_ids`.
pub fn trainers_of_courses(conn: &mut AnyConnection, course_ids: &[String]) -> Result<Vec<(String, String)>, AppError> {
    if course_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(course_trainers::table
        .filter(course_trainers::course_id.eq_any(course_ids))
        .select((course_trainers::course_id, course_trainers::user_id))
        .load(conn)?)
}

/// The counter that triggers move on at every change to course content (migration 000018).
pub fn content_version(conn: &mut AnyConnection) -> Result<i64, AppError> {
    Ok(content_version::table.find(1).select(content_version::version).first(conn).optional()?.unwrap_or(0))
}

pub fn add_trainer(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<(), AppError> {
    let row = (course_trainers::course_id.eq(course_id), course_trainers::user_id.eq(user_id));
    db_match!(conn,
        sqlite => diesel::insert_into(course_trainers::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(course_trainers::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

/// Locks a module's row until the transaction ends (PostgreSQL), so that two writers cannot take the
/// same next revision number. SQLite's IMMEDIATE transaction already serialises them.
pub fn lock_module(conn: &mut AnyConnection, module_id: &str) -> Result<(), AppError> {
    db_match!(conn,
        sqlite => {
            let _ = conn;
        },
        postgres => {
            modules::table.filter(modules::id.eq(module_id)).select(modules::id).for_update().load::<String>(conn)?;
        },
    );
    Ok(())
}

/// The trainers of a course: (user id, handle), by handle.
pub fn trainers_of(conn: &mut AnyConnection, course_id: &str) -> Result<Vec<(String, String)>, AppError> {
    Ok(course_trainers::table
        .inner_join(users::table)
        .filter(course_trainers::course_id.eq(course_id))
        .select((users::id, users::handle))
        .order(users::handle_key.asc())
        .load(conn)?)
}

/// Takes someone off a course's trainers; whether they were on it.
pub fn remove_trainer(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<bool, AppError> {
    let n = diesel::delete(
        course_trainers::table
            .filter(course_trainers::course_id.eq(course_id))
            .filter(course_trainers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

pub fn trainer_handles(conn: &mut AnyConnection, course_id: &str) -> Result<Vec<String>, AppError> {
    Ok(course_trainers::table
        .inner_join(users::table)
        .filter(course_trainers::course_id.eq(course_id))
        .select(users::handle)
        .order(users::handle_key.asc())
        .load(conn)?)
}

type ModuleRow = (String, String, String, i32, Option<i32>, bool);

fn module_columns()
-> (modules::id, modules::course_id, modules::slug, modules::position, modules::minutes, modules::archived) {
    (modules::id, modules::course_id, modules::slug, modules::position, modules::minutes, modules::archived)
}

fn to_module((id, course_id, slug, position, minutes, archived): ModuleRow) -> Module {
    Module { id, course_id, slug, position, minutes, archived }
}

/// The course's modules in order; archived ones (removed from the course) only if asked for.
pub fn modules_of(conn: &mut AnyConnection, course_id: &str, with_archived: bool) -> Result<Vec<Module>, AppError> {
    let mut query = modules::table
        .filter(modules::course_id.eq(course_id))
        .select(module_columns())
        .order((modules::position.asc(), modules::slug.asc()))
        .into_boxed();
    if !with_archived {
        query = query.filter(modules::archived.eq(false));
    }
    Ok(query.load::<ModuleRow>(conn)?.into_iter().map(to_module).collect())
}

pub fn find_module(conn: &mut AnyConnection, course_id: &str, slug: &str) -> Result<Option<Module>, AppError> {
    let row = modules::table
        .filter(modules::course_id.eq(course_id))
        .filter(modules::slug.eq(slug))
        .select(module_columns())
        .first::<ModuleRow>(conn)
        .optional()?;
    Ok(row.map(to_module))
}

pub fn insert_module(conn: &mut AnyConnection, module: &Module, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::insert_into(modules::table)
        .values((
            modules::id.eq(&module.id),
            modules::course_id.eq(&module.course_id),
            modules::slug.eq(&module.slug),
            modules::position.eq(module.position),
            modules::minutes.eq(module.minutes),
            modules::archived.eq(module.archived),
            modules::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_module(conn: &mut AnyConnection, module: &Module) -> Result<(), AppError> {
    diesel::update(modules::table.filter(modules::id.eq(&module.id)))
        .set((
            modules::position.eq(module.position),
            modules::minutes.eq(module.minutes),
            modules::archived.eq(module.archived),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_minutes(conn: &mut AnyConnection, module_id: &str, minutes: Option<i32>) -> Result<(), AppError> {
    diesel::update(modules::table.filter(modules::id.eq(module_id))).set(modules::minutes.eq(minutes)).execute(conn)?;
    Ok(())
}

type RevisionRow = (String, String, i32, String, String, String, String, Option<String>, Option<String>, NaiveDateTime);

fn load_revisions(
    conn: &mut AnyConnection,
    query: module_revisions::BoxedQuery<'_, crate::db::MultiBackend>,
) -> Result<Vec<Revision>, AppError> {
    let rows: Vec<RevisionRow> = query
        .left_join(users::table.on(module_revisions::author_id.eq(users::id.nullable())))
        .select((
            module_revisions::id,
            module_revisions::module_id,
            module_revisions::revision,
            module_revisions::locale,
            module_revisions::title,
            module_revisions::markdown,
            module_revisions::html,
            module_revisions::author_id,
            users::handle.nullable(),
            module_revisions::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, module_id, revision, locale, title, markdown, html, author_id, author_handle, created_at)| {
            Revision {
                id,
                module_id,
                revision,
                locale: Locale::parse(&locale).unwrap_or_default(),
                title,
                markdown,
                html,
                author_id,
                author_handle,
                created_at,
            }
        })
        .collect())
}

/// The newest revision number of each (module, language) among `module_ids`.
fn newest_revisions(conn: &mut AnyConnection, module_ids: &[String]) -> Result<HashSet<(String, i32)>, AppError> {
    let newest: Vec<(String, String, Option<i32>)> = module_revisions::table
        .filter(module_revisions::module_id.eq_any(module_ids))
        .group_by((module_revisions::module_id, module_revisions::locale))
        .select((module_revisions::module_id, module_revisions::locale, max(module_revisions::revision)))
        .load(conn)?;
    Ok(newest.into_iter().filter_map(|(m, _, r)| r.map(|r| (m, r))).collect())
}

/// The newest revision of each (module, language) among `module_ids`, titles only: no Markdown, no HTML.
pub fn current_heads(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<RevisionHead>, AppError> {
    if module_ids.is_empty() {
        return Ok(Vec::new());
    }
    let wanted = newest_revisions(conn, module_ids)?;
    let mut numbers: Vec<i32> = wanted.iter().map(|(_, r)| *r).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let rows: Vec<(String, i32, String, String)> = module_revisions::table
        .filter(module_revisions::module_id.eq_any(module_ids))
        .filter(module_revisions::revision.eq_any(numbers))
        .select((
            module_revisions::module_id,
            module_revisions::revision,
            module_revisions::locale,
            module_revisions::title,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(m, r, _, _)| wanted.contains(&(m.clone(), *r)))
        .map(|(module_id, revision, locale, title)| RevisionHead {
            module_id,
            revision,
            locale: Locale::parse(&locale).unwrap_or_default(),
            title,
        })
        .collect())
}

/// The modules of several courses (not archived), in each course's order.
pub fn modules_of_courses(conn: &mut AnyConnection, course_ids: &[String]) -> Result<Vec<Module>, AppError> {
    if course_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(modules::table
        .filter(modules::course_id.eq_any(course_ids))
        .filter(modules::archived.eq(false))
        .select(module_columns())
        .order((modules::course_id.asc(), modules::position.asc(), modules::slug.asc()))
        .load::<ModuleRow>(conn)?
        .into_iter()
        .map(to_module)
        .collect())
}

/// The newest revision of each (module, language) among `module_ids`.
pub fn current_revisions(conn: &mut AnyConnection, module_ids: &[String]) -> Result<Vec<Revision>, AppError> {
    if module_ids.is_empty() {
        return Ok(Vec::new());
    }
    let newest: Vec<(String, String, Option<i32>)> = module_revisions::table
        .filter(module_revisions::module_id.eq_any(module_ids))
        .group_by((module_revisions::module_id, module_revisions::locale))
        .select((module_revisions::module_id, module_revisions::locale, max(module_revisions::revision)))
        .load(conn)?;
    let wanted: HashMap<(String, i32), ()> =
        newest.into_iter().filter_map(|(m, _, r)| r.map(|r| ((m, r), ()))).collect();
    let revisions: Vec<i32> = wanted.keys().map(|(_, r)| *r).collect();
    let query = module_revisions::table
        .filter(module_revisions::module_id.eq_any(module_ids))
        .filter(module_revisions::revision.eq_any(revisions))
        .into_boxed();
    Ok(load_revisions(conn, query)?
        .into_iter()
        .filter(|r| wanted.contains_key(&(r.module_id.clone(), r.revision)))
        .collect())
}

/// Every revision of a module, newest first.
pub fn revisions_of(conn: &mut AnyConnection, module_id: &str) -> Result<Vec<Revision>, AppError> {
    let query = module_revisions::table
        .filter(module_revisions::module_id.eq(module_id.to_owned()))
        .order(module_revisions::revision.desc())
        .into_boxed();
    load_revisions(conn, query)
}

pub fn find_revision(conn: &mut AnyConnection, module_id: &str, revision: i32) -> Result<Option<Revision>, AppError> {
    let query = module_revisions::table
        .filter(module_revisions::module_id.eq(module_id.to_owned()))
        .filter(module_revisions::revision.eq(revision))
        .into_boxed();
    Ok(load_revisions(conn, query)?.pop())
}

pub fn next_revision_number(conn: &mut AnyConnection, module_id: &str) -> Result<i32, AppError> {
    let newest: Option<i32> = module_revisions::table
        .filter(module_revisions::module_id.eq(module_id))
        .select(max(module_revisions::revision))
        .first(conn)?;
    Ok(newest.unwrap_or(0) + 1)
}

pub struct NewRevision<'a> {
    pub module_id: &'a str,
    pub revision: i32,
    pub locale: Locale,
    pub title: &'a str,
    pub markdown: &'a str,
    pub html: &'a str,
    pub author_id: Option<&'a str>,
}

pub fn insert_revision(conn: &mut AnyConnection, new: &NewRevision, now: NaiveDateTime) -> Result<(), AppError> {
    diesel::insert_into(module_revisions::table)
        .values((
            module_revisions::id.eq(uuid::Uuid::now_v7().to_string()),
            module_revisions::module_id.eq(new.module_id),
            module_revisions::revision.eq(new.revision),
            module_revisions::locale.eq(new.locale.code()),
            module_revisions::title.eq(new.title),
            module_revisions::markdown.eq(new.markdown),
            module_revisions::html.eq(new.html),
            module_revisions::author_id.eq(new.author_id),
            module_revisions::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Name → content hash of a course's media.
pub fn media_hashes(conn: &mut AnyConnection, course_id: &str) -> Result<BTreeMap<String, String>, AppError> {
    let rows: Vec<(String, String)> = course_media::table
        .filter(course_media::course_id.eq(course_id))
        .select((course_media::name, course_media::sha256))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// A media file's type and bytes.
pub fn find_media(
    conn: &mut AnyConnection,
    course_id: &str,
    name: &str,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    Ok(course_media::table
        .filter(course_media::course_id.eq(course_id))
        .filter(course_media::name.eq(name))
        .select((course_media::content_type, course_media::bytes))
        .first(conn)
        .optional()?)
}

pub fn put_media(
    conn: &mut AnyConnection,
    course_id: &str,
    name: &str,
    content_type: &str,
    bytes: &[u8],
    sha256: &str,
) -> Result<(), AppError> {
    delete_media(conn, course_id, name)?;
    diesel::insert_into(course_media::table)
        .values((
            course_media::course_id.eq(course_id),
            course_media::name.eq(name),
            course_media::content_type.eq(content_type),
            course_media::bytes.eq(bytes),
            course_media::sha256.eq(sha256),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_media(conn: &mut AnyConnection, course_id: &str, name: &str) -> Result<(), AppError> {
    diesel::delete(
        course_media::table.filter(course_media::course_id.eq(course_id)).filter(course_media::name.eq(name)),
    )
    .execute(conn)?;
    Ok(())
}

// ---- enrolments: who is a member of a course, and where they were last ----

pub fn find_enrolment(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<Option<Enrolment>, AppError> {
    let row: Option<(NaiveDateTime, Option<String>, Option<NaiveDateTime>)> = enrolments::table
        .filter(enrolments::course_id.eq(course_id))
        .filter(enrolments::user_id.eq(user_id))
        .select((enrolments::enrolled_at, enrolments::last_module_id, enrolments::last_activity_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(enrolled_at, last_module_id, last_activity_at)| Enrolment {
        enrolled_at,
        last_module_id,
        last_activity_at,
    }))
}

/// The ids of the courses a user is enrolled in.
pub fn enrolled_course_ids(conn: &mut AnyConnection, user_id: &str) -> Result<HashSet<String>, AppError> {
    let ids: Vec<String> =
        enrolments::table.filter(enrolments::user_id.eq(user_id)).select(enrolments::course_id).load(conn)?;
    Ok(ids.into_iter().collect())
}

pub fn insert_enrolment(
    conn: &mut AnyConnection,
    course_id: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = (enrolments::course_id.eq(course_id), enrolments::user_id.eq(user_id), enrolments::enrolled_at.eq(now));
    // Once: a second, concurrent enrolment changes nothing.
    db_match!(conn,
        sqlite => diesel::insert_into(enrolments::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(enrolments::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

/// Records where a scholar was; only moves forward in time.
pub fn set_last_module(
    conn: &mut AnyConnection,
    course_id: &str,
    user_id: &str,
    module_id: &str,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::update(
        enrolments::table
            .filter(enrolments::course_id.eq(course_id))
            .filter(enrolments::user_id.eq(user_id))
            .filter(enrolments::last_activity_at.is_null().or(enrolments::last_activity_at.lt(at))),
    )
    .set((enrolments::last_module_id.eq(module_id), enrolments::last_activity_at.eq(at)))
    .execute(conn)?;
    Ok(())
}

/// Ends an enrolment (what was completed stays recorded, should the scholar come back).
pub fn delete_enrolment(conn: &mut AnyConnection, course_id: &str, user_id: &str) -> Result<(), AppError> {
    diesel::delete(
        enrolments::table.filter(enrolments::course_id.eq(course_id)).filter(enrolments::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// How many user ids go into one `IN (...)` list: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 500;

/// The enrolments of `user_ids` in `course_ids`.
pub fn enrolments_of_users(
    conn: &mut AnyConnection,
    course_ids: &[String],
    user_ids: &[String],
) -> Result<Vec<EnrolmentActivity>, AppError> {
    let mut out = Vec::new();
    for chunk in user_ids.chunks(CHUNK) {
        let rows: Vec<EnrolmentActivity> = enrolments::table
            .filter(enrolments::course_id.eq_any(course_ids))
            .filter(enrolments::user_id.eq_any(chunk))
            .select((enrolments::user_id, enrolments::course_id, enrolments::enrolled_at, enrolments::last_activity_at))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// A person's enrolments (course slug, enrolled, last activity), for her data export.
pub fn enrolments_of(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<(String, NaiveDateTime, Option<NaiveDateTime>)>, AppError> {
    Ok(enrolments::table
        .inner_join(courses::table.on(courses::id.eq(enrolments::course_id)))
        .filter(enrolments::user_id.eq(user_id))
        .order(enrolments::enrolled_at.asc())
        .select((courses::slug, enrolments::enrolled_at, enrolments::last_activity_at))
        .load(conn)?)
}

/// The slugs of the courses a person teaches.
pub fn taught_by(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<String>, AppError> {
    Ok(course_trainers::table
        .inner_join(courses::table.on(courses::id.eq(course_trainers::course_id)))
        .filter(course_trainers::user_id.eq(user_id))
        .order(courses::slug.asc())
        .select(courses::slug)
        .load(conn)?)
}

/// A module revision a person wrote: (course, module, revision, language, when).
pub type WrittenRevision = (String, String, i32, String, NaiveDateTime);

pub fn revisions_by(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<WrittenRevision>, AppError> {
    Ok(module_revisions::table
        .inner_join(modules::table.on(modules::id.eq(module_revisions::module_id)))
        .inner_join(courses::table.on(courses::id.eq(modules::course_id)))
        .filter(module_revisions::author_id.eq(user_id))
        .order(module_revisions::created_at.asc())
        .select((
            courses::slug,
            modules::slug,
            module_revisions::revision,
            module_revisions::locale,
            module_revisions::created_at,
        ))
        .load(conn)?)
}

/// Erasure: her enrolments and teaching places go; the texts she wrote stay with the course, unsigned.
pub fn forget_person(conn: &mut AnyConnection, user_id: &str) -> Result<(), AppError> {
    diesel::delete(enrolments::table.filter(enrolments::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(course_trainers::table.filter(course_trainers::user_id.eq(user_id))).execute(conn)?;
    diesel::update(module_revisions::table.filter(module_revisions::author_id.eq(user_id)))
        .set(module_revisions::author_id.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

/// Every media file of a course: name, content type, bytes (for a download that carries them inside).
pub fn all_media(conn: &mut AnyConnection, course_id: &str) -> Result<Vec<(String, String, Vec<u8>)>, AppError> {
    Ok(course_media::table
        .filter(course_media::course_id.eq(course_id))
        .select((course_media::name, course_media::content_type, course_media::bytes))
        .order(course_media::name.asc())
        .load(conn)?)
}

/// The names of a course's media files, in name order.
pub fn media_names(conn: &mut AnyConnection, course_id: &str) -> Result<Vec<String>, AppError> {
    Ok(course_media::table
        .filter(course_media::course_id.eq(course_id))
        .select(course_media::name)
        .order(course_media::name.asc())
        .load(conn)?)
}
