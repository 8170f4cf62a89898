//! The changes to one invite: `updateInvite`, `revokeInvite`, `rotateInviteCode`,
//! `resendInvite`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;

use super::audit;
use super::store::{check_no_pending, lock_invite, queue_emails};
use super::validate::{
    InviteResend, InviteUpdate, check_future, check_max_uses, check_public_expiry, check_roles,
    check_teams, check_text, check_ttl,
};
use crate::db::{now_ms, query};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::{parse_json, parse_json_nullable};
use crate::outbox::cancel_queued;
use crate::routes::organizations::load_org;
use crate::routes::post::{self, Route, Start};
use crate::routes::{AppState, authenticate};
use crate::secrets::{invite_code_key, new_invite_code};

/// `updateInvite`: omitted fields stay as they are.
pub(crate) async fn update(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    // roles and teams are nullable in the spec (null: unchanged).
    let req: InviteUpdate = parse_json_nullable(&body, &["roles", "teams"])?;
    let now = now_ms();
    check_text("name", &req.name, 200)?;
    check_text("description", &req.description, 2000)?;
    check_text("message", &req.message, 2000)?;
    let org = load_org(&state, &caller.org_id).await?;
    let org_roles = &org.1;
    let roles = req
        .roles
        .as_deref()
        .map(|r| check_roles(r, org_roles))
        .transpose()?;
    let teams = match req.teams {
        Some(t) => Some(check_teams(Some(t))?),
        None => None,
    };
    let expires_at = req
        .expires_at
        .as_deref()
        .map(|raw| check_future("expires_at", raw, now))
        .transpose()?;
    let max_uses = req.max_uses.map(check_max_uses).transpose()?;

    let mut tx = state.store.begin_write().await?;
    let mut row = lock_invite(&mut tx, &caller.org_id, &invite_id).await?;
    if row.revoked_at.is_some() {
        return Err(ApiError::InviteRevoked);
    }
    if let Some(t) = expires_at
        && row.entries().is_empty()
    {
        check_public_expiry(t, now)?;
    }
    if let Some(m) = max_uses
        && m < row.use_count
    {
        return Err(ApiError::invalid(
            "max_uses",
            format!("max_uses cannot go below use_count ({})", row.use_count),
        ));
    }
    let changed = req.name.is_some()
        || req.description.is_some()
        || req.message.is_some()
        || roles.is_some()
        || teams.is_some()
        || expires_at.is_some()
        || max_uses.is_some()
        || req.enabled.is_some();
    if !changed {
        return Ok(Reply::json(StatusCode::OK, &row.view(now, None)));
    }
    let was_pending = row.status(now) == "pending";
    if let Some(v) = req.name {
        row.name = Some(v);
    }
    if let Some(v) = req.description {
        row.description = Some(v);
    }
    if let Some(v) = req.message {
        row.message = Some(v);
    }
    if let Some(v) = roles {
        row.roles = json!(v).to_string();
    }
    if let Some(v) = teams {
        row.teams = json!(v).to_string();
    }
    if expires_at.is_some() {
        row.expires_at = expires_at;
    }
    if max_uses.is_some() {
        row.max_uses = max_uses;
    }
    if let Some(v) = req.enabled {
        row.enabled = i64::from(v);
    }
    row.updated_at = now;
    if !was_pending && row.status(now) == "pending" {
        // Becoming pending again (enabled, extended, more uses) must not make a second pending
        // invite for one of its addresses.
        check_no_pending(&mut tx, &caller.org_id, &row.entries(), now).await?;
    }
    query(
        "UPDATE invites SET name = $1, description = $2, message = $3, roles = $4, teams = $5, \
         expires_at = $6, max_uses = $7, enabled = $8, updated_at = $9, use_count = $11, \
         last_used_at = $12 WHERE id = $10",
    )
    .bind(&row.name)
    .bind(&row.description)
    .bind(&row.message)
    .bind(&row.roles)
    .bind(&row.teams)
    .bind(row.expires_at)
    .bind(row.max_uses)
    .bind(row.enabled)
    .bind(row.updated_at)
    .bind(&row.id)
    .bind(row.use_count)
    .bind(row.last_used_at)
    .execute(&mut tx)
    .await?;
    // The uses counted in shards (unlimited invites on PostgreSQL) move into the row, which
    // `row` read under the row lock, so that a max_uses set now counts them.
    query("DELETE FROM invite_use_shards WHERE invite_id = $1")
        .bind(&row.id)
        .execute(&mut tx)
        .await?;
    audit::invite(&mut tx, &caller, "invite.updated", &row, now).await?;
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &row.view(now, None)))
}

