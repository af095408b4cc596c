//! The database layer: one connection type over SQLite and PostgreSQL, chosen at run time by the URL
//! scheme, a pool whose SQLite connections get their pragmas, embedded migrations per backend run under a
//! start-up lock, and the helpers that run store code off the async executor.

pub mod backup;
mod group_commit;
pub mod schema;
mod secrets;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::{NaiveDateTime, SubsecRound, Utc};
use diesel::connection::{InstrumentationEvent, SimpleConnection};
use diesel::r2d2::{self, CustomizeConnection, ManageConnection, Pool};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::core::error::AppError;
pub use secrets::{Secrets, WrapKey};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Any key will do as long as every Pravo instance uses the same one: it serialises start-up work.
const STARTUP_LOCK_KEY: i64 = 0x5052_4156_4f00_0001;

/// `secure_delete` overwrites deleted rows with zeros, so that an erased person's data does not linger in
/// the file's free space (a seized disk is part of the threat); [`scrub`] then empties the write-ahead log.
/// The busy timeout comes first: switching to WAL needs a moment of exclusive access, and another process
/// (a second instance, `pravo backup`, a server starting) may hold the file just then; without the timeout
/// already set, that first statement failed at once with "database is locked".
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";

/// A connection to whichever database `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

/// Which backend a URL names, and what to hand to its driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (relative to the working folder, or absolute).
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("DATABASE_URL: sqlite:// needs a file path, e.g. sqlite://data/pravo.db".into());
            }
            Ok(Self::Sqlite(path.to_owned()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(format!(
                "DATABASE_URL must start with sqlite://, postgres:// or postgresql:// (got {:?})",
                url.split("://").next().unwrap_or_default()
            ))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }

    /// Opens one plain connection; for SQLite the file and its folder are created when missing.
    pub fn establish(&self) -> Result<AnyConnection, diesel::ConnectionError> {
        match self {
            Self::Sqlite(path) => {
                if let Some(parent) = Path::new(path).parent()
                    && !parent.as_os_str().is_empty()
                {
                    crate::core::private_files::create_dir(parent).map_err(|e| {
                        diesel::ConnectionError::BadConnection(format!("cannot create {}: {e}", parent.display()))
                    })?;
                }
                // Made 0600 before SQLite creates it 0644; its -wal and -shm files take its mode.
                crate::core::private_files::create_empty_if_missing(Path::new(path))
                    .map_err(|e| diesel::ConnectionError::BadConnection(format!("cannot create {path}: {e}")))?;
                let mut conn = SqliteConnection::establish(path)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
                Ok(AnyConnection::Sqlite(conn))
            }
            Self::Postgres(url) => Ok(AnyConnection::Pg(PgConnection::establish(url)?)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs `f` while holding the start-up lock: a PostgreSQL advisory lock shared by every instance, or an
/// exclusive SQLite transaction-free section (SQLite's own file locks and busy_timeout serialise writers).
pub fn with_startup_lock<T>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    if matches!(conn, AnyConnection::Pg(_)) {
        diesel::sql_query(format!("SELECT pg_advisory_lock({STARTUP_LOCK_KEY})")).execute(conn)?;
        let result = f(conn);
        diesel::sql_query(format!("SELECT pg_advisory_unlock({STARTUP_LOCK_KEY})")).execute(conn)?;
        result
    } else {
        f(conn)
    }
}

/// Runs the pending migrations of the connection's backend.
pub fn run_migrations(conn: &mut AnyConnection) -> Result<(), AppError> {
    let result = match conn {
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        AnyConnection::Pg(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| AppError::internal(format!("migrations failed: {e}")))
}

/// Whether migrations this Pravo knows are not yet applied (another instance is upgrading, say).
pub fn migrations_pending(conn: &mut AnyConnection) -> Result<bool, AppError> {
    let result = match conn {
        AnyConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        AnyConnection::Pg(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    };
    result.map_err(|e| AppError::internal(format!("migrations: {e}")))
}

/// The versions of every migration this Pravo knows for `backend`, oldest first.
pub fn known_migrations(backend: Backend) -> Vec<String> {
    use diesel::migration::MigrationSource;
    let versions = match backend {
        Backend::Sqlite => MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
            .map(|ms| ms.iter().map(|m| m.name().version().to_string()).collect::<Vec<_>>()),
        Backend::Postgres => MigrationSource::<diesel::pg::Pg>::migrations(&POSTGRES_MIGRATIONS)
            .map(|ms| ms.iter().map(|m| m.name().version().to_string()).collect::<Vec<_>>()),
    };
    let mut versions = versions.unwrap_or_default();
    versions.sort();
    versions
}

/// Runs the pending migrations up to and including version `last` (a restore brings the schema to the
/// backup's version first, loads the rows, then runs the rest).
pub fn run_migrations_up_to(conn: &mut AnyConnection, last: &str) -> Result<(), AppError> {
    fn up_to<DB: diesel::backend::Backend>(
        conn: &mut impl MigrationHarness<DB>,
        source: EmbeddedMigrations,
        last: &str,
    ) -> diesel::migration::Result<()> {
        let mut pending = conn.pending_migrations(source)?;
        pending.sort_by_key(|m| m.name().version().to_string());
        for migration in pending {
            if migration.name().version().to_string().as_str() > last {
                break;
            }
            conn.run_migration(&migration)?;
        }
        Ok(())
    }
    let result = match conn {
        AnyConnection::Sqlite(c) => up_to(c, SQLITE_MIGRATIONS, last),
        AnyConnection::Pg(c) => up_to(c, POSTGRES_MIGRATIONS, last),
    };
    result.map_err(|e| AppError::internal(format!("migrations failed: {e}")))
}

/// Opens the database named by `url`, creating it if needed, and runs pending migrations under the
/// start-up lock. Every command that touches the database calls this first.
pub fn prepare(url: &DatabaseUrl) -> Result<AnyConnection, AppError> {
    let mut conn = url.establish().map_err(|e| AppError::internal(format!("cannot open the database: {e}")))?;
    with_startup_lock(&mut conn, run_migrations)?;
    Ok(conn)
}

struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        self.url.establish().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        use diesel::r2d2::R2D2Connection;
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

/// Prepares every connection the pool opens: the SQLite pragmas (they are per connection), and the
/// count of statements (see [`Db::statements`]).
#[derive(Debug)]
struct Pragmas {
    statements: Arc<AtomicU64>,
}

impl CustomizeConnection<AnyConnection, r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        if matches!(conn, AnyConnection::Sqlite(_)) {
            conn.batch_execute(SQLITE_PRAGMAS).map_err(r2d2::Error::QueryError)?;
        }
        count_statements(conn, self.statements.clone());
        Ok(())
    }
}

fn count_statements(conn: &mut AnyConnection, statements: Arc<AtomicU64>) {
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { .. } = event {
            statements.fetch_add(1, Ordering::Relaxed);
        }
    });
}

/// The pool, and the way to run store code on it without blocking the async executor.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    backend: Backend,
    /// On SQLite, writers of this process queue here for their turn instead of meeting at the file
    /// lock, where SQLite's busy handler sleeps and retries (seconds of latency under load).
    writer: std::sync::Arc<std::sync::Mutex<()>>,
    /// On SQLite, small saves waiting to be committed together (see [`Db::write_grouped`]).
    grouped: group_commit::Queue,
    /// Domains' in-memory read models of this database, one per type (see [`Db::memo`]).
    memos: Arc<std::sync::RwLock<Memos>>,
    /// Statements run on this pool's connections since it started.
    statements: Arc<AtomicU64>,
    /// What [`Db::read`] opens its per-thread SQLite connections with, and the key they are kept under.
    url: DatabaseUrl,
    id: u64,
}

