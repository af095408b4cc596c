//! Scholarship programmes: an admin opens a call (a track of courses, a rubric, questions); people apply
//! while it is open, saving drafts as they type; assigned reviewers score blind; admins award, waitlist
//! or reject within the seats; an award enrols the scholar in the track as part of the programme's cohort,
//! whose progress the dashboard follows. Application answers are personal data: only the applicant, the
//! reviewers assigned (without identity while blind) and admins read them.

pub mod admin_pages;
pub mod api;
pub mod charts;
pub mod components;
pub mod dashboard;
pub mod decisions;
pub mod drafts;
mod drafts_store;
pub mod model;
mod notify;
pub mod pages;
pub mod privacy;
pub mod reports;
pub mod review;
pub mod review_pages;
mod store;

use std::collections::BTreeMap;

use crate::accounts::model::User;
use crate::core::error::{AppError, FieldErrors, Unchecked};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;
use crate::mail::MailSettings;
use model::{Application, DraftInput, MAX_LONG, MAX_SHORT, Programme, ProgrammeInput, Status, country_code};

/// What the scholarship domain needs besides the database.
#[derive(Debug, Clone)]
pub struct Context {
    pub mail: MailSettings,
    pub base_url: String,
    /// The onion address, for links to someone who last signed in through it.
    pub onion_url: Option<String>,
    /// Days without activity after which a scholar counts as at risk.
    pub quiet_days: i64,
}

impl Context {
    /// Where links sent to `user` lead: the address she last signed in through.
    pub fn site_for(&self, user: &crate::accounts::model::User) -> &str {
        crate::config::site_url(&self.base_url, self.onion_url.as_deref(), user.via_onion)
    }

    pub fn from_settings(settings: &crate::config::Settings) -> Self {
        Context {
            mail: MailSettings::from_settings(settings),
            base_url: settings.base_url.clone(),
            onion_url: settings.onion_url.clone(),
            // With reminders turned off (0), the dashboard still flags a fortnight of silence.
            quiet_days: if settings.reminder_days == 0 { 14 } else { i64::from(settings.reminder_days) },
        }
    }
}

/// Creates a programme (admins); its track's courses must exist.
pub async fn create_programme(db: &Db, actor: &User, input: ProgrammeInput) -> Result<String, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let new = input.parse()?;
    let actor_id = actor.id.clone();
    db.write(move |conn| {
        check_courses(conn, &new.course_slugs)?;
        let id = uuid::Uuid::now_v7().to_string();
        store::insert_programme(conn, &id, &new, &actor_id, db::now())?;
        let details = serde_json::json!({"programme": id}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&actor_id),
                action: "programme.create",
                target_user_id: None,
                details: &details,
            },
        )?;
        Ok(id)
    })
    .await
}

/// A programme, read after taking its lock: every write to a programme's applications and cohort holds
/// it (a row lock on PostgreSQL; SQLite's write transactions are serial already), so what is read here is
/// what the decision acts on.
pub(crate) fn locked_programme(conn: &mut AnyConnection, id: &str) -> Result<Programme, AppError> {
    store::lock_programme(conn, id)?;
    store::find_programme(conn, id)?.ok_or(AppError::NotFound)
}

/// An application and its programme, read after taking the programme's lock.
pub(crate) fn locked_application(conn: &mut AnyConnection, id: &str) -> Result<(Application, Programme), AppError> {
    let programme_id = store::find_application(conn, id)?.ok_or(AppError::NotFound)?.programme_id;
    let p = locked_programme(conn, &programme_id)?;
    let a = store::find_application(conn, id)?.ok_or(AppError::NotFound)?;
    Ok((a, p))
}

/// 422 on `course_slugs` naming the courses that do not exist.
fn check_courses(conn: &mut AnyConnection, slugs: &[String]) -> Result<(), AppError> {
    let mut unknown = Vec::new();
    for slug in slugs {
        if crate::courses::find_course(conn, slug)?.is_none() {
            unknown.push(slug.clone());
        }
    }
    if unknown.is_empty() {
        return Ok(());
    }
    Err(AppError::field("course_slugs", Msg::new("error-course-unknown").with("slugs", unknown.join(", "))))
}

