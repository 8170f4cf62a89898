//! The database pool: its size and acquire timeout are the flags', and a request that finds every
//! connection busy past the timeout gets 503 `unavailable` with `Retry-After` instead of hanging.
//! The pool is exhausted for real: the test holds a row lock (PostgreSQL) or the write lock
//! (SQLite) through its own connection, so the server's one connection waits inside a revoke.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use sqlx::Connection;

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_pool_answers_503_with_retry_after() {
    let server = TestServer::start_with(&["--db-pool-size", "1", "--db-acquire-timeout-secs", "1"]);
    let org = server.org("Pool").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "max_uses": 3})).await;

    // Lock the invite from outside the server.
    let mut db = server.db().await;
    let mut held = lock_row(&mut db, &inv.id).await;
    // The revoke takes the pool's only connection and waits on that lock with it.
    let revoking = {
        let client = org.client.clone();
        let id = inv.id.clone();
        tokio::spawn(async move { client.invites().revoke(&id).await })
    };

    let http = server.raw();
    // A read that needs a connection (organizations and API keys are cached once read).
    let url = format!("{}/v1/invites/{}", server.base_url, inv.id);
    let mut refused = None;
    for _ in 0..50 {
        let started = Instant::now();
        let resp = http.get(&url).bearer_auth(&org.key).send().await.unwrap();
        if resp.status() == 503 {
            refused = Some((resp, started.elapsed()));
            break;
        }
        // the revoke has not taken the connection yet
        assert_eq!(resp.status(), 200);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (resp, waited) = refused.expect("a request finding the pool busy gets 503");
    println!("{:?}: 503 after {waited:?} (acquire timeout 1 s)", backend());
    assert!(
        waited >= Duration::from_millis(900) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert_eq!(
        resp.headers().get("retry-after").and_then(|v| v.to_str().ok()),
        Some("1")
    );
    assert!(resp.headers().contains_key("x-request-id"));
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"]["type"], "unavailable", "{body}");
    assert!(body["request_id"].as_str().unwrap().starts_with("req_"));
    // the health check says so too, as fast
    let started = Instant::now();
    let health = http
        .get(format!("{}/healthz", server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(5));

    if server.backend() == Backend::Postgres {
        // The pool is one connection: the server has exactly one open to its database.
        let mut probe = server.db().await;
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() \
             AND pid <> pg_backend_pid() AND pid <> $1",
        )
        .bind(
            sqlx::query_scalar::<_, i32>("SELECT pg_backend_pid()")
                .fetch_one(&mut *held)
                .await
                .unwrap(),
        )
        .fetch_one(&mut probe)
        .await
        .unwrap();
        assert_eq!(n, 1, "server connections to its database");
    }

    assert!(!revoking.is_finished(), "the revoke waits on the held lock");
    held.rollback().await.unwrap();
    let revoked = revoking.await.unwrap().expect("the revoke completes once the lock is gone");
    assert_eq!(revoked.status, invites_sdk::types::InviteStatus::Revoked);
    // and the pool serves again
    org.client.invites().get(&inv.id).await.unwrap();
}
}

