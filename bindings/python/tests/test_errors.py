"""Every exception class, each raised by a real answer of the server (or a real network failure)."""

from __future__ import annotations

import pickle
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import invites_sdk
from invites_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Client,
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

from conftest import MAX_BODY_BYTES, RATE_LIMIT_FAILURES, Org, Server, start_server, stop_server
from conftest import unique_email as new_email


def assert_api_error(e: APIStatusError, status: int, type_: str) -> None:
    assert isinstance(e, APIStatusError) and isinstance(e, InvitesError)
    assert e.status == status
    assert e.type == type_
    assert e.message
    assert e.request_id is not None and e.request_id.startswith("req_")
    assert str(status) in str(e) and type_ in str(e) and e.request_id in str(e)


def test_bad_request(client: Client) -> None:
    with pytest.raises(BadRequestError) as e:
        client.invites.create(roles=[])  # minItems is the server's to check
    assert_api_error(e.value, 400, "invalid_request")
    assert e.value.param == "roles"
    with pytest.raises(BadRequestError) as e:
        client.invites.create(roles=["user"], ttl_seconds=5)  # so are integer ranges
    assert e.value.param == "ttl_seconds"

    with pytest.raises(BadRequestError) as e:
        client.invites.create(roles=["owner"])  # valid to the client, never invitable
    assert_api_error(e.value, 400, "invalid_request")
    assert e.value.param is not None and e.value.param.startswith("roles")

    with pytest.raises(BadRequestError) as e:
        client.invites.create(roles=["no_such_role"])
    assert_api_error(e.value, 400, "invalid_request")


def test_authentication(org: Org) -> None:
    with Client(org.base_url, "ik_not_a_key") as c, pytest.raises(AuthenticationError) as e:
        c.organizations.get()
    assert_api_error(e.value, 401, "unauthorized")


def test_permission_denied(client: Client) -> None:
    invite = client.invites.create(emails=["*@example.com"], roles=["user"])
    assert invite.code is not None
    with pytest.raises(PermissionDeniedError) as e:
        client.invites.accept(code=invite.code, email="eve@example.com.evil.org")
    assert_api_error(e.value, 403, "email_not_allowed")

    client.invites.update(invite.id, enabled=False)
    with pytest.raises(PermissionDeniedError) as e:
        client.invites.accept(code=invite.code, email=new_email())
    assert_api_error(e.value, 403, "invite_disabled")


def test_not_found(client: Client, server: Server) -> None:
    with pytest.raises(NotFoundError) as e:
        client.invites.get("inv_doesnotexist")
    assert_api_error(e.value, 404, "not_found")

    # another organization's invite is a 404 too
    other = invites_sdk.Client(server.base_url, server.admin_token).organizations.create(name="B")
    with Client(server.base_url, other.api_key) as b:
        theirs = b.invites.create(roles=["user"])
    with pytest.raises(NotFoundError):
        client.invites.get(theirs.id)


def test_conflict(client: Client) -> None:
    email = new_email()
    first = client.invites.create(emails=[email], roles=["user"])
    with pytest.raises(ConflictError) as e:
        client.invites.create(emails=[email], roles=["user"])
    assert_api_error(e.value, 409, "conflict")
    assert first.id in e.value.message

    assert first.code is not None
    client.invites.accept(code=first.code, email=email)
    with pytest.raises(ConflictError) as e:
        client.invites.accept(code=first.code, email=new_email())
    assert e.value.type in ("invite_exhausted", "email_not_allowed", "already_member")


def test_invite_exhausted(client: Client) -> None:
    invite = client.invites.create(roles=["user"], single_use=True)
    assert invite.code is not None
    client.invites.accept(code=invite.code, email=new_email())
    with pytest.raises(ConflictError) as e:
        client.invites.accept(code=invite.code, email=new_email())
    assert_api_error(e.value, 409, "invite_exhausted")


def test_gone(client: Client) -> None:
    invite = client.invites.create(roles=["user"])
    client.invites.revoke(invite.id)
    assert invite.code is not None
    with pytest.raises(GoneError) as e:
        client.invites.accept(code=invite.code, email=new_email())
    assert_api_error(e.value, 410, "invite_revoked")


def test_payload_too_large(client: Client) -> None:
    emails = [f"{'x' * 90}{i}@example.com" for i in range(1000)]
    assert len(str(emails)) > MAX_BODY_BYTES
    with pytest.raises(PayloadTooLargeError) as e:
        client.invites.create_batch(emails=emails, roles=["user"])
    assert_api_error(e.value, 413, "payload_too_large")


def test_rate_limited(org: Org) -> None:
    with Client(org.base_url, org.api_key, max_retries=0) as c:
        for _ in range(RATE_LIMIT_FAILURES):
            with pytest.raises(NotFoundError):
                c.invites.lookup("ic_wrong_code")
        with pytest.raises(RateLimitError) as e:
            c.invites.lookup("ic_wrong_code")
    assert_api_error(e.value, 429, "rate_limited")
    assert e.value.retry_after is not None and e.value.retry_after > 0


