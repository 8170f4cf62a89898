//! The portable query API: values, rows, arguments and [`Query`], run on either backend.

use super::*;

// ---------------------------------------------------------------------------------------------
// Values, rows, arguments

/// One column's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A float.
    Real(f64),
    /// Text.
    Text(String),
}

/// A value a column can be read as.
pub trait FromValue: Sized {
    /// Convert, or say what was there instead.
    fn from_value(v: Value) -> Result<Self, Error>;
}

impl FromValue for i64 {
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Int(i) => Ok(i),
            other => Err(Error::Decode(format!(
                "expected an integer, found {other:?}"
            ))),
        }
    }
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Text(s) => Ok(s),
            other => Err(Error::Decode(format!("expected text, found {other:?}"))),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, Error> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A fetched row: its values in column order, taken one by one.
#[derive(Debug)]
pub struct Row(pub(super) std::vec::IntoIter<Value>);

impl Row {
    /// The next column's value.
    pub fn take<T: FromValue>(&mut self) -> Result<T, Error> {
        T::from_value(
            self.0
                .next()
                .ok_or_else(|| Error::Decode("the row has fewer columns than its type".into()))?,
        )
    }
}

/// A type a row decodes into, column by column in SELECT order.
pub trait FromRow: Sized {
    /// Decode.
    fn from_row(row: &mut Row) -> Result<Self, Error>;
}

macro_rules! tuple_from_row {
    ($($t:ident),+) => {
        impl<$($t: FromValue),+> FromRow for ($($t,)+) {
            fn from_row(row: &mut Row) -> Result<Self, Error> {
                Ok(($(row.take::<$t>()?,)+))
            }
        }
    };
}
tuple_from_row!(A);
tuple_from_row!(A, B);
tuple_from_row!(A, B, C);
tuple_from_row!(A, B, C, D);

/// Define a row struct's [`FromRow`] and the matching column list, so the two cannot drift:
/// `row_type!(InviteRow, INVITE_COLS { id, organization_id, … })` reads the columns in exactly
/// the order `INVITE_COLS` selects them.
#[macro_export]
macro_rules! row_type {
    ($vis:vis $ty:ident, $cols:ident { $first:ident $(, $field:ident)* $(,)? }) => {
        #[allow(dead_code)]
        $vis const $cols: &str = concat!(stringify!($first) $(, ", ", stringify!($field))*);
        impl $crate::db::FromRow for $ty {
            fn from_row(row: &mut $crate::db::Row) -> Result<Self, $crate::db::Error> {
                Ok($ty { $first: row.take()?, $($field: row.take()?),* })
            }
        }
    };
}

/// A statement argument (typed even when NULL: PostgreSQL wants to know).
#[derive(Debug, Clone)]
pub enum Arg {
    /// An integer or NULL.
    Int(Option<i64>),
    /// Text or NULL.
    Text(Option<String>),
}

/// A Rust value that binds as a statement argument.
pub trait IntoArg {
    /// The argument.
    fn into_arg(self) -> Arg;
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}
impl IntoArg for i64 {
    fn into_arg(self) -> Arg {
        Arg::Int(Some(self))
    }
}
impl IntoArg for Option<i64> {
    fn into_arg(self) -> Arg {
        Arg::Int(self)
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self))
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self.clone()))
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(Some(self.to_owned()))
    }
}
impl IntoArg for Option<String> {
    fn into_arg(self) -> Arg {
        Arg::Text(self)
    }
}
impl IntoArg for &Option<String> {
    fn into_arg(self) -> Arg {
        Arg::Text(self.clone())
    }
}

// ---------------------------------------------------------------------------------------------
// Queries

/// A statement and its arguments; `$N` is the N-th [`bind`](Query::bind).
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it is executed or fetched"]
pub struct Query {
    pub(super) sql: String,
    pub(super) args: Vec<Arg>,
}

/// Start a statement.
pub fn query(sql: impl Into<String>) -> Query {
    Query {
        sql: sql.into(),
        args: Vec::new(),
    }
}

/// PostgreSQL: `writes` (statements without `RETURNING`) as one statement of data-modifying
/// CTEs, `WITH w0 AS (…), w1 AS (…) SELECT 1`, their placeholders renumbered in order. Run on
/// its own it commits all of them or none in one round trip, without BEGIN and COMMIT.
pub fn as_one_statement(writes: Vec<Query>) -> Query {
    let mut sql = String::from("WITH ");
    let mut args = Vec::new();
    for (i, w) in writes.into_iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("w{i} AS ("));
        let offset = args.len();
        let mut rest = w.sql.as_str();
        while let Some(at) = rest.find('$') {
            sql.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let n: usize = rest[..digits].parse().expect("a placeholder after each $");
            sql.push_str(&(n + offset).to_string());
            rest = &rest[digits..];
        }
        sql.push_str(rest);
        sql.push(')');
        args.extend(w.args);
    }
    sql.push_str(" SELECT 1");
    Query { sql, args }
}

