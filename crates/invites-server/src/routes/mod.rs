//! HTTP routes, authentication and the response middleware.

mod api_keys;
pub(crate) mod invites;
mod members;
mod organizations;
pub(crate) mod page;
pub(crate) mod post;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;

use crate::db::Store;
use crate::error::{ApiError, ErrorBody};
use crate::ratelimit::FailureLimiter;
use crate::secrets::{hash_secret, new_id};
use crate::webhooks::endpoints as webhooks;

/// The spec this server implements, served at `/openapi.yaml`.
pub const OPENAPI_YAML: &str = include_str!("../../../../spec/invites.yaml");

/// Shared state of every request.
#[derive(Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// SHA-256 of the admin token.
    pub admin_token_hash: String,
    /// Base of invite links, without a trailing slash.
    pub public_url: String,
    /// Failed lookups/accepts per API key.
    pub limiter: FailureLimiter,
    /// Failed lookups/accepts per invite code (keyed by the code's hash).
    pub code_limiter: FailureLimiter,
    /// API keys seen recently (rechecked every few seconds, so revocations reach every replica).
    pub keys: api_keys::KeyCache,
    /// Organizations already read: id → (name, roles, created_at).
    pub orgs: InsertOnlyCache<Arc<organizations::Org>>,
    /// `getInvite`'s reads, coalesced on PostgreSQL (`None` on SQLite: see [`crate::batch`]).
    pub invite_reads: Option<invites::InviteReads>,
    /// The email transport and outbox settings; `None` when the server sends no emails.
    pub mailer: Option<Arc<crate::outbox::Mailer>>,
    /// The invitee page's settings and limits (see [`crate::invitee`]).
    pub page: crate::invitee::PageSettings,
    /// The webhook settings (server key, insecure URLs allowed, retry schedule).
    pub webhooks: Arc<crate::webhooks::Webhooks>,
    /// Unlimited invites accepted on this replica, by code hash: the row read (on PostgreSQL
    /// with its version, `xmin`). Only hints: an accept claims from one without reading the
    /// invite only if the row is still that version (PostgreSQL) or still holds the same
    /// columns but its use counters (SQLite; see `routes::invites::redeem`), so a stale entry
    /// costs one retry, never a wrong answer.
    pub(crate) accept_hints: InsertOnlyCache<Arc<invites::AcceptHint>>,
}

impl AppState {
    /// Tell this replica's outbox worker that a commit queued `n` emails (nothing when 0).
    pub(crate) fn wake_mailer(&self, n: usize) {
        if n > 0
            && let Some(m) = &self.mailer
        {
            m.wake.notify_one();
        }
    }
}

/// Rows that never change once written, kept in process after the database returned them:
/// organizations (id → name, roles, created_at). They have no update or delete operation, so an
/// entry can never go stale on this or any other replica; a miss always asks the database.
/// Bounded: when full it starts over.
#[derive(Debug)]
pub struct InsertOnlyCache<V> {
    map: std::sync::RwLock<std::collections::HashMap<String, V>>,
}

impl<V> Default for InsertOnlyCache<V> {
    fn default() -> Self {
        InsertOnlyCache {
            map: Default::default(),
        }
    }
}

impl<V: Clone> InsertOnlyCache<V> {
    /// Most entries kept.
    const CAPACITY: usize = 10_000;

    pub(crate) fn get(&self, key: &str) -> Option<V> {
        self.map.read().ok()?.get(key).cloned()
    }

    pub(crate) fn remove(&self, key: &str) {
        if let Ok(mut map) = self.map.write() {
            map.remove(key);
        }
    }

    pub(crate) fn insert(&self, key: &str, value: V) {
        if let Ok(mut map) = self.map.write() {
            if map.len() >= Self::CAPACITY {
                map.clear();
            }
            map.insert(key.to_owned(), value);
        }
    }
}

/// An authenticated organization caller.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The caller's organization.
    pub org_id: String,
    /// The hash of the API key used (the rate-limit key).
    pub key_hash: String,
    /// The id of the API key used.
    pub key_id: String,
}

