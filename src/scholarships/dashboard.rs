//! Dashboards: per cohort, each scholar's progress through the track and who is at risk; per programme,
//! the numbers a donor report needs. Everything is computed from a handful of batched queries, whatever
//! the cohort's size. Also the bulk enrolment of a cohort from a CSV of handles.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;

use super::model::{Programme, Status};
use super::{Context, store};
use crate::accounts::model::User;
use crate::core::error::AppError;
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;

/// One scholar's line on the cohort dashboard.
#[derive(Debug, Clone)]
pub struct ScholarProgress {
    pub user_id: String,
    pub handle: String,
    pub reachable: bool,
    pub modules_completed: usize,
    pub modules_total: usize,
    pub progress_percent: i32,
    /// The mean of their best percentages over the track's quizzes they attempted.
    pub quiz_best_percent: Option<i32>,
    /// The latest module completed, module read or quiz sent.
    pub last_activity_at: Option<NaiveDateTime>,
    pub at_risk: bool,
    pub quiet: bool,
    pub behind: bool,
    pub courses_completed: usize,
}

/// The track's courses that exist: (course id, module ids, quiz ids).
struct Track {
    course_ids: Vec<String>,
    module_ids: Vec<String>,
    quiz_ids: Vec<String>,
}

fn track(conn: &mut AnyConnection, p: &Programme) -> Result<Track, AppError> {
    let mut t = Track { course_ids: Vec::new(), module_ids: Vec::new(), quiz_ids: Vec::new() };
    for slug in &p.course_slugs {
        if let Some(course) = crate::courses::find_course(conn, slug)? {
            t.module_ids.extend(
                crate::courses::modules_of(conn, &crate::core::ids::CourseId::from(&course.id), false)?
                    .into_iter()
                    .map(|m| m.id),
            );
            t.course_ids.push(course.id);
        }
    }
    t.quiz_ids = crate::quizzes::quiz_of_each_module(conn, &t.module_ids)?.into_iter().map(|(_, q)| q).collect();
    Ok(t)
}

/// A scholar is behind when their progress trails the share of the time to the deadline already spent by
/// more than this many percentage points.
const PACE_GRACE_POINTS: f64 = 10.0;

/// Whether `progress` (percent) is behind the pace needed to finish between `start` and `deadline`.
pub fn behind_pace(progress: i32, start: NaiveDateTime, deadline: NaiveDateTime, now: NaiveDateTime) -> bool {
    if progress >= 100 {
        return false;
    }
    if now >= deadline {
        return true;
    }
    let total = (deadline - start).num_seconds().max(1) as f64;
    let spent = (now - start).num_seconds().max(0) as f64;
    f64::from(progress) + PACE_GRACE_POINTS < 100.0 * spent / total
}

pub(crate) fn cohort_progress(
    conn: &mut AnyConnection,
    p: &Programme,
    quiet_days: i64,
    now: NaiveDateTime,
) -> Result<Vec<ScholarProgress>, AppError> {
    let t = track(conn, p)?;
    let members = store::cohort(conn, &p.id)?;
    let ids: Vec<String> = members.iter().map(|m| m.user_id.clone()).collect();
    let mut done: HashMap<String, (usize, Option<NaiveDateTime>)> = HashMap::new();
    for (user, at) in crate::progress::completions_of_users(conn, &t.module_ids, &ids)? {
        let e = done.entry(user).or_default();
        e.0 += 1;
        e.1 = e.1.max(Some(at));
    }
    let mut active: HashMap<String, NaiveDateTime> = HashMap::new();
    for (user, _, _, last) in crate::courses::enrolments_of_users(conn, &t.course_ids, &ids)? {
        if let Some(last) = last {
            let e = active.entry(user).or_insert(last);
            *e = (*e).max(last);
        }
    }
    let mut finished: HashMap<String, usize> = HashMap::new();
    for (user, _) in crate::progress::course_completions_of_users(conn, &t.course_ids, &ids)? {
        *finished.entry(user).or_default() += 1;
    }
    let mut best: HashMap<(String, String), f64> = HashMap::new();
    for (user, quiz, score, max, at) in crate::quizzes::scores_of_users(conn, &t.quiz_ids, &ids)? {
        // A quiz taken is activity too.
        let e = active.entry(user.clone()).or_insert(at);
        *e = (*e).max(at);
        let percent = if max > 0 { 100.0 * score as f64 / max as f64 } else { 0.0 };
        let e = best.entry((user, quiz)).or_insert(percent);
        *e = e.max(percent);
    }
    let mut quiz_means: HashMap<String, (f64, usize)> = HashMap::new();
    for ((user, _), percent) in best {
        let e = quiz_means.entry(user).or_default();
        e.0 += percent;
        e.1 += 1;
    }
    let total = t.module_ids.len();
    let quiet_for = chrono::Duration::days(quiet_days.max(1));
    Ok(members
        .into_iter()
        .map(|m| {
            let (completed, last_done) = done.get(&m.user_id).copied().unwrap_or_default();
            let last_activity_at = last_done.max(active.get(&m.user_id).copied());
            let progress = crate::progress::percent(completed, total);
            let quiet = progress < 100 && now - last_activity_at.unwrap_or(m.joined_at).max(m.joined_at) > quiet_for;
            let behind = behind_pace(progress, m.joined_at, p.deadline, now);
            ScholarProgress {
                quiz_best_percent: quiz_means.get(&m.user_id).map(|(sum, n)| (sum / *n as f64).round() as i32),
                courses_completed: finished.get(&m.user_id).copied().unwrap_or_default(),
                reachable: m.email.is_some(),
                user_id: m.user_id,
                handle: m.handle,
                modules_completed: completed,
                modules_total: total,
                progress_percent: progress,
                last_activity_at,
                at_risk: quiet || behind,
                quiet,
                behind,
            }
        })
        .collect())
}

