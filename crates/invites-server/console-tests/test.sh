#!/usr/bin/env bash
# End-to-end tests of the invitations console in headless Chromium against a real invites-server.
#
#   bash crates/invites-server/console-tests/test.sh      (from any directory)
#
# INVITES_SERVER_BIN: the server binary (absolute path). When unset, the debug binary is built
# with cargo and used. Installs Debian's chromium when /usr/bin/chromium is missing (needs root,
# as in CI), then playwright-core from package-lock.json, then runs node's test runner.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  echo "console-tests: installing Debian's chromium" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
fi

if [ -z "${INVITES_SERVER_BIN:-}" ]; then
  (cd "$repo" && cargo build -p invites-server)
  export INVITES_SERVER_BIN="$repo/target/debug/invites-server"
fi
case "$INVITES_SERVER_BIN" in
  /*) ;;
  *) INVITES_SERVER_BIN="$(cd "$(dirname "$INVITES_SERVER_BIN")" && pwd)/$(basename "$INVITES_SERVER_BIN")" ;;
esac
export INVITES_SERVER_BIN
if [ ! -x "$INVITES_SERVER_BIN" ]; then
  echo "console-tests: no server binary at $INVITES_SERVER_BIN" >&2
  exit 1
fi

cd "$here"
# playwright-core only: it never downloads a browser of its own.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

exec node --test --test-concurrency=1 console.test.mjs invitee.test.mjs
