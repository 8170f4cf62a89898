//! `listMembers`, `getMember`, `removeMember`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::page::Keyset;
use super::{AppState, authenticate};
use crate::db::{Arg, query};
use crate::email;
use crate::error::ApiError;
use crate::idempotency::Reply;
use crate::input::rfc3339;
use crate::routes::invites::StoredJson;

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

impl MemberRow {
    /// The member as the API shows it.
    pub(crate) fn to_json(&self) -> Value {
        serde_json::to_value(self.view()).unwrap_or(Value::Null)
    }

    /// [`to_json`](Self::to_json) as a serializable view, for answers and events written
    /// straight to text.
    pub(crate) fn view(&self) -> MemberJson<'_> {
        MemberJson {
            created_at: rfc3339(self.created_at),
            email: &self.email,
            id: &self.id,
            invite_id: self.invite_id.as_deref(),
            organization_id: &self.organization_id,
            roles: StoredJson::or_empty_list(&self.roles),
            teams: StoredJson::or_empty_list(&self.teams),
            user_id: self.user_id.as_deref(),
        }
    }
}

/// The JSON face of a member (see [`MemberRow::view`]); fields in the order of their names,
/// as a `serde_json::Value` object writes them.
#[derive(serde::Serialize)]
pub(crate) struct MemberJson<'a> {
    created_at: String,
    email: &'a str,
    id: &'a str,
    invite_id: Option<&'a str>,
    organization_id: &'a str,
    roles: StoredJson<'a>,
    teams: StoredJson<'a>,
    user_id: Option<&'a str>,
}

/// `listMembers`: newest first, optionally the one member with an address.
pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let mut sql = format!("SELECT {MEMBER_COLS} FROM members WHERE organization_id = $1");
    let mut args = vec![Arg::Text(Some(caller.org_id.clone()))];
    if let Some(e) = q.get("email") {
        let normalized = email::normalize_address(e).map_err(|m| ApiError::invalid("email", m))?;
        args.push(Arg::Text(Some(normalized)));
        sql.push_str(&format!(" AND email = ${}", args.len()));
    }
    let page = keyset
        .fetch(&state.store, &sql, args, |r: &MemberRow| {
            (r.created_at, r.id.as_str())
        })
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(MemberRow::to_json),
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
    crate::events::changed(
        &mut tx,
        &caller,
        "member.removed",
        json!({"member": m.to_json()}),
    )
    .await?;
    tx.commit().await?;
    Ok(Reply::json(StatusCode::OK, &m.to_json()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The view writes the text a `serde_json::Value` of the same face writes; lists that do
    /// not parse as `[]`.
    #[test]
    fn the_view_writes_what_the_json_face_writes() {
        for full in [true, false] {
            let m = MemberRow {
                id: "mem_1".into(),
                organization_id: "org_1".into(),
                email: "a@b.example".into(),
                user_id: full.then(|| "u\"1".into()),
                roles: r#"["admin"]"#.into(),
                teams: if full { r#"["t"]"#.into() } else { "".into() },
                invite_id: full.then(|| "inv_1".into()),
                created_at: 1_700_000_000_001,
            };
            let face = json!({
                "id": m.id, "organization_id": m.organization_id, "email": m.email,
                "user_id": m.user_id, "roles": ["admin"],
                "teams": if full { json!(["t"]) } else { json!([]) },
                "invite_id": m.invite_id, "created_at": rfc3339(m.created_at),
            });
            assert_eq!(serde_json::to_string(&m.view()).unwrap(), face.to_string());
            assert_eq!(m.to_json(), face);
        }
    }
}