/// A replica whose database connection is cut mid-request (a PostgreSQL restart or failover, an
/// operator's `pg_terminate_backend`) answers 503 `unavailable` with `Retry-After`, its write
/// rolled back, and serves the next request on a new connection.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_cut_mid_request_is_503_and_the_next_request_reconnects() {
    on_backend(Backend::Postgres, async {
        let server = TestServer::start_with(&["--db-pool-size", "2"]);
        let org = server.org("Cut").await;
        let inv = invite(&org.client, json!({"roles": ["user"], "max_uses": 3})).await;
        let mut db = server.db().await;
        let held = lock_row(&mut db, &inv.id).await;
        let revoking = {
            let client = org.client.clone();
            let id = inv.id.clone();
            tokio::spawn(async move { client.invites().revoke(&id).await })
        };
        // Wait until the revoke waits on the lock, then cut that connection.
        let mut admin = server.db().await;
        let mut cut = 0;
        for _ in 0..100 {
            cut = sqlx::query_scalar::<_, i64>(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .fetch_one(&mut admin)
            .await
            .unwrap();
            if cut > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(cut, 1, "the revoke's connection was waiting on the lock");
        let e = assert_api(revoking.await.unwrap(), 503, "unavailable");
        assert_eq!(e.retry_after, Some(Duration::from_secs(1)), "{e:?}");
        held.rollback().await.unwrap();
        // nothing was written, and the next request works
        assert_eq!(
            org.client.invites().get(&inv.id).await.unwrap().status,
            invites_sdk::types::InviteStatus::Pending
        );
        org.client.invites().revoke(&inv.id).await.unwrap();
    })
    .await
}

/// A request cut off mid-statement (here by the request timeout, inside a revoke waiting on a
/// row lock) hands its connection back unfinished: its transaction is rolled back and every
/// answer still owed is read before the connection serves anyone else, so the cut-off transaction
/// holds no lock, keeps nothing, and the pool's one connection then serves the next request with
/// that request's own answer. (Without the rollback the row stays locked: this test then fails
/// after the 3 s lock timeout. That the pool sends it at once, not at the connection's next use,
/// it cannot tell: the server's workers use the connection within 200 ms anyway.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_cut_off_mid_transaction_leaves_no_lock_and_nothing_written() {
    on_backend(Backend::Postgres, async {
        let server =
            TestServer::start_with(&["--db-pool-size", "1", "--request-timeout-ms", "300"]);
        let org = server.org("Cut off").await;
        let inv = invite(&org.client, json!({"roles": ["user"], "max_uses": 3})).await;
        let mut db = server.db().await;
        let held = lock_row(&mut db, &inv.id).await;
        let http = server.raw();
        let url = format!("{}/v1/invites/{}", server.base_url, inv.id);
        // The revoke waits on the lock until the request timeout cuts it off.
        let resp = http
            .delete(&url)
            .bearer_auth(&org.key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 503);
        // Once the lock is gone, the cut-off UPDATE runs and its transaction must end: the row
        // is free within moments, without any other request touching the server's connection.
        held.rollback().await.unwrap();
        let mut probe = server.db().await;
        sqlx::query("SET lock_timeout = '3s'")
            .execute(&mut probe)
            .await
            .unwrap();
        let started = Instant::now();
        let locked = sqlx::query("UPDATE invites SET updated_at = updated_at WHERE id = $1")
            .bind(&inv.id)
            .execute(&mut probe)
            .await;
        assert!(
            locked.is_ok(),
            "the cut-off transaction still holds the row after {:?}: {locked:?}",
            started.elapsed()
        );
        let revoked: Option<i64> =
            sqlx::query_scalar("SELECT revoked_at FROM invites WHERE id = $1")
                .bind(&inv.id)
                .fetch_one(&mut probe)
                .await
                .unwrap();
        assert_eq!(revoked, None, "the cut-off revoke kept nothing");
        // The one connection answers the next requests with their own answers.
        let got = org.client.invites().get(&inv.id).await.unwrap();
        assert_eq!(
            (got.id.as_str(), got.status),
            (inv.id.as_str(), invites_sdk::types::InviteStatus::Pending)
        );
        let revoked = org.client.invites().revoke(&inv.id).await.unwrap();
        assert_eq!(revoked.status, invites_sdk::types::InviteStatus::Revoked);
    })
    .await
}

/// Lock the invite's row from outside the server (an UPDATE in a transaction held open) until
/// the returned transaction ends.
async fn lock_row<'c>(
    db: &'c mut sqlx::AnyConnection,
    invite_id: &str,
) -> sqlx::Transaction<'c, sqlx::Any> {
    let mut held = db.begin().await.unwrap();
    sqlx::query("UPDATE invites SET updated_at = updated_at WHERE id = $1")
        .bind(invite_id)
        .execute(&mut *held)
        .await
        .unwrap();
    held
}

