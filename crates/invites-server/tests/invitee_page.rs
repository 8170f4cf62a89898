//! The invitee page's endpoints over HTTP (`/invite`, `/invite/lookup`, `/invite/code`,
//! `/invite/join`) against the real server binary, on SQLite and PostgreSQL: links carry the
//! code in the fragment, opening a link consumes nothing, one-time codes are stored only as
//! keyed hashes, five tries, expiry, the limits, and every rule of `acceptInvite`.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use invites_server::invitee::hash_join_code;
use invites_server::secrets::hash_secret;
use serde_json::{Value, json};
use sqlx::Row;

/// A server writing its emails into a directory of its own; the directory is returned too.
fn mail_server(extra: &[&str]) -> (TestServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--email-dir", dir.path().to_str().unwrap()];
    args.extend_from_slice(extra);
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    (TestServer::start_with(&refs), dir)
}

/// POST a JSON body to a page endpoint: (status, body, Retry-After).
async fn page(server: &TestServer, path: &str, body: Value) -> (u16, Value, Option<String>) {
    let r = server
        .raw()
        .post(format!("{}{path}", server.base_url))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let retry = r
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        retry,
    )
}

/// An invite through the API (raw JSON, so `url` and `code` are at hand).
async fn invite(server: &TestServer, org: &Org, body: Value) -> Value {
    let r = server
        .raw()
        .post(format!("{}/v1/invites", server.base_url))
        .bearer_auth(&org.key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    r.json().await.unwrap()
}

async fn api_get(server: &TestServer, org: &Org, path: &str) -> Value {
    let r = server
        .raw()
        .get(format!("{}{path}", server.base_url))
        .bearer_auth(&org.key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "{path}");
    r.json().await.unwrap()
}

/// The one-time codes in the join-code emails to `to`, in no particular order.
fn codes_to(dir: &Path, to: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let raw = std::fs::read_to_string(e.unwrap().path()).unwrap();
        if !raw.contains("Subject: Your code to join") || !raw.contains(&format!("To: {to}\r\n")) {
            continue;
        }
        let at = raw.find("Your code: ").expect("a code line") + "Your code: ".len();
        let code = &raw[at..at + 6];
        assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
        out.push(code.to_string());
    }
    out
}

/// Ask for a code for `email` and read it from the directory (the one not in `codes_to` before).
async fn send_code(server: &TestServer, dir: &Path, code: &str, email: &str) -> String {
    let normal = email.to_lowercase();
    let before = codes_to(dir, &normal);
    let (status, body, _) = page(
        server,
        "/invite/code",
        json!({"code": code, "email": email}),
    )
    .await;
    assert_eq!(status, 202, "{body}");
    assert_eq!(body["email"], normal);
    assert_eq!(body["tries"], 5);
    let after = codes_to(dir, &normal);
    assert_eq!(after.len(), before.len() + 1, "one new email");
    after
        .into_iter()
        .find(|c| !before.contains(c))
        .unwrap_or_else(|| before[0].clone())
}

