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

/// One exception class of the SDKs: every binding declares exactly these (generated from this
/// table by `cargo xtask regen`), and [`Error::class_name`] picks one for each error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorClass {
    /// The class name, the same in Python and Node.
    pub name: &'static str,
    /// The class it extends (`None` for the root, `InvitesError`).
    pub parent: Option<&'static str>,
    /// What it means, for the bindings' doc comments.
    pub doc: &'static str,
    /// A built-in exception it also is where the language has one (Python's `ValueError`).
    pub also: Option<&'static str>,
}

/// The class hierarchy of the bindings' errors, parents before children.
pub const ERROR_CLASSES: &[ErrorClass] = &[
    class(
        "InvitesError",
        None,
        "The base class of every error the SDK raises.",
    ),
    class(
        "APIStatusError",
        Some("InvitesError"),
        "The server answered with an error status (`status` is null only for the SDK's own `InvalidArgumentError`).",
    ),
    class(
        "BadRequestError",
        Some("APIStatusError"),
        "400 `invalid_request`, or a value the SDK refused: `param` names the field at fault.",
    ),
    class(
        "AuthenticationError",
        Some("APIStatusError"),
        "401 `unauthorized`: the API key is missing, unknown or revoked.",
    ),
    class(
        "PermissionDeniedError",
        Some("APIStatusError"),
        "403 `invite_disabled` or `email_not_allowed`.",
    ),
    class(
        "NotFoundError",
        Some("APIStatusError"),
        "404 `not_found`: nothing with that id (or code) in the caller's organization.",
    ),
    class(
        "ConflictError",
        Some("APIStatusError"),
        "409 `conflict`, `already_member` or `invite_exhausted`.",
    ),
    class(
        "GoneError",
        Some("APIStatusError"),
        "410 `invite_expired` or `invite_revoked`.",
    ),
    class(
        "PayloadTooLargeError",
        Some("APIStatusError"),
        "413 `payload_too_large`.",
    ),
    class(
        "RateLimitError",
        Some("APIStatusError"),
        "429 `rate_limited`; `retry_after` is the server's `Retry-After` in seconds.",
    ),
    class(
        "InternalServerError",
        Some("APIStatusError"),
        "A 5xx answer (`internal`, `unavailable`).",
    ),
    class(
        "APIConnectionError",
        Some("InvitesError"),
        "The request got no answer: refused, reset or closed connection.",
    ),
    class(
        "APITimeoutError",
        Some("APIConnectionError"),
        "An attempt took longer than the timeout.",
    ),
    class(
        "APIResponseValidationError",
        Some("InvitesError"),
        "A success answer whose body did not match the spec.",
    ),
    ErrorClass {
        also: Some("ValueError"),
        ..class(
            "InvalidArgumentError",
            Some("BadRequestError"),
            "An argument (or the client's configuration) was refused before anything was sent: a bad request the server never saw.",
        )
    },
];

const fn class(name: &'static str, parent: Option<&'static str>, doc: &'static str) -> ErrorClass {
    ErrorClass {
        name,
        parent,
        doc,
        also: None,
    }
}

impl ErrorClass {
    /// The class called `name` and its ancestors, nearest first (`["APITimeoutError",
    /// "APIConnectionError", "InvitesError"]`).
    pub fn chain(name: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut next = ERROR_CLASSES.iter().find(|c| c.name == name);
        while let Some(c) = next {
            out.push(c.name);
            next = c
                .parent
                .and_then(|p| ERROR_CLASSES.iter().find(|c| c.name == p));
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_an_error_picks_is_in_the_table_and_parents_come_first() {
        for (i, c) in ERROR_CLASSES.iter().enumerate() {
            if let Some(p) = c.parent {
                let at = ERROR_CLASSES.iter().position(|x| x.name == p);
                assert!(
                    at.is_some_and(|at| at < i),
                    "{}: parent {p} must come before it",
                    c.name
                );
            }
        }
        let api = |status| {
            Error::Api(Box::new(ApiError {
                status,
                error_type: "x".into(),
                message: "m".into(),
                param: None,
                request_id: None,
                retry_after: None,
            }))
        };
        let errors = [
            api(400),
            api(401),
            api(403),
            api(404),
            api(409),
            api(410),
            api(413),
            api(429),
            api(500),
            api(418),
            Error::Connection {
                message: "m".into(),
                request_id: None,
            },
            Error::Timeout {
                after: Duration::from_secs(1),
                request_id: None,
            },
            Error::InvalidArgument {
                param: "p".into(),
                message: "m".into(),
            },
            Error::Config("m".into()),
            Error::Decode {
                status: 200,
                message: "m".into(),
                request_id: None,
            },
        ];
        for e in &errors {
            let chain = ErrorClass::chain(e.class_name());
            assert_eq!(chain.first(), Some(&e.class_name()), "{e:?}");
            assert_eq!(chain.last(), Some(&"InvitesError"), "{e:?}");
        }
        assert_eq!(
            ErrorClass::chain("InvalidArgumentError"),
            [
                "InvalidArgumentError",
                "BadRequestError",
                "APIStatusError",
                "InvitesError"
            ]
        );
    }
}
