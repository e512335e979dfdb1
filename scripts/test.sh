#!/usr/bin/env bash
# The README's test command: exactly what CI runs (.ci/run installs, starts PostgreSQL, runs pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./.ci/run "$@"
