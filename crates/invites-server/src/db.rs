//! Storage: one set of portable SQL for SQLite and PostgreSQL, behind one small query API.
//!
//! Every query uses `$1`-style placeholders, integers for timestamps (epoch milliseconds) and
//! booleans, and JSON text for lists. [`query`] builds a statement with its arguments; it runs on
//! the [`Store`] (autocommit) or in a write transaction ([`Tx`]) and decodes rows into
//! [`FromRow`] types.
//!
//! - **SQLite** runs through `rusqlite`, each statement directly on the calling task: a statement
//!   on an embedded database takes microseconds, which a hand-off to a worker thread per statement
//!   (sqlx's SQLite driver) multiplied several times over. Connections are pooled (at most the
//!   pool size, each waited for up to the acquire timeout). SQLite never sleeps in its busy
//!   handler here (`busy_timeout = 0`): a statement that finds the file locked by another process
//!   is retried after an async pause, for up to [`BUSY_WINDOW`]. Write transactions are members
//!   of a *group commit* (see below): in-process writers take turns on a FIFO async mutex, and one
//!   `BEGIN IMMEDIATE … COMMIT` carries every write that queued meanwhile. Each COMMIT fsyncs the
//!   WAL (`synchronous = FULL`) before any member of the group answers, so an answered write
//!   survives a power loss at the cost of one fsync per group. WAL checkpoints run every
//!   [`CHECKPOINT_EVERY`] changed rows on a blocking thread: the bulk beside the writers, the
//!   last few frames holding the writer turn, so that the checkpoint completes and the WAL
//!   starts over.
//! - **PostgreSQL** runs through sqlx's Postgres driver: ordinary READ COMMITTED transactions
//!   whose invariants rest on conditional updates and row locks.
//!
//! Migrations run through sqlx on both (its `_sqlx_migrations` table, its advisory lock on
//! PostgreSQL).

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, PgPool};

/// How [`Store::connect`] reaches the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// `sqlite://PATH` or `postgres://…`.
    pub url: String,
    /// Connections in the pool (default: 8 on SQLite, 16 on PostgreSQL).
    pub pool_size: Option<u32>,
    /// How long a request waits for a pooled connection before a 503.
    pub acquire_timeout: Duration,
    /// PostgreSQL: prepared statements cached per connection (0: none, for PgBouncer).
    pub pg_statement_cache_capacity: usize,
    /// PostgreSQL: a direct URL for the migrations (default: `url`).
    pub migrate_url: Option<String>,
}

impl StoreOptions {
    /// The defaults for `url`.
    pub fn new(url: impl Into<String>) -> Self {
        StoreOptions {
            url: url.into(),
            pool_size: None,
            acquire_timeout: Duration::from_secs(10),
            pg_statement_cache_capacity: 100,
            migrate_url: None,
        }
    }
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// A snapshot of the database pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections lent to requests.
    pub in_use: usize,
    /// Open connections waiting in the pool.
    pub idle: usize,
    /// The pool's size limit.
    pub max: usize,
}

/// How long a statement keeps retrying while another process holds the SQLite file's lock.
pub const BUSY_WINDOW: Duration = Duration::from_secs(30);

/// The current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

// ---------------------------------------------------------------------------------------------
// Errors

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database cannot serve now; a retry soon may succeed (no free connection within the
    /// acquire timeout, the file locked by another process past [`BUSY_WINDOW`], the connection
    /// lost).
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// SQLite refused a statement.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL (or sqlx) refused a statement.
    #[error("PostgreSQL: {0}")]
    Postgres(sqlx::Error),
    /// A SQLite group commit failed: none of this transaction's changes were kept.
    #[error("the transaction did not commit: {0}")]
    Commit(String),
    /// A column did not hold what the row type expects.
    #[error("decoding a row: {0}")]
    Decode(String),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        let unavailable = match &e {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
            // connection exceptions, operator intervention, too many connections
            sqlx::Error::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("08") || c.starts_with("57P") || c == "53300"),
            _ => false,
        };
        if unavailable {
            if !matches!(e, sqlx::Error::PoolTimedOut) {
                tracing::warn!(error = %e, "database unavailable");
            }
            Error::Unavailable(e.to_string())
        } else {
            Error::Postgres(e)
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

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
pub struct Row(std::vec::IntoIter<Value>);

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
    sql: String,
    args: Vec<Arg>,
}

