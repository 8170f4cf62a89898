"""Fixtures: one real `invites-server` per test session, on a temporary SQLite file.

The server binary comes from INVITES_SERVER_BIN (an absolute path; `cargo xtask test` and
bindings/python/test.sh set it). Each test gets an organization of its own, so tests never see
each other's invites, members or rate-limit counters.
"""

from __future__ import annotations

import json
import os
import secrets
import select
import subprocess
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from invites_sdk import AsyncClient, Client

# Failed lookups/accepts allowed per API key and window: small, so a test can reach 429.
RATE_LIMIT_FAILURES = 10
# Largest request body: small, so a test can reach 413 with a body the client accepts.
MAX_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class Server:
    base_url: str
    admin_token: str
    binary: str
    log: Path


@dataclass(frozen=True)
class Org:
    base_url: str
    api_key: str
    org_id: str


def _server_binary() -> str:
    path = os.environ.get("INVITES_SERVER_BIN")
    if not path:
        pytest.fail(
            "INVITES_SERVER_BIN is not set: run bindings/python/test.sh (or `cargo xtask test`), "
            "or set it to the absolute path of a built invites-server",
            pytrace=False,
        )
    if not os.path.isabs(path) or not os.access(path, os.X_OK):
        pytest.fail(
            f"INVITES_SERVER_BIN={path!r} is not an executable absolute path", pytrace=False
        )
    return path


def start_server(
    binary: str, workdir: Path, admin_token: str, *extra: str
) -> tuple[subprocess.Popen[str], str]:
    """Start a server on a free port and a fresh SQLite file; return it and its base URL."""
    workdir.mkdir(parents=True, exist_ok=True)
    log = open(workdir / "server.log", "w")  # kept open for the process
    proc = subprocess.Popen(
        [
            binary,
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            f"sqlite://{workdir}/t.db?mode=rwc",
            *extra,
        ],
        env={**os.environ, "INVITES_ADMIN_TOKEN": admin_token, "RUST_LOG": "warn"},
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    line = proc.stdout.readline() if ready else ""
    prefix = "listening on "
    if not line.startswith(prefix):
        proc.kill()
        proc.wait()
        log.close()
        pytest.fail(
            f"invites-server did not report `listening on ...` (got {line!r}); its log:\n"
            + (workdir / "server.log").read_text(),
            pytrace=False,
        )
    return proc, line[len(prefix) :].strip()


def start_proxy(upstream: str) -> tuple[subprocess.Popen[str], str]:
    """Start the fault proxy (`invites-faultproxy`, beside the server binary unless
    INVITES_FAULTPROXY_BIN says otherwise) in front of `upstream`; return it and its URL."""
    binary = os.environ.get("INVITES_FAULTPROXY_BIN") or str(
        Path(_server_binary()).with_name("invites-faultproxy")
    )
    if not os.access(binary, os.X_OK):
        pytest.fail(f"{binary} is missing: run `cargo build --workspace --bins`", pytrace=False)
    proc = subprocess.Popen(
        [binary, "--listen", "127.0.0.1:0", "--upstream", upstream],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        proc.kill()
        pytest.fail(f"the fault proxy did not start: {line!r}", pytrace=False)
    return proc, line.removeprefix("listening on ").strip()


def set_faults(proxy_url: str, faults: list[dict[str, object]]) -> None:
    """Replace the fault proxy's plan (and clear its request log)."""
    req = urllib.request.Request(
        f"{proxy_url}/__faults",
        data=json.dumps({"faults": faults}).encode(),
        method="PUT",
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    binary = _server_binary()
    workdir = tmp_path_factory.mktemp("server")
    admin_token = "iat_test_" + secrets.token_hex(16)
    proc, base_url = start_server(
        binary,
        workdir,
        admin_token,
        "--rate-limit-failures",
        str(RATE_LIMIT_FAILURES),
        "--max-body-bytes",
        str(MAX_BODY_BYTES),
    )
    try:
        yield Server(base_url, admin_token, binary, workdir / "server.log")
    finally:
        stop_server(proc)


def new_org(server: Server, name: str = "Acme") -> Org:
    with Client(server.base_url, server.admin_token) as admin:
        created = admin.organizations.create(name=name)
    return Org(server.base_url, created.api_key, created.organization.id)


@pytest.fixture
def org(server: Server, request: pytest.FixtureRequest) -> Org:
    """A fresh organization (and its API key) for one test."""
    return new_org(server, f"org for {request.node.name}"[:200])


@pytest.fixture
def client(org: Org) -> Iterator[Client]:
    with Client(org.base_url, org.api_key) as c:
        yield c


@pytest.fixture
async def aclient(org: Org) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(org.base_url, org.api_key) as c:
        yield c


def unique_email(domain: str = "example.com") -> str:
    return f"u{uuid.uuid4().hex[:12]}@{domain}"
