//! API keys (issue 17 item 2): create, list, revoke; a revoked key is refused at once on its
//! replica and within 5 s on every other one; `last_used_at` without a write per request; the
//! last active key stays. Runs on both backends.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::TryStreamExt;
use invites_sdk::{ListApiKeys, types};
use serde_json::json;

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_created_listed_and_revoked_across_replicas() {
    let replicas = TestServer::start_replicas(2, &[]);
    let org = replicas[0].org("Keys").await;
    let body: types::ApiKeyCreate = body(json!({"name": "billing worker"}));
    let created = org.client.api_keys().create(&body).await.expect("create key");
    assert!(created.id.starts_with("key_"), "{}", created.id);
    assert!(created.secret.starts_with("ik_"), "the secret is shown on creation");
    assert_eq!(created.name, "billing worker");
    assert!(created.revoked_at.is_none() && created.last_used_at.is_none());

    // The new key works on both replicas and sees the same organization.
    let a = replicas[0].client(&created.secret);
    let b = replicas[1].client(&created.secret);
    assert_eq!(a.organizations().get().await.unwrap().id, org.id);
    assert_eq!(b.organizations().get().await.unwrap().id, org.id);

    // Listed newest first, never with a secret (the type has no such field; check the wire).
    let keys: Vec<types::ApiKey> = org
        .client
        .api_keys()
        .list(ListApiKeys::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(keys[0].id, created.id);
    assert_eq!(keys[1].name, "default", "the organization's first key");
    let raw: serde_json::Value = replicas[0]
        .raw()
        .get(format!("{}/v1/api_keys", replicas[0].base_url))
        .bearer_auth(&org.key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!raw.to_string().contains("ik_"), "a secret was listed: {raw}");

    // Revoked through replica A with the first key: refused at once on A ...
    let revoked = org.client.api_keys().revoke(&created.id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert_api(a.organizations().get().await, 401, "unauthorized");
    // ... and within 5 s on B, which had it cached.
    let started = Instant::now();
    loop {
        match b.organizations().get().await {
            Err(e) if e.status() == Some(401) => break,
            Ok(_) if started.elapsed() < Duration::from_secs(5) => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            other => panic!("replica B still accepts the revoked key after {:?}: {other:?}", started.elapsed()),
        }
    }
    // Revoking again is harmless and answers the same key.
    let again = org.client.api_keys().revoke(&created.id).await.unwrap();
    assert_eq!(again.revoked_at, revoked.revoked_at);
    // Another organization's key id is not found.
    let other = replicas[0].org("Other").await;
    assert_api(other.client.api_keys().revoke(&created.id).await, 404, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_active_key_cannot_be_revoked() {
    let server = TestServer::start();
    let org = server.org("Last").await;
    let keys: Vec<types::ApiKey> =
        org.client.api_keys().list(ListApiKeys::default()).try_collect().await.unwrap();
    assert_eq!(keys.len(), 1);
    let e = assert_api(org.client.api_keys().revoke(&keys[0].id).await, 409, "conflict");
    assert!(e.message.contains("last active"), "{e}");
    assert_eq!(org.client.organizations().get().await.unwrap().id, org.id, "still works");

    // With a second key, the first can revoke itself; the second then cannot.
    let second = org
        .client
        .api_keys()
        .create(&body(json!({"name": "second"})))
        .await
        .unwrap();
    org.client.api_keys().revoke(&keys[0].id).await.unwrap();
    assert_api(org.client.organizations().get().await, 401, "unauthorized");
    let c2 = server.client(&second.secret);
    assert_api(c2.api_keys().revoke(&second.id).await, 409, "conflict");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn last_used_at_is_recorded_without_a_write_per_request() {
    let server = TestServer::start();
    let org = server.org("Usage").await;
    let key = org
        .client
        .api_keys()
        .create(&body(json!({"name": "worker"})))
        .await
        .unwrap();
    let c = server.client(&key.secret);
    let find = |keys: Vec<types::ApiKey>| keys.into_iter().find(|k| k.id == key.id).unwrap();
    for _ in 0..20 {
        c.organizations().get().await.unwrap();
    }
    // The first use is recorded in the background, soon after.
    let started = Instant::now();
    let first = loop {
        let keys = org.client.api_keys().list(ListApiKeys::default()).try_collect().await.unwrap();
        if let Some(t) = find(keys).last_used_at {
            break t;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "last_used_at never recorded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // Twenty more requests at once write nothing: the value stays until the recheck window
    // (2 s) has passed ...
    for _ in 0..20 {
        c.organizations().get().await.unwrap();
    }
    let keys = org.client.api_keys().list(ListApiKeys::default()).try_collect().await.unwrap();
    assert_eq!(find(keys).last_used_at, Some(first), "a request wrote last_used_at");
    // ... after which the next use moves it forward.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    c.organizations().get().await.unwrap();
    let started = Instant::now();
    loop {
        let keys = org.client.api_keys().list(ListApiKeys::default()).try_collect().await.unwrap();
        if find(keys).last_used_at.is_some_and(|t| t > first) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "last_used_at did not move on");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_name_is_checked() {
    let server = TestServer::start();
    let org = server.org("Names").await;
    let r = server
        .raw()
        .post(format!("{}/v1/api_keys", server.base_url))
        .bearer_auth(&org.key)
        .json(&json!({"name": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["param"], "name", "{v}");
    let keys: Vec<types::ApiKey> =
        org.client.api_keys().list(ListApiKeys::default()).try_collect().await.unwrap();
    assert_eq!(keys.len(), 1, "nothing was created");
}
}
