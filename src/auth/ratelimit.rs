//! Sliding-window rate limits kept in memory, per instance. Counted: failed sign-ins per handle as typed
//! and per address, and successful sign-ins and registrations per address (generous, because many people
//! share one address behind Tor or a carrier's NAT). Addresses live only here, in memory, never on disk.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many events a key may have in a window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub events: usize,
    pub window: Duration,
}

pub const FAILED_PER_HANDLE: Limit = Limit { events: 10, window: Duration::from_secs(15 * 60) };
pub const FAILED_PER_ADDRESS: Limit = Limit { events: 100, window: Duration::from_secs(15 * 60) };
/// Password-reset emails per handle as typed: enough for a lost message, too few to flood an inbox.
pub const RESETS_PER_HANDLE: Limit = Limit { events: 3, window: Duration::from_secs(15 * 60) };
pub const SUCCESS_PER_ADDRESS: Limit = Limit { events: 30, window: Duration::from_secs(60) };

/// Beyond this many keys, stale ones are swept before a new one is added.
const SWEEP_ABOVE: usize = 50_000;
/// The longest window of any limit: a key idle this long holds nothing any limit still counts.
const LONGEST_WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct RateLimiter {
    events: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// `Err(seconds)` until the key may act again, if it has used up `limit`.
    pub fn check(&self, key: &str, limit: Limit) -> Result<(), u64> {
        let now = Instant::now();
        let mut events = self.events.lock().unwrap_or_else(|p| p.into_inner());
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

    /// Counts one event for `key`.
    pub fn record(&self, key: &str, limit: Limit) {
        let now = Instant::now();
        let mut events = self.events.lock().unwrap_or_else(|p| p.into_inner());
        if events.len() > SWEEP_ABOVE {
            events.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < LONGEST_WINDOW));
        }
        let times = events.entry(key.to_owned()).or_default();
        times.push_back(now);
        while times.len() > limit.events {
            times.pop_front();
        }
    }

    /// Takes back the newest event of a key (an attempt counted up front that turned out to succeed).
    pub fn undo(&self, key: &str) {
        if let Some(times) = self.events.lock().unwrap_or_else(|p| p.into_inner()).get_mut(key) {
            times.pop_back();
        }
    }

    /// Forgets a key (a successful sign-in clears that handle's failures).
    pub fn clear(&self, key: &str) {
        self.events.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_refused_after_its_limit_and_others_are_not() {
        let limiter = RateLimiter::default();
        let limit = Limit { events: 3, window: Duration::from_secs(60) };
        for _ in 0..3 {
            assert!(limiter.check("a", limit).is_ok());
            limiter.record("a", limit);
        }
        let wait = limiter.check("a", limit).err().unwrap_or_default();
        assert!((1..=60).contains(&wait));
        assert!(limiter.check("b", limit).is_ok());
        limiter.clear("a");
        assert!(limiter.check("a", limit).is_ok());
    }
}
