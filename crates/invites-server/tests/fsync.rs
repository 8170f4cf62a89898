//! Durability on SQLite, observed: an answered write has been fsynced.
//!
//! The server runs under `strace -f`, which records every fsync/fdatasync (with the file each
//! descriptor names) and every write to a socket. A write (createInvite) must show a completed
//! fsync of the database's WAL after the previous answer and before its own `201` goes out:
//! with `synchronous = NORMAL` SQLite syncs the WAL only at checkpoints, and this test fails.

use std::process::{Command, Stdio};

use serde_json::{Value, json};

const ADMIN: &str = "iat_fsync_test_admin_token_0123456789abcdef";

/// Where in the strace log each interesting syscall completed or started.
#[derive(Debug, PartialEq)]
enum Event {
    /// An fsync/fdatasync of the WAL file that returned 0.
    WalSynced,
    /// A socket write beginning with an HTTP status line (the status code).
    Answer(u16),
}

/// The events of a `strace -f -y -s 64` log, in the order strace recorded them. A syscall
/// split by another thread (`<unfinished ...>` … `<... resumed>`) counts where it resumed for a
/// sync (it completed there) and where it started for an answer (its bytes were already given).
fn events(log: &str) -> Vec<Event> {
    let mut out = Vec::new();
    // pid -> the sync that is unfinished on it
    let mut pending_sync: std::collections::HashSet<String> = Default::default();
    for line in log.lines() {
        let mut parts = line.splitn(2, ' ');
        let (pid, rest) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("").trim(),
        );
        let is_sync = rest.starts_with("fsync(") || rest.starts_with("fdatasync(");
        if is_sync && rest.contains("-wal>") {
            if rest.ends_with("<unfinished ...>") {
                pending_sync.insert(pid.to_string());
            } else if rest.ends_with("= 0") {
                out.push(Event::WalSynced);
            }
            continue;
        }
        if (rest.starts_with("<... fsync resumed>") || rest.starts_with("<... fdatasync resumed>"))
            && pending_sync.remove(pid)
        {
            if rest.ends_with("= 0") {
                out.push(Event::WalSynced);
            }
            continue;
        }
        let is_write = ["write(", "writev(", "sendto(", "sendmsg("]
            .iter()
            .any(|s| rest.starts_with(s));
        let code = rest
            .find("HTTP/1.1 ")
            .and_then(|i| rest[i + 9..].get(..3))
            .and_then(|c| c.parse().ok());
        if is_write
            && (rest.contains("<TCP") || rest.contains("<socket"))
            && let Some(code) = code
        {
            out.push(Event::Answer(code));
        }
    }
    out
}

#[test]
fn an_answered_write_has_been_fsynced() {
    if Command::new("strace").arg("-V").output().is_err() {
        panic!(
            "strace is required for this test (apt-get install strace; cargo xtask test installs it)"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("strace.log");
    let db = invites_testkit::sqlite_url(dir.path());
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-y", "-s", "64", "-qq"])
        .args(["-e", "trace=fsync,fdatasync,write,writev,sendto,sendmsg"])
        .arg("-o")
        .arg(&log_path)
        .arg(env!("CARGO_BIN_EXE_invites-server"))
        .args(["--listen", "127.0.0.1:0", "--database-url", &db])
        .env("INVITES_ADMIN_TOKEN", ADMIN)
        .stderr(Stdio::null());
    let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
    let url = server.url.clone();
    let mut child = server.into_child();

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let (org_status, invite_status) = rt.block_on(async {
        let org: Value = http
            .post(format!("{url}/v1/organizations"))
            .bearer_auth(ADMIN)
            .json(&json!({"name": "Durable"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let key = org["api_key"].as_str().expect("an api key").to_string();
        // A read in between: an answer with no write behind it.
        let read = http
            .get(format!("{url}/v1/organization"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap()
            .status();
        let invite = http
            .post(format!("{url}/v1/invites"))
            .bearer_auth(&key)
            .json(&json!({"roles": ["user"], "ttl_seconds": 3600}))
            .send()
            .await
            .unwrap()
            .status();
        (read.as_u16(), invite.as_u16())
    });
    assert_eq!((org_status, invite_status), (200, 201));

    // Stop the server (and strace with it) so the log is complete; close the client's
    // keep-alive connections first, which a graceful shutdown waits for.
    drop(http);
    drop(rt);
    // The server is strace's child: SIGTERM it (strace itself would only detach).
    let children = std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", child.id()))
        .expect("strace's children");
    for pid in children.split_whitespace() {
        let _ = Command::new("kill").arg(pid).status();
    }
    let _ = child.wait();
    let log = std::fs::read_to_string(&log_path).unwrap();
    let events = events(&log);

    // The answers in order: 201 (organization), 200 (read), 201 (invite).
    let answers: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e, Event::Answer(_)))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        answers.iter().map(|&i| &events[i]).collect::<Vec<_>>(),
        [
            &Event::Answer(201),
            &Event::Answer(200),
            &Event::Answer(201)
        ],
        "the three answers, in order (strace log at {log_path:?} kept below)\n{log}"
    );
    let synced_between = |a: usize, b: usize| events[a + 1..b].contains(&Event::WalSynced);
    assert!(
        events[..answers[0]].contains(&Event::WalSynced),
        "no fsync of the WAL before the organization's 201: {events:?}"
    );
    assert!(
        synced_between(answers[1], answers[2]),
        "the invite's 201 went out with no fsync of the WAL after the previous answer: {events:?}"
    );
    assert!(
        !synced_between(answers[0], answers[1]),
        "a read fsynced the WAL (the parse of the log is off): {events:?}"
    );
}
