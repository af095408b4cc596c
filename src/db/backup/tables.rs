//! What the live database holds, read from the database itself: its tables (parents before the tables that
//! refer to them), each table's columns with a portable kind, its primary key, and the migrations applied.
//! Reading the schema at run time, rather than naming tables here, means a backup can never miss a table
//! that a later migration adds.

use diesel::sql_types::{Bool, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde::{Deserialize, Serialize};

use super::fail;
use crate::core::error::AppError;
use crate::db::AnyConnection;

/// The portable kinds of value Pravo stores; each backend's own type maps to one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Bool,
    Int,
    Text,
    Timestamp,
    Binary,
}

impl Kind {
    /// The kind of a declared SQLite type or a PostgreSQL `data_type`.
    fn of(declared: &str) -> Kind {
        let t = declared.to_ascii_uppercase();
        if t.contains("BOOL") {
            Kind::Bool
        } else if t.contains("INT") {
            Kind::Int
        } else if t.contains("TIMESTAMP") || t.contains("DATE") {
            Kind::Timestamp
        } else if t.contains("BLOB") || t.contains("BYTEA") {
            Kind::Binary
        } else {
            Kind::Text
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    /// A PostgreSQL `integer` (32 bits) rather than a `bigint`.
    pub narrow: bool,
    /// Filled from a PostgreSQL sequence, which a restore must move past the restored rows.
    pub serial: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub key: Vec<String>,
    parents: Vec<String>,
}

const MIGRATIONS_TABLE: &str = "__diesel_schema_migrations";

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    declared: String,
    #[diesel(sql_type = Bool)]
    key: bool,
    #[diesel(sql_type = Bool)]
    serial: bool,
}

/// Every table of Pravo's own (not the migrations' bookkeeping, nor `content_version`, which triggers keep),
/// parents first.
pub fn list(conn: &mut AnyConnection) -> Result<Vec<Table>, AppError> {
    let names: Vec<Name> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' \
             AND name NOT IN ('__diesel_schema_migrations', 'content_version') ORDER BY name",
        )
        .load(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() \
             AND table_type = 'BASE TABLE' AND table_name NOT IN ('__diesel_schema_migrations', 'content_version') \
             ORDER BY table_name",
        )
        .load(c)?,
    };
    let mut tables = Vec::with_capacity(names.len());
    for Name { name } in names {
        tables.push(describe(conn, name)?);
    }
    parents_first(tables)
}

fn describe(conn: &mut AnyConnection, name: String) -> Result<Table, AppError> {
    let (columns, parents): (Vec<ColumnRow>, Vec<Name>) = match conn {
        AnyConnection::Sqlite(c) => (
            diesel::sql_query(
                "SELECT name, type AS declared, pk > 0 AS key, 0 AS serial FROM pragma_table_info(?) ORDER BY cid",
            )
            .bind::<Text, _>(&name)
            .load(c)?,
            diesel::sql_query("SELECT DISTINCT \"table\" AS name FROM pragma_foreign_key_list(?)")
                .bind::<Text, _>(&name)
                .load(c)?,
        ),
        AnyConnection::Pg(c) => (
            diesel::sql_query(
                "SELECT c.column_name::text AS name, c.data_type::text AS declared, \
                 EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid \
                         AND a.attnum = ANY(i.indkey) \
                         WHERE i.indrelid = $1::regclass AND i.indisprimary AND a.attname = c.column_name) AS key, \
                 COALESCE(c.column_default LIKE 'nextval(%', false) AS serial \
                 FROM information_schema.columns c \
                 WHERE c.table_schema = current_schema() AND c.table_name = $1 ORDER BY c.ordinal_position",
            )
            .bind::<Text, _>(&name)
            .load(c)?,
            diesel::sql_query(
                "SELECT DISTINCT confrelid::regclass::text AS name FROM pg_constraint \
                 WHERE contype = 'f' AND conrelid = $1::regclass",
            )
            .bind::<Text, _>(&name)
            .load(c)?,
        ),
    };
    let key = columns.iter().filter(|c| c.key).map(|c| c.name.clone()).collect();
    let narrow_ints = matches!(conn, AnyConnection::Pg(_));
    let columns = columns
        .into_iter()
        .map(|c| Column {
            kind: Kind::of(&c.declared),
            narrow: narrow_ints && c.declared.eq_ignore_ascii_case("integer"),
            serial: c.serial,
            name: c.name,
        })
        .collect();
    let parents = parents.into_iter().map(|p| p.name.trim_matches('"').to_owned()).filter(|p| *p != name).collect();
    Ok(Table { name, columns, key, parents })
}

/// Orders tables so that every table comes after the tables its foreign keys point to.
fn parents_first(mut pending: Vec<Table>) -> Result<Vec<Table>, AppError> {
    let mut ordered: Vec<Table> = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let ready = pending
            .iter()
            .position(|t| t.parents.iter().all(|p| ordered.iter().any(|o| &o.name == p) || !exists(&pending, p)))
            .ok_or_else(|| fail("the tables' foreign keys form a cycle; cannot order them"))?;
        ordered.push(pending.remove(ready));
    }
    Ok(ordered)
}

fn exists(tables: &[Table], name: &str) -> bool {
    tables.iter().any(|t| t.name == name)
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

/// The versions of the migrations applied to this database, oldest first (none on a new database).
pub fn applied_migrations(conn: &mut AnyConnection) -> Result<Vec<String>, AppError> {
    let exists: Vec<Name> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__diesel_schema_migrations'",
        )
        .load(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = '__diesel_schema_migrations'",
        )
        .load(c)?,
    };
    if exists.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT version FROM {MIGRATIONS_TABLE} ORDER BY version");
    let versions: Vec<Version> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(sql).load(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(sql).load(c)?,
    };
    Ok(versions.into_iter().map(|v| v.version).collect())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// How many rows a table holds.
pub fn count_rows(conn: &mut AnyConnection, table: &str) -> Result<u64, AppError> {
    let sql = format!("SELECT COUNT(*) AS n FROM {}", quote(table));
    let count: Count = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(sql).get_result(c)?,
        AnyConnection::Pg(c) => diesel::sql_query(sql).get_result(c)?,
    };
    Ok(u64::try_from(count.n).unwrap_or_default())
}

/// A quoted SQL identifier. Names come from the database's own catalogue or a manifest checked against
/// it, never from a request; quoting keeps even an odd name from being read as SQL.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
