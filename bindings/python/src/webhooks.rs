//! Webhook verification for `invites_sdk._mixins.WebhooksMixin`: the Rust SDK's
//! `invites_sdk::webhooks` (Standard Webhooks HMAC, constant-time compare, timestamp window),
//! with Python's arguments already normalized to bytes and string pairs. No HMAC in Python.

use pyo3::prelude::*;

use crate::errors::to_py_err;

/// The clock to check the timestamp against: `now` (unix seconds) or the system's.
fn clock(now: Option<i64>) -> i64 {
    now.unwrap_or_else(invites_sdk::webhooks::unix_now)
}

/// Check a delivery: `body` as received, `headers` as (name, value) pairs, `secret` `whsec_…`.
/// Raises `WebhookVerificationError`, `WebhookTimestampError` or `InvalidArgumentError`.
#[pyfunction]
#[pyo3(signature = (body, headers, secret, now=None))]
pub fn webhook_verify(
    py: Python<'_>,
    body: &[u8],
    headers: Vec<(String, String)>,
    secret: &str,
    now: Option<i64>,
) -> PyResult<()> {
    invites_sdk::webhooks::verify_at(body, &headers, secret, clock(now))
        .map_err(|e| to_py_err(py, e))
}

/// As `webhook_verify`, then the event as JSON text (the SDK's typed `Event`, re-encoded).
#[pyfunction]
#[pyo3(signature = (body, headers, secret, now=None))]
pub fn webhook_unwrap(
    py: Python<'_>,
    body: &[u8],
    headers: Vec<(String, String)>,
    secret: &str,
    now: Option<i64>,
) -> PyResult<String> {
    let event = invites_sdk::webhooks::unwrap_at(body, &headers, secret, clock(now))
        .map_err(|e| to_py_err(py, e))?;
    serde_json::to_string(&event).map_err(|e| to_py_err(py, e.into()))
}
