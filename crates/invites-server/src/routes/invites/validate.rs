//! Request bodies of the invite operations and their validation: every check answers a 400
//! naming the field at fault.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::super::organizations::check_role;
use crate::email::Entry;
use crate::error::ApiError;
use crate::input::{check_len, parse_time};

/// Lifetime of an invite created without an expiry.
const DEFAULT_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

/// The body of `createInvite`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteCreate {
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    pub(super) message: Option<String>,
    pub(super) emails: Option<Vec<String>>,
    pub(super) roles: Vec<String>,
    pub(super) teams: Option<Vec<String>>,
    pub(super) expires_at: Option<String>,
    pub(super) ttl_seconds: Option<i64>,
    pub(super) never_expires: Option<bool>,
    pub(super) max_uses: Option<i64>,
    pub(super) single_use: Option<bool>,
    pub(super) enabled: Option<bool>,
    pub(super) metadata: Option<BTreeMap<String, String>>,
    pub(super) send_email: Option<bool>,
    pub(super) inviter: Option<String>,
}

/// The body of `createInvites`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteBatchCreate {
    pub(super) emails: Vec<String>,
    pub(super) roles: Vec<String>,
    pub(super) teams: Option<Vec<String>>,
    pub(super) name: Option<String>,
    pub(super) message: Option<String>,
    pub(super) expires_at: Option<String>,
    pub(super) ttl_seconds: Option<i64>,
    pub(super) metadata: Option<BTreeMap<String, String>>,
    pub(super) send_email: Option<bool>,
    pub(super) inviter: Option<String>,
}

/// The body of `resendInvite`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteResend {
    pub(super) ttl_seconds: Option<i64>,
    pub(super) expires_at: Option<String>,
}

/// Whether a create sends emails, and the inviter's name to show: `send_email` defaults to
/// whether the server has a transport; `true` without one is a 400 naming `send_email`.
/// `inviter` has at most 200 characters and no control characters (it goes into a Subject).
pub(super) fn check_email_request(
    send_email: Option<bool>,
    inviter: Option<String>,
    has_transport: bool,
) -> Result<(bool, Option<String>), ApiError> {
    check_text("inviter", &inviter, 200)?;
    if inviter
        .as_deref()
        .is_some_and(|s| s.chars().any(char::is_control))
    {
        return Err(ApiError::invalid(
            "inviter",
            "inviter must not contain control characters (line breaks, tabs)",
        ));
    }
    let send = match send_email {
        Some(true) if !has_transport => {
            return Err(ApiError::invalid(
                "send_email",
                "this server has no email transport (--smtp-url or --email-dir); \
                 omit send_email or set it to false",
            ));
        }
        Some(v) => v,
        None => has_transport,
    };
    Ok((send, inviter))
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InviteUpdate {
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    pub(super) message: Option<String>,
    pub(super) roles: Option<Vec<String>>,
    pub(super) teams: Option<Vec<String>>,
    pub(super) expires_at: Option<String>,
    pub(super) max_uses: Option<i64>,
    pub(super) enabled: Option<bool>,
}

/// The body of `lookupInvite`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LookupRequest {
    pub(super) code: String,
}

/// The body of `acceptInvite`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AcceptRequest {
    pub(super) code: String,
    pub(super) email: String,
    pub(super) user_id: Option<String>,
}

/// A validated invite, ready to insert.
pub(super) struct NewInvite {
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    pub(super) message: Option<String>,
    pub(super) entries: Vec<Entry>,
    pub(super) roles: Vec<String>,
    pub(super) teams: Vec<String>,
    pub(super) metadata: BTreeMap<String, String>,
    pub(super) expires_at: Option<i64>,
    pub(super) max_uses: Option<i64>,
    pub(super) enabled: bool,
}

/// An optional text of at most `max` characters.
pub(super) fn check_text(param: &str, v: &Option<String>, max: usize) -> Result<(), ApiError> {
    match v {
        Some(s) => check_len(param, s, 0, max),
        None => Ok(()),
    }
}

/// 1 to 20 of the organization's roles, never `owner`; duplicates dropped.
pub(super) fn check_roles(roles: &[String], org_roles: &[String]) -> Result<Vec<String>, ApiError> {
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

/// Up to 50 teams of 1 to 64 characters; duplicates dropped.
pub(super) fn check_teams(teams: Option<Vec<String>>) -> Result<Vec<String>, ApiError> {
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

/// Up to 50 keys of 1 to 64 characters with values of at most 500.
pub(super) fn check_metadata(
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

/// At most `max` addresses or patterns, parsed into their normal form; duplicates dropped.
pub(super) fn check_entries(
    param: &str,
    list: &[String],
    max: usize,
) -> Result<Vec<Entry>, ApiError> {
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

/// A lifetime of 60 s to one year, in milliseconds.
pub(super) fn check_ttl(ttl: i64) -> Result<i64, ApiError> {
    if !(60..=31_536_000).contains(&ttl) {
        return Err(ApiError::invalid(
            "ttl_seconds",
            "ttl_seconds must be from 60 to 31536000",
        ));
    }
    Ok(ttl * 1000)
}

/// An RFC 3339 time after `now`, in epoch milliseconds.
pub(super) fn check_future(param: &str, raw: &str, now: i64) -> Result<i64, ApiError> {
    let t = parse_time(param, raw)?;
    if t <= now {
        return Err(ApiError::invalid(
            param,
            format!("{param} must be in the future"),
        ));
    }
    Ok(t)
}

/// The furthest a public invite (no addresses) may expire: one year (365 days) ahead.
pub(super) const MAX_PUBLIC_TTL_MS: i64 = 365 * 24 * 3600 * 1000;

/// A public invite's expiry is at most [`MAX_PUBLIC_TTL_MS`] ahead, on create and on update.
pub(super) fn check_public_expiry(t: i64, now: i64) -> Result<(), ApiError> {
    if t > now + MAX_PUBLIC_TTL_MS {
        return Err(ApiError::invalid(
            "expires_at",
            "a public invite (no emails) expires at most one year (365 days) ahead",
        ));
    }
    Ok(())
}

/// A quota of 1 to 1,000,000.
pub(super) fn check_max_uses(n: i64) -> Result<i64, ApiError> {
    if !(1..=1_000_000).contains(&n) {
        return Err(ApiError::invalid(
            "max_uses",
            "max_uses must be from 1 to 1000000",
        ));
    }
    Ok(n)
}

/// Resolve the expiry of a new invite from at most one of its three ways of saying it.
pub(super) fn resolve_expiry(
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
        let t = check_future("expires_at", raw, now)?;
        if public {
            check_public_expiry(t, now)?;
        }
        return Ok(Some(t));
    }
    if let Some(ttl) = ttl_seconds {
        return Ok(Some(now + check_ttl(ttl)?));
    }
    Ok(Some(now + DEFAULT_TTL_MS))
}

/// Validate a `createInvite` body against the organization's roles.
pub(super) fn validate_create(
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
