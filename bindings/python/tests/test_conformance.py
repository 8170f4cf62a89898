"""The Python runner of the shared conformance scenarios (`conformance/scenarios/*.json`).

Every scenario file runs twice, on `Client` and on `AsyncClient`, against a real server behind
the fault proxy (`invites-faultproxy`). The Rust and Node runners execute the same files; the
format is in `conformance/README.md`.
"""

from __future__ import annotations

import functools
import json
import os
import re
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import invites_sdk
from invites_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncClient,
    AsyncPager,
    Client,
    InvalidArgumentError,
    InvitesError,
    SyncPager,
    WebhookVerificationError,
)

from conftest import Server, new_org, start_proxy, start_server, stop_server

SCENARIOS: dict[str, dict[str, Any]] = {
    p.stem: json.loads(p.read_text())
    for p in sorted(
        (Path(__file__).resolve().parents[3] / "conformance" / "scenarios").glob("*.json")
    )
}
VAR = re.compile(r"^\$\{([\w+]+)\}$")


def test_there_are_scenarios() -> None:
    assert SCENARIOS, "conformance/scenarios has no files"


@pytest.fixture(scope="module")
def conformance_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with default limits, as the other runners use."""
    binary = os.environ["INVITES_SERVER_BIN"]
    workdir = tmp_path_factory.mktemp("conformance-server")
    token = "iat_conformance_python_runner_token"
    # With an email transport (files in the temp dir), so send_email and resend work.
    proc, url = start_server(binary, workdir, token, "--email-dir", str(workdir / "mail"))
    yield Server(url, token, binary, workdir / "server.log")
    stop_server(proc)


@pytest.fixture(scope="module")
def proxy(conformance_server: Server) -> Iterator[str]:
    """The fault proxy in front of the conformance server."""
    proc, url = start_proxy(conformance_server.base_url)
    yield url
    stop_server(proc)


def _control(url: str, method: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("content-type", "application/json")
    with urllib.request.urlopen(req, timeout=10) as r:
        result: dict[str, Any] = json.loads(r.read())
        return result


def substitute(value: Any, saved: dict[str, Any]) -> Any:
    if isinstance(value, str):
        m = VAR.match(value)
        if m and m.group(1).startswith("now+"):
            secs = int(m.group(1)[4:].rstrip("s"))
            return (datetime.now(timezone.utc) + timedelta(seconds=secs)).isoformat()
        return saved[m.group(1)] if m else value
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    return value


def to_plain(result: Any) -> Any:
    """A model, page or list of models as JSON-like data (None for a call that answers nothing,
    `webhooks.verify`)."""
    if result is None:
        return None
    if isinstance(result, list):
        return [to_plain(r) for r in result]
    if hasattr(result, "next_page_token") and hasattr(result, "data"):
        return {"data": to_plain(list(result.data)), "next_page_token": result.next_page_token}
    return json.loads(result.to_json())


CALLS: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[3] / "conformance" / "operations.json").read_text()
)["calls"]


def error_value(e: InvitesError) -> dict[str, Any]:
    if isinstance(e, APITimeoutError):
        kind = "timeout"
    elif isinstance(e, APIConnectionError):
        kind = "connection"
    elif isinstance(e, InvalidArgumentError):
        kind = "invalid_argument"
    elif isinstance(e, APIStatusError):
        kind = "api"
    elif isinstance(e, WebhookVerificationError):
        kind = "webhook"
    else:
        kind = "other"
    return {
        "kind": kind,
        "status": e.status,
        "type": e.type,
        "message": e.message,
        "param": e.param,
        "request_id": e.request_id,
    }


def prepare(resource: Any, call: str, args: dict[str, Any]) -> tuple[Any, bool, dict[str, Any]]:
    """The bound method for scenario call `call` (through conformance/operations.json), whether
    only the first page is wanted, and the arguments: positional ones in order, then keywords."""
    first_page = call.endswith("_page") and call not in CALLS
    entry = CALLS.get(call.removesuffix("_page") if first_page else call)
    assert entry is not None, f"unknown call {call!r}: not in conformance/operations.json"
    method = getattr(getattr(resource, entry["resource"]), entry["python"])
    kwargs = dict(args)
    positional = [kwargs.pop(name) for name in entry["positional"]]
    return functools.partial(method, *positional), first_page, kwargs


def call_sync(client: Client, call: str, args: dict[str, Any]) -> Any:
    method, first_page, kwargs = prepare(client, call, args)
    result = method(**kwargs)
    if isinstance(result, SyncPager):
        return result.first_page() if first_page else list(result)
    return result


async def call_async(client: AsyncClient, call: str, args: dict[str, Any]) -> Any:
    method, first_page, kwargs = prepare(client, call, args)
    result = method(**kwargs)
    if isinstance(result, AsyncPager):
        return await result.first_page() if first_page else [i async for i in result]
    if CALLS[call.removesuffix("_page") if first_page else call].get("local"):
        return result  # runs in the SDK without a request: a plain method on AsyncClient too
    return await result


def subset(expected: Any, actual: Any, at: str) -> None:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k, v in expected.items():
            subset(v, actual.get(k), f"{at}.{k}")
        return
    assert expected == actual, f"{at}: expected {expected!r}, got {actual!r}"


def count(value: Any) -> int:
    if isinstance(value, list):
        return len(value)
    assert isinstance(value, dict) and isinstance(value.get("data"), list), "not a list result"
    return len(value["data"])


class Step:
    """One step's settings, outcome checks and proxy bookkeeping, shared by sync and async."""

    def __init__(self, step: dict[str, Any], saved: dict[str, Any], proxy: str, i: int) -> None:
        if "sleep_ms_before" in step:
            time.sleep(step["sleep_ms_before"] / 1000)
        self.step = step
        self.saved = saved
        self.proxy = proxy
        self.at = f"step {i} ({step['call']})"
        self.args: dict[str, Any] = substitute(step.get("args", {}), saved)
        self.options: dict[str, Any] = {}
        opts = step.get("options", {})
        if "idempotency_key" in opts:
            self.options["idempotency_key"] = opts["idempotency_key"]
        if "timeout_ms" in opts:
            self.options["timeout"] = opts["timeout_ms"] / 1000
        if "max_retries" in opts:
            self.options["max_retries"] = opts["max_retries"]
        if "headers" in opts:
            self.options["headers"] = opts["headers"]
        _control(f"{proxy}/__faults", "PUT", {"faults": step.get("faults", [])})
        self.started = time.monotonic()

    def check(self, result: Any, error: InvitesError | None) -> None:
        elapsed_ms = (time.monotonic() - self.started) * 1000
        log: list[dict[str, Any]] = _control(f"{self.proxy}/__faults/log", "GET")["requests"]
        expect: dict[str, Any] = substitute(self.step.get("expect", {}), self.saved)
        if "error" in expect:
            assert error is not None, f"{self.at}: expected an error, got {result!r}"
            want = dict(expect["error"])
            if want.get("request_id") == "last":
                want["request_id"] = log[-1]["request_id"] if log else None
            cls = want.pop("class", None)
            if cls is not None:  # an instance of that class (or of a subclass)
                assert isinstance(error, getattr(invites_sdk, cls)), (
                    f"{self.at}: {type(error).__name__} is not a {cls}"
                )
            subset(want, error_value(error), self.at)
        else:
            assert error is None, f"{self.at}: unexpected error {error_value(error)}"
            value = to_plain(result)
            if expect.get("request_id") == "last":
                last = log[-1]["request_id"] if log else None
                got = getattr(result, "_request_id", None)
                assert last is not None and got == last, (
                    f"{self.at}: the answer's request id {got!r} is not the proxy's {last!r}"
                )
            if "ok" in expect:
                subset(expect["ok"], value, self.at)
            if "count" in expect:
                assert count(value) == expect["count"], (
                    f"{self.at}: expected {expect['count']} items, got {count(value)}"
                )
            for field in expect.get("absent", []):
                assert value.get(field) is None, f"{self.at}: `{field}` must not be in the result"
            for var, field in self.step.get("save", {}).items():
                assert field in value, f"{self.at}: no `{field}` to save"
                self.saved[var] = value[field]
        if "min_elapsed_ms" in self.step:
            assert elapsed_ms >= self.step["min_elapsed_ms"], (
                f"{self.at}: returned after {elapsed_ms:.0f} ms"
            )
        for name, want in self.step.get("sent_headers", {}).items():
            got = log[-1]["headers"].get(name) if log else None
            assert got == want, f"{self.at}: the last request carried {name}: {got!r}, not {want!r}"
        for key, n in self.step.get("requests", {}).items():
            seen = sum(1 for r in log if f"{r['method']} {r['path']}" == key)
            assert seen == n, f"{self.at}: expected {n} request(s) `{key}`, the proxy saw {seen}"


