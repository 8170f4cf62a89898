# Type stubs for the compiled module `invites_sdk._native` (bindings/python/src).
# tests/test_stubs.py checks these against the module and the spec; keep them in step.

import asyncio
import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, Optional, TypeVar, Union

__version__: str

InviteStatus = Literal["pending", "accepted", "expired", "disabled", "revoked"]
"""Derived, first match wins: revoked > accepted > expired > disabled > pending."""

DateTimeLike = Union[datetime.datetime, str]
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
    def name(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def message(self) -> Optional[str]: ...
    @property
    def emails(self) -> list[str]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def teams(self) -> list[str]: ...
    @property
    def expires_at(self) -> Optional[datetime.datetime]: ...
    @property
    def max_uses(self) -> Optional[int]: ...
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
    def last_used_at(self) -> Optional[datetime.datetime]: ...
    @property
    def code(self) -> Optional[str]: ...
    @property
    def url(self) -> Optional[str]: ...
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
    def message(self) -> Optional[str]: ...
    @property
    def expires_at(self) -> Optional[datetime.datetime]: ...
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
    def user_id(self) -> Optional[str]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def teams(self) -> list[str]: ...
    @property
    def invite_id(self) -> Optional[str]: ...
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
    def user_id(self) -> Optional[str]: ...
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
    def next_page_token(self) -> Optional[str]:
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
        emails: Optional[Sequence[str]] = None,
        name: Optional[str] = None,
        description: Optional[str] = None,
        message: Optional[str] = None,
        teams: Optional[Sequence[str]] = None,
        expires_at: Optional[DateTimeLike] = None,
        ttl_seconds: Optional[int] = None,
        never_expires: Optional[bool] = None,
        max_uses: Optional[int] = None,
        single_use: Optional[bool] = None,
        enabled: Optional[bool] = None,
        metadata: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Invite:
        """`createInvite`: the result is the only one that carries `code` and `url`."""
    def create_batch(
        self,
        *,
        emails: Sequence[str],
        roles: Sequence[str],
        teams: Optional[Sequence[str]] = None,
        name: Optional[str] = None,
        message: Optional[str] = None,
        expires_at: Optional[DateTimeLike] = None,
        ttl_seconds: Optional[int] = None,
        metadata: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> InviteBatch:
        """`createInvites`: one single-use invite per address, all or nothing."""
    def get(self, invite_id: str, *, timeout: Optional[float] = None) -> Invite:
        """`getInvite`."""
    def list(
        self,
        *,
        status: Optional[InviteStatus] = None,
        email: Optional[str] = None,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> SyncPager[Invite]:
        """`listInvites`: iterate for every invite; `.first_page()` for one page."""
    def update(
        self,
        invite_id: str,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        message: Optional[str] = None,
        roles: Optional[Sequence[str]] = None,
        teams: Optional[Sequence[str]] = None,
        expires_at: Optional[DateTimeLike] = None,
        max_uses: Optional[int] = None,
        enabled: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> Invite:
        """`updateInvite`: omitted fields stay as they are."""
    def revoke(self, invite_id: str, *, timeout: Optional[float] = None) -> Invite:
        """`revokeInvite`: repeating it is harmless."""
    def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Invite:
        """`rotateInviteCode`: a new `code`; the old one stops working."""
    def lookup(
        self,
        code: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> InviteLookup:
        """`lookupInvite`: consumes nothing."""
    def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Member:
        """`acceptInvite`: for an address your backend verified."""
    def redemptions(
        self,
        invite_id: str,
        *,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> SyncPager[Redemption]:
        """`listInviteRedemptions`."""

class AsyncInvites:
    def create(
        self,
        *,
        roles: Sequence[str],
        emails: Optional[Sequence[str]] = None,
        name: Optional[str] = None,
        description: Optional[str] = None,
        message: Optional[str] = None,
        teams: Optional[Sequence[str]] = None,
        expires_at: Optional[DateTimeLike] = None,
        ttl_seconds: Optional[int] = None,
        never_expires: Optional[bool] = None,
        max_uses: Optional[int] = None,
        single_use: Optional[bool] = None,
        enabled: Optional[bool] = None,
        metadata: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[Invite]:
        """`createInvite`: the result is the only one that carries `code` and `url`."""
    def create_batch(
        self,
        *,
        emails: Sequence[str],
        roles: Sequence[str],
        teams: Optional[Sequence[str]] = None,
        name: Optional[str] = None,
        message: Optional[str] = None,
        expires_at: Optional[DateTimeLike] = None,
        ttl_seconds: Optional[int] = None,
        metadata: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[InviteBatch]:
        """`createInvites`: one single-use invite per address, all or nothing."""
    def get(self, invite_id: str, *, timeout: Optional[float] = None) -> asyncio.Future[Invite]:
        """`getInvite`."""
    def list(
        self,
        *,
        status: Optional[InviteStatus] = None,
        email: Optional[str] = None,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPager[Invite]:
        """`listInvites`: `async for` every invite; `await .first_page()` for one page."""
    def update(
        self,
        invite_id: str,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        message: Optional[str] = None,
        roles: Optional[Sequence[str]] = None,
        teams: Optional[Sequence[str]] = None,
        expires_at: Optional[DateTimeLike] = None,
        max_uses: Optional[int] = None,
        enabled: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[Invite]:
        """`updateInvite`: omitted fields stay as they are."""
    def revoke(self, invite_id: str, *, timeout: Optional[float] = None) -> asyncio.Future[Invite]:
        """`revokeInvite`: repeating it is harmless."""
    def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[Invite]:
        """`rotateInviteCode`: a new `code`; the old one stops working."""
    def lookup(
        self,
        code: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[InviteLookup]:
        """`lookupInvite`: consumes nothing."""
    def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[Member]:
        """`acceptInvite`: for an address your backend verified."""
    def redemptions(
        self,
        invite_id: str,
        *,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPager[Redemption]:
        """`listInviteRedemptions`."""

class Members:
    def list(
        self,
        *,
        email: Optional[str] = None,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> SyncPager[Member]:
        """`listMembers`."""
    def get(self, member_id: str, *, timeout: Optional[float] = None) -> Member:
        """`getMember`."""
    def remove(self, member_id: str, *, timeout: Optional[float] = None) -> Member:
        """`removeMember`: returns who was removed."""

class AsyncMembers:
    def list(
        self,
        *,
        email: Optional[str] = None,
        limit: Optional[int] = None,
        page_token: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPager[Member]:
        """`listMembers`."""
    def get(self, member_id: str, *, timeout: Optional[float] = None) -> asyncio.Future[Member]:
        """`getMember`."""
    def remove(
        self, member_id: str, *, timeout: Optional[float] = None
    ) -> asyncio.Future[Member]:
        """`removeMember`: returns who was removed."""

class Organizations:
    def create(
        self,
        *,
        name: str,
        roles: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> OrganizationCreated:
        """`createOrganization` (admin token): the organization and its first API key."""
    def get(self, *, timeout: Optional[float] = None) -> Organization:
        """`getOrganization`: the organization the API key belongs to."""

class AsyncOrganizations:
    def create(
        self,
        *,
        name: str,
        roles: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> asyncio.Future[OrganizationCreated]:
        """`createOrganization` (admin token): the organization and its first API key."""
    def get(self, *, timeout: Optional[float] = None) -> asyncio.Future[Organization]:
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
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        user_agent: Optional[str] = None,
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
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
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
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        user_agent: Optional[str] = None,
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
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
    ) -> AsyncClient: ...
    def close(self) -> asyncio.Future[None]: ...
    def __aenter__(self) -> asyncio.Future[AsyncClient]: ...
    def __aexit__(self, *args: object) -> asyncio.Future[None]: ...
