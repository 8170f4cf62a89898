//! The outbox worker of one replica: claim due rows, send them, record the outcomes.

use std::sync::Arc;
use std::time::Duration;

use super::{LEASE, Mailer, SendError, content};
use crate::db::{Backend, Store, now_ms, query};
use crate::secrets::new_id;

/// Rows claimed at once.
const BATCH: i64 = 32;
/// How often an idle worker looks for rows that came due (retries, other replicas' rows).
const POLL: Duration = Duration::from_millis(500);

/// A claimed row.
#[derive(Debug)]
struct Claimed {
    id: String,
    organization_id: String,
    invite_id: String,
    email: String,
    attempts: i64,
    payload: Option<String>,
}

crate::row_type!(
    Claimed,
    CLAIMED_COLS {
        id,
        organization_id,
        invite_id,
        email,
        attempts,
        payload
    }
);

impl Claimed {
    /// The delivery as `listInviteDeliveries` shows it (never the payload), for its event.
    fn delivery(
        &self,
        status: &str,
        error: Option<&str>,
        sent_at: Option<i64>,
    ) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "invite_id": self.invite_id,
            "email": self.email,
            "status": status,
            "attempts": self.attempts,
            "last_error": error,
            "sent_at": sent_at.map(crate::input::rfc3339),
        })
    }
}

/// How one attempt ended.
enum Outcome {
    Sent,
    Retry(Duration, String),
    Failed(String),
}