type Memos = std::collections::HashMap<std::any::TypeId, Arc<dyn std::any::Any + Send + Sync>>;

/// Gives each [`Db`] of the process its own key for the per-thread readers.
static NEXT_DB_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// [`Db::read`]'s SQLite connections of this thread, one per database.
    static READERS: std::cell::RefCell<std::collections::HashMap<u64, AnyConnection>> = Default::default();
}

impl Db {
    pub fn connect(url: &DatabaseUrl) -> Result<Self, AppError> {
        let size = match url.backend() {
            Backend::Sqlite => 4,
            Backend::Postgres => 10,
        };
        let statements = Arc::new(AtomicU64::new(0));
        let pool = Pool::builder()
            .max_size(size)
            // A SQLite connection is a file handle that does not go stale: no "SELECT 1" before each use.
            // A PostgreSQL connection may have been cut by a server restart, so it is tested first.
            .test_on_check_out(url.backend() == Backend::Postgres)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(10))
            .connection_customizer(Box::new(Pragmas { statements: statements.clone() }))
            .build(Manager { url: url.clone() })
            .map_err(|e| AppError::internal(format!("cannot build the connection pool: {e}")))?;
        let id = NEXT_DB_ID.fetch_add(1, Ordering::Relaxed);
        Ok(Self {
            pool,
            backend: url.backend(),
            writer: Default::default(),
            grouped: Default::default(),
            memos: Default::default(),
            statements,
            url: url.clone(),
            id,
        })
    }

    /// A short read (a handful of indexed lookups) for a page: on SQLite it runs at once on this thread's
    /// own connection, without the trip to the blocking pool that costs more than the lookups themselves
    /// (in WAL mode a reader neither waits for writers nor holds them up); on PostgreSQL, where every
    /// statement is a network round trip, it goes to the blocking pool like [`Db::run`]. Long reads
    /// (reports, dashboards, exports) use [`Db::run`], so that no request holds up the others on its
    /// thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        if self.backend == Backend::Postgres {
            return self.run(f).await;
        }
        READERS.with(|readers| {
            let mut readers = readers.try_borrow_mut().map_err(|_| AppError::internal("nested database read"))?;
            let conn = match readers.entry(self.id) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let mut conn = self
                        .url
                        .establish()
                        .map_err(|e| AppError::internal(format!("cannot open the database: {e}")))?;
                    count_statements(&mut conn, self.statements.clone());
                    e.insert(conn)
                }
            };
            f(conn)
        })
    }

    /// The one `T` kept for this database: where a domain keeps what it has read and parsed (a quiz's
    /// questions, say), so that it belongs to the database it came from, also when one process opens several.
    /// What a memo holds must be checked against version numbers in the database before use (other
    /// instances write to the same database).
    pub fn memo<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let key = std::any::TypeId::of::<T>();
        if let Some(held) = self.memos.read().unwrap_or_else(|p| p.into_inner()).get(&key).cloned()
            && let Ok(memo) = held.downcast::<T>()
        {
            return memo;
        }
        let mut memos = self.memos.write().unwrap_or_else(|p| p.into_inner());
        let held = memos.entry(key).or_insert_with(|| Arc::new(T::default())).clone();
        held.downcast::<T>().unwrap_or_else(|_| Arc::new(T::default()))
    }

    /// How many SQL statements this pool's connections have run: what a test reads to show that a page
    /// costs the same number of queries however much data there is.
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs `f` on a pooled connection in the blocking thread pool; the connection goes back to the pool
    /// before the future resolves, so none is ever held across an `.await`.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = checkout(&pool)?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
    }

    /// Like [`Db::run`], inside a write transaction (see [`write_transaction`]).
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        let (pool, writer, backend) = (self.pool.clone(), self.writer.clone(), self.backend);
        actix_web::web::block(move || {
            let _turn = match backend {
                Backend::Sqlite => Some(writer.lock().unwrap_or_else(|p| p.into_inner())),
                Backend::Postgres => None,
            };
            let mut conn = checkout(&pool)?;
            write_transaction(&mut conn, f)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
    }
}