/// Changes a programme (admins). Everything can be corrected, within what already happened: the seats
/// not below the places already taken; the rubric's criteria renamed or reweighted (the ranking follows)
/// but not added or removed once reviews exist; the questions reworded but not added, removed or changed
/// in kind once someone has applied.
pub async fn update_programme(
    db: &Db,
    actor: &User,
    id: &str,
    input: Unchecked<ProgrammeInput>,
) -> Result<(), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, actor_id) = (id.to_owned(), actor.id.clone());
    let exists = programme(db, &pid).await;
    exists?;
    let new = input?.parse()?;
    db.write(move |conn| {
        let p = locked_programme(conn, &pid)?;
        check_courses(conn, &new.course_slugs)?;
        let held = store::count_holding_seats(conn, &p.id)?;
        if i64::from(new.seats) < held {
            return Err(AppError::field("seats", Msg::new("error-seats-below-held").with("held", held)));
        }
        if new.course_slugs != p.course_slugs && store::has_cohort(conn, &p.id)? {
            return Err(AppError::Conflict(Msg::new("error-track-locked")));
        }
        if new.criteria.len() != p.criteria.len() && store::has_reviews(conn, &p.id)? {
            return Err(AppError::Conflict(Msg::new("error-rubric-locked")));
        }
        let same_shape = new.questions.len() == p.questions.len()
            && new.questions.iter().zip(&p.questions).all(|(a, b)| a.kind == b.kind && a.choices == b.choices);
        if !same_shape && store::has_applications(conn, &p.id)? {
            return Err(AppError::Conflict(Msg::new("error-questions-locked")));
        }
        store::update_programme(conn, &p.id, &new)?;
        let details = serde_json::json!({"programme": p.id}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&actor_id),
                action: "programme.update",
                target_user_id: None,
                details: &details,
            },
        )
    })
    .await
}

/// A programme anyone may read about.
pub async fn programme(db: &Db, id: &str) -> Result<Programme, AppError> {
    let id = id.to_owned();
    db.run(move |conn| store::find_programme(conn, &id)).await?.ok_or(AppError::NotFound)
}

/// The programmes whose window is open now (for everyone), or all of them (for admins).
pub async fn programmes(db: &Db, all: bool) -> Result<Vec<Programme>, AppError> {
    let now = db::now();
    let list = db.run(store::list_programmes).await?;
    Ok(if all { list } else { list.into_iter().filter(|p| p.is_open(now)).collect() })
}

/// The caller's own application to a programme, if any.
pub async fn my_application(db: &Db, user: &User, programme_id: &str) -> Result<Option<Application>, AppError> {
    let (pid, uid) = (programme_id.to_owned(), user.id.clone());
    db.run(move |conn| store::application_of(conn, &pid, &uid)).await
}

/// The caller's applications, with their programmes.
pub async fn my_applications(db: &Db, user: &User) -> Result<Vec<(Application, Programme)>, AppError> {
    let uid = user.id.clone();
    db.run(move |conn| {
        let mut out = Vec::new();
        for a in store::applications_of_user(conn, &uid)? {
            if let Some(p) = store::find_programme(conn, &a.programme_id)? {
                out.push((a, p));
            }
        }
        Ok(out)
    })
    .await
}

fn window_open(p: &Programme) -> Result<(), AppError> {
    if p.is_open(db::now()) { Ok(()) } else { Err(AppError::Conflict(Msg::new("error-window-closed"))) }
}

