//! Redeeming codes: `lookupInvite` and `acceptInvite`, and the limits on failed attempts.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;

use super::row::{INVITE_COLS, InviteRow, json_value};
use super::store::{find_by_code, load_invite};
use super::validate::{AcceptRequest, LookupRequest, check_text};
use crate::db::{self, FromRow, Row, now_ms, query};
use crate::email;
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::{check_len, parse_json, rfc3339};
use crate::routes::members::{MEMBER_COLS, MemberRow};
use crate::routes::organizations::load_org;
use crate::routes::post::{self, Route, Start};
use crate::routes::{AppState, Caller};
use crate::secrets::{hash_secret, new_id};

/// A code of 1 to 128 characters.
fn check_code(code: &str) -> Result<(), ApiError> {
    check_len("code", code, 1, 128)
}

/// Count a failed attempt (an unknown code, or an address the invite does not allow) against
/// the caller's key and against the code.
fn record_failure(state: &AppState, caller: &Caller, code: &str) {
    state.limiter.record_failure(&caller.key_hash);
    state.code_limiter.record_failure(&hash_secret(code));
}

/// Count a failed attempt with an unknown code; the 404 to answer.
fn failed(state: &AppState, caller: &Caller, code: &str) -> ApiError {
    record_failure(state, caller, code);
    ApiError::NotFound("no invite has this code".into())
}

/// 429 when this code had too many failed attempts in the current window.
fn check_code_attempts(state: &AppState, code: &str) -> Result<(), ApiError> {
    state.code_limiter.check(&hash_secret(code))
}

/// `lookupInvite`: what a landing page may show about a code; consumes nothing.
pub(crate) async fn lookup(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    state.limiter.check(&caller.key_hash)?;
    let req: LookupRequest = parse_json(&body)?;
    check_code(&req.code)?;
    check_code_attempts(&state, &req.code)?;
    let row = find_by_code(&state, &caller.org_id, &req.code)
        .await?
        .ok_or_else(|| failed(&state, &caller, &req.code))?;
    let org = load_org(&state, &caller.org_id).await?;
    let org_name = &org.0;
    let now = now_ms();
    let reply = Reply::json(
        StatusCode::OK,
        &json!({
            "organization_id": row.organization_id,
            "organization_name": org_name,
            "roles": json_value(&row.roles),
            "teams": json_value(&row.teams),
            "message": row.message,
            "expires_at": row.expires_at.map(rfc3339),
            "status": row.status(now),
            "email_restricted": !row.entries().is_empty(),
        }),
    );
    if idem.is_none() {
        return Ok(reply);
    }
    let tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
        Begun::Replay(r) => return Ok(r),
        Begun::Tx(tx) => tx,
    };
    idempotency::commit(tx, idem.as_ref(), reply).await
}

/// An invite found by its code for an accept, with the member the accepting address already
/// is in the organization, if any (one read for both).
struct Found {
    invite: InviteRow,
    member_id: Option<String>,
}

impl FromRow for Found {
    fn from_row(row: &mut Row) -> Result<Self, db::Error> {
        Ok(Found {
            invite: InviteRow::from_row(row)?,
            member_id: row.take()?,
        })
    }
}

/// The checks of an accept that need no lock, in the documented order.
fn accept_checks(found: &Found, address: &str, now: i64) -> Result<(), ApiError> {
    let row = &found.invite;
    // An address the invite admits that is already a member hears exactly that, whatever the
    // invite's state (a used single-use invite accepted again by its own invitee included).
    let allowed = email::allowed(&row.entries(), address);
    if allowed && let Some(id) = &found.member_id {
        return Err(ApiError::AlreadyMember(format!(
            "{address} is already member {id}"
        )));
    }
    if let Some(e) = row.unusable(now) {
        return Err(e);
    }
    if !allowed {
        return Err(ApiError::EmailNotAllowed);
    }
    Ok(())
}

