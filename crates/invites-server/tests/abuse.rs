//! Abuse limits (issue 17, items 1 and 9): failed lookups/accepts are limited per
//! (organization, code) and per end user (`Invites-Forwarded-For`, else the API key), never
//! across tenants nor for a whole tenant at once, and counted exactly under concurrency; the
//! admin token is at least 32 characters, its failures are limited, and a generated one is
//! printed once on stdout, never on the log stream.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use serde_json::{Value, json};

/// POST `body` to `path` with `key` and, if given, an `Invites-Forwarded-For` end user; the
/// status, the `Retry-After` header and the JSON body.
async fn post_as(
    server: &TestServer,
    http: &reqwest::Client,
    key: &str,
    end_user: Option<&str>,
    path: &str,
    body: Value,
) -> (u16, Option<String>, Value) {
    let mut req = http
        .post(format!("{}{path}", server.base_url))
        .bearer_auth(key)
        .json(&body);
    if let Some(u) = end_user {
        req = req.header("Invites-Forwarded-For", u);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let retry = resp
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (status, retry, resp.json().await.unwrap_or(Value::Null))
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_tenants_failures_with_a_code_never_lock_its_owner_out() {
    let server = TestServer::start_with(&[
        "--rate-limit-failures", "1000",
        "--rate-limit-code-failures", "3",
    ]);
    let http = server.raw();
    let a = server.org("A").await;
    let b = server.org("B").await;
    let public = invite(&a.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = public.code.unwrap();
    // B tries A's code until B is refused: to B it is an unknown code.
    let mut b_statuses = Vec::new();
    for _ in 0..5 {
        let (s, _, _) = post_as(&server, &http, &b.key, None, "/v1/invites/lookup", json!({"code": code})).await;
        b_statuses.push(s);
    }
    assert_eq!(b_statuses, [404, 404, 404, 429, 429]);
    // A's own link still works, for lookups and accepts.
    let (s, _, v) = post_as(&server, &http, &a.key, None, "/v1/invites/lookup", json!({"code": code})).await;
    assert_eq!(s, 200, "{v}");
    let (s, _, v) = post_as(
        &server, &http, &a.key, None, "/v1/invites/accept",
        json!({"code": code, "email": "ada@example.com"}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_end_user_guessing_never_locks_the_whole_tenant() {
    let server = TestServer::start_with(&[
        "--rate-limit-failures", "3",
        "--rate-limit-code-failures", "1000",
    ]);
    let http = server.raw();
    let org = server.org("A").await;
    let public = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = public.code.unwrap();
    let mallory = Some("203.0.113.7");
    for i in 0..3 {
        let (s, _, _) = post_as(
            &server, &http, &org.key, mallory, "/v1/invites/lookup", json!({"code": format!("ic_junk{i}")}),
        )
        .await;
        assert_eq!(s, 404);
    }
    // That end user is refused now, even with a good code ...
    let (s, retry, v) = post_as(&server, &http, &org.key, mallory, "/v1/invites/lookup", json!({"code": code})).await;
    assert_eq!((s, v["error"]["type"].as_str()), (429, Some("rate_limited")), "{v}");
    assert!(retry.is_some());
    // ... but another end user of the same tenant (same API key) is not, nor is the API key
    // itself (calls that name no end user).
    let (s, _, v) = post_as(
        &server, &http, &org.key, Some("198.51.100.2"), "/v1/invites/accept",
        json!({"code": code, "email": "grace@example.com"}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let (s, _, v) = post_as(&server, &http, &org.key, None, "/v1/invites/lookup", json!({"code": code})).await;
    assert_eq!(s, 200, "{v}");
    // Without the header the API key stands in for the end user, and is limited the same way.
    for i in 0..3 {
        let (s, _, _) = post_as(
            &server, &http, &org.key, None, "/v1/invites/lookup", json!({"code": format!("ic_other{i}")}),
        )
        .await;
        assert_eq!(s, 404);
    }
    let (s, _, _) = post_as(&server, &http, &org.key, None, "/v1/invites/lookup", json!({"code": code})).await;
    assert_eq!(s, 429);
    let (s, _, _) = post_as(&server, &http, &org.key, Some("198.51.100.3"), "/v1/invites/lookup", json!({"code": code})).await;
    assert_eq!(s, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_wrong_accepts_get_exactly_the_limit_of_answers() {
    let server = TestServer::start_with(&[
        "--rate-limit-failures", "100000",
        "--rate-limit-code-failures", "10",
    ]);
    let org = server.org("A").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "emails": ["ada@example.com"]})).await;
    let code = inv.code.unwrap();
    let server = Arc::new(server);
    let http = server.raw();
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (server, http, key, code) = (server.clone(), http.clone(), org.key.clone(), code.clone());
            tokio::spawn(async move {
                post_as(
                    &server, &http, &key, Some(&format!("10.0.0.{i}")), "/v1/invites/accept",
                    json!({"code": code, "email": format!("eve{i}@example.com")}),
                )
                .await
                .0
            })
        })
        .collect();
    let mut answered = 0;
    let mut limited = 0;
    for t in tasks {
        match t.await.unwrap() {
            403 => answered += 1,
            429 => limited += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    println!("{:?}: 200 concurrent wrong accepts: {answered} answered 403, {limited} got 429", backend());
    assert_eq!((answered, limited), (10, 190));
    // The right address is refused too until the window ends, and nothing was consumed.
    let (s, _, _) = post_as(
        &server, &http, &org.key, Some("10.1.1.1"), "/v1/invites/accept",
        json!({"code": code, "email": "ada@example.com"}),
    )
    .await;
    assert_eq!(s, 429);
    assert_eq!(org.client.invites().get(&inv.id).await.unwrap().use_count, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_admin_tokens_are_rate_limited() {
    let server = TestServer::start_with(&["--rate-limit-failures", "3"]);
    let http = server.raw();
    let wrong = "iat_wrong_admin_token_0123456789abcdef";
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let (s, _, _) = post_as(&server, &http, wrong, None, "/v1/organizations", json!({"name": "X"})).await;
        statuses.push(s);
    }
    assert_eq!(statuses, [401, 401, 401, 429, 429]);
    let (s, retry, v) = post_as(&server, &http, wrong, None, "/v1/organizations", json!({"name": "X"})).await;
    assert_eq!((s, v["error"]["type"].as_str()), (429, Some("rate_limited")), "{v}");
    let secs: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!((1..=60).contains(&secs), "{secs}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_admin_token_is_refused_at_start() {
    let server = TestServer::start();
    for short in ["a", "iat_only_thirty_one_characters_"] {
        assert!(short.len() < 32);
        let dir = tempfile::tempdir().unwrap();
        let log_path = dir.path().join("server.log");
        let mut child = Command::new(env!("CARGO_BIN_EXE_invites-server"))
            .args(["--listen", "127.0.0.1:0", "--database-url", &server.database_url])
            .env("INVITES_ADMIN_TOKEN", short)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(std::fs::File::create(&log_path).unwrap()))
            .spawn()
            .expect("spawn invites-server");
        // The first stdout line, or the end of stdout when the process exits without one.
        let out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        if let Ok(line) = rx.recv_timeout(Duration::from_secs(60)) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("started with a {}-character admin token: {line}", short.len());
        }
        let status = child.wait().unwrap();
        let stderr = std::fs::read_to_string(&log_path).unwrap();
        assert!(!status.success(), "{stderr}");
        assert!(
            stderr.contains("INVITES_ADMIN_TOKEN") && stderr.contains("32"),
            "{stderr}"
        );
        assert!(short == "a" || !stderr.contains(short), "the refused token is echoed: {stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generated_admin_token_is_printed_once_on_stdout_never_in_the_log() {
    // A fresh database (made by a server given a token, which stores none; stopped, but kept
    // so that its database lives as long as this test), then servers without a token on it.
    let mut template = TestServer::start();
    template.stop();
    let database_url = template.database_url.clone();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("server.log");
    // Every stdout line goes to a channel, so that a missing line is a failure, not a hang.
    let spawn = || {
        let mut cmd = invites_testkit::server_command(
            std::path::Path::new(env!("CARGO_BIN_EXE_invites-server")),
            &database_url,
        );
        cmd.args(["--db-pool-size", "2"])
            .env("INVITES_LOG", "debug")
            .stderr(Stdio::from(std::fs::File::create(&log_path).unwrap()));
        invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"))
    };
    let mut server = spawn();
    let base = server.url.clone();
    // Written with the listening line, so it is there already; 10 s only guards against a hang.
    let second = server.next_line(Duration::from_secs(10)).unwrap_or_default();
    let token = second
        .split_whitespace()
        .find(|w| w.starts_with("iat_"))
        .unwrap_or_else(|| panic!("no generated token on stdout after the listening line: {second:?}"))
        .to_string();
    assert!(token.len() >= 32, "{token}");
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::new();
    let created = http
        .post(format!("{base}/v1/organizations"))
        .bearer_auth(&token)
        .json(&json!({"name": "X"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    server.stop();
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(!log.contains(&token), "the token reached the log stream");
    assert!(!log.contains("iat_"), "{log}");

    // A second start on the same database prints no token at all.
    let mut server = spawn();
    server.stop();
    let rest: Vec<String> = std::iter::from_fn(|| server.next_line(Duration::from_secs(1))).collect();
    assert!(!rest.iter().any(|l| l.contains("iat_")), "printed again: {rest:?}");
    assert!(!std::fs::read_to_string(&log_path).unwrap().contains("iat_"));
    // Only the token's hash is stored.
    assert!(!template.database_contains(&token).await, "the token itself is stored");
    assert!(
        template
            .database_contains(&invites_server::secrets::hash_secret(&token))
            .await,
        "its hash is (the scan sees stored settings)"
    );
    drop(template);
}
}