/// Keeps what an applicant has typed so far (partial drafts are fine); only lengths are checked here.
pub async fn save_draft(
    db: &Db,
    user: &User,
    programme_id: &str,
    input: Unchecked<DraftInput>,
) -> Result<Application, AppError> {
    let (pid, uid) = (programme_id.to_owned(), user.id.clone());
    db.write(move |conn| {
        let p = locked_programme(conn, &pid)?;
        let input = input?;
        check_draft_lengths(&p, &input)?;
        window_open(&p)?;
        let existing = store::application_of(conn, &pid, &uid)?;
        if existing.as_ref().is_some_and(|a| a.status.is_sent()) {
            return Err(AppError::Conflict(Msg::new("error-already-submitted")));
        }
        let now = db::now();
        let is_new = existing.is_none();
        let mut a = existing.unwrap_or_else(|| Application {
            id: uuid::Uuid::now_v7().to_string(),
            programme_id: pid.clone(),
            user_id: uid.clone(),
            status: Status::Draft,
            organisation: String::new(),
            country: String::new(),
            experience: String::new(),
            motivation: String::new(),
            answers: BTreeMap::new(),
            consent: false,
            created_at: now,
            updated_at: now,
            submitted_at: None,
            decided_at: None,
        });
        if let Some(v) = input.organisation {
            a.organisation = v.trim().to_owned();
        }
        if let Some(v) = input.country {
            a.country = v.trim().to_owned();
        }
        if let Some(v) = input.experience {
            a.experience = v;
        }
        if let Some(v) = input.motivation {
            a.motivation = v;
        }
        if let Some(answers) = input.answers {
            for q in &p.questions {
                if let Some(v) = answers.get(&q.id) {
                    a.answers.insert(q.id.clone(), v.clone());
                }
            }
        }
        if let Some(c) = input.consent {
            a.consent = c;
        }
        a.updated_at = now;
        store::save_application(conn, &a, is_new)?;
        if is_new {
            review::step_down_as_applicant(conn, &p.id, &a.user_id)?;
        }
        Ok(a)
    })
    .await
}

/// The most characters a draft keeps in one field.
const DRAFT_CAP: usize = 5 * MAX_LONG;

fn check_draft_lengths(p: &Programme, input: &DraftInput) -> Result<(), AppError> {
    let mut f = FieldErrors::new();
    let check = |f: &mut FieldErrors, field: String, value: Option<&String>, max: usize| {
        if value.is_some_and(|v| v.chars().count() > max) {
            f.entry(field).or_default().push(Msg::new("error-length-max").with("max", max as i64));
        }
    };
    // A draft keeps even an over-long text (sending checks the real limits), so that autosave never
    // stops over one field; this cap only keeps the row's size sane.
    check(&mut f, "organisation".into(), input.organisation.as_ref(), DRAFT_CAP);
    check(&mut f, "country".into(), input.country.as_ref(), DRAFT_CAP);
    check(&mut f, "experience".into(), input.experience.as_ref(), DRAFT_CAP);
    check(&mut f, "motivation".into(), input.motivation.as_ref(), DRAFT_CAP);
    if let Some(answers) = &input.answers {
        for (id, value) in answers {
            if !p.questions.iter().any(|q| &q.id == id) {
                f.entry(format!("answers.{id}")).or_default().push(Msg::new("error-question-unknown"));
            }
            check(&mut f, format!("answers.{id}"), Some(value), DRAFT_CAP);
        }
    }
    if f.is_empty() { Ok(()) } else { Err(AppError::Validation(f)) }
}

/// What is missing or wrong before an application can be sent.
fn submission_problems(p: &Programme, a: &Application) -> FieldErrors {
    let mut f = FieldErrors::new();
    let mut push = |field: String, msg: Msg| f.entry(field).or_default().push(msg);
    if a.organisation.chars().count() > MAX_SHORT {
        push("organisation".into(), Msg::new("error-length-max").with("max", MAX_SHORT as i64));
    }
    match country_code(&a.country) {
        None if a.country.trim().is_empty() => push("country".into(), Msg::new("error-required")),
        None => push("country".into(), Msg::new("error-country").with("value", a.country.as_str())),
        Some(code) if !p.countries.is_empty() && !p.countries.contains(&code) => {
            push("country".into(), Msg::new("error-country-not-eligible"))
        }
        Some(_) => {}
    }
    for (field, value) in [("experience", &a.experience), ("motivation", &a.motivation)] {
        if value.trim().is_empty() {
            push(field.into(), Msg::new("error-required"));
        } else if value.chars().count() > MAX_LONG {
            push(field.into(), Msg::new("error-length-max").with("max", MAX_LONG as i64));
        }
    }
    for q in &p.questions {
        if let Some(msg) = q.problem(a.answers.get(&q.id).map(String::as_str)) {
            push(format!("answers.{}", q.id), msg);
        }
    }
    if !a.consent {
        push("consent".into(), Msg::new("error-consent"));
    }
    f
}

