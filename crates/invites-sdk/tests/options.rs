//! The options every call and client has (issue 22): response metadata on success, per-request
//! headers, logging that never shows a secret, a caller's own HTTP client, a proxy, CA roots.
//! Against a real server (and the fault proxy as an HTTP proxy).

mod support;

use std::process::Command;

use invites_sdk::{Client, ListInvites, RequestOptions, types};

async fn org(url: &str) -> String {
    support::organization(url, "Options").await
}

#[tokio::test]
async fn a_success_carries_its_status_request_id_and_headers() {
    let server = support::server();
    let key = org(&server.url).await;
    let client = Client::new(&server.url, &key).unwrap();
    let body = types::InviteCreate::builder()
        .roles(["developer"])
        .ttl_seconds(60)
        .build()
        .unwrap();
    let r = client.invites().create_with_response(&body).await.unwrap();
    assert_eq!(r.status, 201);
    let id = r.request_id.clone().expect("a request id");
    assert!(id.starts_with("req_"), "{id}");
    assert_eq!(r.headers.get("x-request-id").unwrap().to_str().unwrap(), id);
    assert!(r.data.code.is_some());
    let page = client
        .invites()
        .list_page_with_response(&ListInvites::default())
        .await
        .unwrap();
    assert_eq!(page.status, 200);
    assert_ne!(
        page.request_id.as_deref(),
        Some(id.as_str()),
        "each answer has its own id"
    );
    assert_eq!(page.data.data.len(), 1);
    // The JSON dispatch the bindings use keeps the same metadata.
    let r = client
        .call_json_with_response("getOrganization", serde_json::Value::Null)
        .await
        .unwrap();
    assert_eq!(r.status, 200);
    assert!(r.request_id.unwrap().starts_with("req_"));
}

#[tokio::test]
async fn per_request_headers_reach_the_server() {
    // Two failed lookups per end user per window: the end user is the Invites-Forwarded-For
    // header the call sends, so another end user is not limited.
    let server = support::server_with(&["--rate-limit-failures", "2"]);
    let key = org(&server.url).await;
    let client = Client::builder()
        .base_url(&server.url)
        .api_key(&key)
        .max_retries(0)
        .build()
        .unwrap();
    let as_user =
        |u: &str| client.with_options(RequestOptions::new().header("Invites-Forwarded-For", u));
    let unknown = "ic_0000000000000000000000000000000000000000";
    for _ in 0..2 {
        let e = as_user("203.0.113.7")
            .invites()
            .lookup(unknown)
            .await
            .unwrap_err();
        assert_eq!(e.status(), Some(404), "{e}");
    }
    let e = as_user("203.0.113.7")
        .invites()
        .lookup(unknown)
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(429), "the header named the end user: {e}");
    let e = as_user("198.51.100.9")
        .invites()
        .lookup(unknown)
        .await
        .unwrap_err();
    assert_eq!(
        e.status(),
        Some(404),
        "another end user is not limited: {e}"
    );
    // A header that cannot be sent is refused before anything is sent, naming `headers`.
    let e = client
        .with_options(RequestOptions::new().header("bad header", "x"))
        .organizations()
        .get()
        .await
        .unwrap_err();
    assert_eq!(e.param(), Some("headers"), "{e}");
    let e = client
        .with_options(RequestOptions::new().header("Authorization", "Bearer other"))
        .organizations()
        .get()
        .await
        .unwrap_err();
    assert_eq!(e.param(), Some("headers"), "{e}");
}

#[tokio::test]
async fn a_callers_http_client_a_proxy_and_ca_roots() {
    let server = support::server();
    let key = org(&server.url).await;
    // The caller's own reqwest client: the SDK still authenticates every request.
    let http = reqwest::Client::builder().build().unwrap();
    let client = Client::builder()
        .base_url(&server.url)
        .api_key(&key)
        .http_client(http)
        .build()
        .unwrap();
    client.organizations().get().await.unwrap();

    // Through an HTTP proxy: the base URL is a closed port, so only the proxy can answer.
    let proxy = support::proxy(&server.url);
    let client = Client::builder()
        .base_url("http://127.0.0.1:9")
        .api_key(&key)
        .proxy(&proxy.url)
        .max_retries(0)
        .build()
        .unwrap();
    client
        .organizations()
        .get()
        .await
        .expect("answered through the proxy");

    // CA roots: a real bundle is taken, anything else is refused with a reason.
    let bundle = std::fs::read("/etc/ssl/certs/ca-certificates.crt").expect("the system CA bundle");
    Client::builder()
        .base_url(&server.url)
        .api_key(&key)
        .ca_certificates_pem(bundle)
        .build()
        .unwrap();
    let e = Client::builder()
        .base_url(&server.url)
        .api_key(&key)
        .ca_certificates_pem("not a certificate")
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("PEM"), "{e}");
    let e = Client::builder()
        .base_url(&server.url)
        .api_key(&key)
        .proxy("::")
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("proxy"), "{e}");
}

#[tokio::test]
async fn invites_log_prints_one_line_per_attempt_and_no_secret() {
    let server = support::server();
    let key = org(&server.url).await;
    // The demo example, run with INVITES_LOG=info: its stderr is the log.
    let exe = std::env::current_exe().unwrap();
    let demo = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples/demo");
    assert!(
        demo.exists(),
        "build the example first (cargo build -p invites-sdk --examples)"
    );
    let out = Command::new(&demo)
        .env("INVITES_BASE_URL", &server.url)
        .env("INVITES_API_KEY", &key)
        .env("INVITES_LOG", "info")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("invites-sdk: "))
        .collect();
    assert!(lines.len() >= 8, "{log}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("invites-sdk: POST /v1/invites 201 ")
                && l.contains("request_id=req_")
                && l.ends_with("retry=0")),
        "{log}"
    );
    assert!(
        lines.iter().any(|l| l.contains(" 403 ")),
        "the refused accept is logged: {log}"
    );
    // No key, code or link in it (the demo printed a link on stdout).
    assert!(!log.contains(&key), "the API key was logged");
    assert!(!log.contains("ic_"), "a code was logged: {log}");
    assert!(
        stdout.contains("ic_") || stdout.contains("/invite/"),
        "{stdout}"
    );
    // Off by default.
    let quiet = Command::new(&demo)
        .env("INVITES_BASE_URL", &server.url)
        .env("INVITES_API_KEY", &key)
        .env_remove("INVITES_LOG")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("invites-sdk: "));
    // A level that means nothing is a configuration error.
    let bad = Command::new(&demo)
        .env("INVITES_BASE_URL", &server.url)
        .env("INVITES_API_KEY", &key)
        .env("INVITES_LOG", "loud")
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("INVITES_LOG"));
}
