//! Every operation of the spec and every error type, through the Rust SDK over real HTTP.

mod common;

use std::time::Duration;

use common::*;
use futures::TryStreamExt;
use invites_sdk::types::InviteStatus;
use invites_sdk::{ListInvites, ListMembers, ListRedemptions, types};
use serde_json::json;

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organizations_and_authentication() {
    let server = TestServer::start();
    let created = server
        .admin()
        .organizations()
        .create(&body(
            json!({"name": "Acme", "roles": ["owner", "admin", "member"]}),
        ))
        .await
        .unwrap();
    assert!(created.api_key.starts_with("ik_"));
    assert!(created.api_key.len() >= 3 + 32, "at least 128 bits");
    assert!(created.organization.id.starts_with("org_"));
    let roles: Vec<&str> = created
        .organization
        .roles
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(roles, ["owner", "admin", "member"]);

    let client = server.client(&created.api_key);
    let org = client.organizations().get().await.unwrap();
    assert_eq!(
        (org.id.as_str(), org.name.as_str()),
        (created.organization.id.as_str(), "Acme")
    );

    // Default roles.
    let org = server
        .org("Defaults")
        .await
        .client
        .organizations()
        .get()
        .await
        .unwrap();
    let roles: Vec<&str> = org.roles.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        roles,
        ["owner", "admin", "developer", "billing", "user", "viewer"]
    );

    // The admin token is not an API key and an API key is not the admin token.
    assert_api(
        server.admin().organizations().get().await,
        401,
        "unauthorized",
    );
    assert_api(
        client
            .organizations()
            .create(&body(json!({"name": "X"})))
            .await,
        401,
        "unauthorized",
    );
    assert_api(
        server.client("ik_nope").invites().get("inv_x").await,
        401,
        "unauthorized",
    );
    let resp = server
        .raw()
        .get(format!("{}/v1/organization", server.base_url))
        .send()
        .await
        .unwrap();
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
    assert_eq!(
        inv.url.as_deref(),
        Some(format!("{}/invite#code={code}", server.base_url).as_str())
    );
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
    assert!(
        !raw.contains("example.com"),
        "lookup leaks addresses: {raw}"
    );
    assert_eq!(client.invites().get(&inv.id).await.unwrap().use_count, 0);

    // accept
    let member = client
        .invites()
        .accept(&body(
            json!({"code": code, "email": "ADA@example.com", "user_id": "u1"}),
        ))
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
    let members = client
        .members()
        .list_page(&ListMembers::default())
        .await
        .unwrap();
    assert_eq!(members.data.len(), 1);
    let by_email = client
        .members()
        .list_page(&ListMembers {
            email: Some("Ada@EXAMPLE.com".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_email.data[0].id, member.id);
    assert_eq!(
        client.members().get(&member.id).await.unwrap().email,
        "ada@example.com"
    );

    // update: disable, then accept is refused, then enable again
    let upd = client
        .invites()
        .update(
            &inv.id,
            &body(json!({"enabled": false, "name": "renamed", "max_uses": 3})),
        )
        .await
        .unwrap();
    assert_eq!(
        (upd.status, upd.name.as_deref(), upd.max_uses),
        (InviteStatus::Disabled, Some("renamed"), Some(3))
    );
    assert_api(
        client
            .invites()
            .accept(&accept_body(&code, "grace@example.com"))
            .await,
        403,
        "invite_disabled",
    );
    client
        .invites()
        .update(&inv.id, &body(json!({"enabled": true})))
        .await
        .unwrap();

    // rotate: the old code stops working at once
    let rotated = client.invites().rotate(&inv.id).await.unwrap();
    let new_code = rotated.code.clone().unwrap();
    assert_ne!(new_code, code);
    assert!(rotated.url.unwrap().ends_with(&new_code));
    assert_api(client.invites().lookup(&code).await, 404, "not_found");
    assert_api(
        client
            .invites()
            .accept(&accept_body(&code, "grace@example.com"))
            .await,
        404,
        "not_found",
    );
    client
        .invites()
        .accept(&accept_body(&new_code, "grace@example.com"))
        .await
        .unwrap();
    let e = assert_api(
        client
            .invites()
            .update(&inv.id, &body(json!({"max_uses": 1})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(
        e.param.as_deref(),
        Some("max_uses"),
        "not below use_count 2"
    );

    // remove a member
    let removed = client.members().remove(&member.id).await.unwrap();
    assert_eq!(removed.id, member.id);
    assert_api(client.members().get(&member.id).await, 404, "not_found");

    // revoke, idempotently; everything after is refused with invite_revoked
    let revoked = client.invites().revoke(&inv.id).await.unwrap();
    assert_eq!(revoked.status, InviteStatus::Revoked);
    let again = client.invites().revoke(&inv.id).await.unwrap();
    assert_eq!(
        (again.status, again.updated_at),
        (InviteStatus::Revoked, revoked.updated_at)
    );
    assert_api(
        client
            .invites()
            .accept(&accept_body(&new_code, "ada@example.com"))
            .await,
        410,
        "invite_revoked",
    );
    assert_api(
        client
            .invites()
            .update(&inv.id, &body(json!({"name": "x"})))
            .await,
        410,
        "invite_revoked",
    );
    assert_api(
        client.invites().rotate(&inv.id).await,
        410,
        "invite_revoked",
    );
    assert_eq!(
        client.invites().lookup(&new_code).await.unwrap().status,
        InviteStatus::Revoked
    );

    // unknown ids
    assert_api(client.invites().get("inv_nope").await, 404, "not_found");
    assert_api(client.members().remove("mem_nope").await, 404, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_errors_in_order_and_consuming_nothing() {
    let server = TestServer::start();
    let org = server.org("Acme").await;
    let c = &org.client;

    // already_member consumes nothing
    let public = invite(c, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    assert_eq!(
        public.max_uses, None,
        "a public invite defaults to unlimited"
    );
    let pcode = public.code.unwrap();
    c.invites()
        .accept(&accept_body(&pcode, "ada@example.com"))
        .await
        .unwrap();
    let e = assert_api(
        c.invites()
            .accept(&accept_body(&pcode, "Ada@Example.com"))
            .await,
        409,
        "already_member",
    );
    assert!(e.message.contains("ada@example.com"), "{e}");
    assert_eq!(c.invites().get(&public.id).await.unwrap().use_count, 1);

    // email_not_allowed for addresses the invite does not admit; exhausted before email checks
    let exact = invite(c, json!({"emails": ["bob@example.com"], "roles": ["user"]})).await;
    let ecode = exact.code.unwrap();
    assert_api(
        c.invites()
            .accept(&accept_body(&ecode, "ada@example.com"))
            .await,
        403,
        "email_not_allowed",
    );
    c.invites()
        .accept(&accept_body(&ecode, "bob@example.com"))
        .await
        .unwrap();
    assert_eq!(
        c.invites().get(&exact.id).await.unwrap().status,
        InviteStatus::Accepted
    );
    // its own invitee, already a member, hears already_member, whatever the invite's state
    assert_api(
        c.invites()
            .accept(&accept_body(&ecode, "bob@example.com"))
            .await,
        409,
        "already_member",
    );
    assert_api(
        c.invites()
            .accept(&accept_body(&ecode, "eve@example.com"))
            .await,
        409,
        "invite_exhausted",
    );

    // revoked beats exhausted
    c.invites().revoke(&exact.id).await.unwrap();
    assert_api(
        c.invites()
            .accept(&accept_body(&ecode, "eve@example.com"))
            .await,
        410,
        "invite_revoked",
    );
    assert_api(
        c.invites()
            .accept(&accept_body(&ecode, "bob@example.com"))
            .await,
        409,
        "already_member",
    );

    // expired beats disabled; disabled beats email_not_allowed
    let soon = (chrono::Utc::now() + chrono::Duration::milliseconds(1500)).to_rfc3339();
    let short = invite(c, json!({"emails": ["*@example.org"], "roles": ["user"], "expires_at": soon, "enabled": false})).await;
    let scode = short.code.unwrap();
    assert_eq!(short.status, InviteStatus::Disabled);
    assert_api(
        c.invites()
            .accept(&accept_body(&scode, "x@elsewhere.net"))
            .await,
        403,
        "invite_disabled",
    );
    tokio::time::sleep(Duration::from_millis(1700)).await;
    assert_eq!(
        c.invites().get(&short.id).await.unwrap().status,
        InviteStatus::Expired
    );
    assert_api(
        c.invites()
            .accept(&accept_body(&scode, "x@example.org"))
            .await,
        410,
        "invite_expired",
    );
    let expired = c
        .invites()
        .list_page(&ListInvites {
            status: Some(InviteStatus::Expired),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(expired.data.len(), 1);
    assert_eq!(expired.data[0].id, short.id);

    // unknown code
    assert_api(
        c.invites()
            .accept(&accept_body("ic_unknown", "x@example.org"))
            .await,
        404,
        "not_found",
    );
    assert_api(c.invites().lookup("ic_unknown").await, 404, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_rules() {
    let server = TestServer::start();
    let c = server.org("Acme").await.client;
    let e = assert_api(
        c.invites().create(&body(json!({"roles": ["owner"]}))).await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("roles"));
    assert!(e.message.contains("owner"), "{e}");
    let e = assert_api(
        c.invites()
            .create(&body(json!({"roles": ["wizard"]})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("roles"));
    let e = assert_api(
        c.invites()
            .create(&body(json!({"roles": ["user"], "never_expires": true})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("never_expires"));
    let e = assert_api(
        c.invites().create(&body(json!({"roles": ["user"], "ttl_seconds": 600, "expires_at": "2999-01-01T00:00:00Z"}))).await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("ttl_seconds"));
    let e = assert_api(
        c.invites()
            .create(&body(
                json!({"roles": ["user"], "expires_at": "2001-01-01T00:00:00Z"}),
            ))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("expires_at"));

    let forever = invite(
        &c,
        json!({"emails": ["*@example.com"], "roles": ["user"], "never_expires": true}),
    )
    .await;
    assert_eq!((forever.expires_at, forever.max_uses), (None, None));
    let ttl = invite(&c, json!({"emails": ["a@example.com", "b@example.com", "c@example.com"], "roles": ["user"], "ttl_seconds": 120})).await;
    assert_eq!(ttl.max_uses, Some(3));
    assert_eq!(
        (ttl.expires_at.unwrap() - ttl.created_at).num_seconds(),
        120
    );
    let single = invite(&c, json!({"roles": ["user"], "single_use": true})).await;
    assert_eq!(single.max_uses, Some(1));
    let capped = invite(&c, json!({"roles": ["user", "admin"], "max_uses": 7})).await;
    assert_eq!(capped.max_uses, Some(7));

    // one pending exact-address invite per address: the conflict names the pending invite
    let e = assert_api(
        c.invites()
            .create(&body(
                json!({"emails": ["x@example.org", "B@example.com"], "roles": ["user"]}),
            ))
            .await,
        409,
        "conflict",
    );
    assert!(e.message.contains(&ttl.id), "{e}");
    // a disabled invite is not pending; enabling it while another is pending is a conflict
    c.invites()
        .update(&ttl.id, &body(json!({"enabled": false})))
        .await
        .unwrap();
    let fresh = invite(&c, json!({"emails": ["b@example.com"], "roles": ["user"]})).await;
    let e = assert_api(
        c.invites()
            .update(&ttl.id, &body(json!({"enabled": true})))
            .await,
        409,
        "conflict",
    );
    assert!(e.message.contains(&fresh.id), "{e}");
    // revoking frees the address
    c.invites().revoke(&fresh.id).await.unwrap();
    c.invites()
        .update(&ttl.id, &body(json!({"enabled": true})))
        .await
        .unwrap();
    c.invites()
        .update(
            &ttl.id,
            &body(json!({"name": "still pending, no self-conflict"})),
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_create_all_or_nothing() {
    let server = TestServer::start();
    let c = server.org("Acme").await.client;
    let batch = c
        .invites()
        .create_batch(&body(json!({
            "emails": ["a@example.com", "B@example.com", "c@example.com"],
            "roles": ["developer"], "message": "hi", "ttl_seconds": 3600
        })))
        .await
        .unwrap();
    let emails: Vec<&str> = batch.data.iter().map(|i| i.emails[0].as_str()).collect();
    assert_eq!(emails, ["a@example.com", "b@example.com", "c@example.com"]);
    for i in &batch.data {
        assert_eq!(i.max_uses, Some(1));
        assert!(i.code.as_deref().is_some_and(|c| c.starts_with("ic_")));
        assert!(i.url.is_some());
    }
    // one address already pending: nothing of the batch is written
    let e = assert_api(
        c.invites()
            .create_batch(&body(
                json!({"emails": ["d@example.com", "c@example.com"], "roles": ["developer"]}),
            ))
            .await,
        409,
        "conflict",
    );
    assert!(e.message.contains(&batch.data[2].id), "{e}");
    let all: Vec<types::Invite> = c
        .invites()
        .list(ListInvites::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    // patterns are refused
    let e = assert_api(
        c.invites()
            .create_batch(&body(
                json!({"emails": ["*@example.com"], "roles": ["developer"]}),
            ))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("emails"));
    // a thousand at once
    let many: Vec<String> = (0..1000).map(|i| format!("user{i}@big.example")).collect();
    let big = c
        .invites()
        .create_batch(&body(json!({"emails": many, "roles": ["user"]})))
        .await
        .unwrap();
    assert_eq!(big.data.len(), 1000);
    let code = big.data[999].code.clone().unwrap();
    let m = c
        .invites()
        .accept(&accept_body(&code, "user999@big.example"))
        .await
        .unwrap();
    assert_eq!(m.email, "user999@big.example");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pagination_is_stable_while_rows_are_inserted() {
    let server = TestServer::start();
    let c = server.org("Acme").await.client;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(
            invite(
                &c,
                json!({"emails": [format!("p{i}@example.com")], "roles": ["user"]}),
            )
            .await
            .id,
        );
    }
    ids.reverse(); // newest first
    let mut seen = Vec::new();
    let mut token = None;
    let mut pages = 0;
    loop {
        let page = c
            .invites()
            .list_page(&ListInvites {
                limit: Some(10),
                page_token: token.clone(),
                ..Default::default()
            })
            .await
            .unwrap();
        pages += 1;
        seen.extend(page.data.iter().map(|i| i.id.clone()));
        // new rows arrive while paging: they are newer than the cursor and do not show up
        invite(
            &c,
            json!({"emails": [format!("late{pages}@example.com")], "roles": ["user"]}),
        )
        .await;
        match page.next_page_token {
            Some(t) => token = Some(t),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, ids);

    let all: Vec<types::Invite> = c
        .invites()
        .list(ListInvites::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 28);
    let filtered = c
        .invites()
        .list_page(&ListInvites {
            email: Some("P3@EXAMPLE.com".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(filtered.data.len(), 1);
    assert_eq!(filtered.data[0].emails, ["p3@example.com"]);
    let pending = c
        .invites()
        .list_page(&ListInvites {
            status: Some(InviteStatus::Pending),
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(pending.data.len(), 28);
    let e = assert_api(
        c.invites()
            .list_page(&ListInvites {
                page_token: Some("garbage".into()),
                ..Default::default()
            })
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("page_token"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenant_isolation_is_404_everywhere() {
    let server = TestServer::start();
    let a = server.org("A").await.client;
    let b = server.org("B").await.client;
    let inv = invite(
        &a,
        json!({"roles": ["user"], "ttl_seconds": 3600, "name": "secret"}),
    )
    .await;
    let code = inv.code.clone().unwrap();
    let member = a
        .invites()
        .accept(&accept_body(&code, "ada@example.com"))
        .await
        .unwrap();

    assert_api(b.invites().get(&inv.id).await, 404, "not_found");
    assert_api(
        b.invites()
            .update(&inv.id, &body(json!({"name": "x"})))
            .await,
        404,
        "not_found",
    );
    assert_api(b.invites().revoke(&inv.id).await, 404, "not_found");
    assert_api(b.invites().rotate(&inv.id).await, 404, "not_found");
    assert_api(
        b.invites()
            .redemptions_page(&inv.id, &ListRedemptions::default())
            .await,
        404,
        "not_found",
    );
    assert_api(b.invites().lookup(&code).await, 404, "not_found");
    assert_api(
        b.invites()
            .accept(&accept_body(&code, "bob@example.com"))
            .await,
        404,
        "not_found",
    );
    assert_api(b.members().get(&member.id).await, 404, "not_found");
    assert_api(b.members().remove(&member.id).await, 404, "not_found");
    assert!(
        b.invites()
            .list_page(&ListInvites::default())
            .await
            .unwrap()
            .data
            .is_empty()
    );
    assert!(
        b.members()
            .list_page(&ListMembers::default())
            .await
            .unwrap()
            .data
            .is_empty()
    );

    // nothing changed for A
    let still = a.invites().get(&inv.id).await.unwrap();
    assert_eq!(
        (still.status, still.name.as_deref(), still.use_count),
        (InviteStatus::Pending, Some("secret"), 1)
    );
    a.invites().lookup(&code).await.unwrap();
    a.members().get(&member.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_attempts_are_rate_limited_per_key() {
    let server = TestServer::start_with(&[
        "--rate-limit-failures",
        "3",
        "--rate-limit-window-secs",
        "60",
    ]);
    let a = server.org("A").await.client;
    let b = server.org("B").await.client;
    let inv = invite(&a, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = inv.code.unwrap();
    assert_api(a.invites().lookup("ic_guess1").await, 404, "not_found");
    assert_api(
        a.invites()
            .accept(&accept_body("ic_guess2", "x@example.com"))
            .await,
        404,
        "not_found",
    );
    // successes and non-guessing failures do not count
    a.invites().lookup(&code).await.unwrap();
    assert_api(a.invites().lookup("ic_guess3").await, 404, "not_found");
    let e = assert_api(a.invites().lookup(&code).await, 429, "rate_limited");
    let wait = e.retry_after.expect("Retry-After");
    assert!(wait.as_secs() >= 1 && wait.as_secs() <= 60, "{wait:?}");
    assert_api(
        a.invites()
            .accept(&accept_body(&code, "x@example.com"))
            .await,
        429,
        "rate_limited",
    );
    // another key is not affected, and neither are other operations
    assert_api(b.invites().lookup("ic_guess").await, 404, "not_found");
    a.invites().get(&inv.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_400_with_param_and_writes_nothing() {
    let server = TestServer::start();
    let org = server.org("Acme").await;
    let http = server.raw();
    let url = format!("{}/v1/invites", server.base_url);
    let long = "x".repeat(201);
    let cases: Vec<(&str, String)> = vec![
        ("body", "{not json".into()),
        ("body", "".into()),
        ("body", "[]".into()),
        ("roles", "{}".into()),
        ("bogus", r#"{"roles":["user"],"bogus":1}"#.into()),
        ("max_uses", r#"{"roles":["user"],"max_uses":"5"}"#.into()),
        ("max_uses", r#"{"roles":["user"],"max_uses":0}"#.into()),
        (
            "max_uses",
            r#"{"roles":["user"],"max_uses":1000001}"#.into(),
        ),
        (
            "ttl_seconds",
            r#"{"roles":["user"],"ttl_seconds":59}"#.into(),
        ),
        ("name", format!(r#"{{"roles":["user"],"name":"{long}"}}"#)),
        (
            "emails",
            r#"{"roles":["user"],"emails":["not-an-address"]}"#.into(),
        ),
        (
            "emails",
            r#"{"roles":["user"],"emails":["ada@example..com"]}"#.into(),
        ),
        (
            "emails",
            r#"{"roles":["user"],"emails":["a*@example.com"]}"#.into(),
        ),
        ("emails", r#"{"roles":["user"],"emails":[7]}"#.into()),
        ("roles", r#"{"roles":[]}"#.into()),
        ("roles", r#"{"roles":["Not A Role"]}"#.into()),
        (
            "teams",
            format!(r#"{{"roles":["user"],"teams":["{}"]}}"#, "t".repeat(65)),
        ),
        (
            "metadata",
            format!(
                r#"{{"roles":["user"],"metadata":{{"k":"{}"}}}}"#,
                "v".repeat(501)
            ),
        ),
        (
            "metadata",
            r#"{"roles":["user"],"metadata":{"k":1}}"#.into(),
        ),
        (
            "expires_at",
            r#"{"roles":["user"],"expires_at":"tomorrow"}"#.into(),
        ),
        ("enabled", r#"{"roles":["user"],"enabled":"yes"}"#.into()),
    ];
    for (param, payload) in &cases {
        let resp = http
            .post(&url)
            .bearer_auth(&org.key)
            .header("content-type", "application/json")
            .body(payload.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 400, "{payload}");
        let rid = resp
            .headers()
            .get("x-request-id")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let v: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["type"], "invalid_request", "{payload}: {v}");
        assert_eq!(v["error"]["param"], *param, "{payload}: {v}");
        assert_eq!(v["request_id"], rid.as_str());
    }
    // other endpoints
    let checks: Vec<(&str, &str, String, &str)> = vec![
        (
            "POST",
            "/v1/invites/accept",
            r#"{"code":"ic_x","email":"nope"}"#.into(),
            "email",
        ),
        (
            "POST",
            "/v1/invites/accept",
            r#"{"code":"ic_x"}"#.into(),
            "email",
        ),
        (
            "POST",
            "/v1/invites/lookup",
            r#"{"code":""}"#.into(),
            "code",
        ),
        (
            "POST",
            "/v1/invites/batch",
            r#"{"emails":["a@example.com","A@example.com"],"roles":["user"]}"#.into(),
            "emails",
        ),
        (
            "POST",
            "/v1/invites/batch",
            r#"{"emails":[],"roles":["user"]}"#.into(),
            "emails",
        ),
        ("GET", "/v1/invites?limit=0", String::new(), "limit"),
        ("GET", "/v1/invites?limit=101", String::new(), "limit"),
        ("GET", "/v1/invites?limit=ten", String::new(), "limit"),
        ("GET", "/v1/invites?status=lost", String::new(), "status"),
        (
            "GET",
            "/v1/members?page_token=%00%01",
            String::new(),
            "page_token",
        ),
    ];
    for (method, path, payload, param) in &checks {
        let req = http
            .request(
                method.parse().unwrap(),
                format!("{}{path}", server.base_url),
            )
            .bearer_auth(&org.key);
        let req = if payload.is_empty() {
            req
        } else {
            req.body(payload.clone())
        };
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 400, "{path} {payload}");
        let v: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["param"], *param, "{path} {payload}: {v}");
    }
    let resp = http
        .post(format!("{}/v1/organizations", server.base_url))
        .bearer_auth(ADMIN_TOKEN)
        .body(r#"{"name":""}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    // nothing was written
    assert!(
        org.client
            .invites()
            .list_page(&ListInvites::default())
            .await
            .unwrap()
            .data
            .is_empty()
    );
    assert!(
        org.client
            .members()
            .list_page(&ListMembers::default())
            .await
            .unwrap()
            .data
            .is_empty()
    );

    // 413 over 1 MiB, in the envelope
    let huge = format!(r#"{{"roles":["user"],"name":"{}"}}"#, "x".repeat(1_100_000));
    let resp = http
        .post(&url)
        .bearer_auth(&org.key)
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
    let v: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "payload_too_large");
    // unknown routes and methods keep the envelope
    let resp = http
        .get(format!("{}/v2/nothing", server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "not_found");
    assert!(v["request_id"].as_str().unwrap().starts_with("req_"));
    let resp = http.put(&url).bearer_auth(&org.key).send().await.unwrap();
    assert_eq!(resp.status(), 405);
    let v: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["type"], "invalid_request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_spec_and_request_ids() {
    let server = TestServer::start();
    let http = server.raw();
    let resp = http
        .get(format!("{}/healthz", server.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let rid = resp
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(rid.starts_with("req_"));
    let spec = http
        .get(format!("{}/openapi.yaml", server.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(spec.starts_with("openapi: 3.0.3"));
    assert!(spec.contains("operationId: acceptInvite"));
    // one log line per request with its id, and never a secret
    let org = server.org("Acme").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    org.client
        .invites()
        .lookup(inv.code.as_deref().unwrap())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let log = server.log();
    assert!(log.contains(&rid), "{log}");
    assert!(!log.contains(&org.key), "API key in the log");
    assert!(
        !log.contains(inv.code.as_deref().unwrap()),
        "invite code in the log"
    );
    assert!(!log.contains(ADMIN_TOKEN), "admin token in the log");
}
}