/// Sends an application: every required answer there, consent given, the window open. The applicant is
/// told in the app (the returned status) and, if they have an address, by email.
pub async fn submit(db: &Db, ctx: &Context, user: &User, programme_id: &str) -> Result<Application, AppError> {
    let (pid, applicant, ctx) = (programme_id.to_owned(), user.clone(), ctx.clone());
    db.write(move |conn| {
        let p = locked_programme(conn, &pid)?;
        let existing = store::application_of(conn, &pid, &applicant.id)?;
        let mut a = match existing {
            Some(a) if a.status.is_sent() => {
                window_open(&p)?;
                return Err(AppError::Conflict(Msg::new("error-already-submitted")));
            }
            Some(a) => a,
            None => return Err(AppError::field("consent", Msg::new("error-consent"))),
        };
        let problems = submission_problems(&p, &a);
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        window_open(&p)?;
        let now = db::now();
        a.country = country_code(&a.country).unwrap_or_default();
        a.status = Status::Submitted;
        a.submitted_at = Some(now);
        a.updated_at = now;
        store::save_application(conn, &a, false)?;
        notify::submitted(conn, &ctx, &applicant, &a)?;
        Ok(a)
    })
    .await
}

/// Withdraws an application before the window closes: it is deleted, with any reviews of it, since what
/// someone withdraws should not stay on file. An award is declined instead, not withdrawn.
/// Whether a step that cannot be undone is taken now, or only checked, so that a page can ask "are you
/// sure?" knowing the step is possible (the same answer, 404 or 409, as taking it would give).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Check,
    Take,
}

pub async fn withdraw(db: &Db, user: &User, programme_id: &str, step: Step) -> Result<(), AppError> {
    let (pid, uid) = (programme_id.to_owned(), user.id.clone());
    db.write(move |conn| {
        let p = locked_programme(conn, &pid)?;
        let a = store::application_of(conn, &pid, &uid)?.ok_or(AppError::NotFound)?;
        window_open(&p)?;
        if a.status.holds_seat() || a.status == Status::Declined {
            return Err(AppError::Conflict(Msg::new("error-withdraw-awarded")));
        }
        if step == Step::Check {
            return Ok(());
        }
        store::delete_application(conn, &a.id)?;
        let details = serde_json::json!({"programme": pid}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&uid),
                action: "application.withdraw",
                target_user_id: Some(&uid),
                details: &details,
            },
        )
    })
    .await
}

/// Who is reading an application, which decides what they see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Applicant,
    Admin,
    /// An assigned reviewer; `blind` hides the applicant's identity.
    Reviewer {
        blind: bool,
    },
}

/// An application as one reader may see it.
#[derive(Debug, Clone)]
pub struct ApplicationView {
    pub application: Application,
    pub programme: Programme,
    pub reader: Reader,
    /// The applicant's handle and address, when the reader may know who applied.
    pub handle: Option<String>,
    pub email: Option<String>,
    /// The reader's own review, for a reviewer.
    pub my_review: Option<model::Review>,
    /// Whether the reader is one of the application's reviewers.
    pub assigned: bool,
    /// What blind review kept from this reader: `organisation` and the ids of questions whose answers
    /// are hidden (their text is not in `application` at all).
    pub hidden: Vec<String>,
}

/// An application as a blind reviewer reads it: without the organisation, and without the free-text
/// answers the admin did not mark as safe to show (a city, a group's name, can say who applied).
fn blind_copy(mut a: Application, p: &Programme) -> (Application, Vec<String>) {
    let mut hidden = Vec::new();
    if !a.organisation.trim().is_empty() {
        a.organisation.clear();
        hidden.push("organisation".to_owned());
    }
    for q in p.questions.iter().filter(|q| !q.shown_in_blind_review()) {
        if a.answers.remove(&q.id).is_some_and(|v| !v.trim().is_empty()) {
            hidden.push(q.id.clone());
        }
    }
    (a, hidden)
}

