//! `invites_sdk::Error` → the exception classes of `invites_sdk._errors` (plain Python classes,
//! so they carry typed attributes and can be subclassed and pickled like any exception).

use invites_sdk::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The Python module holding the exception classes.
const ERRORS_MODULE: &str = "invites_sdk._errors";

/// The class for an HTTP error status (the same mapping as the Node SDK).
pub fn class_for_status(status: u16) -> &'static str {
    match status {
        400 => "BadRequestError",
        401 => "AuthenticationError",
        403 => "PermissionDeniedError",
        404 => "NotFoundError",
        409 => "ConflictError",
        410 => "GoneError",
        413 => "PayloadTooLargeError",
        429 => "RateLimitError",
        s if s >= 500 => "InternalServerError",
        _ => "APIStatusError",
    }
}

/// The fields every exception of the SDK carries.
#[derive(Debug, Default)]
pub struct Fields {
    pub message: String,
    pub status: Option<u16>,
    pub error_type: Option<String>,
    pub param: Option<String>,
    pub request_id: Option<String>,
    pub retry_after: Option<f64>,
}

/// Build an exception of class `class` from `invites_sdk._errors`.
pub fn make(py: Python<'_>, class: &str, f: Fields) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import(ERRORS_MODULE)?.getattr(class)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("status", f.status)?;
        kwargs.set_item("type", f.error_type)?;
        kwargs.set_item("param", f.param)?;
        kwargs.set_item("request_id", f.request_id)?;
        kwargs.set_item("retry_after", f.retry_after)?;
        Ok(PyErr::from_value(cls.call((f.message,), Some(&kwargs))?))
    };
    build().unwrap_or_else(|e| e)
}

/// Translate an SDK error into its Python exception.
pub fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    let (class, fields) = match err {
        Error::Api(api) => (
            class_for_status(api.status),
            Fields {
                message: api.message,
                status: Some(api.status),
                error_type: Some(api.error_type),
                param: api.param,
                request_id: api.request_id,
                retry_after: api.retry_after.map(|d| d.as_secs_f64()),
            },
        ),
        Error::Connection {
            message,
            request_id,
        } => (
            "APIConnectionError",
            Fields {
                message,
                error_type: Some("connection_error".into()),
                request_id,
                ..Fields::default()
            },
        ),
        Error::Timeout { after, request_id } => (
            "APITimeoutError",
            Fields {
                message: format!("request timed out after {:.3} s", after.as_secs_f64()),
                error_type: Some("timeout".into()),
                request_id,
                ..Fields::default()
            },
        ),
        Error::InvalidArgument { param, message } => (
            "InvalidArgumentError",
            Fields {
                message,
                error_type: Some("invalid_argument".into()),
                param: Some(param),
                ..Fields::default()
            },
        ),
        Error::Config(message) => (
            "InvalidArgumentError",
            Fields {
                message,
                error_type: Some("invalid_config".into()),
                ..Fields::default()
            },
        ),
        Error::Decode {
            status,
            message,
            request_id,
        } => (
            "APIResponseValidationError",
            Fields {
                message,
                status: Some(status),
                error_type: Some("decode_error".into()),
                request_id,
                ..Fields::default()
            },
        ),
    };
    make(py, class, fields)
}

/// An argument refused before anything was sent.
pub fn invalid_argument(py: Python<'_>, param: Option<&str>, message: impl Into<String>) -> PyErr {
    make(
        py,
        "InvalidArgumentError",
        Fields {
            message: message.into(),
            error_type: Some("invalid_argument".into()),
            param: param.map(str::to_owned),
            ..Fields::default()
        },
    )
}

/// A call on a client after `close()`.
pub fn closed(py: Python<'_>) -> PyErr {
    make(
        py,
        "InvitesError",
        Fields {
            message: "the client is closed".into(),
            error_type: Some("client_closed".into()),
            ..Fields::default()
        },
    )
}