impl Db {
    /// Like [`Db::write`], for a small save that many scholars make at once (an answer): on SQLite the
    /// saves waiting at the same moment are committed together, each in its own savepoint, and each is
    /// acknowledged after that shared commit (see `group_commit`). `f` must be quick and must not depend on
    /// running in a transaction of its own beyond its savepoint. On PostgreSQL, where the server shares
    /// fsyncs between concurrent commits itself, it is [`Db::write`].
    pub async fn write_grouped<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        if self.backend == Backend::Postgres {
            return self.write(f).await;
        }
        let outcome = self.grouped.push(f);
        let (pool, writer, queue) = (self.pool.clone(), self.writer.clone(), self.grouped.clone());
        actix_web::web::block(move || {
            let _turn = writer.lock().unwrap_or_else(|p| p.into_inner());
            // An earlier turn may have committed this save with its own group already.
            let jobs = queue.take();
            if jobs.is_empty() {
                return Ok(());
            }
            let mut conn = checkout(&pool)?;
            group_commit::run(&mut conn, jobs);
            Ok::<(), AppError>(())
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
        outcome.await.map_err(|_| AppError::internal("a grouped save was dropped before its commit"))?
    }
}

/// A connection from the pool, with the wait counted for `/metrics`.
fn checkout(pool: &Pool<Manager>) -> Result<r2d2::PooledConnection<Manager>, AppError> {
    let started = std::time::Instant::now();
    let conn = pool.get().map_err(|e| AppError::internal(format!("database pool: {e}")));
    crate::core::metrics::metrics().pool_wait.observe(started.elapsed().as_secs_f64());
    conn
}

/// A transaction for read-then-write work. On SQLite it is `BEGIN IMMEDIATE`, so that the write lock is
/// taken up front and two writers cannot both read a stale state and then fail to upgrade. On PostgreSQL
/// it is an ordinary transaction; store code that must serialise takes row locks (`FOR UPDATE`).
/// Store functions never open transactions of their own: the domain function owns the boundary.
pub fn write_transaction<T>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    match conn {
        AnyConnection::Pg(_) => conn.transaction(f),
        AnyConnection::Sqlite(_) => {
            conn.batch_execute("BEGIN IMMEDIATE")?;
            let mut guard = RollbackGuard { conn, done: false };
            let value = f(guard.conn)?;
            guard.conn.batch_execute("COMMIT")?;
            guard.done = true;
            Ok(value)
        }
    }
}

