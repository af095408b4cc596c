//! The audit log as evidence: every entry carries the hash of the one before, so that an edited, removed
//! or inserted entry breaks the chain; `pravo audit verify` names the first broken link. Entries hold ids,
//! roles and actions, never handles, emails or free text, so erasing a person never rewrites the chain.

use super::store;
use crate::core::error::AppError;
use crate::db;

/// What checking the audit chain found.
#[derive(Debug, PartialEq, Eq)]
pub enum ChainReport {
    Intact {
        entries: usize,
    },
    /// The first entry whose hash or link does not hold.
    Broken {
        entry: i64,
        entries_before: usize,
    },
}

/// Walks the audit log in order and recomputes every link (`pravo audit verify`).
pub fn verify_audit_chain(conn: &mut db::AnyConnection) -> Result<ChainReport, AppError> {
    let (mut after, mut prev, mut count) = (0i64, String::new(), 0usize);
    loop {
        let rows = store::chain_rows(conn, after, 1000)?;
        if rows.is_empty() {
            return Ok(ChainReport::Intact { entries: count });
        }
        for (id, at, actor, action, target, details, prev_hash, hash) in rows {
            let expected = store::chain_hash(&prev, at, actor.as_deref(), &action, target.as_deref(), &details);
            if prev_hash != prev || hash != expected {
                return Ok(ChainReport::Broken { entry: id, entries_before: count });
            }
            prev = hash;
            after = id;
            count += 1;
        }
    }
}

/// Chains entries written before the chain existed (run at start-up, under the start-up lock).
pub fn chain_old_audit_entries(conn: &mut db::AnyConnection) -> Result<usize, AppError> {
    db::write_transaction(conn, store::chain_unchained)
}
