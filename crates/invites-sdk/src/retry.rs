//! One attempt loop for every call: per-attempt timeout, error translation, backoff with full
//! jitter, `Retry-After`.

use std::cell::RefCell;
use std::future::Future;
use std::time::{Duration, Instant};

use progenitor_client::ResponseValue;
use rand::Rng;

use crate::client::Response;
use crate::error::{ApiError, Error};
use crate::generated::types::ErrorEnvelope;
use crate::hooks::{EXTRA_HEADERS, SEEN, Seen};

/// When and how often a failed call is tried again.
///
/// Connection errors, timeouts, 408, 429 and 5xx are retried; everything else is returned at
/// once. The wait before retry `n` (0-based) is a random duration in
/// `[0, min(max_backoff, initial_backoff * 2^n)]`, or the server's `Retry-After` when it sent one
/// (a `Retry-After` above `max_retry_after` ends the retries instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 disables retrying. Default 2.
    pub max_retries: u32,
    /// The backoff ceiling of the first retry. Default 0.5 s.
    pub initial_backoff: Duration,
    /// The largest backoff ceiling. Default 8 s.
    pub max_backoff: Duration,
    /// The longest `Retry-After` the client is willing to wait. Default 60 s.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `retry` (0-based), or `None` to stop retrying.
    fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if let Some(wait) = retry_after {
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let ceiling = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry.min(31)))
            .min(self.max_backoff);
        let nanos = ceiling.as_nanos().min(u64::MAX as u128) as u64;
        Some(Duration::from_nanos(rand::rng().random_range(0..=nanos)))
    }
}

type GenResult<T> = Result<ResponseValue<T>, progenitor_client::Error<ErrorEnvelope>>;

/// What one call adds to its attempts beside the attempt itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct CallSettings {
    /// Headers sent with every attempt.
    pub headers: Vec<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>,
    /// Write one line per attempt to stderr.
    pub log: crate::client::LogLevel,
}

/// Run `attempt` until it succeeds, fails for good, or the retries run out.
pub(crate) async fn execute<T, F, Fut>(
    policy: RetryPolicy,
    timeout: Duration,
    settings: &CallSettings,
    mut attempt: F,
) -> Result<Response<T>, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = GenResult<T>>,
{
    let mut last_request_id: Option<String> = None;
    let mut retry = 0;
    loop {
        let fut = attempt();
        let started = Instant::now();
        let (result, seen) = EXTRA_HEADERS
            .scope(
                settings.headers.clone(),
                SEEN.scope(RefCell::new(Seen::default()), async {
                    let result = tokio::time::timeout(timeout, fut).await;
                    (result, SEEN.with(|s| s.take()))
                }),
            )
            .await;
        let error = match result {
            Ok(Ok(value)) => {
                settings.log.attempt(&seen, started, retry, None);
                let status = value.status().as_u16();
                return Ok(Response {
                    status,
                    request_id: seen.request_id,
                    headers: seen.headers.unwrap_or_else(|| value.headers().clone()),
                    data: value.into_inner(),
                });
            }
            Ok(Err(e)) => translate(e, &seen).await,
            Err(_) => Error::Timeout {
                after: timeout,
                request_id: None,
            },
        };
        settings.log.attempt(&seen, started, retry, Some(&error));
        if seen.request_id.is_some() {
            last_request_id = seen.request_id.clone();
        }
        let error = error.with_request_id(last_request_id.clone());
        if retry >= policy.max_retries || !error.is_retryable() {
            return Err(error);
        }
        let retry_after = error.api().and_then(|e| e.retry_after);
        let Some(wait) = policy.delay(retry, retry_after) else {
            return Err(error);
        };
        settings.log.retry(wait, retry + 1);
        tokio::time::sleep(wait).await;
        retry += 1;
    }
}

/// The error type a bare status implies, for answers without the API's envelope.
fn type_for_status(status: u16) -> &'static str {
    match status {
        400 => "invalid_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        408 => "timeout",
        409 => "conflict",
        410 => "gone",
        413 => "payload_too_large",
        429 => "rate_limited",
        503 => "unavailable",
        s if s >= 500 => "internal",
        _ => "unknown",
    }
}

