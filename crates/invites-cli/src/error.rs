//! The CLI's errors: one line on stderr and an exit code that tells scripts what happened.

use std::fmt::Write as _;

/// Exit code of an error the API answered (or an answer that made no sense).
pub const EXIT_API: i32 = 1;
/// Exit code of bad usage: flags, arguments, configuration, input files.
pub const EXIT_USAGE: i32 = 2;
/// Exit code of a connection failure or timeout: the server was not reached or did not answer.
pub const EXIT_CONNECTION: i32 = 3;

/// Everything that makes a command fail.
#[derive(Debug)]
pub enum CliError {
    /// An error from the SDK (the API, the connection, the configuration).
    Sdk(invites_sdk::Error),
    /// Bad usage detected by the CLI itself.
    Usage {
        /// A short category, e.g. `invalid_argument` or `config`.
        kind: &'static str,
        /// What is wrong.
        message: String,
        /// The field or flag at fault.
        param: Option<String>,
    },
    /// A failure shaped like an API error but found by the CLI (e.g. no pending invite).
    Api {
        /// The error type, as the API would name it.
        kind: &'static str,
        /// What is wrong.
        message: String,
    },
}

impl CliError {
    /// A usage error of kind `invalid_argument`.
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        CliError::Usage {
            kind: "invalid_argument",
            message: message.into(),
            param: Some(param.into()),
        }
    }

    /// A usage error of kind `config`.
    pub fn config(message: impl Into<String>) -> Self {
        CliError::Usage {
            kind: "config",
            message: message.into(),
            param: None,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        use invites_sdk::Error as E;
        match self {
            CliError::Sdk(E::Api(_) | E::Decode { .. }) | CliError::Api { .. } => EXIT_API,
            CliError::Sdk(E::Connection { .. } | E::Timeout { .. }) => EXIT_CONNECTION,
            CliError::Sdk(
                E::InvalidArgument { .. }
                | E::Config(_)
                | E::WebhookVerification { .. }
                | E::WebhookTimestamp { .. },
            )
            | CliError::Usage { .. } => EXIT_USAGE,
        }
    }

    /// The one line printed on stderr:
    /// `error: <type>: <message> (param: <p>) [request <req_…>]`.
    pub fn line(&self) -> String {
        use invites_sdk::Error as E;
        let (kind, message, param, request_id): (&str, String, Option<&str>, Option<&str>) =
            match self {
                CliError::Sdk(E::Api(e)) => (
                    &e.error_type,
                    e.message.clone(),
                    e.param.as_deref(),
                    e.request_id.as_deref(),
                ),
                CliError::Sdk(E::Connection {
                    message,
                    request_id,
                }) => (
                    "connection_error",
                    message.clone(),
                    None,
                    request_id.as_deref(),
                ),
                CliError::Sdk(E::Timeout { after, request_id }) => (
                    "timeout",
                    format!("no answer within {}", humantime::format_duration(*after)),
                    None,
                    request_id.as_deref(),
                ),
                CliError::Sdk(E::InvalidArgument { param, message }) => {
                    ("invalid_argument", message.clone(), Some(param), None)
                }
                CliError::Sdk(E::Config(message)) => ("config", message.clone(), None, None),
                // The CLI verifies no deliveries; these come only from the SDK's webhooks module.
                CliError::Sdk(e @ (E::WebhookVerification { .. } | E::WebhookTimestamp { .. })) => {
                    (e.type_name(), e.message(), e.param(), None)
                }
                CliError::Sdk(E::Decode {
                    status,
                    message,
                    request_id,
                }) => (
                    "decode",
                    format!("unexpected response (status {status}): {message}"),
                    None,
                    request_id.as_deref(),
                ),
                CliError::Usage {
                    kind,
                    message,
                    param,
                } => (kind, message.clone(), param.as_deref(), None),
                CliError::Api { kind, message } => (kind, message.clone(), None, None),
            };
        let mut line = format!("error: {kind}: {}", one_line(&message));
        if let Some(p) = param {
            let _ = write!(line, " (param: {p})");
        }
        if let Some(r) = request_id {
            let _ = write!(line, " [request {r}]");
        }
        line
    }
}

impl From<invites_sdk::Error> for CliError {
    fn from(e: invites_sdk::Error) -> Self {
        CliError::Sdk(e)
    }
}

/// Collapse whitespace runs (newlines included) so a message stays on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use invites_sdk::{ApiError, Error};

    #[test]
    fn api_errors_print_type_message_param_and_request_id() {
        let e = CliError::Sdk(Error::Api(Box::new(ApiError {
            status: 400,
            error_type: "invalid_request".into(),
            message: "roles[0]: `owner`\nis never invitable".into(),
            param: Some("roles".into()),
            request_id: Some("req_1".into()),
            retry_after: None,
        })));
        assert_eq!(
            e.line(),
            "error: invalid_request: roles[0]: `owner` is never invitable (param: roles) [request req_1]"
        );
        assert_eq!(e.exit_code(), EXIT_API);
    }

    #[test]
    fn exit_codes_by_class() {
        let conn = CliError::Sdk(Error::Connection {
            message: "refused".into(),
            request_id: None,
        });
        assert_eq!(conn.exit_code(), EXIT_CONNECTION);
        assert_eq!(conn.line(), "error: connection_error: refused");
        assert_eq!(
            CliError::Sdk(Error::Config("x".into())).exit_code(),
            EXIT_USAGE
        );
        assert_eq!(CliError::invalid("--ttl", "bad").exit_code(), EXIT_USAGE);
        assert_eq!(
            CliError::invalid("--ttl", "bad").line(),
            "error: invalid_argument: bad (param: --ttl)"
        );
    }
}