/// PostgreSQL: connections idle past `--db-idle-timeout-secs` are closed, so the database's
/// backends follow the load down; the pool opens new ones when the load comes back. (Five
/// revokes waiting on row locks the test holds open five connections at once; the server's
/// background workers keep using one or two.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_are_closed_after_the_idle_timeout() {
    on_backend(Backend::Postgres, async {
        let server = TestServer::start_with(&["--db-idle-timeout-secs", "1"]);
        let org = server.org("Idle").await;
        let mut ids = vec![];
        for _ in 0..5 {
            ids.push(invite(&org.client, json!({"roles": ["user"]})).await.id);
        }
        let mut admin = test_connection(&server).await;
        let mut db = test_connection(&server).await;
        let mut held = db.begin().await.unwrap();
        for id in &ids {
            sqlx::query("UPDATE invites SET updated_at = updated_at WHERE id = $1")
                .bind(id)
                .execute(&mut *held)
                .await
                .unwrap();
        }
        let revokes: Vec<_> = ids
            .iter()
            .map(|id| {
                let (client, id) = (org.client.clone(), id.clone());
                tokio::spawn(async move { client.invites().revoke(&id).await })
            })
            .collect();
        let mut waiting = 0;
        for _ in 0..100 {
            waiting = sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM pg_stat_activity \
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .fetch_one(&mut admin)
            .await
            .unwrap();
            if waiting == 5 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(
            waiting, 5,
            "each revoke waits on its row with a connection of its own"
        );
        held.rollback().await.unwrap();
        for r in revokes {
            r.await.unwrap().unwrap();
        }
        let peak = server_backends(&mut admin).await.len();
        assert!(
            peak >= 5,
            "{peak} server connections right after the revokes"
        );
        let started = Instant::now();
        let mut now = peak;
        while started.elapsed() < Duration::from_secs(10) {
            now = server_backends(&mut admin).await.len();
            if now <= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        println!(
            "server connections: {peak} after the revokes, {now} after {:?} (idle timeout 1 s)",
            started.elapsed()
        );
        assert!(
            now <= 2,
            "{now} of {peak} connections still open after 10 s"
        );
        // New connections when the load comes back.
        assert_eq!(
            org.client.invites().get(&ids[0]).await.unwrap().status,
            invites_sdk::types::InviteStatus::Revoked
        );
    })
    .await
}

/// PostgreSQL: no connection outlives `--db-max-lifetime-secs` by more than a moment: one past
/// its lifetime is closed when its use ends, when it is found idle, or by the pool's sweep, and
/// the next use opens a new one (so a replica's connections move over to a new server after a
/// failover or a DNS change). Every request in between is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_connection_outlives_its_lifetime() {
    on_backend(Backend::Postgres, async {
        let server = TestServer::start_with(&["--db-max-lifetime-secs", "1"]);
        let org = server.org("Lifetime").await;
        let inv = invite(&org.client, json!({"roles": ["user"]})).await;
        let mut admin = test_connection(&server).await;
        let before = server_backends(&mut admin).await;
        assert!(!before.is_empty());
        let started = Instant::now();
        let mut answered = 0;
        while started.elapsed() < Duration::from_secs(3) {
            org.client.invites().get(&inv.id).await.unwrap();
            answered += 1;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let after = server_backends(&mut admin).await;
        println!("server connections before: {before:?}; after {answered} reads in 3 s: {after:?}");
        let kept: Vec<_> = before.iter().filter(|p| after.contains(p)).collect();
        assert!(
            kept.is_empty(),
            "connections {kept:?} outlived their 1 s lifetime"
        );
        // Nor any opened during the reads (1 s, and a sweep every 0.5 s).
        let old: Vec<i32> = sqlx::query_scalar(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
             AND backend_type = 'client backend' AND application_name <> 'invites-test' \
             AND backend_start < now() - interval '2 seconds'",
        )
        .fetch_all(&mut admin)
        .await
        .unwrap();
        assert!(old.is_empty(), "connections {old:?} are more than 2 s old");
    })
    .await
}

/// A connection of the test's own to the server's database, named so that
/// [`server_backends`] leaves it out.
async fn test_connection(server: &TestServer) -> sqlx::AnyConnection {
    let mut db = server.db().await;
    sqlx::query("SET application_name = 'invites-test'")
        .execute(&mut db)
        .await
        .unwrap();
    db
}

/// The backend process ids of the server's connections to its database.
async fn server_backends(admin: &mut sqlx::AnyConnection) -> Vec<i32> {
    sqlx::query_scalar(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
         AND backend_type = 'client backend' AND application_name <> 'invites-test' ORDER BY pid",
    )
    .fetch_all(admin)
    .await
    .unwrap()
}
