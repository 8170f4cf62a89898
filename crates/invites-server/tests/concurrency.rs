//! Quota and single use hold exactly under concurrency.

mod common;

use common::*;
use invites_sdk::{ListMembers, ListRedemptions, RequestOptions};
use serde_json::json;

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
    let members = org
        .client
        .members()
        .list_page(&ListMembers {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap()
        .data
        .len();
    let redemptions = org
        .client
        .invites()
        .redemptions_page(
            &inv.id,
            &ListRedemptions {
                limit: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .data
        .len();
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
}
