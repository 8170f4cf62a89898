#!/usr/bin/env bash
# The Python SDK's checks and tests, as `cargo xtask test` runs them.
#
#   INVITES_SERVER_BIN  absolute path of a built invites-server (required)
#   INVITES_VENV        the venv to use; created with `python3 -m venv` if missing
#                       (default: <repo>/target/venv)
#
# Installs the tools into that venv, builds the abi3 wheel (debug profile, into
# <repo>/target/python so it does not fight the workspace build), installs it, then runs
# ruff, mypy --strict (package, generated module, stubs, typed example, tests), the
# spec-coverage check and pytest (tests/test_webhooks.py verifies real deliveries with the
# pinned standardwebhooks reference library as well as with the SDK).
# Exits non-zero on the first failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="${INVITES_VENV:-$REPO/target/venv}"
: "${INVITES_SERVER_BIN:?set INVITES_SERVER_BIN to the absolute path of a built invites-server}"
if [[ ! -x "$INVITES_SERVER_BIN" ]]; then
  echo "INVITES_SERVER_BIN=$INVITES_SERVER_BIN is not an executable" >&2
  exit 1
fi
export INVITES_SERVER_BIN

step() { printf '\n--- python: %s\n' "$*"; }

if [[ ! -x "$VENV/bin/python" ]]; then
  step "creating venv $VENV"
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"

step "installing tools into $VENV"
"$PY" -m pip install --quiet --disable-pip-version-check \
  "maturin==1.16.0" "pytest==9.2.0" "pytest-asyncio==1.5.0" "mypy==2.4.1" "ruff==0.17.6" \
  "PyYAML==6.0.4" "types-PyYAML==6.0.12.20261122" "standardwebhooks==1.1.0"

step "building the wheel (debug profile)"
WHEELS="$REPO/target/python/wheels"
rm -rf "$WHEELS"
export CARGO_TARGET_DIR="$REPO/target/python"
"$VENV/bin/maturin" build --quiet --profile dev --interpreter "$PY" \
  --manifest-path "$HERE/Cargo.toml" --out "$WHEELS"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  "$WHEELS"/invites_sdk-*.whl
# the wheel must carry the stubs and the py.typed marker
"$PY" - <<'EOF'
import pathlib, invites_sdk
pkg = pathlib.Path(invites_sdk.__file__).parent
missing = [f for f in ("_native.pyi", "py.typed", "_errors.py", "_base.py", "_generated.py", "_mixins.py") if not (pkg / f).is_file()]
assert not missing, f"the installed wheel lacks {missing}"
assert "site-packages" in str(pkg), f"imported from {pkg}, not from the installed wheel"
print(f"installed invites_sdk {invites_sdk.__version__} at {pkg}")
EOF

cd "$HERE"
step "ruff"
"$VENV/bin/ruff" check python tests examples
"$VENV/bin/ruff" format --check python tests examples

step "mypy --strict"
"$VENV/bin/mypy" --strict python examples tests

step "spec coverage (the generated surface matches the spec)"
"$PY" -m pytest -q -p no:cacheprovider tests/test_spec_coverage.py

step "pytest against $INVITES_SERVER_BIN"
"$PY" -m pytest -p no:cacheprovider --ignore tests/test_spec_coverage.py tests