/// Where a statement runs: on its own (autocommit) or inside a write transaction.
pub enum On<'a> {
    /// A pooled connection, autocommit.
    Store(&'a Store),
    /// The transaction's connection.
    Tx(&'a mut Tx),
}

impl<'a> From<&'a Store> for On<'a> {
    fn from(s: &'a Store) -> Self {
        On::Store(s)
    }
}

impl<'a> From<&'a mut Tx> for On<'a> {
    fn from(t: &'a mut Tx) -> Self {
        On::Tx(t)
    }
}

/// How many rows to read back.
#[derive(Clone, Copy)]
pub(super) enum Want {
    None,
    One,
    All,
}

impl Query {
    /// Bind the next argument.
    pub fn bind(mut self, v: impl IntoArg) -> Self {
        self.args.push(v.into_arg());
        self
    }

    /// Run it; the number of rows it changed.
    pub async fn execute<'a>(self, on: impl Into<On<'a>>) -> Result<u64, Error> {
        Ok(self.run(on.into(), Want::None).await?.1)
    }

    /// The first row, if any.
    pub async fn fetch_optional<'a, T: FromRow>(
        self,
        on: impl Into<On<'a>>,
    ) -> Result<Option<T>, Error> {
        let (rows, _) = self.run(on.into(), Want::One).await?;
        rows.into_iter()
            .next()
            .map(|mut r| T::from_row(&mut r))
            .transpose()
    }

    /// The first row; an error when there is none.
    pub async fn fetch_one<'a, T: FromRow>(self, on: impl Into<On<'a>>) -> Result<T, Error> {
        let sql = self.sql.clone();
        self.fetch_optional(on)
            .await?
            .ok_or_else(|| Error::Decode(format!("no row from {sql}")))
    }

    /// Every row.
    pub async fn fetch_all<'a, T: FromRow>(self, on: impl Into<On<'a>>) -> Result<Vec<T>, Error> {
        let (rows, _) = self.run(on.into(), Want::All).await?;
        rows.into_iter().map(|mut r| T::from_row(&mut r)).collect()
    }

    pub(super) async fn run(self, on: On<'_>, want: Want) -> Result<(Vec<Row>, u64), Error> {
        match on {
            On::Store(store) => match &store.inner {
                Inner::Sqlite(lite) => {
                    let conn = lite.acquire().await?;
                    retry_busy(|| conn.with(|c| lite_run(c, &self.sql, &self.args, want)))
                        .await
                        .map(|(rows, changes, _)| (rows, changes))
                }
                Inner::Postgres(pool, Pooled(false)) => {
                    let mut conn = pool.acquire().await?;
                    conn.run(&self.sql, self.args, want, true).await
                }
                Inner::Postgres(pool, Pooled(true)) => {
                    let mut tx = PgTx::begin(pool).await?;
                    let out = tx.run(&self.sql, self.args, want, false).await?;
                    tx.commit().await?;
                    Ok(out)
                }
            },
            On::Tx(tx) => match &mut tx.inner {
                TxInner::Sqlite(t) => {
                    let conn = t.conn();
                    // Whether the statement changed a row (a write that changed none, such as
                    // an `ON CONFLICT DO NOTHING` that met its conflict, is not logged: the
                    // group is the same with or without it, so undoing it is not needed).
                    let (rows, changes, writes, changed) = retry_busy(|| {
                        conn.with(|c| {
                            let before = c.total_changes();
                            lite_run(c, &self.sql, &self.args, want)
                                .map(|(r, n, w)| (r, n, w, c.total_changes() != before))
                        })
                    })
                    .await?;
                    if writes && changed {
                        let logged = Logged::new(self.sql, self.args, want, changes, &rows);
                        t.mine.push(logged);
                    }
                    Ok((rows, changes))
                }
                TxInner::Postgres(t, Pooled(pooled)) => {
                    t.run(&self.sql, self.args, want, !*pooled).await
                }
            },
        }
    }
}

/// Run `f` until it does not find the SQLite file busy, pausing (asynchronously) in between.
pub(super) async fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> Result<T, Error> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match f() {
            Err(e) if is_busy(&e) => {
                if started.elapsed() >= BUSY_WINDOW {
                    return Err(Error::Unavailable(format!(
                        "the SQLite file stayed locked for {BUSY_WINDOW:?}: {e}"
                    )));
                }
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            r => return r.map_err(Error::from),
        }
    }
}
