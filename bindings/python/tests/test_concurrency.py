"""One client, many concurrent callers: asyncio tasks on AsyncClient, threads on Client."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from invites_sdk import AsyncClient, Client

from conftest import Org, set_faults, start_proxy, stop_server

CONCURRENT_CREATES = 200
THREADS = 8
CALLS_PER_THREAD = 8


async def test_200_concurrent_creates_on_one_async_client(aclient: AsyncClient) -> None:
    start = time.perf_counter()
    invites = await asyncio.gather(
        *(
            aclient.invites.create(roles=["user"], name=f"c{i}", metadata={"i": str(i)})
            for i in range(CONCURRENT_CREATES)
        )
    )
    print(f"{CONCURRENT_CREATES} concurrent creates: {time.perf_counter() - start:.3f}s")
    assert len({i.id for i in invites}) == CONCURRENT_CREATES
    assert sorted(int(i.metadata["i"]) for i in invites) == list(range(CONCURRENT_CREATES))
    listed = [i.id async for i in aclient.invites.list(limit=100)]
    assert sorted(listed) == sorted(i.id for i in invites)


def test_threads_share_one_client_and_run_in_parallel(org: Org) -> None:
    """8 threads sharing one Client finish well under 8x the time of one thread doing the same
    share of work: the GIL is released while a call waits. Every request waits 100 ms in the
    fault proxy, so the calls wait on the network rather than on this machine's busy cores.
    (Loose, it is a correctness check.)"""
    proc, proxy = start_proxy(org.base_url)
    try:
        set_faults(proxy, [{"action": "delay", "delay_ms": 100, "times": 1_000_000}])
        with Client(proxy, org.api_key) as client:
            invite = client.invites.create(roles=["user"])

            def work() -> None:
                for _ in range(CALLS_PER_THREAD):
                    assert client.invites.get(invite.id).id == invite.id

            start = time.perf_counter()
            work()
            single = time.perf_counter() - start

            barrier = threading.Barrier(THREADS)

            def worker() -> None:
                barrier.wait()
                work()

            start = time.perf_counter()
            with ThreadPoolExecutor(THREADS) as pool:
                for f in [pool.submit(worker) for _ in range(THREADS)]:
                    f.result()
            parallel = time.perf_counter() - start
    finally:
        stop_server(proc)
    ratio = parallel / single
    print(f"one thread: {single:.3f}s, {THREADS} threads: {parallel:.3f}s, ratio {ratio:.2f}")
    assert ratio < THREADS * 0.5, f"{THREADS} threads took {ratio:.2f}x one thread's time"


def test_python_threads_run_while_a_call_waits(client: Client) -> None:
    """A pure-Python thread keeps counting while the main thread is inside calls."""
    counter = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal counter
        while not stop.is_set():
            counter += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        invite = client.invites.create(roles=["user"])
        before = counter
        for _ in range(30):
            client.invites.get(invite.id)
        during = counter - before
    finally:
        stop.set()
        t.join()
    assert during > 1000


def test_ctrl_c_interrupts_a_waiting_call() -> None:
    """A sync call waiting on a server that never answers is interrupted by SIGINT at once,
    instead of waiting out its timeout."""
    # A child of a background job inherits SIGINT ignored, and Python then leaves it ignored:
    # the script takes Python's usual handler back, as an interactive process has it.
    script = """
import signal, socket, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from invites_sdk import Client
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
client = Client(f"http://127.0.0.1:{listener.getsockname()[1]}", "ik_x", timeout=60, max_retries=0)
print("calling", flush=True)
start = time.monotonic()
try:
    client.organizations.get()
except KeyboardInterrupt:
    print(f"interrupted after {time.monotonic() - start:.2f}s", flush=True)
    sys.exit(0)
sys.exit(1)
"""
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "calling"
    time.sleep(0.7)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert out.startswith("interrupted after")
    assert float(out.split()[2].rstrip("s")) < 5
