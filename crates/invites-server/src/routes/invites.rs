//! Invite operations: create (one and batch), list, get, update, revoke, rotate, lookup,
//! accept, redemptions.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::members::{MEMBER_COLS, MemberRow};
use super::organizations::{check_role, load_org};
use super::{AppState, Caller, authenticate};
use crate::db::{self, Backend, FromRow, On, Row, Tx, now_ms, query};
use crate::email::{self, Entry};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Idem, Reply};
use crate::input::{
    Cursor, check_len, limit, parse_json, parse_json_nullable, parse_time, rfc3339,
};
use crate::secrets::{INVITE_CODE_PREFIX, hash_secret, new_id, new_secret};

/// Lifetime of an invite created without an expiry.
const DEFAULT_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

/// An invite row.
#[derive(Debug, Clone)]
struct InviteRow {
    id: String,
    organization_id: String,
    code_hash: String,
    name: Option<String>,
    description: Option<String>,
    message: Option<String>,
    emails: String,
    roles: String,
    teams: String,
    metadata: String,
    expires_at: Option<i64>,
    max_uses: Option<i64>,
    use_count: i64,
    enabled: i64,
    revoked_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
    last_used_at: Option<i64>,
}

crate::row_type!(
    InviteRow,
    INVITE_COLS {
        id,
        organization_id,
        code_hash,
        name,
        description,
        message,
        emails,
        roles,
        teams,
        metadata,
        expires_at,
        max_uses,
        use_count,
        enabled,
        revoked_at,
        created_at,
        updated_at,
        last_used_at,
    }
);

/// The derived status in SQL, first match wins; `$NOW` is replaced by the placeholder of now.
const STATUS_SQL: &str = "CASE WHEN revoked_at IS NOT NULL THEN 'revoked' \
    WHEN max_uses IS NOT NULL AND use_count >= max_uses THEN 'accepted' \
    WHEN expires_at IS NOT NULL AND expires_at <= $NOW THEN 'expired' \
    WHEN enabled = 0 THEN 'disabled' ELSE 'pending' END";

fn json_value(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or(Value::Null)
}

impl InviteRow {
    /// The derived status, first match wins.
    fn status(&self, now: i64) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if self.max_uses.is_some_and(|m| self.use_count >= m) {
            "accepted"
        } else if self.expires_at.is_some_and(|e| e <= now) {
            "expired"
        } else if self.enabled == 0 {
            "disabled"
        } else {
            "pending"
        }
    }

    /// The error an accept of this invite gets before looking at the address, if any.
    fn unusable(&self, now: i64) -> Option<ApiError> {
        match self.status(now) {
            "revoked" => Some(ApiError::InviteRevoked),
            "accepted" => Some(ApiError::InviteExhausted),
            "expired" => Some(ApiError::InviteExpired),
            "disabled" => Some(ApiError::InviteDisabled),
            _ => None,
        }
    }

    fn entries(&self) -> Vec<Entry> {
        let list: Vec<String> = serde_json::from_str(&self.emails).unwrap_or_default();
        list.iter().map(|e| Entry::from_stored(e)).collect()
    }

    fn to_json(&self, now: i64, code: Option<(&str, &str)>) -> Value {
        let mut v = json!({
            "id": self.id,
            "organization_id": self.organization_id,
            "name": self.name,
            "description": self.description,
            "message": self.message,
            "emails": json_value(&self.emails),
            "roles": json_value(&self.roles),
            "teams": json_value(&self.teams),
            "expires_at": self.expires_at.map(rfc3339),
            "max_uses": self.max_uses,
            "use_count": self.use_count,
            "enabled": self.enabled != 0,
            "status": self.status(now),
            "metadata": json_value(&self.metadata),
            "created_at": rfc3339(self.created_at),
            "updated_at": rfc3339(self.updated_at),
            "last_used_at": self.last_used_at.map(rfc3339),
        });
        if let Some((code, public_url)) = code {
            v["code"] = json!(code);
            v["url"] = json!(format!("{public_url}/invite/{code}"));
        }
        v
    }
}

