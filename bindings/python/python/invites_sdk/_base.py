"""The machinery under the generated surface (`_generated.py`): JSON in and out of the Rust core,
awaiting its calls from asyncio, pages and pagers, the model base class and the client bases.
Nothing here names an operation."""

from __future__ import annotations

import asyncio
import atexit
import datetime
import json
import os
import re
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar, Union

from . import _native
from ._errors import InvalidArgumentError

# Runtime threads stop reaching into Python before the interpreter finalizes (see runtime.rs).
atexit.register(_native.shutdown)

T = TypeVar("T")
_C = TypeVar("_C", bound="_ClientBase")

DateTimeLike = Union[datetime.datetime, str]
"""A timezone-aware datetime, or an RFC 3339 string."""

SECRET_FIELDS = frozenset({"code", "url", "api_key", "secret"})
"""Fields whose values `repr()` shortens to their prefix."""

_FRACTION = re.compile(r"\.(\d+)")


def parse_datetime(value: str) -> datetime.datetime:
    """An RFC 3339 time as an aware datetime (fractions beyond microseconds are dropped)."""
    text = value.replace("Z", "+00:00").replace("z", "+00:00")
    text = _FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    return datetime.datetime.fromisoformat(text)


def optional(convert: Callable[[Any], T], value: Any) -> T | None:
    """`convert(value)`, or None for None."""
    return None if value is None else convert(value)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("a datetime must be timezone-aware (e.g. datetime.now(timezone.utc))")
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (Sequence, set, frozenset)) and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(f"unsupported type {type(value).__name__}")


def dumps(args: Mapping[str, Any]) -> str:
    """A call's arguments as JSON text; `None` arguments are left out."""
    given = {k: v for k, v in args.items() if v is not None}
    try:
        return json.dumps(given, default=_encode, allow_nan=False)
    except (TypeError, ValueError) as e:
        for name, value in given.items():  # name the argument at fault
            try:
                json.dumps(value, default=_encode, allow_nan=False)
            except (TypeError, ValueError) as bad:
                raise InvalidArgumentError(
                    f"{name}: {bad}", type="invalid_argument", param=name
                ) from None
        raise InvalidArgumentError(str(e), type="invalid_argument") from None


def _headers(extra: Mapping[str, str] | None) -> list[tuple[str, str]] | None:
    """Extra request headers as the native core takes them."""
    if extra is None:
        return None
    out = []
    for name, value in extra.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise InvalidArgumentError(
                f"header {name!r}: names and values must be strings", param="headers"
            )
        out.append((name, value))
    return out


def _loads(text: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(text)
    return value


async def _wait(start: Callable[[Callable[[Any, Any], None]], _native.Task]) -> Any:
    """Await a call of the core: `start(done)` begins it; `done` runs on a runtime thread."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if not future.done():
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)

    def done(value: Any, error: BaseException | None) -> None:
        try:
            loop.call_soon_threadsafe(settle, value, error)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            pass

    task = start(done)
    try:
        return await future
    except asyncio.CancelledError:
        task.cancel()
        raise


class Model:
    """The base of every response model: read-only typed attributes (the generated properties),
    `to_dict()`, `to_json()`, `==` and a `repr()` that shortens secrets."""

    __slots__ = ("_raw", "_request_id")
    _fields: ClassVar[tuple[str, ...]] = ()
    _request_id: str | None

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        self._raw = dict(data)
        #: The server's id (``req_…``) of the answer this model came from (None when nested).
        self._request_id = request_id

    def to_dict(self) -> dict[str, Any]:
        """The model as a dict of plain Python values (nested models become dicts too)."""
        return {name: _plain(getattr(self, name)) for name in self._fields}

    def to_json(self) -> str:
        """The model as the JSON the API sent."""
        return json.dumps(self._raw, separators=(",", ":"), ensure_ascii=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model) or type(other) is not type(self):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        parts = (f"{name}={_field_repr(name, getattr(self, name))}" for name in self._fields)
        return f"{type(self).__name__}({', '.join(parts)})"


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _field_repr(name: str, value: Any) -> str:
    if name in SECRET_FIELDS and isinstance(value, str):
        return repr(shorten_secret(value))
    return repr(value)


def shorten_secret(value: str) -> str:
    """`ic_4k8s…` → `ic_…`; a URL keeps everything up to its last segment's prefix."""
    head = value[: value.rfind("/") + 1]
    last = value[len(head) :]
    prefix = last[: last.index("_") + 1] if "_" in last else ""
    return f"{head}{prefix}…"


class Page(Generic[T]):
    """One page of a list: `data` and the `next_page_token` to pass as `page_token`."""

    __slots__ = ("_data", "_next_page_token", "_request_id")

    def __init__(self, data: list[T], next_page_token: str | None) -> None:
        self._data = data
        self._next_page_token = next_page_token
        #: The server's id (``req_…``) of the answer this page came from.
        self._request_id: str | None = None

    @property
    def data(self) -> list[T]:
        """The items on this page."""
        return self._data

    @property
    def next_page_token(self) -> str | None:
        """Pass as `page_token` for the next page; None on the last page."""
        return self._next_page_token

    def has_next_page(self) -> bool:
        """Whether there is a page after this one."""
        return self._next_page_token is not None

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[T]:
        return iter(self._data)

    def __repr__(self) -> str:
        return f"Page(data=<{len(self._data)} items>, next_page_token={self._next_page_token!r})"


class _Pager(Generic[T]):
    """What both pagers share: the list's stream (its arguments are checked at once) and how to
    fetch its first page alone."""

    def __init__(
        self,
        core: _native.Core,
        operation: str,
        args: Mapping[str, Any],
        model: Callable[[Any], T],
        timeout: float | None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> None:
        self._core, self._operation, self._model, self._timeout = core, operation, model, timeout
        self._retries = max_retries
        self._args = dumps(args)
        self._headers = _headers(extra_headers)
        self._stream: _native.Stream | None = core.stream(
            operation, self._args, timeout=timeout, headers=self._headers, max_retries=max_retries
        )

    def _page(self, answer: tuple[str, str | None]) -> Page[T]:
        text, request_id = answer
        page = _loads(text)
        out = Page([self._model(i) for i in page["data"]], page.get("next_page_token"))
        out._request_id = request_id
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._operation})"


