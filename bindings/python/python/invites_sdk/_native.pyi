# Type stubs for the compiled module `invites_sdk._native` (bindings/python/src): the machinery
# only. Arguments and answers cross as JSON text; `_base.py` is the one caller.

from collections.abc import Callable
from typing import Any

__version__: str

_Done = Callable[[Any, Any], None]
"""`done(json_text, None)` or `done(None, exception)`, called from a runtime thread."""

class Core:
    """A configured Rust client and the options every call through it gets."""

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        user_agent: str | None = None,
        proxy: str | None = None,
        ca_bundle: str | None = None,
    ) -> None: ...
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        idempotency_key: str | None = None,
        headers: list[tuple[str, str]] | None = None,
    ) -> Core: ...
    @property
    def base_url(self) -> str: ...
    @property
    def is_closed(self) -> bool: ...
    def close(self) -> None: ...
    def call(
        self,
        operation: str,
        args: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        headers: list[tuple[str, str]] | None = None,
        max_retries: int | None = None,
    ) -> tuple[str, str | None]: ...
    def call_async(
        self,
        operation: str,
        args: str,
        done: _Done,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        headers: list[tuple[str, str]] | None = None,
        max_retries: int | None = None,
    ) -> Task: ...
    def stream(
        self,
        operation: str,
        args: str,
        *,
        timeout: float | None = None,
        headers: list[tuple[str, str]] | None = None,
        max_retries: int | None = None,
    ) -> Stream: ...

class Stream:
    """Every item of a list as JSON text, fetched page by page."""

    def next(self) -> str | None: ...
    def next_async(self, done: _Done) -> Task: ...

class Task:
    """A call running for asyncio."""

    def cancel(self) -> None: ...

def shutdown() -> None:
    """Stop runtime threads from entering Python (an `atexit` hook)."""

def webhook_verify(
    body: bytes, headers: list[tuple[str, str]], secret: str, now: int | None = None
) -> None:
    """Check a webhook delivery in the Rust SDK (raises WebhookVerificationError, …)."""

def webhook_unwrap(
    body: bytes, headers: list[tuple[str, str]], secret: str, now: int | None = None
) -> str:
    """As `webhook_verify`, then the event as JSON text."""
