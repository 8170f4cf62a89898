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
//!   survives a power loss at the cost of one fsync per group; a VFS of ours ([`walbuf`]) writes
//!   a commit's WAL frames in one system call instead of two a frame. WAL checkpoints run every
//!   [`CHECKPOINT_EVERY`] changed rows on a blocking thread: the bulk beside the writers, the
//!   last few frames holding the writer turn, so that the checkpoint completes and the WAL
//!   starts over.
//! - **PostgreSQL** runs through sqlx's Postgres driver: ordinary READ COMMITTED transactions
//!   whose invariants rest on conditional updates and row locks. Its connections are pooled
//!   here rather than by sqlx's pool, which pings every connection it takes back (a round trip
//!   per request): see [`postgres`].
//!
//! Migrations run through sqlx on both (its `_sqlx_migrations` table, its advisory lock on
//! PostgreSQL).

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use sqlx::ConnectOptions;
use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::SqliteConnectOptions;

mod postgres;
mod query;
mod sqlite;
mod walbuf;

use postgres::*;
pub use query::*;
use sqlite::*;

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
    /// PostgreSQL: a pooled connection idle this long is closed (`None`: kept).
    pub idle_timeout: Option<Duration>,
    /// PostgreSQL: a pooled connection this old (less up to a tenth, drawn per connection) is
    /// closed once its use ends or when found idle (`None`: kept).
    pub max_lifetime: Option<Duration>,
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
            idle_timeout: Some(Duration::from_secs(600)),
            max_lifetime: Some(Duration::from_secs(1800)),
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

/// A pooled PostgreSQL connection idle this long is pinged before it is lent again.
pub const PING_IDLE_AFTER: Duration = Duration::from_secs(1);

/// The current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// `items` in chunks of at most `max`, each padded with copies of its last item to a power of
/// two (or to `max`). A statement built from a chunk (`IN ($1, $2, …)`, `VALUES …`) then comes in
/// a few shapes that the statement caches keep, not in one shape per length, each parsed anew
/// and pushing the request paths' statements out of the cache. Only for statements to which a
/// repeated item adds nothing: `IN` lists, `DELETE`s, `INSERT … ON CONFLICT DO NOTHING`.
pub fn padded_chunks<T: Clone>(items: &[T], max: usize) -> impl Iterator<Item = Vec<T>> + '_ {
    items.chunks(max.max(1)).map(move |chunk| {
        let mut v = chunk.to_vec();
        let len = chunk.len().next_power_of_two().min(max);
        let last = chunk[chunk.len() - 1].clone();
        v.resize(len, last);
        v
    })
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

impl Error {
    /// The constraint a PostgreSQL unique violation (SQLSTATE 23505) names, when this is one:
    /// how a single-statement write learns which rule a concurrent writer made it break.
    pub fn unique_violation(&self) -> Option<&str> {
        match self {
            Error::Postgres(sqlx::Error::Database(d)) if d.code().as_deref() == Some("23505") => {
                d.constraint()
            }
            _ => None,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// [`is_busy`] for an error of sqlx's SQLite driver (which opens the file and migrates it): a
/// lock another connection holds, with any extended code.
fn sqlx_busy(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.code())
        .and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|c| matches!(c & 0xff, 5 | 6))
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
    Postgres(Arc<PgPool>, Pooled),
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
            let pool = PgPool::start(
                options,
                opts.pool_size.unwrap_or(16),
                opts.acquire_timeout,
                Retire {
                    idle_timeout: opts.idle_timeout,
                    max_lifetime: opts.max_lifetime,
                },
            );
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
                None => {
                    let mut conn = pool.acquire().await.context("connecting to the database")?;
                    // (Should they fail, the connection comes back mid-use: it is pinged or
                    // closed, never lent as it is.)
                    MIGRATOR
                        .run(conn.use_conn())
                        .await
                        .context("running migrations")?;
                    conn.finished();
                }
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
            Inner::Postgres(pool, _) => PoolStats {
                in_use: pool.in_use(),
                idle: pool.idle_count(),
                max: pool.size,
            },
        }
    }

    /// Begin a transaction that will write.
    pub async fn begin_write(&self) -> Result<Tx, Error> {
        let inner = match &self.inner {
            Inner::Sqlite(lite) => TxInner::Sqlite(LiteTx::begin(lite).await?),
            Inner::Postgres(pool, pooled) => TxInner::Postgres(PgTx::begin(pool).await?, *pooled),
        };
        Ok(Tx {
            inner,
            wrote_events: false,
        })
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
    /// Whether it wrote events: its commit then wakes this replica's webhook dispatcher.
    wrote_events: bool,
}

enum TxInner {
    Sqlite(LiteTx),
    Postgres(PgTx, Pooled),
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
        let wrote_events = self.wrote_events;
        match self.inner {
            TxInner::Sqlite(t) => t.finish(true).await?,
            TxInner::Postgres(t, _) => t.commit().await?,
        }
        if wrote_events {
            crate::events::COMMITTED.notify_one();
        }
        Ok(())
    }

    /// Note that this transaction wrote events (see [`crate::events::COMMITTED`]).
    pub fn wrote_events(&mut self) {
        self.wrote_events = true;
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

#[cfg(test)]
mod tests {
    use super::padded_chunks;

    #[test]
    fn padded_chunks_keep_every_item_in_order_and_come_in_few_lengths() {
        let mut lengths = std::collections::BTreeSet::new();
        for n in 1..=700usize {
            let items: Vec<usize> = (0..n).collect();
            let chunks: Vec<Vec<usize>> = padded_chunks(&items, 256).collect();
            let mut seen = Vec::new();
            for c in &chunks {
                assert!(c.len() <= 256, "a chunk of {} items", c.len());
                lengths.insert(c.len());
                // The padding repeats the chunk's last item and nothing else.
                let mut distinct = c.clone();
                distinct.dedup();
                assert!(
                    c[distinct.len()..]
                        .iter()
                        .all(|x| x == distinct.last().unwrap())
                );
                seen.extend(distinct);
            }
            assert_eq!(seen, items, "n = {n}");
        }
        // 1, 2, 4, …, 256: nine statement shapes for any batch size.
        assert_eq!(
            lengths.into_iter().collect::<Vec<_>>(),
            vec![1, 2, 4, 8, 16, 32, 64, 128, 256]
        );
        assert_eq!(padded_chunks(&[7u8; 3], 100).next(), Some(vec![7, 7, 7, 7]));
        assert_eq!(
            padded_chunks(&[1u8, 2, 3], 2).collect::<Vec<_>>(),
            vec![vec![1, 2], vec![3]]
        );
        assert_eq!(padded_chunks::<u8>(&[], 8).count(), 0);
    }
}
