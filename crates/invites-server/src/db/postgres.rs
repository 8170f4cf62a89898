//! PostgreSQL: one statement through sqlx, rows decoded into portable values.

use tokio::sync::OwnedSemaphorePermit;

use super::*;

/// What a statement answered, its rows not yet decoded, and the rows it changed.
pub(super) struct Answer(Vec<sqlx::postgres::PgRow>, u64);

impl Answer {
    /// The rows as portable values.
    fn decode(self) -> Result<(Vec<Row>, u64), Error> {
        let rows = self.0.iter().map(pg_row).collect::<Result<_, _>>()?;
        Ok((rows, self.1))
    }
}

/// One statement on PostgreSQL; `persistent`: as a named, cached prepared statement.
pub(super) async fn pg_run<'e, E>(
    sql: &str,
    args: Vec<Arg>,
    want: Want,
    persistent: bool,
    exec: E,
) -> Result<Answer, sqlx::Error>
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
    Ok(match want {
        Want::None => Answer(vec![], q.execute(exec).await?.rows_affected()),
        Want::One => Answer(q.fetch_optional(exec).await?.into_iter().collect(), 0),
        Want::All => Answer(q.fetch_all(exec).await?, 0),
    })
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

// ---------------------------------------------------------------------------------------------
// The PostgreSQL pool
//
// sqlx's pool pings every connection it takes back (a Sync and its ReadyForQuery: one more round
// trip per request, paid by both processes on every request). This pool lends a connection
// straight back instead: only one whose last use was cut off (its request dropped mid-statement)
// or that holds an unsent rollback is pinged first, on a task of its own; one that failed at the
// connection level is closed; one idle for [`PING_IDLE_AFTER`] is pinged before it is lent.
// Connections are retired (closed with a Terminate message) once idle for the idle timeout or
// past their lifetime ([`Retire`]), so the database's backends and memory follow the load, and
// a replica's connections move over to a new server (after a failover or a DNS change) within
// one lifetime.

/// When the pool closes connections that still work.
#[derive(Debug, Clone, Copy)]
pub(super) struct Retire {
    /// A connection idle this long is closed (`None`: kept).
    pub(super) idle_timeout: Option<Duration>,
    /// A connection this old is closed when it comes back or is found idle (`None`: kept);
    /// each connection's own lifetime is up to a tenth shorter, drawn when it opens, so that
    /// connections opened together are not all replaced at once.
    pub(super) max_lifetime: Option<Duration>,
}

impl Retire {
    /// When a connection opened now is past its lifetime.
    fn retire_at(&self) -> Option<Instant> {
        let life = self.max_lifetime?;
        Some(Instant::now() + life.mul_f64(1.0 - rand::random::<f64>() / 10.0))
    }

    /// Whether a connection past `retire_at`, idle since `since` (if idle), is due.
    fn due(&self, retire_at: Option<Instant>, since: Option<Instant>) -> bool {
        retire_at.is_some_and(|at| Instant::now() >= at)
            || self
                .idle_timeout
                .zip(since)
                .is_some_and(|(t, since)| since.elapsed() >= t)
    }

    /// How often idle connections are looked over: half the shorter limit, within 100 ms..30 s.
    fn sweep_every(&self) -> Option<Duration> {
        let shortest = [self.idle_timeout, self.max_lifetime]
            .into_iter()
            .flatten()
            .min()?;
        Some((shortest / 2).clamp(Duration::from_millis(100), Duration::from_secs(30)))
    }
}

/// An open connection waiting in the pool.
struct Idle {
    conn: sqlx::PgConnection,
    /// When it is past its lifetime.
    retire_at: Option<Instant>,
    /// When it came back.
    since: Instant,
}

/// PostgreSQL connections to one server, opened lazily up to the pool size.
pub(super) struct PgPool {
    options: PgConnectOptions,
    /// Open connections not lent, the most recently returned last (lent first: a warm one).
    idle: Mutex<Vec<Idle>>,
    permits: Arc<tokio::sync::Semaphore>,
    pub(super) size: usize,
    acquire_timeout: Duration,
    retire: Retire,
    /// Connections being closed on tasks of their own, and the signal that one finished.
    closing: std::sync::atomic::AtomicUsize,
    closed_one: tokio::sync::Notify,
}

