//! Invitation emails through a real SMTP server: `tests/smtp/sink.py` (aiosmtpd) on an
//! ephemeral port writes every message it accepts to a directory, parsed by Python's `email`
//! package; it can answer 451 once or 550 always. The Python that has aiosmtpd comes from
//! `INVITES_TEST_PYTHON` (`cargo xtask test` installs aiosmtpd into its venv and sets it); without
//! it these tests fail and say how to run them.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use invites_sdk::types::DeliveryStatus;
use serde_json::{Value, json};

/// The variable naming a Python with `aiosmtpd`.
const PYTHON_ENV: &str = "INVITES_TEST_PYTHON";

fn python() -> String {
    match std::env::var(PYTHON_ENV) {
        Ok(p) if !p.trim().is_empty() => p,
        _ => panic!(
            "{PYTHON_ENV} is not set: these tests need a Python with aiosmtpd==1.4.6 for their \
             SMTP server. `cargo xtask test` installs it into target/venv and sets the variable; \
             by hand: python3 -m venv target/venv && target/venv/bin/pip install aiosmtpd==1.4.6 \
             && INVITES_TEST_PYTHON=$PWD/target/venv/bin/python cargo test -p invites-server \
             --test email_delivery"
        ),
    }
}

/// A running SMTP sink.
struct Sink {
    proc: Option<invites_testkit::Listening>,
    /// `127.0.0.1:PORT`.
    addr: String,
    dir: tempfile::TempDir,
}

impl Sink {
    fn start(mode: &str) -> Sink {
        Self::start_on(mode, 0, tempfile::tempdir().unwrap())
    }

    fn start_on(mode: &str, port: u16, dir: tempfile::TempDir) -> Sink {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/sink.py");
        let mut cmd = Command::new(python());
        cmd.arg(script)
            .args(["--dir", dir.path().to_str().unwrap()])
            .args(["--port", &port.to_string(), "--mode", mode])
            .stderr(Stdio::inherit());
        let proc = invites_testkit::Listening::spawn(&mut cmd)
            .unwrap_or_else(|e| panic!("the SMTP sink did not start: {e}"));
        let addr = proc.url.clone();
        Sink {
            proc: Some(proc),
            addr,
            dir,
        }
    }

    fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// The messages received so far, in order.
    fn messages(&self) -> Vec<Value> {
        messages_in(self.dir.path())
    }

    /// Wait until at least `n` messages arrived (and give stragglers a moment); all of them.
    async fn wait_for(&self, n: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let got = self.messages();
            if got.len() >= n {
                tokio::time::sleep(Duration::from_millis(300)).await;
                return self.messages();
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} messages after 60 s",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        drop(self.proc.take());
    }
}

fn messages_in(dir: &Path) -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

/// A port nothing listens on now (bound, then released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The invite link in a message's text part.
fn link_in(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains("/invite#code="))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .to_owned()
}

fn code_of(link: &str) -> String {
    link.rsplit("#code=").next().unwrap().to_owned()
}

