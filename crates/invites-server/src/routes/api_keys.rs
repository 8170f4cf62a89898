//! `createApiKey`, `listApiKeys`, `revokeApiKey`, and the cache that authenticates keys.
//!
//! A key is checked against the database at most once every [`KeyCache::RECHECK`] per replica:
//! a revoked key is refused at once on the replica that revoked it (its entry is dropped) and
//! within that window on every other one. The same recheck records `last_used_at` (in the
//! background, never on the request's path), so a key in use costs one write per window, not one
//! per request.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::page::Keyset;
use super::post::{self, Route, Start};
use super::{AppState, authenticate};
use crate::db::{Arg, Store, now_ms, query};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::{check_len, parse_json, rfc3339};
use crate::secrets::{API_KEY_PREFIX, hash_secret, new_id, new_secret};

/// A key as the cache keeps it.
#[derive(Debug, Clone)]
pub struct CachedKey {
    /// The organization it belongs to.
    pub org_id: String,
    /// The key's id.
    pub key_id: String,
    checked: Instant,
}

/// Keys seen recently: key hash → its organization and id, as of the last database check.
#[derive(Debug, Default)]
pub struct KeyCache {
    map: std::sync::RwLock<HashMap<String, CachedKey>>,
}

impl KeyCache {
    /// How long an entry is trusted before the database is asked again (the bound on how long
    /// another replica keeps accepting a revoked key, and on `last_used_at`'s lag).
    pub const RECHECK: Duration = Duration::from_secs(2);
    /// Most entries kept; when full it starts over.
    const CAPACITY: usize = 10_000;

    fn fresh(&self, key_hash: &str) -> Option<CachedKey> {
        let map = self.map.read().ok()?;
        map.get(key_hash)
            .filter(|k| k.checked.elapsed() < Self::RECHECK)
            .cloned()
    }

    fn insert(&self, key_hash: &str, org_id: String, key_id: String) {
        if let Ok(mut map) = self.map.write() {
            if map.len() >= Self::CAPACITY {
                map.clear();
            }
            map.insert(
                key_hash.to_owned(),
                CachedKey {
                    org_id,
                    key_id,
                    checked: Instant::now(),
                },
            );
        }
    }

    /// Forget a key (revoked here).
    fn forget_id(&self, key_id: &str) {
        if let Ok(mut map) = self.map.write() {
            map.retain(|_, k| k.key_id != key_id);
        }
    }

    /// The key with this hash, from the cache or (at most once per [`Self::RECHECK`]) from the
    /// database; `None` for an unknown or revoked key.
    pub async fn lookup(
        &self,
        store: &Store,
        key_hash: &str,
    ) -> Result<Option<CachedKey>, ApiError> {
        if let Some(k) = self.fresh(key_hash) {
            return Ok(Some(k));
        }
        let row: Option<(String, String, Option<i64>)> =
            query("SELECT organization_id, id, revoked_at FROM api_keys WHERE key_hash = $1")
                .bind(key_hash)
                .fetch_optional(store)
                .await?;
        let Some((org_id, key_id, None)) = row else {
            if let Ok(mut map) = self.map.write() {
                map.remove(key_hash);
            }
            return Ok(None);
        };
        self.insert(key_hash, org_id.clone(), key_id.clone());
        record_use(store.clone(), key_hash.to_owned());
        Ok(self.fresh(key_hash))
    }
}

/// Record a use of the key in the background: one write per recheck window, never on the
/// request's path; a failure only delays `last_used_at`.
fn record_use(store: Store, key_hash: String) {
    tokio::spawn(async move {
        let now = now_ms();
        let result = async {
            let mut tx = store.begin_write().await?;
            query(
                "UPDATE api_keys SET last_used_at = $1 WHERE key_hash = $2 \
                 AND (last_used_at IS NULL OR last_used_at < $1)",
            )
            .bind(now)
            .bind(&key_hash)
            .execute(&mut tx)
            .await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not record an API key's last use");
        }
    });
}

#[derive(Debug)]
struct KeyRow {
    id: String,
    name: String,
    created_at: i64,
    last_used_at: Option<i64>,
    revoked_at: Option<i64>,
}

