//! Events: the organization's audit log, written in the transaction of every change.
//!
//! Each change site calls [`record`] (or [`record_all`] for a batch) with its open [`Tx`] right
//! before it commits, so an event exists exactly when its change committed: a change that rolls
//! back (a 409, a refused accept, a request abandoned on its timeout) leaves none. An event is
//! `{id: "evt_…", type, created_at, actor: {type, id?}, data}`; `data` holds the changed objects
//! as the API shows them *without* a code, link or secret: the call sites pass the JSON of
//! `to_json(.., None)`, and as a last guard [`record`] drops any `code`, `url`, `secret`, `link`
//! or `payload` key on `data` and on the objects directly in it.
//!
//! The `events` table is also the outbox of webhook deliveries, as `email_outbox` is the outbox
//! of emails (see [`crate::outbox`]): each event is written with a row in `event_queue`, which
//! the webhook dispatcher ([`crate::webhooks::worker`]) deletes once it has queued the event for
//! every endpoint that wants it, so deliveries need no second write path.
//!
//! `listEvents` ([`list`]) pages through them newest first; [`purge`] forgets those older than
//! the retention (`--event-retention-days`, at least [`MIN_RETENTION_DAYS`]).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use crate::db::{Arg, Backend, Store, Tx, as_one_statement, now_ms, query};
use crate::error::ApiError;
use crate::idempotency::Reply;
use crate::input::rfc3339;
use crate::routes::page::Keyset;
use crate::routes::{AppState, Caller, authenticate};
use crate::secrets::ordered_id;

/// Every event type, in the order the API documents them.
pub const TYPES: &[&str] = &[
    "invite.created",
    "invite.updated",
    "invite.revoked",
    "invite.code_rotated",
    "invite.resent",
    "invite.accepted",
    "member.removed",
    "api_key.created",
    "api_key.revoked",
    "email.sent",
    "email.failed",
];

/// Rung after a transaction that wrote events committed: wakes this replica's webhook
/// dispatcher at once instead of at its next poll.
pub static COMMITTED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// The shortest retention allowed: events are kept at least this many days.
pub const MIN_RETENTION_DAYS: u32 = 30;

/// The default `--event-retention-days`.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// How often each replica purges events past the retention.
pub const PURGE_EVERY: Duration = Duration::from_secs(600);

/// The `key_id` the invitee page accepts under (see `routes::invites::join`): its accepts are
/// the server's own doing, so their actor is `system`.
const INVITEE_PAGE: &str = "invitee_page";

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// An organization API key, by its id (`key_…`).
    ApiKey(String),
    /// The server's admin token (creating organizations).
    Admin,
    /// The server itself (the email worker, the invitee page), with the part's name.
    System(&'static str),
}

impl Actor {
    /// The actor of a change an authenticated caller made.
    pub fn of(caller: &Caller) -> Actor {
        if caller.key_id == INVITEE_PAGE {
            Actor::System(INVITEE_PAGE)
        } else {
            Actor::ApiKey(caller.key_id.clone())
        }
    }

    fn columns(&self) -> (&'static str, Option<String>) {
        match self {
            Actor::ApiKey(id) => ("api_key", Some(id.clone())),
            Actor::Admin => ("admin", None),
            Actor::System(part) => ("system", Some((*part).to_owned())),
        }
    }
}

/// Keys never stored on an event's data or on the objects directly in it (the secrets shown
/// once, and links that hold a code). Deeper values (an invite's `metadata`, the caller's own
/// words) are kept as they are.
const FORBIDDEN_KEYS: &[&str] = &["code", "url", "secret", "link", "payload"];

/// `data` without any value under a [`FORBIDDEN_KEYS`] key, on it or on its objects.
fn scrub(mut data: Value) -> Value {
    fn drop_keys(v: &mut Value) {
        if let Value::Object(map) = v {
            map.retain(|k, _| !FORBIDDEN_KEYS.contains(&k.as_str()));
        }
    }
    drop_keys(&mut data);
    if let Value::Object(map) = &mut data {
        map.values_mut().for_each(drop_keys);
    }
    data
}

