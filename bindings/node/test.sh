#!/usr/bin/env bash
# The Node suite, as `cargo xtask test` runs it: install the npm dev dependencies from the
# committed lockfile, build the addon (debug, into <repo>/target/node), type-check the typed
# examples with tsc --strict, then run the node:test suites (spec coverage included) against the
# real server given by INVITES_SERVER_BIN (absolute path of a built invites-server). Whether the
# generated files (operations.js, index.mjs, index.d.ts) match the spec is
# `cargo xtask regen --check`, which CI runs as a step of its own.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

if [[ -z "${INVITES_SERVER_BIN:-}" ]]; then
  echo "test.sh: set INVITES_SERVER_BIN to the absolute path of a built invites-server" >&2
  echo "         (cargo build -p invites-server && INVITES_SERVER_BIN=$repo/target/debug/invites-server $0)" >&2
  exit 2
fi
if [[ "$INVITES_SERVER_BIN" != /* || ! -x "$INVITES_SERVER_BIN" ]]; then
  echo "test.sh: INVITES_SERVER_BIN=$INVITES_SERVER_BIN is not an absolute path to an executable" >&2
  exit 2
fi
export INVITES_SERVER_BIN

step() { echo; echo "==> node: $*"; }

step "npm ci (dev dependencies from package-lock.json; the package has no install script)"
npm ci --no-audit --no-fund --loglevel=error

step "build the addon (npm run build:debug, into target/node)"
npm run --silent build:debug

step "tsc --noEmit --strict on the typed examples (ESM and CommonJS)"
npx --no-install tsc -p tsconfig.json
echo "typed examples compile"

step "node --test"
node --test --test-reporter=spec --test-reporter-destination=stdout test/*.test.mjs
