//! "Continue here" markers, kept in memory and written in batches, so that opening a module costs no
//! write (no fsync per page view). A marker not yet written is still seen by this instance's pages.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::core::error::AppError;
use crate::courses::{self, model::ReadingPlace};
use crate::db::{self, Db};

/// How often pending markers are written.
pub const FLUSH_EVERY: Duration = Duration::from_secs(10);

/// Shared by every worker of an instance (cloning shares it).
#[derive(Default, Clone)]
pub struct ActivityLog {
    pending: Arc<Mutex<Pending>>,
}

/// (course id, user id) → (module id, when).
type Pending = HashMap<(String, String), (String, NaiveDateTime)>;

impl ActivityLog {
    pub fn record(&self, course_id: &str, user_id: &str, module_id: &str) {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending.insert((course_id.to_owned(), user_id.to_owned()), (module_id.to_owned(), db::now()));
    }

    /// The module a user opened last in a course, if not yet written.
    pub fn pending(&self, course_id: &str, user_id: &str) -> Option<String> {
        let pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        pending.get(&(course_id.to_owned(), user_id.to_owned())).map(|(m, _)| m.clone())
    }

    /// Writes every pending marker in one transaction.
    pub async fn flush(&self, db: &Db) -> Result<usize, AppError> {
        let batch: Vec<_> = {
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            pending.drain().collect()
        };
        let n = batch.len();
        if n == 0 {
            return Ok(0);
        }
        let written = {
            let batch = batch.clone();
            db.write(move |conn| {
                for ((course_id, user_id), (module_id, at)) in &batch {
                    let place = ReadingPlace {
                        course_id: course_id.into(),
                        user_id: user_id.into(),
                        module_id: module_id.into(),
                    };
                    courses::set_last_module(conn, &place, *at)?;
                }
                Ok(())
            })
            .await
        };
        if let Err(error) = written {
            // Put the batch back for the next try, unless a newer marker came in meanwhile.
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            for (key, value) in batch {
                pending.entry(key).or_insert(value);
            }
            return Err(error);
        }
        Ok(n)
    }
}