/// A new event id: `evt_` and an [`ordered_id`], so the ids this replica makes sort in the order
/// it wrote them, the events of one batch included.
fn event_id() -> String {
    ordered_id("evt")
}

/// An event ready to be written: its row in `events`.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// `evt_…`, see [`event_id`].
    pub id: String,
    /// The organization it belongs to.
    pub organization_id: String,
    /// One of [`TYPES`].
    pub kind: &'static str,
    /// `api_key`, `admin` or `system`.
    pub actor_type: &'static str,
    /// The key's id, or the system part's name.
    pub actor_id: Option<String>,
    /// The JSON text of `data`, scrubbed of codes, links and secrets.
    pub data: String,
    /// Epoch milliseconds.
    pub created_at: i64,
}

impl NewEvent {
    /// The event of `kind` (one of [`TYPES`]) for organization `org_id`, with a new id.
    pub fn new(org_id: &str, kind: &'static str, actor: &Actor, data: Value, now: i64) -> Self {
        Self::of_views(org_id, kind, actor, &scrub(data), now)
    }

    /// An event whose data is serialized from typed views of the changed objects (as the API
    /// shows them, and so without codes, links or secrets: the views of events are made
    /// without them), written straight to text.
    pub fn of_views(
        org_id: &str,
        kind: &'static str,
        actor: &Actor,
        data: &impl serde::Serialize,
        now: i64,
    ) -> Self {
        let data = serde_json::to_string(data).unwrap_or_else(|_| "null".into());
        Self::of_text(org_id, kind, actor, data, now)
    }

    /// An event whose data is already JSON text made as [`NewEvent::of_views`] makes it.
    pub fn of_text(
        org_id: &str,
        kind: &'static str,
        actor: &Actor,
        data: String,
        now: i64,
    ) -> Self {
        debug_assert!(TYPES.contains(&kind), "unknown event type {kind}");
        let (actor_type, actor_id) = actor.columns();
        NewEvent {
            id: event_id(),
            organization_id: org_id.to_owned(),
            kind,
            actor_type,
            actor_id,
            data,
            created_at: now,
        }
    }
}

/// Wake this replica's webhook dispatcher after a statement that wrote events committed on its
/// own, outside a [`Tx`] (whose commit rings it by itself).
pub fn committed() {
    COMMITTED.notify_one();
}

/// Write one event of `kind` (one of [`TYPES`]) for organization `org_id` in the caller's
/// transaction; its id.
pub async fn record(
    tx: &mut Tx,
    org_id: &str,
    kind: &'static str,
    actor: &Actor,
    data: Value,
    now: i64,
) -> Result<String, crate::db::Error> {
    insert(tx, NewEvent::new(org_id, kind, actor, data, now)).await
}

/// Write `event` in the caller's transaction; its id.
pub async fn insert(tx: &mut Tx, event: NewEvent) -> Result<String, crate::db::Error> {
    let id = event.id.clone();
    write(tx, event.into_writes()).await?;
    Ok(id)
}

/// Run `writes` (events, and the change they tell of when it is made of `INSERT`s too) in
/// `tx`: as one statement on PostgreSQL, one after the other on SQLite.
pub async fn write(tx: &mut Tx, writes: Vec<crate::db::Query>) -> Result<(), crate::db::Error> {
    tx.wrote_events();
    if tx.backend() == Backend::Postgres {
        as_one_statement(writes).execute(&mut *tx).await?;
    } else {
        for w in writes {
            w.execute(&mut *tx).await?;
        }
    }
    Ok(())
}

