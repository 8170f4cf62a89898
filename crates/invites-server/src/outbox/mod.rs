//! Invitation emails: an outbox in the database, a worker that sends what it holds, and the
//! transports it sends through.
//!
//! A change that asks for emails (create, batch, resend) inserts one `email_outbox` row per
//! address in its own transaction ([`enqueue`]): the email exists exactly when the change
//! committed. The row's `payload` (what the email says, the invite link among it) is sealed
//! under a key derived from the admin token, so the database never holds an invite code in
//! clear; it is wiped once the email is sent or has failed for good.
//!
//! Every replica runs a [`worker`]: it claims due rows in a write transaction (PostgreSQL:
//! `FOR UPDATE SKIP LOCKED`, so replicas never claim the same row; SQLite: the writer's turn of
//! the group commit), which leases them for [`LEASE`]; sends them outside any transaction; and
//! records each outcome, guarded by the claim, in one transaction: `sent`, a retry after the
//! next wait of the [`RetrySchedule`] (connection errors, SMTP 4xx), or `failed` with the mail
//! server's reply (SMTP 5xx, or no wait left). A replica that dies after a send and before its
//! record leaves the row leased: once the lease ends another worker sends it again (at least
//! once, never lost).

mod content;
mod transport;
pub mod worker;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use content::{EmailContent, render};
pub use transport::{ConfigError, SMTP_TIMEOUT, SendError, Transport, redact_url};

use crate::db::{Tx, query};
use crate::secrets::{Sealer, new_id};

/// The default `From` of invitation emails.
pub const DEFAULT_FROM: &str = "Invites <invites@localhost>";

/// How long a claimed row is held by the worker that claimed it. Longer than a send can take
/// (the SMTP timeout is [`transport::SMTP_TIMEOUT`]), so a live worker is never overtaken.
pub const LEASE: Duration = Duration::from_secs(45);

/// The waits between attempts after temporary failures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(pub Vec<Duration>);

impl Default for RetrySchedule {
    fn default() -> Self {
        let s = |n| Duration::from_secs(n);
        RetrySchedule(vec![
            s(5),
            s(30),
            s(120),
            s(600),
            s(1800),
            s(3600),
            s(7200),
            s(14400),
            s(28800),
        ])
    }
}

/// A retry schedule that does not parse.
#[derive(Debug, thiserror::Error)]
#[error(
    "bad retry schedule {0:?}: want a comma list of durations such as 1s,5s,30s (units ms, s, m, h)"
)]
pub struct BadSchedule(String);

impl FromStr for RetrySchedule {
    type Err = BadSchedule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadSchedule(s.to_owned());
        let mut out = Vec::new();
        for part in s.split(',') {
            let part = part.trim();
            let split = part.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
            let (n, unit) = part.split_at(split);
            let n: u64 = n.parse().map_err(|_| bad())?;
            let ms = match unit {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => return Err(bad()),
            };
            out.push(Duration::from_millis(n.checked_mul(ms).ok_or_else(bad)?));
        }
        if out.is_empty() {
            return Err(bad());
        }
        Ok(RetrySchedule(out))
    }
}

impl RetrySchedule {
    /// The wait after the `attempts`-th attempt failed for a temporary reason (±20 % jitter),
    /// or `None` when the schedule is used up.
    pub fn wait_after(&self, attempts: i64) -> Option<Duration> {
        let base = *self.0.get(usize::try_from(attempts - 1).ok()?)?;
        let jitter: f64 = rand::random_range(0.8..1.2);
        Some(base.mul_f64(jitter))
    }
}

/// What an invitation email says; sealed into its outbox row.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Payload {
    /// The delivery this payload belongs to (checked on opening, so payloads cannot be swapped
    /// between rows).
    pub delivery_id: String,
    /// The organization's name.
    pub organization: String,
    /// Who invites, if the API caller said.
    pub inviter: Option<String>,
    /// The invite's message.
    pub message: Option<String>,
    /// The roles granted.
    pub roles: Vec<String>,
    /// Expiry, epoch milliseconds.
    pub expires_at: Option<i64>,
    /// The invite link (holds the code).
    pub link: String,
}

