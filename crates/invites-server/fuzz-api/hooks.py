"""schemathesis hooks: steer part of the generated requests onto real data.

Random strings never hit an invite code (160 random bits) or an id, so lookups, accepts and the
per-invite operations would only ever see 404. These hooks swap, for a share of the cases, a
schema-valid generated value for another schema-valid value taken from the seeded data (run.py
writes it to $FUZZ_API_SEEDS): a real code, a real id, an allowed address, an organization role.
Only values that are already valid are swapped, so a negative case stays negative. The choice is
a hash of the generated value, so a run with the same seed makes the same requests.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any

import schemathesis

with open(os.environ["FUZZ_API_SEEDS"]) as _f:
    SEEDS: dict[str, list[str]] = json.load(_f)

ROLE = re.compile(r"^[a-z][a-z0-9_-]*$")


def _pick(value: Any, pool: list[str], share: int) -> str | None:
    """A pool entry for `share` in 4 of the values (chosen by their hash), else None."""
    h = hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).digest()
    if h[0] % 4 >= share:
        return None
    return pool[h[1] % len(pool)]


def _valid_roles(v: Any) -> bool:
    return (
        isinstance(v, list)
        and 1 <= len(v) <= 20
        and all(isinstance(r, str) and 1 <= len(r) <= 64 and ROLE.match(r) for r in v)
    )


def _valid_emails(v: Any, max_items: int) -> bool:
    return (
        isinstance(v, list)
        and len(v) <= max_items
        and all(isinstance(e, str) and 3 <= len(e) <= 254 for e in v)
    )


@schemathesis.hook
def map_body(ctx, body):  # type: ignore[no-untyped-def]
    op = ctx.operation
    if op is None or not isinstance(body, dict):
        return body
    path = op.path
    body = dict(body)
    if path in ("/v1/invites/lookup", "/v1/invites/accept"):
        code = body.get("code")
        swapped = False
        if isinstance(code, str) and 1 <= len(code) <= 128:
            real = _pick(code, SEEDS["codes"], 3)
            if real is not None:
                body["code"] = real
                swapped = True
        email = body.get("email")
        if isinstance(email, str) and 3 <= len(email) <= 254:
            # With a real code, mostly a usable address: a fresh one at the seeded domain (a
            # public or domain invite takes it) or one of the seeded addresses.
            fresh = "m" + hashlib.sha256(email.encode()).hexdigest()[:10] + "@example.org"
            real = _pick(["email", email], [fresh, fresh, *SEEDS["emails"]], 4 if swapped else 2)
            if real is not None:
                body["email"] = real
    if path in ("/v1/invites", "/v1/invites/batch") or (path == "/v1/invites/{invite_id}" and "roles" in body):
        roles = body.get("roles")
        if _valid_roles(roles):
            real = _pick(["roles", roles], SEEDS["roles"], 3)
            if real is not None:
                body["roles"] = [real]
    if path in ("/v1/invites", "/v1/invites/batch"):
        emails = body.get("emails")
        limit = 1000 if path.endswith("batch") else 100
        if _valid_emails(emails, limit) and emails:
            h = hashlib.sha256(json.dumps(emails).encode()).hexdigest()
            if int(h[0], 16) < 12:
                # Fresh addresses (a hash suffix), so most creations succeed; some repeat
                # across cases and answer 409 conflict.
                body["emails"] = [f"f{h[:6]}.{i}@example.com" for i in range(len(emails))]
    return body


@schemathesis.hook
def map_path_parameters(ctx, path_parameters):  # type: ignore[no-untyped-def]
    if not isinstance(path_parameters, dict):
        return path_parameters
    params = dict(path_parameters)
    for name, pool in (("invite_id", SEEDS["invite_ids"]), ("member_id", SEEDS["member_ids"])):
        v = params.get(name)
        if isinstance(v, str):
            real = _pick([name, v], pool, 3)
            if real is not None:
                params[name] = real
    return params
