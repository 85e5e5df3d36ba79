#!/usr/bin/env bash
# A production-like Meslek Rehberi on 127.0.0.1, from Debian packages and PyPI:
# PostgreSQL 15, Redis, two gunicorn app servers, nginx serving /static/ and /media/,
# Varnish (with xkey) in front of them all, and a job worker (manage.py jobs: purges, mail),
# holding the demo content.
#
#   scripts/stack.sh start    # (make stack) prints "front: ..." and "app: ..." lines
#   scripts/stack.sh stop     # (make stack-stop) stops every process it started, by pid file
#   scripts/stack.sh status
#   scripts/stack.sh start-front   # Varnish alone again (the fault tests stop it)
#   scripts/stack.sh start-worker  # the job worker alone again (the tests kill it)
#   scripts/stack.sh start-apps    # the app servers that are not running (a crash test kills one)
#   scripts/stack.sh start-redis   # Redis alone again (a fault test restarts it)
#
# Everything lives in $STACK_DIR (var/stack); the environment the app servers run with is
# written to $STACK_ENV_FILE (var/stack.env): `set -a; . var/stack.env; set +a` and then
# `.venv/bin/python manage.py createsuperuser` works against the stack. Data is kept between
# runs (the demo content is loaded only into an empty database); delete $STACK_DIR to start
# afresh. Ports (all overridable): front 20080, Varnish admin 20082, apps 20801 20802,
# Redis 20379, PostgreSQL 20432, file server 20090.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
STACK_DIR=$(realpath -m "${STACK_DIR:-var/stack}")
STACK_ENV_FILE=$(realpath -m "${STACK_ENV_FILE:-var/stack.env}")
FRONT_PORT=${STACK_FRONT_PORT:-20080}
ADMIN_PORT=${STACK_ADMIN_PORT:-20082}
APP_PORTS=(${STACK_APP_PORTS:-20801 20802})
REDIS_PORT=${STACK_REDIS_PORT:-20379}
PG_PORT=${STACK_PG_PORT:-20432}
FILES_PORT=${STACK_FILES_PORT:-20090}
WORKERS=${STACK_WORKERS:-2}
# Proxies in front of the apps whose X-Forwarded-For entry is believed: Varnish (1); the mixed
# benchmark adds its load generator as the visitors' own proxy (2), so each visitor has an address.
TRUSTED=${STACK_TRUSTED_PROXIES:-1}
PGBIN=/usr/lib/postgresql/15/bin
RUN=$STACK_DIR/run
LOGS=$STACK_DIR/logs
RUNAS=()
[ "$(id -u)" = "0" ] && RUNAS=(runuser -u postgres --)

need_packages() { bash "$ROOT/scripts/system-packages.sh" stack; }

