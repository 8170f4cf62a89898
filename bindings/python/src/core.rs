//! `Core`: a configured Rust client and the options its calls get; `Stream`: every item of a
//! list. Both speak JSON text with Python: arguments in as one object (path parameters, query
//! parameters and body fields by their spec names), answers out as the JSON the SDK returns.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use futures::StreamExt;
use invites_sdk::{Client, PageStream, RequestOptions};
use pyo3::prelude::*;
use serde_json::Value;

use crate::errors::{closed, invalid, to_py_err};
use crate::runtime::{Task, block_on, runtime, spawn};

/// Translate an SDK error (every caller here holds the GIL).
fn err(e: invites_sdk::Error) -> PyErr {
    Python::attach(|py| to_py_err(py, e))
}

/// Seconds (a float) as a positive, finite duration.
fn seconds(secs: Option<f64>) -> PyResult<Option<Duration>> {
    match secs {
        Some(s) if !(s.is_finite() && s > 0.0 && s < 1e9) => Err(err(invalid(
            "timeout",
            format!("timeout must be a positive number of seconds, got {s}"),
        ))),
        s => Ok(s.map(Duration::from_secs_f64)),
    }
}

/// A retry count: 0 or more.
fn retries(n: Option<i64>) -> PyResult<Option<u32>> {
    n.map(|n| {
        u32::try_from(n).map_err(|_| {
            err(invalid(
                "max_retries",
                format!("must be 0 or more, got {n}"),
            ))
        })
    })
    .transpose()
}

/// A configured client: the Rust client (`None` once closed, shared by every `with_options`
/// copy) and the options every call through this core gets.
#[pyclass(module = "invites_sdk._native", frozen)]
pub struct Core {
    client: Arc<RwLock<Option<Client>>>,
    base: RequestOptions,
    base_url: String,
}

impl Core {
    /// The Rust client for one call (this core's options and the call's own) and its arguments.
    fn prepare(
        &self,
        args: &str,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
        headers: Option<Vec<(String, String)>>,
        max_retries: Option<i64>,
    ) -> PyResult<(Client, Value)> {
        let args = serde_json::from_str(args)
            .map_err(|e| err(invalid("args", format!("not JSON: {e}"))))?;
        let mut options = self.base.clone();
        options.idempotency_key = idempotency_key.or(options.idempotency_key);
        options.timeout = seconds(timeout)?.or(options.timeout);
        options.headers.extend(headers.unwrap_or_default());
        options.max_retries = retries(max_retries)?.or(options.max_retries);
        let guard = self.client.read().unwrap_or_else(|p| p.into_inner());
        let client = guard.as_ref().ok_or_else(closed)?;
        Ok((client.with_options(options), args))
    }
}

