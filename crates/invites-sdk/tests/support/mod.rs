//! Test support: start the real `invites-server` (and the fault proxy) from the workspace's
//! build output, on ephemeral ports and a temporary SQLite file.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The admin token every test server is started with.
pub const ADMIN_TOKEN: &str = "iat_test_admin_token_for_the_sdk_suite";

/// A child process that is killed when dropped.
pub struct Proc {
    child: Child,
    /// `http://127.0.0.1:PORT`, from the process's ready line.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A workspace binary from the same build profile as this test.
pub fn binary(name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(format!(
        "INVITES_{}_BIN",
        name.trim_start_matches("invites-").to_uppercase()
    )) {
        return p.into();
    }
    // target/<profile>/deps/<test> -> target/<profile>/<name>
    let exe = std::env::current_exe().expect("test binary path");
    let path = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target dir")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: build it first (`cargo build -p {name}`; `cargo xtask test` does)",
        path.display()
    );
    path
}

fn spawn(mut cmd: Command, dir: Option<tempfile::TempDir>) -> Proc {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("ready line");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected ready line {line:?}"))
        .to_string();
    Proc {
        child,
        url,
        _dir: dir,
    }
}

/// A fresh server on a temporary SQLite file.
pub fn server() -> Proc {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = format!("sqlite://{}/invites.db?mode=rwc", dir.path().display());
    let mut cmd = Command::new(binary("invites-server"));
    cmd.args(["--listen", "127.0.0.1:0", "--database-url", &db])
        .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
        .current_dir(dir.path());
    spawn(cmd, Some(dir))
}

/// The fault proxy in front of `upstream`.
pub fn proxy(upstream: &str) -> Proc {
    let mut cmd = Command::new(binary("invites-faultproxy"));
    cmd.args(["--listen", "127.0.0.1:0", "--upstream", upstream]);
    spawn(cmd, None)
}

/// A new organization on `base_url`; returns its API key.
pub async fn organization(base_url: &str, name: &str) -> String {
    let admin = invites_sdk::Client::new(base_url, ADMIN_TOKEN).expect("admin client");
    let body = serde_json::from_value(serde_json::json!({ "name": name })).expect("body");
    admin
        .organizations()
        .create(&body)
        .await
        .expect("create organization")
        .api_key
}
