//! The read operations: `listInvites`, `getInvite`, `listInviteRedemptions`,
//! `listInviteDeliveries`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;

use super::row::{InviteRow, STATUS_SQL, invite_cols};
use super::store::{load_invite, read_invite};
use crate::db::{Arg, now_ms};
use crate::email::Entry;
use crate::error::ApiError;
use crate::idempotency::Reply;
use crate::input::rfc3339;
use crate::routes::page::Keyset;
use crate::routes::{AppState, authenticate};

/// `listInvites`: newest first, filtered by derived status and by address.
pub(crate) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let now = now_ms();
    let cols = invite_cols(state.store.backend);
    let mut sql = format!("SELECT {cols} FROM invites WHERE organization_id = $1");
    let mut args = vec![Arg::Text(Some(caller.org_id.clone()))];
    if let Some(status) = q.get("status") {
        if !["pending", "accepted", "expired", "disabled", "revoked"].contains(&status.as_str()) {
            return Err(ApiError::invalid(
                "status",
                "status must be one of pending, accepted, expired, disabled, revoked",
            ));
        }
        args.push(Arg::Int(Some(now)));
        let now_p = args.len();
        args.push(Arg::Text(Some(status.clone())));
        sql.push_str(&format!(
            " AND {} = ${}",
            STATUS_SQL.replace("$NOW", &format!("${now_p}")),
            args.len()
        ));
    }
    if let Some(e) = q.get("email") {
        let entry = Entry::parse(e).map_err(|m| ApiError::invalid("email", m))?;
        args.push(Arg::Text(Some(entry.as_string())));
        sql.push_str(&format!(
            " AND id IN (SELECT invite_id FROM invite_emails WHERE organization_id = $1 AND email = ${})",
            args.len()
        ));
    }
    let page = keyset
        .fetch(&state.store, &sql, args, |r: &InviteRow| {
            (r.created_at, r.id.as_str())
        })
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(|r| r.to_json(now, None)),
    ))
}

/// `getInvite`.
pub(crate) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let row = read_invite(&state, &caller.org_id, &invite_id).await?;
    Ok(Reply::json(StatusCode::OK, &row.view(now_ms(), None)))
}

/// A redemption row: one accept of an invite.
#[derive(Debug)]
struct RedemptionRow {
    id: String,
    invite_id: String,
    member_id: String,
    email: String,
    user_id: Option<String>,
    created_at: i64,
}

crate::row_type!(
    RedemptionRow,
    REDEMPTION_COLS {
        id,
        invite_id,
        member_id,
        email,
        user_id,
        created_at
    }
);

/// `listInviteRedemptions`: who accepted this invite, newest first.
pub(crate) async fn redemptions(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    load_invite(&state.store, &caller.org_id, &invite_id).await?;
    let sql = format!(
        "SELECT {REDEMPTION_COLS} FROM redemptions WHERE invite_id = $1 AND organization_id = $2"
    );
    let args = vec![
        Arg::Text(Some(invite_id)),
        Arg::Text(Some(caller.org_id.clone())),
    ];
    let page = keyset
        .fetch(&state.store, &sql, args, |r: &RedemptionRow| {
            (r.created_at, r.id.as_str())
        })
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(|r| {
            json!({
                "id": r.id, "invite_id": r.invite_id, "member_id": r.member_id,
                "email": r.email, "user_id": r.user_id, "created_at": rfc3339(r.created_at),
            })
        }),
    ))
}

/// An outbox row as `listInviteDeliveries` shows it (never its sealed payload).
#[derive(Debug)]
struct DeliveryRow {
    id: String,
    email: String,
    status: String,
    attempts: i64,
    last_error: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
}

crate::row_type!(
    DeliveryRow,
    DELIVERY_COLS {
        id,
        email,
        status,
        attempts,
        last_error,
        created_at,
        sent_at
    }
);

/// `listInviteDeliveries`: this invite's emails, newest first.
pub(crate) async fn deliveries(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    load_invite(&state.store, &caller.org_id, &invite_id).await?;
    let sql = format!(
        "SELECT {DELIVERY_COLS} FROM email_outbox WHERE invite_id = $1 AND organization_id = $2"
    );
    let args = vec![
        Arg::Text(Some(invite_id)),
        Arg::Text(Some(caller.org_id.clone())),
    ];
    let page = keyset
        .fetch(&state.store, &sql, args, |r: &DeliveryRow| {
            (r.created_at, r.id.as_str())
        })
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(|r| {
            json!({
                "id": r.id, "email": r.email, "status": r.status, "attempts": r.attempts,
                "last_error": r.last_error, "created_at": rfc3339(r.created_at),
                "sent_at": r.sent_at.map(rfc3339),
            })
        }),
    ))
}
