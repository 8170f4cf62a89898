//! Crash safety: SIGKILL the server while writes are in flight, restart it on the same SQLite
//! file, retry with the same `Idempotency-Key`s, and check that every effect happened exactly once
//! and that nothing is half-written.
//!
//! These tests spawn the binary themselves (not through `common`), because they need SIGKILL
//! and a restart on the very same file; they are about SQLite's on-disk state.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sqlx::Connection;

const ADMIN: &str = "iat_crash_admin_token_0123456789";

struct Proc {
    child: Child,
    base: String,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &Path, log: &Path) -> Proc {
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("log file");
    let mut cmd = invites_testkit::server_command(
        Path::new(env!("CARGO_BIN_EXE_invites-server")),
        &format!("sqlite://{}", db.display()),
    );
    cmd.env("INVITES_ADMIN_TOKEN", ADMIN)
        .stderr(Stdio::from(log_file));
    let server = invites_testkit::Listening::spawn(&mut cmd).unwrap_or_else(|e| panic!("{e}"));
    let base = server.url.clone();
    let child = server.into_child();
    Proc { child, base }
}

/// SIGKILL (no graceful shutdown, nothing flushed by the server) and reap.
fn sigkill(mut p: Proc) {
    p.child.kill().expect("SIGKILL");
    p.child.wait().expect("wait");
}

fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

async fn post(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    token: &str,
    idem: &str,
    body: &Value,
) -> Result<(u16, Value), reqwest::Error> {
    let resp = http
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .header("idempotency-key", idem)
        .json(body)
        .send()
        .await?;
    let status = resp.status().as_u16();
    let v = resp.json().await?;
    Ok((status, v))
}

async fn org(http: &reqwest::Client, base: &str, name: &str) -> (String, String) {
    let (s, v) = post(
        http,
        base,
        "/v1/organizations",
        ADMIN,
        &format!("org-{name}"),
        &json!({"name": name}),
    )
    .await
    .unwrap();
    assert_eq!(s, 201, "{v}");
    (
        v["organization"]["id"].as_str().unwrap().to_string(),
        v["api_key"].as_str().unwrap().to_string(),
    )
}

async fn db(path: &Path) -> sqlx::SqliteConnection {
    sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("open the database file")
}

async fn count(conn: &mut sqlx::SqliteConnection, sql: &str, org: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(org)
        .fetch_one(conn)
        .await
        .unwrap()
}

/// No invite without its address rows, no address row without its invite, every invite's JSON
/// columns parse, every redemption has its member.
async fn assert_consistent(path: &Path, org: &str) {
    let mut c = db(path).await;
    let orphans = count(
        &mut c,
        "SELECT count(*) FROM invites i WHERE i.organization_id = $1 AND \
         json_array_length(i.emails) <> (SELECT count(*) FROM invite_emails e WHERE e.invite_id = i.id)",
        org,
    )
    .await;
    assert_eq!(orphans, 0, "invites whose address rows are missing");
    let dangling = count(
        &mut c,
        "SELECT count(*) FROM invite_emails e WHERE e.organization_id = $1 AND \
         NOT EXISTS (SELECT 1 FROM invites i WHERE i.id = e.invite_id)",
        org,
    )
    .await;
    assert_eq!(dangling, 0, "address rows without an invite");
    let bad_json = count(
        &mut c,
        "SELECT count(*) FROM invites WHERE organization_id = $1 AND \
         (json_valid(emails) = 0 OR json_valid(roles) = 0 OR json_valid(teams) = 0 \
          OR json_valid(metadata) = 0 OR length(code_hash) NOT IN (64, 12 + 64))",
        org,
    )
    .await;
    assert_eq!(bad_json, 0);
    let lonely = count(
        &mut c,
        "SELECT count(*) FROM redemptions r WHERE r.organization_id = $1 AND \
         NOT EXISTS (SELECT 1 FROM members m WHERE m.id = r.member_id)",
        org,
    )
    .await;
    assert_eq!(lonely, 0, "redemptions without their member");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut c)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

fn paths() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("invites.db");
    let log = dir.path().join("server.log");
    (dir, db, log)
}

