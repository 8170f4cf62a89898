//! Storage: one sqlx `Any` pool and one set of portable SQL for SQLite and PostgreSQL.
//!
//! Every query uses `$1`-style placeholders (SQLite accepts them too), integers for timestamps
//! (epoch milliseconds) and booleans, and JSON text for lists. Write transactions start with
//! `BEGIN IMMEDIATE` on SQLite, so that a transaction never has to upgrade a read lock (which
//! SQLite answers with `SQLITE_BUSY` instead of waiting); on PostgreSQL they are ordinary
//! READ COMMITTED transactions whose invariants rest on conditional updates and row locks.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor, Transaction};

/// A write transaction. On SQLite it also holds this process's writer turn (see
/// [`Store::begin_write`]); it derefs to the connection, so `&mut *tx` runs a statement in it.
pub struct Tx {
    tx: Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl std::ops::Deref for Tx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl Tx {
    /// Commit (and give the writer turn to the next transaction).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    /// Roll back (and give the writer turn to the next transaction).
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

/// Which database the pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The database.
#[derive(Debug, Clone)]
pub struct Store {
    /// The connection pool.
    pub pool: AnyPool,
    /// The backend behind it.
    pub backend: Backend,
    /// SQLite has one writer at a time: this process's write transactions take turns here, in
    /// FIFO order, instead of in SQLite's busy handler (which sleeps and retries, and under
    /// concurrency spends most of its time asleep). Other processes on the same file still meet
    /// the busy timeout. `None` on PostgreSQL.
    writer: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Store {
    /// Connect, configure and migrate.
    pub async fn connect(
        url: &str,
        pool_size: Option<u32>,
        acquire_timeout: Duration,
    ) -> anyhow::Result<Store> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if url.starts_with("sqlite:") {
            let mut url = url.to_string();
            if !url.contains("mode=") {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str("mode=rwc");
            }
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            (Backend::Postgres, url.to_string())
        } else {
            anyhow::bail!("unsupported database URL (want sqlite://… or postgres://…)");
        };
        let options = AnyConnectOptions::from_str(&url).context("parsing the database URL")?;
        let mut pool = AnyPoolOptions::new()
            .max_connections(pool_size.unwrap_or(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            }))
            .acquire_timeout(acquire_timeout);
        if backend == Backend::Sqlite {
            pool = pool.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 30000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            });
        }
        let pool = pool
            .connect_with(options)
            .await
            .context("connecting to the database")?;
        // PostgreSQL: sqlx holds an advisory lock (`pg_advisory_lock`) around the migrations, so
        // replicas starting together apply each migration once. SQLite: sqlx takes no lock, so a
        // process may try a migration another has just applied; its transaction rolls back and
        // a second pass finds the migration applied.
        let mut attempt = 0;
        loop {
            match MIGRATOR.run(&pool).await {
                Ok(()) => break,
                Err(e) if backend == Backend::Sqlite && attempt < 5 => {
                    attempt += 1;
                    tracing::debug!(error = %e, attempt, "migrations raced another process; retrying");
                    tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                }
                Err(e) => return Err(e).context("running migrations"),
            }
        }
        let writer = (backend == Backend::Sqlite).then(Default::default);
        Ok(Store {
            pool,
            backend,
            writer,
        })
    }

    /// Begin a transaction that will write.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        // The turn first, then a connection: waiting writers hold no pooled connection.
        let turn = match &self.writer {
            Some(m) => Some(m.clone().lock_owned().await),
            None => None,
        };
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Tx { tx, _turn: turn })
    }

    /// Read a setting.
    pub async fn setting(&self, name: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
    }

    /// Store a setting unless one is stored already; true when this call stored it.
    pub async fn init_setting(&self, name: &str, value: &str) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(name)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Forget idempotency keys older than `max_age`.
    pub async fn purge_idempotency(&self, max_age: Duration) -> Result<u64, sqlx::Error> {
        let cutoff = now_ms() - max_age.as_millis() as i64;
        let r = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(cutoff)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}
