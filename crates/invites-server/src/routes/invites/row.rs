//! The invite row: its columns, its derived status and its JSON face.

use serde_json::{Value, json};

use crate::db::Backend;
use crate::email::Entry;
use crate::error::ApiError;
use crate::input::rfc3339;

/// An invite row.
#[derive(Debug, Clone)]
pub(super) struct InviteRow {
    pub(super) id: String,
    pub(super) organization_id: String,
    pub(super) code_hash: String,
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    pub(super) message: Option<String>,
    pub(super) emails: String,
    pub(super) roles: String,
    pub(super) teams: String,
    pub(super) metadata: String,
    pub(super) expires_at: Option<i64>,
    pub(super) max_uses: Option<i64>,
    pub(super) use_count: i64,
    pub(super) enabled: i64,
    pub(super) revoked_at: Option<i64>,
    pub(super) created_at: i64,
    pub(super) updated_at: i64,
    pub(super) last_used_at: Option<i64>,
}

crate::row_type!(
    pub(super) InviteRow,
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

/// [`INVITE_COLS`] to SELECT from `invites` (same columns, same order: a test checks):
/// `use_count`, `updated_at` and `last_used_at` include the invite's use shards
/// (`invite_use_shards`, written by accepts of unlimited invites on PostgreSQL). A shard's time
/// counts only when newer (portable: SQLite's `max(a, b)` is NULL when either is).
pub(super) const INVITE_SELECT: &str = "id, organization_id, code_hash, name, description, \
    message, emails, roles, teams, metadata, expires_at, max_uses, \
    CAST(use_count + COALESCE((SELECT SUM(s.uses) FROM invite_use_shards s \
      WHERE s.invite_id = invites.id), 0) AS BIGINT) AS use_count, \
    enabled, revoked_at, created_at, \
    COALESCE((SELECT MAX(s.last_used_at) FROM invite_use_shards s WHERE s.invite_id = invites.id \
      AND s.last_used_at > invites.updated_at), invites.updated_at) AS updated_at, \
    COALESCE((SELECT MAX(s.last_used_at) FROM invite_use_shards s WHERE s.invite_id = invites.id \
      AND s.last_used_at > COALESCE(invites.last_used_at, 0)), invites.last_used_at) \
      AS last_used_at";

/// The columns to SELECT from `invites` on `backend`: [`INVITE_SELECT`] on PostgreSQL, the
/// plain [`INVITE_COLS`] on SQLite, which never writes use shards.
pub(super) fn invite_cols(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => INVITE_SELECT,
        Backend::Sqlite => INVITE_COLS,
    }
}

/// The derived status in SQL, first match wins; `$NOW` is replaced by the placeholder of now.
pub(super) const STATUS_SQL: &str = "CASE WHEN revoked_at IS NOT NULL THEN 'revoked' \
    WHEN max_uses IS NOT NULL AND use_count >= max_uses THEN 'accepted' \
    WHEN expires_at IS NOT NULL AND expires_at <= $NOW THEN 'expired' \
    WHEN enabled = 0 THEN 'disabled' ELSE 'pending' END";

/// A JSON text column as a value (null when unreadable).
pub(super) fn json_value(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or(Value::Null)
}

impl InviteRow {
    /// The derived status, first match wins.
    pub(super) fn status(&self, now: i64) -> &'static str {
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
    pub(super) fn unusable(&self, now: i64) -> Option<ApiError> {
        match self.status(now) {
            "revoked" => Some(ApiError::InviteRevoked),
            "accepted" => Some(ApiError::InviteExhausted),
            "expired" => Some(ApiError::InviteExpired),
            "disabled" => Some(ApiError::InviteDisabled),
            _ => None,
        }
    }

    pub(super) fn entries(&self) -> Vec<Entry> {
        let list: Vec<String> = serde_json::from_str(&self.emails).unwrap_or_default();
        list.iter().map(|e| Entry::from_stored(e)).collect()
    }

    pub(super) fn to_json(&self, now: i64, code: Option<(&str, &str)>) -> Value {
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
            v["url"] = json!(crate::invitee::invite_link(public_url, code));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// INVITE_SELECT reads the columns of INVITE_COLS, in its order (what `InviteRow` decodes).
    #[test]
    fn invite_select_matches_invite_cols() {
        let mut names = vec![];
        let mut depth = 0;
        let mut item = String::new();
        for ch in INVITE_SELECT.chars().chain([',']) {
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    let t = item.trim();
                    names.push(t.rsplit(' ').next().unwrap_or(t).to_string());
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(ch);
        }
        let cols: Vec<&str> = INVITE_COLS.split(", ").collect();
        assert_eq!(names, cols);
    }
}
