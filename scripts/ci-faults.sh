#!/usr/bin/env bash
# Fault tests (tests/faults): the site under gunicorn with production settings while real
# services fail: PostgreSQL 15 stopped and restarted, Redis stopped, a SQLite write lock held,
# a mail server that never answers. Installs what they need (as root), then runs them; every
# server a test starts is stopped by the test itself, also when it fails.
# Ports: FAULTS_PORT_BASE (21000) upwards on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ]; then
  missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
.venv/bin/python -m pytest -m faults tests/faults -q -p no:cacheprovider "$@"
