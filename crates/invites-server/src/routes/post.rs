//! The prologue every POST shares: authenticate the caller, read the `Idempotency-Key` (bound to
//! the route axum matched, never to a path spelled out again by hand) and replay a stored answer.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, MatchedPath, RawPathParams};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::{AppState, Caller, authenticate};
use crate::error::ApiError;
use crate::idempotency::{self, Idem, Reply};

/// The route of a request as its idempotency key is bound to it: the method and the router's
/// path template (from [`MatchedPath`]) with the request's path parameters filled in, decoded.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    method: String,
    path: String,
    /// The peer's IP address (the admin token's failures are limited per peer).
    peer: Option<IpAddr>,
}

impl<S: Send + Sync> FromRequestParts<S> for Route {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Some(matched) = parts.extensions.get::<MatchedPath>() else {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "a POST handler without a matched route"
            ))
            .into_response());
        };
        let mut path = matched.as_str().to_owned();
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        for (name, value) in &params {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(Route {
            method: parts.method.as_str().to_owned(),
            path,
            peer,
        })
    }
}

/// How a POST goes on after its prologue.
pub(crate) enum Start<C> {
    /// Run the request as `caller`; `idem`, if any, is claimed by its write transaction.
    Run {
        /// Who is calling.
        caller: C,
        /// The request's idempotency key, if it sent one.
        idem: Option<Idem>,
    },
    /// The same request was answered before: this is its answer.
    Replay(Reply),
}

/// The prologue of an organization's POST: authenticate its API key, read its idempotency key,
/// replay a stored answer.
pub(crate) async fn start(
    state: &AppState,
    headers: &HeaderMap,
    route: &Route,
    body: &[u8],
) -> Result<Start<Caller>, ApiError> {
    let caller = authenticate(state, headers).await?;
    let idem = Idem::from_request(headers, &caller.org_id, &route.method, &route.path, body)?;
    resume(state, caller, idem).await
}

/// The prologue of an admin POST (`createOrganization`): the admin token, then as [`start`].
/// Wrong tokens count as failed attempts of the peer address (the same limit and window as
/// failed lookups and accepts); past the limit that peer gets 429 until the window ends.
pub(crate) async fn start_admin(
    state: &AppState,
    headers: &HeaderMap,
    route: &Route,
    body: &[u8],
) -> Result<Start<()>, ApiError> {
    let peer = match route.peer {
        Some(ip) => format!("admin\0{ip}"),
        None => "admin\0unknown".to_owned(),
    };
    state.limiter.check(&peer)?;
    if let Err(e) = super::authenticate_admin(state, headers) {
        state.limiter.fail(&peer)?;
        return Err(e);
    }
    let idem = Idem::from_request(headers, "admin", &route.method, &route.path, body)?;
    resume(state, (), idem).await
}

async fn resume<C>(state: &AppState, caller: C, idem: Option<Idem>) -> Result<Start<C>, ApiError> {
    match idempotency::replay(&state.store, idem.as_ref()).await? {
        Some(r) => Ok(Start::Replay(r)),
        None => Ok(Start::Run { caller, idem }),
    }
}