fn err_type(body: &Value) -> &str {
    body["error"]["type"].as_str().unwrap_or("")
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_carry_the_code_in_the_fragment_and_opening_them_consumes_nothing() {
    let (server, _mail) = mail_server(&[]);
    let org = server.org("Fragment Co").await;
    let inv = invite(&server, &org, json!({"emails": ["ada@example.com"], "roles": ["developer"]})).await;
    let code = inv["code"].as_str().unwrap();
    assert_eq!(inv["url"], format!("{}/invite#code={code}", server.base_url));
    // What a mail scanner does: GET (and HEAD) the link, the old path form, the assets.
    for path in ["/invite", &format!("/invite/{code}"), "/invite/assets/page.js", "/invite/assets/page.css"] {
        for head in [false, true] {
            let url = format!("{}{path}", server.base_url);
            let req = if head { server.raw().head(&url) } else { server.raw().get(&url) };
            let r = req.send().await.unwrap();
            assert_eq!(r.status().as_u16(), 200, "{path}");
            let h = r.headers();
            assert!(h["content-security-policy"].to_str().unwrap().contains("default-src 'none'"));
            assert_eq!(h["x-frame-options"], "DENY");
            assert_eq!(h["referrer-policy"], "no-referrer");
            assert_eq!(h["x-content-type-options"], "nosniff");
        }
    }
    // The page's own lookup, twice.
    for _ in 0..2 {
        let (status, body, _) = page(&server, "/invite/lookup", json!({"code": code})).await;
        assert_eq!(status, 200, "{body}");
    }
    let after = api_get(&server, &org, &format!("/v1/invites/{}", inv["id"].as_str().unwrap())).await;
    assert_eq!(after["use_count"], 0);
    assert_eq!(after["status"], "pending");
    assert_eq!(api_get(&server, &org, "/v1/members").await["data"], json!([]));
    // The log has the old path redacted and no code at all.
    let log = server.log();
    assert!(log.contains("/invite/[redacted]"), "{log}");
    assert!(!log.contains(code), "the code is in the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookup_shows_what_lookup_invite_shows_and_no_address() {
    let (server, _mail) = mail_server(&["--app-url", "https://app.example.com/welcome"]);
    let org = server.org("Lookup Co").await;
    let inv = invite(&server, &org, json!({
        "emails": ["ada@example.com", "*@corp.example"], "roles": ["developer", "viewer"],
        "teams": ["web"], "message": "Hello",
    })).await;
    let code = inv["code"].as_str().unwrap();
    let (status, body, _) = page(&server, "/invite/lookup", json!({"code": code})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["organization_name"], "Lookup Co");
    assert_eq!(body["roles"], json!(["developer", "viewer"]));
    assert_eq!(body["teams"], json!(["web"]));
    assert_eq!(body["message"], "Hello");
    assert_eq!(body["status"], "pending");
    assert_eq!(body["email_restricted"], true);
    assert_eq!(body["expires_at"], inv["expires_at"]);
    assert_eq!(body["join"], "email");
    assert_eq!(body["app_url"], "https://app.example.com/welcome");
    let text = body.to_string();
    assert!(!text.contains("ada@") && !text.contains("corp.example"), "{text}");
    // Unknown codes, bad bodies: clear errors naming the field.
    let (status, body, _) = page(&server, "/invite/lookup", json!({"code": "ic_nope"})).await;
    assert_eq!((status, err_type(&body)), (404, "not_found"));
    let (status, body, _) = page(&server, "/invite/lookup", json!({"code": ""})).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("code")));
    let (status, body, _) = page(&server, "/invite/lookup", json!({"code": code, "x": 1})).await;
    assert_eq!(status, 400, "{body}");
    // Revoked: the page learns the status.
    let id = inv["id"].as_str().unwrap();
    let r = server.raw().delete(format!("{}/v1/invites/{id}", server.base_url)).bearer_auth(&org.key).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let (_, body, _) = page(&server, "/invite/lookup", json!({"code": code})).await;
    assert_eq!(body["status"], "revoked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_time_code_joins_and_is_stored_only_as_a_keyed_hash() {
    let (server, mail) = mail_server(&[]);
    let org = server.org("Join Co").await;
    let inv = invite(&server, &org, json!({"emails": ["ada@example.com"], "roles": ["developer"], "teams": ["web"]})).await;
    let code = inv["code"].as_str().unwrap();
    let otp = send_code(&server, mail.path(), code, "Ada@Example.com").await;
    // Stored: the keyed hash of (pepper, row id, code), never the code or its plain hash.
    let mut db = server.db().await;
    let row = sqlx::query("SELECT id, code_hash, attempts FROM join_codes")
        .fetch_one(&mut db)
        .await
        .unwrap();
    let (id, stored): (String, String) = (row.get(0), row.get(1));
    assert_eq!(row.get::<i64, _>(2), 0);
    assert_eq!(stored, hash_join_code(&hash_secret(ADMIN_TOKEN), &id, &otp));
    assert_ne!(stored, hash_secret(&otp));
    assert!(!stored.contains(&otp));
    // Nothing consumed yet.
    assert_eq!(api_get(&server, &org, "/v1/members").await["data"], json!([]));
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": otp})).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["organization_name"], "Join Co");
    assert_eq!(body["roles"], json!(["developer"]));
    assert_eq!(body["teams"], json!(["web"]));
    let members = api_get(&server, &org, "/v1/members").await;
    assert_eq!(members["data"].as_array().unwrap().len(), 1);
    assert_eq!(members["data"][0]["email"], "ada@example.com");
    assert_eq!(members["data"][0]["invite_id"], inv["id"]);
    let got = api_get(&server, &org, &format!("/v1/invites/{}", inv["id"].as_str().unwrap())).await;
    assert_eq!(got["status"], "accepted");
    // The audit log has the accept, made by the server's page (no API key of the organization).
    let accepted = api_get(&server, &org, "/v1/events?type=invite.accepted").await;
    assert_eq!(accepted["data"].as_array().unwrap().len(), 1, "{accepted}");
    assert_eq!(accepted["data"][0]["actor"], json!({"type": "system", "id": "invitee_page"}));
    assert_eq!(accepted["data"][0]["data"]["member"]["id"], members["data"][0]["id"]);
    // The code is spent; the address is a member.
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": otp})).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("otp")), "{body}");
    let (status, body, _) = page(&server, "/invite/code", json!({"code": code, "email": "ada@example.com"})).await;
    assert_eq!((status, err_type(&body)), (409, "already_member"));
    let log = server.log();
    assert!(!log.contains(code) && !log.contains(&format!("={otp}")) && !log.contains(&format!(" {otp}")), "a code in the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_tries_exactly_even_when_sent_at_once() {
    let (server, mail) = mail_server(&[]);
    let org = server.org("Tries Co").await;
    let inv = invite(&server, &org, json!({"emails": ["*@tries.example"], "roles": ["user"]})).await;
    let code = inv["code"].as_str().unwrap().to_string();
    let otp = send_code(&server, mail.path(), &code, "one@tries.example").await;
    let wrong = if otp == "000000" { "111111" } else { "000000" };
    for left in [4, 3, 2, 1] {
        let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "one@tries.example", "otp": wrong})).await;
        assert_eq!((status, body["error"]["param"].as_str()), (400, Some("otp")));
        let msg = body["error"]["message"].as_str().unwrap();
        assert!(msg.contains(&format!("{left} tr")), "{msg}");
    }
    let (_, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "one@tries.example", "otp": wrong})).await;
    assert!(body["error"]["message"].as_str().unwrap().contains("fifth try"), "{body}");
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "one@tries.example", "otp": otp})).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("five wrong codes"), "{body}");
    // Twelve wrong tries at once on a new code: five are compared, the rest refused.
    let otp2 = send_code(&server, mail.path(), &code, "two@tries.example").await;
    let wrong2 = if otp2 == "000000" { "111111" } else { "000000" };
    let tries = (0..12).map(|_| page(&server, "/invite/join", json!({"code": code, "email": "two@tries.example", "otp": wrong2})));
    let answers = futures::future::join_all(tries).await;
    let compared = answers.iter().filter(|(_, b, _)| b["error"]["message"].as_str().unwrap().contains("not the code")).count();
    assert_eq!(compared, 5, "{answers:?}");
    let mut db = server.db().await;
    let attempts: Vec<i64> = sqlx::query("SELECT attempts FROM join_codes ORDER BY created_at")
        .fetch_all(&mut db).await.unwrap().iter().map(|r| r.get(0)).collect();
    assert_eq!(attempts, vec![5, 5]);
    assert_eq!(api_get(&server, &org, "/v1/members").await["data"], json!([]));
    // A new code for that address works.
    let otp3 = send_code(&server, mail.path(), &code, "two@tries.example").await;
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "two@tries.example", "otp": otp3})).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_expire_and_only_the_newest_works() {
    let (server, mail) = mail_server(&["--join-code-ttl-secs", "1"]);
    let org = server.org("Expiry Co").await;
    let inv = invite(&server, &org, json!({"emails": ["ada@example.com"], "roles": ["user"]})).await;
    let code = inv["code"].as_str().unwrap();
    let old = send_code(&server, mail.path(), code, "ada@example.com").await;
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": old})).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("expired"), "{body}");
    let a = send_code(&server, mail.path(), code, "ada@example.com").await;
    let b = send_code(&server, mail.path(), code, "ada@example.com").await;
    if a != b {
        let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": a})).await;
        assert_eq!(status, 400, "an older code no longer works: {body}");
    }
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": b})).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_only_for_addresses_that_may_accept() {
    let (server, mail) = mail_server(&[]);
    let org = server.org("Rules Co").await;
    let inv = invite(&server, &org, json!({"emails": ["ada@example.com"], "roles": ["user"]})).await;
    let code = inv["code"].as_str().unwrap();
    let (status, body, _) = page(&server, "/invite/code", json!({"code": code, "email": "eve@example.com"})).await;
    assert_eq!((status, err_type(&body)), (403, "email_not_allowed"));
    let (status, body, _) = page(&server, "/invite/code", json!({"code": code, "email": "not an address"})).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("email")));
    let (status, body, _) = page(&server, "/invite/code", json!({"code": "ic_unknown", "email": "ada@example.com"})).await;
    assert_eq!((status, err_type(&body)), (404, "not_found"));
    assert!(codes_to(mail.path(), "eve@example.com").is_empty());
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": "12345"})).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("otp")));
    // Revoked between the code and the join: acceptInvite's answer, nobody joins.
    let otp = send_code(&server, mail.path(), code, "ada@example.com").await;
    let id = inv["id"].as_str().unwrap();
    let r = server.raw().delete(format!("{}/v1/invites/{id}", server.base_url)).bearer_auth(&org.key).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let (status, body, _) = page(&server, "/invite/join", json!({"code": code, "email": "ada@example.com", "otp": otp})).await;
    assert_eq!((status, err_type(&body)), (410, "invite_revoked"));
    assert_eq!(api_get(&server, &org, "/v1/members").await["data"], json!([]));
    let (status, body, _) = page(&server, "/invite/code", json!({"code": code, "email": "ada@example.com"})).await;
    assert_eq!((status, err_type(&body)), (410, "invite_revoked"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sends_and_requests_are_limited_per_address_and_per_client() {
    let (server, mail) = mail_server(&["--join-codes-per-client", "7", "--page-rate-limit", "40"]);
    let org = server.org("Limits Co").await;
    let inv = invite(&server, &org, json!({"emails": ["*@limits.example"], "roles": ["user"]})).await;
    let code = inv["code"].as_str().unwrap();
    // Per address: five codes per code lifetime.
    for _ in 0..5 {
        send_code(&server, mail.path(), code, "a@limits.example").await;
    }
    let (status, body, retry) = page(&server, "/invite/code", json!({"code": code, "email": "a@limits.example"})).await;
    assert_eq!((status, err_type(&body)), (429, "rate_limited"));
    assert!(retry.is_some());
    // Per client: seven codes in all from this address.
    send_code(&server, mail.path(), code, "b@limits.example").await;
    send_code(&server, mail.path(), code, "c@limits.example").await;
    let (status, _, retry) = page(&server, "/invite/code", json!({"code": code, "email": "d@limits.example"})).await;
    assert_eq!(status, 429);
    assert!(retry.is_some());
    assert!(codes_to(mail.path(), "d@limits.example").is_empty());
    // Every page request counts: 40 per window (9 above, 31 lookups more, then 429).
    let mut last = 0;
    for _ in 0..32 {
        last = page(&server, "/invite/lookup", json!({"code": code})).await.0;
    }
    assert_eq!(last, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_email_transport_the_application_completes_the_join() {
    let server = TestServer::start();
    let org = server.org("Plain Co").await;
    let inv = invite(&server, &org, json!({"emails": ["ada@example.com"], "roles": ["user"]})).await;
    let code = inv["code"].as_str().unwrap();
    let (status, body, _) = page(&server, "/invite/lookup", json!({"code": code})).await;
    assert_eq!(status, 200);
    assert_eq!(body["join"], "application");
    assert_eq!(body["app_url"], Value::Null);
    let (status, body, _) = page(&server, "/invite/code", json!({"code": code, "email": "ada@example.com"})).await;
    assert_eq!((status, err_type(&body)), (409, "conflict"));
    assert!(body["error"]["message"].as_str().unwrap().contains("application"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_url_template_points_links_at_the_application() {
    let server = TestServer::start_with(&["--public-url", "https://app.example.com/join#code={code}"]);
    let org = server.org("Template Co").await;
    let inv = invite(&server, &org, json!({"roles": ["user"], "ttl_seconds": 3600})).await;
    let code = inv["code"].as_str().unwrap();
    assert_eq!(inv["url"], format!("https://app.example.com/join#code={code}"));
}
}
