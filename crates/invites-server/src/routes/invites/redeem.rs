//! Redeeming codes: `lookupInvite` and `acceptInvite`, and the limits on failed attempts.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde_json::json;

use super::row::{InviteRow, invite_cols, json_value};
use super::store::{find_by_code, load_invite};
use super::validate::{AcceptRequest, LookupRequest, check_text};
use crate::db::{self, Backend, FromRow, On, Row, Tx, now_ms, query};
use crate::email::{self, Entry};
use crate::error::ApiError;
use crate::idempotency::{self, Begun, Idem, Reply};
use crate::input::{check_len, parse_json, rfc3339};
use crate::routes::members::{MEMBER_COLS, MemberRow};
use crate::routes::organizations::load_org;
use crate::routes::post::{self, Route, Start};
use crate::routes::{AppState, Caller};
use crate::secrets::{invite_code_key, new_id};

/// A code of 1 to 128 characters.
pub(super) fn check_code(code: &str) -> Result<(), ApiError> {
    check_len("code", code, 1, 128)
}

/// The header naming the end user on whose behalf the caller's backend looks up or accepts.
const END_USER_HEADER: &str = "invites-forwarded-for";

/// Whom a failed lookup or accept counts against: the end user (named by
/// `Invites-Forwarded-For`, else the API key) and the code, both within the caller's
/// organization, so that no tenant's failures ever count against another.
struct Attempt {
    end_user: String,
    code: String,
}

impl Attempt {
    /// The end user's key from the request; 400 for a malformed header. 429 when that end user
    /// used up its failures.
    fn start(state: &AppState, caller: &Caller, headers: &HeaderMap) -> Result<Attempt, ApiError> {
        let end_user = match headers.get(END_USER_HEADER) {
            None => format!("{}\0key\0{}", caller.org_id, caller.key_hash),
            Some(v) => {
                let v = v
                    .to_str()
                    .ok()
                    .map(str::trim)
                    .filter(|v| !v.is_empty() && v.len() <= 200)
                    .ok_or_else(|| {
                        ApiError::invalid(
                            "Invites-Forwarded-For",
                            "Invites-Forwarded-For must be 1 to 200 visible ASCII characters \
                             (the end user's IP address or an opaque id)",
                        )
                    })?;
                format!("{}\0user\0{v}", caller.org_id)
            }
        };
        state.limiter.check(&end_user)?;
        Ok(Attempt {
            end_user,
            code: String::new(),
        })
    }

    /// Name the code tried (by its hash); 429 when it used up its failures in this organization.
    fn code(&mut self, state: &AppState, caller: &Caller, code_hash: &str) -> Result<(), ApiError> {
        self.code = format!("{}\0{code_hash}", caller.org_id);
        state.code_limiter.check(&self.code)
    }

    /// Count this failed attempt against the end user and the code: `answer`, or 429 when this
    /// failure is past either limit (one atomic step each, so concurrent failures are exact).
    fn failed(&self, state: &AppState, answer: ApiError) -> ApiError {
        let by_user = state.limiter.fail(&self.end_user);
        let by_code = state.code_limiter.fail(&self.code);
        match by_user.and(by_code) {
            Ok(()) => answer,
            Err(limited) => limited,
        }
    }
}

/// The answer to a code no invite of the caller's has.
fn unknown_code() -> ApiError {
    ApiError::NotFound("no invite has this code".into())
}