crate::row_type!(
    KeyRow,
    KEY_COLS {
        id,
        name,
        created_at,
        last_used_at,
        revoked_at
    }
);

impl KeyRow {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "created_at": rfc3339(self.created_at),
            "last_used_at": self.last_used_at.map(rfc3339),
            "revoked_at": self.revoked_at.map(rfc3339),
        })
    }
}

/// A new key row in `tx`; its secret.
pub(crate) async fn insert_key(
    tx: &mut crate::db::Tx,
    org_id: &str,
    name: &str,
    now: i64,
) -> Result<(String, String), ApiError> {
    let secret = new_secret(API_KEY_PREFIX);
    let id = new_id("key");
    query(
        "INSERT INTO api_keys (key_hash, organization_id, created_at, id, name) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_secret(&secret))
    .bind(org_id)
    .bind(now)
    .bind(&id)
    .bind(name)
    .execute(tx)
    .await?;
    Ok((id, secret))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiKeyCreate {
    name: String,
}

/// `createApiKey`.
pub(super) async fn create(
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
        let req: ApiKeyCreate = parse_json(&body)?;
        check_len("name", &req.name, 1, 200)?;
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        let now = now_ms();
        let (id, secret) = insert_key(&mut tx, &caller.org_id, &req.name, now).await?;
        let key = KeyRow {
            id,
            name: req.name,
            created_at: now,
            last_used_at: None,
            revoked_at: None,
        };
        crate::events::changed(
            &mut tx,
            &caller,
            "api_key.created",
            json!({"api_key": key.to_json()}),
        )
        .await?;
        let mut out = key.to_json();
        out["secret"] = json!(secret);
        idempotency::commit(tx, idem.as_ref(), Reply::json(StatusCode::CREATED, &out)).await
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// `listApiKeys`: newest first, revoked keys included.
pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let sql = format!("SELECT {KEY_COLS} FROM api_keys WHERE organization_id = $1");
    let page = keyset
        .fetch(
            &state.store,
            &sql,
            vec![Arg::Text(Some(caller.org_id.clone()))],
            |r: &KeyRow| (r.created_at, r.id.as_str()),
        )
        .await?;
    Ok(Reply::json(StatusCode::OK, &page.to_json(KeyRow::to_json)))
}

/// `revokeApiKey`: for good; repeating it answers the revoked key again. The organization's
/// last active key stays (409 `conflict`).
pub(super) async fn revoke(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(key_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let mut tx = state.store.begin_write().await?;
    // Serialize revocations per organization (PostgreSQL row lock; SQLite has one writer), so
    // two keys revoking each other cannot leave the organization with none.
    query("UPDATE organizations SET name = name WHERE id = $1")
        .bind(&caller.org_id)
        .execute(&mut tx)
        .await?;
    let key: KeyRow = query(format!(
        "SELECT {KEY_COLS} FROM api_keys WHERE id = $1 AND organization_id = $2"
    ))
    .bind(&key_id)
    .bind(&caller.org_id)
    .fetch_optional(&mut tx)
    .await?
    .ok_or_else(|| ApiError::not_found("API key"))?;
    if key.revoked_at.is_some() {
        tx.rollback().await?;
        return Ok(Reply::json(StatusCode::OK, &key.to_json()));
    }
    let (others,): (i64,) = query(
        "SELECT count(*) FROM api_keys WHERE organization_id = $1 AND revoked_at IS NULL AND id <> $2",
    )
    .bind(&caller.org_id)
    .bind(&key_id)
    .fetch_one(&mut tx)
    .await?;
    if others == 0 {
        return Err(ApiError::conflict(
            Some("key_id"),
            "this is the organization's last active API key: create another before revoking it",
        ));
    }
    let now = now_ms();
    query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND organization_id = $3")
        .bind(now)
        .bind(&key_id)
        .bind(&caller.org_id)
        .execute(&mut tx)
        .await?;
    let key = KeyRow {
        revoked_at: Some(now),
        ..key
    };
    crate::events::changed(
        &mut tx,
        &caller,
        "api_key.revoked",
        json!({"api_key": key.to_json()}),
    )
    .await?;
    tx.commit().await?;
    state.keys.forget_id(&key_id);
    Ok(Reply::json(StatusCode::OK, &key.to_json()))
}
