# Type stubs for the compiled module `invites_sdk._native` (bindings/python/src).
# tests/test_stubs.py checks these against the module and the spec; keep them in step.

import asyncio
import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

__version__: str

InviteStatus = Literal["pending", "accepted", "expired", "disabled", "revoked"]
"""Derived, first match wins: revoked > accepted > expired > disabled > pending."""

DateTimeLike = datetime.datetime | str
"""A timezone-aware datetime, or an RFC 3339 string."""

_T = TypeVar("_T")

# ---------------------------------------------------------------------------------------------
# Models: read-only attributes, to_dict(), to_json(), repr (secrets shortened), equality.

class Invite:
    """An invitation to join an organization.

    `code` and `url` are set only in the response that created or rotated the code.
    """

    @property
    def id(self) -> str: ...
    @property
    def organization_id(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def message(self) -> str | None: ...
    @property
    def emails(self) -> list[str]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def teams(self) -> list[str]: ...
    @property
    def expires_at(self) -> datetime.datetime | None: ...
    @property
    def max_uses(self) -> int | None: ...
    @property
    def use_count(self) -> int: ...
    @property
    def enabled(self) -> bool: ...
    @property
    def status(self) -> InviteStatus: ...
    @property
    def metadata(self) -> dict[str, str]: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> datetime.datetime: ...
    @property
    def last_used_at(self) -> datetime.datetime | None: ...
    @property
    def code(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class InviteBatch:
    """The invites a batch created, in the order of the addresses, each with `code` and `url`."""

    @property
    def data(self) -> list[Invite]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class InviteLookup:
    """What a landing page may show about a code (never the address list)."""

    @property
    def organization_id(self) -> str: ...
    @property
    def organization_name(self) -> str: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def teams(self) -> list[str]: ...
    @property
    def message(self) -> str | None: ...
    @property
    def expires_at(self) -> datetime.datetime | None: ...
    @property
    def status(self) -> InviteStatus: ...
    @property
    def email_restricted(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Member:
    """A member of the organization."""

    @property
    def id(self) -> str: ...
    @property
    def organization_id(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def user_id(self) -> str | None: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def teams(self) -> list[str]: ...
    @property
    def invite_id(self) -> str | None: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Redemption:
    """One acceptance of an invite."""

    @property
    def id(self) -> str: ...
    @property
    def invite_id(self) -> str: ...
    @property
    def member_id(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def user_id(self) -> str | None: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Organization:
    """An organization that people join by invitation."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class OrganizationCreated:
    """A new organization and its first API key, shown only here."""

    @property
    def organization(self) -> Organization: ...
    @property
    def api_key(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

# ---------------------------------------------------------------------------------------------
# Pages and pagers.

class Page(Generic[_T]):
    """One page of a list."""

    @property
    def data(self) -> list[_T]: ...
    @property
    def next_page_token(self) -> str | None:
        """Pass as `page_token` for the next page; None on the last page."""
    def has_next_page(self) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T]: ...

class SyncPager(Generic[_T]):
    """Every item of a list, fetching page after page as it is iterated."""

    def __iter__(self) -> SyncPager[_T]: ...
    def __next__(self) -> _T: ...
    def first_page(self) -> Page[_T]:
        """Only the first page (one request)."""

class AsyncPager(Generic[_T]):
    """Every item of a list (`async for`), fetching page after page."""

    def __aiter__(self) -> AsyncPager[_T]: ...
    def __anext__(self) -> asyncio.Future[_T]: ...
    def first_page(self) -> asyncio.Future[Page[_T]]:
        """Only the first page (one request)."""

# ---------------------------------------------------------------------------------------------
# Resources. Every method takes `timeout` (seconds, per attempt) for that call; every POST also
# takes `idempotency_key` (by default each call gets a fresh one that its retries reuse).

class Invites:
    def create(
        self,
        *,
        roles: Sequence[str],
        emails: Sequence[str] | None = None,
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        never_expires: bool | None = None,
        max_uses: int | None = None,
        single_use: bool | None = None,
        enabled: bool | None = None,
        metadata: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> Invite:
        """`createInvite`: the result is the only one that carries `code` and `url`."""
    def create_batch(
        self,
        *,
        emails: Sequence[str],
        roles: Sequence[str],
        teams: Sequence[str] | None = None,
        name: str | None = None,
        message: str | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        metadata: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> InviteBatch:
        """`createInvites`: one single-use invite per address, all or nothing."""
    def get(self, invite_id: str, *, timeout: float | None = None) -> Invite:
        """`getInvite`."""
    def list(
        self,
        *,
        status: InviteStatus | None = None,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> SyncPager[Invite]:
        """`listInvites`: iterate for every invite; `.first_page()` for one page."""
    def update(
        self,
        invite_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        roles: Sequence[str] | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        max_uses: int | None = None,
        enabled: bool | None = None,
        timeout: float | None = None,
    ) -> Invite:
        """`updateInvite`: omitted fields stay as they are."""
    def revoke(self, invite_id: str, *, timeout: float | None = None) -> Invite:
        """`revokeInvite`: repeating it is harmless."""
    def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> Invite:
        """`rotateInviteCode`: a new `code`; the old one stops working."""
    def lookup(
        self,
        code: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> InviteLookup:
        """`lookupInvite`: consumes nothing."""
    def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> Member:
        """`acceptInvite`: for an address your backend verified."""
    def redemptions(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> SyncPager[Redemption]:
        """`listInviteRedemptions`."""

class AsyncInvites:
    def create(
        self,
        *,
        roles: Sequence[str],
        emails: Sequence[str] | None = None,
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        never_expires: bool | None = None,
        max_uses: int | None = None,
        single_use: bool | None = None,
        enabled: bool | None = None,
        metadata: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[Invite]:
        """`createInvite`: the result is the only one that carries `code` and `url`."""
    def create_batch(
        self,
        *,
        emails: Sequence[str],
        roles: Sequence[str],
        teams: Sequence[str] | None = None,
        name: str | None = None,
        message: str | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        metadata: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[InviteBatch]:
        """`createInvites`: one single-use invite per address, all or nothing."""
    def get(self, invite_id: str, *, timeout: float | None = None) -> asyncio.Future[Invite]:
        """`getInvite`."""
    def list(
        self,
        *,
        status: InviteStatus | None = None,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> AsyncPager[Invite]:
        """`listInvites`: `async for` every invite; `await .first_page()` for one page."""
    def update(
        self,
        invite_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        roles: Sequence[str] | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        max_uses: int | None = None,
        enabled: bool | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[Invite]:
        """`updateInvite`: omitted fields stay as they are."""
    def revoke(self, invite_id: str, *, timeout: float | None = None) -> asyncio.Future[Invite]:
        """`revokeInvite`: repeating it is harmless."""
    def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[Invite]:
        """`rotateInviteCode`: a new `code`; the old one stops working."""
    def lookup(
        self,
        code: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[InviteLookup]:
        """`lookupInvite`: consumes nothing."""
    def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[Member]:
        """`acceptInvite`: for an address your backend verified."""
    def redemptions(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> AsyncPager[Redemption]:
        """`listInviteRedemptions`."""

class Members:
    def list(
        self,
        *,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> SyncPager[Member]:
        """`listMembers`."""
    def get(self, member_id: str, *, timeout: float | None = None) -> Member:
        """`getMember`."""
    def remove(self, member_id: str, *, timeout: float | None = None) -> Member:
        """`removeMember`: returns who was removed."""

class AsyncMembers:
    def list(
        self,
        *,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
    ) -> AsyncPager[Member]:
        """`listMembers`."""
    def get(self, member_id: str, *, timeout: float | None = None) -> asyncio.Future[Member]:
        """`getMember`."""
    def remove(self, member_id: str, *, timeout: float | None = None) -> asyncio.Future[Member]:
        """`removeMember`: returns who was removed."""

class Organizations:
    def create(
        self,
        *,
        name: str,
        roles: Sequence[str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> OrganizationCreated:
        """`createOrganization` (admin token): the organization and its first API key."""
    def get(self, *, timeout: float | None = None) -> Organization:
        """`getOrganization`: the organization the API key belongs to."""

class AsyncOrganizations:
    def create(
        self,
        *,
        name: str,
        roles: Sequence[str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> asyncio.Future[OrganizationCreated]:
        """`createOrganization` (admin token): the organization and its first API key."""
    def get(self, *, timeout: float | None = None) -> asyncio.Future[Organization]:
        """`getOrganization`: the organization the API key belongs to."""

# ---------------------------------------------------------------------------------------------
# Clients.

class Client:
    """The synchronous client; calls release the GIL while they wait.

    `base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY; `timeout` is per
    attempt in seconds (default 60); `max_retries` defaults to 2 (0 disables).
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        user_agent: str | None = None,
    ) -> None: ...
    @property
    def invites(self) -> Invites: ...
    @property
    def members(self) -> Members: ...
    @property
    def organizations(self) -> Organizations: ...
    @property
    def base_url(self) -> str: ...
    @property
    def is_closed(self) -> bool: ...
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        idempotency_key: str | None = None,
    ) -> Client: ...
    def close(self) -> None: ...
    def __enter__(self) -> Client: ...
    def __exit__(self, *args: object) -> None: ...

class AsyncClient:
    """The asyncio client; calls return awaitables and never block the event loop.

    Same arguments as `Client`.
    """

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        user_agent: str | None = None,
    ) -> None: ...
    @property
    def invites(self) -> AsyncInvites: ...
    @property
    def members(self) -> AsyncMembers: ...
    @property
    def organizations(self) -> AsyncOrganizations: ...
    @property
    def base_url(self) -> str: ...
    @property
    def is_closed(self) -> bool: ...
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncClient: ...
    def close(self) -> asyncio.Future[None]: ...
    def __aenter__(self) -> asyncio.Future[AsyncClient]: ...
    def __aexit__(self, *args: object) -> asyncio.Future[None]: ...
