//! A progenitor hook that records what each attempt's response said before the generated code
//! parses the body, so errors keep the status, request id and `Retry-After` even when the body is
//! not the API's error envelope (a proxy's 503 page, say).

use std::cell::RefCell;
use std::time::{Duration, SystemTime};

use progenitor_client::{ClientHooks, OperationInfo};

use crate::generated;

/// What an attempt sent (method, path) and what its response carried in its status line and
/// headers.
#[derive(Debug, Default, Clone)]
pub(crate) struct Seen {
    pub method: Option<String>,
    pub path: Option<String>,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    pub retry_after: Option<Duration>,
    pub headers: Option<reqwest::header::HeaderMap>,
}

tokio::task_local! {
    pub(crate) static SEEN: RefCell<Seen>;
    /// Headers this call adds to every attempt (`RequestOptions::header`).
    pub(crate) static EXTRA_HEADERS: Vec<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>;
}

/// Parse `Retry-After` as delta-seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

impl ClientHooks<()> for generated::Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        let _ = EXTRA_HEADERS.try_with(|extra| {
            for (name, value) in extra {
                request.headers_mut().insert(name.clone(), value.clone());
            }
        });
        let (method, path) = (
            request.method().to_string(),
            request.url().path().to_owned(),
        );
        let _ = SEEN.try_with(|cell| {
            let mut seen = cell.borrow_mut();
            seen.method = Some(method);
            seen.path = Some(path);
        });
        Ok(())
    }

    async fn post<E>(
        &self,
        result: &reqwest::Result<reqwest::Response>,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        if let Ok(response) = result {
            let headers = response.headers();
            let status = Some(response.status().as_u16());
            let seen_headers = response.status().is_success().then(|| headers.clone());
            let update = Seen {
                method: None,
                path: None,
                headers: seen_headers,
                status,
                request_id: headers
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned),
                retry_after: headers
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(parse_retry_after),
            };
            let _ = SEEN.try_with(|cell| {
                let mut seen = cell.borrow_mut();
                *seen = Seen {
                    method: seen.method.take(),
                    path: seen.path.take(),
                    ..update
                };
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("soon"), None);
        let future = SystemTime::now() + Duration::from_secs(120);
        let d = parse_retry_after(&httpdate::fmt_http_date(future)).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_secs(120),
            "{d:?}"
        );
        let past = SystemTime::now() - Duration::from_secs(120);
        assert_eq!(
            parse_retry_after(&httpdate::fmt_http_date(past)),
            Some(Duration::ZERO)
        );
    }
}