impl std::fmt::Debug for PgPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgPool")
            .field("size", &self.size)
            .field("idle", &self.idle_count())
            .finish()
    }
}

/// How long the ping of a connection whose use was cut off may take before it is closed.
const RECHECK_TIMEOUT: Duration = Duration::from_secs(5);

impl PgPool {
    /// A pool of up to `size` connections; with a limit in `retire`, a task that closes the
    /// idle connections due (it ends with the pool).
    pub(super) fn start(
        options: PgConnectOptions,
        size: u32,
        acquire_timeout: Duration,
        retire: Retire,
    ) -> Arc<Self> {
        let size = size.max(1) as usize;
        let pool = Arc::new(PgPool {
            options,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(tokio::sync::Semaphore::new(size)),
            size,
            acquire_timeout,
            retire,
            closing: Default::default(),
            closed_one: tokio::sync::Notify::new(),
        });
        if let (Some(every), Ok(rt)) = (retire.sweep_every(), tokio::runtime::Handle::try_current())
        {
            let weak = Arc::downgrade(&pool);
            rt.spawn(async move {
                let mut tick = tokio::time::interval(every);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    tick.tick().await;
                    match weak.upgrade() {
                        Some(pool) if !pool.permits.is_closed() => pool.sweep(),
                        _ => return,
                    }
                }
            });
        }
        pool
    }

    /// Close the idle connections that are due, each holding a place in the pool until it is
    /// closed (so the database never sees more than the pool's size); one for which no place
    /// is free now waits for the next sweep.
    fn sweep(self: &Arc<Self>) {
        let Ok(mut idle) = self.idle.lock() else {
            return;
        };
        let mut kept = Vec::with_capacity(idle.len());
        for i in std::mem::take(&mut *idle) {
            if self.retire.due(i.retire_at, Some(i.since))
                && let Ok(permit) = self.permits.clone().try_acquire_owned()
            {
                self.retire(i.conn, permit);
            } else {
                kept.push(i);
            }
        }
        *idle = kept;
    }

    /// Close a connection that still works, politely (a Terminate message, so the server logs
    /// no lost client), on a task of its own that holds `permit` until then; [`PgPool::close`]
    /// waits for these. Dropped outright outside a runtime.
    fn retire(self: &Arc<Self>, conn: sqlx::PgConnection, permit: OwnedSemaphorePermit) {
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            return;
        };
        self.closing.fetch_add(1, Ordering::AcqRel);
        let pool = self.clone();
        rt.spawn(async move {
            let _ = tokio::time::timeout(RECHECK_TIMEOUT, sqlx::Connection::close(conn)).await;
            drop(permit);
            pool.closing.fetch_sub(1, Ordering::AcqRel);
            pool.closed_one.notify_waiters();
        });
    }

    /// Open connections waiting in the pool.
    pub(super) fn idle_count(&self) -> usize {
        self.idle.lock().map(|v| v.len()).unwrap_or(0)
    }

    /// Connections lent now.
    pub(super) fn in_use(&self) -> usize {
        self.size.saturating_sub(self.permits.available_permits())
    }

    /// A connection, within the acquire timeout (`PoolTimedOut` past it, `PoolClosed` once
    /// closed).
    pub(super) async fn acquire(self: &Arc<Self>) -> Result<PgConn, sqlx::Error> {
        let deadline = tokio::time::Instant::now() + self.acquire_timeout;
        let permit =
            match tokio::time::timeout_at(deadline, self.permits.clone().acquire_owned()).await {
                Ok(Ok(p)) => p,
                Ok(Err(_)) => return Err(sqlx::Error::PoolClosed),
                Err(_) => return Err(sqlx::Error::PoolTimedOut),
            };
        loop {
            let Some(Idle {
                mut conn,
                retire_at,
                since,
            }) = self.idle.lock().ok().and_then(|mut v| v.pop())
            else {
                break;
            };
            if self.retire.due(retire_at, Some(since)) {
                // Closed before another one is opened in its place (a Terminate is one write).
                let _ = tokio::time::timeout_at(deadline, sqlx::Connection::close(conn)).await;
                continue;
            }
            // A connection idle this long may have been dropped by the server, a proxy or a
            // firewall: a broken one (or one that does not answer by the deadline) is closed
            // here and another one lent.
            if since.elapsed() >= PING_IDLE_AFTER
                && !matches!(
                    tokio::time::timeout_at(deadline, sqlx::Connection::ping(&mut conn)).await,
                    Ok(Ok(()))
                )
            {
                continue;
            }
            return Ok(self.lend(conn, retire_at, permit));
        }
        let conn = tokio::time::timeout_at(deadline, self.options.connect())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)??;
        Ok(self.lend(conn, self.retire.retire_at(), permit))
    }

    fn lend(
        self: &Arc<Self>,
        conn: sqlx::PgConnection,
        retire_at: Option<Instant>,
        permit: OwnedSemaphorePermit,
    ) -> PgConn {
        PgConn {
            conn: Some(conn),
            retire_at,
            pool: self.clone(),
            permit: Some(permit),
            state: ConnState::Clean,
        }
    }

    /// Close: waiting and new requests for a connection fail, idle connections are closed.
    pub(super) async fn close(&self) {
        let idle = {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            self.permits.close();
            std::mem::take(&mut *idle)
        };
        for i in idle {
            sqlx::Connection::close(i.conn).await.ok();
        }
        // And the connections being closed on tasks of their own.
        let _ = tokio::time::timeout(RECHECK_TIMEOUT, async {
            loop {
                let finished = self.closed_one.notified();
                if self.closing.load(Ordering::Acquire) == 0 {
                    return;
                }
                finished.await;
            }
        })
        .await;
    }

    /// Take back a connection that works, with the place in the pool it held: idle again, or
    /// retired (past its lifetime, or the pool closed).
    fn give_back(
        self: &Arc<Self>,
        conn: sqlx::PgConnection,
        retire_at: Option<Instant>,
        permit: OwnedSemaphorePermit,
    ) {
        if self.retire.due(retire_at, None) {
            return self.retire(conn, permit);
        }
        // Checked under the lock that `close` closes the permits under: a connection given
        // back is either closed by `close` or retired here, never left behind.
        let Ok(mut idle) = self.idle.lock() else {
            return;
        };
        if self.permits.is_closed() {
            drop(idle);
            return self.retire(conn, permit);
        }
        idle.push(Idle {
            conn,
            retire_at,
            since: Instant::now(),
        });
        drop(idle);
        drop(permit);
    }
}

