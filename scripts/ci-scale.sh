#!/usr/bin/env bash
# CI: the query-plan and Turkish collation tests on generated content at a small scale
# (2,000 roles, 50,000 comments; makescale), on SQLite and then on PostgreSQL 15.
# Usage: scripts/ci-scale.sh   (needs the test venv: make test-fast installs it)
set -euo pipefail
cd "$(dirname "$0")/.."
export SCALE_ROLES=${SCALE_ROLES:-2000} SCALE_COMMENTS=${SCALE_COMMENTS:-50000}
TESTS=(tests/test_query_plans.py tests/test_collation.py)
echo "== query plans and collation at $SCALE_ROLES roles / $SCALE_COMMENTS comments (SQLite) =="
.venv/bin/python -m pytest "${TESTS[@]}" -q -p no:cacheprovider
echo "== the same on PostgreSQL 15 =="
scripts/with-postgres.sh .venv/bin/python -m pytest "${TESTS[@]}" -q -p no:cacheprovider
