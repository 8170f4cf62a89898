//! Slow and idle clients: the header-read timeout, the connection limit, and a shutdown that
//! ends within its grace period whatever the clients do.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process, killed on drop.
struct Server {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = invites_testkit::server_command(
        std::path::Path::new(env!("CARGO_BIN_EXE_invites-server")),
        &invites_testkit::sqlite_url(dir.path()),
    );
    cmd.args(args)
        .env(
            "INVITES_ADMIN_TOKEN",
            "iat_connections_test_admin_token_0123456",
        )
        .stderr(Stdio::null());
    let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
    let addr = server.addr().to_owned();
    let child = server.into_child();
    Server {
        child,
        addr,
        _dir: dir,
    }
}

/// `GET /healthz` on a new connection; the status line, or None if no answer came in `wait`.
fn healthz(addr: &str, wait: Duration) -> Option<String> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(wait)).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 64];
    match s.read(&mut buf) {
        Ok(n) if n > 0 => Some(
            String::from_utf8_lossy(&buf[..n])
                .lines()
                .next()
                .unwrap_or("")
                .to_string(),
        ),
        _ => None,
    }
}

/// Whether the server closed `s` (EOF or reset) within `wait`.
fn closed_within(s: &mut TcpStream, wait: Duration) -> bool {
    s.set_read_timeout(Some(wait)).unwrap();
    let mut buf = [0u8; 256];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue, // e.g. a 408 before the close
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut =>
            {
                return false;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let server = start(&["--header-read-timeout-ms", "300"]);
    let mut slow = TcpStream::connect(&server.addr).unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")
        .unwrap();
    assert!(
        closed_within(&mut slow, Duration::from_secs(10)),
        "a client sending half its headers kept its connection"
    );
    assert_eq!(
        healthz(&server.addr, Duration::from_secs(10)).as_deref(),
        Some("HTTP/1.1 200 OK")
    );
}

#[test]
fn connections_past_the_limit_wait_for_a_free_slot() {
    let server = start(&[
        "--max-connections",
        "1",
        "--header-read-timeout-ms",
        "60000",
    ]);
    let holder = TcpStream::connect(&server.addr).unwrap();
    // Let the server accept the holder first.
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        healthz(&server.addr, Duration::from_millis(700)),
        None,
        "a second connection was served while the only slot was held"
    );
    drop(holder);
    assert_eq!(
        healthz(&server.addr, Duration::from_secs(10)).as_deref(),
        Some("HTTP/1.1 200 OK"),
        "the slot did not come back when the first client left"
    );
}

#[test]
fn shutdown_ends_within_its_grace_period_despite_slow_and_idle_clients() {
    let mut server = start(&[
        "--shutdown-grace-secs",
        "1",
        "--header-read-timeout-ms",
        "60000",
    ]);
    let mut slow = TcpStream::connect(&server.addr).unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n")
        .unwrap();
    let idle = TcpStream::connect(&server.addr).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let _ = Command::new("kill")
        .arg(server.child.id().to_string())
        .status();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(20) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.is_some(),
        "the server was still running 20 s after SIGTERM with a 1 s grace period"
    );
    assert!(status.unwrap().success(), "{status:?}");
    drop((slow, idle));
}

#[test]
fn an_idle_keep_alive_connection_is_closed_after_the_header_read_timeout() {
    let server = start(&["--header-read-timeout-ms", "300"]);
    let mut idle = TcpStream::connect(&server.addr).unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        .unwrap();
    // The answer comes, the connection stays open for another request ...
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = [0u8; 1024];
    let n = idle.read(&mut buf).unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
    // ... and is closed once it has been idle for the header-read timeout: waiting for the next
    // request's headers on a kept-alive connection is the same clock.
    let started = Instant::now();
    assert!(
        closed_within(&mut idle, Duration::from_secs(5)),
        "an idle keep-alive connection was kept"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // A busy client is not cut off: requests 100 ms apart on one connection all succeed.
    let mut busy = TcpStream::connect(&server.addr).unwrap();
    busy.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    for _ in 0..5 {
        busy.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            .unwrap();
        let n = busy.read(&mut buf).unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
        std::thread::sleep(Duration::from_millis(100));
    }
}
