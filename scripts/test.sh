#!/usr/bin/env bash
# Install the project with its test extras into .venv, make sure PostgreSQL is up, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
./scripts/ensure_postgres.sh || echo "warning: PostgreSQL not reachable; postgres tests will be skipped" >&2
exec .venv/bin/python -m pytest "$@"