/// `lookupInvite`: what a landing page may show about a code; consumes nothing.
pub(crate) async fn lookup(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    let result = run_lookup(&state, &caller, &headers, idem.as_ref(), &body).await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

async fn run_lookup(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    idem: Option<&Idem>,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut attempt = Attempt::start(state, caller, headers)?;
    let req: LookupRequest = parse_json(body)?;
    check_code(&req.code)?;
    attempt.code(state, caller, &invite_code_key(&req.code))?;
    let row = find_by_code(state, &caller.org_id, &req.code)
        .await?
        .ok_or_else(|| attempt.failed(state, unknown_code()))?;
    let org = load_org(state, &caller.org_id).await?;
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
    let tx = match idempotency::begin(&state.store, idem).await? {
        Begun::Replay(r) => return Ok(r),
        Begun::Tx(tx) => tx,
    };
    idempotency::commit(tx, idem, reply).await
}

/// An invite found by its code for an accept, with the member the accepting address already
/// is in the organization, if any, and whether the address used its place already (one read).
pub(super) struct Found {
    pub(super) invite: InviteRow,
    pub(super) member_id: Option<String>,
    pub(super) address_used: Option<i64>,
    /// PostgreSQL: the row version read (`xmin`), for an [`AcceptHint`].
    pub(super) version: Option<String>,
}

impl FromRow for Found {
    fn from_row(row: &mut Row) -> Result<Self, db::Error> {
        Ok(Found {
            invite: InviteRow::from_row(row)?,
            member_id: row.take()?,
            address_used: row.take()?,
            version: row.take()?,
        })
    }
}

/// An unlimited invite as an accept on this replica read it (on PostgreSQL with its row
/// version, `xmin`), and the use count the latest claim from it left.
#[derive(Debug)]
pub(crate) struct AcceptHint {
    invite: InviteRow,
    /// PostgreSQL: the row version read.
    version: Option<String>,
    /// PostgreSQL: `use_count` as the latest claim from this hint left it, the count read plus
    /// this replica's claims from it (the uses of other replicas since the read are in shards
    /// this replica does not read); the event's count. (SQLite reads the count in each
    /// claim's own transaction instead.)
    uses: std::sync::atomic::AtomicI64,
}

impl AcceptHint {
    /// PostgreSQL: the remembered row with the use count as of the latest claim from it, what
    /// an accept's answer and event are made from.
    fn seen(&self) -> InviteRow {
        let mut row = self.invite.clone();
        row.use_count = self.uses.load(std::sync::atomic::Ordering::Relaxed);
        row
    }
}

/// Whether the invite names this (normalized) address exactly: its place is then the
/// address's own, used once.
fn names_exactly(row: &InviteRow, address: &str) -> bool {
    row.entries()
        .iter()
        .any(|e| matches!(e, Entry::Exact(a) if a == address))
}

/// The checks of an accept that need no lock, in the documented order.
pub(super) fn accept_checks(found: &Found, address: &str, now: i64) -> Result<(), ApiError> {
    let (member, used) = (found.member_id.as_deref(), found.address_used.is_some());
    checks(&found.invite, member, used, address, now)
}

/// [`accept_checks`] of `row`, with the member the address is (if any) and whether it used
/// its place.
fn checks(
    row: &InviteRow,
    member_id: Option<&str>,
    address_used: bool,
    address: &str,
    now: i64,
) -> Result<(), ApiError> {
    // An address the invite admits that is already a member hears exactly that, whatever the
    // invite's state (a used single-use invite accepted again by its own invitee included).
    let allowed = email::allowed(&row.entries(), address);
    if allowed && let Some(id) = member_id {
        return Err(ApiError::AlreadyMember(format!(
            "{address} is already member {id}"
        )));
    }
    if row.revoked_at.is_some() {
        return Err(ApiError::InviteRevoked);
    }
    // Each exact address is admitted once: a removed member does not get its place back.
    if allowed && address_used {
        return Err(ApiError::InviteExhausted);
    }
    if let Some(e) = row.unusable(now) {
        return Err(e);
    }
    if !allowed {
        return Err(ApiError::EmailNotAllowed);
    }
    Ok(())
}

/// `acceptInvite`: redeem a code for an address the caller's backend has verified.
pub(crate) async fn accept(
    State(state): State<Arc<AppState>>,
    route: Route,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Reply, ApiError> {
    let (caller, idem) = match post::start(&state, &headers, &route, &body).await? {
        Start::Run { caller, idem } => (caller, idem),
        Start::Replay(r) => return Ok(r),
    };
    let result = run_accept(&state, &caller, &headers, idem.as_ref(), &body).await;
    idempotency::settle(&state.store, idem.as_ref(), result).await
}

pub(super) async fn run_accept(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    idem: Option<&Idem>,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut attempt = Attempt::start(state, caller, headers)?;
    let req: AcceptRequest = parse_json(body)?;
    check_code(&req.code)?;
    check_len("email", &req.email, 3, 254)?;
    check_text("user_id", &req.user_id, 200)?;
    let address =
        email::normalize_address(&req.email).map_err(|m| ApiError::invalid("email", m))?;
    let code_hash = invite_code_key(&req.code);
    attempt.code(state, caller, &code_hash)?;
    let accept = Accept {
        state,
        caller,
        attempt: &attempt,
        idem,
        address: &address,
        user_id: &req.user_id,
        code_hash: &code_hash,
    };
    // On PostgreSQL the claim is conditional on the roles and teams it read (the member and the
    // event are written from them in the claim's statement): an update in between starts over.
    for _ in 0..MAX_TRIES {
        if let Some(reply) = accept.once().await? {
            return Ok(reply);
        }
    }
    Err(ApiError::conflict(
        None,
        "the invite kept changing while it was being accepted; nothing was changed, retry",
    ))
}

/// Reads and claims an accept makes before it gives up on an invite being updated under it.
const MAX_TRIES: usize = 3;

/// One accept request, validated.
struct Accept<'a> {
    state: &'a AppState,
    caller: &'a Caller,
    attempt: &'a Attempt,
    idem: Option<&'a Idem>,
    address: &'a str,
    user_id: &'a Option<String>,
    code_hash: &'a str,
}

impl Accept<'_> {
    /// The member this accept makes of the caller's address, with the invite's roles and teams.
    fn new_member(&self, row: &InviteRow, now: i64) -> MemberRow {
        MemberRow {
            id: new_id("mem"),
            organization_id: self.caller.org_id.clone(),
            email: self.address.to_owned(),
            user_id: self.user_id.clone(),
            roles: row.roles.clone(),
            teams: row.teams.clone(),
            invite_id: Some(row.id.clone()),
            created_at: now,
        }
    }

    /// Read the invite and claim a use: the answer, or `None` when the invite's roles or teams
    /// changed between the read and the claim (nothing was written; read again).
    async fn once(&self) -> Result<Option<Reply>, ApiError> {
        let (state, caller, address) = (self.state, self.caller, self.address);
        let pg = state.store.backend == Backend::Postgres;
        if self.idem.is_none()
            && let Some(hint) = state.accept_hints.get(self.code_hash)
            && self.hint_applies(&hint, pg)
        {
            let claimed = if pg {
                self.claim_from_hint(&hint).await?
            } else {
                self.claim_from_hint_on_sqlite(&hint).await?
            };
            if let Some(reply) = claimed {
                return Ok(Some(reply));
            }
            state.accept_hints.remove(self.code_hash);
        }
        let cols = invite_cols(state.store.backend);
        let version = if pg { "invites.xmin::text" } else { "NULL" };
        let found: Found = query(format!(
            "SELECT {cols}, \
             (SELECT id FROM members WHERE organization_id = $2 AND email = $3), \
             (SELECT 1 FROM invite_address_uses u WHERE u.invite_id = invites.id AND u.email = $3), \
             {version} FROM invites WHERE code_hash = $1"
        ))
        .bind(self.code_hash)
        .bind(&caller.org_id)
        .bind(address)
        .fetch_optional::<Found>(&state.store)
        .await?
        // By the unique code hash alone, the organization compared on the row (see `load_invite`).
        .filter(|f| f.invite.organization_id == caller.org_id)
        .ok_or_else(|| self.attempt.failed(state, unknown_code()))?;
        if let Err(e) = accept_checks(&found, address, now_ms()) {
            // A twin with the same key (on any replica) may have committed since the replay
            // check above: its member, or its taking the last use, is what failed these checks,
            // and its stored answer is this request's answer.
            if let Some(r) = idempotency::replay(&state.store, self.idem).await? {
                return Ok(Some(r));
            }
            if matches!(e, ApiError::EmailNotAllowed) {
                return Err(self.attempt.failed(state, e));
            }
            return Err(e);
        }

        let row = found.invite;
        let exact = names_exactly(&row, address);
        let now = now_ms();
        let mut member = self.new_member(&row, now);
        // SQLite: the event and the answer are made before the write takes the one writer turn
        // (made again in the rare case that the claim finds other roles or teams).
        let made = |member: &MemberRow| {
            let event = super::audit::accepted_event(caller, &row, member, now);
            (event, Reply::json(StatusCode::CREATED, &member.view()))
        };
        let mut early = (!pg).then(|| made(&member));
        // The use count after the claim (SQLite reads it in the claim's transaction).
        let mut uses = row.use_count + 1;
        // PostgreSQL without an Idempotency-Key: the accept is one statement, committed on its
        // own (no BEGIN and COMMIT round trips).
        let mut tx = if pg && self.idem.is_none() {
            None
        } else {
            match idempotency::begin(&state.store, self.idem).await? {
                Begun::Replay(r) => return Ok(Some(r)),
                Begun::Tx(tx) => Some(tx),
            }
        };
        let outcome = match tx.as_mut() {
            None => {
                claim_in_one_statement(&state.store, caller, &row, &member, exact, None).await?
            }
            Some(tx) if pg => {
                tx.wrote_events();
                claim_in_one_statement(&mut *tx, caller, &row, &member, exact, None).await?
            }
            Some(tx) => claim_step_by_step(tx, &row, &mut member, exact, &mut uses).await?,
        };
        if !matches!(outcome, Claim::Done)
            && let Some(tx) = tx.take()
        {
            tx.rollback().await?;
        }
        match outcome {
            Claim::Done => {}
            Claim::NotClaimed => {
                let fresh = load_invite(&state.store, &caller.org_id, &row.id).await?;
                if fresh.code_hash != row.code_hash {
                    return Err(self.attempt.failed(state, unknown_code()));
                }
                if let Some(e) = fresh.unusable(now) {
                    return Err(e);
                }
                if pg && (fresh.roles != row.roles || fresh.teams != row.teams) {
                    return Ok(None);
                }
                return Err(ApiError::InviteExhausted);
            }
            Claim::AlreadyMember => {
                return Err(ApiError::AlreadyMember(format!(
                    "{address} is already a member"
                )));
            }
            Claim::AddressUsed => return Err(ApiError::InviteExhausted),
        }
        let (event, reply) = match early.take() {
            // The member was built from `row`; the claim changes it only when it found others.
            Some((event, reply)) if row.roles == member.roles && row.teams == member.teams => {
                (Some(event), reply)
            }
            Some(_) => {
                let (event, reply) = made(&member);
                (Some(event), reply)
            }
            None => (None, Reply::json(StatusCode::CREATED, &member.view())),
        };
        if row.max_uses.is_none() && (found.version.is_some() || !pg) {
            let hint = AcceptHint {
                uses: uses.into(),
                invite: row.clone(),
                version: found.version,
            };
            state.accept_hints.insert(self.code_hash, Arc::new(hint));
        }
        match tx {
            Some(mut tx) => {
                if let Some(event) = event {
                    let event = if event.fits(uses) {
                        event
                    } else {
                        // A limited invite whose count moved since the read (accepts of the
                        // same group): its status follows the count the claim left.
                        let mut before = row.clone();
                        before.use_count = uses - 1;
                        super::audit::accepted_event(caller, &before, &member, now)
                    };
                    crate::events::insert(&mut tx, event.counted(uses)).await?;
                }
                idempotency::commit(tx, self.idem, reply).await.map(Some)
            }
            None => {
                crate::events::committed();
                Ok(Some(reply))
            }
        }
    }
}