/// `revokeInvite`: for good; repeating it is harmless.
pub(crate) async fn revoke(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let now = now_ms();
    let mut tx = state.store.begin_write().await?;
    let mut row = lock_invite(&mut tx, &caller.org_id, &invite_id).await?;
    if row.revoked_at.is_none() {
        query("UPDATE invites SET revoked_at = $1, updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&row.id)
            .execute(&mut tx)
            .await?;
        row.revoked_at = Some(now);
        row.updated_at = now;
        cancel_queued(&mut tx, &row.id, "not sent: the invite was revoked").await?;
        audit::invite(&mut tx, &caller, "invite.revoked", &row, now).await?;
    }
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &row.view(now, None)))
}

/// `rotateInviteCode`: a new code; the old one stops working at once.
pub(crate) async fn rotate(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
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
        let now = now_ms();
        let mut row = lock_invite(&mut tx, &caller.org_id, &invite_id).await?;
        if row.revoked_at.is_some() {
            return Err(ApiError::InviteRevoked);
        }
        let code = new_invite_code();
        row.code_hash = invite_code_key(&code);
        row.updated_at = now;
        query("UPDATE invites SET code_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(&row.code_hash)
            .bind(now)
            .bind(&row.id)
            .execute(&mut tx)
            .await?;
        cancel_queued(
            &mut tx,
            &row.id,
            "not sent: the code was rotated (its link no longer works)",
        )
        .await?;
        audit::invite(&mut tx, &caller, "invite.code_rotated", &row, now).await?;
        let reply = Reply::json(
            StatusCode::OK,
            &row.view(now, Some((&code, &state.public_url))),
        );
        idempotency::commit(tx, idem.as_ref(), reply).await
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// `resendInvite`: a new code (the old one stops working at once), an optional new expiry, and
/// one new email per exact address that has not accepted, queued in the same transaction.
pub(crate) async fn resend(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    let result: Result<Reply, ApiError> = async {
        // The spec requires a body (`{}` asks for nothing more); whitespace is not JSON
        // (found by schemathesis: a body of `\r` was read as `{}`).
        let req: InviteResend = parse_json(&body)?;
        let now = now_ms();
        let new_expiry = match (req.ttl_seconds, req.expires_at.as_deref()) {
            (Some(_), Some(_)) => {
                return Err(ApiError::invalid(
                    "ttl_seconds",
                    "give at most one of ttl_seconds and expires_at",
                ));
            }
            (Some(ttl), None) => Some(now + check_ttl(ttl)?),
            (None, Some(raw)) => Some(check_future("expires_at", raw, now)?),
            (None, None) => None,
        };
        let org = load_org(&state, &caller.org_id).await?;
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        let mut row = lock_invite(&mut tx, &caller.org_id, &invite_id).await?;
        if state.mailer.is_none() {
            return Err(ApiError::conflict(
                None,
                "this server has no email transport (--smtp-url or --email-dir) to resend with; \
                 rotate the code instead",
            ));
        }
        let was = row.status(now);
        if let Some(t) = new_expiry {
            if row.entries().is_empty() {
                check_public_expiry(t, now)?;
            }
            row.expires_at = Some(t);
        }
        match row.status(now) {
            "pending" => {}
            "expired" => {
                return Err(ApiError::conflict(
                    None,
                    "the invite has expired; give ttl_seconds or expires_at to resend it",
                ));
            }
            other => {
                return Err(ApiError::conflict(
                    None,
                    format!(
                        "the invite is {other}; only a pending or expired invite can be resent"
                    ),
                ));
            }
        }
        if was != "pending" {
            // An expired invite coming back must not make a second pending invite for one of
            // its addresses.
            check_no_pending(&mut tx, &caller.org_id, &row.entries(), now).await?;
        }
        let code = new_invite_code();
        row.code_hash = invite_code_key(&code);
        row.updated_at = now;
        query("UPDATE invites SET code_hash = $1, expires_at = $2, updated_at = $3 WHERE id = $4")
            .bind(&row.code_hash)
            .bind(row.expires_at)
            .bind(now)
            .bind(&row.id)
            .execute(&mut tx)
            .await?;
        cancel_queued(
            &mut tx,
            &row.id,
            "not sent: superseded by a resend (its link no longer works)",
        )
        .await?;
        let accepted: Vec<String> =
            query("SELECT email FROM redemptions WHERE invite_id = $1 AND organization_id = $2")
                .bind(&row.id)
                .bind(&caller.org_id)
                .fetch_all::<(String,)>(&mut tx)
                .await?
                .into_iter()
                .map(|(e,)| e)
                .collect();
        let queued = queue_emails(
            &mut tx,
            &state,
            &org.0,
            &row,
            &code,
            None,
            Some(&accepted),
            now,
        )
        .await?;
        audit::invite(&mut tx, &caller, "invite.resent", &row, now).await?;
        let reply = Reply::json(
            StatusCode::OK,
            &row.view(now, Some((&code, &state.public_url))),
        );
        let reply = idempotency::commit(tx, idem.as_ref(), reply).await?;
        state.wake_mailer(queued);
        Ok(reply)
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}
