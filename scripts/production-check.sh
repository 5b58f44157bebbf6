#!/usr/bin/env bash
# The production run, checked: builds the backend bundle (with the frontend inside) as
# for the Docker image, installs it for production in an empty directory the way
# packages/backend/Dockerfile does, starts it with app-config.production.yaml on
# PostgreSQL (NODE_ENV=production), and runs scripts/production-smoke.mjs against it.
#
#   bash scripts/production-check.sh            # build, install, start, smoke test
#   SKIP_BUILD=1 bash scripts/production-check.sh   # reuse packages/backend/dist
#
# Port 7107 (PRODUCTION_CHECK_PORT) must be free. The databases it creates
# (itsm_prodcheck_*) are dropped before and after.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ITSM_ROOT"

step() { printf '\n=== %s ===\n' "$*"; }
port="${PRODUCTION_CHECK_PORT:-7107}"
base="http://localhost:$port"
db_prefix=itsm_prodcheck_

source scripts/postgres.sh
ensure_postgres
# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh
ensure_chromium
drop_databases() {
  psql -h 127.0.0.1 -U postgres -Atc \
    "SELECT datname FROM pg_database WHERE datname LIKE '${db_prefix}%'" |
    while read -r db; do
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    done
}
drop_databases

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use" >&2
  exit 1
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  step 'build: yarn tsc, yarn build:backend'
  yarn tsc
  yarn build:backend
fi

work="$(mktemp -d)"
log="$work/backend.log"
backend=""
cleanup() {
  if [ -n "$backend" ]; then
    # A graceful stop first; the backend's shutdown hooks get 20 s.
    kill -- -"$backend" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$backend" 2>/dev/null || break; sleep 1; done
    kill -KILL -- -"$backend" 2>/dev/null || true
    wait "$backend" 2>/dev/null || true
  fi
  drop_databases || true
  rm -rf "$work"
}
trap cleanup EXIT

step "production install in $work (as packages/backend/Dockerfile)"
mkdir -p "$work/.yarn" && cp -r .yarn/releases "$work/.yarn/"
cp .yarnrc.yml backstage.json yarn.lock package.json "$work/"
tar xzf packages/backend/dist/skeleton.tar.gz -C "$work"
(cd "$work" && NODE_ENV=production yarn workspaces focus --all --production)
cp -r examples app-config.yaml app-config.production.yaml "$work/"
tar xzf packages/backend/dist/bundle.tar.gz -C "$work"

# Only what differs on this machine: the port, and databases of their own.
cat >"$work/app-config.check.yaml" <<YAML
app:
  baseUrl: $base
backend:
  baseUrl: $base
  listen: ':$port'
  database:
    prefix: $db_prefix
YAML

step "start on PostgreSQL: node packages/backend (NODE_ENV=production)"
export ITSM_ALERTS_TOKEN="check-alerts-$RANDOM$RANDOM"
export ITSM_DEPLOY_TOKEN="check-deploy-$RANDOM$RANDOM"
(
  cd "$work"
  export NODE_ENV=production POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=5432 \
    POSTGRES_USER=postgres POSTGRES_PASSWORD=
  exec setsid node packages/backend --config app-config.yaml \
    --config app-config.production.yaml --config app-config.check.yaml
) >"$log" 2>&1 &
backend=$!

echo "Waiting for the backend (log: $log)"
for _ in $(seq 1 180); do
  curl -sf "$base/.backstage/health/v1/readiness" >/dev/null && break
  if ! kill -0 "$backend" 2>/dev/null; then
    tail -60 "$log"; echo "The backend exited before it was ready" >&2; exit 1
  fi
  sleep 1
done
curl -sf "$base/.backstage/health/v1/readiness" >/dev/null ||
  { tail -60 "$log"; echo "The backend did not become ready" >&2; exit 1; }

step 'smoke test'
status=0
ITSM_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/${db_prefix}itsm" \
  node scripts/production-smoke.mjs "$base" || status=$?

# On PostgreSQL, in the plugin's own database, with its migrations.
migrations=$(psql -h 127.0.0.1 -U postgres -d "${db_prefix}itsm" -Atc \
  'SELECT count(*) FROM knex_migrations' 2>/dev/null || echo 0)
echo "itsm database ${db_prefix}itsm on PostgreSQL: $migrations migrations applied"
[ "$migrations" -gt 0 ] || status=1

if [ "$status" -ne 0 ]; then
  echo "--- backend log (warnings and errors) ---"
  grep -iE 'error|warn|fail' "$log" | tail -40 || true
fi
exit "$status"
