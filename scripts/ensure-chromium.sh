#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download browsers here) and read
# its printed PDFs with pdftotext (poppler-utils). Installs what is missing with apt-get when
# we are root; otherwise says how.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-dejavu-core)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Eksik paketler apt-get ile kuruluyor: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Eksik: ${missing[*]}. Kurmak için: sudo apt-get install ${missing[*]}" >&2
echo "(Tarayıcı testleri olmadan hızlı döngü için: make test-fast)" >&2
exit 1
