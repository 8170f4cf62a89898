//! SQLite: statements on pooled rusqlite connections and the group commit of write transactions.

use super::*;

/// One statement on a SQLite connection, binding `$N` to `args[N - 1]`: its rows, the rows it
/// changed, and whether it may write (not a read-only statement).
pub(super) fn lite_run(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Arg],
    want: Want,
) -> rusqlite::Result<(Vec<Row>, u64, bool)> {
    let mut stmt = conn.prepare_cached(sql)?;
    let writes = !stmt.readonly();
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
    Ok((out, conn.changes(), writes))
}

// ---------------------------------------------------------------------------------------------
// SQLite group commit
//
// SQLite has one writer at a time, and a commit costs far more than the few statements before
// it (a WAL append of every page the transaction touched). So in-process writers share
// transactions: a write takes the writer turn (a FIFO async mutex), runs its statements in the
// group's open transaction (`BEGIN IMMEDIATE; SAVEPOINT grp`, started if none is open) and
// hands the turn on, then waits. A committer task takes the turn after the writers queued
// before it, commits the whole group once and tells every member the outcome; nobody hears
// "done" before its changes are committed, and a failed group commit fails every member of it
// (none of their changes are kept).
//
// A member's failure stays its own without a savepoint per member (which cost ~18 % of the
// accepts a second: SQLite copies every page a savepoint's statements touch): each member's
// writes are logged (statement and arguments, moved, not copied, and what they answered). A
// member that ends without keeping its writes rolls the group back to `grp`, runs the kept
// members' logged writes again in the same order and checks that each changes and returns
// exactly what it did the first time (the same statements on the same state do: no statement
// here reads the clock or randomness, and a failed statement undoes itself, SQLite's ABORT);
// then `grp` is set again where the group now stands and the log starts over, so a write is
// run again at most once. Should any answer differ, the whole group fails. A member that changed
// no row (its writes, if any, changed nothing: a claim that found no use left, an insert that
// met its conflict) leaves without any of this: such writes are not logged.

/// A write one member made: run again, in order, when a later member's undo rolls the group back.
pub(super) struct Logged {
    sql: String,
    args: Vec<Arg>,
    want: Want,
    /// What it answered: the rows it changed and returned.
    changes: u64,
    rows: Vec<Vec<Value>>,
}

impl Logged {
    /// Log a write that ran; `rows` as the caller got them.
    pub(super) fn new(sql: String, args: Vec<Arg>, want: Want, changes: u64, rows: &[Row]) -> Self {
        Logged {
            sql,
            args,
            want,
            changes,
            rows: rows.iter().map(|r| r.0.as_slice().to_vec()).collect(),
        }
    }

    /// Run it again; an error unless it answers as it did.
    fn replay(&self, conn: &rusqlite::Connection) -> Result<(), String> {
        let (rows, changes, _) =
            lite_run(conn, &self.sql, &self.args, self.want).map_err(|e| e.to_string())?;
        let same = changes == self.changes
            && rows.len() == self.rows.len()
            && rows
                .iter()
                .zip(&self.rows)
                .all(|(a, b)| a.0.as_slice() == b.as_slice());
        if same {
            Ok(())
        } else {
            Err(format!(
                "a write gave another answer when run again: {}",
                self.sql
            ))
        }
    }
}

