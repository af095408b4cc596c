//! Review: a programme's reviewers are assigned every sent application except their own and those where
//! they declared a conflict; each scores every criterion from 1 to 5 with a comment. The ranking orders
//! applications by the mean of their reviewers' weighted scores and shows the spread between reviewers,
//! so that disagreement is visible.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::model::{Application, MAX_LONG, Programme, Review, Status, weighted_score};
use super::store;
use crate::accounts::model::User;
use crate::core::error::Unchecked;
use crate::core::error::{AppError, FieldErrors};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;

/// Whether `reviewer_id` is assigned `a`.
pub fn is_assigned(conn: &mut AnyConnection, reviewer_id: &str, a: &Application) -> Result<bool, AppError> {
    if !a.status.is_sent() || a.user_id == reviewer_id || !store::is_reviewer(conn, &a.programme_id, reviewer_id)? {
        return Ok(false);
    }
    Ok(!store::find_review(conn, &a.id, reviewer_id)?.is_some_and(|r| r.conflict))
}

/// Adds a reviewer to a programme (admins).
pub async fn add_reviewer(
    db: &Db,
    actor: &User,
    programme_id: &str,
    user_id: Unchecked<String>,
) -> Result<User, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, actor_id) = (programme_id.to_owned(), actor.id.clone());
    db.write(move |conn| {
        store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        let uid = user_id?;
        let user = crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&uid))?
            .ok_or_else(|| AppError::field("user_id", Msg::new("error-user-unknown")))?;
        // Someone who applies to a call would read her competitors' applications: never its reviewer.
        if store::application_of(conn, &pid, &user.id)?.is_some() {
            return Err(AppError::Conflict(Msg::new("error-reviewer-applicant").with("handle", user.handle.as_str())));
        }
        store::add_reviewer(conn, &pid, &user.id)?;
        // Her inbox says there is work waiting, and where (once per programme).
        let key = format!("review-assigned:{pid}");
        crate::mail::notices::leave(conn, &user.id, crate::mail::notices::Kind::ReviewAssigned, "/review", &key)?;
        let details = serde_json::json!({"programme": pid}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&actor_id),
                action: "programme.reviewer",
                target_user_id: Some(&user.id),
                details: &details,
            },
        )?;
        Ok(user)
    })
    .await
}

/// A reviewer who applies to the call she reviews is taken off it at once, and the reviews she wrote of
/// her competitors are deleted: they no longer count in the ranking. The audit log says so.
pub(super) fn step_down_as_applicant(
    conn: &mut AnyConnection,
    programme_id: &str,
    user_id: &str,
) -> Result<(), AppError> {
    if !store::programmes_reviewed_by(conn, user_id)?.iter().any(|p| p == programme_id) {
        return Ok(());
    }
    store::remove_reviewer(conn, programme_id, user_id)?;
    let removed = store::delete_reviews_in(conn, programme_id, user_id)?;
    let details = serde_json::json!({"programme": programme_id, "reviews_removed": removed}).to_string();
    crate::accounts::append_audit(
        conn,
        &crate::accounts::model::AuditRecord {
            at: db::now(),
            actor_id: Some(user_id),
            action: "programme.reviewer_applied",
            target_user_id: Some(user_id),
            details: &details,
        },
    )
}

/// Takes a reviewer off a programme (admins): the applications leave their list; the reviews they
/// already wrote keep counting in the ranking.
pub async fn remove_reviewer(db: &Db, actor: &User, programme_id: &str, user_id: &str) -> Result<(), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, uid, actor_id) = (programme_id.to_owned(), user_id.to_owned(), actor.id.clone());
    db.write(move |conn| {
        store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        if !store::is_reviewer(conn, &pid, &uid)? {
            return Ok(());
        }
        store::remove_reviewer(conn, &pid, &uid)?;
        let details = serde_json::json!({"programme": pid}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: db::now(),
                actor_id: Some(&actor_id),
                action: "programme.reviewer_removed",
                target_user_id: Some(&uid),
                details: &details,
            },
        )
    })
    .await
}