/// The request's bearer token, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Authenticate an organization API key.
pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Caller, ApiError> {
    let token = bearer(headers).ok_or(ApiError::Unauthorized)?;
    let key_hash = hash_secret(token);
    let key = state
        .keys
        .lookup(&state.store, &key_hash)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    Ok(Caller {
        org_id: key.org_id,
        key_id: key.key_id,
        key_hash,
    })
}

/// Authenticate the admin token.
pub fn authenticate_admin(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let token = bearer(headers).ok_or(ApiError::Unauthorized)?;
    // Compare hashes: equal-length hex strings, so timing reveals nothing about the token.
    let given = hash_secret(token);
    let same = given
        .bytes()
        .zip(state.admin_token_hash.bytes())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
        && given.len() == state.admin_token_hash.len();
    if same {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// The router of the whole API: every request is abandoned after `request_timeout` (if any) with
/// a 503 `unavailable`, and bodies over `max_body_bytes` get a 413.
pub fn router(
    state: Arc<AppState>,
    max_body_bytes: usize,
    request_timeout: Option<Duration>,
) -> Router {
    let routes = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/openapi.yaml", get(openapi))
        .merge(crate::console::router())
        .merge(crate::invitee::router())
        .route("/invite/lookup", post(invites::page_lookup))
        .route("/invite/code", post(invites::page_send_code))
        .route("/invite/join", post(invites::page_join))
        .route("/v1/organizations", post(organizations::create))
        .route("/v1/organization", get(organizations::get))
        .route("/v1/invites", post(invites::create).get(invites::list))
        .route("/v1/invites/batch", post(invites::create_batch))
        .route("/v1/invites/lookup", post(invites::lookup))
        .route("/v1/invites/accept", post(invites::accept))
        .route(
            "/v1/invites/{invite_id}",
            get(invites::get)
                .patch(invites::update)
                .delete(invites::revoke),
        )
        .route("/v1/invites/{invite_id}/rotate", post(invites::rotate))
        .route(
            "/v1/invites/{invite_id}/redemptions",
            get(invites::redemptions),
        )
        .route("/v1/invites/{invite_id}/resend", post(invites::resend))
        .route(
            "/v1/invites/{invite_id}/deliveries",
            get(invites::deliveries),
        )
        .route("/v1/api_keys", post(api_keys::create).get(api_keys::list))
        .route(
            "/v1/api_keys/{key_id}",
            axum::routing::delete(api_keys::revoke),
        )
        .route("/v1/events", get(crate::events::list))
        .route(
            "/v1/webhook_endpoints",
            post(webhooks::create).get(webhooks::list),
        )
        .route(
            "/v1/webhook_endpoints/{endpoint_id}",
            get(webhooks::get)
                .patch(webhooks::update)
                .delete(webhooks::delete),
        )
        .route(
            "/v1/webhook_endpoints/{endpoint_id}/rotate_secret",
            post(webhooks::rotate_secret),
        )
        .route(
            "/v1/webhook_endpoints/{endpoint_id}/deliveries",
            get(webhooks::deliveries),
        )
        .route("/v1/members", get(members::list))
        .route(
            "/v1/members/{member_id}",
            get(members::get).delete(members::remove),
        )
        .fallback(|| async { ApiError::NotFound("no such route".into()) })
        .method_not_allowed_fallback(|| async {
            (
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed for this path",
            )
        })
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(state);
    with_safety_layers(routes, request_timeout)
}

/// The layers around every route, outermost first: the envelope (request id, error shape, log
/// line), panic catching, the per-request timeout.
pub fn with_safety_layers(routes: Router, request_timeout: Option<Duration>) -> Router {
    let routes = match request_timeout {
        Some(limit) => routes.layer(middleware::from_fn(move |req: Request, next: Next| {
            deadline(limit, req, next)
        })),
        None => routes,
    };
    routes
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a handler panicked");
                ApiError::Internal(anyhow::anyhow!("handler panicked")).into_response()
            },
        ))
        .layer(middleware::from_fn(envelope))
}

/// Run the request within `limit`; past it, drop the handler (which rolls back any open
/// transaction) and answer 503 `unavailable` with `Retry-After`.
async fn deadline(limit: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => {
            tracing::warn!(limit_ms = limit.as_millis() as u64, "request timed out");
            ApiError::TimedOut(limit.as_millis() as u64).into_response()
        }
    }
}