/// The state the writer turn guards.
#[derive(Default)]
pub(super) struct WriterState {
    /// The open group transaction, between members.
    pub(super) group: Option<Group>,
    /// Rows changed by the groups committed since the last checkpoint.
    pub(super) since_checkpoint: u64,
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

/// An open group transaction: its connection, the members waiting for its commit, the writes
/// kept since `grp` was last set, and the connection's change counter when the group began.
pub(super) struct Group {
    pub(super) conn: LiteConn,
    pub(super) waiters: Vec<tokio::sync::oneshot::Sender<Result<(), String>>>,
    pub(super) log: Vec<Logged>,
    pub(super) changes_before: u64,
}

/// How many times the committer lets other tasks run before it takes the turn.
pub(super) const COMMIT_YIELDS: usize = 3;

/// No checkpoint under way.
pub(super) const CKPT_IDLE: u8 = 0;
/// The bulk step of a checkpoint is running.
pub(super) const CKPT_BULK: u8 = 1;
/// The bulk step is done; the final step runs after the next group commit.
pub(super) const CKPT_BULK_DONE: u8 = 2;

/// Rows changed between checkpoints. A checkpoint copies the WAL's pages into the database file
/// and fsyncs both; its last step holds the writer turn so that it completes and the WAL starts
/// over (rather than growing for as long as writes keep coming). A few thousand rows keep the WAL
/// at a few to 20 megabytes and the pauses short (the held step took 4-7 ms under load here).
pub const CHECKPOINT_EVERY: u64 = 5000;

/// One member of a group transaction: while open it holds the writer turn, and the open group
/// in it.
pub(super) struct LiteTx {
    pub(super) lite: Arc<Lite>,
    pub(super) turn: Option<tokio::sync::OwnedMutexGuard<WriterState>>,
    /// This member's writes so far.
    pub(super) mine: Vec<Logged>,
}

impl LiteTx {
    pub(super) async fn begin(lite: &Arc<Lite>) -> Result<LiteTx, Error> {
        let mut turn = lite.writer.clone().lock_owned().await;
        let group = match turn.group.take() {
            // SQLite rolls a transaction back by itself on some errors (I/O, full disk): then
            // the group's earlier members have lost their changes, and hear so.
            Some(g) if g.conn.with(|c| c.is_autocommit()) => {
                fail_group(g, "SQLite rolled the transaction back");
                lite.start_group().await?
            }
            Some(g) => g,
            None => lite.start_group().await?,
        };
        turn.group = Some(group);
        Ok(LiteTx {
            lite: lite.clone(),
            turn: Some(turn),
            mine: Vec::new(),
        })
    }

    /// The group's connection.
    pub(super) fn conn(&self) -> &LiteConn {
        let group = self.turn.as_ref().and_then(|t| t.group.as_ref());
        &group.expect("open until finished").conn
    }

    /// End this member (keeping or undoing its writes), hand the group and the turn on, and
    /// wake the committer. The receiver hears the group's outcome.
    pub(super) fn leave(
        &mut self,
        keep: bool,
    ) -> Result<tokio::sync::oneshot::Receiver<Result<(), String>>, Error> {
        let Some(mut turn) = self.turn.take() else {
            return Err(Error::Commit("the transaction was already finished".into()));
        };
        let group = turn
            .group
            .as_mut()
            .expect("open while a member holds the turn");
        let mine = std::mem::take(&mut self.mine);
        let ended = if keep {
            group.log.extend(mine);
            Ok(())
        } else if mine.is_empty() {
            Ok(())
        } else {
            undo(group).inspect_err(|_| {
                // The group could not be brought back to its kept writes: end it (every member
                // hears that it failed) rather than commit anything of it.
                let _ = group.conn.with(|c| c.execute_batch("ROLLBACK"));
            })
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        group.waiters.push(tx);
        drop(turn);
        self.lite.wake.notify_one();
        ended.map_err(Error::Commit)?;
        Ok(rx)
    }

    pub(super) async fn finish(mut self, keep: bool) -> Result<(), Error> {
        let rx = self.leave(keep)?;
        match rx.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Error::Commit(e)),
            Err(_) => Err(Error::Commit("the committer stopped".into())),
        }
    }
}

/// Take the group back to its kept writes: roll back to `grp`, run the logged writes again, and
/// set `grp` where the group now stands.
fn undo(group: &mut Group) -> Result<(), String> {
    group.conn.with(|c| {
        exec_cached(c, "ROLLBACK TO grp").map_err(|e| e.to_string())?;
        for w in &group.log {
            w.replay(c)?;
        }
        exec_cached(c, "RELEASE grp").map_err(|e| e.to_string())?;
        exec_cached(c, "SAVEPOINT grp").map_err(|e| e.to_string())
    })?;
    group.log.clear();
    Ok(())
}

impl Drop for LiteTx {
    fn drop(&mut self) {
        // Abandoned (an error answer, a cancelled request): undo this member only.
        if self.turn.is_some()
            && let Err(e) = self.leave(false)
        {
            tracing::warn!(error = %e, "rolling back an abandoned write failed");
        }
    }
}

/// Run one statement through the connection's statement cache (no parse per call).
pub(super) fn exec_cached(conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.raw_execute().map(drop)
}

/// Tell every member of a group that it failed; roll back what is left of it.
pub(super) fn fail_group(g: Group, why: &str) {
    if !g.conn.with(|c| c.is_autocommit()) {
        let _ = g.conn.with(|c| c.execute_batch("ROLLBACK"));
    }
    for w in g.waiters {
        let _ = w.send(Err(why.to_string()));
    }
}

