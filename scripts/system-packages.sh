#!/usr/bin/env bash
# The one place that installs Debian packages. Every make target and CI stage that needs one
# asks for the groups it uses; nothing assumes that another stage installed something first.
#
#   scripts/system-packages.sh GROUP...      e.g. `suite browser`, `stack`, `all`
#
# What is already there is left alone (a second run costs a few checks, no apt-get). What is
# missing is installed with apt-get when we are root; otherwise the exact `sudo apt-get
# install ...` line is printed and the script fails, so a target never half-runs.
#
# Groups (and who asks for them):
#   venv      python3.X-venv for $PYTHON (python3.11 by default): every target that makes .venv
#   suite     the non-browser suite: redis-server (tests/test_api_redis.py), fonts-dejavu-core
#             (social cards)                         make test-fast, make test-suite
#   browser   chromium, fonts-dejavu-core, poppler-utils (the print test reads Chromium's PDF)
#   postgres  postgresql-15 (scripts/with-postgres.sh, the scale run on PostgreSQL)
#   redis     redis-server (scripts/with-redis.sh)
#   faults    the stack's packages (the crash tests run one)  make test-faults
#   stack     postgresql-15, redis-server, varnish, varnish-modules, nginx, procps (pgrep),
#             chromium and fonts-dejavu-core (the newsroom's journey runs in a real browser)
#                                                    make stack, make test-stack
#   bench     wrk (plus the stack)                   make bench, make bench-login
#   gettext   gettext (msgfmt, msguniq)              make messages (optional elsewhere: .mo
#             files are compiled in pure Python when msgfmt is missing)
#   all       everything `make test` runs: suite browser postgres faults stack
set -euo pipefail

PYTHON=${PYTHON:-python3.11}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }

# present PACKAGE: is what we use of it on this machine?
present() {
  case "$1" in
    python3.*-venv) have "$PYTHON" && "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null ;;
    python3.*) have "$PYTHON" ;;
    chromium) [ -x "$CHROMIUM" ] ;;
    fonts-dejavu-core) [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] ;;
    poppler-utils) have pdftotext ;;
    postgresql-15) [ -x /usr/lib/postgresql/15/bin/initdb ] && have pg_dump ;;
    redis-server) have redis-server ;;
    varnish) have varnishd ;;
    varnish-modules) [ -n "$(find /usr/lib -name libvmod_xkey.so -print -quit 2>/dev/null)" ] ;;
    nginx) have nginx ;;
    procps) have pgrep ;;
    gettext) have msgfmt && have msguniq ;;
    wrk) have wrk ;;
    *) echo "system-packages.sh: no check for package $1" >&2; return 1 ;;
  esac
}

python_packages() {
  # The interpreter's own version decides the venv package (python3.11-venv, python3.13-venv).
  local version=${PYTHON##*python}
  if have "$PYTHON"; then
    version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  fi
  case "$version" in
    3.*) ;;
    *) version=3.11 ;;
  esac
  have "$PYTHON" || echo "python$version"
  echo "python$version-venv"
}

packages_of() {
  case "$1" in
    venv) python_packages ;;
    suite) echo redis-server fonts-dejavu-core ;;
    browser) echo chromium fonts-dejavu-core poppler-utils ;;
    postgres) echo postgresql-15 ;;
    redis) echo redis-server ;;
    faults) packages_of stack ;;
    stack) echo postgresql-15 redis-server varnish varnish-modules nginx procps chromium fonts-dejavu-core ;;
    bench) packages_of stack; echo wrk ;;
    gettext) echo gettext ;;
    all) for group in suite browser postgres faults stack; do packages_of "$group"; done ;;
    *) echo "system-packages.sh: unknown group $1 (see the top of this file)" >&2; exit 2 ;;
  esac
}

[ $# -gt 0 ] || { echo "usage: $0 GROUP... (venv suite browser postgres redis faults stack bench gettext all)" >&2; exit 2; }

missing=()
for group in "$@"; do
  for package in $(packages_of "$group"); do
    [[ " ${missing[*]} " == *" $package "* ]] && continue
    present "$package" || missing+=("$package")
  done
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  still=()
  for package in "${missing[@]}"; do present "$package" || still+=("$package"); done
  if [ ${#still[@]} -gt 0 ]; then
    echo "Installed, but still not found: ${still[*]}" >&2
    exit 1
  fi
  exit 0
fi
echo "Missing Debian packages for '$*': ${missing[*]}" >&2
echo "Install them with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
