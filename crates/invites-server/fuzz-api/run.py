"""Run schemathesis against a live invites-server; see test.sh.

Starts the server on port 0 with a temp SQLite file, creates an organization with the admin token,
seeds invites in every state (their codes and ids reach the generated requests through hooks.py),
runs schemathesis with a fixed seed and the checks below, then prints which documented statuses
each operation answered. Exits non-zero when a check failed, the server logged an internal error
or panic, or the server died.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import yaml

# Every check schemathesis has (`--checks all`), configured in the schemathesis.toml run()
# writes:
# - positive_data_acceptance also accepts 410: `invite_revoked` / `invite_expired` answer the
#   state of the seeded invites (like 404 and 409, which it accepts by default), not the request.
#   Rules a JSON schema cannot state (roles must be the organization's, expires_at in the future
#   and at most a year ahead for a public link, page tokens the server issued, well-formed and
#   visible addresses, one of expires_at/ttl_seconds/never_expires) are said in the spec's
#   descriptions, and hooks.py keeps generated values within them (swapping a valid value for
#   another valid one), so schema-valid requests are accepted.
# - use_after_free is excluded (`--exclude-checks`): DELETE /v1/invites/{id} revokes (the spec says so: the invite stays
#   readable with status `revoked`); it is not a delete, so a 200 afterwards is right.
# - the examples phase is not run: it joins every property's example into one body, which gives
#   createInvite both `ttl_seconds` and `expires_at` (refused, as the spec says) and runs before
#   any hook can keep a case within the rules; coverage, fuzzing and stateful run every check.
POSITIVE_STATUSES = ["2xx", "3xx", "401", "403", "404", "409", "410", "429"]

SERVER_ARGS = [
    # The default body limit (1 MiB) stays: schemathesis counts a 413 for an over-long list as
    # "schema-violating request accepted"; 413 is covered by tests/limits.rs instead.
    # Per key: high, so random codes do not lock the key for the whole run; per code: the
    # default (10), which the seeded restricted invite reaches (429).
    "--rate-limit-failures", "1000",
    # Webhook URLs on the loopback discard port (see hooks.py), without DNS lookups.
    "--webhook-allow-insecure",
]


def log(msg: str) -> None:
    print(f"fuzz-api: {msg}", flush=True)


def call(base: str, method: str, path: str, token: str, body: object | None = None) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def must(base: str, method: str, path: str, token: str, body: object | None = None, want: int = 200) -> dict:
    status, v = call(base, method, path, token, body)
    if status != want:
        raise SystemExit(f"fuzz-api: seeding {method} {path} answered {status} {v}")
    return v


def seed(base: str, admin: str) -> tuple[str, dict]:
    org = must(base, "POST", "/v1/organizations", admin, {"name": "fuzz"}, 201)
    key = org["api_key"]
    inv = lambda body: must(base, "POST", "/v1/invites", key, body, 201)  # noqa: E731
    public = inv({"roles": ["user"], "ttl_seconds": 86400, "name": "public"})
    restricted = inv({"roles": ["developer"], "emails": ["ada@example.com"], "name": "restricted"})
    domain = inv({"roles": ["user"], "emails": ["*@example.org"], "max_uses": 1000})
    disabled = inv({"roles": ["user"], "emails": ["dis@example.com"], "enabled": False})
    revoked = inv({"roles": ["user"], "ttl_seconds": 3600})
    must(base, "DELETE", f"/v1/invites/{revoked['id']}", key)
    exhausted = inv({"roles": ["user"], "ttl_seconds": 3600, "single_use": True})
    member = must(
        base, "POST", "/v1/invites/accept", key,
        {"code": exhausted["code"], "email": "first@example.net", "user_id": "u1"}, 201,
    )
    batch = must(
        base, "POST", "/v1/invites/batch", key,
        {"roles": ["viewer"], "emails": ["b1@example.com", "b2@example.com"]}, 201,
    )
    # Invites whose ids the hooks hand out (to PATCH, DELETE, rotate): others than those whose
    # codes they hand out, so that revoking or rotating them leaves the codes working.
    by_id = [
        inv({"roles": ["user"], "ttl_seconds": 86400, "name": f"by id {i}"}) for i in range(3)
    ] + [inv({"roles": ["user"], "emails": ["id@example.com"], "enabled": False})]
    # Webhook endpoints whose ids the hooks hand out (on the discard port: deliveries fail
    # at once and are retried in the background).
    endpoints = [
        must(base, "POST", "/v1/webhook_endpoints", key, {"url": f"http://127.0.0.1:9/seed{i}"}, 201)
        for i in range(2)
    ]
    # A page token the server issued (tokens name a position, so one fits every list).
    page = must(base, "GET", "/v1/invites?limit=1", key)
    seeds = {
        "page_tokens": [page["next_page_token"]],
        "codes": [
            public["code"], restricted["code"], domain["code"], disabled["code"],
            revoked["code"], exhausted["code"], batch["data"][0]["code"],
        ],
        "emails": ["ada@example.com", "x@example.org", "dis@example.com", "b1@example.com", "first@example.net"],
        "invite_ids": [i["id"] for i in by_id] + [revoked["id"], exhausted["id"]],
        "member_ids": [member["id"]],
        "endpoint_ids": [e["id"] for e in endpoints],
        "roles": ["user", "developer", "viewer", "admin", "billing"],
    }
    return key, seeds


def operations(spec: dict) -> list[tuple[str, str, re.Pattern[str], set[str]]]:
    ops = []
    for path, item in spec["paths"].items():
        rx = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method, op in item.items():
            if method in ("get", "post", "patch", "delete", "put"):
                ops.append((op["operationId"], method.upper(), rx, set(op["responses"].keys())))
    # Literal paths before templated ones (/v1/invites/lookup before /v1/invites/{invite_id}).
    ops.sort(key=lambda o: "[^/]+" in o[2].pattern)
    return ops


def coverage(spec: dict, har_path: str) -> tuple[int, list[str]]:
    with open(har_path) as f:
        har = json.load(f)
    ops = operations(spec)
    seen: dict[str, dict[str, int]] = {o[0]: {} for o in ops}
    total = 0
    for entry in har["log"]["entries"]:
        url = entry["request"]["url"]
        path = urllib.parse.urlsplit(url).path
        method = entry["request"]["method"].upper()
        status = str(entry["response"]["status"])
        for op_id, m, rx, _ in ops:
            if m == method and rx.match(path):
                seen[op_id][status] = seen[op_id].get(status, 0) + 1
                total += 1
                break
    lines = []
    for op_id, _, _, documented in ops:
        got = seen[op_id]
        hit = sorted(s for s in documented if s in got)
        miss = sorted(documented - set(got))
        extra = sorted(s for s in got if s not in documented)
        n = sum(got.values())
        line = f"  {op_id:22} {n:5} requests  seen {','.join(hit) or '-'}"
        if miss:
            line += f"  not seen {','.join(miss)}"
        if extra:
            line += f"  UNDOCUMENTED {','.join(extra)}"
        lines.append(line)
    return total, lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True)
    ap.add_argument("--schemathesis", required=True)
    ap.add_argument("--max-examples", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    server_bin = os.environ["INVITES_SERVER_BIN"]
    with open(args.spec) as f:
        spec = yaml.safe_load(f)

    work = tempfile.mkdtemp(prefix="invites-fuzz-api-")
    admin = "iat_" + secrets.token_hex(20)
    server_log = os.path.join(work, "server.log")
    env = dict(os.environ, INVITES_ADMIN_TOKEN=admin)
    env.pop("INVITES_PUBLIC_URL", None)
    with open(server_log, "w") as log_file:
        server = subprocess.Popen(
            [server_bin, "--listen", "127.0.0.1:0", "--database-url",
             f"sqlite://{os.path.join(work, 'invites.db')}", *SERVER_ARGS,
             # An email transport, so send_email: true, inviter and resendInvite are accepted.
             "--email-dir", os.path.join(work, "mail")],
            stdout=subprocess.PIPE, stderr=log_file, stdin=subprocess.DEVNULL, env=env, text=True,
        )
    try:
        line = server.stdout.readline() if server.stdout else ""
        if not line.startswith("listening on "):
            log(f"the server did not start: {line!r}")
            print(open(server_log).read())
            return 1
        base = line.split()[-1]
        log(f"server at {base}, data in {work}")
        key, seeds = seed(base, admin)
        seeds_path = os.path.join(work, "seeds.json")
        with open(seeds_path, "w") as f:
            json.dump(seeds, f)
        config = os.path.join(work, "schemathesis.toml")
        with open(config, "w") as f:
            f.write(
                'headers = { Authorization = "Bearer ${FUZZ_API_KEY}" }\n'
                "[checks.positive_data_acceptance]\n"
                f"expected-statuses = {json.dumps(POSITIVE_STATUSES)}\n"

                "[[operations]]\n"
                'include-operation-id = "createOrganization"\n'
                'headers = { Authorization = "Bearer ${FUZZ_ADMIN_TOKEN}" }\n'
            )
        report_dir = os.path.join(work, "report")
        cmd = [
            args.schemathesis, "--config-file", config, "run", args.spec,
            "--url", base,
            "--checks", "all",
            "--exclude-checks", "use_after_free",
            "--phases", "coverage,fuzzing,stateful",
            "--max-examples", str(args.max_examples),
            "--seed", str(args.seed),
            # One worker: with two, CPython 3.11.7's compile() (hypothesis reading lambda
            # sources) raced between threads: "SystemError: AST constructor recursion depth
            # mismatch" (CPython gh-106905, fixed in 3.11.8), failing the run outside our code.
            "--workers", "1",
            "--request-timeout", "30",
            "--max-failures", "50",
            "--report", "har", "--report-dir", report_dir,
        ]
        run_env = dict(
            os.environ,
            FUZZ_API_KEY=key,
            FUZZ_ADMIN_TOKEN=admin,
            FUZZ_API_SEEDS=seeds_path,
            SCHEMATHESIS_HOOKS="hooks",
            PYTHONPATH=os.path.dirname(os.path.abspath(__file__)),
        )
        log(f"schemathesis: --checks all; {args.max_examples} examples per "
            f"operation; seed {args.seed}")
        started = time.monotonic()
        # In the temp dir: schemathesis keeps a cache (.schemathesis/) in its working directory.
        result = subprocess.run(cmd, env=run_env, cwd=work)
        took = time.monotonic() - started
        failed = result.returncode != 0
        if server.poll() is not None:
            log(f"the server died (exit {server.returncode})")
            failed = True
        har = sorted(glob.glob(os.path.join(report_dir, "har-*.json")))
        if har:
            total, lines = coverage(spec, har[-1])
            log(f"{total} requests in {took:.0f} s; documented statuses per operation:")
            print("\n".join(lines))
            if any("UNDOCUMENTED" in x for x in lines):
                log("a status the spec does not document was answered")
                failed = True
        else:
            log("no HAR report written")
            failed = True
        server_text = open(server_log).read()
        for bad in ("internal error", "panicked", "ERROR"):
            if bad in server_text:
                log(f"the server log has {bad!r}:")
                print("\n".join(x for x in server_text.splitlines() if bad in x)[:4000])
                failed = True
        if admin in server_text or key in server_text or any(c in server_text for c in seeds["codes"]):
            log("a secret appears in the server log")
            failed = True
        log("FAILED" if failed else "ok")
        return 1 if failed else 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
