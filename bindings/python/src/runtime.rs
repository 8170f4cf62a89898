//! Running the SDK's futures on one tokio runtime: waited for with the GIL released (sync), or
//! completing an asyncio future through a Python callback (async).
//!
//! Interpreter exit: a thread without the GIL must not take it once finalization has begun
//! (CPython then parks or tears down the thread inside Rust frames: the process aborts at exit
//! with no Python frame on the stack). So every such thread (a runtime thread handing a result
//! to asyncio, a caller coming back from a wait with the GIL released) goes through the gate
//! ([`enter`] … [`leave`]); `shutdown()`, an `atexit` hook of the package, closes it and waits
//! for threads already on their way in. Afterwards runtime threads drop their results and other
//! waiting threads stay parked until the process ends; only the thread that runs the exit (and
//! the remaining `atexit` hooks) goes on calling.

use std::future::Future;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::thread::ThreadId;
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

/// Who closed the gate (`None`: open) and how many threads are on their way into Python.
struct Gate {
    closed_by: Option<ThreadId>,
    entering: usize,
}

static GATE: Mutex<Gate> = Mutex::new(Gate {
    closed_by: None,
    entering: 0,
});
static LEFT: Condvar = Condvar::new();

fn gate() -> MutexGuard<'static, Gate> {
    GATE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Before taking the GIL on a thread that does not hold it: whether it may (the gate is open,
/// or this is the thread that closed it). Each `true` must be followed by [`leave`].
fn enter() -> bool {
    let mut gate = gate();
    match gate.closed_by {
        Some(id) if id != std::thread::current().id() => false,
        _ => {
            gate.entering += 1;
            true
        }
    }
}

/// The GIL is taken (or given back): the thread is no longer on its way in.
fn leave() {
    let mut gate = gate();
    gate.entering -= 1;
    if gate.entering == 0 {
        LEFT.notify_all();
    }
}

/// Run `f` with the GIL from a runtime thread, unless the interpreter is shutting down.
fn with_python(f: impl FnOnce(Python<'_>)) {
    if enter() {
        Python::attach(f);
        leave();
    }
}

/// Whether [`shutdown`] ran.
fn is_shut() -> bool {
    gate().closed_by.is_some()
}

/// Close the gate: from now on only this thread takes the GIL back. Called by the package's
/// `atexit` hook; waits (with the GIL released) for threads already on their way in.
#[pyfunction]
pub fn shutdown(py: Python<'_>) {
    let me = std::thread::current().id();
    py.detach(move || {
        let mut gate = gate();
        gate.closed_by = Some(me);
        while gate.entering > 0 {
            gate = LEFT.wait(gate).unwrap_or_else(|p| p.into_inner());
        }
    });
}

/// Release the GIL while `f` runs, then take it back through the gate: after `shutdown()` any
/// thread but the exiting one parks here until the process ends instead.
fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> T {
    let out = py.detach(|| {
        let out = f();
        if !enter() {
            loop {
                std::thread::park();
            }
        }
        out
    });
    leave();
    out
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
        let waited = detached(py, || {
            rt.block_on(async { tokio::time::timeout(SIGNAL_POLL, &mut handle).await })
        });
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
pub fn spawn<F, T>(fut: F, done: Py<PyAny>) -> PyResult<Task>
where
    F: Future<Output = Result<T, invites_sdk::Error>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    if is_shut() {
        return Err(PyRuntimeError::new_err("the interpreter is shutting down"));
    }
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
