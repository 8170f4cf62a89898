//! The client: configuration, the shared HTTP connection pool, and per-call options.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};

use crate::error::Error;
use crate::generated;
use crate::retry::{self, RetryPolicy};

/// Environment variable read for the base URL when none is given.
pub const ENV_BASE_URL: &str = "INVITES_BASE_URL";
/// How long an idle pooled connection is kept: below the server's idle timeout (10 s).
pub const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// Environment variable read for the API key when none is given.
pub const ENV_API_KEY: &str = "INVITES_API_KEY";

/// Options for one call (or every call of a derived client, see [`Client::with_options`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// The `Idempotency-Key` for a POST; by default each call gets a fresh random key that every
    /// retry of that call reuses.
    pub idempotency_key: Option<String>,
    /// The per-attempt timeout, instead of the client's.
    pub timeout: Option<Duration>,
    /// The retry count, instead of the client's.
    pub max_retries: Option<u32>,
    /// Headers added to every attempt (e.g. `Invites-Forwarded-For`, naming the end user a
    /// lookup or accept is for); they replace a header of the same name.
    pub headers: Vec<(String, String)>,
}

impl RequestOptions {
    /// Options that change nothing.
    pub fn new() -> Self {
        Self::default()
    }
    /// Use this idempotency key.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }
    /// Use this per-attempt timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
    /// Retry at most this many times.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }
    /// Send this header with every attempt (checked when the call is made).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A successful answer with what came with it: from the `*_with_response` methods.
#[derive(Debug, Clone)]
pub struct Response<T> {
    /// The answer's body.
    pub data: T,
    /// The HTTP status (200, 201).
    pub status: u16,
    /// The server's id for the request (`req_…`).
    pub request_id: Option<String>,
    /// The answer's headers.
    pub headers: reqwest::header::HeaderMap,
}

impl<T> Response<T> {
    /// The same metadata with another body.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            data: f(self.data),
            status: self.status,
            request_id: self.request_id,
            headers: self.headers,
        }
    }
}

/// What the SDK writes to stderr about each attempt: nothing (default), `info` (one line per
/// attempt: method, path, status or error, duration, request id, retry number) or `debug` (also
/// each wait before a retry). Never a key, a code or a body. Default from `INVITES_LOG`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogLevel {
    /// No output.
    #[default]
    Off,
    /// One line per attempt.
    Info,
    /// Also the waits before retries.
    Debug,
}

impl LogLevel {
    /// `off`, `info` or `debug` (case-insensitive; `warn`/`error` mean off, `trace` debug).
    pub fn parse(s: &str) -> Option<LogLevel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "off" | "none" | "error" | "warn" | "warning" => Some(LogLevel::Off),
            "info" => Some(LogLevel::Info),
            "debug" | "trace" => Some(LogLevel::Debug),
            _ => None,
        }
    }

    pub(crate) fn attempt(
        self,
        seen: &crate::hooks::Seen,
        started: std::time::Instant,
        retry: u32,
        error: Option<&Error>,
    ) {
        if self == LogLevel::Off {
            return;
        }
        let outcome = match (seen.status, error) {
            (Some(status), _) => status.to_string(),
            (None, Some(e)) => e.type_name().to_owned(),
            (None, None) => "-".into(),
        };
        eprintln!(
            "invites-sdk: {} {} {} {:.1}ms request_id={} retry={}",
            seen.method.as_deref().unwrap_or("-"),
            seen.path.as_deref().unwrap_or("-"),
            outcome,
            started.elapsed().as_secs_f64() * 1000.0,
            seen.request_id.as_deref().unwrap_or("-"),
            retry
        );
    }

    pub(crate) fn retry(self, wait: Duration, retry: u32) {
        if self == LogLevel::Debug {
            eprintln!(
                "invites-sdk: retry {retry} in {:.0}ms",
                wait.as_secs_f64() * 1000.0
            );
        }
    }
}

/// A client for the Invites API. Cheap to clone; clones share one connection pool.
///
/// ```no_run
/// # async fn example() -> Result<(), invites_sdk::Error> {
/// use std::time::Duration;
/// use invites_sdk::{Client, RequestOptions};
///
/// let client = Client::builder()
///     .base_url("http://127.0.0.1:8080")
///     .api_key("ik_…")
///     .timeout(Duration::from_secs(10))
///     .max_retries(3)
///     .build()?;
/// let org = client.organizations().get().await?;
/// // Options for some calls only: a derived client shares the connection pool.
/// let patient = client.with_options(RequestOptions::new().timeout(Duration::from_secs(60)));
/// let _ = (org, patient);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    options: RequestOptions,
}

