//! Quota and single use hold exactly under concurrency.

mod common;

use common::*;
use invites_sdk::RequestOptions;
use serde_json::json;

/// Race `n` accepts (the SDK's, each with an Idempotency-Key) of a new invite with `max_uses`:
/// accepted, refused, the final use count, members, redemptions; and checks each
/// `invite.accepted` event: its status follows its own use count, and on SQLite (where the
/// event counts in the claim's transaction) the counts are exactly 1, 2, … in some order.
async fn race(max_uses: serde_json::Value, n: usize) -> (usize, usize, i64, usize, usize) {
    let server = TestServer::start();
    let org = server.org("Race").await;
    let mut spec = json!({"roles": ["user"], "ttl_seconds": 3600});
    spec.as_object_mut()
        .unwrap()
        .extend(max_uses.as_object().unwrap().clone());
    let inv = invite(&org.client, spec).await;
    let code = inv.code.clone().unwrap();
    let mut tasks = Vec::new();
    for i in 0..n {
        let client = org.client.clone();
        let code = code.clone();
        tasks.push(tokio::spawn(async move {
            client
                .invites()
                .accept(&accept_body(&code, &format!("racer{i}@example.com")))
                .await
        }));
    }
    let (mut ok, mut exhausted) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => {
                assert_eq!(e.error_type(), Some("invite_exhausted"), "{e}");
                exhausted += 1;
            }
        }
    }
    let after = org.client.invites().get(&inv.id).await.unwrap();
    let (members, redemptions) = members_and_redemptions(&org.client, &inv.id).await;
    let accepted = events(&server, &org.key, Some("invite.accepted")).await;
    let limit = after.max_uses.unwrap();
    let mut counts = Vec::new();
    for e in &accepted {
        let invite = &e["data"]["invite"];
        let count = invite["use_count"].as_i64().unwrap();
        let status = if count >= limit {
            "accepted"
        } else {
            "pending"
        };
        assert_eq!(
            invite["status"], status,
            "the event's status follows its count: {e}"
        );
        counts.push(count);
    }
    counts.sort();
    assert_eq!(counts.len(), ok, "one event per accept");
    if server.backend() == Backend::Sqlite {
        assert_eq!(
            counts,
            (1..=ok as i64).collect::<Vec<_>>(),
            "exact counts on SQLite"
        );
    }
    (ok, exhausted, after.use_count, members, redemptions)
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_accepts_of_five_uses() {
    let (ok, exhausted, use_count, members, redemptions) = race(json!({"max_uses": 5}), 64).await;
    assert_eq!(
        (ok, exhausted, use_count, members, redemptions),
        (5, 59, 5, 5, 5)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_accepts_of_a_single_use_invite() {
    let (ok, exhausted, use_count, members, redemptions) =
        race(json!({"single_use": true}), 64).await;
    assert_eq!(
        (ok, exhausted, use_count, members, redemptions),
        (1, 63, 1, 1, 1)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_idempotency_key_sent_concurrently_has_one_effect() {
    let server = TestServer::start();
    let org = server.org("Race").await;
    let keyed = org
        .client
        .with_options(RequestOptions::new().idempotency_key("same-key-16"));
    let body: invites_sdk::types::InviteCreate =
        body(json!({"roles": ["user"], "ttl_seconds": 3600, "name": "once"}));
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let c = keyed.clone();
        let b = body.clone();
        tasks.push(tokio::spawn(async move { c.invites().create(&b).await }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(
            t.await
                .unwrap()
                .expect("every attempt gets the one response")
                .id,
        );
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let listed = org
        .client
        .invites()
        .list_page(&Default::default())
        .await
        .unwrap()
        .data;
    assert_eq!(listed.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_invites_for_one_address_leave_one_pending() {
    let server = TestServer::start();
    let org = server.org("Race").await;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let c = org.client.clone();
        tasks.push(tokio::spawn(async move {
            c.invites()
                .create(&body(
                    json!({"emails": ["ada@example.com"], "roles": ["user"]}),
                ))
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

/// Writers that fail half-way through their transaction undo only their own statements, while
/// the writers beside them (on SQLite: in the same group commit) keep theirs. The same new
/// address accepted 24 times at once: every attempt passes the checks made before the write, so
/// each one claims a use and only then meets the member already inserted; those must give the
/// use back. Beside them, 24 distinct addresses must all become members.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writers_failing_mid_transaction_undo_only_their_own_changes() {
    let server = TestServer::start();
    let org = server.org("Mixed").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "max_uses": 1000})).await;
    let code = inv.code.clone().unwrap();
    let mut tasks = Vec::new();
    for i in 0..48 {
        let client = org.client.clone();
        let code = code.clone();
        let email = if i % 2 == 0 {
            "same@example.com".to_string()
        } else {
            format!("distinct{i}@example.com")
        };
        tasks.push(tokio::spawn(async move {
            let r = client.invites().accept(&accept_body(&code, &email)).await;
            (email, r)
        }));
    }
    let (mut same_ok, mut distinct_ok) = (0, 0);
    for t in tasks {
        let (email, r) = t.await.unwrap();
        match r {
            Ok(m) if email == "same@example.com" => {
                assert_eq!(m.email, email);
                same_ok += 1;
            }
            Ok(m) => {
                assert_eq!(m.email, email);
                distinct_ok += 1;
            }
            Err(e) => {
                assert_eq!(email, "same@example.com", "{e}");
                assert_eq!(e.error_type(), Some("already_member"), "{e}");
            }
        }
    }
    assert_eq!(same_ok, 1, "one of the 24 identical accepts wins");
    assert_eq!(distinct_ok, 24, "no distinct accept is lost beside the failures");
    let after = org.client.invites().get(&inv.id).await.unwrap();
    let (members, redemptions) = members_and_redemptions(&org.client, &inv.id).await;
    assert_eq!(members, 25);
    assert_eq!(redemptions, 25);
    assert_eq!(after.use_count, 25, "failed attempts gave their use back");
}

/// Concurrent reads share statements on PostgreSQL (src/batch.rs): each read still gets exactly
/// its own invite, and never one of another organization, even in the same batch.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_reads_of_two_organizations_get_their_own_invites_only() {
    let server = TestServer::start();
    let a = server.org("Reader A").await;
    let b = server.org("Reader B").await;
    let mut ids = vec![];
    for (i, org) in [&a, &b].into_iter().enumerate() {
        for n in 0..4 {
            let inv = invite(&org.client, json!({"roles": ["user"], "name": format!("{i}-{n}")})).await;
            ids.push((i, inv.id, format!("{i}-{n}")));
        }
    }
    let mut tasks = Vec::new();
    for round in 0..25 {
        for (owner, id, name) in ids.clone() {
            for (reader, org) in [&a, &b].into_iter().enumerate() {
                let client = org.client.clone();
                let (id, name) = (id.clone(), name.clone());
                tasks.push(tokio::spawn(async move {
                    let r = client.invites().get(&id).await;
                    (round, owner, reader, id, name, r)
                }));
            }
        }
    }
    let (mut own, mut foreign) = (0, 0);
    for t in tasks {
        let (round, owner, reader, id, name, r) = t.await.unwrap();
        if owner == reader {
            let got = r.unwrap_or_else(|e| panic!("round {round}: own invite {id}: {e}"));
            assert_eq!((got.id.as_str(), got.name.as_deref()), (id.as_str(), Some(name.as_str())));
            own += 1;
        } else {
            let e = r.expect_err("another organization's invite must be 404");
            assert_eq!(e.status(), Some(404), "{e}");
            foreign += 1;
        }
    }
    assert_eq!((own, foreign), (200, 200));
}

/// Accepts of an unlimited invite (counted in per-connection shards on PostgreSQL) are each
/// counted once; setting max_uses afterwards counts them, so the limit holds exactly.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn unlimited_accepts_are_counted_and_a_later_limit_counts_them() {
    let server = TestServer::start();
    let org = server.org("Open").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = inv.code.clone().unwrap();
    let accept_all = |from: usize, n: usize| {
        let tasks: Vec<_> = (from..from + n)
            .map(|i| {
                let (client, code) = (org.client.clone(), code.clone());
                tokio::spawn(async move {
                    client
                        .invites()
                        .accept(&accept_body(&code, &format!("open{i}@example.com")))
                        .await
                })
            })
            .collect();
        async move {
            let mut ok = 0;
            for t in tasks {
                match t.await.unwrap() {
                    Ok(_) => ok += 1,
                    Err(e) => assert_eq!(e.error_type(), Some("invite_exhausted"), "{e}"),
                }
            }
            ok
        }
    };
    assert_eq!(accept_all(0, 64).await, 64);
    let after = org.client.invites().get(&inv.id).await.unwrap();
    assert_eq!(after.use_count, 64);
    assert!(after.last_used_at.is_some());
    let limited: invites_sdk::types::InviteUpdate =
        serde_json::from_value(json!({"max_uses": 70})).unwrap();
    let updated = org.client.invites().update(&inv.id, &limited).await.unwrap();
    assert_eq!(updated.use_count, 64, "the update answers the counted uses");
    let too_low: invites_sdk::types::InviteUpdate =
        serde_json::from_value(json!({"max_uses": 63})).unwrap();
    let e = org.client.invites().update(&inv.id, &too_low).await.unwrap_err();
    assert_eq!(e.param(), Some("max_uses"), "{e}");
    assert_eq!(accept_all(64, 16).await, 6, "70 uses in all");
    let after = org.client.invites().get(&inv.id).await.unwrap();
    let (members, redemptions) = members_and_redemptions(&org.client, &inv.id).await;
    assert_eq!((after.use_count, members, redemptions), (70, 70, 70));
}
}
