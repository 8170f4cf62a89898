//! Test harness: spawn the built `invites-server` binary on a database, parse its
//! `listening on` line, make organizations and clients.
//!
//! The database is a SQLite file in a temp dir, or `INVITES_TEST_DATABASE_URL` when set (the hook
//! for running the same suite on PostgreSQL).

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use invites_sdk::{Client, Error, types};
use serde_json::{Value, json};

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
    _dir: std::sync::Arc<tempfile::TempDir>,
}

impl TestServer {
    /// A server on a fresh database.
    pub fn start() -> TestServer {
        Self::start_with(&[])
    }

    /// A server on a fresh database, with extra command-line arguments.
    pub fn start_with(args: &[&str]) -> TestServer {
        let dir = std::sync::Arc::new(tempfile::tempdir().expect("temp dir"));
        let database_url = match std::env::var("INVITES_TEST_DATABASE_URL") {
            Ok(url) if !url.trim().is_empty() => url,
            _ => format!("sqlite://{}", dir.path().join("invites.db").display()),
        };
        let args = args.iter().map(|s| s.to_string()).collect();
        Self::spawn(dir, database_url, args, Some(ADMIN_TOKEN.to_string()))
    }

    /// A server on a fresh database without `INVITES_ADMIN_TOKEN` (it generates one).
    pub fn start_without_admin_token() -> TestServer {
        let mut s = Self::start();
        s.stop();
        let dir = s._dir.clone();
        let url = s.database_url.clone();
        // A fresh file: the first server above was given a token, but stored nothing.
        Self::spawn(dir, url, Vec::new(), None)
    }

    fn spawn(
        dir: std::sync::Arc<tempfile::TempDir>,
        database_url: String,
        args: Vec<String>,
        admin_token: Option<String>,
    ) -> TestServer {
        let log = dir.path().join(format!("server-{}.log", rand_suffix()));
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_invites-server"));
        cmd.args(["--listen", "127.0.0.1:0", "--database-url", &database_url])
            .args(&args)
            .env_remove("INVITES_ADMIN_TOKEN")
            .env_remove("INVITES_PUBLIC_URL");
        if let Some(t) = &admin_token {
            cmd.env("INVITES_ADMIN_TOKEN", t);
        }
        let mut child = cmd
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(log_file))
            .spawn()
            .expect("spawn invites-server");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(l) => l,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "server did not start: {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        let base_url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| {
                panic!(
                    "unexpected first line {line:?}; log: {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                )
            })
            .to_string();
        TestServer {
            child: Some(child),
            base_url,
            database_url,
            args,
            admin_token,
            log,
            _dir: dir,
        }
    }

    /// Stop this server (SIGTERM, then wait) and start another on the same database.
    pub fn restart(mut self) -> TestServer {
        self.stop();
        Self::spawn(
            self._dir.clone(),
            self.database_url.clone(),
            self.args.clone(),
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

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
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

/// Create an invite from JSON.
pub async fn invite(client: &Client, v: Value) -> types::Invite {
    client
        .invites()
        .create(&body(v))
        .await
        .expect("create invite")
}
