//! Secrets at rest: after a workload that makes API keys and invite codes (created, batch-created,
//! rotated, resent, accepted, looked up, replayed through `Idempotency-Key`s; with an email
//! transport, so the invitation emails' outbox holds links too), neither the database
//! (the SQLite file and its WAL, or every table on PostgreSQL) nor the server's log holds any API
//! key, the admin token or any invite code in clear.

mod common;

use common::*;
use invites_sdk::Client;
use serde_json::{Value, json};

/// POST with an explicit Idempotency-Key, twice (the second is a replay); the JSON answer.
async fn post_twice(
    server: &TestServer,
    token: &str,
    path: &str,
    idem: &str,
    body: Value,
) -> Value {
    let http = server.raw();
    let mut answers = Vec::new();
    for _ in 0..2 {
        let resp = http
            .post(format!("{}{path}", server.base_url))
            .bearer_auth(token)
            .header("idempotency-key", idem)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_success(), "{path}: {}", resp.status());
        answers.push(resp.json::<Value>().await.unwrap());
    }
    assert_eq!(answers[0], answers[1], "{path}: the replay differs");
    answers.remove(0)
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_key_token_or_code_is_stored_or_logged_in_clear() {
    // `--email-dir` (relative: in the server's temp dir): every exact-address invite queues an
    // email whose link holds its code.
    let server =
        TestServer::start_with(&["--rate-limit-code-failures", "100", "--email-dir", "mail"]);
    let mut secrets: Vec<(String, String)> = vec![("admin token".into(), ADMIN_TOKEN.into())];
    // Organizations: through the SDK (automatic idempotency keys) and with an explicit key.
    let a = server.org("A").await;
    secrets.push(("api key A".into(), a.key.clone()));
    let b = post_twice(&server, ADMIN_TOKEN, "/v1/organizations", "org-b", json!({"name": "B"})).await;
    let b_key = b["api_key"].as_str().unwrap().to_string();
    secrets.push(("api key B".into(), b_key.clone()));
    let b_client: Client = server.client(&b_key);

    // Invites: single (SDK and explicit key), batch, public, rotated.
    let exact = invite(&a.client, json!({"roles": ["user"], "emails": ["ada@example.com"]})).await;
    secrets.push(("code of an exact invite".into(), exact.code.clone().unwrap()));
    let public = post_twice(
        &server,
        &a.key,
        "/v1/invites",
        "inv-public",
        json!({"roles": ["user"], "ttl_seconds": 3600}),
    )
    .await;
    let public_code = public["code"].as_str().unwrap().to_string();
    secrets.push(("code of a public invite".into(), public_code.clone()));
    secrets.push(("url of a public invite".into(), public["url"].as_str().unwrap().into()));
    let batch = post_twice(
        &server,
        &a.key,
        "/v1/invites/batch",
        "batch-1",
        json!({"roles": ["user"], "emails": ["b1@example.com", "b2@example.com", "b3@example.com"]}),
    )
    .await;
    for (i, inv) in batch["data"].as_array().unwrap().iter().enumerate() {
        secrets.push((format!("batch code {i}"), inv["code"].as_str().unwrap().into()));
    }
    let resent = post_twice(
        &server,
        &a.key,
        &format!("/v1/invites/{}/resend", batch["data"][0]["id"].as_str().unwrap()),
        "resend-1",
        json!({"ttl_seconds": 3600}),
    )
    .await;
    secrets.push(("code after a resend".into(), resent["code"].as_str().unwrap().into()));
    let domain = invite(&b_client, json!({"roles": ["user"], "emails": ["*@example.org"]})).await;
    let old = domain.code.clone().unwrap();
    secrets.push(("code before rotation".into(), old.clone()));
    let rotated = post_twice(
        &server,
        &b_key,
        &format!("/v1/invites/{}/rotate", domain.id),
        "rot-1",
        Value::Null,
    )
    .await;
    let new = rotated["code"].as_str().unwrap().to_string();
    secrets.push(("code after rotation".into(), new.clone()));
    let sdk_rotated = b_client.invites().rotate(&domain.id).await.unwrap();
    let newest = sdk_rotated.code.unwrap();
    secrets.push(("code after the second rotation".into(), newest.clone()));

    // Uses of the codes: lookups (also failed ones), accepts with keys, wrong addresses.
    a.client.invites().lookup(&public_code).await.unwrap();
    post_twice(&server, &a.key, "/v1/invites/lookup", "look-1", json!({"code": public_code})).await;
    post_twice(
        &server,
        &a.key,
        "/v1/invites/accept",
        "acc-1",
        json!({"code": public_code, "email": "pub@example.net"}),
    )
    .await;
    a.client
        .invites()
        .accept(&accept_body(exact.code.as_deref().unwrap(), "ada@example.com"))
        .await
        .unwrap();
    let _ = b_client.invites().lookup(&old).await.unwrap_err();
    let _ = b_client
        .invites()
        .accept(&accept_body(&newest, "eve@example.com"))
        .await
        .unwrap_err();
    b_client
        .invites()
        .accept(&accept_body(&newest, "grace@example.org"))
        .await
        .unwrap();

    // A restart flushes nothing new in clear either (and the data is still usable).
    let mut log = server.log();
    let server = server.restart();
    server.client(&a.key).invites().lookup(&public_code).await.unwrap();
    log.push_str(&server.log());
    assert!(log.contains("request_id"), "the log has request lines: {log}");
    let mut found = Vec::new();
    for (what, secret) in &secrets {
        if server.database_contains(secret).await {
            found.push(format!("{what} in the database"));
        }
        if log.contains(secret.as_str()) {
            found.push(format!("{what} in the log"));
        }
        // The random part alone (without its prefix) must not be there either.
        let tail = &secret[secret.len() - 24..];
        if server.database_contains(tail).await || log.contains(tail) {
            found.push(format!("part of the {what}"));
        }
    }
    assert!(found.is_empty(), "secrets in clear: {found:?}");
    // The hashes are what is stored.
    assert!(
        server
            .database_contains(&invites_server::secrets::hash_secret(&a.key))
            .await
    );
    assert_eq!(
        server.client(&a.key).organizations().get().await.unwrap().id,
        a.id
    );
}
}
