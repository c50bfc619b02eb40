#!/usr/bin/env bash
# Installs, idempotently, the offline "real VS Code" route of the integration tests (README, 集成测试):
#   - Debian: chromium (the browser), libkrb5-dev (to build code-server's kerberos module), ripgrep (stands
#     in for the rg binary @vscode/ripgrep would fetch from GitHub), fonts-wqy-microhei (CJK in screenshots)
#   - npm registry: code-server (VS Code's server + web workbench) and playwright-core into $E2E_HOME,
#     NOT into the project's devDependencies (316 MB that every `npm ci` would pay for).
# Under a second when everything is there; about 1-3 minutes cold. Exit 1 with a clear message otherwise.
#
# env: E2E_HOME             cache folder (default $HOME/.cache/vscode-web-e2e)
#      CODE_SERVER_VERSION  default 4.100.3 = VS Code 1.100.3, the newest code-server whose engines accept Node 20
#      E2E_SKIP_APT=1       never apt-get (install the Debian packages yourself)
set -euo pipefail
E2E_HOME="${E2E_HOME:-$HOME/.cache/vscode-web-e2e}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
log() { echo "[e2e-route] $*" >&2; }

missing=()
for p in chromium libkrb5-dev ripgrep fonts-wqy-microhei; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${E2E_SKIP_APT:-0}" = 1 ] || [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]} (apt-get install them as root, or run this as root)"; exit 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

CS="$E2E_HOME/node_modules/code-server/package.json"
if grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS" 2>/dev/null && [ -d "$E2E_HOME/node_modules/playwright-core" ]; then
  log "ready: code-server $CODE_SERVER_VERSION in $E2E_HOME"; exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION + playwright-core into $E2E_HOME (1-3 minutes)"
start=$(date +%s)
mkdir -p "$E2E_HOME/tmp"
[ -f "$E2E_HOME/package.json" ] || echo '{"name":"govreport-e2e-route","private":true}' > "$E2E_HOME/package.json"
# Fix 1, ripgrep: @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds
# $TMPDIR/vscode-ripgrep-cache-<its version>/ripgrep-<tag>-<target>.tar.gz: put Debian's rg there.
(
  cd "$E2E_HOME/tmp"
  tgz="$(npm pack "code-server@$CODE_SERVER_VERSION" 2>/dev/null | tail -1)"
  tar xzf "$tgz" package/lib/vscode/npm-shrinkwrap.json
  rgver="$(node -p 'require("./package/lib/vscode/npm-shrinkwrap.json").packages["node_modules/@vscode/ripgrep"]?.version ?? ""')"
  if [ -n "$rgver" ]; then
    rgtgz="$(npm pack "@vscode/ripgrep@$rgver" 2>/dev/null | tail -1)"
    tag="$(tar xzOf "$rgtgz" package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")"
    mkdir -p "vscode-ripgrep-cache-$rgver" rg && cp "$(command -v rg)" rg/rg
    tar czf "vscode-ripgrep-cache-$rgver/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C rg rg
  fi
)
# Fix 2, NPM_CONFIG_YES=true: node-pty's install runs `npx node-gyp`, which an npmrc with yes=false cancels.
# Fix 3, --unsafe-perm: code-server's postinstall refuses to run as root without it.
if ! (cd "$E2E_HOME" && TMPDIR="$E2E_HOME/tmp" NPM_CONFIG_YES=true \
  npm install --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION" playwright-core >"$E2E_HOME/install.log" 2>&1); then
  tail -40 "$E2E_HOME/install.log" >&2; log "install failed (log: $E2E_HOME/install.log)"; exit 1
fi
rm -rf "$E2E_HOME/tmp"
log "installed in $(( $(date +%s) - start )) s: $("$E2E_HOME/node_modules/.bin/code-server" --version | head -1)"
