//! Sliding-window rate limits. Counted: failed sign-ins per handle as typed and per address, and successful
//! sign-ins and registrations per address (generous, because many people share one address behind Tor or a
//! carrier's NAT), re-authentication, second-factor codes and verification lookups. (Reset emails are paced
//! in the database, one per account every five minutes.)
//!
//! On SQLite (one instance) the events live in memory. On PostgreSQL, where several instances may share the
//! load behind one address, they live in the database so that every instance counts the same events; the
//! key is stored only as an HMAC with a server secret, never as an address or a handle, and rows are deleted
//! once older than the longest window.

mod store;

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::core::metrics::metrics;
use crate::db::Db;

/// How many events a key may have in a window; `name` labels the limit in `/metrics`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub events: usize,
    pub window: Duration,
}

pub const FAILED_PER_HANDLE: Limit =
    Limit { name: "failed_sign_ins_per_handle", events: 10, window: Duration::from_secs(15 * 60) };
pub const FAILED_PER_ADDRESS: Limit =
    Limit { name: "failed_sign_ins_per_address", events: 100, window: Duration::from_secs(15 * 60) };
pub const SUCCESS_PER_ADDRESS: Limit =
    Limit { name: "successes_per_address", events: 30, window: Duration::from_secs(60) };

/// Beyond this many keys, stale ones are swept before a new one is added (in memory).
const SWEEP_ABOVE: usize = 50_000;
/// The longest window of any limit: a key idle this long holds nothing any limit still counts.
pub const LONGEST_WINDOW: Duration = Duration::from_secs(15 * 60);

pub struct RateLimiter {
    events: Events,
}

enum Events {
    Memory(Mutex<HashMap<String, VecDeque<Instant>>>),
    Shared { db: Db, key: Vec<u8> },
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::in_memory()
    }
}

impl RateLimiter {
    /// Events counted in this process alone.
    pub fn in_memory() -> Self {
        Self { events: Events::Memory(Mutex::default()) }
    }

    /// Events counted in the database, shared by every instance; keys are hashed with `secret`.
    pub fn shared(db: Db, secret: &[u8]) -> Self {
        Self { events: Events::Shared { db, key: secret.to_vec() } }
    }

    /// `Err(seconds)` until the key may act again, if it has used up `limit`.
    pub async fn check(&self, key: &str, limit: Limit) -> Result<(), u64> {
        let result = match &self.events {
            Events::Memory(events) => memory_check(events, key, limit),
            Events::Shared { db, key: secret } => {
                let (hashed, events) = (hash(secret, key), limit.events as i64);
                let window = chrono::Duration::from_std(limit.window).unwrap_or(chrono::Duration::minutes(15));
                let found = db
                    .run(move |conn| {
                        let now = crate::db::now();
                        Ok(store::nth_newest_since(conn, &hashed, now - window, events)?.map(|at| (at, now)))
                    })
                    .await;
                match found {
                    Ok(Some((at, now))) => Err(((at + window - now).num_seconds()).max(1) as u64),
                    Ok(None) => Ok(()),
                    Err(e) => {
                        // Sign-in needs the same database: when it fails, nothing gets past the limit anyway.
                        tracing::warn!(error = %e, "could not read rate-limit events");
                        Ok(())
                    }
                }
            }
        };
        if result.is_err() {
            metrics().limit_hit(limit.name);
        }
        result
    }

    /// Counts one event for `key`.
    pub async fn record(&self, key: &str, limit: Limit) {
        match &self.events {
            Events::Memory(events) => memory_record(events, key, limit),
            Events::Shared { db, key: secret } => {
                let hashed = hash(secret, key);
                if let Err(e) = db.run(move |conn| store::insert(conn, &hashed, crate::db::now())).await {
                    tracing::warn!(error = %e, "could not count a rate-limit event");
                }
            }
        }
    }

    /// Checks `limit` for `key` and, if it is not used up, counts this event.
    pub async fn hit(&self, key: &str, limit: Limit) -> Result<(), u64> {
        self.check(key, limit).await?;
        self.record(key, limit).await;
        Ok(())
    }

