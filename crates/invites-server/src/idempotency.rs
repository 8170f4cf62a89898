//! `Idempotency-Key` on every POST.
//!
//! A key is scoped to the caller (an organization, or the admin token) and bound to a hash of
//! method, path and body. The first request claims the key by inserting its row as the first
//! statement of its write transaction and records its response in that same transaction, so the
//! effect and the stored response commit together or not at all. A concurrent request with the
//! same key blocks on that insert (SQLite: the write lock; PostgreSQL: the unique index) and then
//! replays the committed response. An error that is the outcome of a request that ran (403, 404,
//! 409, 410) is stored too, by [`settle`], in a transaction of its own after the one that decided
//! it rolled back, so a retry replays it whatever changed meanwhile; errors of requests that
//! never ran (400, 401, 413, 429, 5xx) are not stored, and a retry is evaluated afresh.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::db::{Store, Tx, now_ms, query};
use crate::error::{ApiError, ErrorBody};
use crate::secrets::{Sealer, hash_parts};

/// How long keys are kept.
pub const KEY_TTL: Duration = Duration::from_secs(24 * 3600);

/// A successful JSON answer, as sent and as stored for replays.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The JSON body.
    pub body: String,
}

impl Reply {
    /// A reply with this status and JSON value.
    pub fn json(status: StatusCode, value: &impl serde::Serialize) -> Reply {
        Reply {
            status,
            // Only maps with text keys are answered, which always serialize.
            body: serde_json::to_string(value).unwrap_or_else(|_| "null".into()),
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        // A replayed error answer goes out through the error envelope like a fresh one.
        let error = (self.status.is_client_error() || self.status.is_server_error())
            .then(|| ErrorBody::from_stored(&self.body))
            .flatten();
        let mut r = (self.status, self.body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(e) = error {
            r.extensions_mut().insert(e);
        }
        r
    }
}

/// The idempotency key of one request.
#[derive(Clone)]
pub struct Idem {
    scope: String,
    key: String,
    hash: String,
    /// The caller's bearer token: stored replies are sealed under a key derived from it (and
    /// the idempotency key), so a reply holding a new API key or invite code is never stored in
    /// clear, and the database alone cannot open it.
    token: String,
}

impl std::fmt::Debug for Idem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Idem")
            .field("scope", &self.scope)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// The start of a write: a transaction to do it in, or the stored answer of an earlier one.
pub enum Begun {
    /// Go ahead in this transaction (the key, if any, is claimed in it).
    Tx(Tx),
    /// The same request was answered before: send this again.
    Replay(Reply),
}

impl Idem {
    /// The request's key, if it sent one (an empty header is none).
    pub fn from_request(
        headers: &HeaderMap,
        scope: &str,
        method: &str,
        path: &str,
        body: &[u8],
    ) -> Result<Option<Idem>, ApiError> {
        let Some(v) = headers.get("idempotency-key") else {
            return Ok(None);
        };
        // Any value the header can carry: visible ASCII of up to 255 bytes is kept as it is,
        // anything else as the SHA-256 of its bytes (distinct keys stay distinct). An empty
        // value is no key.
        let bytes = v.as_bytes().trim_ascii();
        if bytes.is_empty() {
            return Ok(None);
        }
        let key = match std::str::from_utf8(bytes) {
            Ok(k) if k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic() || b == b' ') => {
                k.to_owned()
            }
            _ => format!("sha256:{}", hash_parts(&[bytes])),
        };
        Ok(Some(Idem {
            scope: scope.to_string(),
            key,
            hash: hash_parts(&[method.as_bytes(), path.as_bytes(), body]),
            token: crate::routes::bearer(headers)
                .unwrap_or_default()
                .to_string(),
        }))
    }

    fn sealer(&self) -> Sealer {
        Sealer::new(
            self.token.as_bytes(),
            hash_parts(&[self.scope.as_bytes(), self.key.as_bytes()]).as_bytes(),
        )
    }

    async fn find(&self, store: &Store) -> Result<Option<Reply>, ApiError> {
        let cutoff = now_ms() - KEY_TTL.as_millis() as i64;
        let row: Option<(String, i64, String)> = query(
            "SELECT request_hash, status, body FROM idempotency_keys \
             WHERE scope = $1 AND idem_key = $2 AND created_at >= $3",
        )
        .bind(&self.scope)
        .bind(&self.key)
        .bind(cutoff)
        .fetch_optional(store)
        .await?;
        let Some((hash, status, body)) = row else {
            return Ok(None);
        };
        if hash != self.hash {
            return Err(ApiError::conflict(
                Some("Idempotency-Key"),
                "this Idempotency-Key was used with another request; use a new key",
            ));
        }
        let status = u16::try_from(status)
            .ok()
            .and_then(|s| StatusCode::from_u16(s).ok())
            .ok_or_else(|| anyhow::anyhow!("stored idempotent status {status} is not a status"))?;
        let body = self
            .sealer()
            .open(&body)
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| {
                ApiError::conflict(
                    Some("Idempotency-Key"),
                    "this Idempotency-Key was used with another credential; use a new key",
                )
            })?;
        Ok(Some(Reply { status, body }))
    }
}

