//! `invites-faultproxy`: sits between a client and a real `invites-server` and, per request,
//! forwards it or injects a fault from a plan the test runner uploads.
//!
//! Control API (same port): `PUT /__faults` with `{"faults": [Fault, ...]}` replaces the plan
//! and clears the log; `GET /__faults/log` lists the requests seen since, with the fault each
//! got. Ready line on stdout: `listening on http://127.0.0.1:PORT`.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clap::Parser;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;

#[derive(Parser)]
#[command(about = "Fault-injecting HTTP proxy for conformance tests")]
struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// The server to forward to, e.g. http://127.0.0.1:8080.
    #[arg(long)]
    upstream: String,
}

/// What to do to a matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
enum Action {
    /// Answer `status` (with `Retry-After` when given) without forwarding.
    Respond,
    /// Wait `delay_ms`, then forward.
    Delay,
    /// Close the connection before replying, without forwarding.
    Close,
    /// Forward, let the server commit, then close the connection instead of replying.
    DropResponse,
}

/// One entry of the plan: the first entry that matches a request and has uses left applies.
#[derive(Debug, Clone, Deserialize, Serialize)]
struct Fault {
    /// Only requests with this method (any when absent).
    #[serde(default)]
    method: Option<String>,
    /// Only requests to this path (`/v1/invites`), or under a prefix ending in `*`.
    #[serde(default)]
    path: Option<String>,
    action: Action,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    retry_after: Option<String>,
    /// The error type in the answer's envelope (default: one that fits the status).
    #[serde(default, rename = "type")]
    error_type: Option<String>,
    #[serde(default)]
    delay_ms: Option<u64>,
    /// How many requests it applies to (default 1).
    #[serde(default = "one")]
    times: u32,
}

fn one() -> u32 {
    1
}

impl Fault {
    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        let path_ok = self
            .path
            .as_deref()
            .is_none_or(|p| match p.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => p == path,
            });
        method_ok && path_ok && self.times > 0
    }
}

#[derive(Debug, Clone, Serialize)]
struct Seen {
    method: String,
    path: String,
    fault: Option<Action>,
    /// The `x-request-id` the client was sent (none when the connection was closed).
    request_id: Option<String>,
    /// The request's `Invites-*` headers (never `Authorization`), lower-cased names.
    headers: std::collections::BTreeMap<String, String>,
}

struct State {
    upstream: String,
    http: reqwest::Client,
    plan: Mutex<Vec<Fault>>,
    log: Mutex<Vec<Seen>>,
    counter: AtomicU64,
}

type Body = Full<Bytes>;

/// Returned by the service to make hyper close the connection without a response.
#[derive(Debug)]
struct CloseConnection;

impl std::fmt::Display for CloseConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fault: connection closed on purpose")
    }
}

impl std::error::Error for CloseConnection {}

fn json(status: StatusCode, value: serde_json::Value) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(value.to_string())))
        .expect("static response parts")
}

fn error_type(status: u16) -> &'static str {
    match status {
        413 => "payload_too_large",
        408 => "internal",
        429 => "rate_limited",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "invalid_request",
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Body>, CloseConnection> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();

    if path == "/__faults" && method == "PUT" {
        let body = req
            .into_body()
            .collect()
            .await
            .map_err(|_| CloseConnection)?;
        return Ok(
            match serde_json::from_slice::<serde_json::Value>(&body.to_bytes())
                .ok()
                .and_then(|v| serde_json::from_value::<Vec<Fault>>(v["faults"].clone()).ok())
            {
                Some(plan) => {
                    *state.plan.lock().unwrap() = plan;
                    state.log.lock().unwrap().clear();
                    json(StatusCode::OK, serde_json::json!({"ok": true}))
                }
                None => json(
                    StatusCode::BAD_REQUEST,
                    serde_json::json!({"error": "expected {\"faults\": [...]}"}),
                ),
            },
        );
    }
    if path == "/__faults/log" {
        let log = state.log.lock().unwrap().clone();
        return Ok(json(StatusCode::OK, serde_json::json!({ "requests": log })));
    }

    let fault = {
        let mut plan = state.plan.lock().unwrap();
        plan.iter_mut()
            .find(|f| f.matches(&method, &path))
            .map(|f| {
                f.times -= 1;
                f.clone()
            })
    };
    let index = {
        let mut log = state.log.lock().unwrap();
        log.push(Seen {
            method: method.clone(),
            path: path.clone(),
            fault: fault.as_ref().map(|f| f.action),
            request_id: None,
            headers: req
                .headers()
                .iter()
                .filter(|(name, _)| name.as_str().starts_with("invites-"))
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        value.to_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect(),
        });
        log.len() - 1
    };
    let response = apply(&state, req, fault).await;
    if let Ok(r) = &response {
        let id = r
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(seen) = state.log.lock().unwrap().get_mut(index) {
            seen.request_id = id;
        }
    }
    response
}