/// Commit open groups as they come; checkpoint the WAL every [`CHECKPOINT_EVERY`] changed rows.
pub(super) async fn committer(lite: Arc<Lite>) {
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
pub(super) struct Lite {
    pub(super) path: std::path::PathBuf,
    pub(super) idle: Mutex<Vec<rusqlite::Connection>>,
    pub(super) permits: Arc<tokio::sync::Semaphore>,
    /// The pool size (permits in all).
    pub(super) size: usize,
    pub(super) acquire_timeout: Duration,
    /// This process's writer turn, and the open group transaction.
    pub(super) writer: Arc<tokio::sync::Mutex<WriterState>>,
    /// Wakes the committer.
    pub(super) wake: tokio::sync::Notify,
    /// The connection that checkpoints (busy timeout: a moment for readers to move on).
    pub(super) checkpoint: Mutex<rusqlite::Connection>,
    /// Where the current checkpoint is: [`CKPT_IDLE`], [`CKPT_BULK`] or [`CKPT_BULK_DONE`].
    pub(super) checkpoint_state: std::sync::atomic::AtomicU8,
    pub(super) closed: AtomicBool,
}

/// A pooled SQLite connection; back to the pool when dropped. (In a mutex only because
/// `rusqlite::Connection` is not `Sync`; it is never contended.)
pub(super) struct LiteConn {
    pub(super) conn: Option<Mutex<rusqlite::Connection>>,
    pub(super) lite: Arc<Lite>,
    pub(super) _permit: tokio::sync::OwnedSemaphorePermit,
}

impl LiteConn {
    /// Use the connection.
    pub(super) fn with<T>(&self, f: impl FnOnce(&rusqlite::Connection) -> T) -> T {
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

/// Prepared statements kept per SQLite connection: more than the server has (about a hundred,
/// plus the few shapes of each [`padded_chunks`] statement), so that a request's statements are
/// not parsed again after other work went through the same connection.
const STATEMENT_CACHE: usize = 256;

impl Lite {
    pub(super) async fn open(
        url: &str,
        size: u32,
        acquire_timeout: Duration,
    ) -> anyhow::Result<Arc<Lite>> {
        let options = SqliteConnectOptions::from_str(url)
            .context("parsing the database URL")?
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
            .busy_timeout(BUSY_WINDOW);
        let path = options.get_filename().to_path_buf();
        if path.as_os_str().is_empty() || path.to_string_lossy().contains(":memory:") {
            anyhow::bail!("an in-memory SQLite database is not supported; give a file path");
        }
        // WAL mode (which the file keeps) and migrations through sqlx. Two processes opening a
        // new file together both switch it to WAL: each reads the header, then upgrades its read
        // to a write, and SQLite refuses the second upgrade at once (waiting while holding a
        // read could deadlock, so no busy timeout applies); that process opens again.
        //
        // sqlx takes no lock for migrations on SQLite, so a process may try a migration another
        // has just applied; its transaction rolls back and a second pass finds the migration
        // applied. Racing a process that applies them one after the other can fail once per
        // migration, so the passes go on for as long as a lock is waited for.
        let started = std::time::Instant::now();
        let mut attempt: u64 = 0;
        let mut opened = None;
        let conn = loop {
            let failed = match opened.as_mut() {
                None => match options.connect().await {
                    Ok(conn) => {
                        opened = Some(conn);
                        continue;
                    }
                    Err(e) if sqlx_busy(&e) => {
                        anyhow::Error::from(e).context("opening the SQLite database")
                    }
                    Err(e) => return Err(e).context("opening the SQLite database"),
                },
                Some(conn) => match MIGRATOR.run(conn).await {
                    Ok(()) => break opened.take().expect("opened"),
                    Err(e) => anyhow::Error::from(e).context("running migrations"),
                },
            };
            if started.elapsed() >= BUSY_WINDOW {
                return Err(failed);
            }
            attempt += 1;
            tracing::debug!(
                error = format!("{failed:#}"),
                attempt,
                "raced another process opening the file; retrying"
            );
            tokio::time::sleep(Duration::from_millis(20 * attempt.min(10))).await;
        };
        sqlx::Connection::close(conn).await.ok();
        let checkpoint = Self::open_connection(&path)
            .await
            .context("opening the SQLite database")?;
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
        let first = Self::open_connection(&lite.path).await?;
        lite.idle.lock().expect("fresh").push(first);
        tokio::spawn(committer(lite.clone()));
        Ok(lite)
    }

    /// A connection through the [`super::walbuf`] VFS, which needs `synchronous = FULL` (set
    /// here, never changed) to be sound. Its pragmas read the schema, which finds the file busy
    /// while another process's last connection closes (it checkpoints the WAL holding an
    /// exclusive lock): the open is tried again after async pauses ([`retry_busy`]).
    pub(super) async fn open_connection(
        path: &std::path::Path,
    ) -> Result<rusqlite::Connection, Error> {
        retry_busy(|| Self::open_once(path)).await
    }

    /// One try of [`Self::open_connection`].
    fn open_once(path: &std::path::Path) -> rusqlite::Result<rusqlite::Connection> {
        let conn = match super::walbuf::register() {
            Ok(vfs) => {
                rusqlite::Connection::open_with_flags_and_vfs(path, Default::default(), vfs)?
            }
            Err(e) => {
                tracing::warn!(error = %e, "writing the WAL through SQLite's default VFS");
                rusqlite::Connection::open(path)?
            }
        };
        conn.execute_batch(
            "PRAGMA busy_timeout = 0; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
             PRAGMA wal_autocheckpoint = 0; \
             PRAGMA temp_store = MEMORY;",
        )?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(conn)
    }

    pub(super) async fn acquire(self: &Arc<Self>) -> Result<LiteConn, Error> {
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
            None => Self::open_connection(&self.path).await?,
        };
        Ok(LiteConn {
            conn: Some(Mutex::new(conn)),
            lite: self.clone(),
            _permit: permit,
        })
    }

    /// `PRAGMA wal_checkpoint(mode)` on the checkpoint connection (blocking).
    pub(super) fn run_checkpoint(&self, mode: &str) {
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

    /// A connection in a new group transaction (`BEGIN IMMEDIATE`, then the savepoint `grp`).
    pub(super) async fn start_group(self: &Arc<Self>) -> Result<Group, Error> {
        let conn = self.acquire().await?;
        retry_busy(|| conn.with(|c| exec_cached(c, "BEGIN IMMEDIATE"))).await?;
        if let Err(e) = conn.with(|c| exec_cached(c, "SAVEPOINT grp")) {
            let _ = conn.with(|c| c.execute_batch("ROLLBACK"));
            return Err(e.into());
        }
        let changes_before = conn.with(|c| c.total_changes());
        Ok(Group {
            conn,
            waiters: Vec::new(),
            log: Vec::new(),
            changes_before,
        })
    }

    pub(super) fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        self.wake.notify_one();
        self.permits.close();
        if let Ok(mut idle) = self.idle.lock() {
            idle.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store on a new SQLite file (migrated), and the directory that holds it.
    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        (Store::connect(&StoreOptions::new(url)).await.unwrap(), dir)
    }

    /// The group member a write transaction is on SQLite.
    fn member(tx: &mut Tx) -> &mut LiteTx {
        match &mut tx.inner {
            TxInner::Sqlite(t) => t,
            TxInner::Postgres(..) => unreachable!(),
        }
    }

    /// A member that writes `name = value` through the query API, as requests do.
    async fn set(store: &Store, name: &str, value: &str) -> Tx {
        let mut tx = store.begin_write().await.unwrap();
        query("INSERT INTO settings (name, value) VALUES ($1, $2) RETURNING value")
            .bind(name)
            .bind(value)
            .fetch_all::<(String,)>(&mut tx)
            .await
            .unwrap();
        tx
    }

    async fn settings(store: &Store) -> Vec<(String, String)> {
        query("SELECT name, value FROM settings WHERE name LIKE 't%' ORDER BY name")
            .fetch_all(store)
            .await
            .unwrap()
    }

    /// Members that undo their writes in the middle of a group leave the writes of the members
    /// before and after them committed, and their own nowhere; the group commits once.
    #[tokio::test(flavor = "current_thread")]
    async fn a_member_undoing_its_writes_keeps_the_rest_of_its_group() {
        let (store, _dir) = store().await;
        let mut waits = Vec::new();
        // The committer does not run until this task waits: all eight share one group.
        for i in 0..8 {
            let mut tx = set(&store, &format!("t{i}"), &format!("v{i}")).await;
            query("INSERT INTO settings (name, value) VALUES ($1, 'second')")
                .bind(format!("t{i}b"))
                .execute(&mut tx)
                .await
                .unwrap();
            let keep = i % 3 != 1;
            waits.push((keep, member(&mut tx).leave(keep).unwrap()));
        }
        let mut outcomes = Vec::new();
        for (keep, rx) in waits {
            outcomes.push((keep, rx.await.unwrap()));
        }
        assert!(outcomes.iter().all(|(_, r)| r.is_ok()), "{outcomes:?}");
        let mut want = Vec::new();
        for i in [0, 2, 3, 5, 6] {
            want.push((format!("t{i}"), format!("v{i}")));
            want.push((format!("t{i}b"), "second".to_string()));
        }
        want.sort();
        assert_eq!(settings(&store).await, want);
        // A member whose writes failed (a statement SQLite undid itself) and one that wrote
        // nothing leave without an undo, and the group still commits what the others kept.
        let mut tx = set(&store, "t9", "kept").await;
        let a = member(&mut tx).leave(true).unwrap();
        let mut tx = store.begin_write().await.unwrap();
        let dup = query("INSERT INTO settings (name, value) VALUES ('t9', 'again')");
        assert!(dup.execute(&mut tx).await.is_err());
        assert!(
            member(&mut tx).mine.is_empty(),
            "a failed write is not logged"
        );
        let b = member(&mut tx).leave(false).unwrap();
        assert!(a.await.unwrap().is_ok() && b.await.unwrap().is_ok());
        assert!(
            settings(&store)
                .await
                .contains(&("t9".into(), "kept".into()))
        );
    }

    /// A connection opens while another process's last connection to the file closes: that
    /// close checkpoints the WAL holding an exclusive lock, and the new connection's first read
    /// of the schema waits for it instead of failing (two replicas starting on one file saw
    /// "database is locked" once). Connections in one process lock each other as processes do.
    #[tokio::test(flavor = "current_thread")]
    async fn a_connection_opens_while_another_closes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x);")
            .unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let closer = std::thread::spawn({
            let (path, stop) = (path.clone(), stop.clone());
            move || {
                let mut closes = 0;
                while !stop.load(Ordering::Relaxed) {
                    let c = rusqlite::Connection::open(&path).unwrap();
                    c.busy_timeout(Duration::from_secs(5)).unwrap();
                    c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                        .unwrap();
                    closes += 1;
                }
                closes
            }
        });
        let mut opened = 0;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(2) {
            let c = Lite::open_connection(&path).await;
            let c = c.unwrap_or_else(|e| panic!("open {opened} failed: {e}"));
            c.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                .unwrap();
            opened += 1;
        }
        stop.store(true, Ordering::Relaxed);
        let closes = closer.join().unwrap();
        assert!(
            opened > 100 && closes > 100,
            "{opened} opens, {closes} closes"
        );
    }

    /// Should a logged write answer otherwise when the group runs it again, the whole group fails
    /// and nothing of it is kept: no member hears "committed" for a state that was not rebuilt.
    #[tokio::test(flavor = "current_thread")]
    async fn a_write_that_answers_otherwise_when_run_again_fails_its_group() {
        let (store, _dir) = store().await;
        let mut tx = set(&store, "t1", "plain").await;
        let a = member(&mut tx).leave(true).unwrap();
        // randomness: the only way to make a write answer otherwise on the same state.
        let mut tx = store.begin_write().await.unwrap();
        query(
            "INSERT INTO settings (name, value) VALUES ('t2', hex(randomblob(16))) RETURNING value",
        )
        .fetch_all::<(String,)>(&mut tx)
        .await
        .unwrap();
        let b = member(&mut tx).leave(true).unwrap();
        let mut tx = set(&store, "t3", "undone").await;
        let undone = member(&mut tx).leave(false);
        assert!(
            matches!(&undone, Err(Error::Commit(m)) if m.contains("another answer")),
            "{:?}",
            undone.err()
        );
        assert!(a.await.unwrap().is_err());
        assert!(b.await.unwrap().is_err());
        assert_eq!(settings(&store).await, vec![]);
        // The next group starts afresh.
        set(&store, "t4", "after").await.commit().await.unwrap();
        assert_eq!(settings(&store).await, vec![("t4".into(), "after".into())]);
    }
}
