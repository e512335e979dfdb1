#!/usr/bin/env bash
# Install the project into .venv and run the extractor on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
exec .venv/bin/extract run samples/ --output out/samples.jsonl "$@"