/// Where a lent connection stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ConnState {
    /// Between uses: nothing under way.
    Clean,
    /// A use has begun and not ended (if the connection comes back so, the use was cut off).
    InUse,
    /// A `BEGIN` was sent and its answer not read: cut off so, the connection may be inside a
    /// transaction that sqlx does not know of (its depth counts up only on the answer), so it is
    /// closed rather than pinged.
    Beginning,
    /// A use failed at the connection level (lost, terminated, out of step): never lent again.
    Broken,
}

/// A lent PostgreSQL connection; back to the pool when dropped.
pub(super) struct PgConn {
    conn: Option<sqlx::PgConnection>,
    /// When the connection is past its lifetime.
    retire_at: Option<Instant>,
    pool: Arc<PgPool>,
    permit: Option<OwnedSemaphorePermit>,
    state: ConnState,
}

impl PgConn {
    /// The connection, for one use that [`PgConn::settle`] ends.
    pub(super) fn use_conn(&mut self) -> &mut sqlx::PgConnection {
        self.state = ConnState::InUse;
        self.conn.as_mut().expect("present until dropped")
    }

    /// The connection, for a `BEGIN` that [`PgConn::settle`] ends (see [`ConnState::Beginning`]).
    fn use_for_begin(&mut self) -> &mut sqlx::PgConnection {
        self.state = ConnState::Beginning;
        self.conn.as_mut().expect("present until dropped")
    }

    /// End a use with its outcome: an error of the connection itself (not a statement's error
    /// that the server answered) retires the connection.
    pub(super) fn settle<T>(&mut self, r: &Result<T, sqlx::Error>) {
        match r {
            Err(e) if breaks_connection(e) => self.state = ConnState::Broken,
            _ => self.finished(),
        }
    }

    /// End a use that completed.
    pub(super) fn finished(&mut self) {
        self.state = ConnState::Clean;
    }

    /// One statement on this connection (see [`pg_run`]).
    pub(super) async fn run(
        &mut self,
        sql: &str,
        args: Vec<Arg>,
        want: Want,
        persistent: bool,
    ) -> Result<(Vec<Row>, u64), Error> {
        let r = pg_run(sql, args, want, persistent, self.use_conn()).await;
        self.settle(&r);
        r.map_err(Error::from)?.decode()
    }
}