// ---------------------------------------------------------------------------------------------
// Validation

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InviteCreate {
    name: Option<String>,
    description: Option<String>,
    message: Option<String>,
    emails: Option<Vec<String>>,
    roles: Vec<String>,
    teams: Option<Vec<String>>,
    expires_at: Option<String>,
    ttl_seconds: Option<i64>,
    never_expires: Option<bool>,
    max_uses: Option<i64>,
    single_use: Option<bool>,
    enabled: Option<bool>,
    metadata: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InviteBatchCreate {
    emails: Vec<String>,
    roles: Vec<String>,
    teams: Option<Vec<String>>,
    name: Option<String>,
    message: Option<String>,
    expires_at: Option<String>,
    ttl_seconds: Option<i64>,
    metadata: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InviteUpdate {
    name: Option<String>,
    description: Option<String>,
    message: Option<String>,
    roles: Option<Vec<String>>,
    teams: Option<Vec<String>>,
    expires_at: Option<String>,
    max_uses: Option<i64>,
    enabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupRequest {
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptRequest {
    code: String,
    email: String,
    user_id: Option<String>,
}

/// A validated invite, ready to insert.
struct NewInvite {
    name: Option<String>,
    description: Option<String>,
    message: Option<String>,
    entries: Vec<Entry>,
    roles: Vec<String>,
    teams: Vec<String>,
    metadata: BTreeMap<String, String>,
    expires_at: Option<i64>,
    max_uses: Option<i64>,
    enabled: bool,
}

fn check_text(param: &str, v: &Option<String>, max: usize) -> Result<(), ApiError> {
    match v {
        Some(s) => check_len(param, s, 0, max),
        None => Ok(()),
    }
}

fn check_roles(roles: &[String], org_roles: &[String]) -> Result<Vec<String>, ApiError> {
    if roles.is_empty() || roles.len() > 20 {
        return Err(ApiError::invalid(
            "roles",
            "roles must have 1 to 20 entries",
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, r) in roles.iter().enumerate() {
        check_role("roles", r)?;
        if r == "owner" {
            return Err(ApiError::invalid(
                "roles",
                format!("roles[{i}]: `owner` is never invitable"),
            ));
        }
        if !org_roles.contains(r) {
            return Err(ApiError::invalid(
                "roles",
                format!(
                    "roles[{i}]: {r:?} is not a role of this organization ({})",
                    org_roles.join(", ")
                ),
            ));
        }
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    Ok(out)
}

fn check_teams(teams: Option<Vec<String>>) -> Result<Vec<String>, ApiError> {
    let teams = teams.unwrap_or_default();
    if teams.len() > 50 {
        return Err(ApiError::invalid("teams", "at most 50 teams"));
    }
    let mut out: Vec<String> = Vec::new();
    for t in teams {
        check_len("teams", &t, 1, 64)?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

fn check_metadata(
    m: Option<BTreeMap<String, String>>,
) -> Result<BTreeMap<String, String>, ApiError> {
    let m = m.unwrap_or_default();
    if m.len() > 50 {
        return Err(ApiError::invalid("metadata", "at most 50 metadata keys"));
    }
    for (k, v) in &m {
        if k.is_empty() || k.chars().count() > 64 {
            return Err(ApiError::invalid(
                "metadata",
                "metadata keys have 1 to 64 characters",
            ));
        }
        if v.chars().count() > 500 {
            return Err(ApiError::invalid(
                "metadata",
                format!("metadata[{k:?}] has more than 500 characters"),
            ));
        }
    }
    Ok(m)
}

fn check_entries(param: &str, list: &[String], max: usize) -> Result<Vec<Entry>, ApiError> {
    if list.len() > max {
        return Err(ApiError::invalid(param, format!("at most {max} addresses")));
    }
    let mut out: Vec<Entry> = Vec::new();
    for (i, raw) in list.iter().enumerate() {
        check_len(param, raw, 3, 254)?;
        let e = Entry::parse(raw)
            .map_err(|m| ApiError::invalid(param, format!("{param}[{i}]: {m}")))?;
        if !out.contains(&e) {
            out.push(e);
        }
    }
    Ok(out)
}

fn check_ttl(ttl: i64) -> Result<i64, ApiError> {
    if !(60..=31_536_000).contains(&ttl) {
        return Err(ApiError::invalid(
            "ttl_seconds",
            "ttl_seconds must be from 60 to 31536000",
        ));
    }
    Ok(ttl * 1000)
}

fn check_future(param: &str, raw: &str, now: i64) -> Result<i64, ApiError> {
    let t = parse_time(param, raw)?;
    if t <= now {
        return Err(ApiError::invalid(
            param,
            format!("{param} must be in the future"),
        ));
    }
    Ok(t)
}

fn check_max_uses(n: i64) -> Result<i64, ApiError> {
    if !(1..=1_000_000).contains(&n) {
        return Err(ApiError::invalid(
            "max_uses",
            "max_uses must be from 1 to 1000000",
        ));
    }
    Ok(n)
}

/// Resolve the expiry of a new invite from at most one of its three ways of saying it.
fn resolve_expiry(
    expires_at: Option<&str>,
    ttl_seconds: Option<i64>,
    never_expires: bool,
    public: bool,
    now: i64,
) -> Result<Option<i64>, ApiError> {
    let given = [expires_at.is_some(), ttl_seconds.is_some(), never_expires];
    if given.iter().filter(|g| **g).count() > 1 {
        let param = if never_expires {
            "never_expires"
        } else {
            "ttl_seconds"
        };
        return Err(ApiError::invalid(
            param,
            "give at most one of expires_at, ttl_seconds and never_expires",
        ));
    }
    if never_expires {
        if public {
            return Err(ApiError::invalid(
                "never_expires",
                "a public invite (no emails) must expire; give expires_at or ttl_seconds",
            ));
        }
        return Ok(None);
    }
    if let Some(raw) = expires_at {
        return check_future("expires_at", raw, now).map(Some);
    }
    if let Some(ttl) = ttl_seconds {
        return Ok(Some(now + check_ttl(ttl)?));
    }
    Ok(Some(now + DEFAULT_TTL_MS))
}

fn validate_create(
    req: InviteCreate,
    org_roles: &[String],
    now: i64,
) -> Result<NewInvite, ApiError> {
    check_text("name", &req.name, 200)?;
    check_text("description", &req.description, 2000)?;
    check_text("message", &req.message, 2000)?;
    let entries = check_entries("emails", req.emails.as_deref().unwrap_or_default(), 100)?;
    let roles = check_roles(&req.roles, org_roles)?;
    let teams = check_teams(req.teams)?;
    let metadata = check_metadata(req.metadata)?;
    let expires_at = resolve_expiry(
        req.expires_at.as_deref(),
        req.ttl_seconds,
        req.never_expires.unwrap_or(false),
        entries.is_empty(),
        now,
    )?;
    let max_uses = req.max_uses.map(check_max_uses).transpose()?;
    let single = req.single_use.unwrap_or(false);
    if single && max_uses.is_some_and(|m| m != 1) {
        return Err(ApiError::invalid(
            "single_use",
            "single_use means max_uses 1; do not give another max_uses",
        ));
    }
    let max_uses = if single {
        Some(1)
    } else if max_uses.is_some() {
        max_uses
    } else if !entries.is_empty() && entries.iter().all(|e| !e.is_domain()) {
        Some(entries.len() as i64)
    } else {
        None
    };
    Ok(NewInvite {
        name: req.name,
        description: req.description,
        message: req.message,
        entries,
        roles,
        teams,
        metadata,
        expires_at,
        max_uses,
        enabled: req.enabled.unwrap_or(true),
    })
}

// ---------------------------------------------------------------------------------------------
// Storage helpers

/// Serialize invite creation in an organization (a row lock on PostgreSQL; SQLite's write lock
/// is held already).
async fn lock_org(tx: &mut Tx, org_id: &str) -> Result<(), ApiError> {
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
async fn check_no_pending(
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
async fn insert_invite(
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

async fn load_invite<'a>(
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
async fn lock_invite(tx: &mut Tx, org_id: &str, id: &str) -> Result<InviteRow, ApiError> {
    query("UPDATE invites SET updated_at = updated_at WHERE id = $1 AND organization_id = $2")
        .bind(id)
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    load_invite(&mut *tx, org_id, id).await
}

async fn find_by_code(
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

// ---------------------------------------------------------------------------------------------
// Handlers

pub(super) async fn create(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let idem = Idem::from_request(&headers, &caller.org_id, "POST", "/v1/invites", &body)?;
    if let Some(r) = idempotency::replay(&state.store, idem.as_ref()).await? {
        return Ok(r);
    }
    let req: InviteCreate = parse_json(&body)?;
    let org = load_org(&state, &caller.org_id).await?;
    let org_roles = &org.1;
    let now = now_ms();
    let new = validate_create(req, org_roles, now)?;
    let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
        Begun::Replay(r) => return Ok(r),
        Begun::Tx(tx) => tx,
    };
    lock_org(&mut tx, &caller.org_id).await?;
    check_no_pending(&mut tx, &caller.org_id, &new.entries, now).await?;
    let (row, code) = insert_invite(&mut tx, &caller.org_id, &new, now).await?;
    let reply = Reply::json(
        StatusCode::CREATED,
        &row.to_json(now, Some((&code, &state.public_url))),
    );
    idempotency::commit(tx, idem.as_ref(), reply).await
}

pub(super) async fn create_batch(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let idem = Idem::from_request(&headers, &caller.org_id, "POST", "/v1/invites/batch", &body)?;
    if let Some(r) = idempotency::replay(&state.store, idem.as_ref()).await? {
        return Ok(r);
    }
    let req: InviteBatchCreate = parse_json(&body)?;
    let org = load_org(&state, &caller.org_id).await?;
    let org_roles = &org.1;
    let now = now_ms();
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
    lock_org(&mut tx, &caller.org_id).await?;
    check_no_pending(&mut tx, &caller.org_id, &entries, now).await?;
    let mut data = Vec::with_capacity(entries.len());
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
        data.push(row.to_json(now, Some((&code, &state.public_url))));
    }
    let reply = Reply::json(StatusCode::CREATED, &json!({ "data": data }));
    idempotency::commit(tx, idem.as_ref(), reply).await
}

pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let limit = limit(q.get("limit"))?;
    let cursor = Cursor::decode(q.get("page_token"))?;
    let now = now_ms();
    let mut sql = format!("SELECT {INVITE_COLS} FROM invites WHERE organization_id = $1");
    let mut ints: Vec<(usize, i64)> = Vec::new();
    let mut strings: Vec<(usize, String)> = vec![(1, caller.org_id.clone())];
    let mut n = 1;
    let next = |n: &mut usize| {
        *n += 1;
        *n
    };
    if let Some(status) = q.get("status") {
        if !["pending", "accepted", "expired", "disabled", "revoked"].contains(&status.as_str()) {
            return Err(ApiError::invalid(
                "status",
                "status must be one of pending, accepted, expired, disabled, revoked",
            ));
        }
        let now_p = next(&mut n);
        ints.push((now_p, now));
        let status_p = next(&mut n);
        strings.push((status_p, status.clone()));
        sql.push_str(&format!(
            " AND {} = ${status_p}",
            STATUS_SQL.replace("$NOW", &format!("${now_p}"))
        ));
    }
    if let Some(e) = q.get("email") {
        let entry = Entry::parse(e).map_err(|m| ApiError::invalid("email", m))?;
        let p = next(&mut n);
        strings.push((p, entry.as_string()));
        sql.push_str(&format!(
            " AND id IN (SELECT invite_id FROM invite_emails WHERE organization_id = $1 AND email = ${p})"
        ));
    }
    if let Some(c) = &cursor {
        let a = next(&mut n);
        ints.push((a, c.created_at));
        let b = next(&mut n);
        strings.push((b, c.id.clone()));
        sql.push_str(&format!(
            " AND (created_at < ${a} OR (created_at = ${a} AND id < ${b}))"
        ));
    }
    let lp = next(&mut n);
    ints.push((lp, limit + 1));
    sql.push_str(&format!(" ORDER BY created_at DESC, id DESC LIMIT ${lp}"));
    let mut query = query(&sql);
    for i in 1..=n {
        if let Some((_, s)) = strings.iter().find(|(p, _)| *p == i) {
            query = query.bind(s.clone());
        } else if let Some((_, v)) = ints.iter().find(|(p, _)| *p == i) {
            query = query.bind(*v);
        }
    }
    let mut rows = query.fetch_all::<InviteRow>(&state.store).await?;
    let next_token = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| {
            Cursor {
                created_at: r.created_at,
                id: r.id.clone(),
            }
            .encode()
        })
    } else {
        None
    };
    let data: Vec<Value> = rows.iter().map(|r| r.to_json(now, None)).collect();
    Ok(Reply::json(
        StatusCode::OK,
        &json!({"data": data, "next_page_token": next_token}),
    ))
}

pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let row = load_invite(&state.store, &caller.org_id, &invite_id).await?;
    Ok(Reply::json(StatusCode::OK, &row.to_json(now_ms(), None)))
}

pub(super) async fn update(
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
        return Ok(Reply::json(StatusCode::OK, &row.to_json(now, None)));
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
        lock_org(&mut tx, &caller.org_id).await?;
        check_no_pending(&mut tx, &caller.org_id, &row.entries(), now).await?;
    }
    query(
        "UPDATE invites SET name = $1, description = $2, message = $3, roles = $4, teams = $5, \
         expires_at = $6, max_uses = $7, enabled = $8, updated_at = $9 WHERE id = $10",
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
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &row.to_json(now, None)))
}

pub(super) async fn revoke(
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
    }
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &row.to_json(now, None)))
}

pub(super) async fn rotate(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let path = format!("/v1/invites/{invite_id}/rotate");
    let idem = Idem::from_request(&headers, &caller.org_id, "POST", &path, &body)?;
    let mut tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
        Begun::Replay(r) => return Ok(r),
        Begun::Tx(tx) => tx,
    };
    let now = now_ms();
    let mut row = lock_invite(&mut tx, &caller.org_id, &invite_id).await?;
    if row.revoked_at.is_some() {
        return Err(ApiError::InviteRevoked);
    }
    let code = new_secret(INVITE_CODE_PREFIX);
    row.code_hash = hash_secret(&code);
    row.updated_at = now;
    query("UPDATE invites SET code_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(&row.code_hash)
        .bind(now)
        .bind(&row.id)
        .execute(&mut tx)
        .await?;
    let reply = Reply::json(
        StatusCode::OK,
        &row.to_json(now, Some((&code, &state.public_url))),
    );
    idempotency::commit(tx, idem.as_ref(), reply).await
}

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

pub(super) async fn lookup(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    state.limiter.check(&caller.key_hash)?;
    let idem = Idem::from_request(
        &headers,
        &caller.org_id,
        "POST",
        "/v1/invites/lookup",
        &body,
    )?;
    if let Some(r) = idempotency::replay(&state.store, idem.as_ref()).await? {
        return Ok(r);
    }
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

pub(super) async fn accept(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    state.limiter.check(&caller.key_hash)?;
    let idem = Idem::from_request(
        &headers,
        &caller.org_id,
        "POST",
        "/v1/invites/accept",
        &body,
    )?;
    if let Some(r) = idempotency::replay(&state.store, idem.as_ref()).await? {
        return Ok(r);
    }
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

pub(super) async fn redemptions(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(invite_id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let limit = limit(q.get("limit"))?;
    let cursor = Cursor::decode(q.get("page_token"))?;
    load_invite(&state.store, &caller.org_id, &invite_id).await?;
    let base = format!(
        "SELECT {REDEMPTION_COLS} FROM redemptions WHERE invite_id = $1 AND organization_id = $2"
    );
    let mut rows = match &cursor {
        None => {
            query(format!("{base} ORDER BY created_at DESC, id DESC LIMIT $3"))
                .bind(&invite_id)
                .bind(&caller.org_id)
                .bind(limit + 1)
                .fetch_all::<RedemptionRow>(&state.store)
                .await?
        }
        Some(c) => {
            query(format!(
                "{base} AND (created_at < $3 OR (created_at = $3 AND id < $4)) \
                 ORDER BY created_at DESC, id DESC LIMIT $5"
            ))
            .bind(&invite_id)
            .bind(&caller.org_id)
            .bind(c.created_at)
            .bind(&c.id)
            .bind(limit + 1)
            .fetch_all::<RedemptionRow>(&state.store)
            .await?
        }
    };
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| {
            Cursor {
                created_at: r.created_at,
                id: r.id.clone(),
            }
            .encode()
        })
    } else {
        None
    };
    let data: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.id, "invite_id": r.invite_id, "member_id": r.member_id,
                "email": r.email, "user_id": r.user_id, "created_at": rfc3339(r.created_at),
            })
        })
        .collect();
    Ok(Reply::json(
        StatusCode::OK,
        &json!({"data": data, "next_page_token": next}),
    ))
}
