"""Hand-written methods of the generated resource classes that call no endpoint (the naming
table's ``local_methods:``): `_generated.py` makes ``Webhooks`` and ``AsyncWebhooks`` derive from
`WebhooksMixin`. The work is the Rust SDK's (``invites_sdk::webhooks``, through the native
module); this only normalizes the arguments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Union

from . import _native
from ._errors import InvalidArgumentError

if TYPE_CHECKING:
    from ._generated import Event

WebhookBody = Union[bytes, bytearray, memoryview, str]
"""A delivery's body exactly as received: bytes, or the text it decodes to (UTF-8)."""

WebhookHeaders = Union[
    Mapping[str, str], Mapping[bytes, bytes], Iterable[tuple[Union[str, bytes], Union[str, bytes]]]
]
"""A delivery's headers: any mapping (a dict, Django's ``request.headers``, Flask's, Starlette's)
or (name, value) pairs such as ASGI's raw ``[(b"webhook-id", b"evt_…"), …]``; names in any case."""


def _text(value: object, param: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    raise InvalidArgumentError(
        f"invalid argument `{param}`: header names and values must be str or bytes, "
        f"got {type(value).__name__}",
        type="invalid_argument",
        param=param,
    )


def _body(body: WebhookBody) -> bytes:
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    raise InvalidArgumentError(
        f"invalid argument `body`: must be bytes or str, got {type(body).__name__}",
        type="invalid_argument",
        param="body",
    )


def _headers(headers: WebhookHeaders) -> list[tuple[str, str]]:
    items: Iterable[object]
    if isinstance(headers, Mapping):
        items = headers.items()
    elif isinstance(headers, Iterable) and not isinstance(headers, (str, bytes)):
        items = headers
    else:
        raise InvalidArgumentError(
            "invalid argument `headers`: must be a mapping or (name, value) pairs, "
            f"got {type(headers).__name__}",
            type="invalid_argument",
            param="headers",
        )
    out = []
    for item in items:
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidArgumentError(
                f"invalid argument `headers`: {item!r} is not a (name, value) pair",
                type="invalid_argument",
                param="headers",
            )
        out.append((_text(item[0], "headers"), _text(item[1], "headers")))
    return out


def _secret(secret: str) -> str:
    if not isinstance(secret, str):
        raise InvalidArgumentError(
            f"invalid argument `secret`: must be the endpoint's `whsec_…` string, "
            f"got {type(secret).__name__}",
            type="invalid_argument",
            param="secret",
        )
    return secret


class WebhooksMixin:
    """Verifying what a webhook endpoint receives (Standard Webhooks), in the Rust SDK: the same
    code, errors and messages as ``client.webhooks().unwrap`` in Rust and Node. Plain methods on
    both ``Client`` and ``AsyncClient``: they send nothing and return at once."""

    __slots__ = ()

    def verify(
        self,
        body: WebhookBody,
        headers: WebhookHeaders,
        secret: str,
        *,
        now: int | None = None,
    ) -> None:
        """Check a webhook delivery: one ``v1,`` signature of ``webhook-signature`` is the
        HMAC-SHA256 of ``{webhook-id}.{webhook-timestamp}.{body}`` under `secret` (compared in
        constant time), and ``webhook-timestamp`` is within 5 minutes of now.

        Args:
            body: The request body exactly as received (bytes; a str is encoded as UTF-8).
                Not parsed and re-encoded JSON: that no longer matches the signature.
            headers: The request's headers, a mapping or (name, value) pairs, any case.
            secret: The endpoint's secret, ``whsec_…``, as `create` or `rotate_secret`
                answered it.
            now: Unix seconds to check the timestamp against instead of the clock (tests,
                re-checking a stored delivery).

        Raises:
            WebhookVerificationError: a header is missing or malformed, or no signature
                matches (`type` says which, `param` names the header).
            WebhookTimestampError: a genuine signature more than 5 minutes old (or ahead).
            InvalidArgumentError: `secret` is not ``whsec_`` + base64, or an argument has the
                wrong type.
        """
        _native.webhook_verify(_body(body), _headers(headers), _secret(secret), now)

    def unwrap(
        self,
        body: WebhookBody,
        headers: WebhookHeaders,
        secret: str,
        *,
        now: int | None = None,
    ) -> Event:
        """Verify a webhook delivery (as `verify`) and return the event it carries: the same
        `Event` model `client.events.list()` yields (``id``, ``type``, ``created_at``,
        ``actor``, ``data``).

        Args:
            body: The request body exactly as received (bytes, or str encoded as UTF-8).
            headers: The request's headers, a mapping or (name, value) pairs, any case.
            secret: The endpoint's secret, ``whsec_…``.
            now: Unix seconds to check the timestamp against instead of the clock.

        Raises:
            WebhookVerificationError: as `verify`; also (type ``webhook_invalid_payload``) for
                a correctly signed body that is not an event.
            WebhookTimestampError: a genuine signature more than 5 minutes old (or ahead).
            InvalidArgumentError: `secret` is not ``whsec_`` + base64.
        """
        from ._generated import Event

        text = _native.webhook_unwrap(_body(body), _headers(headers), _secret(secret), now)
        return Event(json.loads(text))
