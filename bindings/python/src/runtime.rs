//! Running the SDK's futures on one tokio runtime: waited for with the GIL released (sync), or
//! completing an asyncio future through a Python callback (async).
//!
//! Interpreter exit: runtime threads take the GIL only to hand a result to Python, and only
//! through [`with_python`], which holds a read guard of [`SHUT`] while it does. `shutdown()`
//! (an `atexit` hook of the package) takes the write guard and closes the gate, so once
//! finalization begins no runtime thread ever touches the interpreter again. A thread that
//! tried would be parked or torn down by CPython mid-Rust-frame, which is how a process aborts
//! at exit with no Python frame on the stack.

use std::future::Future;
use std::sync::{OnceLock, RwLock};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::errors::to_py_err;

/// The SDK's runtime, started on first use and never stopped (its threads end with the
/// process; after [`shutdown`] they no longer reach into Python).
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("invites-sdk")
            .build()
            .expect("starting the tokio runtime")
    })
}

/// `true` once the interpreter is shutting down; read-held while a runtime thread is in Python.
static SHUT: RwLock<bool> = RwLock::new(false);

/// Whether [`shutdown`] ran.
pub fn is_shut() -> bool {
    *SHUT.read().unwrap_or_else(|p| p.into_inner())
}

/// Run `f` with the GIL from a runtime thread, unless the interpreter is shutting down.
fn with_python(f: impl FnOnce(Python<'_>)) {
    let shut = SHUT.read().unwrap_or_else(|p| p.into_inner());
    if !*shut {
        Python::attach(f);
    }
    drop(shut);
}

/// Close the gate: from now on no runtime thread takes the GIL. Called by the package's
/// `atexit` hook; waits (with the GIL released) for a thread already in Python to leave it.
#[pyfunction]
pub fn shutdown(py: Python<'_>) {
    py.detach(|| *SHUT.write().unwrap_or_else(|p| p.into_inner()) = true);
}

/// How often a waiting sync call takes the GIL back to look for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// Run `fut` on the runtime and wait for it with the GIL released. Every [`SIGNAL_POLL`] the
/// thread takes the GIL back for a moment to check for signals, so Ctrl-C (KeyboardInterrupt)
/// cancels the call instead of waiting for the server.
pub fn block_on<T, F>(py: Python<'_>, fut: F) -> PyResult<T>
where
    T: Send + 'static,
    F: Future<Output = Result<T, invites_sdk::Error>> + Send + 'static,
{
    let rt = runtime();
    let mut handle = rt.spawn(fut);
    loop {
        let waited = py
            .detach(|| rt.block_on(async { tokio::time::timeout(SIGNAL_POLL, &mut handle).await }));
        match waited {
            Ok(Ok(result)) => return result.map_err(|e| to_py_err(py, e)),
            Ok(Err(join)) => {
                return Err(PyRuntimeError::new_err(format!(
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

/// A call running for asyncio; `cancel()` stops it (when the awaiting task is cancelled).
#[pyclass(module = "invites_sdk._native", frozen)]
pub struct Task {
    handle: tokio::task::AbortHandle,
}

#[pymethods]
impl Task {
    /// Stop the call; its callback is then never called.
    fn cancel(&self) {
        self.handle.abort();
    }
}

/// Run `fut` on the runtime and call `done(result, None)` or `done(None, exception)` from a
/// runtime thread when it ends (`done` hands the outcome to its event loop thread-safely).
pub fn spawn<F>(py: Python<'_>, fut: F, done: Py<PyAny>) -> PyResult<Task>
where
    F: Future<Output = Result<Option<String>, invites_sdk::Error>> + Send + 'static,
{
    if is_shut() {
        return Err(PyRuntimeError::new_err("the interpreter is shutting down"));
    }
    let _ = py;
    let handle = runtime().spawn(async move {
        let result = fut.await;
        with_python(move |py| {
            let called = match result {
                Ok(value) => done.call1(py, (value, py.None())),
                Err(e) => done.call1(py, (py.None(), to_py_err(py, e).into_value(py))),
            };
            if let Err(e) = called {
                e.write_unraisable(py, None);
            }
        });
    });
    Ok(Task {
        handle: handle.abort_handle(),
    })
}
