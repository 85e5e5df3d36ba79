#!/usr/bin/env bash
# Regenerate the lock files requirements/*.txt from pyproject.toml's ranges (make lock).
#
#   requirements/base.txt      the site's dependencies (make run)
#   requirements/postgres.txt  ... and psycopg (production, make stack)
#   requirements/test.txt      ... and the test, browser and lint tools (make test, CI)
#   requirements/bench.txt     ... and Locust (make bench-mixed), at test.txt's versions
#
# Exact versions with every file's hash (pip installs them with --require-hashes). Each file is
# constrained by the one before, so a package has the same version in all three. Pins are kept
# unless pyproject.toml's ranges exclude them: `scripts/lock.sh --upgrade` (or
# `--upgrade-package NAME`) moves them.
#
# pip-compile resolves for the Python it runs on, dropping what a newer patch release no longer
# needs (redis wants async-timeout below 3.11.3): so it runs on the oldest Python the site
# supports, Debian 12's python3.11 (3.11.2) where there is one, and the lock then also serves
# newer ones, 3.13 included (a backport they do not need is installed and left unused).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LOCK_PYTHON:-}" ] && [ -x /usr/bin/python3.11 ]; then LOCK_PYTHON=/usr/bin/python3.11; fi
PYTHON=${LOCK_PYTHON:-${PYTHON:-python3.11}}
TOOLS=var/lock-tools
if [ -x "$TOOLS/bin/python" ] && [ "$(readlink -f "$TOOLS/bin/python")" != "$(readlink -f "$(command -v "$PYTHON")")" ]; then
  rm -rf "$TOOLS"  # made with another Python
fi
if [ ! -x "$TOOLS/bin/pip-compile" ]; then
  "$PYTHON" -m venv "$TOOLS"
  "$TOOLS/bin/pip" install --quiet "pip-tools==7.6.2"
fi
# PyPI only. A machine's pip configuration may add local indexes or find-links; a lock names
# only what any machine can fetch, so they are switched off here, and never written down.
export PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL PIP_CONSTRAINT
compile() {
  "$TOOLS/bin/pip-compile" --quiet --resolver=backtracking --generate-hashes --allow-unsafe \
    --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host "$@" pyproject.toml
}
compile "$@" -o requirements/base.txt
compile "$@" --extra postgres -c requirements/base.txt -o requirements/postgres.txt
compile "$@" --extra postgres --extra test --extra browser -c requirements/postgres.txt \
  -o requirements/test.txt
compile "$@" --extra postgres --extra bench -c requirements/test.txt -o requirements/bench.txt
"$TOOLS/bin/python" scripts/check_lock.py
