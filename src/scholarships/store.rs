//! Storage of programmes, reviewers, applications, reviews and cohorts: the only code that names their
//! tables. Structured parts (texts, countries, track, rubric, questions, answers, scores) are JSON text.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::de::DeserializeOwned;

use super::model::{Application, Programme, Review, Status, Terms};
use crate::core::error::AppError;
use crate::db::AnyConnection;
use crate::db::schema::{applications, cohort_members, programme_reviewers, programmes, reviews, users};
use crate::db_match;
use crate::i18n::Locale;

fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::internal(format!("json: {e}")))
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| AppError::internal(format!("stored json: {e}")))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = programmes)]
struct ProgrammeRow {
    id: String,
    title: String,
    description: String,
    texts: String,
    countries: String,
    seats: i32,
    stipend_cents: Option<i64>,
    currency: Option<String>,
    opens_at: NaiveDateTime,
    closes_at: NaiveDateTime,
    deadline: NaiveDateTime,
    course_slugs: String,
    criteria: String,
    questions: String,
    blind: bool,
    created_at: NaiveDateTime,
    offer_days: i32,
}

impl ProgrammeRow {
    fn into_programme(self) -> Result<Programme, AppError> {
        let texts: BTreeMap<String, super::model::ProgrammeText> = parse(&self.texts)?;
        Ok(Programme {
            id: self.id,
            created_at: self.created_at,
            terms: Terms {
                title: self.title,
                description: self.description,
                texts: texts.into_iter().filter_map(|(k, v)| Locale::parse(&k).map(|l| (l, v))).collect(),
                countries: parse(&self.countries)?,
                seats: self.seats,
                stipend_cents: self.stipend_cents,
                currency: self.currency,
                opens_at: self.opens_at,
                closes_at: self.closes_at,
                deadline: self.deadline,
                course_slugs: parse(&self.course_slugs)?,
                criteria: parse(&self.criteria)?,
                questions: parse(&self.questions)?,
                blind: self.blind,
                offer_days: self.offer_days,
            },
        })
    }
}

/// The columns an admin sets, as written on creating and on changing a programme.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = programmes, treat_none_as_null = true)]
struct TermsRow<'a> {
    title: &'a str,
    description: &'a str,
    texts: String,
    countries: String,
    seats: i32,
    stipend_cents: Option<i64>,
    currency: Option<&'a str>,
    opens_at: NaiveDateTime,
    closes_at: NaiveDateTime,
    deadline: NaiveDateTime,
    course_slugs: String,
    criteria: String,
    questions: String,
    blind: bool,
    offer_days: i32,
}

impl<'a> TermsRow<'a> {
    fn of(p: &'a Terms) -> Result<Self, AppError> {
        let texts: BTreeMap<&str, _> = p.texts.iter().map(|(l, t)| (l.code(), t)).collect();
        Ok(TermsRow {
            title: &p.title,
            description: &p.description,
            texts: json(&texts)?,
            countries: json(&p.countries)?,
            seats: p.seats,
            stipend_cents: p.stipend_cents,
            currency: p.currency.as_deref(),
            opens_at: p.opens_at,
            closes_at: p.closes_at,
            deadline: p.deadline,
            course_slugs: json(&p.course_slugs)?,
            criteria: json(&p.criteria)?,
            questions: json(&p.questions)?,
            blind: p.blind,
            offer_days: p.offer_days,
        })
    }
}

