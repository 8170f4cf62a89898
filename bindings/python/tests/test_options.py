"""The options every call and client has (issue 22), translated from the Rust SDK: the request id
of a success, per-call and per-client headers, a proxy, CA roots, INVITES_LOG logging without
secrets, and secrets shortened in every model's repr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from invites_sdk import (
    AsyncClient,
    BadRequestError,
    Client,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
)

from conftest import (
    RATE_LIMIT_FAILURES,
    Org,
    Server,
    new_org,
    set_faults,
    start_proxy,
    stop_server,
)

UNKNOWN = "ic_0000000000000000000000000000000000000000"


def test_a_success_carries_its_request_id(client: Client) -> None:
    invite = client.invites.create(roles=["developer"], ttl_seconds=60)
    assert invite._request_id is not None and invite._request_id.startswith("req_")
    again = client.invites.get(invite.id)
    assert again._request_id is not None and again._request_id != invite._request_id
    page = client.invites.list().first_page()
    assert page._request_id is not None and page._request_id.startswith("req_")
    # Nested models came with their parent's answer.
    assert client.organizations.get()._request_id is not None


async def test_async_calls_carry_their_request_id(aclient: AsyncClient) -> None:
    invite = await aclient.invites.create(roles=["developer"], ttl_seconds=60)
    assert invite._request_id is not None and invite._request_id.startswith("req_")
    page = await aclient.invites.list().first_page()
    assert page._request_id is not None


def test_extra_headers_name_the_end_user(server: Server) -> None:
    org = new_org(server, "headers")
    with Client(org.base_url, org.api_key, max_retries=0) as client:
        for _ in range(RATE_LIMIT_FAILURES):
            with pytest.raises(NotFoundError):
                client.invites.lookup(UNKNOWN, extra_headers={"Invites-Forwarded-For": "u-1"})
        with pytest.raises(RateLimitError):
            client.invites.lookup(UNKNOWN, extra_headers={"Invites-Forwarded-For": "u-1"})
        # Another end user, named for every call of a derived client, is not limited (another
        # unknown code: the code itself has a limit of its own too).
        other = client.with_options(headers={"Invites-Forwarded-For": "u-2"})
        with pytest.raises(NotFoundError):
            other.invites.lookup(UNKNOWN.replace("0", "1"))
        with pytest.raises(RateLimitError):
            client.invites.lookup(
                UNKNOWN.replace("0", "2"), extra_headers={"Invites-Forwarded-For": "u-1"}
            )
        # A header that cannot be sent is refused before sending, naming `headers`.
        with pytest.raises(InvalidArgumentError) as e:
            client.organizations.get(extra_headers={"bad header": "x"})
        assert e.value.param == "headers"
        assert isinstance(e.value, BadRequestError)


def test_max_retries_per_call(org: Org) -> None:
    proc, proxy = start_proxy(org.base_url)
    try:
        set_faults(
            proxy,
            [
                {
                    "method": "GET",
                    "path": "/v1/organization",
                    "action": "respond",
                    "status": 503,
                    "times": 5,
                }
            ],
        )
        with Client(proxy, org.api_key, max_retries=0) as c:
            # The client does not retry; this call does, and gets through after two 503s.
            set_faults(
                proxy,
                [
                    {
                        "method": "GET",
                        "path": "/v1/organization",
                        "action": "respond",
                        "status": 503,
                        "times": 2,
                    }
                ],
            )
            assert c.organizations.get(max_retries=3).id == org.org_id
            set_faults(
                proxy,
                [
                    {
                        "method": "GET",
                        "path": "/v1/organization",
                        "action": "respond",
                        "status": 503,
                        "times": 1,
                    }
                ],
            )
            with pytest.raises(InternalServerError):
                c.organizations.get()
    finally:
        stop_server(proc)


def test_a_proxy_and_ca_roots(org: Org, tmp_path: Path) -> None:
    proc, proxy = start_proxy(org.base_url)
    try:
        # The base URL is a closed port: only the proxy can answer.
        with Client("http://127.0.0.1:9", org.api_key, proxy=proxy, max_retries=0) as c:
            assert c.organizations.get().id == org.org_id
    finally:
        stop_server(proc)
    with Client(org.base_url, org.api_key, ca_bundle="/etc/ssl/certs/ca-certificates.crt") as c:
        c.organizations.get()
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    with pytest.raises(InvalidArgumentError, match="PEM"):
        Client(org.base_url, org.api_key, ca_bundle=bad)
    with pytest.raises(InvalidArgumentError) as e:
        Client(org.base_url, org.api_key, ca_bundle=tmp_path / "missing.pem")
    assert e.value.param == "ca_bundle"


def test_invites_log_prints_attempts_and_no_secret(org: Org) -> None:
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo.py"
    env = {**os.environ, "INVITES_BASE_URL": org.base_url, "INVITES_API_KEY": org.api_key}
    out = subprocess.run(
        [sys.executable, str(demo)],
        env={**env, "INVITES_LOG": "info"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("invites-sdk: ")]
    assert any(
        line.startswith("invites-sdk: POST /v1/invites 201 ") and "request_id=req_" in line
        for line in lines
    ), out.stderr
    assert org.api_key not in out.stderr
    assert "ic_" not in out.stderr
    quiet = subprocess.run(
        [sys.executable, str(demo)],
        env={k: v for k, v in env.items() if k != "INVITES_LOG"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert quiet.returncode == 0, quiet.stderr
    assert "invites-sdk: " not in quiet.stderr


def test_every_secret_is_shortened_in_repr(client: Client) -> None:
    key = client.api_keys.create(name="repr check")
    assert key.secret.startswith("ik_")
    assert key.secret not in repr(key)
    assert "secret='ik_…'" in repr(key)
    invite = client.invites.create(roles=["developer"], ttl_seconds=60)
    assert invite.code is not None and invite.code not in repr(invite)
    client.api_keys.revoke(key.id)