wait_port() {  # wait_port PORT NAME [SECONDS]: until something accepts connections there
  for _ in $(seq 1 $((${3:-15} * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not start on port $1 (logs: $LOGS)" >&2
  return 1
}

# A process that was killed stays a zombie until its parent (init, for a daemon) reaps it, and
# a zombie answers `kill -0`: it is not running.
alive() {
  local pid
  pid=$(cat "$1" 2>/dev/null) && kill -0 "$pid" 2>/dev/null \
    && ! grep -qE '^[0-9]+ \(.*\) Z' "/proc/$pid/stat" 2>/dev/null
}

write_env() {
  [ -f "$STACK_DIR/secret_key" ] || (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$STACK_DIR/secret_key")
  local fronts="http://127.0.0.1:$FRONT_PORT"
  mkdir -p "$(dirname "$STACK_ENV_FILE")"
  (umask 077; cat >"$STACK_ENV_FILE" <<EOF
DJANGO_ENV=production
DJANGO_SECRET_KEY=$(cat "$STACK_DIR/secret_key")
DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
DJANGO_SECURE_SSL_REDIRECT=0
DJANGO_VAR_DIR=$STACK_DIR/var
DJANGO_STATIC_ROOT=$STACK_DIR/static
DJANGO_MEDIA_ROOT=$STACK_DIR/media
DATABASE_URL=postgres://meslek@127.0.0.1:$PG_PORT/meslek
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
SITE_URL=http://127.0.0.1:$FRONT_PORT
FRONT_CACHE_URLS=$fronts
TRUSTED_PROXIES=$TRUSTED
EOF
  )
}

start_postgres() {
  if [ ! -f "$STACK_DIR/pg/PG_VERSION" ]; then
    mkdir -p "$STACK_DIR/pg"
    [ "$(id -u)" = "0" ] && chown postgres "$STACK_DIR/pg"
    "${RUNAS[@]}" "$PGBIN/initdb" -D "$STACK_DIR/pg" -U meslek --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$LOGS/initdb.log"
  fi
  if ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$STACK_DIR/pg" status >/dev/null 2>&1; then
    STARTED+=(postgres)
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$STACK_DIR/pg" -l "$STACK_DIR/pg/log" -w \
      -o "-h 127.0.0.1 -p $PG_PORT -k $STACK_DIR/pg -c max_connections=200" start >/dev/null
  fi
  "${RUNAS[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U meslek -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='meslek'" | grep -q 1 \
    || "${RUNAS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U meslek meslek
}

start_redis() {
  alive "$RUN/redis.pid" && return
  STARTED+=(redis)
  # volatile-ttl: under memory pressure the page entries (which expire) go first, and a page
  # always expires before the invalidation marker that outdates it (careers/site/pagecache/markers.py).
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --dir "$STACK_DIR" \
    --save '' --appendonly no --maxmemory 256mb --maxmemory-policy volatile-ttl
  wait_port "$REDIS_PORT" Redis
}

prepare_site() {
  set -a; . "$STACK_ENV_FILE"; set +a
  mkdir -p "$DJANGO_MEDIA_ROOT" "$DJANGO_VAR_DIR"
  "$PY" manage.py migrate --noinput -v0
  "$PY" manage.py loaddemo -v0
  "$PY" manage.py collectstatic --noinput -v0
}

start_apps() {
  local name port
  for i in "${!APP_PORTS[@]}"; do
    port=${APP_PORTS[$i]}
    name=app-$((i + 1))
    alive "$RUN/$name.pid" && continue
    rm -f "$RUN/$name.pid"  # a killed server's (gunicorn refuses a pid file whose pid answers)
    STARTED+=("$name")
    (set -a; . "$STACK_ENV_FILE"; set +a
     GUNICORN_BIND=127.0.0.1:$port GUNICORN_WORKERS=$WORKERS GUNICORN_PROC_NAME=meslek-$name \
       GUNICORN_ERROR_LOG=$LOGS/$name.log GUNICORN_LOG_LEVEL=warning \
       "$PY" -m gunicorn -c deploy/gunicorn.conf.py --pid "$RUN/$name.pid" --daemon careers.wsgi)
  done
  # Each worker imports the whole site first: on a busy machine that takes a while.
  for port in "${APP_PORTS[@]}"; do wait_port "$port" gunicorn 60; done
}

start_files() {
  alive "$RUN/nginx.pid" && return
  STARTED+=(nginx)
  sed -e "s|@RUN@|$RUN|g" -e "s|@LOGS@|$LOGS|g" -e "s|@PORT@|$FILES_PORT|g" \
      -e "s|@STATIC_ROOT@|$STACK_DIR/static|g" -e "s|@MEDIA_ROOT@|$STACK_DIR/media|g" \
      deploy/nginx/files.conf.template >"$RUN/nginx.conf"
  nginx -c "$RUN/nginx.conf" -p "$RUN" -e "$LOGS/nginx-error.log"
  wait_port "$FILES_PORT" nginx
}

write_backends() {
  local out=$RUN/vcl/backends.vcl n=0
  mkdir -p "$RUN/vcl"
  : >"$out"
  for port in "${APP_PORTS[@]}"; do
    n=$((n + 1))
    cat >>"$out" <<EOF
backend app$n {
    .host = "127.0.0.1";
    .port = "$port";
    .first_byte_timeout = 30s;
    .probe = {
        .request = "GET /durum/ HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}
EOF
  done
  printf 'backend files {\n    .host = "127.0.0.1";\n    .port = "%s";\n}\n\n' "$FILES_PORT" >>"$out"
  printf 'acl purgers {\n    "127.0.0.1";\n}\n\n' >>"$out"
  # DJANGO_ALLOWED_HOSTS (write_env): the only Host names the front passes on.
  printf 'sub meslek_site_hosts {\n    if (req.http.x-site-host ~ "^(127\\.0\\.0\\.1|localhost)$") {\n        set req.http.x-site-host = "known";\n    }\n}\n\n' >>"$out"
  printf 'sub meslek_add_backends {\n' >>"$out"
  for i in $(seq 1 "$n"); do printf '    apps.add_backend(app%s);\n' "$i" >>"$out"; done
  printf '}\n' >>"$out"
}

start_front() {
  alive "$RUN/varnish.pid" && return
  STARTED+=(varnish)
  write_backends
  [ -f "$STACK_DIR/varnish_secret" ] || (umask 077; head -c 32 /dev/urandom | base64 >"$STACK_DIR/varnish_secret")
  mkdir -p "$STACK_DIR/varnish"
  varnishd -a "127.0.0.1:$FRONT_PORT" -T "127.0.0.1:$ADMIN_PORT" -S "$STACK_DIR/varnish_secret" \
    -n "$STACK_DIR/varnish" -P "$RUN/varnish.pid" -s malloc,128m \
    -p vcl_path="$RUN/vcl:$ROOT/deploy/varnish:/usr/share/varnish/vcl" \
    -f "$ROOT/deploy/varnish/meslek.vcl" >"$LOGS/varnish.log" 2>&1
  wait_port "$FRONT_PORT" Varnish
  # Ready once the health probes have found the app servers: a page answers through the front.
  "$PY" - "http://127.0.0.1:$FRONT_PORT/durum/" <<'PYEOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit("the front cache does not reach the app servers")
PYEOF
}

# What this `start` started itself (a service already running is left alone): if a later step
# fails, exactly these are stopped again, so a failed start leaves nothing running.
STARTED=()

stop_started() {
  local status=$?
  trap - EXIT
  [ "$status" -eq 0 ] && return 0
  set +e
  echo "stack: start failed; stopping what it started: ${STARTED[*]:-nothing}" >&2
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    case "${STARTED[$i]}" in
      postgres) "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$STACK_DIR/pg" -m fast -w stop >/dev/null 2>&1 ;;
      *) stop_pid "$RUN/${STARTED[$i]}.pid" ;;
    esac
  done
  exit "$status"
}

start_worker() {  # after the front: the demo load's purges are delivered at once
  alive "$RUN/worker.pid" && return
  STARTED+=(worker)
  (set -a; . "$STACK_ENV_FILE"; set +a
   exec "$PY" manage.py jobs --slot 1 >>"$LOGS/worker.log" 2>&1 </dev/null) &
  echo $! >"$RUN/worker.pid"
}

start() {
  need_packages
  mkdir -p "$RUN" "$LOGS"
  trap stop_started EXIT
  write_env
  start_postgres
  start_redis
  prepare_site
  start_apps
  start_files
  start_front
  start_worker
  trap - EXIT
  echo "front: http://127.0.0.1:$FRONT_PORT/"
  for port in "${APP_PORTS[@]}"; do echo "app: http://127.0.0.1:$port/"; done
  echo "env: $STACK_ENV_FILE"
}

stop_pid() {  # stop_pid PIDFILE: TERM, then wait up to 20 s for the process to go
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$1"
}

stop() {  # every step runs whatever the one before did
  set +e
  stop_pid "$RUN/worker.pid"
  stop_pid "$RUN/varnish.pid"
  stop_pid "$RUN/nginx.pid"
  for i in "${!APP_PORTS[@]}"; do stop_pid "$RUN/app-$((i + 1)).pid"; done
  stop_pid "$RUN/redis.pid"
  if [ -f "$STACK_DIR/pg/postmaster.pid" ]; then
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$STACK_DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  echo "stack stopped"
}

status() {
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    if alive "$f"; then echo "$(basename "$f" .pid): running ($(cat "$f"))"; else echo "$(basename "$f" .pid): stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  start-front) mkdir -p "$RUN" "$LOGS"; start_front ;;  # only Varnish (after stopping it)
  start-worker) mkdir -p "$RUN" "$LOGS"; start_worker ;;  # only the worker (after a kill)
  start-apps) mkdir -p "$RUN" "$LOGS"; start_apps ;;  # only the app servers not running
  start-redis) mkdir -p "$RUN" "$LOGS"; start_redis ;;  # only Redis (after a stop)
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
