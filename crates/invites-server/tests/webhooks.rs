//! Webhooks against the real server, on SQLite and PostgreSQL: every delivery is checked by a
//! receiver that verifies it with the `standardwebhooks` library (PyPI), the Standard Webhooks
//! reference (tests/webhooks/receiver.py, run by the Python in `INVITES_TEST_PYTHON`).

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use futures::TryStreamExt;
use invites_sdk::types;
use serde_json::{Value, json};

/// The variable naming a Python with `standardwebhooks`.
const PYTHON_ENV: &str = "INVITES_TEST_PYTHON";

fn python() -> String {
    match std::env::var(PYTHON_ENV) {
        Ok(p) if !p.trim().is_empty() => p,
        _ => panic!(
            "{PYTHON_ENV} is not set: these tests need a Python with standardwebhooks==1.1.0 for \
             their receiver. `cargo xtask test` installs it into target/venv and sets the \
             variable; by hand: target/venv/bin/pip install standardwebhooks==1.1.0 && \
             INVITES_TEST_PYTHON=$PWD/target/venv/bin/python cargo test -p invites-server \
             --test webhooks"
        ),
    }
}

/// A running receiver (tests/webhooks/receiver.py).
struct Receiver {
    proc: invites_testkit::Listening,
    http: reqwest::Client,
}

