//! The webhook endpoint operations: create, list, get, update, delete, rotate the secret, and
//! the attempt log (`listWebhookDeliveries`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{sign, ssrf};
use crate::db::{Arg, Backend, Tx, now_ms, query};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::{check_len, parse_json, parse_json_nullable, rfc3339};
use crate::routes::page::Keyset;
use crate::routes::post::{self, Route, Start};
use crate::routes::{AppState, authenticate};
use crate::secrets::new_id;

/// The most endpoints an organization may have (each event is sent once per endpoint).
pub const MAX_ENDPOINTS: i64 = 20;

/// How long the old secret keeps signing after a rotation.
pub const ROTATION_OVERLAP: Duration = Duration::from_secs(24 * 3600);

/// An endpoint row, as the API shows it (never its secrets).
#[derive(Debug)]
pub(crate) struct EndpointRow {
    pub id: String,
    pub url: String,
    pub description: Option<String>,
    pub event_types: String,
    pub enabled: i64,
    pub disabled_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

crate::row_type!(
    EndpointRow,
    ENDPOINT_COLS {
        id,
        url,
        description,
        event_types,
        enabled,
        disabled_reason,
        created_at,
        updated_at
    }
);

impl EndpointRow {
    fn types(&self) -> Vec<String> {
        serde_json::from_str(&self.event_types).unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "url": self.url,
            "event_types": self.types(),
            "description": self.description,
            "enabled": self.enabled != 0,
            "disabled_reason": self.disabled_reason,
            "created_at": rfc3339(self.created_at),
            "updated_at": rfc3339(self.updated_at),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointCreate {
    url: String,
    #[serde(default)]
    event_types: Vec<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointUpdate {
    url: Option<String>,
    event_types: Option<Vec<String>>,
    description: Option<String>,
    enabled: Option<bool>,
}

/// The URL as it will be stored, checked (form, scheme, addresses it resolves to).
async fn checked_url(state: &AppState, raw: &str) -> Result<String, ApiError> {
    check_len("url", raw, 1, 2000)?;
    let allow = state.webhooks.allow_insecure;
    let url = ssrf::check_url(raw.trim(), allow).map_err(|m| ApiError::invalid("url", m))?;
    ssrf::check_resolved(&url, allow)
        .await
        .map_err(|m| ApiError::invalid("url", m))?;
    Ok(url.to_string())
}

/// The event types as stored: known types, each once, in the order given.
fn checked_types(types: &[String]) -> Result<String, ApiError> {
    if types.len() > 50 {
        return Err(ApiError::invalid(
            "event_types",
            "event_types holds at most 50 types",
        ));
    }
    let mut out: Vec<&str> = Vec::new();
    for (i, t) in types.iter().enumerate() {
        if !crate::events::TYPES.contains(&t.as_str()) {
            return Err(ApiError::invalid(
                format!("event_types[{i}]"),
                format!(
                    "event_types[{i}] must be one of {}",
                    crate::events::TYPES.join(", ")
                ),
            ));
        }
        if !out.contains(&t.as_str()) {
            out.push(t);
        }
    }
    Ok(serde_json::to_string(&out).expect("strings serialize"))
}

fn checked_description(d: Option<String>) -> Result<Option<String>, ApiError> {
    match d {
        Some(d) => {
            check_len("description", &d, 0, 500)?;
            Ok(Some(d).filter(|d| !d.is_empty()))
        }
        None => Ok(None),
    }
}

/// The caller's endpoint `id`, locked for the rest of `tx` on PostgreSQL; 404 if none.
async fn load(tx: &mut Tx, org_id: &str, id: &str, lock: bool) -> Result<EndpointRow, ApiError> {
    let suffix = if lock && tx.backend() == crate::db::Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    query(format!(
        "SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE id = $1 AND organization_id = $2{suffix}"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| ApiError::not_found("webhook endpoint"))
}

/// `createWebhookEndpoint`: 201 with the secret, shown only here.
pub(crate) async fn create(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    let result: Result<Reply, ApiError> = async {
        let req: EndpointCreate = parse_json(&body)?;
        let url = checked_url(&state, &req.url).await?;
        let event_types = checked_types(&req.event_types)?;
        let description = checked_description(req.description)?;
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        // Serialize creations per organization (PostgreSQL row lock; SQLite has one writer),
        // so two at once cannot pass the limit together.
        query("UPDATE organizations SET name = name WHERE id = $1")
            .bind(&caller.org_id)
            .execute(&mut tx)
            .await?;
        // PostgreSQL: wait for a dispatch under way, and keep the next one out until this
        // commits. The endpoint hears the events made since its `created_at` (taken below); a
        // dispatch that read the queue while this insert was not yet visible would hand such
        // events to the organization's other endpoints only. (SQLite: the dispatch is a write
        // and writes take turns.)
        if tx.backend() == Backend::Postgres {
            query("SELECT pg_advisory_xact_lock($1)")
                .bind(super::worker::DISPATCH_LOCK)
                .execute(&mut tx)
                .await?;
        }
        let (n,): (i64,) =
            query("SELECT count(*) FROM webhook_endpoints WHERE organization_id = $1")
                .bind(&caller.org_id)
                .fetch_one(&mut tx)
                .await?;
        if n >= MAX_ENDPOINTS {
            return Err(ApiError::conflict(
                None,
                format!(
                    "the organization has {MAX_ENDPOINTS} webhook endpoints, the most allowed: \
                     delete one first"
                ),
            ));
        }
        let now = now_ms();
        let id = new_id("we");
        let secret = sign::new_secret();
        let sealed = state.webhooks.key.sealer(&id).seal(secret.as_bytes());
        query(
            "INSERT INTO webhook_endpoints (id, organization_id, url, description, event_types, \
             enabled, secret, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)",
        )
        .bind(&id)
        .bind(&caller.org_id)
        .bind(&url)
        .bind(description.clone())
        .bind(&event_types)
        .bind(&sealed)
        .bind(now)
        .execute(&mut tx)
        .await?;
        let row = EndpointRow {
            id,
            url,
            description,
            event_types,
            enabled: 1,
            disabled_reason: None,
            created_at: now,
            updated_at: now,
        };
        let mut out = row.to_json();
        out["secret"] = json!(secret);
        tracing::info!(endpoint_id = %row.id, "webhook endpoint created");
        idempotency::commit(tx, idem.as_ref(), Reply::json(StatusCode::CREATED, &out)).await
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// `listWebhookEndpoints`: newest first.
pub(crate) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let sql = format!("SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE organization_id = $1");
    let page = keyset
        .fetch(
            &state.store,
            &sql,
            vec![Arg::Text(Some(caller.org_id.clone()))],
            |r: &EndpointRow| (r.created_at, r.id.as_str()),
        )
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(EndpointRow::to_json),
    ))
}

/// `getWebhookEndpoint`.
pub(crate) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let row: EndpointRow = query(format!(
        "SELECT {ENDPOINT_COLS} FROM webhook_endpoints WHERE id = $1 AND organization_id = $2"
    ))
    .bind(&id)
    .bind(&caller.org_id)
    .fetch_optional(&state.store)
    .await?
    .ok_or_else(|| ApiError::not_found("webhook endpoint"))?;
    Ok(Reply::json(StatusCode::OK, &row.to_json()))
}

/// `updateWebhookEndpoint`: omitted fields stay; enabling clears what the server disabled it
/// for and lets it be tried at once.
pub(crate) async fn update(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let req: EndpointUpdate = parse_json_nullable(&body, &["event_types"])?;
    let url = match &req.url {
        Some(u) => Some(checked_url(&state, u).await?),
        None => None,
    };
    let types = req.event_types.as_deref().map(checked_types).transpose()?;
    let description = match req.description {
        Some(d) => Some(checked_description(Some(d))?),
        None => None,
    };
    let mut tx = state.store.begin_write().await?;
    let mut row = load(&mut tx, &caller.org_id, &id, true).await?;
    if let Some(u) = url {
        row.url = u;
    }
    if let Some(t) = types {
        row.event_types = t;
    }
    if let Some(d) = description {
        row.description = d;
    }
    let enable = req.enabled == Some(true) && row.enabled == 0;
    if let Some(e) = req.enabled {
        row.enabled = i64::from(e);
        row.disabled_reason = None;
    }
    row.updated_at = now_ms();
    let reset = if enable {
        ", failing_since = NULL, retry_at = 0"
    } else {
        ""
    };
    query(format!(
        "UPDATE webhook_endpoints SET url = $1, event_types = $2, description = $3, enabled = $4, \
         disabled_reason = $5, updated_at = $6{reset} WHERE id = $7 AND organization_id = $8"
    ))
    .bind(&row.url)
    .bind(&row.event_types)
    .bind(row.description.clone())
    .bind(row.enabled)
    .bind(row.disabled_reason.clone())
    .bind(row.updated_at)
    .bind(&row.id)
    .bind(&caller.org_id)
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &row.to_json()))
}

/// `deleteWebhookEndpoint`: the endpoint, its pending deliveries and its attempt log.
pub(crate) async fn delete(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let mut tx = state.store.begin_write().await?;
    let row = load(&mut tx, &caller.org_id, &id, true).await?;
    for table in ["webhook_deliveries", "webhook_attempts"] {
        query(format!("DELETE FROM {table} WHERE endpoint_id = $1"))
            .bind(&id)
            .execute(&mut tx)
            .await?;
    }
    query("DELETE FROM webhook_endpoints WHERE id = $1")
        .bind(&id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    tracing::info!(endpoint_id = %id, "webhook endpoint deleted");
    Ok(Reply::json(StatusCode::OK, &row.to_json()))
}

/// `rotateWebhookSecret`: a new secret; the one it replaces keeps signing for
/// [`ROTATION_OVERLAP`] (an older one still overlapping stops at once).
pub(crate) async fn rotate_secret(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    let result: Result<Reply, ApiError> = async {
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        let mut row = load(&mut tx, &caller.org_id, &id, true).await?;
        let now = now_ms();
        let secret = sign::new_secret();
        let sealed = state.webhooks.key.sealer(&id).seal(secret.as_bytes());
        query(
            "UPDATE webhook_endpoints SET previous_secret = secret, previous_expires_at = $1, \
             secret = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(now + ROTATION_OVERLAP.as_millis() as i64)
        .bind(&sealed)
        .bind(now)
        .bind(&id)
        .execute(&mut tx)
        .await?;
        row.updated_at = now;
        let mut out = row.to_json();
        out["secret"] = json!(secret);
        tracing::info!(endpoint_id = %id, "webhook secret rotated");
        idempotency::commit(tx, idem.as_ref(), Reply::json(StatusCode::OK, &out)).await
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// An attempt row.
#[derive(Debug)]
struct AttemptRow {
    id: String,
    endpoint_id: String,
    event_id: String,
    event_type: String,
    attempt: i64,
    status_code: Option<i64>,
    error: Option<String>,
    duration_ms: i64,
    created_at: i64,
}

crate::row_type!(
    AttemptRow,
    ATTEMPT_COLS {
        id,
        endpoint_id,
        event_id,
        event_type,
        attempt,
        status_code,
        error,
        duration_ms,
        created_at
    }
);

impl AttemptRow {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "endpoint_id": self.endpoint_id,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "attempt": self.attempt,
            "status_code": self.status_code,
            "error": self.error,
            "duration_ms": self.duration_ms,
            "created_at": rfc3339(self.created_at),
        })
    }
}

/// `listWebhookDeliveries`: the endpoint's attempts, newest first.
pub(crate) async fn deliveries(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let found: Option<(String,)> =
        query("SELECT id FROM webhook_endpoints WHERE id = $1 AND organization_id = $2")
            .bind(&id)
            .bind(&caller.org_id)
            .fetch_optional(&state.store)
            .await?;
    if found.is_none() {
        return Err(ApiError::not_found("webhook endpoint"));
    }
    let sql = format!("SELECT {ATTEMPT_COLS} FROM webhook_attempts WHERE endpoint_id = $1");
    let page = keyset
        .fetch(
            &state.store,
            &sql,
            vec![Arg::Text(Some(id))],
            |r: &AttemptRow| (r.created_at, r.id.as_str()),
        )
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(AttemptRow::to_json),
    ))
}