/// Start a statement.
pub fn query(sql: impl Into<String>) -> Query {
    Query {
        sql: sql.into(),
        args: Vec::new(),
    }
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
enum Want {
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

    async fn run(self, on: On<'_>, want: Want) -> Result<(Vec<Row>, u64), Error> {
        match on {
            On::Store(store) => match &store.inner {
                Inner::Sqlite(lite) => {
                    let conn = lite.acquire().await?;
                    retry_busy(|| conn.with(|c| lite_run(c, &self.sql, &self.args, want))).await
                }
                Inner::Postgres(pool, Pooled(false)) => {
                    pg_run(&self.sql, self.args, want, true, pool).await
                }
                Inner::Postgres(pool, Pooled(true)) => {
                    let mut tx = pool.begin().await?;
                    let out = pg_run(&self.sql, self.args, want, false, &mut *tx).await?;
                    tx.commit().await?;
                    Ok(out)
                }
            },
            On::Tx(tx) => match &mut tx.inner {
                TxInner::Sqlite(t) => {
                    let conn = t.conn.as_ref().expect("open until finished");
                    retry_busy(|| conn.with(|c| lite_run(c, &self.sql, &self.args, want))).await
                }
                TxInner::Postgres(t, Pooled(pooled)) => {
                    pg_run(&self.sql, self.args, want, !*pooled, &mut **t).await
                }
            },
        }
    }
}

/// Run `f` until it does not find the SQLite file busy, pausing (asynchronously) in between.
async fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> Result<T, Error> {
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

/// One statement on a SQLite connection, binding `$N` to `args[N - 1]`.
fn lite_run(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Arg],
    want: Want,
) -> rusqlite::Result<(Vec<Row>, u64)> {
    let mut stmt = conn.prepare_cached(sql)?;
    for i in 1..=stmt.parameter_count() {
        let n = match stmt.parameter_name(i) {
            Some(name) => name[1..].parse::<usize>().map_err(|_| {
                rusqlite::Error::InvalidParameterName(format!("{name} (want $1, $2, …)"))
            })?,
            None => i,
        };
        match args.get(n.wrapping_sub(1)) {
            Some(Arg::Int(Some(v))) => stmt.raw_bind_parameter(i, v)?,
            Some(Arg::Text(Some(v))) => stmt.raw_bind_parameter(i, v.as_str())?,
            Some(Arg::Int(None) | Arg::Text(None)) => {
                stmt.raw_bind_parameter(i, rusqlite::types::Null)?
            }
            None => return Err(rusqlite::Error::InvalidParameterCount(n, args.len())),
        }
    }
    let ncols = stmt.column_count();
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        if matches!(want, Want::None) {
            continue;
        }
        let mut values = Vec::with_capacity(ncols);
        for c in 0..ncols {
            use rusqlite::types::ValueRef;
            values.push(match r.get_ref(c)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Int(i),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    Value::Text(String::from_utf8_lossy(t).into_owned())
                }
            });
        }
        out.push(Row(values.into_iter()));
        if matches!(want, Want::One) {
            break;
        }
    }
    drop(rows);
    Ok((out, conn.changes()))
}

/// One statement on PostgreSQL; `persistent`: as a named, cached prepared statement.
async fn pg_run<'e, E>(
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

