//! Rows in a portable form and back: one JSON array per row, values in the manifest's column order, each
//! written the same way whichever database it came from (booleans as `true`/`false`, timestamps as
//! `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, bytes as lowercase hex), so that a backup of SQLite restores into
//! PostgreSQL and the other way round.

use chrono::NaiveDateTime;
use diesel::RunQueryDsl;
use diesel::connection::DefaultLoadingMode;
use diesel::sql_types::{BigInt, Binary, Bool, Integer, Nullable, Text, Timestamp};
use serde_json::Value;

use super::fail;
use super::tables::{Column, Kind, Table, quote};
use crate::core::error::AppError;
use crate::db::AnyConnection;

const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S%.6f";

#[derive(diesel::QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    row: String,
}

/// Streams every row of `table`, in primary-key order, to `each` as a portable JSON array.
pub fn dump(
    conn: &mut AnyConnection,
    table: &Table,
    mut each: impl FnMut(Vec<Value>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let sqlite = matches!(conn, AnyConnection::Sqlite(_));
    let values: Vec<String> = table
        .columns
        .iter()
        .map(|c| match (c.kind, sqlite) {
            (Kind::Binary, true) => format!("CASE WHEN {0} IS NULL THEN NULL ELSE lower(hex({0})) END", quote(&c.name)),
            (Kind::Binary, false) => format!("encode({}, 'hex')", quote(&c.name)),
            _ => quote(&c.name),
        })
        .collect();
    let order = if table.key.is_empty() {
        String::new()
    } else {
        format!(" ORDER BY {}", table.key.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", "))
    };
    let function = if sqlite { "json_array" } else { "json_build_array" };
    let cast = if sqlite { "" } else { "::text" };
    let sql = format!("SELECT {function}({}){cast} AS row FROM {}{order}", values.join(", "), quote(&table.name));
    let mut handle = |line: Result<Line, diesel::result::Error>| -> Result<(), AppError> {
        let raw: Value = serde_json::from_str(&line?.row).map_err(|e| fail(format!("{}: {e}", table.name)))?;
        let Value::Array(raw) = raw else { return Err(fail(format!("{}: a row is not a list", table.name))) };
        let row = raw.into_iter().zip(&table.columns).map(|(v, c)| portable(v, c)).collect::<Result<_, _>>()?;
        each(row)
    };
    match conn {
        AnyConnection::Sqlite(c) => {
            for line in diesel::sql_query(sql).load_iter::<Line, DefaultLoadingMode>(c)? {
                handle(line)?;
            }
        }
        AnyConnection::Pg(c) => {
            for line in diesel::sql_query(sql).load_iter::<Line, DefaultLoadingMode>(c)? {
                handle(line)?;
            }
        }
    }
    Ok(())
}

/// A value as the database gave it, in the portable form of its column's kind.
fn portable(value: Value, column: &Column) -> Result<Value, AppError> {
    Ok(match (column.kind, value) {
        (_, Value::Null) => Value::Null,
        (Kind::Bool, Value::Number(n)) => Value::Bool(n.as_i64().unwrap_or_default() != 0),
        (Kind::Timestamp, Value::String(s)) => Value::String(parse_time(&s)?.format(TIME_FORMAT).to_string()),
        (_, v) => v,
    })
}

fn parse_time(text: &str) -> Result<NaiveDateTime, AppError> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f"))
        .map_err(|_| fail(format!("not a timestamp: {text:?}")))
}

/// One value ready to bind, typed for the target column.
enum Bound {
    Bool(Option<bool>),
    Int(Option<i64>),
    Narrow(Option<i32>),
    Text(Option<String>),
    Time(Option<NaiveDateTime>),
    Bytes(Option<Vec<u8>>),
}