/// A batch of 1,000 with an Idempotency-Key, killed at several moments (before, during and
/// after its commit), then retried after a restart: one batch of exactly 1,000, or none before
/// the retry; never a part of one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_create_killed_in_flight_happens_exactly_once() {
    let (_dir, db_path, log) = paths();
    let http = http();
    let emails: Vec<String> = (0..1000).map(|i| format!("p{i}@example.com")).collect();
    let body = json!({"emails": emails, "roles": ["user"], "ttl_seconds": 86400});
    let mut outcomes = Vec::new();
    for (round, delay_ms) in [0u64, 40, 150, 200, 250, 300, 400].into_iter().enumerate() {
        let server = start(&db_path, &log);
        let (org_id, key) = org(&http, &server.base, &format!("round{round}")).await;
        let idem = format!("batch-{round}");
        // The batch, plus other writes in flight beside it.
        let first = {
            let (http, base, key, idem, body) = (
                http.clone(),
                server.base.clone(),
                key.clone(),
                idem.clone(),
                body.clone(),
            );
            tokio::spawn(async move {
                post(&http, &base, "/v1/invites/batch", &key, &idem, &body).await
            })
        };
        let noise: Vec<_> = (0..4)
            .map(|i| {
                let (http, base, key) = (http.clone(), server.base.clone(), key.clone());
                tokio::spawn(async move {
                    let _ = post(
                        &http,
                        &base,
                        "/v1/invites",
                        &key,
                        &format!("noise-{i}"),
                        &json!({"roles": ["user"], "emails": [format!("n{i}@example.org")]}),
                    )
                    .await;
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        sigkill(server);
        let first = first.await.unwrap();
        for n in noise {
            n.await.unwrap();
        }
        let first_ids: Option<Vec<String>> = match &first {
            Ok((201, v)) => Some(
                v["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_str().unwrap().to_string())
                    .collect(),
            ),
            Ok((s, v)) => panic!("round {round}: the batch answered {s} {v}"),
            Err(_) => None,
        };
        // On disk after the crash: all of the batch or none of it.
        let before = {
            let mut c = db(&db_path).await;
            count(
                &mut c,
                "SELECT count(*) FROM invites WHERE organization_id = $1 \
                 AND json_extract(emails, '$[0]') LIKE 'p%@example.com'",
                &org_id,
            )
            .await
        };
        assert!(
            before == 0 || before == 1000,
            "round {round}: {before} invites after the kill"
        );
        assert_consistent(&db_path, &org_id).await;

        // Restart on the same file and retry with the same key.
        let server = start(&db_path, &log);
        let (s, v) = post(&http, &server.base, "/v1/invites/batch", &key, &idem, &body)
            .await
            .unwrap();
        assert_eq!(s, 201, "round {round}: {v}");
        let data = v["data"].as_array().unwrap();
        assert_eq!(data.len(), 1000);
        let ids: Vec<String> = data
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
        if let Some(first_ids) = &first_ids {
            assert_eq!(&ids, first_ids, "round {round}: the retry was not a replay");
        }
        let mut c = db(&db_path).await;
        let after = count(
            &mut c,
            "SELECT count(*) FROM invites WHERE organization_id = $1 AND \
             json_extract(emails, '$[0]') LIKE 'p%@example.com'",
            &org_id,
        )
        .await;
        assert_eq!(after, 1000, "round {round}");
        assert_consistent(&db_path, &org_id).await;
        // The codes handed out work (their hashes were committed with the invites).
        for inv in [&data[0], &data[999]] {
            let (s, v) = post(
                &http,
                &server.base,
                "/v1/invites/lookup",
                &key,
                &format!("look-{round}-{}", inv["id"]),
                &json!({"code": inv["code"]}),
            )
            .await
            .unwrap();
            assert_eq!((s, v["status"].as_str()), (200, Some("pending")), "{v}");
        }
        outcomes.push(match (before, first_ids.is_some()) {
            (0, _) => "lost, redone by the retry",
            (_, true) => "committed and answered, replayed",
            (_, false) => "committed unanswered, replayed",
        });
        sigkill(server);
    }
    eprintln!("batch kill rounds: {outcomes:?}");
}

/// 120 concurrent accepts of a 40-use public invite, each with its own key and address, killed
/// in flight and all retried after a restart: members = redemptions = use_count = 40, and every
/// retried accept answers what it did (a replayed 201, or 409 for the ones past the quota).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepts_killed_in_flight_keep_the_quota_exact() {
    let (_dir, db_path, log) = paths();
    let http = http();
    let mut summary = Vec::new();
    for (round, delay_ms) in [5u64, 60, 150, 250].into_iter().enumerate() {
        let server = start(&db_path, &log);
        let (org_id, key) = org(&http, &server.base, &format!("acc{round}")).await;
        let (s, inv) = post(
            &http,
            &server.base,
            "/v1/invites",
            &key,
            &format!("inv-{round}"),
            &json!({"roles": ["user"], "max_uses": 40, "ttl_seconds": 86400}),
        )
        .await
        .unwrap();
        assert_eq!(s, 201, "{inv}");
        let code = inv["code"].as_str().unwrap().to_string();
        let inv_id = inv["id"].as_str().unwrap().to_string();
        let body = |i: usize| json!({"code": code, "email": format!("m{i}@example.net")});
        let tasks: Vec<_> = (0..120)
            .map(|i| {
                let (http, base, key, b) =
                    (http.clone(), server.base.clone(), key.clone(), body(i));
                tokio::spawn(async move {
                    post(
                        &http,
                        &base,
                        "/v1/invites/accept",
                        &key,
                        &format!("acc-{i}"),
                        &b,
                    )
                    .await
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        sigkill(server);
        let mut answered = 0;
        for t in tasks {
            if let Ok((s, _)) = t.await.unwrap() {
                assert!(s == 201 || s == 409, "{s}");
                answered += 1;
            }
        }
        let (members_before, uses_before) = {
            let mut c = db(&db_path).await;
            let m = count(
                &mut c,
                "SELECT count(*) FROM members WHERE organization_id = $1",
                &org_id,
            )
            .await;
            let u: i64 = sqlx::query_scalar("SELECT use_count FROM invites WHERE id = $1")
                .bind(&inv_id)
                .fetch_one(&mut c)
                .await
                .unwrap();
            (m, u)
        };
        assert_eq!(members_before, uses_before, "round {round}: after the kill");
        assert!(uses_before <= 40);
        assert_consistent(&db_path, &org_id).await;

        let server = start(&db_path, &log);
        let started = Instant::now();
        let retries: Vec<_> = (0..120)
            .map(|i| {
                let (http, base, key, b) =
                    (http.clone(), server.base.clone(), key.clone(), body(i));
                tokio::spawn(async move {
                    post(
                        &http,
                        &base,
                        "/v1/invites/accept",
                        &key,
                        &format!("acc-{i}"),
                        &b,
                    )
                    .await
                    .unwrap()
                })
            })
            .collect();
        let mut member_ids = Vec::new();
        for r in retries {
            let (s, v) = r.await.unwrap();
            match s {
                201 => member_ids.push(v["id"].as_str().unwrap().to_string()),
                409 => assert_eq!(v["error"]["type"], "invite_exhausted", "{v}"),
                other => panic!("round {round}: retry answered {other} {v}"),
            }
        }
        let retry_time = started.elapsed();
        assert_eq!(member_ids.len(), 40, "round {round}");
        let mut c = db(&db_path).await;
        let mut stored: Vec<String> =
            sqlx::query_scalar("SELECT id FROM members WHERE organization_id = $1")
                .bind(&org_id)
                .fetch_all(&mut c)
                .await
                .unwrap();
        stored.sort();
        member_ids.sort();
        assert_eq!(
            stored, member_ids,
            "round {round}: the 201s are exactly the members"
        );
        let redemptions = count(
            &mut c,
            "SELECT count(*) FROM redemptions WHERE organization_id = $1",
            &org_id,
        )
        .await;
        let uses: i64 = sqlx::query_scalar("SELECT use_count FROM invites WHERE id = $1")
            .bind(&inv_id)
            .fetch_one(&mut c)
            .await
            .unwrap();
        assert_eq!((redemptions, uses), (40, 40), "round {round}");
        assert_consistent(&db_path, &org_id).await;
        summary.push(format!(
            "round {round} (kill after {delay_ms} ms): {answered} answered before the kill, \
             {members_before} members on disk, retries took {retry_time:?}"
        ));
        sigkill(server);
    }
    eprintln!("{}", summary.join("\n"));
}