fn pg_row(row: &sqlx::postgres::PgRow) -> Result<Row, Error> {
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

// ---------------------------------------------------------------------------------------------
// The store

/// Which database the store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The database: a connection pool (cheap to clone).
#[derive(Debug, Clone)]
pub struct Store {
    inner: Inner,
    /// The backend behind it.
    pub backend: Backend,
}

#[derive(Debug, Clone)]
enum Inner {
    Sqlite(Arc<Lite>),
    /// The pool, and whether it runs behind a transaction pooler (see [`Pooled`]).
    Postgres(PgPool, Pooled),
}

/// On PostgreSQL: whether the server connections behind the pool change between transactions
/// (PgBouncer in transaction mode, chosen by `--pg-statement-cache-capacity 0`). Then every
/// statement uses the unnamed prepared statement (never a named one, which would stay behind
/// on a server connection another client gets next), and a statement outside a transaction
/// runs in one of its own: sqlx parses and executes it in two exchanges, which a transaction
/// keeps on one server connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pooled(pub bool);

impl Store {
    /// Connect, configure and migrate.
    pub async fn connect(opts: &StoreOptions) -> anyhow::Result<Store> {
        let url = opts.url.as_str();
        if url.starts_with("sqlite:") {
            anyhow::ensure!(
                opts.migrate_url.is_none(),
                "--migrate-database-url is for PostgreSQL; SQLite migrates its own file"
            );
            let lite = Lite::open(url, opts.pool_size.unwrap_or(8), opts.acquire_timeout).await?;
            Ok(Store {
                inner: Inner::Sqlite(lite),
                backend: Backend::Sqlite,
            })
        } else if is_postgres(url) {
            let options = PgConnectOptions::from_str(url)
                .context("parsing the database URL")?
                .statement_cache_capacity(opts.pg_statement_cache_capacity);
            let pool = PgPoolOptions::new()
                .max_connections(opts.pool_size.unwrap_or(16))
                .acquire_timeout(opts.acquire_timeout)
                .connect_with(options)
                .await
                .context("connecting to the database")?;
            // sqlx holds a session advisory lock (`pg_advisory_lock`) around the migrations, so
            // replicas starting together apply each migration once. Through a transaction
            // pooler the lock and its unlock may land on different server connections: hence a
            // direct URL for them.
            match &opts.migrate_url {
                Some(direct) => {
                    anyhow::ensure!(
                        is_postgres(direct),
                        "--migrate-database-url must be a postgres:// URL"
                    );
                    let mut conn = PgConnectOptions::from_str(direct)
                        .context("parsing the migration database URL")?
                        .connect()
                        .await
                        .context("connecting to the migration database URL")?;
                    MIGRATOR
                        .run(&mut conn)
                        .await
                        .context("running migrations")?;
                    sqlx::Connection::close(conn).await.ok();
                }
                None => MIGRATOR.run(&pool).await.context("running migrations")?,
            }
            Ok(Store {
                inner: Inner::Postgres(pool, Pooled(opts.pg_statement_cache_capacity == 0)),
                backend: Backend::Postgres,
            })
        } else {
            anyhow::bail!("unsupported database URL (want sqlite://… or postgres://…)");
        }
    }

    /// The pool's connections now.
    pub fn pool_stats(&self) -> PoolStats {
        match &self.inner {
            Inner::Sqlite(lite) => {
                let max = lite.size;
                let in_use = max.saturating_sub(lite.permits.available_permits());
                let idle = lite.idle.lock().map(|v| v.len()).unwrap_or(0);
                PoolStats { in_use, idle, max }
            }
            Inner::Postgres(pool, _) => {
                let idle = pool.num_idle();
                PoolStats {
                    in_use: (pool.size() as usize).saturating_sub(idle),
                    idle,
                    max: pool.options().get_max_connections() as usize,
                }
            }
        }
    }

    /// Begin a transaction that will write.
    pub async fn begin_write(&self) -> Result<Tx, Error> {
        let inner = match &self.inner {
            Inner::Sqlite(lite) => TxInner::Sqlite(LiteTx::begin(lite).await?),
            Inner::Postgres(pool, pooled) => TxInner::Postgres(pool.begin().await?, *pooled),
        };
        Ok(Tx { inner })
    }

    /// Whether the database answers a trivial statement.
    pub async fn ping(&self) -> Result<(), Error> {
        query("SELECT 1").execute(self).await.map(drop)
    }

    /// Close the pool: waiting and new requests for a connection fail.
    pub async fn close(&self) {
        match &self.inner {
            Inner::Sqlite(lite) => lite.close(),
            Inner::Postgres(pool, _) => pool.close().await,
        }
    }

    /// Read a setting.
    pub async fn setting(&self, name: &str) -> Result<Option<String>, Error> {
        Ok(query("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional::<(String,)>(self)
            .await?
            .map(|(v,)| v))
    }

    /// Store a setting unless one is stored already; true when this call stored it.
    pub async fn init_setting(&self, name: &str, value: &str) -> Result<bool, Error> {
        let n = query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(name)
            .bind(value)
            .execute(self)
            .await?;
        Ok(n == 1)
    }

    /// Forget idempotency keys older than `max_age`.
    pub async fn purge_idempotency(&self, max_age: Duration) -> Result<u64, Error> {
        let cutoff = now_ms() - max_age.as_millis() as i64;
        query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(cutoff)
            .execute(self)
            .await
    }
}

// ---------------------------------------------------------------------------------------------
// Write transactions

/// A write transaction: commit it, or it rolls back when dropped.
pub struct Tx {
    inner: TxInner,
}

enum TxInner {
    Sqlite(LiteTx),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>, Pooled),
}

impl Tx {
    /// The backend it runs on.
    pub fn backend(&self) -> Backend {
        match self.inner {
            TxInner::Sqlite(_) => Backend::Sqlite,
            TxInner::Postgres(..) => Backend::Postgres,
        }
    }

    /// Commit; returns once the changes are durable (on SQLite: once the group it joined has
    /// committed).
    pub async fn commit(self) -> Result<(), Error> {
        match self.inner {
            TxInner::Sqlite(t) => t.finish(true).await,
            TxInner::Postgres(t, _) => Ok(t.commit().await?),
        }
    }

    /// Roll back. On SQLite this also waits for the group it joined to commit: what this
    /// transaction read (other members' writes included) is then durable before the caller
    /// answers on the strength of it.
    pub async fn rollback(self) -> Result<(), Error> {
        match self.inner {
            TxInner::Sqlite(t) => t.finish(false).await,
            TxInner::Postgres(t, _) => Ok(t.rollback().await?),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SQLite group commit
//
// SQLite has one writer at a time, and a commit costs far more than the few statements before
// it (a WAL append of every page the transaction touched). So in-process writers share
// transactions: a write takes the writer turn (a FIFO async mutex), runs inside a SAVEPOINT of
// the group's open `BEGIN IMMEDIATE` transaction (starting one if none is open), releases the
// savepoint (or rolls back to it) and hands the turn on, then waits. A committer task takes the
// turn after the writers queued before it, commits the whole group once and tells every member
// the outcome; nobody hears "done" before its changes are committed, and a failed group commit
// fails every member of it (none of their changes are kept). Savepoints keep members apart: one
// member's error rolls back only its own statements.

/// The state the writer turn guards.
#[derive(Default)]
struct WriterState {
    /// The open group transaction, between members.
    group: Option<Group>,
    /// Rows changed by the groups committed since the last checkpoint.
    since_checkpoint: u64,
}

impl std::fmt::Debug for WriterState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterState")
            .field(
                "group_members",
                &self.group.as_ref().map(|g| g.waiters.len()),
            )
            .field("since_checkpoint", &self.since_checkpoint)
            .finish()
    }
}

/// An open group transaction: its connection, the members waiting for its commit, and the
/// connection's change counter when the group began.
struct Group {
    conn: LiteConn,
    waiters: Vec<tokio::sync::oneshot::Sender<Result<(), String>>>,
    changes_before: u64,
}

/// How many times the committer lets other tasks run before it takes the turn.
const COMMIT_YIELDS: usize = 3;

/// No checkpoint under way.
const CKPT_IDLE: u8 = 0;
/// The bulk step of a checkpoint is running.
const CKPT_BULK: u8 = 1;
/// The bulk step is done; the final step runs after the next group commit.
const CKPT_BULK_DONE: u8 = 2;

/// Rows changed between checkpoints. A checkpoint copies the WAL's pages into the database file
/// and fsyncs both; its last step holds the writer turn so that it completes and the WAL starts
/// over (rather than growing for as long as writes keep coming). A few thousand rows keep the WAL
/// at a few to 20 megabytes and the pauses short (the held step took 4-7 ms under load here).
pub const CHECKPOINT_EVERY: u64 = 5000;

/// One member of a group transaction: while open it holds the writer turn.
struct LiteTx {
    lite: Arc<Lite>,
    turn: Option<tokio::sync::OwnedMutexGuard<WriterState>>,
    conn: Option<LiteConn>,
    waiters: Vec<tokio::sync::oneshot::Sender<Result<(), String>>>,
    changes_before: u64,
}

impl LiteTx {
    async fn begin(lite: &Arc<Lite>) -> Result<LiteTx, Error> {
        let mut turn = lite.writer.clone().lock_owned().await;
        let Group {
            conn,
            waiters,
            changes_before,
        } = match turn.group.take() {
            // SQLite rolls a transaction back by itself on some errors (I/O, full disk): then
            // the group's earlier members have lost their changes, and hear so.
            Some(g) if g.conn.with(|c| c.is_autocommit()) => {
                fail_group(g, "SQLite rolled the transaction back");
                lite.start_group().await?
            }
            Some(g) => g,
            None => lite.start_group().await?,
        };
        if let Err(e) = conn.with(|c| exec_cached(c, "SAVEPOINT member")) {
            turn.group = Some(Group {
                conn,
                waiters,
                changes_before,
            });
            lite.wake.notify_one();
            return Err(e.into());
        }
        Ok(LiteTx {
            lite: lite.clone(),
            turn: Some(turn),
            conn: Some(conn),
            waiters,
            changes_before,
        })
    }

    /// End this member (keeping or undoing its changes), hand the group and the turn on, and
    /// wake the committer. The receiver hears the group's outcome.
    fn leave(
        &mut self,
        keep: bool,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<(), String>>, Error> {
        let (Some(conn), Some(mut turn)) = (self.conn.take(), self.turn.take()) else {
            return Err(Error::Commit("the transaction was already finished".into()));
        };
        let undo = |conn: &LiteConn| {
            conn.with(|c| c.execute_batch("ROLLBACK TO member; RELEASE member"))
                .inspect_err(|_| {
                    // This member's changes could not be taken out of the group: end the whole
                    // group (every member hears that it failed) rather than commit them.
                    let _ = conn.with(|c| c.execute_batch("ROLLBACK"));
                })
        };
        let ended = if keep {
            conn.with(|c| exec_cached(c, "RELEASE member"))
                .inspect_err(|_| {
                    let _ = undo(&conn);
                })
        } else {
            undo(&conn)
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        let mut waiters = std::mem::take(&mut self.waiters);
        waiters.push(tx);
        turn.group = Some(Group {
            conn,
            waiters,
            changes_before: self.changes_before,
        });
        drop(turn);
        self.lite.wake.notify_one();
        ended?;
        Ok(rx)
    }

    async fn finish(mut self, keep: bool) -> Result<(), Error> {
        let rx = self.leave(keep)?;
        match rx.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Error::Commit(e)),
            Err(_) => Err(Error::Commit("the committer stopped".into())),
        }
    }
}

impl Drop for LiteTx {
    fn drop(&mut self) {
        // Abandoned (an error answer, a cancelled request): undo this member only.
        if self.conn.is_some()
            && let Err(e) = self.leave(false)
        {
            tracing::warn!(error = %e, "rolling back an abandoned write failed");
        }
    }
}

/// Run one statement through the connection's statement cache (no parse per call).
fn exec_cached(conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.raw_execute().map(drop)
}

/// Tell every member of a group that it failed; roll back what is left of it.
fn fail_group(g: Group, why: &str) {
    if !g.conn.with(|c| c.is_autocommit()) {
        let _ = g.conn.with(|c| c.execute_batch("ROLLBACK"));
    }
    for w in g.waiters {
        let _ = w.send(Err(why.to_string()));
    }
}

/// Commit open groups as they come; checkpoint the WAL every [`CHECKPOINT_EVERY`] changed rows.
async fn committer(lite: Arc<Lite>) {
    loop {
        lite.wake.notified().await;
        // Let the requests that are runnable now reach their writes first: they join this
        // group instead of each paying a commit of their own.
        for _ in 0..COMMIT_YIELDS {
            tokio::task::yield_now().await;
        }
        let mut turn = lite.writer.clone().lock_owned().await;
        if let Some(g) = turn.group.take() {
            if g.conn.with(|c| c.is_autocommit()) {
                fail_group(g, "SQLite rolled the transaction back");
            } else {
                match retry_busy(|| g.conn.with(|c| exec_cached(c, "COMMIT"))).await {
                    Ok(()) => {
                        let changes = g
                            .conn
                            .with(|c| c.total_changes())
                            .saturating_sub(g.changes_before);
                        tracing::trace!(members = g.waiters.len(), changes, "group committed");
                        turn.since_checkpoint += changes;
                        for w in g.waiters {
                            let _ = w.send(Ok(()));
                        }
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "a group commit failed");
                        fail_group(g, &format!("the commit failed: {e}"));
                    }
                }
            }
            // Checkpoints in two steps: the bulk of the copying (and its fsyncs) on a blocking
            // thread beside the writers, then, holding the turn so that nothing commits
            // meanwhile, the frames committed during the bulk: that step completes, and the next
            // transaction starts the WAL over instead of appending to it.
            match lite.checkpoint_state.load(Ordering::Acquire) {
                CKPT_IDLE if turn.since_checkpoint >= CHECKPOINT_EVERY => {
                    turn.since_checkpoint = 0;
                    lite.checkpoint_state.store(CKPT_BULK, Ordering::Release);
                    let lite = lite.clone();
                    tokio::task::spawn_blocking(move || {
                        lite.run_checkpoint("PASSIVE");
                        lite.checkpoint_state
                            .store(CKPT_BULK_DONE, Ordering::Release);
                    });
                }
                CKPT_BULK_DONE => {
                    let l = lite.clone();
                    let _ = tokio::task::spawn_blocking(move || l.run_checkpoint("RESTART")).await;
                    lite.checkpoint_state.store(CKPT_IDLE, Ordering::Release);
                }
                _ => {}
            }
        }
        drop(turn);
        if lite.closed.load(Ordering::Relaxed) {
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The SQLite pool

/// SQLite connections to one file, opened lazily up to the pool size.
#[derive(Debug)]
struct Lite {
    path: std::path::PathBuf,
    idle: Mutex<Vec<rusqlite::Connection>>,
    permits: Arc<tokio::sync::Semaphore>,
    /// The pool size (permits in all).
    size: usize,
    acquire_timeout: Duration,
    /// This process's writer turn, and the open group transaction.
    writer: Arc<tokio::sync::Mutex<WriterState>>,
    /// Wakes the committer.
    wake: tokio::sync::Notify,
    /// The connection that checkpoints (busy timeout: a moment for readers to move on).
    checkpoint: Mutex<rusqlite::Connection>,
    /// Where the current checkpoint is: [`CKPT_IDLE`], [`CKPT_BULK`] or [`CKPT_BULK_DONE`].
    checkpoint_state: std::sync::atomic::AtomicU8,
    closed: AtomicBool,
}

/// A pooled SQLite connection; back to the pool when dropped. (In a mutex only because
/// `rusqlite::Connection` is not `Sync`; it is never contended.)
struct LiteConn {
    conn: Option<Mutex<rusqlite::Connection>>,
    lite: Arc<Lite>,
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl LiteConn {
    /// Use the connection.
    fn with<T>(&self, f: impl FnOnce(&rusqlite::Connection) -> T) -> T {
        let conn = self.conn.as_ref().expect("present until dropped");
        f(&conn.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl Drop for LiteConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let conn = conn.into_inner().unwrap_or_else(|p| p.into_inner());
            // Never hand on a connection inside a transaction.
            if conn.is_autocommit() && !self.lite.closed.load(Ordering::Relaxed) {
                if let Ok(mut idle) = self.lite.idle.lock() {
                    idle.push(conn);
                }
            } else {
                tracing::warn!("discarding a SQLite connection left inside a transaction");
            }
        }
    }
}

impl Lite {
    async fn open(url: &str, size: u32, acquire_timeout: Duration) -> anyhow::Result<Arc<Lite>> {
        let options = SqliteConnectOptions::from_str(url)
            .context("parsing the database URL")?
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .busy_timeout(BUSY_WINDOW);
        let path = options.get_filename().to_path_buf();
        if path.as_os_str().is_empty() || path.to_string_lossy().contains(":memory:") {
            anyhow::bail!("an in-memory SQLite database is not supported; give a file path");
        }
        // Migrations (and WAL mode, which the file keeps) through sqlx. sqlx takes no lock on
        // SQLite, so a process may try a migration another has just applied; its transaction
        // rolls back and a second pass finds the migration applied.
        let mut conn = options
            .connect()
            .await
            .context("opening the SQLite database")?;
        let mut attempt = 0;
        loop {
            match MIGRATOR.run(&mut conn).await {
                Ok(()) => break,
                Err(e) if attempt < 5 => {
                    attempt += 1;
                    tracing::debug!(error = %e, attempt, "migrations raced another process; retrying");
                    tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                }
                Err(e) => return Err(e).context("running migrations"),
            }
        }
        sqlx::Connection::close(conn).await.ok();
        let checkpoint = Self::open_connection(&path).context("opening the SQLite database")?;
        checkpoint.busy_timeout(Duration::from_millis(100))?;
        let lite = Arc::new(Lite {
            path,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(tokio::sync::Semaphore::new(size.max(1) as usize)),
            size: size.max(1) as usize,
            acquire_timeout,
            writer: Default::default(),
            wake: tokio::sync::Notify::new(),
            checkpoint: Mutex::new(checkpoint),
            checkpoint_state: Default::default(),
            closed: AtomicBool::new(false),
        });
        // Fail now, not on the first request, when the file cannot be opened.
        let first = Self::open_connection(&lite.path)?;
        lite.idle.lock().expect("fresh").push(first);
        tokio::spawn(committer(lite.clone()));
        Ok(lite)
    }

    fn open_connection(path: &std::path::Path) -> rusqlite::Result<rusqlite::Connection> {
        let conn = rusqlite::Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA busy_timeout = 0; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
             PRAGMA wal_autocheckpoint = 0; \
             PRAGMA temp_store = MEMORY;",
        )?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    async fn acquire(self: &Arc<Self>) -> Result<LiteConn, Error> {
        let permit =
            tokio::time::timeout(self.acquire_timeout, self.permits.clone().acquire_owned())
                .await
                .map_err(|_| {
                    Error::Unavailable(format!(
                        "no database connection was free within {:?}",
                        self.acquire_timeout
                    ))
                })?
                .map_err(|_| Error::Unavailable("the pool is closed".into()))?;
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let conn = match idle {
            Some(c) => c,
            None => Self::open_connection(&self.path)?,
        };
        Ok(LiteConn {
            conn: Some(Mutex::new(conn)),
            lite: self.clone(),
            _permit: permit,
        })
    }

    /// `PRAGMA wal_checkpoint(mode)` on the checkpoint connection (blocking).
    fn run_checkpoint(&self, mode: &str) {
        let conn = self.checkpoint.lock().unwrap_or_else(|p| p.into_inner());
        let started = Instant::now();
        let r = conn.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        });
        match r {
            Ok((busy, log, done)) => tracing::debug!(
                mode,
                busy,
                wal_frames = log,
                checkpointed = done,
                ms = started.elapsed().as_secs_f64() * 1e3,
                "WAL checkpoint"
            ),
            Err(e) => tracing::warn!(mode, error = %e, "WAL checkpoint failed"),
        }
    }

    /// A connection in a new group transaction (`BEGIN IMMEDIATE`).
    async fn start_group(self: &Arc<Self>) -> Result<Group, Error> {
        let conn = self.acquire().await?;
        retry_busy(|| conn.with(|c| exec_cached(c, "BEGIN IMMEDIATE"))).await?;
        let changes_before = conn.with(|c| c.total_changes());
        Ok(Group {
            conn,
            waiters: Vec::new(),
            changes_before,
        })
    }

    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        self.wake.notify_one();
        self.permits.close();
        if let Ok(mut idle) = self.idle.lock() {
            idle.clear();
        }
    }
}