class SyncPager(_Pager[T]):
    """Every item of a list, fetching page after page as it is iterated."""

    def __iter__(self) -> SyncPager[T]:
        return self

    def __next__(self) -> T:
        text = self._stream.next() if self._stream else None
        if text is None:
            self._stream = None  # exhausted stays exhausted
            raise StopIteration
        return self._model(json.loads(text))

    def first_page(self) -> Page[T]:
        """Only the first page (one request), with its `next_page_token`."""
        return self._page(
            self._core.call(
                self._operation,
                self._args,
                timeout=self._timeout,
                headers=self._headers,
                max_retries=self._retries,
            )
        )


class AsyncPager(_Pager[T]):
    """Every item of a list (`async for`), fetching page after page."""

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        text = await _wait(self._stream.next_async) if self._stream else None
        if text is None:
            self._stream = None
            raise StopAsyncIteration
        return self._model(json.loads(text))

    async def first_page(self) -> Page[T]:
        """Only the first page (one request), with its `next_page_token`."""
        core, op, args, timeout = self._core, self._operation, self._args, self._timeout
        extra, retries = self._headers, self._retries
        return self._page(
            await _wait(
                lambda done: core.call_async(
                    op, args, done, timeout=timeout, headers=extra, max_retries=retries
                )
            )
        )


class _Resource:
    """A resource object (`client.invites`, …): the client's core, shared."""

    __slots__ = ("_core",)

    def __init__(self, core: _native.Core) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} resource>"


class SyncResource(_Resource):
    """The base of the generated sync resource classes; calls wait with the GIL released."""

    __slots__ = ()

    def _call(
        self,
        operation: str,
        args: Mapping[str, Any],
        idempotency_key: str | None,
        timeout: float | None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> tuple[dict[str, Any], str | None]:
        text, request_id = self._core.call(
            operation,
            dumps(args),
            idempotency_key=idempotency_key,
            timeout=timeout,
            headers=_headers(extra_headers),
            max_retries=max_retries,
        )
        return _loads(text), request_id


class AsyncResource(_Resource):
    """The base of the generated async resource classes; calls are awaited."""

    __slots__ = ()

    async def _call(
        self,
        operation: str,
        args: Mapping[str, Any],
        idempotency_key: str | None,
        timeout: float | None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> tuple[dict[str, Any], str | None]:
        core, text, extra = self._core, dumps(args), _headers(extra_headers)
        result, request_id = await _wait(
            lambda done: core.call_async(
                operation,
                text,
                done,
                idempotency_key=idempotency_key,
                timeout=timeout,
                headers=extra,
                max_retries=max_retries,
            )
        )
        return _loads(result), request_id


class _ClientBase:
    """Configuration and per-call options, shared by `Client` and `AsyncClient`."""

    __slots__ = ("_core",)

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        user_agent: str | None = None,
        proxy: str | None = None,
        ca_bundle: str | os.PathLike[str] | None = None,
    ) -> None:
        self._core = _native.Core(
            base_url,
            api_key,
            timeout=timeout,
            max_retries=max_retries,
            user_agent=user_agent,
            proxy=proxy,
            ca_bundle=None if ca_bundle is None else os.fspath(ca_bundle),
        )

    @property
    def base_url(self) -> str:
        """The base URL calls go to."""
        return self._core.base_url

    @property
    def is_closed(self) -> bool:
        """Whether `close()` was called."""
        return self._core.is_closed

    def with_options(
        self: _C,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        idempotency_key: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> _C:
        """The same client (same connection pool) with other options for every call through it;
        `headers` are sent with every request (e.g. ``Invites-Forwarded-For``)."""
        derived = object.__new__(type(self))
        derived._core = self._core.with_options(
            timeout=timeout,
            max_retries=max_retries,
            idempotency_key=idempotency_key,
            headers=_headers(headers),
        )
        return derived

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class SyncClientBase(_ClientBase):
    """The sync client's lifecycle: `close()` and `with` blocks."""

    __slots__ = ()

    def close(self) -> None:
        """Release the connection pool; later calls raise `InvitesError` (`client_closed`)."""
        self._core.close()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *args: object) -> None:
        self._core.close()


class AsyncClientBase(_ClientBase):
    """The async client's lifecycle: `await close()` and `async with` blocks."""

    __slots__ = ()

    async def close(self) -> None:
        """Release the connection pool; later calls raise `InvitesError` (`client_closed`)."""
        self._core.close()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(self, *args: object) -> None:
        self._core.close()
