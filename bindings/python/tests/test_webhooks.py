"""Webhooks through the SDK against a real server: endpoints (create, list, get, update,
rotate_secret, delete), their delivery attempts, and every real delivery verified twice by a
local receiver, with the Standard Webhooks reference library (PyPI `standardwebhooks`) and with
`client.webhooks.unwrap`. A delivery either refuses is a failure. Fixed vectors for
verify/unwrap are the conformance scenario `webhooks_unwrap_fixed_vectors`.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import standardwebhooks

from invites_sdk import (
    AsyncClient,
    Client,
    Event,
    InvalidArgumentError,
    NotFoundError,
    WebhookTimestampError,
    WebhookVerificationError,
)
from invites_sdk._mixins import WebhookBody, WebhookHeaders

from conftest import Server, new_org, start_server, stop_server, unique_email


@dataclass
class Delivery:
    """One request the receiver got, and what each verifier said about it."""

    headers: dict[str, str]  # as received
    body: bytes
    library: Any = None  # what standardwebhooks parsed, or None
    event: Event | None = None  # what client.webhooks.unwrap returned, or None
    errors: list[str] = field(default_factory=list)

    def header(self, name: str) -> str:
        return next(v for k, v in self.headers.items() if k.lower() == name)


class Receiver:
    """A local HTTP endpoint that verifies every delivery with both verifiers under
    `secrets` (any one passing is enough for each) and answers 200 when both pass; `fail_first`
    answers 500 to that many requests first, so the server retries."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.secrets: list[str] = []
        self.fail_first = 0
        self.deliveries: list[Delivery] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                outer.handle(self, body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def handle(self, req: BaseHTTPRequestHandler, body: bytes) -> None:
        headers = {k: v for k, v in req.headers.items()}
        d = Delivery(headers, body)
        for secret in self.secrets:
            try:
                d.library = standardwebhooks.Webhook(secret).verify(body, headers)
                break
            except standardwebhooks.WebhookVerificationError as e:
                d.errors.append(f"standardwebhooks: {e}")
        for secret in self.secrets:
            try:
                d.event = self.client.webhooks.unwrap(body, headers, secret)
                break
            except WebhookVerificationError as e:
                d.errors.append(f"unwrap: {e}")
        ok = d.library is not None and d.event is not None
        with self.lock:
            self.deliveries.append(d)
            failing = self.fail_first > 0
            if failing:
                self.fail_first -= 1
        status = 500 if failing else (200 if ok else 400)
        req.send_response(status)
        req.send_header("content-length", "0")
        req.end_headers()

    def wait(self, n: int, timeout: float = 30) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.deliveries) >= n:
                    return list(self.deliveries)
            time.sleep(0.05)
        pytest.fail(f"{len(self.deliveries)} deliveries within {timeout} s, expected {n}")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def hook_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server that may deliver to local http URLs, retrying failures after 1 s."""
    binary = os.environ["INVITES_SERVER_BIN"]
    workdir = tmp_path_factory.mktemp("webhook-server")
    token = "iat_webhooks_python_test_token_0123456789"
    proc, url = start_server(
        binary,
        workdir,
        token,
        "--webhook-allow-insecure",
        "--webhook-retry-schedule",
        "1s,1s",
    )
    yield Server(url, token, binary, workdir / "server.log")
    stop_server(proc)


@pytest.fixture
def hook_client(hook_server: Server) -> Iterator[Client]:
    org = new_org(hook_server, "webhooks (python)")
    with Client(org.base_url, org.api_key) as c:
        yield c


@pytest.fixture
def receiver(hook_client: Client) -> Iterator[Receiver]:
    r = Receiver(hook_client)
    yield r
    r.close()


def _verified(d: Delivery) -> Event:
    assert not d.errors, d.errors
    assert d.library is not None and d.event is not None
    # Both verifiers read the same event from the same bytes.
    assert d.library["id"] == d.event.id == d.header("webhook-id")
    assert d.library["type"] == d.event.type
    return d.event


def _attempts(client: Client, endpoint_id: str, want: Callable[[list[Any]], bool]) -> list[Any]:
    deadline = time.monotonic() + 30
    while True:
        rows = list(client.webhooks.deliveries(endpoint_id))
        if want(rows) or time.monotonic() > deadline:
            return rows
        time.sleep(0.1)


def test_endpoints_and_every_real_delivery_verify(hook_client: Client, receiver: Receiver) -> None:
    client = hook_client
    created = client.webhooks.create(
        url=receiver.url,
        event_types=["invite.created", "invite.revoked"],
        description="python receiver",
    )
    receiver.secrets = [created.secret]
    assert created.id.startswith("we_")
    assert created.secret.startswith("whsec_")
    assert created.enabled is True
    assert created.event_types == ["invite.created", "invite.revoked"]
    assert created.secret not in repr(created)  # repr shortens the secret

    listed = list(client.webhooks.list())
    assert [e.id for e in listed] == [created.id]
    assert not hasattr(listed[0], "secret")
    got = client.webhooks.get(created.id)
    assert (got.url, got.description) == (receiver.url, "python receiver")

    off = client.webhooks.update(created.id, enabled=False)
    assert off.enabled is False
    on = client.webhooks.update(created.id, enabled=True, description="verifying receiver")
    assert (on.enabled, on.description) == (True, "verifying receiver")

    # Two events of the asked-for types, one of another type (not sent).
    invite = client.invites.create(emails=[unique_email()], roles=["developer"])
    client.invites.update(invite.id, name="not delivered: invite.updated")
    client.invites.revoke(invite.id)
    first, second = receiver.wait(2)
    created_event, revoked_event = _verified(first), _verified(second)
    assert (created_event.type, revoked_event.type) == ("invite.created", "invite.revoked")
    assert created_event.data["invite"]["id"] == invite.id
    assert created_event.actor.type == "api_key"
    assert "code" not in created_event.data["invite"]
    # The same events listEvents shows.
    events = {e.id: e for e in client.events.list()}
    assert events[created_event.id].to_dict() == created_event.to_dict()
    time.sleep(0.5)
    assert len(receiver.deliveries) == 2, "invite.updated was delivered though not asked for"

    rows = _attempts(client, created.id, lambda r: len(r) >= 2)
    assert sorted(r.event_id for r in rows) == sorted([created_event.id, revoked_event.id])
    assert all(r.status_code == 200 and r.error is None and r.attempt == 1 for r in rows), rows
    assert all(r.endpoint_id == created.id and r.duration_ms >= 0 for r in rows)
    page = client.webhooks.deliveries(created.id, limit=1).first_page()
    assert len(page.data) == 1 and page.next_page_token is not None

    # A wrong secret is refused by both verifiers.
    other = client.webhooks.create(url=receiver.url + "/other", event_types=["member.removed"])
    with pytest.raises(WebhookVerificationError) as e:
        client.webhooks.unwrap(first.body, first.headers, other.secret)
    assert e.value.type == "webhook_invalid_signature"
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(other.secret).verify(first.body, first.headers)
    client.webhooks.delete(other.id)

    # Rotation: the next delivery is signed under the new secret and the old one; each
    # verifier accepts it under either secret alone.
    rotated = client.webhooks.rotate_secret(created.id)
    assert rotated.secret.startswith("whsec_") and rotated.secret != created.secret
    receiver.secrets = [rotated.secret]
    client.invites.create(emails=[unique_email()], roles=["developer"])
    third = receiver.wait(3)[2]
    _verified(third)
    assert len(third.header("webhook-signature").split()) == 2, third.headers
    for secret in (created.secret, rotated.secret):
        standardwebhooks.Webhook(secret).verify(third.body, third.headers)
        assert client.webhooks.unwrap(third.body, third.headers, secret).id == third.event.id  # type: ignore[union-attr]
    client.webhooks.verify(third.body.decode(), dict(third.headers), rotated.secret)

    deleted = client.webhooks.delete(created.id)
    assert deleted.id == created.id
    with pytest.raises(NotFoundError):
        client.webhooks.get(created.id)
    assert list(client.webhooks.list()) == []


def test_a_failed_delivery_is_retried_with_the_same_id_and_each_attempt_listed(
    hook_client: Client, receiver: Receiver
) -> None:
    client = hook_client
    endpoint = client.webhooks.create(url=receiver.url, event_types=["invite.created"])
    receiver.secrets = [endpoint.secret]
    receiver.fail_first = 1
    client.invites.create(emails=[unique_email()], roles=["developer"])
    failed, retried = receiver.wait(2)
    assert _verified(failed).id == _verified(retried).id
    assert failed.header("webhook-id") == retried.header("webhook-id")
    rows = _attempts(client, endpoint.id, lambda r: len(r) >= 2)
    by_attempt = {r.attempt: r for r in rows}
    assert by_attempt[1].status_code == 500, rows
    assert by_attempt[2].status_code == 200, rows
    assert rows[0].attempt == 2  # newest first


def test_unwrap_takes_what_frameworks_hand_over(hook_client: Client, receiver: Receiver) -> None:
    client = hook_client
    endpoint = client.webhooks.create(url=receiver.url, event_types=["invite.created"])
    receiver.secrets = [endpoint.secret]
    client.invites.create(emails=[unique_email()], roles=["developer"])
    d = receiver.wait(1)[0]
    event = _verified(d)
    now = int(d.header("webhook-timestamp"))
    # bytes, bytearray, memoryview or str bodies; a dict, lower-case names or ASGI-style raw
    # byte pairs for the headers.
    lower = {k.lower(): v for k, v in d.headers.items()}
    raw = [(k.encode(), v.encode()) for k, v in lower.items()]
    bodies: list[WebhookBody] = [d.body, bytearray(d.body), memoryview(d.body), d.body.decode()]
    header_forms: list[WebhookHeaders] = [d.headers, lower, raw, list(lower.items())]
    for body in bodies:
        for headers in header_forms:
            assert client.webhooks.unwrap(body, headers, endpoint.secret, now=now) == event
    # The fixed clock: 301 s later is too late.
    with pytest.raises(WebhookTimestampError) as e:
        client.webhooks.verify(d.body, d.headers, endpoint.secret, now=now + 301)
    assert e.value.type == "webhook_timestamp" and e.value.param == "webhook-timestamp"
    assert isinstance(e.value, WebhookVerificationError)
    with pytest.raises(WebhookVerificationError) as missing:
        client.webhooks.unwrap(d.body, {"webhook-id": lower["webhook-id"]}, endpoint.secret)
    assert missing.value.type == "webhook_missing_header"
    with pytest.raises(InvalidArgumentError) as bad:
        client.webhooks.unwrap(d.body, d.headers, "whsec_%%%")
    assert bad.value.param == "secret"
    with pytest.raises(InvalidArgumentError) as wrong_type:
        client.webhooks.unwrap(42, d.headers, endpoint.secret)  # type: ignore[arg-type]
    assert wrong_type.value.param == "body"


async def test_the_async_client_manages_endpoints_and_unwraps(
    hook_server: Server, receiver: Receiver
) -> None:
    org = new_org(hook_server, "webhooks (python async)")
    async with AsyncClient(org.base_url, org.api_key) as client:
        created = await client.webhooks.create(url=receiver.url, event_types=["invite.created"])
        receiver.secrets = [created.secret]
        assert [e.id async for e in client.webhooks.list()] == [created.id]
        assert (await client.webhooks.get(created.id)).url == receiver.url
        updated = await client.webhooks.update(created.id, description="async")
        assert updated.description == "async"
        await client.invites.create(emails=[unique_email()], roles=["developer"])
        d = (await asyncio.to_thread(receiver.wait, 1))[0]
        _verified(d)
        # unwrap is a plain method on AsyncClient too: it sends nothing.
        event = client.webhooks.unwrap(d.body, d.headers, created.secret)
        assert event.type == "invite.created"
        rows = [r async for r in client.webhooks.deliveries(created.id)]
        deadline = time.monotonic() + 30
        while not rows and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            rows = [r async for r in client.webhooks.deliveries(created.id)]
        assert rows and rows[0].event_id == event.id
        rotated = await client.webhooks.rotate_secret(created.id)
        assert rotated.secret != created.secret
        await client.webhooks.delete(created.id)
        with pytest.raises(NotFoundError):
            await client.webhooks.get(created.id)
