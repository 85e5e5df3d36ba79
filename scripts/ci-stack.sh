#!/usr/bin/env bash
# CI: the end-to-end tests against a stack of their own (PostgreSQL, Redis, two gunicorn app
# servers, nginx, Varnish+xkey), installing the Debian packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ]; then
  missing=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v varnishd >/dev/null || missing+=(varnish)
  [ -n "$(find /usr/lib -name libvmod_xkey.so -print -quit 2>/dev/null)" ] || missing+=(varnish-modules)
  command -v nginx >/dev/null || missing+=(nginx)
  command -v pgrep >/dev/null || missing+=(procps)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
make test-stack
