//! `invites_sdk::Error` → the exception classes of `invites_sdk._errors` (plain Python classes,
//! so they carry typed attributes and can be subclassed and pickled like any exception). The SDK
//! picks the class and every field ([`Error::class_name`], [`Error::type_name`], …); this only
//! builds the object.

use invites_sdk::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The Python module holding the exception classes.
const ERRORS_MODULE: &str = "invites_sdk._errors";

/// Build an exception of class `class` from `invites_sdk._errors`.
fn make(
    py: Python<'_>,
    class: &str,
    message: String,
    fields: [(&str, Option<Py<PyAny>>); 5],
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import(ERRORS_MODULE)?.getattr(class)?;
        let kwargs = PyDict::new(py);
        for (name, value) in fields {
            kwargs.set_item(name, value)?;
        }
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    };
    build().unwrap_or_else(|e| e)
}

/// Translate an SDK error into its Python exception.
pub fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let str_obj = |s: Option<&str>| s.map(|s| s.into_pyobject(py).unwrap().into_any().unbind());
    let fields = [
        (
            "status",
            e.status()
                .map(|s| s.into_pyobject(py).unwrap().into_any().unbind()),
        ),
        ("type", str_obj(Some(e.type_name()))),
        ("param", str_obj(e.param())),
        ("request_id", str_obj(e.request_id())),
        (
            "retry_after",
            e.retry_after().map(|d| {
                d.as_secs_f64()
                    .into_pyobject(py)
                    .unwrap()
                    .into_any()
                    .unbind()
            }),
        ),
    ];
    make(py, e.class_name(), e.message(), fields)
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
        let kind = "client_closed"
            .into_pyobject(py)
            .unwrap()
            .into_any()
            .unbind();
        make(
            py,
            "InvitesError",
            "the client is closed".into(),
            [
                ("status", None),
                ("type", Some(kind)),
                ("param", None),
                ("request_id", None),
                ("retry_after", None),
            ],
        )
    })
}
