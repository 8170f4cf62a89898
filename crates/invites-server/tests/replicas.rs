//! Several server processes on one database: every rule holds across replicas exactly as on one,
//! because nothing of it lives in a process (quotas, revocations, codes, the one-pending rule and
//! idempotency keys are all rows). Runs on both backends; on PostgreSQL it is the deployment the
//! README describes (N replicas, one database).

mod common;

use std::time::Instant;

use common::*;
use invites_sdk::{Client, RequestOptions};
use serde_json::json;

/// Replica `i % 2` of two.
fn pick(clients: &[Client; 2], i: usize) -> &Client {
    &clients[i % 2]
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_accepts_of_ten_uses_across_two_replicas() {
    // Four replicas started at the same moment on a fresh database migrate it together.
    let replicas = TestServer::start_replicas(4, &[]);
    let org = replicas[0].org("Scale").await;
    let clients = [replicas[0].client(&org.key), replicas[1].client(&org.key)];
    // Created through one replica, claimed through both.
    let inv = invite(&clients[1], json!({"roles": ["user"], "max_uses": 10})).await;
    let code = inv.code.clone().unwrap();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let client = pick(&clients, i).clone();
        let code = code.clone();
        tasks.push(tokio::spawn(async move {
            client
                .invites()
                .accept(&accept_body(&code, &format!("racer{i}@example.com")))
                .await
        }));
    }
    let (mut ok, mut exhausted) = ([0; 2], 0);
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await.unwrap() {
            Ok(_) => ok[i % 2] += 1,
            Err(e) => {
                assert_eq!(e.error_type(), Some("invite_exhausted"), "{e}");
                exhausted += 1;
            }
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{:?}: 200 accepts over 2 replicas in {elapsed:?}; memberships per replica {ok:?}",
        backend()
    );
    assert_eq!((ok[0] + ok[1], exhausted), (10, 190));
    for c in &clients {
        assert_eq!(c.invites().get(&inv.id).await.unwrap().use_count, 10);
        assert_eq!(members_and_redemptions(c, &inv.id).await, (10, 10));
    }

    // The migrations ran once, whichever replica got there first.
    let mut db = replicas[3].db().await;
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&mut db)
        .await
        .unwrap();
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .count() as i64;
    assert_eq!(applied, migrations);
    for r in &replicas {
        assert!(!r.log().contains("ERROR"), "{}", r.log());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_one_replica_holds_on_the_other_at_once() {
    let a = TestServer::start();
    let b = a.replica();
    let org = a.org("Acme").await;
    let (ca, cb) = (a.client(&org.key), b.client(&org.key));

    // revoked through A: refused by B on the very next request
    let inv = invite(&ca, json!({"roles": ["user"], "max_uses": 5})).await;
    let code = inv.code.clone().unwrap();
    ca.invites().revoke(&inv.id).await.unwrap();
    assert_api(
        cb.invites().accept(&accept_body(&code, "ada@example.com")).await,
        410,
        "invite_revoked",
    );
    assert_eq!(
        cb.invites().lookup(&code).await.unwrap().status,
        invites_sdk::types::InviteStatus::Revoked
    );

    // rotated through B: the old code is unknown to A at once, the new one works there
    let inv = invite(&ca, json!({"roles": ["user"], "max_uses": 5})).await;
    let old = inv.code.clone().unwrap();
    let rotated = cb.invites().rotate(&inv.id).await.unwrap();
    assert_api(
        ca.invites().accept(&accept_body(&old, "ada@example.com")).await,
        404,
        "not_found",
    );
    let m = ca
        .invites()
        .accept(&accept_body(rotated.code.as_deref().unwrap(), "ada@example.com"))
        .await
        .unwrap();

    // a member made through A is already a member on B
    assert_api(
        cb.invites()
            .accept(&accept_body(rotated.code.as_deref().unwrap(), "ADA@example.com"))
            .await,
        409,
        "already_member",
    );
    // removed through B: gone on A
    cb.members().remove(&m.id).await.unwrap();
    assert_api(ca.members().get(&m.id).await, 404, "not_found");

    // disabled through B: refused by A
    let inv = invite(&ca, json!({"roles": ["user"], "max_uses": 5})).await;
    cb.invites()
        .update(&inv.id, &body(json!({"enabled": false})))
        .await
        .unwrap();
    assert_api(
        ca.invites()
            .accept(&accept_body(inv.code.as_deref().unwrap(), "bob@example.com"))
            .await,
        403,
        "invite_disabled",
    );

    // an organization made through B authenticates on A
    let other = b.org("Other").await;
    a.client(&other.key).organizations().get().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_pending_invite_per_address_across_replicas() {
    let a = TestServer::start();
    let b = a.replica();
    let org = a.org("Race").await;
    let clients = [a.client(&org.key), b.client(&org.key)];
    let mut tasks = Vec::new();
    for i in 0..24 {
        let c = pick(&clients, i).clone();
        tasks.push(tokio::spawn(async move {
            c.invites()
                .create(&body(json!({"emails": ["ada@example.com"], "roles": ["user"]})))
                .await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.error_type(), Some("conflict"), "{e}"),
        }
    }
    assert_eq!(ok, 1);

    // Re-enabling disabled invites for one address through both replicas at once: one wins.
    let addr = json!({"emails": ["bob@example.com"], "roles": ["user"], "enabled": false});
    let mut ids = Vec::new();
    for _ in 0..8 {
        ids.push(invite(&clients[0], addr.clone()).await.id);
    }
    let mut tasks = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let c = pick(&clients, i).clone();
        tasks.push(tokio::spawn(async move {
            c.invites()
                .update(&id, &body(json!({"enabled": true})))
                .await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.error_type(), Some("conflict"), "{e}"),
        }
    }
    assert_eq!(ok, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_idempotency_key_on_both_replicas_has_one_effect() {
    let a = TestServer::start();
    let b = a.replica();
    let org = a.org("Keys").await;
    let keyed = |server: &TestServer, key: &str| {
        server
            .client(&org.key)
            .with_options(RequestOptions::new().idempotency_key(key))
    };
    let clients = [keyed(&a, "create-1"), keyed(&b, "create-1")];
    let spec: invites_sdk::types::InviteCreate =
        body(json!({"roles": ["user"], "max_uses": 100, "name": "once"}));
    let mut tasks = Vec::new();
    for i in 0..20 {
        let c = pick(&clients, i).clone();
        let spec = spec.clone();
        tasks.push(tokio::spawn(async move { c.invites().create(&spec).await }));
    }
    let mut created = Vec::new();
    for t in tasks {
        let inv = t.await.unwrap().expect("every attempt gets the one response");
        created.push((inv.id, inv.code));
    }
    created.dedup();
    assert_eq!(created.len(), 1, "{created:?}");
    let (id, code) = created.pop().unwrap();
    let code = code.unwrap();
    assert_eq!(
        org.client.invites().list_page(&Default::default()).await.unwrap().data.len(),
        1
    );

    // the same accept, keyed once, sent to both replicas at once: one membership, one use
    let clients = [keyed(&a, "accept-1"), keyed(&b, "accept-1")];
    let mut tasks = Vec::new();
    for i in 0..20 {
        let c = pick(&clients, i).clone();
        let req = accept_body(&code, "ada@example.com");
        tasks.push(tokio::spawn(async move { c.invites().accept(&req).await }));
    }
    let mut members = Vec::new();
    for t in tasks {
        members.push(t.await.unwrap().expect("every attempt gets the one response").id);
    }
    members.dedup();
    assert_eq!(members.len(), 1, "{members:?}");
    assert_eq!(org.client.invites().get(&id).await.unwrap().use_count, 1);

    // a key used on A for one request is a conflict on B for another
    let e = assert_api(
        keyed(&b, "create-1")
            .invites()
            .create(&body(json!({"roles": ["user"], "name": "other"})))
            .await,
        409,
        "conflict",
    );
    assert_eq!(e.param.as_deref(), Some("Idempotency-Key"));
}
}

/// A new SQLite file that another process is about to write while a server opens it, as when
/// replicas start together: the server's switch to WAL reads the file and then upgrades to a
/// write, and SQLite refuses that upgrade at once while another connection holds the write lock
/// (waiting could deadlock, so no busy timeout applies). The server opens the file again until
/// the writer is done, rather than exiting with "database is locked".
#[tokio::test]
async fn a_server_opens_a_new_sqlite_file_that_another_process_is_writing() {
    let held = std::time::Duration::from_millis(1500);
    let started = Instant::now();
    let server = TestServer::start_on_prepared(move |url| async move {
        let path = url.trim_start_matches("sqlite://").to_string();
        let (locked, is_locked) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&path).expect("create the file");
            // The write lock (RESERVED: others may still read), as a replica's own switch to
            // WAL holds it.
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(held);
            conn.execute_batch("COMMIT").unwrap();
        });
        is_locked.recv().expect("the writer holds its lock");
    });
    assert!(
        started.elapsed() >= held,
        "the server was ready only after the writer let go ({:?})",
        started.elapsed()
    );
    // Migrated and writable.
    let org = server.org("Opened late").await;
    assert!(!org.key.is_empty());
}
