//! Prometheus metrics, served at `GET /metrics` (text exposition format).
//!
//! Series (every name starts with `invites_`):
//! - `invites_http_requests_total{operation, status}`: answers by operation (`METHOD /route`, the
//!   route's template, never the concrete path: no id or code reaches a label) and status code;
//! - `invites_http_request_duration_seconds{operation}`: a latency histogram per operation;
//! - `invites_rate_limited_total`: requests refused with 429;
//! - `invites_db_pool_connections{state="in_use"|"idle"}` and `invites_db_pool_max_connections`:
//!   the database pool, read at each scrape;
//! - `invites_email_outbox_queued` and `invites_email_outbox_oldest_age_seconds`: emails waiting
//!   to be sent (queued or being retried) and the age of the oldest, read every few seconds by
//!   the outbox worker (absent when the server has no email transport).
//!
//! One recorder per process (the `metrics` facade is global), shared by every server in it.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::db::Store;

/// Latency buckets, in seconds: 0.5 ms to 10 s.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use.
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let handle = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("invites_http_request_duration_seconds".into()),
                BUCKETS,
            )
            .expect("static, non-empty buckets")
            .install_recorder()
            .expect("the only metrics recorder of this process");
        metrics::describe_counter!(
            "invites_http_requests_total",
            "Answers by operation and HTTP status"
        );
        metrics::describe_histogram!(
            "invites_http_request_duration_seconds",
            metrics::Unit::Seconds,
            "Time to answer, by operation"
        );
        metrics::describe_counter!("invites_rate_limited_total", "Requests refused with 429");
        metrics::describe_gauge!(
            "invites_db_pool_connections",
            "Database pool connections by state"
        );
        metrics::describe_gauge!(
            "invites_db_pool_max_connections",
            "Largest size of the database pool"
        );
        metrics::describe_gauge!(
            "invites_email_outbox_queued",
            "Invitation emails queued or waiting for a retry"
        );
        metrics::describe_gauge!(
            "invites_email_outbox_oldest_age_seconds",
            metrics::Unit::Seconds,
            "Age of the oldest queued invitation email (0 when none)"
        );
        // Present from the start, so a dashboard sees 0 rather than no series.
        metrics::counter!("invites_rate_limited_total").absolute(0);
        handle
    })
}

/// Install the recorder (idempotent); call before serving.
pub fn init() {
    handle();
}

/// Record one answer.
pub fn record(operation: &str, status: u16, seconds: f64) {
    let operation = operation.to_owned();
    metrics::counter!(
        "invites_http_requests_total",
        "operation" => operation.clone(),
        "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!("invites_http_request_duration_seconds", "operation" => operation)
        .record(seconds);
    if status == 429 {
        metrics::counter!("invites_rate_limited_total").increment(1);
    }
}

/// The exposition text, with the pool gauges read now.
pub fn render(store: &Store) -> String {
    let pool = store.pool_stats();
    metrics::gauge!("invites_db_pool_connections", "state" => "in_use").set(pool.in_use as f64);
    metrics::gauge!("invites_db_pool_connections", "state" => "idle").set(pool.idle as f64);
    metrics::gauge!("invites_db_pool_max_connections").set(pool.max as f64);
    handle().render()
}

/// Read the outbox depth and the age of its oldest row into their gauges.
pub async fn record_outbox(store: &Store) -> Result<(), crate::db::Error> {
    let (n, oldest): (i64, Option<i64>) = crate::db::query(
        "SELECT COUNT(*), MIN(created_at) FROM email_outbox WHERE status = 'queued'",
    )
    .fetch_one(store)
    .await?;
    let age = oldest.map_or(0.0, |t| ((crate::db::now_ms() - t).max(0) as f64) / 1000.0);
    metrics::gauge!("invites_email_outbox_queued").set(n as f64);
    metrics::gauge!("invites_email_outbox_oldest_age_seconds").set(age);
    Ok(())
}
