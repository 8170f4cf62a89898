//! Every operation of the spec and every error type, through the Rust SDK over real HTTP.

mod common;

use std::time::Duration;

use common::*;
use futures::TryStreamExt;
use invites_sdk::types::InviteStatus;
use invites_sdk::{ListInvites, ListMembers, ListRedemptions, types};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organizations_and_authentication() {
    let server = TestServer::start();
    let created = server
        .admin()
        .organizations()
        .create(&body(json!({"name": "Acme", "roles": ["owner", "admin", "member"]})))
        .await
        .unwrap();
    assert!(created.api_key.starts_with("ik_"));
    assert!(created.api_key.len() >= 3 + 32, "at least 128 bits");
    assert!(created.organization.id.starts_with("org_"));
    let roles: Vec<&str> = created.organization.roles.iter().map(|r| r.as_str()).collect();
    assert_eq!(roles, ["owner", "admin", "member"]);

    let client = server.client(&created.api_key);
    let org = client.organizations().get().await.unwrap();
    assert_eq!((org.id.as_str(), org.name.as_str()), (created.organization.id.as_str(), "Acme"));

    // Default roles.
    let org = server.org("Defaults").await.client.organizations().get().await.unwrap();
    let roles: Vec<&str> = org.roles.iter().map(|r| r.as_str()).collect();
    assert_eq!(roles, ["owner", "admin", "developer", "billing", "user", "viewer"]);

    // The admin token is not an API key and an API key is not the admin token.
    assert_api(server.admin().organizations().get().await, 401, "unauthorized");
    assert_api(
        client.organizations().create(&body(json!({"name": "X"}))).await,
        401,
        "unauthorized",
    );
    assert_api(server.client("ik_nope").invites().get("inv_x").await, 401, "unauthorized");
    let resp = server.raw().get(format!("{}/v1/organization", server.base_url)).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    assert!(resp.headers().get("x-request-id").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_lifecycle_every_operation() {
    let server = TestServer::start();
    let acme = server.org("Acme").await;
    let (client, org_id) = (&acme.client, &acme.id);
    let inv = invite(
        client,
        json!({
            "name": "Q3", "description": "contractors", "message": "Welcome!",
            "emails": ["Ada@Example.com", "grace@example.com"],
            "roles": ["developer"], "teams": ["platform"], "metadata": {"source": "test"}
        }),
    )
    .await;
    assert!(inv.id.starts_with("inv_"));
    assert_eq!(&inv.organization_id, org_id);
    assert_eq!(inv.emails, ["ada@example.com", "grace@example.com"]);
    assert_eq!(inv.max_uses, Some(2), "one use per exact address");
    assert_eq!(inv.status, InviteStatus::Pending);
    assert!(inv.enabled);
    let code = inv.code.clone().unwrap();
    assert!(code.starts_with("ic_") && code.len() >= 3 + 32);
    assert_eq!(inv.url.as_deref(), Some(format!("{}/invite/{code}", server.base_url).as_str()));
    let week = inv.expires_at.unwrap() - inv.created_at;
    assert_eq!(week.num_seconds(), 7 * 24 * 3600);

    // get never shows the code.
    let got = client.invites().get(&inv.id).await.unwrap();
    assert_eq!((got.code, got.url), (None, None));
    assert_eq!(got.name.as_deref(), Some("Q3"));

    // lookup shows the landing page, consumes nothing, and hides the addresses.
    let look = client.invites().lookup(&code).await.unwrap();
    assert_eq!(look.organization_name, "Acme");
    assert!(look.email_restricted);
    assert_eq!(look.status, InviteStatus::Pending);
    assert_eq!(look.message.as_deref(), Some("Welcome!"));
    let raw = server
        .raw()
        .post(format!("{}/v1/invites/lookup", server.base_url))
        .bearer_auth(&acme.key)
        .json(&json!({"code": code}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!raw.contains("example.com"), "lookup leaks addresses: {raw}");
    assert_eq!(client.invites().get(&inv.id).await.unwrap().use_count, 0);

    // accept
    let member = client
        .invites()
        .accept(&body(json!({"code": code, "email": "ADA@example.com", "user_id": "u1"})))
        .await
        .unwrap();
    assert!(member.id.starts_with("mem_"));
    assert_eq!(member.email, "ada@example.com");
    assert_eq!(member.user_id.as_deref(), Some("u1"));
    assert_eq!(member.invite_id.as_deref(), Some(inv.id.as_str()));
    assert_eq!(member.roles[0].as_str(), "developer");
    assert_eq!(member.teams[0].as_str(), "platform");
    let after = client.invites().get(&inv.id).await.unwrap();
    assert_eq!((after.use_count, after.status), (1, InviteStatus::Pending));
    assert!(after.last_used_at.is_some());

    // redemptions
    let reds = client
        .invites()
        .redemptions_page(&inv.id, &ListRedemptions::default())
        .await
        .unwrap();
    assert_eq!(reds.data.len(), 1);
    assert!(reds.data[0].id.starts_with("red_"));
    assert_eq!(reds.data[0].member_id, member.id);
    assert_eq!(reds.data[0].email, "ada@example.com");

    // members
    let members = client.members().list_page(&ListMembers::default()).await.unwrap();
    assert_eq!(members.data.len(), 1);
    let by_email = client
        .members()
        .list_page(&ListMembers { email: Some("Ada@EXAMPLE.com".into()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(by_email.data[0].id, member.id);
    assert_eq!(client.members().get(&member.id).await.unwrap().email, "ada@example.com");

    // update: disable, then accept is refused, then enable again
    let upd = client
        .invites()
        .update(&inv.id, &body(json!({"enabled": false, "name": "renamed", "max_uses": 3})))
        .await
        .unwrap();
    assert_eq!((upd.status, upd.name.as_deref(), upd.max_uses), (InviteStatus::Disabled, Some("renamed"), Some(3)));
    assert_api(client.invites().accept(&accept_body(&code, "grace@example.com")).await, 403, "invite_disabled");
    client.invites().update(&inv.id, &body(json!({"enabled": true}))).await.unwrap();

    // rotate: the old code stops working at once
    let rotated = client.invites().rotate(&inv.id).await.unwrap();
    let new_code = rotated.code.clone().unwrap();
    assert_ne!(new_code, code);
    assert!(rotated.url.unwrap().ends_with(&new_code));
    assert_api(client.invites().lookup(&code).await, 404, "not_found");
    assert_api(client.invites().accept(&accept_body(&code, "grace@example.com")).await, 404, "not_found");
    client.invites().accept(&accept_body(&new_code, "grace@example.com")).await.unwrap();
    let e = assert_api(
        client.invites().update(&inv.id, &body(json!({"max_uses": 1}))).await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("max_uses"), "not below use_count 2");

    // remove a member
    let removed = client.members().remove(&member.id).await.unwrap();
    assert_eq!(removed.id, member.id);
    assert_api(client.members().get(&member.id).await, 404, "not_found");

    // revoke, idempotently; everything after is refused with invite_revoked
    let revoked = client.invites().revoke(&inv.id).await.unwrap();
    assert_eq!(revoked.status, InviteStatus::Revoked);
    let again = client.invites().revoke(&inv.id).await.unwrap();
    assert_eq!((again.status, again.updated_at), (InviteStatus::Revoked, revoked.updated_at));
    assert_api(client.invites().accept(&accept_body(&new_code, "ada@example.com")).await, 410, "invite_revoked");
    assert_api(client.invites().update(&inv.id, &body(json!({"name": "x"}))).await, 410, "invite_revoked");
    assert_api(client.invites().rotate(&inv.id).await, 410, "invite_revoked");
    assert_eq!(client.invites().lookup(&new_code).await.unwrap().status, InviteStatus::Revoked);

    // unknown ids
    assert_api(client.invites().get("inv_nope").await, 404, "not_found");
    assert_api(client.members().remove("mem_nope").await, 404, "not_found");
}

