"""The examples run as written against the real server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import Org, Server

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(name: str, org: Org, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        env={**os.environ, "INVITES_BASE_URL": org.base_url, "INVITES_API_KEY": org.api_key, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_demo(org: Org) -> None:
    out = run_example("demo.py", org)
    assert "created  inv_" in out
    assert "lookup   " in out
    assert (
        "stranger mallory@evil.example refused: PermissionDeniedError 403 email_not_allowed" in out
    )
    assert "accepted " in out
    assert (
        "again    refused: ConflictError 409 already_member" in out
    )  # a member, whatever the invite
    assert "invite   now accepted" in out
    assert "members: 1" in out


def test_typed_usage(org: Org, server: Server) -> None:
    out = run_example("typed_usage.py", org, INVITES_ADMIN_TOKEN=server.admin_token)
    assert "sync:" in out and "async:" in out


def test_readme_snippet_works_as_written(org: Org) -> None:
    readme = (EXAMPLES.parent / "README.md").read_text()
    snippet = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(snippet.strip().splitlines()) == 5
    result = subprocess.run(
        [sys.executable, "-c", snippet],
        env={**os.environ, "INVITES_BASE_URL": org.base_url, "INVITES_API_KEY": org.api_key},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ada@example.com ['accepted']"
