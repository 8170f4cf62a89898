//! Events (issue 19, part 1): every change writes exactly its event, in its own transaction,
//! with the actor that made it; refused or rolled-back changes write none; `listEvents` pages
//! newest first, filters by a validated `type`, and shows one organization only; no code, link
//! or secret is ever stored in an event; `--event-retention-days` is at least 30 and old events
//! are purged. Runs on both backends, against the real server over HTTP.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use common::*;
use futures::TryStreamExt;
use invites_sdk::{ListApiKeys, ListEvents, types};
use serde_json::{Value, json};

/// How many events of each type.
fn counts(events: &[Value]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for e in events {
        *m.entry(e["type"].as_str().unwrap().to_owned()).or_insert(0) += 1;
    }
    m
}

/// The events of `kind`, newest first.
fn of<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["type"] == kind).collect()
}

/// The id of the organization's `default` key (the one its `Org::client` uses).
async fn default_key_id(org: &Org) -> String {
    let keys: Vec<types::ApiKey> = org
        .client
        .api_keys()
        .list(ListApiKeys::default())
        .try_collect()
        .await
        .unwrap();
    keys.into_iter()
        .find(|k| k.name == "default")
        .expect("the default key")
        .id
}

/// Wait (up to 20 s) until the organization has `n` events of `kind`.
async fn wait_for(server: &TestServer, key: &str, kind: &str, n: usize) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let got = events(server, key, Some(kind)).await;
        if got.len() >= n || started.elapsed() > Duration::from_secs(20) {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

both_backends! {
/// Accepts without an Idempotency-Key (claimed from the row this replica read last time
/// without reading it again, when it is still that row version on PostgreSQL, when it still
/// holds the same columns on SQLite) follow the invite as it is now: roles after an update,
/// the name in the event after a rename, a revoke at once; and the same new address accepted
/// 16 times at once becomes one member with one use and one event.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn accepts_without_an_idempotency_key_follow_the_current_invite() {
    let server = TestServer::start();
    let org = server.org("Keyless").await;
    let http = server.raw();
    let accept = |code: String, email: String| {
        let (http, url, key) = (http.clone(), server.base_url.clone(), org.key.clone());
        async move {
            let r = http.post(format!("{url}/v1/invites/accept")).bearer_auth(key)
                .json(&json!({"code": code, "email": email})).send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap())
        }
    };
    let link = invite(&org.client, json!({"roles": ["viewer"], "name": "n1"})).await;
    let code = link.code.clone().unwrap();
    let (s, m) = accept(code.clone(), "a1@example.com".into()).await;
    assert_eq!((s, &m["roles"]), (201, &json!(["viewer"])), "{m}");
    for a in ["a2@example.com", "a2b@example.com"] {
        let (s, m) = accept(code.clone(), a.into()).await;
        assert_eq!((s, &m["roles"]), (201, &json!(["viewer"])), "{m}");
    }
    org.client.invites().update(&link.id, &body(json!({"roles": ["admin"]}))).await.unwrap();
    let (s, m) = accept(code.clone(), "a3@example.com".into()).await;
    assert_eq!((s, &m["roles"]), (201, &json!(["admin"])), "{m}");
    org.client.invites().update(&link.id, &body(json!({"name": "n2"}))).await.unwrap();
    let (s, m) = accept(code.clone(), "a4@example.com".into()).await;
    assert_eq!(s, 201, "{m}");
    let (s, e) = accept(code.clone(), "a4@example.com".into()).await;
    assert_eq!((s, e["error"]["type"].as_str()), (409, Some("already_member")), "{e}");
    let accepted = events(&server, &org.key, Some("invite.accepted")).await;
    assert_eq!(accepted.len(), 5, "{accepted:?}");
    assert_eq!(accepted[0]["data"]["member"]["email"], "a4@example.com");
    assert_eq!(accepted[0]["data"]["invite"]["name"], "n2", "the event shows the renamed invite");
    assert_eq!(accepted[1]["data"]["member"]["roles"], json!(["admin"]));
    assert_eq!(accepted[1]["data"]["invite"]["roles"], json!(["admin"]));
    // One accept after the other on one replica: each event counts the uses before it, the
    // ones claimed from the remembered row included.
    let counts: Vec<_> = accepted.iter().map(|e| e["data"]["invite"]["use_count"].clone()).collect();
    assert_eq!(counts, [json!(5), json!(4), json!(3), json!(2), json!(1)]);
    org.client.invites().revoke(&link.id).await.unwrap();
    let (s, e) = accept(code.clone(), "a5@example.com".into()).await;
    assert_eq!((s, e["error"]["type"].as_str()), (410, Some("invite_revoked")), "{e}");

    for (i, max_uses) in [json!(null), json!(100)].into_iter().enumerate() {
        let inv = invite(&org.client, json!({"roles": ["viewer"], "max_uses": max_uses})).await;
        let code = inv.code.clone().unwrap();
        // One accept first, so that the racing ones start from a remembered row.
        assert_eq!(accept(code.clone(), format!("first{i}@example.com")).await.0, 201);
        let racers: Vec<_> = (0..16)
            .map(|_| tokio::spawn(accept(code.clone(), format!("same{i}@example.com"))))
            .collect();
        let mut created = 0;
        for r in racers {
            let (s, v) = r.await.unwrap();
            match s {
                201 => created += 1,
                _ => assert_eq!((s, v["error"]["type"].as_str()), (409, Some("already_member")), "{v}"),
            }
        }
        assert_eq!(created, 1, "max_uses {max_uses}: one of 16 identical accepts wins");
        let (members, redemptions) = members_and_redemptions(&org.client, &inv.id).await;
        assert_eq!((members, redemptions), (7 + 2 * i, 2), "max_uses {max_uses}");
        assert_eq!(org.client.invites().get(&inv.id).await.unwrap().use_count, 2);
    }
    let accepted = events(&server, &org.key, Some("invite.accepted")).await;
    assert_eq!(accepted.len(), 9, "one event per member, none for the refused accepts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_change_writes_exactly_its_event_with_its_actor() {
    let mail = tempfile::tempdir().unwrap();
    let server = TestServer::start_with(&["--email-dir", mail.path().to_str().unwrap()]);
    let org = server.org("Events").await;
    let key = default_key_id(&org).await;
    let api_key = json!({"type": "api_key", "id": key});

    // Creating the organization (admin token) made its first key.
    let all = events(&server, &org.key, None).await;
    assert_eq!(counts(&all), BTreeMap::from([("api_key.created".into(), 1)]), "{all:?}");
    assert_eq!(all[0]["actor"], json!({"type": "admin"}));
    assert_eq!(all[0]["data"]["api_key"]["id"], json!(key));
    assert!(all[0]["id"].as_str().unwrap().starts_with("evt_"));

    let inv = invite(&org.client, json!({"emails": ["ada@example.com"], "roles": ["developer"],
                                         "send_email": false})).await;
    let e = &events(&server, &org.key, Some("invite.created")).await[0];
    assert_eq!(e["actor"], api_key);
    assert_eq!(e["data"]["invite"]["id"], json!(inv.id));
    assert_eq!(e["data"]["invite"]["status"], "pending");

    let upd: types::InviteUpdate = body(json!({"name": "Ada's invite", "roles": ["admin"]}));
    org.client.invites().update(&inv.id, &upd).await.unwrap();
    // An update that changes nothing is no change.
    org.client.invites().update(&inv.id, &body(json!({}))).await.unwrap();
    let e = events(&server, &org.key, Some("invite.updated")).await;
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0]["data"]["invite"]["name"], "Ada's invite");
    assert_eq!(e[0]["data"]["invite"]["roles"], json!(["admin"]));

    org.client.invites().rotate(&inv.id).await.unwrap();
    let resent = org.client.invites().resend(&inv.id, &body(json!({}))).await.unwrap();
    let code = resent.code.clone().unwrap();
    let member = org.client.invites().accept(&accept_body(&code, "ada@example.com")).await.unwrap();
    let e = &events(&server, &org.key, Some("invite.accepted")).await[0];
    assert_eq!(e["actor"], api_key);
    assert_eq!(e["data"]["member"]["id"], json!(member.id));
    assert_eq!(e["data"]["member"]["email"], "ada@example.com");
    assert_eq!(e["data"]["member"]["roles"], json!(["admin"]));
    assert_eq!(e["data"]["invite"]["id"], json!(inv.id));
    assert_eq!(e["data"]["invite"]["use_count"], 1, "the invite as the claim left it");
    assert_eq!(e["data"]["invite"]["status"], "accepted");
    org.client.members().remove(&member.id).await.unwrap();
    let e = &events(&server, &org.key, Some("member.removed")).await[0];
    assert_eq!(e["data"]["member"]["id"], json!(member.id));

    // Revoking twice is one change.
    let other = invite(&org.client, json!({"emails": ["*@example.org"], "roles": ["viewer"]})).await;
    org.client.invites().revoke(&other.id).await.unwrap();
    org.client.invites().revoke(&other.id).await.unwrap();
    let e = events(&server, &org.key, Some("invite.revoked")).await;
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0]["data"]["invite"]["status"], "revoked");

    // A batch writes one event per invite.
    let batch = org.client.invites().create_batch(&body(json!({
        "emails": ["b1@example.com", "b2@example.com", "b3@example.com"],
        "roles": ["viewer"], "send_email": false,
    }))).await.unwrap();
    let created: HashSet<String> = events(&server, &org.key, Some("invite.created")).await
        .iter().map(|e| e["data"]["invite"]["id"].as_str().unwrap().to_owned()).collect();
    for i in &batch.data {
        assert!(created.contains(&i.id), "{} has no invite.created", i.id);
    }

    // A second key makes and revokes: its own id is the actor.
    let second = org.client.api_keys().create(&body(json!({"name": "ci"}))).await.unwrap();
    let c2 = server.client(&second.secret);
    let third = c2.api_keys().create(&body(json!({"name": "tmp"}))).await.unwrap();
    c2.api_keys().revoke(&third.id).await.unwrap();
    let made = events(&server, &org.key, Some("api_key.created")).await;
    assert_eq!(made[0]["data"]["api_key"]["id"], json!(third.id));
    assert_eq!(made[0]["actor"], json!({"type": "api_key", "id": second.id}));
    assert_eq!(made[1]["actor"], api_key);
    let revoked = events(&server, &org.key, Some("api_key.revoked")).await;
    assert_eq!(revoked.len(), 1);
    assert_eq!(revoked[0]["actor"], json!({"type": "api_key", "id": second.id}));
    assert!(revoked[0]["data"]["api_key"]["revoked_at"].is_string());

    // Exactly these events, and nothing else but the worker's email outcomes.
    let mut all = counts(&events(&server, &org.key, None).await);
    all.remove("email.sent");
    all.remove("email.failed");
    let want: BTreeMap<String, usize> = [
        ("api_key.created", 3), ("api_key.revoked", 1), ("invite.accepted", 1),
        ("invite.code_rotated", 1), ("invite.created", 5), ("invite.resent", 1),
        ("invite.revoked", 1), ("invite.updated", 1), ("member.removed", 1),
    ].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    assert_eq!(all, want);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_email_worker_records_sent_and_failed_as_system() {
    let mail = tempfile::tempdir().unwrap();
    let server = TestServer::start_with(&["--email-dir", mail.path().to_str().unwrap()]);
    let org = server.org("Mail").await;
    let inv = invite(&org.client, json!({"emails": ["a@example.com", "b@example.com"],
                                         "roles": ["viewer"]})).await;
    let sent = wait_for(&server, &org.key, "email.sent", 2).await;
    assert_eq!(sent.len(), 2, "{sent:?}");
    let mut to: Vec<&str> = sent.iter().map(|e| {
        assert_eq!(e["actor"], json!({"type": "system", "id": "email_worker"}));
        assert_eq!(e["data"]["delivery"]["invite_id"], json!(inv.id));
        assert_eq!(e["data"]["delivery"]["status"], "sent");
        assert!(e["data"]["delivery"]["id"].as_str().unwrap().starts_with("dlv_"));
        e["data"]["delivery"]["email"].as_str().unwrap()
    }).collect();
    to.sort();
    assert_eq!(to, ["a@example.com", "b@example.com"]);
    assert!(events(&server, &org.key, Some("email.failed")).await.is_empty());

    // Nothing listens on the SMTP port: refused (temporary), retried once, then failed.
    let port = free_port();
    let server = TestServer::start_with(&[
        "--smtp-url", &format!("smtp://127.0.0.1:{port}"), "--email-retry-schedule", "100ms",
    ]);
    let org = server.org("Down").await;
    let inv = invite(&org.client, json!({"emails": ["c@example.com"], "roles": ["viewer"]})).await;
    let failed = wait_for(&server, &org.key, "email.failed", 1).await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    let d = &failed[0]["data"]["delivery"];
    assert_eq!(d["invite_id"], json!(inv.id));
    assert_eq!(d["status"], "failed");
    assert_eq!(d["attempts"], 2);
    assert!(d["last_error"].as_str().unwrap().contains("gave up"), "{d}");
    assert_eq!(failed[0]["actor"], json!({"type": "system", "id": "email_worker"}));
    assert!(events(&server, &org.key, Some("email.sent")).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_rolled_back_changes_write_no_event() {
    let server = TestServer::start();
    let org = server.org("Refusals").await;
    let inv = invite(&org.client, json!({"emails": ["ada@example.com"], "roles": ["viewer"]})).await;
    let code = inv.code.clone().unwrap();
    let before = events(&server, &org.key, None).await;
    assert_eq!(before.len(), 2, "{before:?}");

    // A create refused with 409 after its transaction began (the address's pending invite).
    assert_api(org.client.invites().create(&body(json!({"emails": ["ada@example.com"],
        "roles": ["viewer"]}))).await, 409, "conflict");
    // A batch that rolls back halfway (its second address has a pending invite).
    assert_api(org.client.invites().create_batch(&body(json!({
        "emails": ["new@example.com", "ada@example.com"], "roles": ["viewer"]}))).await,
        409, "conflict");
    // Accepts refused: the wrong address, then an exhausted invite.
    assert_api(org.client.invites().accept(&accept_body(&code, "eve@example.com")).await,
        403, "email_not_allowed");
    let one = invite(&org.client, json!({"roles": ["viewer"], "single_use": true})).await;
    let one_code = one.code.clone().unwrap();
    org.client.invites().accept(&accept_body(&one_code, "x@example.com")).await.unwrap();
    let after_accept = events(&server, &org.key, None).await.len();
    assert_api(org.client.invites().accept(&accept_body(&one_code, "y@example.com")).await,
        409, "invite_exhausted");
    assert_api(org.client.invites().accept(&accept_body(&one_code, "x@example.com")).await,
        409, "already_member");
    // Bad input changes nothing; neither does the last key revoking itself.
    assert_api(org.client.invites().update(&inv.id, &body(json!({"roles": ["owner"]}))).await,
        400, "invalid_request");
    let key = default_key_id(&org).await;
    assert_api(org.client.api_keys().revoke(&key).await, 409, "conflict");
    // A retry with the same Idempotency-Key replays the create: still one event.
    let opts = invites_sdk::RequestOptions::new().idempotency_key("evt-retry-1");
    let c = org.client.with_options(opts);
    let body_v = json!({"emails": ["idem@example.com"], "roles": ["viewer"]});
    let first = c.invites().create(&body(body_v.clone())).await.unwrap();
    let again = c.invites().create(&body(body_v)).await.unwrap();
    assert_eq!(first.id, again.id);
    // Reads change nothing.
    org.client.invites().lookup(&code).await.unwrap();
    org.client.invites().get(&inv.id).await.unwrap();

    let after = events(&server, &org.key, None).await;
    assert_eq!(after.len(), after_accept + 1, "{:?}", counts(&after));
    let created = of(&after, "invite.created");
    assert_eq!(created.len(), 3, "ada's, the single-use one and the idempotent one");
    assert_eq!(created[0]["data"]["invite"]["id"], json!(first.id));
    assert_eq!(of(&after, "invite.accepted").len(), 1);
    assert!(of(&after, "invite.updated").is_empty() && of(&after, "api_key.revoked").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_type_filter_is_validated_and_pages_are_stable() {
    let server = TestServer::start();
    let org = server.org("Pages").await;
    let mut ids = Vec::new();
    for i in 0..25 {
        let inv = invite(&org.client, json!({"name": format!("n{i}"), "roles": ["viewer"]})).await;
        ids.push(inv.id);
    }
    org.client.invites().revoke(&ids[3]).await.unwrap();

    // Pages of 10 over raw HTTP: 10, 10, 5, no duplicates, newest first, only that type.
    let http = server.raw();
    let mut token: Option<String> = None;
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    loop {
        let mut q = "type=invite.created&limit=10".to_owned();
        if let Some(t) = &token {
            q.push_str(&format!("&page_token={t}"));
        }
        let page: Value = http.get(format!("{}/v1/events?{q}", server.base_url))
            .bearer_auth(&org.key).send().await.unwrap().json().await.unwrap();
        let data = page["data"].as_array().unwrap();
        sizes.push(data.len());
        for e in data {
            assert_eq!(e["type"], "invite.created");
            seen.push(e["data"]["invite"]["id"].as_str().unwrap().to_owned());
        }
        match page["next_page_token"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => break,
        }
    }
    assert_eq!(sizes, [10, 10, 5]);
    let mut seen_sorted = seen.clone();
    seen_sorted.sort();
    seen_sorted.dedup();
    assert_eq!(seen_sorted.len(), 25, "duplicates across pages: {seen:?}");
    let mut want = ids.clone();
    want.sort();
    assert_eq!(seen_sorted, want);

    // The SDK walks the same pages.
    let all: Vec<types::Event> = org.client.events()
        .list(ListEvents { r#type: Some(types::EventType::InviteCreated), limit: Some(7),
                           ..Default::default() })
        .try_collect().await.unwrap();
    assert_eq!(all.len(), 25);
    assert!(all.iter().all(|e| e.type_ == types::EventType::InviteCreated));
    let revoked: Vec<types::Event> = org.client.events()
        .list(ListEvents { r#type: Some(types::EventType::InviteRevoked), ..Default::default() })
        .try_collect().await.unwrap();
    assert_eq!(revoked.len(), 1);
    assert_eq!(revoked[0].data["invite"]["id"], json!(ids[3]));
    let everything: Vec<types::Event> = org.client.events().list(ListEvents::default())
        .try_collect().await.unwrap();
    assert_eq!(everything.len(), 27, "25 created, 1 revoked, the first key");

    // A type the API does not have is a 400 naming `type`; so are bad limits and tokens.
    for (q, param) in [
        ("type=invite.deleted", "type"), ("type=", "type"), ("type=INVITE.CREATED", "type"),
        ("limit=0", "limit"), ("limit=101", "limit"), ("page_token=zz", "page_token"),
    ] {
        let resp = http.get(format!("{}/v1/events?{q}", server.base_url))
            .bearer_auth(&org.key).send().await.unwrap();
        assert_eq!(resp.status(), 400, "{q}");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["type"], "invalid_request", "{q}: {v}");
        assert_eq!(v["error"]["param"], param, "{q}: {v}");
    }
    // Without a key: 401.
    let resp = http.get(format!("{}/v1/events", server.base_url)).send().await.unwrap();
    assert_eq!(resp.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_writes_one_event_per_invite() {
    let server = TestServer::start();
    let org = server.org("Batch").await;
    // 250 addresses: more than two of the multi-row inserts the events go in.
    let emails: Vec<String> = (0..250).map(|i| format!("u{i}@example.com")).collect();
    let batch = org.client.invites().create_batch(&body(json!({
        "emails": emails, "roles": ["viewer"], "metadata": {"wave": "1"}}))).await.unwrap();
    let created = events(&server, &org.key, Some("invite.created")).await;
    assert_eq!(created.len(), 250);
    let mut got: Vec<&str> = created.iter()
        .map(|e| e["data"]["invite"]["id"].as_str().unwrap()).collect();
    got.sort();
    let mut want: Vec<&str> = batch.data.iter().map(|i| i.id.as_str()).collect();
    want.sort();
    assert_eq!(got, want, "each invite of the batch has exactly one event");
    assert!(created.iter().all(|e| e["data"]["invite"]["metadata"] == json!({"wave": "1"})
        && e["data"]["invite"].get("code").is_none()));
    // Newest first within the batch too: the events come in the reverse order of the batch.
    let order: Vec<&str> = created.iter()
        .map(|e| e["data"]["invite"]["emails"][0].as_str().unwrap()).collect();
    let mut reversed = emails.clone();
    reversed.reverse();
    assert_eq!(order, reversed);
    // A batch refused halfway writes none of its events.
    assert_api(org.client.invites().create_batch(&body(json!({
        "emails": ["new@example.com", "u7@example.com"], "roles": ["viewer"]}))).await,
        409, "conflict");
    assert_eq!(events(&server, &org.key, None).await.len(), 251);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organization_sees_only_its_own_events() {
    let server = TestServer::start();
    let a = server.org("A").await;
    let b = server.org("B").await;
    let inv = invite(&a.client, json!({"emails": ["ada@example.com"], "roles": ["viewer"]})).await;
    a.client.invites().accept(&accept_body(inv.code.as_deref().unwrap(), "ada@example.com"))
        .await.unwrap();
    let b_inv = invite(&b.client, json!({"roles": ["viewer"]})).await;

    let seen_by_b = events(&server, &b.key, None).await;
    assert_eq!(counts(&seen_by_b), BTreeMap::from([
        ("api_key.created".to_owned(), 1), ("invite.created".to_owned(), 1)]));
    let text = Value::Array(seen_by_b.clone()).to_string();
    assert!(!text.contains(&inv.id) && !text.contains(&a.id), "{text}");
    assert!(events(&server, &b.key, Some("invite.accepted")).await.is_empty());
    assert_eq!(seen_by_b[0]["data"]["invite"]["id"], json!(b_inv.id));

    let seen_by_a = events(&server, &a.key, None).await;
    assert_eq!(seen_by_a.len(), 3, "{seen_by_a:?}");
    assert!(!Value::Array(seen_by_a).to_string().contains(&b_inv.id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_code_url_or_secret_is_in_any_event() {
    let mail = tempfile::tempdir().unwrap();
    let server = TestServer::start_with(&["--email-dir", mail.path().to_str().unwrap()]);
    let org = server.org("Secrets").await;
    let mut secrets: Vec<String> = vec![org.key.clone(), ADMIN_TOKEN.to_owned()];
    let mut keep = |i: &types::Invite| {
        secrets.push(i.code.clone().expect("a code"));
        secrets.push(i.url.clone().expect("a url"));
    };
    let inv = invite(&org.client, json!({"emails": ["ada@example.com"], "roles": ["viewer"],
        "metadata": {"source": "events-test"}})).await;
    keep(&inv);
    let public = invite(&org.client, json!({"roles": ["viewer"]})).await;
    keep(&public);
    let rotated = org.client.invites().rotate(&inv.id).await.unwrap();
    keep(&rotated);
    let resent = org.client.invites().resend(&inv.id, &body(json!({}))).await.unwrap();
    keep(&resent);
    let batch = org.client.invites().create_batch(&body(json!({
        "emails": ["b1@example.com", "b2@example.com"], "roles": ["viewer"]}))).await.unwrap();
    batch.data.iter().for_each(&mut keep);
    org.client.invites().accept(&accept_body(resent.code.as_deref().unwrap(), "ada@example.com"))
        .await.unwrap();
    let m = org.client.invites().accept(&accept_body(public.code.as_deref().unwrap(),
        "pub@example.net")).await.unwrap();
    org.client.members().remove(&m.id).await.unwrap();
    let k = org.client.api_keys().create(&body(json!({"name": "k"}))).await.unwrap();
    org.client.api_keys().revoke(&k.id).await.unwrap();
    org.client.invites().revoke(&public.id).await.unwrap();
    secrets.push(k.secret.clone());
    // Every email sent (ada's two and the batch's two; the first of ada's may have been
    // cancelled by the rotation before the worker sent it).
    wait_for(&server, &org.key, "email.sent", 3).await;

    let all = events(&server, &org.key, None).await;
    let c = counts(&all);
    for t in ["invite.created", "invite.code_rotated", "invite.resent", "invite.accepted",
              "member.removed", "api_key.created", "api_key.revoked", "invite.revoked",
              "email.sent"] {
        assert!(c.contains_key(t), "no {t}: {c:?}");
    }
    // Listed and stored: scan the API's answer and the events table's rows themselves.
    let listed = Value::Array(all).to_string();
    let mut conn = server.db().await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT data FROM events")
        .fetch_all(&mut conn).await.unwrap();
    assert!(stored.len() >= 15, "{}", stored.len());
    let stored = stored.join("\n");
    assert!(stored.contains("events-test"), "the invite's metadata is kept");
    for s in &secrets {
        assert!(!listed.contains(s.as_str()), "listEvents shows a secret {s}");
        assert!(!stored.contains(s.as_str()), "an event stores a secret {s}");
    }
    for prefix in ["ic_", "ik_", "iat_", "#code=", "/invite"] {
        assert!(!listed.contains(prefix) && !stored.contains(prefix), "{prefix} in an event");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_past_the_retention_are_purged() {
    let mut server = TestServer::start_with(&["--event-retention-days", "30"]);
    let org = server.org("Old").await;
    invite(&org.client, json!({"roles": ["viewer"]})).await;
    assert_eq!(events(&server, &org.key, None).await.len(), 2);
    server.stop();
    let day = 86_400_000_i64;
    let now = chrono_now_ms();
    let mut conn = server.db().await;
    // Ids as the server makes them: `evt_` + the creation time in ms (12 hex digits) + more.
    let id_at = |ms: i64| format!("evt_{ms:012x}00000000abcd");
    let (old, recent) = (id_at(now - 31 * day), id_at(now - 29 * day));
    for (id, age) in [(&old, 31 * day), (&recent, 29 * day)] {
        sqlx::query("INSERT INTO events (id, organization_id, type, actor_type, actor_id, data, \
                     created_at) VALUES ($1, $2, 'invite.updated', 'system', NULL, '{}', $3)")
            .bind(id).bind(&org.id).bind(now - age)
            .execute(&mut conn).await.unwrap();
    }
    drop(conn);
    // The purge runs when the server starts, then every 10 minutes.
    let server = server.restart();
    let started = Instant::now();
    loop {
        let ids: Vec<String> = events(&server, &org.key, None).await.iter()
            .map(|e| e["id"].as_str().unwrap().to_owned()).collect();
        assert!(ids.contains(&recent), "a 29-day-old event was purged");
        if !ids.contains(&old) {
            assert_eq!(ids.len(), 3, "{ids:?}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the 31-day-old event stays");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
}

fn chrono_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

#[test]
fn a_retention_under_30_days_is_refused_naming_the_flag() {
    for (args, env) in [
        (vec!["--event-retention-days", "29"], None),
        (vec!["--event-retention-days", "soon"], None),
        (vec![], Some("7")),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_invites-server"));
        cmd.args(["--listen", "127.0.0.1:0", "--database-url"])
            .arg(format!("sqlite://{}", dir.path().join("x.db").display()))
            .args(&args)
            .env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN)
            .env_remove("INVITES_EVENT_RETENTION_DAYS");
        if let Some(v) = env {
            cmd.env("INVITES_EVENT_RETENTION_DAYS", v);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} {env:?} started");
        assert!(stderr.contains("--event-retention-days"), "{stderr}");
        assert!(
            !dir.path().join("x.db").exists(),
            "a database was made before the refusal"
        );
    }
}

/// SQLite: the `use_count` of each `invite.accepted` event is the invite's count right after
/// that accept's claim, whichever way the accept went (the row its process remembers, or a
/// read, with or without an Idempotency-Key) and whichever process on the file claimed the
/// uses before it. (On PostgreSQL an unlimited invite's uses are counted in shards an accept
/// does not read: there the event leaves out other replicas' uses since its read.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite_an_accepted_event_counts_every_use_before_it() {
    let a = TestServer::start();
    assert_eq!(a.backend(), Backend::Sqlite);
    let b = a.replica();
    let org = a.org("Counted").await;
    let link = invite(&org.client, json!({"roles": ["viewer"]})).await;
    let code = link.code.clone().unwrap();
    let http = a.raw();
    // Which process takes each accept, and its Idempotency-Key if any: a reads, b reads and
    // then claims twice from its remembered row, a claims from a row three uses old, a reads
    // (a key), and each claims once more from what it remembers.
    let plan = [
        (&a, None),
        (&b, None),
        (&b, None),
        (&b, None),
        (&a, None),
        (&a, Some("counted-6")),
        (&a, None),
        (&b, None),
    ];
    for (i, (server, key)) in plan.iter().enumerate() {
        let mut req = http
            .post(format!("{}/v1/invites/accept", server.base_url))
            .bearer_auth(&org.key)
            .json(&json!({"code": code, "email": format!("c{}@example.com", i + 1)}));
        if let Some(k) = key {
            req = req.header("Idempotency-Key", *k);
        }
        let r = req.send().await.unwrap();
        assert_eq!(
            r.status(),
            201,
            "accept {}: {}",
            i + 1,
            r.text().await.unwrap()
        );
    }
    let accepted = events(&a, &org.key, Some("invite.accepted")).await;
    let mut counts: Vec<(String, i64)> = accepted
        .iter()
        .map(|e| {
            let email = e["data"]["member"]["email"].as_str().unwrap().to_owned();
            (email, e["data"]["invite"]["use_count"].as_i64().unwrap())
        })
        .collect();
    counts.sort_by_key(|(email, _)| {
        email[1..]
            .split('@')
            .next()
            .unwrap()
            .parse::<u32>()
            .unwrap()
    });
    let want: Vec<(String, i64)> = (1..=8).map(|i| (format!("c{i}@example.com"), i)).collect();
    assert_eq!(
        counts, want,
        "each event's count is the count after its own claim"
    );
    assert_eq!(
        org.client.invites().get(&link.id).await.unwrap().use_count,
        8
    );
}