impl Accept<'_> {
    /// Whether an accept may claim from `hint` without reading the invite: the caller's
    /// organization's, and the remembered row passes the checks for this address (on SQLite,
    /// also not naming it exactly: its place of its own is then checked by the read).
    fn hint_applies(&self, hint: &AcceptHint, pg: bool) -> bool {
        let row = &hint.invite;
        row.organization_id == self.caller.org_id
            && (pg || !names_exactly(row, self.address))
            && checks(row, None, false, self.address, now_ms()).is_ok()
    }

    /// PostgreSQL without an Idempotency-Key, for a code this replica accepted before: claim
    /// from the remembered row, one statement in all, on condition that the row is still the
    /// version read. `None` when anything but a new member came of it (nothing was written:
    /// the caller reads the row and answers the usual way).
    async fn claim_from_hint(&self, hint: &AcceptHint) -> Result<Option<Reply>, ApiError> {
        let row = hint.seen();
        let member = self.new_member(&row, now_ms());
        let exact = names_exactly(&row, self.address);
        let on = &self.state.store;
        let claim = claim_in_one_statement(
            on,
            self.caller,
            &row,
            &member,
            exact,
            hint.version.as_deref(),
        );
        if !matches!(claim.await?, Claim::Done) {
            return Ok(None);
        }
        hint.uses
            .fetch_max(row.use_count + 1, std::sync::atomic::Ordering::Relaxed);
        crate::events::committed();
        Ok(Some(Reply::json(StatusCode::CREATED, &member.view())))
    }

    /// SQLite without an Idempotency-Key, for a code this process accepted before: the accept
    /// without its read. The answer and the event are made from the remembered row before the
    /// write takes the writer turn; in it, the member first (an address already a member:
    /// nothing changed), then the claim on condition that the row still holds every column
    /// the remembered one does but its use counters, so that what was made from it is what a
    /// read would have given. `None` when anything but a new member came of it (nothing is
    /// kept: the caller reads the row and answers the usual way).
    async fn claim_from_hint_on_sqlite(
        &self,
        hint: &AcceptHint,
    ) -> Result<Option<Reply>, ApiError> {
        let (state, caller, row) = (self.state, self.caller, &hint.invite);
        let now = now_ms();
        let member = self.new_member(row, now);
        // Its count is written in after the claim.
        let event = super::audit::accepted_event(caller, row, &member, now);
        let reply = Reply::json(StatusCode::CREATED, &member.view());
        let mut tx = state.store.begin_write().await?;
        if !insert_member(&mut tx, &member).await? {
            tx.rollback().await?;
            return Ok(None);
        }
        let claimed = query(format!(
            "{CLAIM_USE} AND max_uses IS NULL AND emails = $4 AND roles = $5 AND teams = $6 \
             AND metadata = $7 AND name IS $8 AND description IS $9 AND message IS $10 \
             AND expires_at IS $11 AND created_at = $12"
        ))
        .bind(now)
        .bind(&row.id)
        .bind(&row.code_hash)
        .bind(&row.emails)
        .bind(&row.roles)
        .bind(&row.teams)
        .bind(&row.metadata)
        .bind(&row.name)
        .bind(&row.description)
        .bind(&row.message)
        .bind(row.expires_at)
        .bind(row.created_at)
        .execute(&mut tx)
        .await?
            == 1;
        if !claimed {
            tx.rollback().await?;
            return Ok(None);
        }
        let (_, _, uses): (String, String, i64) =
            query(CLAIMED).bind(&row.id).fetch_one(&mut tx).await?;
        insert_redemption(&mut tx, &row.id, &member).await?;
        crate::events::insert(&mut tx, event.counted(uses)).await?;
        let reply = idempotency::commit(tx, None, reply).await?;
        Ok(Some(reply))
    }
}

