#!/usr/bin/env bash
# The tests use real tools from Debian: Chromium for Playwright (npx playwright install cannot download
# here), xmllint to validate exports against their schemas, translate-toolkit to read them back, and
# poppler-utils' pdftotext, which the app itself runs to read PDF originals.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v pocount >/dev/null 2>&1 && command -v build_tmdb >/dev/null 2>&1 || missing+=(translate-toolkit)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}..."
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  exit 0
fi
echo "The tests need these Debian packages: ${missing[*]}. Install them with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
exit 1