struct Inner {
    generated: generated::Client,
    base_url: String,
    retry: RetryPolicy,
    timeout: Duration,
    log: LogLevel,
    /// `Authorization`, sent with every attempt (also through a caller's own HTTP client).
    auth: HeaderMap,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.timeout)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for `base_url` (e.g. `http://127.0.0.1:8080`) authenticating with `api_key`.
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Result<Self, Error> {
        Self::builder().base_url(base_url).api_key(api_key).build()
    }

    /// A client configured from `INVITES_BASE_URL` and `INVITES_API_KEY`.
    pub fn from_env() -> Result<Self, Error> {
        Self::builder().build()
    }

    /// A builder for timeout, retries and user agent.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The same client with these options for every call made through it.
    pub fn with_options(&self, options: RequestOptions) -> Client {
        Client {
            inner: self.inner.clone(),
            options,
        }
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The generated client underneath, for anything this layer does not cover.
    pub fn generated(&self) -> &generated::Client {
        &self.inner.generated
    }

    /// The idempotency key for one POST call: the caller's, or a fresh random one.
    pub(crate) fn idempotency_key(&self) -> String {
        self.options
            .idempotency_key
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
    }

    /// Run one call with this client's retry policy, timeout, headers and logging, keeping the
    /// answer's status, request id and headers.
    pub(crate) async fn run_with_response<T, F, Fut>(
        &self,
        attempt: F,
    ) -> Result<Response<T>, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<
            Output = Result<
                progenitor_client::ResponseValue<T>,
                progenitor_client::Error<generated::types::ErrorEnvelope>,
            >,
        >,
    {
        let mut policy = self.inner.retry;
        if let Some(n) = self.options.max_retries {
            policy.max_retries = n;
        }
        let timeout = self.options.timeout.unwrap_or(self.inner.timeout);
        let mut settings = retry::CallSettings {
            headers: Vec::with_capacity(self.options.headers.len() + 1),
            log: self.inner.log,
        };
        for (name, value) in &self.inner.auth {
            settings.headers.push((name.clone(), value.clone()));
        }
        for (name, value) in &self.options.headers {
            let bad = |what: &str| Error::InvalidArgument {
                param: "headers".into(),
                message: format!("{what} {name:?} cannot be sent as an HTTP header"),
            };
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| bad("the name"))?;
            if name == AUTHORIZATION {
                return Err(bad("the header"));
            }
            let value = HeaderValue::from_str(value).map_err(|_| bad("the value of"))?;
            settings.headers.push((name, value));
        }
        retry::execute(policy, timeout, &settings, attempt).await
    }
}

/// Builds a [`Client`]; anything not set falls back to the environment, then to defaults.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    api_key: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    max_retries: Option<u32>,
    user_agent: Option<String>,
    log: Option<LogLevel>,
    http_client: Option<reqwest::Client>,
    proxy: Option<String>,
    ca_certificates_pem: Vec<Vec<u8>>,
}