/// An application for its applicant, an admin or an assigned reviewer; 404 for anyone else.
pub async fn read_application(db: &Db, user: &User, application_id: &str) -> Result<ApplicationView, AppError> {
    let (aid, reader_user) = (application_id.to_owned(), user.clone());
    db.run(move |conn| {
        let a = store::find_application(conn, &aid)?.ok_or(AppError::NotFound)?;
        let p = store::find_programme(conn, &a.programme_id)?.ok_or(AppError::NotFound)?;
        let reader = if a.user_id == reader_user.id {
            Reader::Applicant
        } else if reader_user.is_admin() {
            Reader::Admin
        } else if review::is_assigned(conn, &reader_user.id, &a)? {
            Reader::Reviewer { blind: p.blind }
        } else {
            return Err(AppError::NotFound);
        };
        // Contact details are for the applicant and admins; a reviewer never needs them.
        let (handle, email) = match reader {
            Reader::Reviewer { blind: true } => (None, None),
            _ => {
                let applicant = crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&a.user_id))?
                    .ok_or(AppError::NotFound)?;
                let email = if matches!(reader, Reader::Reviewer { .. }) { None } else { applicant.email };
                (Some(applicant.handle), email)
            }
        };
        // An admin may also be one of the reviewers.
        let assigned = match reader {
            Reader::Reviewer { .. } => true,
            Reader::Admin => review::is_assigned(conn, &reader_user.id, &a)?,
            Reader::Applicant => false,
        };
        let my_review = if assigned { store::find_review(conn, &a.id, &reader_user.id)? } else { None };
        let (a, hidden) =
            if reader == (Reader::Reviewer { blind: true }) { blind_copy(a, &p) } else { (a, Vec::new()) };
        Ok(ApplicationView { application: a, programme: p, reader, handle, email, my_review, assigned, hidden })
    })
    .await
}

/// Enrols a user in a programme's track and cohort (inside the caller's transaction), remembering which
/// enrolments are new, so that leaving ends only those.
pub(crate) fn enrol_in_track(
    conn: &mut AnyConnection,
    p: &Programme,
    user_id: &str,
    source: &str,
) -> Result<(), AppError> {
    let mut enrolled = Vec::new();
    for slug in &p.course_slugs {
        if let Some(course) = crate::courses::find_course(conn, slug)?
            && crate::courses::enrolment(
                conn,
                &crate::core::ids::CourseId::from(&course.id),
                &crate::core::ids::UserId::from(user_id),
            )?
            .is_none()
        {
            crate::courses::enrol_in(
                conn,
                &crate::core::ids::CourseId::from(&course.id),
                &crate::core::ids::UserId::from(user_id),
            )?;
            enrolled.push(course.id);
        }
    }
    store::join_cohort(conn, &p.id, user_id, source, &enrolled, db::now())
}

/// Takes a user who declined or lost an award out of the cohort, and out of the enrolments the award
/// made, but for courses another cohort of theirs still needs (completed modules stay recorded). A
/// member enrolled from a file stays: the award was not what brought them in.
pub(crate) fn leave_track(conn: &mut AnyConnection, p: &Programme, user_id: &str) -> Result<(), AppError> {
    let Some(m) = store::membership(conn, &p.id, user_id)? else { return Ok(()) };
    if m.source != "award" {
        return Ok(());
    }
    let mut needed = std::collections::HashSet::new();
    for other in store::other_memberships(conn, &p.id, user_id)? {
        if let Some(op) = store::find_programme(conn, &other)? {
            for slug in &op.course_slugs {
                if let Some(course) = crate::courses::find_course(conn, slug)? {
                    needed.insert(course.id);
                }
            }
        }
    }
    for course_id in m.enrolled_course_ids.iter().filter(|id| !needed.contains(*id)) {
        crate::courses::leave(
            conn,
            &crate::core::ids::CourseId::from(course_id),
            &crate::core::ids::UserId::from(user_id),
        )?;
    }
    store::remove_from_cohort(conn, &p.id, user_id)
}

/// The track's courses that exist, as (slug, title in `locale`).
pub async fn track_titles(
    db: &Db,
    p: &Programme,
    locale: crate::i18n::Locale,
) -> Result<Vec<(String, String)>, AppError> {
    let slugs = p.course_slugs.clone();
    db.run(move |conn| {
        let mut out = Vec::new();
        for slug in slugs {
            if let Some(course) = crate::courses::find_course(conn, &slug)? {
                out.push((slug, course.text(locale).0.title));
            }
        }
        Ok(out)
    })
    .await
}

/// Every course, as (slug, title in `locale`), for choosing a track.
pub async fn all_courses(db: &Db, locale: crate::i18n::Locale) -> Result<Vec<(String, String)>, AppError> {
    db.run(move |conn| {
        Ok(crate::courses::list_courses(conn, true)?
            .into_iter()
            .map(|c| {
                let title = c.text(locale).0.title;
                (c.slug, title)
            })
            .collect())
    })
    .await
}
