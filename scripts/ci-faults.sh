#!/usr/bin/env bash
# Fault tests (tests/faults): the site under gunicorn with production settings while real
# services fail: PostgreSQL 15 stopped and restarted, Redis stopped, a SQLite write lock held,
# a mail server that never answers. Installs what they need (scripts/system-packages.sh), then
# runs them; every server a test starts is stopped by the test itself, also when it fails.
# Ports: FAULTS_PORT_BASE (21000) upwards on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh faults
.venv/bin/python -m pytest -m faults tests/faults -q -p no:cacheprovider "$@"
