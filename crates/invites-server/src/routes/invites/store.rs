//! The SQL of invites: inserting, loading, locking, and the one-pending-invite rule.

use serde_json::json;

use super::row::{INVITE_COLS, InviteRow};
use super::validate::NewInvite;
use crate::db::{Backend, On, Tx, query};
use crate::email::Entry;
use crate::error::ApiError;
use crate::outbox::{Invitation, enqueue};
use crate::routes::AppState;
use crate::secrets::{INVITE_CODE_PREFIX, hash_secret, new_id, new_secret};

/// Serialize invite creation in an organization (a row lock on PostgreSQL; SQLite's write lock
/// is held already).
pub(super) async fn lock_org(tx: &mut Tx, org_id: &str) -> Result<(), ApiError> {
    if tx.backend() == Backend::Sqlite {
        return Ok(());
    }
    query("UPDATE organizations SET lock_seq = lock_seq + 1 WHERE id = $1")
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// 409 when one of these exact addresses already has a pending invite in the organization.
pub(super) async fn check_no_pending(
    tx: &mut Tx,
    org_id: &str,
    entries: &[Entry],
    now: i64,
) -> Result<(), ApiError> {
    let addresses: Vec<String> = entries
        .iter()
        .filter(|e| !e.is_domain())
        .map(Entry::as_string)
        .collect();
    for chunk in addresses.chunks(500) {
        let placeholders: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "SELECT e.email, i.id FROM invite_emails e JOIN invites i ON i.id = e.invite_id \
             WHERE e.organization_id = $1 AND e.is_domain = 0 AND e.email IN ({}) \
             AND i.revoked_at IS NULL AND i.enabled = 1 \
             AND (i.max_uses IS NULL OR i.use_count < i.max_uses) \
             AND (i.expires_at IS NULL OR i.expires_at > $2) \
             ORDER BY i.created_at LIMIT 1",
            placeholders.join(", ")
        );
        let mut q = query(&sql).bind(org_id).bind(now);
        for a in chunk {
            q = q.bind(a);
        }
        if let Some((address, invite_id)) = q.fetch_optional::<(String, String)>(&mut *tx).await? {
            return Err(ApiError::conflict(
                Some("emails"),
                format!(
                    "{address} already has a pending invite {invite_id}; rotate or revoke it instead"
                ),
            ));
        }
    }
    Ok(())
}

/// Insert a validated invite; returns the row and its code.
pub(super) async fn insert_invite(
    tx: &mut Tx,
    org_id: &str,
    new: &NewInvite,
    now: i64,
) -> Result<(InviteRow, String), ApiError> {
    let code = new_secret(INVITE_CODE_PREFIX);
    let emails: Vec<String> = new.entries.iter().map(Entry::as_string).collect();
    let row = InviteRow {
        id: new_id("inv"),
        organization_id: org_id.to_string(),
        code_hash: hash_secret(&code),
        name: new.name.clone(),
        description: new.description.clone(),
        message: new.message.clone(),
        emails: json!(emails).to_string(),
        roles: json!(new.roles).to_string(),
        teams: json!(new.teams).to_string(),
        metadata: json!(new.metadata).to_string(),
        expires_at: new.expires_at,
        max_uses: new.max_uses,
        use_count: 0,
        enabled: i64::from(new.enabled),
        revoked_at: None,
        created_at: now,
        updated_at: now,
        last_used_at: None,
    };
    query(format!(
        "INSERT INTO invites ({INVITE_COLS}) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
    ))
    .bind(&row.id)
    .bind(&row.organization_id)
    .bind(&row.code_hash)
    .bind(&row.name)
    .bind(&row.description)
    .bind(&row.message)
    .bind(&row.emails)
    .bind(&row.roles)
    .bind(&row.teams)
    .bind(&row.metadata)
    .bind(row.expires_at)
    .bind(row.max_uses)
    .bind(row.use_count)
    .bind(row.enabled)
    .bind(row.revoked_at)
    .bind(row.created_at)
    .bind(row.updated_at)
    .bind(row.last_used_at)
    .execute(&mut *tx)
    .await?;
    for e in &new.entries {
        query(
            "INSERT INTO invite_emails (invite_id, organization_id, email, is_domain) VALUES ($1, $2, $3, $4)",
        )
        .bind(&row.id)
        .bind(org_id)
        .bind(e.as_string())
        .bind(i64::from(e.is_domain()))
        .execute(&mut *tx)
        .await?;
    }
    Ok((row, code))
}

/// The caller's invite by id; 404 when it is not the caller's.
pub(super) async fn load_invite<'a>(
    on: impl Into<On<'a>>,
    org_id: &str,
    id: &str,
) -> Result<InviteRow, ApiError> {
    query(format!(
        "SELECT {INVITE_COLS} FROM invites WHERE id = $1 AND organization_id = $2"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(on)
    .await?
    .ok_or_else(|| ApiError::not_found("invite"))
}

/// Lock an invite row for this transaction (PostgreSQL) and load it; 404 when not the caller's.
pub(super) async fn lock_invite(
    tx: &mut Tx,
    org_id: &str,
    id: &str,
) -> Result<InviteRow, ApiError> {
    query("UPDATE invites SET updated_at = updated_at WHERE id = $1 AND organization_id = $2")
        .bind(id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    load_invite(&mut *tx, org_id, id).await
}

/// The caller's invite with this code, if any.
pub(super) async fn find_by_code(
    state: &AppState,
    org_id: &str,
    code: &str,
) -> Result<Option<InviteRow>, ApiError> {
    Ok(query(format!(
        "SELECT {INVITE_COLS} FROM invites WHERE code_hash = $1 AND organization_id = $2"
    ))
    .bind(hash_secret(code))
    .bind(org_id)
    .fetch_optional(&state.store)
    .await?)
}

/// Queue one invitation email per exact address of `row` (except those in `skip`) in the
/// transaction; the number queued. Domain patterns get none.
#[allow(clippy::too_many_arguments)]
pub(super) async fn queue_emails(
    tx: &mut Tx,
    state: &AppState,
    org_name: &str,
    row: &InviteRow,
    code: &str,
    inviter: Option<&str>,
    skip: Option<&[String]>,
    now: i64,
) -> Result<usize, ApiError> {
    let Some(mailer) = state.mailer.as_deref() else {
        return Ok(0);
    };
    let invitation = Invitation {
        organization: org_name.to_owned(),
        inviter: inviter.map(str::to_owned),
        message: row.message.clone(),
        roles: serde_json::from_str(&row.roles).unwrap_or_default(),
        expires_at: row.expires_at,
        link: crate::invitee::invite_link(&state.public_url, code),
    };
    let mut n = 0;
    for e in row.entries() {
        if e.is_domain() {
            continue;
        }
        let address = e.as_string();
        if skip.is_some_and(|s| s.contains(&address)) {
            continue;
        }
        enqueue(
            tx,
            mailer,
            &row.organization_id,
            &row.id,
            &address,
            &invitation,
            now,
        )
        .await?;
        n += 1;
    }
    Ok(n)
}
