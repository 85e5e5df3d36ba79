#!/usr/bin/env bash
# The non-browser suite once per clock (tests/conftest.py: TEST_CLOCK), the clocks side by side:
# each run is one process on one core, so two clocks take the time of one on a 2-core machine.
# Each run has its own SQLite test database (DJANGO_VAR_DIR) and its own Redis port for
# tests/test_api_redis.py; their output is printed whole, one run after the other.
#   scripts/test-midnight.sh 2026-12-03T23:30:00Z 2026-12-31T21:30:00Z
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
i=0
for clock in "$@"; do
    mkdir -p "$work/$i"
    TEST_CLOCK=$clock DJANGO_VAR_DIR=$work/$i API_REDIS_PORT_TEST=$((23379 + 10 * i)) \
        $PY -m pytest -m "not browser" -q -p no:cacheprovider >"$work/$i.log" 2>&1 &
    pids+=($!)
    i=$((i + 1))
done
status=0
i=0
for clock in "$@"; do
    if wait "${pids[$i]}"; then result=passed; else result=FAILED; status=1; fi
    echo "== TEST_CLOCK=$clock: $result"
    cat "$work/$i.log"
    i=$((i + 1))
done
pids=()
exit $status
