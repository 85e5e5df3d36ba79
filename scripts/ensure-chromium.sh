#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it with apt-get when missing and we are root; otherwise says how.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium bulunamadı; apt-get ile kuruluyor..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium bulunamadı ($CHROMIUM). Kurmak için: sudo apt-get install chromium" >&2
echo "(Tarayıcı testleri olmadan hızlı döngü için: make test-fast)" >&2
exit 1
