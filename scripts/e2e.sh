#!/usr/bin/env bash
# The browser test: starts the portal on a fresh SQLite directory (so demo data loads)
# and drives Debian's Chromium through Playwright against it. Arguments go to
# `playwright test` (e.g. a file name filter: `bash scripts/e2e.sh changes`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ITSM_ROOT"

# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh
ensure_chromium

for port in 3000 7007; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "Port $port is in use: stop the running portal before the browser test" >&2
    exit 1
  fi
done

data="$(mktemp -d)"
log="$data/portal.log"
export APP_CONFIG_backend_database_connection_directory="\"$data/sqlite\""
mkdir -p "$data/sqlite"
setsid yarn start >"$log" 2>&1 &
portal=$!
cleanup() {
  kill -- -"$portal" 2>/dev/null || true
  wait "$portal" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

echo "Waiting for the portal (log: $log)"
for _ in $(seq 1 300); do
  if curl -sf http://localhost:7007/.backstage/health/v1/readiness >/dev/null &&
    curl -sf http://localhost:3000 >/dev/null; then
    break
  fi
  if ! kill -0 "$portal" 2>/dev/null; then
    cat "$log"; echo "The portal exited before it was ready" >&2; exit 1
  fi
  sleep 1
done
curl -sf http://localhost:3000 >/dev/null || { tail -50 "$log"; echo "The portal did not come up" >&2; exit 1; }

status=0
yarn playwright test --config e2e/playwright.config.ts "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- portal log (warnings and errors) ---"
  grep -vE '"(GET|POST|PATCH) ' "$log" | grep -iE 'error|warn|fail' | tail -40 || true
fi
exit "$status"
