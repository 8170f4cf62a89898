//! The invitee page's endpoints (see [`crate::invitee`]): no API key, the invite code in the JSON
//! body (never in a path or query), every request limited per client address.
//!
//! - `POST /invite/lookup {code}`: what `lookupInvite` shows (organization, roles, teams,
//!   message, expiry, status, whether addresses are restricted, never the addresses), and how
//!   the page may join (`join: "email"` with an email transport, else `"application"`).
//!   Consumes nothing.
//! - `POST /invite/code {code, email}`: the checks of `acceptInvite` that need no lock (so an
//!   address that could not accept gets no code), then a six-digit one-time code for that
//!   address, stored as a keyed hash only, emailed; 202. Limited per address and per client
//!   address.
//! - `POST /invite/join {code, email, otp}`: one try of the newest code of (invite, address)
//!   (five per code, counted atomically), then the accept itself through
//!   [`super::redeem::run_accept`], so every rule of `acceptInvite` holds unchanged; 201 with
//!   the organization, the roles and teams granted, and the application's address.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::redeem::{Found, accept_checks, check_code, run_accept};
use super::row::{InviteRow, invite_cols, json_value};
use crate::db::{now_ms, query};
use crate::email;
use crate::error::ApiError;
use crate::input::{check_len, parse_json, rfc3339};
use crate::invitee::{
    JOIN_CODE_TRIES, JOIN_CODES_PER_ADDRESS, hash_join_code, join_code_email, new_join_code,
    same_hash,
};
use crate::outbox::SendError;
use crate::routes::organizations::load_org;
use crate::routes::{AppState, Caller};
use crate::secrets::{hash_secret, invite_code_key, new_id};

/// The client address of a page request (the TCP peer).
pub(crate) struct ClientAddr(String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
                .unwrap_or_else(|| "unknown".into()),
        ))
    }
}

impl ClientAddr {
    /// Count this request against the client's page budget: 429 past it.
    fn admit(&self, state: &AppState) -> Result<(), ApiError> {
        state.page.requests.fail(&format!("page\0{}", self.0))
    }

    /// The failed-attempt key of this client on the page (shared with the API's limiter, in a
    /// namespace of its own).
    fn failures(&self) -> String {
        format!("page\0client\0{}", self.0)
    }

    /// 429 when this client used up its failed attempts.
    fn check_failures(&self, state: &AppState) -> Result<(), ApiError> {
        state.limiter.check(&self.failures())
    }

