#!/usr/bin/env bash
# Counts duplicate code over the production files only, as the README's "Code health"
# reports it: tests, generated files, migrations, browser tests and test utilities are
# left out. Needs the `duplicates` tool on PATH (see the README).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$root"
git ls-files -co --exclude-standard |
  grep -Ev '(\.test\.tsx?$|\.generated\.ts$|/migrations/|^e2e/|__testUtils__|contract\.check\.ts$|setupTests\.ts$)' |
  while read -r f; do
    [ -f "$f" ] || continue
    mkdir -p "$out/$(dirname "$f")"
    cp "$f" "$out/$f"
  done
duplicates --repo "$out" --most "${MOST:-200}" --seconds 120
