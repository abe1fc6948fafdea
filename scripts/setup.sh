#!/usr/bin/env bash
# Sets up warta on a Debian machine: a system Chromium for PDFs and poppler-utils for the PDF tests
# (only where missing), then the npm dependencies, which also build warta (npm runs "prepare").
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
chromium_found=""
for candidate in "${WARTA_CHROMIUM:-}" "${PUPPETEER_EXECUTABLE_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then chromium_found="$candidate"; break; fi
done
[ -n "$chromium_found" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} with apt-get"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
else
  echo "setup: Chromium found at $chromium_found; poppler-utils present"
fi

# warta prints with the system Chromium, so puppeteer's own Chrome download is not needed (and needs
# the network). .puppeteerrc.cjs already skips it when a system browser is found; this is belt and braces.
export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