/// The stored answer for this key, if the same request was answered before; 409 when the key
/// was used with another request.
pub async fn replay(store: &Store, idem: Option<&Idem>) -> Result<Option<Reply>, ApiError> {
    match idem {
        Some(idem) => idem.find(store).await,
        None => Ok(None),
    }
}

/// Start a write for a request with an optional key.
pub async fn begin(store: &Store, idem: Option<&Idem>) -> Result<Begun, ApiError> {
    let Some(idem) = idem else {
        return Ok(Begun::Tx(store.begin_write().await?));
    };
    if let Some(reply) = idem.find(store).await? {
        return Ok(Begun::Replay(reply));
    }
    let mut tx = store.begin_write().await?;
    let now = now_ms();
    query("DELETE FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 AND created_at < $3")
        .bind(&idem.scope)
        .bind(&idem.key)
        .bind(now - KEY_TTL.as_millis() as i64)
        .execute(&mut tx)
        .await?;
    let claimed = query(
        "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, body, created_at) \
         VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING",
    )
    .bind(&idem.scope)
    .bind(&idem.key)
    .bind(&idem.hash)
    .bind(now)
    .execute(&mut tx)
    .await?
        == 1;
    if claimed {
        return Ok(Begun::Tx(tx));
    }
    // Someone else committed this key meanwhile.
    tx.rollback().await?;
    match idem.find(store).await? {
        Some(reply) => Ok(Begun::Replay(reply)),
        None => Err(ApiError::conflict(
            Some("Idempotency-Key"),
            "a request with this Idempotency-Key is in progress; retry later",
        )),
    }
}

/// Record the reply under the key (if any) and commit the transaction with it.
pub async fn commit(mut tx: Tx, idem: Option<&Idem>, reply: Reply) -> Result<Reply, ApiError> {
    if let Some(idem) = idem {
        query(
            "UPDATE idempotency_keys SET status = $1, body = $2 WHERE scope = $3 AND idem_key = $4",
        )
        .bind(i64::from(reply.status.as_u16()))
        .bind(idem.sealer().seal(reply.body.as_bytes()))
        .bind(&idem.scope)
        .bind(&idem.key)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(reply)
}

/// The answer of a request that ran, with its optional key: a success was stored by [`commit`];
/// an error that is the request's outcome ([`ApiError::is_outcome`]) is stored here, so a retry
/// with the same key replays it. When a twin with the same key committed first, its answer is
/// this request's answer.
pub async fn settle(
    store: &Store,
    idem: Option<&Idem>,
    result: Result<Reply, ApiError>,
) -> Result<Reply, ApiError> {
    let (Some(idem), Err(e)) = (idem, &result) else {
        return result;
    };
    if !e.is_outcome() {
        return result;
    }
    let reply = Reply::json(e.status(), &e.to_json());
    let mut tx = store.begin_write().await?;
    let now = now_ms();
    query("DELETE FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 AND created_at < $3")
        .bind(&idem.scope)
        .bind(&idem.key)
        .bind(now - KEY_TTL.as_millis() as i64)
        .execute(&mut tx)
        .await?;
    let stored = query(
        "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&idem.scope)
    .bind(&idem.key)
    .bind(&idem.hash)
    .bind(i64::from(reply.status.as_u16()))
    .bind(idem.sealer().seal(reply.body.as_bytes()))
    .bind(now)
    .execute(&mut tx)
    .await?
        == 1;
    if stored {
        tx.commit().await?;
        return result;
    }
    tx.rollback().await?;
    match idem.find(store).await? {
        Some(twin) => Ok(twin),
        None => result,
    }
}
