#!/usr/bin/env bash
# Command 1: installs everything and starts the portal with the ITSM plugins:
# frontend on http://localhost:3000, backend on http://localhost:7007, records in a
# SQLite file under .data/ (kept across restarts), demo data loaded at first start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
itsm_install
cd "$ITSM_ROOT"
mkdir -p .data/sqlite
exec yarn start