/// How the writes of an accept went; anything but `Done` is rolled back by the caller.
enum Claim {
    /// A use claimed, the member, the address's use (for an exact address) and the redemption
    /// written.
    Done,
    /// The invite could not give a use now (revoked, disabled, expired, used up, or its code
    /// rotated since the read).
    NotClaimed,
    /// The address became a member meanwhile.
    AlreadyMember,
    /// The exact address's one use was taken meanwhile (by a twin with another key).
    AddressUsed,
}

/// Shards of an unlimited invite's use count (one per database connection, by its process id).
const USE_SHARDS: i64 = 64;

/// The one atomic, conditional claim of a use: exact under any concurrency. The member then
/// gets the roles and teams of the row it claimed ([`CLAIMED`], in the same transaction: a
/// change committed between the read and this claim is what the claim sees).
///
/// The row is named by its primary key and code hash alone: it was read from the caller's
/// organization, and an invite never changes organization (with `organization_id` in the
/// statement, a plan cached while the table was tiny scanned the organization's index instead).
const CLAIM_USE: &str = "UPDATE invites SET use_count = use_count + 1, last_used_at = $1, \
     updated_at = $1 WHERE id = $2 AND code_hash = $3 \
     AND revoked_at IS NULL AND enabled = 1 AND (expires_at IS NULL OR expires_at > $1) \
     AND (max_uses IS NULL OR use_count < max_uses)";

