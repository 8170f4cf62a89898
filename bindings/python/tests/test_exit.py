"""The interpreter exits cleanly while calls are in flight: asyncio calls whose results arrive
during finalization, and daemon threads waiting in sync calls. Runtime threads must not touch
Python once exit begins (a thread that did would abort the process with no Python frame)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from conftest import Org, set_faults, start_proxy, stop_server

RUNS = 5

ASYNC_IN_FLIGHT = """
import asyncio
from invites_sdk import AsyncClient
loop = asyncio.new_event_loop()
client = AsyncClient()
async def start() -> list[object]:
    return [asyncio.ensure_future(client.invites.create(roles=["user"])) for _ in range(30)]
tasks = loop.run_until_complete(start())
loop.run_until_complete(asyncio.sleep(0.05))
print("exiting", flush=True)
"""

DAEMON_THREADS_IN_SYNC_CALLS = """
import threading, time
from invites_sdk import Client
client = Client()
def work() -> None:
    while True:
        client.organizations.get()
for _ in range(4):
    threading.Thread(target=work, daemon=True).start()
time.sleep(0.3)
print("exiting", flush=True)
"""


@pytest.fixture
def slow_proxy(org: Org) -> Iterator[str]:
    """The fault proxy in front of the server, holding every request 60 ms: calls are in flight
    when the scripts exit."""
    proc, url = start_proxy(org.base_url)
    set_faults(url, [{"action": "delay", "delay_ms": 60, "times": 1_000_000}])
    yield url
    stop_server(proc)


@pytest.mark.parametrize(
    "script", [ASYNC_IN_FLIGHT, DAEMON_THREADS_IN_SYNC_CALLS], ids=["asyncio", "threads"]
)
def test_exit_with_calls_in_flight(script: str, slow_proxy: str, org: Org) -> None:
    env = {**os.environ, "INVITES_BASE_URL": slow_proxy, "INVITES_API_KEY": org.api_key}
    for run in range(RUNS):
        r = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.stdout.strip() == "exiting", f"run {run}: {r.stderr}"
        assert r.returncode == 0, f"run {run}: exit status {r.returncode}\n{r.stderr}"