    /// Takes back the newest event of a key (an attempt counted up front that turned out to succeed).
    pub async fn undo(&self, key: &str) {
        match &self.events {
            Events::Memory(events) => {
                if let Some(times) = events.lock().unwrap_or_else(|p| p.into_inner()).get_mut(key) {
                    times.pop_back();
                }
            }
            Events::Shared { db, key: secret } => {
                let hashed = hash(secret, key);
                if let Err(e) = db.run(move |conn| store::delete_newest(conn, &hashed)).await {
                    tracing::warn!(error = %e, "could not take back a rate-limit event");
                }
            }
        }
    }

    /// Forgets a key (a successful sign-in clears that handle's failures).
    pub async fn clear(&self, key: &str) {
        match &self.events {
            Events::Memory(events) => {
                events.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
            }
            Events::Shared { db, key: secret } => {
                let hashed = hash(secret, key);
                if let Err(e) = db.run(move |conn| store::delete_key(conn, &hashed)).await {
                    tracing::warn!(error = %e, "could not clear rate-limit events");
                }
            }
        }
    }

    /// Deletes shared events older than the longest window (nothing to do in memory, which sweeps itself).
    pub async fn sweep(&self) {
        if let Events::Shared { db, .. } = &self.events {
            let window = chrono::Duration::from_std(LONGEST_WINDOW).unwrap_or(chrono::Duration::minutes(15));
            if let Err(e) = db.run(move |conn| store::delete_before(conn, crate::db::now() - window)).await {
                tracing::warn!(error = %e, "could not delete old rate-limit events");
            }
        }
    }
}

/// The stored form of a key: an HMAC-SHA-256 with the server's secret, so that the table names no address
/// and no handle, and nobody without the secret can test a guess against it.
fn hash(secret: &[u8], key: &str) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(secret) else { return String::new() };
    mac.update(b"pravo rate-limit key\0");
    mac.update(key.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn memory_check(events: &Mutex<HashMap<String, VecDeque<Instant>>>, key: &str, limit: Limit) -> Result<(), u64> {
    let now = Instant::now();
    let mut events = events.lock().unwrap_or_else(|p| p.into_inner());
    let Some(times) = events.get_mut(key) else {
        return Ok(());
    };
    while times.front().is_some_and(|t| now.duration_since(*t) >= limit.window) {
        times.pop_front();
    }
    if times.len() < limit.events {
        return Ok(());
    }
    let oldest = times.front().copied().unwrap_or(now);
    let wait = limit.window.saturating_sub(now.duration_since(oldest));
    Err(wait.as_secs().max(1))
}

fn memory_record(events: &Mutex<HashMap<String, VecDeque<Instant>>>, key: &str, limit: Limit) {
    let now = Instant::now();
    let mut events = events.lock().unwrap_or_else(|p| p.into_inner());
    if events.len() > SWEEP_ABOVE {
        events.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < LONGEST_WINDOW));
    }
    let times = events.entry(key.to_owned()).or_default();
    times.push_back(now);
    while times.len() > limit.events {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_key_is_refused_after_its_limit_and_others_are_not() {
        let limiter = RateLimiter::default();
        let limit = Limit { name: "test", events: 3, window: Duration::from_secs(60) };
        for _ in 0..3 {
            assert!(limiter.hit("a", limit).await.is_ok());
        }
        let wait = limiter.check("a", limit).await.err().unwrap_or_default();
        assert!((1..=60).contains(&wait));
        assert!(limiter.check("b", limit).await.is_ok());
        limiter.clear("a").await;
        assert!(limiter.check("a", limit).await.is_ok());
    }

    #[test]
    fn stored_keys_name_no_address() {
        let stored = hash(b"server secret", "fail-addr:203.0.113.7");
        assert_eq!(stored.len(), 64);
        assert!(!stored.contains("203.0.113.7"));
        assert_ne!(stored, hash(b"another secret", "fail-addr:203.0.113.7"));
    }
}