pub fn insert_programme(
    conn: &mut AnyConnection,
    id: &str,
    p: &Terms,
    created_by: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(programmes::table)
        .values((
            programmes::id.eq(id),
            TermsRow::of(p)?,
            programmes::created_by.eq(created_by),
            programmes::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_programme(conn: &mut AnyConnection, id: &str, p: &Terms) -> Result<(), AppError> {
    diesel::update(programmes::table.filter(programmes::id.eq(id))).set(TermsRow::of(p)?).execute(conn)?;
    Ok(())
}

pub fn has_reviews(conn: &mut AnyConnection, programme_id: &str) -> Result<bool, AppError> {
    let n: i64 = reviews::table
        .inner_join(applications::table)
        .filter(applications::programme_id.eq(programme_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn has_applications(conn: &mut AnyConnection, programme_id: &str) -> Result<bool, AppError> {
    let n: i64 = applications::table.filter(applications::programme_id.eq(programme_id)).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn find_programme(conn: &mut AnyConnection, id: &str) -> Result<Option<Programme>, AppError> {
    let row: Option<ProgrammeRow> =
        programmes::table.filter(programmes::id.eq(id)).select(ProgrammeRow::as_select()).first(conn).optional()?;
    row.map(ProgrammeRow::into_programme).transpose()
}

/// Locks a programme's row until the transaction ends, so that decisions on it take seats one at a time.
pub fn lock_programme(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    db_match!(conn,
        sqlite => { let _ = conn; },
        postgres => {
            programmes::table.filter(programmes::id.eq(id)).select(programmes::id).for_update().first::<String>(conn)?;
        },
    );
    Ok(())
}

/// Every programme, newest first.
pub fn list_programmes(conn: &mut AnyConnection) -> Result<Vec<Programme>, AppError> {
    let rows: Vec<ProgrammeRow> =
        programmes::table.order(programmes::opens_at.desc()).select(ProgrammeRow::as_select()).load(conn)?;
    rows.into_iter().map(ProgrammeRow::into_programme).collect()
}

pub fn add_reviewer(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<(), AppError> {
    let row = (programme_reviewers::programme_id.eq(programme_id), programme_reviewers::user_id.eq(user_id));
    db_match!(conn,
        sqlite => diesel::insert_into(programme_reviewers::table).values(row).on_conflict_do_nothing().execute(conn)?,
        postgres => diesel::insert_into(programme_reviewers::table).values(row).on_conflict_do_nothing().execute(conn)?,
    );
    Ok(())
}

pub fn remove_reviewer(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<(), AppError> {
    diesel::delete(
        programme_reviewers::table
            .filter(programme_reviewers::programme_id.eq(programme_id))
            .filter(programme_reviewers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(())
}

pub fn is_reviewer(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<bool, AppError> {
    let n: i64 = programme_reviewers::table
        .filter(programme_reviewers::programme_id.eq(programme_id))
        .filter(programme_reviewers::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The reviewers of a programme: (id, handle).
pub fn reviewers(conn: &mut AnyConnection, programme_id: &str) -> Result<Vec<(String, String)>, AppError> {
    Ok(programme_reviewers::table
        .inner_join(users::table.on(users::id.eq(programme_reviewers::user_id)))
        .filter(programme_reviewers::programme_id.eq(programme_id))
        .order(users::handle_key.asc())
        .select((users::id, users::handle))
        .load(conn)?)
}

/// The programmes a user reviews.
pub fn programmes_reviewed_by(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<String>, AppError> {
    Ok(programme_reviewers::table
        .filter(programme_reviewers::user_id.eq(user_id))
        .select(programme_reviewers::programme_id)
        .load(conn)?)
}

/// How many sent applications of the programmes she reviews (not her own) have no review of hers yet
/// (a declared conflict counts as one): one indexed read for someone who reviews nothing.
pub fn count_waiting_reviews(conn: &mut AnyConnection, user_id: &str) -> Result<Option<i64>, AppError> {
    let programmes = programmes_reviewed_by(conn, user_id)?;
    if programmes.is_empty() {
        return Ok(None);
    }
    let sent: i64 = applications::table
        .filter(applications::programme_id.eq_any(&programmes))
        .filter(applications::status.ne(Status::Draft.code()))
        .filter(applications::user_id.ne(user_id))
        .count()
        .get_result(conn)?;
    let done: i64 = reviews::table
        .inner_join(applications::table.on(applications::id.eq(reviews::application_id)))
        .filter(reviews::reviewer_id.eq(user_id))
        .filter(applications::programme_id.eq_any(&programmes))
        .filter(applications::status.ne(Status::Draft.code()))
        .count()
        .get_result(conn)?;
    Ok(Some((sent - done).max(0)))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = applications)]
struct ApplicationRow {
    id: String,
    programme_id: String,
    user_id: String,
    status: String,
    organisation: String,
    country: String,
    experience: String,
    motivation: String,
    answers: String,
    consent: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    submitted_at: Option<NaiveDateTime>,
    decided_at: Option<NaiveDateTime>,
}

impl ApplicationRow {
    fn into_application(self) -> Result<Application, AppError> {
        Ok(Application {
            status: Status::parse(&self.status)
                .ok_or_else(|| AppError::internal(format!("unknown application status {}", self.status)))?,
            answers: parse(&self.answers)?,
            id: self.id,
            programme_id: self.programme_id,
            user_id: self.user_id,
            organisation: self.organisation,
            country: self.country,
            experience: self.experience,
            motivation: self.motivation,
            consent: self.consent,
            created_at: self.created_at,
            updated_at: self.updated_at,
            submitted_at: self.submitted_at,
            decided_at: self.decided_at,
        })
    }
}

pub fn find_application(conn: &mut AnyConnection, id: &str) -> Result<Option<Application>, AppError> {
    let row: Option<ApplicationRow> = applications::table
        .filter(applications::id.eq(id))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?;
    row.map(ApplicationRow::into_application).transpose()
}

pub fn application_of(
    conn: &mut AnyConnection,
    programme_id: &str,
    user_id: &str,
) -> Result<Option<Application>, AppError> {
    let row: Option<ApplicationRow> = applications::table
        .filter(applications::programme_id.eq(programme_id))
        .filter(applications::user_id.eq(user_id))
        .select(ApplicationRow::as_select())
        .first(conn)
        .optional()?;
    row.map(ApplicationRow::into_application).transpose()
}

/// A user's applications, newest first.
pub fn applications_of_user(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<Application>, AppError> {
    let rows: Vec<ApplicationRow> = applications::table
        .filter(applications::user_id.eq(user_id))
        .order(applications::created_at.desc())
        .select(ApplicationRow::as_select())
        .load(conn)?;
    rows.into_iter().map(ApplicationRow::into_application).collect()
}

/// A programme's sent applications (not drafts), oldest first, with the applicant's handle.
pub fn sent_applications(conn: &mut AnyConnection, programme_id: &str) -> Result<Vec<(Application, String)>, AppError> {
    let rows: Vec<(ApplicationRow, String)> = applications::table
        .inner_join(users::table.on(users::id.eq(applications::user_id)))
        .filter(applications::programme_id.eq(programme_id))
        .filter(applications::status.ne(Status::Draft.code()))
        .order(applications::submitted_at.asc())
        .select((ApplicationRow::as_select(), users::handle))
        .load(conn)?;
    rows.into_iter().map(|(a, h)| Ok((a.into_application()?, h))).collect()
}

/// Inserts or replaces an application (one per person and programme).
pub fn save_application(conn: &mut AnyConnection, a: &Application, is_new: bool) -> Result<(), AppError> {
    let values = (
        applications::status.eq(a.status.code()),
        applications::organisation.eq(&a.organisation),
        applications::country.eq(&a.country),
        applications::experience.eq(&a.experience),
        applications::motivation.eq(&a.motivation),
        applications::answers.eq(json(&a.answers)?),
        applications::consent.eq(a.consent),
        applications::updated_at.eq(a.updated_at),
        applications::submitted_at.eq(a.submitted_at),
        applications::decided_at.eq(a.decided_at),
    );
    if is_new {
        diesel::insert_into(applications::table)
            .values((
                applications::id.eq(&a.id),
                applications::programme_id.eq(&a.programme_id),
                applications::user_id.eq(&a.user_id),
                applications::created_at.eq(a.created_at),
                values,
            ))
            .execute(conn)?;
    } else {
        diesel::update(applications::table.filter(applications::id.eq(&a.id))).set(values).execute(conn)?;
    }
    Ok(())
}

pub fn delete_application(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    diesel::delete(applications::table.filter(applications::id.eq(id))).execute(conn)?;
    Ok(())
}

pub fn count_holding_seats(conn: &mut AnyConnection, programme_id: &str) -> Result<i64, AppError> {
    Ok(applications::table
        .filter(applications::programme_id.eq(programme_id))
        .filter(applications::status.eq_any([Status::Awarded.code(), Status::Accepted.code()]))
        .count()
        .get_result(conn)?)
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = reviews)]
struct ReviewRow {
    application_id: String,
    reviewer_id: String,
    conflict: bool,
    scores: String,
    comment: String,
    updated_at: NaiveDateTime,
}

impl ReviewRow {
    fn into_review(self) -> Result<Review, AppError> {
        Ok(Review {
            scores: parse(&self.scores)?,
            application_id: self.application_id,
            reviewer_id: self.reviewer_id,
            conflict: self.conflict,
            comment: self.comment,
            updated_at: self.updated_at,
        })
    }
}

pub fn find_review(
    conn: &mut AnyConnection,
    application_id: &str,
    reviewer_id: &str,
) -> Result<Option<Review>, AppError> {
    let row: Option<ReviewRow> = reviews::table
        .filter(reviews::application_id.eq(application_id))
        .filter(reviews::reviewer_id.eq(reviewer_id))
        .select(ReviewRow::as_select())
        .first(conn)
        .optional()?;
    row.map(ReviewRow::into_review).transpose()
}

pub fn save_review(conn: &mut AnyConnection, r: &Review, is_new: bool) -> Result<(), AppError> {
    let values = (
        reviews::conflict.eq(r.conflict),
        reviews::scores.eq(json(&r.scores)?),
        reviews::comment.eq(&r.comment),
        reviews::updated_at.eq(r.updated_at),
    );
    if is_new {
        diesel::insert_into(reviews::table)
            .values((reviews::application_id.eq(&r.application_id), reviews::reviewer_id.eq(&r.reviewer_id), values))
            .execute(conn)?;
    } else {
        diesel::update(
            reviews::table
                .filter(reviews::application_id.eq(&r.application_id))
                .filter(reviews::reviewer_id.eq(&r.reviewer_id)),
        )
        .set(values)
        .execute(conn)?;
    }
    Ok(())
}

/// Every review of a programme's applications.
pub fn reviews_of_programme(conn: &mut AnyConnection, programme_id: &str) -> Result<Vec<Review>, AppError> {
    let rows: Vec<ReviewRow> = reviews::table
        .inner_join(applications::table)
        .filter(applications::programme_id.eq(programme_id))
        .select(ReviewRow::as_select())
        .load(conn)?;
    rows.into_iter().map(ReviewRow::into_review).collect()
}

/// A reviewer's own reviews.
pub fn reviews_by(conn: &mut AnyConnection, reviewer_id: &str) -> Result<Vec<Review>, AppError> {
    let rows: Vec<ReviewRow> =
        reviews::table.filter(reviews::reviewer_id.eq(reviewer_id)).select(ReviewRow::as_select()).load(conn)?;
    rows.into_iter().map(ReviewRow::into_review).collect()
}

/// A cohort membership: how it began (`award` or `csv`), and which enrolments it made.
#[derive(Debug, Clone)]
pub struct Membership {
    pub source: String,
    pub enrolled_course_ids: Vec<String>,
}

pub fn membership(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<Option<Membership>, AppError> {
    let row: Option<(String, String)> = cohort_members::table
        .filter(cohort_members::programme_id.eq(programme_id))
        .filter(cohort_members::user_id.eq(user_id))
        .select((cohort_members::source, cohort_members::enrolled_course_ids))
        .first(conn)
        .optional()?;
    row.map(|(source, ids)| Ok(Membership { source, enrolled_course_ids: parse(&ids)? })).transpose()
}

/// Adds a scholar to a cohort, or records more enrolments on their membership (inside the caller's
/// transaction, which holds the programme's lock).
pub fn join_cohort(
    conn: &mut AnyConnection,
    programme_id: &str,
    user_id: &str,
    source: &str,
    enrolled: &[String],
    now: NaiveDateTime,
) -> Result<(), AppError> {
    match membership(conn, programme_id, user_id)? {
        Some(mut m) => {
            m.enrolled_course_ids
                .extend(enrolled.iter().filter(|id| !m.enrolled_course_ids.contains(id)).cloned().collect::<Vec<_>>());
            diesel::update(
                cohort_members::table
                    .filter(cohort_members::programme_id.eq(programme_id))
                    .filter(cohort_members::user_id.eq(user_id)),
            )
            .set(cohort_members::enrolled_course_ids.eq(json(&m.enrolled_course_ids)?))
            .execute(conn)?;
        }
        None => {
            diesel::insert_into(cohort_members::table)
                .values((
                    cohort_members::programme_id.eq(programme_id),
                    cohort_members::user_id.eq(user_id),
                    cohort_members::joined_at.eq(now),
                    cohort_members::source.eq(source),
                    cohort_members::enrolled_course_ids.eq(json(&enrolled)?),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The other programmes whose cohort a user belongs to.
pub fn other_memberships(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<Vec<String>, AppError> {
    Ok(cohort_members::table
        .filter(cohort_members::user_id.eq(user_id))
        .filter(cohort_members::programme_id.ne(programme_id))
        .select(cohort_members::programme_id)
        .load(conn)?)
}

pub fn remove_from_cohort(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<(), AppError> {
    diesel::delete(
        cohort_members::table
            .filter(cohort_members::programme_id.eq(programme_id))
            .filter(cohort_members::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// A member of a cohort, for the dashboard.
#[derive(Debug, Clone)]
pub struct Member {
    pub user_id: String,
    pub handle: String,
    pub joined_at: NaiveDateTime,
    pub email: Option<String>,
}

/// A cohort's members, by handle.
pub fn cohort(conn: &mut AnyConnection, programme_id: &str) -> Result<Vec<Member>, AppError> {
    let rows: Vec<(String, String, NaiveDateTime, Option<String>)> = cohort_members::table
        .inner_join(users::table)
        .filter(cohort_members::programme_id.eq(programme_id))
        .order(users::handle_key.asc())
        .select((users::id, users::handle, cohort_members::joined_at, users::email))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, handle, joined_at, email)| Member { user_id, handle, joined_at, email })
        .collect())
}

pub fn has_cohort(conn: &mut AnyConnection, programme_id: &str) -> Result<bool, AppError> {
    let n: i64 =
        cohort_members::table.filter(cohort_members::programme_id.eq(programme_id)).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn in_cohort(conn: &mut AnyConnection, programme_id: &str, user_id: &str) -> Result<bool, AppError> {
    let n: i64 = cohort_members::table
        .filter(cohort_members::programme_id.eq(programme_id))
        .filter(cohort_members::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn count_drafts(conn: &mut AnyConnection, programme_id: &str) -> Result<usize, AppError> {
    let n: i64 = applications::table
        .filter(applications::programme_id.eq(programme_id))
        .filter(applications::status.eq(Status::Draft.code()))
        .count()
        .get_result(conn)?;
    Ok(n as usize)
}

/// The reviews of one application, with each reviewer's handle.
pub fn reviews_of_application(
    conn: &mut AnyConnection,
    application_id: &str,
) -> Result<Vec<(Review, String)>, AppError> {
    let rows: Vec<(ReviewRow, String)> = reviews::table
        .inner_join(users::table.on(users::id.eq(reviews::reviewer_id)))
        .filter(reviews::application_id.eq(application_id))
        .order(users::handle_key.asc())
        .select((ReviewRow::as_select(), users::handle))
        .load(conn)?;
    rows.into_iter().map(|(r, h)| Ok((r.into_review()?, h))).collect()
}

/// The cohorts a person belongs to: (programme title, joined, how), for her data export.
pub fn cohorts_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<(String, NaiveDateTime, String)>, AppError> {
    Ok(cohort_members::table
        .inner_join(programmes::table)
        .filter(cohort_members::user_id.eq(user_id))
        .order(cohort_members::joined_at.asc())
        .select((programmes::title, cohort_members::joined_at, cohort_members::source))
        .load(conn)?)
}

/// The titles of the programmes a person created (as an administrator).
pub fn programmes_created_by(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<String>, AppError> {
    Ok(programmes::table.filter(programmes::created_by.eq(user_id)).select(programmes::title).load(conn)?)
}

/// Erasure: her applications go with the reviews of them, and her places as reviewer and in cohorts.
/// Reviews she wrote stay for the applicants' ranking, moved to `placeholder` (an "erased" account, made
/// only when she wrote any) with her comment removed. Programmes she created stay, unsigned.
pub fn forget_person(
    conn: &mut AnyConnection,
    user_id: &str,
    placeholder: impl FnOnce(&mut AnyConnection) -> Result<String, AppError>,
) -> Result<(), AppError> {
    let hers = applications::table.filter(applications::user_id.eq(user_id)).select(applications::id);
    diesel::delete(reviews::table.filter(reviews::application_id.eq_any(hers))).execute(conn)?;
    diesel::delete(applications::table.filter(applications::user_id.eq(user_id))).execute(conn)?;
    let written: i64 = reviews::table.filter(reviews::reviewer_id.eq(user_id)).count().get_result(conn)?;
    if written > 0 {
        let stand_in = placeholder(conn)?;
        diesel::update(reviews::table.filter(reviews::reviewer_id.eq(user_id)))
            .set((reviews::reviewer_id.eq(&stand_in), reviews::comment.eq("")))
            .execute(conn)?;
    }
    diesel::delete(programme_reviewers::table.filter(programme_reviewers::user_id.eq(user_id))).execute(conn)?;
    diesel::delete(cohort_members::table.filter(cohort_members::user_id.eq(user_id))).execute(conn)?;
    diesel::update(programmes::table.filter(programmes::created_by.eq(user_id)))
        .set(programmes::created_by.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

/// Retention: deletes applications (with their reviews) that were not awarded and whose decision, or
/// their call's closing when never decided, is older than `decided_before`; and drafts of calls that
/// closed before `drafts_before`. Returns (applications, drafts) deleted.
pub fn forget_old_applications(
    conn: &mut AnyConnection,
    decided_before: NaiveDateTime,
    drafts_before: NaiveDateTime,
) -> Result<(usize, usize), AppError> {
    let rows: Vec<(String, String, Option<NaiveDateTime>, NaiveDateTime)> = applications::table
        .inner_join(programmes::table)
        .filter(applications::status.ne_all(["awarded", "accepted"]))
        .filter(programmes::closes_at.lt(decided_before.max(drafts_before)))
        .select((applications::id, applications::status, applications::decided_at, programmes::closes_at))
        .load(conn)?;
    let (mut old, mut drafts) = (Vec::new(), Vec::new());
    for (id, status, decided_at, closes_at) in rows {
        if status == "draft" {
            if closes_at < drafts_before {
                drafts.push(id);
            }
        } else if decided_at.unwrap_or(closes_at) < decided_before && closes_at < decided_before {
            old.push(id);
        }
    }
    for chunk in old.chunks(500).chain(drafts.chunks(500)) {
        diesel::delete(reviews::table.filter(reviews::application_id.eq_any(chunk))).execute(conn)?;
        diesel::delete(applications::table.filter(applications::id.eq_any(chunk))).execute(conn)?;
    }
    Ok((old.len(), drafts.len()))
}

/// Deletes the reviews `reviewer_id` wrote of a programme's applications; returns how many.
pub fn delete_reviews_in(conn: &mut AnyConnection, programme_id: &str, reviewer_id: &str) -> Result<usize, AppError> {
    let of_programme = applications::table.filter(applications::programme_id.eq(programme_id)).select(applications::id);
    Ok(diesel::delete(
        reviews::table
            .filter(reviews::reviewer_id.eq(reviewer_id))
            .filter(reviews::application_id.eq_any(of_programme)),
    )
    .execute(conn)?)
}

pub fn delete_review(conn: &mut AnyConnection, application_id: &str, reviewer_id: &str) -> Result<(), AppError> {
    diesel::delete(
        reviews::table.filter(reviews::application_id.eq(application_id)).filter(reviews::reviewer_id.eq(reviewer_id)),
    )
    .execute(conn)?;
    Ok(())
}
