//! The invitations console: a small web page at `GET /console`, built from plain HTML, CSS and
//! JavaScript modules embedded in the binary (nothing is fetched from anywhere else).
//!
//! The page talks to the same JSON API as the SDKs, with the organization API key the user signs
//! in with (kept in `sessionStorage`, sent as the bearer header). Every response carries a strict
//! Content-Security-Policy (no inline script or style, nothing from other origins), refuses to be
//! framed, and names its exact content type with `nosniff`.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

/// The Content-Security-Policy of every console response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
style-src 'self'; connect-src 'self'; img-src 'self'; manifest-src 'self'; \
frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const INDEX_HTML: &str = include_str!("../console/index.html");
const APP_JS: &str = include_str!("../console/app.js");
const API_JS: &str = include_str!("../console/api.js");
const VIEW_JS: &str = include_str!("../console/view.js");
const STYLE_CSS: &str = include_str!("../console/style.css");
const FAVICON_SVG: &str = include_str!("../console/favicon.svg");

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// One embedded file with the console's security headers.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let headers: [(HeaderName, HeaderValue); 7] = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        // Small files that change with the binary: revalidate rather than go stale.
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    (headers, body).into_response()
}

/// The console's routes: `/console` and its assets under `/console/…`. Stateless, so it merges
/// into a router of any state.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/console", get(|| async { asset(HTML, INDEX_HTML) }))
        .route(
            "/console/",
            get(|| async { Redirect::permanent("/console") }),
        )
        .route("/console/app.js", get(|| async { asset(JS, APP_JS) }))
        .route("/console/api.js", get(|| async { asset(JS, API_JS) }))
        .route("/console/view.js", get(|| async { asset(JS, VIEW_JS) }))
        .route(
            "/console/style.css",
            get(|| async { asset(CSS, STYLE_CSS) }),
        )
        .route(
            "/console/favicon.svg",
            get(|| async { asset(SVG, FAVICON_SVG) }),
        )
}
