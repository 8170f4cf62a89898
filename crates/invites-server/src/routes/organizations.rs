//! `createOrganization` and `getOrganization`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

use super::post::{self, Route, Start};
use super::{AppState, authenticate};
use crate::db::{now_ms, query};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Reply};
use crate::input::{check_len, parse_json, rfc3339};
use crate::secrets::new_id;

/// Roles of an organization created without `roles`.
pub const DEFAULT_ROLES: [&str; 6] = ["owner", "admin", "developer", "billing", "user", "viewer"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationCreate {
    name: String,
    roles: Option<Vec<String>>,
}

/// Validate a role name against the spec's `Role` pattern.
pub(crate) fn check_role(param: &str, role: &str) -> Result<(), ApiError> {
    let ok = (1..=64).contains(&role.len())
        && role.starts_with(|c: char| c.is_ascii_lowercase())
        && role
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ApiError::invalid(
            param,
            format!(
                "{param}: {role:?} is not a role name (1 to 64 of a-z, 0-9, _ and -, starting with a letter)"
            ),
        ))
    }
}

pub(crate) fn org_json(id: &str, name: &str, roles: &Value, created_at: i64) -> Value {
    json!({"id": id, "name": name, "roles": roles, "created_at": rfc3339(created_at)})
}

/// `createOrganization` (admin token): the organization and its first API key.
pub(super) async fn create(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let idem = match post::start_admin(&state, &headers, &route, &body).await? {
        Start::Run { idem, .. } => idem,
        Start::Replay(r) => return Ok(r),
    };
    let result: Result<Reply, ApiError> = async {
        let req: OrganizationCreate = parse_json(&body)?;
        check_len("name", &req.name, 1, 200)?;
        let roles = match req.roles {
            None => DEFAULT_ROLES.iter().map(|s| s.to_string()).collect(),
            Some(roles) => {
                if roles.is_empty() || roles.len() > 50 {
                    return Err(ApiError::invalid(
                        "roles",
                        "roles must have 1 to 50 entries",
                    ));
                }
                let mut out: Vec<String> = Vec::new();
                for r in roles {
                    check_role("roles", &r)?;
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
                out
            }
        };
        let tx = match idempotency::begin(&state.store, idem.as_ref()).await? {
            Begun::Replay(r) => return Ok(r),
            Begun::Tx(tx) => tx,
        };
        let mut tx = tx;
        let id = new_id("org");
        let now = now_ms();
        let roles = json!(roles);
        query("INSERT INTO organizations (id, name, roles, created_at) VALUES ($1, $2, $3, $4)")
            .bind(&id)
            .bind(&req.name)
            .bind(roles.to_string())
            .bind(now)
            .execute(&mut tx)
            .await?;
        let (key_id, api_key) = super::api_keys::insert_key(&mut tx, &id, "default", now).await?;
        crate::events::first_key_created(&mut tx, &id, &key_id, "default", now).await?;
        let reply = Reply::json(
            StatusCode::CREATED,
            &json!({"organization": org_json(&id, &req.name, &roles, now), "api_key": api_key}),
        );
        idempotency::commit(tx, idem.as_ref(), reply).await
    }
    .await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

/// The organization's name and roles.
/// An organization: name, roles, created_at (epoch ms).
pub(crate) type Org = (String, Vec<String>, i64);

/// The caller's organization (from the in-process cache once read: organizations never change).
pub(crate) async fn load_org(state: &AppState, org_id: &str) -> Result<Arc<Org>, ApiError> {
    if let Some(org) = state.orgs.get(org_id) {
        return Ok(org);
    }
    let (name, roles, created_at): (String, String, i64) =
        query("SELECT name, roles, created_at FROM organizations WHERE id = $1")
            .bind(org_id)
            .fetch_one(&state.store)
            .await?;
    let roles: Vec<String> = serde_json::from_str(&roles).map_err(anyhow::Error::from)?;
    let org = Arc::new((name, roles, created_at));
    state.orgs.insert(org_id, org.clone());
    Ok(org)
}

pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let org = load_org(&state, &caller.org_id).await?;
    let (name, roles, created_at) = &*org;
    Ok(Reply::json(
        StatusCode::OK,
        &org_json(&caller.org_id, name, &json!(roles), *created_at),
    ))
}
