"""Python client for the Invites API.

The client *is* the Rust ``invites-sdk`` (compiled in through pyo3): the same retries,
idempotency keys, pagination, validation and errors as the Rust and Node SDKs. The models,
resources and clients are generated from the spec (``_generated.py``); ``_base.py`` and the
native core are the machinery under them.

    from invites_sdk import Client

    with Client() as client:  # INVITES_BASE_URL and INVITES_API_KEY from the environment
        invite = client.invites.create(emails=["ada@example.com"], roles=["developer"])
        print(invite.url)
"""

from . import _errors, _generated
from ._base import AsyncPager, Page, SyncPager
from ._errors import *  # noqa: F403
from ._generated import *  # noqa: F403
from ._native import __version__

__all__ = ["AsyncPager", "Page", "SyncPager", "__version__"]
__all__ += _errors.__all__
__all__ += _generated.__all__
