//! Test harness: spawn the built `invites-server` binary on a database, parse its
//! `listening on` line, make organizations and clients.
//!
//! Every test written inside [`both_backends!`] runs twice, as `NAME::sqlite` (a fresh SQLite
//! file in a temp dir per server) and `NAME::postgres`. The PostgreSQL run needs
//! `INVITES_TEST_DATABASE_URL` (an admin connection, e.g. `postgres://postgres@127.0.0.1:5432/test`):
//! each server started there gets a fresh database `invites_t_<pid>_<random>`, created through
//! that connection and dropped `WITH (FORCE)` when the last server on it is gone. Unset, the
//! PostgreSQL runs print one line saying they are skipped and pass; set but unreachable, they fail.

#![allow(dead_code)]

use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Once};
use std::time::Duration;

use invites_sdk::{Client, Error, types};
use serde_json::{Value, json};
use sqlx::Connection;

/// The variable naming the PostgreSQL admin connection for the PostgreSQL runs.
pub const PG_ENV: &str = "INVITES_TEST_DATABASE_URL";

/// The database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A fresh SQLite file per server.
    Sqlite,
    /// A fresh PostgreSQL database per server.
    Postgres,
}

tokio::task_local! {
    static BACKEND: Backend;
}

/// The backend of the running test (SQLite outside [`both_backends!`]).
pub fn backend() -> Backend {
    BACKEND.try_with(|b| *b).unwrap_or(Backend::Sqlite)
}

/// The PostgreSQL admin URL, if the PostgreSQL runs are enabled.
pub fn pg_admin_url() -> Option<String> {
    std::env::var(PG_ENV)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Run a test body on `backend`. A PostgreSQL run without [`PG_ENV`] says so once on stderr
/// (past the test harness's capture) and returns.
pub async fn on_backend(backend: Backend, body: impl Future<Output = ()>) {
    if backend == Backend::Postgres && pg_admin_url().is_none() {
        static NOTICE: Once = Once::new();
        NOTICE.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "note: PostgreSQL runs of the invites-server tests are SKIPPED: {PG_ENV} is not \
                 set (set it to an admin URL such as postgres://postgres@127.0.0.1:5432/test)"
            );
        });
        return;
    }
    BACKEND.scope(backend, body).await
}

