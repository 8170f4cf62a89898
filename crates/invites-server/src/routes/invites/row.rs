//! The invite row: its columns, its derived status and its JSON face.

use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;

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

    /// The invite as the API shows it, with its code and link when given (only the answers
    /// that make or rotate a code carry them).
    pub(super) fn to_json(&self, now: i64, code: Option<(&str, &str)>) -> Value {
        serde_json::to_value(self.view(now, code)).unwrap_or(Value::Null)
    }

    /// [`to_json`](Self::to_json) as a serializable view of the row, for answers and events
    /// written straight to text (no JSON tree built and walked in between).
    pub(super) fn view<'a>(&'a self, now: i64, code: Option<(&'a str, &str)>) -> InviteJson<'a> {
        InviteJson {
            code: code.map(|(c, _)| c),
            created_at: rfc3339(self.created_at),
            description: self.description.as_deref(),
            emails: StoredJson::or_null(&self.emails),
            enabled: self.enabled != 0,
            expires_at: self.expires_at.map(rfc3339),
            id: &self.id,
            last_used_at: self.last_used_at.map(rfc3339),
            max_uses: self.max_uses,
            message: self.message.as_deref(),
            metadata: StoredJson::or_null(&self.metadata),
            name: self.name.as_deref(),
            organization_id: &self.organization_id,
            roles: StoredJson::or_null(&self.roles),
            status: self.status(now),
            teams: StoredJson::or_null(&self.teams),
            updated_at: rfc3339(self.updated_at),
            url: code.map(|(c, public_url)| crate::invitee::invite_link(public_url, c)),
            use_count: self.use_count,
        }
    }
}

/// The JSON face of an invite (see [`InviteRow::view`]). Its fields are in the order of their
/// names, the order in which a `serde_json::Value` object writes its keys, so that the text is
/// the same whichever way it is made.
#[derive(Serialize)]
pub(super) struct InviteJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    created_at: String,
    description: Option<&'a str>,
    emails: StoredJson<'a>,
    enabled: bool,
    expires_at: Option<String>,
    id: &'a str,
    last_used_at: Option<String>,
    max_uses: Option<i64>,
    message: Option<&'a str>,
    metadata: StoredJson<'a>,
    name: Option<&'a str>,
    organization_id: &'a str,
    roles: StoredJson<'a>,
    status: &'static str,
    teams: StoredJson<'a>,
    updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    use_count: i64,
}

/// A JSON text column, written as stored: the columns hold what serde_json wrote (compact,
/// object keys in order), which is the text a parse and a new serialization would give. Text
/// that does not parse is written as the fallback.
pub(crate) struct StoredJson<'a> {
    text: &'a str,
    fallback: &'static str,
}

impl<'a> StoredJson<'a> {
    /// `text`, or `null` when it does not parse.
    pub(crate) fn or_null(text: &'a str) -> Self {
        StoredJson {
            text,
            fallback: "null",
        }
    }

    /// `text`, or `[]` when it does not parse.
    pub(crate) fn or_empty_list(text: &'a str) -> Self {
        StoredJson {
            text,
            fallback: "[]",
        }
    }
}

impl Serialize for StoredJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = serde_json::from_str::<&RawValue>(self.text)
            .or_else(|_| serde_json::from_str::<&RawValue>(self.fallback))
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(full: bool) -> InviteRow {
        let some = |s: &str| full.then(|| s.to_string());
        InviteRow {
            id: "inv_1".into(),
            organization_id: "org_1".into(),
            code_hash: "h".into(),
            name: some("Launch"),
            description: some("for \"beta\" ünïcode"),
            message: some("hi\n"),
            emails: r#"["*@example.com","a@b.example"]"#.into(),
            roles: r#"["admin","viewer"]"#.into(),
            teams: if full {
                r#"["t1"]"#.into()
            } else {
                "not json".into()
            },
            metadata: r#"{"a":"1","b":"x\"y"}"#.into(),
            expires_at: full.then_some(1_800_000_000_123),
            max_uses: full.then_some(5),
            use_count: 2,
            enabled: 1,
            revoked_at: None,
            created_at: 1_700_000_000_000,
            updated_at: 1_700_000_000_456,
            last_used_at: full.then_some(1_700_000_000_789),
        }
    }

    /// The view writes the text a `serde_json::Value` of the same face writes (keys in the
    /// same order), and a column that does not parse as `null`.
    #[test]
    fn the_view_writes_what_the_json_face_writes() {
        for full in [true, false] {
            let r = row(full);
            let t = |ms: Option<i64>| ms.map(rfc3339);
            let face = |code: Option<(&str, &str)>| {
                let mut v = json!({
                    "id": r.id, "organization_id": r.organization_id, "name": r.name,
                    "description": r.description, "message": r.message,
                    "emails": ["*@example.com", "a@b.example"], "roles": ["admin", "viewer"],
                    "teams": if full { json!(["t1"]) } else { Value::Null },
                    "expires_at": t(r.expires_at), "max_uses": r.max_uses,
                    "use_count": r.use_count, "enabled": true, "status": r.status(0),
                    "metadata": {"a": "1", "b": "x\"y"},
                    "created_at": rfc3339(r.created_at), "updated_at": rfc3339(r.updated_at),
                    "last_used_at": t(r.last_used_at),
                });
                if let Some((code, url)) = code {
                    v["code"] = json!(code);
                    v["url"] = json!(crate::invitee::invite_link(url, code));
                }
                v
            };
            for code in [None, Some(("ic_x", "https://i.example"))] {
                let text = serde_json::to_string(&r.view(0, code)).unwrap();
                assert_eq!(text, face(code).to_string());
                assert_eq!(r.to_json(0, code), face(code));
            }
        }
    }

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
