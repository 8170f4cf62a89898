//! Dev-only test harness shared by every Rust suite, xtask and the bench: start a process that
//! announces itself with a `listening on <url>` line (invites-server, invites-faultproxy, the
//! bench's peers) on an ephemeral port, wait for that line, and kill the process when dropped.
//!
//! ```no_run
//! let dir = tempfile::tempdir().unwrap();
//! let mut cmd = invites_testkit::server_command(
//!     &invites_testkit::binary("invites-server"),
//!     &invites_testkit::sqlite_url(dir.path()),
//! );
//! cmd.env("INVITES_ADMIN_TOKEN", "iat_an_admin_token_of_at_least_32_chars");
//! let server = invites_testkit::Listening::spawn(&mut cmd).unwrap();
//! println!("{}", server.url);
//! ```

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long a process may take to print its `listening on` line.
pub const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A process that printed `listening on <url>`; killed (and reaped) when dropped.
pub struct Listening {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`, from the process's first stdout line.
    pub url: String,
    lines: Receiver<String>,
}

impl Listening {
    /// Spawn `cmd` with stdout piped (stdin closed; stderr as the caller set it, else
    /// discarded) and wait up to [`START_TIMEOUT`] for its first line, `listening on <url>`.
    /// Fails with what the process printed instead, or that it printed nothing.
    pub fn spawn(cmd: &mut Command) -> Result<Listening, String> {
        let program = cmd.get_program().to_string_lossy().into_owned();
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("starting {program}: {e}"))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = match lines.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                let status = child.wait().ok();
                return Err(match e {
                    RecvTimeoutError::Timeout => {
                        format!("{program} printed no `listening on` line within {START_TIMEOUT:?}")
                    }
                    RecvTimeoutError::Disconnected => {
                        format!("{program} exited ({status:?}) before it was listening")
                    }
                });
            }
        };
        match first.trim().strip_prefix("listening on ") {
            Some(url) => Ok(Listening {
                url: url.to_owned(),
                child: Some(child),
                lines,
            }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "{program} did not start: its first line was {first:?}"
                ))
            }
        }
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> &str {
        self.url
            .strip_prefix("http://")
            .unwrap_or(&self.url)
            .trim_end_matches('/')
    }

    /// The next stdout line after the `listening on` one, waiting at most `timeout`.
    pub fn next_line(&self, timeout: Duration) -> Option<String> {
        self.lines.recv_timeout(timeout).ok()
    }

    /// The process, e.g. to signal it.
    pub fn child(&mut self) -> &mut Child {
        self.child.as_mut().expect("the process was not stopped")
    }

    /// Kill the process and wait for it; true if it was still running.
    pub fn stop(&mut self) -> bool {
        match self.child.take() {
            Some(mut c) => {
                let running = matches!(c.try_wait(), Ok(None));
                let _ = c.kill();
                let _ = c.wait();
                running
            }
            None => false,
        }
    }

    /// Take the process over: it is no longer killed on drop.
    pub fn into_child(mut self) -> Child {
        self.child.take().expect("the process was not stopped")
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A workspace binary from the same build as the running test (`target/<profile>/<name>`),
/// or `$INVITES_<NAME>_BIN` (`INVITES_SERVER_BIN` for `invites-server`) when set.
pub fn binary(name: &str) -> PathBuf {
    let var = format!(
        "INVITES_{}_BIN",
        name.trim_start_matches("invites-").to_uppercase()
    );
    if let Some(p) = std::env::var_os(var) {
        return p.into();
    }
    // target/<profile>/deps/<test> or target/<profile>/<bin> -> target/<profile>/<name>
    let exe = std::env::current_exe().expect("current executable");
    let mut dir = exe.parent().expect("executable dir");
    if dir.ends_with("deps") || dir.ends_with("examples") {
        dir = dir.parent().expect("profile dir");
    }
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is missing: build it first (`cargo build -p {name}`; `cargo xtask test` does)",
        path.display()
    );
    path
}

/// A SQLite database URL for a file in `dir`, created on first use.
pub fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}/invites.db?mode=rwc", dir.display())
}

/// The server key test servers on PostgreSQL share (they must: replicas of one database seal
/// webhook secrets under one key). Never use it outside tests.
pub const TEST_SECRET_KEY: &str =
    "7e57000000000000000000000000000000000000000000000000000000007e57";

/// `bin --listen 127.0.0.1:0 --database-url <url>`, with the machine's `INVITES_ADMIN_TOKEN`,
/// `INVITES_PUBLIC_URL` and `INVITES_SECRET_KEY` removed so a test sets exactly what it needs;
/// on PostgreSQL the server key is [`TEST_SECRET_KEY`] (a SQLite server makes its own).
pub fn server_command(bin: &Path, database_url: &str) -> Command {
    let mut cmd = Command::new(bin);
    cmd.args(["--listen", "127.0.0.1:0", "--database-url", database_url])
        .env_remove("INVITES_ADMIN_TOKEN")
        .env_remove("INVITES_PUBLIC_URL")
        .env_remove("INVITES_SECRET_KEY");
    if database_url.starts_with("postgres") {
        cmd.env("INVITES_SECRET_KEY", TEST_SECRET_KEY);
    }
    cmd
}

/// POST `body` to `url` with a bearer token (and an `Idempotency-Key`) and answer the JSON it
/// returns: how xtask and the bench set up fixtures (an organization, invites) without the SDK,
/// so that `cargo xtask regen` never needs the SDK to compile.
pub fn post_json(
    url: &str,
    token: &str,
    body: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async {
        let resp = reqwest::Client::new()
            .post(url)
            .bearer_auth(token)
            .header(
                "Idempotency-Key",
                format!("testkit-{}", std::process::id()) + &nonce(),
            )
            .json(body)
            .send()
            .await
            .map_err(|e| format!("POST {url}: {e}"))?;
        let status = resp.status();
        let text = resp.text().await.map_err(|e| format!("POST {url}: {e}"))?;
        if !status.is_success() {
            return Err(format!("POST {url}: {status}: {text}"));
        }
        serde_json::from_str(&text).map_err(|e| format!("POST {url}: not JSON ({e}): {text}"))
    })
}

fn nonce() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("-{n}")
}

/// A new organization on the server at `base_url`, made with the admin token; its API key.
pub fn create_org(base_url: &str, admin_token: &str, name: &str) -> Result<String, String> {
    let created = post_json(
        &format!("{base_url}/v1/organizations"),
        admin_token,
        &serde_json::json!({ "name": name }),
    )?;
    created["api_key"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no api_key in {created}"))
}

/// The fault proxy (`invites-faultproxy`) in front of `upstream`.
pub fn fault_proxy(upstream: &str) -> Result<Listening, String> {
    Listening::spawn(
        Command::new(binary("invites-faultproxy"))
            .args(["--listen", "127.0.0.1:0", "--upstream", upstream])
            .stderr(Stdio::null()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_that_never_listens_is_reported() {
        let err = Listening::spawn(Command::new("sh").args(["-c", "echo hello"]))
            .err()
            .expect("must fail");
        assert!(err.contains("\"hello\""), "{err}");
        let err = Listening::spawn(&mut Command::new("true"))
            .err()
            .expect("must fail");
        assert!(err.contains("exited"), "{err}");
    }

    #[test]
    fn the_url_and_later_lines_are_read() {
        let mut p = Listening::spawn(Command::new("sh").args([
            "-c",
            "echo 'listening on http://127.0.0.1:9'; echo second; sleep 30",
        ]))
        .unwrap();
        assert_eq!(p.url, "http://127.0.0.1:9");
        assert_eq!(p.addr(), "127.0.0.1:9");
        assert_eq!(
            p.next_line(Duration::from_secs(10)).as_deref(),
            Some("second")
        );
        assert!(p.stop(), "it was still running");
    }
}
