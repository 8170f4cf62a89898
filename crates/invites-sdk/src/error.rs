//! The one error type of the SDK.

use std::time::Duration;

/// An error answered by the server, parsed from the error envelope
/// `{"error": {"type", "message", "param"}, "request_id"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// The error type, e.g. `not_found` or `invite_exhausted` (see the spec's `ErrorType`).
    pub error_type: String,
    /// A human-readable message.
    pub message: String,
    /// The request field at fault, for `invalid_request`.
    pub param: Option<String>,
    /// The server's id for the request (`req_…`), from the body or the `x-request-id` header.
    pub request_id: Option<String>,
    /// How long the server asked the client to wait (`Retry-After`), if it did.
    pub retry_after: Option<Duration>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.error_type, self.message)?;
        if let Some(p) = &self.param {
            write!(f, " (param: {p})")?;
        }
        if let Some(r) = &self.request_id {
            write!(f, " [request {r}]")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong calling the API.
///
/// ```no_run
/// # async fn example(client: invites_sdk::Client) -> Result<(), invites_sdk::Error> {
/// use invites_sdk::Error;
///
/// match client.invites().get("inv_missing").await {
///     Ok(invite) => println!("{}", invite.status),
///     Err(Error::Api(e)) if e.status == 404 => println!("no such invite ({:?})", e.request_id),
///     Err(e) if e.is_retryable() => println!("try again later: {e}"),
///     Err(e) => return Err(e),
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server answered with an error status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The request never got an answer: refused, reset, or closed connection.
    #[error("connection error: {message}")]
    Connection {
        /// What the transport reported.
        message: String,
        /// The request id of the last attempt that got an answer, if any did.
        request_id: Option<String>,
    },
    /// An attempt took longer than the timeout.
    #[error("request timed out after {after:?}")]
    Timeout {
        /// The per-attempt timeout that elapsed.
        after: Duration,
        /// The request id of the last attempt that got an answer, if any did.
        request_id: Option<String>,
    },
    /// An argument was refused before anything was sent.
    #[error("invalid argument `{param}`: {message}")]
    InvalidArgument {
        /// The argument at fault.
        param: String,
        /// What was wrong with it.
        message: String,
    },
    /// The client is misconfigured (no base URL, no API key, bad URL).
    #[error("configuration error: {0}")]
    Config(String),
    /// A success status whose body did not match the spec.
    #[error("could not decode the response (status {status}): {message}")]
    Decode {
        /// The HTTP status.
        status: u16,
        /// What did not match.
        message: String,
        /// The server's request id.
        request_id: Option<String>,
    },
}

impl Error {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API error type (`not_found`, …), when the server answered with an error.
    pub fn error_type(&self) -> Option<&str> {
        match self {
            Error::Api(e) => Some(&e.error_type),
            _ => None,
        }
    }

    /// The server's request id of the last attempt, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::Connection { request_id, .. }
            | Error::Timeout { request_id, .. }
            | Error::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The API error details, when the server answered with an error.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The error's family, the same word in every SDK: `api`, `connection`, `timeout`,
    /// `invalid_argument`, `config` or `decode`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Api(_) => "api",
            Error::Connection { .. } => "connection",
            Error::Timeout { .. } => "timeout",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Config(_) => "config",
            Error::Decode { .. } => "decode",
        }
    }

    /// The error's `type`, for every variant: the API's type (`not_found`, …) when the server
    /// answered with an error, else `connection_error`, `timeout`, `invalid_argument`,
    /// `invalid_config` or `decode_error`.
    pub fn type_name(&self) -> &str {
        match self {
            Error::Api(e) => &e.error_type,
            Error::Connection { .. } => "connection_error",
            Error::Timeout { .. } => "timeout",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Config(_) => "invalid_config",
            Error::Decode { .. } => "decode_error",
        }
    }

    /// The request field at fault: the server's `param`, or the argument the SDK refused. Both
    /// name the top-level field (`emails`, not `emails[0]`); the message says which element.
    pub fn param(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.param.as_deref(),
            Error::InvalidArgument { param, .. } => Some(param),
            _ => None,
        }
    }

    /// The message alone, without the prefix `Display` adds.
    pub fn message(&self) -> String {
        match self {
            Error::Api(e) => e.message.clone(),
            Error::Connection { message, .. }
            | Error::InvalidArgument { message, .. }
            | Error::Config(message)
            | Error::Decode { message, .. } => message.clone(),
            Error::Timeout { after, .. } => {
                format!("request timed out after {:.3} s", after.as_secs_f64())
            }
        }
    }

    /// The exception class every binding raises for this error (Python and Node share the names):
    /// by status for API errors (`NotFoundError`, …); `InvalidArgumentError` (a `BadRequestError`)
    /// for an argument the SDK refused or a bad configuration.
    pub fn class_name(&self) -> &'static str {
        match self {
            Error::Api(e) => match e.status {
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
            },
            Error::Connection { .. } => "APIConnectionError",
            Error::Timeout { .. } => "APITimeoutError",
            Error::InvalidArgument { .. } | Error::Config(_) => "InvalidArgumentError",
            Error::Decode { .. } => "APIResponseValidationError",
        }
    }

    /// How long the server asked to wait before another attempt, when it did.
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(|e| e.retry_after)
    }

    /// Whether another attempt may succeed: connection failures, timeouts, 408, 429 and 5xx.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Connection { .. } | Error::Timeout { .. } => true,
            Error::Api(e) => e.status == 408 || e.status == 429 || e.status >= 500,
            _ => false,
        }
    }

    /// Attach a request id seen on an earlier attempt when this error has none.
    pub(crate) fn with_request_id(mut self, id: Option<String>) -> Self {
        if id.is_none() {
            return self;
        }
        match &mut self {
            Error::Connection { request_id, .. } | Error::Timeout { request_id, .. }
                if request_id.is_none() =>
            {
                *request_id = id
            }
            _ => {}
        }
        self
    }
}

impl From<serde_json::Error> for Error {
    /// A body built from JSON that does not fit the spec's schema.
    fn from(e: serde_json::Error) -> Self {
        Error::InvalidArgument {
            param: "body".into(),
            message: e.to_string(),
        }
    }
}