/// Checks a portable value against its column and types it for binding; `where_` names the row in errors.
fn bound(value: Value, column: &Column, where_: &dyn Fn() -> String) -> Result<Bound, AppError> {
    let wrong = || fail(format!("{}: column {} does not hold a {:?}", where_(), column.name, column.kind));
    let null = value.is_null();
    Ok(match column.kind {
        Kind::Bool => Bound::Bool(if null { None } else { Some(value.as_bool().ok_or_else(wrong)?) }),
        Kind::Int if column.narrow => Bound::Narrow(if null {
            None
        } else {
            Some(value.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or_else(wrong)?)
        }),
        Kind::Int => Bound::Int(if null { None } else { Some(value.as_i64().ok_or_else(wrong)?) }),
        Kind::Text => Bound::Text(match value {
            Value::Null => None,
            Value::String(s) => Some(s),
            _ => return Err(wrong()),
        }),
        Kind::Timestamp => Bound::Time(match value {
            Value::Null => None,
            Value::String(s) => Some(parse_time(&s)?),
            _ => return Err(wrong()),
        }),
        Kind::Binary => Bound::Bytes(match value {
            Value::Null => None,
            Value::String(s) => Some(hex::decode(s).map_err(|_| wrong())?),
            _ => return Err(wrong()),
        }),
    })
}

/// Checks that a row read from a backup has one value of the right kind per column.
pub fn check(row: Vec<Value>, columns: &[Column], where_: &dyn Fn() -> String) -> Result<(), AppError> {
    if row.len() != columns.len() {
        return Err(fail(format!("{}: {} values for {} columns", where_(), row.len(), columns.len())));
    }
    for (value, column) in row.into_iter().zip(columns) {
        bound(value, column, where_)?;
    }
    Ok(())
}

/// Rows per INSERT statement: few round trips, far below either backend's limit on bound values.
pub const BATCH: usize = 200;

/// Inserts rows (values in `columns` order, the target's own column descriptions) into `table`.
pub fn insert(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[Column],
    rows: Vec<Vec<Value>>,
    first_row: u64,
) -> Result<(), AppError> {
    if rows.is_empty() {
        return Ok(());
    }
    let sqlite = matches!(conn, AnyConnection::Sqlite(_));
    let mut n = 0;
    let mut placeholder = || {
        n += 1;
        if sqlite { "?".to_owned() } else { format!("${n}") }
    };
    let tuples: Vec<String> = rows
        .iter()
        .map(|_| format!("({})", columns.iter().map(|_| placeholder()).collect::<Vec<_>>().join(", ")))
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {}",
        quote(table),
        columns.iter().map(|c| quote(&c.name)).collect::<Vec<_>>().join(", "),
        tuples.join(", ")
    );
    let mut values = Vec::with_capacity(rows.len() * columns.len());
    for (i, row) in rows.into_iter().enumerate() {
        let where_ = || format!("{table}, row {}", first_row + i as u64 + 1);
        if row.len() != columns.len() {
            return Err(fail(format!("{}: {} values for {} columns", where_(), row.len(), columns.len())));
        }
        for (value, column) in row.into_iter().zip(columns) {
            values.push(bound(value, column, &where_)?);
        }
    }
    macro_rules! bind_all {
        ($query:expr) => {{
            let mut query = $query;
            for value in values {
                query = match value {
                    Bound::Bool(v) => query.bind::<Nullable<Bool>, _>(v),
                    Bound::Int(v) => query.bind::<Nullable<BigInt>, _>(v),
                    Bound::Narrow(v) => query.bind::<Nullable<Integer>, _>(v),
                    Bound::Text(v) => query.bind::<Nullable<Text>, _>(v),
                    Bound::Time(v) => query.bind::<Nullable<Timestamp>, _>(v),
                    Bound::Bytes(v) => query.bind::<Nullable<Binary>, _>(v),
                };
            }
            query
        }};
    }
    match conn {
        AnyConnection::Sqlite(c) => {
            bind_all!(diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>()).execute(c)?;
        }
        AnyConnection::Pg(c) => {
            bind_all!(diesel::sql_query(sql).into_boxed::<diesel::pg::Pg>()).execute(c)?;
        }
    }
    Ok(())
}

/// Moves each PostgreSQL sequence of `table` past the restored rows, so that the next insert gets a new id.
pub fn advance_sequences(conn: &mut AnyConnection, table: &Table) -> Result<(), AppError> {
    let AnyConnection::Pg(c) = conn else { return Ok(()) };
    for column in table.columns.iter().filter(|c| c.serial) {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{t}', '{c}'), COALESCE((SELECT MAX({qc}) FROM {qt}), 0) + 1, false)",
            t = table.name.replace('\'', "''"),
            c = column.name.replace('\'', "''"),
            qc = quote(&column.name),
            qt = quote(&table.name),
        );
        diesel::sql_query(sql).execute(c)?;
    }
    Ok(())
}
