// @generated from the errors: table of spec/sdk-names.yaml by `cargo xtask regen`.
// DO NOT EDIT: change the table and run `cargo xtask regen`;
// `cargo xtask regen --check` fails when this file and the table disagree.
// The error classes, one hierarchy, the same as the Python SDK's:
//
//   InvitesError
//   ├── APIStatusError
//   │   ├── BadRequestError
//   │   │   └── InvalidArgumentError
//   │   ├── AuthenticationError
//   │   ├── PermissionDeniedError
//   │   ├── NotFoundError
//   │   ├── ConflictError
//   │   ├── GoneError
//   │   ├── PayloadTooLargeError
//   │   ├── RateLimitError
//   │   └── InternalServerError
//   ├── APIConnectionError
//   │   └── APITimeoutError
//   ├── APIResponseValidationError
//   └── WebhookVerificationError
//       └── WebhookTimestampError
'use strict'

/** The base class of every error the SDK raises. */
class InvitesError extends Error {
  constructor(message, fields = {}) {
    super(message)
    /** HTTP status of the answer, when there was one. */
    this.status = fields.status ?? null
    /** The error's type (`not_found`, `connection_error`, `invalid_argument`, …). */
    this.type = fields.type ?? null
    /** The argument or request field at fault (top-level), when known. */
    this.param = fields.param ?? null
    /** The server's request id (`req_…`) of the last attempt, when one was answered. */
    this.requestId = fields.requestId ?? null
  }
}
/** The server answered with an error status (`status` is null only for the SDK's own `InvalidArgumentError`). */
class APIStatusError extends InvitesError {
  constructor(message, fields = {}) {
    super(message, fields)
    /** Seconds the server asked to wait (`Retry-After`), if it did. */
    this.retryAfter = fields.retryAfter ?? null
  }
}
/** 400 `invalid_request`, or a value the SDK refused: `param` names the field at fault. */
class BadRequestError extends APIStatusError {}
/** 401 `unauthorized`: the API key is missing, unknown or revoked. */
class AuthenticationError extends APIStatusError {}
/** 403 `invite_disabled` or `email_not_allowed`. */
class PermissionDeniedError extends APIStatusError {}
/** 404 `not_found`: nothing with that id (or code) in the caller's organization. */
class NotFoundError extends APIStatusError {}
/** 409 `conflict`, `already_member` or `invite_exhausted`. */
class ConflictError extends APIStatusError {}
/** 410 `invite_expired` or `invite_revoked`. */
class GoneError extends APIStatusError {}
/** 413 `payload_too_large`. */
class PayloadTooLargeError extends APIStatusError {}
/** 429 `rate_limited`; `retry_after` is the server's `Retry-After` in seconds. */
class RateLimitError extends APIStatusError {}
/** A 5xx answer (`internal`, `unavailable`). */
class InternalServerError extends APIStatusError {}
/** The request got no answer: refused, reset or closed connection. */
class APIConnectionError extends InvitesError {}
/** An attempt took longer than the timeout. */
class APITimeoutError extends APIConnectionError {}
/** A success answer whose body did not match the spec. */
class APIResponseValidationError extends InvitesError {}
/** An argument (or the client's configuration) was refused before anything was sent: a bad request the server never saw. */
class InvalidArgumentError extends BadRequestError {}
/** A webhook delivery did not verify (`webhooks.verify` / `webhooks.unwrap`): `type` says why (`webhook_missing_header`, `webhook_invalid_header`, `webhook_invalid_signature`, `webhook_invalid_payload`) and `param` names the header at fault. Answer such a request with 400 and ignore it. */
class WebhookVerificationError extends InvitesError {}
/** A correctly signed webhook delivery whose `webhook-timestamp` is more than 5 minutes from the receiver's clock (`type` `webhook_timestamp`): a replayed delivery, or a clock that is off. */
class WebhookTimestampError extends WebhookVerificationError {}

const errorClasses = {
  InvitesError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  GoneError,
  PayloadTooLargeError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  APIResponseValidationError,
  InvalidArgumentError,
  WebhookVerificationError,
  WebhookTimestampError,
}
for (const [name, cls] of Object.entries(errorClasses)) {
  // A `name` that survives minifiers, and stays out of `Object.keys(err)`.
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true })
}

module.exports = errorClasses
