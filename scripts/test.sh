#!/usr/bin/env bash
# Command 2: installs everything and runs every test: type check, lint, unit and
# database tests on SQLite and PostgreSQL, the browser test against the running app, and
# the production run (built bundle, production install, PostgreSQL, smoke test).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ITSM_ROOT"

step() { printf '\n=== %s ===\n' "$*"; }

step install
itsm_install

step PostgreSQL
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
ensure_postgres
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
# Database tests fail instead of quietly running on SQLite alone.
export ITSM_REQUIRE_POSTGRES=1

step 'type check'
yarn tsc

step lint
yarn backstage-cli repo lint

step 'publishable packages'
bash scripts/package-check.sh

step 'unit, component and database tests'
log="$(mktemp)"
CI=true yarn backstage-cli repo test --verbose 2>&1 | tee "$log"
# Belt and braces: the PostgreSQL variants must have run, by name.
pg_tests=$(grep -c 'on POSTGRES_15' "$log" || true)
rm -f "$log"
if [ "$pg_tests" -lt 2 ]; then
  echo "PostgreSQL database tests did not run (found $pg_tests suites on POSTGRES_15)" >&2
  exit 1
fi
echo "PostgreSQL suites run: $pg_tests"

step 'browser test'
bash scripts/e2e.sh

step 'production run'
bash scripts/production-check.sh