async fn deliveries(org: &Org, invite_id: &str) -> Vec<invites_sdk::types::Delivery> {
    org.client
        .invites()
        .deliveries_page(
            invite_id,
            &invites_sdk::ListDeliveries {
                limit: Some(100),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .data
}

/// Wait until every delivery of the invite is no longer queued; them.
async fn settled(org: &Org, invite_id: &str) -> Vec<invites_sdk::types::Delivery> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let d = deliveries(org, invite_id).await;
        if !d.is_empty() && d.iter().all(|d| d.status != DeliveryStatus::Queued) {
            return d;
        }
        assert!(Instant::now() < deadline, "still queued after 60 s: {d:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Rows in the outbox, straight from the database.
async fn outbox_rows(server: &TestServer) -> i64 {
    use sqlx::Row;
    let mut db = server.db().await;
    sqlx::query("SELECT COUNT(*) AS n FROM email_outbox")
        .fetch_one(&mut db)
        .await
        .unwrap()
        .get::<i64, _>("n")
}

/// Messages per recipient.
fn per_recipient(messages: &[Value]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for msg in messages {
        for r in msg["rcpt_tos"].as_array().unwrap() {
            *m.entry(r.as_str().unwrap().to_owned()).or_insert(0) += 1;
        }
    }
    m
}

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_created_invite_is_emailed_with_both_parts_and_a_working_link() {
    let sink = Sink::start("ok");
    let server = TestServer::start_with(&["--smtp-url", &sink.url()]);
    let org = server.org("Acme <Labs> & Co").await;
    let inv = invite(
        &org.client,
        json!({
            "emails": ["Ada@Example.com"],
            "roles": ["developer", "viewer"],
            "message": "<b>Welcome</b> & \"enjoy\"",
            "inviter": "Grace <Hopper>",
        }),
    )
    .await;
    let msgs = sink.wait_for(1).await;
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    let m = &msgs[0];
    assert_eq!(m["rcpt_tos"], json!(["ada@example.com"]));
    let h = &m["headers"];
    assert_eq!(h["to"], "ada@example.com");
    assert_eq!(h["from"], "Invites <invites@localhost>");
    let subject = h["subject"].as_str().unwrap();
    assert!(subject.contains("Acme <Labs> & Co"), "{subject}");
    assert!(subject.contains("Grace <Hopper>"), "{subject}");
    assert!(h["date"].as_str().is_some_and(|d| d.len() > 10), "{h}");
    assert!(h["message-id"].as_str().is_some_and(|d| d.starts_with('<')), "{h}");
    assert_eq!(m["content_type"], "multipart/alternative");
    let text = m["text"].as_str().expect("a text part");
    let html = m["html"].as_str().expect("an HTML part");
    assert!(text.contains("<b>Welcome</b> & \"enjoy\""), "{text}");
    assert!(text.contains("Roles: developer, viewer"), "{text}");
    assert!(text.contains("expires on"), "{text}");
    assert!(html.contains("&lt;b&gt;Welcome&lt;&#x2f;b&gt; &amp; &quot;enjoy&quot;"), "{html}");
    assert!(html.contains("Acme &lt;Labs&gt; &amp; Co"), "{html}");
    assert!(html.contains("Grace &lt;Hopper&gt;"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<Hopper>"), "{html}");

    // The link opens the invite; it is the code the create answered.
    let link = link_in(text);
    assert!(link.starts_with(&server.base_url), "{link}");
    let code = code_of(&link);
    assert_eq!(Some(&code), inv.code.as_ref());
    let looked = org.client.invites().lookup(&code).await.unwrap();
    assert_eq!(looked.organization_name, "Acme <Labs> & Co");

    let d = settled(&org, &inv.id).await;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].status, DeliveryStatus::Sent);
    assert_eq!(d[0].email, "ada@example.com");
    assert_eq!(d[0].attempts, 1);
    assert!(d[0].sent_at.is_some() && d[0].last_error.is_none(), "{d:?}");
    assert!(d[0].id.starts_with("dlv_"));

    // Neither the code, nor the link, nor the body reaches the log or the database.
    let log = server.log();
    assert!(log.contains("email sent"), "{log}");
    for secret in [code.as_str(), "Welcome"] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
    assert!(!server.database_contains(&code).await, "the code is in the database");
    // SIGTERM stops the worker with the server: a clean exit within the stop's 5 s.
    let mut server = server;
    assert!(server.stop(), "no clean exit after SIGTERM: {}", server.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_exact_addresses_get_emails_and_send_email_false_sends_none() {
    let sink = Sink::start("ok");
    let server = TestServer::start_with(&["--smtp-url", &sink.url()]);
    let org = server.org("acme").await;
    let public = invite(&org.client, json!({"roles": ["viewer"]})).await;
    let domain = invite(&org.client, json!({"roles": ["viewer"], "emails": ["*@example.org"]})).await;
    let quiet = invite(
        &org.client,
        json!({"roles": ["viewer"], "emails": ["q@example.com"], "send_email": false}),
    )
    .await;
    let mixed = invite(
        &org.client,
        json!({"roles": ["viewer"], "emails": ["*@example.net", "m1@example.com", "m2@example.com"]}),
    )
    .await;
    let msgs = sink.wait_for(2).await;
    let mut to: Vec<String> = per_recipient(&msgs).into_keys().collect();
    to.sort();
    assert_eq!(to, ["m1@example.com", "m2@example.com"]);
    for id in [&public.id, &domain.id, &quiet.id] {
        assert!(deliveries(&org, id).await.is_empty(), "{id}");
    }
    assert_eq!(settled(&org, &mixed.id).await.len(), 2);
    // Another organization sees none of it.
    let other = server.org("other").await;
    assert_api(
        other
            .client
            .invites()
            .deliveries_page(&mixed.id, &Default::default())
            .await,
        404,
        "not_found",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_transport_send_email_true_is_a_400_and_resend_a_409() {
    let server = TestServer::start();
    let org = server.org("acme").await;
    let e = assert_api(
        org.client
            .invites()
            .create(&body(json!({"roles": ["viewer"], "emails": ["a@example.com"], "send_email": true})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("send_email"));
    let e = assert_api(
        org.client
            .invites()
            .create_batch(&body(json!({"roles": ["viewer"], "emails": ["a@example.com"], "send_email": true})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("send_email"));
    // Not asked for: no email, no error.
    let inv = invite(&org.client, json!({"roles": ["viewer"], "emails": ["a@example.com"]})).await;
    assert!(deliveries(&org, &inv.id).await.is_empty());
    assert_api(
        org.client.invites().resend(&inv.id, &body(json!({}))).await,
        409,
        "conflict",
    );
    // The body is required JSON: empty or whitespace is a 400 naming the body, not `{}`.
    let http = server.raw();
    for raw in ["", "\r", " \n"] {
        let resp = http
            .post(format!("{}/v1/invites/{}/resend", server.base_url, inv.id))
            .bearer_auth(&org.key)
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 400, "body {raw:?}");
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["param"], "body", "body {raw:?}: {v}");
    }
    // Another organization's invite is still a 404, not a 409 that confirms it exists.
    let other = server.org("other").await;
    assert_api(
        other.client.invites().resend(&inv.id, &body(json!({}))).await,
        404,
        "not_found",
    );
    let e = assert_api(
        org.client
            .invites()
            .create(&body(json!({"roles": ["viewer"], "inviter": "a\nb"})))
            .await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("inviter"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_451_is_retried_and_delivered_once() {
    let sink = Sink::start("451-once");
    let server = TestServer::start_with(&[
        "--smtp-url", &sink.url(), "--email-retry-schedule", "200ms,200ms,200ms",
    ]);
    let org = server.org("acme").await;
    let inv = invite(&org.client, json!({"roles": ["viewer"], "emails": ["a@example.com"]})).await;
    let d = settled(&org, &inv.id).await;
    assert_eq!(d[0].status, DeliveryStatus::Sent, "{d:?}");
    assert_eq!(d[0].attempts, 2, "{d:?}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_550_fails_at_once_with_the_reply() {
    let sink = Sink::start("550");
    let server = TestServer::start_with(&[
        "--smtp-url", &sink.url(), "--email-retry-schedule", "200ms,200ms,200ms",
    ]);
    let org = server.org("acme").await;
    let inv = invite(&org.client, json!({"roles": ["viewer"], "emails": ["a@example.com"]})).await;
    let d = settled(&org, &inv.id).await;
    assert_eq!(d[0].status, DeliveryStatus::Failed, "{d:?}");
    let err = d[0].last_error.as_deref().unwrap();
    assert!(err.contains("550") && err.contains("mailbox unavailable"), "{err}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let d = deliveries(&org, &inv.id).await;
    assert_eq!(d[0].attempts, 1, "no retry after a 5xx: {d:?}");
    assert!(sink.messages().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_down_for_a_while_then_up_delivers_once() {
    let port = free_port();
    let server = TestServer::start_with(&[
        "--smtp-url", &format!("smtp://127.0.0.1:{port}"),
        "--email-retry-schedule", "300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms",
    ]);
    let org = server.org("acme").await;
    let inv = invite(&org.client, json!({"roles": ["viewer"], "emails": ["a@example.com"]})).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let d = deliveries(&org, &inv.id).await;
    assert_eq!(d[0].status, DeliveryStatus::Queued, "{d:?}");
    assert!(d[0].attempts >= 2, "{d:?}");
    assert!(d[0].last_error.as_deref().is_some_and(|e| !e.is_empty()), "{d:?}");
    let sink = Sink::start_on("ok", port, tempfile::tempdir().unwrap());
    let d = settled(&org, &inv.id).await;
    assert_eq!(d[0].status, DeliveryStatus::Sent, "{d:?}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_with_queued_emails_then_restart_delivers_all_once() {
    let port = free_port();
    let mut server = TestServer::start_with(&[
        "--smtp-url", &format!("smtp://127.0.0.1:{port}"),
        "--email-retry-schedule", "200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms",
    ]);
    let org = server.org("acme").await;
    let emails: Vec<String> = (0..40).map(|i| format!("u{i}@example.com")).collect();
    org.client
        .invites()
        .create_batch(&body(json!({"roles": ["viewer"], "emails": emails})))
        .await
        .unwrap();
    assert_eq!(outbox_rows(&server).await, 40);
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.kill();
    let sink = Sink::start_on("ok", port, tempfile::tempdir().unwrap());
    let server = server.restart();
    let msgs = sink.wait_for(40).await;
    let counts = per_recipient(&msgs);
    assert_eq!(counts.len(), 40, "{counts:?}");
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_queues_one_email_per_address_in_its_transaction() {
    // No SMTP server: the rows stay queued, and are counted straight from the database.
    let port = free_port();
    let server = TestServer::start_with(&[
        "--smtp-url", &format!("smtp://127.0.0.1:{port}"), "--email-retry-schedule", "1h",
    ]);
    let org = server.org("acme").await;
    let emails: Vec<String> = (0..1000).map(|i| format!("b{i}@example.com")).collect();
    let batch = org
        .client
        .invites()
        .create_batch(&body(json!({"roles": ["viewer"], "emails": emails, "inviter": "Ada"})))
        .await
        .unwrap();
    assert_eq!(batch.data.len(), 1000);
    assert_eq!(outbox_rows(&server).await, 1000);
    // A batch that rolls back (one address already has a pending invite) queues nothing.
    let r = org
        .client
        .invites()
        .create_batch(&body(json!({"roles": ["viewer"], "emails": ["new@example.com", "b7@example.com"]})))
        .await;
    assert_api(r, 409, "conflict");
    assert_eq!(outbox_rows(&server).await, 1000);
    // And so does a single create refused the same way.
    let r = org
        .client
        .invites()
        .create(&body(json!({"roles": ["viewer"], "emails": ["b8@example.com"]})))
        .await;
    assert_api(r, 409, "conflict");
    assert_eq!(outbox_rows(&server).await, 1000);
    // The outbox gauges (read by the worker every 5 s) see the 1000 waiting.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = server.raw().get(format!("{}/metrics", server.base_url)).send().await.unwrap().text().await.unwrap();
        if text.lines().any(|l| l == "invites_email_outbox_queued 1000") {
            assert!(text.contains("invites_email_outbox_oldest_age_seconds "), "{text}");
            break;
        }
        assert!(Instant::now() < deadline, "no outbox gauge of 1000: {text}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let codes: Vec<String> = batch.data.iter().take(20).map(|i| i.code.clone().unwrap()).collect();
    for c in &codes {
        assert!(!server.database_contains(c).await, "a code in the database");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_send_each_of_1000_emails_exactly_once() {
    let port = free_port();
    let args = ["--smtp-url".to_string(), format!("smtp://127.0.0.1:{port}"),
        "--email-retry-schedule".to_string(), "200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms".to_string()];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let replicas = TestServer::start_replicas(2, &args);
    let org = replicas[0].org("acme").await;
    let emails: Vec<String> = (0..1000).map(|i| format!("r{i}@example.com")).collect();
    // Queued while the SMTP server is down, so both replicas find all 1,000 due at once.
    org.client
        .invites()
        .create_batch(&body(json!({"roles": ["viewer"], "emails": emails})))
        .await
        .unwrap();
    let sink = Sink::start_on("ok", port, tempfile::tempdir().unwrap());
    let msgs = sink.wait_for(1000).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let msgs = if sink.messages().len() > msgs.len() { sink.messages() } else { msgs };
    let counts = per_recipient(&msgs);
    assert_eq!(counts.len(), 1000);
    assert!(counts.values().all(|n| *n == 1), "sent twice: {:?}",
        counts.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>());
    let logs: Vec<usize> = replicas.iter().map(|r| r.log().matches("email sent").count()).collect();
    assert_eq!(logs.iter().sum::<usize>(), 1000, "{logs:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resend_gives_a_new_code_and_emails_who_has_not_accepted() {
    let sink = Sink::start("ok");
    let server = TestServer::start_with(&["--smtp-url", &sink.url()]);
    let org = server.org("acme").await;
    let inv = invite(
        &org.client,
        json!({"roles": ["viewer"], "emails": ["a@example.com", "b@example.com"]}),
    )
    .await;
    sink.wait_for(2).await;
    let old = inv.code.clone().unwrap();
    org.client.invites().accept(&accept_body(&old, "a@example.com")).await.unwrap();
    let resent = org
        .client
        .invites()
        .resend(&inv.id, &body(json!({"ttl_seconds": 3600})))
        .await
        .unwrap();
    let new = resent.code.clone().unwrap();
    assert_ne!(new, old);
    let exp = resent.expires_at.unwrap();
    let in_an_hour = chrono::Utc::now() + chrono::Duration::seconds(3600);
    assert!((exp - in_an_hour).num_seconds().abs() < 30, "{exp}");
    assert_api(org.client.invites().lookup(&old).await, 404, "not_found");
    org.client.invites().lookup(&new).await.unwrap();
    let msgs = sink.wait_for(3).await;
    assert_eq!(msgs.len(), 3);
    let last = &msgs[2];
    assert_eq!(last["rcpt_tos"], json!(["b@example.com"]));
    assert_eq!(code_of(&link_in(last["text"].as_str().unwrap())), new);
    let d = deliveries(&org, &inv.id).await;
    assert_eq!(d.len(), 3);
    assert_eq!(d[0].email, "b@example.com", "newest first: {d:?}");

    // Refused for revoked, accepted and disabled invites.
    let single = invite(&org.client, json!({"roles": ["viewer"], "emails": ["s@example.com"]})).await;
    org.client
        .invites()
        .accept(&accept_body(single.code.as_deref().unwrap(), "s@example.com"))
        .await
        .unwrap();
    assert_api(org.client.invites().resend(&single.id, &body(json!({}))).await, 409, "conflict");
    let off = invite(&org.client, json!({"roles": ["viewer"], "emails": ["d@example.com"], "enabled": false})).await;
    assert_api(org.client.invites().resend(&off.id, &body(json!({}))).await, 409, "conflict");
    org.client.invites().revoke(&inv.id).await.unwrap();
    assert_api(org.client.invites().resend(&inv.id, &body(json!({}))).await, 409, "conflict");
    assert_api(org.client.invites().resend("inv_000000000000000000000000", &body(json!({}))).await, 404, "not_found");
    let e = assert_api(
        org.client.invites().resend(&off.id, &body(json!({"ttl_seconds": 3600, "expires_at": "2099-01-01T00:00:00Z"}))).await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("ttl_seconds"));
    // The same Idempotency-Key replays the first answer (the same code) and queues nothing more.
    let again = invite(&org.client, json!({"roles": ["viewer"], "emails": ["i@example.com"]})).await;
    let url = format!("{}/v1/invites/{}/resend", server.base_url, again.id);
    let mut codes = Vec::new();
    for _ in 0..2 {
        let r = server
            .raw()
            .post(&url)
            .bearer_auth(&org.key)
            .header("Idempotency-Key", "resend-once")
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        codes.push(r.json::<Value>().await.unwrap()["code"].as_str().unwrap().to_owned());
    }
    assert_eq!(codes[0], codes[1]);
    assert_eq!(deliveries(&org, &again.id).await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emails_with_a_dead_link_are_not_sent() {
    // SMTP down: the emails stay queued while the code is resent, rotated, or the invite revoked.
    let port = free_port();
    let server = TestServer::start_with(&[
        "--smtp-url", &format!("smtp://127.0.0.1:{port}"),
        "--email-retry-schedule", "200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms,200ms",
    ]);
    let org = server.org("acme").await;
    let resent = invite(&org.client, json!({"roles": ["viewer"], "emails": ["r@example.com"]})).await;
    let new = org.client.invites().resend(&resent.id, &body(json!({}))).await.unwrap().code.unwrap();
    let rotated = invite(&org.client, json!({"roles": ["viewer"], "emails": ["o@example.com"]})).await;
    org.client.invites().rotate(&rotated.id).await.unwrap();
    let revoked = invite(&org.client, json!({"roles": ["viewer"], "emails": ["v@example.com"]})).await;
    org.client.invites().revoke(&revoked.id).await.unwrap();
    for (id, reason) in [(&rotated.id, "rotated"), (&revoked.id, "revoked")] {
        let d = deliveries(&org, id).await;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].status, DeliveryStatus::Failed, "{d:?}");
        assert!(d[0].last_error.as_deref().unwrap().contains(reason), "{d:?}");
    }
    let sink = Sink::start_on("ok", port, tempfile::tempdir().unwrap());
    let d = settled(&org, &resent.id).await;
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].status, DeliveryStatus::Sent, "the resent one: {d:?}");
    assert_eq!(d[1].status, DeliveryStatus::Failed, "the superseded one: {d:?}");
    assert!(d[1].last_error.as_deref().unwrap().contains("superseded"), "{d:?}");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let msgs = sink.messages();
    assert_eq!(msgs.len(), 1, "only the email with the live link: {msgs:?}");
    assert_eq!(code_of(&link_in(msgs[0]["text"].as_str().unwrap())), new);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_invite_is_resent_only_with_a_new_expiry() {
    let sink = Sink::start("ok");
    let server = TestServer::start_with(&["--smtp-url", &sink.url()]);
    let org = server.org("acme").await;
    let inv = invite(&org.client, json!({"roles": ["viewer"], "emails": ["x@example.com"], "ttl_seconds": 60, "send_email": false})).await;
    // Expire it straight in the database.
    let mut db = server.db().await;
    sqlx::query("UPDATE invites SET expires_at = 1000 WHERE id = $1")
        .bind(&inv.id)
        .execute(&mut db)
        .await
        .unwrap();
    assert_api(org.client.invites().resend(&inv.id, &body(json!({}))).await, 409, "conflict");
    let r = org.client.invites().resend(&inv.id, &body(json!({"ttl_seconds": 600}))).await.unwrap();
    assert_eq!(r.status, invites_sdk::types::InviteStatus::Pending);
    let msgs = sink.wait_for(1).await;
    assert_eq!(code_of(&link_in(msgs[0]["text"].as_str().unwrap())), r.code.unwrap());
}
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_dir_writes_eml_files() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("mail");
    let server = TestServer::start_with(&[
        "--email-dir",
        dir.to_str().unwrap(),
        "--email-from",
        "Acme Invites <team@acme.test>",
    ]);
    let org = server.org("acme").await;
    let inv = invite(
        &org.client,
        json!({"roles": ["viewer"], "emails": ["e@example.com"], "message": "hi there"}),
    )
    .await;
    settled(&org, &inv.id).await;
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].extension().is_some_and(|x| x == "eml"),
        "{files:?}"
    );
    let raw = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        raw.contains("From: \"Acme Invites\" <team@acme.test>"),
        "{raw}"
    );
    assert!(raw.contains("To: e@example.com"), "{raw}");
    // The text part is quoted-printable: undo its soft line breaks and the `=` of `#code=`.
    let text = raw.replace("=\r\n", "").replace("=3D", "=");
    assert!(
        text.contains(&format!("/invite#code={}", inv.code.as_deref().unwrap())),
        "the link is in the email"
    );
}

/// Run the server binary with these arguments until it exits; its status and stderr.
fn start_fails(args: &[&str], admin_token: bool) -> (std::process::ExitStatus, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = invites_testkit::server_command(
        Path::new(env!("CARGO_BIN_EXE_invites-server")),
        &format!("sqlite://{}", dir.path().join("db").display()),
    );
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    if admin_token {
        cmd.env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN);
    }
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            return (status, err);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server started with {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bad_smtp_url_stops_the_start_without_showing_the_password() {
    for url in [
        "smtp://ada:hunter2secret@mail.example.com?tls=sometimes",
        "smtpx://ada:hunter2secret@mail.example.com",
        "smtp://ada:hunter2secret@",
    ] {
        let (status, err) = start_fails(&["--smtp-url", url], true);
        assert!(!status.success());
        assert!(err.contains("--smtp-url"), "{err}");
        assert!(!err.contains("hunter2secret"), "{err}");
    }
    let (status, err) = start_fails(&["--smtp-url", "smtp://127.0.0.1:25"], false);
    assert!(!status.success());
    assert!(err.contains("needs --admin-token"), "{err}");
    let (status, err) = start_fails(
        &["--email-dir", "/tmp", "--email-retry-schedule", "soon"],
        true,
    );
    assert!(!status.success());
    assert!(err.contains("retry schedule"), "{err}");
}