impl Drop for PgConn {
    fn drop(&mut self) {
        let (Some(mut conn), Some(permit)) = (self.conn.take(), self.permit.take()) else {
            return;
        };
        let (pool, retire_at) = (self.pool.clone(), self.retire_at);
        match self.state {
            ConnState::Broken | ConnState::Beginning => {}
            ConnState::Clean if !sqlx::Connection::should_flush(&conn) => {
                pool.give_back(conn, retire_at, permit);
            }
            // Cut off mid-use, or a rollback queued and not sent: ping it (which sends what is
            // queued and reads every answer still owed) before anyone else gets it.
            _ => {
                if let Ok(rt) = tokio::runtime::Handle::try_current() {
                    rt.spawn(async move {
                        let pinged = tokio::time::timeout(
                            RECHECK_TIMEOUT,
                            sqlx::Connection::ping(&mut conn),
                        )
                        .await;
                        if matches!(pinged, Ok(Ok(()))) {
                            pool.give_back(conn, retire_at, permit);
                        }
                    });
                }
            }
        }
    }
}

/// Whether `e` leaves the connection unusable: anything but an error the server answered a
/// statement with (those end in a ReadyForQuery like any answer), or one of those that says
/// the session is over (FATAL or PANIC, connection exceptions, operator intervention).
fn breaks_connection(e: &sqlx::Error) -> bool {
    use sqlx::postgres::{PgDatabaseError, PgSeverity};
    match e {
        sqlx::Error::Database(d) => {
            d.try_downcast_ref::<PgDatabaseError>()
                .is_some_and(|p| matches!(p.severity(), PgSeverity::Fatal | PgSeverity::Panic))
                || d.code()
                    .is_some_and(|c| c.starts_with("08") || c.starts_with("57P"))
        }
        sqlx::Error::ColumnDecode { .. }
        | sqlx::Error::ColumnNotFound(_)
        | sqlx::Error::ColumnIndexOutOfBounds { .. }
        | sqlx::Error::Decode(_)
        | sqlx::Error::RowNotFound => false,
        _ => true,
    }
}

/// A PostgreSQL transaction on a lent connection: commit it, or it rolls back when dropped.
pub(super) struct PgTx {
    conn: PgConn,
    open: bool,
}

impl PgTx {
    /// `BEGIN` on a connection from `pool`.
    pub(super) async fn begin(pool: &Arc<PgPool>) -> Result<PgTx, Error> {
        use sqlx::TransactionManager;
        let mut conn = pool.acquire().await?;
        let r = sqlx::postgres::PgTransactionManager::begin(conn.use_for_begin(), None).await;
        conn.settle(&r);
        r?;
        Ok(PgTx { conn, open: true })
    }

    /// One statement in the transaction (see [`pg_run`]).
    pub(super) async fn run(
        &mut self,
        sql: &str,
        args: Vec<Arg>,
        want: Want,
        persistent: bool,
    ) -> Result<(Vec<Row>, u64), Error> {
        self.conn.run(sql, args, want, persistent).await
    }

    /// `COMMIT`.
    pub(super) async fn commit(self) -> Result<(), Error> {
        self.end(true).await
    }

    /// `ROLLBACK`.
    pub(super) async fn rollback(self) -> Result<(), Error> {
        self.end(false).await
    }

    async fn end(mut self, commit: bool) -> Result<(), Error> {
        use sqlx::TransactionManager;
        type Manager = sqlx::postgres::PgTransactionManager;
        let conn = self.conn.use_conn();
        let r = if commit {
            Manager::commit(conn).await
        } else {
            Manager::rollback(conn).await
        };
        self.conn.settle(&r);
        // Failed, the transaction still counts as open in the connection: dropping it queues
        // a ROLLBACK, as sqlx's own transactions do.
        self.open = r.is_err();
        Ok(r?)
    }
}

impl Drop for PgTx {
    fn drop(&mut self) {
        if self.open
            && let Some(conn) = self.conn.conn.as_mut()
        {
            use sqlx::TransactionManager;
            // Queued, sent by the ping the connection then gets before it is lent again.
            sqlx::postgres::PgTransactionManager::start_rollback(conn);
        }
    }
}