impl NewEvent {
    /// Its two `INSERT`s, the event and its place in the dispatcher's `event_queue` (to run
    /// inside the change's transaction or statement).
    pub fn into_writes(self) -> Vec<crate::db::Query> {
        let queued = query("INSERT INTO event_queue (created_at, id) VALUES ($1, $2)")
            .bind(self.created_at)
            .bind(self.id.clone());
        let event = query(
            "INSERT INTO events (id, organization_id, type, actor_type, actor_id, data, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(self.id)
        .bind(self.organization_id)
        .bind(self.kind)
        .bind(self.actor_type)
        .bind(self.actor_id)
        .bind(self.data)
        .bind(self.created_at);
        vec![event, queued]
    }
}

/// Rows per multi-row `INSERT` of [`record_all`] (9 arguments each, well under every
/// backend's limit on placeholders).
const ROWS_PER_INSERT: usize = 100;

/// Write one event of `kind` per item of `data` in the caller's transaction, a hundred rows per
/// statement (a batch of 1,000 invites costs 10 statements, not 1,000); their ids in order.
pub async fn record_all(
    tx: &mut Tx,
    org_id: &str,
    kind: &'static str,
    actor: &Actor,
    data: Vec<Value>,
    now: i64,
) -> Result<Vec<String>, crate::db::Error> {
    let mut ids = Vec::with_capacity(data.len());
    let mut data = data.into_iter().peekable();
    while data.peek().is_some() {
        let chunk: Vec<NewEvent> = data
            .by_ref()
            .take(ROWS_PER_INSERT)
            .map(|d| NewEvent::new(org_id, kind, actor, d, now))
            .collect();
        let marks = |width: usize| {
            (0..chunk.len())
                .map(|i| {
                    let b = i * width;
                    let row: Vec<String> = (1..=width).map(|k| format!("${}", b + k)).collect();
                    format!("({})", row.join(", "))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut events = query(format!(
            "INSERT INTO events (id, organization_id, type, actor_type, actor_id, data, \
             created_at) VALUES {}",
            marks(7)
        ));
        let mut queued = query(format!(
            "INSERT INTO event_queue (created_at, id) VALUES {}",
            marks(2)
        ));
        for e in chunk {
            queued = queued.bind(e.created_at).bind(e.id.clone());
            ids.push(e.id.clone());
            events = events
                .bind(e.id)
                .bind(e.organization_id)
                .bind(e.kind)
                .bind(e.actor_type)
                .bind(e.actor_id)
                .bind(e.data)
                .bind(e.created_at);
        }
        write(tx, vec![events, queued]).await?;
    }
    Ok(ids)
}

/// Write one event of a change an authenticated caller made (its actor: [`Actor::of`]), now.
pub async fn changed(
    tx: &mut Tx,
    caller: &Caller,
    kind: &'static str,
    data: Value,
) -> Result<String, crate::db::Error> {
    record(tx, &caller.org_id, kind, &Actor::of(caller), data, now_ms()).await
}

/// Write `api_key.created` for an organization's first key, made with the admin token.
pub async fn first_key_created(
    tx: &mut Tx,
    org_id: &str,
    key_id: &str,
    name: &str,
    now: i64,
) -> Result<String, crate::db::Error> {
    let key = json!({
        "id": key_id, "name": name, "created_at": rfc3339(now),
        "last_used_at": null, "revoked_at": null,
    });
    record(
        tx,
        org_id,
        "api_key.created",
        &Actor::Admin,
        json!({ "api_key": key }),
        now,
    )
    .await
}

/// Write `email.sent` or `email.failed` for an outbox row the email worker just settled.
pub async fn email_outcome(
    tx: &mut Tx,
    org_id: &str,
    sent: bool,
    delivery: Value,
    now: i64,
) -> Result<String, crate::db::Error> {
    let kind = if sent { "email.sent" } else { "email.failed" };
    let actor = Actor::System("email_worker");
    record(
        tx,
        org_id,
        kind,
        &actor,
        json!({ "delivery": delivery }),
        now,
    )
    .await
}

/// An event row.
#[derive(Debug)]
struct EventRow {
    id: String,
    #[allow(dead_code)]
    organization_id: String,
    r#type: String,
    actor_type: String,
    actor_id: Option<String>,
    data: String,
    created_at: i64,
}

impl crate::db::FromRow for EventRow {
    fn from_row(row: &mut crate::db::Row) -> Result<Self, crate::db::Error> {
        Ok(EventRow {
            id: row.take()?,
            organization_id: row.take()?,
            r#type: row.take()?,
            actor_type: row.take()?,
            actor_id: row.take()?,
            data: row.take()?,
            created_at: row.take()?,
        })
    }
}

const EVENT_COLS: &str = "id, organization_id, type, actor_type, actor_id, data, created_at";

impl EventRow {
    fn to_json(&self) -> Value {
        event_json(
            &self.id,
            &self.r#type,
            self.created_at,
            &self.actor_type,
            self.actor_id.as_deref(),
            &self.data,
        )
    }
}

/// An event as the API shows it (`listEvents`, and the body of its webhook deliveries), from
/// its row's columns.
pub fn event_json(
    id: &str,
    kind: &str,
    created_at: i64,
    actor_type: &str,
    actor_id: Option<&str>,
    data: &str,
) -> Value {
    let mut actor = json!({"type": actor_type});
    if let Some(id) = actor_id {
        actor["id"] = json!(id);
    }
    json!({
        "id": id,
        "type": kind,
        "created_at": rfc3339(created_at),
        "actor": actor,
        "data": serde_json::from_str::<Value>(data).unwrap_or_else(|_| json!({})),
    })
}

/// `listEvents`: the caller's organization's events, newest first, optionally of one type.
pub(crate) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Reply, ApiError> {
    let caller = authenticate(&state, &headers).await?;
    let keyset = Keyset::from_query(&q)?;
    let mut sql = format!("SELECT {EVENT_COLS} FROM events WHERE organization_id = $1");
    let mut args = vec![Arg::Text(Some(caller.org_id.clone()))];
    if let Some(t) = q.get("type") {
        if !TYPES.contains(&t.as_str()) {
            return Err(ApiError::invalid(
                "type",
                format!("type must be one of {}", TYPES.join(", ")),
            ));
        }
        args.push(Arg::Text(Some(t.clone())));
        sql.push_str(&format!(" AND type = ${}", args.len()));
    }
    let page = keyset
        .fetch(&state.store, &sql, args, |r: &EventRow| {
            (r.created_at, r.id.as_str())
        })
        .await?;
    Ok(Reply::json(
        StatusCode::OK,
        &page.to_json(EventRow::to_json),
    ))
}

/// Forget the events older than `retention`; the number forgotten.
pub async fn purge(store: &Store, retention: Duration) -> Result<u64, crate::db::Error> {
    let cutoff = now_ms() - retention.as_millis() as i64;
    // By id through the primary key: an id starts with its creation time (see `event_id`).
    query("DELETE FROM events WHERE id < $1")
        .bind(format!("evt_{:012x}", cutoff.max(0)))
        .execute(store)
        .await
}

/// Parse `--event-retention-days`: whole days, at least [`MIN_RETENTION_DAYS`].
pub fn parse_retention_days(s: &str) -> Result<u32, String> {
    let days: u32 = s
        .trim()
        .parse()
        .map_err(|_| format!("--event-retention-days must be a whole number of days, got {s:?}"))?;
    if days < MIN_RETENTION_DAYS {
        return Err(format!(
            "--event-retention-days must be at least {MIN_RETENTION_DAYS} (events are kept at \
             least {MIN_RETENTION_DAYS} days), got {days}"
        ));
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_drops_codes_links_and_secrets_but_keeps_metadata() {
        let v = scrub(json!({
            "invite": {"id": "inv_1", "code": "ic_x", "url": "http://h/invite#code=ic_x",
                       "metadata": {"code": "the caller's own"}},
            "api_key": {"id": "key_1", "secret": "ik_y"},
            "secret": "s",
        }));
        assert_eq!(
            v,
            json!({"invite": {"id": "inv_1", "metadata": {"code": "the caller's own"}},
                   "api_key": {"id": "key_1"}})
        );
    }

    #[test]
    fn event_ids_sort_in_the_order_they_were_made() {
        // More than 65,536 ids: some milliseconds hold more ids than the sequence has room for.
        let ids: Vec<String> = (0..100_000).map(|_| event_id()).collect();
        assert!(ids.iter().all(|i| i.len() == 28 && i.starts_with("evt_")));
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids out of order");
    }

    #[test]
    fn retention_below_the_minimum_is_refused_naming_the_flag() {
        assert_eq!(parse_retention_days("30"), Ok(30));
        assert_eq!(parse_retention_days("365"), Ok(365));
        for bad in ["29", "0", "-1", "x", ""] {
            let e = parse_retention_days(bad).unwrap_err();
            assert!(e.contains("--event-retention-days"), "{bad:?}: {e}");
        }
    }
}
