# @generated from spec/invites.yaml and spec/sdk-names.yaml by `cargo xtask regen`.
# DO NOT EDIT: change the spec (or the naming table) and run `cargo xtask regen`;
# `cargo xtask regen --check` fails when this file and the spec disagree.
"""The per-operation surface of the SDK, generated from the spec: the response models, the
enum types, the sync and async resource classes and the two clients' resource attributes.
Each method sends its arguments to the Rust SDK's JSON dispatch by operationId (`_base.py`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ._base import (
    AsyncClientBase,
    AsyncPager,
    AsyncResource,
    DateTimeLike,
    Model,
    SyncClientBase,
    SyncPager,
    SyncResource,
    optional,
    parse_datetime,
)
from ._mixins import WebhooksMixin

__all__ = [
    "ApiKey",
    "ApiKeyCreated",
    "ApiKeys",
    "AsyncApiKeys",
    "AsyncClient",
    "AsyncEvents",
    "AsyncInvites",
    "AsyncMembers",
    "AsyncOrganizations",
    "AsyncWebhooks",
    "Client",
    "Delivery",
    "DeliveryStatus",
    "ErrorType",
    "Event",
    "EventActor",
    "EventActorType",
    "EventType",
    "Events",
    "Invite",
    "InviteBatch",
    "InviteLookup",
    "InviteStatus",
    "Invites",
    "Member",
    "Members",
    "Organization",
    "OrganizationCreated",
    "Organizations",
    "Redemption",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEndpointCreated",
    "Webhooks",
]

ErrorType = Literal[
    "invalid_request",
    "unauthorized",
    "not_found",
    "conflict",
    "already_member",
    "invite_exhausted",
    "invite_expired",
    "invite_revoked",
    "invite_disabled",
    "email_not_allowed",
    "payload_too_large",
    "rate_limited",
    "internal",
    "unavailable",
]
"""Machine-readable error category."""

InviteStatus = Literal["pending", "accepted", "expired", "disabled", "revoked"]
"""Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses reached) >
`expired` > `disabled` (`enabled: false`) > `pending`.
"""

DeliveryStatus = Literal["queued", "sent", "failed"]
"""`queued` (waiting or being retried), `sent` (the mail server took it) or `failed` (refused for
good, retries used up, or not sent because its link stopped working: the code was rotated or
resent, or the invite revoked; `last_error` says which).
"""

EventType = Literal[
    "invite.created",
    "invite.updated",
    "invite.revoked",
    "invite.code_rotated",
    "invite.resent",
    "invite.accepted",
    "member.removed",
    "api_key.created",
    "api_key.revoked",
    "email.sent",
    "email.failed",
]
"""What changed: `invite.created`, `invite.updated`, `invite.revoked`, `invite.code_rotated`,
`invite.resent`, `invite.accepted` (data: `invite` and the new `member`), `member.removed`
(`member`), `api_key.created`, `api_key.revoked` (`api_key`, never its secret), `email.sent`,
`email.failed` (`delivery`: the email worker's outcome).
"""

EventActorType = Literal["api_key", "admin", "system"]
"""`api_key` (a call with an API key), `admin` (the admin token) or `system` (the server itself: the
email worker, the invitee page).
"""


class Organization(Model):
    """An organization that people join by invitation."""

    __slots__ = (
        "_created_at",
        "_id",
        "_name",
        "_roles",
    )
    _fields = (
        "id",
        "name",
        "roles",
        "created_at",
    )
    _id: str
    _name: str
    _roles: list[str]
    _created_at: datetime.datetime

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._name = data["name"]
        self._roles = list(data["roles"])
        self._created_at = parse_datetime(data["created_at"])

    @property
    def id(self) -> str:
        """The organization's id."""
        return self._id

    @property
    def name(self) -> str:
        """Display name."""
        return self._name

    @property
    def roles(self) -> list[str]:
        """The roles invites may grant (besides `owner`, which is never invitable)."""
        return self._roles

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at


class OrganizationCreated(Model):
    """A new organization and its first API key, shown only in this response."""

    __slots__ = (
        "_api_key",
        "_organization",
    )
    _fields = (
        "organization",
        "api_key",
    )
    _organization: Organization
    _api_key: str

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._organization = Organization(data["organization"])
        self._api_key = data["api_key"]

    @property
    def organization(self) -> Organization:
        """An organization that people join by invitation."""
        return self._organization

    @property
    def api_key(self) -> str:
        """The organization's first API key (`ik_…`), shown once."""
        return self._api_key


class Invite(Model):
    """An invitation to join an organization."""

    __slots__ = (
        "_code",
        "_created_at",
        "_description",
        "_emails",
        "_enabled",
        "_expires_at",
        "_id",
        "_last_used_at",
        "_max_uses",
        "_message",
        "_metadata",
        "_name",
        "_organization_id",
        "_roles",
        "_status",
        "_teams",
        "_updated_at",
        "_url",
        "_use_count",
    )
    _fields = (
        "id",
        "organization_id",
        "name",
        "description",
        "message",
        "emails",
        "roles",
        "teams",
        "expires_at",
        "max_uses",
        "use_count",
        "enabled",
        "status",
        "metadata",
        "created_at",
        "updated_at",
        "last_used_at",
        "code",
        "url",
    )
    _id: str
    _organization_id: str
    _name: str | None
    _description: str | None
    _message: str | None
    _emails: list[str]
    _roles: list[str]
    _teams: list[str]
    _expires_at: datetime.datetime | None
    _max_uses: int | None
    _use_count: int
    _enabled: bool
    _status: InviteStatus
    _metadata: dict[str, str]
    _created_at: datetime.datetime
    _updated_at: datetime.datetime
    _last_used_at: datetime.datetime | None
    _code: str | None
    _url: str | None

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._organization_id = data["organization_id"]
        self._name = data.get("name")
        self._description = data.get("description")
        self._message = data.get("message")
        self._emails = list(data["emails"])
        self._roles = list(data["roles"])
        self._teams = list(data["teams"])
        self._expires_at = optional(parse_datetime, data.get("expires_at"))
        self._max_uses = data.get("max_uses")
        self._use_count = data["use_count"]
        self._enabled = data["enabled"]
        self._status = data["status"]
        self._metadata = dict(data["metadata"])
        self._created_at = parse_datetime(data["created_at"])
        self._updated_at = parse_datetime(data["updated_at"])
        self._last_used_at = optional(parse_datetime, data.get("last_used_at"))
        self._code = data.get("code")
        self._url = data.get("url")

    @property
    def id(self) -> str:
        """The invite's id."""
        return self._id

    @property
    def organization_id(self) -> str:
        """The organization it grants entry to."""
        return self._organization_id

    @property
    def name(self) -> str | None:
        """An internal name for administrators."""
        return self._name

    @property
    def description(self) -> str | None:
        """An internal description for administrators."""
        return self._description

    @property
    def message(self) -> str | None:
        """A message shown to the invitee."""
        return self._message

    @property
    def emails(self) -> list[str]:
        """Exact addresses or domain patterns (`*@example.com`); empty for a public link."""
        return self._emails

    @property
    def roles(self) -> list[str]:
        """Roles granted on acceptance."""
        return self._roles

    @property
    def teams(self) -> list[str]:
        """Teams joined on acceptance."""
        return self._teams

    @property
    def expires_at(self) -> datetime.datetime | None:
        """When it stops working; null only for an invite created with `never_expires`."""
        return self._expires_at

    @property
    def max_uses(self) -> int | None:
        """How many accepts it allows; null is unlimited."""
        return self._max_uses

    @property
    def use_count(self) -> int:
        """How many times it was accepted."""
        return self._use_count

    @property
    def enabled(self) -> bool:
        """A disabled invite refuses accepts until enabled again."""
        return self._enabled

    @property
    def status(self) -> InviteStatus:
        """Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses
        reached) > `expired` > `disabled` (`enabled: false`) > `pending`.
        """
        return self._status

    @property
    def metadata(self) -> dict[str, str]:
        """Up to 50 string keys (1 to 64 characters each) with string values (at most 500 characters
        each).
        """
        return self._metadata

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at

    @property
    def updated_at(self) -> datetime.datetime:
        """When it last changed."""
        return self._updated_at

    @property
    def last_used_at(self) -> datetime.datetime | None:
        """When it was last accepted."""
        return self._last_used_at

    @property
    def code(self) -> str | None:
        """The secret code (`ic_…`); only in the response that created or rotated it."""
        return self._code

    @property
    def url(self) -> str | None:
        """The link to send; only in the response that created or rotated it. By default
        `{public_url}/invite#code={code}`: the server's invitee page, with the code in the URL
        fragment (never sent to any server); a `--public-url` holding `{code}` is a template for
        the application's own page instead.
        """
        return self._url


class InviteBatch(Model):
    """The invites a batch created."""

    __slots__ = ("_data",)
    _fields = ("data",)
    _data: list[Invite]

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._data = [Invite(x) for x in data["data"]]

    @property
    def data(self) -> list[Invite]:
        """One invite per address, in request order, each with `code` and `url`."""
        return self._data


class InviteLookup(Model):
    """What a landing page may show; never the address list."""

    __slots__ = (
        "_email_restricted",
        "_expires_at",
        "_message",
        "_organization_id",
        "_organization_name",
        "_roles",
        "_status",
        "_teams",
    )
    _fields = (
        "organization_id",
        "organization_name",
        "roles",
        "teams",
        "message",
        "expires_at",
        "status",
        "email_restricted",
    )
    _organization_id: str
    _organization_name: str
    _roles: list[str]
    _teams: list[str]
    _message: str | None
    _expires_at: datetime.datetime | None
    _status: InviteStatus
    _email_restricted: bool

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._organization_id = data["organization_id"]
        self._organization_name = data["organization_name"]
        self._roles = list(data["roles"])
        self._teams = list(data["teams"])
        self._message = data.get("message")
        self._expires_at = optional(parse_datetime, data.get("expires_at"))
        self._status = data["status"]
        self._email_restricted = data["email_restricted"]

    @property
    def organization_id(self) -> str:
        """The organization the invite grants entry to."""
        return self._organization_id

    @property
    def organization_name(self) -> str:
        """Its display name."""
        return self._organization_name

    @property
    def roles(self) -> list[str]:
        """Roles granted on acceptance."""
        return self._roles

    @property
    def teams(self) -> list[str]:
        """Teams joined on acceptance."""
        return self._teams

    @property
    def message(self) -> str | None:
        """The message for the invitee."""
        return self._message

    @property
    def expires_at(self) -> datetime.datetime | None:
        """When it stops working."""
        return self._expires_at

    @property
    def status(self) -> InviteStatus:
        """Derived, first match wins: `revoked` (deleted by an admin) > `accepted` (max_uses
        reached) > `expired` > `disabled` (`enabled: false`) > `pending`.
        """
        return self._status

    @property
    def email_restricted(self) -> bool:
        """Whether only certain addresses or a domain may accept it."""
        return self._email_restricted


class Member(Model):
    """A member of the organization."""

    __slots__ = (
        "_created_at",
        "_email",
        "_id",
        "_invite_id",
        "_organization_id",
        "_roles",
        "_teams",
        "_user_id",
    )
    _fields = (
        "id",
        "organization_id",
        "email",
        "user_id",
        "roles",
        "teams",
        "invite_id",
        "created_at",
    )
    _id: str
    _organization_id: str
    _email: str
    _user_id: str | None
    _roles: list[str]
    _teams: list[str]
    _invite_id: str | None
    _created_at: datetime.datetime

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._organization_id = data["organization_id"]
        self._email = data["email"]
        self._user_id = data.get("user_id")
        self._roles = list(data["roles"])
        self._teams = list(data["teams"])
        self._invite_id = data.get("invite_id")
        self._created_at = parse_datetime(data["created_at"])

    @property
    def id(self) -> str:
        """The member's id."""
        return self._id

    @property
    def organization_id(self) -> str:
        """The organization."""
        return self._organization_id

    @property
    def email(self) -> str:
        """The address, lower-cased."""
        return self._email

    @property
    def user_id(self) -> str | None:
        """The application's id for the person, when given at acceptance."""
        return self._user_id

    @property
    def roles(self) -> list[str]:
        """The member's roles."""
        return self._roles

    @property
    def teams(self) -> list[str]:
        """The member's teams."""
        return self._teams

    @property
    def invite_id(self) -> str | None:
        """The invite that brought them in."""
        return self._invite_id

    @property
    def created_at(self) -> datetime.datetime:
        """When they joined."""
        return self._created_at


class Redemption(Model):
    """One acceptance of an invite."""

    __slots__ = (
        "_created_at",
        "_email",
        "_id",
        "_invite_id",
        "_member_id",
        "_user_id",
    )
    _fields = (
        "id",
        "invite_id",
        "member_id",
        "email",
        "user_id",
        "created_at",
    )
    _id: str
    _invite_id: str
    _member_id: str
    _email: str
    _user_id: str | None
    _created_at: datetime.datetime

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._invite_id = data["invite_id"]
        self._member_id = data["member_id"]
        self._email = data["email"]
        self._user_id = data.get("user_id")
        self._created_at = parse_datetime(data["created_at"])

    @property
    def id(self) -> str:
        """The redemption's id."""
        return self._id

    @property
    def invite_id(self) -> str:
        """The invite accepted."""
        return self._invite_id

    @property
    def member_id(self) -> str:
        """The membership created."""
        return self._member_id

    @property
    def email(self) -> str:
        """The address that accepted, lower-cased."""
        return self._email

    @property
    def user_id(self) -> str | None:
        """The application's id for the person."""
        return self._user_id

    @property
    def created_at(self) -> datetime.datetime:
        """When it was accepted."""
        return self._created_at


class Delivery(Model):
    """One invitation email."""

    __slots__ = (
        "_attempts",
        "_created_at",
        "_email",
        "_id",
        "_last_error",
        "_sent_at",
        "_status",
    )
    _fields = (
        "id",
        "email",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    )
    _id: str
    _email: str
    _status: DeliveryStatus
    _attempts: int
    _last_error: str | None
    _created_at: datetime.datetime
    _sent_at: datetime.datetime | None

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._email = data["email"]
        self._status = data["status"]
        self._attempts = data["attempts"]
        self._last_error = data.get("last_error")
        self._created_at = parse_datetime(data["created_at"])
        self._sent_at = optional(parse_datetime, data.get("sent_at"))

    @property
    def id(self) -> str:
        """The delivery's id."""
        return self._id

    @property
    def email(self) -> str:
        """The address it is sent to."""
        return self._email

    @property
    def status(self) -> DeliveryStatus:
        """`queued` (waiting or being retried), `sent` (the mail server took it) or `failed`
        (refused for good, retries used up, or not sent because its link stopped working: the
        code was rotated or resent, or the invite revoked; `last_error` says which).
        """
        return self._status

    @property
    def attempts(self) -> int:
        """Sending attempts so far."""
        return self._attempts

    @property
    def last_error(self) -> str | None:
        """The last failure (the mail server's reply, or the connection error), if any."""
        return self._last_error

    @property
    def created_at(self) -> datetime.datetime:
        """When it was queued."""
        return self._created_at

    @property
    def sent_at(self) -> datetime.datetime | None:
        """When the mail server accepted it."""
        return self._sent_at


class ApiKey(Model):
    """An API key of the organization; never its secret."""

    __slots__ = (
        "_created_at",
        "_id",
        "_last_used_at",
        "_name",
        "_revoked_at",
    )
    _fields = (
        "id",
        "name",
        "created_at",
        "last_used_at",
        "revoked_at",
    )
    _id: str
    _name: str
    _created_at: datetime.datetime
    _last_used_at: datetime.datetime | None
    _revoked_at: datetime.datetime | None

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._name = data["name"]
        self._created_at = parse_datetime(data["created_at"])
        self._last_used_at = optional(parse_datetime, data.get("last_used_at"))
        self._revoked_at = optional(parse_datetime, data.get("revoked_at"))

    @property
    def id(self) -> str:
        """The key's id."""
        return self._id

    @property
    def name(self) -> str:
        """What the key is for."""
        return self._name

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at

    @property
    def last_used_at(self) -> datetime.datetime | None:
        """When it last authenticated a request, to within 5 seconds (uses are recorded at most once
        every few seconds per replica, never with a write per request); null if never.
        """
        return self._last_used_at

    @property
    def revoked_at(self) -> datetime.datetime | None:
        """When it was revoked; null while it works."""
        return self._revoked_at


class ApiKeyCreated(Model):
    """A new API key and its secret, shown only in this response."""

    __slots__ = (
        "_created_at",
        "_id",
        "_last_used_at",
        "_name",
        "_revoked_at",
        "_secret",
    )
    _fields = (
        "id",
        "name",
        "created_at",
        "last_used_at",
        "revoked_at",
        "secret",
    )
    _id: str
    _name: str
    _created_at: datetime.datetime
    _last_used_at: datetime.datetime | None
    _revoked_at: datetime.datetime | None
    _secret: str

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._name = data["name"]
        self._created_at = parse_datetime(data["created_at"])
        self._last_used_at = optional(parse_datetime, data.get("last_used_at"))
        self._revoked_at = optional(parse_datetime, data.get("revoked_at"))
        self._secret = data["secret"]

    @property
    def id(self) -> str:
        """The key's id."""
        return self._id

    @property
    def name(self) -> str:
        """What the key is for."""
        return self._name

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at

    @property
    def last_used_at(self) -> datetime.datetime | None:
        """Always null for a new key."""
        return self._last_used_at

    @property
    def revoked_at(self) -> datetime.datetime | None:
        """Always null for a new key."""
        return self._revoked_at

    @property
    def secret(self) -> str:
        """The key itself (`ik_…`), shown once; send it as `Authorization: Bearer <secret>`."""
        return self._secret


class EventActor(Model):
    """Who made the change."""

    __slots__ = (
        "_id",
        "_type",
    )
    _fields = (
        "type",
        "id",
    )
    _type: EventActorType
    _id: str | None

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._type = data["type"]
        self._id = data.get("id")

    @property
    def type(self) -> EventActorType:
        """`api_key` (a call with an API key), `admin` (the admin token) or `system` (the server
        itself: the email worker, the invitee page).
        """
        return self._type

    @property
    def id(self) -> str | None:
        """The API key's id (`key_…`) for `api_key`; the server part (`email_worker`,
        `invitee_page`) for `system`; absent for `admin`.
        """
        return self._id


class Event(Model):
    """One change in the organization's audit log."""

    __slots__ = (
        "_actor",
        "_created_at",
        "_data",
        "_id",
        "_type",
    )
    _fields = (
        "id",
        "type",
        "created_at",
        "actor",
        "data",
    )
    _id: str
    _type: EventType
    _created_at: datetime.datetime
    _actor: EventActor
    _data: Any

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._type = data["type"]
        self._created_at = parse_datetime(data["created_at"])
        self._actor = EventActor(data["actor"])
        self._data = data["data"]

    @property
    def id(self) -> str:
        """The event's id."""
        return self._id

    @property
    def type(self) -> EventType:
        """What changed: `invite.created`, `invite.updated`, `invite.revoked`,
        `invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
        `member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`api_key`,
        never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
        """
        return self._type

    @property
    def created_at(self) -> datetime.datetime:
        """When the change committed."""
        return self._created_at

    @property
    def actor(self) -> EventActor:
        """Who made the change."""
        return self._actor

    @property
    def data(self) -> Any:
        """The changed objects as the API shows them, without codes, links or secrets: `invite`,
        `member`, `api_key` or `delivery` (see the type).
        """
        return self._data


class WebhookEndpoint(Model):
    """A webhook endpoint of the organization; never its secret."""

    __slots__ = (
        "_created_at",
        "_description",
        "_disabled_reason",
        "_enabled",
        "_event_types",
        "_id",
        "_updated_at",
        "_url",
    )
    _fields = (
        "id",
        "url",
        "event_types",
        "description",
        "enabled",
        "disabled_reason",
        "created_at",
        "updated_at",
    )
    _id: str
    _url: str
    _event_types: list[EventType]
    _description: str | None
    _enabled: bool
    _disabled_reason: str | None
    _created_at: datetime.datetime
    _updated_at: datetime.datetime

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._url = data["url"]
        self._event_types = list(data["event_types"])
        self._description = data.get("description")
        self._enabled = data["enabled"]
        self._disabled_reason = data.get("disabled_reason")
        self._created_at = parse_datetime(data["created_at"])
        self._updated_at = parse_datetime(data["updated_at"])

    @property
    def id(self) -> str:
        """The endpoint's id."""
        return self._id

    @property
    def url(self) -> str:
        """Where events are POSTed."""
        return self._url

    @property
    def event_types(self) -> list[EventType]:
        """The event types it receives; empty means every type."""
        return self._event_types

    @property
    def description(self) -> str | None:
        """What the endpoint is for; null if none was given."""
        return self._description

    @property
    def enabled(self) -> bool:
        """Whether events are delivered to it."""
        return self._enabled

    @property
    def disabled_reason(self) -> str | None:
        """Why the server disabled it (it answered 410 Gone, or failed for 5 days); null when
        enabled or disabled by a caller.
        """
        return self._disabled_reason

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at

    @property
    def updated_at(self) -> datetime.datetime:
        """When it last changed."""
        return self._updated_at


class WebhookEndpointCreated(Model):
    """An endpoint and its signing secret, shown only on creation and rotation."""

    __slots__ = (
        "_created_at",
        "_description",
        "_disabled_reason",
        "_enabled",
        "_event_types",
        "_id",
        "_secret",
        "_updated_at",
        "_url",
    )
    _fields = (
        "id",
        "url",
        "event_types",
        "description",
        "enabled",
        "disabled_reason",
        "created_at",
        "updated_at",
        "secret",
    )
    _id: str
    _url: str
    _event_types: list[EventType]
    _description: str | None
    _enabled: bool
    _disabled_reason: str | None
    _created_at: datetime.datetime
    _updated_at: datetime.datetime
    _secret: str

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._url = data["url"]
        self._event_types = list(data["event_types"])
        self._description = data.get("description")
        self._enabled = data["enabled"]
        self._disabled_reason = data.get("disabled_reason")
        self._created_at = parse_datetime(data["created_at"])
        self._updated_at = parse_datetime(data["updated_at"])
        self._secret = data["secret"]

    @property
    def id(self) -> str:
        """The endpoint's id."""
        return self._id

    @property
    def url(self) -> str:
        """Where events are POSTed."""
        return self._url

    @property
    def event_types(self) -> list[EventType]:
        """The event types it receives; empty means every type."""
        return self._event_types

    @property
    def description(self) -> str | None:
        """What the endpoint is for; null if none was given."""
        return self._description

    @property
    def enabled(self) -> bool:
        """Whether events are delivered to it."""
        return self._enabled

    @property
    def disabled_reason(self) -> str | None:
        """Why the server disabled it; null when enabled or disabled by a caller."""
        return self._disabled_reason

    @property
    def created_at(self) -> datetime.datetime:
        """When it was created."""
        return self._created_at

    @property
    def updated_at(self) -> datetime.datetime:
        """When it last changed."""
        return self._updated_at

    @property
    def secret(self) -> str:
        """The signing secret (`whsec_` + base64 of 32 random bytes), shown once: give it to
        `client.webhooks.unwrap`.
        """
        return self._secret


class WebhookDelivery(Model):
    """One attempt to deliver one event to one endpoint."""

    __slots__ = (
        "_attempt",
        "_created_at",
        "_duration_ms",
        "_endpoint_id",
        "_error",
        "_event_id",
        "_event_type",
        "_id",
        "_status_code",
    )
    _fields = (
        "id",
        "endpoint_id",
        "event_id",
        "event_type",
        "attempt",
        "status_code",
        "error",
        "duration_ms",
        "created_at",
    )
    _id: str
    _endpoint_id: str
    _event_id: str
    _event_type: EventType
    _attempt: int
    _status_code: int | None
    _error: str | None
    _duration_ms: int
    _created_at: datetime.datetime

    def __init__(self, data: Mapping[str, Any], request_id: str | None = None) -> None:
        super().__init__(data, request_id)
        self._id = data["id"]
        self._endpoint_id = data["endpoint_id"]
        self._event_id = data["event_id"]
        self._event_type = data["event_type"]
        self._attempt = data["attempt"]
        self._status_code = data.get("status_code")
        self._error = data.get("error")
        self._duration_ms = data["duration_ms"]
        self._created_at = parse_datetime(data["created_at"])

    @property
    def id(self) -> str:
        """The attempt's id."""
        return self._id

    @property
    def endpoint_id(self) -> str:
        """The endpoint it was sent to."""
        return self._endpoint_id

    @property
    def event_id(self) -> str:
        """The event sent (the `webhook-id` header, the same on every retry)."""
        return self._event_id

    @property
    def event_type(self) -> EventType:
        """What changed: `invite.created`, `invite.updated`, `invite.revoked`,
        `invite.code_rotated`, `invite.resent`, `invite.accepted` (data: `invite` and the new
        `member`), `member.removed` (`member`), `api_key.created`, `api_key.revoked` (`api_key`,
        never its secret), `email.sent`, `email.failed` (`delivery`: the email worker's outcome).
        """
        return self._event_type

    @property
    def attempt(self) -> int:
        """1 for the first attempt of this event at this endpoint, 2 for its first retry, and so
        on.
        """
        return self._attempt

    @property
    def status_code(self) -> int | None:
        """The HTTP status the endpoint answered; null when there was no answer (see `error`)."""
        return self._status_code

    @property
    def error(self) -> str | None:
        """Why the attempt failed without an answer (refused address, connection, timeout); null
        when it got one.
        """
        return self._error

    @property
    def duration_ms(self) -> int:
        """How long the attempt took, in milliseconds."""
        return self._duration_ms

    @property
    def created_at(self) -> datetime.datetime:
        """When the attempt was made."""
        return self._created_at


class Organizations(SyncResource):
    """The organization the API key belongs to, and creating new ones with the admin token."""

    def create(
        self,
        *,
        name: str,
        roles: Sequence[str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OrganizationCreated:
        """Create an organization (admin token) and its first API key (`createOrganization`, `POST
        /v1/organizations`).

        Args:
            name: Display name, 1 to 200 characters.
            roles: Its roles; default: owner, admin, developer, billing, user, viewer.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "name": name,
            "roles": roles,
        }
        data, request_id = self._call(
            "createOrganization", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return OrganizationCreated(data, request_id)

    def get(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Organization:
        """The organization the API key belongs to (`getOrganization`, `GET /v1/organization`).

        Args:
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {}
        data, request_id = self._call(
            "getOrganization", args, None, timeout, extra_headers, max_retries
        )
        return Organization(data, request_id)


class AsyncOrganizations(AsyncResource):
    """The organization the API key belongs to, and creating new ones with the admin token."""

    async def create(
        self,
        *,
        name: str,
        roles: Sequence[str] | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OrganizationCreated:
        """Create an organization (admin token) and its first API key (`createOrganization`, `POST
        /v1/organizations`).

        Args:
            name: Display name, 1 to 200 characters.
            roles: Its roles; default: owner, admin, developer, billing, user, viewer.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "name": name,
            "roles": roles,
        }
        data, request_id = await self._call(
            "createOrganization", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return OrganizationCreated(data, request_id)

    async def get(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Organization:
        """The organization the API key belongs to (`getOrganization`, `GET /v1/organization`).

        Args:
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {}
        data, request_id = await self._call(
            "getOrganization", args, None, timeout, extra_headers, max_retries
        )
        return Organization(data, request_id)


class Invites(SyncResource):
    """Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions,
    resend, deliveries.
    """

    def list(
        self,
        *,
        status: InviteStatus | None = None,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Invite]:
        """List invites, newest first, one page at a time (`listInvites`, `GET /v1/invites`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            status: Only invites with this derived status.
            email: Only invites whose address list holds this exact address or pattern
                (case-insensitive).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "status": status,
            "email": email,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core, "listInvites", args, Invite, timeout, extra_headers, max_retries
        )

    def create(
        self,
        *,
        roles: Sequence[str],
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        emails: Sequence[str] | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        never_expires: bool | None = None,
        max_uses: int | None = None,
        single_use: bool | None = None,
        enabled: bool | None = None,
        metadata: Mapping[str, str] | None = None,
        send_email: bool | None = None,
        inviter: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Create an invite; the response is the only one that shows its code and url
        (`createInvite`, `POST /v1/invites`).

        Args:
            roles: 1 to 20 of the organization's roles; `owner` is never invitable.
            name: An internal name, at most 200 characters.
            description: An internal description, at most 2000 characters.
            message: A message shown to the invitee, at most 2000 characters.
            emails: Up to 100 exact addresses or domain patterns (`*@example.com`); omit or leave
                empty for a public link. An invite for exact addresses only defaults to one use per
                address. Addresses are compared in one normal form (NFC, lower-cased, IDNA for the
                domain); malformed addresses, invisible or control characters (zero-width, bidi
                controls) and patterns on a public suffix (`*@co.uk`) are a 400 naming `emails`.
            teams: Up to 50 teams joined on acceptance.
            expires_at: When it stops working; must be in the future, and for a public invite (no
                `emails`) at most one year (365 days) ahead. Default: 7 days from now.
            ttl_seconds: Lifetime in seconds instead of `expires_at`, 60 to 31536000.
            never_expires: No expiry at all; refused for a public invite.
            max_uses: How many accepts it allows, 1 to 1000000; omit for the default.
            single_use: Same as `max_uses: 1`.
            enabled: Whether it can be accepted now. Default: true.
            metadata: Up to 50 string keys (1 to 64 characters each) with string values (at most 500
                characters each).
            send_email: Email the invitation to each exact address (domain and public invites send
                nothing). Default: true when the server has an email transport (`--smtp-url` or
                `--email-dir`); `true` on a server without one is a 400 naming `send_email`.
            inviter: The inviting person's name, shown in the email's subject and text; at most 200
                characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "roles": roles,
            "name": name,
            "description": description,
            "message": message,
            "emails": emails,
            "teams": teams,
            "expires_at": expires_at,
            "ttl_seconds": ttl_seconds,
            "never_expires": never_expires,
            "max_uses": max_uses,
            "single_use": single_use,
            "enabled": enabled,
            "metadata": metadata,
            "send_email": send_email,
            "inviter": inviter,
        }
        data, request_id = self._call(
            "createInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

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
        send_email: bool | None = None,
        inviter: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InviteBatch:
        """Create one single-use invite per address, all or nothing (`createInvites`, `POST
        /v1/invites/batch`).

        Args:
            emails: 1 to 1000 exact addresses, no duplicates (in normal form), no patterns;
                malformed addresses and invisible or control characters are a 400 naming `emails`.
            roles: 1 to 20 of the organization's roles; `owner` is never invitable.
            teams: Up to 50 teams joined on acceptance.
            name: An internal name for every invite, at most 200 characters.
            message: A message shown to the invitees, at most 2000 characters.
            expires_at: When they stop working; must be in the future. Default: 7 days from now.
            ttl_seconds: Lifetime in seconds instead of `expires_at`, 60 to 31536000.
            metadata: Up to 50 string keys (1 to 64 characters each) with string values (at most 500
                characters each).
            send_email: Email the invitation to each exact address (domain and public invites send
                nothing). Default: true when the server has an email transport (`--smtp-url` or
                `--email-dir`); `true` on a server without one is a 400 naming `send_email`.
            inviter: The inviting person's name, shown in the email's subject and text; at most 200
                characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "emails": emails,
            "roles": roles,
            "teams": teams,
            "name": name,
            "message": message,
            "expires_at": expires_at,
            "ttl_seconds": ttl_seconds,
            "metadata": metadata,
            "send_email": send_email,
            "inviter": inviter,
        }
        data, request_id = self._call(
            "createInvites", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return InviteBatch(data, request_id)

    def lookup(
        self,
        code: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InviteLookup:
        """What a landing page may show about a code. Consumes nothing (`lookupInvite`, `POST
        /v1/invites/lookup`).

        Args:
            code: The invite code from the link.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "code": code,
        }
        data, request_id = self._call(
            "lookupInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return InviteLookup(data, request_id)

    def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """Redeem a code for an email the caller has verified; creates a membership (`acceptInvite`,
        `POST /v1/invites/accept`).

        Args:
            code: The invite code from the link.
            email: The verified address of the person joining (never a pattern such as
                `*@example.com`); malformed addresses and invisible or control characters are a 400
                naming `email`.
            user_id: The application's own id for the person, at most 200 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "code": code,
            "email": email,
            "user_id": user_id,
        }
        data, request_id = self._call(
            "acceptInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Member(data, request_id)

    def get(
        self,
        invite_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """One invite (`getInvite`, `GET /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = self._call("getInvite", args, None, timeout, extra_headers, max_retries)
        return Invite(data, request_id)

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
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Change an invite; omitted fields stay as they are (`updateInvite`, `PATCH
        /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            name: An internal name, at most 200 characters.
            description: An internal description, at most 2000 characters.
            message: A message shown to the invitee, at most 2000 characters.
            roles: 1 to 20 of the organization's roles; `owner` is never invitable. Omitted or null:
                unchanged.
            teams: Up to 50 teams; `[]` removes every team. Omitted or null: unchanged.
            expires_at: A new expiry, in the future; for a public invite (no `emails`) at most one
                year (365 days) ahead.
            max_uses: A new quota, 1 to 1000000, not below `use_count`.
            enabled: Enable or disable the invite.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "name": name,
            "description": description,
            "message": message,
            "roles": roles,
            "teams": teams,
            "expires_at": expires_at,
            "max_uses": max_uses,
            "enabled": enabled,
        }
        data, request_id = self._call(
            "updateInvite", args, None, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def revoke(
        self,
        invite_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Revoke an invite for good; repeating it is harmless (`revokeInvite`, `DELETE
        /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = self._call(
            "revokeInvite", args, None, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Replace the invite's code; the old one stops working at once (`rotateInviteCode`, `POST
        /v1/invites/{invite_id}/rotate`).

        Args:
            invite_id: The invite's id.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = self._call(
            "rotateInviteCode", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def redemptions(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Redemption]:
        """Who accepted this invite, newest first (`listInviteRedemptions`, `GET
        /v1/invites/{invite_id}/redemptions`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            invite_id: The invite's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core,
            "listInviteRedemptions",
            args,
            Redemption,
            timeout,
            extra_headers,
            max_retries,
        )

    def resend(
        self,
        invite_id: str,
        *,
        ttl_seconds: int | None = None,
        expires_at: DateTimeLike | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Replace the invite's code and email it again to every address that has not accepted
        (`resendInvite`, `POST /v1/invites/{invite_id}/resend`).

        Args:
            invite_id: The invite's id.
            ttl_seconds: New lifetime in seconds from now, 60 to 31536000.
            expires_at: New expiry; must be in the future (for a public invite at most one year
                ahead).
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "ttl_seconds": ttl_seconds,
            "expires_at": expires_at,
        }
        data, request_id = self._call(
            "resendInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def deliveries(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Delivery]:
        """The invitation emails of this invite and how their delivery went, newest first
        (`listInviteDeliveries`, `GET /v1/invites/{invite_id}/deliveries`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            invite_id: The invite's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core, "listInviteDeliveries", args, Delivery, timeout, extra_headers, max_retries
        )


class AsyncInvites(AsyncResource):
    """Invites: create, list, get, update, revoke, rotate, look up, accept, batches, redemptions,
    resend, deliveries.
    """

    def list(
        self,
        *,
        status: InviteStatus | None = None,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Invite]:
        """List invites, newest first, one page at a time (`listInvites`, `GET /v1/invites`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            status: Only invites with this derived status.
            email: Only invites whose address list holds this exact address or pattern
                (case-insensitive).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "status": status,
            "email": email,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core, "listInvites", args, Invite, timeout, extra_headers, max_retries
        )

    async def create(
        self,
        *,
        roles: Sequence[str],
        name: str | None = None,
        description: str | None = None,
        message: str | None = None,
        emails: Sequence[str] | None = None,
        teams: Sequence[str] | None = None,
        expires_at: DateTimeLike | None = None,
        ttl_seconds: int | None = None,
        never_expires: bool | None = None,
        max_uses: int | None = None,
        single_use: bool | None = None,
        enabled: bool | None = None,
        metadata: Mapping[str, str] | None = None,
        send_email: bool | None = None,
        inviter: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Create an invite; the response is the only one that shows its code and url
        (`createInvite`, `POST /v1/invites`).

        Args:
            roles: 1 to 20 of the organization's roles; `owner` is never invitable.
            name: An internal name, at most 200 characters.
            description: An internal description, at most 2000 characters.
            message: A message shown to the invitee, at most 2000 characters.
            emails: Up to 100 exact addresses or domain patterns (`*@example.com`); omit or leave
                empty for a public link. An invite for exact addresses only defaults to one use per
                address. Addresses are compared in one normal form (NFC, lower-cased, IDNA for the
                domain); malformed addresses, invisible or control characters (zero-width, bidi
                controls) and patterns on a public suffix (`*@co.uk`) are a 400 naming `emails`.
            teams: Up to 50 teams joined on acceptance.
            expires_at: When it stops working; must be in the future, and for a public invite (no
                `emails`) at most one year (365 days) ahead. Default: 7 days from now.
            ttl_seconds: Lifetime in seconds instead of `expires_at`, 60 to 31536000.
            never_expires: No expiry at all; refused for a public invite.
            max_uses: How many accepts it allows, 1 to 1000000; omit for the default.
            single_use: Same as `max_uses: 1`.
            enabled: Whether it can be accepted now. Default: true.
            metadata: Up to 50 string keys (1 to 64 characters each) with string values (at most 500
                characters each).
            send_email: Email the invitation to each exact address (domain and public invites send
                nothing). Default: true when the server has an email transport (`--smtp-url` or
                `--email-dir`); `true` on a server without one is a 400 naming `send_email`.
            inviter: The inviting person's name, shown in the email's subject and text; at most 200
                characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "roles": roles,
            "name": name,
            "description": description,
            "message": message,
            "emails": emails,
            "teams": teams,
            "expires_at": expires_at,
            "ttl_seconds": ttl_seconds,
            "never_expires": never_expires,
            "max_uses": max_uses,
            "single_use": single_use,
            "enabled": enabled,
            "metadata": metadata,
            "send_email": send_email,
            "inviter": inviter,
        }
        data, request_id = await self._call(
            "createInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    async def create_batch(
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
        send_email: bool | None = None,
        inviter: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InviteBatch:
        """Create one single-use invite per address, all or nothing (`createInvites`, `POST
        /v1/invites/batch`).

        Args:
            emails: 1 to 1000 exact addresses, no duplicates (in normal form), no patterns;
                malformed addresses and invisible or control characters are a 400 naming `emails`.
            roles: 1 to 20 of the organization's roles; `owner` is never invitable.
            teams: Up to 50 teams joined on acceptance.
            name: An internal name for every invite, at most 200 characters.
            message: A message shown to the invitees, at most 2000 characters.
            expires_at: When they stop working; must be in the future. Default: 7 days from now.
            ttl_seconds: Lifetime in seconds instead of `expires_at`, 60 to 31536000.
            metadata: Up to 50 string keys (1 to 64 characters each) with string values (at most 500
                characters each).
            send_email: Email the invitation to each exact address (domain and public invites send
                nothing). Default: true when the server has an email transport (`--smtp-url` or
                `--email-dir`); `true` on a server without one is a 400 naming `send_email`.
            inviter: The inviting person's name, shown in the email's subject and text; at most 200
                characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "emails": emails,
            "roles": roles,
            "teams": teams,
            "name": name,
            "message": message,
            "expires_at": expires_at,
            "ttl_seconds": ttl_seconds,
            "metadata": metadata,
            "send_email": send_email,
            "inviter": inviter,
        }
        data, request_id = await self._call(
            "createInvites", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return InviteBatch(data, request_id)

    async def lookup(
        self,
        code: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> InviteLookup:
        """What a landing page may show about a code. Consumes nothing (`lookupInvite`, `POST
        /v1/invites/lookup`).

        Args:
            code: The invite code from the link.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "code": code,
        }
        data, request_id = await self._call(
            "lookupInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return InviteLookup(data, request_id)

    async def accept(
        self,
        *,
        code: str,
        email: str,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """Redeem a code for an email the caller has verified; creates a membership (`acceptInvite`,
        `POST /v1/invites/accept`).

        Args:
            code: The invite code from the link.
            email: The verified address of the person joining (never a pattern such as
                `*@example.com`); malformed addresses and invisible or control characters are a 400
                naming `email`.
            user_id: The application's own id for the person, at most 200 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "code": code,
            "email": email,
            "user_id": user_id,
        }
        data, request_id = await self._call(
            "acceptInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Member(data, request_id)

    async def get(
        self,
        invite_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """One invite (`getInvite`, `GET /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = await self._call(
            "getInvite", args, None, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    async def update(
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
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Change an invite; omitted fields stay as they are (`updateInvite`, `PATCH
        /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            name: An internal name, at most 200 characters.
            description: An internal description, at most 2000 characters.
            message: A message shown to the invitee, at most 2000 characters.
            roles: 1 to 20 of the organization's roles; `owner` is never invitable. Omitted or null:
                unchanged.
            teams: Up to 50 teams; `[]` removes every team. Omitted or null: unchanged.
            expires_at: A new expiry, in the future; for a public invite (no `emails`) at most one
                year (365 days) ahead.
            max_uses: A new quota, 1 to 1000000, not below `use_count`.
            enabled: Enable or disable the invite.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "name": name,
            "description": description,
            "message": message,
            "roles": roles,
            "teams": teams,
            "expires_at": expires_at,
            "max_uses": max_uses,
            "enabled": enabled,
        }
        data, request_id = await self._call(
            "updateInvite", args, None, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    async def revoke(
        self,
        invite_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Revoke an invite for good; repeating it is harmless (`revokeInvite`, `DELETE
        /v1/invites/{invite_id}`).

        Args:
            invite_id: The invite's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = await self._call(
            "revokeInvite", args, None, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    async def rotate(
        self,
        invite_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Replace the invite's code; the old one stops working at once (`rotateInviteCode`, `POST
        /v1/invites/{invite_id}/rotate`).

        Args:
            invite_id: The invite's id.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
        }
        data, request_id = await self._call(
            "rotateInviteCode", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def redemptions(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Redemption]:
        """Who accepted this invite, newest first (`listInviteRedemptions`, `GET
        /v1/invites/{invite_id}/redemptions`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            invite_id: The invite's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core,
            "listInviteRedemptions",
            args,
            Redemption,
            timeout,
            extra_headers,
            max_retries,
        )

    async def resend(
        self,
        invite_id: str,
        *,
        ttl_seconds: int | None = None,
        expires_at: DateTimeLike | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Invite:
        """Replace the invite's code and email it again to every address that has not accepted
        (`resendInvite`, `POST /v1/invites/{invite_id}/resend`).

        Args:
            invite_id: The invite's id.
            ttl_seconds: New lifetime in seconds from now, 60 to 31536000.
            expires_at: New expiry; must be in the future (for a public invite at most one year
                ahead).
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "ttl_seconds": ttl_seconds,
            "expires_at": expires_at,
        }
        data, request_id = await self._call(
            "resendInvite", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return Invite(data, request_id)

    def deliveries(
        self,
        invite_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Delivery]:
        """The invitation emails of this invite and how their delivery went, newest first
        (`listInviteDeliveries`, `GET /v1/invites/{invite_id}/deliveries`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            invite_id: The invite's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "invite_id": invite_id,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core, "listInviteDeliveries", args, Delivery, timeout, extra_headers, max_retries
        )


class Members(SyncResource):
    """Members of the caller's organization."""

    def list(
        self,
        *,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Member]:
        """Members of the organization, newest first (`listMembers`, `GET /v1/members`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            email: Only the member with this address (case-insensitive).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "email": email,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core, "listMembers", args, Member, timeout, extra_headers, max_retries
        )

    def get(
        self,
        member_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """One member (`getMember`, `GET /v1/members/{member_id}`).

        Args:
            member_id: The member's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "member_id": member_id,
        }
        data, request_id = self._call("getMember", args, None, timeout, extra_headers, max_retries)
        return Member(data, request_id)

    def remove(
        self,
        member_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """Remove a member from the organization (`removeMember`, `DELETE /v1/members/{member_id}`).

        Args:
            member_id: The member's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "member_id": member_id,
        }
        data, request_id = self._call(
            "removeMember", args, None, timeout, extra_headers, max_retries
        )
        return Member(data, request_id)


class AsyncMembers(AsyncResource):
    """Members of the caller's organization."""

    def list(
        self,
        *,
        email: str | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Member]:
        """Members of the organization, newest first (`listMembers`, `GET /v1/members`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            email: Only the member with this address (case-insensitive).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "email": email,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core, "listMembers", args, Member, timeout, extra_headers, max_retries
        )

    async def get(
        self,
        member_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """One member (`getMember`, `GET /v1/members/{member_id}`).

        Args:
            member_id: The member's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "member_id": member_id,
        }
        data, request_id = await self._call(
            "getMember", args, None, timeout, extra_headers, max_retries
        )
        return Member(data, request_id)

    async def remove(
        self,
        member_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Member:
        """Remove a member from the organization (`removeMember`, `DELETE /v1/members/{member_id}`).

        Args:
            member_id: The member's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "member_id": member_id,
        }
        data, request_id = await self._call(
            "removeMember", args, None, timeout, extra_headers, max_retries
        )
        return Member(data, request_id)


class ApiKeys(SyncResource):
    """The organization's API keys: create (the secret is shown once), list, revoke."""

    def list(
        self,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[ApiKey]:
        """The organization's API keys, revoked ones included, newest first; never a secret
        (`listApiKeys`, `GET /v1/api_keys`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core, "listApiKeys", args, ApiKey, timeout, extra_headers, max_retries
        )

    def create(
        self,
        *,
        name: str,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiKeyCreated:
        """A new API key for the caller's organization; its secret is shown only here
        (`createApiKey`, `POST /v1/api_keys`).

        Args:
            name: What the key is for, 1 to 200 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "name": name,
        }
        data, request_id = self._call(
            "createApiKey", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return ApiKeyCreated(data, request_id)

    def revoke(
        self,
        key_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiKey:
        """Revoke a key for good; repeating it is harmless (`revokeApiKey`, `DELETE
        /v1/api_keys/{key_id}`).

        Args:
            key_id: The API key's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "key_id": key_id,
        }
        data, request_id = self._call(
            "revokeApiKey", args, None, timeout, extra_headers, max_retries
        )
        return ApiKey(data, request_id)


class AsyncApiKeys(AsyncResource):
    """The organization's API keys: create (the secret is shown once), list, revoke."""

    def list(
        self,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[ApiKey]:
        """The organization's API keys, revoked ones included, newest first; never a secret
        (`listApiKeys`, `GET /v1/api_keys`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core, "listApiKeys", args, ApiKey, timeout, extra_headers, max_retries
        )

    async def create(
        self,
        *,
        name: str,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiKeyCreated:
        """A new API key for the caller's organization; its secret is shown only here
        (`createApiKey`, `POST /v1/api_keys`).

        Args:
            name: What the key is for, 1 to 200 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "name": name,
        }
        data, request_id = await self._call(
            "createApiKey", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return ApiKeyCreated(data, request_id)

    async def revoke(
        self,
        key_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ApiKey:
        """Revoke a key for good; repeating it is harmless (`revokeApiKey`, `DELETE
        /v1/api_keys/{key_id}`).

        Args:
            key_id: The API key's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "key_id": key_id,
        }
        data, request_id = await self._call(
            "revokeApiKey", args, None, timeout, extra_headers, max_retries
        )
        return ApiKey(data, request_id)


class Events(SyncResource):
    """The organization's audit log: every change, newest first."""

    def list(
        self,
        *,
        type: EventType | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[Event]:
        """The organization's audit log, newest first, one page at a time (`listEvents`, `GET
        /v1/events`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            type: Only events of this type (any other value is a 400 naming `type`).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "type": type,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(self._core, "listEvents", args, Event, timeout, extra_headers, max_retries)


class AsyncEvents(AsyncResource):
    """The organization's audit log: every change, newest first."""

    def list(
        self,
        *,
        type: EventType | None = None,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[Event]:
        """The organization's audit log, newest first, one page at a time (`listEvents`, `GET
        /v1/events`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            type: Only events of this type (any other value is a 400 naming `type`).
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "type": type,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core, "listEvents", args, Event, timeout, extra_headers, max_retries
        )


class Webhooks(WebhooksMixin, SyncResource):
    """Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the
    secret, deliveries), and unwrapping what they receive.

    `verify` (in the SDK, no request; the same on `Client` and `AsyncClient`): Check a webhook
    delivery (Standard Webhooks): one `v1,` signature of `webhook-signature` matches the body under
    the endpoint's secret, and `webhook-timestamp` is within 5 minutes of now.

    `unwrap` (in the SDK, no request; the same on `Client` and `AsyncClient`): Verify a webhook
    delivery (as `verify`) and answer the event it carries, typed as `listEvents` answers it.
    """

    def list(
        self,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[WebhookEndpoint]:
        """The organization's webhook endpoints, newest first; never a secret
        (`listWebhookEndpoints`, `GET /v1/webhook_endpoints`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core,
            "listWebhookEndpoints",
            args,
            WebhookEndpoint,
            timeout,
            extra_headers,
            max_retries,
        )

    def create(
        self,
        *,
        url: str,
        event_types: Sequence[EventType] | None = None,
        description: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointCreated:
        """A new webhook endpoint; its signing secret is shown only here (and on rotation)
        (`createWebhookEndpoint`, `POST /v1/webhook_endpoints`).

        Args:
            url: Where to POST events: an `https` URL of at most 2,000 characters, on a public
                address.
            event_types: The event types to send; empty or omitted means every type.
            description: What the endpoint is for, at most 500 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "url": url,
            "event_types": event_types,
            "description": description,
        }
        data, request_id = self._call(
            "createWebhookEndpoint", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return WebhookEndpointCreated(data, request_id)

    def get(
        self,
        endpoint_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """One webhook endpoint (without its secret) (`getWebhookEndpoint`, `GET
        /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = self._call(
            "getWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    def update(
        self,
        endpoint_id: str,
        *,
        url: str | None = None,
        event_types: Sequence[EventType] | None = None,
        description: str | None = None,
        enabled: bool | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Change an endpoint; omitted fields stay as they are (`updateWebhookEndpoint`, `PATCH
        /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            url: A new URL, under the same rules as on creation.
            event_types: The event types to send from now on; `[]` means every type. Omitted or
                null: unchanged.
            description: A new description (empty clears it).
            enabled: `false` stops deliveries (events meanwhile are not queued for it); `true`
                resumes them.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
            "url": url,
            "event_types": event_types,
            "description": description,
            "enabled": enabled,
        }
        data, request_id = self._call(
            "updateWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    def delete(
        self,
        endpoint_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Delete an endpoint for good, with its deliveries not yet made and its attempt log
        (`deleteWebhookEndpoint`, `DELETE /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = self._call(
            "deleteWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    def rotate_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointCreated:
        """A new signing secret; the old one keeps signing beside it for 24 hours
        (`rotateWebhookSecret`, `POST /v1/webhook_endpoints/{endpoint_id}/rotate_secret`).

        Args:
            endpoint_id: The webhook endpoint's id.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = self._call(
            "rotateWebhookSecret", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return WebhookEndpointCreated(data, request_id)

    def deliveries(
        self,
        endpoint_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPager[WebhookDelivery]:
        """The endpoint's delivery attempts, newest first, one row per attempt
        (`listWebhookDeliveries`, `GET /v1/webhook_endpoints/{endpoint_id}/deliveries`).

        Iterating the pager yields every item, fetching page after page; `pager.first_page()`
        fetches one page.

        Args:
            endpoint_id: The webhook endpoint's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
            "limit": limit,
            "page_token": page_token,
        }
        return SyncPager(
            self._core,
            "listWebhookDeliveries",
            args,
            WebhookDelivery,
            timeout,
            extra_headers,
            max_retries,
        )


class AsyncWebhooks(WebhooksMixin, AsyncResource):
    """Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate the
    secret, deliveries), and unwrapping what they receive.

    `verify` (in the SDK, no request; the same on `Client` and `AsyncClient`): Check a webhook
    delivery (Standard Webhooks): one `v1,` signature of `webhook-signature` matches the body under
    the endpoint's secret, and `webhook-timestamp` is within 5 minutes of now.

    `unwrap` (in the SDK, no request; the same on `Client` and `AsyncClient`): Verify a webhook
    delivery (as `verify`) and answer the event it carries, typed as `listEvents` answers it.
    """

    def list(
        self,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[WebhookEndpoint]:
        """The organization's webhook endpoints, newest first; never a secret
        (`listWebhookEndpoints`, `GET /v1/webhook_endpoints`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core,
            "listWebhookEndpoints",
            args,
            WebhookEndpoint,
            timeout,
            extra_headers,
            max_retries,
        )

    async def create(
        self,
        *,
        url: str,
        event_types: Sequence[EventType] | None = None,
        description: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointCreated:
        """A new webhook endpoint; its signing secret is shown only here (and on rotation)
        (`createWebhookEndpoint`, `POST /v1/webhook_endpoints`).

        Args:
            url: Where to POST events: an `https` URL of at most 2,000 characters, on a public
                address.
            event_types: The event types to send; empty or omitted means every type.
            description: What the endpoint is for, at most 500 characters.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "url": url,
            "event_types": event_types,
            "description": description,
        }
        data, request_id = await self._call(
            "createWebhookEndpoint", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return WebhookEndpointCreated(data, request_id)

    async def get(
        self,
        endpoint_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """One webhook endpoint (without its secret) (`getWebhookEndpoint`, `GET
        /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = await self._call(
            "getWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    async def update(
        self,
        endpoint_id: str,
        *,
        url: str | None = None,
        event_types: Sequence[EventType] | None = None,
        description: str | None = None,
        enabled: bool | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Change an endpoint; omitted fields stay as they are (`updateWebhookEndpoint`, `PATCH
        /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            url: A new URL, under the same rules as on creation.
            event_types: The event types to send from now on; `[]` means every type. Omitted or
                null: unchanged.
            description: A new description (empty clears it).
            enabled: `false` stops deliveries (events meanwhile are not queued for it); `true`
                resumes them.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
            "url": url,
            "event_types": event_types,
            "description": description,
            "enabled": enabled,
        }
        data, request_id = await self._call(
            "updateWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    async def delete(
        self,
        endpoint_id: str,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpoint:
        """Delete an endpoint for good, with its deliveries not yet made and its attempt log
        (`deleteWebhookEndpoint`, `DELETE /v1/webhook_endpoints/{endpoint_id}`).

        Args:
            endpoint_id: The webhook endpoint's id.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = await self._call(
            "deleteWebhookEndpoint", args, None, timeout, extra_headers, max_retries
        )
        return WebhookEndpoint(data, request_id)

    async def rotate_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WebhookEndpointCreated:
        """A new signing secret; the old one keeps signing beside it for 24 hours
        (`rotateWebhookSecret`, `POST /v1/webhook_endpoints/{endpoint_id}/rotate_secret`).

        Args:
            endpoint_id: The webhook endpoint's id.
            idempotency_key: Sent as `Idempotency-Key`; by default each call gets a fresh key that
                its retries reuse.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
        }
        data, request_id = await self._call(
            "rotateWebhookSecret", args, idempotency_key, timeout, extra_headers, max_retries
        )
        return WebhookEndpointCreated(data, request_id)

    def deliveries(
        self,
        endpoint_id: str,
        *,
        limit: int | None = None,
        page_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPager[WebhookDelivery]:
        """The endpoint's delivery attempts, newest first, one row per attempt
        (`listWebhookDeliveries`, `GET /v1/webhook_endpoints/{endpoint_id}/deliveries`).

        `async for` over the pager yields every item, fetching page after page; `await
        pager.first_page()` fetches one page.

        Args:
            endpoint_id: The webhook endpoint's id.
            limit: Page size, 1 to 100.
            page_token: The `next_page_token` of the previous page, as the server issued it (an
                opaque token of at most 512 characters; any other value is a 400 naming
                `page_token`); omit for the first page.
            timeout: Seconds per attempt for this call, instead of the client's.
            max_retries: Retries for this call, instead of the client's.
            extra_headers: Headers sent with this call (e.g. `Invites-Forwarded-For`, naming the end
                user).
        """
        args: dict[str, Any] = {
            "endpoint_id": endpoint_id,
            "limit": limit,
            "page_token": page_token,
        }
        return AsyncPager(
            self._core,
            "listWebhookDeliveries",
            args,
            WebhookDelivery,
            timeout,
            extra_headers,
            max_retries,
        )


class Client(SyncClientBase):
    """The synchronous client: calls wait with the GIL released, so threads sharing one client run
    their calls in parallel.

    `base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY; `timeout` is per
    attempt in seconds (default 60); `max_retries` defaults to 2 (0 disables).
    """

    @property
    def organizations(self) -> Organizations:
        """The organization the API key belongs to, and creating new ones with the admin token."""
        return Organizations(self._core)

    @property
    def invites(self) -> Invites:
        """Invites: create, list, get, update, revoke, rotate, look up, accept, batches,
        redemptions, resend, deliveries.
        """
        return Invites(self._core)

    @property
    def members(self) -> Members:
        """Members of the caller's organization."""
        return Members(self._core)

    @property
    def api_keys(self) -> ApiKeys:
        """The organization's API keys: create (the secret is shown once), list, revoke."""
        return ApiKeys(self._core)

    @property
    def events(self) -> Events:
        """The organization's audit log: every change, newest first."""
        return Events(self._core)

    @property
    def webhooks(self) -> Webhooks:
        """Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate
        the secret, deliveries), and unwrapping what they receive.
        """
        return Webhooks(self._core)


class AsyncClient(AsyncClientBase):
    """The asyncio client: every method is a coroutine (lists answer an async pager), completed by
    the SDK's runtime without blocking the event loop. The same arguments as `Client`.

    `base_url` and `api_key` default to INVITES_BASE_URL and INVITES_API_KEY; `timeout` is per
    attempt in seconds (default 60); `max_retries` defaults to 2 (0 disables).
    """

    @property
    def organizations(self) -> AsyncOrganizations:
        """The organization the API key belongs to, and creating new ones with the admin token."""
        return AsyncOrganizations(self._core)

    @property
    def invites(self) -> AsyncInvites:
        """Invites: create, list, get, update, revoke, rotate, look up, accept, batches,
        redemptions, resend, deliveries.
        """
        return AsyncInvites(self._core)

    @property
    def members(self) -> AsyncMembers:
        """Members of the caller's organization."""
        return AsyncMembers(self._core)

    @property
    def api_keys(self) -> AsyncApiKeys:
        """The organization's API keys: create (the secret is shown once), list, revoke."""
        return AsyncApiKeys(self._core)

    @property
    def events(self) -> AsyncEvents:
        """The organization's audit log: every change, newest first."""
        return AsyncEvents(self._core)

    @property
    def webhooks(self) -> AsyncWebhooks:
        """Webhook endpoints (create: the secret is shown once, list, get, update, delete, rotate
        the secret, deliveries), and unwrapping what they receive.
        """
        return AsyncWebhooks(self._core)
