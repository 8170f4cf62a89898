//! `createInvite` and `createInvites`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;

use super::audit;
use super::store::{check_no_pending, insert_invite, invite_writes, queue_emails};
use super::validate::{
    InviteBatchCreate, InviteCreate, NewInvite, check_email_request, check_entries, check_metadata,
    check_roles, check_teams, check_text, resolve_expiry, validate_create,
};
use crate::db::{self, Backend, now_ms};
use crate::email::Entry;
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::parse_json;
use crate::routes::AppState;
use crate::routes::organizations::load_org;
use crate::routes::post::{self, Route, Start};

/// `createInvite`.
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
        let mut req: InviteCreate = parse_json(&body)?;
        let org = load_org(&state, &caller.org_id).await?;
        let org_roles = &org.1;
        let now = now_ms();
        let (send, inviter) = check_email_request(
            req.send_email.take(),
            req.inviter.take(),
            state.mailer.is_some(),
        )?;
        let new = validate_create(req, org_roles, now)?;
        // Everything but the statements is made before the write begins: on SQLite the write
        // holds the one writer turn, and building JSON there would make every other writer wait.
        let (row, code, mut writes) = invite_writes(&caller.org_id, &new, now);
        writes.extend(audit::invite_event(&caller, "invite.created", &row, now).into_writes());
        let reply = Reply::json(
            StatusCode::CREATED,
            &row.view(now, Some((&code, &state.public_url))),
        );
        if state.store.backend == Backend::Postgres
            && idem.is_none()
            && !send
            && new.entries.iter().all(Entry::is_domain)
        {
            // Nothing to lock, check or queue and no key to record: the invite, its domains
            // and its event are one statement, committed on its own.
            db::as_one_statement(writes).execute(&state.store).await?;
            crate::events::committed();
            return Ok(reply);
        }
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        check_no_pending(&mut tx, &caller.org_id, &new.entries, now).await?;
        crate::events::write(&mut tx, writes).await?;
        let queued = if send {
            queue_emails(
                &mut tx,
                &state,
                &org.0,
                &row,
                &code,
                inviter.as_deref(),
                None,
                now,
            )
            .await?
        } else {
            0
        };
        let reply = idempotency::commit(tx, idem.as_ref(), reply).await?;
        state.wake_mailer(queued);
        Ok(reply)
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// `createInvites`: one single-use invite per address, all or nothing.
pub(crate) async fn create_batch(
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
        let req: InviteBatchCreate = parse_json(&body)?;
        let org = load_org(&state, &caller.org_id).await?;
        let org_roles = &org.1;
        let now = now_ms();
        let (send, inviter) =
            check_email_request(req.send_email, req.inviter, state.mailer.is_some())?;
        if req.emails.is_empty() {
            return Err(ApiError::invalid(
                "emails",
                "emails must have 1 to 1000 addresses",
            ));
        }
        let entries = check_entries("emails", &req.emails, 1000)?;
        if let Some(i) = entries.iter().position(Entry::is_domain) {
            return Err(ApiError::invalid(
                "emails",
                format!("emails[{i}]: a batch takes exact addresses, not patterns"),
            ));
        }
        if entries.len() != req.emails.len() {
            return Err(ApiError::invalid(
                "emails",
                "emails has duplicate addresses",
            ));
        }
        check_text("name", &req.name, 200)?;
        check_text("message", &req.message, 2000)?;
        let roles = check_roles(&req.roles, org_roles)?;
        let teams = check_teams(req.teams)?;
        let metadata = check_metadata(req.metadata)?;
        let expires_at = resolve_expiry(
            req.expires_at.as_deref(),
            req.ttl_seconds,
            false,
            false,
            now,
        )?;
        let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        check_no_pending(&mut tx, &caller.org_id, &entries, now).await?;
        let mut data = Vec::with_capacity(entries.len());
        let mut created = Vec::with_capacity(entries.len());
        let mut queued = 0;
        for e in entries {
            let new = NewInvite {
                name: req.name.clone(),
                description: None,
                message: req.message.clone(),
                entries: vec![e],
                roles: roles.clone(),
                teams: teams.clone(),
                metadata: metadata.clone(),
                expires_at,
                max_uses: Some(1),
                enabled: true,
            };
            let (row, code) = insert_invite(&mut tx, &caller.org_id, &new, now).await?;
            if send {
                queued += queue_emails(
                    &mut tx,
                    &state,
                    &org.0,
                    &row,
                    &code,
                    inviter.as_deref(),
                    None,
                    now,
                )
                .await?;
            }
            data.push(row.to_json(now, Some((&code, &state.public_url))));
            created.push(row);
        }
        audit::created_all(&mut tx, &caller, &created, now).await?;
        let reply = Reply::json(StatusCode::CREATED, &json!({ "data": data }));
        let reply = idempotency::commit(tx, idem.as_ref(), reply).await?;
        state.wake_mailer(queued);
        Ok(reply)
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}
