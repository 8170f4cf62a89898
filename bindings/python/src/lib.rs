//! `invites_sdk._native`: the Python face of the Rust `invites-sdk` crate.
//!
//! This crate only translates: Python arguments into the generated request types (which validate
//! themselves), responses into Python model classes, and `invites_sdk::Error` into the Python
//! exception hierarchy of `invites_sdk._errors`. HTTP, retries, idempotency keys and pagination
//! all stay in the Rust SDK.

use pyo3::prelude::*;

mod client;
mod convert;
mod errors;
mod models;
mod pager;
mod resources;
mod runtime;

/// The package version (the workspace version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", VERSION)?;
    m.add_class::<client::Client>()?;
    m.add_class::<client::AsyncClient>()?;
    m.add_class::<resources::Invites>()?;
    m.add_class::<resources::AsyncInvites>()?;
    m.add_class::<resources::Members>()?;
    m.add_class::<resources::AsyncMembers>()?;
    m.add_class::<resources::Organizations>()?;
    m.add_class::<resources::AsyncOrganizations>()?;
    m.add_class::<pager::SyncPager>()?;
    m.add_class::<pager::AsyncPager>()?;
    m.add_class::<pager::Page>()?;
    models::register(m)?;
    Ok(())
}
