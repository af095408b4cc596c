//! Decisions: admins award, waitlist or reject, one by one or in bulk, never beyond the seats; an award
//! enrols the scholar in the track and the cohort at once; the scholar accepts or declines, and a decline
//! (or a revoked award) frees the seat for the next on the waitlist. Every decision is audited and told
//! to the applicant in their language.

use super::model::{Application, Decision, Status};
use super::{Context, notify, review, store};
use crate::accounts::model::User;
use crate::core::error::{AppError, Unchecked};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;

/// Decides on one application (admins). Awarding beyond the seats is refused (409).
pub async fn decide(
    db: &Db,
    ctx: &Context,
    actor: &User,
    application_id: &str,
    decision: Unchecked<Decision>,
) -> Result<Application, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (aid, actor_id, ctx) = (application_id.to_owned(), actor.id.clone(), ctx.clone());
    db.write(move |conn| {
        store::find_application(conn, &aid)?.ok_or(AppError::NotFound)?;
        decide_in(conn, &ctx, &actor_id, &aid, decision?)
    })
    .await
}

/// The outcome of a bulk decision: what was decided, and what was refused and why.
#[derive(Debug, Default)]
pub struct BulkOutcome {
    pub decided: Vec<Application>,
    pub refused: Vec<(String, AppError)>,
}

/// Whether a decision takes effect at once or is drafted (see `drafts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Now,
    Draft,
}

/// Decides (or drafts) on several applications, in the order given; those the seats cannot take are
/// refused one by one, the others are decided.
pub async fn decide_many(
    db: &Db,
    ctx: &Context,
    actor: &User,
    programme_id: &str,
    input: Unchecked<(Vec<String>, Decision)>,
    effect: Effect,
) -> Result<BulkOutcome, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let pid = programme_id.to_owned();
    db.run(move |conn| store::find_programme(conn, &pid)?.map(|_| ()).ok_or(AppError::NotFound)).await?;
    let (application_ids, decision) = input?;
    let mut outcome = BulkOutcome::default();
    for id in application_ids {
        let (aid, pid) = (id.clone(), programme_id.to_owned());
        let in_programme =
            db.run(move |conn| store::find_application(conn, &aid)).await?.is_some_and(|a| a.programme_id == pid);
        if !in_programme {
            outcome.refused.push((id, AppError::NotFound));
            continue;
        }
        let decided = match effect {
            Effect::Now => decide(db, ctx, actor, &id, Ok(decision)).await,
            Effect::Draft => super::drafts::draft(db, actor, &id, Ok(decision)).await,
        };
        match decided {
            Ok(a) => outcome.decided.push(a),
            Err(e @ (AppError::Conflict(_) | AppError::NotFound)) => outcome.refused.push((id, e)),
            Err(e) => return Err(e),
        }
    }
    Ok(outcome)
}

pub(super) fn decide_in(
    conn: &mut AnyConnection,
    ctx: &Context,
    actor_id: &str,
    application_id: &str,
    decision: Decision,
) -> Result<Application, AppError> {
    let (mut a, p) = super::locked_application(conn, application_id)?;
    if a.status == Status::Draft {
        return Err(AppError::Conflict(Msg::new("error-not-submitted")));
    }
    // A decision taken now replaces one drafted before.
    super::drafts_store::delete_draft(conn, &a.id)?;
    let target = decision.status();
    if a.status == target || (decision == Decision::Award && a.status.holds_seat()) {
        return Ok(a);
    }
    // A place she accepted is hers, and one she declined was her choice: neither is decided again.
    if a.status.answered() {
        return Err(AppError::Conflict(Msg::new("error-application-answered")));
    }
    if decision == Decision::Award {
        if store::count_holding_seats(conn, &p.id)? >= i64::from(p.seats) {
            return Err(AppError::Conflict(Msg::new("error-seats-full").with("seats", i64::from(p.seats))));
        }
        super::enrol_in_track(conn, &p, &a.user_id, "award")?;
    } else if a.status.holds_seat() {
        super::leave_track(conn, &p, &a.user_id)?;
    }
    let before = a.status;
    let now = db::now();
    a.status = target;
    a.decided_at = Some(now);
    a.updated_at = now;
    store::save_application(conn, &a, false)?;
    let details = serde_json::json!({
        "programme": p.id, "application": a.id, "from": before.code(), "to": target.code()
    })
    .to_string();
    crate::accounts::append_audit(
        conn,
        &crate::accounts::model::AuditRecord {
            at: now,
            actor_id: Some(actor_id),
            action: "application.decision",
            target_user_id: Some(&a.user_id),
            details: &details,
        },
    )?;
    notify::decided(conn, ctx, &a)?;
    Ok(a)
}

/// Awards the best-ranked application on the waitlist (admins): 409 when the waitlist is empty or no seat
/// is free.
/// Offers a free place to the next on the waitlist; returns the application and its applicant's handle,
/// so that the administrator is told who got the place.
pub async fn promote_next(
    db: &Db,
    ctx: &Context,
    actor: &User,
    programme_id: &str,
) -> Result<(Application, String), AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, actor_id, ctx) = (programme_id.to_owned(), actor.id.clone(), ctx.clone());
    db.write(move |conn| {
        let p = super::locked_programme(conn, &pid)?;
        let next = review::next_on_waitlist(conn, &p)?.ok_or(AppError::Conflict(Msg::new("error-waitlist-empty")))?;
        let a = decide_in(conn, &ctx, &actor_id, &next.id, Decision::Award)?;
        let handle = crate::accounts::user_by_id(conn, &crate::core::ids::UserId::from(&a.user_id))?
            .map(|u| u.handle)
            .unwrap_or_default();
        Ok((a, handle))
    })
    .await
}

/// The applicant's answer to an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

/// The applicant accepts or declines their award. Declining leaves the track and frees the seat.
/// The scholar accepts or declines her place. Declining cannot be undone: with [`super::Step::Check`]
/// it is only checked, and the application comes back unchanged.
pub async fn answer(
    db: &Db,
    user: &User,
    application_id: &str,
    answer: Answer,
    step: super::Step,
) -> Result<Application, AppError> {
    let (aid, uid) = (application_id.to_owned(), user.id.clone());
    db.write(move |conn| {
        let (mut a, p) = super::locked_application(conn, &aid)?;
        if a.user_id != uid {
            return Err(AppError::NotFound);
        }
        let target = match (answer, a.status) {
            (Answer::Accept, Status::Accepted) | (Answer::Decline, Status::Declined) => return Ok(a),
            (Answer::Accept, Status::Awarded) => Status::Accepted,
            (Answer::Decline, Status::Awarded | Status::Accepted) => Status::Declined,
            _ => return Err(AppError::Conflict(Msg::new("error-no-award"))),
        };
        if step == super::Step::Check {
            return Ok(a);
        }
        if target == Status::Declined {
            super::leave_track(conn, &p, &uid)?;
        }
        let now = db::now();
        a.status = target;
        a.updated_at = now;
        store::save_application(conn, &a, false)?;
        let details = serde_json::json!({"programme": p.id, "application": a.id, "to": target.code()}).to_string();
        crate::accounts::append_audit(
            conn,
            &crate::accounts::model::AuditRecord {
                at: now,
                actor_id: Some(&uid),
                action: "application.answer",
                target_user_id: Some(&uid),
                details: &details,
            },
        )?;
        Ok(a)
    })
    .await
}
