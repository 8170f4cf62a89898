//! `invites_sdk._native`: the machinery under the Python face of the Rust `invites-sdk` crate.
//!
//! Nothing here names an operation. Python (the generated `invites_sdk._generated`) calls an
//! operation by its operationId with its arguments as one JSON object; the SDK's JSON dispatch
//! (`Client::call_json`, `Client::stream_json`) checks them, sends the request with its retries
//! and idempotency key, and answers JSON. This crate only runs those futures (blocking with the
//! GIL released, or completing an asyncio future), walks page streams and translates
//! `invites_sdk::Error` into the exceptions of `invites_sdk._errors`; and it hands webhook
//! deliveries to the SDK's verification (`webhooks`), which needs no request.

use pyo3::prelude::*;

mod core;
mod errors;
mod runtime;
mod webhooks;

/// The package version (the workspace version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", VERSION)?;
    m.add_class::<core::Core>()?;
    m.add_class::<core::Stream>()?;
    m.add_class::<runtime::Task>()?;
    m.add_function(wrap_pyfunction!(runtime::shutdown, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::webhook_verify, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::webhook_unwrap, m)?)?;
    Ok(())
}