/// Rolls back a manual SQLite transaction that did not commit, whether by error or by unwinding, so that a
/// connection never returns to the pool inside a transaction.
struct RollbackGuard<'a> {
    conn: &'a mut AnyConnection,
    done: bool,
}

impl Drop for RollbackGuard<'_> {
    fn drop(&mut self) {
        if !self.done {
            // The connection may already have rolled back (e.g. on SQLITE_FULL); nothing more to do then.
            let _ = self.conn.batch_execute("ROLLBACK");
        }
    }
}

/// Serialises a write transaction with every other one that names the same `key`: a transaction-scoped
/// advisory lock on PostgreSQL; nothing on SQLite, where `BEGIN IMMEDIATE` already serialises writers.
pub fn serialise(conn: &mut AnyConnection, key: i64) -> Result<(), AppError> {
    if matches!(conn, AnyConnection::Pg(_)) {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({key})")).execute(conn)?;
    }
    Ok(())
}

/// Lock keys for [`serialise`].
pub mod locks {
    pub const FIRST_ADMIN: i64 = 0x5052_4156_4f00_0002;
    /// Appending to the audit chain: one writer at a time, so that no two entries share a predecessor.
    pub const AUDIT: i64 = 0x5052_4156_4f00_0003;
}

/// After an erasure: on SQLite, copies the write-ahead log into the database file and truncates it, so
/// that the old versions of erased rows in the log are gone too (the rows themselves were overwritten by
/// `secure_delete`). On PostgreSQL nothing to do here: old row versions are the operator's VACUUM and WAL
/// retention (see the README).
pub fn scrub(conn: &mut AnyConnection) -> Result<(), AppError> {
    if matches!(conn, AnyConnection::Sqlite(_)) {
        conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)")?;
    }
    Ok(())
}

/// Now, in UTC, truncated to the microseconds that both backends store.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// Runs one of two bodies depending on the backend, with `$conn` rebound to the concrete connection.
/// The escape hatch for the few queries `MultiConnection` cannot express (RETURNING, ON CONFLICT,
/// FOR UPDATE SKIP LOCKED).
#[macro_export]
macro_rules! db_match {
    ($conn:ident, sqlite => $sqlite:expr, postgres => $pg:expr $(,)?) => {
        match $conn {
            $crate::db::AnyConnection::Sqlite($conn) => $sqlite,
            $crate::db::AnyConnection::Pg($conn) => $pg,
        }
    };
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => AppError::NotFound,
            // Two requests raced to create the same thing; the loser is told to try again.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                AppError::Conflict(crate::i18n::Msg::new("error-conflict-retry"))
            }
            other => AppError::Internal(format!("database: {other}")),
        }
    }
}
