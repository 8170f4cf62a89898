# @generated from the errors: table of spec/sdk-names.yaml by `cargo xtask regen`.
# DO NOT EDIT: change the table and run `cargo xtask regen`;
# `cargo xtask regen --check` fails when this file and the table disagree.
"""The exceptions of the SDK: one hierarchy, the same classes as the Node SDK.

Every exception carries ``status`` (the HTTP status, or ``None`` when no answer came), ``type``
(the API's error type such as ``"not_found"``, or ``"connection_error"``, ``"timeout"``,
``"invalid_argument"``), ``message``, ``param`` (the top-level field at fault: ``emails``, not
``emails[0]``; the message says which element), ``request_id`` and ``retry_after``. They pickle
with every field. Whether the SDK refuses a bad value before sending (`InvalidArgumentError`) or
the server does (400), ``except BadRequestError`` catches it.

::

    InvitesError
    ├── APIStatusError
    │   ├── BadRequestError
    │   │   └── InvalidArgumentError
    │   ├── AuthenticationError
    │   ├── PermissionDeniedError
    │   ├── NotFoundError
    │   ├── ConflictError
    │   ├── GoneError
    │   ├── PayloadTooLargeError
    │   ├── RateLimitError
    │   └── InternalServerError
    ├── APIConnectionError
    │   └── APITimeoutError
    ├── APIResponseValidationError
    └── WebhookVerificationError
        └── WebhookTimestampError
"""

from __future__ import annotations

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "GoneError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvitesError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "WebhookTimestampError",
    "WebhookVerificationError",
]


class InvitesError(Exception):
    """The base class of every error the SDK raises."""

    message: str
    status: int | None
    type: str | None
    param: str | None
    request_id: str | None
    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        type: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.type = type
        self.param = param
        self.request_id = request_id
        self.retry_after = retry_after

    def __str__(self) -> str:
        head = " ".join(str(p) for p in (self.status, self.type) if p is not None)
        text = f"{head}: {self.message}" if head else self.message
        if self.param is not None:
            text += f" (param: {self.param})"
        if self.request_id is not None:
            text += f" [request {self.request_id}]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, status={self.status!r}, "
            f"type={self.type!r}, param={self.param!r}, request_id={self.request_id!r})"
        )


class APIStatusError(InvitesError):
    """The server answered with an error status (``status`` is null only for the SDK's own
    ``InvalidArgumentError``).
    """


class BadRequestError(APIStatusError):
    """400 ``invalid_request``, or a value the SDK refused: ``param`` names the field at fault."""


class AuthenticationError(APIStatusError):
    """401 ``unauthorized``: the API key is missing, unknown or revoked."""


class PermissionDeniedError(APIStatusError):
    """403 ``invite_disabled`` or ``email_not_allowed``."""


class NotFoundError(APIStatusError):
    """404 ``not_found``: nothing with that id (or code) in the caller's organization."""


class ConflictError(APIStatusError):
    """409 ``conflict``, ``already_member`` or ``invite_exhausted``."""


class GoneError(APIStatusError):
    """410 ``invite_expired`` or ``invite_revoked``."""


class PayloadTooLargeError(APIStatusError):
    """413 ``payload_too_large``."""


class RateLimitError(APIStatusError):
    """429 ``rate_limited``; ``retry_after`` is the server's ``Retry-After`` in seconds."""


class InternalServerError(APIStatusError):
    """A 5xx answer (``internal``, ``unavailable``)."""


class APIConnectionError(InvitesError):
    """The request got no answer: refused, reset or closed connection."""


class APITimeoutError(APIConnectionError):
    """An attempt took longer than the timeout."""


class APIResponseValidationError(InvitesError):
    """A success answer whose body did not match the spec."""


class InvalidArgumentError(BadRequestError, ValueError):
    """An argument (or the client's configuration) was refused before anything was sent: a bad
    request the server never saw.
    """


class WebhookVerificationError(InvitesError):
    """A webhook delivery did not verify (``webhooks.verify`` / ``webhooks.unwrap``): ``type`` says
    why (``webhook_missing_header``, ``webhook_invalid_header``, ``webhook_invalid_signature``,
    ``webhook_invalid_payload``) and ``param`` names the header at fault. Answer such a request
    with 400 and ignore it.
    """


class WebhookTimestampError(WebhookVerificationError):
    """A correctly signed webhook delivery whose ``webhook-timestamp`` is more than 5 minutes from
    the receiver's clock (``type`` ``webhook_timestamp``): a replayed delivery, or a clock that
    is off.
    """
