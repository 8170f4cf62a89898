//! The webhook worker of one replica: dispatch new events to their endpoints, then deliver.
//!
//! **Dispatch.** Events not yet dispatched (a row in `event_queue`, written with the event by
//! every change in its own transaction) are taken in order of creation, a batch at a time, and
//! in one transaction become one `webhook_deliveries` row per enabled endpoint of the
//! organization that wants the type, and leave the queue. On PostgreSQL the dispatchers of all replicas take
//! turns (a transaction advisory lock), so batches never interleave.
//!
//! **Delivery.** A worker claims endpoints that have deliveries and are not waiting for a retry
//! (a lease: `claim`, `lease_until`; `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two replicas
//! never hold one endpoint), and sends each claimed endpoint's deliveries one after the other in
//! event order, stopping at the first failure: that delivery waits for its next attempt on the
//! retry schedule (`retry_at` holds the endpoint back, so later events never overtake it), or
//! after its last attempt is dropped as failed. A 410 disables the endpoint; so does failing for
//! [`DISABLE_AFTER`]. Every attempt is logged in `webhook_attempts` (status or error, duration),
//! never with the URL, the body or a secret. A replica that dies mid-send leaves its endpoints
//! leased: after the lease another replica sends the unrecorded deliveries again (at least once).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Webhooks, sign, ssrf};
use crate::db::{Backend, Store, now_ms, padded_chunks, query};
use crate::secrets::{new_id, ordered_id};

/// Events dispatched per transaction.
const DISPATCH_BATCH: i64 = 1000;
/// After a batch smaller than [`DISPATCH_BATCH`], how long the dispatcher lets events gather
/// before the next one (a bound on dispatch transactions under load: at most 50 a second).
const DISPATCH_GATHER: Duration = Duration::from_millis(20);
/// Endpoints claimed at once by one worker.
const CLAIM_BATCH: i64 = 16;
/// Deliveries sent per endpoint per claim.
const SENDS_PER_CLAIM: i64 = 500;
/// How long a claim holds an endpoint: longer than the sends it allows can take.
pub const LEASE: Duration = Duration::from_secs(30);
/// One send's limit.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(15);
/// How often an idle worker looks for work.
const POLL: Duration = Duration::from_millis(200);
/// An endpoint failing without a success for this long is disabled.
pub const DISABLE_AFTER: Duration = Duration::from_secs(5 * 86_400);
/// The advisory lock the dispatchers of all PostgreSQL replicas take turns on (and an endpoint's
/// creation, so that no dispatch runs between its `created_at` and its commit).
pub(crate) const DISPATCH_LOCK: i64 = 0x1_5e_b0_0c;

/// Run until `stop` turns true; the claim in flight is finished and recorded first. The
/// dispatcher and the sender run side by side, so deliveries of one batch of events go out
/// while the next is dispatched.
pub async fn run(store: Store, webhooks: Arc<Webhooks>, stop: tokio::sync::watch::Receiver<bool>) {
    let client = match client(webhooks.allow_insecure) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot build the webhook HTTP client; no webhooks will be sent");
            return;
        }
    };
    let dispatched = Arc::new(tokio::sync::Notify::new());
    let dispatcher = {
        let (store, dispatched) = (store.clone(), dispatched.clone());
        repeat(
            "dispatcher",
            stop.clone(),
            &crate::events::COMMITTED,
            move || {
                let (store, dispatched) = (store.clone(), dispatched.clone());
                async move {
                    let n = dispatch(&store).await?;
                    if n > 0 {
                        dispatched.notify_one();
                    }
                    if n > 0 && n < DISPATCH_BATCH as usize {
                        // Under a steady stream of changes, let the next events gather for a
                        // moment rather than spend a transaction on every commit's few.
                        tokio::time::sleep(DISPATCH_GATHER).await;
                    }
                    Ok(n)
                }
            },
        )
    };
    let sender = repeat("sender", stop, &dispatched, move || {
        let (store, webhooks, client) = (store.clone(), webhooks.clone(), client.clone());
        async move { deliver(&store, &webhooks, &client).await }
    });
    tokio::join!(dispatcher, sender);
}