/// The cohort dashboard (admins).
pub async fn cohort(
    db: &Db,
    ctx: &Context,
    actor: &User,
    programme_id: &str,
) -> Result<(Programme, Vec<ScholarProgress>), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, days) = (programme_id.to_owned(), ctx.quiet_days);
    db.run(move |conn| {
        let p = store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        let rows = cohort_progress(conn, &p, days, db::now())?;
        Ok((p, rows))
    })
    .await
}

/// The numbers of a programme, for its page and the donor report.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Sent applications (drafts are not applications yet).
    pub applications: usize,
    pub drafts: usize,
    pub by_status: BTreeMap<Status, usize>,
    /// Per country: (applications, awards).
    pub by_country: BTreeMap<String, (usize, usize)>,
    /// Applications holding a seat (awarded or accepted).
    pub awards: usize,
    /// Awards over sent applications, in percent.
    pub award_rate: Option<f64>,
    pub cohort: usize,
    /// Scholars who completed every course of the track.
    pub completed: usize,
    pub completion_rate: Option<f64>,
    pub certificates: i64,
    /// Stipends of the seats held, in cents of the programme's currency.
    pub stipends_cents: Option<i64>,
    /// Scholars by progress band: 0–9 %, 10–19 %, …, 90–99 %, 100 %.
    pub progress_bands: [usize; 11],
    pub at_risk: usize,
}

/// A programme's numbers, from its cohort's progress as `cohort_progress` computed it.
pub(crate) fn stats_in(conn: &mut AnyConnection, p: &Programme, rows: &[ScholarProgress]) -> Result<Stats, AppError> {
    let mut s = Stats::default();
    for (a, _) in store::sent_applications(conn, &p.id)? {
        s.applications += 1;
        *s.by_status.entry(a.status).or_default() += 1;
        let e = s.by_country.entry(a.country.clone()).or_default();
        e.0 += 1;
        if a.status.holds_seat() {
            e.1 += 1;
            s.awards += 1;
        }
    }
    s.drafts = store::count_drafts(conn, &p.id)?;
    s.award_rate = (s.applications > 0).then(|| 100.0 * s.awards as f64 / s.applications as f64);
    let t = track(conn, p)?;
    s.cohort = rows.len();
    s.completed = rows.iter().filter(|r| !t.course_ids.is_empty() && r.courses_completed >= t.course_ids.len()).count();
    s.completion_rate = (s.cohort > 0).then(|| 100.0 * s.completed as f64 / s.cohort as f64);
    s.at_risk = rows.iter().filter(|r| r.at_risk).count();
    for r in rows {
        s.progress_bands[(r.progress_percent.clamp(0, 100) / 10) as usize] += 1;
    }
    let ids: Vec<String> = rows.iter().map(|r| r.user_id.clone()).collect();
    s.certificates = crate::certificates::count_held(conn, &t.course_ids, &ids)?;
    s.stipends_cents = p.stipend_cents.map(|c| c * s.awards as i64);
    Ok(s)
}