impl ClientBuilder {
    /// What to log to stderr about each attempt; default `INVITES_LOG` (`info`, `debug`), else
    /// nothing.
    pub fn log(mut self, level: LogLevel) -> Self {
        self.log = Some(level);
        self
    }
    /// Use this HTTP client (your proxies, TLS roots, connection limits). The SDK still sends its
    /// `Authorization` header with every request; the client's own timeout and user agent apply.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }
    /// Send every request through this HTTP proxy (`http://host:port`).
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }
    /// Trust these root certificates (PEM, one or more) beside the system's, e.g. a company CA.
    pub fn ca_certificates_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_certificates_pem.push(pem.into());
        self
    }
    /// The server's base URL; default `INVITES_BASE_URL`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }
    /// The bearer token: an organization API key, or the admin token; default `INVITES_API_KEY`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }
    /// The per-attempt timeout; default 60 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
    /// The TCP connect timeout; default 10 s (never above the timeout).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }
    /// Retries after a retryable failure; default 2, 0 disables.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }
    /// The whole retry policy (backoff, caps).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }
    /// The `User-Agent`; default `invites-sdk-rust/<version>`.
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = Some(ua.into());
        self
    }

    /// Validate the configuration and build the client.
    pub fn build(self) -> Result<Client, Error> {
        let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let base_url = self
            .base_url
            .or_else(|| from_env(ENV_BASE_URL))
            .ok_or_else(|| {
                Error::Config(format!(
                    "no base URL: pass one or set {ENV_BASE_URL} (e.g. http://127.0.0.1:8080)"
                ))
            })?;
        let base_url = base_url.trim().trim_end_matches('/').to_string();
        let parsed = reqwest::Url::parse(&base_url)
            .map_err(|e| Error::Config(format!("base URL {base_url:?} is not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(Error::Config(format!(
                "base URL {base_url:?} must be http:// or https:// with a host"
            )));
        }
        let api_key = self
            .api_key
            .or_else(|| from_env(ENV_API_KEY))
            .ok_or_else(|| Error::Config(format!("no API key: pass one or set {ENV_API_KEY}")))?;
        let mut auth =
            HeaderValue::from_str(&format!("Bearer {}", api_key.trim())).map_err(|_| {
                Error::Config("the API key has characters not allowed in a header".into())
            })?;
        auth.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, auth);

        let timeout = self.timeout.unwrap_or(Duration::from_secs(60));
        if timeout.is_zero() {
            return Err(Error::Config("the timeout must be above zero".into()));
        }
        let connect_timeout = self
            .connect_timeout
            .unwrap_or(Duration::from_secs(10))
            .min(timeout);
        let mut retry = self.retry.unwrap_or_default();
        if let Some(n) = self.max_retries {
            retry.max_retries = n;
        }
        // reqwest is built without a bundled crypto provider; ring is ours (a no-op if the
        // application installed one already).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let log = match self.log {
            Some(level) => level,
            None => match from_env("INVITES_LOG") {
                None => LogLevel::Off,
                Some(v) => LogLevel::parse(&v).ok_or_else(|| {
                    Error::Config(format!("INVITES_LOG={v:?}: expected off, info or debug"))
                })?,
            },
        };
        let http = match self.http_client {
            Some(client) => client,
            None => {
                let mut b = reqwest::Client::builder()
                    .user_agent(
                        self.user_agent
                            .unwrap_or_else(|| format!("invites-sdk-rust/{}", crate::VERSION)),
                    )
                    .connect_timeout(connect_timeout)
                    .tcp_nodelay(true)
                    // Drop an idle pooled connection before the server does (invites-server
                    // closes a kept-alive connection idle for its header-read timeout, 10 s by
                    // default): reusing one the server is closing fails the request with
                    // "connection closed before message completed".
                    .pool_idle_timeout(POOL_IDLE_TIMEOUT);
                if let Some(url) = &self.proxy {
                    let proxy = reqwest::Proxy::all(url)
                        .map_err(|e| Error::Config(format!("proxy {url:?} is not usable: {e}")))?;
                    b = b.proxy(proxy);
                }
                for pem in &self.ca_certificates_pem {
                    let certs = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
                        Error::Config(format!("the CA certificates are not PEM: {e}"))
                    })?;
                    if certs.is_empty() {
                        return Err(Error::Config(
                            "the CA certificates hold no PEM certificate".into(),
                        ));
                    }
                    for c in certs {
                        b = b.add_root_certificate(c);
                    }
                }
                b.build()
                    .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))?
            }
        };
        let auth_headers = headers;
        Ok(Client {
            inner: Arc::new(Inner {
                generated: generated::Client::new_with_client(&base_url, http),
                base_url,
                retry,
                timeout,
                log,
                auth: auth_headers,
            }),
            options: RequestOptions::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_configuration_is_refused_with_a_reason() {
        let e = Client::new("not a url", "k").unwrap_err();
        assert!(e.to_string().contains("not a URL"), "{e}");
        let e = Client::new("ftp://example.com", "k").unwrap_err();
        assert!(e.to_string().contains("http://"), "{e}");
        let e = Client::new("http://127.0.0.1:1", "bad\nkey").unwrap_err();
        assert!(e.to_string().contains("header"), "{e}");
        let e = Client::builder()
            .base_url("http://127.0.0.1:1")
            .api_key("k")
            .timeout(Duration::ZERO)
            .build()
            .unwrap_err();
        assert!(e.to_string().contains("timeout"), "{e}");
    }

    #[test]
    fn trailing_slash_is_dropped() {
        let c = Client::new("http://127.0.0.1:8080/", "k").unwrap();
        assert_eq!(c.base_url(), "http://127.0.0.1:8080");
    }
}
