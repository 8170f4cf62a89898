// @generated from the errors: table of spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the table and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the table disagree.
//! The bindings' error classes and the class of each HTTP error status.

use crate::error::ErrorClass;

/// The class hierarchy of the bindings' errors, parents before children.
pub const ERROR_CLASSES: &[ErrorClass] = &[
    ErrorClass {
        name: "InvitesError",
        parent: None,
        doc: "The base class of every error the SDK raises.",
        also: None,
    },
    ErrorClass {
        name: "APIStatusError",
        parent: Some("InvitesError"),
        doc: "The server answered with an error status (`status` is null only for the SDK's own `InvalidArgumentError`).",
        also: None,
    },
    ErrorClass {
        name: "BadRequestError",
        parent: Some("APIStatusError"),
        doc: "400 `invalid_request`, or a value the SDK refused: `param` names the field at fault.",
        also: None,
    },
    ErrorClass {
        name: "AuthenticationError",
        parent: Some("APIStatusError"),
        doc: "401 `unauthorized`: the API key is missing, unknown or revoked.",
        also: None,
    },
    ErrorClass {
        name: "PermissionDeniedError",
        parent: Some("APIStatusError"),
        doc: "403 `invite_disabled` or `email_not_allowed`.",
        also: None,
    },
    ErrorClass {
        name: "NotFoundError",
        parent: Some("APIStatusError"),
        doc: "404 `not_found`: nothing with that id (or code) in the caller's organization.",
        also: None,
    },
    ErrorClass {
        name: "ConflictError",
        parent: Some("APIStatusError"),
        doc: "409 `conflict`, `already_member` or `invite_exhausted`.",
        also: None,
    },
    ErrorClass {
        name: "GoneError",
        parent: Some("APIStatusError"),
        doc: "410 `invite_expired` or `invite_revoked`.",
        also: None,
    },
    ErrorClass {
        name: "PayloadTooLargeError",
        parent: Some("APIStatusError"),
        doc: "413 `payload_too_large`.",
        also: None,
    },
    ErrorClass {
        name: "RateLimitError",
        parent: Some("APIStatusError"),
        doc: "429 `rate_limited`; `retry_after` is the server's `Retry-After` in seconds.",
        also: None,
    },
    ErrorClass {
        name: "InternalServerError",
        parent: Some("APIStatusError"),
        doc: "A 5xx answer (`internal`, `unavailable`).",
        also: None,
    },
    ErrorClass {
        name: "APIConnectionError",
        parent: Some("InvitesError"),
        doc: "The request got no answer: refused, reset or closed connection.",
        also: None,
    },
    ErrorClass {
        name: "APITimeoutError",
        parent: Some("APIConnectionError"),
        doc: "An attempt took longer than the timeout.",
        also: None,
    },
    ErrorClass {
        name: "APIResponseValidationError",
        parent: Some("InvitesError"),
        doc: "A success answer whose body did not match the spec.",
        also: None,
    },
    ErrorClass {
        name: "InvalidArgumentError",
        parent: Some("BadRequestError"),
        doc: "An argument (or the client's configuration) was refused before anything was sent: a bad request the server never saw.",
        also: Some("ValueError"),
    },
    ErrorClass {
        name: "WebhookVerificationError",
        parent: Some("InvitesError"),
        doc: "A webhook delivery did not verify (`webhooks.verify` / `webhooks.unwrap`): `type` says why (`webhook_missing_header`, `webhook_invalid_header`, `webhook_invalid_signature`, `webhook_invalid_payload`) and `param` names the header at fault. Answer such a request with 400 and ignore it.",
        also: None,
    },
    ErrorClass {
        name: "WebhookTimestampError",
        parent: Some("WebhookVerificationError"),
        doc: "A correctly signed webhook delivery whose `webhook-timestamp` is more than 5 minutes from the receiver's clock (`type` `webhook_timestamp`): a replayed delivery, or a clock that is off.",
        also: None,
    },
];

/// The class an API error with HTTP status `status` gets.
pub(crate) fn class_for_status(status: u16) -> &'static str {
    match status {
        400 => "BadRequestError",
        401 => "AuthenticationError",
        403 => "PermissionDeniedError",
        404 => "NotFoundError",
        409 => "ConflictError",
        410 => "GoneError",
        413 => "PayloadTooLargeError",
        429 => "RateLimitError",
        500..=599 => "InternalServerError",
        _ => "APIStatusError",
    }
}
