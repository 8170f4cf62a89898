//! The one error type of the API and its JSON envelope.
//!
//! Handlers return [`ApiError`]; its response carries an [`ErrorBody`] extension that the
//! request-id middleware renders into `{"error": {...}, "request_id": "req_…"}`, so every error,
//! including axum's own rejections and the fallback 404, leaves in the same shape.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// What went wrong, as the API reports it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400 `invalid_request`: the request is malformed; `param` names the field at fault.
    #[error("{message}")]
    Invalid {
        /// The request field at fault.
        param: String,
        /// A sentence for people.
        message: String,
    },
    /// 401 `unauthorized`.
    #[error("missing or unknown bearer token")]
    Unauthorized,
    /// 404 `not_found`.
    #[error("{0}")]
    NotFound(String),
    /// 409 `conflict`, optionally naming the parameter at fault.
    #[error("{message}")]
    Conflict {
        /// The request field at fault, if one is.
        param: Option<String>,
        /// A sentence for people.
        message: String,
    },
    /// 409 `already_member`.
    #[error("{0}")]
    AlreadyMember(String),
    /// 409 `invite_exhausted`.
    #[error("the invite has no uses left")]
    InviteExhausted,
    /// 410 `invite_expired`.
    #[error("the invite has expired")]
    InviteExpired,
    /// 410 `invite_revoked`.
    #[error("the invite was revoked")]
    InviteRevoked,
    /// 403 `invite_disabled`.
    #[error("the invite is disabled")]
    InviteDisabled,
    /// 403 `email_not_allowed`.
    #[error("this address may not accept the invite")]
    EmailNotAllowed,
    /// 413 `payload_too_large`.
    #[error("the request body is over the limit of {0} bytes")]
    PayloadTooLarge(usize),
    /// 429 `rate_limited`, with the seconds to wait.
    #[error("too many failed attempts; retry after {0} s")]
    RateLimited(u64),
    /// 503 `unavailable`, with the seconds to wait.
    #[error("the server is overloaded; retry after {0} s")]
    Unavailable(u64),
    /// 503 `unavailable`: the request ran over the per-request timeout (milliseconds) and was
    /// abandoned. An open transaction is rolled back, but one that had committed stays, so the
    /// answer does not say which: a retry with the same `Idempotency-Key` tells.
    #[error(
        "the request took longer than {0} ms and was abandoned; a change it was making may or          may not have been kept: retry with the same Idempotency-Key to learn which"
    )]
    TimedOut(u64),
    /// 500 `internal`; the cause goes to the log only.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The rendered error, attached to the response for the middleware to wrap with the request id.
#[derive(Debug, Clone)]
pub struct ErrorBody {
    /// The API error type, e.g. `not_found`.
    pub error_type: &'static str,
    /// A sentence for people.
    pub message: String,
    /// The field at fault, if any.
    pub param: Option<String>,
}

impl ApiError {
    /// A 400 for `param`.
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::Invalid {
            param: param.into(),
            message: message.into(),
        }
    }

    /// A 404 for a missing thing.
    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(format!("no such {what}"))
    }

    /// A 409 `conflict`.
    pub fn conflict(param: Option<&str>, message: impl Into<String>) -> Self {
        ApiError::Conflict {
            param: param.map(str::to_owned),
            message: message.into(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Invalid { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } | ApiError::AlreadyMember(_) | ApiError::InviteExhausted => {
                StatusCode::CONFLICT
            }
            ApiError::InviteExpired | ApiError::InviteRevoked => StatusCode::GONE,
            ApiError::InviteDisabled | ApiError::EmailNotAllowed => StatusCode::FORBIDDEN,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) | ApiError::TimedOut(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The API error type.
    pub fn error_type(&self) -> &'static str {
        match self {
            ApiError::Invalid { .. } => "invalid_request",
            ApiError::Unauthorized => "unauthorized",
            ApiError::NotFound(_) => "not_found",
            ApiError::Conflict { .. } => "conflict",
            ApiError::AlreadyMember(_) => "already_member",
            ApiError::InviteExhausted => "invite_exhausted",
            ApiError::InviteExpired => "invite_expired",
            ApiError::InviteRevoked => "invite_revoked",
            ApiError::InviteDisabled => "invite_disabled",
            ApiError::EmailNotAllowed => "email_not_allowed",
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::RateLimited(_) => "rate_limited",
            ApiError::Unavailable(_) | ApiError::TimedOut(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Whether this error is the outcome of a request that ran (403, 404, 409, 410), as opposed
    /// to a request refused before it ran (400, 401, 413, 429, 5xx) or a clash of its
    /// `Idempotency-Key`: the answers an `Idempotency-Key` keeps for replays.
    pub fn is_outcome(&self) -> bool {
        match self {
            ApiError::NotFound(_)
            | ApiError::AlreadyMember(_)
            | ApiError::InviteExhausted
            | ApiError::InviteExpired
            | ApiError::InviteRevoked
            | ApiError::InviteDisabled
            | ApiError::EmailNotAllowed => true,
            ApiError::Conflict { param, .. } => param.as_deref() != Some("Idempotency-Key"),
            _ => false,
        }
    }

    /// The error as stored for replays: `{"error": {"type", "message", "param"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {"type": self.error_type(), "message": self.to_string(), "param": self.param()},
        })
    }

    fn param(&self) -> Option<String> {
        match self {
            ApiError::Invalid { param, .. } => Some(param.clone()),
            ApiError::Conflict { param, .. } => param.clone(),
            _ => None,
        }
    }
}

/// Every error type of the API, as [`ApiError::error_type`] names them.
pub const ERROR_TYPES: [&str; 14] = [
    "invalid_request",
    "unauthorized",
    "not_found",
    "conflict",
    "already_member",
    "invite_exhausted",
    "invite_expired",
    "invite_revoked",
    "invite_disabled",
    "email_not_allowed",
    "payload_too_large",
    "rate_limited",
    "unavailable",
    "internal",
];

impl ErrorBody {
    /// The error body of a stored error answer (`{"error": {...}}`), if it is one.
    pub fn from_stored(body: &str) -> Option<ErrorBody> {
        let v: serde_json::Value = serde_json::from_str(body).ok()?;
        let e = v.get("error")?;
        let name = e.get("type")?.as_str()?;
        Some(ErrorBody {
            error_type: ERROR_TYPES.into_iter().find(|t| *t == name)?,
            message: e.get("message")?.as_str()?.to_string(),
            param: e.get("param").and_then(|p| p.as_str()).map(str::to_owned),
        })
    }
}

impl From<crate::db::Error> for ApiError {
    fn from(e: crate::db::Error) -> Self {
        match e {
            crate::db::Error::Unavailable(_) => ApiError::Unavailable(1),
            e => ApiError::Internal(e.into()),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError::Internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let body = ErrorBody {
            error_type: self.error_type(),
            message: self.to_string(),
            param: self.param(),
        };
        let mut resp = self.status().into_response();
        let retry_after = match &self {
            ApiError::RateLimited(s) | ApiError::Unavailable(s) => Some(*s),
            ApiError::TimedOut(_) => Some(1),
            _ => None,
        };
        if let Some(s) = retry_after
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        resp.extensions_mut().insert(body);
        resp
    }
}
