//! A real `invites-server` on a temporary SQLite file, and `invites` commands pointed at it.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The admin token every test server is started with.
pub const ADMIN_TOKEN: &str = "iat_cli_tests_admin_token_0123456789";

/// The server binary: `INVITES_SERVER_BIN`, else beside the `invites` binary under test
/// (`<target>/debug/invites-server`). It is not built from here: `cargo xtask test` (or
/// `cargo build -p invites-server`) builds it first.
pub fn server_bin() -> PathBuf {
    let path = std::env::var_os("INVITES_SERVER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_BIN_EXE_invites")).with_file_name("invites-server")
        });
    assert!(
        path.is_file(),
        "the invites-server binary is missing at {}: run `cargo build -p invites-server` \
         (cargo xtask test builds the workspace first) or set INVITES_SERVER_BIN",
        path.display()
    );
    path
}

/// A running server, killed when dropped.
pub struct Server {
    _process: invites_testkit::Listening,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Holds the database and the config home.
    pub dir: TempDir,
}

impl Server {
    /// Start a server on a free port and wait for its `listening on` line.
    pub fn start() -> Server {
        Self::start_with(&[])
    }

    /// As [`Server::start`], with extra server arguments.
    pub fn start_with(args: &[&str]) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = invites_testkit::server_command(
            &server_bin(),
            &invites_testkit::sqlite_url(dir.path()),
        );
        cmd.args(args)
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .env("INVITES_LOG", "warn")
            .stderr(Stdio::null());
        let process = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
        let url = process.url.clone();
        std::fs::create_dir_all(dir.path().join("xdg")).expect("config home");
        Server {
            _process: process,
            url,
            dir,
        }
    }

    /// `invites` with a clean environment: this server's URL, no API key, an empty config home.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd();
        cmd.env("INVITES_BASE_URL", &self.url)
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg"));
        cmd
    }

    /// `invites` authenticated with `key`.
    pub fn with_key(&self, key: &str) -> Command {
        let mut cmd = self.cmd();
        cmd.env("INVITES_API_KEY", key);
        cmd
    }

    /// A new organization (via `invites org create`); returns its API key.
    pub fn new_org(&self, name: &str) -> String {
        let out = self
            .cmd()
            .args([
                "org",
                "create",
                "--name",
                name,
                "--admin-token",
                ADMIN_TOKEN,
            ])
            .args(["-o", "json"])
            .output()
            .expect("run invites");
        assert!(
            out.status.success(),
            "org create failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("org create prints json");
        v["api_key"].as_str().expect("api_key").to_owned()
    }
}

/// `invites` with every INVITES_* variable and the config home removed.
pub fn bare_cmd() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_invites"));
    for var in [
        "INVITES_BASE_URL",
        "INVITES_API_KEY",
        "INVITES_ADMIN_TOKEN",
        "XDG_CONFIG_HOME",
        "HOME",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("RUST_BACKTRACE", "1")
        .timeout(Duration::from_secs(120));
    cmd
}

/// Run, require success, and parse stdout as JSON.
pub fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("run invites");
    assert!(
        out.status.success(),
        "invites failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Run, require success, and return stdout.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run invites");
    assert!(
        out.status.success(),
        "invites failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Run, require exit `code`, and return stderr (which must be exactly one line).
pub fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().expect("run invites");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "expected exit {code}; stderr: {stderr}; stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    assert!(!stderr.contains("backtrace"), "a backtrace: {stderr}");
    stderr
}

/// The header cells of a table (its first line, split on runs of 2+ spaces).
pub fn header(table: &str) -> Vec<String> {
    table
        .lines()
        .next()
        .unwrap_or_default()
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The field/value rows of a one-object table (names have single spaces, columns two or more).
pub fn fields(table: &str) -> Vec<(String, String)> {
    table
        .lines()
        .map(|l| match l.split_once("  ") {
            Some((k, v)) => (k.trim().to_owned(), v.trim().to_owned()),
            None => (l.trim().to_owned(), String::new()),
        })
        .collect()
}

/// The value of `field` in a one-object table.
pub fn field(table: &str, name: &str) -> String {
    fields(table)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no {name} row in:\n{table}"))
}
