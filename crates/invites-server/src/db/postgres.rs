//! PostgreSQL: one statement through sqlx, rows decoded into portable values.

use super::*;

/// One statement on PostgreSQL; `persistent`: as a named, cached prepared statement.
pub(super) async fn pg_run<'e, E>(
    sql: &str,
    args: Vec<Arg>,
    want: Want,
    persistent: bool,
    exec: E,
) -> Result<(Vec<Row>, u64), Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Postgres>,
{
    let mut q = sqlx::query(sql).persistent(persistent);
    for a in args {
        q = match a {
            Arg::Int(v) => q.bind(v),
            Arg::Text(v) => q.bind(v),
        };
    }
    match want {
        Want::None => Ok((vec![], q.execute(exec).await?.rows_affected())),
        Want::One => {
            let row = q.fetch_optional(exec).await?;
            Ok((
                row.map(|r| pg_row(&r)).transpose()?.into_iter().collect(),
                0,
            ))
        }
        Want::All => {
            let rows = q.fetch_all(exec).await?;
            Ok((rows.iter().map(pg_row).collect::<Result<_, _>>()?, 0))
        }
    }
}

pub(super) fn pg_row(row: &sqlx::postgres::PgRow) -> Result<Row, Error> {
    use sqlx::{Column, Row as _, TypeInfo};
    let mut values = Vec::with_capacity(row.columns().len());
    for (i, col) in row.columns().iter().enumerate() {
        let v = match col.type_info().name() {
            "INT8" => row.try_get::<Option<i64>, _>(i)?.map(Value::Int),
            "INT4" => row
                .try_get::<Option<i32>, _>(i)?
                .map(|v| Value::Int(v.into())),
            "INT2" => row
                .try_get::<Option<i16>, _>(i)?
                .map(|v| Value::Int(v.into())),
            "BOOL" => row
                .try_get::<Option<bool>, _>(i)?
                .map(|v| Value::Int(v.into())),
            "FLOAT8" => row.try_get::<Option<f64>, _>(i)?.map(Value::Real),
            _ => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
        };
        values.push(v.unwrap_or(Value::Null));
    }
    Ok(Row(values.into_iter()))
}
