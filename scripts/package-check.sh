#!/usr/bin/env bash
# The plugin packages are publishable: each builds with `backstage-cli package build`,
# passes `backstage-cli package prepack`, and `npm pack --dry-run` holds what an adopter
# needs (dist with its entry points and types, the backend's migrations, config schemas).
# Needs `yarn tsc` first (the type declarations come from dist-types).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ITSM_ROOT"

status=0
for dir in plugins/*/; do
  dir="${dir%/}"
  name=$(node -p "require('./$dir/package.json').name")
  if [ "$(node -p "Boolean(require('./$dir/package.json').private)")" = true ]; then
    echo "✘ $name is private: it cannot be published" >&2
    status=1
    continue
  fi
  (cd "$dir" && yarn backstage-cli package build >/dev/null)
  (cd "$dir" && yarn backstage-cli package prepack >/dev/null)
  # As published: prepack turns config.d.ts into a JSON schema and main into dist.
  schema=$(node -p "require('./$dir/package.json').configSchema || ''")
  listing="$(cd "$dir" && npm pack --dry-run --json --ignore-scripts 2>/dev/null)"
  (cd "$dir" && yarn backstage-cli package postpack >/dev/null)
  missing=$(PACKAGE_DIR="$dir" LISTING="$listing" SCHEMA="$schema" node -e '
    const pkg = require(`./${process.env.PACKAGE_DIR}/package.json`);
    const files = new Set(JSON.parse(process.env.LISTING)[0].files.map(f => f.path));
    const need = ["package.json", "dist/index.d.ts"];
    need.push(pkg.backstage.role === "frontend-plugin" ? "dist/index.esm.js" : "dist/index.cjs.js");
    if (pkg.configSchema) need.push(process.env.SCHEMA || "configSchema");
    if ((pkg.files || []).includes("migrations")) {
      if (![...files].some(f => f.startsWith("migrations/"))) need.push("migrations/*");
    }
    if (pkg.backstage.role === "frontend-plugin" && !files.has("dist/alpha.d.ts")) need.push("dist/alpha.d.ts");
    console.log(need.filter(f => f.endsWith("*") || !files.has(f)).join(" "));
  ')
  if [ -n "$missing" ]; then
    echo "✘ $name: npm pack lacks $missing" >&2
    status=1
  else
    echo "✓ $name: builds, prepacks, and packs $(node -e "console.log(JSON.parse(process.argv[1])[0].entryCount)" "$listing") files"
  fi
done
exit "$status"
