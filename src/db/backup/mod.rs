//! Backups that restore. `pravo backup` reads every table inside one read-only snapshot (a SQLite read
//! transaction in WAL mode, a PostgreSQL REPEATABLE READ transaction), so the copy is consistent while the
//! server keeps writing, and stores it in a portable form (see [`rows`]) with the data folder's files.
//! `pravo restore` fills an empty database of either kind: it runs the migrations up to the backup's, loads
//! every table in one transaction (parents first), then runs any newer migrations, so that a backup of an
//! older Pravo restores into a newer one. Moving from SQLite to PostgreSQL is a backup on one and a restore
//! on the other. `pravo backup --verify` restores into a scratch SQLite file and checks it.

mod archive;
mod rows;
mod tables;

use std::path::{Component, Path, PathBuf};

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use serde_json::Value;

use crate::core::error::AppError;
use crate::core::private_files;
use crate::db::{AnyConnection, DatabaseUrl};
use archive::{ColumnEntry, FileEntry, Manifest, Reader, TableEntry, Writer};

pub(super) fn fail(message: impl Into<String>) -> AppError {
    AppError::Internal(message.into())
}

/// What a backup holds, or what a restore or check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
    pub files: usize,
    pub migration: String,
}

impl Summary {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// Where the data folder is and which of its files are the database's own (SQLite), which are skipped.
pub struct DataFolder<'a> {
    pub dir: &'a Path,
    pub database_files: Vec<PathBuf>,
}

impl DataFolder<'_> {
    /// The data folder's files other than the database's, with their paths relative to the folder.
    fn files(&self, also_skip: &Path) -> Result<Vec<(String, PathBuf)>, AppError> {
        let mut found = Vec::new();
        if !self.dir.exists() {
            return Ok(found);
        }
        let mut pending = vec![self.dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            let entries = std::fs::read_dir(&folder).map_err(|e| fail(format!("{}: {e}", folder.display())))?;
            for entry in entries {
                let entry = entry.map_err(|e| fail(format!("{}: {e}", folder.display())))?;
                let (path, kind) = (entry.path(), entry.file_type().map_err(|e| fail(e.to_string()))?);
                if kind.is_dir() {
                    pending.push(path);
                } else if kind.is_file() && !self.skipped(&path, also_skip) {
                    let relative = path.strip_prefix(self.dir).map_err(|e| fail(e.to_string()))?;
                    let parts: Vec<String> =
                        relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                    found.push((parts.join("/"), path));
                }
            }
        }
        found.sort();
        Ok(found)
    }

    fn skipped(&self, path: &Path, also_skip: &Path) -> bool {
        let partial = path.extension().is_some_and(|e| e == "partial");
        partial
            || private_files::is_one_of(path, &self.database_files)
            || private_files::is_one_of(path, &[also_skip.into()])
    }
}

/// Writes a consistent backup of the database and the data folder's files to `out` (0600).
pub fn backup(conn: &mut AnyConnection, data: &DataFolder, out: &Path) -> Result<Summary, AppError> {
    let mut writer = Writer::create(out)?;
    let backend = if matches!(conn, AnyConnection::Sqlite(_)) { "sqlite" } else { "postgres" };
    let (migrations, table_entries) = snapshot(conn, |c| {
        let migrations = tables::applied_migrations(c)?;
        let mut entries = Vec::new();
        for table in tables::list(c)? {
            writer.start(&format!("tables/{}.jsonl", table.name))?;
            let mut count = 0u64;
            rows::dump(c, &table, |row| {
                let mut line = serde_json::to_vec(&row).map_err(|e| fail(e.to_string()))?;
                line.push(b'\n');
                count += 1;
                writer.write(&line)
            })?;
            let columns = table.columns.iter().map(|c| ColumnEntry { name: c.name.clone(), kind: c.kind }).collect();
            entries.push(TableEntry { name: table.name, columns, rows: count, sha256: writer.digest() });
        }
        Ok((migrations, entries))
    })?;
    let mut file_entries = Vec::new();
    for (relative, path) in data.files(out)? {
        let bytes = std::fs::read(&path).map_err(|e| fail(format!("{}: {e}", path.display())))?;
        writer.start(&format!("files/{relative}"))?;
        writer.write(&bytes)?;
        file_entries.push(FileEntry { path: relative, bytes: bytes.len() as u64, sha256: writer.digest() });
    }
    let summary = Summary {
        tables: table_entries.iter().map(|t| (t.name.clone(), t.rows)).collect(),
        files: file_entries.len(),
        migration: migrations.last().cloned().unwrap_or_default(),
    };
    writer.finish(&Manifest {
        format: archive::FORMAT.into(),
        format_version: archive::FORMAT_VERSION,
        pravo: env!("CARGO_PKG_VERSION").into(),
        backend: backend.into(),
        created_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        migrations,
        tables: table_entries,
        files: file_entries,
    })?;
    Ok(summary)
}

