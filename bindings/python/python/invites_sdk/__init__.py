"""Python client for the Invites API.

The client *is* the Rust ``invites-sdk`` (compiled in through pyo3): the same retries,
idempotency keys, pagination, validation and errors as the Rust and Node SDKs.

    from invites_sdk import Client

    with Client() as client:  # INVITES_BASE_URL and INVITES_API_KEY from the environment
        invite = client.invites.create(emails=["ada@example.com"], roles=["developer"])
        print(invite.url)
"""

from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GoneError,
    InternalServerError,
    InvalidArgumentError,
    InvitesError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
)
from ._native import (
    AsyncClient,
    AsyncInvites,
    AsyncMembers,
    AsyncOrganizations,
    AsyncPager,
    Client,
    Invite,
    InviteBatch,
    InviteLookup,
    Invites,
    Member,
    Members,
    Organization,
    OrganizationCreated,
    Organizations,
    Page,
    Redemption,
    SyncPager,
    __version__,
)

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncInvites",
    "AsyncMembers",
    "AsyncOrganizations",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "GoneError",
    "InternalServerError",
    "InvalidArgumentError",
    "Invite",
    "InviteBatch",
    "InviteLookup",
    "Invites",
    "InvitesError",
    "Member",
    "Members",
    "NotFoundError",
    "Organization",
    "OrganizationCreated",
    "Organizations",
    "Page",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "Redemption",
    "SyncPager",
    "__version__",
]