/// A review as sent: scores per criterion id, or a declared conflict.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReviewInput {
    pub scores: BTreeMap<String, i64>,
    pub comment: Option<String>,
    pub conflict: Option<bool>,
}

/// What saving a review did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    New,
    Replaced,
    Conflict,
}

/// Saves a reviewer's review of an application assigned to them, or records their conflict of interest
/// (which takes the application off their list).
pub async fn save_review(
    db: &Db,
    reviewer: &User,
    application_id: &str,
    input: Unchecked<ReviewInput>,
) -> Result<Saved, AppError> {
    let (aid, rid) = (application_id.to_owned(), reviewer.id.clone());
    db.write(move |conn| {
        let a = store::find_application(conn, &aid)?.ok_or(AppError::NotFound)?;
        if !is_assigned(conn, &rid, &a)? {
            return Err(AppError::NotFound);
        }
        let input = input?;
        let p = store::find_programme(conn, &a.programme_id)?.ok_or(AppError::NotFound)?;
        let existing = store::find_review(conn, &a.id, &rid)?;
        let conflict = input.conflict.unwrap_or(false);
        let (scores, comment) = if conflict { (BTreeMap::new(), String::new()) } else { parse_scores(&p, &input)? };
        let review = Review {
            application_id: a.id.clone(),
            reviewer_id: rid.clone(),
            conflict,
            scores,
            comment,
            updated_at: db::now(),
        };
        store::save_review(conn, &review, existing.is_none())?;
        Ok(if conflict {
            Saved::Conflict
        } else if existing.is_none() {
            Saved::New
        } else {
            Saved::Replaced
        })
    })
    .await
}

/// Takes back a declared conflict of interest (a mistaken tap, the wrong person): the application comes
/// back to her list to review. Only a conflict can be taken back; a saved review is changed by saving again.
pub async fn withdraw_conflict(db: &Db, reviewer: &User, application_id: &str) -> Result<(), AppError> {
    let (aid, rid) = (application_id.to_owned(), reviewer.id.clone());
    db.write(move |conn| {
        let a = store::find_application(conn, &aid)?.ok_or(AppError::NotFound)?;
        // Assigned but for the conflict itself (which takes an application off her list).
        if !a.status.is_sent() || a.user_id == rid || !store::is_reviewer(conn, &a.programme_id, &rid)? {
            return Err(AppError::NotFound);
        }
        match store::find_review(conn, &a.id, &rid)? {
            Some(r) if r.conflict => store::delete_review(conn, &a.id, &rid),
            _ => Err(AppError::Conflict(Msg::new("error-no-conflict"))),
        }
    })
    .await
}

fn parse_scores(p: &Programme, input: &ReviewInput) -> Result<(BTreeMap<String, i32>, String), AppError> {
    let mut f = FieldErrors::new();
    let mut scores = BTreeMap::new();
    for c in &p.criteria {
        match input.scores.get(&c.id) {
            Some(n) if (1..=5).contains(n) => {
                scores.insert(c.id.clone(), *n as i32);
            }
            Some(_) => f.entry(format!("scores.{}", c.id)).or_default().push(Msg::new("error-score-1-5")),
            None => f.entry(format!("scores.{}", c.id)).or_default().push(Msg::new("error-required")),
        }
    }
    for id in input.scores.keys() {
        if !p.criteria.iter().any(|c| &c.id == id) {
            f.entry(format!("scores.{id}")).or_default().push(Msg::new("error-criterion-unknown"));
        }
    }
    let comment = input.comment.clone().unwrap_or_default();
    if comment.chars().count() > MAX_LONG {
        f.entry("comment".into()).or_default().push(Msg::new("error-length-max").with("max", MAX_LONG as i64));
    }
    if f.is_empty() { Ok((scores, comment)) } else { Err(AppError::Validation(f)) }
}

/// An application assigned to a reviewer, with their review if they wrote one.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub application: Application,
    pub programme: Programme,
    pub review: Option<Review>,
}