/// Build an [`ApiError`] from a status and a body that may or may not be the error envelope.
fn api_error_from_body(status: u16, body: &[u8], seen: &Seen) -> Error {
    let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let field = |name: &str| {
        json.as_ref()
            .and_then(|j| j.get("error"))
            .and_then(|e| e.get(name))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let message = field("message").unwrap_or_else(|| {
        let text = String::from_utf8_lossy(body);
        let text: String = text.chars().take(200).collect();
        format!("HTTP {status}: {}", text.trim())
    });
    Error::Api(Box::new(ApiError {
        status,
        error_type: field("type").unwrap_or_else(|| type_for_status(status).into()),
        message,
        param: field("param"),
        request_id: json
            .as_ref()
            .and_then(|j| j.get("request_id"))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .or_else(|| seen.request_id.clone()),
        retry_after: seen.retry_after,
    }))
}

fn transport(e: &reqwest::Error, seen: &Seen) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    if e.is_timeout() {
        return Error::Timeout {
            after: Duration::ZERO,
            request_id: seen.request_id.clone(),
        };
    }
    Error::Connection {
        message,
        request_id: seen.request_id.clone(),
    }
}

/// Translate the generated client's error into the SDK's.
async fn translate(e: progenitor_client::Error<ErrorEnvelope>, seen: &Seen) -> Error {
    use progenitor_client::Error as G;
    match e {
        G::ErrorResponse(rv) => {
            let status = rv.status().as_u16();
            let envelope = rv.into_inner();
            let error_type = serde_json::to_value(envelope.error.type_)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_else(|| type_for_status(status).into());
            Error::Api(Box::new(ApiError {
                status,
                error_type,
                message: envelope.error.message,
                param: envelope.error.param,
                request_id: Some(envelope.request_id).or_else(|| seen.request_id.clone()),
                retry_after: seen.retry_after,
            }))
        }
        G::UnexpectedResponse(response) => {
            let status = response.status().as_u16();
            let body = response.bytes().await.unwrap_or_default();
            if (200..300).contains(&status) {
                return Error::Decode {
                    status,
                    message: "a success status the spec does not list".into(),
                    request_id: seen.request_id.clone(),
                };
            }
            api_error_from_body(status, &body, seen)
        }
        G::InvalidResponsePayload(body, err) => match seen.status {
            Some(status) if status >= 400 => api_error_from_body(status, &body, seen),
            status => Error::Decode {
                status: status.unwrap_or(0),
                message: err.to_string(),
                request_id: seen.request_id.clone(),
            },
        },
        G::CommunicationError(e) | G::ResponseBodyError(e) | G::InvalidUpgrade(e) => {
            transport(&e, seen)
        }
        G::InvalidRequest(message) => Error::InvalidArgument {
            param: "request".into(),
            message,
        },
        G::Custom(message) => Error::Connection {
            message,
            request_id: seen.request_id.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_stays_under_the_ceiling() {
        let p = RetryPolicy::default();
        for retry in 0..10 {
            let ceiling = (p.initial_backoff * 2u32.pow(retry)).min(p.max_backoff);
            for _ in 0..50 {
                assert!(p.delay(retry, None).unwrap() <= ceiling);
            }
        }
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.delay(0, Some(Duration::from_secs(3))),
            Some(Duration::from_secs(3))
        );
        assert_eq!(p.delay(0, Some(Duration::from_secs(3600))), None);
    }

    #[test]
    fn bare_statuses_get_a_type() {
        let seen = Seen::default();
        let e = api_error_from_body(503, b"<html>busy</html>", &seen);
        assert_eq!(e.error_type(), Some("unavailable"));
        assert!(e.is_retryable());
        let e = api_error_from_body(
            404,
            br#"{"error":{"type":"not_found","message":"no","param":null},"request_id":"req_1"}"#,
            &seen,
        );
        assert_eq!(e.request_id(), Some("req_1"));
        assert!(!e.is_retryable());
    }
}
