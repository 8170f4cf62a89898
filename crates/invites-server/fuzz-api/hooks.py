"""schemathesis hooks: steer part of the generated requests onto real data.

Random strings never hit an invite code (160 random bits) or an id, so lookups, accepts and the
per-invite operations would only ever see 404. These hooks swap, for a share of the cases, a
schema-valid generated value for another schema-valid value taken from the seeded data (run.py
writes it to $FUZZ_API_SEEDS): a real code, a real id, an allowed address, an organization role.
Only values that are already valid are swapped, so a negative case stays negative. The choice is
a hash of the generated value, so a run with the same seed makes the same requests.

Some rules are beyond a JSON schema and said in the spec's descriptions instead: roles must be
the organization's, `expires_at` in the future (at most a year ahead for a public link), at most
one of `expires_at` / `ttl_seconds` / `never_expires`, `single_use` with no other `max_uses`,
metadata keys of 1 to 64 characters, page tokens the server issued, addresses well formed and
free of invisible characters, webhook URLs absolute. The hooks keep schema-valid values within
those rules (always, so that every schema-valid request is one the server accepts:
positive_data_acceptance), and leave schema-invalid values alone (negative_data_rejection).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import schemathesis

with open(os.environ["FUZZ_API_SEEDS"]) as _f:
    SEEDS: dict[str, list[str]] = json.load(_f)

ROLE = re.compile(r"^[a-z][a-z0-9_-]*$")

# Numbers the positive cases' idempotency keys (see map_case).
_KEYS = itertools.count()


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


def _digest(value: Any) -> bytes:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).digest()


def _fresh_address(value: Any, domain: str = "example.org") -> str:
    return "m" + _digest(["addr", value]).hex()[:10] + "@" + domain


def _future(value: Any) -> str:
    """A time 1 to 300 days ahead (within a public invite's one-year cap)."""
    days = 1 + _digest(["when", value])[0] % 300
    return (datetime.now(timezone.utc) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _is_time(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _expiry_rules(body: dict[str, Any], public: bool) -> None:
    """At most one of expires_at / ttl_seconds / never_expires (never for a public invite), a
    future expires_at, single_use without another max_uses, metadata keys of 1 to 64."""
    if _is_time(body.get("expires_at")):
        body["expires_at"] = _future(body["expires_at"])
    if body.get("never_expires") is True and (public or "expires_at" in body or "ttl_seconds" in body):
        body["never_expires"] = False
    if "expires_at" in body and isinstance(body.get("ttl_seconds"), int):
        del body["ttl_seconds"]
    if body.get("single_use") is True and isinstance(body.get("max_uses"), int):
        body["max_uses"] = 1
    md = body.get("metadata")
    if isinstance(md, dict):
        body["metadata"] = {k: v for k, v in md.items() if 1 <= len(k) <= 64}


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
            # Always a well-formed address: mostly a fresh one at the seeded domain (a public
            # or domain invite takes it), else one of the seeded addresses.
            fresh = _fresh_address(email)
            body["email"] = _pick(["email", email], [fresh, fresh, *SEEDS["emails"]], 4) or fresh
    if path in ("/v1/invites", "/v1/invites/batch") or (path == "/v1/invites/{invite_id}" and "roles" in body):
        roles = body.get("roles")
        if _valid_roles(roles):
            body["roles"] = [_pick(["roles", roles], SEEDS["roles"], 4) or SEEDS["roles"][0]]
    if path in ("/v1/invites", "/v1/invites/batch"):
        emails = body.get("emails")
        limit = 1000 if path.endswith("batch") else 100
        if _valid_emails(emails, limit) and emails:
            h = hashlib.sha256(json.dumps(emails).encode()).hexdigest()
            if int(h[0], 16) < 14:
                # Fresh addresses (a hash suffix), so most creations succeed; some repeat
                # across cases and answer 409 conflict.
                body["emails"] = [f"f{h[:6]}.{i}@example.com" for i in range(len(emails))]
            else:
                # The seeded pending address: 409 conflict.
                body["emails"] = ["ada@example.com"]
        public = not (isinstance(body.get("emails"), list) and body["emails"])
        _expiry_rules(body, public and not path.endswith("batch"))
    if path == "/v1/invites/{invite_id}":
        if _is_time(body.get("expires_at")):
            body["expires_at"] = _future(body["expires_at"])
    return body


def _email_rules(path: str, body: dict[str, Any]) -> None:
    """Positive cases only (from map_case; a negative case must stay invalid): an inviter without
    control characters (it goes into a Subject); a resend with a future expires_at and at most
    one of expires_at / ttl_seconds."""
    if path in ("/v1/invites", "/v1/invites/batch") and isinstance(body.get("inviter"), str):
        body["inviter"] = "".join(c for c in body["inviter"] if c.isprintable())
    if path == "/v1/invites/{invite_id}/resend":
        if _is_time(body.get("expires_at")):
            body["expires_at"] = _future(body["expires_at"])
        if "expires_at" in body and isinstance(body.get("ttl_seconds"), int):
            del body["ttl_seconds"]


@schemathesis.hook
def map_path_parameters(ctx, path_parameters):  # type: ignore[no-untyped-def]
    if not isinstance(path_parameters, dict):
        return path_parameters
    params = dict(path_parameters)
    for name, pool in (
        ("invite_id", SEEDS["invite_ids"]),
        ("member_id", SEEDS["member_ids"]),
        ("endpoint_id", SEEDS["endpoint_ids"]),
    ):
        v = params.get(name)
        if isinstance(v, str):
            real = _pick([name, v], pool, 3)
            if real is not None:
                params[name] = real
    return params


SIMPLE_ADDRESS = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
SEEDED_PATTERN = re.compile(r"^\*@example\.(com|org)$")


def _rules(path: str, method: str, body: dict[str, Any]) -> dict[str, Any]:
    """A positive body kept within the rules the spec states in words (see the module doc)."""
    if path in ("/v1/invites", "/v1/invites/batch") or (path == "/v1/invites/{invite_id}" and method == "PATCH"):
        if _valid_roles(body.get("roles")):
            roles = body["roles"]
            body["roles"] = [_pick(["roles", roles], SEEDS["roles"], 4) or SEEDS["roles"][0]]
    if path in ("/v1/invites", "/v1/invites/batch"):
        emails = body.get("emails")
        if isinstance(emails, list) and emails:
            ok = all(
                isinstance(e, str) and (SIMPLE_ADDRESS.match(e) or (SEEDED_PATTERN.match(e) and not path.endswith("batch")))
                for e in emails
            )
            if not ok or len(set(emails)) != len(emails):
                h = _digest(["emails", emails]).hex()
                body["emails"] = [f"r{h[:6]}.{i}@example.com" for i in range(len(emails))]
        public = not (isinstance(body.get("emails"), list) and body["emails"])
        _expiry_rules(body, public and not path.endswith("batch"))
    if path == "/v1/invites/{invite_id}" and method == "PATCH" and _is_time(body.get("expires_at")):
        body["expires_at"] = _future(body["expires_at"])
    if path == "/v1/invites/accept":
        email = body.get("email")
        if isinstance(email, str) and not SIMPLE_ADDRESS.match(email):
            body["email"] = _fresh_address(email)
    _email_rules(path, body)
    if path.startswith("/v1/webhook_endpoints") and isinstance(body.get("url"), str):
        # Any schema-valid string becomes an absolute URL the server takes (the loopback
        # discard port: the fuzz server allows insecure webhook URLs).
        body["url"] = "http://127.0.0.1:9/w" + _digest(["url", body["url"]]).hex()[:8]
    return body


@schemathesis.hook
def map_case(ctx, case):  # type: ignore[no-untyped-def]
    """Every phase (examples, coverage, fuzzing, stateful): keep positive cases within the rules
    beyond the schema; negative cases are left as generated."""
    meta = case.meta
    if meta is not None and not meta.generation.mode.is_positive:
        return case
    path = case.operation.path
    method = case.operation.method.upper()
    if isinstance(case.query, dict):
        query = dict(case.query)
        if isinstance(query.get("page_token"), str):
            query["page_token"] = SEEDS["page_tokens"][0]
        email = query.get("email")
        if isinstance(email, str):
            pool = SEEDS["emails"] + (["*@example.org"] if path == "/v1/invites" else [])
            query["email"] = pool[_digest(["q", email])[1] % len(pool)]
        case.query = query
    if isinstance(case.headers, dict) and isinstance(case.headers.get("Idempotency-Key"), str):
        # One key per request. schemathesis generates the same few keys again and again (and the
        # hooks map bodies onto few values), and a key sent again with the same body replays the
        # first answer: in a stateful chain, a webhook endpoint created and then deleted comes
        # back from a replayed POST, and the next step finds it gone (ST302). Replays are tested
        # in the suites; here every positive case gets a key of its own (a counter: a run with the
        # same seed still makes the same requests).
        key = case.headers["Idempotency-Key"]
        unique = "k" + _digest(["idem", key]).hex()[:16] + "-" + str(next(_KEYS))
        case.headers = {**case.headers, "Idempotency-Key": unique}
    if isinstance(case.body, dict):
        case.body = _rules(path, method, dict(case.body))
    return case