/// Everything assigned to a reviewer, programme by programme, oldest application first.
pub async fn assignments(db: &Db, reviewer: &User) -> Result<Vec<Assignment>, AppError> {
    let rid = reviewer.id.clone();
    db.run(move |conn| {
        let mine: BTreeMap<String, Review> =
            store::reviews_by(conn, &rid)?.into_iter().map(|r| (r.application_id.clone(), r)).collect();
        let mut out = Vec::new();
        for pid in store::programmes_reviewed_by(conn, &rid)? {
            let Some(p) = store::find_programme(conn, &pid)? else { continue };
            for (a, _) in store::sent_applications(conn, &pid)? {
                let review = mine.get(&a.id).cloned();
                if a.user_id == rid || review.as_ref().is_some_and(|r| r.conflict) {
                    continue;
                }
                out.push(Assignment { application: a, programme: p.clone(), review });
            }
        }
        Ok(out)
    })
    .await
}

/// How many applications wait for her review: the navigation's count (the accounts hook).
pub fn reviews_waiting(conn: &mut AnyConnection, user_id: &str) -> Result<Option<i64>, AppError> {
    store::count_waiting_reviews(conn, user_id)
}

/// One line of the ranking.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub application: Application,
    pub handle: String,
    /// Mean weighted score on the 1 to 5 scale, once reviewed.
    pub score: Option<f64>,
    pub reviews: usize,
    /// Highest minus lowest reviewer score.
    pub spread: Option<f64>,
    pub conflicts: usize,
}

/// The ranking of a programme's sent applications from the scores of its reviews.
pub fn rank(p: &Programme, applications: Vec<(Application, String)>, reviews: &[Review]) -> Vec<Ranked> {
    let weights = p.criterion_weights();
    let mut by_app: BTreeMap<&str, Vec<&Review>> = BTreeMap::new();
    for r in reviews {
        by_app.entry(r.application_id.as_str()).or_default().push(r);
    }
    let mut ranked: Vec<Ranked> = applications
        .into_iter()
        .map(|(a, handle)| {
            let rs = by_app.get(a.id.as_str()).cloned().unwrap_or_default();
            let scores: Vec<f64> =
                rs.iter().filter(|r| !r.conflict).filter_map(|r| weighted_score(&weights, &r.scores)).collect();
            let score = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
            // A spread needs two reviews to compare: with one, "0.00" would claim an agreement nobody showed.
            let spread = (scores.len() >= 2).then(|| {
                scores.iter().copied().fold(f64::MIN, f64::max) - scores.iter().copied().fold(f64::MAX, f64::min)
            });
            Ranked {
                reviews: scores.len(),
                conflicts: rs.iter().filter(|r| r.conflict).count(),
                application: a,
                handle,
                score,
                spread,
            }
        })
        .collect();
    ranked.sort_by(|x, y| {
        y.score
            .unwrap_or(-1.0)
            .total_cmp(&x.score.unwrap_or(-1.0))
            .then(x.application.submitted_at.cmp(&y.application.submitted_at))
    });
    ranked
}

/// A programme's ranking (admins).
pub async fn ranking(db: &Db, actor: &User, programme_id: &str) -> Result<(Programme, Vec<Ranked>), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let pid = programme_id.to_owned();
    db.run(move |conn| {
        let p = store::find_programme(conn, &pid)?.ok_or(AppError::NotFound)?;
        let ranked = ranking_in(conn, &p)?;
        Ok((p, ranked))
    })
    .await
}

pub(crate) fn ranking_in(conn: &mut AnyConnection, p: &Programme) -> Result<Vec<Ranked>, AppError> {
    let applications = store::sent_applications(conn, &p.id)?;
    let reviews = store::reviews_of_programme(conn, &p.id)?;
    Ok(rank(p, applications, &reviews))
}

/// The best-ranked application on the waitlist.
pub(crate) fn next_on_waitlist(conn: &mut AnyConnection, p: &Programme) -> Result<Option<Application>, AppError> {
    Ok(ranking_in(conn, p)?.into_iter().map(|r| r.application).find(|a| a.status == Status::Waitlisted))
}