def client_args(scenario: dict[str, Any], key: str) -> dict[str, Any]:
    conf = scenario.get("client", {})
    kwargs: dict[str, Any] = {"api_key": conf.get("api_key", key)}
    if "max_retries" in conf:
        kwargs["max_retries"] = conf["max_retries"]
    if "timeout_ms" in conf:
        kwargs["timeout"] = conf["timeout_ms"] / 1000
    return kwargs


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_sync(name: str, conformance_server: Server, proxy: str) -> None:
    scenario = SCENARIOS[name]
    key = new_org(conformance_server, f"conformance {scenario['name']} (python sync)").api_key
    saved: dict[str, Any] = {}
    with Client(proxy, **client_args(scenario, key)) as client:
        for i, raw in enumerate(scenario["steps"]):
            step = Step(raw, saved, proxy, i)
            c = client.with_options(**step.options) if step.options else client
            try:
                result, error = call_sync(c, raw["call"], step.args), None
            except InvitesError as e:
                result, error = None, e
            step.check(result, error)


@pytest.mark.parametrize("name", SCENARIOS)
async def test_scenario_async(name: str, conformance_server: Server, proxy: str) -> None:
    scenario = SCENARIOS[name]
    key = new_org(conformance_server, f"conformance {scenario['name']} (python async)").api_key
    saved: dict[str, Any] = {}
    async with AsyncClient(proxy, **client_args(scenario, key)) as client:
        for i, raw in enumerate(scenario["steps"]):
            step = Step(raw, saved, proxy, i)
            c = client.with_options(**step.options) if step.options else client
            try:
                result, error = await call_async(c, raw["call"], step.args), None
            except InvitesError as e:
                result, error = None, e
            step.check(result, error)