/// Run `step` until `stop`; when it finds nothing to do, wait for `bell` or the next poll.
async fn repeat<F, Fut>(
    name: &str,
    mut stop: tokio::sync::watch::Receiver<bool>,
    bell: &tokio::sync::Notify,
    mut step: F,
) where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<usize, crate::db::Error>>,
{
    while !*stop.borrow() {
        match step().await {
            Ok(0) => {
                tokio::select! {
                    () = bell.notified() => {}
                    () = tokio::time::sleep(POLL) => {}
                    _ = stop.changed() => {}
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, part = name, "the webhook worker failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// The client deliveries go through: no redirects, a timeout per send, and a resolver that
/// refuses non-public addresses (unless insecure URLs are allowed).
pub fn client(allow_insecure: bool) -> reqwest::Result<reqwest::Client> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(SEND_TIMEOUT)
        .connect_timeout(Duration::from_secs(10))
        .https_only(!allow_insecure)
        // Never through a proxy from the environment: the proxy would resolve the endpoint's
        // host itself, past the resolver's checks.
        .no_proxy()
        .user_agent(concat!("invites-webhooks/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(Arc::new(ssrf::GuardedResolver { allow_insecure }))
        .build()
}

/// Dispatch one batch of undispatched events; how many.
pub async fn dispatch(store: &Store) -> Result<usize, crate::db::Error> {
    let any: Option<(i64,)> = query("SELECT 1 FROM event_queue LIMIT 1")
        .fetch_optional(store)
        .await?;
    if any.is_none() {
        return Ok(0);
    }
    let mut tx = store.begin_write().await?;
    if tx.backend() == Backend::Postgres {
        query("SELECT pg_advisory_xact_lock($1)")
            .bind(DISPATCH_LOCK)
            .execute(&mut tx)
            .await?;
    }
    // The event is missing only when the purge took it first: its queue row just goes.
    let queued: Vec<(i64, String, Option<String>, Option<String>)> = query(
        "SELECT q.created_at, q.id, e.organization_id, e.type FROM event_queue q \
         LEFT JOIN events e ON e.id = q.id ORDER BY q.created_at, q.id LIMIT $1",
    )
    .bind(DISPATCH_BATCH)
    .fetch_all(&mut tx)
    .await?;
    if queued.is_empty() {
        tx.rollback().await?;
        return Ok(0);
    }
    let events: Vec<(&str, &str, &str, i64)> = queued
        .iter()
        .filter_map(|(created_at, id, org, kind)| {
            Some((id.as_str(), org.as_deref()?, kind.as_deref()?, *created_at))
        })
        .collect();
    let mut orgs: Vec<&str> = events.iter().map(|e| e.1).collect();
    orgs.sort_unstable();
    orgs.dedup();
    let mut endpoints: Vec<(String, String, String, i64)> = Vec::new();
    for chunk in padded_chunks(&orgs, 128) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let mut q = query(format!(
            "SELECT id, organization_id, event_types, created_at FROM webhook_endpoints \
             WHERE enabled = 1 AND organization_id IN ({})",
            marks.join(", ")
        ));
        for o in &chunk {
            q = q.bind(*o);
        }
        endpoints.extend(
            q.fetch_all::<(String, String, String, i64)>(&mut tx)
                .await?,
        );
    }
    let wanted: Vec<(String, String, Vec<String>, i64)> = endpoints
        .into_iter()
        .map(|(id, org, types, since)| {
            let types = serde_json::from_str(&types).unwrap_or_default();
            (id, org, types, since)
        })
        .collect();
    let mut rows: Vec<(&str, i64, &str)> = Vec::new();
    for (event_id, org, kind, created_at) in &events {
        for (endpoint, e_org, types, since) in &wanted {
            // An endpoint hears the events of its organization made since it was created.
            if e_org == org
                && *created_at >= *since
                && (types.is_empty() || types.iter().any(|t| t == kind))
            {
                rows.push((endpoint, *created_at, event_id));
            }
        }
    }
    for chunk in padded_chunks(&rows, 256) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
            .collect();
        let mut q = query(format!(
            "INSERT INTO webhook_deliveries (endpoint_id, event_created_at, event_id) VALUES {} \
             ON CONFLICT DO NOTHING",
            values.join(", ")
        ));
        for (endpoint, created_at, event_id) in &chunk {
            q = q.bind(*endpoint).bind(*created_at).bind(*event_id);
        }
        q.execute(&mut tx).await?;
    }
    if tx.backend() == Backend::Sqlite {
        // The batch is the head of the queue up to its last key, read in this transaction,
        // which holds the one write lock of the file: no row can have come in below that key
        // since, so one range delete takes exactly the batch (a seek and a run of one b-tree,
        // where the key list cost ~3 µs a row in the writer turn).
        let (created_at, id, ..) = queued.last().expect("not empty");
        query("DELETE FROM event_queue WHERE (created_at, id) <= ($1, $2)")
            .bind(*created_at)
            .bind(id.as_str())
            .execute(&mut tx)
            .await?;
    } else {
        // PostgreSQL: a transaction that began before this one may still commit a row below
        // the batch's last key, so the batch leaves by its keys.
        let keys: Vec<(i64, &str)> = queued.iter().map(|(c, id, ..)| (*c, id.as_str())).collect();
        for chunk in padded_chunks(&keys, 256) {
            let values: Vec<String> = (0..chunk.len())
                .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                .collect();
            let mut q = query(format!(
                "DELETE FROM event_queue WHERE (created_at, id) IN (VALUES {})",
                values.join(", ")
            ));
            for (created_at, id) in &chunk {
                q = q.bind(*created_at).bind(*id);
            }
            q.execute(&mut tx).await?;
        }
    }
    tx.commit().await?;
    Ok(queued.len())
}

/// A claimed endpoint.
#[derive(Debug)]
struct Claimed {
    id: String,
    url: String,
    secret: String,
    previous_secret: Option<String>,
    previous_expires_at: Option<i64>,
    failing_since: Option<i64>,
}

crate::row_type!(
    Claimed,
    CLAIMED_COLS {
        id,
        url,
        secret,
        previous_secret,
        previous_expires_at,
        failing_since
    }
);

/// A delivery to make, with its event.
#[derive(Debug)]
struct Pending {
    event_id: String,
    event_created_at: i64,
    attempts: i64,
    kind: Option<String>,
    actor_type: Option<String>,
    actor_id: Option<String>,
    data: Option<String>,
}

crate::row_type!(
    Pending,
    PENDING_COLS {
        event_id,
        event_created_at,
        attempts,
        kind,
        actor_type,
        actor_id,
        data
    }
);

/// One attempt's outcome.
#[derive(Debug)]
struct Attempt {
    event_id: String,
    event_created_at: i64,
    kind: String,
    attempt: i64,
    status: Option<u16>,
    error: Option<String>,
    duration_ms: i64,
    at: i64,
}

impl Attempt {
    fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// Claim due endpoints and deliver to them; how many endpoints were served.
pub async fn deliver(
    store: &Store,
    webhooks: &Arc<Webhooks>,
    client: &reqwest::Client,
) -> Result<usize, crate::db::Error> {
    let now = now_ms();
    let due = "SELECT e.id FROM webhook_endpoints e WHERE e.enabled = 1 AND e.retry_at <= $1 \
               AND e.lease_until <= $1 AND EXISTS \
               (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id)";
    let any: Option<(String,)> = query(format!("{due} LIMIT 1"))
        .bind(now)
        .fetch_optional(store)
        .await?;
    if any.is_none() {
        return Ok(0);
    }
    let lock = match store.backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let claim = new_id("clm");
    let mut tx = store.begin_write().await?;
    let claimed: Vec<Claimed> = query(format!(
        "UPDATE webhook_endpoints SET claim = $2, lease_until = $3 WHERE id IN \
         ({due} LIMIT $4{lock}) RETURNING {CLAIMED_COLS}"
    ))
    .bind(now)
    .bind(&claim)
    .bind(now + LEASE.as_millis() as i64)
    .bind(CLAIM_BATCH)
    .fetch_all(&mut tx)
    .await?;
    tx.commit().await?;
    let n = claimed.len();
    let mut tasks = tokio::task::JoinSet::new();
    let bodies = Arc::new(Bodies::default());
    for endpoint in claimed {
        let (store, webhooks, client, claim, bodies) = (
            store.clone(),
            webhooks.clone(),
            client.clone(),
            claim.clone(),
            bodies.clone(),
        );
        tasks.spawn(async move {
            if let Err(e) = serve(&store, &webhooks, &client, &claim, endpoint, &bodies).await {
                tracing::warn!(error = %e, "a webhook endpoint's deliveries failed to record");
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        if let Err(e) = done {
            // Its endpoint stays leased and is served again after the lease.
            tracing::error!(error = %e, "a webhook delivery task failed");
        }
    }
    Ok(n)
}

/// The bodies of the events one claim sends, made once for all the endpoints that get them.
#[derive(Debug, Default)]
struct Bodies(std::sync::Mutex<std::collections::HashMap<String, Arc<str>>>);

impl Bodies {
    fn get_or_make(&self, event_id: &str, make: impl FnOnce() -> String) -> Arc<str> {
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(b) = lock().get(event_id) {
            return b.clone();
        }
        let body: Arc<str> = make().into();
        lock().insert(event_id.to_owned(), body.clone());
        body
    }
}

/// Send one claimed endpoint's deliveries in order until one fails (or the claim's time is
/// up), then record what happened.
async fn serve(
    store: &Store,
    webhooks: &Webhooks,
    client: &reqwest::Client,
    claim: &str,
    endpoint: Claimed,
    bodies: &Bodies,
) -> Result<(), crate::db::Error> {
    let started = Instant::now();
    // PENDING_COLS, from the delivery and (when it is still kept) its event.
    let pending: Vec<Pending> = query(
        "SELECT d.event_id, d.event_created_at, d.attempts, ev.type, ev.actor_type, ev.actor_id, \
         ev.data FROM webhook_deliveries d LEFT JOIN events ev ON ev.id = d.event_id \
         WHERE d.endpoint_id = $1 ORDER BY d.event_created_at, d.event_id LIMIT $2",
    )
    .bind(&endpoint.id)
    .bind(SENDS_PER_CLAIM)
    .fetch_all(store)
    .await?;
    let sealer = webhooks.key.sealer(&endpoint.id);
    let open = |s: &str| sealer.open(s).and_then(|b| String::from_utf8(b).ok());
    let mut secrets: Vec<String> = open(&endpoint.secret).into_iter().collect();
    if let (Some(prev), Some(until)) = (&endpoint.previous_secret, endpoint.previous_expires_at)
        && until > now_ms()
        && let Some(p) = open(prev)
    {
        secrets.push(p);
    }
    let mut attempts: Vec<Attempt> = Vec::new();
    let mut vanished: Vec<(i64, String)> = Vec::new();
    for p in pending {
        let (Some(kind), Some(actor_type), Some(data)) = (&p.kind, &p.actor_type, &p.data) else {
            // Its event is past the retention: nothing left to send.
            vanished.push((p.event_created_at, p.event_id));
            continue;
        };
        let body = bodies.get_or_make(&p.event_id, || {
            crate::events::event_json(
                &p.event_id,
                kind,
                p.event_created_at,
                actor_type,
                p.actor_id.as_deref(),
                data,
            )
            .to_string()
        });
        let at = now_ms();
        let t0 = Instant::now();
        let (status, error) = if secrets.is_empty() {
            (
                None,
                Some("the endpoint's secret cannot be opened with this server key".to_owned()),
            )
        } else {
            send(
                client,
                webhooks.allow_insecure,
                &endpoint.url,
                &secrets,
                &p.event_id,
                &body,
            )
            .await
        };
        let a = Attempt {
            event_id: p.event_id,
            event_created_at: p.event_created_at,
            kind: kind.clone(),
            attempt: p.attempts + 1,
            status,
            error,
            duration_ms: t0.elapsed().as_millis() as i64,
            at,
        };
        let ok = a.succeeded();
        attempts.push(a);
        if !ok || started.elapsed() + SEND_TIMEOUT + Duration::from_secs(5) > LEASE {
            break;
        }
    }
    record(store, webhooks, claim, &endpoint, attempts, vanished).await
}

/// POST one event; the status answered, or why there was none (never naming the URL).
async fn send(
    client: &reqwest::Client,
    allow_insecure: bool,
    url: &str,
    secrets: &[String],
    id: &str,
    body: &str,
) -> (Option<u16>, Option<String>) {
    if let Err(e) = ssrf::check_url(url, allow_insecure) {
        return (None, Some(format!("refused: {e}")));
    }
    let ts = chrono::Utc::now().timestamp();
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let signature = sign::signature(&refs, id, ts, body.as_bytes());
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", signature)
        .body(body.to_owned())
        .send()
        .await;
    match sent {
        Ok(mut resp) => {
            let status = resp.status().as_u16();
            // Read (and drop) up to 64 KiB of the answer, so the connection can serve the
            // next delivery; a longer answer just closes it.
            let mut read = 0usize;
            while read < 64 * 1024 {
                match resp.chunk().await {
                    Ok(Some(c)) => read += c.len(),
                    _ => break,
                }
            }
            (Some(status), None)
        }
        Err(e) => (None, Some(describe(&e.without_url()))),
    }
}

/// A send error in words, without the URL: the innermost cause says the most.
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return format!("timed out after {} s", SEND_TIMEOUT.as_secs());
    }
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    let what = if e.is_connect() {
        "could not connect"
    } else {
        "the request failed"
    };
    format!("{what}: {cause}")
}

/// Record one claim's attempts and their consequences in one transaction, if the claim still
/// holds the endpoint (else another replica took over after the lease and records its own).
async fn record(
    store: &Store,
    webhooks: &Webhooks,
    claim: &str,
    endpoint: &Claimed,
    attempts: Vec<Attempt>,
    vanished: Vec<(i64, String)>,
) -> Result<(), crate::db::Error> {
    let now = now_ms();
    let mut retry_at = 0i64;
    let mut failing_since = endpoint.failing_since;
    let mut disable: Option<String> = None;
    let mut done: Vec<(i64, &str)> = vanished.iter().map(|(c, e)| (*c, e.as_str())).collect();
    let mut bump: Option<&Attempt> = None;
    for a in &attempts {
        if a.succeeded() {
            done.push((a.event_created_at, &a.event_id));
            failing_since = None;
            continue;
        }
        let since = *failing_since.get_or_insert(a.at);
        if a.status == Some(410) {
            disable = Some("the endpoint answered 410 Gone".into());
            bump = Some(a);
        } else if now - since >= DISABLE_AFTER.as_millis() as i64 {
            disable = Some(format!(
                "every delivery failed for {} days",
                DISABLE_AFTER.as_secs() / 86_400
            ));
            bump = Some(a);
        } else {
            match webhooks.schedule.wait_after(a.attempt) {
                Some(wait) => {
                    retry_at = now + wait.as_millis() as i64;
                    bump = Some(a);
                }
                // The last attempt: the delivery failed for good; the next one goes next.
                None => done.push((a.event_created_at, &a.event_id)),
            }
        }
    }
    let mut tx = store.begin_write().await?;
    let held = query(
        "UPDATE webhook_endpoints SET claim = NULL, lease_until = 0, retry_at = $1, \
         failing_since = $2, enabled = CASE WHEN $3 = 1 THEN 0 ELSE enabled END, \
         disabled_reason = CASE WHEN $3 = 1 THEN $4 ELSE disabled_reason END \
         WHERE id = $5 AND claim = $6",
    )
    .bind(retry_at)
    .bind(failing_since)
    .bind(i64::from(disable.is_some()))
    .bind(disable.clone())
    .bind(&endpoint.id)
    .bind(claim)
    .execute(&mut tx)
    .await?;
    if held == 0 {
        tx.rollback().await?;
        tracing::warn!(endpoint_id = %endpoint.id, "lost the claim on a webhook endpoint; its sends will be retried");
        return Ok(());
    }
    for chunk in attempts.chunks(100) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let marks: Vec<String> = (1..=9).map(|j| format!("${}", 9 * i + j)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let mut q = query(format!(
            "INSERT INTO webhook_attempts (id, endpoint_id, event_id, event_type, attempt, \
             status_code, error, duration_ms, created_at) VALUES {}",
            values.join(", ")
        ));
        for a in chunk {
            q = q
                .bind(ordered_id("wha"))
                .bind(&endpoint.id)
                .bind(&a.event_id)
                .bind(&a.kind)
                .bind(a.attempt)
                .bind(a.status.map(i64::from))
                .bind(a.error.clone())
                .bind(a.duration_ms)
                .bind(a.at);
        }
        q.execute(&mut tx).await?;
    }
    for chunk in padded_chunks(&done, 256) {
        let marks: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
        let mut q = query(format!(
            "DELETE FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id IN ({})",
            marks.join(", ")
        ))
        .bind(&endpoint.id);
        for (_, event_id) in &chunk {
            q = q.bind(*event_id);
        }
        q.execute(&mut tx).await?;
    }
    if let Some(a) = bump {
        query(
            "UPDATE webhook_deliveries SET attempts = $1 WHERE endpoint_id = $2 \
             AND event_created_at = $3 AND event_id = $4",
        )
        .bind(a.attempt)
        .bind(&endpoint.id)
        .bind(a.event_created_at)
        .bind(&a.event_id)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    for a in &attempts {
        // Ids, status and the error only: never the URL, the body or a secret.
        if a.succeeded() {
            tracing::debug!(endpoint_id = %endpoint.id, event_id = %a.event_id, attempt = a.attempt, status = a.status, "webhook delivered");
        } else {
            tracing::warn!(endpoint_id = %endpoint.id, event_id = %a.event_id, attempt = a.attempt, status = a.status, error = a.error.as_deref(), "webhook delivery failed");
        }
    }
    if let Some(reason) = &disable {
        tracing::warn!(endpoint_id = %endpoint.id, reason = %reason, "webhook endpoint disabled");
    }
    Ok(())
}