/// Runs `f` inside one read-only snapshot of the whole database.
fn snapshot<T>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let begin = match conn {
        AnyConnection::Sqlite(_) => "BEGIN DEFERRED",
        AnyConnection::Pg(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    };
    conn.batch_execute(begin)?;
    let result = f(conn);
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    conn.batch_execute(end)?;
    result
}

/// Whether the backup's rows are loaded and then newer migrations run (a restore), or the database is left
/// at the backup's migration to be compared with it (a check).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    Upgrade,
    Stay,
}

/// Restores a backup into the empty database at `url` and the empty data folder. Refuses a database that
/// holds any row, or a data folder that holds any file, so that nothing is ever overwritten.
pub fn restore(url: &DatabaseUrl, data: &DataFolder, file: &Path) -> Result<Summary, AppError> {
    restore_with(url, data, file, Then::Upgrade)
}

fn restore_with(url: &DatabaseUrl, data: &DataFolder, file: &Path, then: Then) -> Result<Summary, AppError> {
    let mut reader = Reader::open(file)?;
    let last = reader.manifest.migrations.last().cloned().unwrap_or_default();
    let known = crate::db::known_migrations(url.backend());
    if let Some(unknown) = reader.manifest.migrations.iter().find(|m| !known.contains(m)) {
        return Err(fail(format!(
            "the backup comes from a newer Pravo (migration {unknown} is unknown here); restore it with Pravo {} or later",
            reader.manifest.pravo
        )));
    }
    if let Some((relative, _)) = data.files(file)?.first() {
        return Err(fail(format!(
            "the data folder {} is not empty (it holds {relative}); restore into an empty one",
            data.dir.display()
        )));
    }
    let mut conn = url.establish().map_err(|e| fail(format!("cannot open the database: {e}")))?;
    ensure_empty(&mut conn, &last)?;
    crate::db::with_startup_lock(&mut conn, |c| crate::db::run_migrations_up_to(c, &last))?;
    let targets = tables::list(&mut conn)?;
    let mut summary = Summary { tables: Vec::new(), files: 0, migration: last };
    crate::db::write_transaction(&mut conn, |c| {
        if let AnyConnection::Sqlite(_) = c {
            // Checked once at the end instead of row by row: rows restore in primary-key order, which within a
            // table that refers to itself need not be the order of reference.
            c.batch_execute("PRAGMA defer_foreign_keys = ON")?;
        }
        for target in &targets {
            let entry = reader
                .manifest
                .tables
                .iter()
                .position(|t| t.name == target.name)
                .ok_or_else(|| fail(format!("the backup has no table {}", target.name)))?;
            let entry = &reader.manifest.tables[entry];
            let columns = matching_columns(entry, &target.columns)?;
            let entry = TableEntry {
                name: entry.name.clone(),
                columns: entry.columns.clone(),
                rows: entry.rows,
                sha256: entry.sha256.clone(),
            };
            let mut batch = Vec::with_capacity(rows::BATCH);
            let mut first = 0u64;
            reader.rows(&entry, |n, row| {
                batch.push(row);
                if batch.len() == rows::BATCH {
                    rows::insert(c, &target.name, &columns, std::mem::take(&mut batch), first)?;
                    first = n + 1;
                }
                Ok(())
            })?;
            rows::insert(c, &target.name, &columns, batch, first)?;
            rows::advance_sequences(c, target)?;
            summary.tables.push((target.name.clone(), entry.rows));
        }
        if let Some(extra) = reader.manifest.tables.iter().find(|t| !targets.iter().any(|x| x.name == t.name)) {
            return Err(fail(format!("the backup has a table {} that this database does not", extra.name)));
        }
        Ok(())
    })?;
    if then == Then::Upgrade {
        crate::db::with_startup_lock(&mut conn, crate::db::run_migrations)?;
    }
    let files: Vec<FileEntry> = std::mem::take(&mut reader.manifest.files);
    for entry in &files {
        let bytes = reader.file(entry)?;
        let path = inside(data.dir, &entry.path)?;
        if let Some(parent) = path.parent() {
            private_files::create_dir(parent).map_err(|e| fail(format!("{}: {e}", parent.display())))?;
        }
        private_files::write(&path, &bytes).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    }
    summary.files = files.len();
    Ok(summary)
}

/// The target's columns in the backup's order; the two must name the same columns.
fn matching_columns(entry: &TableEntry, target: &[tables::Column]) -> Result<Vec<tables::Column>, AppError> {
    let mismatch = || {
        fail(format!(
            "table {}: the backup's columns ({}) differ from the database's ({})",
            entry.name,
            entry.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", "),
            target.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
        ))
    };
    if entry.columns.len() != target.len() {
        return Err(mismatch());
    }
    entry.columns.iter().map(|c| target.iter().find(|t| t.name == c.name).cloned().ok_or_else(mismatch)).collect()
}

