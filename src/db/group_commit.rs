//! Group commit for small writes on SQLite: saves that arrive while another commit is under way wait in a
//! queue, and whoever takes the writer's turn next runs every one waiting in a single transaction, each in
//! its own savepoint, and commits them with one fsync. A save is acknowledged only after that commit, so an
//! acknowledged save survives a power cut as before; a save whose work fails is rolled back to its savepoint
//! alone and answers its own error, and the others commit.
//!
//! With one writer at a time there is nothing to group and a save costs what it did (one transaction,
//! two savepoint statements more); with many, the commits (and their fsyncs) are shared.

use std::sync::{Arc, Mutex};

use diesel::connection::SimpleConnection;
use tokio::sync::oneshot;

use super::AnyConnection;
use crate::core::error::AppError;

/// A queued save: runs its work on the shared transaction's connection (inside its savepoint) and returns
/// what delivers its outcome once the commit has succeeded or failed.
type Job = Box<dyn FnOnce(&mut AnyConnection) -> Deliver + Send>;
type Deliver = Box<dyn FnOnce(Result<(), &str>) + Send>;

/// The saves waiting for the writer's turn (cloning shares them).
#[derive(Clone, Default)]
pub(super) struct Queue {
    jobs: Arc<Mutex<Vec<Job>>>,
}

impl Queue {
    /// Queues `f`; the receiver answers with its result after the commit that includes it.
    pub(super) fn push<T, F>(&self, f: F) -> oneshot::Receiver<Result<T, AppError>>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let result = in_savepoint(conn, f);
            Box::new(move |committed: Result<(), &str>| {
                let outcome = match committed {
                    Ok(()) => result,
                    // Its savepoint was released, but the transaction did not commit: nothing was saved.
                    Err(e) => Err(AppError::internal(format!("group commit failed: {e}"))),
                };
                // The request may have gone (the client hung up); the save stands either way.
                let _ = tx.send(outcome);
            })
        });
        self.jobs.lock().unwrap_or_else(|p| p.into_inner()).push(job);
        rx
    }

    /// Everything queued so far (empty when an earlier turn already ran it).
    pub(super) fn take(&self) -> Vec<Job> {
        std::mem::take(&mut *self.jobs.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// Runs `jobs` in one write transaction and delivers each outcome after its commit. Called with the
/// writer's turn held. Jobs dropped unrun (a failed `BEGIN`, a panic) drop their senders, and their callers
/// get an error rather than a false acknowledgement.
pub(super) fn run(conn: &mut AnyConnection, jobs: Vec<Job>) {
    let mut deliveries = Vec::with_capacity(jobs.len());
    let committed = super::write_transaction(conn, |conn| {
        for job in jobs {
            deliveries.push(job(conn));
        }
        Ok(())
    });
    let committed = committed.map_err(|e| e.to_string());
    for deliver in deliveries {
        deliver(committed.as_ref().map(|_| ()).map_err(String::as_str));
    }
}

/// Runs `f` inside a savepoint of the open transaction: kept when it succeeds, undone when it fails, so one
/// save's failure leaves the others of its group untouched.
fn in_savepoint<T>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    conn.batch_execute("SAVEPOINT grouped")?;
    let result = f(conn);
    match &result {
        Ok(_) => conn.batch_execute("RELEASE grouped")?,
        Err(_) => conn.batch_execute("ROLLBACK TO grouped; RELEASE grouped")?,
    }
    result
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::BigInt;

    use super::*;
    use crate::db::DatabaseUrl;

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    fn rows(conn: &mut AnyConnection, v: &str) -> i64 {
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM saves WHERE v = '{v}'"))
            .get_result::<Count>(conn)
            .map(|c| c.n)
            .unwrap_or(-1)
    }

    /// A group where the middle save fails half-way: the others are committed, the failed one's first
    /// write is undone with it, and each caller hears its own outcome only after the commit.
    #[test]
    fn one_failed_save_leaves_its_group_committed() {
        let path = std::env::temp_dir().join(format!("pravo-group-{}.db", uuid::Uuid::new_v4()));
        let url = DatabaseUrl::Sqlite(path.to_string_lossy().into_owned());
        let mut conn = url.establish().expect("open");
        conn.batch_execute("CREATE TABLE saves (v TEXT NOT NULL)").expect("table");
        let queue = Queue::default();
        let first = queue.push(|c| Ok(c.batch_execute("INSERT INTO saves (v) VALUES ('first')")?));
        let failed = queue.push(|c| {
            c.batch_execute("INSERT INTO saves (v) VALUES ('half')")?;
            Err::<(), _>(AppError::NotFound)
        });
        let third = queue.push(|c| Ok(c.batch_execute("INSERT INTO saves (v) VALUES ('third')")?));
        let mut first = first;
        assert!(first.try_recv().is_err(), "nothing is acknowledged before the commit");
        let jobs = queue.take();
        assert_eq!(jobs.len(), 3);
        assert!(queue.take().is_empty(), "a group is taken once");
        run(&mut conn, jobs);
        assert!(matches!(first.try_recv(), Ok(Ok(()))));
        assert!(matches!(failed.blocking_recv(), Ok(Err(AppError::NotFound))));
        assert!(matches!(third.blocking_recv(), Ok(Ok(()))));
        let mut other = url.establish().expect("second connection");
        assert_eq!((rows(&mut other, "first"), rows(&mut other, "half"), rows(&mut other, "third")), (1, 0, 1));
        drop((conn, other));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }

    /// When the shared commit itself fails, nobody is told their save was kept.
    #[test]
    fn a_failed_commit_acknowledges_nothing() {
        let path = std::env::temp_dir().join(format!("pravo-group-{}.db", uuid::Uuid::new_v4()));
        let url = DatabaseUrl::Sqlite(path.to_string_lossy().into_owned());
        let mut conn = url.establish().expect("open");
        // A deferred foreign key is checked at COMMIT: the group's commit fails after every save ran.
        conn.batch_execute(
            "CREATE TABLE parents (id INTEGER PRIMARY KEY); \
             CREATE TABLE saves (v TEXT NOT NULL, parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)",
        )
        .expect("tables");
        let queue = Queue::default();
        let good = queue.push(|c| Ok(c.batch_execute("INSERT INTO saves (v) VALUES ('good')")?));
        let orphan = queue.push(|c| Ok(c.batch_execute("INSERT INTO saves (v, parent) VALUES ('orphan', 7)")?));
        run(&mut conn, queue.take());
        assert!(matches!(good.blocking_recv(), Ok(Err(AppError::Internal(_)))));
        assert!(matches!(orphan.blocking_recv(), Ok(Err(AppError::Internal(_)))));
        assert_eq!(rows(&mut conn, "good"), 0);
        drop(conn);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
