//! Idempotency replays and restarts on the same database file.

mod common;

use common::*;
use invites_sdk::types::InviteStatus;
use invites_sdk::{ListInvites, ListMembers, RequestOptions};
use serde_json::json;

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idempotency_replays_and_conflicts() {
    let server = TestServer::start();
    let org = server.org("Acme").await;
    let k1 = org
        .client
        .with_options(RequestOptions::new().idempotency_key("key-1"));
    let b1: invites_sdk::types::InviteCreate =
        body(json!({"roles": ["user"], "ttl_seconds": 3600, "name": "first"}));
    let first = k1.invites().create(&b1).await.unwrap();
    let again = k1.invites().create(&b1).await.unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(
        first.code, again.code,
        "the stored first response, code included"
    );
    assert_eq!(
        org.client
            .invites()
            .list_page(&ListInvites::default())
            .await
            .unwrap()
            .data
            .len(),
        1
    );

    let other: invites_sdk::types::InviteCreate =
        body(json!({"roles": ["user"], "ttl_seconds": 3600, "name": "second"}));
    let e = assert_api(k1.invites().create(&other).await, 409, "conflict");
    assert_eq!(e.param.as_deref(), Some("Idempotency-Key"));
    // same key on another path is another request too
    let e = assert_api(
        k1.invites().lookup(first.code.as_deref().unwrap()).await,
        409,
        "conflict",
    );
    assert_eq!(e.param.as_deref(), Some("Idempotency-Key"));

    // keys are scoped per organization
    let org_b = server.org("B").await;
    let b_first = org_b
        .client
        .with_options(RequestOptions::new().idempotency_key("key-1"))
        .invites()
        .create(&b1)
        .await
        .unwrap();
    assert_ne!(b_first.id, first.id);

    // an accept replayed consumes once
    let ka = org
        .client
        .with_options(RequestOptions::new().idempotency_key("accept-1"));
    let code = first.code.clone().unwrap();
    let m1 = ka
        .invites()
        .accept(&accept_body(&code, "ada@example.com"))
        .await
        .unwrap();
    let m2 = ka
        .invites()
        .accept(&accept_body(&code, "ada@example.com"))
        .await
        .unwrap();
    assert_eq!(m1.id, m2.id);
    assert_eq!(
        org.client.invites().get(&first.id).await.unwrap().use_count,
        1
    );

    // a rotate replayed returns the same new code, and rotates once
    let kr = org
        .client
        .with_options(RequestOptions::new().idempotency_key("rotate-1"));
    let r1 = kr.invites().rotate(&first.id).await.unwrap();
    let r2 = kr.invites().rotate(&first.id).await.unwrap();
    assert_eq!(r1.code, r2.code);
    org.client
        .invites()
        .lookup(r1.code.as_deref().unwrap())
        .await
        .unwrap();

    // organizations too
    let kadm = server
        .admin()
        .with_options(RequestOptions::new().idempotency_key("org-1"));
    let o1 = kadm
        .organizations()
        .create(&body(json!({"name": "Once"})))
        .await
        .unwrap();
    let o2 = kadm
        .organizations()
        .create(&body(json!({"name": "Once"})))
        .await
        .unwrap();
    assert_eq!(
        (o1.organization.id, o1.api_key),
        (o2.organization.id, o2.api_key)
    );

    // an executed refusal is stored too (issue 17 item 8): the same body retried with the same
    // key after the cause is gone gets the 409 again; a new key is a new request
    let kx = org
        .client
        .with_options(RequestOptions::new().idempotency_key("dup-1"));
    let dup: invites_sdk::types::InviteCreate =
        body(json!({"emails": ["x@example.com"], "roles": ["user"]}));
    let held = org.client.invites().create(&dup).await.unwrap();
    assert_api(kx.invites().create(&dup).await, 409, "conflict");
    org.client.invites().revoke(&held.id).await.unwrap();
    assert_api(kx.invites().create(&dup).await, 409, "conflict");
    let ky = org
        .client
        .with_options(RequestOptions::new().idempotency_key("dup-2"));
    ky.invites().create(&dup).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restart_keeps_every_row() {
    let server = TestServer::start();
    let org = server.org("Acme").await;
    let keyed = org
        .client
        .with_options(RequestOptions::new().idempotency_key("before-restart"));
    let b: invites_sdk::types::InviteCreate = body(
        json!({"emails": ["*@example.com"], "roles": ["developer"], "teams": ["core"], "metadata": {"a": "b"}}),
    );
    let inv = keyed.invites().create(&b).await.unwrap();
    let code = inv.code.clone().unwrap();
    let member = org
        .client
        .invites()
        .accept(&accept_body(&code, "ada@example.com"))
        .await
        .unwrap();
    let revoked = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 600})).await;
    org.client.invites().revoke(&revoked.id).await.unwrap();

    let mut server = server.restart();
    assert!(!server.base_url.is_empty());
    let client = server.client(&org.key);
    let got = client.invites().get(&inv.id).await.unwrap();
    assert_eq!(got.use_count, 1);
    assert_eq!(got.emails, ["*@example.com"]);
    assert_eq!(got.metadata.get("a").map(|v| v.as_str()), Some("b"));
    assert_eq!(
        client.invites().get(&revoked.id).await.unwrap().status,
        InviteStatus::Revoked
    );
    assert_eq!(
        client.members().get(&member.id).await.unwrap().email,
        "ada@example.com"
    );
    assert_eq!(
        client
            .members()
            .list_page(&ListMembers::default())
            .await
            .unwrap()
            .data
            .len(),
        1
    );
    assert_eq!(client.organizations().get().await.unwrap().name, "Acme");
    // the code still works and the idempotency key is still remembered
    client
        .invites()
        .accept(&accept_body(&code, "bob@example.com"))
        .await
        .unwrap();
    let replay = client
        .with_options(RequestOptions::new().idempotency_key("before-restart"))
        .invites()
        .create(&b)
        .await
        .unwrap();
    assert_eq!(replay.id, inv.id);
    assert_eq!(
        client
            .invites()
            .list_page(&ListInvites::default())
            .await
            .unwrap()
            .data
            .len(),
        2
    );
    assert!(server.stop(), "graceful exit on SIGTERM");
}
}