    /// Count a failed attempt (an unknown code, an address the invite does not allow) against
    /// the client and, when known, the invite's code: `answer`, or 429 past either limit.
    fn failed(&self, state: &AppState, code_key: Option<&str>, answer: ApiError) -> ApiError {
        let by_client = state.limiter.fail(&self.failures());
        let by_code = code_key.map_or(Ok(()), |k| state.code_limiter.fail(k));
        match by_client.and(by_code) {
            Ok(()) => answer,
            Err(limited) => limited,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupBody {
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeBody {
    code: String,
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    code: String,
    email: String,
    otp: String,
}

/// The answer to a code no invite has.
fn unknown_code() -> ApiError {
    ApiError::NotFound("no invite has this code".into())
}

/// The invite with this code, whatever its organization (codes are unique), with the member
/// `address` already is and whether it used its place (for [`accept_checks`]).
async fn find(state: &AppState, code_hash: &str, address: &str) -> Result<Option<Found>, ApiError> {
    let cols = invite_cols(state.store.backend);
    Ok(query(format!(
        "SELECT {cols}, \
         (SELECT id FROM members m WHERE m.organization_id = invites.organization_id \
          AND m.email = $2), \
         (SELECT 1 FROM invite_address_uses u WHERE u.invite_id = invites.id AND u.email = $2), \
         NULL FROM invites WHERE code_hash = $1"
    ))
    .bind(code_hash)
    .bind(address)
    .fetch_optional(&state.store)
    .await?)
}

/// The code-limiter key of an invite's code (the same key `lookupInvite` and `acceptInvite`
/// count failures under).
fn code_key(row: &InviteRow) -> String {
    format!("{}\0{}", row.organization_id, row.code_hash)
}

/// A normalized address from the body; 400 naming `email`.
fn address(raw: &str) -> Result<String, ApiError> {
    check_len("email", raw, 3, 254)?;
    email::normalize_address(raw).map_err(|m| ApiError::invalid("email", m))
}

fn no_store(mut r: Response) -> Response {
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    );
    r
}

fn answer(status: StatusCode, body: Value) -> Response {
    no_store((status, axum::Json(body)).into_response())
}

/// `POST /invite/lookup`: what the page shows; consumes nothing.
pub(crate) async fn page_lookup(
    State(state): State<Arc<AppState>>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, ApiError> {
    client.admit(&state)?;
    client.check_failures(&state)?;
    let req: LookupBody = parse_json(&body)?;
    check_code(&req.code)?;
    let cols = invite_cols(state.store.backend);
    let row: InviteRow = query(format!("SELECT {cols} FROM invites WHERE code_hash = $1"))
        .bind(invite_code_key(&req.code))
        .fetch_optional(&state.store)
        .await?
        .ok_or_else(|| client.failed(&state, None, unknown_code()))?;
    let org = load_org(&state, &row.organization_id).await?;
    Ok(answer(
        StatusCode::OK,
        json!({
            "organization_name": org.0,
            "roles": json_value(&row.roles),
            "teams": json_value(&row.teams),
            "message": row.message,
            "expires_at": row.expires_at.map(rfc3339),
            "status": row.status(now_ms()),
            "email_restricted": !row.entries().is_empty(),
            "join": if state.mailer.is_some() { "email" } else { "application" },
            "app_url": state.page.app_url,
            "join_code_ttl_seconds": state.page.join_code_ttl.as_secs(),
        }),
    ))
}

/// `POST /invite/code`: email a one-time code to an address that may accept the invite.
pub(crate) async fn page_send_code(
    State(state): State<Arc<AppState>>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, ApiError> {
    client.admit(&state)?;
    client.check_failures(&state)?;
    let req: CodeBody = parse_json(&body)?;
    check_code(&req.code)?;
    let address = address(&req.email)?;
    let Some(mailer) = state.mailer.as_deref() else {
        return Err(ApiError::conflict(
            None,
            "this server sends no emails, so this page cannot check an address: the \
             application that invited you completes the join",
        ));
    };
    let code_hash = invite_code_key(&req.code);
    let found = find(&state, &code_hash, &address)
        .await?
        .ok_or_else(|| client.failed(&state, None, unknown_code()))?;
    let key = code_key(&found.invite);
    state.code_limiter.check(&key)?;
    let now = now_ms();
    if let Err(e) = accept_checks(&found, &address, now) {
        if matches!(e, ApiError::EmailNotAllowed) {
            return Err(client.failed(&state, Some(&key), e));
        }
        return Err(e);
    }
    let ttl_ms = state.page.join_code_ttl.as_millis() as i64;
    // Per address (over every invite and every replica: counted in the database).
    let (sent,): (i64,) =
        query("SELECT COUNT(*) FROM join_codes WHERE email = $1 AND created_at > $2")
            .bind(&address)
            .bind(now - ttl_ms)
            .fetch_one(&state.store)
            .await?;
    if sent >= JOIN_CODES_PER_ADDRESS {
        return Err(ApiError::RateLimited(
            state.page.join_code_ttl.as_secs().max(1),
        ));
    }
    // Per client address (this replica).
    state.page.sends.fail(&client.0)?;

    let otp = new_join_code();
    let id = new_id("jc");
    let org = load_org(&state, &found.invite.organization_id).await?;
    let message = join_code_email(
        &mailer.from,
        &address,
        &org.0,
        &otp,
        state.page.join_code_ttl,
    )
    .map_err(|e| ApiError::invalid("email", e))?;
    let mut tx = state.store.begin_write().await?;
    query(
        "INSERT INTO join_codes (id, invite_id, email, client, code_hash, attempts, expires_at, \
         created_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7)",
    )
    .bind(&id)
    .bind(&found.invite.id)
    .bind(&address)
    .bind(hash_secret(&client.0))
    .bind(hash_join_code(&state.admin_token_hash, &id, &otp))
    .bind(now + ttl_ms)
    .bind(now)
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    // Sent at once, not through the outbox: the code is never stored in a readable form, and
    // a code that could not be sent is worth nothing (the page says so and offers a new one).
    if let Err(e) = mailer.transport.send(message).await {
        let mut tx = state.store.begin_write().await?;
        query("UPDATE join_codes SET expires_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&id)
            .execute(&mut tx)
            .await?;
        tx.commit().await?;
        tracing::warn!(invite_id = %found.invite.id, error = %e, "join code email not sent");
        return Err(match e {
            SendError::Permanent(reply) => ApiError::invalid(
                "email",
                format!("the mail server refused to deliver to this address: {reply}"),
            ),
            SendError::Temporary(_) => ApiError::Unavailable(5),
        });
    }
    tracing::info!(invite_id = %found.invite.id, join_code_id = %id, "join code sent");
    Ok(answer(
        StatusCode::ACCEPTED,
        json!({
            "email": address,
            "expires_at": rfc3339(now + ttl_ms),
            "tries": JOIN_CODE_TRIES,
        }),
    ))
}

/// The newest one-time code of an (invite, address).
struct JoinCode {
    id: String,
    code_hash: String,
    attempts: i64,
    expires_at: i64,
    used_at: Option<i64>,
}

crate::row_type!(
    JoinCode,
    JOIN_CODE_COLS {
        id,
        code_hash,
        attempts,
        expires_at,
        used_at
    }
);

fn otp_error(message: impl Into<String>) -> ApiError {
    ApiError::invalid("otp", message)
}

/// `POST /invite/join`: one try of the one-time code; when right, the accept.
pub(crate) async fn page_join(
    State(state): State<Arc<AppState>>,
    client: ClientAddr,
    body: Bytes,
) -> Result<Response, ApiError> {
    client.admit(&state)?;
    client.check_failures(&state)?;
    let req: JoinBody = parse_json(&body)?;
    check_code(&req.code)?;
    let address = address(&req.email)?;
    let otp = req.otp.trim();
    if otp.len() != 6 || !otp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(otp_error("otp must be the six digits of the emailed code"));
    }
    let code_hash = invite_code_key(&req.code);
    let cols = invite_cols(state.store.backend);
    let row: InviteRow = query(format!("SELECT {cols} FROM invites WHERE code_hash = $1"))
        .bind(&code_hash)
        .fetch_optional(&state.store)
        .await?
        .ok_or_else(|| client.failed(&state, None, unknown_code()))?;
    let latest: Option<JoinCode> = query(format!(
        "SELECT {JOIN_CODE_COLS} FROM join_codes WHERE invite_id = $1 AND email = $2 \
         ORDER BY created_at DESC, id DESC LIMIT 1"
    ))
    .bind(&row.id)
    .bind(&address)
    .fetch_optional(&state.store)
    .await?;
    let Some(jc) = latest else {
        return Err(otp_error(
            "no code was sent to this address for this invitation: ask for one",
        ));
    };
    let now = now_ms();
    // One try, taken atomically: however many run at once, at most five are ever compared.
    let mut tx = state.store.begin_write().await?;
    let taken: Option<(i64,)> = query(
        "UPDATE join_codes SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 \
         AND used_at IS NULL AND expires_at > $3 RETURNING attempts",
    )
    .bind(&jc.id)
    .bind(JOIN_CODE_TRIES)
    .bind(now)
    .fetch_optional(&mut tx)
    .await?;
    tx.commit().await?;
    let Some((attempts,)) = taken else {
        return Err(if jc.used_at.is_some() {
            otp_error("this code was used already: ask for a new one")
        } else if jc.attempts >= JOIN_CODE_TRIES {
            otp_error("five wrong codes: this one no longer works, ask for a new one")
        } else if jc.expires_at <= now {
            otp_error("this code expired: ask for a new one")
        } else {
            otp_error("this code no longer works: ask for a new one")
        });
    };
    if !same_hash(
        &hash_join_code(&state.admin_token_hash, &jc.id, otp),
        &jc.code_hash,
    ) {
        let left = JOIN_CODE_TRIES - attempts;
        return Err(otp_error(if left > 0 {
            format!(
                "that is not the code we sent: {left} {} left",
                if left == 1 { "try" } else { "tries" }
            )
        } else {
            "that is not the code we sent, and it was the fifth try: ask for a new code".into()
        }));
    }
    // The address is proven: accept exactly as `acceptInvite` does, on behalf of the page.
    let caller = Caller {
        org_id: row.organization_id.clone(),
        key_hash: hash_secret("invitee-page"),
        key_id: "invitee_page".into(),
    };
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&format!("invitee-page {}", client.0)) {
        headers.insert("invites-forwarded-for", v);
    }
    let accept_body = json!({"code": req.code, "email": address}).to_string();
    let reply = run_accept(&state, &caller, &headers, None, accept_body.as_bytes()).await?;
    let member: Value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    let mut tx = state.store.begin_write().await?;
    query("UPDATE join_codes SET used_at = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(&jc.id)
        .execute(&mut tx)
        .await?;
    tx.commit().await?;
    let org = load_org(&state, &row.organization_id).await?;
    tracing::info!(invite_id = %row.id, member_id = %member["id"].as_str().unwrap_or(""), "joined through the invitee page");
    Ok(answer(
        StatusCode::CREATED,
        json!({
            "organization_name": org.0,
            "member_id": member["id"],
            "email": member["email"],
            "roles": member["roles"],
            "teams": member["teams"],
            "app_url": state.page.app_url,
        }),
    ))
}
