//! Authentication pieces: password rules and hashing, signed tokens, CSRF, rate limits, and the
//! extractors that tell handlers who is asking.

pub mod csrf;
pub mod password;
pub mod ratelimit;
pub mod tokens;
