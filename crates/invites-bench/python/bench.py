"""Python rows of `cargo xtask bench`: the `invites_sdk` wheel against a client that
openapi-python-client generated from spec/invites.yaml (httpx), on the same server.

Run by xtask/src/bench.rs inside a temporary venv that holds both. Each subcommand prints one
JSON object as its last stdout line.

  bench.py calls  --url U --key K --invite-id ID --gen DIR   sync and 256-in-flight async getInvite
  bench.py import --gen DIR                                    import time, ours vs the generated client
  bench.py list   --url U --key K                              every invite through auto-pagination
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time


def stats(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def peer_modules(gen: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, gen)
    import httpx
    from invites_api_client import AuthenticatedClient
    from invites_api_client.api.invites import get_invite
    from invites_api_client.models import Invite

    return httpx, AuthenticatedClient, get_invite, Invite


def sync_rounds(args: argparse.Namespace) -> tuple[list[float], list[float]]:
    from invites_sdk import Client

    httpx, AuthenticatedClient, get_invite, Invite = peer_modules(args.gen)
    ours = Client(args.url, args.key, max_retries=0)
    # a timeout as generous as ours (60 s) so a loaded machine measures speed, not timeouts
    peer = AuthenticatedClient(base_url=args.url, token=args.key, timeout=httpx.Timeout(60.0))
    invite_id = args.invite_id

    def run_ours() -> None:
        for _ in range(args.calls):
            invite = ours.invites.get(invite_id)
            assert invite.id == invite_id

    def run_peer() -> None:
        for _ in range(args.calls):
            invite = get_invite.sync(invite_id, client=peer)
            assert isinstance(invite, Invite) and invite.id == invite_id

    # warm both connection pools and code paths
    for _ in range(50):
        ours.invites.get(invite_id)
        get_invite.sync(invite_id, client=peer)
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.rounds):
        for fn, out in ((run_ours, a), (run_peer, b)):
            t = time.perf_counter()
            fn()
            out.append(args.calls / (time.perf_counter() - t))
    ours.close()
    return a, b


async def async_rounds(args: argparse.Namespace) -> tuple[list[float], list[float]]:
    from invites_sdk import AsyncClient

    httpx, AuthenticatedClient, get_invite, Invite = peer_modules(args.gen)
    inflight = args.inflight
    ours = AsyncClient(args.url, args.key, max_retries=0)
    # One shared httpx.AsyncClient whose pool admits every call in flight, like ours (reqwest's
    # pool is unbounded); on this kind of machine that beat httpx's default of 100 connections.
    width = args.peer_connections or inflight
    limits = httpx.Limits(max_connections=width, max_keepalive_connections=width)
    peer = AuthenticatedClient(base_url=args.url, token=args.key)
    peer.set_async_httpx_client(
        httpx.AsyncClient(
            base_url=args.url,
            headers={"Authorization": f"Bearer {args.key}"},
            limits=limits,
            timeout=httpx.Timeout(60.0),
        )
    )
    invite_id = args.invite_id
    total = args.calls

    async def drive(call) -> float:  # type: ignore[no-untyped-def]
        # `inflight` workers share `total` calls: `inflight` requests are always outstanding.
        left = [total]

        async def worker() -> None:
            while left[0] > 0:
                left[0] -= 1
                await call()

        t = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(inflight)))
        return total / (time.perf_counter() - t)

    async def call_ours() -> None:
        invite = await ours.invites.get(invite_id)
        assert invite.id == invite_id

    async def call_peer() -> None:
        invite = await get_invite.asyncio(invite_id, client=peer)
        assert isinstance(invite, Invite) and invite.id == invite_id

    # warm up: open the connections on both sides
    await asyncio.gather(*(call_ours() for _ in range(inflight)))
    await asyncio.gather(*(call_peer() for _ in range(inflight)))
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.rounds):
        a.append(await drive(call_ours))
        b.append(await drive(call_peer))
    await peer.get_async_httpx_client().aclose()
    await ours.close()
    return a, b


def calls(args: argparse.Namespace) -> dict[str, object]:
    sync_ours, sync_peer = sync_rounds(args)
    args.calls = args.async_calls
    async_ours, async_peer = asyncio.run(async_rounds(args))
    return {
        "sync_ours": stats(sync_ours),
        "sync_peer": stats(sync_peer),
        "async_ours": stats(async_ours),
        "async_peer": stats(async_peer),
    }


def import_time(args: argparse.Namespace) -> dict[str, object]:
    """Seconds to import each client in a fresh interpreter (the interpreter's own start excluded)."""
    ours_code = "import invites_sdk"
    peer_code = (
        f"import sys; sys.path.insert(0, {args.gen!r}); "
        "from invites_api_client import AuthenticatedClient; "
        "from invites_api_client.api.invites import get_invite"
    )
    probe = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    a: list[float] = []
    b: list[float] = []
    for _ in range(args.runs):
        for code, out in ((ours_code, a), (peer_code, b)):
            text = subprocess.check_output([sys.executable, "-c", probe.format(code=code)])
            out.append(float(text.decode().strip()) * 1e3)
    return {"ours_ms": stats(a), "peer_ms": stats(b)}


def list_all(args: argparse.Namespace) -> dict[str, object]:
    from invites_sdk import Client

    client = Client(args.url, args.key)
    t = time.perf_counter()
    n = 0
    for invite in client.invites.list(limit=100):
        assert invite.id
        n += 1
    seconds = time.perf_counter() - t
    # Linux reports ru_maxrss in KiB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"items": n, "seconds": seconds, "peak_rss_kib": peak}


def main() -> None:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("calls")
    c.add_argument("--url", required=True)
    c.add_argument("--key", required=True)
    c.add_argument("--invite-id", required=True)
    c.add_argument("--gen", required=True)
    c.add_argument("--calls", type=int, default=1000)
    c.add_argument("--async-calls", type=int, default=2560)
    c.add_argument("--inflight", type=int, default=256)
    c.add_argument("--rounds", type=int, default=5)
    c.add_argument(
        "--peer-connections", type=int, default=0, help="httpx pool size (default: --inflight)"
    )
    i = sub.add_parser("import")
    i.add_argument("--gen", required=True)
    i.add_argument("--runs", type=int, default=7)
    ls = sub.add_parser("list")
    ls.add_argument("--url", required=True)
    ls.add_argument("--key", required=True)
    args = p.parse_args()
    out = {"calls": calls, "import": import_time, "list": list_all}[args.cmd](args)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