/// The roles, teams and use count of the invite [`CLAIM_USE`] claimed, read after it in its
/// transaction (SQLite builds a table for the rows of a `RETURNING`; a read of the row just
/// written is cheaper). The count is the event's: every use committed before this one.
const CLAIMED: &str = "SELECT roles, teams, use_count FROM invites WHERE id = $1";

/// PostgreSQL: the claim, every insert and the `invite.accepted` event in one statement
/// (data-modifying CTEs), on its own or in the caller's transaction.
///
/// A limited invite's use is claimed on its row (as [`CLAIM_USE`] does): its row lock makes the count
/// exact, and is held for this one statement and the COMMIT. An unlimited invite (max_uses
/// NULL) is only share-locked (`FOR SHARE`: a revoke, update or rotation waits for the accepts
/// in flight, and an accept after it sees it) and its use is added to this connection's shard
/// of `invite_use_shards`, so accepts of one public link do not wait for each other's COMMIT.
/// Both branches re-check their condition on the newest row version, so exactly one of them
/// claims even while `max_uses` is being set; both also require the roles and teams `member`
/// was given from the read (`NotClaimed` when they changed).
///
/// The member and the address's use are inserted without `ON CONFLICT`: when a concurrent
/// writer made this address a member (or took its place) since the read, the unique violation
/// aborts the whole statement, the claimed use included.
///
/// With `version` (an [`AcceptHint`]'s), the row must also still be that version.
async fn claim_in_one_statement<'a>(
    on: impl Into<On<'a>>,
    caller: &Caller,
    row: &InviteRow,
    member: &MemberRow,
    exact: bool,
    version: Option<&str>,
) -> Result<Claim, ApiError> {
    let event = super::audit::accepted_event(caller, row, member, member.created_at)
        .counted(row.use_count + 1);
    // The row's conditions, re-checked on its newest version.
    let usable = "id = $2 AND code_hash = $3 AND roles = $10 AND teams = $11 \
         AND revoked_at IS NULL AND enabled = 1 AND (expires_at IS NULL OR expires_at > $1)";
    let claim = if version.is_some() {
        // The row version of an unlimited invite: still unlimited.
        format!(
            "claim AS (SELECT 1 FROM invites WHERE {usable} AND xmin = $17::text::xid \
             AND max_uses IS NULL FOR SHARE)"
        )
    } else {
        format!(
            "limited AS (UPDATE invites SET use_count = use_count + 1, last_used_at = $1, \
               updated_at = $1 WHERE {usable} \
               AND max_uses IS NOT NULL AND use_count < max_uses RETURNING 1), \
             unlimited AS (SELECT 1 FROM invites WHERE {usable} AND max_uses IS NULL FOR SHARE), \
             claim AS (SELECT 1 FROM limited UNION ALL SELECT 1 FROM unlimited)"
        )
    };
    let unlimited = if version.is_some() {
        "claim"
    } else {
        "unlimited"
    };
    // Only an exact address has a place of its own to take.
    let address_use = if exact {
        "u AS (INSERT INTO invite_address_uses (invite_id, email, created_at) \
         SELECT $2, $6, $1 FROM m WHERE $8 = 1), "
    } else {
        ""
    };
    let claimed = query(format!(
        "WITH {claim}, \
         shard AS (INSERT INTO invite_use_shards (invite_id, shard, uses, last_used_at) \
               SELECT $2, pg_backend_pid() % {USE_SHARDS}, 1, $1 FROM {unlimited} \
               ON CONFLICT (invite_id, shard) DO UPDATE \
               SET uses = invite_use_shards.uses + 1, last_used_at = excluded.last_used_at), \
         m AS (INSERT INTO members ({MEMBER_COLS}) \
               SELECT $5, $4, $6, $7, $10, $11, $2, $1 FROM claim RETURNING 1), \
         {address_use}\
         r AS (INSERT INTO redemptions \
               (id, organization_id, invite_id, member_id, email, user_id, created_at) \
               SELECT $9, $4, $2, $5, $6, $7, $1 FROM m), \
         e AS (INSERT INTO events \
               (id, organization_id, type, actor_type, actor_id, data, created_at) \
               SELECT $12, $4, $13, $14, $15, $16, $1 FROM m), \
         q AS (INSERT INTO event_queue (created_at, id) SELECT $1, $12 FROM m) \
         SELECT count(*) FROM m"
    ))
    .bind(member.created_at)
    .bind(&row.id)
    .bind(&row.code_hash)
    .bind(&member.organization_id)
    .bind(&member.id)
    .bind(&member.email)
    .bind(&member.user_id)
    .bind(i64::from(exact))
    .bind(new_id("red"))
    .bind(&member.roles)
    .bind(&member.teams)
    .bind(event.id)
    .bind(event.kind)
    .bind(event.actor_type)
    .bind(event.actor_id)
    .bind(event.data)
    .bind(version.map(str::to_owned))
    .fetch_one::<(i64,)>(on)
    .await;
    Ok(match claimed {
        Ok((0,)) => Claim::NotClaimed,
        Ok(_) => Claim::Done,
        Err(e) => match e.unique_violation() {
            Some("members_organization_id_email_key") => Claim::AlreadyMember,
            Some("invite_address_uses_pkey") => Claim::AddressUsed,
            _ => return Err(e.into()),
        },
    })
}