async fn apply(
    state: &State,
    req: Request<Incoming>,
    fault: Option<Fault>,
) -> Result<Response<Body>, CloseConnection> {
    match fault.as_ref().map(|f| f.action) {
        Some(Action::Respond) => {
            let f = fault.expect("matched");
            let status = f.status.unwrap_or(503);
            let n = state.counter.fetch_add(1, Ordering::Relaxed);
            let request_id = format!("req_fault{n:06}");
            let mut resp = json(
                StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
                serde_json::json!({
                    "error": {"type": f.error_type.as_deref().unwrap_or(error_type(status)), "message": format!("injected {status}"), "param": null},
                    "request_id": request_id,
                }),
            );
            let headers = resp.headers_mut();
            headers.insert("x-request-id", request_id.parse().expect("ascii"));
            if let Some(ra) = f.retry_after.as_deref().and_then(|v| v.parse().ok()) {
                headers.insert("retry-after", ra);
            }
            return Ok(resp);
        }
        Some(Action::Close) => return Err(CloseConnection),
        Some(Action::Delay) => {
            let ms = fault.as_ref().and_then(|f| f.delay_ms).unwrap_or(1000);
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        Some(Action::DropResponse) | None => {}
    }

    let response = forward(state, req).await?;
    if matches!(fault.map(|f| f.action), Some(Action::DropResponse)) {
        return Err(CloseConnection);
    }
    Ok(response)
}

async fn forward(state: &State, req: Request<Incoming>) -> Result<Response<Body>, CloseConnection> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map_err(|_| CloseConnection)?
        .to_bytes();
    let path_and_query = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let mut upstream = state
        .http
        .request(
            parts.method,
            format!("{}{}", state.upstream, path_and_query),
        )
        .body(body);
    for (name, value) in &parts.headers {
        if !matches!(name.as_str(), "host" | "connection" | "content-length") {
            upstream = upstream.header(name, value);
        }
    }
    let answer = match upstream.send().await {
        Ok(a) => a,
        Err(_) => {
            return Ok(json(
                StatusCode::BAD_GATEWAY,
                serde_json::json!({"error": {"type": "internal", "message": "upstream unreachable", "param": null}, "request_id": "req_proxy"}),
            ));
        }
    };
    let mut resp = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        if !matches!(
            name.as_str(),
            "connection" | "transfer-encoding" | "content-length"
        ) {
            resp = resp.header(name, value);
        }
    }
    let bytes = answer.bytes().await.map_err(|_| CloseConnection)?;
    Ok(resp.body(Full::new(bytes)).expect("copied parts"))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    // reqwest is built without a bundled crypto provider (workspace-wide choice): install ring.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let listener = TcpListener::bind(args.listen).await?;
    let state = Arc::new(State {
        upstream: args.upstream.trim_end_matches('/').to_owned(),
        http: reqwest::Client::new(),
        plan: Mutex::new(vec![]),
        log: Mutex::new(vec![]),
        counter: AtomicU64::new(0),
    });
    let mut out = std::io::stdout();
    writeln!(out, "listening on http://{}", listener.local_addr()?)?;
    out.flush()?;
    loop {
        let (stream, _) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| handle(state.clone(), req));
            // An error here is usually a fault we injected on purpose: nothing to report.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
