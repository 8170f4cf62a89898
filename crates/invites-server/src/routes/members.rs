//! `listMembers`, `getMember`, `removeMember`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::{AppState, authenticate};
use crate::db::query;
use crate::email;
use crate::error::ApiError;
use crate::idempotency::Reply;
use crate::input::{Cursor, limit, rfc3339};

/// A member row.
#[derive(Debug)]
pub(crate) struct MemberRow {
    pub id: String,
    pub organization_id: String,
    pub email: String,
    pub user_id: Option<String>,
    pub roles: String,
    pub teams: String,
    pub invite_id: Option<String>,
    pub created_at: i64,
}

crate::row_type!(pub(crate) MemberRow, MEMBER_COLS {
    id, organization_id, email, user_id, roles, teams, invite_id, created_at
});

fn json_list(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|_| json!([]))
}

impl MemberRow {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "organization_id": self.organization_id,
            "email": self.email,
            "user_id": self.user_id,
            "roles": json_list(&self.roles),
            "teams": json_list(&self.teams),
            "invite_id": self.invite_id,
            "created_at": rfc3339(self.created_at),
        })
    }
}

pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let limit = limit(q.get("limit"))?;
    let cursor = Cursor::decode(q.get("page_token"))?;
    let mut sql = format!("SELECT {MEMBER_COLS} FROM members WHERE organization_id = $1");
    let mut strings = vec![caller.org_id.clone()];
    if let Some(e) = q.get("email") {
        let normalized = email::normalize_address(e).map_err(|m| ApiError::invalid("email", m))?;
        strings.push(normalized);
        sql.push_str(&format!(" AND email = ${}", strings.len()));
    }
    let mut n = strings.len();
    if cursor.is_some() {
        sql.push_str(&format!(
            " AND (created_at < ${a} OR (created_at = ${a} AND id < ${b}))",
            a = n + 1,
            b = n + 2
        ));
        n += 2;
    }
    sql.push_str(&format!(
        " ORDER BY created_at DESC, id DESC LIMIT ${}",
        n + 1
    ));
    let mut query = query(&sql);
    for s in &strings {
        query = query.bind(s);
    }
    if let Some(c) = &cursor {
        query = query.bind(c.created_at).bind(&c.id);
    }
    let mut rows = query
        .bind(limit + 1)
        .fetch_all::<MemberRow>(&state.store)
        .await?;
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
    let data: Vec<Value> = rows.iter().map(MemberRow::to_json).collect();
    Ok(Reply::json(
        StatusCode::OK,
        &json!({"data": data, "next_page_token": next}),
    ))
}

async fn load(state: &AppState, org_id: &str, id: &str) -> Result<MemberRow, ApiError> {
    query(format!(
        "SELECT {MEMBER_COLS} FROM members WHERE id = $1 AND organization_id = $2"
    ))
    .bind(id)
    .bind(org_id)
    .fetch_optional(&state.store)
    .await?
    .ok_or_else(|| ApiError::not_found("member"))
}

pub(super) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(member_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let m = load(&state, &caller.org_id, &member_id).await?;
    Ok(Reply::json(StatusCode::OK, &m.to_json()))
}

pub(super) async fn remove(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(member_id): Path<String>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let mut tx = state.store.begin_write().await?;
    let m: MemberRow = query(format!(
        "SELECT {MEMBER_COLS} FROM members WHERE id = $1 AND organization_id = $2"
    ))
    .bind(&member_id)
    .bind(&caller.org_id)
    .fetch_optional(&mut tx)
    .await?
    .ok_or_else(|| ApiError::not_found("member"))?;
    let deleted = query("DELETE FROM members WHERE id = $1 AND organization_id = $2")
        .bind(&member_id)
        .bind(&caller.org_id)
        .execute(&mut tx)
        .await?;
    if deleted == 0 {
        // PostgreSQL: a concurrent removal (another replica) deleted it after the read above.
        return Err(ApiError::not_found("member"));
    }
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &m.to_json()))
}