@pytest.fixture
def locked_server(server: Server, tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """A server of its own whose SQLite file the test can lock."""
    proc, base_url = start_server(
        server.binary,
        tmp_path,
        server.admin_token,
        "--db-pool-size",
        "1",
        "--db-acquire-timeout-secs",
        "1",
    )
    try:
        with Client(base_url, server.admin_token) as admin:
            key = admin.organizations.create(name="locked").api_key
        yield base_url, key, tmp_path / "t.db"
    finally:
        stop_server(proc)


def test_internal_server_error(locked_server: tuple[str, str, Path]) -> None:
    """An overloaded server answers 503 `unavailable`: a server with one database connection,
    that connection stuck behind a lock another process holds, and a second request waiting
    longer than the server's acquire timeout (1 s)."""
    base_url, key, db = locked_server
    lock = sqlite3.connect(db, timeout=0, isolation_level=None)
    stuck: list[object] = []
    with Client(base_url, key, max_retries=0, timeout=60) as c:
        try:
            lock.execute("BEGIN EXCLUSIVE")
            writer = threading.Thread(target=lambda: stuck.append(c.invites.create(roles=["user"])))
            writer.start()
            time.sleep(0.5)  # the writer now holds the only connection, waiting for the lock
            with pytest.raises(InternalServerError) as e:
                # a read that needs a connection (the organization itself is cached by now)
                c.invites.get("inv_000000000000000000000000")
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        writer.join(60)
    assert_api_error(e.value, 503, "unavailable")
    assert isinstance(e.value, APIStatusError)
    assert len(stuck) == 1  # the stuck write went through once the lock was gone


def test_connection_error_on_a_closed_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # nothing listens there any more
    with Client(f"http://127.0.0.1:{port}", "ik_x", max_retries=0) as c:
        with pytest.raises(APIConnectionError) as e:
            c.organizations.get()
    assert not isinstance(e.value, APITimeoutError)
    assert e.value.status is None
    assert e.value.type == "connection_error"
    assert "refused" in e.value.message.lower() or "connect" in e.value.message.lower()


async def test_connection_error_async() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with AsyncClient(f"http://127.0.0.1:{port}", "ik_x", max_retries=0) as c:
        with pytest.raises(APIConnectionError):
            await c.organizations.get()


def test_timeout() -> None:
    """A server that accepts and never answers: the attempt times out."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    accepted: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        with Client(f"http://127.0.0.1:{port}", "ik_x", timeout=0.5, max_retries=0) as c:
            with pytest.raises(APITimeoutError) as e:
                c.organizations.get()
    finally:
        done.set()
        t.join()
        for s in accepted:
            s.close()
        listener.close()
    assert isinstance(e.value, APIConnectionError)
    assert e.value.type == "timeout"
    assert "0.5" in e.value.message


def test_invalid_arguments_are_refused_before_sending(client: Client) -> None:
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles=["Not A Role"])
    assert isinstance(e.value, ValueError) and isinstance(e.value, BadRequestError)
    assert e.value.param == "roles"  # the top-level field, as the server names it
    assert "roles[0]" in e.value.message  # the message says which element
    assert e.value.status is None and e.value.type == "invalid_argument"

    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles=["user"], name="x" * 201)
    assert e.value.param == "name"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles="user")  # a str is a Sequence[str], but not a list of roles
    assert e.value.param == "roles"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles=["user"], max_uses=0)
    assert e.value.param == "max_uses"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles=["user"], metadata={"k": "v" * 501})
    assert e.value.param is not None and e.value.param.startswith("metadata")
    import datetime as dt

    with pytest.raises(InvalidArgumentError) as e:
        client.invites.create(roles=["user"], expires_at=dt.datetime(2099, 1, 1))  # naive
    assert e.value.param == "expires_at"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.accept(code="", email="a@b.c")
    assert e.value.param == "code"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.lookup("")
    assert e.value.param == "code"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.list(status="nope")  # type: ignore[arg-type]
    assert e.value.param == "status"
    with pytest.raises(InvalidArgumentError) as e:
        next(iter(client.invites.list(limit=0)))
    assert e.value.param == "limit"
    with pytest.raises(InvalidArgumentError) as e:
        client.invites.get("inv_x", timeout=-1)
    assert e.value.param == "timeout"
    with pytest.raises(InvalidArgumentError) as e:
        client.with_options(max_retries=-1)
    assert e.value.param == "max_retries"
    assert list(client.invites.list()) == []  # nothing was sent, nothing created


@pytest.mark.parametrize(("address", "refused_by"), [("*@", "sdk"), ("not-an-email", "server")])
def test_a_bad_value_is_a_bad_request_whoever_refuses_it(
    client: Client, address: str, refused_by: str
) -> None:
    """`except BadRequestError` catches the SDK's refusal and the server's alike, both naming
    the top-level field."""
    with pytest.raises(BadRequestError) as e:
        client.invites.create(emails=[address], roles=["user"])
    assert e.value.param == "emails"
    if refused_by == "sdk":
        assert type(e.value) is InvalidArgumentError
        assert e.value.status is None and e.value.request_id is None
        assert e.value.type == "invalid_argument"
    else:
        assert type(e.value) is BadRequestError
        assert_api_error(e.value, 400, "invalid_request")
    assert list(client.invites.list()) == []


def test_configuration_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INVITES_BASE_URL", raising=False)
    monkeypatch.delenv("INVITES_API_KEY", raising=False)
    with pytest.raises(InvalidArgumentError, match="INVITES_BASE_URL"):
        Client(api_key="k")
    with pytest.raises(InvalidArgumentError, match="INVITES_API_KEY"):
        Client("http://127.0.0.1:1")
    with pytest.raises(InvalidArgumentError, match="not a URL"):
        AsyncClient("not a url", "k")
    with pytest.raises(InvalidArgumentError) as e:
        Client("http://127.0.0.1:1", "k", timeout=0)
    assert e.value.param == "timeout"


def test_errors_pickle_and_repr(client: Client) -> None:
    with pytest.raises(NotFoundError) as e:
        client.invites.get("inv_nope")
    copy = pickle.loads(pickle.dumps(e.value))
    assert type(copy) is NotFoundError
    assert (copy.status, copy.type, copy.message, copy.request_id) == (
        e.value.status,
        e.value.type,
        e.value.message,
        e.value.request_id,
    )
    assert repr(e.value).startswith("NotFoundError(")