/// Run the worker until `stop` turns true: it then finishes the batch in flight (its sends and
/// their record) and returns, so that a graceful shutdown leaves no sent email unrecorded.
pub async fn run(store: Store, mailer: Arc<Mailer>, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut gauges_at = std::time::Instant::now() - Duration::from_secs(60);
    while !*stop.borrow() {
        if gauges_at.elapsed() >= Duration::from_secs(5) {
            gauges_at = std::time::Instant::now();
            if let Err(e) = crate::metrics::record_outbox(&store).await {
                tracing::warn!(error = %e, "reading the outbox depth failed");
            }
        }
        match step(&store, &mailer).await {
            Ok(0) => {
                tokio::select! {
                    () = mailer.wake.notified() => {}
                    () = tokio::time::sleep(POLL) => {}
                    _ = stop.changed() => {}
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "the email outbox worker failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// Claim, send and record one batch; the number of rows claimed.
pub async fn step(store: &Store, mailer: &Arc<Mailer>) -> Result<usize, crate::db::Error> {
    let now = now_ms();
    // A plain read first: an idle worker takes no writer turn (SQLite) and no row locks.
    let due: Option<(String,)> = query(
        "SELECT id FROM email_outbox WHERE status = 'queued' AND next_attempt_at <= $1 LIMIT 1",
    )
    .bind(now)
    .fetch_optional(store)
    .await?;
    if due.is_none() {
        return Ok(0);
    }
    let claim = new_id("clm");
    let pick = match store.backend {
        Backend::Postgres => {
            "SELECT id FROM email_outbox WHERE status = 'queued' AND next_attempt_at <= $3 \
             ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED"
        }
        Backend::Sqlite => {
            "SELECT id FROM email_outbox WHERE status = 'queued' AND next_attempt_at <= $3 \
             ORDER BY next_attempt_at LIMIT $4"
        }
    };
    let mut tx = store.begin_write().await?;
    let rows: Vec<Claimed> = query(format!(
        "UPDATE email_outbox SET claim = $1, next_attempt_at = $2, attempts = attempts + 1 \
         WHERE id IN ({pick}) RETURNING {CLAIMED_COLS}"
    ))
    .bind(&claim)
    .bind(now + LEASE.as_millis() as i64)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&mut tx)
    .await?;
    tx.commit().await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let n = rows.len();
    let mut sends = tokio::task::JoinSet::new();
    for row in rows {
        let mailer = mailer.clone();
        sends.spawn(async move {
            let outcome = attempt(&mailer, &row).await;
            (row, outcome)
        });
    }
    let mut outcomes = Vec::with_capacity(n);
    while let Some(done) = sends.join_next().await {
        match done {
            Ok(o) => outcomes.push(o),
            // A panicking send leaves its row leased: it is tried again after the lease.
            Err(e) => tracing::error!(error = %e, "an email send task failed"),
        }
    }
    record(store, &claim, outcomes).await?;
    Ok(n)
}

/// Build and send one claimed row's email.
async fn attempt(mailer: &Mailer, row: &Claimed) -> Outcome {
    let Some(payload) = row
        .payload
        .as_deref()
        .and_then(|sealed| mailer.open(&row.id, sealed))
    else {
        return Outcome::Failed(
            "the queued email cannot be opened (sealed under another admin token)".into(),
        );
    };
    let message = match content::message(&mailer.from, &row.email, &payload) {
        Ok(m) => m,
        Err(e) => return Outcome::Failed(e),
    };
    match mailer.transport.send(message).await {
        Ok(()) => Outcome::Sent,
        Err(SendError::Permanent(reply)) => Outcome::Failed(reply),
        Err(SendError::Temporary(reason)) => match mailer.schedule.wait_after(row.attempts) {
            Some(wait) => Outcome::Retry(wait, reason),
            None => Outcome::Failed(format!("gave up after {} attempts: {reason}", row.attempts)),
        },
    }
}

/// Record the outcomes of one claim in one transaction; a row whose lease another worker took
/// over meanwhile (its `claim` changed) is left to that worker.
async fn record(
    store: &Store,
    claim: &str,
    outcomes: Vec<(Claimed, Outcome)>,
) -> Result<(), crate::db::Error> {
    let now = now_ms();
    let mut tx = store.begin_write().await?;
    for (row, outcome) in &outcomes {
        match outcome {
            Outcome::Sent => {
                let n = query(
                    "UPDATE email_outbox SET status = 'sent', sent_at = $1, payload = NULL, \
                     claim = NULL, last_error = NULL WHERE id = $2 AND claim = $3",
                )
                .bind(now)
                .bind(&row.id)
                .bind(claim)
                .execute(&mut tx)
                .await?;
                if n == 1 {
                    let d = row.delivery("sent", None, Some(now));
                    crate::events::email_outcome(&mut tx, &row.organization_id, true, d, now)
                        .await?;
                }
            }
            Outcome::Retry(wait, reason) => {
                query(
                    "UPDATE email_outbox SET next_attempt_at = $1, last_error = $2, claim = NULL \
                     WHERE id = $3 AND claim = $4",
                )
                .bind(now + wait.as_millis() as i64)
                .bind(reason.as_str())
                .bind(&row.id)
                .bind(claim)
                .execute(&mut tx)
                .await?;
            }
            Outcome::Failed(reason) => {
                let n = query(
                    "UPDATE email_outbox SET status = 'failed', payload = NULL, claim = NULL, \
                     last_error = $1 WHERE id = $2 AND claim = $3",
                )
                .bind(reason.as_str())
                .bind(&row.id)
                .bind(claim)
                .execute(&mut tx)
                .await?;
                if n == 1 {
                    let d = row.delivery("failed", Some(reason), None);
                    crate::events::email_outcome(&mut tx, &row.organization_id, false, d, now)
                        .await?;
                }
            }
        }
    }
    tx.commit().await?;
    for (row, outcome) in &outcomes {
        // Ids only: never the address's email body, code or link.
        match outcome {
            Outcome::Sent => {
                tracing::info!(delivery_id = %row.id, invite_id = %row.invite_id, attempts = row.attempts, "email sent")
            }
            Outcome::Retry(wait, reason) => tracing::warn!(
                delivery_id = %row.id, invite_id = %row.invite_id, attempts = row.attempts,
                retry_in_ms = wait.as_millis() as u64, error = %reason, "email not sent; will retry"
            ),
            Outcome::Failed(reason) => tracing::warn!(
                delivery_id = %row.id, invite_id = %row.invite_id, attempts = row.attempts,
                error = %reason, "email failed"
            ),
        }
    }
    Ok(())
}
