//! `invites_sdk::Error` → the exception classes of `invites_sdk._errors` (plain Python classes,
//! so they carry typed attributes and can be subclassed and pickled like any exception). The SDK
//! picks the class and every field ([`Error::class_name`], [`Error::type_name`], …); this only
//! builds the object.

use invites_sdk::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// An exception of class `class` from `invites_sdk._errors`, its fields set by `fill`.
fn build(
    py: Python<'_>,
    class: &str,
    message: String,
    fill: impl FnOnce(&Bound<'_, PyDict>) -> PyResult<()>,
) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        fill(&kwargs)?;
        let cls = py.import("invites_sdk._errors")?.getattr(class)?;
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    make().unwrap_or_else(|e| e)
}

/// Translate an SDK error into its Python exception.
pub fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    build(py, e.class_name(), e.message(), |kw| {
        kw.set_item("status", e.status())?;
        kw.set_item("type", e.type_name())?;
        kw.set_item("param", e.param())?;
        kw.set_item("request_id", e.request_id())?;
        kw.set_item("retry_after", e.retry_after().map(|d| d.as_secs_f64()))
    })
}

/// An argument this binding refuses before calling the SDK (a timeout, a retry count).
pub fn invalid(param: &str, message: String) -> Error {
    Error::InvalidArgument {
        param: param.to_owned(),
        message,
    }
}

/// A call on a client after `close()`.
pub fn closed() -> PyErr {
    Python::attach(|py| {
        build(py, "InvitesError", "the client is closed".into(), |kw| {
            kw.set_item("type", "client_closed")
        })
    })
}
