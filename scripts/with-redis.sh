#!/usr/bin/env bash
# Run a command with a throwaway Redis on 127.0.0.1 (Debian's redis-server) as the cache.
# Usage: scripts/with-redis.sh make test      (and with PostgreSQL: scripts/with-postgres.sh
# scripts/with-redis.sh make test). Port: $REDIS_PORT_TEST (default 56379).
set -euo pipefail
bash "$(dirname "$0")/system-packages.sh" redis
PORT=${REDIS_PORT_TEST:-56379}
DIR=$(mktemp -d /tmp/meslek-redis.XXXXXX)
cleanup() {
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  for _ in $(seq 1 50); do [ -f "$DIR/redis.pid" ] || break; sleep 0.1; done
  rm -rf "$DIR"
}
trap cleanup EXIT
redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$DIR/redis.pid" \
  --logfile "$DIR/log" --dir "$DIR" --save '' --appendonly no
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
export REDIS_URL="redis://127.0.0.1:$PORT/0"
"$@"
