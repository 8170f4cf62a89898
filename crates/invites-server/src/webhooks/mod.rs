//! Webhooks: endpoints an organization registers, and the delivery of its events to them the
//! Standard Webhooks way.
//!
//! - [`endpoints`]: the API (create with a `whsec_` secret shown once, list, get, update,
//!   delete, rotate the secret with a 24-hour overlap, the attempt log).
//! - [`worker`]: every replica's dispatcher (events → deliveries) and sender.
//! - [`sign`]: the signature; [`ssrf`]: where deliveries may go; [`key`]: the server key that
//!   seals the secrets at rest.

pub mod endpoints;
pub mod key;
pub mod sign;
pub mod ssrf;
pub mod worker;

use std::time::Duration;

use crate::db::{Store, now_ms, query};
use crate::outbox::RetrySchedule;

/// The webhook settings of a server.
#[derive(Debug)]
pub struct Webhooks {
    /// Seals the endpoints' signing secrets.
    pub key: key::ServerKey,
    /// `--webhook-allow-insecure`: http and non-public addresses allowed (tests, development).
    pub allow_insecure: bool,
    /// Waits between the attempts of one delivery.
    pub schedule: RetrySchedule,
}

/// The default retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27.6 hours, 8
/// attempts in all), each wait with ±20 % jitter.
pub fn default_schedule() -> RetrySchedule {
    let s = Duration::from_secs;
    RetrySchedule(vec![
        s(5),
        s(300),
        s(1800),
        s(7200),
        s(18_000),
        s(36_000),
        s(36_000),
    ])
}

/// Forget attempts older than `retention` (the events' retention).
pub async fn purge(store: &Store, retention: Duration) -> Result<u64, crate::db::Error> {
    let cutoff = now_ms() - retention.as_millis() as i64;
    query("DELETE FROM webhook_attempts WHERE created_at < $1")
        .bind(cutoff)
        .execute(store)
        .await
}