/// The email side of the server: transport, sender, sealing key, retry schedule, and the bell
/// that wakes this replica's worker when a change queued emails.
pub struct Mailer {
    /// Where emails go.
    pub transport: Transport,
    /// The `From` mailbox.
    pub from: lettre::message::Mailbox,
    /// Seals payloads (key derived from the admin token).
    sealer: Sealer,
    /// Waits between attempts.
    pub schedule: RetrySchedule,
    /// Rung after a commit that queued emails.
    pub wake: tokio::sync::Notify,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("transport", &self.transport)
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

/// The HKDF context of the outbox's sealing key.
const SEAL_CONTEXT: &[u8] = b"invites-email-outbox-v1";

impl Mailer {
    /// A mailer from the configuration, or `None` when no transport is configured. Refuses an
    /// unparsable SMTP URL or `From`, and a transport without a configured admin token (the key
    /// that seals queued links must be the same after a restart and on every replica).
    pub fn from_config(config: &crate::Config) -> Result<Option<Arc<Mailer>>, ConfigError> {
        let Some(transport) = Transport::from_config(config)? else {
            return Ok(None);
        };
        let Some(token) = config.admin_token.as_deref() else {
            return Err(ConfigError::NoAdminToken);
        };
        let from = config
            .email_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| ConfigError::From(config.email_from.clone(), e.to_string()))?;
        Ok(Some(Arc::new(Mailer {
            transport,
            from,
            sealer: Sealer::new(token.trim().as_bytes(), SEAL_CONTEXT),
            schedule: config.email_retry_schedule.clone().unwrap_or_default(),
            wake: tokio::sync::Notify::new(),
        })))
    }

    /// Seal a payload for its row.
    fn seal(&self, p: &Payload) -> String {
        self.sealer
            .seal(&serde_json::to_vec(p).expect("a payload serializes"))
    }

    /// Open the payload of row `delivery_id`; `None` when it was sealed under another admin
    /// token, altered, or belongs to another row.
    pub fn open(&self, delivery_id: &str, sealed: &str) -> Option<Payload> {
        let p: Payload = serde_json::from_slice(&self.sealer.open(sealed)?).ok()?;
        (p.delivery_id == delivery_id).then_some(p)
    }
}

/// What one invite's emails say, apart from the address and the delivery id.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// The organization's name.
    pub organization: String,
    /// Who invites, if the API caller said.
    pub inviter: Option<String>,
    /// The invite's message.
    pub message: Option<String>,
    /// The roles granted.
    pub roles: Vec<String>,
    /// Expiry, epoch milliseconds.
    pub expires_at: Option<i64>,
    /// The invite link.
    pub link: String,
}

/// Queue one email to `email` for invite `invite_id` in the caller's transaction.
pub async fn enqueue(
    tx: &mut Tx,
    mailer: &Mailer,
    org_id: &str,
    invite_id: &str,
    email: &str,
    invitation: &Invitation,
    now: i64,
) -> Result<String, crate::db::Error> {
    let id = new_id("dlv");
    let payload = Payload {
        delivery_id: id.clone(),
        organization: invitation.organization.clone(),
        inviter: invitation.inviter.clone(),
        message: invitation.message.clone(),
        roles: invitation.roles.clone(),
        expires_at: invitation.expires_at,
        link: invitation.link.clone(),
    };
    query(
        "INSERT INTO email_outbox (id, organization_id, invite_id, email, status, attempts, \
         payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, 'queued', 0, $5, $6, $6)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(invite_id)
    .bind(email)
    .bind(mailer.seal(&payload))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(id)
}

/// End the emails of invite `invite_id` that are still queued (their link no longer works: the
/// code was rotated or resent, or the invite revoked) as `failed` with `reason`, their payload
/// wiped, in the caller's transaction; the number ended. One being sent at this moment may
/// still go out (its record then changes nothing).
pub async fn cancel_queued(
    tx: &mut Tx,
    invite_id: &str,
    reason: &str,
) -> Result<u64, crate::db::Error> {
    query(
        "UPDATE email_outbox SET status = 'failed', payload = NULL, claim = NULL, \
         last_error = $1 WHERE invite_id = $2 AND status = 'queued'",
    )
    .bind(reason)
    .bind(invite_id)
    .execute(&mut *tx)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_parse_and_refuse_nonsense() {
        let s: RetrySchedule = "1s, 250ms,2m,1h".parse().unwrap();
        assert_eq!(
            s.0,
            vec![
                Duration::from_secs(1),
                Duration::from_millis(250),
                Duration::from_secs(120),
                Duration::from_secs(3600)
            ]
        );
        for bad in ["", "1", "s", "1x", "1s,,2s", "-1s"] {
            assert!(bad.parse::<RetrySchedule>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn waits_follow_the_schedule_with_jitter_then_end() {
        let s: RetrySchedule = "10s,100s".parse().unwrap();
        for _ in 0..100 {
            let w = s.wait_after(1).unwrap().as_secs_f64();
            assert!((8.0..=12.0).contains(&w), "{w}");
            let w = s.wait_after(2).unwrap().as_secs_f64();
            assert!((80.0..=120.0).contains(&w), "{w}");
        }
        assert!(s.wait_after(3).is_none());
        assert!(s.wait_after(0).is_none());
    }
}