/// Refuses a database that holds rows, or whose schema is newer than the backup's.
fn ensure_empty(conn: &mut AnyConnection, backup_migration: &str) -> Result<(), AppError> {
    let applied = tables::applied_migrations(conn)?;
    for table in tables::list(conn)? {
        if tables::count_rows(conn, &table.name)? > 0 {
            return Err(fail(format!(
                "the database is not empty (table {} holds rows); restore into an empty database",
                table.name
            )));
        }
    }
    if let Some(newer) = applied.iter().find(|m| m.as_str() > backup_migration) {
        return Err(fail(format!(
            "the database was already set up by a newer Pravo (migration {newer}) than the backup's \
             ({backup_migration}); restore into a database that has not been set up"
        )));
    }
    Ok(())
}

/// A path from a backup, inside the data folder: only plain names, no `..`, no root.
fn inside(dir: &Path, relative: &str) -> Result<PathBuf, AppError> {
    let path = Path::new(relative);
    if relative.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(fail(format!("the backup names a file outside the data folder: {relative:?}")));
    }
    Ok(dir.join(path))
}

/// Checks a backup file: every table's and file's checksum, every row against its columns, and then a
/// real restore into a scratch SQLite database in a private temporary folder, whose integrity check, foreign
/// keys and row counts must all agree with the manifest. The scratch copy is deleted afterwards.
pub fn verify(file: &Path) -> Result<Summary, AppError> {
    let scratch = std::env::temp_dir().join(format!("pravo-verify-{}", uuid::Uuid::new_v4().simple()));
    private_files::create_dir(&scratch).map_err(|e| fail(format!("{}: {e}", scratch.display())))?;
    let result = verify_in(file, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn verify_in(file: &Path, scratch: &Path) -> Result<Summary, AppError> {
    let mut reader = Reader::open(file)?;
    let tables: Vec<TableEntry> = std::mem::take(&mut reader.manifest.tables);
    for table in &tables {
        let columns: Vec<tables::Column> = table
            .columns
            .iter()
            .map(|c| tables::Column { name: c.name.clone(), kind: c.kind, narrow: false, serial: false })
            .collect();
        reader.rows(table, |n, row| rows::check(row, &columns, &|| format!("{}, row {}", table.name, n + 1)))?;
    }
    for entry in &reader.manifest.files {
        inside(scratch, &entry.path)?;
    }
    let files: Vec<FileEntry> = std::mem::take(&mut reader.manifest.files);
    for entry in &files {
        reader.file(entry)?;
    }
    let db_path = scratch.join("verify.db");
    let url = DatabaseUrl::Sqlite(db_path.to_string_lossy().into_owned());
    let data_dir = scratch.join("data");
    let data = DataFolder { dir: &data_dir, database_files: Vec::new() };
    let restored = restore_with(&url, &data, file, Then::Stay)?;
    let mut conn = url.establish().map_err(|e| fail(format!("the scratch database: {e}")))?;
    let integrity = sqlite_check(&mut conn, "PRAGMA integrity_check")?;
    if integrity != ["ok"] {
        return Err(fail(format!("the restored copy fails SQLite's integrity check: {}", integrity.join("; "))));
    }
    let dangling = sqlite_check(&mut conn, "SELECT \"table\" AS line FROM pragma_foreign_key_check")?;
    if !dangling.is_empty() {
        return Err(fail(format!(
            "the restored copy has rows whose references are missing, in {}",
            dangling.join(", ")
        )));
    }
    for table in &tables {
        let n = tables::count_rows(&mut conn, &table.name)?;
        if n != table.rows {
            return Err(fail(format!("{}: {n} rows restored where the manifest says {}", table.name, table.rows)));
        }
    }
    Ok(restored)
}

#[derive(diesel::QueryableByName)]
struct CheckLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    line: String,
}

fn sqlite_check(conn: &mut AnyConnection, sql: &str) -> Result<Vec<String>, AppError> {
    let AnyConnection::Sqlite(c) = conn else { return Ok(Vec::new()) };
    let sql = if sql.starts_with("PRAGMA integrity_check") {
        "SELECT integrity_check AS line FROM pragma_integrity_check"
    } else {
        sql
    };
    let lines: Vec<CheckLine> = diesel::sql_query(sql).load(c)?;
    Ok(lines.into_iter().map(|l| l.line).collect())
}

/// A table's name and its rows, each row's values in the order of its column names.
pub type TableRows = (String, Vec<Vec<Value>>);

/// Values as a backup holds them (for tests that compare rows across databases).
pub fn portable_rows(conn: &mut AnyConnection) -> Result<Vec<TableRows>, AppError> {
    let mut all = Vec::new();
    for table in tables::list(conn)? {
        let mut rows_of = Vec::new();
        let mut columns: Vec<&tables::Column> = table.columns.iter().collect();
        columns.sort_by(|a, b| a.name.cmp(&b.name));
        let order: Vec<usize> =
            columns.iter().filter_map(|c| table.columns.iter().position(|x| x.name == c.name)).collect();
        rows::dump(conn, &table, |row| {
            rows_of.push(order.iter().map(|&i| row.get(i).cloned().unwrap_or(Value::Null)).collect());
            Ok(())
        })?;
        all.push((table.name, rows_of));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(all)
}