/// `acceptInvite`: redeem a code for an address the caller's backend has verified.
pub(crate) async fn accept(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    state.limiter.check(&caller.key_hash)?;
    let req: AcceptRequest = parse_json(&body)?;
    check_code(&req.code)?;
    check_len("email", &req.email, 3, 254)?;
    check_text("user_id", &req.user_id, 200)?;
    let address =
        email::normalize_address(&req.email).map_err(|m| ApiError::invalid("email", m))?;
    check_code_attempts(&state, &req.code)?;
    let found: Found = query(format!(
        "SELECT {INVITE_COLS}, \
         (SELECT id FROM members WHERE organization_id = $2 AND email = $3) \
         FROM invites WHERE code_hash = $1 AND organization_id = $2"
    ))
    .bind(hash_secret(&req.code))
    .bind(&caller.org_id)
    .bind(&address)
    .fetch_optional(&state.store)
    .await?
    .ok_or_else(|| failed(&state, &caller, &req.code))?;
    if let Err(e) = accept_checks(&found, &address, now_ms()) {
        // A twin with the same key (on any replica) may have committed since the replay check
        // above: its member, or its taking the last use, is what failed these checks, and its
        // stored answer is this request's answer.
        if let Some(r) = idempotency::replay(&state.store, idem.as_ref()).await? {
            return Ok(r);
        }
        if matches!(e, ApiError::EmailNotAllowed) {
            record_failure(&state, &caller, &req.code);
        }
        return Err(e);
    }

    let row = found.invite;
    let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
        Begun::Replay(r) => return Ok(r),
        Begun::Tx(tx) => tx,
    };
    let now = now_ms();
    // The one atomic, conditional claim of a use: exact under any concurrency.
    let claimed = query(
        "UPDATE invites SET use_count = use_count + 1, last_used_at = $1, updated_at = $1 \
         WHERE id = $2 AND organization_id = $3 AND code_hash = $4 AND revoked_at IS NULL \
         AND enabled = 1 AND (expires_at IS NULL OR expires_at > $1) \
         AND (max_uses IS NULL OR use_count < max_uses)",
    )
    .bind(now)
    .bind(&row.id)
    .bind(&caller.org_id)
    .bind(&row.code_hash)
    .execute(&mut tx)
    .await?
        == 1;
    if !claimed {
        tx.rollback().await?;
        let fresh = load_invite(&state.store, &caller.org_id, &row.id).await?;
        if fresh.code_hash != row.code_hash {
            return Err(failed(&state, &caller, &req.code));
        }
        return Err(fresh.unusable(now).unwrap_or(ApiError::InviteExhausted));
    }
    let member = MemberRow {
        id: new_id("mem"),
        organization_id: caller.org_id.clone(),
        email: address.clone(),
        user_id: req.user_id.clone(),
        roles: row.roles.clone(),
        teams: row.teams.clone(),
        invite_id: Some(row.id.clone()),
        created_at: now,
    };
    let inserted = query(format!(
        "INSERT INTO members ({MEMBER_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (organization_id, email) DO NOTHING"
    ))
    .bind(&member.id)
    .bind(&member.organization_id)
    .bind(&member.email)
    .bind(&member.user_id)
    .bind(&member.roles)
    .bind(&member.teams)
    .bind(&member.invite_id)
    .bind(member.created_at)
    .execute(&mut tx)
    .await?
        == 1;
    if !inserted {
        tx.rollback().await?;
        return Err(ApiError::AlreadyMember(format!(
            "{address} is already a member"
        )));
    }
    query(
        "INSERT INTO redemptions (id, organization_id, invite_id, member_id, email, user_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id("red"))
    .bind(&caller.org_id)
    .bind(&row.id)
    .bind(&member.id)
    .bind(&member.email)
    .bind(&member.user_id)
    .bind(now)
    .execute(&mut tx)
    .await?;
    let reply = Reply::json(StatusCode::CREATED, &member.to_json());
    idempotency::commit(tx, idem.as_ref(), reply).await
}