/// SQLite (no data-modifying CTEs): the same writes one statement at a time, inside the
/// group's write lock. `uses` is set to the invite's use count after the claim.
async fn claim_step_by_step(
    tx: &mut Tx,
    row: &InviteRow,
    member: &mut MemberRow,
    exact: bool,
    uses: &mut i64,
) -> Result<Claim, ApiError> {
    let claimed = query(CLAIM_USE)
        .bind(member.created_at)
        .bind(&row.id)
        .bind(&row.code_hash)
        .execute(&mut *tx)
        .await?
        == 1;
    if !claimed {
        return Ok(Claim::NotClaimed);
    }
    let (roles, teams, count): (String, String, i64) =
        query(CLAIMED).bind(&row.id).fetch_one(&mut *tx).await?;
    member.roles = roles;
    member.teams = teams;
    *uses = count;
    if !insert_member(tx, member).await? {
        return Ok(Claim::AlreadyMember);
    }
    if exact {
        // The address's own place, once ever (a concurrent twin of another key loses here).
        let first = query(
            "INSERT INTO invite_address_uses (invite_id, email, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&row.id)
        .bind(&member.email)
        .bind(member.created_at)
        .execute(&mut *tx)
        .await?
            == 1;
        if !first {
            return Ok(Claim::AddressUsed);
        }
    }
    insert_redemption(tx, &row.id, member).await?;
    Ok(Claim::Done)
}

/// SQLite: insert the new member; false (nothing written) when the address is one already.
async fn insert_member(tx: &mut Tx, member: &MemberRow) -> Result<bool, ApiError> {
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
    .execute(&mut *tx)
    .await?;
    Ok(inserted == 1)
}

/// SQLite: the redemption of `invite_id` by the new member.
async fn insert_redemption(
    tx: &mut Tx,
    invite_id: &str,
    member: &MemberRow,
) -> Result<(), ApiError> {
    query(
        "INSERT INTO redemptions (id, organization_id, invite_id, member_id, email, user_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id("red"))
    .bind(&member.organization_id)
    .bind(invite_id)
    .bind(&member.id)
    .bind(&member.email)
    .bind(&member.user_id)
    .bind(member.created_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
