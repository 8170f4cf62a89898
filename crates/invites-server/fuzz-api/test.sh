#!/usr/bin/env bash
# Conformance fuzzing of the live server against spec/invites.yaml with schemathesis, as
# `cargo xtask test` runs it.
#
#   INVITES_SERVER_BIN  absolute path of a built invites-server (default: builds the debug one)
#   INVITES_VENV        the venv to use; created with `python3 -m venv` if missing
#                       (default: <repo>/target/venv)
#   FUZZ_API_MAX_EXAMPLES / FUZZ_API_SEED   the budget and the seed (default 60 and 20261127)
#
# run.py starts its own server (port 0, a temp SQLite file), creates an organization with the
# admin token, seeds invites in every state, runs schemathesis with a fixed seed, prints which
# documented statuses were seen, and fails on any failed check or any 5xx.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
venv="${INVITES_VENV:-$repo/target/venv}"

if [[ -z "${INVITES_SERVER_BIN:-}" ]]; then
  (cd "$repo" && cargo build --quiet -p invites-server)
  INVITES_SERVER_BIN="$repo/target/debug/invites-server"
fi
if [[ ! -x "$INVITES_SERVER_BIN" ]]; then
  echo "fuzz-api: INVITES_SERVER_BIN=$INVITES_SERVER_BIN is not an executable" >&2
  exit 1
fi
export INVITES_SERVER_BIN

if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==4.32.5"

exec "$venv/bin/python" "$here/run.py" \
  --spec "$repo/spec/invites.yaml" \
  --schemathesis "$venv/bin/schemathesis" \
  --max-examples "${FUZZ_API_MAX_EXAMPLES:-60}" \
  --seed "${FUZZ_API_SEED:-20261127}"