/// Expand each test into a module with two tests, `sqlite` and `postgres`, running the same
/// body on each backend.
#[allow(unused_macros)]
macro_rules! both_backends {
    ($( $(#[$attr:meta])* async fn $name:ident() $body:block )*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            $(#[$attr])*
            async fn sqlite() {
                $crate::common::on_backend($crate::common::Backend::Sqlite, async move $body).await
            }

            $(#[$attr])*
            async fn postgres() {
                $crate::common::on_backend($crate::common::Backend::Postgres, async move $body)
                    .await
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use both_backends;

/// Run the future `make` makes to completion on a runtime of its own, on another thread (usable
/// from sync code inside a test's runtime, and from `Drop`). The future need not be `Send`
/// (sqlx's migrator on a connection is not).
fn block_on<T: Send + 'static, F: Future<Output = T>>(
    make: impl FnOnce() -> F + Send + 'static,
) -> T {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(make())
    })
    .join()
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let end = base[start..]
        .find('/')
        .map(|i| start + i)
        .unwrap_or(base.len());
    let mut out = format!("{}/{db}", &base[..start.max(end)]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

async fn pg_admin(admin_url: &str) -> sqlx::PgConnection {
    match tokio::time::timeout(
        Duration::from_secs(15),
        sqlx::PgConnection::connect(admin_url),
    )
    .await
    {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => panic!("{PG_ENV}={admin_url} is set but PostgreSQL is unreachable: {e}"),
        Err(_) => panic!("{PG_ENV}={admin_url} is set but connecting timed out after 15 s"),
    }
}

/// A PostgreSQL database made for one test server (and its restarts and replicas); dropped
/// with `WITH (FORCE)` when the last of them lets go of it.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    /// The URL of the database.
    pub url: String,
}

impl PgDatabase {
    /// Create a fresh database through the admin connection; panics when it is unreachable.
    pub fn create() -> Arc<PgDatabase> {
        let admin_url = pg_admin_url().expect("the PostgreSQL runs need INVITES_TEST_DATABASE_URL");
        let name = format!(
            "invites_t_{}_{:016x}",
            std::process::id(),
            rand::random::<u64>()
        );
        let (admin, db) = (admin_url.clone(), name.clone());
        block_on(move || async move {
            let mut conn = pg_admin(&admin).await;
            sweep_stale(&mut conn).await;
            sqlx::query(&format!("CREATE DATABASE {db}"))
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("CREATE DATABASE {db}: {e}"));
            let _ = conn.close().await;
        });
        let url = with_database(&admin_url, &name);
        Arc::new(PgDatabase {
            admin_url,
            name,
            url,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin, db) = (self.admin_url.clone(), self.name.clone());
        let dropped = block_on(move || async move {
            let mut conn = sqlx::PgConnection::connect(&admin).await?;
            sqlx::query(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .execute(&mut conn)
                .await?;
            conn.close().await
        });
        if let Err(e) = dropped {
            let _ = writeln!(
                std::io::stderr(),
                "warning: could not drop test database {}: {e}",
                self.name
            );
        }
    }
}

/// Drop test databases left behind by test processes that died (killed before their `Drop`),
/// once per process; only databases whose creating process no longer exists on this machine.
async fn sweep_stale(conn: &mut sqlx::PgConnection) {
    static SWEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if SWEPT.swap(true, std::sync::atomic::Ordering::SeqCst) || !cfg!(target_os = "linux") {
        return;
    }
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT datname::text FROM pg_database WHERE datname LIKE 'invites\\_t\\_%'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_default();
    for name in names {
        let Some(pid) = name
            .strip_prefix("invites_t_")
            .and_then(|r| r.split('_').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if std::path::Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut *conn)
            .await;
    }
}

/// The admin token every test server is started with.
pub const ADMIN_TOKEN: &str = "iat_test_admin_token_0123456789abcdef";

/// An organization made for a test.
pub struct Org {
    /// A client with its API key.
    pub client: Client,
    /// Its id.
    pub id: String,
    /// Its API key.
    pub key: String,
}

/// A running server process, killed on drop.
pub struct TestServer {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The database URL it runs on.
    pub database_url: String,
    args: Vec<String>,
    admin_token: Option<String>,
    log: PathBuf,
    _dir: Arc<tempfile::TempDir>,
    /// The PostgreSQL database, dropped when its last server is (after the process is killed).
    pg: Option<Arc<PgDatabase>>,
}

impl TestServer {
    /// A server on a fresh database of the test's backend.
    pub fn start() -> TestServer {
        Self::start_with(&[])
    }

    /// A server on a fresh database, with extra command-line arguments.
    pub fn start_with(args: &[&str]) -> TestServer {
        let (dir, database_url, pg) = fresh_database();
        let args = args.iter().map(|s| s.to_string()).collect();
        Self::spawn(dir, database_url, pg, args, Some(ADMIN_TOKEN.to_string()))
    }

    /// A server on a fresh database that `prepare` wrote to first (given the database's URL):
    /// a database an earlier version of the server made, for example.
    #[allow(dead_code)]
    pub fn start_on_prepared<F>(prepare: impl FnOnce(String) -> F + Send + 'static) -> TestServer
    where
        F: Future<Output = ()>,
    {
        let (dir, database_url, pg) = fresh_database();
        let url = database_url.clone();
        block_on(move || prepare(url));
        Self::spawn(
            dir,
            database_url,
            pg,
            Vec::new(),
            Some(ADMIN_TOKEN.to_string()),
        )
    }

    /// `n` servers started at the same moment on one fresh database (they migrate it together).
    pub fn start_replicas(n: usize, args: &[&str]) -> Vec<TestServer> {
        let (dir, database_url, pg) = fresh_database();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .map(|_| {
                    let (dir, url, pg, args) =
                        (dir.clone(), database_url.clone(), pg.clone(), args.clone());
                    scope.spawn(move || {
                        Self::spawn(dir, url, pg, args, Some(ADMIN_TOKEN.to_string()))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("replica start"))
                .collect()
        })
    }

    /// Another server process on this server's database, with the same arguments.
    pub fn replica(&self) -> TestServer {
        Self::spawn(
            self._dir.clone(),
            self.database_url.clone(),
            self.pg.clone(),
            self.args.clone(),
            self.admin_token.clone(),
        )
    }

    /// A server on a fresh database without `INVITES_ADMIN_TOKEN` (it generates one).
    pub fn start_without_admin_token() -> TestServer {
        let mut s = Self::start();
        s.stop();
        // A fresh database: the first server above was given a token, but stored nothing.
        Self::spawn(
            s._dir.clone(),
            s.database_url.clone(),
            s.pg.clone(),
            Vec::new(),
            None,
        )
    }

    /// The backend this server runs on.
    pub fn backend(&self) -> Backend {
        if self.pg.is_some() {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// A direct connection to the server's database (not through the server).
    pub async fn db(&self) -> sqlx::AnyConnection {
        sqlx::any::install_default_drivers();
        sqlx::AnyConnection::connect(&self.database_url)
            .await
            .expect("direct database connection")
    }

    /// Whether `needle` occurs anywhere in the stored data: the SQLite file and its WAL, or the
    /// text of every row of every table on PostgreSQL.
    pub async fn database_contains(&self, needle: &str) -> bool {
        match self.backend() {
            Backend::Sqlite => {
                let db = self
                    .database_url
                    .strip_prefix("sqlite://")
                    .expect("sqlite URL")
                    .to_string();
                let raw = std::fs::read(&db).expect("database file");
                let wal = std::fs::read(format!("{db}-wal")).unwrap_or_default();
                let needle = needle.as_bytes();
                let contains = |hay: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
                contains(&raw) || contains(&wal)
            }
            Backend::Postgres => {
                let mut conn = self.db().await;
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = 'public'",
                )
                .fetch_all(&mut conn)
                .await
                .expect("list tables");
                assert!(tables.len() > 5, "{tables:?}");
                for t in tables {
                    let n: i64 = sqlx::query_scalar(&format!(
                        "SELECT count(*) FROM {t} r WHERE strpos(r::text, $1) > 0"
                    ))
                    .bind(needle)
                    .fetch_one(&mut conn)
                    .await
                    .expect("scan table");
                    if n > 0 {
                        return true;
                    }
                }
                false
            }
        }
    }

    fn spawn(
        dir: Arc<tempfile::TempDir>,
        database_url: String,
        pg: Option<Arc<PgDatabase>>,
        args: Vec<String>,
        admin_token: Option<String>,
    ) -> TestServer {
        let log = dir.path().join(format!("server-{}.log", rand_suffix()));
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut cmd = invites_testkit::server_command(
            Path::new(env!("CARGO_BIN_EXE_invites-server")),
            &database_url,
        );
        if pg.is_some() && !args.iter().any(|a| a == "--db-pool-size") {
            // Many test servers share one PostgreSQL (100 connections by default).
            cmd.args(["--db-pool-size", "6"]);
        }
        cmd.args(&args);
        if let Some(t) = &admin_token {
            cmd.env("INVITES_ADMIN_TOKEN", t);
        }
        cmd.current_dir(dir.path()).stderr(Stdio::from(log_file));
        let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| {
            panic!(
                "{e}; log: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        });
        let base_url = server.url.clone();
        let child = server.into_child();
        TestServer {
            child: Some(child),
            base_url,
            database_url,
            args,
            admin_token,
            log,
            _dir: dir,
            pg,
        }
    }

    /// Stop this server (SIGTERM, then wait) and start another on the same database.
    pub fn restart(mut self) -> TestServer {
        self.stop();
        Self::spawn(
            self._dir.clone(),
            self.database_url.clone(),
            self.pg.clone(),
            self.args.clone(),
            self.admin_token.clone(),
        )
    }

    /// Stop this server and start another on the same database with other arguments.
    pub fn restart_with(mut self, args: &[&str]) -> TestServer {
        self.stop();
        Self::spawn(
            self._dir.clone(),
            self.database_url.clone(),
            self.pg.clone(),
            args.iter().map(|s| s.to_string()).collect(),
            self.admin_token.clone(),
        )
    }

    /// Stop gracefully with SIGTERM and wait; returns whether it exited successfully.
    pub fn stop(&mut self) -> bool {
        let Some(mut child) = self.child.take() else {
            return true;
        };
        let pid = child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..100 {
            if let Ok(Some(status)) = child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        false
    }

    /// Kill the process with SIGKILL (no graceful shutdown) and reap it; [`TestServer::restart`]
    /// starts another on the same database.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            let _ = child.wait();
        }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// A client with `key`, without retries (so every status is seen as sent).
    pub fn client(&self, key: &str) -> Client {
        Client::builder()
            .base_url(&self.base_url)
            .api_key(key)
            .max_retries(0)
            .build()
            .expect("client")
    }

    /// A client with the admin token.
    pub fn admin(&self) -> Client {
        self.client(ADMIN_TOKEN)
    }

    /// A new organization with default roles.
    pub async fn org(&self, name: &str) -> Org {
        let body: types::OrganizationCreate =
            serde_json::from_value(json!({ "name": name })).expect("org body");
        let created = self
            .admin()
            .organizations()
            .create(&body)
            .await
            .expect("create org");
        Org {
            client: self.client(&created.api_key),
            id: created.organization.id,
            key: created.api_key,
        }
    }

    /// A plain HTTP client for requests the SDK would refuse to send.
    pub fn raw(&self) -> reqwest::Client {
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder().build().expect("reqwest")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A temp dir (for logs, and the SQLite file) and a fresh database of the test's backend.
fn fresh_database() -> (Arc<tempfile::TempDir>, String, Option<Arc<PgDatabase>>) {
    let dir = Arc::new(tempfile::tempdir().expect("temp dir"));
    match backend() {
        Backend::Sqlite => {
            let url = format!("sqlite://{}", dir.path().join("invites.db").display());
            (dir, url, None)
        }
        Backend::Postgres => {
            let pg = PgDatabase::create();
            (dir, pg.url.clone(), Some(pg))
        }
    }
}

fn rand_suffix() -> u64 {
    rand::random::<u64>()
}

/// Build an SDK body type from JSON.
pub fn body<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("body fits the spec")
}

/// The API error of a failed call; panics on success or a non-API error.
pub fn api_err<T: std::fmt::Debug>(r: Result<T, Error>) -> invites_sdk::ApiError {
    match r {
        Err(Error::Api(e)) => *e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// Assert a call failed with this status and error type.
#[track_caller]
pub fn assert_api<T: std::fmt::Debug>(
    r: Result<T, Error>,
    status: u16,
    error_type: &str,
) -> invites_sdk::ApiError {
    let e = api_err(r);
    assert_eq!(
        (e.status, e.error_type.as_str()),
        (status, error_type),
        "{e}"
    );
    assert!(
        e.request_id
            .as_deref()
            .is_some_and(|r| r.starts_with("req_")),
        "{e}"
    );
    e
}

/// An accept request body.
pub fn accept_body(code: &str, email: &str) -> types::InviteAcceptRequest {
    body(json!({ "code": code, "email": email }))
}

/// How many members the organization has and how many redemptions the invite has (the first
/// page of 100 of each).
#[allow(dead_code)]
pub async fn members_and_redemptions(client: &Client, invite_id: &str) -> (usize, usize) {
    let members = client
        .members()
        .list_page(&invites_sdk::ListMembers {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap()
        .data;
    let redemptions = client
        .invites()
        .redemptions_page(
            invite_id,
            &invites_sdk::ListRedemptions {
                limit: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .data;
    (members.len(), redemptions.len())
}

/// Create an invite from JSON.
pub async fn invite(client: &Client, v: Value) -> types::Invite {
    client
        .invites()
        .create(&body(v))
        .await
        .expect("create invite")
}

/// Every event of the organization of `key`, newest first, walking the pages over raw HTTP
/// (`type` filter if given), and checking each page's size and the order.
pub async fn events(server: &TestServer, key: &str, kind: Option<&str>) -> Vec<Value> {
    let http = server.raw();
    let mut out: Vec<Value> = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut q = "limit=100".to_owned();
        if let Some(k) = kind {
            q.push_str(&format!("&type={k}"));
        }
        if let Some(t) = &token {
            q.push_str(&format!("&page_token={t}"));
        }
        let resp = http
            .get(format!("{}/v1/events?{q}", server.base_url))
            .bearer_auth(key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        let page: Value = resp.json().await.unwrap();
        out.extend(page["data"].as_array().unwrap().iter().cloned());
        match page["next_page_token"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => break,
        }
    }
    let times: Vec<&str> = out
        .iter()
        .map(|e| e["created_at"].as_str().unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "not newest first: {times:?}"
    );
    out
}
