//! Drafted decisions: an administrator decides on the applications of a call without anyone being told
//! or enrolled, sees the drafts beside the seats they would fill, and publishes them in one step (like
//! releasing grades): each then takes effect as an immediate decision would, and its applicant is told.
//! Publishing checks the seats again and publishes nothing when the drafts would exceed them.

use super::decisions::decide_in;
use super::model::{Application, Decision, Status};
use super::{Context, store};
use crate::accounts::model::User;
use crate::core::error::{AppError, Unchecked};
use crate::db::{self, AnyConnection, Db};
use crate::i18n::Msg;

/// How many seats would be held once the programme's drafts take effect.
pub fn seats_after_drafts(conn: &mut AnyConnection, programme_id: &str) -> Result<i64, AppError> {
    let mut held = store::count_holding_seats(conn, programme_id)?;
    for (id, decision) in super::drafts_store::drafts_of(conn, programme_id)? {
        let Some(a) = store::find_application(conn, &id)? else { continue };
        match (decision, a.status.holds_seat()) {
            (Decision::Award, false) => held += 1,
            (Decision::Waitlist | Decision::Reject, true) => held -= 1,
            _ => {}
        }
    }
    Ok(held)
}

/// A programme's drafted decisions, by application id, with the seats they would leave held.
pub async fn drafts(db: &Db, programme_id: &str) -> Result<(Vec<(String, Decision)>, i64), AppError> {
    let pid = programme_id.to_owned();
    db.run(move |conn| Ok((super::drafts_store::drafts_of(conn, &pid)?, seats_after_drafts(conn, &pid)?))).await
}

/// Drafts a decision on one application (admins): recorded, nobody told or enrolled. A drafted award
/// that would take the programme beyond its seats (counting the other drafts) is refused (409).
pub async fn draft(
    db: &Db,
    actor: &User,
    application_id: &str,
    decision: Unchecked<Decision>,
) -> Result<Application, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (aid, actor_id) = (application_id.to_owned(), actor.id.clone());
    db.write(move |conn| {
        store::find_application(conn, &aid)?.ok_or(AppError::NotFound)?;
        draft_in(conn, &actor_id, &aid, decision?)
    })
    .await
}

fn draft_in(
    conn: &mut AnyConnection,
    actor_id: &str,
    application_id: &str,
    decision: Decision,
) -> Result<Application, AppError> {
    let (a, p) = super::locked_application(conn, application_id)?;
    if a.status == Status::Draft {
        return Err(AppError::Conflict(Msg::new("error-not-submitted")));
    }
    if a.status.answered() {
        return Err(AppError::Conflict(Msg::new("error-application-answered")));
    }
    let already = a.status == decision.status() || (decision == Decision::Award && a.status.holds_seat());
    if already {
        super::drafts_store::delete_draft(conn, &a.id)?;
        return Ok(a);
    }
    let now = db::now();
    super::drafts_store::put_draft(conn, &a, decision, now)?;
    if decision == Decision::Award && seats_after_drafts(conn, &p.id)? > i64::from(p.seats) {
        // The write transaction is rolled back with this error: the draft is not kept.
        return Err(AppError::Conflict(Msg::new("error-seats-full").with("seats", i64::from(p.seats))));
    }
    let details = serde_json::json!({"programme": p.id, "application": a.id, "draft": decision.code()}).to_string();
    crate::accounts::append_audit(
        conn,
        &crate::accounts::model::AuditRecord {
            at: now,
            actor_id: Some(actor_id),
            action: "application.decision_drafted",
            target_user_id: Some(&a.user_id),
            details: &details,
        },
    )?;
    Ok(a)
}

/// Publishes a programme's drafted decisions in one transaction: seats are checked again (409 and nothing
/// published when the drafts would exceed them); decisions that free a seat go first, then the awards;
/// each applicant is told. Returns how many were published.
pub async fn publish(db: &Db, ctx: &Context, actor: &User, programme_id: &str) -> Result<usize, AppError> {
    if !actor.is_admin() {
        return Err(AppError::Forbidden);
    }
    let (pid, actor_id, ctx) = (programme_id.to_owned(), actor.id.clone(), ctx.clone());
    db.write(move |conn| {
        let p = super::locked_programme(conn, &pid)?;
        if seats_after_drafts(conn, &p.id)? > i64::from(p.seats) {
            return Err(AppError::Conflict(Msg::new("error-publish-seats").with("seats", i64::from(p.seats))));
        }
        let mut drafts = super::drafts_store::drafts_of(conn, &p.id)?;
        drafts.sort_by_key(|(_, decision)| *decision == Decision::Award);
        for (id, decision) in &drafts {
            decide_in(conn, &ctx, &actor_id, id, *decision)?;
        }
        Ok(drafts.len())
    })
    .await
}
