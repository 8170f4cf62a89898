//! Rust client for the Invites API.
//!
//! The HTTP layer is generated from `spec/invites.yaml` by progenitor (`cargo xtask regen`) and
//! lives in [`generated`]; this crate adds what a generated client lacks: configuration from the
//! environment, retries with backoff, automatic idempotency keys, page streams and one typed
//! [`Error`]; and [`webhooks`], verifying what a webhook endpoint receives.
//!
//! ```no_run
//! # async fn run() -> Result<(), invites_sdk::Error> {
//! use futures::TryStreamExt;
//! use invites_sdk::{Client, ListInvites, types};
//!
//! let client = Client::from_env()?;
//! let body = types::InviteCreate::builder()
//!     .emails(["ada@example.com"])
//!     .roles(["developer"])
//!     .build()?;
//! let invite = client.invites().create(&body).await?;
//! println!("send {} to ada", invite.url.unwrap_or_default());
//! let all: Vec<types::Invite> = client.invites().list(ListInvites::default()).try_collect().await?;
//! # let _ = all; Ok(()) }
//! ```

mod builders;
mod client;
mod error;
mod error_classes;
mod hooks;
mod json;
mod operations;
mod pagination;
mod resources;
mod retry;
pub mod webhooks;

#[rustfmt::skip]
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod generated;

pub use builders::*;
pub use client::{Client, ClientBuilder, LogLevel, RequestOptions, Response};
pub use error::{ApiError, ERROR_CLASSES, Error, ErrorClass};
pub use generated::types;
pub use operations::{OPERATIONS, Operation};
pub use pagination::{Page, PageStream};
pub use resources::*;
pub use retry::RetryPolicy;

/// The crate's version, sent in the `User-Agent` header.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
