#!/usr/bin/env bash
# The dashboard's end-to-end test in headless Chromium. Needs node (>= 20) and npm, Debian's
# /usr/bin/chromium (or CHROMIUM=...) and a release build (target/release/alaqat, or
# ALAQAT_BIN=...). Installs nothing but playwright-core, from package-lock.json, when
# node_modules is missing. Screenshots go to target/screenshots/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool is not installed (the browser test needs node >= 20 and npm)" >&2
        exit 1
    fi
done
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "error: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM)" >&2
    exit 1
fi

if [ ! -d "$here/node_modules/playwright-core" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
fi

cd "$root"
exec node "$here/dashboard.test.mjs"