async fn healthz(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    state.store.ping().await?;
    Ok(axum::Json(serde_json::json!({"status": "ok"})).into_response())
}

/// Ready for traffic: the database answers within 2 s (503 `unavailable` otherwise).
async fn readyz(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    match tokio::time::timeout(Duration::from_secs(2), state.store.ping()).await {
        Ok(Ok(())) => {
            let pool = state.store.pool_stats();
            Ok(axum::Json(serde_json::json!({
                "status": "ready",
                "db_pool": {"in_use": pool.in_use, "idle": pool.idle, "max": pool.max},
            }))
            .into_response())
        }
        Ok(Err(e)) => Err(e.into()),
        Err(_) => Err(ApiError::Unavailable(1)),
    }
}

/// Prometheus metrics (see [`crate::metrics`]).
async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        crate::metrics::render(&state.store),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/yaml"),
        )],
        OPENAPI_YAML,
    )
        .into_response()
}

/// The error type for an error response that did not come from an [`ApiError`] (axum's own
/// rejections).
fn fallback_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "unauthorized",
        404 => "not_found",
        409 => "conflict",
        413 => "payload_too_large",
        429 => "rate_limited",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "invalid_request",
    }
}

/// The path as logged: a segment stays only when it cannot carry a secret (a route's literal
/// word such as `invites` or `app.js`, or an object id such as `inv_…`); any other segment (an
/// invite code in `/invite/ic_…`, or wherever a client put one, percent-encoded or not) becomes
/// `[redacted]`, so no code, key or token reaches the log through a path.
pub(crate) fn loggable_path(path: &str) -> String {
    fn literal(seg: &str) -> bool {
        seg.len() <= 32
            && seg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    }
    fn object_id(seg: &str) -> bool {
        seg.split_once('_').is_some_and(|(prefix, rest)| {
            ["inv", "mem", "org", "red", "req"].contains(&prefix)
                && rest.len() == 24
                && rest.bytes().all(|b| b.is_ascii_hexdigit())
        })
    }
    path.split('/')
        .map(|seg| {
            if seg.is_empty() || literal(seg) || object_id(seg) {
                seg
            } else {
                "[redacted]"
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Give every response an `x-request-id`, every error the JSON envelope, and log one line.
async fn envelope(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = new_id("req");
    let method = req.method().clone();
    let path = loggable_path(req.uri().path());
    // The route's template (`/v1/invites/{invite_id}`): the operation, with no id in it.
    let operation = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|m| format!("{method} {}", m.as_str()))
        .unwrap_or_else(|| "unmatched".to_string());
    let resp = next.run(req).await;
    let mut status = resp.status();
    let mut resp = if status.is_client_error() || status.is_server_error() {
        let (mut parts, body) = resp.into_parts();
        let err = match parts.extensions.remove::<ErrorBody>() {
            Some(e) => e,
            None => {
                let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
                let text = String::from_utf8_lossy(&text).trim().to_string();
                // axum answers 422 for bodies it cannot read as asked; the API says 400.
                if status == StatusCode::UNPROCESSABLE_ENTITY
                    || status == StatusCode::UNSUPPORTED_MEDIA_TYPE
                {
                    status = StatusCode::BAD_REQUEST;
                }
                let error_type = fallback_type(status);
                ErrorBody {
                    error_type,
                    message: if text.is_empty() {
                        status.canonical_reason().unwrap_or("error").to_string()
                    } else {
                        text
                    },
                    param: (error_type == "invalid_request").then(|| "body".to_string()),
                }
            }
        };
        let body = serde_json::json!({
            "error": {"type": err.error_type, "message": err.message, "param": err.param},
            "request_id": request_id,
        });
        parts.status = status;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        Response::from_parts(parts, Body::from(body.to_string()))
    } else {
        resp
    };
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    crate::metrics::record(&operation, status.as_u16(), started.elapsed().as_secs_f64());
    tracing::info!(
        request_id = %request_id,
        method = %method,
        path = %path,
        status = status.as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    resp
}
