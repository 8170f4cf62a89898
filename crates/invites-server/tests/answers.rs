//! Answers that stay true (issue 17, items 4, 5, 7 and 8): an accept grants the roles and teams
//! the invite has at the moment of the claim; no invite code reaches the log through any path;
//! a public invite expires at most a year ahead; a retry with the same `Idempotency-Key`
//! replays the first answer of an executed request whatever its status.

mod common;

use std::time::Duration;

use common::*;
use futures::TryStreamExt;
use invites_sdk::{ListEvents, types};
use serde_json::{Value, json};
use sqlx::Connection;

/// Send `body` (if any) to `path` with `key` and an optional `Idempotency-Key`; the status and
/// the JSON body.
async fn send(
    server: &TestServer,
    method: &str,
    key: &str,
    path: &str,
    idem: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = server
        .raw()
        .request(
            method.parse().unwrap(),
            format!("{}{path}", server.base_url),
        )
        .bearer_auth(key);
    if let Some(k) = idem {
        req = req.header("Idempotency-Key", k);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accept_grants_the_roles_of_the_moment_of_the_claim() {
    // One connection: while the accept waits inside its claim, every other request that needs
    // the database finds the pool empty (503), which tells the test the accept got that far.
    let server = TestServer::start_with(&["--db-pool-size", "1", "--db-acquire-timeout-secs", "1"]);
    let org = server.org("A").await;
    let inv = invite(
        &org.client,
        json!({"roles": ["admin", "developer"], "teams": ["core"], "emails": ["ada@example.com"]}),
    )
    .await;
    let code = inv.code.unwrap();

    // The webhook dispatcher writes once after each change (it empties `event_queue`). Caught
    // behind the lock held below, its write would keep the one connection, and the accept's
    // read would time out waiting for it: let it finish first.
    let mut db = server.db().await;
    let mut queued = i64::MAX;
    for _ in 0..500 {
        (queued,) = sqlx::query_as("SELECT count(*) FROM event_queue")
            .fetch_one(&mut db)
            .await
            .unwrap();
        if queued == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(queued, 0, "the dispatcher did not empty event_queue within 10 s");

    // Another writer (as a PATCH would) lowers the roles and holds its transaction open: the
    // invite row lock on PostgreSQL, the write lock on SQLite.
    let mut held = db.begin().await.unwrap();
    sqlx::query("UPDATE invites SET roles = $1, teams = $2 WHERE id = $3")
        .bind(r#"["viewer"]"#)
        .bind(r#"["guests"]"#)
        .bind(&inv.id)
        .execute(&mut *held)
        .await
        .unwrap();
    // The accept reads the invite as it was committed (admin, developer), then waits.
    let accepting = {
        let client = org.client.clone();
        let code = code.clone();
        tokio::spawn(async move { client.invites().accept(&accept_body(&code, "ada@example.com")).await })
    };
    let http = server.raw();
    let url = format!("{}/v1/invites/{}", server.base_url, inv.id);
    let mut waiting = false;
    for _ in 0..100 {
        let status = http.get(&url).bearer_auth(&org.key).send().await.unwrap().status();
        if status == 503 {
            waiting = true;
            break;
        }
        assert_eq!(status, 200);
        assert!(!accepting.is_finished(), "the accept did not wait for the lock");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(waiting, "the accept never waited for the held lock");
    held.commit().await.unwrap();
    let member = accepting.await.unwrap().expect("the accept succeeds");
    let names = |v: &[String]| v.to_vec();
    let roles: Vec<String> = member.roles.iter().map(|r| r.to_string()).collect();
    let teams: Vec<String> = member.teams.iter().map(|t| t.to_string()).collect();
    assert_eq!((names(&roles), names(&teams)), (vec!["viewer".to_string()], vec!["guests".to_string()]));
    let stored = org.client.members().get(&member.id).await.unwrap();
    let stored_roles: Vec<String> = stored.roles.iter().map(|r| r.to_string()).collect();
    assert_eq!(stored_roles, roles);
    // So does the event (which SQLite makes before the claim, and again when the claim finds
    // other roles).
    let accepted: Vec<types::Event> = org.client.events()
        .list(ListEvents { r#type: Some(types::EventType::InviteAccepted), ..Default::default() })
        .try_collect().await.unwrap();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].data["member"]["roles"], json!(["viewer"]), "{:?}", accepted[0].data);
    assert_eq!(accepted[0].data["invite"]["roles"], json!(["viewer"]), "{:?}", accepted[0].data);
    assert_eq!(accepted[0].data["invite"]["teams"], json!(["guests"]), "{:?}", accepted[0].data);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_of_both_forms_are_found_and_nothing_else_is() {
    let server = TestServer::start();
    let org = server.org("A").await;
    // A code today: `ic_`, 12 hex digits of time, 40 random ones.
    let inv = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = inv.code.clone().unwrap();
    let digits = code.strip_prefix("ic_").unwrap();
    assert_eq!(digits.len(), 52, "{code}");
    assert!(digits.bytes().all(|b| b.is_ascii_hexdigit()), "{code}");
    let made_ms = i64::from_str_radix(&digits[..12], 16).unwrap();
    let now_ms = chrono::Utc::now().timestamp_millis();
    assert!((now_ms - 60_000..=now_ms).contains(&made_ms), "{code}: not the time it was made");
    assert_eq!(org.client.invites().lookup(&code).await.unwrap().organization_id, inv.organization_id);

    // A code of the earlier form (`ic_` and 40 hex digits, stored as its bare SHA-256), as
    // databases made before hold: still found and accepted.
    let old = format!("ic_{}", &digits[12..]);
    let mut db = server.db().await;
    sqlx::query("UPDATE invites SET code_hash = $1 WHERE id = $2")
        .bind(invites_server::secrets::hash_secret(&old))
        .bind(&inv.id)
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(org.client.invites().lookup(&old).await.unwrap().organization_id, inv.organization_id);
    let member = org.client.invites().accept(&accept_body(&old, "ada@example.com")).await.unwrap();
    assert_eq!(member.email, "ada@example.com");
    // The code it had no longer opens it, and neither does a code of the new form whose time
    // digits or random digits are changed.
    assert_api(org.client.invites().lookup(&code).await, 404, "not_found");
    let rotated = org.client.invites().rotate(&inv.id).await.unwrap();
    let fresh = rotated.code.clone().unwrap();
    assert_eq!(fresh.len(), 3 + 52, "{fresh}");
    assert_eq!(org.client.invites().lookup(&fresh).await.unwrap().organization_id, inv.organization_id);
    assert_api(org.client.invites().lookup(&old).await, 404, "not_found");
    let flip = |s: &str, i: usize| {
        let mut b = s.as_bytes().to_vec();
        b[i] = if b[i] == b'0' { b'1' } else { b'0' };
        String::from_utf8(b).unwrap()
    };
    for i in [3, 14, 15, 54] {
        assert_api(org.client.invites().lookup(&flip(&fresh, i)).await, 404, "not_found");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_code_reaches_the_log_through_any_path() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = inv.code.clone().unwrap();
    let url = inv.url.clone().unwrap();
    assert!(url.starts_with(&server.base_url), "{url}");
    let http = server.raw();
    // The invite link itself (the default public URL is this server) ...
    let resp = http.get(&url).send().await.unwrap();
    assert!(resp.status().is_client_error() || resp.status().is_success());
    // ... and a code wherever a path could carry one.
    for path in [
        format!("/invite/{code}/"),
        format!("/v1/invites/{code}"),
        format!("/v1/invites/{code}/redemptions"),
        format!("/{code}"),
        format!("/console/{code}"),
    ] {
        let _ = http.get(format!("{}{path}", server.base_url)).bearer_auth(&org.key).send().await.unwrap();
    }
    let _ = send(&server, "POST", &org.key, "/v1/invites/lookup", None, Some(json!({"code": code}))).await;
    // The log has a line for each request, none with the code.
    let log = server.log();
    assert!(log.matches("request").count() >= 7, "{log}");
    let needle = code.trim_start_matches("ic_");
    assert!(!log.contains(needle), "an invite code reached the log:\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_invite_expires_at_most_a_year_ahead() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let far = "9999-12-31T00:00:00Z";
    let in_a_year_and_a_day = (chrono::Utc::now() + chrono::Duration::days(366)).to_rfc3339();
    let in_a_year_less_a_day = (chrono::Utc::now() + chrono::Duration::days(364)).to_rfc3339();
    for when in [far, in_a_year_and_a_day.as_str()] {
        let (s, v) = send(&server, "POST", &org.key, "/v1/invites", None, Some(json!({"roles": ["user"], "expires_at": when}))).await;
        assert_eq!((s, v["error"]["param"].as_str()), (400, Some("expires_at")), "{when}: {v}");
    }
    let (s, v) = send(&server, "POST", &org.key, "/v1/invites", None, Some(json!({"roles": ["user"], "expires_at": in_a_year_less_a_day}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    // PATCH: the same cap.
    let (s, v) = send(&server, "PATCH", &org.key, &format!("/v1/invites/{id}"), None, Some(json!({"expires_at": far}))).await;
    assert_eq!((s, v["error"]["param"].as_str()), (400, Some("expires_at")), "{v}");
    let got = org.client.invites().get(&id).await.unwrap();
    assert_eq!(got.expires_at.unwrap().to_rfc3339(), v_time(&in_a_year_less_a_day));
    // Invites for addresses are not public links: a far expiry is theirs to choose.
    let (s, v) = send(&server, "POST", &org.key, "/v1/invites", None, Some(json!({"roles": ["user"], "emails": ["ada@example.com"], "expires_at": far}))).await;
    assert_eq!(s, 201, "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_replays_an_executed_refusal() {
    let server = TestServer::start();
    let org = server.org("A").await;
    let inv = invite(&org.client, json!({"roles": ["user"], "emails": ["ada@example.com"], "enabled": false})).await;
    let accept = json!({"code": inv.code.clone().unwrap(), "email": "ada@example.com"});
    let (s, first) = send(&server, "POST", &org.key, "/v1/invites/accept", Some("K"), Some(accept.clone())).await;
    assert_eq!((s, first["error"]["type"].as_str()), (403, Some("invite_disabled")), "{first}");
    let (s, _) = send(&server, "PATCH", &org.key, &format!("/v1/invites/{}", inv.id), None, Some(json!({"enabled": true}))).await;
    assert_eq!(s, 200);
    // The retry with K gets the first answer back and changes nothing.
    let (s, again) = send(&server, "POST", &org.key, "/v1/invites/accept", Some("K"), Some(accept.clone())).await;
    assert_eq!((s, &again["error"]), (403, &first["error"]), "{again}");
    assert!(again["request_id"].as_str().unwrap().starts_with("req_"));
    assert_eq!(org.client.invites().get(&inv.id).await.unwrap().use_count, 0);
    // A new key is a new request.
    let (s, v) = send(&server, "POST", &org.key, "/v1/invites/accept", Some("K2"), Some(accept)).await;
    assert_eq!(s, 201, "{v}");

    // The same for a 409 of createInvite, a 404 of lookupInvite and a 410 of rotateInviteCode.
    let body = json!({"roles": ["user"], "emails": ["bob@example.com"]});
    let (s, blocker) = send(&server, "POST", &org.key, "/v1/invites", None, Some(body.clone())).await;
    assert_eq!(s, 201);
    let (s, first) = send(&server, "POST", &org.key, "/v1/invites", Some("C"), Some(body.clone())).await;
    assert_eq!((s, first["error"]["type"].as_str()), (409, Some("conflict")), "{first}");
    let blocker_id = blocker["id"].as_str().unwrap();
    let (s, _) = send(&server, "DELETE", &org.key, &format!("/v1/invites/{blocker_id}"), None, None).await;
    assert_eq!(s, 200);
    let (s, again) = send(&server, "POST", &org.key, "/v1/invites", Some("C"), Some(body)).await;
    assert_eq!((s, &again["error"]), (409, &first["error"]), "{again}");
    let rotate = format!("/v1/invites/{blocker_id}/rotate");
    let (s, first) = send(&server, "POST", &org.key, &rotate, Some("R"), None).await;
    assert_eq!(s, 410, "{first}");
    let (s, again) = send(&server, "POST", &org.key, &rotate, Some("R"), None).await;
    assert_eq!((s, &again["error"]), (410, &first["error"]));

    // Requests that never ran are not stored: a 400 retried with its key, corrected, runs.
    let (s, _) = send(&server, "POST", &org.key, "/v1/invites", Some("V"), Some(json!({"roles": ["nope"]}))).await;
    assert_eq!(s, 400);
    let (s, v) = send(&server, "POST", &org.key, "/v1/invites", Some("V"), Some(json!({"roles": ["user"]}))).await;
    assert_eq!(s, 201, "{v}");
}
}

/// An RFC 3339 time as chrono prints it after a round trip through the server (milliseconds).
fn v_time(raw: &str) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(raw)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let ms = t.timestamp_millis();
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .unwrap()
        .to_rfc3339()
}
