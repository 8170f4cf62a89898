//! `Client` and `AsyncClient`: configuration, per-call options and the resource attributes.

use std::sync::{Arc, RwLock};

use invites_sdk::RequestOptions;
use pyo3::prelude::*;

use crate::convert::seconds;
use crate::errors::{closed, invalid_argument, to_py_err};
use crate::resources::{
    AsyncInvites, AsyncMembers, AsyncOrganizations, Invites, Members, Organizations,
};

/// What a client and every resource object of it share: the Rust client (`None` once closed)
/// and the options every call made through this client gets.
pub struct Core {
    client: Arc<RwLock<Option<invites_sdk::Client>>>,
    base: RequestOptions,
    base_url: String,
}

fn max_retries(py: Python<'_>, n: Option<i64>) -> PyResult<Option<u32>> {
    n.map(|n| {
        u32::try_from(n).map_err(|_| {
            invalid_argument(
                py,
                Some("max_retries"),
                format!("max_retries must be 0 or more, got {n}"),
            )
        })
    })
    .transpose()
}

impl Core {
    fn build(
        py: Python<'_>,
        base_url: Option<String>,
        api_key: Option<String>,
        timeout: Option<f64>,
        retries: Option<i64>,
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
        if let Some(t) = timeout {
            builder = builder.timeout(seconds(py, "timeout", t)?);
        }
        if let Some(n) = max_retries(py, retries)? {
            builder = builder.max_retries(n);
        }
        let client = builder.build().map_err(|e| to_py_err(py, e))?;
        Ok(Self {
            base_url: client.base_url().to_owned(),
            client: Arc::new(RwLock::new(Some(client))),
            base: RequestOptions::default(),
        })
    }

    /// The Rust client for one call, with this client's options and the call's own.
    pub fn client(
        &self,
        py: Python<'_>,
        idempotency_key: Option<String>,
        timeout: Option<f64>,
    ) -> PyResult<invites_sdk::Client> {
        let mut options = self.base.clone();
        if let Some(key) = idempotency_key {
            options.idempotency_key = Some(key);
        }
        if let Some(t) = timeout {
            options.timeout = Some(seconds(py, "timeout", t)?);
        }
        let guard = self.client.read().unwrap_or_else(|p| p.into_inner());
        let client = guard.as_ref().ok_or_else(|| closed(py))?;
        Ok(client.with_options(options))
    }

    /// A core sharing the connection pool, with other options.
    fn derive(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        retries: Option<i64>,
        idempotency_key: Option<String>,
    ) -> PyResult<Self> {
        let mut base = self.base.clone();
        if let Some(t) = timeout {
            base.timeout = Some(seconds(py, "timeout", t)?);
        }
        if let Some(n) = max_retries(py, retries)? {
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

    fn close(&self) {
        self.client
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    fn is_closed(&self) -> bool {
        self.client
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .is_none()
    }
}

/// The synchronous client. Calls block the calling thread with the GIL released, so threads
/// sharing one client run their calls in parallel.
#[pyclass(module = "invites_sdk", frozen)]
pub struct Client {
    core: Arc<Core>,
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (base_url=None, api_key=None, *, timeout=None, max_retries=None, user_agent=None))]
    fn new(
        py: Python<'_>,
        base_url: Option<String>,
        api_key: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        user_agent: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self {
            core: Arc::new(Core::build(
                py,
                base_url,
                api_key,
                timeout,
                max_retries,
                user_agent,
            )?),
        })
    }

    /// Invites: create, list, get, update, revoke, rotate, lookup, accept, batches, redemptions.
    #[getter]
    fn invites(&self) -> Invites {
        Invites::new(self.core.clone())
    }

    /// Members of the caller's organization.
    #[getter]
    fn members(&self) -> Members {
        Members::new(self.core.clone())
    }

    /// The caller's organization, and creating organizations (admin token).
    #[getter]
    fn organizations(&self) -> Organizations {
        Organizations::new(self.core.clone())
    }

    /// The base URL calls go to.
    #[getter]
    fn base_url(&self) -> String {
        self.core.base_url.clone()
    }

    /// Whether `close()` was called.
    #[getter]
    fn is_closed(&self) -> bool {
        self.core.is_closed()
    }

    /// The same client (same connection pool) with other options for every call through it.
    #[pyo3(signature = (*, timeout=None, max_retries=None, idempotency_key=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        idempotency_key: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self {
            core: Arc::new(
                self.core
                    .derive(py, timeout, max_retries, idempotency_key)?,
            ),
        })
    }

    /// Release the connection pool; later calls raise `InvitesError`.
    fn close(&self) {
        self.core.close();
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) {
        self.core.close();
    }

    fn __repr__(&self) -> String {
        format!("Client(base_url={:?})", self.core.base_url)
    }
}

/// The asyncio client. Calls return awaitables completed by a shared tokio runtime; the event
/// loop is never blocked.
#[pyclass(module = "invites_sdk", frozen)]
pub struct AsyncClient {
    core: Arc<Core>,
}

#[pymethods]
impl AsyncClient {
    #[new]
    #[pyo3(signature = (base_url=None, api_key=None, *, timeout=None, max_retries=None, user_agent=None))]
    fn new(
        py: Python<'_>,
        base_url: Option<String>,
        api_key: Option<String>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        user_agent: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self {
            core: Arc::new(Core::build(
                py,
                base_url,
                api_key,
                timeout,
                max_retries,
                user_agent,
            )?),
        })
    }

    /// Invites: create, list, get, update, revoke, rotate, lookup, accept, batches, redemptions.
    #[getter]
    fn invites(&self) -> AsyncInvites {
        AsyncInvites::new(self.core.clone())
    }

    /// Members of the caller's organization.
    #[getter]
    fn members(&self) -> AsyncMembers {
        AsyncMembers::new(self.core.clone())
    }

    /// The caller's organization, and creating organizations (admin token).
    #[getter]
    fn organizations(&self) -> AsyncOrganizations {
        AsyncOrganizations::new(self.core.clone())
    }

    /// The base URL calls go to.
    #[getter]
    fn base_url(&self) -> String {
        self.core.base_url.clone()
    }

    /// Whether `close()` was called.
    #[getter]
    fn is_closed(&self) -> bool {
        self.core.is_closed()
    }

    /// The same client (same connection pool) with other options for every call through it.
    #[pyo3(signature = (*, timeout=None, max_retries=None, idempotency_key=None))]
    fn with_options(
        &self,
        py: Python<'_>,
        timeout: Option<f64>,
        max_retries: Option<i64>,
        idempotency_key: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self {
            core: Arc::new(
                self.core
                    .derive(py, timeout, max_retries, idempotency_key)?,
            ),
        })
    }

    /// Release the connection pool; later calls raise `InvitesError`. Awaitable.
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.core.close();
        pyo3_async_runtimes::tokio::future_into_py(py, async { Ok(()) })
    }

    fn __aenter__<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pyo3_async_runtimes::tokio::future_into_py(py, async move { Ok(slf) })
    }

    #[pyo3(signature = (*_args))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _args: &Bound<'py, pyo3::types::PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.core.close();
        pyo3_async_runtimes::tokio::future_into_py(py, async { Ok(()) })
    }

    fn __repr__(&self) -> String {
        format!("AsyncClient(base_url={:?})", self.core.base_url)
    }
}