impl Receiver {
    fn start() -> Receiver {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/webhooks/receiver.py");
        let mut cmd = Command::new(python());
        cmd.arg(script).stderr(Stdio::inherit());
        let proc = invites_testkit::Listening::spawn(&mut cmd)
            .unwrap_or_else(|e| panic!("the webhook receiver did not start: {e}"));
        let _ = rustls::crypto::ring::default_provider().install_default();
        Receiver {
            proc,
            http: reqwest::Client::new(),
        }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.proc.url)
    }

    async fn config(&self, v: Value) {
        let r = self
            .http
            .post(self.url("/_config"))
            .json(&v)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }

    /// Every delivery so far, in arrival order.
    async fn log(&self) -> Vec<Value> {
        self.http
            .get(self.url("/_log"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Wait (up to `secs`) until `n` deliveries arrived at `path`; those at `path`.
    async fn wait_for(&self, path: &str, n: usize, secs: u64) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let got: Vec<Value> = self
                .log()
                .await
                .into_iter()
                .filter(|d| d["path"] == path)
                .collect();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} deliveries at {path} after {secs} s: {got:#?}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn endpoint(org: &Org, url: &str, types: &[&str]) -> types::WebhookEndpointCreated {
    org.client
        .webhooks()
        .create(&body(json!({"url": url, "event_types": types})))
        .await
        .expect("createWebhookEndpoint")
}

/// The endpoint's attempts, oldest first.
async fn attempts(org: &Org, id: &str) -> Vec<types::WebhookDelivery> {
    let mut all: Vec<types::WebhookDelivery> = org
        .client
        .webhooks()
        .deliveries(id, Default::default())
        .try_collect()
        .await
        .unwrap();
    all.reverse();
    all
}

/// Wait until `cond` holds of the endpoint's attempts (oldest first); them.
async fn attempts_until(
    org: &Org,
    id: &str,
    secs: u64,
    cond: impl Fn(&[types::WebhookDelivery]) -> bool,
) -> Vec<types::WebhookDelivery> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let a = attempts(org, id).await;
        if cond(&a) {
            return a;
        }
        assert!(Instant::now() < deadline, "after {secs} s: {a:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const INSECURE: &[&str] = &[
    "--webhook-allow-insecure",
    "--webhook-retry-schedule",
    "1s,1s,1s",
];

both_backends! {
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliveries_are_signed_the_standard_way_in_order_and_match_the_audit_log() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let all = endpoint(&org, &rx.url("/all"), &[]).await;
    let accepted = endpoint(&org, &rx.url("/accepted"), &["invite.accepted"]).await;
    assert!(all.secret.starts_with("whsec_"), "{}", all.secret);
    assert_ne!(all.secret, accepted.secret);
    rx.config(json!({"secrets": [all.secret, accepted.secret]})).await;

    let one = invite(&org.client, json!({"roles": ["viewer"], "emails": ["ada@example.com"]})).await;
    let code = one.code.clone().unwrap();
    org.client.invites().accept(&accept_body(&code, "ada@example.com")).await.unwrap();
    let two = invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 3600})).await;
    org.client.invites().revoke(&two.id).await.unwrap();

    let got = rx.wait_for("/all", 4, 30).await;
    let types: Vec<String> = got
        .iter()
        .map(|d| serde_json::from_str::<Value>(d["body"].as_str().unwrap()).unwrap()["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(types, ["invite.created", "invite.accepted", "invite.created", "invite.revoked"]);
    // The audit log holds the same events, byte for byte the same JSON values, newest first.
    let events: Vec<types::Event> = org.client.events().list(Default::default()).try_collect().await.unwrap();
    let logged: Vec<Value> = events.iter().rev().map(|e| serde_json::to_value(e).unwrap()).collect();
    let logged: Vec<&Value> = logged.iter().filter(|e| e["type"] != "api_key.created").collect();
    for (d, e) in got.iter().zip(&logged) {
        assert_eq!(d["verified"], json!([true, false]), "the library refused: {d}");
        let sent: Value = serde_json::from_str(d["body"].as_str().unwrap()).unwrap();
        assert_eq!(&sent, *e);
        assert_eq!(d["id"], sent["id"], "webhook-id is the event id");
        let ts: i64 = d["timestamp"].as_str().unwrap().parse().unwrap();
        assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
        assert!(!d["body"].as_str().unwrap().contains(&code), "a code in a delivery");
        assert!(!d["body"].as_str().unwrap().contains("/invite#"), "a link in a delivery");
    }
    // The filtered endpoint heard only the accept; the org's first key came before either.
    let only = rx.wait_for("/accepted", 1, 30).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let only_now = rx.wait_for("/accepted", 1, 1).await;
    assert_eq!(only_now.len(), 1, "{only_now:#?}");
    assert_eq!(only[0]["id"], got[1]["id"]);
    assert_eq!(only[0]["verified"], json!([false, true]));
    // One attempt each, answered 200, in the attempt log (newest first over the API).
    let a = attempts_until(&org, &all.id, 10, |a| a.len() == 4).await;
    assert!(a.iter().all(|x| x.status_code == Some(200) && x.attempt == 1 && x.error.is_none()), "{a:#?}");
    let ids: Vec<&str> = a.iter().map(|x| x.event_id.as_str()).collect();
    let sent: Vec<&str> = got.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, sent);
    // Never a URL or a secret in the server's log, the audit log or the attempt log.
    let log = server.log();
    let audit = serde_json::to_string(&events).unwrap();
    let tried = serde_json::to_string(&a).unwrap();
    for secret in [all.secret.as_str(), accepted.secret.as_str(), &rx.url("/all"), &code] {
        assert!(!log.contains(secret), "{secret} in the server log");
        assert!(!audit.contains(secret), "{secret} in the audit log");
        assert!(!tried.contains(secret), "{secret} in the attempt log");
    }
    // The secret is shown only on creation.
    let listed = serde_json::to_string(&org.client.webhooks().get(&all.id).await.unwrap()).unwrap();
    assert!(!listed.contains(&all.secret) && !listed.contains("secret"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_delivery_is_retried_with_the_same_id_and_later_events_wait_for_it() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "plan": [500, 503]})).await;
    for i in 0..3 {
        invite(&org.client, json!({"roles": ["viewer"], "emails": [format!("u{i}@example.com")]})).await;
    }
    let got = rx.wait_for("/h", 5, 30).await;
    let ids: Vec<&str> = got.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let statuses: Vec<i64> = got.iter().map(|d| d["status"].as_i64().unwrap()).collect();
    assert_eq!(statuses, [500, 503, 200, 200, 200], "{got:#?}");
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[1], ids[2]);
    let mut later = vec![ids[2], ids[3], ids[4]];
    let unique: HashSet<&str> = later.iter().copied().collect();
    assert_eq!(unique.len(), 3, "each event once after the retries");
    later.sort();
    assert_eq!(later, [ids[2], ids[3], ids[4]], "in order of creation");
    assert!(got.iter().all(|d| d["verified"] == json!([true])));
    let a = attempts_until(&org, &ep.id, 10, |a| a.len() == 5).await;
    let shown: Vec<(i64, Option<i64>)> = a.iter().map(|x| (x.attempt, x.status_code)).collect();
    assert_eq!(shown, [(1, Some(500)), (2, Some(503)), (3, Some(200)), (1, Some(200)), (1, Some(200))]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_last_attempt_the_delivery_fails_and_the_next_one_goes() {
    let server = TestServer::start_with(&["--webhook-allow-insecure", "--webhook-retry-schedule", "200ms"]);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "plan": [500, 500]})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let got = rx.wait_for("/h", 3, 30).await;
    assert_eq!(got[0]["id"], got[1]["id"]);
    assert_ne!(got[1]["id"], got[2]["id"]);
    assert_eq!(got[2]["status"], 200);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(rx.wait_for("/h", 3, 1).await.len(), 3, "the failed event is not sent again");
    let e = org.client.webhooks().get(&ep.id).await.unwrap();
    assert!(e.enabled, "one failed delivery does not disable the endpoint");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_410_disables_the_endpoint_and_enabling_it_resumes_where_it_stopped() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "plan": [410]})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    rx.wait_for("/h", 1, 30).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let off = loop {
        let e = org.client.webhooks().get(&ep.id).await.unwrap();
        if !e.enabled || Instant::now() > deadline {
            break e;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(!off.enabled);
    assert!(off.disabled_reason.as_deref().unwrap_or("").contains("410"), "{off:?}");
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(rx.wait_for("/h", 1, 1).await.len(), 1, "nothing is sent to a disabled endpoint");
    let on = org.client.webhooks().update(&ep.id, &body(json!({"enabled": true}))).await.unwrap();
    assert!(on.enabled && on.disabled_reason.is_none());
    // The refused event is sent again; the one made while it was disabled was never queued.
    let got = rx.wait_for("/h", 2, 30).await;
    assert_eq!(got[0]["id"], got[1]["id"], "{got:#?}");
    assert_eq!(got[1]["status"], 200);
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let got = rx.wait_for("/h", 3, 30).await;
    assert_ne!(got[1]["id"], got[2]["id"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(rx.wait_for("/h", 3, 1).await.len(), 3, "{got:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_for_five_days_disables_the_endpoint() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "default": 500})).await;
    // As if the endpoint had been failing for six days.
    let six_days_ago = chrono::Utc::now().timestamp_millis() - 6 * 86_400_000;
    let mut db = server.db().await;
    sqlx::query(&format!("UPDATE webhook_endpoints SET failing_since = {six_days_ago} WHERE id = '{}'", ep.id))
        .execute(&mut db)
        .await
        .unwrap();
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    rx.wait_for("/h", 1, 30).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let e = org.client.webhooks().get(&ep.id).await.unwrap();
        if !e.enabled {
            assert!(e.disabled_reason.unwrap().contains("5 days"));
            break;
        }
        assert!(Instant::now() < deadline, "still enabled: {e:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_a_rotation_both_secrets_sign_every_delivery() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    let rotated = org.client.webhooks().rotate_secret(&ep.id).await.unwrap();
    assert!(rotated.secret.starts_with("whsec_"));
    assert_ne!(rotated.secret, ep.secret);
    let stranger = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    rx.config(json!({"secrets": [ep.secret, rotated.secret, stranger]})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let got = rx.wait_for("/h", 1, 30).await;
    assert_eq!(got[0]["verified"], json!([true, true, false]), "{:#?}", got[0]);
    assert_eq!(got[0]["signature"].as_str().unwrap().split(' ').count(), 2);
    // A second rotation ends the first secret's overlap.
    let third = org.client.webhooks().rotate_secret(&ep.id).await.unwrap();
    rx.config(json!({"secrets": [ep.secret, rotated.secret, third.secret]})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let got = rx.wait_for("/h", 2, 30).await;
    assert_eq!(got[1]["verified"], json!([false, true, true]), "{:#?}", got[1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsafe_urls_are_refused_when_saved_and_again_when_sent() {
    let server = TestServer::start();
    let org = server.org("acme").await;
    for (url, says) in [
        ("http://hooks.example.com/x", "https"),
        ("https://127.0.0.1/x", "loopback"),
        ("https://10.1.2.3/x", "private"),
        ("https://169.254.169.254/latest/meta-data", "metadata"),
        ("https://100.64.1.1/x", "carrier-grade"),
        ("https://[::1]/x", "loopback"),
        ("https://localhost/x", "loopback"),
        ("not a url", "valid"),
    ] {
        let e = assert_api(
            org.client.webhooks().create(&body(json!({"url": url}))).await,
            400,
            "invalid_request",
        );
        assert_eq!(e.param.as_deref(), Some("url"), "{url}");
        assert!(e.message.contains(says), "{url}: {}", e.message);
    }
    assert!(org.client.webhooks().list_page(&Default::default()).await.unwrap().data.is_empty());
    // Saved while insecure URLs were allowed, refused at send time once they are not.
    let rx = Receiver::start();
    let server = server.restart_with(INSECURE);
    let org = Org { client: server.client(&org.key), ..org };
    let plain = endpoint(&org, &rx.url("/plain"), &["invite.created"]).await;
    let port = rx.url("").rsplit(':').next().unwrap().to_owned();
    let named = endpoint(&org, &format!("https://localhost:{port}/named"), &["invite.created"]).await;
    let server = server.restart_with(&["--webhook-retry-schedule", "1s"]);
    let org = Org { client: server.client(&org.key), ..org };
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let a = attempts_until(&org, &plain.id, 20, |a| !a.is_empty()).await;
    assert_eq!(a[0].status_code, None);
    assert!(a[0].error.as_deref().unwrap().contains("https"), "{a:?}");
    let a = attempts_until(&org, &named.id, 20, |a| !a.is_empty()).await;
    let error = a[0].error.as_deref().unwrap();
    assert!(error.contains("refused") && error.contains("loopback"), "{error}");
    assert!(!error.contains("localhost"), "the error names the URL's host: {error}");
    assert!(rx.log().await.is_empty(), "something reached the receiver");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_are_not_followed() {
    let server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let elsewhere = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "redirect": elsewhere.url("/private")})).await;
    invite(&org.client, json!({"roles": ["viewer"], "ttl_seconds": 60})).await;
    let a = attempts_until(&org, &ep.id, 20, |a| !a.is_empty()).await;
    assert_eq!(a[0].status_code, Some(302));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(elsewhere.log().await.is_empty(), "the redirect was followed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endpoints_are_checked_scoped_and_limited() {
    let server = TestServer::start_with(INSECURE);
    let org = server.org("acme").await;
    let other = server.org("other").await;
    let url = "http://127.0.0.1:9/h";
    // Bodies the SDK would refuse to send, straight over HTTP.
    for (bad, param) in [
        (json!({"url": url, "event_types": ["invite.created", "invite.nope"]}), "event_types[1]"),
        (json!({"url": url, "description": "d".repeat(501)}), "description"),
        (json!({"url": url, "secret": "whsec_mine"}), "secret"),
        (json!({"event_types": []}), "url"),
    ] {
        let resp = server
            .raw()
            .post(format!("{}/v1/webhook_endpoints", server.base_url))
            .bearer_auth(&org.key)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 400);
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["param"], param, "{v}");
    }
    let ep = org
        .client
        .webhooks()
        .create(&body(json!({"url": url, "event_types": ["invite.created", "invite.created"], "description": "prod"})))
        .await
        .unwrap();
    assert_eq!(serde_json::to_value(&ep.event_types).unwrap(), json!(["invite.created"]));
    assert_eq!(ep.description.as_deref(), Some("prod"));
    assert_api(other.client.webhooks().get(&ep.id).await, 404, "not_found");
    assert_api(other.client.webhooks().delete(&ep.id).await, 404, "not_found");
    assert_api(other.client.webhooks().rotate_secret(&ep.id).await, 404, "not_found");
    assert_api(other.client.webhooks().deliveries_page(&ep.id, &Default::default()).await, 404, "not_found");
    let changed = org
        .client
        .webhooks()
        .update(&ep.id, &body(json!({"description": "", "event_types": [], "enabled": false})))
        .await
        .unwrap();
    assert!(changed.description.is_none() && changed.event_types.is_empty() && !changed.enabled);
    assert!(changed.disabled_reason.is_none(), "disabled by a caller, not the server");
    let e = assert_api(
        org.client.webhooks().update(&ep.id, &body(json!({"url": "ftp://x/"}))).await,
        400,
        "invalid_request",
    );
    assert_eq!(e.param.as_deref(), Some("url"));
    assert_eq!(org.client.webhooks().get(&ep.id).await.unwrap().url, url, "a refused update changes nothing");
    for i in 1..20 {
        endpoint(&org, &format!("http://127.0.0.1:9/{i}"), &[]).await;
    }
    assert_api(org.client.webhooks().create(&body(json!({"url": url}))).await, 409, "conflict");
    let listed: Vec<types::WebhookEndpoint> = org.client.webhooks().list(Default::default()).try_collect().await.unwrap();
    assert_eq!(listed.len(), 20);
    assert_eq!(listed.last().unwrap().id, ep.id, "newest first");
    let gone = org.client.webhooks().delete(&ep.id).await.unwrap();
    assert_eq!(gone.id, ep.id);
    assert_api(org.client.webhooks().get(&ep.id).await, 404, "not_found");
    endpoint(&org, url, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_deliver_each_of_1000_events_exactly_once_in_order() {
    let servers = TestServer::start_replicas(2, INSECURE);
    let rx = Receiver::start();
    let org = servers[0].org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret]})).await;
    let emails: Vec<String> = (0..1000).map(|i| format!("u{i}@example.com")).collect();
    // Half the events through each replica.
    for (i, chunk) in emails.chunks(500).enumerate() {
        servers[i]
            .client(&org.key)
            .invites()
            .create_batch(&body(json!({"roles": ["viewer"], "emails": chunk})))
            .await
            .unwrap();
    }
    let got = rx.wait_for("/h", 1000, 120).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let got_now = rx.wait_for("/h", 1000, 1).await;
    assert_eq!(got_now.len(), 1000, "duplicates delivered");
    let ids: Vec<&str> = got.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 1000);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "out of order");
    assert!(got.iter().all(|d| d["verified"] == json!([true]) && d["status"] == 200));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_delivery_then_restart_delivers_everything() {
    let mut server = TestServer::start_with(INSECURE);
    let rx = Receiver::start();
    let org = server.org("acme").await;
    let ep = endpoint(&org, &rx.url("/h"), &["invite.created"]).await;
    rx.config(json!({"secrets": [ep.secret], "delay": 0.5})).await;
    for i in 0..6 {
        invite(&org.client, json!({"roles": ["viewer"], "emails": [format!("u{i}@example.com")]})).await;
    }
    rx.wait_for("/h", 1, 30).await;
    server.kill();
    rx.config(json!({"delay": 0})).await;
    let server = server.restart();
    let _org = Org { client: server.client(&org.key), ..org };
    // The killed replica's lease on the endpoint runs out, then every event arrives.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let ids: HashSet<String> = rx.log().await.iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
        if ids.len() == 6 {
            break;
        }
        assert!(Instant::now() < deadline, "{} of 6 events after the restart", ids.len());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
}

/// Run a server command until it exits (it must, within 20 s); its stderr.
fn exits_with(cmd: &mut Command) -> String {
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(!status.success());
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return err;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server started");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_server_key_is_kept_beside_sqlite_required_on_postgres_and_never_swapped() {
    let dir = tempfile::tempdir().unwrap();
    let url = invites_testkit::sqlite_url(dir.path());
    let bin = Path::new(env!("CARGO_BIN_EXE_invites-server"));
    let command = |url: &str, key: Option<&str>| {
        let mut cmd = invites_testkit::server_command(bin, url);
        cmd.env("INVITES_ADMIN_TOKEN", ADMIN_TOKEN);
        if let Some(k) = key {
            cmd.env("INVITES_SECRET_KEY", k);
        }
        cmd
    };
    let up = |key: Option<&str>| {
        invites_testkit::Listening::spawn(&mut command(&url, key)).expect("the server starts")
    };
    drop(up(None));
    let kept = std::fs::read_to_string(dir.path().join("secret.key")).unwrap();
    assert_eq!(
        kept.trim().len(),
        64,
        "a SQLite server keeps its own key beside the database"
    );
    drop(up(None));
    drop(up(Some(kept.trim())));
    let e = exits_with(&mut command(&url, Some(&"ab".repeat(32))));
    assert!(e.contains("another server key"), "{e}");
    let e = exits_with(&mut command(&url, Some("short-key")));
    assert!(
        e.contains("--secret-key") && !e.contains("short-key"),
        "{e}"
    );
    if pg_admin_url().is_some() {
        let pg = PgDatabase::create();
        let mut cmd = command(&pg.url, None);
        cmd.env_remove("INVITES_SECRET_KEY");
        let e = exits_with(&mut cmd);
        assert!(e.contains("INVITES_SECRET_KEY"), "{e}");
    } else {
        println!(
            "INVITES_TEST_DATABASE_URL is not set: the PostgreSQL half of this test did not run"
        );
    }
}

/// PostgreSQL: an endpoint is created only between dispatches (it takes the dispatchers' lock
/// before it reads the clock), so no dispatch reads the queue between the endpoint's
/// `created_at` and its commit and hands that moment's events to the other endpoints only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_an_endpoint_is_created_between_dispatches() {
    on_backend(Backend::Postgres, async {
        let server = TestServer::start_with(INSECURE);
        let org = server.org("acme").await;
        // A dispatcher's turn, held by hand: `worker::DISPATCH_LOCK` is 0x15eb00c.
        let mut holder = server.db().await;
        sqlx::query("BEGIN").execute(&mut holder).await.unwrap();
        sqlx::query("SELECT pg_advisory_xact_lock(22982668)")
            .execute(&mut holder)
            .await
            .unwrap();
        let client = org.client.clone();
        let create = tokio::spawn(async move {
            client
                .webhooks()
                .create(&body(json!({"url": "http://127.0.0.1:9/h"})))
                .await
        });
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert!(
            !create.is_finished(),
            "the endpoint was created during a dispatch"
        );
        sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
        let created = tokio::time::timeout(Duration::from_secs(10), create)
            .await
            .expect("created once the dispatch let go")
            .unwrap()
            .expect("createWebhookEndpoint");
        assert!(created.id.starts_with("we_"), "{created:?}");
    })
    .await;
}
