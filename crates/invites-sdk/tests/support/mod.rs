//! Test support: start the real `invites-server` (and the fault proxy) from the workspace's
//! build output, on ephemeral ports and a temporary SQLite file.

#![allow(dead_code)]

use invites_testkit::{Listening, binary, server_command, sqlite_url};

/// The admin token every test server is started with.
pub const ADMIN_TOKEN: &str = "iat_test_admin_token_for_the_sdk_suite";

/// A started process (killed when dropped) and the temp dir it works in.
pub struct Proc {
    listening: Listening,
    /// `http://127.0.0.1:PORT`, from the process's ready line.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

fn spawn(mut cmd: std::process::Command, dir: Option<tempfile::TempDir>) -> Proc {
    let listening =
        Listening::spawn(cmd.stderr(std::process::Stdio::null())).unwrap_or_else(|e| panic!("{e}"));
    Proc {
        url: listening.url.clone(),
        listening,
        _dir: dir,
    }
}

impl Proc {
    /// Kill the process now.
    pub fn stop(&mut self) {
        self.listening.stop();
    }
}

/// A fresh server on a temporary SQLite file.
pub fn server() -> Proc {
    server_with(&[])
}

/// A fresh server on a temporary SQLite file, with extra arguments; it writes invitation emails
/// as files into its temp dir (`--email-dir`), so `send_email` and `resend` work.
pub fn server_with(args: &[&str]) -> Proc {
    let dir = tempfile::tempdir().expect("tempdir");
    let mail = dir.path().join("mail");
    let mut cmd = server_command(&binary("invites-server"), &sqlite_url(dir.path()));
    cmd.arg("--email-dir")
        .arg(&mail)
        .args(args)
        .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
        .current_dir(dir.path());
    spawn(cmd, Some(dir))
}

/// The fault proxy in front of `upstream`.
pub fn proxy(upstream: &str) -> Proc {
    let listening = invites_testkit::fault_proxy(upstream).unwrap_or_else(|e| panic!("{e}"));
    Proc {
        url: listening.url.clone(),
        listening,
        _dir: None,
    }
}

/// A new organization on `base_url`; returns its API key.
pub async fn organization(base_url: &str, name: &str) -> String {
    let admin = invites_sdk::Client::new(base_url, ADMIN_TOKEN).expect("admin client");
    let created = admin
        .call_json("createOrganization", serde_json::json!({ "name": name }))
        .await
        .expect("create organization");
    created["api_key"].as_str().expect("api_key").to_owned()
}
