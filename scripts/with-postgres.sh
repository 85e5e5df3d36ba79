#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 cluster on 127.0.0.1 (Debian's package).
# Usage: scripts/with-postgres.sh make test
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
bash "$(dirname "$0")/system-packages.sh" postgres
PORT=${PGPORT_TEST:-55432}
DATA=$(mktemp -d /tmp/meslek-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$DATA"
  RUNAS=(runuser -u postgres --)
fi
cleanup() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$DATA" -U meslek --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -o "-h 127.0.0.1 -p $PORT -k $DATA" -l "$DATA/log" -w start >/dev/null
export DATABASE_URL="postgres://meslek@127.0.0.1:$PORT/meslek"
"${RUNAS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U meslek meslek
"$@"
