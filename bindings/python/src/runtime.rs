//! Running the SDK's futures: on the one tokio runtime that pyo3-async-runtimes shares, either
//! waited for with the GIL released (sync) or handed to asyncio as a future (async).

use std::future::Future;
use std::time::Duration;

use futures::future::BoxFuture;
use pyo3::prelude::*;

use crate::errors::to_py_err;

/// A call of the SDK, ready to run: its result converts into a Python object.
pub type Call<T> = BoxFuture<'static, Result<T, invites_sdk::Error>>;

/// Box a future of the SDK as a [`Call`].
pub fn call<T, F>(fut: F) -> Call<T>
where
    F: Future<Output = Result<T, invites_sdk::Error>> + Send + 'static,
{
    Box::pin(fut)
}

/// The shared multi-threaded tokio runtime (the one pyo3-async-runtimes uses for asyncio).
pub fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

/// How often a waiting sync call takes the GIL back to look for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// Run `fut` on the runtime and wait for it with the GIL released. Every [`SIGNAL_POLL`] the
/// thread takes the GIL back for a moment to check for signals, so Ctrl-C (KeyboardInterrupt)
/// cancels the call instead of waiting for the server.
pub fn block_on<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = Result<T, PyErr>> + Send + 'static,
{
    let rt = runtime();
    let mut handle = rt.spawn(fut);
    loop {
        let waited = py
            .detach(|| rt.block_on(async { tokio::time::timeout(SIGNAL_POLL, &mut handle).await }));
        match waited {
            Ok(Ok(result)) => return result,
            Ok(Err(join)) => {
                return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                    "the call's task failed: {join}"
                )));
            }
            Err(_elapsed) => {
                if let Err(interrupt) = py.check_signals() {
                    handle.abort();
                    return Err(interrupt);
                }
            }
        }
    }
}

/// Run an SDK call synchronously, translating its error.
pub fn run_sync<T>(py: Python<'_>, fut: Call<T>) -> PyResult<T>
where
    T: Send + 'static,
{
    block_on(py, async move { fut.await.map_err(to_py_err_attached) })
}

/// Hand an SDK call to asyncio: returns an `asyncio.Future` that the tokio runtime completes.
pub fn run_async<'py, T>(py: Python<'py>, fut: Call<T>) -> PyResult<Bound<'py, PyAny>>
where
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    pyo3_async_runtimes::tokio::future_into_py(
        py,
        async move { fut.await.map_err(to_py_err_attached) },
    )
}

/// Translate an SDK error from a runtime thread (takes the GIL briefly to build the exception).
pub fn to_py_err_attached(e: invites_sdk::Error) -> PyErr {
    Python::attach(|py| to_py_err(py, e))
}