/// A programme's numbers and its cohort's progress, computed once (admins).
pub async fn overview(
    db: &Db,
    ctx: &Context,
    actor: &User,
    programme_id: &str,
) -> Result<(Programme, Stats, Vec<ScholarProgress>), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, days) = (programme_id.to_owned(), ctx.quiet_days);
    db.run(move |conn| {
        let p = store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        let rows = cohort_progress(conn, &p, days, db::now())?;
        let s = stats_in(conn, &p, &rows)?;
        Ok((p, s, rows))
    })
    .await
}

/// A programme's numbers (admins).
pub async fn stats(db: &Db, ctx: &Context, actor: &User, programme_id: &str) -> Result<(Programme, Stats), AppError> {
    let (p, s, _) = overview(db, ctx, actor, programme_id).await?;
    Ok((p, s))
}

/// Emails a scholar of the cohort a nudge (admins). Returns whether a message went out (they may have no
/// address).
pub async fn remind(db: &Db, ctx: &Context, actor: &User, programme_id: &str, user_id: &str) -> Result<bool, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, uid, ctx) = (programme_id.to_owned(), user_id.to_owned(), ctx.clone());
    db.write(move |conn| {
        store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        if !store::in_cohort(conn, &pid, &uid)? {
            return Err(AppError::NotFound);
        }
        let user =
            crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&uid))?.ok_or(AppError::NotFound)?;
        let day = db::now().date().to_string();
        super::notify::nudge(conn, &ctx, &user, &pid, &day)
    })
    .await
}

/// One bad row of an enrolment file.
#[derive(Debug, Clone)]
pub struct RowError {
    pub row: usize,
    pub message: Msg,
}

/// What an enrolment file did (or, in a dry run, would do).
#[derive(Debug, Clone, Default)]
pub struct EnrolReport {
    pub errors: Vec<RowError>,
    /// Handles that are (or would be) enrolled.
    pub enrolled: Vec<String>,
    pub dry_run: bool,
}

impl EnrolReport {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Enrols the handles of a CSV file (one per line; an optional `handle` header; the first column counts)
/// in the track and cohort. Every bad row is reported, and no one is enrolled unless the whole file is
/// clean; with `dry_run`, no one is enrolled at all.
pub async fn enrol_csv(
    db: &Db,
    actor: &User,
    programme_id: &str,
    text: String,
    dry_run: bool,
) -> Result<EnrolReport, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, actor_id) = (programme_id.to_owned(), actor.id.clone());
    db.write(move |conn| {
        let p = super::locked_programme(conn, &pid)?;
        let mut report = EnrolReport { dry_run, ..Default::default() };
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut users = Vec::new();
        // A spreadsheet's "CSV UTF-8" starts with a byte order mark.
        for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
            let row = i + 1;
            let first = line.split([',', ';', '\t']).next().unwrap_or_default().trim().trim_matches('"').trim();
            if first.is_empty() || (row == 1 && first.eq_ignore_ascii_case("handle")) {
                continue;
            }
            let key = crate::accounts::model::handle_key(first);
            if let Some(earlier) = seen.get(&key) {
                report.errors.push(RowError { row, message: Msg::new("csv-duplicate").with("row", *earlier as i64) });
                continue;
            }
            seen.insert(key.clone(), row);
            match crate::accounts::user_by_handle_key(conn, &key)? {
                Some(user) => users.push(user),
                None => {
                    report.errors.push(RowError { row, message: Msg::new("csv-unknown-handle").with("handle", first) })
                }
            }
        }
        if users.is_empty() && report.errors.is_empty() {
            report.errors.push(RowError { row: 0, message: Msg::new("csv-empty") });
        }
        report.enrolled = users.iter().map(|u| u.handle.clone()).collect();
        if dry_run || !report.ok() {
            if !report.ok() {
                report.enrolled.clear();
            }
            return Ok(report);
        }
        for user in &users {
            super::enrol_in_track(conn, &p, &user.id, "csv")?;
        }
        let details = serde_json::json!({"programme": p.id, "enrolled": users.len()}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&actor_id),
                action: "programme.enrol_csv",
                target_user_id: None,
                details: &details,
            },
        )?;
        Ok(report)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::behind_pace;

    fn day(n: i64) -> chrono::NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + n * 86_400, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    #[test]
    fn pace_allows_some_grace_and_the_deadline_is_final() {
        // Half the time spent: 40 % is within the grace, 39 % is behind.
        assert!(!behind_pace(40, day(0), day(100), day(50)));
        assert!(behind_pace(39, day(0), day(100), day(50)));
        assert!(!behind_pace(0, day(0), day(100), day(5)));
        assert!(behind_pace(99, day(0), day(100), day(100)));
        assert!(!behind_pace(100, day(0), day(100), day(200)));
    }
}