#[pymethods]
impl Core {
    /// A new client; `base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY.
    #[new]
    #[pyo3(signature = (base_url=None, api_key=None, *, timeout=None, max_retries=None, user_agent=None, proxy=None, ca_bundle=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        base_url: Option<String>,
        api_key: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        user_agent: Option<String>,
        proxy: Option<String>,
        ca_bundle: Option<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let mut builder = Client::builder().user_agent(user_agent.unwrap_or_else(|| {
            format!(
                "invites-sdk-python/{} invites-sdk-rust/{}",
                crate::VERSION,
                invites_sdk::VERSION
            )
        }));
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        if let Some(key) = api_key {
            builder = builder.api_key(key);
        }
        if let Some(t) = seconds(timeout)? {
            builder = builder.timeout(t);
        }
        if let Some(n) = retries(max_retries)? {
            builder = builder.max_retries(n);
        }
        if let Some(url) = proxy {
            builder = builder.proxy(url);
        }
        if let Some(path) = ca_bundle {
            let pem = std::fs::read(&path).map_err(|e| {
                err(invalid(
                    "ca_bundle",
                    format!("cannot read {}: {e}", path.display()),
                ))
            })?;
            builder = builder.ca_certificates_pem(pem);
        }
        let client = builder.build().map_err(err)?;
        Ok(Self {
            base_url: client.base_url().to_owned(),
            client: Arc::new(RwLock::new(Some(client))),
            base: RequestOptions::default(),
        })
    }

    /// The same client (same connection pool) with other options for every call through it.
    #[pyo3(signature = (*, timeout=None, max_retries=None, idempotency_key=None, headers=None))]
    fn with_options(
        &self,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        idempotency_key: Option<String>,
        headers: Option<Vec<(String, String)>>,
    ) -> PyResult<Self> {
        let mut base = self.base.clone();
        base.headers.extend(headers.unwrap_or_default());
        base.timeout = seconds(timeout)?.or(base.timeout);
        base.max_retries = retries(max_retries)?.or(base.max_retries);
        base.idempotency_key = idempotency_key.or(base.idempotency_key);
        Ok(Self {
            client: self.client.clone(),
            base,
            base_url: self.base_url.clone(),
        })
    }

    /// The base URL calls go to.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Whether `close()` was called (on this core or one it shares its client with).
    #[getter]
    fn is_closed(&self) -> bool {
        self.client
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .is_none()
    }

    /// Release the connection pool; later calls raise `InvitesError` (`client_closed`).
    fn close(&self) {
        self.client
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    /// Call `operation` (an operationId) with `args` (JSON text) and wait, with the GIL
    /// released; the answer as JSON text (a list operation answers its first page) and its
    /// request id.
    #[pyo3(signature = (operation, args, *, idempotency_key=None, timeout=None, headers=None, max_retries=None))]
    #[allow(clippy::too_many_arguments)]
    fn call(
        &self,
        py: Python<'_>,
        operation: String,
        args: &str,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
        headers: Option<Vec<(String, String)>>,
        max_retries: Option<i64>,
    ) -> PyResult<(String, Option<String>)> {
        let (client, args) = self.prepare(args, idempotency_key, timeout, headers, max_retries)?;
        block_on(py, async move {
            let answer = client.call_json_with_response(&operation, args).await?;
            Ok((answer.data.to_string(), answer.request_id))
        })
    }

    /// As `call`, without waiting: `done((json_text, request_id), None)` or
    /// `done(None, exception)` is called from a runtime thread when the call ends. The `Task`
    /// cancels it.
    #[pyo3(signature = (operation, args, done, *, idempotency_key=None, timeout=None, headers=None, max_retries=None))]
    #[allow(clippy::too_many_arguments)]
    fn call_async(
        &self,
        operation: String,
        args: &str,
        done: Py<PyAny>,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
        headers: Option<Vec<(String, String)>>,
        max_retries: Option<i64>,
    ) -> PyResult<Task> {
        let (client, args) = self.prepare(args, idempotency_key, timeout, headers, max_retries)?;
        spawn(
            async move {
                let answer = client.call_json_with_response(&operation, args).await?;
                Ok(Some((answer.data.to_string(), answer.request_id)))
            },
            done,
        )
    }

    /// Every item of list `operation`, page after page; the arguments are checked now.
    #[pyo3(signature = (operation, args, *, timeout=None, headers=None, max_retries=None))]
    fn stream(
        &self,
        operation: &str,
        args: &str,
        timeout: Option<f64>,
        headers: Option<Vec<(String, String)>>,
        max_retries: Option<i64>,
    ) -> PyResult<Stream> {
        let (client, args) = self.prepare(args, None, timeout, headers, max_retries)?;
        let _context = runtime().enter();
        let stream = client.stream_json(operation, args).map_err(err)?;
        Ok(Stream(Arc::new(tokio::sync::Mutex::new(stream))))
    }
}

/// Every item of a list, fetched page by page as it is read.
#[pyclass(module = "invites_sdk._native", frozen)]
pub struct Stream(Arc<tokio::sync::Mutex<PageStream<Value>>>);

impl Stream {
    fn next_item(
        &self,
    ) -> impl Future<Output = Result<Option<String>, invites_sdk::Error>> + Send + 'static {
        let inner = self.0.clone();
        async move {
            let item = inner.lock().await.next().await.transpose()?;
            Ok(item.map(|v| v.to_string()))
        }
    }
}

#[pymethods]
impl Stream {
    /// The next item as JSON text (`None` after the last), waiting with the GIL released.
    fn next(&self, py: Python<'_>) -> PyResult<Option<String>> {
        block_on(py, self.next_item())
    }

    /// As `next`, without waiting: `done(json_text_or_None, None)` or `done(None, exception)`.
    fn next_async(&self, done: Py<PyAny>) -> PyResult<Task> {
        spawn(self.next_item(), done)
    }
}
