//! The SQL of invites: inserting, loading, locking, and the one-pending-invite rule.

use serde_json::json;
use sha2::Digest as _;

use super::row::{INVITE_COLS, INVITE_SELECT, InviteRow, invite_cols};
use super::validate::NewInvite;
use std::sync::Arc;

use crate::batch::{BatchFn, Batcher};
use crate::db::{Backend, On, Query, Store, Tx, query};
use crate::email::Entry;
use crate::error::ApiError;
use crate::outbox::{Invitation, enqueue};
use crate::routes::AppState;
use crate::secrets::{invite_code_key, new_id, new_invite_code};

/// Serialize the writers that may make a pending invite for the same exact addresses of one
/// organization, and only those: on PostgreSQL a transaction-scoped advisory lock per
/// (organization, address), taken in ascending key order so two writers never wait on each
/// other in a cycle; invites without exact addresses (public links, domains) and writers of
/// other addresses never wait. SQLite's write lock serializes every writer already.
async fn lock_addresses(tx: &mut Tx, org_id: &str, addresses: &[String]) -> Result<(), ApiError> {
    if tx.backend() == Backend::Sqlite || addresses.is_empty() {
        return Ok(());
    }
    let mut keys: Vec<i64> = addresses
        .iter()
        .map(|a| {
            let digest = sha2::Sha256::digest(format!("{org_id}\n{a}").as_bytes());
            i64::from_be_bytes(digest[..8].try_into().expect("8 bytes"))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let list = keys
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    // unnest yields the array in order, and the aggregate takes the locks as the rows come.
    query("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(string_to_array($1, ',')::bigint[]) AS k")
        .bind(list)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// 409 when one of these exact addresses already has a pending invite in the organization;
/// holds, until the transaction ends, the lock of each address (see [`lock_addresses`]).
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
    lock_addresses(tx, org_id, &addresses).await?;
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
    let (row, code, writes) = invite_writes(org_id, new, now);
    for w in writes {
        w.execute(&mut *tx).await?;
    }
    Ok((row, code))
}

/// A validated invite's row, its code, and the statements that insert it (the invite, then one
/// row per address or domain).
pub(super) fn invite_writes(
    org_id: &str,
    new: &NewInvite,
    now: i64,
) -> (InviteRow, String, Vec<Query>) {
    let code = new_invite_code();
    let emails: Vec<String> = new.entries.iter().map(Entry::as_string).collect();
    let row = InviteRow {
        id: new_id("inv"),
        organization_id: org_id.to_string(),
        code_hash: invite_code_key(&code),
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
    let mut writes = vec![
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
        .bind(row.last_used_at),
    ];
    for e in &new.entries {
        writes.push(query(
            "INSERT INTO invite_emails (invite_id, organization_id, email, is_domain) VALUES ($1, $2, $3, $4)",
        )
        .bind(&row.id)
        .bind(org_id)
        .bind(e.as_string())
        .bind(i64::from(e.is_domain())));
    }
    (row, code, writes)
}

/// The caller's invite by id; 404 when it is not the caller's.
///
/// By the primary key alone, the organization compared on the row: with `organization_id = $2`
/// in the statement, a plan PostgreSQL cached while the table was tiny used the
/// `(organization_id, created_at, id)` index and kept scanning every invite of the organization
/// as the table grew (3 ms a read at 10k invites, until the next ANALYZE).
pub(super) async fn load_invite<'a>(
    on: impl Into<On<'a>>,
    org_id: &str,
    id: &str,
) -> Result<InviteRow, ApiError> {
    let on: On<'a> = on.into();
    let backend = match &on {
        On::Store(s) => s.backend,
        On::Tx(t) => t.backend(),
    };
    let cols = invite_cols(backend);
    query(format!("SELECT {cols} FROM invites WHERE id = $1"))
        .bind(id)
        .fetch_optional::<InviteRow>(on)
        .await?
        .filter(|r| r.organization_id == org_id)
        .ok_or_else(|| ApiError::not_found("invite"))
}

/// `getInvite`'s read batches on PostgreSQL: at most this many invites in one statement.
const READS_PER_BATCH: usize = 128;

/// How many read batches run at once: one per two cores. Measured on 2 cores (c=32, the
/// database on the same cores): 1 in flight 21.6k getInvite/s, 2: 18.2k, 4: 15.4k, 8: 12.5k;
/// without batching 11.2k. Fewer, larger statements leave the cores to the rest of the work.
fn reads_in_flight() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

/// `getInvite`'s reads, coalesced (see [`crate::batch`]).
#[derive(Debug)]
pub struct InviteReads(Batcher<(String, String), InviteRow>);

/// The coalescer of `getInvite`'s reads on PostgreSQL; `None` on SQLite, where a read is a
/// few microseconds in process and a batch would only add a hand-off.
pub(crate) fn invite_reads(store: &Store) -> Option<InviteReads> {
    if store.backend != Backend::Postgres {
        return None;
    }
    let store = store.clone();
    let run: BatchFn<(String, String), InviteRow> = Arc::new(move |keys| {
        let store = store.clone();
        Box::pin(async move {
            let pairs: Vec<_> = keys.iter().map(|(o, i)| json!({"o": o, "i": i})).collect();
            // One primary-key lookup per key (see `load_invite`), the organization checked on
            // the row (OFFSET 0 keeps that check out of the index choice): the plan PostgreSQL
            // caches for it stays a nested loop of primary-key scans even when it was made
            // while the table was tiny (`id = ANY(…)` got a sequential scan then, and kept it
            // as the table grew, until the next ANALYZE).
            let rows: Vec<InviteRow> = query(format!(
                "SELECT v.* FROM json_to_recordset($1::json) AS k(o text, i text) \
                 CROSS JOIN LATERAL (SELECT {INVITE_SELECT} FROM invites \
                 WHERE id = k.i OFFSET 0) AS v WHERE v.organization_id = k.o"
            ))
            .bind(json!(pairs).to_string())
            .fetch_all(&store)
            .await?;
            // Each read gets its row only if it is in the reader's organization.
            Ok(keys
                .iter()
                .map(|(org, id)| {
                    rows.iter()
                        .find(|r| &r.id == id && &r.organization_id == org)
                        .cloned()
                })
                .collect())
        })
    });
    Some(InviteReads(Batcher::new(
        run,
        reads_in_flight(),
        READS_PER_BATCH,
    )))
}

/// The caller's invite by id for `getInvite` (coalesced with concurrent reads on PostgreSQL);
/// 404 when it is not the caller's.
pub(super) async fn read_invite(
    state: &AppState,
    org_id: &str,
    id: &str,
) -> Result<InviteRow, ApiError> {
    let Some(reads) = &state.invite_reads else {
        return load_invite(&state.store, org_id, id).await;
    };
    reads
        .0
        .load((org_id.to_string(), id.to_string()))
        .await
        .map_err(|e| match e.as_ref() {
            crate::db::Error::Unavailable(_) => ApiError::Unavailable(1),
            e => ApiError::Internal(anyhow::anyhow!("{e}")),
        })?
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
    // By the unique code hash alone, the organization compared on the row (see `load_invite`).
    let cols = invite_cols(state.store.backend);
    Ok(
        query(format!("SELECT {cols} FROM invites WHERE code_hash = $1"))
            .bind(invite_code_key(code))
            .fetch_optional::<InviteRow>(&state.store)
            .await?
            .filter(|r| r.organization_id == org_id),
    )
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