/// Every review of an application with its reviewer's handle (admins).
pub async fn reviews_of(db: &Db, actor: &User, application_id: &str) -> Result<Vec<(Review, String)>, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let aid = application_id.to_owned();
    db.run(move |conn| store::reviews_of_application(conn, &aid)).await
}

/// The people who review a programme: (id, handle).
pub async fn reviewers(db: &Db, programme_id: &str) -> Result<Vec<(String, String)>, AppError> {
    let pid = programme_id.to_owned();
    db.run(move |conn| store::reviewers(conn, &pid)).await
}

/// Adds a reviewer by handle (the admin page's form): 422 on `handle` when there is no such account.
pub async fn add_reviewer_by_handle(db: &Db, actor: &User, programme_id: &str, handle: &str) -> Result<User, AppError> {
    let user = match crate::accounts::find_user_by_handle(db, handle).await {
        Err(AppError::NotFound) => {
            return Err(AppError::field("handle", Msg::new("csv-unknown-handle").with("handle", handle.trim())));
        }
        other => other?,
    };
    add_reviewer(db, actor, programme_id, Ok(user.id)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scholarships::model::Criterion;

    fn programme() -> Programme {
        let at = chrono::NaiveDateTime::default();
        Programme {
            id: "p".into(),
            created_at: at,
            terms: crate::scholarships::model::Terms {
                title: String::new(),
                description: String::new(),
                texts: BTreeMap::new(),
                countries: vec![],
                seats: 2,
                stipend_cents: None,
                currency: None,
                opens_at: at,
                closes_at: at,
                deadline: at,
                course_slugs: vec![],
                criteria: vec![
                    Criterion {
                        id: "c1".into(),
                        name: "a".into(),
                        weight: 2,
                        description: String::new(),
                        texts: Default::default(),
                    },
                    Criterion {
                        id: "c2".into(),
                        name: "b".into(),
                        weight: 1,
                        description: String::new(),
                        texts: Default::default(),
                    },
                ],
                questions: vec![],
                blind: true,
                offer_days: 14,
            },
        }
    }

    fn application(id: &str) -> (Application, String) {
        let at = chrono::NaiveDateTime::default();
        let a = Application {
            id: id.into(),
            programme_id: "p".into(),
            user_id: id.into(),
            status: Status::Submitted,
            organisation: String::new(),
            country: "UA".into(),
            experience: String::new(),
            motivation: String::new(),
            answers: BTreeMap::new(),
            consent: true,
            created_at: at,
            updated_at: at,
            submitted_at: Some(at),
            decided_at: None,
        };
        (a, id.to_owned())
    }

    fn review(app: &str, reviewer: &str, c1: i32, c2: i32, conflict: bool) -> Review {
        Review {
            application_id: app.into(),
            reviewer_id: reviewer.into(),
            conflict,
            scores: if conflict { BTreeMap::new() } else { BTreeMap::from([("c1".into(), c1), ("c2".into(), c2)]) },
            comment: String::new(),
            updated_at: chrono::NaiveDateTime::default(),
        }
    }

    #[test]
    fn ranking_is_by_mean_weighted_score_with_spread_and_conflicts_left_out() {
        let reviews = vec![
            review("a", "r1", 5, 2, false), // 4.0
            review("a", "r2", 2, 2, false), // 2.0
            review("b", "r1", 4, 4, false), // 4.0
            review("b", "r2", 0, 0, true),
        ];
        let ranked = rank(&programme(), vec![application("a"), application("b"), application("c")], &reviews);
        let order: Vec<&str> = ranked.iter().map(|r| r.application.id.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        assert_eq!(
            (ranked[0].score, ranked[0].reviews, ranked[0].spread, ranked[0].conflicts),
            (Some(4.0), 1, None, 1)
        );
        assert_eq!((ranked[1].score, ranked[1].reviews, ranked[1].spread), (Some(3.0), 2, Some(2.0)));
        assert_eq!((ranked[2].score, ranked[2].reviews), (None, 0));
    }
}
