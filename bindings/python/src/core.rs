//! `Core`: a configured Rust client and the options its calls get; `Stream`: every item of a
//! list. Both speak JSON text with Python: arguments in as one object (path parameters, query
//! parameters and body fields by their spec names), answers out as the JSON the SDK returns.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use futures::StreamExt;
use invites_sdk::{PageStream, RequestOptions};
use pyo3::prelude::*;
use serde_json::Value;

use crate::errors::{closed, invalid, to_py_err};
use crate::runtime::{Task, block_on, runtime, spawn};

/// Seconds (a float) as a positive, finite duration.
fn seconds(param: &str, secs: Option<f64>) -> Result<Option<Duration>, invites_sdk::Error> {
    match secs {
        None => Ok(None),
        Some(s) if s.is_finite() && s > 0.0 && s < 1e9 => Ok(Some(Duration::from_secs_f64(s))),
        Some(s) => Err(invalid(
            param,
            format!("{param} must be a positive number of seconds, got {s}"),
        )),
    }
}

/// A retry count from Python: 0 or more.
fn retries(n: Option<i64>) -> Result<Option<u32>, invites_sdk::Error> {
    n.map(|n| {
        u32::try_from(n).map_err(|_| invalid("max_retries", format!("must be 0 or more, got {n}")))
    })
    .transpose()
}

/// The arguments of a call, as JSON text from Python.
fn parse_args(args: &str) -> Result<Value, invites_sdk::Error> {
    serde_json::from_str(args).map_err(|e| invalid("args", format!("not JSON: {e}")))
}

fn to_text(value: &Value) -> String {
    value.to_string()
}

/// A configured client: the Rust client (`None` once closed, shared by every `with_options`
/// copy) and the options every call through this core gets.
#[pyclass(module = "invites_sdk._native", frozen)]
pub struct Core {
    client: Arc<RwLock<Option<invites_sdk::Client>>>,
    base: RequestOptions,
    base_url: String,
}

impl Core {
    /// The Rust client for one call, with this core's options and the call's own.
    fn client(
        &self,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
    ) -> Result<invites_sdk::Client, PyErr> {
        let mut options = self.base.clone();
        if let Some(key) = idempotency_key {
            options.idempotency_key = Some(key);
        }
        if let Some(t) = seconds("timeout", timeout).map_err(err)? {
            options.timeout = Some(t);
        }
        let guard = self.client.read().unwrap_or_else(|p| p.into_inner());
        let client = guard.as_ref().ok_or_else(closed)?;
        Ok(client.with_options(options))
    }
}

/// Translate an SDK error (needs the GIL, which every caller here holds).
fn err(e: invites_sdk::Error) -> PyErr {
    Python::attach(|py| to_py_err(py, e))
}

#[pymethods]
impl Core {
    /// A new client; `base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY.
    #[new]
    #[pyo3(signature = (base_url=None, api_key=None, *, timeout=None, max_retries=None, user_agent=None))]
    fn new(
        base_url: Option<String>,
        api_key: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        user_agent: Option<String>,
    ) -> PyResult<Self> {
        let mut builder =
            invites_sdk::Client::builder().user_agent(user_agent.unwrap_or_else(|| {
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
        if let Some(t) = seconds("timeout", timeout).map_err(err)? {
            builder = builder.timeout(t);
        }
        if let Some(n) = retries(max_retries).map_err(err)? {
            builder = builder.max_retries(n);
        }
        let client = builder.build().map_err(err)?;
        Ok(Self {
            base_url: client.base_url().to_owned(),
            client: Arc::new(RwLock::new(Some(client))),
            base: RequestOptions::default(),
        })
    }

    /// The same client (same connection pool) with other options for every call through it.
    #[pyo3(signature = (*, timeout=None, max_retries=None, idempotency_key=None))]
    fn with_options(
        &self,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        idempotency_key: Option<String>,
    ) -> PyResult<Self> {
        let mut base = self.base.clone();
        if let Some(t) = seconds("timeout", timeout).map_err(err)? {
            base.timeout = Some(t);
        }
        if let Some(n) = retries(max_retries).map_err(err)? {
            base.max_retries = Some(n);
        }
        if let Some(key) = idempotency_key {
            base.idempotency_key = Some(key);
        }
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
    /// released; the answer as JSON text (a list operation answers its first page).
    #[pyo3(signature = (operation, args, *, idempotency_key=None, timeout=None))]
    fn call(
        &self,
        py: Python<'_>,
        operation: String,
        args: &str,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
    ) -> PyResult<String> {
        let args = parse_args(args).map_err(err)?;
        let client = self.client(idempotency_key, timeout)?;
        block_on(py, async move {
            client
                .call_json(&operation, args)
                .await
                .map(|v| to_text(&v))
        })
    }

    /// As `call`, without waiting: `done(json_text, None)` or `done(None, exception)` is called
    /// from a runtime thread when the call ends. The `Task` cancels it.
    #[pyo3(signature = (operation, args, done, *, idempotency_key=None, timeout=None))]
    fn call_async(
        &self,
        py: Python<'_>,
        operation: String,
        args: &str,
        done: Py<PyAny>,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
    ) -> PyResult<Task> {
        let args = parse_args(args).map_err(err)?;
        let client = self.client(idempotency_key, timeout)?;
        spawn(
            py,
            async move {
                client
                    .call_json(&operation, args)
                    .await
                    .map(|v| Some(to_text(&v)))
            },
            done,
        )
    }

    /// Every item of list `operation`, page after page; the arguments are checked now.
    #[pyo3(signature = (operation, args, *, timeout=None))]
    fn stream(&self, operation: &str, args: &str, timeout: Option<f64>) -> PyResult<Stream> {
        let args = parse_args(args).map_err(err)?;
        let client = self.client(None, timeout)?;
        let _context = runtime().enter();
        let stream = client.stream_json(operation, args).map_err(err)?;
        Ok(Stream {
            inner: Arc::new(tokio::sync::Mutex::new(stream)),
        })
    }
}

/// Every item of a list, fetched page by page as it is read.
#[pyclass(module = "invites_sdk._native", frozen)]
pub struct Stream {
    inner: Arc<tokio::sync::Mutex<PageStream<Value>>>,
}

impl Stream {
    fn next_item(
        &self,
    ) -> impl Future<Output = Result<Option<String>, invites_sdk::Error>> + Send + 'static {
        let inner = self.inner.clone();
        async move {
            let item = inner.lock().await.next().await.transpose()?;
            Ok(item.as_ref().map(to_text))
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
    fn next_async(&self, py: Python<'_>, done: Py<PyAny>) -> PyResult<Task> {
        spawn(py, self.next_item(), done)
    }
}
